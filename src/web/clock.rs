//! The device clock, as a receipt time in Vietnam (UTC+7).

use crate::core::calendar::Receipt;

/// Now, as if a dossier were received at this moment.
pub fn now() -> Receipt {
    let iso = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
    Receipt::parse_rfc3339(&iso).expect("Date.toISOString() is RFC 3339")
}
