//! Assisted mode on this device: the officer helping at a shared computer, remembered in
//! `localStorage` until they turn it off or "Kết thúc phiên" clears the device. `core::assist`
//! checks the details and makes the record a dossier keeps.

use crate::core::assist::{Helped, Helper};
use crate::web::device::local_storage as storage;

/// The `localStorage` key (the helper as JSON).
const KEY: &str = "hoso-ho-tro";

/// The ward's count of dossiers helped (`core::assist::Helped` rows, JSON).
const HELPED: &str = "hoso-da-ho-tro";

/// What "Người dân đã về" keeps for the next resident: assisted mode, the count and the display
/// settings.
pub const KEPT_FOR_NEXT_RESIDENT: &[&str] = &[KEY, HELPED, crate::web::display::KEY];

/// The dossiers helped on this device so far.
pub fn helped() -> Vec<Helped> {
    storage().and_then(|s| s.get_item(HELPED).ok().flatten()).and_then(|json| serde_json::from_str(&json).ok()).unwrap_or_default()
}

/// Counts one more dossier helped.
pub fn count_helped(row: Helped) {
    let mut rows = helped();
    rows.push(row);
    if let (Some(s), Ok(json)) = (storage(), serde_json::to_string(&rows)) {
        let _ = s.set_item(HELPED, &json);
    }
}

/// The officer helping at this computer, when assisted mode is on.
pub fn helper() -> Option<Helper> {
    storage()?.get_item(KEY).ok().flatten().and_then(|json| serde_json::from_str(&json).ok())
}

/// Turns assisted mode on for `helper`, or off (`None`). A device that refuses storage keeps it
/// for this page only (the caller holds it too).
pub fn set_helper(helper: Option<&Helper>) {
    if let Some(s) = storage() {
        let _ = match helper.and_then(|h| serde_json::to_string(h).ok()) {
            Some(json) => s.set_item(KEY, &json),
            None => s.remove_item(KEY),
        };
    }
}
