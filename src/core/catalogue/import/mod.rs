//! Import of the national procedure database crawl (`../shared/data/tthc-2026-07`).
//!
//! [`import_record`] turns one crawled JSON record into a [`Procedure`]. It never panics and
//! never guesses silently: each parser returns review flags for what it could not read, and the
//! original text stays beside every parsed value.

mod bqp;
mod channels;
mod documents;
mod legal;
pub mod reading;
pub mod scan;

use serde_json::Value;

use super::model::*;
use crate::core::text::clean;
use scan::{meaningful, split_list};

pub use bqp::import_bqp;
pub use channels::parse_channels;
pub use documents::parse_documents;
pub use legal::{parse_legal_basis, parse_results};

#[derive(Debug, PartialEq, Eq)]
pub enum ImportError {
    NotAnObject,
    MissingCode,
}

/// Parses one crawled record. `ministry` is the folder it came from.
pub fn import_record(ministry: &str, record: &Value) -> Result<Procedure, ImportError> {
    let obj = record.as_object().ok_or(ImportError::NotAnObject)?;
    let text = |key: &str| obj.get(key).and_then(Value::as_str).unwrap_or("").to_string();
    let code = clean(&text("ma_thu_tuc"));
    if code.is_empty() {
        return Err(ImportError::MissingCode);
    }
    let mut needs_review = Vec::new();
    let mut name = clean(&text("ten_thu_tuc"));
    if name.is_empty() {
        needs_review.push(ReviewFlag { field: "fields".into(), reason: "thiếu tên thủ tục".into() });
        name = code.clone();
    }
    let levels = meaningful(&text("cap_thuc_hien")).map(|l| split_list(&l)).unwrap_or_default();
    let field = meaningful(&text("linh_vuc")).unwrap_or_else(|| {
        needs_review.push(ReviewFlag { field: "fields".into(), reason: "thiếu lĩnh vực".into() });
        "Chưa phân loại".into()
    });

    let (channels, flags) = parse_channels(&text("cach_thuc_thuc_hien"));
    needs_review.extend(flags);
    let mut corrections = Vec::new();
    let (papers_text, steps_text) =
        match papers_from_page(&text("trinh_tu_thuc_hien"), &text("thanh_phan_ho_so"), &text("cach_thuc_thuc_hien"), &text("raw_text")) {
            Some(found) => {
                corrections.push("Thành phần hồ sơ đọc từ toàn văn trang của Cổng (bản thu thập đã cắt nhầm mục này vào trình tự thực hiện).".to_string());
                found
            }
            None => (text("thanh_phan_ho_so"), text("trinh_tu_thuc_hien")),
        };
    let mut docs = parse_documents(&papers_text);
    let repeated = documents::drop_repeated(&mut docs.documents);
    if repeated > 0 {
        corrections.push(format!("Bỏ {repeated} dòng giấy tờ lặp lại trong cùng trường hợp."));
    }
    // No paper read at all, with nothing said why (the portal's "0 bản chính" on every row):
    // the person must not take it for "nothing to bring".
    if docs.documents.is_empty() && !docs.flags.iter().any(|f| f.field == "documents") {
        needs_review.push(ReviewFlag {
            field: "documents".into(), reason: "không đọc được giấy tờ nào trong thành phần hồ sơ (xem ghi chú bên dưới)".into()
        });
    }
    needs_review.extend(docs.flags);
    let (legal_basis, flags) = parse_legal_basis(&text("can_cu_phap_ly"));
    needs_review.extend(flags);
    let (results, flags) = parse_results(&text("ket_qua_xu_ly"));
    needs_review.extend(flags);

    Ok(Procedure {
        code,
        name,
        ministry: ministry.to_string(),
        decision: meaningful(&text("so_quyet_dinh")),
        level: levels.join(", "),
        levels,
        procedure_type: meaningful(&text("loai_thu_tuc")),
        field,
        applicants: meaningful(&text("doi_tuong_thuc_hien")).map(|a| split_list(&a)).unwrap_or_default(),
        agencies: Agencies {
            performing: meaningful(&text("co_quan_thuc_hien")),
            competent: meaningful(&text("co_quan_co_tham_quyen")),
            receiving_address: meaningful(&text("dia_chi_tiep_nhan")),
            delegated: meaningful(&text("co_quan_duoc_uy_quyen")),
            coordinating: meaningful(&text("co_quan_phoi_hop")),
        },
        channels,
        documents: docs.documents,
        document_notes: docs.notes,
        steps: lines(&steps_text),
        conditions: lines(&text("yeu_cau_dieu_kien")),
        legal_basis,
        results,
        needs_review,
        corrections,
        source_url: meaningful(&text("detail_url")),
        source: None,
    })
}

