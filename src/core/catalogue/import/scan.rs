//! Small text-scanning helpers for the crawl's run-together cells. No regex engine: the core is
//! also compiled to WebAssembly, where size matters.

/// "Không có thông tin" and similar placeholders mean "nothing published".
pub fn is_placeholder(s: &str) -> bool {
    let t = s.trim().trim_matches(|c: char| c == '-' || c == '.' || c.is_whitespace());
    t.is_empty() || t.eq_ignore_ascii_case("Không có thông tin") || t == "Không có thông tin"
}

/// `Some(trimmed)` unless empty or a placeholder.
pub fn meaningful(s: &str) -> Option<String> {
    if is_placeholder(s) {
        None
    } else {
        Some(crate::core::text::clean(s))
    }
}

/// Byte length of the ASCII digit run at the start of `s`.
pub fn digits_len(s: &str) -> usize {
    s.bytes().take_while(|b| b.is_ascii_digit()).count()
}

/// Byte offset where the ASCII digit run ending at `end` starts.
pub fn digits_start_before(s: &str, end: usize) -> usize {
    let bytes = s.as_bytes();
    let mut i = end;
    while i > 0 && bytes[i - 1].is_ascii_digit() {
        i -= 1;
    }
    i
}

/// If `s` starts with `(`, the byte length of the balanced bracket group (or all of `s` when it
/// is never closed).
pub fn bracket_group_len(s: &str) -> Option<usize> {
    if !s.starts_with('(') {
        return None;
    }
    let mut depth = 0i32;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    Some(s.len())
}

/// All byte offsets where `needle` occurs in `hay`.
pub fn find_all(hay: &str, needle: &str) -> Vec<usize> {
    hay.match_indices(needle).map(|(i, _)| i).collect()
}

/// Splits at ", " where the next word starts with a capital letter and we are not inside
/// brackets: "Công dân Việt Nam, Tổ chức (không bao gồm doanh nghiệp, HTX)" → 2 parts, while
/// "Cán bộ, công chức, viên chức" stays whole.
pub fn split_list(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                let next = chars[k + 1..].iter().find(|(_, c)| !c.is_whitespace()).map(|&(_, c)| c);
                if next.is_some_and(char::is_uppercase) {
                    out.push(s[start..i].trim().to_string());
                    start = i + 1;
                }
            }
            _ => {}
        }
    }
    out.push(s[start..].trim().to_string());
    out.retain(|p| !p.is_empty());
    out
}

/// Splits prose into sentences or list items (at ". ", ";", new lines and leading "- ").
pub fn sentences(s: &str) -> Vec<String> {
    pieces(s, true).into_iter().map(|t| t.trim_start_matches(['-', '+', '*', ' ']).trim().to_string()).filter(|t| !t.is_empty()).collect()
}

/// The pieces of a text cut after each full stop (one followed by a space, a dash, a capital or the
/// end) and line end, and after each ";" when `semicolons`; trimmed, none empty, bullets kept.
pub fn pieces(s: &str, semicolons: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let boundary = match c {
            '\n' => true,
            ';' => semicolons,
            '.' => chars.peek().is_none_or(|n| n.is_whitespace() || *n == '-' || n.is_uppercase()),
            _ => false,
        };
        if c != '\n' {
            cur.push(c);
        }
        if boundary {
            out.push(std::mem::take(&mut cur));
        }
    }
    out.push(cur);
    out.into_iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_split_only_between_capitalised_items_outside_brackets() {
        assert_eq!(
            split_list("Công dân Việt Nam, Tổ chức (không bao gồm doanh nghiệp, HTX), Doanh nghiệp"),
            ["Công dân Việt Nam", "Tổ chức (không bao gồm doanh nghiệp, HTX)", "Doanh nghiệp"]
        );
        assert_eq!(split_list("Cán bộ, công chức, viên chức"), ["Cán bộ, công chức, viên chức"]);
    }

    #[test]
    fn bracket_groups_nest() {
        assert_eq!(bracket_group_len("(a (b) c) rest"), Some(9));
        assert_eq!(bracket_group_len("(never closed"), Some(13));
        assert_eq!(bracket_group_len("no"), None);
    }

    #[test]
    fn sentences_split_on_periods_semicolons_and_dashes() {
        assert_eq!(sentences("Miễn phí. Giảm 50% cho hộ nghèo; - Trẻ em"), ["Miễn phí.", "Giảm 50% cho hộ nghèo;", "Trẻ em"]);
    }
}
