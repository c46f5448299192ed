//! Starting a binary in the page, and handing over from the browse binary to the whole app.
//!
//! The page loader (`index.html`, written by `scripts/finish-dist.mjs`) picks the binary by the
//! address. It reads one flag from `sessionStorage`: set by `load_whole_app` just before the
//! reload, it makes the loader start the whole app whatever the address, so a browse path the
//! browse binary does not know can never reload in a loop.

use leptos::prelude::*;

/// The `sessionStorage` key the loader reads (and removes) before picking a binary.
pub const WHOLE_APP_FLAG: &str = "hoso-tai-ung-dung-day-du";

/// Mounts `app` in the chosen language (`web::lang`), marks which binary runs
/// (`<html data-ung-dung="…">`, for tests and for a portal's support staff) and removes the
/// "đang tải" line the page showed meanwhile.
pub fn mount<V: IntoView + 'static>(app: fn() -> V, binary: &'static str) {
    console_error_panic_hook::set_once();
    crate::web::display::apply(crate::web::display::remembered());
    wasm_bindgen_futures::spawn_local(async move {
        crate::web::lang::apply(crate::web::lang::wanted()).await;
        mounted(app, binary);
    });
}

fn mounted<V: IntoView + 'static>(app: fn() -> V, binary: &str) {
    leptos::mount::mount_to_body(app);
    let document = document();
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-ung-dung", binary);
    }
    if let Some(boot) = document.get_element_by_id("hoso-dang-tai") {
        boot.remove();
    }
}

/// Asks now for the data the page at this address shows first (`catalogue::known::files_for`: a
/// procedure's page, a dossier's), so it downloads while the app builds the page; the requests the
/// page loader already sent for it while the app downloaded are taken, not sent again
/// (`window.hosoNap`). The whole app calls it before `mount`.
pub fn prefetch() {
    let window = window();
    let here = window.location().pathname().unwrap_or_default();
    let early = js_sys::Reflect::get(&window, &"hosoNap".into()).ok().and_then(|p| wasm_bindgen::JsCast::dyn_into::<js_sys::Promise>(p).ok());
    // Taken once: the page keeps no answer nobody will ask for.
    let _ = js_sys::Reflect::delete_property(&window, &"hosoNap".into());
    for file in crate::core::catalogue::known::files_for(&crate::web::base::app_path(&here)) {
        crate::web::fetch::prefetch(&file, early.clone());
    }
}

/// Opens `href` (the address the router has just moved to) with the whole app (`hoso-web`). Waits
/// for the router to finish the move, so the history entry is the new page's: Back returns to
/// the browse page.
pub fn load_whole_app(href: String) {
    set_timeout(
        move || {
            let window = window();
            if let Ok(Some(storage)) = window.session_storage() {
                let _ = storage.set_item(WHOLE_APP_FLAG, "1");
            }
            let location = window.location();
            let here = format!("{}{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default(), location.hash().unwrap_or_default());
            let _ = if here == href { location.reload() } else { location.assign(&href) };
        },
        std::time::Duration::ZERO,
    );
}
