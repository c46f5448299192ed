//! Parses `thanh_phan_ho_so`: one or more tables `Tên giấy tờMẫu đơn, tờ khaiSố lượng`, each
//! preceded by its group header (`* Giấy tờ phải nộp:`, `* Giấy tờ phải xuất trình:`,
//! `Trường hợp …`, `--`), whose rows run together as `name [template file] N bản chính[, M bản sao]`.

use super::reading::{about_copies, is_instruction, read};
use super::scan::{digits_start_before, is_placeholder};
use crate::core::catalogue::model::{Document, DocumentKind, DocumentNote, ReviewFlag};
use crate::core::catalogue::short::short_name;
use crate::core::text::{clean, fold, without_bullet};

const TABLE_HEADER: &str = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";
const TEMPLATE_EXTENSIONS: [&str; 6] = [".docx", ".doc", ".pdf", ".xlsx", ".xls", ".odt"];

pub struct Parsed {
    pub documents: Vec<Document>,
    pub notes: Vec<DocumentNote>,
    pub flags: Vec<ReviewFlag>,
}

pub fn parse_documents(source: &str) -> Parsed {
    let mut out = Parsed { documents: Vec::new(), notes: Vec::new(), flags: Vec::new() };
    if is_placeholder(source) {
        out.flags.push(flag("không có thành phần hồ sơ"));
        return out;
    }
    let parts: Vec<&str> = source.split(TABLE_HEADER).collect();
    if parts.len() == 1 {
        out.flags.push(flag("không có bảng thành phần hồ sơ; giữ nguyên văn bản làm ghi chú"));
        out.notes.push(DocumentNote { text: clean(source), condition: None });
        return out;
    }
    let mut group = Group::from_header(parts[0]);
    out.notes.extend(group.note.take().map(|text| DocumentNote { text, condition: None }));
    for (k, part) in parts.iter().enumerate().skip(1) {
        let rows = split_rows(part);
        let tail_start = rows.last().map(|r| r.end).unwrap_or(0);
        let first = out.documents.len();
        // Under a "Lưu ý" heading every row is a note, counted or not (1.000094: "Giấy tờ do cơ quan
        // có thẩm quyền của nước ngoài cấp… phải được hợp pháp hóa lãnh sự" is a rule, not a paper).
        let instruction: Vec<bool> = rows.iter().map(|r| group.notes_only || is_instruction(&clean(&part[r.start..r.count_start]))).collect();
        // A case whose table has nothing but a "Lưu ý" row with a quantity (1.002548): that row
        // stands for the paper the heading names, so it stays a paper, flagged, not a note.
        let notes_allowed = group.condition.is_none() || rows.iter().zip(&instruction).any(|(r, i)| r.counted() && !i);
        for (row, &instruction) in rows.iter().zip(&instruction) {
            add_row(&mut out, &group, &part[row.start..row.count_start], row, instruction.then_some(notes_allowed));
        }
        one_of(&mut out, &group, first);
        let tail = &part[tail_start..];
        if k + 1 < parts.len() {
            group = Group::from_header(tail);
            out.notes.extend(group.note.take().map(|text| DocumentNote { text, condition: None }));
        } else if !is_placeholder(tail) {
            out.notes.push(DocumentNote { text: clean(tail), condition: group.condition.clone() });
        }
        if rows.is_empty() && !is_placeholder(part) && k + 1 == parts.len() {
            out.flags.push(flag("bảng thành phần hồ sơ không có dòng nào ghi số lượng"));
        }
    }
    out
}

/// Drops the rows the portal lists twice for the same case (2.000575 lists one form four times
/// under each of its cases): the same name (folded), kind, quantities, case, own case and
/// alternatives. The first stays, with a template either gave. Returns how many were dropped.
pub fn drop_repeated(documents: &mut Vec<Document>) -> usize {
    let before = documents.len();
    let mut kept: Vec<Document> = Vec::with_capacity(before);
    for d in documents.drain(..) {
        // The same row: also the same quantities, alternatives and template when both name one
        // (two forms "Mẫu I.1.8.a" and "…g" read as one name once the file is split off).
        let same_template = |k: &Document| k.template_file.is_none() || d.template_file.is_none() || k.template_file == d.template_file;
        let same = |k: &Document| {
            fold(&k.name) == fold(&d.name)
                && (k.kind, k.originals, k.copies) == (d.kind, d.originals, d.copies)
                && (&k.condition, &k.when, &k.any_of) == (&d.condition, &d.when, &d.any_of)
                && same_template(k)
        };
        match kept.iter_mut().find(|k| same(k)) {
            Some(first) => {
                if first.template_file.is_none() {
                    first.template_file = d.template_file;
                }
            }
            None => kept.push(d),
        }
    }
    *documents = kept;
    before - documents.len()
}

/// "Trường hợp X phải bổ sung một trong các loại hồ sơ, giấy tờ sau": the table's papers are
/// alternatives, any one of which meets the need — one paper whose `any_of` lists them (else
/// answering the case made every one of them missing, and the dossier could never be complete).
fn one_of(out: &mut Parsed, group: &Group, first: usize) {
    let said = ends_with_one_of_papers(group.condition.as_deref().unwrap_or(""));
    // Not when a paper of the table has its own case or alternatives: the table is then more
    // than a list to choose from (1.001612 puts a paper of another case in it).
    let plain = |d: &Document| d.when.is_none() && !d.if_any && !d.state_holds && d.any_of.is_empty();
    if !said || out.documents.len() < first + 2 || !out.documents[first..].iter().all(plain) {
        return;
    }
    let papers: Vec<Document> = out.documents.drain(first..).collect();
    let names: Vec<String> = papers.iter().map(|d| d.name.trim().trim_end_matches(['.', ';', ',', ' ']).to_string()).collect();
    let name = format!("Một trong các giấy tờ sau: {}", names.join("; "));
    let counts = papers.iter().map(|d| (d.originals, d.copies)).max().unwrap_or((1, 0));
    let raw = papers.iter().map(|d| d.raw.as_str()).collect::<Vec<_>>().join("");
    let (mut doc, flags) = paper(name, None, counts, group.kind, group.condition.clone(), raw);
    doc.any_of = names;
    // Its heading is the choice itself (an alternative's "(sau đây gọi tắt là …)" is not).
    doc.short = "Một trong các giấy tờ sau".into();
    out.flags.extend(flags);
    out.documents.push(doc);
}

/// "… bổ sung một trong các loại hồ sơ, giấy tờ sau", "… gồm một trong các giấy tờ": the heading
/// ends by introducing papers to choose from — not "một trong các thành viên" (one of the members)
/// or "một trong các nội dung … sau: …" (one of the changes), which name no papers.
fn ends_with_one_of_papers(heading: &str) -> bool {
    let folded = fold(heading);
    let Some(at) = folded.rfind("mot trong ") else { return false };
    let mut rest = &folded[at + "mot trong ".len()..];
    for skip in ["cac ", "nhung ", "loai ", "ho so "] {
        rest = rest.strip_prefix(skip).unwrap_or(rest);
    }
    let Some(after) = ["giay to", "tai lieu", "chung tu", "van ban", "ho so"].iter().find_map(|w| rest.strip_prefix(w)) else { return false };
    after.split(' ').filter(|w| !w.is_empty()).all(|w| ["sau", "day", "duoi"].contains(&w))
}

/// The group a table belongs to: submit or present, and the case it applies to.
struct Group {
    kind: DocumentKind,
    condition: Option<String>,
    /// A heading that announces the list and says how its papers are given ("Hồ sơ gồm bản sao
    /// và xuất trình bản chính để đối chiếu… các giấy tờ sau"): no case, but worth a note.
    note: Option<String>,
    /// "Lưu ý": its rows are notes.
    notes_only: bool,
}

