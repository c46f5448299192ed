//! The submission package: what a person hands over, to the national portal (each paper into its
//! upload slot), to a one-stop desk (bộ phận một cửa) on a phone or a USB stick, or to a portal
//! that embeds hoso. A ZIP (see `docs/package.md` and `public/schema/package-manifest-1.json`):
//!
//! - `manifest.json`: format, versions, procedure, channel, time, applicant, the normalised
//!   answers, each paper with its need and status, each file with its SHA-256 and warnings;
//! - `to-khai.pdf`: the declaration, printable, with selectable Vietnamese text;
//! - `bien-nhan.pdf`: the papers and a QR code of the procedure and the manifest's SHA-256;
//! - `huong-dan-nop.txt`: which paper goes into which upload slot, in the portal's order;
//! - one folder per paper (`02-giay-chung-sinh/…pdf`) with its files as attached.
//!
//! Two steps, so the browser can do the heavy one in its worker: [`plan`] decides everything from
//! the dossier (needs the procedure, the form and the units), [`assemble`] renders the PDFs,
//! hashes and writes the ZIP (needs the fonts and the files' bytes). The CLI runs both; the same
//! inputs give the same bytes anywhere. [`verify`] reads a package back as hostile input.

pub mod pdf;
pub mod print;
pub mod seal;
pub mod verify;

use serde::{Deserialize, Serialize};

use crate::core::calendar::Receipt;
use crate::core::catalogue::{Mode, Procedure};
use crate::core::checklist::{self, Attached, Need, Status};
use crate::core::dossier::Dossier;
use crate::core::files::{sha256_hex, FileKind};
use crate::core::forms::{Answers, Context, FormDef, FormRef};
use crate::core::text::fold;
use crate::core::units::Units;
use crate::core::zip::{self, Method, ZipProblem};
pub use crate::core::zip::{Held, Part};
pub use pdf::{Fonts, PdfProblem};
pub use verify::{verify, verify_sealed, Verdict, VerifyProblem};

/// The manifest format this hoso writes.
pub const PACKAGE_FORMAT: u32 = 1;
pub const MANIFEST: &str = "manifest.json";
pub const DECLARATION: &str = "to-khai.pdf";
pub const RECEIPT: &str = "bien-nhan.pdf";
pub const GUIDE: &str = "huong-dan-nop.txt";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub format: u32,
    /// `hoso 0.1.0`.
    pub app: String,
    pub catalogue_version: String,
    pub procedure: ProcedureRef,
    pub channel: Option<Mode>,
    /// RFC 3339 in Vietnam time: when the dossier was last changed.
    pub created: String,
    /// Who applies (the first name the declaration gives).
    pub applicant: Option<String>,
    /// The declaration form hoso used (`None`: the generic one).
    pub form: Option<FormRef>,
    /// Every answer, normalised as the rules accepted it.
    pub answers: Answers,
    pub papers: Vec<Paper>,
    pub files: Vec<FileEntry>,
    /// Who helped the person prepare it, with their consent (`core::assist`); absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assisted_by: Option<crate::core::assist::Assisted>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureRef {
    pub code: String,
    pub name: String,
    pub agency: Option<String>,
}

/// A paper of the procedure, as the checklist judged it for these answers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paper {
    /// The checklist's key (`d3`, `r0`).
    pub key: String,
    pub name: String,
    /// `required`, `for_your_case`, `depends_on_case`, `optional`, `not_for_your_case`,
    /// `declaration`, `other_declaration`, `bring_in_person`.
    pub need: String,
    /// Why, in plain words.
    pub reason: String,
    /// `attached`, `open`, `not_needed`, `declaration_done`, `bring_in_person` (a package is
    /// never made while one is `missing` or `declaration_to_do`).
    pub status: String,
    /// The paths of its files in the package.
    pub files: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileEntry {
    /// The paper's key (`declaration` for `to-khai.pdf`).
    pub paper: String,
    pub path: String,
    /// The name the person's file had.
    pub name: String,
    pub media_type: String,
    pub size: u64,
    pub pages: Option<u32>,
    pub sha256: String,
    /// What the checks found (warnings; a refused file is never attached), as hoso describes a
    /// problem to a program: `{kind, …parameters, level, message}`.
    pub problems: Vec<serde_json::Value>,
    /// For a PDF hoso made from photos: the photos' SHA-256.
    pub sources: Vec<String>,
}