/// The section of papers, and the steps, when the crawl cut the record at an earlier "Thành phần
/// hồ sơ" than the section's own: social insurance pages write "…lập hồ sơ theo quy định tại mục
/// 12.3 (Thành phần hồ sơ); nộp cho…" in their steps, so the papers field holds the rest of the
/// steps and no table. The page's whole text (`raw`) still has the section where the page puts
/// it: right after the ways to submit (`channels`), up to the legal basis. `None` when the papers
/// field has its table, or the page has no such section.
fn papers_from_page(steps: &str, papers: &str, channels: &str, raw: &str) -> Option<(String, String)> {
    const SECTION: &str = "Thành phần hồ sơ";
    const TABLE: &str = "Tên giấy tờ";
    if papers.contains(TABLE) {
        return None;
    }
    // The end of the ways to submit, as the page has it (its last words are enough to find it).
    let channels = channels.trim();
    let tail = &channels[channels.char_indices().rev().nth(39).map_or(0, |(i, _)| i)..];
    if tail.is_empty() {
        return None;
    }
    // The first place where they end and the section begins (their words may come earlier too).
    let section = raw.match_indices(tail).find_map(|(at, _)| raw[at + tail.len()..].trim_start().strip_prefix(SECTION))?;
    let section = &section[..section.find("Căn cứ pháp lý").unwrap_or(section.len())];
    section.contains(TABLE).then(|| (section.to_string(), format!("{steps}{SECTION}{papers}")))
}

/// Flags for review every paper read as needed in every case whose text still names a case
/// (`reading::conditional_phrase`), unless a reviewed override says why it is needed anyway.
/// Run after the overrides.
pub fn flag_unread_conditions(p: &mut Procedure) {
    for d in &p.documents {
        if let Some(phrase) = unread_case(d) {
            let name: String = d.name.chars().take(80).collect();
            p.needs_review
                .push(ReviewFlag {
                    field: "documents".into(), reason: format!("giấy tờ được coi là luôn cần nhưng có cụm «{}»: «{name}»", phrase.trim())
                });
        }
    }
}

/// The conditional phrase of a paper read as needed in every case (`reading::conditional_phrase`),
/// unless it has alternatives (which name their cases) or a reviewed override says why it is needed
/// anyway: a case the importer did not read.
pub fn unread_case(d: &Document) -> Option<&'static str> {
    let settled = !d.always_needed() || !d.any_of.is_empty() || d.needed_anyway.is_some();
    if settled {
        None
    } else {
        reading::conditional_phrase(&d.name)
    }
}

