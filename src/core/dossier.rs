//! The dossier: everything a person has put into one application, as one plain, versioned serde
//! value — what drafts store on the device, what the draft file carries, and what the submission
//! package is made from. Files are not in it: attachments name their bytes by SHA-256, and the
//! bytes live beside it (IndexedDB, the draft file, the package).
//!
//! Reading a stored dossier goes through [`Dossier::from_json`], which knows every format hoso
//! ever wrote and refuses one from a newer hoso with a typed [`StateProblem`].

use serde::{Deserialize, Serialize};

use crate::core::calendar::Receipt;
use crate::core::catalogue::{Mode, Procedure};
use crate::core::checklist::Attached;
use crate::core::files::sha256_hex;
use crate::core::forms::{Answers, FormDef, FormRef};
use crate::core::rating::Rating;
use crate::core::submission::Submission;

/// The format this hoso writes. Bump it when the shape changes, and teach [`Dossier::from_json`]
/// to read the old one (with a test). 1: the first; 2: adds [`Basis`]; 3: adds the
/// [`Submission`] the person recorded after handing the dossier in; 4: adds the answers a portal
/// filled ([`Prefilled`]) and the person's [`Rating`]; 5: who helped (`assisted`); 6: the last
/// package made ([`Exported`]); 7: the declaration form and its version in the [`Basis`].
pub const DOSSIER_FORMAT: u32 = 7;

/// How many days a draft nobody changed is kept on the device (a shared computer should not keep
/// a person's papers for ever). A deployment may set its own (`web::device::keep_days`).
pub const KEEP_DAYS: u32 = 30;

/// The days kept as a deployment sets them (`<meta name="hoso-giu-ho-so-ngay" content="…">`): a
/// whole number of at least 1, else [`KEEP_DAYS`].
pub fn keep_days(setting: Option<&str>) -> u32 {
    setting.and_then(|c| c.trim().parse::<u32>().ok()).filter(|d| *d >= 1).unwrap_or(KEEP_DAYS)
}

/// The largest dossier state hoso reads (answers and the list of files, not their bytes).
pub const MAX_STATE_BYTES: usize = 4 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dossier {
    pub format: u32,
    /// Chosen by the device when the dossier starts (a family or a ward desk may keep several
    /// dossiers for the same procedure).
    pub id: String,
    /// The procedure's code (`1.001193`).
    pub procedure: String,
    /// The catalogue version the dossier was started on (to tell the person what changed since).
    pub catalogue_version: String,
    /// How the person means to submit, once chosen.
    #[serde(default)]
    pub channel: Option<Mode>,
    /// Where the person was: a section of the declaration, the papers, the check page.
    #[serde(default)]
    pub step: Option<String>,
    #[serde(default)]
    pub answers: Answers,
    #[serde(default)]
    pub attachments: Attached,
    /// RFC 3339 in Vietnam time (`2026-11-25T10:00+07:00`).
    pub started: String,
    pub changed: String,
    /// What the procedure asked for when the person last looked (format 2; `None` in a dossier
    /// from format 1 until its page is next opened): to tell them what changed since.
    #[serde(default)]
    pub basis: Option<Basis>,
    /// What the person recorded after submitting (format 3): the portal's codes, when it was
    /// received, what happened since.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission: Option<Submission>,
    /// The answers a portal filled when it embedded hoso (format 4): which, and by whom.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefilled: Option<Prefilled>,
    /// How the person rated the service after exporting (format 4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    /// Who helped the person fill it, with their consent (format 5; `core::assist`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assisted: Option<crate::core::assist::Assisted>,
    /// The last submission package made of it (format 6): the desk's queue says so while the
    /// answers and files are still the ones packed ([`Dossier::exported_now`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exported: Option<Exported>,
}

/// A submission package made of a dossier: when, its file name and SHA-256, and what it packed
/// (the dossier's [`Dossier::contents`] then).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exported {
    /// RFC 3339, Vietnam time.
    pub at: String,
    pub name: String,
    pub sha256: String,
    pub contents: String,
}

impl Exported {
    /// "Đã xuất gói hồ sơ lúc 10:02 ngày 25/11/2026: chờ nộp" (the desk's queue, "Hồ sơ của tôi").
    pub fn describe(&self) -> String {
        let (time, day) = Receipt::parse_rfc3339(&self.at).map(|r| (r.clock(), r.date.to_vn())).unwrap_or_default();
        tr!("desk.exported", "Đã xuất gói hồ sơ lúc {time} ngày {day}: chờ nộp", time = time, day = day)
    }
}

/// The answers a portal filled (`core::embed::prefill`): the person sees which, and may change them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prefilled {
    /// The portal's origin (`https://dichvucong.gov.vn`).
    pub by: String,
    /// The answers it filled, as it gave them.
    pub answers: Answers,
}

impl Prefilled {
    /// Whether the answer `key` is still what the portal gave (the person has not changed it).
    pub fn gave(&self, key: &str, now: &str) -> bool {
        self.answers.get(key).is_some_and(|given| given == now)
    }
}

