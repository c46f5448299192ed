//! The QR code on the front of a chip-based căn cước / CCCD card: the holder's data as text, fields
//! separated by `|`, read by banking and telecom apps. Typing a full name with diacritics, a
//! 12-digit number and a pre-2025 address is where people make most mistakes; reading them from
//! the card avoids typing them at all.
//!
//! Layouts hoso reads (each field as printed on the card):
//! - **CCCD gắn chip (2021–2024)**, seven fields: số định danh | số CMND cũ (empty when there was
//!   none) | họ, chữ đệm và tên | ngày sinh `ddmmyyyy` | giới tính (`Nam`/`Nữ`) | nơi thường trú |
//!   ngày cấp `ddmmyyyy`.
//! - **Căn cước (from 1 July 2024)**: the same seven, the address being "nơi cư trú", and empty
//!   fields after them on some cards (as readers see them: `…|01072024||`).
//!
//! Anything else (more filled fields, fewer fields) is refused as an unknown layout, never guessed.
//! The ID goes through the CCCD rules (`check_cccd`) and its century/sex and year digits must agree
//! with the printed sex and date of birth: a code that does not is not a card's.

use serde::Serialize;

use super::cccd::{check_cccd, cross_check, Sex};
use super::Problem;
use crate::core::calendar::Date;
use crate::core::text::clean;

/// The largest payload read (a card's code is a few hundred bytes).
pub const MAX_PAYLOAD: usize = 2048;

/// What a card's QR code says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardData {
    /// The 12-digit personal ID.
    pub id: String,
    /// The 9-digit CMND the card replaced, when there was one.
    pub old_id: Option<String>,
    /// As printed (NFC, spaces cleaned).
    pub name: String,
    pub birth: Date,
    pub sex: Sex,
    /// Nơi thường trú / nơi cư trú as printed: usually the three-level address of before 2025.
    pub address: String,
    pub issued: Date,
}

