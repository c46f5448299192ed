//! Reads one paper's text the way a person needs it: the paper itself and, apart from it, the
//! case it is needed in ("Trường hợp trẻ em bị bỏ rơi thì phải có biên bản…" → the paper
//! «Biên bản…», only if «trẻ em bị bỏ rơi»), "(nếu có)", the alternatives that satisfy one need
//! ("Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng…"),
//! and whether the agency is to look the data up itself (the national population database).
//!
//! Only the paper's first sentence decides whether it is needed; later sentences are details of
//! the paper (how it is certified, when a paper copy is not needed) and stay in its text.
//! The text is matched with its diacritics ("nếu" is not "nêu"), case-insensitively.

use super::scan::bracket_group_len;
use crate::core::text::{lower, upper_first};

/// One paper's text, read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reading {
    /// The paper without its condition: what to bring or attach, with the later sentences.
    pub paper: String,
    /// The case it is needed in, in the source's own words, starting lower case.
    pub when: Option<String>,
    /// "(nếu có)" ends its first sentence: only if the person has one.
    pub if_any: bool,
    /// Any one of these satisfies the need.
    pub any_of: Vec<String>,
    /// The agency looks the data up itself; the paper is a fallback.
    pub state_holds: bool,
    /// Needed, but not on paper when the agency already holds it electronically ("… thì không
    /// phải nộp bản giấy").
    pub paper_spared: bool,
    /// The text names a case that could not be cut from the paper: `when` is the whole first
    /// sentence, for review.
    pub unsplit: bool,
}

/// Openings that make the whole first sentence conditional, longest first.
const LEADING: [&str; 6] = ["đối với trường hợp ", "trong trường hợp ", "trường hợp ", "đối với ", "nếu là ", "nếu "];

/// The opening of the trailing cases that name people ("… đối với người chưa đủ 14 tuổi").
const PERSON_CASE: &str = " đối với người";

/// Phrases after the paper that give its case. `(`-forms run to their closing bracket. "Đối với
/// người …" gives a case only for the people these name: a child, a person without legal capacity,
/// one who has a passport already. Elsewhere "đối với" means "for" ("Bản khai đối với người điều
/// khiển phương tiện", "bảo hiểm … đối với người thứ ba"), and the paper is needed by everyone.
const TRAILING: [&str; 14] = [
    // Each begins with PERSON_CASE.
    " đối với người chưa đủ ",
    " đối với người chưa thành niên",
    " đối với người mất năng lực hành vi dân sự",
    " đối với người đã được cấp ",
    "(trong trường hợp ",
    "(đối với trường hợp ",
    "(áp dụng đối với ",
    "(áp dụng trong trường hợp ",
    "(đối với ",
    "(trường hợp ",
    "(nếu ",
    " trong trường hợp ",
    " đối với trường hợp ",
    ", nếu ",
];

/// Verbs that introduce the paper after "… thì": dropped, so the paper reads as a noun.
const LEAD_VERBS: [&str; 16] = [
    "phải có thêm ",
    "phải nộp thêm ",
    "phải có ",
    "phải nộp ",
    "phải xuất trình ",
    "phải gửi kèm ",
    "phải bổ sung ",
    "nộp thêm ",
    "nộp ",
    "xuất trình ",
    "cần có ",
    "có thêm ",
    "bổ sung ",
    "kèm theo ",
    "cung cấp thêm ",
    "cung cấp ",
];

/// Openings of a row that tells how to submit, not a paper to submit: "Số lượng hồ sơ: 01 bộ",
/// "Lưu ý: …" (folded, after any numbering).
const INSTRUCTIONS: [&str; 3] = ["so luong ho so", "so luong moi thanh phan", "luu y"];

/// Whether a text (folded) says how every paper may be given, in a case's words: social insurance
/// pages' "Trường hợp không quy định (rõ) (là) bản chính thì có thể nộp bản sao hợp lệ". A row or a
/// table's heading that says it is a note, not a paper or a case.
pub fn about_copies(folded: &str) -> bool {
    ["truong hop khong quy dinh la ban chinh", "truong hop khong quy dinh ro ban chinh", "truong hop khong quy dinh ro la ban chinh"]
        .iter()
        .any(|o| folded.starts_with(o))
}

/// Whether a row of the papers' table is an instruction, kept as a note: a paper nobody can attach.
pub fn is_instruction(text: &str) -> bool {
    // "1.4. Số lượng hồ sơ: 01 bộ": numbering first.
    let text = crate::core::text::without_bullet(text).trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ');
    let folded = crate::core::text::fold(text);
    INSTRUCTIONS.iter().any(|i| folded.starts_with(i)) || about_copies(&folded)
}

