//! The draft file ("Lưu hồ sơ ra tệp"): a dossier carried from one device to another, as a ZIP
//! with the state (`hoso-draft.json`, a [`Dossier`]) and every stored file under `tep/<sha256>`.
//!
//! Reading treats the file as hostile: only those names, each once; no path tricks; sizes capped
//! before anything is inflated, and the ratio of a compressed entry too (a zip bomb); entries may
//! not overlap; each entry's CRC and size are checked, each file's SHA-256 must be its name, and
//! the state must name exactly the files that are there. Every refusal is a typed [`DraftProblem`].
//! The same reader serves the app's import and `hoso draft check`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::core::calendar::Receipt;
use crate::core::dossier::{Dossier, StateProblem, MAX_STATE_BYTES};
use crate::core::files::sha256_hex;
use crate::core::zip::{self, Held, Method, Part, ReadLimits, ZipProblem};

/// The state's name in the file.
pub const STATE_NAME: &str = "hoso-draft.json";
/// The folder of the stored files.
pub const FILES_DIR: &str = "tep/";
/// The largest draft file read: a dossier's files are capped well below (the portals' 50 MB).
pub const MAX_DRAFT_BYTES: u64 = 512 * 1024 * 1024;
/// The largest single file inside.
pub const MAX_ENTRY_BYTES: u64 = 100 * 1024 * 1024;
pub const MAX_ENTRIES: usize = 1000;
/// A compressed entry that inflates more than this many times is a zip bomb.
pub const MAX_RATIO: u64 = 100;

/// Why a draft file is refused. Nothing on the device is touched when it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DraftProblem {
    /// A file whose SHA-256 is not its name.
    HashMismatch {
        name: String,
    },
    /// The state names a file that is not in the draft.
    MissingFile {
        hash: String,
    },
    NoState,
    State {
        problem: StateProblem,
    },
    /// The archive itself (its kinds are [`ZipProblem`]'s).
    #[serde(untagged)]
    Archive(ZipProblem),
}

impl From<ZipProblem> for DraftProblem {
    fn from(p: ZipProblem) -> DraftProblem {
        DraftProblem::Archive(p)
    }
}

impl DraftProblem {
    pub fn message(&self) -> String {
        use DraftProblem::*;
        let bad = tr!("draft.tep-ho-so-nhap-nay", "Tệp hồ sơ nháp này không dùng được");
        match self {
            Archive(p) => p.message(bad),
            HashMismatch { name } => tr!("draft.tep-ben-trong-da-bi", "{bad}: tệp «{name}» bên trong đã bị thay đổi.", bad = bad, name = name),
            MissingFile { .. } => tr!("draft.thieu-mot-giay-to-da", "{bad}: thiếu một giấy tờ đã đính kèm.", bad = bad),
            NoState => tr!("draft.khong-co-thong-tin-ho", "{bad}: không có thông tin hồ sơ bên trong.", bad = bad),
            State { problem } => problem.message(),
        }
    }

    /// The refusal as it leaves hoso (`hoso draft check`): kind, parameters and sentence.
    pub fn described(&self) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        v["message"] = self.message().into();
        v
    }
}

/// A draft file read and checked: the dossier and its files, by SHA-256.
#[derive(Debug, PartialEq)]
pub struct Draft {
    pub dossier: Dossier,
    pub files: BTreeMap<String, Vec<u8>>,
}

