//! `hoso package verify`: a package read back as a desk receives it, from anyone. Never
//! extracts: the archive is read in memory through [`crate::core::zip::read`] (hostile
//! archives are refused there), then the manifest is checked against its format, every file
//! against its listed size and SHA-256, the file set against the manifest, the dossier against
//! the catalogue's papers and the form's rules, and every file against the file checks again.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Manifest, DECLARATION, GUIDE, MANIFEST, PACKAGE_FORMAT, RECEIPT};
use crate::core::calendar::Receipt;
use crate::core::catalogue::Procedure;
use crate::core::checklist::{self, Attached, Attachment, Status};
use crate::core::files::{check_file, sha256_hex, FileProblem, Limits};
use crate::core::forms::{Context, FormDef, FormRef};
use crate::core::units::Units;
use crate::core::zip::{self, ReadLimits, ZipProblem};

/// The largest package read.
pub const MAX_PACKAGE_BYTES: u64 = 1 << 30;
pub const MAX_MANIFEST_BYTES: u64 = 8 << 20;
/// The largest file inside (a portal's files are far smaller).
pub const MAX_FILE_BYTES: u64 = 200 << 20;
pub const MAX_ENTRIES: usize = 2000;
pub const MAX_RATIO: u64 = 100;

/// What is wrong with a package. Each names the file it is about, when there is one.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum VerifyProblem {
    NoManifest,
    /// The manifest is not what its format says.
    Manifest {
        detail: String,
    },
    NewerFormat {
        format: u32,
        supported: u32,
    },
    /// Listed in the manifest, absent from the archive.
    MissingFile {
        path: String,
    },
    /// In the archive, not in the manifest.
    ExtraFile {
        path: String,
    },
    SizeMismatch {
        path: String,
        listed: u64,
        actual: u64,
    },
    HashMismatch {
        path: String,
    },
    /// The procedure is not in this catalogue.
    UnknownProcedure {
        code: String,
    },
    /// A paper the answers require has no file.
    Incomplete {
        paper: String,
    },
    /// A file listed under a paper the procedure does not have.
    UnknownPaper {
        path: String,
        paper: String,
    },
    /// The declaration breaks a rule of the form.
    Declaration {
        field: String,
        message: String,
    },
    /// A file the checks refuse (not a PDF or picture, damaged, locked…).
    FileRefused {
        path: String,
        problem: FileProblem,
    },
    /// A sealed (age-encrypted) package that could not be opened: no key given, or the wrong one.
    Sealed {
        problem: Option<super::seal::SealProblem>,
    },
    /// The receipt's code is not the manifest's hash: one of them was replaced.
    ReceiptMismatch,
    /// The declaration was made with another version of the form than this hoso has, and the
    /// package is judged incomplete or wrong by today's: the problems after it may come from the
    /// change, not from the package (only said when there are such problems).
    FormChanged {
        /// `None`: the generic form (hoso had no declaration of its own for the procedure).
        made: Option<FormRef>,
        now: Option<FormRef>,
    },
    /// The archive itself (its kinds are [`ZipProblem`]'s).
    #[serde(untagged)]
    Archive(ZipProblem),
}

impl VerifyProblem {
    pub fn message(&self) -> String {
        use VerifyProblem::*;
        let bad = "Gói hồ sơ không hợp lệ";
        match self {
            Archive(p) => p.message(bad),
            NoManifest => format!("{bad}: không có {MANIFEST} (không phải gói do hoso tạo)."),
            Manifest { .. } => format!("{bad}: {MANIFEST} bị hỏng hoặc bị sửa tay."),
            NewerFormat { .. } => format!("{bad} với phiên bản hoso này: gói được tạo bằng hoso mới hơn. Hãy cập nhật hoso."),
            MissingFile { path } => format!("{bad}: thiếu tệp «{path}»."),
            ExtraFile { path } => format!("{bad}: có tệp «{path}» không ghi trong danh sách."),
            SizeMismatch { path, .. } => format!("{bad}: tệp «{path}» có dung lượng khác với danh sách (đã bị thay đổi)."),
            HashMismatch { path } => format!("{bad}: tệp «{path}» đã bị thay đổi sau khi lập gói."),
            UnknownProcedure { code } => format!("Không có thủ tục mã {code} trong danh mục này."),
            Incomplete { paper } => format!("Hồ sơ còn thiếu: {paper}."),
            UnknownPaper { path, .. } => format!("{bad}: tệp «{path}» ghi cho một giấy tờ thủ tục không có."),
            Declaration { message, .. } => format!("Tờ khai: {message}"),
            FileRefused { path, problem } => format!("Tệp «{path}»: {}", problem.message()),
            Sealed { problem: None } => "Gói hồ sơ đã được mã hoá: cần khoá bí mật của cơ quan tiếp nhận (--identity TỆP_KHOÁ) hoặc mật khẩu đã đặt khi lập gói (--passphrase-file TỆP) để mở.".into(),
            Sealed { problem: Some(p) } => p.message(),
            ReceiptMismatch => format!("{bad}: mã kiểm tra trên {RECEIPT} không khớp với {MANIFEST} (một trong hai đã bị thay)."),
            FormChanged { made, now } => {
                let named = |f: &Option<FormRef>| match f {
                    Some(f) => format!("mẫu «{}» phiên bản {}", f.id, f.version),
                    None => "mẫu thông tin chung (khi hoso chưa có tờ khai riêng cho thủ tục)".to_string(),
                };
                format!(
                    "Tờ khai được lập theo {}, hoso này dùng {}: những điểm dưới đây có thể do mẫu đã thay đổi, không phải do gói bị sửa. Hãy đối chiếu với quy định tại thời điểm lập hồ sơ.",
                    named(made),
                    named(now)
                )
            }
        }
    }

