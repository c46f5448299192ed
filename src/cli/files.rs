//! `hoso files check PATH…`: the checks the app runs on an attached file, for a one-stop desk
//! or a portal receiving files: one JSON object per file (`path`, `sha256`, and the report:
//! `kind`, `size`, `pages`, `width`, `height`, `problems`, `accepted`).

use std::io::Write;

use crate::args::Args;
use crate::Failure;
use hoso::core::files::{check_file, quality_problems, sha256_hex, Limits, MB};
use serde_json::json;

pub const HELP: &str = "\
  files check PATH…              Kiểm tra tệp đính kèm (loại thật, hỏng, mật khẩu, số trang, dung lượng);
                                 mỗi tệp một dòng JSON. --max-mb N: giới hạn mỗi tệp (mặc định 10)
";

pub fn run(args: &mut Args) -> Result<(), Failure> {
    match args.next_positional().as_deref() {
        Some("check") => {}
        Some(other) => return Err(Failure::Usage(format!("không có lệnh `files {other}`; dùng `files check PATH…`"))),
        None => return Err(Failure::Usage("thiếu lệnh con: `files check PATH…`".into())),
    }
    let mut limits = Limits::default();
    if let Some(mb) = args.option("max-mb")? {
        let mb: u64 = mb.parse().map_err(|_| Failure::Usage(format!("--max-mb cần một số, không phải «{mb}»")))?;
        limits.max_file_bytes = mb * MB;
    }
    let mut paths = Vec::new();
    while let Some(p) = args.next_positional() {
        paths.push(p);
    }
    args.finish()?;
    if paths.is_empty() {
        return Err(Failure::Usage("thiếu đường dẫn tệp cần kiểm tra".into()));
    }
    let mut out = std::io::stdout().lock();
    let mut refused = 0;
    for path in &paths {
        let bytes = std::fs::read(path).map_err(|e| Failure::Request(format!("Không đọc được {path}: {e}")))?;
        let name = std::path::Path::new(path).file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let mut report = check_file(&name, &bytes, &limits);
        if report.kind.is_image() && !report.refused() {
            report.problems.extend(crate::photo::photo_quality(&bytes).as_ref().map(quality_problems).unwrap_or_default());
        }
        refused += usize::from(report.refused());
        let mut line = json!({ "path": path, "sha256": sha256_hex(&bytes), "accepted": !report.refused() });
        line.as_object_mut().expect("an object").extend(report.described().as_object().cloned().unwrap_or_default());
        writeln!(out, "{line}").map_err(|e| Failure::Request(e.to_string()))?;
    }
    if refused > 0 {
        return Err(Failure::Request(format!("{refused}/{} tệp không được nhận (xem «problems»).", paths.len())));
    }
    Ok(())
}
