//! Files attached to a dossier, checked on the device: what they really are, whether they are
//! whole and readable, and whether they fit the limits. Nothing here reads a disk or a network:
//! the browser adapter (`web::files`) hands in bytes, and for photos a small grey copy.
//!
//! Every refusal says why and what to do; warnings explain and let the person decide.

pub mod combine;
pub mod image;
pub mod pdf;
mod pdf_crypt;
pub mod problem;
pub mod qr;
pub mod sniff;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use pdf_crypt::Encryption;
pub use problem::{FileProblem, Level};
pub use sniff::{claimed_kind, extension, sniff, FileKind};

/// Size limits, per file and for the whole dossier: a portal can set its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    pub max_file_bytes: u64,
    pub max_dossier_bytes: u64,
}

/// Why limits a portal asked for were not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadLimits;

impl Limits {
    /// The limits a portal sets, in megabytes: 0 < per file ≤ per dossier ≤ 10,000.
    pub fn from_megabytes(file_mb: f64, dossier_mb: f64) -> Result<Limits, BadLimits> {
        if !(file_mb > 0.0 && dossier_mb >= file_mb && dossier_mb <= 10_000.0) {
            return Err(BadLimits);
        }
        Ok(Limits { max_file_bytes: (file_mb * MB as f64) as u64, max_dossier_bytes: (dossier_mb * MB as f64) as u64 })
    }
}

impl std::fmt::Display for BadLimits {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(tr!("files.gioi-han-khong-hop-le", "Giới hạn không hợp lệ: cần 0 < mỗi tệp ≤ cả hồ sơ ≤ 10000 MB."))
    }
}

impl Default for Limits {
    /// The national portal's usual limits: 10 MB a file, 50 MB a dossier.
    fn default() -> Self {
        Limits { max_file_bytes: 10 * MB, max_dossier_bytes: 50 * MB }
    }
}

pub const MB: u64 = 1024 * 1024;

/// Images smaller than this on their longer side are hard to read once printed.
pub const MIN_LONG_SIDE: u32 = 1000;

/// What hoso found in one file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    pub kind: FileKind,
    pub size: u64,
    pub pages: Option<u32>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub problems: Vec<FileProblem>,
}

impl FileReport {
    pub fn refused(&self) -> bool {
        self.problems.iter().any(FileProblem::refuses)
    }

    /// Refused only because it is too large: a photo can then be scaled down.
    pub fn only_too_large(&self) -> bool {
        self.refused() && self.problems.iter().filter(|p| p.refuses()).all(|p| matches!(p, FileProblem::TooLarge { .. }))
    }

    /// A photo refused only for its size: hoso makes a smaller copy ([`combine::SCALE_DOWN`])
    /// instead of refusing it.
    pub fn scale_down(&self) -> bool {
        self.only_too_large() && self.kind.is_image()
    }

    /// The report of the smaller copy hoso made of a photo `original_size` bytes large: the name
    /// still says what the original was (not worth a warning: hoso made the copy), and it says
    /// the photo was scaled down (the original is kept).
    pub fn of_scaled_copy(mut self, original_size: u64) -> FileReport {
        self.problems.retain(|p| !matches!(p, FileProblem::Renamed { .. }));
        if !self.refused() {
            self.problems.insert(0, FileProblem::Scaled { original: original_size, scaled: self.size });
        }
        self
    }

    /// The refusals, as one paragraph for the person.
    pub fn refusal(&self) -> String {
        sentences(self.problems.iter().filter(|p| p.refuses()))
    }

    /// The report as it leaves hoso (`hoso files check`, `hosoCheckFile`): every problem with its
    /// kind, level and sentence.
    pub fn described(&self) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        v["problems"] = self.problems.iter().map(problem::described).collect();
        v
    }
}

/// Problems as one paragraph for the person, in order.
pub fn sentences<'a>(problems: impl IntoIterator<Item = &'a FileProblem>) -> String {
    problems.into_iter().map(FileProblem::message).collect::<Vec<_>>().join(" ")
}

/// "1,4 MB", "820 kB".
pub fn human_size(bytes: u64) -> String {
    if bytes >= MB {
        let tenths = (bytes as f64 / MB as f64 * 10.0).round() as u64;
        if tenths.is_multiple_of(10) {
            format!("{} MB", tenths / 10)
        } else {
            format!("{},{} MB", tenths / 10, tenths % 10)
        }
    } else {
        format!("{} kB", bytes.div_ceil(1024))
    }
}

