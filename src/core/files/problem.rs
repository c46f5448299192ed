//! What hoso finds in a file, as data: a kind with its parameters. The sentence the person reads
//! is made from the kind ([`FileProblem::message`]); behaviour (refuse or warn, scale a photo
//! down, keep a warning when photos are combined) is decided on the kind, never on the words.
//! The kinds serialise with stable snake_case names. Stored (an attachment's warnings in a draft
//! or the package manifest) a problem is externally tagged — `"empty"`, `{"too_large": {"size":
//! …}}` — which reads back with far less code in the browser than a `kind` field (measured: the
//! internally tagged reader cost 32 kB of wasm); as it leaves hoso for people and programs
//! ([`described`]: `hoso files check`, `hosoCheckFile`) it is flat: `{"kind": "too_large",
//! "size": …, "level": …, "message": …}`.

use serde::{Deserialize, Serialize};

use super::{human_size, FileKind};

/// Whether a problem stops the file from being attached.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The file cannot be attached.
    Refused,
    /// Attached, with something the person should look at.
    Warning,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileProblem {
    /// 0 bytes.
    Empty,
    /// A type the receiving offices do not accept (HEIC, Word, archives, programs…).
    NotAccepted { found: FileKind },
    /// Over the per-file limit.
    TooLarge { found: FileKind, size: u64, limit: u64 },
    /// A PDF with no object in it.
    PdfBroken,
    /// Written or downloaded only in part.
    CutOff { found: FileKind },
    /// A PDF that asks for a password before it opens.
    Password,
    /// A PDF with only an owner password: it opens without one, printing or copying may be
    /// restricted.
    Restricted,
    /// A PDF whose pages hoso could not count.
    PagesUnknown,
    /// A PDF with no page at all.
    NoPages,
    /// A JPEG or PNG whose size cannot be read.
    ImageBroken { found: FileKind },
    /// Smaller than [`super::MIN_LONG_SIDE`] on its longer side.
    SmallImage { width: u32, height: u32, min: u32 },
    /// The name's extension says one type, the bytes another.
    Renamed { extension: String, claimed: FileKind, found: FileKind },
    /// Brightness (0–100) under the threshold.
    Dark { brightness: u8, min: u8 },
    /// Sharpness (0–100) under the threshold.
    Blurry { sharpness: u8, min: u8 },
    /// A photo over the limit, scaled down by hoso (the original is kept).
    Scaled { original: u64, scaled: u64 },
    /// Photos made smaller so that the PDF combining them fits the limit.
    Recompressed { side: u32, limit: u64 },
    /// The device could not read the file.
    Unreadable,
    /// The browser could not open or convert the picture.
    CannotConvert,
    /// The file checker (the app's web worker) could not start.
    CheckerUnavailable,
    /// The same file is already in the dossier.
    Duplicate { name: String, paper: String },
    /// Attaching it would pass the dossier's limit.
    DossierFull { limit: u64, used: u64, size: u64 },
    /// "Combine" with no photo.
    NothingToCombine,
    /// Photos combined into one PDF stay over the limit even made small.
    CombinedTooLarge { photos: usize, size: u64, limit: u64 },
}

impl FileProblem {
    pub fn level(&self) -> Level {
        use FileProblem::*;
        match self {
            Restricted | PagesUnknown | SmallImage { .. } | Renamed { .. } | Dark { .. } | Blurry { .. } | Scaled { .. } | Recompressed { .. } => {
                Level::Warning
            }
            _ => Level::Refused,
        }
    }

    pub fn refuses(&self) -> bool {
        self.level() == Level::Refused
    }

    /// Made by hoso about a copy it made itself (not a fault of the person's file): not carried
    /// over from photos to the PDF combining them.
    pub fn about_a_copy(&self) -> bool {
        matches!(self, FileProblem::Scaled { .. } | FileProblem::Recompressed { .. } | FileProblem::Renamed { .. })
    }