/// Why a scanned code cannot fill the form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CardProblem {
    /// Not a card's code at all (a web address, a payment code…).
    NotCardCode,
    /// Fields separated by `|`, but not as any card hoso knows lays them out.
    UnknownLayout {
        fields: usize,
    },
    /// The number fails the CCCD rules.
    BadId {
        problem: Problem,
    },
    /// The number's digits disagree with the printed date of birth or sex.
    IdMismatch {
        problems: Vec<Problem>,
    },
    /// A date that cannot be (`31022001`), or not `ddmmyyyy`.
    BadDate {
        field: DateField,
        text: String,
    },
    /// A card issued before its holder was born.
    IssuedBeforeBirth {
        birth: Date,
        issued: Date,
    },
    /// Neither "Nam" nor "Nữ".
    BadSex {
        text: String,
    },
    NoName,
    TooLong {
        bytes: usize,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateField {
    Birth,
    Issued,
}

impl CardProblem {
    pub fn message(&self) -> String {
        match self {
            CardProblem::NotCardCode | CardProblem::TooLong { .. } => {
                tr!("validate.cccd_qr.ma-qr-nay-khong-phai", "Mã QR này không phải mã trên căn cước (CCCD). Hãy quét mã QR ở mặt trước thẻ căn cước gắn chip.")
                    .into()
            }
            CardProblem::UnknownLayout { fields } => tr!(
                "validate.cccd_qr.ma-qr-co-truong-thong",
                "Mã QR có {fields} trường thông tin, không giống mẫu căn cước hoso biết, nên hoso không tự điền để tránh điền sai. Hãy nhập tay các thông tin.",
                fields = fields
            ),
            CardProblem::BadId { problem } => tr!("validate.cccd_qr.bad-id", "Số định danh trong mã QR không hợp lệ: {problem}", problem = problem.message()),
            CardProblem::IdMismatch { .. } => tr!(
                "validate.cccd_qr.so-dinh-danh-trong-ma",
                "Số định danh trong mã QR không khớp với ngày sinh hoặc giới tính in cùng mã, nên đây không phải mã của một thẻ căn cước thật. Hãy nhập tay."
            )
            .into(),
            CardProblem::BadDate { field, text } => tr!(
                "validate.cccd_qr.bad-date",
                "{field} trong mã QR («{text}») không phải một ngày có thật. Hãy nhập tay.",
                text = text,
                field = match field {
                    DateField::Birth => tr!("validate.cccd_qr.ngay-sinh", "Ngày sinh"),
                    DateField::Issued => tr!("validate.cccd_qr.ngay-cap", "Ngày cấp"),
                }
            ),
            CardProblem::IssuedBeforeBirth { birth, issued } => tr!(
                "validate.cccd_qr.issued-before-birth",
                "Ngày cấp trong mã QR ({issued}) trước ngày sinh ({birth}), nên đây không phải mã của một thẻ căn cước thật. Hãy nhập tay.",
                issued = issued.to_vn(),
                birth = birth.to_vn()
            ),
            CardProblem::BadSex { text } => {
                tr!("validate.cccd_qr.gioi-tinh-trong-ma-qr", "Giới tính trong mã QR («{text}») không đọc được. Hãy nhập tay.", text = text)
            }
            CardProblem::NoName => tr!("validate.cccd_qr.ma-qr-khong-co-ho", "Mã QR không có họ tên. Hãy nhập tay.").into(),
        }
    }
}

/// A `ddmmyyyy` date.
fn date(text: &str, field: DateField) -> Result<Date, CardProblem> {
    let bad = || CardProblem::BadDate { field, text: text.to_string() };
    if text.len() != 8 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let n = |r: std::ops::Range<usize>| text[r].parse::<u16>().map_err(|_| bad());
    Date::new(i32::from(n(4..8)?), n(2..4)? as u8, n(0..2)? as u8).ok_or_else(bad)
}

/// Reads a card's QR payload; `today` refuses a birth or issue date in the future.
pub fn read_card_qr(payload: &str, today: Date) -> Result<CardData, CardProblem> {
    if payload.len() > MAX_PAYLOAD {
        return Err(CardProblem::TooLong { bytes: payload.len() });
    }
    let payload = payload.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    let mut fields: Vec<&str> = payload.split('|').map(str::trim).collect();
    let first_is_id = fields.first().is_some_and(|f| f.len() == 12 && f.bytes().all(|b| b.is_ascii_digit()));
    if fields.len() < 2 || !first_is_id {
        return Err(CardProblem::NotCardCode);
    }
    // The căn cước of 2024: empty fields after the seven.
    while fields.len() > 7 && fields.last().is_some_and(|f| f.is_empty()) {
        fields.pop();
    }
    if fields.len() != 7 {
        return Err(CardProblem::UnknownLayout { fields: fields.len() });
    }
    let id = check_cccd(fields[0], Some(today)).map_err(|problem| CardProblem::BadId { problem })?;
    let old_id = match fields[1] {
        "" => None,
        old if old.len() == 9 && old.bytes().all(|b| b.is_ascii_digit()) => Some(old.to_string()),
        _ => return Err(CardProblem::UnknownLayout { fields: 7 }),
    };
    let name = clean(fields[2]);
    if name.is_empty() {
        return Err(CardProblem::NoName);
    }
    let birth = date(fields[3], DateField::Birth)?;
    let sex = match crate::core::text::fold(fields[4]).as_str() {
        "nam" => Sex::Male,
        "nu" => Sex::Female,
        _ => return Err(CardProblem::BadSex { text: fields[4].to_string() }),
    };
    let issued = date(fields[6], DateField::Issued)?;
    for (d, field) in [(birth, DateField::Birth), (issued, DateField::Issued)] {
        if d > today {
            return Err(CardProblem::BadDate { field, text: fields[if field == DateField::Birth { 3 } else { 6 }].to_string() });
        }
    }
    if issued < birth {
        return Err(CardProblem::IssuedBeforeBirth { birth, issued });
    }
    let problems = cross_check(&id, Some(birth), Some(sex));
    if !problems.is_empty() {
        return Err(CardProblem::IdMismatch { problems });
    }
    Ok(CardData { id: id.normalized, old_id, name, birth, sex, address: clean(fields[5]), issued })
}

impl CardData {
    /// As `hoso check cccd-qr` prints it: dates `dd/mm/yyyy`, sex `male`/`female`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "id": self.id,
            "old_id": self.old_id,
            "name": self.name,
            "birth": self.birth.to_vn(),
            "sex": self.sex.as_str(),
            "address": self.address,
            "issued": self.issued.to_vn(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 11, 25).unwrap()
    }

    #[test]
    fn a_chip_card_of_2021_gives_every_field_as_printed() {
        let card =
            read_card_qr("001099012345|013456789|Nguyễn Thị Ánh Tuyết|15031999|Nữ|Số 12, ngõ 5, Phường Quán Thánh, Quận Ba Đình, Hà Nội|20042021", today());
        // 001 (Hà Nội), 0 = 1900s man… the digit says the sex: a woman born in the 1900s has 1.
        assert!(matches!(card, Err(CardProblem::IdMismatch { .. })), "0 is a man's digit: {card:?}");
        let card =
            read_card_qr("001199012345|013456789|Nguyễn Thị Ánh Tuyết|15031999|Nữ|Số 12, ngõ 5, Phường Quán Thánh, Quận Ba Đình, Hà Nội|20042021", today())
                .unwrap();
        assert_eq!(card.id, "001199012345");
        assert_eq!(card.old_id.as_deref(), Some("013456789"));
        assert_eq!(card.name, "Nguyễn Thị Ánh Tuyết");
        assert_eq!((card.birth, card.sex, card.issued), (Date::new(1999, 3, 15).unwrap(), Sex::Female, Date::new(2021, 4, 20).unwrap()));
        assert_eq!(card.address, "Số 12, ngõ 5, Phường Quán Thánh, Quận Ba Đình, Hà Nội");
    }

    #[test]
    fn a_card_without_an_old_cmnd_and_a_2024_card_with_empty_fields_after_read_too() {
        let card = read_card_qr("079205000001||Trần Văn Bình|02012005|Nam|Phường 9, Quận 5, Thành phố Hồ Chí Minh|01072024||", today()).unwrap();
        assert_eq!((card.old_id, card.sex, card.birth.year()), (None, Sex::Male, 2005));
        // Decomposed diacritics (as some scanners type them) come back composed.
        let nfd = "Le\u{0302}\u{0301} Thi\u{0323} Hoa";
        let card = read_card_qr(&format!("\u{feff}001199012345||{nfd}|15031999|NỮ|Hà Nội|20042021\n"), today()).unwrap();
        assert_eq!(card.name, "Lế Thị Hoa");
        assert_eq!(card.sex, Sex::Female, "printed in capitals");
    }

    #[test]
    fn codes_that_are_not_a_cards_are_refused_each_with_its_reason() {
        let t = today();
        assert_eq!(read_card_qr("https://dichvucong.gov.vn", t), Err(CardProblem::NotCardCode));
        assert_eq!(read_card_qr("12345|a|b", t), Err(CardProblem::NotCardCode));
        assert_eq!(read_card_qr("001199012345|013456789|Tên|15031999|Nữ|Hà Nội", t), Err(CardProblem::UnknownLayout { fields: 6 }));
        assert_eq!(read_card_qr("001199012345||Tên|15031999|Nữ|Hà Nội|20042021|Nguyễn Văn Cha", t), Err(CardProblem::UnknownLayout { fields: 8 }));
        assert_eq!(read_card_qr("001199012345|12ab|Tên|15031999|Nữ|Hà Nội|20042021", t), Err(CardProblem::UnknownLayout { fields: 7 }));
        assert_eq!(
            read_card_qr("003199012345||Tên|15031999|Nữ|Hà Nội|20042021", t),
            Err(CardProblem::BadId { problem: Problem::CccdProvince { code: "003".into() } })
        );
        assert_eq!(
            read_card_qr("001199012345||Tên|30021999|Nữ|Hà Nội|20042021", t),
            Err(CardProblem::BadDate { field: DateField::Birth, text: "30021999".into() })
        );
        assert_eq!(
            read_card_qr("001199012345||Tên|15031999|Nữ|Hà Nội|2004202", t),
            Err(CardProblem::BadDate { field: DateField::Issued, text: "2004202".into() })
        );
        assert_eq!(
            read_card_qr("001199012345||Tên|15031999|Nữ|Hà Nội|20042027", t),
            Err(CardProblem::BadDate { field: DateField::Issued, text: "20042027".into() })
        );
        assert_eq!(read_card_qr("001199012345||Tên|15031999|Khác|Hà Nội|20042021", t), Err(CardProblem::BadSex { text: "Khác".into() }));
        assert_eq!(read_card_qr("001199012345|| |15031999|Nữ|Hà Nội|20042021", t), Err(CardProblem::NoName));
        assert_eq!(
            read_card_qr("001199012345||Tên|15031998|Nữ|Hà Nội|20042021", t),
            Err(CardProblem::IdMismatch { problems: vec![Problem::CccdBirthYear { id_year: 1999, entered: 1998 }] })
        );
        assert!(matches!(read_card_qr(&"1".repeat(MAX_PAYLOAD + 1), t), Err(CardProblem::TooLong { .. })));
        for p in [CardProblem::NotCardCode, CardProblem::UnknownLayout { fields: 9 }, CardProblem::NoName] {
            assert!(p.message().contains("Hãy"), "every message says what to do: {}", p.message());
        }
    }

    #[test]
    fn a_card_is_not_issued_before_its_holder_is_born() {
        let (birth, issued) = (Date::new(1999, 3, 15).unwrap(), Date::new(1990, 1, 1).unwrap());
        assert_eq!(
            read_card_qr("001199012345||Nguyễn Thị Ánh Tuyết|15031999|Nữ|Hà Nội|01011990", today()),
            Err(CardProblem::IssuedBeforeBirth { birth, issued })
        );
        let m = CardProblem::IssuedBeforeBirth { birth, issued }.message();
        assert!(m.contains("(01/01/1990) trước ngày sinh (15/03/1999)") && m.contains("Hãy"), "{m}");
        // Only an earlier day is refused (since July 2024 a căn cước can be issued to a baby).
        assert!(read_card_qr("001324012345||Tên|15032024|Nữ|Hà Nội|15032024", today()).is_ok());
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_payload_of_anything_never_panics() {
        use proptest::prelude::*;
        proptest!(|(s in "[0-9|a-zĐđễ ,\\-]{0,120}", tail in proptest::collection::vec("[0-9A-Za-zÀ-ỹ ,|]{0,20}", 0..10))| {
            let _ = read_card_qr(&s, today());
            let _ = read_card_qr(&format!("001199012345|{}", tail.join("|")), today());
        });
    }
}
