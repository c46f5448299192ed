//! Loads the catalogue files served with the app (`/catalogue/…`).

use std::cell::RefCell;
use std::sync::Arc;
use std::thread::LocalKey;

use crate::core::catalogue::{Index, Procedure};
use crate::core::search::SearchIndex;
use super::fetch::{get_json_text, parse_json};

/// The index with its search structures, built once per page load.
pub struct Catalogue {
    pub index: Index,
    pub search: SearchIndex,
}

pub async fn load_index() -> Result<Arc<Catalogue>, String> {
    let text = get_json_text("/catalogue/index.json", "Không tìm thấy danh mục thủ tục.").await?;
    let index: Index = parse_json(&text, "Danh mục thủ tục bị hỏng. Hãy tải lại trang.")?;
    let search = SearchIndex::new(&index);
    let catalogue = Arc::new(Catalogue { index, search });
    super::bridge::set_catalogue(catalogue.clone());
    Ok(catalogue)
}

/// `Ok(None)` when no procedure has this code.
pub async fn load_procedure(code: &str) -> Result<Option<Arc<Procedure>>, String> {
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Ok(None);
    }
    match super::fetch::get_text(&format!("/catalogue/p/{code}.json")).await {
        Ok(text) => parse_json(&text, "Dữ liệu thủ tục bị hỏng.").map(|p| Some(Arc::new(p))),
        Err(e) if e == "NOT_FOUND" => Ok(None),
        Err(e) => Err(e),
    }
}

type Slot<T> = RefCell<Option<Arc<T>>>;

thread_local! {
    static UNITS: Slot<crate::core::units::Units> = const { RefCell::new(None) };
    static OLD_TO_NEW: Slot<crate::core::units::OldToNew> = const { RefCell::new(None) };
}

/// What a page has already loaded (kept for the rest of the page's life).
fn cached<T>(slot: &'static LocalKey<Slot<T>>) -> Option<Arc<T>> {
    slot.with(|c| c.borrow().clone())
}

fn keep<T>(slot: &'static LocalKey<Slot<T>>, value: Arc<T>) -> Arc<T> {
    slot.with(|c| *c.borrow_mut() = Some(value.clone()));
    value
}

/// The 2025 administrative units (`/units/2025.json`), loaded the first time a form needs them.
pub async fn load_units() -> Result<Arc<crate::core::units::Units>, String> {
    if let Some(u) = cached(&UNITS) {
        return Ok(u);
    }
    let text = get_json_text("/units/2025.json", "Không tìm thấy danh mục đơn vị hành chính.").await?;
    Ok(keep(&UNITS, Arc::new(parse_json(&text, "Danh mục đơn vị hành chính bị hỏng. Hãy tải lại trang.")?)))
}

/// The units, if a page has already loaded them.
pub fn cached_units() -> Option<Arc<crate::core::units::Units>> {
    cached(&UNITS)
}

/// The old→new address table (`/units/old-to-new-2025.json`), loaded the first time someone
/// converts an old address.
pub async fn load_old_to_new() -> Result<Arc<crate::core::units::OldToNew>, String> {
    if let Some(t) = cached(&OLD_TO_NEW) {
        return Ok(t);
    }
    let text = get_json_text("/units/old-to-new-2025.json", "Không tìm thấy bảng đổi địa chỉ cũ.").await?;
    Ok(keep(&OLD_TO_NEW, Arc::new(parse_json(&text, "Bảng đổi địa chỉ cũ bị hỏng. Hãy tải lại trang.")?)))
}
