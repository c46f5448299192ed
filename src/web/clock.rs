//! The device clock, as a receipt time in Vietnam (UTC+7): the reading is the browser's, the
//! rule (`Receipt::from_unix_millis`) the core's.

use crate::core::calendar::Receipt;

/// Now, as if a dossier were received at this moment.
pub fn now() -> Receipt {
    Receipt::from_unix_millis(js_sys::Date::now() as i64)
}

/// Marks the start of a step the benchmark times (User Timing, also shown by DevTools).
pub fn mark(start: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(start);
    }
}

/// Records `name` as the time from the last mark `start` to now.
pub fn measure(name: &str, start: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.measure_with_start_mark(name, start);
    }
}