impl Group {
    fn from_header(header: &str) -> Group {
        let text = clean(header.trim().trim_start_matches(['*', '-', '+', ' ']).trim_end_matches([':', ' ']));
        let folded = fold(&text);
        let kind = if folded.contains("xuat trinh") { DocumentKind::Present } else { DocumentKind::Submit };
        let generic = ["", "giay to phai nop", "giay to phai xuat trinh", "thanh phan ho so", "a thanh phan ho so", "ho so gom", "bao gom"];
        // "Hồ sơ đăng ký tạm trú gồm", "Các giấy tờ phải nộp (bản chính), mỗi loại 01 bản, gồm",
        // "1) Thành phần hồ sơ, bao gồm", "Người yêu cầu chứng thực nộp 01 (một) bộ hồ sơ…, gồm các
        // giấy tờ sau đây" only announce the list; they are no case.
        let announces_list = announces_list(&folded);
        // "Trường hợp không quy định là bản chính thì có thể nộp bản sao hợp lệ…" opens with a
        // case's words but says how every paper may be given.
        let announces_list = announces_list || about_copies(&folded);
        let says_how = announces_list && (folded.contains("ban sao") || folded.contains("ban chinh"));
        let note = says_how.then(|| text.clone());
        let condition = if generic.contains(&folded.as_str()) || announces_list || is_placeholder(&text) { None } else { Some(text) };
        let notes_only = folded == "luu y";
        let condition = condition.filter(|_| !notes_only);
        Group { kind, condition, note, notes_only }
    }
}

/// Whether a table's heading (folded) only says a list of papers follows: it ends "gồm (có)" or
/// "(gồm) các giấy tờ sau (đây)" and says who or what the list is of in general words, naming no
/// case ("trường hợp", "đối với", an enumerated "b) Hồ sơ đề nghị điều chỉnh…" are cases).
fn announces_list(folded: &str) -> bool {
    let body = folded.trim_end_matches([':', '.', ' ']);
    let ends = ["gom", "gom co", "cac giay to sau", "cac giay to sau day"].iter().any(|e| body.ends_with(&format!(" {e}")) || body == *e);
    let general = body.starts_with("ho so")
        || body.starts_with("cac giay to phai nop")
        || body.starts_with("cac giay to phai xuat trinh")
        || ["thanh phan ho so gom", "thanh phan ho so, gom", "thanh phan ho so bao gom", "thanh phan ho so, bao gom"]
            .contains(&body.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ')' | '.' | '/' | ' ')))
        || (body.starts_with("nguoi yeu cau") && body.contains("nop"));
    ends && general && !body.contains("truong hop") && !body.contains("doi voi")
}

struct Row {
    start: usize,
    /// Where the quantity digits start.
    count_start: usize,
    end: usize,
    originals: u32,
    copies: u32,
    /// Digits that ran into the quantity from the text before ("…ngày 25/6/20241 bản chính").
    glued: Option<String>,
}

impl Row {
    /// It asks for at least one original or copy ("0 bản chính" is the portal's placeholder).
    fn counted(&self) -> bool {
        self.originals > 0 || self.copies > 0
    }
}

/// Finds every `N bản chính[, M bản sao]` / `M bản sao` and cuts the rows at them.
fn split_rows(part: &str) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    let mut pos = 0;
    while pos < part.len() {
        let Some((count_start, digits_end, originals_kind, glued)) = next_quantity(part, pos) else { break };
        let (mut originals, mut copies) = (0, 0);
        let mut end = digits_end;
        let value: u32 = part[count_start..digits_end].trim().parse().unwrap_or(0);
        let rest = &part[digits_end..];
        if originals_kind {
            originals = value;
            end += rest.find("bản chính").map(|i| i + "bản chính".len()).unwrap_or(0);
            // Optional ", M bản sao".
            let after = &part[end..];
            let trimmed = after.trim_start_matches([',', ' ']);
            let n = super::scan::digits_len(trimmed);
            if n > 0 && trimmed[n..].trim_start().starts_with("bản sao") {
                copies = trimmed[..n].parse().unwrap_or(0);
                let skip = after.len() - trimmed.len() + n;
                end += skip + (trimmed[n..].len() - trimmed[n..].trim_start().len()) + "bản sao".len();
            }
        } else {
            copies = value;
            end += rest.find("bản sao").map(|i| i + "bản sao".len()).unwrap_or(0);
        }
        rows.push(Row { start: pos, count_start, end, originals, copies, glued });
        pos = end;
    }
    rows
}

/// The next quantity at or after `from`: (digits start, digits end, is "bản chính", glued prefix).
fn next_quantity(part: &str, from: usize) -> Option<(usize, usize, bool, Option<String>)> {
    let hay = &part[from..];
    let candidates = [("bản chính", true), ("bản sao", false)];
    let mut best: Option<(usize, usize, bool, Option<String>)> = None;
    for (word, is_orig) in candidates {
        let mut search = 0;
        while let Some(i) = hay[search..].find(word) {
            let at = from + search + i;
            search += i + word.len();
            let before = part[..at].trim_end_matches(' ');
            let digits_end = before.len();
            let digits_start = digits_start_before(part, digits_end);
            if digits_start == digits_end || digits_start < from {
                continue; // "bản chính" in prose, not a quantity
            }
            // A quantity ends a row: what follows is a new row, a bracket, a comma or the end —
            // never a lower-case word ("- 01 bản sao kết quả quan trắc…" is prose).
            let after = part[at + word.len()..].trim_start_matches(' ');
            if after.chars().next().is_some_and(char::is_lowercase) && !starts_with_enumerator(after) {
                continue;
            }
            // "Phiếu yêu cầu theo Mẫu số 02b (01 bản chính) (khoản 2 Điều 39…).docx1 bản chính": a
            // quantity in brackets inside the name is not the row's, when the row's own follows.
            // Not when the row's own says none ("(01 bản chính)0 bản chính": the portal's placeholder).
            let bracketed = part[..digits_start].ends_with('(') && after.starts_with(')');
            if bracketed && next_quantity(part, at + word.len()).is_some_and(|(start, end, ..)| counts(part, start, end)) {
                continue;
            }
            let digits = &part[digits_start..digits_end];
            // A quantity has one digit, or two with a leading zero ("01"); longer runs, and two
            // digits without it ("…mục 1" + "1 bản chính" read "11"), are text glued to it.
            let (count_start, glued) = if digits.len() > 2 || (digits.len() == 2 && !digits.starts_with('0')) {
                let keep = if digits.ends_with("01") || digits.ends_with("02") { 2 } else { 1 };
                (digits_end - keep, Some(digits[..digits.len() - keep].to_string()))
            } else {
                (digits_start, None)
            };
            if best.as_ref().is_none_or(|b| count_start < b.0) {
                best = Some((count_start, digits_end, is_orig, glued));
            }
            break;
        }
    }
    best
}

/// Whether the quantity at `start..end` (or the copies right after "0 bản chính,") is not zero.
fn counts(part: &str, start: usize, end: usize) -> bool {
    if part[start..end].parse::<u32>().unwrap_or(0) > 0 {
        return true;
    }
    let after = part[end..].trim_start().strip_prefix("bản chính").unwrap_or("").trim_start_matches([',', ' ']);
    let n = after.bytes().take_while(u8::is_ascii_digit).count();
    n > 0 && after[..n].parse::<u32>().unwrap_or(0) > 0 && after[n..].trim_start().starts_with("bản sao")
}

/// "c) ", "đ) ", "ii) ", "a.4) ", "b. Trường hợp…", "a2. Giấy…": the letter of the next row,
/// glued to the quantity before it.
fn starts_with_enumerator(s: &str) -> bool {
    let mark: String = s.chars().take_while(|c| c.is_alphanumeric() || *c == '.').collect();
    let mark = mark.trim_end_matches('.');
    let letters = mark.chars().filter(|c| c.is_alphabetic()).count();
    let shape = (1..=3).contains(&letters)
        && mark.chars().count() <= 5
        && mark.chars().next().is_some_and(char::is_lowercase)
        && mark.chars().all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '.');
    let rest = &s[mark.len()..];
    // ") " always; ". " only before a capital ("b. Trường hợp"), not a sentence going on.
    shape && (rest.starts_with(") ") || rest.strip_prefix(". ").is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase)))
}