/// Reads a paper's text (its name as the catalogue gives it, bullet and template file removed).
pub fn read(text: &str) -> Reading {
    let text = text.trim();
    let (head, rest) = first_sentence(text);
    let mut r = Reading { paper: text.to_string(), ..Reading::default() };
    r.state_holds = looked_up(head);
    r.paper_spared = !r.state_holds && rest.is_some_and(spared_when_held);
    let body = strip_enumerator(head);
    if !opens_with_case(body) {
        if let Some(mut any_of) = alternatives(head) {
            // "A đối với người chưa đủ 14 tuổi; trường hợp không có A thì nộp B": A or B, for them.
            if let Some((paper, when, _)) = trailing(&any_of[0]).filter(|_| lower(&any_of[0]).contains(PERSON_CASE)) {
                any_of[0] = paper;
                r.when = Some(when);
            }
            r.any_of = any_of;
            return r;
        }
    }
    if let Some((when, paper)) = leading(body) {
        r.when = Some(when);
        match paper {
            Some(p) => {
                // "Trường hợp không có A thì nộp B; nếu không có B thì C": B or C, in that case.
                r.any_of = alternatives(&p).unwrap_or_default();
                r.paper = join(&p, rest);
            }
            None => r.unsplit = true,
        }
        return r;
    }
    if let Some((paper, when, after)) = trailing(body) {
        r.when = Some(when);
        r.paper = join(&join(&paper, Some(&after)), rest);
        return r;
    }
    if let Some(own) = own_if_any(body) {
        match own.instead {
            Some(other) => r.any_of = vec![upper_first(&own.paper), upper_first(&other)],
            None => r.if_any = true,
        }
        r.paper = join(&own.text, rest);
    }
    r
}

/// Phrases inside a paper's name that make it read as conditional.
const CONDITIONAL_INSIDE: [&str; 8] =
    [" trong trường hợp ", " đối với trường hợp ", "(trong trường hợp ", "(đối với ", "(trường hợp ", "(nếu ", ", nếu ", "(áp dụng đối với "];

/// The phrase that makes a paper's text read as conditional — it opens with a case
/// ("Trường hợp…", "Đối với…", "Nếu…") or names one before its list of contents ("… trong
/// trường hợp…", "(nếu có)", ", nếu…") — or `None`. A paper read as always needed whose text
/// has one is flagged for review, unless a reviewed override says why it is needed anyway.
pub fn conditional_phrase(text: &str) -> Option<&'static str> {
    let (head, _) = first_sentence(text.trim());
    let body = strip_enumerator(head);
    let lower = lower(body);
    let inner = lower.strip_prefix('(').unwrap_or(&lower);
    if let Some(o) = LEADING.iter().find(|o| inner.starts_with(*o)) {
        return Some(o);
    }
    let end = [":", ";", " gồm ", " bao gồm", " trong đó"].iter().filter_map(|m| top_level_find(&lower, 0, m)).min().unwrap_or(lower.len());
    let name = &lower[..end];
    CONDITIONAL_INSIDE.iter().find(|p| name.contains(*p)).copied()
}

/// "(nếu có)" right after the paper's own name.
struct OwnIfAny {
    /// The paper's name, without "(nếu có)".
    paper: String,
    /// The first sentence without "(nếu có)".
    text: String,
    /// "Bản vẽ (nếu có) hoặc sơ họa mặt bằng…": what to bring instead.
    instead: Option<String>,
}

/// What may follow "(nếu có)" when it qualifies the paper itself: the end, its quantity or
/// template, its contents ("bao gồm"), or another paper to bring instead ("hoặc").
const AFTER_OWN_IF_ANY: [&str; 17] = [
    ":",
    ";",
    ".",
    ", bao gồm",
    ", gồm",
    " bao gồm",
    " gồm",
    " theo mẫu",
    " mẫu",
    " kèm theo",
    " - ",
    " (bản",
    " mà ",
    " ban hành",
    " trường hợp",
    " hoặc ",
    ", trừ ",
];

/// "Hóa đơn thương mại (nếu có): 01 bản chụp", "Bản khai vũ khí (nếu có) theo mẫu": the paper is
/// needed only if the person has one. Not when "(nếu có)" ends one item of a list ("Giấy
/// chứng nhận…, Giấy phép… (nếu có) của tổ chức"): the paper is then needed, the item not.
fn own_if_any(body: &str) -> Option<OwnIfAny> {
    let lower = lower(body);
    let at = lower.match_indices("(nếu có)").map(|(i, _)| i).find(|&i| lower[..i].matches('(').count() == lower[..i].matches(')').count())?;
    let before = body[..at].trim_end();
    let after = &body[at + "(nếu có)".len()..];
    let after_lower = &lower[at + "(nếu có)".len()..];
    // "(nếu có)" ending the sentence qualifies all of it, a list too.
    let ends = after_lower.trim_matches(['.', ';', ',', ' ', ':', '!']).is_empty();
    let names_list = [",", ";", ":"].iter().any(|p| top_level_find(&lower[..at], 0, p).is_some());
    if (names_list && !ends) || before.chars().count() < 3 {
        return None;
    }
    if !ends && !AFTER_OWN_IF_ANY.iter().any(|f| after_lower.starts_with(f)) {
        return None;
    }
    let text = if ends { before.to_string() } else { format!("{before}{after}").trim().trim_end_matches([' ', ',', ';']).to_string() };
    let instead = after_lower.strip_prefix(" hoặc ").map(|_| after[" hoặc ".len()..].trim().trim_end_matches(['.', ';', ',', ' ']).to_string());
    Some(OwnIfAny { paper: before.to_string(), text, instead })
}