/// The facts of a procedure a person plans around: its papers, fees and time limits as published,
/// and the declaration form they answer.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Basis {
    pub papers: Vec<String>,
    pub fees: Vec<String>,
    pub time_limits: Vec<String>,
    /// The form and its version (format 7; `None` in an older basis until the page is next opened).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<FormRef>,
}

impl Basis {
    pub fn of(p: &Procedure, form: FormRef) -> Basis {
        let distinct = |texts: Vec<String>| {
            let mut out: Vec<String> = Vec::new();
            for t in texts.into_iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()) {
                if !out.contains(&t) {
                    out.push(t);
                }
            }
            out
        };
        Basis {
            papers: distinct(p.documents.iter().map(|d| d.name.clone()).collect()),
            fees: distinct(p.channels.iter().map(|c| c.fee_text.clone()).collect()),
            time_limits: distinct(p.channels.iter().map(|c| c.time_limit_text.clone()).collect()),
            form: Some(form),
        }
    }

    /// What changed in the procedure since this basis, in the order a person reads it.
    pub fn changes(&self, now: &Basis) -> Vec<ProcedureChange> {
        let mut out: Vec<ProcedureChange> =
            now.papers.iter().filter(|p| !self.papers.contains(p)).map(|name| ProcedureChange::PaperAdded { name: name.clone() }).collect();
        out.extend(self.papers.iter().filter(|p| !now.papers.contains(p)).map(|name| ProcedureChange::PaperRemoved { name: name.clone() }));
        if self.fees != now.fees {
            out.push(ProcedureChange::FeeChanged { before: self.fees.join("; "), now: now.fees.join("; ") });
        }
        if self.time_limits != now.time_limits {
            out.push(ProcedureChange::TimeLimitChanged { before: self.time_limits.join("; "), now: now.time_limits.join("; ") });
        }
        if self.form.is_some() && now.form.is_some() && self.form != now.form {
            out.push(ProcedureChange::FormChanged);
        }
        out
    }
}

/// One change in a procedure since a dossier was started on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ProcedureChange {
    PaperAdded {
        name: String,
    },
    PaperRemoved {
        name: String,
    },
    FeeChanged {
        before: String,
        now: String,
    },
    TimeLimitChanged {
        before: String,
        now: String,
    },
    /// The declaration form is another, or another version: questions may have been added,
    /// changed or withdrawn.
    FormChanged,
}

impl ProcedureChange {
    pub fn message(&self) -> String {
        match self {
            ProcedureChange::PaperAdded { name } => tr!("dossier.can-them-giay-to", "Cần thêm giấy tờ: {name}.", name = name),
            ProcedureChange::PaperRemoved { name } => tr!("dossier.khong-con-can", "Không còn cần: {name}.", name = name),
            ProcedureChange::FeeChanged { before, now } => {
                tr!("dossier.phi-le-phi-doi-tu", "Phí, lệ phí đổi từ «{before}» thành «{now}».", before = before, now = now)
            }
            ProcedureChange::TimeLimitChanged { before, now } => {
                tr!("dossier.thoi-han-giai-quyet-doi", "Thời hạn giải quyết đổi từ «{before}» thành «{now}».", before = before, now = now)
            }
            ProcedureChange::FormChanged => tr!(
                "dossier.mau-to-khai-da-doi",
                "Mẫu tờ khai đã được cập nhật: hãy xem lại từng phần của tờ khai. Câu trả lời cho câu hỏi không còn trong mẫu sẽ không được đưa vào gói hồ sơ."
            )
            .into(),
        }
    }
}

/// Why a stored dossier cannot be opened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StateProblem {
    /// Not a dossier at all (not JSON, or no format number).
    NotADossier,
    /// Written by a newer hoso than this one.
    NewerFormat {
        format: u32,
        supported: u32,
    },
    /// The shape is not what its format says (a damaged or hand-edited file).
    Damaged {
        detail: String,
    },
    TooLarge {
        bytes: usize,
        limit: usize,
    },
}

impl StateProblem {
    pub fn message(&self) -> String {
        match self {
            StateProblem::NotADossier => tr!("dossier.day-khong-phai-ho-so", "Đây không phải hồ sơ nháp của hoso.").into(),
            StateProblem::NewerFormat { .. } => {
                tr!("dossier.ho-so-nay-duoc-luu", "Hồ sơ này được lưu bằng phiên bản hoso mới hơn. Hãy tải lại trang để cập nhật hoso rồi mở lại.").into()
            }
            StateProblem::Damaged { .. } => {
                tr!("dossier.ho-so-nhap-bi-hong", "Hồ sơ nháp bị hỏng, không đọc được. Hồ sơ đang có trên máy không bị ảnh hưởng.").into()
            }
            StateProblem::TooLarge { .. } => tr!("dossier.tep-thong-tin-ho-so", "Tệp thông tin hồ sơ quá lớn, không phải hồ sơ nháp hoso tạo ra.").into(),
        }
    }
}