/// `instruction`: the row says how to submit, and `Some(true)` when it may be a note.
fn add_row(out: &mut Parsed, group: &Group, text: &str, row: &Row, instruction: Option<bool>) {
    let raw = clean(text);
    if let Some(g) = &row.glued {
        let year_like =
            g.len() >= 4 && (g.ends_with(|c: char| c.is_ascii_digit()) && (g[g.len() - 4..].starts_with("19") || g[g.len() - 4..].starts_with("20")));
        if !year_like {
            out.flags.push(flag(&format!("số lượng dính vào số đứng trước («{g}…»): «{}»", short(&raw))));
        }
    }
    if instruction == Some(false) && row.counted() {
        out.flags.push(flag(&format!("bảng của trường hợp chỉ có dòng hướng dẫn, giữ làm giấy tờ: «{}»", short(&raw))));
    } else if !row.counted() || instruction.is_some() {
        // ")" left between "(01 bản chính" and the portal's "0 bản chính" is no note.
        if raw.chars().any(char::is_alphanumeric) {
            out.notes.push(DocumentNote { text: without_bullet(&raw).to_string(), condition: group.condition.clone() });
        }
        return;
    }
    let (name, template_file) = split_template(&raw);
    // "Văn bản đề nghị (01 bản chính)": the quantity was the row's, its bracket goes with it.
    let name = without_bullet(&name).trim_end_matches('(').trim_end().to_string();
    // "." or ";" alone before a quantity: a row the portal left without a name.
    let name = if name.chars().any(char::is_alphanumeric) { name } else { String::new() };
    if name.is_empty() && template_file.is_none() {
        // "…: 01 bản chính.1 bản chính": a "." between two quantities is no row worth a review.
        if raw.chars().any(char::is_alphanumeric) {
            out.flags.push(flag("một dòng có số lượng nhưng không có tên giấy tờ"));
        }
        return;
    }
    let raw = clean(&format!("{text}{}", Document::quantity_text(row.originals, row.copies)));
    let (doc, flags) = paper(name, template_file, (row.originals, row.copies), group.kind, group.condition.clone(), raw);
    out.flags.extend(flags);
    out.documents.push(doc);
}

/// One paper from its cells, read the same way whatever the source: its own case, "(nếu có)",
/// alternatives, the template it names, its short name. `raw` is the row as the source has it.
pub(super) fn paper(
    name: String,
    template_file: Option<String>,
    (originals, copies): (u32, u32),
    kind: DocumentKind,
    condition: Option<String>,
    raw: String,
) -> (Document, Vec<ReviewFlag>) {
    let mut flags = Vec::new();
    let template_name = named_template(&name);
    let name = if name.is_empty() { template_file.clone().unwrap_or_default() } else { name };
    let reading = read(&name);
    if reading.unsplit {
        flags.push(flag(&format!("giấy tờ nêu trường hợp nhưng không tách được tên giấy tờ: «{}»", short(&raw))));
    }
    // The ";" or "," that ended an item of the source's list is not the paper's.
    let paper_name = reading.paper.trim_end_matches([';', ',', ' ']).to_string();
    let folded = fold(&paper_name);
    // "Bản sao …" counted as originals only: the portal's count went into the first column.
    let (originals, copies) = if folded.starts_with("ban sao") && !folded.contains("ban chinh") && originals > 0 && copies == 0 {
        flags.push(flag(&format!("tên ghi «bản sao» nhưng số lượng ghi ở cột bản chính, hoso đọc là bản sao: «{}»", short(&raw))));
        (0, originals)
    } else {
        (originals, copies)
    };
    // "02 ảnh màu", "02 bộ bản vẽ" counted one in the portal's column: the name says how many.
    let named_count = folded.strip_prefix('0').and_then(|rest| {
        let n = rest.chars().next()?.to_digit(10).filter(|n| *n >= 2)?;
        let unit = rest[1..].strip_prefix(' ')?;
        ["anh", "ban", "bo", "to"].iter().any(|u| unit.strip_prefix(u).is_some_and(|after| after.is_empty() || after.starts_with([' ', ',', '(']))).then_some(n)
    });
    let (originals, copies) = match (named_count, originals, copies) {
        (Some(n), 1, 0) => (n, 0),
        (Some(n), 0, 1) => (0, n),
        _ => (originals, copies),
    };
    // "Xuất trình …" is shown at the desk, not handed in: when it asks for the original only, in
    // no case (a case may be submitting by post or online, where nothing is shown), and does not
    // also offer sending it ("Xuất trình hoặc gửi…", "…trong trường hợp gửi qua đường bưu chính").
    let shown = folded.starts_with("xuat trinh") && !folded.contains("gui") && copies == 0 && condition.is_none() && reading.when.is_none();
    let kind = if shown { DocumentKind::Present } else { kind };
    let doc = Document {
        short: short_name(&paper_name),
        name: paper_name,
        template_file,
        template_name,
        originals,
        copies,
        kind,
        condition,
        when: reading.when,
        if_any: reading.if_any,
        any_of: reading.any_of,
        state_holds: reading.state_holds,
        paper_spared: reading.paper_spared,
        short_by_hand: false,
        needed_anyway: None,
        raw,
    };
    (doc, flags)
}

/// Splits a trailing template file name ("… (NA20).Mau NA20-BCA.docx") from the paper's name.
/// The portal runs the two cells together, so the file name starts at the first place the text
/// runs on without a space (`glued_file_start`); with none, the whole text is the file's.
fn split_template(text: &str) -> (String, Option<String>) {
    let lower = text.to_lowercase();
    let Some(ext) = TEMPLATE_EXTENSIONS.iter().find(|e| lower.ends_with(*e)) else {
        return (text.to_string(), None);
    };
    let stem = &text[..text.len() - ext.len()];
    let start = glued_file_start(stem).unwrap_or(0);
    let file = text[start..].trim().to_string();
    let name = text[..start].trim().trim_end_matches(['.', ';', ',']).trim().to_string();
    (name, Some(file))
}

/// The longest a template's file name runs before its extension (the longest in the crawl,
/// "PHỤ LỤC XXXIII.MẪU ĐƠN ĐĂNG KÝ NHẬP KHẨU VẮC XIN, … TẠI VIỆT NAM", has 125 characters);
/// several file names glued together run longer. A glued place further from the end is the
/// paper's own text.
const FILE_NAME_CHARS: usize = 130;
const FILE_NAMES_CHARS: usize = 300;

/// Where a file name glued to the paper's name begins, in `stem` (the text before the last
/// extension): the first place, close enough to the end, where the text runs on without a space
/// in a way words do not (`runs_on`). The first, as file names have such places too
/// ("MauDanhsach…").
fn glued_file_start(stem: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = stem.char_indices().collect();
    let lower = stem.to_lowercase();
    let several = TEMPLATE_EXTENSIONS.iter().any(|e| lower.contains(e));
    let longest = if several { FILE_NAMES_CHARS } else { FILE_NAME_CHARS };
    let first = chars.len().saturating_sub(longest).max(1);
    (first..chars.len()).find(|&j| runs_on(&chars, j)).map(|j| chars[j].0)
}

