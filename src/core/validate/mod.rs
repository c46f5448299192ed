//! Validators for what people type into declarations (tờ khai): Vietnam's real rules, with a
//! plain-Vietnamese reason that says how to fix the value. Pure functions, shared by the app
//! and `hoso check`; none of them panics on any input (property tests below).

pub mod cccd;
pub mod cccd_qr;
pub mod email;
pub mod mst;
pub mod name;
pub mod phone;
pub mod phone_ranges;
mod problem;

pub use cccd::{check_cccd, Cccd, Sex};
pub use email::check_email;
pub use mst::check_mst;
pub use name::check_name;
pub use phone::{check_phone, Phone};
pub use problem::Problem;

/// A number as pasted or typed, made plain before it is checked: full-width forms (`０`–`９`, `＋`,
/// `－`… from a keyboard in full-width mode) become their ASCII, the dashes word processors put in
/// (‐ ‑ ‒ – — −) become `-`, and every kind of space (U+00A0, U+202F, U+3000…) and invisible
/// format character (zero-width space and joiners, word joiner, BOM, soft hyphen, direction
/// marks) is dropped. Anything else stays, for the validator to refuse.
pub(crate) fn plain_number(input: &str) -> String {
    input
        .chars()
        .filter_map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0),
            '\u{2010}'..='\u{2014}' | '\u{2212}' => Some('-'),
            c if c.is_whitespace() || crate::core::text::is_invisible(c) => None,
            c => Some(c),
        })
        .collect()
}

/// Digits only: the [`plain_number`], without the dots and dashes people type between groups.
pub(crate) fn strip_separators(input: &str) -> String {
    plain_number(input).chars().filter(|c| !matches!(c, '.' | '-')).collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]
        #[test]
        fn validators_never_panic(s in "\\PC{0,30}", digits in "[0-9+ .-]{0,16}") {
            for input in [&s, &digits] {
                let _ = check_cccd(input, None);
                let _ = check_mst(input, None);
                let _ = check_phone(input);
                let _ = check_name(input);
                let _ = check_email(input);
            }
        }

        /// However a valid number is pasted (full-width digits, any spaces, invisible characters
        /// between the digits), what is kept is the number in plain ASCII digits.
        #[test]
        fn pasted_numbers_normalise_to_ascii_digits(
            rest in "[0-9]{6}",
            paste in prop::collection::vec((any::<bool>(), prop::sample::select(vec!["", " ", "\u{a0}", "\u{202f}", "\u{3000}", "\u{200b}", "\u{200c}", "\u{200d}", "\u{2060}", "\u{feff}"])), 12),
        ) {
            let pasted = |number: &str| -> String {
                number.chars().zip(&paste).map(|(c, (wide, after))| {
                    let c = if *wide { char::from_u32(c as u32 + 0xfee0).unwrap() } else { c };
                    format!("{c}{after}")
                }).collect()
            };
            let today = crate::core::calendar::Date::new(2026, 11, 25);
            let id = format!("001099{rest}");
            prop_assert_eq!(check_cccd(&pasted(&id), today).unwrap().normalized, id);
            let phone = format!("0912{rest}");
            prop_assert_eq!(check_phone(&pasted(&phone)).unwrap().normalized, phone);
            prop_assert_eq!(check_mst(&pasted("0100109106"), None).unwrap(), "0100109106");
        }

        #[test]
        fn valid_phones_normalise_to_e164(rest in "[0-9]{7}", prefix in prop::sample::select(vec!["032", "086", "091", "070", "056", "098", "087"])) {
            let p = check_phone(&format!("{prefix}{rest}")).unwrap();
            prop_assert_eq!(p.e164, format!("+84{}{}", &prefix[1..], rest));
        }
    }
}