    /// The sentence the person reads: what is wrong and what to do.
    pub fn message(&self) -> String {
        use FileProblem::*;
        match self {
            Empty => tr!("files.problem.tep-trong-0-byte-co", "Tệp trống (0 byte): có lẽ tải hoặc chép chưa xong. Hãy chọn lại tệp gốc.").into(),
            NotAccepted { found } => not_accepted(*found).into(),
            TooLarge { found, size, limit } => {
                let tip = if found.is_image() {
                    tr!("files.problem.hoso-se-thu-thu-nho", "hoso sẽ thử thu nhỏ ảnh")
                } else {
                    tr!("files.problem.hay-quet-lai-o-do", "hãy quét lại ở độ phân giải thấp hơn (200 dpi là đủ) hoặc tách thành nhiều tệp")
                };
                tr!(
                    "files.problem.too-large",
                    "Tệp quá lớn ({size}), vượt giới hạn {limit} mỗi tệp: {tip}.",
                    size = human_size(*size),
                    limit = human_size(*limit),
                    tip = tip
                )
            }
            PdfBroken => tr!("files.problem.tep-pdf-bi-hong-khong", "Tệp PDF bị hỏng, không có nội dung đọc được. Hãy xuất hoặc quét lại.").into(),
            CutOff { found: FileKind::Pdf } => {
                tr!("files.problem.tep-pdf-bi-cat-cut", "Tệp PDF bị cắt cụt (tải hoặc chép chưa xong). Hãy tải lại hoặc chép lại tệp gốc.").into()
            }
            CutOff { .. } => {
                tr!("files.problem.anh-bi-cat-cut-tai", "Ảnh bị cắt cụt (tải hoặc chép chưa xong), phần dưới sẽ bị mất. Hãy chụp hoặc chép lại.").into()
            }
            Password => {
                tr!("files.problem.tep-pdf-co-mat-khau", "Tệp PDF có mật khẩu mở tệp: cơ quan tiếp nhận không mở được. Hãy lưu lại bản không đặt mật khẩu.")
                    .into()
            }
            Restricted => tr!(
                "files.problem.tep-pdf-mo-duoc-khong",
                "Tệp PDF mở được không cần mật khẩu nhưng có hạn chế (in, sao chép). Cơ quan vẫn xem được; nếu cần in, hãy xin bản không hạn chế."
            )
            .into(),
            PagesUnknown => tr!("files.problem.hoso-khong-dem-duoc-so", "hoso không đếm được số trang của tệp này. Hãy mở thử để chắc tệp đọc được.").into(),
            NoPages => {
                tr!("files.problem.tep-pdf-khong-co-trang", "Tệp PDF không có trang nào đọc được: đây chưa phải một giấy tờ. Hãy xuất hoặc quét lại.").into()
            }
            ImageBroken { found } => tr!(
                "files.problem.image-broken",
                "Ảnh {kind} bị hỏng, không đọc được kích thước. Hãy chụp lại.",
                kind = if *found == FileKind::Png { "PNG" } else { "JPEG" }
            ),
            SmallImage { width, height, min } => {
                tr!(
                    "files.problem.anh-nho-diem-anh-chu",
                    "Ảnh nhỏ ({width} × {height} điểm ảnh): chữ có thể không đọc được khi in. Nên chụp lại gần hơn, cạnh dài từ {min} điểm ảnh.",
                    width = width,
                    height = height,
                    min = min
                )
            }
            Renamed { extension, claimed, found } => tr!(
                "files.problem.renamed",
                "Tên tệp có đuôi .{extension} ({claimed}) nhưng thực ra là {found}: có lẽ tệp đã bị đổi tên. hoso sẽ ghi đúng đuôi .{right} khi xuất hồ sơ.",
                extension = extension,
                claimed = claimed.name(),
                found = found.name(),
                right = found.extension().unwrap_or("")
            ),
            Dark { brightness, min } => tr!(
                "files.problem.anh-rat-toi-do-sang",
                "Ảnh rất tối (độ sáng {brightness}/100; ảnh đọc rõ thường từ {min} trở lên). Nên chụp lại ở chỗ đủ sáng.",
                brightness = brightness,
                min = min
            ),
            Blurry { sharpness, min } => {
                tr!(
                    "files.problem.anh-co-ve-bi-mo",
                    "Ảnh có vẻ bị mờ (độ nét {sharpness}/100; ảnh rõ chữ thường từ {min} trở lên). Nên giữ chắc máy, chạm để lấy nét rồi chụp lại.",
                    sharpness = sharpness,
                    min = min
                )
            }
            Scaled { original, scaled } => {
                tr!(
                    "files.problem.scaled",
                    "Ảnh gốc {original} đã được thu nhỏ còn {scaled} để vừa giới hạn; ảnh gốc vẫn được giữ trên máy.",
                    original = human_size(*original),
                    scaled = human_size(*scaled)
                )
            }
            Recompressed { side, limit } => tr!(
                "files.problem.recompressed",
                "Ảnh đã được thu nhỏ (cạnh dài {side} điểm ảnh) để tệp PDF vừa giới hạn {limit}.",
                side = side,
                limit = human_size(*limit)
            ),
            Unreadable => tr!(
                "files.problem.khong-doc-duoc-tep-tren",
                "Không đọc được tệp trên máy (có thể tệp đã bị xoá, di chuyển hoặc đang mở ở chương trình khác). Hãy chọn lại."
            )
            .into(),
            CannotConvert => {
                tr!("files.problem.trinh-duyet-khong-mo-hoac", "Trình duyệt không mở hoặc không thu nhỏ được ảnh này: ảnh có thể bị hỏng. Hãy chụp lại.").into()
            }
            CheckerUnavailable => tr!(
                "files.problem.hoso-chua-kiem-tra-duoc",
                "hoso chưa kiểm tra được tệp trên máy này (bộ kiểm tra tệp không khởi động được). Hãy kiểm tra kết nối mạng rồi thử lại."
            )
            .into(),
            Duplicate { name, paper } => tr!(
                "files.problem.tep-nay-da-duoc-dinh",
                "Tệp này đã được đính kèm (tệp «{name}» ở mục «{paper}»). Không cần đính kèm lại.",
                name = name,
                paper = paper
            ),
            DossierFull { limit, used, size } => tr!(
                "files.problem.dossier-full",
                "Hồ sơ sẽ vượt giới hạn {limit} (đã dùng {used}, tệp này {size}). Hãy thu nhỏ hoặc bỏ bớt tệp.",
                limit = human_size(*limit),
                used = human_size(*used),
                size = human_size(*size)
            ),
            NothingToCombine => tr!("files.problem.chua-co-anh-nao-de", "Chưa có ảnh nào để gộp.").into(),
            CombinedTooLarge { photos, size, limit } => tr!(
                "files.problem.combined-too-large",
                "{photos} ảnh gộp lại vẫn quá lớn ({size}, giới hạn {limit} mỗi tệp) dù đã thu nhỏ. Hãy gộp thành nhiều tệp, mỗi tệp ít ảnh hơn.",
                photos = photos,
                size = human_size(*size),
                limit = human_size(*limit)
            ),
        }
    }
}

