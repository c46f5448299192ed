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

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "exit {:?}: {}", o.status.code(), stderr(o));
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

#[test]
fn calendar_due_across_tet_2026() {
    let v = json(&hoso(&["calendar", "due", "--received", "2026-02-13T16:30:00+07:00", "--working-days", "7"]));
    assert_eq!(v["due"], "2026-03-04");
    assert_eq!(v["counted_from"], "2026-02-23");
}

#[test]
fn calendar_due_needs_exactly_one_limit() {
    let o = hoso(&["calendar", "due", "--received", "2026-02-13T10:00:00+07:00"]);
    assert_eq!(o.status.code(), Some(2));
    let o = hoso(&["calendar", "due", "--received", "2026-02-13T10:00:00+07:00", "--same-day", "--working-days", "2"]);
    assert_eq!(o.status.code(), Some(2));
    let o = hoso(&["calendar", "due", "--received", "13/02/2026", "--working-days", "2"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("2026-02-13T16:30:00+07:00"), "the message shows the expected format");
}

#[test]
fn calendar_holidays_lists_official_days_off() {
    let v = json(&hoso(&["calendar", "holidays", "2026"]));
    let days: Vec<&str> = v.as_array().unwrap().iter().map(|d| d["date"].as_str().unwrap()).collect();
    assert!(days.contains(&"2026-02-17"), "Tết");
    assert!(days.contains(&"2026-04-27"), "Giỗ Tổ observed on Monday");
    assert!(days.contains(&"2026-01-02"), "swapped day");
    assert!(!days.contains(&"2026-04-26"), "the Sunday itself is an ordinary weekend");
    assert!(v[0]["name"].as_str().unwrap().contains("Tết Dương lịch"));
}

#[test]
fn calendar_lunar_date() {
    let v = json(&hoso(&["calendar", "lunar", "2026-02-17"]));
    assert_eq!(v, serde_json::json!({"year": 2026, "month": 1, "day": 1, "leap_month": false}));
    let v = json(&hoso(&["calendar", "lunar", "2025-07-25"]));
    assert_eq!(v["leap_month"], true);
    assert_eq!(hoso(&["calendar", "lunar", "2026-02-30"]).status.code(), Some(1));
}
