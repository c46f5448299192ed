//! Parses `can_cu_phap_ly` (legal basis: title and number run together, e.g.
//! `…Luật Hộ tịch123/2015/NĐ-CPThông tư…`) and `ket_qua_xu_ly` (results: `NameMã: KQ.G15.000031…`).

use super::scan::is_placeholder;
use crate::core::catalogue::model::{LegalDocument, ResultDocument, ReviewFlag};
use crate::core::text::clean;

const LEGAL_HEADER: &str = "Tên văn bản pháp lýMã văn bản";

/// A document number found in the text: byte range.
#[derive(Clone, Copy, Debug)]
struct Number {
    start: usize,
    end: usize,
}

pub fn parse_legal_basis(source: &str) -> (Vec<LegalDocument>, Vec<ReviewFlag>) {
    let mut flags = Vec::new();
    if is_placeholder(source) {
        return (Vec::new(), flags);
    }
    let body = match source.strip_prefix(LEGAL_HEADER) {
        Some(b) => b,
        None => {
            flags.push(flag("legal_basis", "căn cứ pháp lý không có bảng như thường lệ; giữ nguyên văn bản"));
            return (vec![LegalDocument { title: clean(source), number: None, raw: source.to_string() }], flags);
        }
    };
    // The number column is a number glued to what follows: the next title (a capital letter),
    // the next number (a digit), or the end.
    let numbers = find_numbers(body);
    let column: Vec<Number> = numbers
        .iter()
        .enumerate()
        .filter(|(k, n)| {
            let next = body[n.end..].chars().next();
            let glued_to_next = next.is_none_or(|c| c.is_uppercase() || c.is_ascii_digit());
            // "Luật 60/2014/QH1360/2014/QH13": the first number belongs to the title and the
            // second, glued to it, is the number column whatever follows it.
            let followed_by_number = numbers.get(k + 1).is_some_and(|m| m.start == n.end);
            let preceded_by_glued_text = n.start > 0 && !body[..n.start].ends_with(char::is_whitespace) && !body[..n.start].ends_with(['(', '"', '“']);
            (glued_to_next || preceded_by_glued_text) && !followed_by_number
        })
        .map(|(_, n)| *n)
        .collect();
    let mut docs = Vec::new();
    let mut pos = 0;
    for n in &column {
        let title = clean(&body[pos..n.start]);
        let number = body[n.start..n.end].to_string();
        docs.push(LegalDocument { title: if title.is_empty() { number.clone() } else { title }, number: Some(number), raw: body[pos..n.end].to_string() });
        pos = n.end;
    }
    let rest = body[pos..].trim();
    if !rest.is_empty() {
        flags.push(flag("legal_basis", &format!("văn bản không tách được số hiệu: «{}»", rest.chars().take(80).collect::<String>())));
        docs.push(LegalDocument { title: clean(rest), number: None, raw: rest.to_string() });
    }
    (docs, flags)
}

/// The first document number in a text ("Quyết định số 12/2021/QĐ-TTg ngày…" → "12/2021/QĐ-TTg").
pub fn first_number(text: &str) -> Option<String> {
    find_numbers(text).first().map(|n| text[n.start..n.end].to_string())
}

/// Every `NNN[/YYYY]/SUFFIX` in the text (123/2015/NĐ-CP, 601/QĐ-BTC, 60/2014/QH13).
fn find_numbers(s: &str) -> Vec<Number> {
    let b = s.as_bytes();
    let mut out: Vec<Number> = Vec::new();
    let mut i = 0;
    let mut last_end = usize::MAX;
    while i < b.len() {
        // A number starts at a digit that does not continue another token — except right where
        // the previous number ended ("…QH13" + "60/2014/QH13").
        // (A '.' before it ends a sentence or a date: "…rừng trồng.140/2024/NĐ-CP".)
        let continues = i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'/');
        // "…ngày 29/6/2024" + "43/2024/QH15": a number glued to a year that ends a date.
        let after_year = i >= 5 && b[i - 5] == b'/' && b[i - 4..i].iter().all(u8::is_ascii_digit);
        if !b[i].is_ascii_digit() || (continues && i != last_end && !after_year) {
            i += 1;
            continue;
        }
        if let Some(end) = number_at(s, i) {
            // "Luật Doanh nghiệp 202076/2025/QH15": a law's year ran into the next number. Numbers
            // with a year part have at most four digits, so five or more beginning with a year
            // are that year and the number.
            let lead = super::scan::digits_len(&s[i..]);
            let year_first = lead >= 5 && (s[i..].starts_with("19") || s[i..].starts_with("20"));
            let part = &b[i + lead..end];
            let has_year = part.len() > 6 && part[0] == b'/' && part[1..5].iter().all(u8::is_ascii_digit) && part[5] == b'/';
            // "…năm 20223510/QĐ-BHXH": a date's year, written just before the number.
            let after_nam = || s[..i].trim_end().to_lowercase().ends_with("năm");
            let start = if year_first && (has_year || after_nam()) { i + 4 } else { i };
            out.push(Number { start, end });
            i = end;
            last_end = end;
        } else {
            i += 1;
        }
    }
    out
}

