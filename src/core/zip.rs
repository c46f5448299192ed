//! ZIP as hoso writes and reads it: the draft file and the submission package share this.
//!
//! Writing is deterministic: entries in the order given, every entry dated with the dossier's own
//! time (not the clock), JSON and text deflated, files that are compressed already (PDF, JPEG,
//! PNG) stored as they are. Names are UTF-8 (bit 11 set by `rawzip` when a name is not ASCII).
//!
//! Reading treats the archive as hostile and never extracts: no path tricks or links, each name
//! once (also when names differ only by case or accents), sizes capped before anything is
//! inflated, the compressed ratio capped (a zip bomb), real inflated bytes counted, entries may not
//! overlap and their local headers must agree with the directory, each entry's CRC and size are
//! checked. Every refusal is a typed [`ZipProblem`]; which names are welcome is the caller's rule.

use std::collections::BTreeSet;

use rawzip::{CompressionMethod, ZipArchive, ZipVerification};
use serde::Serialize;

use crate::core::text::fold;

/// Why an archive is refused, before its contents are looked at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ZipProblem {
    /// Not a ZIP, or cut off before its end.
    NotAZip,
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    TooManyEntries {
        limit: usize,
    },
    /// An absolute path, `..`, a backslash, a NUL or a drive letter: a name that tries to write elsewhere.
    UnsafeName {
        name: String,
    },
    /// A symbolic link: it points outside the archive when unpacked.
    Link {
        name: String,
    },
    /// A name hoso never writes.
    UnexpectedEntry {
        name: String,
    },
    /// The same name twice (also when only case or accents differ).
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
    /// The entry's own header says something else than the archive's directory.
    HeaderMismatch {
        name: String,
    },
    /// Entries that share bytes.
    Overlap {
        name: String,
    },
    /// Bytes the directory does not list (before the first entry, between two, or before the
    /// directory) where an entry could hide: a reader that walks the entries one after another
    /// (a stream reader) would find files this reader never saw.
    Hidden,
    /// The entry's bytes are not what its header says (CRC or size), or are cut off.
    Damaged {
        name: String,
    },
}

impl ZipProblem {
    /// The sentence, after what is refused ("Tệp hồ sơ nháp này không dùng được").
    pub fn message(&self, refused: &str) -> String {
        use ZipProblem::*;
        match self {
            NotAZip => {
                tr!("zip.tep-bi-hong-hoac-chua", "{refused}: tệp bị hỏng hoặc chưa tải, chép xong (không đọc được). Hãy lấy lại tệp gốc.", refused = refused)
            }
            TooLarge { .. } => tr!("zip.tep-qua-lon-so-voi", "{refused}: tệp quá lớn so với một hồ sơ.", refused = refused),
            TooManyEntries { .. } => tr!("zip.co-qua-nhieu-tep-ben", "{refused}: có quá nhiều tệp bên trong.", refused = refused),
            UnsafeName { name } => {
                tr!("zip.tep-ben-trong-co-duong", "{refused}: tệp «{name}» bên trong có đường dẫn không an toàn.", refused = refused, name = name)
            }
            Link { name } => tr!(
                "zip.ben-trong-la-loi-tat",
                "{refused}: «{name}» bên trong là lối tắt (liên kết) tới nơi khác, không phải tệp.",
                refused = refused,
                name = name
            ),
            UnexpectedEntry { name } => tr!("zip.co-tep-la-ma-hoso", "{refused}: có tệp lạ «{name}» mà hoso không tạo ra.", refused = refused, name = name),
            Duplicate { name } => tr!("zip.tep-co-hai-lan", "{refused}: tệp «{name}» có hai lần.", refused = refused, name = name),
            EntryTooLarge { name, .. } => tr!("zip.tep-ben-trong-qua-lon", "{refused}: tệp «{name}» bên trong quá lớn.", refused = refused, name = name),
            Bomb { name } => tr!(
                "zip.tep-ben-trong-duoc-nen",
                "{refused}: tệp «{name}» bên trong được nén bất thường (có thể là tệp độc hại).",
                refused = refused,
                name = name
            ),
            Unsupported { name } => {
                tr!("zip.tep-duoc-nen-hoac-ma", "{refused}: tệp «{name}» được nén hoặc mã hoá theo cách hoso không dùng.", refused = refused, name = name)
            }
            HeaderMismatch { name } => tr!(
                "zip.thong-tin-cua-tep-ben",
                "{refused}: thông tin của tệp «{name}» bên trong không khớp nhau (có thể là tệp độc hại).",
                refused = refused,
                name = name
            ),
            Overlap { name } => tr!(
                "zip.tep-ben-trong-chong-len",
                "{refused}: tệp «{name}» bên trong chồng lên tệp khác (có thể là tệp độc hại).",
                refused = refused,
                name = name
            ),
            Hidden => tr!("zip.co-du-lieu-an", "{refused}: có dữ liệu nằm ngoài danh sách tệp bên trong (có thể là tệp độc hại).", refused = refused),
            Damaged { name } => {
                tr!("zip.tep-ben-trong-bi-hong", "{refused}: tệp «{name}» bên trong bị hỏng. Hãy lấy lại tệp gốc.", refused = refused, name = name)
            }
        }
    }
}

