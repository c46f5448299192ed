//! Reads the Ministry of National Defence's per-procedure exports (`tthc-bqp-2025-12`): JSON with
//! Vietnamese keys, `metadata`, `content`, and `tables` already split into rows — ways to submit
//! (`hinh_thuc_nop`), papers (`thanh_phan_ho_so`, "Bản chính: N\nBản sao: M"), legal basis
//! (`can_cu_phap_ly`). Each cell goes through the same readers as the national crawl's text (time
//! limits, fees, a paper's own case, "(nếu có)", alternatives, document numbers), and each parsed
//! value keeps the source cells beside it.

use serde_json::{Map, Value};

use super::channels::parse_row;
use super::documents::paper;
use super::legal::{first_number, parse_results};
use super::scan::{is_placeholder, meaningful, split_list};
use super::ImportError;
use crate::core::catalogue::model::*;
use crate::core::text::clean;

/// Parses one exported procedure. `ministry` is the folder name the source gives its ministry.
pub fn import_bqp(ministry: &str, record: &Value) -> Result<Procedure, ImportError> {
    let obj = record.as_object().ok_or(ImportError::NotAnObject)?;
    let empty = Map::new();
    let part = |key: &str| obj.get(key).and_then(Value::as_object).unwrap_or(&empty);
    let (meta, content, tables) = (part("metadata"), part("content"), part("tables"));
    let text = |m: &Map<String, Value>, key: &str| m.get(key).and_then(Value::as_str).unwrap_or("").to_string();
    let rows = |key: &str| tables.get(key).and_then(Value::as_array).cloned().unwrap_or_default();
    let cell = |row: &Value, key: &str| row.get(key).and_then(Value::as_str).unwrap_or("").to_string();

    let code = clean(&text(meta, "mã_thủ_tục"));
    let code = if code.is_empty() { clean(obj.get("thu_tuc_id").and_then(Value::as_str).unwrap_or("")) } else { code };
    if code.is_empty() {
        return Err(ImportError::MissingCode);
    }
    let mut needs_review = Vec::new();
    let mut name = clean(&text(meta, "tên_thủ_tục"));
    if name.is_empty() {
        needs_review.push(ReviewFlag { field: "fields".into(), reason: "thiếu tên thủ tục".into() });
        name = code.clone();
    }
    // "Cấp Xã" as the crawl writes it, "Cấp xã": one level, one filter.
    let levels: Vec<String> = meaningful(&text(meta, "cấp_thực_hiện"))
        .map(|l| split_list(&l))
        .unwrap_or_default()
        .into_iter()
        .map(|l| match l.strip_prefix("Cấp ") {
            Some(rest) => format!("Cấp {}", crate::core::text::lower(rest)),
            None => l,
        })
        .collect();
    let field = meaningful(&text(meta, "lĩnh_vực")).unwrap_or_else(|| {
        needs_review.push(ReviewFlag { field: "fields".into(), reason: "thiếu lĩnh vực".into() });
        "Chưa phân loại".into()
    });

    // Ways to submit: one row each, read as the crawl's row text is read.
    let mut channels = Vec::new();
    let mut flags = Vec::new();
    for row in rows("hinh_thuc_nop") {
        let (mode, time, fee, about) = (cell(&row, "hinh_thuc"), cell(&row, "thoi_han_giai_quyet"), cell(&row, "phi_le_phi"), cell(&row, "mo_ta"));
        // A time the crawl's reader can take: a number and its unit ("30 Ngày làm việc", "01 Giờ");
        // anything else ("Không quy định", "10-25") is kept as written, not read.
        let time = clean(&time);
        let digits = super::scan::digits_len(&time);
        let readable = digits > 0 && time[digits..].starts_with(' ') && time[digits + 1..].starts_with(char::is_alphabetic);
        let not_set = !readable;
        let time_cell = if readable { time.clone() } else { "Không có thông tin".to_string() };
        let row_text = format!("{}{time_cell}{}{}", clean(&mode), crawl_fee(&fee), clean(&about));
        if !["Trực tuyến", "Dịch vụ bưu chính", "Trực tiếp"].iter().any(|m| row_text.starts_with(m)) {
            flags.push(ReviewFlag { field: "channels".into(), reason: format!("không nhận ra hình thức nộp «{}»", clean(&mode)) });
            continue;
        }
        let mut ch = parse_row(&row_text, &mut flags);
        if not_set && !is_placeholder(&time) {
            ch.time_limit_text = time.clone();
        }
        ch.raw = [mode, time, fee, about].iter().map(|c| clean(c)).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(" · ");
        channels.push(ch);
    }
    if channels.is_empty() && flags.is_empty() {
        flags.push(ReviewFlag { field: "channels".into(), reason: "không có thông tin về hình thức nộp, thời hạn, lệ phí".into() });
    }
    needs_review.extend(flags);

    // Papers: the table is split already; each name is read for its case, "(nếu có)", alternatives.
    let mut documents = Vec::new();
    let mut document_notes = Vec::new();
    for row in rows("thanh_phan_ho_so") {
        let (name, template, counts) = (clean(&cell(&row, "ten_giay_to")), cell(&row, "so_luong"), cell(&row, "ghi_chu"));
        let (originals, copies) = quantities(&counts);
        if name.is_empty() {
            continue;
        }
        if originals == 0 && copies == 0 || super::reading::is_instruction(&name) {
            document_notes.push(DocumentNote { text: name, condition: None });
            continue;
        }
        let template_file = meaningful(&template).filter(|t| t.contains('.'));
        let raw = clean(&format!("{name}{}", Document::quantity_text(originals, copies)));
        let (doc, flags) = paper(name, template_file, (originals, copies), DocumentKind::Submit, None, raw);
        needs_review.extend(flags);
        documents.push(doc);
    }
    if documents.is_empty() {
        needs_review.push(ReviewFlag { field: "documents".into(), reason: "không có thành phần hồ sơ".into() });
    }

    let legal_basis = rows("can_cu_phap_ly")
        .iter()
        .filter_map(|row| {
            let title = clean(&cell(row, "trich_yeu"));
            let number = first_number(&title).or_else(|| meaningful(&cell(row, "so_ky_hieu")));
            let raw = ["so_ky_hieu", "trich_yeu", "ngay_ban_hanh", "co_quan_ban_hanh"].iter().map(|k| clean(&cell(row, k))).collect::<Vec<_>>().join(" · ");
            (!title.is_empty()).then_some(LegalDocument { title, number, raw })
        })
        .collect();
    let (results, flags) = parse_results(&text(content, "kết_quả_thực_hiện"));
    needs_review.extend(flags);
    let none = |s: String| meaningful(&s).filter(|t| !fold_eq(t, "khong"));

    Ok(Procedure {
        code,
        name,
        ministry: ministry.to_string(),
        decision: meaningful(&text(meta, "số_quyết_định")),
        level: levels.join(", "),
        levels,
        procedure_type: meaningful(&text(meta, "loại_thủ_tục")),
        field,
        applicants: meaningful(&text(content, "đối_tượng_thực_hiện")).map(|a| split_list(&a)).unwrap_or_default(),
        agencies: Agencies {
            performing: meaningful(&text(content, "cơ_quan_thực_hiện")),
            competent: meaningful(&text(content, "cơ_quan_có_thẩm_quyền")),
            receiving_address: meaningful(&text(content, "địa_chỉ_tiếp_nhận_hs")),
            delegated: meaningful(&text(content, "cơ_quan_được_ủy_quyền")),
            coordinating: meaningful(&text(content, "cơ_quan_phối_hợp")),
        },
        channels,
        documents,
        document_notes,
        steps: steps(&text(content, "trình_tự_thực_hiện")),
        conditions: none(text(content, "yêu_cầu_điều_kiện_thực_hiện")).map(|c| vec![c]).unwrap_or_default(),
        legal_basis,
        results,
        needs_review,
        corrections: Vec::new(),
        source_url: None,
        source: None,
    })
}