/// Everything decided before the heavy work: what [`assemble`] turns into bytes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Complete but for the declaration's size and hash (known once it is rendered).
    pub manifest: Manifest,
    pub declaration: pdf::Doc,
    /// The fee of the way the person chose, on the day the package is made, for the receipt
    /// (`receipt_fee`).
    #[serde(default)]
    pub fee: Option<String>,
}

/// Why a dossier cannot be packaged yet: what the person must do first.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Unready {
    /// Each place that still needs the person, in the order of the work: the declaration's
    /// sections, then the papers.
    Incomplete { to_do: Vec<ToDo> },
}

/// One place of the dossier that still needs the person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ToDo {
    /// A section of the declaration with answers to give or fix (`errors` of them).
    Section { section: String, title: String, errors: usize },
    /// A paper the answers need, with no file yet (`key` as in the checklist).
    Paper { key: String, name: String },
}

impl ToDo {
    /// The line that links to the place.
    pub fn label(&self) -> String {
        match self {
            ToDo::Section { title, errors: 0, .. } => tr!("package.to-khai-phan-chua-lam", "Tờ khai, phần «{title}»: chưa làm xong", title = title),
            ToDo::Section { title, errors, .. } => {
                tr!("package.to-khai-phan-cho-can", "Tờ khai, phần «{title}»: {errors} chỗ cần sửa hoặc bổ sung", title = title, errors = errors)
            }
            ToDo::Paper { name, .. } => tr!("package.giay-to-con-thieu", "Giấy tờ còn thiếu: {name}", name = name),
        }
    }
}

impl Unready {
    pub fn message(&self) -> String {
        let Unready::Incomplete { to_do } = self;
        let errors: usize = to_do.iter().map(|t| if let ToDo::Section { errors, .. } = t { (*errors).max(1) } else { 0 }).sum();
        let missing: Vec<&str> = to_do.iter().filter_map(|t| if let ToDo::Paper { name, .. } = t { Some(name.as_str()) } else { None }).collect();
        let mut parts = Vec::new();
        if errors > 0 {
            parts.push(tr!("package.to-khai-con-cho-can", "tờ khai còn {errors} chỗ cần sửa hoặc bổ sung", errors = errors));
        }
        if !missing.is_empty() {
            parts.push(tr!("package.con-thieu", "còn thiếu {papers}", papers = missing.join("; ")));
        }
        tr!("package.chua-xuat-duoc", "Chưa xuất được hồ sơ: {why}.", why = parts.join(", "))
    }
}

/// Why the package could not be written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WriteProblem {
    MissingFile {
        hash: String,
    },
    /// The part of the browser that makes the package (the worker) did not run or answer.
    Unavailable,
    Pdf {
        problem: PdfProblem,
    },
    Zip {
        problem: ZipProblem,
    },
}

impl WriteProblem {
    pub fn message(&self) -> String {
        match self {
            WriteProblem::MissingFile { .. } => {
                tr!("package.chua-xuat-duoc-ho-so", "Chưa xuất được hồ sơ: một tệp đã đính kèm không còn trên máy này. Hãy đính kèm lại.").into()
            }
            WriteProblem::Pdf { .. } => {
                tr!("package.chua-tao-duoc-to-khai", "Chưa tạo được tờ khai PDF: tệp phông chữ tải về bị hỏng. Hãy tải lại trang rồi thử lại.").into()
            }
            WriteProblem::Zip { .. } => tr!("package.chua-ghi-duoc-goi-ho", "Chưa ghi được gói hồ sơ. Hãy thử lại.").into(),
            WriteProblem::Unavailable => {
                tr!("package.chua-xuat-duoc-ho-so-2", "Chưa xuất được hồ sơ: trình duyệt chưa chạy được phần lập gói. Hãy kiểm tra kết nối mạng rồi thử lại.")
                    .into()
            }
        }
    }
}