/// Non-empty lines, cleaned; nothing for a placeholder.
fn lines(s: &str) -> Vec<String> {
    if scan::is_placeholder(s) {
        return Vec::new();
    }
    s.lines().map(clean).filter(|l| !l.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_record_with_nothing_but_a_code_imports_with_flags() {
        let p = import_record("bo-tu-phap", &json!({"ma_thu_tuc": "9.999999"})).unwrap();
        assert_eq!(p.name, "9.999999");
        assert!(p.needs_review.len() >= 3);
        assert!(p.channels.is_empty() && p.documents.is_empty());
    }

    #[test]
    fn papers_cut_into_the_steps_by_the_crawl_are_read_from_the_page() {
        // 2.000809 as crawled: the steps name "mục 12.3 (Thành phần hồ sơ)", where the crawl cut.
        let channels = "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp5 Ngày làm việcMiễn phí";
        let raw = format!("Trình tự thực hiệnBước 1. Người hưởng lập hồ sơ theo quy định tại mục 12.3 (Thành phần hồ sơ); nộp cho cơ quan BHXH.Cách Thức Thực Hiện{channels}Thành phần hồ sơ--Tên giấy tờMẫu đơn, tờ khaiSố lượng1. Bản chính Đơn đề nghị1 bản chính2. Bản sao Quyết định của Tòa án hủy bỏ Quyết định tuyên bố mất tích.0 bản chính,1 bản saoCăn cứ pháp lýTên văn bản pháp lýMã văn bảnLUẬT Bảo hiểm xã hội58/2014/QH13");
        let record = json!({
            "ma_thu_tuc": "2.000809",
            "trinh_tu_thuc_hien": "Bước 1. Người hưởng lập hồ sơ theo quy định tại mục 12.3 (",
            "thanh_phan_ho_so": "); nộp cho cơ quan BHXH.",
            "cach_thuc_thuc_hien": channels,
            "raw_text": raw,
        });
        let p = import_record("bo-tai-chinh", &record).unwrap();
        let papers: Vec<(&str, u32, u32)> = p.documents.iter().map(|d| (d.name.as_str(), d.originals, d.copies)).collect();
        assert_eq!(papers, [("1. Bản chính Đơn đề nghị", 1, 0), ("2. Bản sao Quyết định của Tòa án hủy bỏ Quyết định tuyên bố mất tích.", 0, 1)]);
        assert_eq!(p.steps, ["Bước 1. Người hưởng lập hồ sơ theo quy định tại mục 12.3 (Thành phần hồ sơ); nộp cho cơ quan BHXH."]);
        assert_eq!(p.corrections.len(), 1, "the person is told hoso read the papers from the page");
        // A record whose papers field has its table is read as it is.
        let whole = import_record(
            "bo-tai-chinh",
            &json!({"ma_thu_tuc": "2.000001", "thanh_phan_ho_so": "--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn1 bản chính", "raw_text": raw}),
        )
        .unwrap();
        assert_eq!((whole.documents.len(), whole.corrections.len()), (1, 0));
    }

    #[test]
    fn a_table_whose_rows_are_all_counted_zero_is_flagged_not_taken_for_no_papers() {
        // 3.000271 (khóa tài khoản định danh điện tử): the portal counts its one form "0 bản chính".
        let record = json!({"ma_thu_tuc": "3.000271", "ten_thu_tuc": "Khóa tài khoản", "linh_vuc": "Định danh", "thanh_phan_ho_so": "--Tên giấy tờMẫu đơn, tờ khaiSố lượngPhiếu đề nghị khóa, mở khóa tài khoản định danh điện tử (mẫu TK03)0 bản chính"});
        let p = import_record("bo-cong-an", &record).unwrap();
        assert!(p.documents.is_empty());
        assert!(p.needs_review.iter().any(|f| f.field == "documents" && f.reason.starts_with("không đọc được giấy tờ nào")), "{:?}", p.needs_review);
    }

    #[test]
    fn records_without_a_code_or_not_objects_are_errors_not_panics() {
        assert_eq!(import_record("x", &json!({"ten_thu_tuc": "A"})), Err(ImportError::MissingCode));
        assert_eq!(import_record("x", &json!([1, 2])), Err(ImportError::NotAnObject));
        assert_eq!(import_record("x", &json!({"ma_thu_tuc": 5})), Err(ImportError::MissingCode));
    }
}

/// Property tests: whatever the crawl contains, the importer returns (never panics), and every
/// parsed document keeps a name.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Fragments the real cells are made of, so random strings look like the crawl.
    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("Hình thức nộpThời gianPhí, lệ phíMô tả".to_string()),
            Just("Trực tuyến".to_string()),
            Just("Dịch vụ bưu chính".to_string()),
            Just("Trực tiếp".to_string()),
            Just(" Ngày làm việc".to_string()),
            Just("Miễn phí".to_string()),
            Just("Không có thông tin".to_string()),
            Just(" Việt Nam Đồng".to_string()),
            Just(" VNĐ".to_string()),
            Just("Tên giấy tờMẫu đơn, tờ khaiSố lượng".to_string()),
            Just(" bản chính".to_string()),
            Just(",1 bản sao".to_string()),
            Just("* Giấy tờ phải xuất trình:".to_string()),
            Just("Tên văn bản pháp lýMã văn bản".to_string()),
            Just("/2015/NĐ-CP".to_string()),
            Just("QH13".to_string()),
            Just("Mã: KQ.G15.".to_string()),
            Just(".docx".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            "[0-9]{1,6}",
            "[ -~]{0,8}",
            "\\PC{0,6}",
        ]
    }

    fn cell() -> impl Strategy<Value = String> {
        proptest::collection::vec(fragment(), 0..24).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn import_never_panics(channels in cell(), documents in cell(), legal in cell(), results in cell(), name in "\\PC{0,40}") {
            let record = serde_json::json!({
                "ma_thu_tuc": "1.000001", "ten_thu_tuc": name, "cach_thuc_thuc_hien": channels,
                "thanh_phan_ho_so": documents, "can_cu_phap_ly": legal, "ket_qua_xu_ly": results,
            });
            let p = import_record("bo-thu", &record).unwrap();
            for d in &p.documents {
                prop_assert!(!d.name.is_empty());
            }
            for c in &p.channels {
                prop_assert!(c.working_days.is_none() || c.time_unit == Some(TimeUnit::WorkingDays));
            }
        }
    }
}
