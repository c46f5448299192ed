//! The `hoso` command line as integrators use it: real process, real stdout and exit codes.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

pub fn hoso(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hoso")).args(args).output().expect("run hoso")
}

#[allow(dead_code)]
pub fn hoso_with_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hoso"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run hoso");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn version_prints_the_crate_version() {
    for flag in ["--version", "-V", "version"] {
        let o = hoso(&[flag]);
        assert!(o.status.success());
        assert_eq!(stdout(&o).trim(), format!("hoso {}", env!("CARGO_PKG_VERSION")));
    }
}

#[test]
fn help_lists_commands_in_vietnamese() {
    let o = hoso(&["--help"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.contains("Cách dùng"), "{text}");
    assert!(text.contains("Mã thoát"), "{text}");
}

#[test]
fn unknown_command_is_a_usage_error_with_a_hint() {
    let o = hoso(&["lam-gi-do"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("hoso --help"));
    assert!(stdout(&o).is_empty());
}