/// How much of an archive is read at most.
#[derive(Clone, Copy, Debug)]
pub struct ReadLimits {
    pub archive: u64,
    pub entries: usize,
    /// All entries inflated together.
    pub total: u64,
    /// A compressed entry that inflates more than this many times is a zip bomb.
    pub ratio: u64,
}

/// One entry read and checked.
#[derive(Debug, PartialEq)]
pub struct Entry {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Reads every entry of an untrusted archive, in the directory's order. `cap` says, for a name,
/// the largest size welcome under it, or `None` for a name the caller never writes.
pub fn read(bytes: &[u8], limits: &ReadLimits, cap: impl Fn(&str) -> Option<u64>) -> Result<Vec<Entry>, ZipProblem> {
    if bytes.len() as u64 > limits.archive {
        return Err(ZipProblem::TooLarge { bytes: bytes.len() as u64, limit: limits.archive });
    }
    let archive = ZipArchive::from_slice(bytes).map_err(|_| ZipProblem::NotAZip)?;
    let mut folded: BTreeSet<String> = BTreeSet::new();
    let mut ranges: Vec<(u64, u64, String)> = Vec::new();
    let mut out = Vec::new();
    let mut total = 0u64;
    for (count, record) in archive.entries().enumerate() {
        let record = record.map_err(|_| ZipProblem::NotAZip)?;
        if count >= limits.entries {
            return Err(ZipProblem::TooManyEntries { limit: limits.entries });
        }
        let raw = record.file_path();
        let name = String::from_utf8_lossy(raw.as_bytes()).into_owned();
        if let Some(folder) = name.strip_suffix('/').filter(|f| !f.is_empty() && record.uncompressed_size_hint() == 0) {
            // A folder entry (`zip -r` writes one per folder): nothing to read, its name still safe.
            if unsafe_name(folder) || record.mode().is_symlink() {
                return Err(ZipProblem::UnsafeName { name });
            }
            let entry = archive.get_entry(record.wayfinder()).map_err(|_| ZipProblem::Damaged { name: name.clone() })?;
            if entry.local_header().file_path().as_bytes() != raw.as_bytes() {
                return Err(ZipProblem::HeaderMismatch { name });
            }
            let (start, end) = entry.compressed_data_range();
            ranges.push((record.local_header_offset(), end.max(start), name));
            continue;
        }
        if unsafe_name(&name) {
            return Err(ZipProblem::UnsafeName { name });
        }
        if record.mode().is_symlink() {
            return Err(ZipProblem::Link { name });
        }
        let limit = cap(&name).ok_or_else(|| ZipProblem::UnexpectedEntry { name: name.clone() })?;
        if !folded.insert(fold(&name)) {
            return Err(ZipProblem::Duplicate { name });
        }
        let (size, packed) = (record.uncompressed_size_hint(), record.compressed_size_hint());
        if size > limit {
            return Err(ZipProblem::EntryTooLarge { name, size, limit });
        }
        if total + size > limits.total {
            return Err(ZipProblem::TooLarge { bytes: total + size, limit: limits.total });
        }
        let method = record.compression_method();
        if record.flags().is_encrypted() || (method != CompressionMethod::STORE && method != CompressionMethod::DEFLATE) {
            return Err(ZipProblem::Unsupported { name });
        }
        if method == CompressionMethod::DEFLATE && size > packed.max(1) * limits.ratio {
            return Err(ZipProblem::Bomb { name });
        }
        let entry = archive.get_entry(record.wayfinder()).map_err(|_| ZipProblem::Damaged { name: name.clone() })?;
        let local = entry.local_header();
        if local.file_path().as_bytes() != raw.as_bytes() || local.flags().is_encrypted() {
            return Err(ZipProblem::HeaderMismatch { name });
        }
        let (start, end) = entry.compressed_data_range();
        ranges.push((record.local_header_offset(), end.max(start), name.clone()));
        let data = entry.data();
        let plain = if method == CompressionMethod::STORE {
            data.to_vec()
        } else {
            // Never more than the size declared (already capped): a lying header cannot inflate further.
            miniz_oxide::inflate::decompress_to_vec_with_limit(data, size as usize).map_err(|_| ZipProblem::Damaged { name: name.clone() })?
        };
        let actual = ZipVerification { crc: rawzip::crc32(&plain), uncompressed_size: plain.len() as u64 };
        if entry.claim_verifier().valid(actual).is_err() || plain.len() as u64 != size {
            return Err(ZipProblem::Damaged { name });
        }
        total += plain.len() as u64;
        out.push(Entry { name, bytes: plain });
    }
    crate::core::order::sort(&mut ranges);
    if let Some(w) = ranges.windows(2).find(|w| w[1].0 < w[0].1) {
        return Err(ZipProblem::Overlap { name: w[1].2.clone() });
    }
    // The entries fill the archive up to its directory: between them only room for a data
    // descriptor (at most 24 bytes), never for a local header (30 bytes and a name).
    let starts = ranges.iter().map(|r| r.0).chain([archive.directory_offset()]);
    let ends = [0].into_iter().chain(ranges.iter().map(|r| r.1));
    if starts.zip(ends).enumerate().any(|(i, (start, end))| start < end || start - end > if i == 0 { 0 } else { DESCRIPTOR_MAX }) {
        return Err(ZipProblem::Hidden);
    }
    Ok(out)
}

/// The longest data descriptor: signature, CRC and two ZIP64 sizes.
const DESCRIPTOR_MAX: u64 = 24;

/// A name that could write outside the folder it is unpacked in.
fn unsafe_name(name: &str) -> bool {
    name.is_empty()
        || name.starts_with('/')
        || name.contains('\\')
        || name.contains('\0')
        || name.split('/').any(|part| part == ".." || part == "." || part.is_empty())
        || name.as_bytes().get(1) == Some(&b':')
}

/// How an entry is kept in the archive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// As it is (files compressed already).
    Store,
    /// Deflated (JSON, text).
    Deflate,
}

