//! The dossier's papers: for a procedure and the person's answers, every document with what it
//! needs (always, for your case, not for your case, bring in person, made by hoso) and its status
//! against the files attached, plus the completeness report shown before export and the checks
//! that involve the whole dossier (same file twice, total size).
//!
//! Plain data in, plain data out: attachments are addressed by the SHA-256 of their bytes, so
//! drafts and the submission package can store them as they are.

use crate::core::catalogue::present::describe_quantity;
use crate::core::catalogue::short::short_name;
use crate::core::catalogue::{Document, DocumentKind, Procedure};
use crate::core::forms::{Answers, Context, FormDef};
use crate::core::text::fold;

mod attached;
pub use attached::{Attached, Attachment};

/// Why a paper is on the list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Need {
    Required,
    /// Needed because of an answer (the reason in plain words).
    ForYourCase(String),
    /// Listed for a case the answers do not settle: the person judges ("Nếu: …").
    DependsOnCase,
    /// "(nếu có)": only if the person has one.
    Optional,
    /// The agency looks the data up itself; the paper is a fallback.
    StateHolds,
    /// The answers rule it out.
    NotForYourCase,
    /// The declaration hoso makes from the answers.
    Declaration,
    /// Another form of the declaration (hoso's one replaces it).
    OtherDeclaration,
    /// Shown in person, not handed in.
    BringInPerson,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Missing,
    Attached(usize),
    /// May be attached; nothing is missing without it.
    Open,
    NotNeeded,
    /// The declaration: complete or not yet.
    DeclarationDone,
    DeclarationToDo,
    BringInPerson,
}