/// Lays a draft file out: the state and every file the dossier needs, stored (PDFs and photos
/// are compressed already; the state is small, and stored it needs no compressor in the browser).
/// The files are only named (`Part::Held`, by SHA-256): `held` gives each one's size and CRC-32,
/// and the browser joins the parts with the `Blob`s it keeps, copying nothing. A missing file is
/// an error.
pub fn draft_parts(dossier: &Dossier, held: impl Fn(&str) -> Option<Held>) -> Result<Vec<Part>, DraftProblem> {
    let mut archive = zip::Writer::new(Receipt::parse_rfc3339(&dossier.changed).map(|r| r.unix_seconds()).unwrap_or(0));
    archive.add(STATE_NAME, Method::Store, dossier.to_json().into_bytes());
    for hash in dossier.file_hashes() {
        let h = held(&hash).ok_or(DraftProblem::MissingFile { hash: hash.clone() })?;
        archive.add_held(&format!("{FILES_DIR}{hash}"), &hash, h);
    }
    Ok(archive.finish_parts()?)
}

/// The draft file in memory (the CLI, the tests): the same bytes as the browser's `Blob` of
/// [`draft_parts`]. `file` gives a file's bytes by hash.
pub fn write_draft(dossier: &Dossier, file: impl Fn(&str) -> Option<Vec<u8>>) -> Result<Vec<u8>, DraftProblem> {
    let mut out = Vec::new();
    for part in draft_parts(dossier, |hash| file(hash).map(|b| Held::of(&b)))? {
        match part {
            Part::Bytes(b) => out.extend_from_slice(&b),
            Part::Held(hash) => out.extend_from_slice(&file(&hash).ok_or(DraftProblem::MissingFile { hash })?),
        }
    }
    Ok(out)
}

/// The draft file's name: `ho-so-nhap-<procedure>-<day of the last change>.zip` ("nháp": not the
/// submission package, which is `ho-so-<procedure>-<name>.zip`).
pub fn file_name(dossier: &Dossier) -> String {
    let day = dossier.changed.get(..10).filter(|d| d.bytes().all(|b| b.is_ascii_digit() || b == b'-')).unwrap_or("");
    let code: String = dossier.procedure.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '.').collect();
    if day.is_empty() {
        format!("ho-so-nhap-{code}.zip")
    } else {
        format!("ho-so-nhap-{code}-{day}.zip")
    }
}

/// Reads and checks a draft file (see the module's description for what is refused).
pub fn read_draft(bytes: &[u8]) -> Result<Draft, DraftProblem> {
    let limits = ReadLimits { archive: MAX_DRAFT_BYTES, entries: MAX_ENTRIES, total: MAX_DRAFT_BYTES, ratio: MAX_RATIO };
    let entries = zip::read(bytes, &limits, |name| match name {
        STATE_NAME => Some(MAX_STATE_BYTES as u64),
        _ => stored_hash(name).map(|_| MAX_ENTRY_BYTES),
    })?;
    let mut state: Option<Vec<u8>> = None;
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for entry in entries {
        match stored_hash(&entry.name) {
            None => state = Some(entry.bytes),
            Some(h) => {
                if sha256_hex(&entry.bytes) != h {
                    return Err(DraftProblem::HashMismatch { name: entry.name });
                }
                files.insert(h.to_string(), entry.bytes);
            }
        }
    }
    let state = state.ok_or(DraftProblem::NoState)?;
    let dossier = Dossier::from_json(&String::from_utf8_lossy(&state)).map_err(|problem| DraftProblem::State { problem })?;
    let needed = dossier.file_hashes();
    if let Some(hash) = needed.iter().find(|h| !files.contains_key(*h)) {
        return Err(DraftProblem::MissingFile { hash: hash.clone() });
    }
    if let Some(extra) = files.keys().find(|h| !needed.contains(h)) {
        return Err(ZipProblem::UnexpectedEntry { name: format!("{FILES_DIR}{extra}") }.into());
    }
    Ok(Draft { dossier, files })
}