/// A piece of an archive as it is laid out: bytes hoso wrote (headers, its own entries), or the
/// bytes of a file the caller holds (a browser `Blob`, a file on disk), named by its key. Joined
/// in order they are the archive; a browser joins them into a `Blob` without copying the files.
#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    Bytes(Vec<u8>),
    Held(String),
}

/// What the writer needs of a file the caller holds: its size and CRC-32 (read once, in pieces).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Held {
    pub size: u64,
    pub crc32: u32,
}

impl Held {
    pub fn of(bytes: &[u8]) -> Held {
        let mut m = Measure::default();
        m.update(bytes);
        m.held()
    }
}

/// A held file measured piece by piece, as it is read.
#[derive(Default)]
pub struct Measure {
    crc: rawzip::Crc32,
    size: u64,
}

impl Measure {
    pub fn update(&mut self, piece: &[u8]) {
        self.crc.update(piece);
        self.size += piece.len() as u64;
    }

    pub fn held(&self) -> Held {
        Held { size: self.size, crc32: self.crc.checksum() }
    }
}

enum Content {
    Bytes(Method, Vec<u8>),
    Held(String, Held),
}

/// Writes an archive deterministically (see the module's description): in memory, or as
/// [`Part`]s where the caller's files are only named.
pub struct Writer {
    entries: Vec<(String, Content)>,
    dated: i64,
}