/// What a package is made from.
pub struct Input<'a> {
    pub procedure: &'a Procedure,
    pub form: &'a FormDef,
    /// hoso has this procedure's own declaration (not the generic one).
    pub full_form: bool,
    pub dossier: &'a Dossier,
    pub units: Option<&'a Units>,
}

/// What the rules need for this dossier: the day it was last changed, and the units.
fn context<'a>(input: &Input<'a>) -> (Receipt, Context<'a>) {
    let created = Receipt::parse_rfc3339(&input.dossier.changed).unwrap_or(Receipt::from_unix_millis(0));
    (created, Context { today: created.date, units: input.units })
}

/// Whether the dossier can be packaged: every paper the answers need has a file and the
/// declaration keeps every rule. What the app checks before it offers "Xuất hồ sơ".
pub fn ready(input: &Input) -> Result<(), Unready> {
    let d = input.dossier;
    let (_, cx) = context(input);
    let errors = input.form.validate(&d.answers, None, cx).0;
    let entries = checklist::checklist(input.procedure, input.form, input.full_form, &d.answers, &d.attachments, cx);
    let mut to_do = Vec::new();
    for s in input.form.sections.iter().filter(|s| input.form.section_visible(s, &d.answers)) {
        let here = errors.iter().filter(|e| input.form.section_of(e.field.split('#').next().unwrap_or_default()).is_some_and(|of| of.id == s.id)).count();
        if here > 0 || !input.form.section_done(s, &d.answers) {
            to_do.push(ToDo::Section { section: s.id.clone(), title: s.title.clone(), errors: here });
        }
    }
    for e in entries.iter().filter(|e| e.status == Status::Missing) {
        to_do.push(ToDo::Paper { key: e.key.clone(), name: e.short.clone() });
    }
    if to_do.is_empty() {
        Ok(())
    } else {
        Err(Unready::Incomplete { to_do })
    }
}

/// Decides the package for a dossier, or says what is still to do.
pub fn plan(input: &Input) -> Result<Plan, Unready> {
    ready(input)?;
    let d = input.dossier;
    let (created, cx) = context(input);
    let normalized = input.form.validate(&d.answers, None, cx).1;
    let entries = checklist::checklist(input.procedure, input.form, input.full_form, &d.answers, &d.attachments, cx);
    let files = file_entries(&entries, &d.attachments);
    // The answers to the questions asked, and to the cases the checklist asked about: nothing
    // the person typed for a question no longer shown.
    let mut answers = input.form.asked(&normalized);
    for (key, _, _) in checklist::case_questions(&entries, &d.answers).into_iter().filter(|(_, _, answer)| answer.is_some()) {
        answers.insert(key.clone(), d.answers[&key].clone());
    }
    let papers = entries
        .iter()
        .map(|e| Paper {
            key: e.key.clone(),
            name: e.name.clone(),
            need: need_kind(&e.need).into(),
            reason: e.why(),
            status: status_kind(e.status).into(),
            files: if e.need == Need::Declaration {
                vec![DECLARATION.into()]
            } else {
                files.iter().filter(|f| f.paper == e.key).map(|f| f.path.clone()).collect()
            },
        })
        .collect();
    let mut all_files = vec![FileEntry {
        paper: "declaration".into(),
        path: DECLARATION.into(),
        name: DECLARATION.into(),
        media_type: FileKind::Pdf.mime().into(),
        size: 0,
        pages: None,
        sha256: String::new(),
        problems: vec![],
        sources: vec![],
    }];
    all_files.extend(files);
    let p = input.procedure;
    let manifest = Manifest {
        format: PACKAGE_FORMAT,
        app: format!("hoso {}", crate::VERSION),
        catalogue_version: d.catalogue_version.clone(),
        procedure: ProcedureRef { code: p.code.clone(), name: p.name.clone(), agency: agency(p) },
        channel: d.channel,
        created: created.to_rfc3339(),
        applicant: Dossier { answers: answers.clone(), ..d.clone() }.summary(input.form).applicant,
        form: input.full_form.then(|| FormRef::of(input.form)),
        answers,
        papers,
        files: all_files,
        assisted_by: d.assisted.clone(),
    };
    let declaration = print::declaration(input.form, &normalized, input.units, &manifest);
    let fee = d.channel.and_then(|mode| receipt_fee(p, mode, created.date));
    Ok(Plan { manifest, declaration, fee })
}