    /// As it leaves hoso: kind, parameters and the sentence.
    pub fn described(&self) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        v["message"] = self.message().into();
        v
    }
}

/// The outcome: `ok` only when nothing is wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct Verdict {
    pub procedure: Option<String>,
    pub files: usize,
    pub problems: Vec<VerifyProblem>,
}

impl Verdict {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }

    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "ok": self.ok(),
            "procedure": self.procedure,
            "files": self.files,
            "problems": self.problems.iter().map(VerifyProblem::described).collect::<Vec<_>>(),
        })
    }

    fn refused(problem: VerifyProblem) -> Verdict {
        Verdict { procedure: None, files: 0, problems: vec![problem] }
    }
}

/// The catalogue's side of a procedure: the procedure, its form, and whether the form is
/// hoso's own (not the generic one).
pub type Lookup<'a> = &'a dyn Fn(&str) -> Option<(Procedure, FormDef, bool)>;

/// Checks a package that may be sealed: opened first with `key`.
pub fn verify_sealed(bytes: &[u8], key: Option<super::seal::Key>, lookup: Lookup, units: Option<&Units>) -> Verdict {
    if !super::seal::is_sealed(bytes) {
        return verify(bytes, lookup, units);
    }
    let Some(key) = key else { return Verdict::refused(VerifyProblem::Sealed { problem: None }) };
    match super::seal::open(bytes, key) {
        Ok(opened) => verify(&opened, lookup, units),
        Err(p) => Verdict::refused(VerifyProblem::Sealed { problem: Some(p) }),
    }
}

