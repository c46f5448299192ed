//! `hoso check KIND`: validates one value per line of standard input, printing one JSON object
//! per line (`input`, `valid`, `normalized`, `reason`, and per kind extra fields).

use std::io::{BufRead, Write};

use crate::args::Args;
use crate::Failure;
use hoso::core::calendar::Date;
use hoso::core::validate::{check_cccd, check_email, check_mst, check_name, check_phone, Problem};
use serde_json::{json, Value};

pub const HELP: &str = "\
  check KIND                     Kiểm tra từng dòng nhập vào (stdin), in mỗi dòng một JSON;
                                 KIND: cccd, mst, phone, name, email, cccd-qr (nội dung mã QR
                                 trên căn cước, như máy quét cầm tay gõ ra: các trường đọc được
                                 và xã, phường mới của địa chỉ in trên thẻ) [--units FILE]
";

pub fn run(args: &mut Args) -> Result<(), Failure> {
    let kind = args.next_positional().ok_or_else(|| Failure::Usage("thiếu KIND: cccd, mst, phone, name, email hoặc cccd-qr".into()))?;
    let today = today();
    if kind == "cccd-qr" {
        let (units, old) = crate::units::with_old_to_new(args)?;
        return each_line(move |s| card_qr(s, today, &units, &old));
    }
    args.finish()?;
    let check: Box<dyn Fn(&str) -> Value> = match kind.as_str() {
        "cccd" => Box::new(move |s| match check_cccd(s, Some(today)) {
            Ok(id) => json!({"input": s, "valid": true, "normalized": id.normalized, "reason": null,
                "province_code": id.province_code, "province": id.province, "sex": id.sex.as_str(), "birth_year": id.birth_year}),
            Err(p) => {
                json!({"input": s, "valid": false, "normalized": null, "reason": p.message(), "problem": p, "province_code": null, "sex": null, "birth_year": null})
            }
        }),
        "mst" => Box::new(move |s| outcome(s, check_mst(s, Some(today)))),
        "phone" => Box::new(|s| match check_phone(s) {
            Ok(p) => json!({"input": s, "valid": true, "normalized": p.normalized, "reason": null, "e164": p.e164, "carrier": p.carrier, "mobile": p.mobile}),
            Err(p) => json!({"input": s, "valid": false, "normalized": null, "reason": p.message(), "problem": p, "e164": null}),
        }),
        "name" => Box::new(|s| outcome(s, check_name(s))),
        "email" => Box::new(|s| outcome(s, check_email(s))),
        other => return Err(Failure::Usage(format!("không kiểm tra được loại «{other}»; dùng cccd, mst, phone, name, email hoặc cccd-qr"))),
    };
    each_line(check)
}

/// Prints `check` of every line of standard input, one JSON line each.
fn each_line(check: impl Fn(&str) -> Value) -> Result<(), Failure> {
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    for line in stdin.lock().lines() {
        let line = line.map_err(|e| Failure::Request(format!("Không đọc được dữ liệu vào: {e}")))?;
        let line = line.trim_end_matches('\r');
        writeln!(out, "{}", check(line)).map_err(|e| Failure::Request(e.to_string()))?;
    }
    Ok(())
}

/// A căn cước's QR payload: the card's fields, and the 2025 communes its printed address may now be in.
fn card_qr(input: &str, today: Date, units: &hoso::core::units::Units, old: &hoso::core::units::OldToNew) -> Value {
    match hoso::core::validate::cccd_qr::read_card_qr(input, today) {
        Ok(card) => {
            let (street, communes) = hoso::core::forms::convert_address(&card.address, units, Some(old));
            let communes: Vec<Value> = communes.iter().map(|c| json!({"code": c.code, "name": c.name, "province": c.province})).collect();
            json!({"input": input, "valid": true, "card": card.to_json(), "street": street, "communes": communes, "reason": null})
        }
        Err(p) => json!({"input": input, "valid": false, "card": null, "reason": p.message(), "problem": p}),
    }
}

/// One checked line: the normalised value, or the problem's kind (`problem`) and sentence (`reason`).
fn outcome(input: &str, r: Result<String, Problem>) -> Value {
    match r {
        Ok(n) => json!({"input": input, "valid": true, "normalized": n, "reason": null}),
        Err(p) => json!({"input": input, "valid": false, "normalized": null, "reason": p.message(), "problem": p}),
    }
}

/// Today's date in Vietnam (UTC+7), from the system clock (the rule is the core's).
pub fn today() -> Date {
    let ms = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0);
    hoso::core::calendar::Receipt::from_unix_millis(ms).date
}
