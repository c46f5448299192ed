//! `hoso`: the native command-line tool over the same core as the browser app.
//!
//! Output is JSON on stdout (one value, or one object per line for streaming checks);
//! messages for people go to stderr. Exit codes: 0 success, 1 a valid request that failed
//! (unknown code, invalid data), 2 a malformed command line.

mod args;
mod calendar;
mod catalogue;
mod check;
mod draft;
mod embed;
mod files;
mod forms;
mod package;
mod photo;
mod search;
mod units;

use args::Args;
use std::process::ExitCode;

const HELP_TEMPLATE: &str = "\
hoso — chuẩn bị hồ sơ dịch vụ công trực tuyến (công cụ dòng lệnh)

Cách dùng:
  hoso <lệnh> [tham số]

Lệnh:
  help                 In hướng dẫn này
  version              In phiên bản
{CATALOGUE}{SEARCH}{CHECK}{FORMS}{FILES}{DRAFT}{PACKAGE}{EMBED}{UNITS}{CALENDAR}
Tuỳ chọn chung:
  -h, --help           In hướng dẫn này
  -V, --version        In phiên bản

Kết quả in ra là JSON. Mã thoát: 0 thành công, 1 yêu cầu không thực hiện được, 2 sai cú pháp lệnh.
";

fn help() -> String {
    HELP_TEMPLATE
        .replace("{CATALOGUE}", catalogue::HELP)
        .replace("{SEARCH}", search::HELP)
        .replace("{CHECK}", check::HELP)
        .replace("{FORMS}", forms::HELP)
        .replace("{FILES}", files::HELP)
        .replace("{DRAFT}", draft::HELP)
        .replace("{PACKAGE}", package::HELP)
        .replace("{EMBED}", embed::HELP)
        .replace("{UNITS}", units::HELP)
        .replace("{CALENDAR}", calendar::HELP)
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    match Args::from_env().and_then(|mut args| run(&mut args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(msg)) => {
            eprintln!("Lỗi cú pháp: {msg}\nGõ `hoso --help` để xem hướng dẫn.");
            ExitCode::from(2)
        }
        Err(Failure::Request(msg)) => {
            eprintln!("{msg}");
            ExitCode::from(1)
        }
    }
}

/// Why a command did not succeed.
pub enum Failure {
    /// The command line itself is wrong (exit 2).
    Usage(String),
    /// The request was understood but cannot be fulfilled (exit 1).
    Request(String),
}

/// `hoso search … | head`: when the reader goes away, stop quietly as other Unix tools do
/// (the default action of SIGPIPE), instead of a panic on the next write.
fn quiet_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: restoring the default disposition of one signal at start-up, before any thread.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn run(args: &mut Args) -> Result<(), Failure> {
    // `--version` and `--help` only in place of a command: `units import F --version V` is
    // the data's version.
    let Some(command) = args.next_positional() else {
        if args.flag("version") || args.flag("V") {
            println!("hoso {}", hoso::VERSION);
        } else if args.flag("help") || args.flag("h") || args.finish().is_ok() {
            print!("{}", help());
        } else {
            args.finish()?;
        }
        return Ok(());
    };
    match command.as_str() {
        "help" => {
            print!("{}", help());
            Ok(())
        }
        "version" => {
            println!("hoso {}", hoso::VERSION);
            Ok(())
        }
        "calendar" => calendar::run(args),
        "catalogue" => catalogue::run(args),
        "search" => search::run(args),
        "check" => check::run(args),
        "files" => files::run(args),
        "draft" => draft::run(args),
        "package" => package::run(args),
        "embed" => embed::run(args),
        "forms" => forms::run(args),
        "units" => units::run(args),
        other => Err(Failure::Usage(format!("không có lệnh `{other}`"))),
    }
}
