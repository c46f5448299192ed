//! Why a typed value was refused, as data: a kind with its parameters. The sentence (what is
//! wrong, what to do) is made from the kind by [`Problem::message`]; nothing decides anything on
//! the words. Kinds serialise with stable snake_case names for `hoso check`, `hosoValidate` and
//! the package manifest.

use serde::Serialize;

use super::Sex;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Problem {
    CccdMissing,
    CccdNotDigits,
    /// Nine digits: the old identity card (CMND).
    CccdOldCmnd,
    CccdLength {
        digits: usize,
    },
    CccdProvince {
        code: String,
    },
    CccdFutureYear {
        year: i32,
    },
    /// The ID's birth year against the date of birth entered.
    CccdBirthYear {
        id_year: i32,
        entered: i32,
    },
    /// The ID's sex against the sex chosen.
    CccdSex {
        id_sex: Sex,
        entered: Sex,
    },

    MstMissing,
    MstNotDigits,
    /// A 12-digit personal tax code that is not a valid personal ID.
    MstPersonal {
        id: Box<Problem>,
    },
    MstLength {
        digits: usize,
    },
    MstCheckDigit,
    MstBranch,

    PhoneMissing,
    PhoneForeign,
    PhoneNotDigits,
    PhoneNoZero,
    PhoneFixedLength {
        digits: usize,
    },
    PhoneMobileLength {
        digits: usize,
    },
    PhonePrefix {
        prefix: String,
    },
    /// An 11-digit 02x number whose area code does not exist.
    PhoneAreaCode {
        code: String,
    },

    NameMissing,
    NameTooLong {
        max: usize,
    },
    /// Digits in a name; `meant` is the name a VNI keyboard left-over probably stands for.
    NameDigits {
        meant: Option<String>,
    },
    NameSymbol {
        symbol: char,
    },
    /// A word typed with the Vietnamese keyboard off (Telex keys left in it).
    NameTelex {
        word: String,
        meant: String,
    },

    EmailMissing,
    EmailSpace,
    EmailNoAt,
    EmailShape,
    EmailDomain,
    EmailTooLong,
}

impl Problem {
    /// The sentence the person reads.
    pub fn message(&self) -> String {
        use Problem::*;
        match self {
            CccdMissing => "Hãy nhập số căn cước (12 chữ số, in trên thẻ căn cước hoặc CCCD).".into(),
            CccdNotDigits => "Số căn cước chỉ gồm chữ số. Hãy xoá chữ cái và ký hiệu.".into(),
            CccdOldCmnd => "Đây có vẻ là số chứng minh nhân dân 9 số cũ. Hãy nhập số căn cước 12 chữ số.".into(),
            CccdLength { digits } => format!("Số căn cước phải có đúng 12 chữ số (bạn đã nhập {digits} chữ số)."),
            CccdProvince { code } => format!("3 số đầu «{code}» không phải mã tỉnh, thành phố nơi đăng ký khai sinh. Hãy kiểm tra lại số trên thẻ."),
            CccdFutureYear { year } => format!("Số căn cước cho năm sinh {year}, là năm trong tương lai. Hãy kiểm tra chữ số thứ 4 đến thứ 6."),
            CccdBirthYear { id_year, entered } => {
                format!("Số căn cước cho năm sinh {id_year}, nhưng ngày sinh đã nhập là năm {entered}. Hãy kiểm tra lại một trong hai.")
            }
            CccdSex { id_sex, entered } => {
                format!("Số căn cước là của người giới tính {}, nhưng giới tính đã chọn là {}. Hãy kiểm tra lại.", id_sex.label_vi(), entered.label_vi())
            }
            MstMissing => "Hãy nhập mã số thuế (10 chữ số, chi nhánh thêm «-» và 3 chữ số; cá nhân dùng số căn cước 12 chữ số).".into(),
            MstNotDigits => "Mã số thuế chỉ gồm chữ số (chi nhánh có thêm dấu «-»). Hãy xoá chữ cái và ký hiệu.".into(),
            MstPersonal { id } => format!("Mã số thuế cá nhân là số căn cước 12 chữ số. {}", id.message()),
            MstLength { digits } => format!("Mã số thuế có 10 chữ số (bạn đã nhập {digits}). Cá nhân dùng số căn cước 12 chữ số."),
            MstCheckDigit => "Mã số thuế không đúng: chữ số kiểm tra (số cuối) không khớp. Có thể gõ nhầm một chữ số; hãy đối chiếu với giấy tờ thuế.".into(),
            MstBranch => "Mã số thuế chi nhánh có dạng 10 chữ số, dấu «-», rồi 3 chữ số từ 001 đến 999.".into(),
            PhoneMissing => "Hãy nhập số điện thoại, ví dụ 0912 345 678.".into(),
            PhoneForeign => "Chỉ nhận số điện thoại Việt Nam (+84). Số nước ngoài hãy ghi ở phần ghi chú.".into(),
            PhoneNotDigits => "Số điện thoại chỉ gồm chữ số. Hãy xoá chữ cái và ký hiệu.".into(),
            PhoneNoZero => "Số điện thoại Việt Nam bắt đầu bằng 0 (hoặc +84).".into(),
            PhoneFixedLength { digits } => format!("Số máy bàn có 11 chữ số, gồm mã vùng 02x (bạn đã nhập {digits})."),
            PhoneMobileLength { digits } => format!("Số di động có 10 chữ số (bạn đã nhập {digits}). Số đầu 01x cũ đã đổi sang 03x, 05x, 07x, 08x."),
            PhonePrefix { prefix } => format!("Đầu số «{prefix}» không phải đầu số di động Việt Nam. Hãy kiểm tra lại."),
            PhoneAreaCode { code } => format!("«{code}» không phải mã vùng điện thoại cố định ở Việt Nam. Hãy kiểm tra lại."),
            NameMissing => "Hãy nhập họ và tên, ví dụ: Nguyễn Văn An.".into(),
            NameTooLong { max } => format!("Họ và tên dài quá {max} ký tự. Hãy kiểm tra lại."),
            NameDigits { meant } => {
                let hint = meant.as_ref().map(|h| format!(" Có phải bạn định gõ «{h}»? Hãy bật bộ gõ tiếng Việt.")).unwrap_or_default();
                format!("Họ và tên không có chữ số.{hint}")
            }
            NameSymbol { symbol } => format!("Họ và tên không có ký hiệu «{symbol}». Chỉ dùng chữ cái, khoảng trắng và dấu nháy (như H'Hen)."),
            NameTelex { word, meant } => format!("«{word}» có vẻ được gõ khi chưa bật bộ gõ tiếng Việt (có lẽ là «{meant}»). Hãy bật bộ gõ rồi nhập lại."),
            EmailMissing => "Hãy nhập địa chỉ thư điện tử, ví dụ ten@example.com.".into(),
            EmailSpace => "Địa chỉ thư điện tử không có khoảng trắng.".into(),
            EmailNoAt => "Địa chỉ thư điện tử cần có dấu @, ví dụ ten@example.com.".into(),
            EmailShape => "Địa chỉ thư điện tử có dạng ten@tenmien.vn, chỉ một dấu @.".into(),
            EmailDomain => "Tên miền sau dấu @ chưa đúng (ví dụ gmail.com, yahoo.com.vn).".into(),
            EmailTooLong => "Địa chỉ thư điện tử quá dài.".into(),
        }
    }
}