fn fold_eq(s: &str, folded: &str) -> bool {
    crate::core::text::fold(s).trim().trim_end_matches('.') == folded
}

/// "Bản chính: 1\nBản sao: 0" → (1, 0).
fn quantities(s: &str) -> (u32, u32) {
    let number_after = |label: &str| {
        s.find(label).and_then(|i| {
            let rest = s[i + label.len()..].trim_start_matches([':', ' ']);
            rest[..super::scan::digits_len(rest)].parse::<u32>().ok()
        })
    };
    (number_after("Bản chính").unwrap_or(0), number_after("Bản sao").unwrap_or(0))
}

/// The fee cell ("Phí : 2.000.000 Đồng (Thẩm định…)", "Lệ phí : 05 USD", "Phí : Không Đồng",
/// "Phí : Mức thu bằng 50%…") in the crawl's shape: the amount with its currency, then the rest
/// in brackets as the row's note; "Không có thông tin" when no amount is given.
fn crawl_fee(cell: &str) -> String {
    let cell = cell.trim();
    if cell.is_empty() {
        return "Không có thông tin".into();
    }
    let (first, others) = cell.split_once('\n').unwrap_or((cell, ""));
    let first = first.trim();
    let body = ["Lệ phí :", "Lệ phí:", "Phí :", "Phí:"].iter().find_map(|p| first.strip_prefix(p)).unwrap_or(first).trim();
    let note_of = |rest: &str| {
        let rest = clean(&format!("{rest} {}", others.replace('\n', " ")));
        if rest.is_empty() {
            String::new()
        } else if super::scan::bracket_group_len(&rest) == Some(rest.len()) && rest.ends_with(')') {
            rest
        } else {
            format!("({rest})")
        }
    };
    let currency = ["Đồng", "USD", "VNĐ"].iter().filter_map(|c| body.find(c).map(|i| (i, c.len()))).min();
    match currency {
        Some((i, len)) => {
            let amount = body[..i].trim();
            let rest = body[i + len..].trim();
            let a_number = !amount.is_empty() && amount.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',');
            if a_number {
                format!("{amount} {}{}", &body[i..i + len], note_of(rest))
            } else if fold_eq(amount, "khong") {
                format!("Miễn phí{}", note_of(rest))
            } else {
                format!("Không có thông tin{}", note_of(&format!("{first} {rest}")))
            }
        }
        None => format!("Không có thông tin{}", note_of(cell.lines().next().unwrap_or(""))),
    }
}

