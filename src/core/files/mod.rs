//! Files attached to a dossier, checked on the device: what they really are, whether they are
//! whole and readable, and whether they fit the limits. Nothing here reads a disk or a network:
//! the browser adapter (`web::files`) hands in bytes, and for photos a small grey copy.
//!
//! Every refusal says why and what to do; warnings explain and let the person decide.

pub mod combine;
pub mod image;
pub mod pdf;
pub mod sniff;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use sniff::{claimed_kind, extension, sniff, FileKind};

/// Size limits, per file and for the whole dossier: a portal can set its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    pub max_file_bytes: u64,
    pub max_dossier_bytes: u64,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The file cannot be attached.
    Refused,
    /// Attached, with something the person should look at.
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub level: Level,
    pub message: String,
}

/// What hoso found in one file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileReport {
    pub kind: FileKind,
    pub size: u64,
    pub pages: Option<u32>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub problems: Vec<Problem>,
}

impl FileReport {
    pub fn refused(&self) -> bool {
        self.problems.iter().any(|p| p.level == Level::Refused)
    }

    /// Refused only because it is too large: a photo can then be scaled down.
    pub fn only_too_large(&self) -> bool {
        self.refused() && self.problems.iter().filter(|p| p.level == Level::Refused).all(|p| p.message.starts_with(TOO_LARGE))
    }
}

const TOO_LARGE: &str = "Tệp quá lớn";