/// Whether a file name glued to the text before it may begin at `chars[j]`:
/// - a word of small letters into a capital ("…khoáng sảnMau 01", "…bến xeDC_TT1"), a Vietnamese
///   word of one capital and one letter into a capital ("…trực thuộc BộMau02"), or any word or
///   number into the capitalised beginning of a template's name (`TEMPLATE_NAMES`: "…thú yMs02",
///   "…QĐ-TTgGiấy đề nghị", "…15/5/2024Mus02"); not a term ("VNeID", "SARS-CoV-2", "NaCl", "ThS"),
///   though a name like "VietinBank" would be cut (none is, this close to a file name, in the crawl);
/// - a document's number into what follows its issuer ("…số 23/2026/NĐ-CPMau04", "…TT-BTC01-LP",
///   "…TT-BNNMTthuyết minh", `ISSUERS`);
/// - a word, a number or a stop into a template's name in small letters ("…theo quy địnhvăn bản
///   đề nghị", "…năm 2026Mẫu số 11", "…màu trắng.mau so 12", `TEMPLATE_WORDS`);
/// - a word of small letters into a number followed by '-', '_', '.' or nothing ("…trực
///   tiếp18-Mẫu TK8", "…Luật Chăn nuôi08.pdf"), or any word into a number like a procedure's code
///   ("…theo mẫu1.000312"); not a word a number follows ("số13", "Điều5.2"), a name ("Covid19") or
///   a unit ("km2");
/// - a ';' or ')' into a letter or digit ("…theo Mẫu;Mau 2.2", "(mẫu UQ)73-Mẫu AH2", "…hồ
///   sơ;bản thông tin cá nhân - Mẫu 01"), a '”' or ',' into a capital or a digit; not a list ("cá
///   nhân,tổ chức", "loại 1,2,3") or a numbered item ("(ii)Cam kết", "(theo mẫu)a) Bản sao");
/// - a '.' into a capital or a digit ("…theo mẫu.MauDanhsach", "…NHNN.PL 01"), or after a
///   Vietnamese word into a small letter ("…nhân sự.ds nhân sự", "…thông tin.giấy đề nghị"), or
///   after a ')' ("…24/5/2018 ).mu03"); not an abbreviation ("TP.HCM",
///   "PGS.TS"), a web address ("dichvucong.gov.vn"), a section ("Phụ lục I.9") or a template's number
///   ("Mẫu số 01.NT", "_02.7.2025"); after a number, only into a word ("Phụ lục 03.Phụ lục số 03",
///   "số 01.mẫu số 1") or ending a date ("ngày 27/12/2021.Mus09").
///
/// Never right before an extension ("….docx.docx").
fn runs_on(chars: &[(usize, char)], j: usize) -> bool {
    let at = |k: usize| chars.get(k).map(|c| c.1).unwrap_or(' ');
    let back = |n: usize| if j >= n { at(j - n) } else { ' ' };
    let (b, c, d) = (back(2), back(1), at(j));
    let rest: String = chars[j..].iter().take(12).map(|c| c.1).collect();
    let lower = rest.to_lowercase();
    if TEMPLATE_EXTENSIONS.iter().any(|e| lower.starts_with(&e[1..])) {
        return false;
    }
    // The text from the last space to the place, and whether it is Vietnamese.
    let token: String = run_before(chars, j, |c| !c.is_whitespace()).into_iter().collect();
    let vietnamese = token.chars().any(|c| c.is_alphabetic() && !c.is_ascii());
    let names_template = TEMPLATE_NAMES.iter().any(|w| rest.starts_with(w));
    // "Bộ|Mau" (a word of one capital and one letter), not "VNe|ID".
    let word_before = b.is_uppercase() && !back(3).is_alphabetic();
    if c.is_lowercase() && d.is_uppercase() && (names_template || b.is_lowercase() || (vietnamese && word_before)) {
        return true;
    }
    if c.is_ascii_digit() && names_template {
        return true;
    }
    // Not a letter alone, the issuer misspelt ("TT-BNNMTT ngày…").
    if issuer_ends(&token) && d.is_alphanumeric() && !(d.is_alphabetic() && at(j + 1).is_whitespace()) {
        return true;
    }
    let glued = c.is_alphanumeric() || matches!(c, '.' | ';' | ')' | ',' | '”');
    if glued && d.is_alphabetic() && TEMPLATE_WORDS.iter().any(|w| lower.starts_with(w)) {
        return true;
    }
    if (b.is_lowercase() || b.is_uppercase()) && c.is_lowercase() && c != 'm' && d.is_ascii_digit() {
        let word: String = run_before(chars, j, char::is_alphabetic).into_iter().collect();
        if NUMBERED_WORDS.contains(&word.to_lowercase().as_str()) {
            return false;
        }
        let digits = chars[j..].iter().position(|c| !c.1.is_ascii_digit()).map(|n| j + n);
        let like_a_code = digits.is_some_and(|k| at(k) == '.' && at(k + 1).is_ascii_digit());
        let plain = word.chars().all(char::is_lowercase) || matches!(word.as_str(), "Mẫu" | "Mau");
        return like_a_code || (plain && digits.is_none_or(|k| matches!(at(k), '-' | '_' | '.')));
    }
    let capital_or_digit = d.is_uppercase() || d.is_ascii_digit();
    match c {
        ';' => d.is_alphanumeric(),
        '”' => capital_or_digit,
        ')' => (d.is_alphanumeric() || d == '~') && !numbered_item(chars, j - 1) && at(j + 1) != ')',
        ',' => capital_or_digit && !b.is_ascii_digit(),
        '.' if token.contains("http") || token.contains("www") || web_domain(&lower) => false,
        '.' if b.is_ascii_digit() => {
            (d.is_lowercase() && at(j + 1).is_alphabetic())
                || (d.is_uppercase() && at(j + 1).is_lowercase())
                || (d.is_alphanumeric() && ends_a_date(chars, j - 1))
        }
        '.' if d.is_ascii_digit() => !roman_before(chars, j - 1),
        '.' if b == ')' => d.is_alphanumeric(),
        '.' => (d.is_uppercase() && !abbreviation_before(chars, j - 1)) || (d.is_lowercase() && words_before_vietnamese(chars, j, 2)),
        _ => false,
    }
}

/// How a template's file name may begin, in small letters ("…theo quy địnhvăn bản đề nghị.docx").
const TEMPLATE_WORDS: [&str; 13] =
    ["mau", "mẫu", "văn bản", "van ban", "báo cáo", "bao cao", "tờ trình", "tờ khai", "bản khai", "phụ lục", "phu luc", "đơn", "thuyết minh"];

/// How a template's file name may begin, capitalised ("…thú yMs02.DT.docx", "…theo mẫuTK 1…").
const TEMPLATE_NAMES: [&str; 16] =
    ["Mau", "Mẫu", "MẪU", "Mus", "Ms", "Phụ lục", "PHỤ LỤC", "Phu luc", "Phlc", "PL", "TK", "TPHS", "Don", "Đơn", "Giấy", "Giay"];

/// Who issues a legal document, as its number ends ("23/2026/NĐ-CP", "80/2021/TT-BTC").
const ISSUERS: [&str; 24] = [
    "CP", "TTg", "BTC", "BCA", "BTP", "NHNN", "BNNMT", "BNNPTNT", "BXD", "BGTVT", "BYT", "BCT", "BLĐTBXH", "BTNMT", "BQP", "BKHĐT", "BTTTT", "BVHTTDL",
    "BGDĐT", "BNV", "VPCP", "BKHCN", "UBTVQH", "BNG",
];

/// Words a number follows in the text ("số13/2016", "Điều5.2"), not a file name.
const NUMBERED_WORDS: [&str; 9] = ["số", "điều", "khoản", "mục", "điểm", "lần", "năm", "ngày", "tháng"];

/// Whether `token` ends with a legal document's number, "…/NĐ-CP" or "…/TT-BNNMT".
fn issuer_ends(token: &str) -> bool {
    token.contains('/') && ISSUERS.iter().any(|i| token.strip_suffix(i).is_some_and(|t| t.ends_with('-')))
}

/// Whether `rest` (in small letters) goes on with a web address's domain ("gov.vn…", "com/…").
fn web_domain(rest: &str) -> bool {
    ["gov", "vn", "com", "org", "net", "edu", "int"].iter().any(|d| rest.strip_prefix(d).is_some_and(|r| r.is_empty() || r.starts_with(['.', '/', ' '])))
}

/// Whether the last `n` words before `chars[j]` have a Vietnamese letter ("…công bố thông
/// tin.giấy đề nghị", not "…dichvucong.gov.vn").
fn words_before_vietnamese(chars: &[(usize, char)], j: usize, n: usize) -> bool {
    let mut spaces = 0;
    for c in chars[..j].iter().rev().map(|c| c.1) {
        if c.is_whitespace() {
            spaces += 1;
            if spaces == n {
                return false;
            }
        } else if c.is_alphabetic() && !c.is_ascii() {
            return true;
        }
    }
    false
}

