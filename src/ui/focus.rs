//! Moving the focus, the one way the UI does it: to an element by its id, scrolled into view.
//! (Skip link, error summary links, "add another" and "remove" in repeating sections.)

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// Focuses the element with this id now, if it is on the page.
pub fn focus_by_id(id: &str) {
    if let Some(el) = document().get_element_by_id(id) {
        let el: leptos::web_sys::HtmlElement = el.unchecked_into();
        let _ = el.focus();
        el.scroll_into_view_with_bool(false);
    }
}

/// Focuses it after the next frame (once a view just changed has been drawn).
pub fn focus_by_id_later(id: String) {
    request_animation_frame(move || focus_by_id(&id));
}