fn number_at(s: &str, start: usize) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = start;
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.' || b[i].is_ascii_lowercase()) {
        i += 1;
    }
    if i == start || b.get(i) != Some(&b'/') {
        return None;
    }
    i += 1;
    // Optional year.
    let y = super::scan::digits_len(&s[i..]);
    if y == 4 && b.get(i + 4) == Some(&b'/') {
        i += 5;
    }
    // Suffix: capitals (Vietnamese too) and hyphens; after "QH", exactly two digits (QH13).
    let suffix_start = i;
    let mut end = i;
    let mut last_capital = None;
    for (k, c) in s[i..].char_indices() {
        let at = i + k;
        if c.is_uppercase() || c == '-' || c == '&' {
            last_capital = c.is_uppercase().then_some(at);
            end = at + c.len_utf8();
        } else if c.is_ascii_digit() && s[suffix_start..at].ends_with("QH") {
            end = at + super::scan::digits_len(&s[at..]).min(2);
            break;
        } else {
            if c.is_lowercase() {
                let next = s[at + c.len_utf8()..].chars().next();
                if next.is_none_or(|n| !n.is_lowercase()) {
                    // A lone lower-case letter ends the suffix: "QĐ-TTg".
                    end = at + c.len_utf8();
                } else if let Some(l) = last_capital {
                    // A capital right before a lower-case word starts that word ("…BTCNghị"),
                    // unless that would leave a one-letter segment ("NĐ-CPsửa đổi" keeps "CP").
                    let segment = s[suffix_start..l].rsplit('-').next().unwrap_or("");
                    if segment.chars().count() >= 2 {
                        end = l;
                    }
                }
            }
            break;
        }
    }
    let end = end.min(s.len());
    let suffix = s[suffix_start..end].trim_end_matches('-');
    (suffix.chars().filter(|c| c.is_alphabetic()).count() >= 2).then_some(suffix_start + suffix.len())
}

pub fn parse_results(source: &str) -> (Vec<ResultDocument>, Vec<ReviewFlag>) {
    let mut flags = Vec::new();
    // Cut the page furniture that follows ("Từ khóa…", "Chọn cơ quan thực hiện…").
    let mut body = source;
    for marker in ["Từ khóa", "Chọn cơ quan thực hiện"] {
        if let Some(i) = body.rfind(marker) {
            if body[..i].contains("Mã:") || marker == "Chọn cơ quan thực hiện" {
                body = &body[..i];
            }
        }
    }
    if is_placeholder(body) {
        flags.push(flag("results", "không có thông tin về kết quả"));
        return (Vec::new(), flags);
    }
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(i) = body[pos..].find("Mã:") {
        let name = clean(&body[pos..pos + i]);
        let code_start = pos + i + "Mã:".len();
        let rest = body[code_start..].trim_start();
        let code_start = body.len() - rest.len();
        // Codes look like KQ.G15.000031: letters, digits, dots, ending in digits.
        let mut end = code_start;
        let mut last_digit_end = code_start;
        for (k, c) in rest.char_indices() {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                end = code_start + k + 1;
                if c.is_ascii_digit() {
                    last_digit_end = end;
                }
            } else {
                break;
            }
        }
        let code = &body[code_start..last_digit_end.max(code_start)];
        if !name.is_empty() {
            out.push(ResultDocument { name, code: (!code.is_empty()).then(|| code.to_string()) });
        }
        pos = if last_digit_end > code_start { last_digit_end } else { end.max(code_start) };
    }
    let rest = clean(&body[pos..]);
    if !rest.is_empty() {
        if out.is_empty() {
            out.push(ResultDocument { name: rest, code: None });
        } else {
            flags.push(flag("results", &format!("phần còn lại không có mã kết quả: «{}»", rest.chars().take(80).collect::<String>())));
        }
    }
    (out, flags)
}