/// Where the archive writer's output goes: into the current bytes, or — while a held file's bytes
/// pass — nowhere, the file being named by a [`Part::Held`] instead.
#[derive(Default)]
struct Parts {
    parts: Vec<Part>,
    bytes: Vec<u8>,
    /// The held file passing, and how many of its bytes are still to come.
    skipping: Option<(String, u64)>,
}

#[derive(Clone, Default)]
struct Sink(std::rc::Rc<std::cell::RefCell<Parts>>);

impl std::io::Write for Sink {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        let mut p = self.0.borrow_mut();
        match p.skipping.take() {
            None => p.bytes.extend_from_slice(data),
            Some((key, left)) => {
                let left = left.saturating_sub(data.len() as u64);
                if left == 0 {
                    let bytes = std::mem::take(&mut p.bytes);
                    p.parts.push(Part::Bytes(bytes));
                    p.parts.push(Part::Held(key));
                } else {
                    p.skipping = Some((key, left));
                }
            }
        }
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Writer {
    /// Every entry is dated `unix_seconds` (the dossier's time, never the clock).
    pub fn new(unix_seconds: i64) -> Writer {
        Writer { entries: Vec::new(), dated: unix_seconds }
    }

    pub fn add(&mut self, name: &str, method: Method, bytes: Vec<u8>) {
        self.entries.push((name.to_string(), Content::Bytes(method, bytes)));
    }

    /// A file the caller holds, stored as it is.
    pub fn add_held(&mut self, name: &str, key: &str, held: Held) {
        self.entries.push((name.to_string(), Content::Held(key.to_string(), held)));
    }

    /// The archive as parts, the held files named, not read.
    pub fn finish_parts(self) -> Result<Vec<Part>, ZipProblem> {
        let sink = Sink::default();
        let mut archive = rawzip::ZipArchiveWriter::new(sink.clone());
        let at = rawzip::time::UtcDateTime::from_unix(self.dated);
        for (name, content) in &self.entries {
            let damaged = |_| ZipProblem::Damaged { name: name.clone() };
            match content {
                Content::Bytes(method, plain) => {
                    let (zip_method, stored) = match method {
                        Method::Store => (CompressionMethod::STORE, std::borrow::Cow::Borrowed(plain.as_slice())),
                        Method::Deflate => (CompressionMethod::DEFLATE, std::borrow::Cow::Owned(miniz_oxide::deflate::compress_to_vec(plain, 6))),
                    };
                    write_entry(&mut archive, name, zip_method, Some(at), plain, &stored).map_err(damaged)?;
                }
                Content::Held(key, held) => {
                    let path = rawzip::path::EntryPath::verbatim(name.as_bytes());
                    let (mut entry, _) = archive.new_file(path).compression_method(CompressionMethod::STORE).last_modified(at).start().map_err(damaged)?;
                    // The writer counts the bytes that pass; the sink keeps none of them.
                    if held.size > 0 {
                        sink.0.borrow_mut().skipping = Some((key.clone(), held.size));
                    }
                    let zeros = [0u8; 64 * 1024];
                    let mut left = held.size;
                    while left > 0 {
                        let n = left.min(zeros.len() as u64) as usize;
                        std::io::Write::write_all(&mut entry, &zeros[..n]).map_err(|_| ZipProblem::Damaged { name: name.clone() })?;
                        left -= n as u64;
                    }
                    if held.size == 0 {
                        let bytes = std::mem::take(&mut sink.0.borrow_mut().bytes);
                        sink.0.borrow_mut().parts.extend([Part::Bytes(bytes), Part::Held(key.clone())]);
                    }
                    entry.finish(rawzip::DataDescriptorOutput::new(held.crc32, held.size)).map_err(damaged)?;
                }
            }
        }
        archive.finish().map_err(|_| ZipProblem::NotAZip)?;
        let mut p = sink.0.take();
        let last = std::mem::take(&mut p.bytes);
        p.parts.push(Part::Bytes(last));
        p.parts.retain(|part| !matches!(part, Part::Bytes(b) if b.is_empty()));
        Ok(p.parts)
    }

    /// The archive in memory; `held` gives a held file's bytes by key.
    pub fn finish(self, held: impl Fn(&str) -> Option<Vec<u8>>) -> Result<Vec<u8>, ZipProblem> {
        let mut out = Vec::new();
        for part in self.finish_parts()? {
            match part {
                Part::Bytes(b) => out.extend_from_slice(&b),
                Part::Held(key) => out.extend_from_slice(&held(&key).ok_or(ZipProblem::Damaged { name: key })?),
            }
        }
        Ok(out)
    }
}

/// One entry, `stored` being `plain` compressed by `method` already. Verbatim names: hoso's are
/// plain already, and the tests need hostile ones as they are.
pub(crate) fn write_entry<W: std::io::Write>(
    archive: &mut rawzip::ZipArchiveWriter<W>,
    name: &str,
    method: CompressionMethod,
    at: Option<rawzip::time::UtcDateTime>,
    plain: &[u8],
    stored: &[u8],
) -> Result<(), rawzip::Error> {
    let path = rawzip::path::EntryPath::verbatim(name.as_bytes());
    let mut builder = archive.new_file(path).compression_method(method);
    if let Some(at) = at {
        builder = builder.last_modified(at);
    }
    let (mut entry, _) = builder.start()?;
    std::io::Write::write_all(&mut entry, stored)?;
    entry.finish(rawzip::DataDescriptorOutput::new(rawzip::crc32(plain), plain.len() as u64))?;
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    const LIMITS: ReadLimits = ReadLimits { archive: 1 << 30, entries: 10, total: 1 << 30, ratio: 100 };

    /// A ZIP made entry by entry, stored, for hostile cases.
    pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut archive = rawzip::ZipArchiveWriter::new(&mut out);
        for (name, bytes) in entries {
            write_entry(&mut archive, name, CompressionMethod::STORE, None, bytes, bytes).unwrap();
        }
        archive.finish().unwrap();
        out
    }