fn not_accepted(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Heic => tr!("files.problem.anh-heic-anh-chup-tu", "Ảnh HEIC (ảnh chụp từ iPhone) chưa được cơ quan tiếp nhận mở được. Hãy chụp lại bằng nút «Chụp ảnh», hoặc trên iPhone chọn Cài đặt › Camera › Định dạng › Tương thích nhất."),
        FileKind::OtherImage => tr!("files.problem.chi-nhan-anh-jpeg-hoac", "Chỉ nhận ảnh JPEG hoặc PNG. Hãy lưu ảnh thành JPEG (hoặc chụp lại bằng nút «Chụp ảnh») rồi đính kèm."),
        FileKind::Office => tr!("files.problem.chua-nhan-tep-word-excel", "Chưa nhận tệp Word, Excel. Hãy mở tệp, chọn Tệp › Lưu thành › PDF rồi đính kèm tệp PDF."),
        FileKind::OfficeMacro => tr!("files.problem.tep-office-loai-nay-co", "Tệp Office loại này có thể chứa macro (mã lệnh tự chạy) nên không được nhận. Hãy lưu thành PDF rồi đính kèm."),
        FileKind::Archive => tr!("files.problem.khong-nhan-tep-nen-zip", "Không nhận tệp nén (.zip, .rar…). Hãy giải nén và đính kèm từng giấy tờ dạng PDF hoặc ảnh."),
        FileKind::Executable => tr!("files.problem.day-la-tep-chuong-trinh", "Đây là tệp chương trình, không phải giấy tờ, và có thể chứa mã độc: không nhận. Đừng mở tệp này."),
        FileKind::Script => tr!("files.problem.day-la-tep-ma-lenh", "Đây là tệp mã lệnh hoặc trang web, không phải giấy tờ: không nhận vì có thể nguy hiểm."),
        FileKind::Pdf | FileKind::Jpeg | FileKind::Png | FileKind::Unknown => tr!("files.problem.hoso-khong-nhan-ra-loai", "hoso không nhận ra loại tệp này. Hãy đính kèm tệp PDF hoặc ảnh JPEG, PNG."),
    }
}

/// A problem as it leaves hoso for a person or a program (`hoso files check`, `hosoCheckFile`):
/// `{"kind": …, …parameters, "level": …, "message": …}`.
pub fn described(p: &FileProblem) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    match serde_json::to_value(p).unwrap_or_default() {
        serde_json::Value::String(kind) => {
            out.insert("kind".into(), kind.into());
        }
        serde_json::Value::Object(tagged) => {
            for (kind, params) in tagged {
                out.insert("kind".into(), kind.into());
                out.extend(params.as_object().cloned().unwrap_or_default());
            }
        }
        _ => {}
    }
    out.insert("level".into(), serde_json::to_value(p.level()).unwrap_or_default());
    out.insert("message".into(), p.message().into());
    serde_json::Value::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_serialise_with_stable_names_and_come_back_the_same() {
        let p = FileProblem::TooLarge { found: FileKind::Jpeg, size: 12, limit: 10 };
        assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"too_large":{"found":"jpeg","size":12,"limit":10}}"#);
        assert_eq!(serde_json::from_str::<FileProblem>(r#""empty""#).unwrap(), FileProblem::Empty);
        assert_eq!(serde_json::from_str::<FileProblem>(&serde_json::to_string(&p).unwrap()).unwrap(), p);
        let out = described(&p);
        assert_eq!((out["kind"].as_str(), out["size"].as_u64(), out["level"].as_str()), (Some("too_large"), Some(12), Some("refused")));
        assert_eq!(described(&FileProblem::Empty)["kind"], "empty");
    }

    #[test]
    fn an_owner_password_only_warns_and_a_password_to_open_refuses() {
        assert_eq!(FileProblem::Restricted.level(), Level::Warning);
        assert_eq!(FileProblem::Password.level(), Level::Refused);
    }
}