/// Why the device's draft store could not be used (`web::drafts`); a portal is told it too
/// (`core::embed::Outgoing::DraftNotSaved`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum StoreError {
    /// IndexedDB is missing or refused (a private window of some browsers, storage switched off,
    /// a frame on another site than its page where the browser blocks third-party storage).
    Unavailable,
    /// The device refused the write: usually its storage is full.
    WriteRefused,
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            StoreError::Unavailable => {
                tr!("web.drafts.trinh-duyet-nay-khong-cho", "Trình duyệt này không cho lưu hồ sơ trên máy (có thể đang ở chế độ ẩn danh, hoặc chặn lưu dữ liệu của trang nhúng trong trang khác). Những gì bạn nhập vẫn còn cho đến khi đóng trang; muốn làm tiếp sau thì hãy lưu hồ sơ ra tệp.")
            }
            StoreError::WriteRefused => {
                tr!("web.drafts.chua-luu-duoc-thay-doi", "Chưa lưu được thay đổi mới nhất trên máy: bộ nhớ dành cho hoso đã đầy. Những gì đã lưu trước đó vẫn còn, và những gì bạn vừa nhập vẫn còn trên trang. Hãy xoá bớt ảnh hoặc tệp lớn (hoặc hồ sơ cũ ở «Hồ sơ của tôi»), hoặc lưu hồ sơ ra tệp.")
            }
        })
    }
}

/// One line of "Hồ sơ của tôi".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub id: String,
    pub procedure: String,
    /// The first person named in the declaration (who the dossier is for, or who applies).
    pub applicant: Option<String>,
    /// Sections done, of those the answers show.
    pub done: usize,
    pub total: usize,
    pub files: usize,
    pub changed: String,
}

impl Dossier {
    /// A new, empty dossier for a procedure.
    pub fn new(id: String, procedure: String, catalogue_version: String, now: Receipt) -> Dossier {
        let at = now.to_rfc3339();
        Dossier {
            format: DOSSIER_FORMAT,
            id,
            procedure,
            catalogue_version,
            channel: None,
            step: None,
            answers: Answers::new(),
            attachments: Attached::new(),
            started: at.clone(),
            changed: at,
            basis: None,
            submission: None,
            prefilled: None,
            rating: None,
            assisted: None,
            exported: None,
        }
    }

    /// Records that the person changed something now.
    pub fn touch(&mut self, now: Receipt) {
        self.changed = now.to_rfc3339();
    }

    /// A copy to start another dossier from (a second child's birth, a neighbour's same request):
    /// the same answers and files (shared by hash, not stored twice), a new id, started now — not
    /// yet submitted nor rated.
    pub fn duplicate(&self, id: String, now: Receipt) -> Dossier {
        let at = now.to_rfc3339();
        Dossier { id, step: None, started: at.clone(), changed: at, submission: None, rating: None, assisted: None, exported: None, ..self.clone() }
    }

    /// What a package packs of the dossier, as one SHA-256: its answers and its files (by their
    /// hashes). The same answers and files give the same value, whenever they were saved; an
    /// answer typed and cleared again (kept blank) is no answer, as the package has it.
    pub fn contents(&self) -> String {
        let answers: Answers =
            self.answers.iter().filter(|(k, _)| crate::core::forms::given(&self.answers, k).is_some()).map(|(k, v)| (k.clone(), v.clone())).collect();
        let packed = serde_json::json!({ "answers": answers, "files": self.file_hashes() });
        sha256_hex(packed.to_string().as_bytes())
    }

    /// Records the package just made of the dossier as it stands.
    pub fn record_export(&mut self, at: Receipt, name: &str, sha256: &str) {
        self.exported = Some(Exported { at: at.to_rfc3339(), name: name.to_string(), sha256: sha256.to_string(), contents: self.contents() });
    }

    /// The last package made, waiting to be submitted: while the dossier is not recorded as
    /// submitted and its answers and files are still the ones it packed.
    pub fn exported_now(&self) -> Option<&Exported> {
        self.exported.as_ref().filter(|e| self.submission.is_none() && e.contents == self.contents())
    }

    /// The dossier with only the files `stored` holds (every file of an attachment, the photos a
    /// PDF was made from included): what a device that must first free room keeps while the new
    /// files wait, so a stored dossier never names a file that is not stored.
    pub fn with_files_in(&self, stored: &std::collections::BTreeSet<String>) -> Dossier {
        let mut d = self.clone();
        d.attachments.retain(|a| a.hashes().all(|h| stored.contains(h)));
        d
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a dossier is plain data")
    }