/// The text opens with a case: "Trường hợp…", "Đối với…", "Nếu…", "(đối với trường hợp…)".
fn opens_with_case(body: &str) -> bool {
    let lower = lower(body);
    let inner = lower.strip_prefix('(').unwrap_or(&lower);
    LEADING.iter().any(|o| inner.starts_with(o))
}

/// The first sentence (cut at a full stop followed by a space and a capital, outside brackets)
/// and what follows it.
fn first_sentence(text: &str) -> (&str, Option<&str>) {
    let mut depth = 0i32;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            '.' if depth <= 0 => {
                let next = chars.get(k + 1).map(|x| x.1);
                let after = chars.get(k + 2).map(|x| x.1);
                if next == Some(' ') && after.is_some_and(char::is_uppercase) {
                    let rest = text[i + 1..].trim();
                    return (&text[..=i], (!rest.is_empty()).then_some(rest));
                }
            }
            _ => {}
        }
    }
    (text, None)
}

/// "a) ", "(iv) ", "3.3. ", "- " at the start.
fn strip_enumerator(s: &str) -> &str {
    let t = crate::core::text::without_bullet(s);
    let lower = lower(t);
    // "(iv) ", "(2) "
    // A bracket never closed runs to the end of the text: not an enumerator.
    if let Some(n) = bracket_group_len(&lower).filter(|&n| n <= 7 && lower[..n].ends_with(')')) {
        if lower[1..n - 1].chars().all(|c| c.is_ascii_alphanumeric()) {
            return t[n..].trim_start();
        }
    }
    // "a) ", "đ) ", "ii) "
    if let Some(i) = lower.find(") ") {
        if i <= 4 && lower[..i].chars().all(|c| c.is_alphanumeric()) && lower[..i].chars().count() <= 3 {
            return t[i + 2..].trim_start();
        }
    }
    // "3. ", "3.3. "
    let digits_dots = lower.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
    if digits_dots > 0 && lower[..digits_dots].ends_with('.') && lower[digits_dots..].starts_with(' ') {
        return t[digits_dots + 1..].trim_start();
    }
    t
}

/// "Trường hợp X thì Y", "Đối với X: Y", "Nếu X, Y": the case, and the paper when one follows.
fn leading(body: &str) -> Option<(String, Option<String>)> {
    let lower = lower(body);
    // "(đối với trường hợp X). Y": a bracketed case left at the start of a row.
    if lower.starts_with('(') && opens_with_case(body) {
        let len = bracket_group_len(body)?;
        let inner = body[1..len].trim_end_matches(')');
        let opening = LEADING.iter().find(|o| lower[1..].starts_with(*o))?;
        let when = inner[opening.len()..].trim().trim_end_matches(['.', ';', ',', ' ']).to_string();
        let paper = body[len..].trim().trim_start_matches(['.', ';', ',', ' ']).trim_end_matches([';', ',', ' ']);
        return Some((when, (paper.chars().count() >= 3).then(|| upper_first(paper))));
    }
    let opening = LEADING.iter().find(|o| lower.starts_with(*o))?;
    let start = opening.len();
    // The case ends at " thì ", else at a ':', else where a verb brings the paper in ("… phải có
    // văn bản…"), else at a ','; all looked for outside brackets, before the first ';'.
    let limit = top_level_find(&lower, start, ";").unwrap_or(lower.len());
    let within = |needle: &str| top_level_find(&lower[..limit], start, needle);
    let verbs = [" phải có ", " phải nộp ", " phải xuất trình ", " phải gửi kèm ", " phải bổ sung ", " cần có ", " nộp thêm ", " bổ sung "];
    let cut = within(" thì ")
        .map(|i| (i, i + " thì ".len()))
        .or_else(|| within(":").map(|i| (i, i + 1)))
        .or_else(|| verbs.iter().filter_map(|v| within(v)).min().map(|i| (i, i + 1)))
        .or_else(|| within(", ").map(|i| (i, i + 2)));
    let case_of = |end: usize| {
        let mut w = body[start..end].trim().trim_end_matches([',', ':', ';', ' ']).to_string();
        for tail in [", hồ sơ bao gồm", ", hồ sơ gồm", " hồ sơ gồm", ", gồm", " gồm"] {
            if crate::core::text::lower(&w).ends_with(tail) {
                w.truncate(w.len() - tail.len());
            }
        }
        if lower[start..].starts_with("trường hợp ") {
            w = w["trường hợp ".len()..].to_string();
        }
        w
    };
    match cut {
        Some((end, from)) => {
            let paper = drop_lead_verb(body[from..].trim().trim_start_matches(['-', '+', ' ']));
            let paper = paper.trim_end_matches([';', ',', ' ']);
            let when = case_of(end);
            if paper.chars().count() < 3 || when.is_empty() {
                return Some((case_of(body.len()), None));
            }
            Some((when, Some(upper_first(paper))))
        }
        None => Some((case_of(body.len()).trim_end_matches('.').to_string(), None)),
    }
}

