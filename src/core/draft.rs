//! The draft file ("Lưu hồ sơ ra tệp"): a dossier carried from one device to another, as a ZIP
//! with the state (`hoso-draft.json`, a [`Dossier`]) and every stored file under `tep/<sha256>`.
//!
//! Reading treats the file as hostile: only those names, each once; no path tricks; sizes capped
//! before anything is inflated, and the ratio of a compressed entry too (a zip bomb); entries may
//! not overlap; each entry's CRC and size are checked, each file's SHA-256 must be its name, and
//! the state must name exactly the files that are there. Every refusal is a typed [`DraftProblem`].
//! The same reader serves the app's import and `hoso draft check`.

use std::collections::BTreeMap;

use rawzip::{CompressionMethod, ZipArchive, ZipVerification};
use serde::Serialize;

use crate::core::dossier::{Dossier, StateProblem, MAX_STATE_BYTES};
use crate::core::files::sha256_hex;

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
    /// Not a ZIP, or cut off before its end.
    NotAZip,
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    TooManyEntries {
        limit: usize,
    },
    /// An absolute path, `..`, a backslash or a drive letter: a file that tries to write elsewhere.
    UnsafeName {
        name: String,
    },
    /// A name hoso never writes.
    UnexpectedEntry {
        name: String,
    },
    Duplicate {
        name: String,
    },
    EntryTooLarge {
        name: String,
        size: u64,
        limit: u64,
    },
    /// Compressed far more than a real file can be.
    Bomb {
        name: String,
    },
    /// A compression method or encryption hoso does not write.
    Unsupported {
        name: String,
    },
    /// Entries that share bytes.
    Overlap {
        name: String,
    },
    /// The entry's bytes are not what its header says (CRC or size), or are cut off.
    Damaged {
        name: String,
    },
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
}

impl DraftProblem {
    pub fn message(&self) -> String {
        use DraftProblem::*;
        let bad = "Tệp hồ sơ nháp này không dùng được";
        match self {
            NotAZip => format!("{bad}: tệp bị hỏng hoặc chưa tải, chép xong (không đọc được). Hãy lấy lại tệp gốc."),
            TooLarge { .. } => format!("{bad}: tệp quá lớn so với một hồ sơ."),
            TooManyEntries { .. } => format!("{bad}: có quá nhiều tệp bên trong."),
            UnsafeName { name } => format!("{bad}: tệp «{name}» bên trong có đường dẫn không an toàn."),
            UnexpectedEntry { name } => format!("{bad}: có tệp lạ «{name}» mà hoso không tạo ra."),
            Duplicate { name } => format!("{bad}: tệp «{name}» có hai lần."),
            EntryTooLarge { name, .. } => format!("{bad}: tệp «{name}» bên trong quá lớn."),
            Bomb { name } => format!("{bad}: tệp «{name}» bên trong được nén bất thường (có thể là tệp độc hại)."),
            Unsupported { name } => format!("{bad}: tệp «{name}» được nén hoặc mã hoá theo cách hoso không dùng."),
            Overlap { name } => format!("{bad}: tệp «{name}» bên trong chồng lên tệp khác (có thể là tệp độc hại)."),
            Damaged { name } => format!("{bad}: tệp «{name}» bên trong bị hỏng. Hãy lấy lại tệp gốc."),
            HashMismatch { name } => format!("{bad}: tệp «{name}» bên trong đã bị thay đổi."),
            MissingFile { .. } => format!("{bad}: thiếu một giấy tờ đã đính kèm."),
            NoState => format!("{bad}: không có thông tin hồ sơ bên trong."),
            State { problem } => problem.message(),
        }
    }
}