    fn any(_: &str) -> Option<u64> {
        Some(1 << 20)
    }

    #[test]
    fn what_is_written_is_read_back_in_order() {
        let mut w = Writer::new(1_764_039_600);
        w.add("manifest.json", Method::Deflate, b"{\"a\":1}".repeat(50));
        w.add("01-don/to-khai.pdf", Method::Store, b"%PDF-1.7 x".to_vec());
        let bytes = w.finish(|_| None).unwrap();
        let entries = read(&bytes, &LIMITS, any).unwrap();
        assert_eq!(entries.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["manifest.json", "01-don/to-khai.pdf"]);
        assert_eq!(entries[0].bytes, b"{\"a\":1}".repeat(50));
    }

    #[test]
    fn the_same_entries_give_the_same_bytes() {
        let make = || {
            let mut w = Writer::new(1_764_039_600);
            w.add("a.json", Method::Deflate, b"{}".to_vec());
            w.add("b/c.pdf", Method::Store, b"%PDF".to_vec());
            w.finish(|_| None).unwrap()
        };
        assert_eq!(make(), make());
    }

    #[test]
    fn held_files_are_named_not_copied_and_join_into_the_same_archive() {
        let big: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let make = |held: bool| {
            let mut w = Writer::new(1_764_039_600);
            w.add("manifest.json", Method::Deflate, b"{}".to_vec());
            if held {
                w.add_held("01/a.pdf", "k1", Held::of(&big));
                w.add_held("01/rong.pdf", "k2", Held::of(b""));
            } else {
                w.add("01/a.pdf", Method::Store, big.clone());
                w.add("01/rong.pdf", Method::Store, Vec::new());
            }
            w
        };
        let parts = make(true).finish_parts().unwrap();
        assert!(parts.contains(&Part::Held("k1".into())) && parts.contains(&Part::Held("k2".into())));
        let kept: usize = parts.iter().map(|p| if let Part::Bytes(b) = p { b.len() } else { 0 }).sum();
        assert!(kept < 2_000, "only headers are kept: {kept} bytes");
        let joined = make(true).finish(|k| Some(if k == "k1" { big.clone() } else { Vec::new() })).unwrap();
        assert_eq!(joined, make(false).finish(|_| None).unwrap(), "the same bytes as writing the files in");
        assert_eq!(read(&joined, &LIMITS, |_| Some(1 << 20)).unwrap()[1].bytes, big);
    }