/// Whether the ')' at `chars[close]` ends a numbered item, "(ii)" or "a)".
fn numbered_item(chars: &[(usize, char)], close: usize) -> bool {
    let inside = run_before(chars, close, char::is_alphanumeric);
    let open = close.checked_sub(inside.len() + 1).map(|k| chars[k].1);
    let roman = inside.iter().all(|c| matches!(c, 'i' | 'v' | 'x'));
    let number = inside.len() <= 2 && inside.iter().all(char::is_ascii_digit);
    match open {
        Some('(') => inside.len() == 1 || roman || number,
        None => inside.len() == 1,
        Some(o) => o.is_whitespace() && inside.len() == 1,
    }
}

/// Whether an abbreviation of up to three capitals, not a Roman number, ends at `chars[dot]`
/// ("TP.HCM", "PGS.TS").
fn abbreviation_before(chars: &[(usize, char)], dot: usize) -> bool {
    let word = run_before(chars, dot, char::is_alphabetic);
    let starts_a_word = dot.checked_sub(word.len() + 1).is_none_or(|k| chars[k].1.is_whitespace());
    (1..=3).contains(&word.len()) && word.iter().all(|c| c.is_uppercase()) && starts_a_word && !roman_before(chars, dot)
}

/// Whether a Roman number ends at `chars[dot]`, numbering a section with what follows ("Phụ lục I.9").
fn roman_before(chars: &[(usize, char)], dot: usize) -> bool {
    let word = run_before(chars, dot, char::is_alphanumeric);
    !word.is_empty() && word.iter().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
}

/// The characters just before `chars[at]` that `keep` accepts, in order: "TP" before the '.' of
/// "…UBND TP.HCM", the word before a glued number.
fn run_before(chars: &[(usize, char)], at: usize, keep: impl Fn(char) -> bool) -> Vec<char> {
    let mut run: Vec<char> = chars[..at].iter().rev().map(|c| c.1).take_while(|c| keep(*c)).collect();
    run.reverse();
    run
}

/// Whether the '.' at `chars[dot]` ends a date ("27/12/2021").
fn ends_a_date(chars: &[(usize, char)], dot: usize) -> bool {
    dot >= 5 && chars[dot - 4..dot].iter().all(|c| c.1.is_ascii_digit()) && chars[dot - 5].1 == '/'
}

/// "…, Mẫu số 02/2025/LLTP;" → "Mẫu số 02/2025/LLTP".
fn named_template(name: &str) -> Option<String> {
    let i = name.find("Mẫu số ").or_else(|| name.find("mẫu số "))?;
    let rest = &name[i..];
    let end = rest["Mẫu số ".len()..].find(|c: char| c.is_whitespace() || c == ';' || c == ')' || c == ',').map(|e| e + "Mẫu số ".len()).unwrap_or(rest.len());
    let t = rest[..end].trim_end_matches(['.', ';']).to_string();
    (t.len() > "Mẫu số ".len()).then_some(t)
}

fn short(s: &str) -> String {
    s.chars().take(60).collect()
}