/// "Y trong trường hợp X", "Y (đối với X)", "Y, nếu X": the paper, the case, and any text after
/// the case's closing bracket.
fn trailing(body: &str) -> Option<(String, String, String)> {
    let lower = lower(body);
    // The first marker but "(nếu có)", which is handled apart.
    let (at, marker) = TRAILING
        .iter()
        .filter_map(|m| lower.match_indices(m).map(|(i, _)| i).find(|i| !lower[*i..].starts_with("(nếu có)")).map(|i| (i, *m)))
        .min_by_key(|(i, _)| *i)?;
    let depth = lower[..at].matches('(').count() as i32 - lower[..at].matches(')').count() as i32;
    // "… đối với người chưa đủ 14 tuổi": the case is the people named, "người chưa đủ 14 tuổi".
    let from = at + if marker.starts_with(PERSON_CASE) { " đối với ".len() } else { marker.len() };
    let (paper, end, after) = if marker.starts_with('(') {
        let len = bracket_group_len(&body[at..]).unwrap_or(body.len() - at);
        let close = at + len;
        let end = if body[..close].ends_with(')') { close - 1 } else { close };
        (body[..at].trim().trim_end_matches([',', ';', ' ']).to_string(), end, body[close..].trim().trim_start_matches([';', ',', ' ']).to_string())
    } else if depth > 0 {
        // ", nếu X" inside a bracket: the case runs to the bracket's end, which the paper keeps.
        let close = lower[at..].find(')').map(|i| at + i).unwrap_or(body.len());
        let paper = format!("{})", body[..at].trim().trim_end_matches([',', ';', ' ']));
        let after = body.get(close + 1..).unwrap_or("").trim().trim_start_matches([';', ',', ' ']).to_string();
        (paper, close, after)
    } else {
        let end = lower[from..].find(';').map(|i| from + i).unwrap_or(body.len());
        (body[..at].trim().trim_end_matches([',', ';', ' ']).to_string(), end, body[end..].trim_start_matches([';', ' ']).to_string())
    };
    if paper.chars().count() < 3 {
        return None;
    }
    let mut when = body[from..end].trim().trim_end_matches(['.', ';', ',', ' ']).to_string();
    if marker.ends_with("đối với ") && lower[from..].starts_with("trường hợp ") {
        when = when["trường hợp ".len()..].to_string();
    }
    // "…; đối với người mất năng lực hành vi dân sự … thì người đại diện hợp pháp khai, ký thay":
    // who fills the paper in, not whether it is needed.
    if when.is_empty() || (marker.starts_with(PERSON_CASE) && lower[from..end].contains(" thì ")) {
        return None;
    }
    let after = if after.trim_matches(['.', ';', ' ']).is_empty() { String::new() } else { after };
    Some((paper, when, after))
}

/// "A; trường hợp không có A thì nộp B; nếu không có B thì phải có C" and "một trong các giấy tờ
/// sau: A; B": every paper that satisfies the need.
fn alternatives(head: &str) -> Option<Vec<String>> {
    let lower = lower(head);
    for intro in ["một trong các giấy tờ sau", "một trong những giấy tờ sau", "một trong các loại giấy tờ sau"] {
        if let Some(i) = lower.find(intro) {
            let colon = lower[i..].find(':').map(|c| i + c + 1)?;
            let items: Vec<String> = head[colon..]
                .split([';', '\n'])
                .flat_map(|p| p.split(" - "))
                .map(|p| p.trim().trim_start_matches(['-', '+', ' ']).trim_end_matches(['.', ',', ' ']).to_string())
                .filter(|p| p.chars().count() >= 3)
                .map(|p| upper_first(&p))
                .collect();
            return (items.len() >= 2).then_some(items);
        }
    }
    let pieces: Vec<&str> = head.split(';').collect();
    if pieces.len() < 2 {
        return None;
    }
    let mut out = vec![pieces[0].trim().trim_end_matches([',', ' ']).to_string()];
    for p in &pieces[1..] {
        let pl = crate::core::text::lower(p.trim());
        let opening = ["trường hợp không có ", "nếu không có "].into_iter().find(|o| pl.starts_with(o))?;
        let thi = pl.find(" thì ")?;
        let _ = opening;
        let paper = drop_lead_verb(p.trim()[thi + " thì ".len()..].trim());
        out.push(upper_first(paper.trim_end_matches(['.', ',', ' '])));
    }
    Some(out)
}

/// The need itself depends on the agency failing to look the data up.
fn looked_up(head: &str) -> bool {
    let l = lower(head);
    ["không thể khai thác được thông tin", "không khai thác được thông tin", "không tra cứu được", "không thể tra cứu"].iter().any(|p| l.contains(p))
}

