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

/// `hosoValidate(code, answersJson)`: checks a whole declaration for a procedure with the app's
/// rules; returns `{"errors": [{field, message}], "normalized": {…}}` as JSON.
#[wasm_bindgen(js_name = hosoValidate)]
pub fn hoso_validate(code: &str, answers_json: &str) -> String {
    let answers: crate::core::forms::Answers = match serde_json::from_str(answers_json) {
        Ok(a) => a,
        Err(e) => return serde_json::json!({ "error": format!("answers must be a JSON object of strings: {e}") }).to_string(),
    };
    let name = CATALOGUE.with(|slot| slot.borrow().as_ref().and_then(|c| c.index.find(code).map(|e| e.name().to_string())));
    let form = crate::core::forms::form_for(code).cloned().unwrap_or_else(|| crate::core::forms::generic_form(code, name.as_deref().unwrap_or(code)));
    let units = super::catalogue::cached_units();
    let cx = crate::core::forms::Context { today: super::clock::now().date, units: units.as_deref() };
    let (errors, normalized) = form.validate(&answers, None, cx);
    serde_json::json!({ "errors": errors, "normalized": normalized }).to_string()
}

/// `hosoCheckFile(name, bytes)`: the checks hoso runs on an attached file (real type, whole,
/// password, pages or pixel size, per-file limit), as `core::files::FileReport::described`:
/// every problem with its `kind`, parameters, `level` and `message`.
#[wasm_bindgen(js_name = hosoCheckFile)]
pub fn hoso_check_file(name: &str, bytes: &[u8]) -> String {
    crate::core::files::check_file(name, bytes, &crate::core::files::Limits::default()).described().to_string()
}

/// `hosoSha256(bytes)`: a file's address with the Rust `sha2` path (the app prefers WebCrypto;
/// the benchmark compares both in the same page).
#[wasm_bindgen(js_name = hosoSha256)]
pub fn hoso_sha256(bytes: &[u8]) -> String {
    crate::core::files::sha256_hex(bytes)
}

/// `hosoSetLimits(maxFileMb, maxDossierMb)`: a portal sets its own size limits before people
/// attach files (the default is 10 MB a file, 50 MB a dossier). Returns an error message, or
/// `undefined` when the limits were taken.
#[wasm_bindgen(js_name = hosoSetLimits)]
pub fn hoso_set_limits(max_file_mb: f64, max_dossier_mb: f64) -> Option<String> {
    use crate::core::files::{Limits, MB};
    if !(max_file_mb > 0.0 && max_dossier_mb >= max_file_mb && max_dossier_mb <= 10_000.0) {
        return Some("Giới hạn không hợp lệ: cần 0 < mỗi tệp ≤ cả hồ sơ ≤ 10000 MB.".into());
    }
    super::files::set_limits(Limits { max_file_bytes: (max_file_mb * MB as f64) as u64, max_dossier_bytes: (max_dossier_mb * MB as f64) as u64 });
    None
}