/// Checks a package (see the module's description).
pub fn verify(bytes: &[u8], lookup: Lookup, units: Option<&Units>) -> Verdict {
    let limits = ReadLimits { archive: MAX_PACKAGE_BYTES, entries: MAX_ENTRIES, total: MAX_PACKAGE_BYTES, ratio: MAX_RATIO };
    let entries = match zip::read(bytes, &limits, |name| Some(if name == MANIFEST { MAX_MANIFEST_BYTES } else { MAX_FILE_BYTES })) {
        Ok(entries) => entries,
        Err(p) => return Verdict::refused(VerifyProblem::Archive(p)),
    };
    let mut by_name: BTreeMap<String, Vec<u8>> = entries.into_iter().map(|e| (e.name, e.bytes)).collect();
    let Some(manifest_bytes) = by_name.remove(MANIFEST) else { return Verdict::refused(VerifyProblem::NoManifest) };
    let manifest = match read_manifest(&manifest_bytes) {
        Ok(m) => m,
        Err(p) => return Verdict::refused(p),
    };
    let mut problems = Vec::new();

    // The files are the manifest's, whole and unchanged.
    for f in &manifest.files {
        match by_name.get(&f.path) {
            None => problems.push(VerifyProblem::MissingFile { path: f.path.clone() }),
            Some(b) if b.len() as u64 != f.size => problems.push(VerifyProblem::SizeMismatch { path: f.path.clone(), listed: f.size, actual: b.len() as u64 }),
            Some(b) if sha256_hex(b) != f.sha256 => problems.push(VerifyProblem::HashMismatch { path: f.path.clone() }),
            Some(_) => {}
        }
    }
    for fixed in [RECEIPT, GUIDE] {
        if !by_name.contains_key(fixed) {
            problems.push(VerifyProblem::MissingFile { path: fixed.into() });
        }
    }
    for name in by_name.keys() {
        if name != RECEIPT && name != GUIDE && !manifest.files.iter().any(|f| &f.path == name) {
            problems.push(VerifyProblem::ExtraFile { path: name.clone() });
        }
    }

    // Every file passes the checks again (sizes aside: the portal's limits are not known here).
    let unlimited = Limits { max_file_bytes: u64::MAX, max_dossier_bytes: u64::MAX };
    let mut attached = Attached::new();
    for f in &manifest.files {
        let Some(b) = by_name.get(&f.path) else { continue };
        let report = check_file(&f.name, b, &unlimited);
        if let Some(p) = report.problems.iter().find(|p| p.refuses()) {
            problems.push(VerifyProblem::FileRefused { path: f.path.clone(), problem: p.clone() });
        }
        if f.path != DECLARATION {
            attached.add(&f.paper, Attachment::new(f.sha256.clone(), f.name.clone(), &report));
        }
    }
    if let Some(b) = by_name.get(RECEIPT) {
        let code = super::receipt_code(&sha256_hex(&manifest_bytes), &manifest.procedure.code);
        if !b.windows(code.len()).any(|w| w == code.as_bytes()) {
            problems.push(VerifyProblem::ReceiptMismatch);
        }
        if let Some(p) = check_file(RECEIPT, b, &unlimited).problems.into_iter().find(FileProblem::refuses) {
            problems.push(VerifyProblem::FileRefused { path: RECEIPT.into(), problem: p });
        }
    }

    // The dossier is complete for the procedure, and the declaration keeps the form's rules.
    let code = manifest.procedure.code.clone();
    match lookup(&code) {
        None => problems.push(VerifyProblem::UnknownProcedure { code: code.clone() }),
        Some((procedure, form, full_form)) => {
            let before = problems.len();
            let today = Receipt::parse_rfc3339(&manifest.created).map(|r| r.date).unwrap_or(Receipt::from_unix_millis(0).date);
            let cx = Context { today, units };
            let entries = checklist::checklist(&procedure, &form, full_form, &manifest.answers, &attached, cx);
            for f in manifest.files.iter().filter(|f| f.path != DECLARATION) {
                if !entries.iter().any(|e| e.key == f.paper) {
                    problems.push(VerifyProblem::UnknownPaper { path: f.path.clone(), paper: f.paper.clone() });
                }
            }
            for e in entries.iter().filter(|e| e.status == Status::Missing) {
                problems.push(VerifyProblem::Incomplete { paper: e.short.clone() });
            }
            for error in form.validate(&manifest.answers, None, cx).0 {
                problems.push(VerifyProblem::Declaration { field: error.field.clone(), message: error.message() });
            }
            let judged = problems[before..]
                .iter()
                .any(|p| matches!(p, VerifyProblem::Incomplete { .. } | VerifyProblem::UnknownPaper { .. } | VerifyProblem::Declaration { .. }));
            let now = full_form.then(|| FormRef::of(&form));
            if judged && manifest.form != now {
                problems.insert(before, VerifyProblem::FormChanged { made: manifest.form.clone(), now });
            }
        }
    }
    Verdict { procedure: Some(code), files: manifest.files.len(), problems }
}

fn read_manifest(bytes: &[u8]) -> Result<Manifest, VerifyProblem> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| VerifyProblem::Manifest { detail: e.to_string() })?;
    let format = value.get("format").and_then(serde_json::Value::as_u64).ok_or(VerifyProblem::Manifest { detail: "no format".into() })?;
    if format > u64::from(PACKAGE_FORMAT) {
        return Err(VerifyProblem::NewerFormat { format: u32::try_from(format).unwrap_or(u32::MAX), supported: PACKAGE_FORMAT });
    }
    let manifest: Manifest = serde_json::from_value(value).map_err(|e| VerifyProblem::Manifest { detail: e.to_string() })?;
    if manifest.format != PACKAGE_FORMAT {
        return Err(VerifyProblem::Manifest { detail: format!("format {}", manifest.format) });
    }
    let mut paths: Vec<&str> = manifest.files.iter().map(|f| f.path.as_str()).collect();
    paths.sort_unstable();
    if let Some(w) = paths.windows(2).find(|w| w[0] == w[1]) {
        return Err(VerifyProblem::Manifest { detail: format!("{} listed twice", w[0]) });
    }
    Ok(manifest)
}