impl Status {
    /// The tag on the task list.
    pub fn label(self) -> String {
        match self {
            Status::Missing => tr!("checklist.con-thieu", "Còn thiếu").into(),
            Status::Attached(n) => tr!("checklist.da-dinh-kem-tep", "Đã đính kèm {n} tệp", n = n),
            Status::Open => tr!("checklist.tuy-truong-hop", "Tuỳ trường hợp").into(),
            Status::NotNeeded => tr!("checklist.khong-can", "Không cần").into(),
            Status::DeclarationDone => tr!("checklist.da-khai-xong", "Đã khai xong").into(),
            Status::DeclarationToDo => tr!("checklist.chua-khai-xong", "Chưa khai xong").into(),
            Status::BringInPerson => tr!("checklist.mang-ban-chinh", "Mang bản chính").into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// `d3`: the fourth document of the catalogue; `r1`: the second paper the form's rules add.
    pub key: String,
    /// The full text of the paper.
    pub name: String,
    /// Its heading (at most 80 characters).
    pub short: String,
    /// "1 bản chính, 1 bản sao".
    pub how: String,
    pub condition: Option<String>,
    /// The template named by the catalogue ("Mẫu số 01/2025/LLTP", "Mau NA20-BCA.docx").
    pub template: Option<String>,
    pub need: Need,
    pub status: Status,
    /// The case the person is asked about ("Bạn có thuộc trường hợp này không?"), when the
    /// answers of the declaration do not settle it; the answer is kept under [`case_key`].
    pub asks: Option<String>,
    /// A copy whose original is to be shown at the desk.
    pub show_original: bool,
}

/// The answer to a case question: the paper is needed.
pub const CASE_YES: &str = "co";
/// The answer to a case question: the paper is not needed.
pub const CASE_NO: &str = "khong";

/// Where the person's answer to "is this case yours?" is kept among the dossier's answers: one
/// key per case text, so one answer settles every paper of that case.
pub fn case_key(case: &str) -> String {
    // FNV-1a over the folded text: stable across versions and devices, and small (the app leaves
    // SHA-256 to the file checker's worker).
    let hash = fold(case).bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("truong-hop.{hash:016x}")
}

/// The question asked for a case the answers do not settle.
pub fn case_question(case: &str) -> String {
    // A table heading may say "Trường hợp X thì hồ sơ phải kèm theo…": ask about X.
    let case = case.trim();
    let l = crate::core::text::lower(case);
    let from = if l.starts_with("trường hợp ") { "trường hợp ".len() } else { 0 };
    let to = l.find(" thì ").unwrap_or(l.len()).max(from);
    tr!("checklist.case-question", "Bạn có thuộc trường hợp này không: {case}?", case = case[from..to].trim().trim_end_matches(['.', ';', ':', ',', ' ']))
}

impl Entry {
    pub fn can_attach(&self) -> bool {
        !matches!(self.need, Need::BringInPerson | Need::Declaration | Need::OtherDeclaration | Need::NotForYourCase)
    }

    /// Why it is on the list, in plain words.
    pub fn why(&self) -> String {
        match &self.need {
            Need::Required => tr!("checklist.moi-truong-hop-deu-can", "Mọi trường hợp đều cần.").into(),
            Need::ForYourCase(because) => tr!("checklist.can-vi", "Cần vì: {because}", because = because),
            Need::DependsOnCase => {
                tr!(
                    "checklist.only-if",
                    "Chỉ cần nếu: {condition}.",
                    condition = self
                        .condition
                        .as_deref()
                        .unwrap_or(tr!("checklist.dung-truong-hop-ghi-trong", "đúng trường hợp ghi trong tên giấy tờ"))
                        .trim_end_matches('.')
                )
            }
            Need::Optional => tr!("checklist.chi-nop-neu-ban-co", "Chỉ nộp nếu bạn có.").into(),
            Need::StateHolds => tr!(
                "checklist.thuong-khong-can-co-quan",
                "Thường không cần: cơ quan tự tra cứu dữ liệu. Đính kèm hoặc mang theo phòng khi cơ quan không tra cứu được."
            )
            .into(),
            Need::NotForYourCase => tr!("checklist.khong-can-trong-truong-hop", "Không cần trong trường hợp của bạn (theo câu trả lời của bạn).").into(),
            Need::Declaration => tr!("checklist.hoso-lap-to-khai-nay", "hoso lập tờ khai này từ câu trả lời của bạn.").into(),
            Need::OtherDeclaration => tr!("checklist.khong-can-day-la-mau", "Không cần: đây là mẫu tờ khai khác, hoso đã lập tờ khai cho bạn.").into(),
            Need::BringInPerson => tr!("checklist.mang-ban-chinh-de-can", "Mang bản chính để cán bộ đối chiếu, không phải nộp.").into(),
        }
    }
}

/// Whether a form's name for a paper (a rule's `document`, `declares`) names this catalogue
/// paper: the beginning of its name, of its text as published, or of its case, folded.
pub fn matches(rule: &str, d: &Document) -> bool {
    let r = fold(rule);
    let published = crate::core::text::without_bullet(&d.raw);
    fold(&d.name).starts_with(&r) || fold(published).starts_with(&r) || d.condition.as_deref().is_some_and(|c| fold(c).starts_with(&r))
}

fn is_declaration_form(d: &Document) -> bool {
    let n = fold(&d.name);
    ["to khai", "mau ho tich dien tu"].iter().any(|p| n.starts_with(p))
}

/// Every paper of the procedure, for these answers. `full_form`: hoso has this procedure's own
/// declaration (so the catalogue's declaration forms are made by hoso, not attached).
pub fn checklist(p: &Procedure, form: &FormDef, full_form: bool, answers: &Answers, attached: &Attached, cx: Context) -> Vec<Entry> {
    let needed = form.documents_needed(answers);
    let (done, total) = form.progress(answers);
    let declaration_done = done == total && form.validate(answers, None, cx).0.is_empty();
    let other_case = |d: &Document| form.case.as_deref().zip(d.condition.as_deref()).is_some_and(|(ours, theirs)| !fold(theirs).starts_with(&fold(ours)));
    let mut entries: Vec<Entry> = p
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let key = format!("d{i}");
            let declares = form.declares.as_deref().is_some_and(|prefix| matches(prefix, d));
            let mut asks = None;
            let need = if d.state_holds {
                Need::StateHolds
            } else if d.kind == DocumentKind::Present {
                Need::BringInPerson
            } else if full_form && other_case(d) {
                Need::NotForYourCase
            } else if full_form && declares {
                Need::Declaration
            } else if let Some(rule) = needed.iter().find(|r| matches(&r.document, d)) {
                // Also another declaration form, when the answers call for it (the Mẫu 02 of the
                // criminal record certificate, filled in by the person who submits for another).
                Need::ForYourCase(rule.because.clone())
            } else if full_form && is_declaration_form(d) && form.declares.is_some() {
                Need::OtherDeclaration
            } else if form.documents.iter().any(|r| matches(&r.document, d)) {
                Need::NotForYourCase
            } else if let Some(case) = d.when.as_deref().or(d.condition.as_deref()).filter(|_| d.when.is_some() || !(full_form && form.case.is_some())) {
                asks = Some(case.to_string());
                match answers.get(&case_key(case)).map(String::as_str) {
                    Some(CASE_YES) => Need::ForYourCase(format!("bạn cho biết mình thuộc trường hợp: {}.", case.trim_end_matches('.'))),
                    Some(CASE_NO) => Need::NotForYourCase,
                    _ => Need::DependsOnCase,
                }
            } else if d.if_any {
                Need::Optional
            } else {
                Need::Required
            };
            let files = attached.count(&key);
            let status = match (&need, files) {
                (Need::BringInPerson, _) => Status::BringInPerson,
                (Need::Declaration, _) if declaration_done => Status::DeclarationDone,
                (Need::Declaration, _) => Status::DeclarationToDo,
                (Need::NotForYourCase | Need::OtherDeclaration, _) => Status::NotNeeded,
                (_, n) if n > 0 => Status::Attached(n),
                (Need::Required | Need::ForYourCase(_), _) => Status::Missing,
                _ => Status::Open,
            };
            let how = match d.kind {
                DocumentKind::Submit => describe_quantity(d),
                DocumentKind::Present => tr!("checklist.ban-chinh-de-doi-chieu", "bản chính để đối chiếu").into(),
            };
            Entry {
                key,
                name: d.name.clone(),
                short: d.heading(),
                how,
                condition: d.when.clone().or_else(|| d.condition.clone()),
                template: d.template_name.clone().or_else(|| d.template_file.clone()),
                need,
                status,
                asks,
                show_original: d.show_original(),
            }
        })
        .collect();
    // Papers the answers require that the catalogue does not list by that name.
    for (i, rule) in form.documents.iter().enumerate() {
        if needed.iter().any(|r| std::ptr::eq(*r, rule)) && !p.documents.iter().any(|d| matches(&rule.document, d)) {
            let key = format!("r{i}");
            let files = attached.count(&key);
            entries.push(Entry {
                key,
                short: short_name(&rule.document),
                name: rule.document.clone(),
                how: String::new(),
                condition: None,
                template: None,
                need: Need::ForYourCase(rule.because.clone()),
                status: if files > 0 { Status::Attached(files) } else { Status::Missing },
                asks: None,
                show_original: false,
            });
        }
    }
    entries
}

