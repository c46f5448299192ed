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

/// Digits only, after removing the separators people type (spaces, dots, dashes).
pub(crate) fn strip_separators(input: &str) -> String {
    input.chars().filter(|c| !matches!(c, ' ' | '.' | '-' | '\u{a0}' | '\t')).collect()
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
                let _ = check_mst(input);
                let _ = check_phone(input);
                let _ = check_name(input);
                let _ = check_email(input);
            }
        }

        #[test]
        fn valid_phones_normalise_to_e164(rest in "[0-9]{7}", prefix in prop::sample::select(vec!["032", "086", "091", "070", "056", "098", "087"])) {
            let p = check_phone(&format!("{prefix}{rest}")).unwrap();
            prop_assert_eq!(p.e164, format!("+84{}{}", &prefix[1..], rest));
        }
    }
}
