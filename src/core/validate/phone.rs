//! Vietnamese phone numbers: mobiles have 10 digits (0 + 9), fixed lines 11 digits starting 02;
//! `+84…`, `84…` and `0…` are the same number. Normalised to E.164.

use super::Problem;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone {
    /// National format: `0912345678`.
    pub normalized: String,
    /// `+84912345678`.
    pub e164: String,
    /// The carrier the prefix was assigned to (numbers can be ported, so this is a hint).
    pub carrier: Option<&'static str>,
    pub mobile: bool,
}

/// Mobile prefixes after the 2018 renumbering.
const MOBILE: [(&str, &str); 38] = [
    ("032", "Viettel"), ("033", "Viettel"), ("034", "Viettel"), ("035", "Viettel"), ("036", "Viettel"),
    ("037", "Viettel"), ("038", "Viettel"), ("039", "Viettel"), ("086", "Viettel"), ("096", "Viettel"),
    ("097", "Viettel"), ("098", "Viettel"),
    ("081", "Vinaphone"), ("082", "Vinaphone"), ("083", "Vinaphone"), ("084", "Vinaphone"), ("085", "Vinaphone"),
    ("088", "Vinaphone"), ("091", "Vinaphone"), ("094", "Vinaphone"),
    ("070", "MobiFone"), ("076", "MobiFone"), ("077", "MobiFone"), ("078", "MobiFone"), ("079", "MobiFone"),
    ("089", "MobiFone"), ("090", "MobiFone"), ("093", "MobiFone"),
    ("052", "Vietnamobile"), ("056", "Vietnamobile"), ("058", "Vietnamobile"), ("092", "Vietnamobile"),
    ("059", "Gmobile"), ("099", "Gmobile"),
    ("087", "Itelecom"), ("055", "Reddi"), ("039", "Viettel"), ("086", "Viettel"),
];

pub fn check_phone(input: &str) -> Result<Phone, Problem> {
    let t = input.trim();
    if t.is_empty() {
        return Err(Problem::PhoneMissing);
    }
    let mut s: String = t.chars().filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')' | '\u{a0}')).collect();
    if let Some(rest) = s.strip_prefix("+84") {
        s = format!("0{}", rest.trim_start_matches('0'));
    } else if s.starts_with('+') {
        return Err(Problem::PhoneForeign);
    } else if s.starts_with("84") && (s.len() == 11 || s.len() == 12) {
        s = format!("0{}", &s[2..]);
    }
    if !s.chars().all(|c| c.is_ascii_digit()) {
        return Err(Problem::PhoneNotDigits);
    }
    if !s.starts_with('0') {
        return Err(Problem::PhoneNoZero);
    }
    let e164 = format!("+84{}", &s[1..]);
    if s.starts_with("02") {
        if s.len() != 11 {
            return Err(Problem::PhoneFixedLength { digits: s.len() });
        }
        return Ok(Phone { normalized: s, e164, carrier: None, mobile: false });
    }
    if s.len() != 10 {
        return Err(Problem::PhoneMobileLength { digits: s.len() });
    }
    match MOBILE.iter().find(|(p, _)| s.starts_with(p)) {
        Some(&(_, carrier)) => Ok(Phone { normalized: s, e164, carrier: Some(carrier), mobile: true }),
        None => Err(Problem::PhonePrefix { prefix: s[..3].to_string() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_number_in_every_common_form() {
        for input in ["0912345678", "0912 345 678", "+84 912 345 678", "84912345678", "+840912345678", "(091) 234-5678"] {
            let p = check_phone(input).unwrap();
            assert_eq!((p.normalized.as_str(), p.e164.as_str(), p.carrier), ("0912345678", "+84912345678", Some("Vinaphone")), "{input}");
        }
    }

    #[test]
    fn fixed_lines_and_carriers() {
        let p = check_phone("024 3825 1234").unwrap();
        assert!(!p.mobile);
        assert_eq!(p.e164, "+842438251234");
        assert_eq!(check_phone("0862123456").unwrap().carrier, Some("Viettel"));
        assert_eq!(check_phone("0707123456").unwrap().carrier, Some("MobiFone"));
    }

    #[test]
    fn wrong_numbers_say_why() {
        assert_eq!(check_phone("01691234567"), Err(Problem::PhoneMobileLength { digits: 11 }));
        assert_eq!(check_phone("0112345678"), Err(Problem::PhonePrefix { prefix: "011".into() }));
        assert_eq!(check_phone("+1 202 555 0100"), Err(Problem::PhoneForeign));
        assert_eq!(check_phone("09123abc78"), Err(Problem::PhoneNotDigits));
        assert_eq!(check_phone("024 3825 123"), Err(Problem::PhoneFixedLength { digits: 10 }));
    }
}