/// The cases to ask about, each once, in the order of the papers: (key, question, answer so far).
pub fn case_questions(entries: &[Entry], answers: &Answers) -> Vec<(String, String, Option<bool>)> {
    let mut out: Vec<(String, String, Option<bool>)> = Vec::new();
    for case in entries.iter().filter_map(|e| e.asks.as_deref()) {
        let key = case_key(case);
        if out.iter().any(|(k, _, _)| *k == key) {
            continue;
        }
        let answer = match answers.get(&key).map(String::as_str) {
            Some(CASE_YES) => Some(true),
            Some(CASE_NO) => Some(false),
            _ => None,
        };
        out.push((key, case_question(case), answer));
    }
    out
}

/// What is left before the dossier can go, in plain words.
#[derive(Clone, Debug, PartialEq)]
pub struct Completeness {
    pub missing: Vec<String>,
    pub declaration_to_do: bool,
    pub bring: Vec<String>,
    pub files: usize,
    pub files_with_warnings: usize,
    pub total_bytes: u64,
}

impl Completeness {
    pub fn ready(&self) -> bool {
        self.missing.is_empty() && !self.declaration_to_do
    }

    /// The report's sentences, most important first.
    pub fn sentences(&self) -> Vec<String> {
        let mut v = Vec::new();
        if self.declaration_to_do {
            v.push(tr!("checklist.to-khai-chua-xong-hay", "Tờ khai chưa xong: hãy làm nốt các phần còn lại.").into());
        }
        match self.missing.len() {
            0 => v.push(tr!("checklist.da-co-du-cac-giay", "Đã có đủ các giấy tờ cần nộp theo câu trả lời của bạn.").into()),
            n => v.push(tr!("checklist.missing", "Còn thiếu {n} giấy tờ: {papers}.", n = n, papers = self.missing.join("; "))),
        }
        if self.files_with_warnings > 0 {
            v.push(tr!(
                "checklist.files-with-warnings",
                "{n} tệp có cảnh báo (ví dụ ảnh tối, mờ, nhỏ, tệp bị đổi tên hoặc PDF bị hạn chế in): nên xem lại trước khi nộp.",
                n = self.files_with_warnings
            ));
        }
        if !self.bring.is_empty() {
            v.push(tr!("checklist.bring", "Khi đến nộp hoặc nhận kết quả, mang theo bản chính: {papers}.", papers = self.bring.join("; ")));
        }
        v
    }
}

