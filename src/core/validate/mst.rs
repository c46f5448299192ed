//! Mã số thuế (tax code), Thông tư 105/2020/TT-BTC: 10 digits whose last is a check digit;
//! a dependent unit (chi nhánh) adds `-NNN`. Individuals now use their 12-digit personal ID.

use super::{check_cccd, plain_number, Problem};
use crate::core::calendar::Date;

const WEIGHTS: [u32; 9] = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/// Returns the normalized code (`0100109106`, `0100109106-001`, or a 12-digit personal ID), the
/// personal ID checked as [`check_cccd`] checks it (with `today`, a birth year in the future is refused).
pub fn check_mst(input: &str, today: Option<Date>) -> Result<String, Problem> {
    check(input, today)
}

fn check(input: &str, today: Option<Date>) -> Result<String, Problem> {
    let raw = plain_number(input);
    if raw.is_empty() {
        return Err(Problem::MstMissing);
    }
    // Keep the branch dash: "0100109106-001" (an en dash typed for it is one too); dots are separators.
    let compact: String = raw.chars().filter(|&c| c != '.').collect();
    let (main, branch) = match compact.split_once('-') {
        Some((m, b)) => (m.to_string(), Some(b.to_string())),
        None if compact.len() == 13 && compact.chars().all(|c| c.is_ascii_digit()) => (compact[..10].to_string(), Some(compact[10..].to_string())),
        None => (compact, None),
    };
    if !main.chars().all(|c| c.is_ascii_digit()) {
        return Err(Problem::MstNotDigits);
    }
    if main.len() == 12 && branch.is_none() {
        return check_cccd(&main, today).map(|id| id.normalized).map_err(|p| Problem::MstPersonal { id: Box::new(p) });
    }
    if main.len() != 10 {
        return Err(Problem::MstLength { digits: main.len() });
    }
    let digits: Vec<u32> = main.bytes().map(|b| (b - b'0') as u32).collect();
    let sum: u32 = digits[..9].iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    let check = 10 - sum % 11;
    if check == 10 || check != digits[9] {
        return Err(Problem::MstCheckDigit);
    }
    match branch {
        None => Ok(main),
        Some(b) if b.len() == 3 && b.chars().all(|c| c.is_ascii_digit()) && b != "000" => Ok(format!("{main}-{b}")),
        Some(_) => Err(Problem::MstBranch),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_tax_codes_pass_the_check_digit() {
        assert_eq!(check_mst("0100109106", None).unwrap(), "0100109106");
        assert_eq!(check_mst("0300 588 569", None).unwrap(), "0300588569");
        assert_eq!(check_mst("0100109106-001", None).unwrap(), "0100109106-001");
        assert_eq!(check_mst("0100109106001", None).unwrap(), "0100109106-001");
    }

    #[test]
    fn a_mistyped_digit_is_caught() {
        assert_eq!(check_mst("0100109107", None), Err(Problem::MstCheckDigit));
        assert!(check_mst("0300588596", None).is_err());
        assert!(check_mst("0100109106-000", None).is_err());
        assert_eq!(check_mst("01001091", None), Err(Problem::MstLength { digits: 8 }));
    }

    #[test]
    fn individuals_use_their_personal_id() {
        assert_eq!(check_mst("001099012345", None).unwrap(), "001099012345");
        assert_eq!(check_mst("003099012345", None), Err(Problem::MstPersonal { id: Box::new(Problem::CccdProvince { code: "003".into() }) }));
    }

    /// The personal tax code is the personal ID (Thông tư 86/2024/TT-BTC), so it passes or fails
    /// exactly as the ID does on the same day: here a birth year of 2199.
    #[test]
    fn a_personal_id_refused_as_an_id_is_refused_as_a_tax_code() {
        let today = Date::new(2026, 11, 25).unwrap();
        assert_eq!(check_cccd("001499012345", Some(today)), Err(Problem::CccdFutureYear { year: 2199 }));
        assert_eq!(check_mst("001499012345", Some(today)), Err(Problem::MstPersonal { id: Box::new(Problem::CccdFutureYear { year: 2199 }) }));
        assert_eq!(check_mst("001099012345", Some(today)).unwrap(), "001099012345");
    }

    #[test]
    fn full_width_digits_invisible_characters_and_typographic_dashes_make_the_same_code() {
        assert_eq!(check_mst("０１００１０９１０６", None).unwrap(), "0100109106");
        assert_eq!(check_mst("0100\u{200b}109\u{202f}106\u{feff}", None).unwrap(), "0100109106");
        for dash in ['\u{2011}', '\u{2013}', '\u{2014}'] {
            assert_eq!(check_mst(&format!("0100109106{dash}001"), None).unwrap(), "0100109106-001", "{dash:?} is the branch dash");
        }
        assert_eq!(check_mst("０１００１０９１０６－００１", None).unwrap(), "0100109106-001");
        assert_eq!(check_mst("0100109106/001", None), Err(Problem::MstNotDigits), "only a dash separates the branch");
    }
}
