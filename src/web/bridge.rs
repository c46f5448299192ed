//! The JavaScript bridge: functions a host page (a portal embedding hoso, or the benchmark)
//! can call on `window.wasmBindings`. Only plain strings cross the boundary.

use std::cell::RefCell;
use std::sync::Arc;

use wasm_bindgen::prelude::wasm_bindgen;

use super::catalogue::Catalogue;
use crate::core::search::Query;

thread_local! {
    static CATALOGUE: RefCell<Option<Arc<Catalogue>>> = const { RefCell::new(None) };
}

/// Called once the catalogue has loaded.
pub fn set_catalogue(c: Arc<Catalogue>) {
    CATALOGUE.with(|slot| *slot.borrow_mut() = Some(c));
}

/// `hosoSearch(query, limit)`: the app's search, as a JSON array of `{code, name, score}`;
/// `undefined` until the catalogue has loaded.
#[wasm_bindgen(js_name = hosoSearch)]
pub fn hoso_search(query: &str, limit: usize) -> Option<String> {
    CATALOGUE.with(|slot| {
        let slot = slot.borrow();
        let c = slot.as_ref()?;
        let hits = c.search.search(&Query { text: query, field: None, level: None, limit: limit.clamp(1, 100) });
        let out: Vec<serde_json::Value> = hits
            .iter()
            .map(|h| {
                let e = &c.index.entries[h.entry];
                serde_json::json!({ "code": e.code(), "name": e.name(), "score": h.score })
            })
            .collect();
        Some(serde_json::Value::Array(out).to_string())
    })
}
