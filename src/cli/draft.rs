//! `hoso draft check FILE`: the checks the app runs when a person opens a draft file ("Mở hồ sơ
//! từ tệp"), for a ward desk receiving one on a USB stick: one JSON object; exit 1 when refused.

use crate::args::Args;
use crate::Failure;
use hoso::core::draft::{read_draft, MAX_DRAFT_BYTES};
use serde_json::json;

pub const HELP: &str = "\
  draft check FILE               Kiểm tra tệp hồ sơ nháp (.zip do hoso lưu): cấu trúc, tên tệp an toàn,
                                 dung lượng, mã băm từng giấy tờ, phiên bản; in một JSON, mã thoát 1 khi bị từ chối
";

pub fn run(args: &mut Args) -> Result<(), Failure> {
    match args.next_positional().as_deref() {
        Some("check") => {}
        Some(other) => return Err(Failure::Usage(format!("không có lệnh `draft {other}`; dùng `draft check FILE`"))),
        None => return Err(Failure::Usage("thiếu lệnh con: `draft check FILE`".into())),
    }
    let path = args.next_positional().ok_or_else(|| Failure::Usage("thiếu đường dẫn tệp hồ sơ nháp".into()))?;
    args.finish()?;
    let size = std::fs::metadata(&path).map_err(|e| Failure::Request(format!("Không đọc được {path}: {e}")))?.len();
    let outcome = if size > MAX_DRAFT_BYTES {
        Err(hoso::core::zip::ZipProblem::TooLarge { bytes: size, limit: MAX_DRAFT_BYTES }.into())
    } else {
        let bytes = std::fs::read(&path).map_err(|e| Failure::Request(format!("Không đọc được {path}: {e}")))?;
        read_draft(&bytes)
    };
    match outcome {
        Ok(draft) => {
            let d = &draft.dossier;
            println!(
                "{}",
                json!({ "path": path, "accepted": true, "id": d.id, "procedure": d.procedure, "catalogue_version": d.catalogue_version,
                        "answers": d.answers.len(), "files": draft.files.len(), "changed": d.changed, "problems": [] })
            );
            Ok(())
        }
        Err(problem) => {
            println!("{}", json!({ "path": path, "accepted": false, "problems": [problem.described()] }));
            Err(Failure::Request(problem.message()))
        }
    }
}