    #[test]
    fn path_tricks_and_twins_are_refused() {
        for evil in ["../x", "/etc/passwd", "a\\..\\x", "C:/x", "a/./b", "a//b", "a\0b"] {
            assert_eq!(read(&zip(&[(evil, b"x")]), &LIMITS, any), Err(ZipProblem::UnsafeName { name: evil.into() }), "{evil:?}");
        }
        assert_eq!(read(&zip(&[("a.pdf", b"x"), ("A.PDF", b"y")]), &LIMITS, any), Err(ZipProblem::Duplicate { name: "A.PDF".into() }));
        // "é" composed and decomposed: the same name to a person and to most file systems.
        assert_eq!(read(&zip(&[("\u{e9}.pdf", b"x"), ("e\u{301}.pdf", b"y")]), &LIMITS, any), Err(ZipProblem::Duplicate { name: "e\u{301}.pdf".into() }));
        assert_eq!(read(&zip(&[("x", b"x")]), &LIMITS, |_| None), Err(ZipProblem::UnexpectedEntry { name: "x".into() }));
    }

    #[test]
    fn too_many_or_too_large_is_refused_before_reading() {
        let many: Vec<(String, &[u8])> = (0..11).map(|i| (format!("f{i}"), &b"x"[..])).collect();
        let refs: Vec<(&str, &[u8])> = many.iter().map(|(n, b)| (n.as_str(), *b)).collect();
        assert_eq!(read(&zip(&refs), &LIMITS, any), Err(ZipProblem::TooManyEntries { limit: 10 }));
        assert_eq!(read(&zip(&[("a", &[0u8; 100])]), &LIMITS, |_| Some(99)), Err(ZipProblem::EntryTooLarge { name: "a".into(), size: 100, limit: 99 }));
        let small = ReadLimits { total: 150, ..LIMITS };
        assert!(matches!(read(&zip(&[("a", &[0u8; 100]), ("b", &[0u8; 100])]), &small, any), Err(ZipProblem::TooLarge { .. })));
    }

    #[test]
    fn a_zip_bomb_is_refused_before_it_is_inflated() {
        let mut w = Writer::new(0);
        w.add("manifest.json", Method::Deflate, vec![0u8; 4 << 20]);
        let bytes = w.finish(|_| None).unwrap();
        assert_eq!(read(&bytes, &LIMITS, |_| Some(u64::MAX)), Err(ZipProblem::Bomb { name: "manifest.json".into() }));
    }

