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
    /// A 10-digit landline number under an area code changed in 2017: `number` is the same line now.
    PhoneOldAreaCode {
        old: String,
        new: String,
        number: String,
    },
    /// A 10-digit number whose prefix is not a mobile's but was a landline area code before 2017.
    PhoneOldLandline {
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
    /// Letters with marks in the address (the Vietnamese keyboard was on); what was probably meant.
    EmailAccents {
        meant: Option<String>,
    },
}

impl Problem {
    /// The sentence the person reads.
    pub fn message(&self) -> String {
        use Problem::*;
        match self {
            CccdMissing => tr!("validate.problem.hay-nhap-so-can-cuoc", "Hãy nhập số căn cước (12 chữ số, in trên thẻ căn cước hoặc CCCD).").into(),
            CccdNotDigits => tr!("validate.problem.so-can-cuoc-chi-gom", "Số căn cước chỉ gồm chữ số. Hãy xoá chữ cái và ký hiệu.").into(),
            CccdOldCmnd => tr!("validate.problem.day-co-ve-la-so", "Đây có vẻ là số chứng minh nhân dân 9 số cũ. Hãy nhập số căn cước 12 chữ số.").into(),
            CccdLength { digits } => {
                tr!("validate.problem.so-can-cuoc-phai-co", "Số căn cước phải có đúng 12 chữ số (bạn đã nhập {digits} chữ số).", digits = digits)
            }
            CccdProvince { code } => tr!(
                "validate.problem.3-so-dau-khong-phai",
                "3 số đầu «{code}» không phải mã tỉnh, thành phố nơi đăng ký khai sinh. Hãy kiểm tra lại số trên thẻ.",
                code = code
            ),
            CccdFutureYear { year } => tr!(
                "validate.problem.so-can-cuoc-cho-nam",
                "Số căn cước cho năm sinh {year}, là năm trong tương lai. Hãy kiểm tra chữ số thứ 4 đến thứ 6.",
                year = year
            ),
            CccdBirthYear { id_year, entered } => {
                tr!(
                    "validate.problem.so-can-cuoc-cho-nam-2",
                    "Số căn cước cho năm sinh {id_year}, nhưng ngày sinh đã nhập là năm {entered}. Hãy kiểm tra lại một trong hai.",
                    id_year = id_year,
                    entered = entered
                )
            }
            CccdSex { id_sex, entered } => {
                tr!(
                    "validate.problem.cccd-sex",
                    "Số căn cước là của người giới tính {id_sex}, nhưng giới tính đã chọn là {entered}. Hãy kiểm tra lại.",
                    id_sex = sex_label(*id_sex),
                    entered = sex_label(*entered)
                )
            }
            MstMissing => tr!(
                "validate.problem.hay-nhap-ma-so-thue",
                "Hãy nhập mã số thuế (10 chữ số, chi nhánh thêm «-» và 3 chữ số; cá nhân dùng số căn cước 12 chữ số)."
            )
            .into(),
            MstNotDigits => {
                tr!("validate.problem.ma-so-thue-chi-gom", "Mã số thuế chỉ gồm chữ số (chi nhánh có thêm dấu «-»). Hãy xoá chữ cái và ký hiệu.").into()
            }
            MstPersonal { id } => tr!("validate.problem.mst-personal", "Mã số thuế cá nhân là số căn cước 12 chữ số. {problem}", problem = id.message()),
            MstLength { digits } => {
                tr!("validate.problem.ma-so-thue-co-10", "Mã số thuế có 10 chữ số (bạn đã nhập {digits}). Cá nhân dùng số căn cước 12 chữ số.", digits = digits)
            }
            MstCheckDigit => tr!(
                "validate.problem.ma-so-thue-khong-dung",
                "Mã số thuế không đúng: chữ số kiểm tra (số cuối) không khớp. Có thể gõ nhầm một chữ số; hãy đối chiếu với giấy tờ thuế."
            )
            .into(),
            MstBranch => tr!("validate.problem.ma-so-thue-chi-nhanh", "Mã số thuế chi nhánh có dạng 10 chữ số, dấu «-», rồi 3 chữ số từ 001 đến 999.").into(),
            PhoneMissing => tr!("validate.problem.hay-nhap-so-dien-thoai", "Hãy nhập số điện thoại, ví dụ 0912 345 678.").into(),
            PhoneForeign => {
                tr!("validate.problem.chi-nhan-so-dien-thoai", "Chỉ nhận số điện thoại Việt Nam (+84). Số nước ngoài hãy ghi ở phần ghi chú.").into()
            }
            PhoneNotDigits => tr!("validate.problem.so-dien-thoai-chi-gom", "Số điện thoại chỉ gồm chữ số. Hãy xoá chữ cái và ký hiệu.").into(),
            PhoneNoZero => tr!("validate.problem.so-dien-thoai-viet-nam", "Số điện thoại Việt Nam bắt đầu bằng 0 (hoặc +84).").into(),
            PhoneFixedLength { digits } => {
                tr!("validate.problem.so-may-ban-co-11", "Số máy bàn có 11 chữ số, gồm mã vùng 02x (bạn đã nhập {digits}).", digits = digits)
            }
            PhoneMobileLength { digits } => tr!(
                "validate.problem.so-di-dong-co-10",
                "Số di động có 10 chữ số (bạn đã nhập {digits}). Số đầu 01x cũ đã đổi sang 03x, 05x, 07x, 08x.",
                digits = digits
            ),
            PhonePrefix { prefix } => {
                tr!("validate.problem.dau-so-khong-phai-dau", "Đầu số «{prefix}» không phải đầu số di động Việt Nam. Hãy kiểm tra lại.", prefix = prefix)
            }
            PhoneAreaCode { code } => {
                tr!("validate.problem.khong-phai-ma-vung-dien", "«{code}» không phải mã vùng điện thoại cố định ở Việt Nam. Hãy kiểm tra lại.", code = code)
            }
            PhoneOldAreaCode { old, new, number } => tr!(
                "validate.problem.phone-old-area-code",
                "Mã vùng «{old}» đã đổi thành «{new}» từ năm 2017, và số máy bàn nay có 11 chữ số. Số này nay là {number}: hãy nhập số mới.",
                old = old,
                new = new,
                number = number
            ),
            PhoneOldLandline { code } => tr!(
                "validate.problem.phone-old-landline",
                "Đầu số «{code}» không phải đầu số di động. Nếu đây là số máy bàn cũ: từ năm 2017 mã vùng bắt đầu bằng 02 và số máy bàn có 11 chữ số. Hãy nhập số mới.",
                code = code
            ),
            NameMissing => tr!("validate.problem.hay-nhap-ho-va-ten", "Hãy nhập họ và tên, ví dụ: Nguyễn Văn An.").into(),
            NameTooLong { max } => tr!("validate.problem.ho-va-ten-dai-qua", "Họ và tên dài quá {max} ký tự. Hãy kiểm tra lại.", max = max),
            NameDigits { meant } => {
                let hint = meant
                    .as_ref()
                    .map(|h| tr!("validate.problem.co-phai-ban-dinh-go", " Có phải bạn định gõ «{h}»? Hãy bật bộ gõ tiếng Việt.", h = h))
                    .unwrap_or_default();
                tr!("validate.problem.ho-va-ten-khong-co", "Họ và tên không có chữ số.{hint}", hint = hint)
            }
            NameSymbol { symbol } => tr!(
                "validate.problem.ho-va-ten-khong-co-2",
                "Họ và tên không có ký hiệu «{symbol}». Chỉ dùng chữ cái, khoảng trắng và dấu nháy (như H'Hen).",
                symbol = symbol
            ),
            NameTelex { word, meant } => tr!(
                "validate.problem.co-ve-duoc-go-khi",
                "«{word}» có vẻ được gõ khi chưa bật bộ gõ tiếng Việt (có lẽ là «{meant}»). Hãy bật bộ gõ rồi nhập lại.",
                word = word,
                meant = meant
            ),
            EmailMissing => tr!("validate.problem.hay-nhap-dia-chi-thu", "Hãy nhập địa chỉ thư điện tử, ví dụ ten@example.com.").into(),
            EmailSpace => tr!("validate.problem.dia-chi-thu-dien-tu", "Địa chỉ thư điện tử không có khoảng trắng.").into(),
            EmailNoAt => tr!("validate.problem.dia-chi-thu-dien-tu-2", "Địa chỉ thư điện tử cần có dấu @, ví dụ ten@example.com.").into(),
            EmailShape => tr!("validate.problem.dia-chi-thu-dien-tu-3", "Địa chỉ thư điện tử có dạng ten@tenmien.vn, chỉ một dấu @.").into(),
            EmailDomain => tr!("validate.problem.ten-mien-sau-dau-chua", "Tên miền sau dấu @ chưa đúng (ví dụ gmail.com, yahoo.com.vn).").into(),
            EmailTooLong => tr!("validate.problem.dia-chi-thu-dien-tu-4", "Địa chỉ thư điện tử quá dài.").into(),
            EmailAccents { meant: Some(meant) } => tr!(
                "validate.problem.email-accents-meant",
                "Địa chỉ thư điện tử không có chữ có dấu: có lẽ là «{meant}». Hãy tắt bộ gõ tiếng Việt khi gõ địa chỉ.",
                meant = meant
            ),
            EmailAccents { meant: None } => {
                tr!("validate.problem.email-accents", "Địa chỉ thư điện tử không có chữ có dấu. Hãy tắt bộ gõ tiếng Việt khi gõ địa chỉ.").into()
            }
        }
    }
}

/// "Nam" / "Nữ" in a sentence, in the interface's language.
fn sex_label(sex: Sex) -> &'static str {
    match sex {
        Sex::Male => tr!("validate.problem.sex-male", "Nam"),
        Sex::Female => tr!("validate.problem.sex-female", "Nữ"),
    }
}