pub fn completeness(entries: &[Entry], attached: &Attached) -> Completeness {
    let all = attached.all();
    Completeness {
        missing: entries.iter().filter(|e| e.status == Status::Missing).map(|e| e.short.clone()).collect(),
        declaration_to_do: entries.iter().any(|e| e.status == Status::DeclarationToDo),
        bring: {
            // The papers to show, then the originals of the copies handed in.
            let mut bring: Vec<String> = entries.iter().filter(|e| e.status == Status::BringInPerson).map(|e| e.short.clone()).collect();
            for e in entries.iter().filter(|e| e.show_original && matches!(e.status, Status::Missing | Status::Attached(_))) {
                let original = crate::core::catalogue::present::original_name(&e.short);
                if !bring.contains(&original) {
                    bring.push(original);
                }
            }
            bring
        },
        files: all.clone().count(),
        files_with_warnings: all.clone().filter(|a| !a.problems.is_empty()).count(),
        total_bytes: attached.total_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalogue::Procedure;
    use crate::core::files::{check_file, Limits};
    use crate::core::forms::form_for;

    fn procedure(code: &str) -> Procedure {
        let text = std::fs::read_to_string(format!("public/catalogue/p/{code}.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    }

    fn cx() -> Context<'static> {
        Context { today: crate::core::calendar::Date::new(2026, 11, 25).unwrap(), units: None }
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn entry<'a>(entries: &'a [Entry], starts: &str) -> &'a Entry {
        entries.iter().find(|e| e.name.starts_with(starts)).unwrap_or_else(|| panic!("{starts}"))
    }

    fn attachment(hash: &str, size: u64) -> Attachment {
        let r = check_file("a.pdf", &crate::core::files::pdf::tests::simple(1), &Limits::default());
        Attachment { hash: hash.into(), size, ..Attachment::new(hash.into(), "giay-to.pdf".into(), &r) }
    }

    #[test]
    fn the_birth_checklist_follows_the_answers() {
        let p = procedure("1.001193");
        let f = form_for("1.001193").unwrap();
        let normal = checklist(&p, f, true, &answers(&[("tre.giay-chung-sinh", "giay-chung-sinh")]), &Attached::new(), cx());
        assert_eq!(entry(&normal, "Giấy chứng sinh").status, Status::Missing);
        assert_eq!(entry(&normal, "Biên bản về việc trẻ bị bỏ rơi").status, Status::NotNeeded);
        assert_eq!(entry(&normal, "Hộ chiếu").status, Status::BringInPerson);
        assert_eq!(entry(&normal, "Tờ khai đăng ký khai sinh").need, Need::Declaration);
        assert_eq!(entry(&normal, "Mẫu hộ tịch điện tử").need, Need::OtherDeclaration);
        let abandoned = checklist(&p, f, true, &answers(&[("tre.giay-chung-sinh", "bi-bo-roi")]), &Attached::new(), cx());
        assert_eq!(entry(&abandoned, "Biên bản về việc trẻ bị bỏ rơi").status, Status::Missing);
        assert!(matches!(entry(&abandoned, "Biên bản về việc trẻ bị bỏ rơi").need, Need::ForYourCase(_)));
    }

    #[test]
    fn a_case_the_declaration_does_not_settle_is_asked_and_the_answer_decides() {
        // Hộ kinh doanh: the declaration does not ask whether the applicant has an electronic
        // identity account; the checklist asks the person.
        let p = procedure("1.001612");
        let f = form_for("1.001612").unwrap();
        let card = "Hồ sơ đăng ký hộ kinh doanh phải kèm theo bản sao thẻ Căn cước";
        let before = checklist(&p, f, true, &Answers::new(), &Attached::new(), cx());
        let e = entry(&before, card);
        assert_eq!((&e.need, e.status), (&Need::DependsOnCase, Status::Open));
        let case = e.asks.clone().unwrap();
        assert_eq!(case, "chưa có tài khoản định danh điện tử để thực hiện xác thực điện tử");
        let questions = case_questions(&before, &Answers::new());
        let q = questions.iter().find(|(k, _, _)| *k == case_key(&case)).unwrap();
        assert_eq!((q.1.as_str(), q.2), ("Bạn có thuộc trường hợp này không: chưa có tài khoản định danh điện tử để thực hiện xác thực điện tử?", None));
        // Yes: the paper is missing until attached. No: it is not needed.
        let yes = checklist(&p, f, true, &answers(&[(&case_key(&case), CASE_YES)]), &Attached::new(), cx());
        assert_eq!(entry(&yes, card).status, Status::Missing);
        assert!(completeness(&yes, &Attached::new()).missing.contains(&entry(&yes, card).short));
        let no = checklist(&p, f, true, &answers(&[(&case_key(&case), CASE_NO)]), &Attached::new(), cx());
        assert_eq!(entry(&no, card).status, Status::NotNeeded);
        assert_eq!(case_questions(&no, &answers(&[(&case_key(&case), CASE_NO)])).iter().find(|(k, _, _)| *k == case_key(&case)).unwrap().2, Some(false));
        // What the declaration settles (khai sinh: an abandoned child) is not asked again.
        let p = procedure("1.001193");
        let before = checklist(&p, form_for("1.001193").unwrap(), true, &Answers::new(), &Attached::new(), cx());
        assert!(entry(&before, "Biên bản về việc trẻ bị bỏ rơi").asks.is_none());
        // The key is the same on every device and version (drafts and packages keep it), and
        // does not depend on case or diacritics.
        assert_eq!(case_key("trẻ em bị bỏ rơi"), "truong-hop.13c000409a56b5b2");
        assert_eq!(case_key("Trẻ em bị bỏ rơi"), case_key("tre em bi bo roi"));
        // A heading "Trường hợp X thì hồ sơ phải kèm theo…" is asked as X.
        assert_eq!(
            case_question("Trường hợp ủy quyền thực hiện thủ tục thì hồ sơ phải kèm theo một trong những giấy tờ sau"),
            "Bạn có thuộc trường hợp này không: ủy quyền thực hiện thủ tục?"
        );
    }

    #[test]
    fn one_answer_settles_every_paper_of_a_case_heading() {
        // A procedure without hoso's own declaration: its case headings are asked.
        let p = procedure("1.004222");
        let f = crate::core::forms::generic_form("1.004222", &p.name);
        let entries = checklist(&p, &f, false, &Answers::new(), &Attached::new(), cx());
        let case = entries.iter().find_map(|e| e.asks.clone().filter(|c| c.starts_with("Đăng ký thường trú vào chỗ ở hợp pháp do thuê"))).unwrap();
        let same: Vec<&Entry> = entries.iter().filter(|e| e.asks.as_deref() == Some(case.as_str())).collect();
        assert!(same.len() >= 2, "the case has several papers");
        let yes = checklist(&p, &f, false, &answers(&[(&case_key(&case), CASE_YES)]), &Attached::new(), cx());
        assert!(yes.iter().filter(|e| e.asks.as_deref() == Some(case.as_str())).all(|e| e.status == Status::Missing));
        assert_eq!(case_questions(&entries, &Answers::new()).iter().filter(|(_, q, _)| q.contains("do thuê, mượn")).count(), 1, "asked once");
    }

    #[test]
    fn attaching_a_file_settles_a_missing_paper_and_the_report_says_what_is_left() {
        let p = procedure("1.001193");
        let f = form_for("1.001193").unwrap();
        let a = answers(&[("tre.giay-chung-sinh", "giay-chung-sinh")]);
        let before = checklist(&p, f, true, &a, &Attached::new(), cx());
        let key = entry(&before, "Giấy chứng sinh").key.clone();
        let report = completeness(&before, &Attached::new());
        assert!(!report.ready());
        assert!(report.sentences().iter().any(|s| s.starts_with("Còn thiếu 1 giấy tờ: Giấy chứng sinh")), "{:?}", report.sentences());
        assert!(report.sentences()[0].starts_with("Tờ khai chưa xong"));
        let mut files = Attached::new();
        files.add(&key, attachment("aa", 1000));
        let after = checklist(&p, f, true, &a, &files, cx());
        assert_eq!(entry(&after, "Giấy chứng sinh").status, Status::Attached(1));
        assert!(completeness(&after, &files).missing.is_empty());
    }

    #[test]
    fn cases_the_answers_do_not_settle_are_left_to_the_person() {
        let p = procedure("1.004222");
        let f = form_for("1.004222").unwrap();
        let e = checklist(&p, f, true, &Answers::new(), &Attached::new(), cx());
        let case = entry(&e, "Giấy tờ, tài liệu xác nhận về việc chăm sóc");
        assert_eq!((case.need.clone(), case.status), (Need::DependsOnCase, Status::Open));
        assert!(case.why().starts_with("Chỉ cần nếu: Người được chăm sóc"));
    }

    #[test]
    fn optional_papers_are_never_missing() {
        let p = procedure("3.000333");
        let f = form_for("3.000333").unwrap();
        let e = checklist(&p, f, true, &Answers::new(), &Attached::new(), cx());
        assert_eq!(entry(&e, "Các giấy tờ để chứng minh đối tượng miễn").status, Status::Open);
        assert_eq!(entry(&e, "Văn bản ủy quyền").status, Status::NotNeeded);
        let by_proxy = checklist(&p, f, true, &answers(&[("yeu-cau.loai-phieu", "so-1"), ("yeu-cau.uy-quyen", "uy-quyen")]), &Attached::new(), cx());
        assert_eq!(entry(&by_proxy, "Văn bản ủy quyền").status, Status::Missing);
    }

    #[test]
    fn a_case_that_asks_for_one_of_several_papers_misses_one_paper_not_all() {
        // 1.001471 (passport, khoản 4 Điều 15): "phải bổ sung một trong các loại hồ sơ, giấy tờ sau".
        let p = procedure("1.001471");
        let f = crate::core::forms::generic_form("1.001471", &p.name);
        let before = checklist(&p, &f, false, &Answers::new(), &Attached::new(), cx());
        let e = entry(&before, "Một trong các giấy tờ sau");
        assert_eq!(p.documents.iter().find(|d| d.name == e.name).unwrap().any_of.len(), 4);
        let case = e.asks.clone().unwrap();
        let yes = checklist(&p, &f, false, &answers(&[(&case_key(&case), CASE_YES)]), &Attached::new(), cx());
        let missing: Vec<_> = yes.iter().filter(|e| e.status == Status::Missing && e.asks.as_deref() == Some(case.as_str())).collect();
        assert_eq!(missing.len(), 1, "one paper of the four is needed");
    }

    #[test]
    fn a_criminal_record_certificate_is_submitted_for_another_as_the_law_allows() {
        // Luật Lý lịch tư pháp, as the catalogue gives it: a spouse, parent or child needs no
        // letter; Phiếu số 2 cannot be delegated; whoever submits for another fills in Mẫu 02.
        let (p, f) = (procedure("3.000333"), form_for("3.000333").unwrap());
        let status = |a: &[(&str, &str)], paper: &str| entry(&checklist(&p, f, true, &answers(a), &Attached::new(), cx()), paper).status;
        let form_02 = "Tờ khai yêu cầu cấp Phiếu Lý lịch tư pháp (Dùng cho cá nhân). Mẫu số 02";
        let spouse = [("yeu-cau.loai-phieu", "so-1"), ("yeu-cau.uy-quyen", "nguoi-than")];
        assert_eq!((status(&spouse, "Văn bản ủy quyền"), status(&spouse, form_02)), (Status::NotNeeded, Status::Missing));
        let letter = [("yeu-cau.loai-phieu", "so-1"), ("yeu-cau.uy-quyen", "uy-quyen")];
        assert_eq!((status(&letter, "Văn bản ủy quyền"), status(&letter, form_02)), (Status::Missing, Status::Missing));
        let own = [("yeu-cau.loai-phieu", "so-1"), ("yeu-cau.uy-quyen", "tu-nop")];
        assert_eq!(status(&own, form_02), Status::NotNeeded, "hoso's printed Mẫu 01 is the declaration");
        // An answer left from Phiếu số 1 does not make Phiếu số 2 delegated; a minor's parent may.
        let second = [("yeu-cau.loai-phieu", "so-2"), ("yeu-cau.uy-quyen", "uy-quyen")];
        assert_eq!((status(&second, "Văn bản ủy quyền"), status(&second, form_02)), (Status::NotNeeded, Status::NotNeeded));
        let parent = [("yeu-cau.loai-phieu", "so-2"), ("yeu-cau.cha-me-nop", "cha-me")];
        assert_eq!((status(&parent, "Văn bản ủy quyền"), status(&parent, form_02)), (Status::NotNeeded, Status::Missing));
        let s = f.sections.iter().find(|s| s.id == "yeu-cau").unwrap();
        let asked = s.fields.iter().find(|x| x.id == "yeu-cau.uy-quyen").unwrap();
        assert!(!f.field_visible(s, asked, &answers(&second)), "nobody is offered to submit Phiếu số 2 for an adult");
    }

    #[test]
    fn a_form_for_one_case_rules_out_the_papers_of_the_others() {
        let p = procedure("1.013225");
        let f = form_for("1.013225").unwrap();
        let e = checklist(&p, f, true, &Answers::new(), &Attached::new(), cx());
        let ours: Vec<&Entry> = e.iter().filter(|e| e.condition.as_deref().is_some_and(|c| c.starts_with("(1.7)"))).collect();
        assert!(!ours.is_empty());
        assert!(e.iter().filter(|e| e.condition.as_deref().is_some_and(|c| !c.starts_with("(1.7)"))).all(|e| e.status == Status::NotNeeded));
        assert!(ours.iter().any(|e| e.need == Need::Declaration));
        assert!(ours.iter().any(|e| e.status == Status::Missing));
    }
}