    /// Reads a stored dossier of any format hoso has written.
    pub fn from_json(text: &str) -> Result<Dossier, StateProblem> {
        if text.len() > MAX_STATE_BYTES {
            return Err(StateProblem::TooLarge { bytes: text.len(), limit: MAX_STATE_BYTES });
        }
        let value: serde_json::Value = serde_json::from_str(text).map_err(|_| StateProblem::NotADossier)?;
        let format = value.get("format").and_then(serde_json::Value::as_u64).ok_or(StateProblem::NotADossier)?;
        match u32::try_from(format).unwrap_or(u32::MAX) {
            DOSSIER_FORMAT => serde_json::from_value(value).map_err(|e| StateProblem::Damaged { detail: e.to_string() }),
            // Format 1 had no basis, format 2 no submission, format 3 no prefill or rating, format
            // 4 no help recorded, format 5 no package recorded, format 6 no form in the basis: the
            // same fields, read and brought to this format.
            old @ (1..=6) => serde_json::from_value::<Dossier>(value)
                .map(|d| Dossier {
                    format: DOSSIER_FORMAT,
                    basis: if old == 1 { None } else { d.basis },
                    submission: if old <= 2 { None } else { d.submission },
                    prefilled: if old <= 3 { None } else { d.prefilled },
                    rating: if old <= 3 { None } else { d.rating },
                    assisted: if old <= 4 { None } else { d.assisted },
                    exported: if old <= 5 { None } else { d.exported },
                    ..d
                })
                .map_err(|e| StateProblem::Damaged { detail: e.to_string() }),
            newer if newer > DOSSIER_FORMAT => Err(StateProblem::NewerFormat { format: newer, supported: DOSSIER_FORMAT }),
            _ => Err(StateProblem::NotADossier),
        }
    }

    /// Every stored file the dossier needs: the attachments and the originals they were made from.
    pub fn file_hashes(&self) -> Vec<String> {
        let mut all: Vec<String> = self.attachments.all().flat_map(|a| a.hashes().map(str::to_string)).collect();
        crate::core::order::sort(&mut all);
        all.dedup();
        all
    }

    /// Whether nobody changed this dossier for more than `days` days before `now` (a dossier whose
    /// last change cannot be read counts as changed now: it is never deleted by mistake).
    pub fn expired(&self, now: Receipt, days: u32) -> bool {
        self.changed_at().is_some_and(|changed| now.unix_seconds() - changed.unix_seconds() > i64::from(days) * 86_400)
    }

    /// The last change, when it can be read.
    pub fn changed_at(&self) -> Option<Receipt> {
        Receipt::parse_rfc3339(&self.changed)
    }

    /// Nothing in it yet: no answer, no file, no submission recorded (not listed, not kept as work).
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty() && self.attachments.is_empty() && self.submission.is_none()
    }

    /// The line on "Hồ sơ của tôi", with the procedure's form (for the name and the progress).
    pub fn summary(&self, form: &FormDef) -> Summary {
        let (done, total) = form.progress(&self.answers);
        let applicant = form.applicant(&self.answers);
        Summary {
            id: self.id.clone(),
            procedure: self.procedure.clone(),
            applicant,
            done,
            total,
            files: self.attachments.all().count(),
            changed: self.changed.clone(),
        }
    }
}

/// Dossier ids on a device. The first dossier of a procedure is known by the procedure's code
/// (`1.001193`); more dossiers of the same procedure (a family, a ward desk) are `1.001193-2`,
/// `1.001193-3`… An id is the dossier's address (`/ho-so/<id>`), so the procedure is read from it.
pub fn procedure_of(id: &str) -> &str {
    id.split_once('-').map_or(id, |(code, _)| code)
}

/// Which dossier of its procedure this is: 1 for the first, 2 for `…-2`.
pub fn ordinal(id: &str) -> u32 {
    id.split_once('-').and_then(|(_, n)| n.parse().ok()).unwrap_or(1)
}

/// How a dossier is named to the person: its procedure's name, and which of its dossiers this is
/// when there are several.
pub fn title(id: &str, procedure_name: &str) -> String {
    match ordinal(id) {
        1 => procedure_name.to_string(),
        n => tr!("dossier.ho-so-thu", "{procedure_name} (hồ sơ thứ {n})", procedure_name = procedure_name, n = n),
    }
}

/// Whether `id` is an id hoso gives to a dossier of `procedure` (a dossier from a file may carry
/// anything).
pub fn id_fits(id: &str, procedure: &str) -> bool {
    !procedure.is_empty()
        && !procedure.contains('-')
        && match id.split_once('-') {
            None => id == procedure,
            Some((code, n)) => code == procedure && n.parse::<u32>().is_ok_and(|n| n >= 2) && !n.starts_with('0'),
        }
}

/// The id of a new dossier of `procedure`: the first one free among `taken`.
pub fn new_id<'a>(procedure: &str, taken: impl IntoIterator<Item = &'a str>) -> String {
    let taken: std::collections::BTreeSet<&str> = taken.into_iter().collect();
    (1u32..).map(|n| if n == 1 { procedure.to_string() } else { format!("{procedure}-{n}") }).find(|id| !taken.contains(id.as_str())).expect("a free number")
}

/// What a save must do to the stored files (by SHA-256), given every dossier on the device after
/// the change and the files already stored: the files to add (named by `changed`, not yet stored)
/// and the files no dossier needs any more (to delete). A file two dossiers share stays while
/// either needs it.
pub fn files_to_store(dossiers: &[&Dossier], changed: &Dossier, stored: &std::collections::BTreeSet<String>) -> (Vec<String>, Vec<String>) {
    let all: Vec<&Dossier> = dossiers.iter().copied().chain(std::iter::once(changed)).collect();
    let add = changed.file_hashes().into_iter().filter(|h| !stored.contains(h)).collect();
    (add, files_unneeded(&all, stored))
}

