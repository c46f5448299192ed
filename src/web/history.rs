//! Keeps the address bar in step with what the person typed, without a navigation, so a search
//! can be bookmarked, shared, and comes back with the Back button.

/// Replaces the current history entry's query string with `?q=…` (or none).
pub fn replace_search_query(q: &str) {
    let Some(window) = web_sys::window() else { return };
    let Ok(history) = window.history() else { return };
    let path = window.location().pathname().unwrap_or_else(|_| "/".into());
    let url = if q.trim().is_empty() { path } else { format!("{path}?q={}", String::from(js_sys::encode_uri_component(q))) };
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
}