/// Checks one file: its real type, that it is whole, its pages or size in pixels, and the
/// per-file limit. (Duplicates and the dossier budget are checked against the dossier: see
/// [`crate::core::checklist`].)
pub fn check_file(name: &str, bytes: &[u8], limits: &Limits) -> FileReport {
    let kind = sniff(bytes);
    let size = bytes.len() as u64;
    let mut r = FileReport { kind, size, pages: None, width: None, height: None, problems: Vec::new() };
    if bytes.is_empty() {
        r.problems.push(FileProblem::Empty);
        return r;
    }
    if !ACCEPTED.contains(&kind) {
        r.problems.push(FileProblem::NotAccepted { found: kind });
    }
    if size > limits.max_file_bytes {
        r.problems.push(FileProblem::TooLarge { found: kind, size, limit: limits.max_file_bytes });
    }
    match kind {
        FileKind::Pdf => {
            let info = pdf::inspect(bytes);
            r.pages = info.pages;
            if !info.has_objects {
                r.problems.push(FileProblem::PdfBroken);
            } else if !info.complete {
                r.problems.push(FileProblem::CutOff { found: kind });
            }
            match info.encryption {
                Encryption::NeedsPassword => r.problems.push(FileProblem::Password),
                Encryption::OwnerOnly => r.problems.push(FileProblem::Restricted),
                Encryption::None => {}
            }
            if info.has_objects && info.complete && info.encryption != Encryption::NeedsPassword {
                match info.pages {
                    Some(0) => r.problems.push(FileProblem::NoPages),
                    None => r.problems.push(FileProblem::PagesUnknown),
                    Some(_) => {}
                }
            }
        }
        FileKind::Jpeg | FileKind::Png => {
            let info = if kind == FileKind::Jpeg { image::jpeg_info(bytes) } else { image::png_info(bytes) };
            match info {
                None => r.problems.push(FileProblem::ImageBroken { found: kind }),
                Some(i) => {
                    (r.width, r.height) = (Some(i.width), Some(i.height));
                    if !i.complete {
                        r.problems.push(FileProblem::CutOff { found: kind });
                    } else if i.width.max(i.height) < MIN_LONG_SIDE {
                        r.problems.push(FileProblem::SmallImage { width: i.width, height: i.height, min: MIN_LONG_SIDE });
                    }
                }
            }
        }
        _ => {}
    }
    if let Some(claimed) = claimed_kind(name).filter(|c| *c != kind && !r.refused()) {
        r.problems.push(FileProblem::Renamed { extension: extension(name), claimed, found: kind });
    }
    r
}

/// The kinds a paper may be: what the receiving offices open.
pub const ACCEPTED: [FileKind; 3] = [FileKind::Pdf, FileKind::Jpeg, FileKind::Png];

/// What the file picker offers (`accept`): the accepted kinds by extension and by MIME type.
pub fn picker_accept() -> String {
    let ext = [".pdf", ".jpg", ".jpeg", ".png"];
    ext.iter().map(|e| e.to_string()).chain(ACCEPTED.iter().map(|k| k.mime().to_string())).collect::<Vec<_>>().join(",")
}

/// Warnings from the brightness and sharpness of a photo (see [`image::quality`]).
pub fn quality_problems(q: &image::Quality) -> Vec<FileProblem> {
    let mut v = Vec::new();
    if q.brightness < image::DARK_BELOW {
        v.push(FileProblem::Dark { brightness: q.brightness.round() as u8, min: image::DARK_BELOW as u8 });
    }
    if q.sharpness < image::BLURRY_BELOW {
        v.push(FileProblem::Blurry { sharpness: q.sharpness.round() as u8, min: image::BLURRY_BELOW as u8 });
    }
    v
}

/// The file's address in hoso: SHA-256, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let mut h = Sha256Hex::default();
    h.update(bytes);
    h.finish()
}

/// [`sha256_hex`] of bytes that come piece by piece (a package read from its `Blob`).
#[derive(Default)]
pub struct Sha256Hex(Sha256);

impl Sha256Hex {
    pub fn update(&mut self, piece: &[u8]) {
        self.0.update(piece);
    }