    #[test]
    fn a_cut_or_flipped_archive_is_refused() {
        let bytes = zip(&[("a.pdf", b"%PDF-1.7 noi dung")]);
        assert_eq!(read(&bytes[..bytes.len() - 5], &LIMITS, any), Err(ZipProblem::NotAZip));
        let mut flipped = bytes.clone();
        let at = bytes.windows(4).position(|w| w == b"noi ").unwrap();
        flipped[at] ^= 1;
        assert_eq!(read(&flipped, &LIMITS, any), Err(ZipProblem::Damaged { name: "a.pdf".into() }));
    }

    #[test]
    fn a_local_header_that_disagrees_with_the_directory_is_refused() {
        let mut bytes = zip(&[("a.pdf", b"x")]);
        // The first name is the local header's (the directory's comes after the data).
        let at = bytes.windows(5).position(|w| w == b"a.pdf").unwrap();
        bytes[at] = b'b';
        assert_eq!(read(&bytes, &LIMITS, any), Err(ZipProblem::HeaderMismatch { name: "a.pdf".into() }));
    }

    #[test]
    fn encrypted_entries_and_unknown_methods_are_refused() {
        let mut out = Vec::new();
        let mut archive = rawzip::ZipArchiveWriter::new(&mut out);
        write_entry(&mut archive, "a.pdf", CompressionMethod::from(99), None, b"x", b"x").unwrap();
        archive.finish().unwrap();
        assert_eq!(read(&out, &LIMITS, any), Err(ZipProblem::Unsupported { name: "a.pdf".into() }));
        let mut out = Vec::new();
        let mut archive = rawzip::ZipArchiveWriter::new(&mut out);
        let (mut entry, _) = archive.new_file("khoa.pdf").encrypted(true).start().unwrap();
        std::io::Write::write_all(&mut entry, b"xxxxxxxxxxxxx").unwrap();
        entry.finish(rawzip::DataDescriptorOutput::new(0, 1)).unwrap();
        archive.finish().unwrap();
        assert_eq!(read(&out, &LIMITS, any), Err(ZipProblem::Unsupported { name: "khoa.pdf".into() }));
    }

    #[test]
    fn two_names_for_the_same_bytes_are_refused() {
        // The directory lists the one entry twice, under two names of the same length.
        let bytes = zip(&[("a.pdf", b"%PDF-1.7 x")]);
        let cd = bytes.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
        let eocd = bytes.windows(4).rposition(|w| w == b"PK\x05\x06").unwrap();
        let mut record = bytes[cd..eocd].to_vec();
        let at = record.windows(5).position(|w| w == b"a.pdf").unwrap();
        record[at] = b'b';
        let bytes = with_record(bytes, &record);
        assert_eq!(read(&bytes, &LIMITS, any), Err(ZipProblem::HeaderMismatch { name: "b.pdf".into() }));
    }

    /// Adds `record` (a central directory record) to `bytes`' directory.
    fn with_record(mut bytes: Vec<u8>, record: &[u8]) -> Vec<u8> {
        let eocd = bytes.windows(4).rposition(|w| w == b"PK\x05\x06").unwrap();
        let size = u32::from_le_bytes(bytes[eocd + 12..eocd + 16].try_into().unwrap()) + record.len() as u32;
        bytes.splice(eocd..eocd, record.iter().copied());
        let eocd = eocd + record.len();
        for at in [eocd + 8, eocd + 10] {
            bytes[at] += 1;
        }
        bytes[eocd + 12..eocd + 16].copy_from_slice(&size.to_le_bytes());
        bytes
    }