impl DraftProblem {
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

/// Writes a draft file: the state and every file the dossier needs, stored (PDFs and photos are
/// compressed already; the state is small). Reading also takes deflated entries. `file` gives a file's bytes by hash; a missing one is an error.
pub fn write_draft(dossier: &Dossier, file: impl Fn(&str) -> Option<Vec<u8>>) -> Result<Vec<u8>, DraftProblem> {
    let mut out = Vec::new();
    let mut archive = rawzip::ZipArchiveWriter::new(&mut out);
    // Stored, like the files: the state is small, and no compressor ships in the browser.
    let state = dossier.to_json();
    add(&mut archive, STATE_NAME, CompressionMethod::STORE, state.as_bytes(), state.as_bytes())?;
    for hash in dossier.file_hashes() {
        let bytes = file(&hash).ok_or(DraftProblem::MissingFile { hash: hash.clone() })?;
        add(&mut archive, &format!("{FILES_DIR}{hash}"), CompressionMethod::STORE, &bytes, &bytes)?;
    }
    archive.finish().map_err(|_| DraftProblem::NotAZip)?;
    Ok(out)
}

fn add(archive: &mut rawzip::ZipArchiveWriter<&mut Vec<u8>>, name: &str, method: CompressionMethod, plain: &[u8], stored: &[u8]) -> Result<(), DraftProblem> {
    use std::io::Write;
    let damaged = |_| DraftProblem::Damaged { name: name.to_string() };
    // Verbatim: hoso's names are plain already, and the tests need hostile ones as they are.
    let path = rawzip::path::EntryPath::verbatim(name.as_bytes());
    let (mut entry, _) = archive.new_file(path).compression_method(method).start().map_err(damaged)?;
    // `stored` is already compressed (or plain for STORE): the descriptor names the plain bytes.
    entry.write_all(stored).map_err(|_| DraftProblem::Damaged { name: name.to_string() })?;
    entry.finish(rawzip::DataDescriptorOutput::new(rawzip::crc32(plain), plain.len() as u64)).map_err(damaged)?;
    Ok(())
}

/// Reads and checks a draft file (see the module's description for what is refused).
pub fn read_draft(bytes: &[u8]) -> Result<Draft, DraftProblem> {
    if bytes.len() as u64 > MAX_DRAFT_BYTES {
        return Err(DraftProblem::TooLarge { bytes: bytes.len() as u64, limit: MAX_DRAFT_BYTES });
    }
    let archive = ZipArchive::from_slice(bytes).map_err(|_| DraftProblem::NotAZip)?;
    let mut seen: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let mut ranges: Vec<(u64, u64, String)> = Vec::new();
    let mut state: Option<Vec<u8>> = None;
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut total = 0u64;
    for (count, record) in archive.entries().enumerate() {
        let record = record.map_err(|_| DraftProblem::NotAZip)?;
        if count >= MAX_ENTRIES {
            return Err(DraftProblem::TooManyEntries { limit: MAX_ENTRIES });
        }
        let name = String::from_utf8_lossy(record.file_path().as_bytes()).into_owned();
        if unsafe_name(&name) {
            return Err(DraftProblem::UnsafeName { name });
        }
        let hash = name.strip_prefix(FILES_DIR).filter(|h| h.len() == 64 && h.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
        if name != STATE_NAME && hash.is_none() {
            return Err(DraftProblem::UnexpectedEntry { name });
        }
        if !seen.insert(name.clone()) {
            return Err(DraftProblem::Duplicate { name });
        }
        let (size, packed) = (record.uncompressed_size_hint(), record.compressed_size_hint());
        let limit = if name == STATE_NAME { MAX_STATE_BYTES as u64 } else { MAX_ENTRY_BYTES };
        if size > limit {
            return Err(DraftProblem::EntryTooLarge { name, size, limit });
        }
        total += size;
        if total > MAX_DRAFT_BYTES {
            return Err(DraftProblem::TooLarge { bytes: total, limit: MAX_DRAFT_BYTES });
        }
        let method = record.compression_method();
        if record.flags().is_encrypted() || (method != CompressionMethod::STORE && method != CompressionMethod::DEFLATE) {
            return Err(DraftProblem::Unsupported { name });
        }
        if method == CompressionMethod::DEFLATE && size > packed.max(1) * MAX_RATIO {
            return Err(DraftProblem::Bomb { name });
        }
        let entry = archive.get_entry(record.wayfinder()).map_err(|_| DraftProblem::Damaged { name: name.clone() })?;
        let (start, end) = entry.compressed_data_range();
        ranges.push((record.local_header_offset(), end.max(start), name.clone()));
        let data = entry.data();
        let plain = if method == CompressionMethod::STORE {
            data.to_vec()
        } else {
            miniz_oxide::inflate::decompress_to_vec_with_limit(data, size as usize).map_err(|_| DraftProblem::Damaged { name: name.clone() })?
        };
        let expected = entry.claim_verifier();
        let actual = ZipVerification { crc: rawzip::crc32(&plain), uncompressed_size: plain.len() as u64 };
        if expected.valid(actual).is_err() || plain.len() as u64 != size {
            return Err(DraftProblem::Damaged { name });
        }
        match hash {
            None => state = Some(plain),
            Some(h) => {
                if sha256_hex(&plain) != h {
                    return Err(DraftProblem::HashMismatch { name });
                }
                files.insert(h.to_string(), plain);
            }
        }
    }
    ranges.sort();
    if let Some(w) = ranges.windows(2).find(|w| w[1].0 < w[0].1) {
        return Err(DraftProblem::Overlap { name: w[1].2.clone() });
    }
    let state = state.ok_or(DraftProblem::NoState)?;
    let dossier = Dossier::from_json(&String::from_utf8_lossy(&state)).map_err(|problem| DraftProblem::State { problem })?;
    let needed = dossier.file_hashes();
    if let Some(hash) = needed.iter().find(|h| !files.contains_key(*h)) {
        return Err(DraftProblem::MissingFile { hash: hash.clone() });
    }
    if let Some(extra) = files.keys().find(|h| !needed.contains(h)) {
        return Err(DraftProblem::UnexpectedEntry { name: format!("{FILES_DIR}{extra}") });
    }
    Ok(Draft { dossier, files })
}

/// A name that could write outside the folder it is unpacked in.
fn unsafe_name(name: &str) -> bool {
    name.is_empty()
        || name.starts_with('/')
        || name.contains('\\')
        || name.contains('\0')
        || name.split('/').any(|part| part == ".." || part == ".")
        || name.as_bytes().get(1) == Some(&b':')
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

    /// A ZIP made entry by entry, for the hostile cases.
    fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut archive = rawzip::ZipArchiveWriter::new(&mut out);
        for (name, bytes) in entries {
            add(&mut archive, name, CompressionMethod::STORE, bytes, bytes).unwrap();
        }
        archive.finish().unwrap();
        out
    }

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
    fn the_file_is_a_real_zip_other_tools_read() {
        // The ZIP's own checks (CRC, sizes) hold for what hoso writes.
        let files: [&[u8]; 1] = [b"%PDF-1.4 x"];
        let bytes = written(&dossier_with(&files), &files);
        let archive = ZipArchive::from_slice(&bytes).unwrap();
        let names: Vec<String> = archive.entries().map(|e| String::from_utf8_lossy(e.unwrap().file_path().as_bytes()).into_owned()).collect();
        assert_eq!(names, [STATE_NAME.to_string(), format!("{FILES_DIR}{}", sha256_hex(files[0]))]);
    }

    #[test]
    fn a_cut_or_foreign_file_is_not_a_draft() {
        let files: [&[u8]; 1] = [b"%PDF-1.4 x"];
        let bytes = written(&dossier_with(&files), &files);
        assert_eq!(read_draft(&bytes[..bytes.len() - 10]), Err(DraftProblem::NotAZip));
        assert_eq!(read_draft(b"%PDF-1.4 not a zip"), Err(DraftProblem::NotAZip));
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
        for evil in ["../hoso-draft.json", "/etc/passwd", "tep\\..\\x", "C:/x", "tep/./a"] {
            assert_eq!(read_draft(&zip(&[(STATE_NAME, state.as_bytes()), (evil, b"x")])), Err(DraftProblem::UnsafeName { name: evil.into() }), "{evil}");
        }
        assert_eq!(read_draft(&zip(&[(STATE_NAME, state.as_bytes()), ("notes.txt", b"x")])), Err(DraftProblem::UnexpectedEntry { name: "notes.txt".into() }));
        assert_eq!(
            read_draft(&zip(&[(STATE_NAME, state.as_bytes()), (STATE_NAME, state.as_bytes())])),
            Err(DraftProblem::Duplicate { name: STATE_NAME.into() })
        );
    }

    #[test]
    fn a_zip_bomb_is_refused_before_it_is_inflated() {
        let zeros = vec![0u8; 4 * 1024 * 1024];
        let packed = miniz_oxide::deflate::compress_to_vec(&zeros, 9);
        let mut out = Vec::new();
        let mut archive = rawzip::ZipArchiveWriter::new(&mut out);
        add(&mut archive, STATE_NAME, CompressionMethod::DEFLATE, &zeros, &packed).unwrap();
        archive.finish().unwrap();
        assert_eq!(read_draft(&out), Err(DraftProblem::Bomb { name: STATE_NAME.into() }));
    }

    #[test]
    fn a_huge_state_is_refused_by_its_declared_size() {
        let big = vec![b' '; MAX_STATE_BYTES + 1];
        assert!(matches!(read_draft(&zip(&[(STATE_NAME, &big)])), Err(DraftProblem::EntryTooLarge { .. })));
    }

    #[test]
    fn a_draft_from_a_newer_hoso_is_refused_with_the_state_s_reason() {
        let newer = dossier_with(&[]).to_json().replacen("\"format\":1", "\"format\":9", 1);
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