/// What the person pays submitting by `mode` on `day`, each of that way's rows whose fee is known
/// once: "20.000 đồng/hồ sơ", "1.750.000 đồng đến hết ngày 31/12/2026 (mức giảm…), từ ngày
/// 01/01/2027: 3.500.000 đồng/hồ sơ"; none when the catalogue does not say.
pub fn receipt_fee(p: &Procedure, mode: Mode, day: crate::core::calendar::Date) -> Option<String> {
    let mut fees: Vec<String> = p
        .channels
        .iter()
        .filter(|c| c.mode == mode && (c.fee_vnd.is_some() || c.fee_other.is_some() || c.fee_in_note))
        .map(|c| crate::core::catalogue::present::fee_with_note_on(c, day))
        .collect();
    fees.dedup();
    (!fees.is_empty()).then(|| fees.join("; "))
}

/// The agency a person addresses ("Kính gửi", `print::addressee`).
pub fn agency(p: &Procedure) -> Option<String> {
    p.agencies.performing.clone().or_else(|| p.agencies.competent.clone())
}

fn need_kind(n: &Need) -> &'static str {
    match n {
        Need::Required => "required",
        Need::ForYourCase(_) => "for_your_case",
        Need::DependsOnCase => "depends_on_case",
        Need::Optional => "optional",
        Need::StateHolds => "state_holds",
        Need::NotForYourCase => "not_for_your_case",
        Need::Declaration => "declaration",
        Need::OtherDeclaration => "other_declaration",
        Need::BringInPerson => "bring_in_person",
    }
}

fn status_kind(s: Status) -> &'static str {
    match s {
        Status::Missing => "missing",
        Status::Attached(_) => "attached",
        Status::Open => "open",
        Status::NotNeeded => "not_needed",
        Status::DeclarationDone => "declaration_done",
        Status::DeclarationToDo => "declaration_to_do",
        Status::BringInPerson => "bring_in_person",
    }
}

/// Every attached file with its place in the package: papers with files are numbered in the
/// checklist's order after the declaration (`02-…`), each in a folder named after it.
fn file_entries(entries: &[checklist::Entry], attached: &Attached) -> Vec<FileEntry> {
    let mut out = Vec::new();
    let mut number = 1;
    for e in entries {
        let files = attached.of(&e.key);
        if files.is_empty() {
            continue;
        }
        number += 1;
        let folder = format!("{number:02}-{}", safe_slug(&e.short, 40));
        let mut taken: Vec<String> = Vec::new();
        for a in files {
            let (stem, given_ext) = a.name.rsplit_once('.').unwrap_or((&a.name, ""));
            let ext = a.kind.extension().map(str::to_string).unwrap_or_else(|| safe_slug(given_ext, 8));
            let stem = Some(safe_slug(stem, 50)).filter(|s| !s.is_empty()).unwrap_or_else(|| "tep".into());
            let mut name = format!("{stem}.{ext}");
            let mut n = 1;
            while taken.contains(&name) {
                n += 1;
                name = format!("{stem}-{n}.{ext}");
            }
            taken.push(name.clone());
            out.push(FileEntry {
                paper: e.key.clone(),
                path: format!("{folder}/{name}"),
                name: a.name.clone(),
                media_type: a.kind.mime().into(),
                size: a.size,
                pages: a.pages,
                sha256: a.hash.clone(),
                problems: a.problems.iter().map(crate::core::files::problem::described).collect(),
                sources: a.from.clone(),
            });
        }
    }
    out
}