    #[test]
    fn entries_that_share_bytes_are_refused() {
        // An entry hidden inside another's bytes (how overlapping zip bombs are built).
        let inner = zip(&[("b.pdf", b"%PDF-1.7 y")]);
        let inner_cd = inner.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
        let inner_eocd = inner.windows(4).rposition(|w| w == b"PK\x05\x06").unwrap();
        let hidden = &inner[..inner_cd];
        let outer = zip(&[("a.pdf", hidden)]);
        let start = outer.windows(hidden.len()).position(|w| w == hidden).unwrap() as u32;
        let mut record = inner[inner_cd..inner_eocd].to_vec();
        record[42..46].copy_from_slice(&start.to_le_bytes());
        assert_eq!(read(&with_record(outer, &record), &LIMITS, any), Err(ZipProblem::Overlap { name: "b.pdf".into() }));
    }

    #[test]
    fn an_entry_left_out_of_the_directory_or_bytes_before_the_first_are_refused() {
        // A stream reader walks the local headers and would find «x.exe»; the directory hides it.
        let bytes = zip(&[("a.pdf", b"%PDF-1.7 a"), ("x.exe", b"MZ"), ("b.pdf", b"%PDF-1.7 b")]);
        assert_eq!(read(&without_record(bytes.clone(), "x.exe"), &LIMITS, any), Err(ZipProblem::Hidden));
        assert_eq!(read(&without_record(bytes.clone(), "b.pdf"), &LIMITS, any), Err(ZipProblem::Hidden), "the last one too");
        let prefixed = [b"MZ this is not part of a package".as_slice(), &bytes].concat();
        assert!(read(&prefixed, &LIMITS, any).is_err());
        assert_eq!(read(&bytes, &LIMITS, any).map(|e| e.len()), Ok(3), "the whole archive is read");
    }

    #[test]
    fn folder_entries_written_by_zip_tools_are_passed_over() {
        let bytes = zip(&[("02-giay-to/", b""), ("02-giay-to/a.pdf", b"%PDF-1.7 a")]);
        let names: Vec<String> = read(&bytes, &LIMITS, any).unwrap().into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["02-giay-to/a.pdf"]);
        assert_eq!(read(&zip(&[("../", b"")]), &LIMITS, any), Err(ZipProblem::UnsafeName { name: "../".into() }));
    }

    /// `bytes` with the directory's record of `name` taken out (its local entry stays).
    fn without_record(mut bytes: Vec<u8>, name: &str) -> Vec<u8> {
        let cd = bytes.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
        let mut at = cd;
        loop {
            let name_len = u16::from_le_bytes([bytes[at + 28], bytes[at + 29]]) as usize;
            let len =
                46 + name_len + u16::from_le_bytes([bytes[at + 30], bytes[at + 31]]) as usize + u16::from_le_bytes([bytes[at + 32], bytes[at + 33]]) as usize;
            if &bytes[at + 46..at + 46 + name_len] == name.as_bytes() {
                bytes.drain(at..at + len);
                let eocd = bytes.windows(4).rposition(|w| w == b"PK\x05\x06").unwrap();
                for at in [eocd + 8, eocd + 10] {
                    bytes[at] -= 1;
                }
                let size = u32::from_le_bytes(bytes[eocd + 12..eocd + 16].try_into().unwrap()) - len as u32;
                bytes[eocd + 12..eocd + 16].copy_from_slice(&size.to_le_bytes());
                return bytes;
            }
            at += len;
        }
    }

    #[test]
    fn a_link_is_refused() {
        let mut out = Vec::new();
        let mut archive = rawzip::ZipArchiveWriter::new(&mut out);
        let (mut entry, _) = archive.new_file("lien-ket").unix_permissions(0o120777).start().unwrap();
        std::io::Write::write_all(&mut entry, b"/etc/passwd").unwrap();
        entry.finish(rawzip::DataDescriptorOutput::new(rawzip::crc32(b"/etc/passwd"), 11)).unwrap();
        archive.finish().unwrap();
        assert_eq!(read(&out, &LIMITS, any), Err(ZipProblem::Link { name: "lien-ket".into() }));
    }
}
