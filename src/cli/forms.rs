//! `hoso forms list` and `hoso forms check CODE`: the declaration forms and their rules, for a
//! portal or a desk checking answers exported by the app (a JSON object of strings on stdin).

use std::io::Read;

use crate::args::Args;
use crate::Failure;
use hoso::core::calendar::Date;
use hoso::core::forms::{all_forms, check_declaration, Answers};
use serde_json::json;

pub const HELP: &str = "\
  forms list                     Các tờ khai đầy đủ hoso có (mã, thủ tục, số phần)
  forms check CODE               Kiểm tra câu trả lời tờ khai (JSON trên stdin) theo quy tắc của thủ tục CODE
                                 (tờ khai đầy đủ, hoặc tờ khai chung khi hoso chưa có tờ khai riêng);
                                 in {errors: [{field, kind, …, message}], normalized}; mã thoát 1 khi còn lỗi.
                                 --today YYYY-MM-DD: kiểm tra như vào ngày đó; --units FILE: đơn vị hành chính
";

pub fn run(args: &mut Args) -> Result<(), Failure> {
    match args.next_positional().as_deref() {
        Some("list") => {
            args.finish()?;
            let forms: Vec<_> = all_forms()
                .iter()
                .map(|f| json!({"id": f.id, "version": f.version, "procedures": f.procedures, "title": f.title, "template": f.template, "sections": f.sections.len()}))
                .collect();
            println!("{}", serde_json::to_string_pretty(&forms).unwrap_or_default());
            Ok(())
        }
        Some("check") => {
            let code = args.next_positional().ok_or_else(|| Failure::Usage("thiếu mã thủ tục, ví dụ: forms check 3.000333".into()))?;
            let today = match args.option("today")? {
                Some(d) => Date::parse_iso(&d).ok_or_else(|| Failure::Usage(format!("--today có dạng YYYY-MM-DD, không phải «{d}»")))?,
                None => crate::check::today(),
            };
            let units = crate::units::from_args(args)?;
            args.finish()?;
            let mut input = String::new();
            std::io::stdin().read_to_string(&mut input).map_err(|e| Failure::Request(format!("Không đọc được dữ liệu vào: {e}")))?;
            let answers: Answers =
                serde_json::from_str(&input).map_err(|e| Failure::Request(format!("Câu trả lời phải là một đối tượng JSON gồm các chuỗi: {e}")))?;
            let (errors, normalized) = check_declaration(&code, &answers, today, &units);
            println!("{}", json!({ "errors": errors, "normalized": normalized }));
            if errors.is_empty() {
                Ok(())
            } else {
                Err(Failure::Request(format!("Còn {} chỗ cần sửa.", errors.len())))
            }
        }
        Some(other) => Err(Failure::Usage(format!("không có lệnh `forms {other}`; dùng `forms list` hoặc `forms check CODE`"))),
        None => Err(Failure::Usage("thiếu lệnh con: `forms list` hoặc `forms check CODE`".into())),
    }
}
