//! Display settings anyone can choose, remembered on this device: large type ("Chữ lớn"), high
//! contrast ("Tương phản cao") and the read-aloud buttons ("Nút đọc to"). They are attributes on
//! `<html>` (`data-chu-lon`, `data-tuong-phan-cao`, `data-doc-to`) that the stylesheet follows;
//! nothing else depends on them.

/// The `localStorage` key ("chu-lon", "tuong-phan-cao", "doc-to", comma-separated).
pub const KEY: &str = "hoso-hien-thi";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Display {
    pub large_type: bool,
    pub high_contrast: bool,
    pub read_aloud: bool,
}

const LARGE: &str = "chu-lon";
const CONTRAST: &str = "tuong-phan-cao";
const READ_ALOUD: &str = "doc-to";

/// What was chosen on this device (nothing chosen: the default display).
pub fn remembered() -> Display {
    let saved = crate::web::device::local_storage().and_then(|s| s.get_item(KEY).ok().flatten()).unwrap_or_default();
    let has = |v: &str| saved.split(',').any(|x| x == v);
    Display { large_type: has(LARGE), high_contrast: has(CONTRAST), read_aloud: has(READ_ALOUD) }
}

/// Applies `d` to the page and remembers it (a device that refuses storage still shows it now).
pub fn choose(d: Display) {
    apply(d);
    if let Some(s) = crate::web::device::local_storage() {
        let on: Vec<&str> =
            [(LARGE, d.large_type), (CONTRAST, d.high_contrast), (READ_ALOUD, d.read_aloud)].into_iter().filter(|(_, on)| *on).map(|(v, _)| v).collect();
        let _ = if on.is_empty() { s.remove_item(KEY) } else { s.set_item(KEY, &on.join(",")) };
    }
}

/// Sets the page's attributes for `d`.
pub fn apply(d: Display) {
    let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|doc| doc.document_element()) else { return };
    for (name, on) in [("data-chu-lon", d.large_type), ("data-tuong-phan-cao", d.high_contrast), ("data-doc-to", d.read_aloud)] {
        let _ = if on { html.set_attribute(name, "") } else { html.remove_attribute(name) };
    }
}
