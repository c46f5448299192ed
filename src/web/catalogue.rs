//! Loads the catalogue files served with the app (`/catalogue/…`).

use std::sync::Arc;

use crate::core::catalogue::{Index, Procedure};
use crate::core::search::SearchIndex;

/// The index with its search structures, built once per page load.
pub struct Catalogue {
    pub index: Index,
    pub search: SearchIndex,
}

pub async fn load_index() -> Result<Arc<Catalogue>, String> {
    let text = super::fetch::get_text("/catalogue/index.json").await.map_err(|e| {
        if e == "NOT_FOUND" { "Không tìm thấy danh mục thủ tục.".to_string() } else { e }
    })?;
    let index: Index = serde_json::from_str(&text).map_err(|_| "Danh mục thủ tục bị hỏng. Hãy tải lại trang.".to_string())?;
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
        Ok(text) => serde_json::from_str(&text).map(|p| Some(Arc::new(p))).map_err(|_| "Dữ liệu thủ tục bị hỏng.".into()),
        Err(e) if e == "NOT_FOUND" => Ok(None),
        Err(e) => Err(e),
    }
}

thread_local! {
    static UNITS: std::cell::RefCell<Option<Arc<crate::core::units::Units>>> = const { std::cell::RefCell::new(None) };
}

/// The 2025 administrative units (`/units/2025.json`), loaded the first time a form needs them.
pub async fn load_units() -> Result<Arc<crate::core::units::Units>, String> {
    if let Some(u) = UNITS.with(|c| c.borrow().clone()) {
        return Ok(u);
    }
    let text = super::fetch::get_text("/units/2025.json").await.map_err(|e| if e == "NOT_FOUND" { "Không tìm thấy danh mục đơn vị hành chính.".to_string() } else { e })?;
    let units: Arc<crate::core::units::Units> = serde_json::from_str(&text).map(Arc::new).map_err(|_| "Danh mục đơn vị hành chính bị hỏng. Hãy tải lại trang.".to_string())?;
    UNITS.with(|c| *c.borrow_mut() = Some(units.clone()));
    Ok(units)
}

/// The units, if a page has already loaded them.
pub fn cached_units() -> Option<Arc<crate::core::units::Units>> {
    UNITS.with(|c| c.borrow().clone())
}

thread_local! {
    static OLD_TO_NEW: std::cell::RefCell<Option<Arc<crate::core::units::OldToNew>>> = const { std::cell::RefCell::new(None) };
}

/// The old→new address table (`/units/old-to-new-2025.json`), loaded the first time someone
/// converts an old address (cached afterwards).
pub async fn load_old_to_new() -> Result<Arc<crate::core::units::OldToNew>, String> {
    if let Some(t) = OLD_TO_NEW.with(|c| c.borrow().clone()) {
        return Ok(t);
    }
    let text = super::fetch::get_text("/units/old-to-new-2025.json").await.map_err(|e| if e == "NOT_FOUND" { "Không tìm thấy bảng đổi địa chỉ cũ.".to_string() } else { e })?;
    let table: Arc<crate::core::units::OldToNew> = serde_json::from_str(&text).map(Arc::new).map_err(|_| "Bảng đổi địa chỉ cũ bị hỏng. Hãy tải lại trang.".to_string())?;
    OLD_TO_NEW.with(|c| *c.borrow_mut() = Some(table.clone()));
    Ok(table)
}