fn flag(reason: &str) -> ReviewFlag {
    ReviewFlag { field: "documents".into(), reason: reason.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn submit_and_present_groups_with_cases_and_notes() {
        let src = "* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Tờ khai đăng ký khai sinh theo mẫu.1 bản chính- Văn bản ủy quyền (được chứng thực).1 bản chínhTrường hợp đã nộp bản điện tử Giấy chứng sinh thì không phải nộp bản giấy.0 bản chính* Giấy tờ phải xuất trình:Tên giấy tờMẫu đơn, tờ khaiSố lượng- Hộ chiếu hoặc Thẻ căn cước còn giá trị sử dụng1 bản chính";
        let p = parse_documents(src);
        assert!(p.flags.is_empty(), "{:?}", p.flags);
        let names: Vec<(&str, DocumentKind)> = p.documents.iter().map(|d| (d.name.as_str(), d.kind)).collect();
        assert_eq!(
            names,
            [
                ("Tờ khai đăng ký khai sinh theo mẫu.", DocumentKind::Submit),
                ("Văn bản ủy quyền (được chứng thực).", DocumentKind::Submit),
                ("Hộ chiếu hoặc Thẻ căn cước còn giá trị sử dụng", DocumentKind::Present),
            ]
        );
        assert_eq!(p.notes.len(), 1);
        assert!(p.notes[0].text.starts_with("Trường hợp đã nộp bản điện tử"));
    }

    #[test]
    fn a_header_that_only_announces_the_list_is_not_a_case() {
        let p = parse_documents("Hồ sơ đăng ký tạm trú gồm:Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai CT011 bản chínhĐăng ký tạm trú theo danh sách, hồ sơ gồm:Tên giấy tờMẫu đơn, tờ khaiSố lượngVăn bản đề nghị1 bản chính");
        assert_eq!(p.documents[0].condition, None);
        assert_eq!(p.documents[1].condition.as_deref(), Some("Đăng ký tạm trú theo danh sách, hồ sơ gồm"));
        // The portal's other ways of saying "the papers are" (2.001019, 1.012543, ship procedures).
        for heading in [
            "Người yêu cầu chứng thực nộp 01 (một) bộ hồ sơ yêu cầu chứng thực, gồm các giấy tờ sau đây",
            "Bao gồm",
            "Các giấy tờ phải nộp (bản chính), mỗi loại 01 bản, gồm",
            "1) Thành phần hồ sơ, bao gồm",
            "Hồ sơ rút vốn gồm có",
        ] {
            let p = parse_documents(&format!("{heading}:Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị1 bản chính"));
            assert_eq!(p.documents[0].condition, None, "{heading}");
        }
        // One that says how the papers are given is kept as a note.
        let how = "Hồ sơ gồm bản sao và xuất trình bản chính để đối chiếu các giấy tờ sau";
        let p = parse_documents(&format!("{how}:Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị1 bản chính"));
        assert_eq!((p.documents[0].condition.as_deref(), p.notes[0].text.as_str()), (None, how));
        // Under "Lưu ý" every row is a note, also one the portal counted.
        let p = parse_documents("--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai đăng ký kết hôn1 bản chính* Lưu ý:Tên giấy tờMẫu đơn, tờ khaiSố lượngGiấy tờ do cơ quan có thẩm quyền của nước ngoài cấp phải được hợp pháp hóa lãnh sự1 bản chính, 1 bản sao");
        assert_eq!((p.documents.len(), p.notes.len()), (1, 1), "{:?}", p.notes);
        assert!(p.notes[0].text.starts_with("Giấy tờ do cơ quan có thẩm quyền của nước ngoài cấp") && p.notes[0].condition.is_none());
        // Social insurance pages open with how every paper may be given, in a case's words.
        let copies = "Trường hợp không quy định là bản chính thì có thể nộp bản sao hợp lệ";
        let p = parse_documents(&format!("{copies}:Tên giấy tờMẫu đơn, tờ khaiSố lượngSổ BHXH1 bản chínhTrường hợp không quy định rõ bản chính thì có thể nộp bản sao hợp lệ0 bản chính, 1 bản sao"));
        assert_eq!(
            (p.documents.len(), p.documents[0].condition.as_deref(), p.notes[0].text.as_str()),
            (1, None, copies),
            "the same said in a row is a note too"
        );
        for case in [
            "(4) Đối với trường hợp 4, hồ sơ bao gồm",
            "b) Hồ sơ đề nghị điều chỉnh thời hạn sử dụng đất của dự án đầu tư bao gồm",
            "Trường hợp ủy quyền, hồ sơ gồm",
            "Thành phần hồ sơ cơ quan quản lý đất đai trình Chủ tịch Ủy ban nhân dân cấp xã, bao gồm",
        ] {
            let p = parse_documents(&format!("{case}:Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị1 bản chính"));
            assert_eq!(p.documents[0].condition.as_deref(), Some(case), "a case stays one");
        }
    }

    #[test]
    fn the_published_text_is_the_row_without_its_quantity() {
        let p = parse_documents("--Tên giấy tờMẫu đơn, tờ khaiSố lượng- Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi.1 bản chínhGiấy phép kinh doanh0 bản chính,1 bản sao");
        assert_eq!(p.documents[0].published_text(), "Trường hợp trẻ em bị bỏ rơi thì phải có biên bản về việc trẻ bị bỏ rơi.");
        assert_eq!(p.documents[0].name, "Biên bản về việc trẻ bị bỏ rơi.");
        assert_eq!(p.documents[1].published_text(), "Giấy phép kinh doanh");
    }

    #[test]
    fn originals_and_copies() {
        let p = parse_documents("--Tên giấy tờMẫu đơn, tờ khaiSố lượngGiấy phép kinh doanh0 bản chính,1 bản saoBản vẽ thiết kế2 bản chính, 1 bản sao");
        assert_eq!((p.documents[0].originals, p.documents[0].copies), (0, 1));
        assert_eq!((p.documents[1].originals, p.documents[1].copies), (2, 1));
        assert_eq!(p.documents[1].condition, None);
    }

    #[test]
    fn a_paper_reads_as_its_name_says_when_the_portal_s_columns_disagree() {
        // The list's ";" is not the paper's; "Bản sao…" counted in the originals' column is a copy
        // (flagged, the person may ask); "Xuất trình…" in the table to submit is shown at the desk,
        // unless it may also be sent.
        let p = parse_documents(
            "--Tên giấy tờMẫu đơn, tờ khaiSố lượngBản sao hợp lệ bằng tốt nghiệp đại học;1 bản chínhXuất trình thẻ căn cước của công dân để cơ quan Công an kiểm tra.1 bản chínhXuất trình hoặc gửi bản chính Giấy chứng nhận đăng ký phương tiện1 bản chính,1 bản saoBản sao hoặc bản chính giấy khai sinh1 bản chính",
        );
        let got: Vec<(&str, u32, u32, DocumentKind)> = p.documents.iter().map(|d| (d.name.as_str(), d.originals, d.copies, d.kind)).collect();
        assert_eq!(
            got,
            [
                ("Bản sao hợp lệ bằng tốt nghiệp đại học", 0, 1, DocumentKind::Submit),
                ("Xuất trình thẻ căn cước của công dân để cơ quan Công an kiểm tra.", 1, 0, DocumentKind::Present),
                ("Xuất trình hoặc gửi bản chính Giấy chứng nhận đăng ký phương tiện", 1, 1, DocumentKind::Submit),
                ("Bản sao hoặc bản chính giấy khai sinh", 1, 0, DocumentKind::Submit),
            ]
        );
        assert_eq!(p.flags.len(), 1, "{:?}", p.flags);
        assert!(p.flags[0].reason.starts_with("tên ghi «bản sao» nhưng số lượng ghi ở cột bản chính"));
        // A count in the name ("02 ảnh màu") is the count when the column says one.
        let p = parse_documents("--Tên giấy tờMẫu đơn, tờ khaiSố lượng02 ảnh màu cỡ 3x4 cm1 bản chính02 bộ bản vẽ thiết kế0 bản chính,1 bản sao01 (một) bản sao giấy khai sinh0 bản chính,1 bản sao");
        let counts: Vec<(u32, u32)> = p.documents.iter().map(|d| (d.originals, d.copies)).collect();
        assert_eq!(counts, [(2, 0), (0, 2), (0, 1)]);
        // In a case (by post, online, for those who hold the card) or with a copy asked, a paper to
        // show may be one to send: it stays one to submit (1.011672, 2.001214, 3.000228).
        let p = parse_documents("Trường hợp thực hiện qua bưu chínhTên giấy tờMẫu đơn, tờ khaiSố lượngXuất trình thẻ Căn cước công dân1 bản chính--Tên giấy tờMẫu đơn, tờ khaiSố lượngXuất trình giấy giới thiệu của cơ quan1 bản chính, 1 bản sao");
        assert!(p.documents.iter().all(|d| d.kind == DocumentKind::Submit), "{:?}", p.documents.iter().map(|d| (&d.name, d.kind)).collect::<Vec<_>>());
    }

    #[test]
    fn a_row_listed_twice_for_the_same_case_is_one_paper() {
        let mut p = parse_documents(
            "Trường hợp thay đổi chủ hộTên giấy tờMẫu đơn, tờ khaiSố lượngGiấy đề nghị đăng ký thay đổi1 bản chínhGiấy đề nghị đăng ký thay đổi1 bản chínhGiấy đề nghị đăng ký thay đổi0 bản chính,1 bản saoTrường hợp tạm ngừngTên giấy tờMẫu đơn, tờ khaiSố lượngGiấy đề nghị đăng ký thay đổi1 bản chính",
        );
        assert_eq!(drop_repeated(&mut p.documents), 1);
        let got: Vec<(u32, u32, Option<&str>)> = p.documents.iter().map(|d| (d.originals, d.copies, d.condition.as_deref())).collect();
        assert_eq!(
            got,
            [(1, 0, Some("Trường hợp thay đổi chủ hộ")), (0, 1, Some("Trường hợp thay đổi chủ hộ")), (1, 0, Some("Trường hợp tạm ngừng"))],
            "a copy asked beside the original, and the same paper in another case, stay"
        );
        // Two forms whose names only differ in the file split off are two papers.
        let mut p =
            parse_documents("--Tên giấy tờMẫu đơn, tờ khaiSố lượngBáo cáo theo Mẫu.Mau I.1.8.a.docx1 bản chínhBáo cáo theo Mẫu.Mau I.1.8.g.docx1 bản chính");
        assert_eq!((drop_repeated(&mut p.documents), p.documents.len()), (0, 2));
    }

    #[test]
    fn case_headers_become_conditions() {
        let p = parse_documents("Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mìnhTên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai thay đổi thông tin cư trú1 bản chínhTrường hợp người chưa thành niênTên giấy tờMẫu đơn, tờ khaiSố lượngÝ kiến đồng ý của cha, mẹ1 bản chính");
        assert_eq!(p.documents[0].condition.as_deref(), Some("Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình"));
        assert_eq!(p.documents[1].condition.as_deref(), Some("Trường hợp người chưa thành niên"));
    }

    #[test]
    fn a_quantity_in_brackets_inside_the_name_does_not_cut_the_row() {
        // 1.011425: "(01 bản chính)" inside the name; the row's quantity is after the template file.
        let p = parse_documents("--Tên giấy tờMẫu đơn, tờ khaiSố lượngPhiếu yêu cầu theo Mẫu số 02b tại Phụ lục (01 bản chính) (khoản 2 Điều 39 Nghị định số 07/2022/NĐ-CP).Mau so 02b.docx1 bản chínhVăn bản ủy quyền1 bản sao");
        let names: Vec<&str> = p.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(names[0].starts_with("Phiếu yêu cầu theo Mẫu số 02b tại Phụ lục (01 bản chính) (khoản 2 Điều 39"), "{names:?}");
        assert_eq!((p.documents[1].name.as_str(), p.documents[1].copies), ("Văn bản ủy quyền", 1));
        // The only quantity of a row, in brackets, is still its quantity; so it is when the row's
        // own is the portal's "0 bản chính" (1.007881).
        let p = parse_documents("--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị (01 bản chính)");
        assert_eq!((p.documents.len(), p.documents[0].originals), (1, 1));
        let p = parse_documents(
            "--Tên giấy tờMẫu đơn, tờ khaiSố lượng+ Văn bản đề nghị xin tái xuất (01 bản chính)0 bản chính+ Tờ khai hải quan0 bản chính,1 bản sao",
        );
        assert_eq!(
            p.documents.iter().map(|d| (d.name.as_str(), d.originals, d.copies)).collect::<Vec<_>>(),
            [("Văn bản đề nghị xin tái xuất", 1, 0), ("Tờ khai hải quan", 0, 1)]
        );
    }

    #[test]
    fn a_case_that_asks_for_one_of_its_papers_is_one_paper_with_alternatives() {
        // 1.001471 (passport): "…phải bổ sung một trong các loại hồ sơ, giấy tờ sau".
        let p = parse_documents("--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai TK011 bản chínhCác trường hợp quy định tại khoản 4 Điều 15 Luật Xuất cảnh phải bổ sung một trong các loại hồ sơ, giấy tờ sauTên giấy tờMẫu đơn, tờ khaiSố lượngGiấy tờ xác định thân nhân ở nước ngoài bị tai nạn, bệnh tật, bị chết;1 bản chínhGiấy giới thiệu của bệnh viện về việc ra nước ngoài để khám, chữa bệnh;1 bản chính");
        assert_eq!(p.documents.len(), 2, "{:?}", p.documents.iter().map(|d| &d.name).collect::<Vec<_>>());
        let d = &p.documents[1];
        assert_eq!(
            d.any_of,
            ["Giấy tờ xác định thân nhân ở nước ngoài bị tai nạn, bệnh tật, bị chết", "Giấy giới thiệu của bệnh viện về việc ra nước ngoài để khám, chữa bệnh"]
        );
        assert!(d.condition.as_deref().is_some_and(|c| c.starts_with("Các trường hợp quy định tại khoản 4")));
        assert_eq!((d.originals, d.copies), (1, 0));
        // Choosing among members or changes is not choosing among papers.
        assert!(ends_with_one_of_papers("3. Giấy tờ chứng minh là trẻ em gồm một trong các giấy tờ"));
        assert!(ends_with_one_of_papers("Ngoài ra, tùy từng trường hợp, người nộp thuế nộp thêm một trong các chứng từ sau"));
        assert!(!ends_with_one_of_papers(
            "Trường hợp các thành viên hộ gia đình ủy quyền cho một trong các thành viên còn lại làm chủ hộ kinh doanh thì Hồ sơ gồm các giấy tờ sau"
        ));
        assert!(!ends_with_one_of_papers(
            "Trường hợp cấp đổi giấy phép thực hiện kết hợp với điều chỉnh một trong các nội dung giấy phép sau: Điều chỉnh trữ lượng; Tăng công suất"
        ));
    }

    #[test]
    fn rows_numbered_with_dots_start_after_the_quantity() {
        // 2.002195: "…bồi thường;1 bản chínhb. Trường hợp…" — the claim letter is a paper of case a.
        let p = parse_documents("a. Trường hợp người bị thiệt hại trực tiếp yêu cầu bồi thườngTên giấy tờMẫu đơn, tờ khaiSố lượngVăn bản yêu cầu bồi thường;1 bản chínhb. Trường hợp người thừa kế yêu cầu bồi thườngTên giấy tờMẫu đơn, tờ khaiSố lượngVăn bản cử người đại diện1 bản chính");
        let got: Vec<_> = p.documents.iter().map(|d| (d.name.as_str(), d.condition.as_deref().unwrap_or(""))).collect();
        assert_eq!((got[0].0.trim_end_matches(';'), got[0].1), ("Văn bản yêu cầu bồi thường", "a. Trường hợp người bị thiệt hại trực tiếp yêu cầu bồi thường"));
        assert_eq!(got[1].1, "b. Trường hợp người thừa kế yêu cầu bồi thường");
        assert!(starts_with_enumerator("a.4) Giấy tờ") && starts_with_enumerator("a2. Giấy tờ") && starts_with_enumerator("đ) giấy"));
        assert!(!starts_with_enumerator("theo mẫu") && !starts_with_enumerator("b. tiếp theo") && !starts_with_enumerator("và 1 bản sao"));
    }

    #[test]
    fn a_case_whose_only_row_is_a_note_keeps_it_as_its_paper() {
        // 1.002548: "2. Trường hợp ủy quyền phải kèm theo giấy ủy quyền…" has only a "Lưu ý" row.
        let p = parse_documents("--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn yêu cầu1 bản chính2. Trường hợp ủy quyền phải kèm theo giấy ủy quyền hợp phápTên giấy tờMẫu đơn, tờ khaiSố lượngLưu ý: Trường hợp không khai thác được thông tin thì nộp bản sao1 bản chính");
        assert_eq!(p.documents.len(), 2);
        assert!(p.documents[1].condition.as_deref().is_some_and(|c| c.starts_with("2. Trường hợp ủy quyền")));
        // In a table with papers, the same row is a note.
        let p = parse_documents("--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn yêu cầu1 bản chínhSố lượng hồ sơ: 01 bộ.1 bản chính");
        assert_eq!((p.documents.len(), p.notes.len()), (1, 1));
    }

    #[test]
    fn template_files_are_split_from_names() {
        let p = parse_documents("--Tên giấy tờMẫu đơn, tờ khaiSố lượngVăn bản đề nghị hủy tài khoản điện tử (NA20).Mau NA20-BCA.docx1 bản chínhTờ khai đề nghị cấp thẻ ABTC (mẫu TK06) (1).pdf1 bản chínhTờ khai yêu cầu cấp Phiếu Lý lịch tư pháp, Mẫu số 02/2025/LLTP;1 bản chính");
        assert_eq!(p.documents[0].name, "Văn bản đề nghị hủy tài khoản điện tử (NA20)");
        assert_eq!(p.documents[0].template_file.as_deref(), Some("Mau NA20-BCA.docx"));
        assert_eq!(p.documents[1].template_file.as_deref(), Some("Tờ khai đề nghị cấp thẻ ABTC (mẫu TK06) (1).pdf"));
        assert_eq!(p.documents[2].template_name.as_deref(), Some("Mẫu số 02/2025/LLTP"));
    }

    #[test]
    fn a_file_name_glued_to_the_paper_is_cut_where_the_text_runs_on() {
        let split = |t: &str| {
            let (name, file) = split_template(t);
            (name, file.unwrap_or_default())
        };
        let pair = |n: &str, f: &str| (n.to_string(), f.to_string());
        // A file name with dots of its own is cut where the words run into it, not at its last dot.
        assert_eq!(
            split("Bản đồ khu vực thăm dò khoáng sảnMau 09-Phu luc II_37.2025.TT-BNNMT_02.7.2025.docx"),
            pair("Bản đồ khu vực thăm dò khoáng sản", "Mau 09-Phu luc II_37.2025.TT-BNNMT_02.7.2025.docx")
        );
        assert_eq!(split("Đơn đề nghị đăng ký hành nghề luật sưMẫu TP-LS-05-sđ.docx"), pair("Đơn đề nghị đăng ký hành nghề luật sư", "Mẫu TP-LS-05-sđ.docx"));
        assert_eq!(split("… đơn vị trực thuộc BộMau02-ĐN(BHYT).doc"), pair("… đơn vị trực thuộc Bộ", "Mau02-ĐN(BHYT).doc"));
        assert_eq!(split("…theo Quyết định số 24/2021/QĐ-TTgGiấy đề nghị.pdf"), pair("…theo Quyết định số 24/2021/QĐ-TTg", "Giấy đề nghị.pdf"));
        assert_eq!(split("Văn bản đề nghị theo Mẫu 01, Phụ lục I Nghị định số 23/2026/NĐ-CPMau01.docx").1, "Mau01.docx");
        assert_eq!(split("Bản khai theo Mẫu số 11 … ngày 01 tháng 4 năm 2026Mẫu số 11.docx").1, "Mẫu số 11.docx");
        assert_eq!(split("Đơn đề nghị (bản chính) theo quy địnhvăn bản đề nghị (vị trí, quy mô).docx").1, "văn bản đề nghị (vị trí, quy mô).docx");
        assert_eq!(split("Văn bản đề nghị cấp giấy phép theo mẫu1.000312.docx"), pair("Văn bản đề nghị cấp giấy phép theo mẫu", "1.000312.docx"));
        assert_eq!(split("…hướng dẫn chi tiết Luật Chăn nuôi08.pdf").1, "08.pdf");
        assert_eq!(split("Tờ khai theo Mẫu;Mau 2.2.docx"), pair("Tờ khai theo Mẫu", "Mau 2.2.docx"));
        assert_eq!(split("…Thông tư số 34/2025/TT-NHNN.PL 01 TT34.2025.docx").1, "PL 01 TT34.2025.docx");
        assert_eq!(split("… ngày 27/12/2021.Mus09.docx").1, "Mus09.docx");
        assert_eq!(split("Đề nghị điều chỉnh thông tin ngân hàng theo Phụ lục 03.Phụ lục số 03.docx").1, "Phụ lục số 03.docx");
        // Several files glued together stay one file name; the paper keeps its own text.
        assert_eq!(
            split("Danh sách hành khách (nếu có) theo mẫu.MauDanhsachhanhkhach.docxMauDanhsachthuyenvien (1).docx").1,
            "MauDanhsachhanhkhach.docxMauDanhsachthuyenvien (1).docx"
        );
        // What only looks glued in the paper's own text does not cut it.
        let theo = "Đơn đề nghị theo Mẫu số 01.NT Phụ lục I ban hành kèm theo Nghị định số 41/2026/NĐ-CPMẫu số 01.docx";
        assert_eq!(split(theo).1, "Mẫu số 01.docx", "a template numbered 01.NT");
        assert_eq!(split("Bảng kê theo Phụ lục I.9 Nghị quyết 66.16 của Chính phủMẫu 07 XN- NPT-TNCN.docx").1, "Mẫu 07 XN- NPT-TNCN.docx", "a section I.9");
        assert_eq!(split("Thông tư số13/2016/TT-BNNPTNT;PHỤ LỤC VIII.MẪU TÓM TẮT.docx").1, "PHỤ LỤC VIII.MẪU TÓM TẮT.docx", "số13 is a number");
        assert_eq!(split("… sang EU hoặc Phụ lục VIIa ban hành kèm theo Nghị định;PHỤ LỤC VII.docx").1, "PHỤ LỤC VII.docx", "VIIa is a section");
        assert_eq!(split("…, ứng dụng VNeID và mã số thuế, eKYC hoặc chữ ký số.docx").0, "", "VNeID and eKYC are words");
        assert_eq!(split("… theo Thông tư số 04/2018/TT-BNNPTNT ngày 03/5/2018. Bản nhận xét phải được xác nhận.Mẫu số 3.docx").1, "Mẫu số 3.docx");
        // After a document's number, what follows its issuer is the file's.
        assert_eq!(split("…Thông tư số 80/2021/TT-BTC01-LP.docx").1, "01-LP.docx");
        assert_eq!(split("…Nghị định số 43/2026/NĐ-CPBC tom tat. DG rui ro.docx").1, "BC tom tat. DG rui ro.docx");
        assert_eq!(split("…Thông tư số 94/2025/TT-BNNMTthuyết minh.pdf").1, "thuyết minh.pdf");
        assert_eq!(split("…(NA8)9-Mẫu NA8.doc").1, "9-Mẫu NA8.doc");
        assert_eq!(split("…chăn nuôi và thú yMs02.DT.docx").1, "Ms02.DT.docx");
        // Words, names and numbers of the text are not file names.
        let kept = |t: &str| split(t).0.is_empty();
        for prose in [
            "Giấy xác nhận của UBND TP.HCM về nơi cư trú của người đề nghị.docx",
            "Tờ khai nộp qua Cổng dichvucong.gov.vn của người đề nghị.docx",
            "Cam kết của cá nhân,tổ chức đề nghị cấp phép.docx",
            "Quy định nội bộ đề nghị bổ sung; (ii)Cam kết về việc đã đáp ứng đủ điều kiện.docx",
            "Kết quả xét nghiệm SARS-CoV-2 và NaCl của người bệnh.docx",
            "Phiếu kết quả xét nghiệm Covid19-PCR của người nhập cảnh.docx",
            "Văn bản theo Quyết định số13-QĐ và Điều5.2 của quy chế.docx",
            "Giấy gửi qua VNPost của người nộp.pdf",
        ] {
            assert!(kept(prose), "{prose}: {:?}", split(prose));
        }
        // Far from the end, a glued place is the paper's text: the whole row is the file's.
        let long = format!("Tờ khai đề nghị cấp thẻ ABTC;{} (mẫu TK06) (1).pdf", "x ".repeat(80));
        assert_eq!(split(&long).0, "");
    }

    #[test]
    fn a_year_glued_to_the_quantity_is_separated() {
        let p = parse_documents("--Tên giấy tờMẫu đơn, tờ khaiSố lượngBáo cáo theo Mẫu ban hành kèm theo Nghị định số 70/2024/NĐ-CP ngày 25/6/20241 bản chính");
        assert_eq!(p.documents[0].originals, 1);
        assert!(p.documents[0].name.ends_with("25/6/2024"), "{}", p.documents[0].name);
        assert!(p.flags.is_empty());
        let p = parse_documents("--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn theo Mẫu số 03-QĐ6131 bản chính");
        assert_eq!(p.documents[0].originals, 1);
        assert_eq!(p.flags.len(), 1, "a non-year glued number is flagged");
        // 2.000821: "…các điểm b, c, d, e mục 1" + "1 bản chính" is one original, not eleven.
        let p = parse_documents("--Tên giấy tờMẫu đơn, tờ khaiSố lượngHồ sơ như quy định tại các điểm b, c, d, e mục 11 bản chính, 1 bản sao");
        assert_eq!((p.documents[0].originals, p.documents[0].copies), (1, 1));
        assert!(p.documents[0].name.ends_with("mục 1"), "{}", p.documents[0].name);
        let p = parse_documents("--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị02 bản chính");
        assert_eq!((p.documents[0].originals, p.flags.len()), (2, 0), "a count with its leading zero is a count");
    }

    #[test]
    fn a_row_lettered_right_after_the_quantity_is_a_row_of_its_own() {
        // 1.002438: three papers run together in the source, each ending in its quantity.
        let p = parse_documents(&format!(
            "{TABLE_HEADER}Đơn đề nghị cấp đổi thẻ bảo hiểm y tếMau01-ĐN(BHYT).doc1 bản chínhc) Danh sách người lao động đang tham gia bảo hiểm xã hội trong Công an nhân dân (nếu có);Mau02-DS(BHYT).doc1 bản chínhb) Danh sách người lao động tham gia bảo hiểm y tế;Mau01-DS(BHYT).doc1 bản chính"
        ));
        assert_eq!(p.documents.len(), 3);
        assert_eq!(p.documents[1].name, "Danh sách người lao động đang tham gia bảo hiểm xã hội trong Công an nhân dân");
        assert!(p.documents[2].name.ends_with("Danh sách người lao động tham gia bảo hiểm y tế"));
        assert!(p.documents[1].if_any && !p.documents[2].if_any);
        assert_eq!(p.documents[2].template_file.as_deref(), Some("Mau01-DS(BHYT).doc"));
    }

    #[test]
    fn quantities_inside_prose_are_not_rows() {
        let p = parse_documents("--Tên giấy tờMẫu đơn, tờ khaiSố lượng- 01 bản sao kết quả quan trắc môi trường gần nhất.0 bản chính,1 bản sao- 01 bản chính báo cáo đăng ký miễn trừ1 bản chính");
        assert!(p.flags.is_empty(), "{:?}", p.flags);
        assert_eq!(p.documents.len(), 2);
        assert!(p.documents[0].name.starts_with("01 bản sao kết quả quan trắc"));
        assert_eq!((p.documents[0].originals, p.documents[0].copies), (0, 1));
    }

    #[test]
    fn no_table_is_kept_as_a_note_and_flagged() {
        let p = parse_documents("Hồ sơ phải được kê khai trên biểu mẫu điện tử");
        assert!(p.documents.is_empty());
        assert_eq!(p.notes.len(), 1);
        assert_eq!(p.flags.len(), 1);
        assert!(parse_documents("--").documents.is_empty());
    }
}