/// A later sentence spares the paper when the agency already holds the data.
fn spared_when_held(rest: &str) -> bool {
    let l = lower(rest);
    let held = ["cơ sở dữ liệu quốc gia", "khai thác được dữ liệu", "đã có trong cơ sở dữ liệu", "đã có bản điện tử"].iter().any(|p| l.contains(p));
    let spared = ["không phải nộp", "không phải xuất trình", "không phải tải lên", "không phải cung cấp"].iter().any(|p| l.contains(p));
    held && spared
}

fn drop_lead_verb(s: &str) -> &str {
    let l = lower(s);
    match LEAD_VERBS.iter().find(|v| l.starts_with(*v)) {
        Some(v) => s[v.len()..].trim_start(),
        None => s,
    }
}

/// Where `needle` first occurs at or after `from`, outside brackets.
fn top_level_find(hay: &str, from: usize, needle: &str) -> Option<usize> {
    let mut depth = 0i32;
    for (i, c) in hay[from..].char_indices() {
        let at = from + i;
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ if depth <= 0 && hay[at..].starts_with(needle) => return Some(at),
            _ => {}
        }
    }
    None
}

fn join(paper: &str, rest: Option<&str>) -> String {
    let paper = paper.trim();
    match rest.map(str::trim).filter(|r| !r.is_empty()) {
        Some(r) if paper.ends_with(['.', ';', ':']) => format!("{paper} {r}"),
        // A new sentence: "…sử dụng. Trường hợp hộ chiếu…", not "…sử dụng. trường hợp…".
        Some(r) => format!("{paper}. {}", upper_first(r)),
        None => paper.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (source text, expected paper, expected case): real papers of the national catalogue.
    fn split(text: &str) -> (String, Option<String>) {
        let r = read(text);
        assert!(!r.unsplit, "split: {text}");
        (r.paper, r.when)
    }

    fn case(text: &str, paper: &str, when: &str) {
        assert_eq!(split(text), (paper.to_string(), Some(when.to_string())), "{text}");
    }

    #[test]
    fn a_case_before_the_paper_is_cut_off() {
        // 1.001193 Đăng ký khai sinh
        case(
            "Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập.",
            "Biên bản về việc trẻ bị bỏ rơi do cơ quan có thẩm quyền lập.",
            "trẻ em bị bỏ rơi",
        );
        case(
            "Trường hợp khai sinh cho trẻ em sinh ra do mang thai hộ phải có văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản cho việc mang thai hộ.",
            "Văn bản xác nhận của cơ sở y tế đã thực hiện kỹ thuật hỗ trợ sinh sản cho việc mang thai hộ.",
            "khai sinh cho trẻ em sinh ra do mang thai hộ",
        );
        // 1.000656 Đăng ký khai tử (a paper shown in person)
        case(
            "Trường hợp không xác định được nơi cư trú cuối cùng của người chết thì xuất trình giấy tờ chứng minh nơi người đó chết hoặc nơi phát hiện thi thể của người chết.",
            "Giấy tờ chứng minh nơi người đó chết hoặc nơi phát hiện thi thể của người chết.",
            "không xác định được nơi cư trú cuối cùng của người chết",
        );
        // 2.002189: "Nếu … thì phải nộp …"
        case(
            "Nếu công dân Việt Nam đã ly hôn hoặc hủy việc kết hôn tại cơ quan có thẩm quyền nước ngoài thì phải nộp Trích lục về việc đã ghi vào Sổ hộ tịch việc ly hôn hoặc hủy việc kết hôn (Trích lục ghi chú ly hôn).",
            "Trích lục về việc đã ghi vào Sổ hộ tịch việc ly hôn hoặc hủy việc kết hôn (Trích lục ghi chú ly hôn).",
            "công dân Việt Nam đã ly hôn hoặc hủy việc kết hôn tại cơ quan có thẩm quyền nước ngoài",
        );
        // 1.004030: commas inside the case, the verb after it
        case(
            "Nếu là cán bộ, công chức, viên chức, sĩ quan quân đội nhân dân chuyển ngành, phải có nhận xét cán bộ (về phẩm chất, đạo đức, trình độ chuyên môn...) trong thời gian công tác tại cơ quan, đơn vị.",
            "Nhận xét cán bộ (về phẩm chất, đạo đức, trình độ chuyên môn...) trong thời gian công tác tại cơ quan, đơn vị.",
            "cán bộ, công chức, viên chức, sĩ quan quân đội nhân dân chuyển ngành",
        );
        // 1.004222, 1.012681: "Đối với X: Y"
        case(
            "Đối với Quân đội nhân dân: Giấy giới thiệu đăng ký thường trú của cơ quan, đơn vị cấp trung đoàn và tương đương trở lên (ký tên, đóng dấu).",
            "Giấy giới thiệu đăng ký thường trú của cơ quan, đơn vị cấp trung đoàn và tương đương trở lên (ký tên, đóng dấu).",
            "Quân đội nhân dân",
        );
        case(
            "Đối với chi nhánh ngân hàng nước ngoài: Văn bản đề nghị sửa đổi mức vốn được cấp tại Giấy phép.",
            "Văn bản đề nghị sửa đổi mức vốn được cấp tại Giấy phép.",
            "chi nhánh ngân hàng nước ngoài",
        );
        // 1.009550: "Trường hợp X, bổ sung Y"
        case(
            "Trường hợp quỹ gia hạn thời gian hoạt động, bổ sung Hợp đồng ký với ngân hàng lưu ký về việc gia hạn thời gian cung cấp dịch vụ lưu ký cho quỹ.",
            "Hợp đồng ký với ngân hàng lưu ký về việc gia hạn thời gian cung cấp dịch vụ lưu ký cho quỹ.",
            "quỹ gia hạn thời gian hoạt động",
        );
        // 1.004884: a long case with commas and a ';' inside the paper
        let r = read("Trường hợp người yêu cầu đăng ký lại khai sinh là cán bộ, công chức, viên chức, người đang công tác trong lực lượng vũ trang thì phải có văn bản xác nhận của Thủ trưởng cơ quan, đơn vị về việc những nội dung khai sinh của người đó gồm họ, chữ đệm, tên; giới tính; ngày, tháng, năm sinh.");
        assert_eq!(
            r.when.as_deref(),
            Some("người yêu cầu đăng ký lại khai sinh là cán bộ, công chức, viên chức, người đang công tác trong lực lượng vũ trang")
        );
        assert!(r.paper.starts_with("Văn bản xác nhận của Thủ trưởng"), "{}", r.paper);
    }

    #[test]
    fn a_case_after_the_paper_is_cut_off_and_later_sentences_stay() {
        // 1.001193: the details of the power of attorney stay with it
        case(
            "Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật trong trường hợp ủy quyền thực hiện việc đăng ký khai sinh. Trường hợp người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền thì văn bản ủy quyền không phải chứng thực.",
            "Văn bản ủy quyền (được chứng thực) theo quy định của pháp luật. Trường hợp người được ủy quyền là ông, bà, cha, mẹ, con, vợ, chồng, anh, chị, em ruột của người ủy quyền thì văn bản ủy quyền không phải chứng thực.",
            "ủy quyền thực hiện việc đăng ký khai sinh",
        );
        // 1.000656: "đối với trường hợp"
        case(
            "Giấy tờ, tài liệu, chứng cứ do cơ quan, tổ chức có thẩm quyền cấp hoặc xác nhận hợp lệ chứng minh sự kiện chết đối với trường hợp đăng ký khai tử cho người chết đã lâu, không có Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử.",
            "Giấy tờ, tài liệu, chứng cứ do cơ quan, tổ chức có thẩm quyền cấp hoặc xác nhận hợp lệ chứng minh sự kiện chết",
            "đăng ký khai tử cho người chết đã lâu, không có Giấy báo tử hoặc giấy tờ thay thế Giấy báo tử",
        );
        // 1.009498, 2.001064, 1.011874: a case in brackets
        case(
            "Quyết định hủy niêm yết của Sở giao dịch chứng khoán (trong trường hợp quỹ giải thể do bị hủy niêm yết).",
            "Quyết định hủy niêm yết của Sở giao dịch chứng khoán",
            "quỹ giải thể do bị hủy niêm yết",
        );
        case(
            "Giấy phép lao động hoặc giấy xác nhận không thuộc diện cấp giấy phép lao động (đối với người nước ngoài).",
            "Giấy phép lao động hoặc giấy xác nhận không thuộc diện cấp giấy phép lao động",
            "người nước ngoài",
        );
        case("Tài liệu COP mới được gia hạn (đối với trường hợp Thông báo miễn hết hiệu lực).", "Tài liệu COP mới được gia hạn", "Thông báo miễn hết hiệu lực");
        // 1.009094: no full stop
        case("Bản lược khai hành lý ký gửi trong trường hợp tàu bay vận chuyển hành khách", "Bản lược khai hành lý ký gửi", "tàu bay vận chuyển hành khách");
        // 2.000575: the sentence after the case stays with the paper
        case(
            "Bản sao văn bản ủy quyền của thành viên mới cho chủ hộ kinh doanh trong trường hợp tiếp nhận thành viên mới. Văn bản ủy quyền này phải được công chứng hoặc chứng thực theo quy định của pháp luật.",
            "Bản sao văn bản ủy quyền của thành viên mới cho chủ hộ kinh doanh. Văn bản ủy quyền này phải được công chứng hoặc chứng thực theo quy định của pháp luật.",
            "tiếp nhận thành viên mới",
        );
        // 1.000129: "(áp dụng đối với …)" after a "(nếu có)" inside the name
        case(
            "Văn bản ủy quyền (nếu có) của các thành viên hợp vốn cho một bên cho vay thực hiện thủ tục đăng ký khoản cho vay ra nước ngoài (áp dụng đối với khoản cho vay ra nước ngoài hợp vốn)",
            "Văn bản ủy quyền (nếu có) của các thành viên hợp vốn cho một bên cho vay thực hiện thủ tục đăng ký khoản cho vay ra nước ngoài",
            "khoản cho vay ra nước ngoài hợp vốn",
        );
        // 1.001456 (passport): a child's birth certificate and the last passport are not everyone's.
        let r = read("Bản sao giấy khai sinh hoặc trích lục giấy khai sinh đối với người chưa đủ 14 tuổi chưa được cấp mã số định danh cá nhân; trường hợp không có bản sao Giấy khai sinh thì nộp bản chụp kèm bản chính để kiểm tra, đối chiếu.");
        assert_eq!(r.when.as_deref(), Some("người chưa đủ 14 tuổi chưa được cấp mã số định danh cá nhân"));
        assert_eq!(r.any_of, ["Bản sao giấy khai sinh hoặc trích lục giấy khai sinh", "Bản chụp kèm bản chính để kiểm tra, đối chiếu"]);
        case(
            "Hộ chiếu phổ thông cấp lần gần nhất còn giá trị sử dụng đối với người đã được cấp hộ chiếu",
            "Hộ chiếu phổ thông cấp lần gần nhất còn giá trị sử dụng",
            "người đã được cấp hộ chiếu",
        );
        // 1.010382: who signs for them, not a case of the form.
        let text = "Tờ khai đề nghị khôi phục giá trị sử dụng hộ chiếu phổ thông (mẫu TK04); đối với người mất năng lực hành vi dân sự, người chưa đủ 14 tuổi thì người đại diện hợp pháp khai, ký thay";
        assert_eq!(read(text).when, None);
        // Rows that say how to submit are no papers.
        for text in ["Số lượng hồ sơ: 01 (một) bộ.", "- Lưu ý: Hồ sơ phải được viết bằng tiếng Việt.", "1.4. Số lượng hồ sơ: 01 bộ."]
        {
            assert!(is_instruction(text), "{text}");
        }
        for text in ["Thành phần hồ sơ 1: Bản khai cá nhân", "Thời hạn, tiến độ thực hiện dự án", "Số liệu thống kê"] {
            assert!(!is_instruction(text), "{text}");
        }
        // "Đối với" meaning "for": needed by everyone.
        for text in ["Bản khai đối với người điều khiển, người đi trên phương tiện.", "Giấy chứng nhận bảo hiểm trách nhiệm dân sự đối với người thứ ba."]
        {
            let r = read(text);
            assert_eq!((r.when, r.paper.as_str()), (None, text));
        }
    }

    #[test]
    fn the_way_of_submitting_is_a_case_too() {
        // 1.001193: the paper declaration only for paper dossiers, the e-form only online
        case(
            "Tờ khai đăng ký khai sinh theo mẫu (nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp hoặc gửi hồ sơ qua hệ thống bưu chính);",
            "Tờ khai đăng ký khai sinh theo mẫu",
            "người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tiếp hoặc gửi hồ sơ qua hệ thống bưu chính",
        );
        case(
            "Mẫu hộ tịch điện tử tương tác đăng ký khai sinh (do người yêu cầu cung cấp thông tin theo hướng dẫn trên Cổng dịch vụ công, nếu người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tuyến)",
            "Mẫu hộ tịch điện tử tương tác đăng ký khai sinh (do người yêu cầu cung cấp thông tin theo hướng dẫn trên Cổng dịch vụ công)",
            "người có yêu cầu lựa chọn nộp hồ sơ theo hình thức trực tuyến",
        );
    }

    #[test]
    fn if_any_is_kept_apart() {
        let r = read("Văn bản thể hiện yêu cầu nội dung vệ sinh thú y của nước nhập khẩu hoặc chủ hàng (nếu có);");
        assert!(r.if_any && r.when.is_none());
        assert_eq!(r.paper, "Văn bản thể hiện yêu cầu nội dung vệ sinh thú y của nước nhập khẩu hoặc chủ hàng");
        let r = read("Thỏa thuận cho vay, thỏa thuận gia hạn khoản cho vay ra nước ngoài đã ký (nếu có).");
        assert!(r.if_any);
        assert_eq!(r.paper, "Thỏa thuận cho vay, thỏa thuận gia hạn khoản cho vay ra nước ngoài đã ký");
    }

    #[test]
    fn if_any_right_after_the_name_is_the_papers_own() {
        // 1.000096: the quantity follows
        let r = read("Hóa đơn thương mại (nếu có): 01 bản chụp");
        assert!(r.if_any);
        assert_eq!(r.paper, "Hóa đơn thương mại: 01 bản chụp");
        // 1.009440: the template follows
        let r = read("Bản khai vũ khí và vật liệu nổ (nếu có) theo mẫu;");
        assert!(r.if_any);
        assert_eq!(r.paper, "Bản khai vũ khí và vật liệu nổ theo mẫu");
        // 2.001730: the contents follow
        assert!(read("Danh mục các cơ sở sản xuất (nếu có), bao gồm tên, địa chỉ của cơ sở, các mặt hàng sản xuất để xuất khẩu").if_any);
        // 1.014847: what to bring instead follows — one of the two is always needed
        let r = read("Bản vẽ (nếu có) hoặc sơ họa mặt bằng công trình và các hạng mục công trình cần bảo vệ");
        assert!(!r.if_any && r.when.is_none());
        assert_eq!(r.any_of, ["Bản vẽ", "Sơ họa mặt bằng công trình và các hạng mục công trình cần bảo vệ"]);
        // 1.009546: "(nếu có)" ends one item of a list; the paper is needed
        let r = read("Giấy chứng nhận đăng ký doanh nghiệp, Giấy phép thành lập và hoạt động (nếu có) của tổ chức đăng ký hoạt động phân phối chứng chỉ quỹ");
        assert!(!r.if_any && r.when.is_none() && r.any_of.is_empty());
    }

    #[test]
    fn a_case_opening_a_row_of_alternatives_is_their_case() {
        // 1.001695: a row of its own, after "Giấy chứng sinh"
        let r = read("Trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; nếu không có văn bản của người làm chứng thì phải có giấy cam đoan về việc sinh.");
        assert_eq!(r.when.as_deref(), Some("không có Giấy chứng sinh"));
        assert_eq!(r.any_of, ["Văn bản của người làm chứng xác nhận về việc sinh", "Giấy cam đoan về việc sinh"]);
        // 1.006442: the case of the row before, left at the start of this one
        let r = read("(đối với trường hợp khai trên tờ khai hải quan giấy). Các trường hợp phải khai tờ khai trị giá và mẫu tờ khai trị giá thực hiện theo Thông tư của Bộ Tài chính;");
        assert_eq!(r.when.as_deref(), Some("khai trên tờ khai hải quan giấy"));
        assert!(r.unsplit, "no paper in its first sentence: flagged for review");
    }

    #[test]
    fn alternatives_satisfy_one_need() {
        let r = read("Giấy chứng sinh; trường hợp không có Giấy chứng sinh thì nộp văn bản của người làm chứng xác nhận về việc sinh; nếu không có người làm chứng thì phải có giấy cam đoan về việc sinh.");
        assert_eq!(r.any_of, ["Giấy chứng sinh", "Văn bản của người làm chứng xác nhận về việc sinh", "Giấy cam đoan về việc sinh"]);
        assert!(r.when.is_none() && !r.if_any, "one of them is always needed");
    }

    #[test]
    fn papers_the_agency_can_look_up_are_marked() {
        // 1.001193, shown in person only when the agency cannot look the residence up
        let r = read("Giấy tờ có giá trị chứng minh thông tin về cư trú trong trường hợp cơ quan đăng ký hộ tịch không thể khai thác được thông tin về nơi cư trú của công dân theo các phương thức quy định tại khoản 2 Điều 14 Nghị định số 104/2022/NĐ-CP.");
        assert!(r.state_holds);
        assert_eq!(r.paper, "Giấy tờ có giá trị chứng minh thông tin về cư trú");
        // 1.000656: needed, but not on paper when the agency holds the electronic one
        let r = read("Giấy báo tử hoặc giấy tờ thay Giấy báo tử do cơ quan có thẩm quyền cấp. Trường hợp người yêu cầu đã nộp bản điện tử Giấy báo tử hoặc cơ quan đăng ký hộ tịch đã khai thác được dữ liệu điện tử có ký số của Giấy báo tử thì không phải nộp bản giấy.");
        assert!(r.paper_spared && !r.state_holds && r.when.is_none(), "still needed: only the paper copy is spared");
        assert!(r.paper.starts_with("Giấy báo tử hoặc giấy tờ thay Giấy báo tử"));
    }

    #[test]
    fn plain_papers_and_look_alikes_stay_unconditional() {
        for text in [
            "Giấy đề nghị vay tái cấp vốn theo Phụ lục số 02 ban hành kèm theo Thông tư số 15/2022/TT-NHNN",
            // "nêu" is not "nếu"
            "Văn bản đề nghị giải thể, chấm dứt hoạt động do người đại diện theo pháp luật ký, trong đó nêu rõ lý do giải thể",
            // a validity rule, not a case
            "Giấy khám sức khỏe do bệnh viện đa khoa cấp có giá trị sử dụng nếu được cấp chưa quá 06 tháng",
        ] {
            let r = read(text);
            assert!(r.when.is_none() && !r.if_any && !r.unsplit && r.any_of.is_empty(), "{text}: {r:?}");
            assert_eq!(r.paper, text);
        }
    }

    #[test]
    fn a_heading_with_no_paper_is_flagged_with_its_case() {
        let r = read("Đối với hồ sơ đề nghị gia hạn tái cấp vốn");
        assert!(r.unsplit);
        assert_eq!(r.when.as_deref(), Some("hồ sơ đề nghị gia hạn tái cấp vốn"));
    }
}