/// "Bước 1: … Bước 2: …" in one line → one step each.
fn steps(s: &str) -> Vec<String> {
    if is_placeholder(s) {
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    for line in s.lines() {
        let mut start = 0;
        for (i, _) in line.match_indices("Bước ") {
            let numbered = line[i + "Bước ".len()..].chars().next().is_some_and(|c| c.is_ascii_digit());
            if numbered && i > start && !line[start..i].trim().is_empty() {
                out.push(clean(&line[start..i]));
                start = i;
            }
        }
        out.push(clean(&line[start..]));
    }
    out.retain(|l| !l.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fee_cells_read_as_the_crawls_fee_text() {
        assert_eq!(crawl_fee("Phí : 0 Đồng"), "0 Đồng");
        assert_eq!(crawl_fee("Phí : 2.000.000 Đồng (Thẩm định cấp phép)"), "2.000.000 Đồng(Thẩm định cấp phép)");
        assert_eq!(crawl_fee("Lệ phí : 05 USD"), "05 USD");
        // 1.013199: a numbered rule, not an amount
        assert!(crawl_fee("Phí : 1.\tMức thu bằng 50% mức thu phí quy định tại Mục I, 200.000 Đồng").starts_with("Không có thông tin("));
        assert_eq!(crawl_fee("Phí : Không Đồng"), "Miễn phí");
        assert_eq!(crawl_fee(""), "Không có thông tin");
        assert!(crawl_fee("Phí : Mức thu bằng 50% mức thu phí").starts_with("Không có thông tin(Phí : Mức thu bằng 50%"));
        let mut flags = Vec::new();
        let ch = parse_row(&format!("Trực tiếp30 Ngày làm việc{}", crawl_fee("Phí : 2.000.000 Đồng (Thẩm định cấp phép)")), &mut flags);
        assert_eq!((ch.fee_vnd, ch.working_days, ch.fee_note.as_deref()), (Some(2_000_000), Some(30), Some("Thẩm định cấp phép")));
    }

    #[test]
    fn quantities_and_steps() {
        assert_eq!(quantities("Bản chính: 1\nBản sao: 0"), (1, 0));
        assert_eq!(quantities("Bản chính: 0\nBản sao: 5"), (0, 5));
        assert_eq!(steps("Bước 1: Nộp hồ sơ. Bước 2: Nhận kết quả."), ["Bước 1: Nộp hồ sơ.", "Bước 2: Nhận kết quả."]);
    }
}
