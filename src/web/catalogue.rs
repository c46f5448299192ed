//! Loads the data files served with the app (`/catalogue/…`, `/units/…`). Only I/O: what is
//! kept, and for how long, is the app state's (`ui::state`).

use std::sync::Arc;

use super::fetch::{get_json, Data, FetchError, LoadError};
use crate::core::catalogue::{Index, Procedure};
use crate::core::search::SearchIndex;
use crate::core::units::{OldToNew, Units};

/// The index, and its search structures built the first time someone searches (a procedure or
/// dossier page never pays for them).
pub struct Catalogue {
    pub index: Index,
    search: std::sync::OnceLock<SearchIndex>,
}

impl Catalogue {
    pub fn new(index: Index) -> Catalogue {
        Catalogue { index, search: std::sync::OnceLock::new() }
    }

    pub fn search(&self) -> &SearchIndex {
        self.search.get_or_init(|| SearchIndex::new(&self.index))
    }
}

pub async fn load_index() -> Result<Arc<Catalogue>, LoadError> {
    let index: Index = get_json("catalogue/index.json", Data::Catalogue).await?;
    Ok(Arc::new(Catalogue::new(index)))
}

/// `Ok(None)` when no procedure has this code.
pub async fn load_procedure(code: &str) -> Result<Option<Arc<Procedure>>, LoadError> {
    if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return Ok(None);
    }
    match get_json(&format!("catalogue/p/{code}.json"), Data::Procedure).await {
        Ok(p) => Ok(Some(Arc::new(p))),
        Err(LoadError { error: FetchError::NotFound, .. }) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The 2025 administrative units (`/units/2025.json`).
pub async fn load_units() -> Result<Arc<Units>, LoadError> {
    get_json("units/2025.json", Data::Units).await.map(Arc::new)
}

/// The old→new address table (`/units/old-to-new-2025.json`).
pub async fn load_old_to_new() -> Result<Arc<OldToNew>, LoadError> {
    get_json("units/old-to-new-2025.json", Data::OldToNew).await.map(Arc::new)
}
