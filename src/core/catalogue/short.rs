//! A paper's short name, by rule: what a heading, a status line or a package folder shows, with
//! the full legal text one tap away. The reviewed overrides may write one by hand instead.

use crate::core::text::{lower, upper_first};

/// The longest short name, in characters.
pub const SHORT_MAX: usize = 80;

/// Where the name of the paper ends and its particulars begin (looked for after a few words).
const PARTICULARS: [&str; 20] = [
    " theo mẫu",
    " theo quy định",
    " ban hành kèm",
    " quy định tại",
    " được quy định",
    " do cơ quan",
    " do bệnh viện",
    " do người",
    " do ủy ban",
    " do uỷ ban",
    " của cơ quan có thẩm quyền",
    " có giá trị sử dụng",
    " còn giá trị sử dụng",
    " (mẫu",
    " mẫu số",
    " (theo",
    " (được",
    " (bản",
    " (có",
    " (01",
];

/// The paper's name for headings: its opening words, up to its particulars (form number,
/// legal reference, issuer), at most [`SHORT_MAX`] characters.
pub fn short_name(paper: &str) -> String {
    let text = crate::core::text::without_bullet(paper);
    let l = lower(text);
    // "… (sau đây gọi tắt là giấy tờ tùy thân)": the text names itself.
    if let Some(i) = l.find("(sau đây gọi tắt là ").or_else(|| l.find("(sau đây gọi là ")) {
        let from = i + l[i..].find(" là ").unwrap() + " là ".len();
        if let Some(end) = l[from..].find(')') {
            let named = text[from..from + end].trim();
            if (3..=SHORT_MAX).contains(&named.chars().count()) {
                return upper_first(named);
            }
        }
    }
    let min = text.char_indices().nth(12).map(|(i, _)| i).unwrap_or(text.len());
    let mut end = text.len();
    for p in PARTICULARS {
        if let Some(i) = l[min..].find(p) {
            end = end.min(min + i);
        }
    }
    for stop in ["; ", ": ", ". ", ";", "\n"] {
        if let Some(i) = l[min..].find(stop) {
            end = end.min(min + i);
        }
    }
    let cut = text[..end].trim().trim_end_matches([',', ';', ':', '.', ' ', '(']);
    let cut = balance(cut);
    if cut.chars().count() <= SHORT_MAX {
        return cut;
    }
    // At a word boundary, with an ellipsis.
    let mut out = String::new();
    for word in cut.split(' ') {
        if out.chars().count() + word.chars().count() + 2 > SHORT_MAX {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let mut out = balance(out.trim_end_matches([',', ';', ':', '.', '(']));
    out.push('…');
    out
}

/// Drops an opening bracket left unclosed by the cut, with what follows it.
fn balance(s: &str) -> String {
    let opens = s.matches('(').count();
    let closes = s.matches(')').count();
    if opens > closes {
        match s.rfind('(') {
            // The whole text is in an unclosed bracket: keep it, without the bracket.
            Some(0) => return s[1..].to_string(),
            Some(i) => return s[..i].trim_end_matches([' ', ',']).to_string(),
            None => {}
        }
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paper_is_named_by_its_opening_words() {
        assert_eq!(short_name("Tờ khai đăng ký khai sinh theo mẫu"), "Tờ khai đăng ký khai sinh");
        assert_eq!(short_name("Biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập."), "Biên bản về việc trẻ bị bỏ rơi");
        assert_eq!(short_name("Giấy chứng sinh"), "Giấy chứng sinh");
        assert_eq!(
            short_name("Tờ khai thay đổi thông tin cư trú (Mẫu CT01 ban hành kèm theo Thông tư số 53/2025/TT-BCA); đối với người"),
            "Tờ khai thay đổi thông tin cư trú"
        );
    }

    #[test]
    fn a_text_that_names_itself_is_called_so() {
        let id = "Hộ chiếu/Thẻ căn cước công dân/Thẻ căn cước/Căn cước điện tử/Giấy chứng nhận căn cước hoặc các giấy tờ khác có dán ảnh và thông tin cá nhân do cơ quan có thẩm quyền cấp, còn giá trị sử dụng (sau đây gọi tắt là giấy tờ tùy thân) để chứng minh về nhân thân";
        assert_eq!(short_name(id), "Giấy tờ tùy thân");
    }

    #[test]
    fn a_long_name_is_cut_at_a_word_and_never_leaves_a_bracket_open() {
        let s = short_name(&"rất dài ".repeat(40));
        assert!(s.chars().count() <= SHORT_MAX && s.ends_with('…'), "{s}");
        let s = short_name("Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật");
        assert_eq!(s, "Văn bản ủy quyền");
        // 1.007826: a row that is only a bracketed case, never closed, still gets a heading
        let s = short_name("(trường hợp chuyển nhượng đối với xe ô tô tạm nhập khẩu miễn thuế của đối tượng được hưởng quyền ưu đãi, miễn trừ tại Việt Nam");
        assert!(s.starts_with("trường hợp chuyển nhượng đối với xe ô tô") && s.chars().count() <= SHORT_MAX, "{s}");
    }
}
