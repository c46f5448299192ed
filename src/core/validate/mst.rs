//! Mã số thuế (tax code), Thông tư 105/2020/TT-BTC: 10 digits whose last is a check digit;
//! a dependent unit (chi nhánh) adds `-NNN`. Individuals now use their 12-digit personal ID.

use super::{check_cccd, strip_separators, Problem};

const WEIGHTS: [u32; 9] = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/// Returns the normalized code (`0100109106`, `0100109106-001`, or a 12-digit personal ID).
pub fn check_mst(input: &str) -> Result<String, Problem> {
    let raw = input.trim();
    if raw.is_empty() {
        return Err(Problem::MstMissing);
    }
    // Keep the branch dash: "0100109106-001" (spaces and dots are separators).
    let compact: String = raw.chars().filter(|c| !matches!(c, ' ' | '.' | '\u{a0}')).collect();
    let (main, branch) = match compact.split_once('-') {
        Some((m, b)) => (m.to_string(), Some(b.to_string())),
        None if compact.len() == 13 && compact.chars().all(|c| c.is_ascii_digit()) => (compact[..10].to_string(), Some(compact[10..].to_string())),
        None => (strip_separators(&compact), None),
    };
    if !main.chars().all(|c| c.is_ascii_digit()) {
        return Err(Problem::MstNotDigits);
    }
    if main.len() == 12 && branch.is_none() {
        return check_cccd(&main, None).map(|id| id.normalized).map_err(|p| Problem::MstPersonal { id: Box::new(p) });
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
        assert_eq!(check_mst("0100109106").unwrap(), "0100109106");
        assert_eq!(check_mst("0300 588 569").unwrap(), "0300588569");
        assert_eq!(check_mst("0100109106-001").unwrap(), "0100109106-001");
        assert_eq!(check_mst("0100109106001").unwrap(), "0100109106-001");
    }

    #[test]
    fn a_mistyped_digit_is_caught() {
        assert_eq!(check_mst("0100109107"), Err(Problem::MstCheckDigit));
        assert!(check_mst("0300588596").is_err());
        assert!(check_mst("0100109106-000").is_err());
        assert_eq!(check_mst("01001091"), Err(Problem::MstLength { digits: 8 }));
    }

    #[test]
    fn individuals_use_their_personal_id() {
        assert_eq!(check_mst("001099012345").unwrap(), "001099012345");
        assert_eq!(check_mst("003099012345"), Err(Problem::MstPersonal { id: Box::new(Problem::CccdProvince { code: "003".into() }) }));
    }
}