    pub fn finish(self) -> String {
        self.0.finalize().iter().map(|b| format!("{b:02x}")).collect()
    }
}

/// Test files shared by the file modules' tests.
#[cfg(test)]
pub(crate) mod test_files {
    /// The smallest JPEG hoso reads: a colour frame header of `w` × `h`, an empty scan, the end.
    pub fn tiny_jpeg(w: u16, h: u16) -> Vec<u8> {
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xC0, 0, 17, 8];
        b.extend_from_slice(&h.to_be_bytes());
        b.extend_from_slice(&w.to_be_bytes());
        b.extend_from_slice(&[3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 0xFF, 0xD9]);
        b
    }
}

#[cfg(test)]
mod tests {
    use super::test_files::tiny_jpeg;
    use super::*;
    use FileProblem::*;

    fn pdf(pages: u32) -> Vec<u8> {
        combine::jpegs_to_pdf(&vec![&tiny_jpeg(1600, 1200)[..]; pages as usize]).unwrap()
    }

    fn kinds(r: &FileReport) -> Vec<FileProblem> {
        r.problems.clone()
    }

    #[test]
    fn a_good_pdf_is_accepted_with_its_page_count() {
        let r = check_file("giay-khai-sinh.pdf", &pdf(3), &Limits::default());
        assert_eq!((r.kind, r.pages, r.refused()), (FileKind::Pdf, Some(3), false), "{:?}", r.problems);
        assert!(r.problems.is_empty(), "{:?}", r.problems);
    }

    #[test]
    fn empty_cut_off_and_oversized_files_are_refused_with_what_to_do() {
        let limits = Limits { max_file_bytes: 500, max_dossier_bytes: 5000 };
        assert_eq!(kinds(&check_file("a.pdf", b"", &limits)), [Empty]);
        let full = pdf(1);
        let cut = check_file("a.pdf", &full[..full.len() - 30], &Limits::default());
        assert!(cut.refused() && kinds(&cut).contains(&CutOff { found: FileKind::Pdf }), "{:?}", cut.problems);
        let big = check_file("a.pdf", &full, &limits);
        assert!(big.only_too_large(), "{:?}", big.problems);
        assert_eq!(kinds(&big), [TooLarge { found: FileKind::Pdf, size: full.len() as u64, limit: 500 }]);
        assert!(big.refusal().contains("1 kB"), "the limit is named: {}", big.refusal());
        let photo = check_file("a.jpg", &tiny_jpeg(3000, 4000), &Limits { max_file_bytes: 10, max_dossier_bytes: 10 });
        assert!(photo.only_too_large());
    }

