//! The device clock, as a receipt time in Vietnam (UTC+7): the reading is the browser's, the
//! rule (`Receipt::from_unix_millis`) the core's.

use crate::core::calendar::Receipt;

/// Now, as if a dossier were received at this moment.
pub fn now() -> Receipt {
    Receipt::from_unix_millis(js_sys::Date::now() as i64)
}