fn flag(field: &str, reason: &str) -> ReviewFlag {
    ReviewFlag { field: field.into(), reason: reason.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles_and_numbers(src: &str) -> Vec<(String, Option<String>)> {
        parse_legal_basis(src).0.into_iter().map(|d| (d.title, d.number)).collect()
    }

    #[test]
    fn titles_and_numbers_are_separated() {
        let got = titles_and_numbers("Tên văn bản pháp lýMã văn bảnNghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết Luật Hộ tịch123/2015/NĐ-CPThông tư hướng dẫn về phí85/2019/TT-BTCLuật 60/2014/QH1360/2014/QH13Quyết định 601/QĐ-BTC601/QĐ-BTC");
        assert_eq!(
            got,
            [
                ("Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ quy định chi tiết Luật Hộ tịch".into(), Some("123/2015/NĐ-CP".into())),
                ("Thông tư hướng dẫn về phí".into(), Some("85/2019/TT-BTC".into())),
                ("Luật 60/2014/QH13".into(), Some("60/2014/QH13".into())),
                ("Quyết định 601/QĐ-BTC".into(), Some("601/QĐ-BTC".into())),
            ]
        );
    }

    #[test]
    fn prime_minister_decisions_and_numbers_glued_after_dates() {
        let got = titles_and_numbers("Tên văn bản pháp lýMã văn bảnQuyết định về chế độ trợ cấp62/2011/QĐ-TTgLuật số 43/2024/QH15 ngày 29/6/202443/2024/QH15Luật Nhà ở số 27/2023/QH1527/2023/QH15 sửa đổi một số điều38/2025/NĐ-CP");
        assert_eq!(got[0].1.as_deref(), Some("62/2011/QĐ-TTg"));
        assert_eq!(got[1], ("Luật số 43/2024/QH15 ngày 29/6/2024".into(), Some("43/2024/QH15".into())));
        assert_eq!(got[2], ("Luật Nhà ở số 27/2023/QH15".into(), Some("27/2023/QH15".into())));
        assert_eq!(got[3], ("sửa đổi một số điều".into(), Some("38/2025/NĐ-CP".into())));
        let got =
            titles_and_numbers("Tên văn bản pháp lýMã văn bảnQuy định về thanh lý rừng trồng.140/2024/NĐ-CPsửa đổi, bổ sung một số nghị định18/2026/NĐ-CP");
        assert_eq!(got[0].1.as_deref(), Some("140/2024/NĐ-CP"));
        assert_eq!(got[1], ("sửa đổi, bổ sung một số nghị định".into(), Some("18/2026/NĐ-CP".into())));
    }

    #[test]
    fn a_year_ending_a_title_is_not_part_of_the_next_number() {
        let got = titles_and_numbers("Tên văn bản pháp lýMã văn bảnLuật sửa đổi, bổ sung một số điều của Luật Doanh nghiệp 202076/2025/QH15Luật Doanh nghiệp ngày 17 tháng 6 năm 202059/2020/QH14Công văn 20123/BTC-TCT");
        assert_eq!(got[0], ("Luật sửa đổi, bổ sung một số điều của Luật Doanh nghiệp 2020".into(), Some("76/2025/QH15".into())));
        assert_eq!(got[1], ("Luật Doanh nghiệp ngày 17 tháng 6 năm 2020".into(), Some("59/2020/QH14".into())));
        assert_eq!(got[2].1.as_deref(), Some("20123/BTC-TCT"), "a long number without a year part is kept whole");
        let got = titles_and_numbers("Tên văn bản pháp lýMã văn bảnQuyết định của Bảo hiểm xã hội Việt Nam năm 20223510/QĐ-BHXH");
        assert_eq!(got[0], ("Quyết định của Bảo hiểm xã hội Việt Nam năm 2022".into(), Some("3510/QĐ-BHXH".into())));
    }

    #[test]
    fn decimal_numbers_and_placeholders() {
        let got = titles_and_numbers("Tên văn bản pháp lýMã văn bảnNghị quyết cắt giảm thủ tục66.7/2025/NQ-CP");
        assert_eq!(got[0].1.as_deref(), Some("66.7/2025/NQ-CP"));
        assert!(parse_legal_basis("Không có thông tin").0.is_empty());
    }

    #[test]
    fn result_codes_with_a_suffix() {
        let (r, flags) = parse_results("Quyết định cho phépMã: KQ.G12.000310-KQ3010Từ khóaKhông có thông tin");
        assert!(flags.is_empty(), "{flags:?}");
        assert_eq!(r[0].code.as_deref(), Some("KQ.G12.000310-KQ3010"));
    }

    #[test]
    fn results_with_codes_without_page_furniture() {
        let (r, flags) = parse_results("Giấy chứng nhận cải tạoMã: KQ.G04.000501Giấy chứng nhận kiểm định, tem kiểm địnhMã: KQ.G04.000495Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh/ Thành phố");
        assert!(flags.is_empty(), "{flags:?}");
        assert_eq!(
            r,
            [
                ResultDocument { name: "Giấy chứng nhận cải tạo".into(), code: Some("KQ.G04.000501".into()) },
                ResultDocument { name: "Giấy chứng nhận kiểm định, tem kiểm định".into(), code: Some("KQ.G04.000495".into()) },
            ]
        );
    }
}