    #[test]
    fn programs_archives_and_macros_are_refused_and_heic_is_explained() {
        for (name, bytes, found) in [
            ("setup.exe", &b"MZ\x90\0"[..], FileKind::Executable),
            ("giay-to.zip", b"PK\x03\x04\x14\0\0\0scan.pdf", FileKind::Archive),
            ("don.docm", b"PK\x03\x04[Content_Types].xml word/vbaProject.bin", FileKind::OfficeMacro),
            ("don.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0", FileKind::OfficeMacro),
            ("IMG_0001.HEIC", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic", FileKind::Heic),
            ("don.docx", b"PK\x03\x04[Content_Types].xml word/document.xml", FileKind::Office),
        ] {
            let r = check_file(name, bytes, &Limits::default());
            assert!(r.refused(), "{name}");
            assert_eq!(kinds(&r), [NotAccepted { found }], "{name}");
        }
    }

    #[test]
    fn a_photo_too_large_is_scaled_down_and_its_copy_says_so() {
        let tight = Limits { max_file_bytes: 10, max_dossier_bytes: 100 };
        let photo = check_file("anh.png", &tiny_jpeg(4000, 3000), &tight);
        assert!(photo.scale_down(), "{:?}", photo.problems);
        assert!(!check_file("scan.pdf", &pdf(1), &tight).scale_down(), "a PDF is never redrawn");
        // The copy is a JPEG still named .png: hoso made it, so no renamed warning.
        let copy = check_file("anh.png", &tiny_jpeg(2000, 1500), &Limits::default()).of_scaled_copy(photo.size);
        assert_eq!(copy.problems, [Scaled { original: photo.size, scaled: copy.size }]);
    }

    #[test]
    fn a_renamed_file_is_accepted_for_what_it_really_is() {
        let r = check_file("so-ho-khau.pdf", &tiny_jpeg(2000, 1500), &Limits::default());
        assert_eq!(r.kind, FileKind::Jpeg);
        assert!(!r.refused());
        assert_eq!(kinds(&r), [Renamed { extension: "pdf".into(), claimed: FileKind::Pdf, found: FileKind::Jpeg }]);
    }

    #[test]
    fn a_small_photo_is_a_warning_not_a_refusal() {
        let r = check_file("cccd.jpg", &tiny_jpeg(640, 480), &Limits::default());
        assert!(!r.refused());
        assert_eq!(kinds(&r), [SmallImage { width: 640, height: 480, min: MIN_LONG_SIDE }]);
    }

    #[test]
    fn a_pdf_with_a_page_tree_but_no_page_is_not_a_paper() {
        let r = check_file("trong.pdf", &pdf::tests::simple(0), &Limits::default());
        assert_eq!(kinds(&r), [NoPages]);
        assert!(r.refused());
    }

    #[test]
    fn every_problem_has_a_sentence_and_the_report_carries_kind_level_and_sentence() {
        let r = check_file("a.jpg", &tiny_jpeg(640, 480), &Limits::default());
        let v = r.described();
        assert_eq!(v["problems"][0]["kind"], "small_image");
        assert_eq!(v["problems"][0]["level"], "warning");
        assert!(!v["problems"][0]["message"].as_str().unwrap().is_empty());
    }

    #[test]
    fn the_picker_offers_exactly_the_accepted_kinds() {
        let accept = picker_accept();
        for k in ACCEPTED {
            assert!(accept.contains(k.mime()) && accept.contains(k.extension().unwrap()), "{accept}");
        }
        assert!(!accept.contains("heic") && !accept.contains("image/*"));
    }

    #[test]
    fn dark_and_blurred_photos_are_warned_about_with_their_measures() {
        let q = image::Quality { brightness: 10.4, sharpness: 2.6 };
        assert_eq!(quality_problems(&q), [Dark { brightness: 10, min: 25 }, Blurry { sharpness: 3, min: 8 }]);
        assert!(quality_problems(&image::Quality { brightness: 60.0, sharpness: 30.0 }).is_empty());
    }

    #[test]
    fn a_portal_s_limits_are_taken_only_when_they_make_sense() {
        assert_eq!(Limits::from_megabytes(1.0, 2.0), Ok(Limits { max_file_bytes: MB, max_dossier_bytes: 2 * MB }));
        for (file, dossier) in [(5.0, 1.0), (0.0, 5.0), (-1.0, 5.0), (1.0, 20_000.0), (f64::NAN, 5.0)] {
            assert_eq!(Limits::from_megabytes(file, dossier), Err(BadLimits), "{file} {dossier}");
        }
    }

    #[test]
    fn sizes_read_the_vietnamese_way() {
        assert_eq!(human_size(1_468_006), "1,4 MB");
        assert_eq!(human_size(10 * MB), "10 MB");
        assert_eq!(human_size(1000), "1 kB");
    }

    #[test]
    fn the_address_of_a_file_is_its_sha256() {
        assert_eq!(sha256_hex(b"abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]
        /// Any bytes, also behind a real signature (a PDF header, a JPEG or PNG start, an object
        /// stream), get a report, never a panic.
        #[test]
        fn checking_never_panics(body in proptest::collection::vec(any::<u8>(), 0..600), which in 0usize..6) {
            let heads: [&[u8]; 6] = [
                b"",
                b"%PDF-1.7\n",
                b"%PDF-1.5\n1 0 obj << /Type /ObjStm /N 3 /First 9 /Filter /FlateDecode /Length 5 >>\nstream\n",
                &[0xFF, 0xD8, 0xFF, 0xC0, 0, 17],
                b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
                b"PK\x03\x04",
            ];
            let bytes = [heads[which], &body].concat();
            let r = check_file("tep.pdf", &bytes, &Limits::default());
            prop_assert!(r.size == bytes.len() as u64);
            let w = (body.len() as f64).sqrt() as usize;
            let _ = image::quality(&image::Luma { width: w, height: w, pixels: &body });
        }
    }
}