/// "1,4 MB", "820 kB".
pub fn human_size(bytes: u64) -> String {
    if bytes >= MB {
        let tenths = (bytes as f64 / MB as f64 * 10.0).round() as u64;
        if tenths % 10 == 0 { format!("{} MB", tenths / 10) } else { format!("{},{} MB", tenths / 10, tenths % 10) }
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
    let mut refuse = |m: String| r.problems.push(Problem { level: Level::Refused, message: m });
    if bytes.is_empty() {
        refuse("Tệp trống (0 byte): có lẽ tải hoặc chép chưa xong. Hãy chọn lại tệp gốc.".into());
        return r;
    }
    match kind {
        FileKind::Pdf | FileKind::Jpeg | FileKind::Png => {}
        FileKind::Heic => refuse("Ảnh HEIC (ảnh chụp từ iPhone) chưa được cơ quan tiếp nhận mở được. Hãy chụp lại bằng nút «Chụp ảnh», hoặc trên iPhone chọn Cài đặt › Camera › Định dạng › Tương thích nhất.".into()),
        FileKind::OtherImage => refuse("Chỉ nhận ảnh JPEG hoặc PNG. Hãy lưu ảnh thành JPEG (hoặc chụp lại bằng nút «Chụp ảnh») rồi đính kèm.".into()),
        FileKind::Office => refuse("Chưa nhận tệp Word, Excel. Hãy mở tệp, chọn Tệp › Lưu thành › PDF rồi đính kèm tệp PDF.".into()),
        FileKind::OfficeMacro => refuse("Tệp Office loại này có thể chứa macro (mã lệnh tự chạy) nên không được nhận. Hãy lưu thành PDF rồi đính kèm.".into()),
        FileKind::Archive => refuse("Không nhận tệp nén (.zip, .rar…). Hãy giải nén và đính kèm từng giấy tờ dạng PDF hoặc ảnh.".into()),
        FileKind::Executable => refuse("Đây là tệp chương trình, không phải giấy tờ, và có thể chứa mã độc: không nhận. Đừng mở tệp này.".into()),
        FileKind::Script => refuse("Đây là tệp mã lệnh hoặc trang web, không phải giấy tờ: không nhận vì có thể nguy hiểm.".into()),
        FileKind::Unknown => refuse("hoso không nhận ra loại tệp này. Hãy đính kèm tệp PDF hoặc ảnh JPEG, PNG.".into()),
    }
    if size > limits.max_file_bytes {
        let tip = if kind.is_image() { "hoso sẽ thử thu nhỏ ảnh" } else { "hãy quét lại ở độ phân giải thấp hơn (200 dpi là đủ) hoặc tách thành nhiều tệp" };
        refuse(format!("{TOO_LARGE} ({}), vượt giới hạn {} mỗi tệp: {tip}.", human_size(size), human_size(limits.max_file_bytes)));
    }
    match kind {
        FileKind::Pdf => {
            let info = pdf::inspect(bytes);
            r.pages = info.pages;
            if !info.has_objects {
                r.problems.push(Problem { level: Level::Refused, message: "Tệp PDF bị hỏng, không có nội dung đọc được. Hãy xuất hoặc quét lại.".into() });
            } else if !info.complete {
                r.problems.push(Problem { level: Level::Refused, message: "Tệp PDF bị cắt cụt (tải hoặc chép chưa xong). Hãy tải lại hoặc chép lại tệp gốc.".into() });
            }
            if info.encrypted {
                r.problems.push(Problem { level: Level::Refused, message: "Tệp PDF có mật khẩu hoặc bị khoá: cơ quan tiếp nhận không mở được. Hãy lưu lại bản không đặt mật khẩu.".into() });
            }
            if info.has_objects && info.complete && !info.encrypted && info.pages.is_none() {
                r.problems.push(Problem { level: Level::Warning, message: "hoso không đếm được số trang của tệp này. Hãy mở thử để chắc tệp đọc được.".into() });
            }
        }
        FileKind::Jpeg | FileKind::Png => {
            let info = if kind == FileKind::Jpeg { image::jpeg_info(bytes) } else { image::png_info(bytes) };
            match info {
                None => r.problems.push(Problem { level: Level::Refused, message: format!("Ảnh {} bị hỏng, không đọc được kích thước. Hãy chụp lại.", if kind == FileKind::Jpeg { "JPEG" } else { "PNG" }) }),
                Some(i) => {
                    (r.width, r.height) = (Some(i.width), Some(i.height));
                    if !i.complete {
                        r.problems.push(Problem { level: Level::Refused, message: "Ảnh bị cắt cụt (tải hoặc chép chưa xong), phần dưới sẽ bị mất. Hãy chụp hoặc chép lại.".into() });
                    } else if i.width.max(i.height) < MIN_LONG_SIDE {
                        r.problems.push(Problem {
                            level: Level::Warning,
                            message: format!("Ảnh nhỏ ({} × {} điểm ảnh): chữ có thể không đọc được khi in. Nên chụp lại gần hơn, cạnh dài từ {MIN_LONG_SIDE} điểm ảnh.", i.width, i.height),
                        });
                    }
                }
            }
        }
        _ => {}
    }
    if let Some(claimed) = claimed_kind(name).filter(|c| *c != kind && !r.refused()) {
        let ext = kind.extension().unwrap_or("");
        r.problems.push(Problem {
            level: Level::Warning,
            message: format!("Tên tệp có đuôi .{} ({}) nhưng thực ra là {}: có lẽ tệp đã bị đổi tên. hoso sẽ ghi đúng đuôi .{ext} khi xuất hồ sơ.", extension(name), claimed.name(), kind.name()),
        });
    }
    r
}

/// Warnings from the brightness and sharpness of a photo (see [`image::quality`]).
pub fn quality_problems(q: &image::Quality) -> Vec<Problem> {
    let mut v = Vec::new();
    if q.brightness < image::DARK_BELOW {
        v.push(Problem {
            level: Level::Warning,
            message: format!("Ảnh rất tối (độ sáng {:.0}/100; ảnh đọc rõ thường từ {:.0} trở lên). Nên chụp lại ở chỗ đủ sáng.", q.brightness, image::DARK_BELOW),
        });
    }
    if q.sharpness < image::BLURRY_BELOW {
        v.push(Problem {
            level: Level::Warning,
            message: format!("Ảnh có vẻ bị mờ (độ nét {:.0}/100; ảnh rõ chữ thường từ {:.0} trở lên). Nên giữ chắc máy, chạm để lấy nét rồi chụp lại.", q.sharpness, image::BLURRY_BELOW),
        });
    }
    v
}

/// The file's address in hoso: SHA-256, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
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

    fn pdf(pages: u32) -> Vec<u8> {
        combine::jpegs_to_pdf(&vec![&tiny_jpeg(1600, 1200)[..]; pages as usize]).unwrap()
    }

    fn messages(r: &FileReport) -> String {
        r.problems.iter().map(|p| p.message.as_str()).collect::<Vec<_>>().join(" | ")
    }

    #[test]
    fn a_good_pdf_is_accepted_with_its_page_count() {
        let r = check_file("giay-khai-sinh.pdf", &pdf(3), &Limits::default());
        assert_eq!((r.kind, r.pages, r.refused()), (FileKind::Pdf, Some(3), false), "{}", messages(&r));
        assert!(r.problems.is_empty(), "{}", messages(&r));
    }

    #[test]
    fn empty_cut_off_and_oversized_files_are_refused_with_what_to_do() {
        let limits = Limits { max_file_bytes: 500, max_dossier_bytes: 5000 };
        assert!(messages(&check_file("a.pdf", b"", &limits)).contains("Tệp trống"));
        let full = pdf(1);
        let cut = check_file("a.pdf", &full[..full.len() - 30], &Limits::default());
        assert!(cut.refused() && messages(&cut).contains("cắt cụt"), "{}", messages(&cut));
        let big = check_file("a.pdf", &full, &limits);
        assert!(big.only_too_large(), "{}", messages(&big));
        assert!(messages(&big).contains("vượt giới hạn 1 kB"), "{}", messages(&big));
        let photo = check_file("a.jpg", &tiny_jpeg(3000, 4000), &Limits { max_file_bytes: 10, max_dossier_bytes: 10 });
        assert!(photo.only_too_large() && messages(&photo).contains("thu nhỏ ảnh"));
    }

    #[test]
    fn programs_archives_and_macros_are_refused_and_heic_is_explained() {
        for (name, bytes, says) in [
            ("setup.exe", &b"MZ\x90\0"[..], "tệp chương trình"),
            ("giay-to.zip", b"PK\x03\x04\x14\0\0\0scan.pdf", "tệp nén"),
            ("don.docm", b"PK\x03\x04[Content_Types].xml word/vbaProject.bin", "macro"),
            ("don.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0", "macro"),
            ("IMG_0001.HEIC", b"\0\0\0\x18ftypheic\0\0\0\0mif1heic", "iPhone"),
            ("don.docx", b"PK\x03\x04[Content_Types].xml word/document.xml", "Lưu thành › PDF"),
        ] {
            let r = check_file(name, bytes, &Limits::default());
            assert!(r.refused() && messages(&r).contains(says), "{name}: {}", messages(&r));
        }
    }

    #[test]
    fn a_renamed_file_is_accepted_for_what_it_really_is() {
        let r = check_file("so-ho-khau.pdf", &tiny_jpeg(2000, 1500), &Limits::default());
        assert_eq!(r.kind, FileKind::Jpeg);
        assert!(!r.refused());
        assert!(messages(&r).contains("đuôi .pdf") && messages(&r).contains("đuôi .jpg"), "{}", messages(&r));
    }

    #[test]
    fn a_small_photo_is_a_warning_not_a_refusal() {
        let r = check_file("cccd.jpg", &tiny_jpeg(640, 480), &Limits::default());
        assert!(!r.refused());
        assert!(messages(&r).contains("640 × 480"), "{}", messages(&r));
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