/// The stored files none of `dossiers` needs (to delete when a dossier is removed or changed).
pub fn files_unneeded(dossiers: &[&Dossier], stored: &std::collections::BTreeSet<String>) -> Vec<String> {
    let needed: std::collections::BTreeSet<String> = dossiers.iter().flat_map(|d| d.file_hashes()).collect();
    stored.iter().filter(|h| !needed.contains(*h)).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::checklist::Attachment;
    use crate::core::files::FileKind;
    use crate::core::forms::form_for;

    fn now() -> Receipt {
        Receipt::parse_rfc3339("2026-11-25T10:00:00+07:00").unwrap()
    }

    fn sample() -> Dossier {
        let mut d = Dossier::new("a1".into(), "1.001193".into(), "2026-07".into(), now());
        d.answers.insert("nguoi-yeu-cau.ho-ten".into(), "Nguyễn Văn An".into());
        d.attachments.add(
            "d0",
            Attachment {
                hash: "pdf".into(),
                name: "giay-chung-sinh.pdf".into(),
                size: 10,
                kind: FileKind::Pdf,
                pages: Some(1),
                width: None,
                height: None,
                problems: vec![],
                from: vec!["anh-1".into(), "anh-2".into()],
            },
        );
        d
    }

    #[test]
    fn a_save_stores_new_files_once_and_deletes_only_what_no_dossier_needs() {
        let a = sample(); // needs pdf, anh-1, anh-2
        let mut b = Dossier::new("b1".into(), "1.000894".into(), "2026-07".into(), now());
        b.attachments.add("d1", Attachment { hash: "anh-1".into(), from: vec![], ..a.attachments.of("d0")[0].clone() });
        let stored: std::collections::BTreeSet<String> = ["anh-1", "cu"].map(String::from).into();
        let (add, gone) = files_to_store(&[&b], &a, &stored);
        assert_eq!(add, ["anh-2", "pdf"], "anh-1 is stored already");
        assert_eq!(gone, ["cu"], "nothing needs it; anh-1 is still needed");
        let mut a_without = a.clone();
        a_without.attachments = Attached::new();
        let (_, gone) = files_to_store(&[&b], &a_without, &["anh-1", "anh-2", "pdf"].map(String::from).into());
        assert_eq!(gone, ["anh-2", "pdf"], "b still needs anh-1");
        // a deleted: only what b does not need goes.
        assert_eq!(files_unneeded(&[&b], &["anh-1", "anh-2", "pdf"].map(String::from).into()), ["anh-2", "pdf"]);
        assert_eq!(files_unneeded(&[], &["anh-1"].map(String::from).into()), ["anh-1"], "the last dossier deleted: every file goes");
    }

    #[test]
    fn a_draft_untouched_for_longer_than_the_days_kept_has_expired() {
        let d = sample(); // last changed 2026-11-25 10:00
        let at = |s: &str| Receipt::parse_rfc3339(s).unwrap();
        assert!(!d.expired(at("2026-12-25T10:00:00+07:00"), 30), "exactly 30 days: still kept");
        assert!(d.expired(at("2026-12-25T10:01:00+07:00"), 30));
        assert!(!d.expired(at("2026-12-25T10:01:00+07:00"), 60), "a deployment keeping drafts longer");
        let mut unreadable = d.clone();
        unreadable.changed = "hôm qua".into();
        assert!(!unreadable.expired(at("2030-01-01T00:00:00+07:00"), 30), "an unreadable date never deletes");
    }

    #[test]
    fn a_deployment_may_keep_drafts_longer_but_not_for_zero_days() {
        assert_eq!(keep_days(Some(" 60 ")), 60);
        assert_eq!(keep_days(None), KEEP_DAYS);
        for bad in ["0", "-5", "ba mươi", ""] {
            assert_eq!(keep_days(Some(bad)), KEEP_DAYS, "{bad:?}");
        }
    }

    #[test]
    fn an_empty_dossier_has_no_answer_and_no_file() {
        let mut d = sample();
        assert!(!d.is_empty());
        d.answers.clear();
        assert!(!d.is_empty(), "its file is still work");
        d.attachments = Attached::new();
        assert!(d.is_empty());
        assert_eq!(sample().changed_at().map(|r| r.to_vn()).as_deref(), Some("25/11/2026 lúc 10:00"));
    }

    #[test]
    fn a_dossier_of_format_1_is_read_and_brought_to_this_format() {
        // As hoso 0.1 stored it (format 1, no basis).
        let v1 = r#"{"format":1,"id":"a1","procedure":"1.001193","catalogue_version":"2026-07","channel":null,"step":null,
            "answers":{"nguoi-yeu-cau.ho-ten":"Nguyễn Văn An"},"attachments":{},"started":"2026-11-25T10:00+07:00","changed":"2026-11-25T10:05+07:00"}"#;
        let d = Dossier::from_json(v1).unwrap();
        assert_eq!(d.format, DOSSIER_FORMAT);
        assert_eq!(d.basis, None);
        assert_eq!(d.answers["nguoi-yeu-cau.ho-ten"], "Nguyễn Văn An");
        assert_eq!(d.changed, "2026-11-25T10:05+07:00");
        assert_eq!(Dossier::from_json(&d.to_json()), Ok(d), "written again as this format");
    }

    #[test]
    fn a_dossier_of_format_2_keeps_its_basis_and_a_submission_is_kept_from_format_3() {
        let v2 = r#"{"format":2,"id":"a1","procedure":"1.001193","catalogue_version":"2026-07","channel":"online","step":null,
            "answers":{},"attachments":{},"started":"2026-11-25T10:00+07:00","changed":"2026-11-25T10:05+07:00",
            "basis":{"papers":["Giấy chứng sinh"],"fees":["Miễn phí"],"time_limits":["1"]}}"#;
        let mut d = Dossier::from_json(v2).unwrap();
        assert_eq!((d.format, d.basis.as_ref().map(|b| b.papers.len())), (DOSSIER_FORMAT, Some(1)));
        let limit = crate::core::calendar::TimeLimit::WorkingDays(7);
        d.submission = Some(crate::core::submission::Submission::new("H1-2026", "TC9", "2026-11-25T10:00+07:00", limit).unwrap());
        let again = Dossier::from_json(&d.to_json()).unwrap();
        assert_eq!(again.submission.unwrap().dossier_code, "H1-2026");
    }

    #[test]
    fn an_officer_s_help_is_kept_a_copy_for_another_resident_drops_it_and_format_4_reads_without() {
        let mut d = sample();
        let helper = crate::core::assist::Helper::new("Trần Thị Bình", "UBND phường Hoàn Kiếm").unwrap();
        d.assisted = Some(helper.with_consent("2026-11-25T10:01+07:00".into()));
        let again = Dossier::from_json(&d.to_json()).unwrap();
        assert_eq!(again.assisted, d.assisted);
        let copy = again.duplicate("x-2".into(), Receipt::from_unix_millis(1_764_039_600_000));
        assert_eq!(copy.assisted, None, "another resident has not agreed yet");
        d.assisted = None;
        d.rating = Some(crate::core::rating::Rating::new(crate::core::rating::Level::Satisfied, &[], "", "2026-11-25T10:00+07:00".into()));
        let v4 = d.to_json().replacen(&format!("\"format\":{DOSSIER_FORMAT}"), "\"format\":4", 1);
        let old = Dossier::from_json(&v4).unwrap();
        assert_eq!((old.format, old.rating.is_some(), old.assisted), (DOSSIER_FORMAT, true, None));
    }

    #[test]
    fn the_package_made_is_kept_until_the_answers_or_files_change_and_a_format_5_dossier_has_none() {
        let mut d = sample();
        d.record_export(Receipt::from_unix_millis(1_764_039_720_000), "ho-so.zip", "ab12");
        let again = Dossier::from_json(&d.to_json()).unwrap();
        assert_eq!(again.exported_now().map(|e| (e.name.as_str(), e.at.as_str())), Some(("ho-so.zip", "2025-11-25T10:02:00+07:00")));
        let mut later = again.clone();
        later.touch(Receipt::from_unix_millis(1_764_040_000_000));
        assert!(later.exported_now().is_some(), "saved again with the same answers and files");
        later.answers.insert("nguoi-yeu-cau.email".into(), " ".into());
        assert!(later.exported_now().is_some(), "a question answered and cleared again: the same package");
        later.answers.insert("nguoi-nop.ho-ten".into(), "Người khác".into());
        assert!(later.exported_now().is_none(), "an answer changed since");
        assert!(later.exported.is_some(), "the record stays, only no longer current");
        assert_eq!(again.duplicate("x-2".into(), Receipt::from_unix_millis(1_764_039_600_000)).exported, None);
        let mut handed_in = again.clone();
        handed_in.submission = Some(
            crate::core::submission::Submission::new("H01.22-261125-0001", "", "2026-11-25T10:00+07:00", crate::core::calendar::TimeLimit::WorkingDays(7))
                .unwrap(),
        );
        assert!(handed_in.exported_now().is_none(), "submitted: no longer waiting to be");
        let helper = crate::core::assist::Helper::new("Trần Thị Bình", "UBND phường Hoàn Kiếm").unwrap();
        d.assisted = Some(helper.with_consent("2026-11-25T10:01+07:00".into()));
        let v5 = d.to_json().replacen(&format!("\"format\":{DOSSIER_FORMAT}"), "\"format\":5", 1);
        let old = Dossier::from_json(&v5).unwrap();
        assert_eq!((old.format, old.exported.is_none(), old.assisted.is_some()), (DOSSIER_FORMAT, true, true));
    }

    #[test]
    fn a_portals_prefill_and_the_rating_are_kept_and_a_format_3_dossier_has_neither() {
        let mut d = sample();
        let given: Answers = [("yeu-cau.ho-ten".to_string(), "Nguyễn Văn An".to_string())].into();
        d.prefilled = Some(Prefilled { by: "https://dichvucong.gov.vn".into(), answers: given });
        let rating = crate::core::rating::Rating::new(crate::core::rating::Level::Satisfied, &[], "", "2026-11-25T10:00+07:00".into());
        d.rating = Some(rating.clone());
        let again = Dossier::from_json(&d.to_json()).unwrap();
        let p = again.prefilled.as_ref().unwrap();
        assert!(p.gave("yeu-cau.ho-ten", "Nguyễn Văn An"));
        assert!(!p.gave("yeu-cau.ho-ten", "Nguyễn Văn Anh"), "changed by the person: no longer the portal's");
        assert!(!p.gave("yeu-cau.giay-to", ""));
        assert_eq!(again.rating, Some(rating));
        let copy = again.duplicate("x-2".into(), Receipt::from_unix_millis(1_764_039_600_000));
        assert_eq!((copy.rating, copy.submission), (None, None), "a copy is a new dossier: not submitted, not rated");
        let v3 = d.to_json().replacen(&format!("\"format\":{DOSSIER_FORMAT}"), "\"format\":3", 1);
        let old = Dossier::from_json(&v3).unwrap();
        assert_eq!((old.format, old.prefilled, old.rating), (DOSSIER_FORMAT, None, None));
    }

    #[test]
    fn what_changed_in_a_procedure_is_named_paper_by_paper_with_the_fee_and_the_time_limit() {
        let then = Basis {
            papers: vec!["Tờ khai".into(), "Bản sao CCCD".into()],
            fees: vec!["Miễn phí".into()],
            time_limits: vec!["3 Ngày làm việc".into()],
            form: None,
        };
        let now = Basis {
            papers: vec!["Tờ khai".into(), "Giấy xác nhận cư trú".into()],
            fees: vec!["Miễn phí".into()],
            time_limits: vec!["5 Ngày làm việc".into()],
            form: None,
        };
        assert_eq!(
            then.changes(&now),
            [
                ProcedureChange::PaperAdded { name: "Giấy xác nhận cư trú".into() },
                ProcedureChange::PaperRemoved { name: "Bản sao CCCD".into() },
                ProcedureChange::TimeLimitChanged { before: "3 Ngày làm việc".into(), now: "5 Ngày làm việc".into() },
            ]
        );
        assert_eq!(then.changes(&then), []);
        assert_eq!(
            ProcedureChange::FeeChanged { before: "Miễn phí".into(), now: "50.000 đồng".into() }.message(),
            "Phí, lệ phí đổi từ «Miễn phí» thành «50.000 đồng»."
        );
    }

    #[test]
    fn the_basis_of_a_real_procedure_lists_its_papers_fees_and_time_limits_once() {
        let text = std::fs::read_to_string("public/catalogue/p/1.001193.json").unwrap();
        let p: Procedure = serde_json::from_str(&text).unwrap();
        let form = crate::core::forms::form_for("1.001193").unwrap();
        let b = Basis::of(&p, FormRef::of(form));
        assert!(!b.papers.is_empty() && !b.time_limits.is_empty());
        let mut unique = b.papers.clone();
        unique.dedup();
        assert_eq!(unique.len(), b.papers.len());
        assert_eq!(b.changes(&Basis::of(&p, FormRef::of(form))), []);
    }

    #[test]
    fn a_new_version_of_the_declaration_form_is_told_once_the_basis_knows_the_form() {
        let text = std::fs::read_to_string("public/catalogue/p/1.001193.json").unwrap();
        let p: Procedure = serde_json::from_str(&text).unwrap();
        let mut form = crate::core::forms::form_for("1.001193").unwrap().clone();
        let then = Basis::of(&p, FormRef::of(&form));
        form.version += 1;
        assert_eq!(then.changes(&Basis::of(&p, FormRef::of(&form))), [ProcedureChange::FormChanged]);
        assert!(ProcedureChange::FormChanged.message().starts_with("Mẫu tờ khai đã được cập nhật"));
        // A basis kept before hoso recorded the form (format 6) says nothing of it.
        let older = Basis { form: None, ..then.clone() };
        assert_eq!(older.changes(&Basis::of(&p, FormRef::of(&form))), []);
        // The generic form replaced by hoso's own.
        let generic = Basis::of(&p, FormRef::of(&crate::core::forms::generic_form("1.001193", &p.name)));
        assert_eq!(generic.changes(&then), [ProcedureChange::FormChanged]);
    }

    #[test]
    fn a_dossier_of_format_6_keeps_its_package_and_its_basis_learns_the_form_later() {
        let mut d = sample();
        d.record_export(Receipt::from_unix_millis(1_764_039_600_000), "ho-so.zip", &"0".repeat(64));
        d.basis = Some(Basis { papers: vec!["Tờ khai".into()], ..Basis::default() });
        let v6 = d.to_json().replacen(&format!("\"format\":{DOSSIER_FORMAT}"), "\"format\":6", 1);
        let old = Dossier::from_json(&v6).unwrap();
        assert_eq!((old.format, old.exported.is_some(), old.basis.and_then(|b| b.form)), (DOSSIER_FORMAT, true, None));
    }

    #[test]
    fn a_dossier_comes_back_from_its_json_exactly() {
        let d = sample();
        assert_eq!(Dossier::from_json(&d.to_json()), Ok(d));
    }

    #[test]
    fn a_dossier_from_a_newer_hoso_is_refused_and_says_to_update() {
        let next = DOSSIER_FORMAT + 1;
        let newer = sample().to_json().replacen(&format!("\"format\":{DOSSIER_FORMAT}"), &format!("\"format\":{next}"), 1);
        assert_eq!(Dossier::from_json(&newer), Err(StateProblem::NewerFormat { format: next, supported: DOSSIER_FORMAT }));
        assert_eq!(Dossier::from_json("[1, 2]"), Err(StateProblem::NotADossier));
        assert_eq!(Dossier::from_json("{\"format\": 0}"), Err(StateProblem::NotADossier));
        assert!(matches!(Dossier::from_json("{\"format\": 1, \"id\": 5}"), Err(StateProblem::Damaged { .. })));
    }

    #[test]
    fn a_huge_state_is_refused_before_it_is_parsed() {
        let huge = format!("{{\"format\":1,\"pad\":\"{}\"}}", "x".repeat(MAX_STATE_BYTES));
        assert!(matches!(Dossier::from_json(&huge), Err(StateProblem::TooLarge { .. })));
    }

    #[test]
    fn the_list_line_names_the_applicant_and_the_progress() {
        let d = sample();
        let s = d.summary(form_for("1.001193").unwrap());
        assert_eq!(s.applicant.as_deref(), Some("Nguyễn Văn An"));
        assert_eq!((s.files, s.total > 0, s.changed.as_str()), (1, true, "2026-11-25T10:00:00+07:00"));
        assert_eq!(d.file_hashes(), ["anh-1", "anh-2", "pdf"], "the PDF and the photos it was made from");
    }

    #[test]
    fn several_dossiers_of_one_procedure_are_numbered_from_the_procedure_code() {
        assert_eq!(new_id("1.001193", []), "1.001193", "the first keeps the address hoso always gave");
        assert_eq!(new_id("1.001193", ["1.001193", "1.000894"]), "1.001193-2");
        assert_eq!(new_id("1.001193", ["1.001193", "1.001193-3"]), "1.001193-2", "a number freed by a deletion is used again");
        for id in ["1.001193", "1.001193-2", "1.001193-12"] {
            assert_eq!(procedure_of(id), "1.001193");
            assert!(id_fits(id, "1.001193"), "{id}");
        }
        assert_eq!((ordinal("1.001193"), ordinal("1.001193-12")), (1, 12));
        assert_eq!(title("1.001193", "Đăng ký khai sinh"), "Đăng ký khai sinh");
        assert_eq!(title("1.001193-2", "Đăng ký khai sinh"), "Đăng ký khai sinh (hồ sơ thứ 2)");
        for (id, procedure) in [
            ("a1", "1.001193"),
            ("1.001193-1", "1.001193"),
            ("1.001193-02", "1.001193"),
            ("1.001193-x", "1.001193"),
            ("1.000894", "1.001193"),
            ("1.001193-2-3", "1.001193"),
        ] {
            assert!(!id_fits(id, procedure), "{id} is not an id hoso gives to {procedure}");
        }
    }

    #[test]
    fn a_duplicate_keeps_the_answers_and_files_under_a_new_id_started_now() {
        let d = sample();
        let later = Receipt::parse_rfc3339("2026-12-01T08:30:00+07:00").unwrap();
        let copy = d.duplicate("1.001193-2".into(), later);
        assert_eq!((copy.id.as_str(), copy.started.as_str(), copy.changed.as_str()), ("1.001193-2", "2026-12-01T08:30:00+07:00", "2026-12-01T08:30:00+07:00"));
        assert_eq!((&copy.answers, copy.file_hashes()), (&d.answers, d.file_hashes()));
        let stored: std::collections::BTreeSet<String> = d.file_hashes().into_iter().collect();
        assert_eq!(files_to_store(&[&d], &copy, &stored), (vec![], vec![]), "the copy's files are stored already, once");
    }

    #[test]
    fn freeing_room_first_keeps_only_the_attachments_already_stored() {
        let mut d = sample(); // a PDF made from two photos
        d.attachments.add("d1", Attachment { hash: "moi".into(), from: vec![], ..d.attachments.of("d0")[0].clone() });
        let stored: std::collections::BTreeSet<String> = ["pdf", "anh-1", "anh-2"].map(String::from).into();
        let before = d.with_files_in(&stored);
        assert_eq!(before.file_hashes(), ["anh-1", "anh-2", "pdf"], "the new file waits");
        assert_eq!(before.answers, d.answers);
        assert_eq!(files_to_store(&[], &before, &stored), (vec![], vec![]), "nothing to write: it fits on a full device");
        let without_a_photo: std::collections::BTreeSet<String> = ["pdf", "anh-1", "moi"].map(String::from).into();
        assert_eq!(d.with_files_in(&without_a_photo).file_hashes(), ["moi"], "a PDF whose photo is not stored is not named");
    }
}