/// `tep/<sha256>`: the hash of a stored file's name.
fn stored_hash(name: &str) -> Option<&str> {
    name.strip_prefix(FILES_DIR).filter(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::calendar::Receipt;
    use crate::core::checklist::Attachment;
    use crate::core::files::FileKind;

    fn dossier_with(files: &[&[u8]]) -> Dossier {
        let now = Receipt::parse_rfc3339("2026-11-25T10:00:00+07:00").unwrap();
        let mut d = Dossier::new("a1".into(), "1.001193".into(), "2026-07".into(), now);
        d.answers.insert("nguoi-yeu-cau.ho-ten".into(), "Nguyễn Văn An".into());
        for (i, bytes) in files.iter().enumerate() {
            let a = Attachment {
                hash: sha256_hex(bytes),
                name: format!("tep-{i}.pdf"),
                size: bytes.len() as u64,
                kind: FileKind::Pdf,
                pages: Some(1),
                width: None,
                height: None,
                problems: vec![],
                from: vec![],
            };
            d.attachments.add("d0", a);
        }
        d
    }

    fn written(d: &Dossier, files: &[&[u8]]) -> Vec<u8> {
        let by_hash: BTreeMap<String, Vec<u8>> = files.iter().map(|b| (sha256_hex(b), b.to_vec())).collect();
        write_draft(d, |h| by_hash.get(h).cloned()).unwrap()
    }

    use crate::core::zip::tests::zip;

    #[test]
    fn a_draft_comes_back_whole_with_its_files() {
        let files: [&[u8]; 2] = [b"%PDF-1.4 giay chung sinh", b"%PDF-1.4 cccd cua me"];
        let d = dossier_with(&files);
        let draft = read_draft(&written(&d, &files)).unwrap();
        assert_eq!(draft.dossier, d);
        assert_eq!(draft.files.len(), 2);
        assert_eq!(draft.files[&sha256_hex(files[1])], files[1]);
    }

    #[test]
    fn the_file_is_a_real_zip_with_the_state_first() {
        let files: [&[u8]; 1] = [b"%PDF-1.4 x"];
        let bytes = written(&dossier_with(&files), &files);
        let limits = ReadLimits { archive: 1 << 20, entries: 10, total: 1 << 20, ratio: 100 };
        let names: Vec<String> = zip::read(&bytes, &limits, |_| Some(1 << 20)).unwrap().into_iter().map(|e| e.name).collect();
        assert_eq!(names, [STATE_NAME.to_string(), format!("{FILES_DIR}{}", sha256_hex(files[0]))]);
    }

    #[test]
    fn the_parts_name_the_files_and_join_into_the_same_bytes() {
        let files: [&[u8]; 2] = [b"%PDF-1.4 giay chung sinh", b"%PDF-1.4 cccd cua me"];
        let d = dossier_with(&files);
        let by_hash: BTreeMap<String, Vec<u8>> = files.iter().map(|b| (sha256_hex(b), b.to_vec())).collect();
        let parts = draft_parts(&d, |h| by_hash.get(h).map(|b| Held::of(b))).unwrap();
        let named: Vec<&String> = parts.iter().filter_map(|p| if let Part::Held(h) = p { Some(h) } else { None }).collect();
        assert_eq!(named, by_hash.keys().collect::<Vec<_>>(), "each file is named once, not copied");
        let joined: Vec<u8> = parts
            .iter()
            .flat_map(|p| match p {
                Part::Bytes(b) => b.clone(),
                Part::Held(h) => by_hash[h].clone(),
            })
            .collect();
        assert_eq!(read_draft(&joined).unwrap().dossier, d, "joined, the parts are the draft file");
        assert_eq!(draft_parts(&d, |_| None), Err(DraftProblem::MissingFile { hash: by_hash.keys().next().unwrap().clone() }));
    }

    #[test]
    fn the_file_is_named_for_the_procedure_and_the_day_of_the_last_change() {
        assert_eq!(file_name(&dossier_with(&[])), "ho-so-nhap-1.001193-2026-11-25.zip");
    }

    #[test]
    fn a_cut_or_foreign_file_is_not_a_draft() {
        let files: [&[u8]; 1] = [b"%PDF-1.4 x"];
        let bytes = written(&dossier_with(&files), &files);
        assert_eq!(read_draft(&bytes[..bytes.len() - 10]), Err(ZipProblem::NotAZip.into()));
        assert_eq!(read_draft(b"%PDF-1.4 not a zip"), Err(ZipProblem::NotAZip.into()));
        assert_eq!(read_draft(&zip(&[])), Err(DraftProblem::NoState));
    }

    #[test]
    fn a_changed_file_or_a_missing_one_is_refused() {
        let files: [&[u8]; 1] = [b"%PDF-1.4 giay to that"];
        let d = dossier_with(&files);
        let name = format!("{FILES_DIR}{}", sha256_hex(files[0]));
        let state = d.to_json();
        let changed = zip(&[(STATE_NAME, state.as_bytes()), (&name, b"%PDF-1.4 giay to gia")]);
        assert_eq!(read_draft(&changed), Err(DraftProblem::HashMismatch { name: name.clone() }));
        let missing = zip(&[(STATE_NAME, state.as_bytes())]);
        assert_eq!(read_draft(&missing), Err(DraftProblem::MissingFile { hash: sha256_hex(files[0]) }));
    }

    #[test]
    fn path_tricks_strangers_and_duplicates_are_refused() {
        let state = dossier_with(&[]).to_json();
        let refused = |name: &str| read_draft(&zip(&[(STATE_NAME, state.as_bytes()), (name, b"x")]));
        assert_eq!(refused("../hoso-draft.json"), Err(ZipProblem::UnsafeName { name: "../hoso-draft.json".into() }.into()));
        assert_eq!(refused("notes.txt"), Err(ZipProblem::UnexpectedEntry { name: "notes.txt".into() }.into()));
        assert_eq!(refused(STATE_NAME), Err(ZipProblem::Duplicate { name: STATE_NAME.into() }.into()));
    }

    #[test]
    fn a_refusal_leaves_hoso_with_its_kind_and_a_sentence() {
        let d = DraftProblem::from(ZipProblem::Bomb { name: STATE_NAME.into() }).described();
        assert_eq!(d["kind"], "bomb");
        assert!(d["message"].as_str().unwrap().starts_with("Tệp hồ sơ nháp này không dùng được"));
        assert_eq!(DraftProblem::NoState.described()["kind"], "no_state");
    }

    #[test]
    fn a_huge_state_is_refused_by_its_declared_size() {
        let big = vec![b' '; MAX_STATE_BYTES + 1];
        assert!(matches!(read_draft(&zip(&[(STATE_NAME, &big)])), Err(DraftProblem::Archive(ZipProblem::EntryTooLarge { .. }))));
    }

    #[test]
    fn a_draft_from_a_newer_hoso_is_refused_with_the_state_s_reason() {
        let newer = dossier_with(&[]).to_json().replacen(&format!("\"format\":{}", crate::core::dossier::DOSSIER_FORMAT), "\"format\":9", 1);
        let problem = read_draft(&zip(&[(STATE_NAME, newer.as_bytes())])).unwrap_err();
        assert!(matches!(problem, DraftProblem::State { problem: StateProblem::NewerFormat { format: 9, .. } }), "{problem:?}");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]
        /// Any bytes, also a real draft with bytes flipped or cut, get an answer, never a panic.
        #[test]
        fn reading_never_panics(noise in proptest::collection::vec(any::<u8>(), 0..300), at in 0usize..2000, cut in 0usize..2000) {
            let _ = read_draft(&noise);
            let d = crate::core::dossier::Dossier::new("a".into(), "1.001193".into(), "2026-07".into(), crate::core::calendar::Receipt::from_unix_millis(0));
            let mut bytes = write_draft(&d, |_| None).unwrap();
            if !bytes.is_empty() {
                let i = at % bytes.len();
                bytes[i] ^= 0x5A;
                let _ = read_draft(&bytes);
                let _ = read_draft(&bytes[..cut % bytes.len()]);
            }
        }
    }
}
