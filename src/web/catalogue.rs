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