/// Lower-case ASCII letters, digits and hyphens, at most `max` characters: a name every system
/// and every desk officer reads the same ("Giấy chứng sinh (bản chính)" → "giay-chung-sinh-ban-chinh").
fn safe_slug(s: &str, max: usize) -> String {
    let folded: String = fold(s).chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    let mut out = String::new();
    for part in folded.split('-').filter(|p| !p.is_empty()) {
        if out.len() + part.len() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(part);
    }
    if out.is_empty() {
        folded.chars().filter(char::is_ascii_alphanumeric).take(max).collect()
    } else {
        out
    }
}

/// The QR code's text on the receipt: what a desk's scanner reads to find and check the package.
pub fn receipt_code(manifest_sha256: &str, procedure: &str) -> String {
    format!("HOSO1:{procedure}:{manifest_sha256}")
}

/// Writes the package: renders the declaration and the receipt, fills in the declaration's hash,
/// and lays everything out as one ZIP whose attached files are only named (`Part::Held`, by
/// SHA-256): `held` gives each one's size and CRC-32. The browser joins the parts into a `Blob`
/// with the files it holds, so nothing is copied.
pub fn assemble_parts(plan: &Plan, fonts: Fonts, held: impl Fn(&str) -> Option<Held>) -> Result<Vec<Part>, WriteProblem> {
    let mut manifest = plan.manifest.clone();
    let created = Receipt::parse_rfc3339(&manifest.created).map(Receipt::unix_seconds).unwrap_or(0);
    let declaration = pdf::render(&plan.declaration, fonts, created).map_err(|problem| WriteProblem::Pdf { problem })?;
    if let Some(entry) = manifest.files.iter_mut().find(|f| f.path == DECLARATION) {
        entry.size = declaration.bytes.len() as u64;
        entry.sha256 = sha256_hex(&declaration.bytes);
        entry.pages = Some(declaration.pages);
    }
    let manifest_json = format!("{}\n", serde_json::to_string_pretty(&manifest).expect("a manifest is plain data"));
    let manifest_sha = sha256_hex(manifest_json.as_bytes());
    let receipt =
        pdf::render(&print::receipt(&manifest, &manifest_sha, plan.fee.as_deref()), fonts, created).map_err(|problem| WriteProblem::Pdf { problem })?;
    let mut archive = zip::Writer::new(created);
    archive.add(MANIFEST, Method::Deflate, manifest_json.into_bytes());
    archive.add(DECLARATION, Method::Store, declaration.bytes);
    archive.add(RECEIPT, Method::Store, receipt.bytes);
    archive.add(GUIDE, Method::Deflate, print::guide(&manifest).into_bytes());
    for f in manifest.files.iter().filter(|f| f.path != DECLARATION) {
        let h = held(&f.sha256).ok_or_else(|| WriteProblem::MissingFile { hash: f.sha256.clone() })?;
        archive.add_held(&f.path, &f.sha256, h);
    }
    archive.finish_parts().map_err(|problem| WriteProblem::Zip { problem })
}

/// The package in memory (the CLI, the tests): `file` gives an attached file's bytes by SHA-256.
/// The same bytes as the browser's `Blob` of [`assemble_parts`].
pub fn assemble(plan: &Plan, fonts: Fonts, file: impl Fn(&str) -> Option<Vec<u8>>) -> Result<Vec<u8>, WriteProblem> {
    let parts = assemble_parts(plan, fonts, |hash| file(hash).map(|b| Held::of(&b)))?;
    let mut out = Vec::new();
    for part in parts {
        match part {
            Part::Bytes(b) => out.extend_from_slice(&b),
            Part::Held(hash) => out.extend_from_slice(&file(&hash).ok_or(WriteProblem::MissingFile { hash })?),
        }
    }
    Ok(out)
}

/// The file name a person saves the package under: `ho-so-1.001193-nguyen-van-an.zip`.
pub fn file_name(manifest: &Manifest) -> String {
    let who = manifest.applicant.as_deref().map(|a| format!("-{}", safe_slug(a, 40))).unwrap_or_default();
    format!("ho-so-{}{who}.zip", manifest.procedure.code)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod tests;
