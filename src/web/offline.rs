//! Offline use: whether the device is online, and a new version of hoso waiting in the service
//! worker (`dist/sw.js`, written by `scripts/finish-dist.mjs` at each release build; none under
//! `trunk serve`). A new version is only offered: the page applies it when the person asks, never
//! in the middle of a form by itself.

use wasm_bindgen::{closure::Closure, JsCast};
use wasm_bindgen_futures::JsFuture;

/// Calls `then` with the device's connection now and at each change.
pub fn watch_online(then: impl Fn(bool) + 'static) {
    let Some(window) = web_sys::window() else { return };
    then(window.navigator().on_line());
    let then = std::rc::Rc::new(then);
    for (event, online) in [("online", true), ("offline", false)] {
        let then = then.clone();
        let listener = Closure::<dyn Fn()>::new(move || then(online));
        let _ = window.add_event_listener_with_callback(event, listener.as_ref().unchecked_ref());
        listener.forget();
    }
}

/// Calls `then` once a new version of hoso is installed and waiting (this page runs the old one).
pub fn watch_update(then: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let container = window.navigator().service_worker();
    let then = std::rc::Rc::new(then);
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(ready) = container.ready() else { return };
        let Ok(registration) = JsFuture::from(ready).await else { return };
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        if registration.waiting().is_some() {
            then();
            return;
        }
        let found = registration.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = found.installing() else { return };
            let (watched, then) = (installing.clone(), then.clone());
            let on_state = Closure::<dyn Fn()>::new(move || {
                // Installed while an older version controls the page: it waits.
                if watched.state() == web_sys::ServiceWorkerState::Installed
                    && web_sys::window().is_some_and(|w| w.navigator().service_worker().controller().is_some())
                {
                    then();
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

/// Applies the waiting version: the new service worker takes over and the page reloads once.
pub fn apply_update() {
    let Some(window) = web_sys::window() else { return };
    let container = window.navigator().service_worker();
    let reload = Closure::once_into_js(move || {
        let _ = web_sys::window().map(|w| w.location().reload());
    });
    container.set_oncontrollerchange(Some(reload.unchecked_ref()));
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(ready) = container.ready() else { return };
        if let Ok(registration) = JsFuture::from(ready).await {
            let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
            if let Some(waiting) = registration.waiting() {
                let _ = waiting.post_message(&"cap-nhat".into());
            }
        }
    });
}

/// Whether a service worker keeps what this page fetches (so a download serves offline use).
pub fn kept_offline() -> bool {
    web_sys::window().is_some_and(|w| w.navigator().service_worker().controller().is_some())
}

/// Every file a search or a dossier may need offline that the service worker does not precache:
/// each procedure of the catalogue, each form definition, the old→new address table, and the code
/// loaded at the first export or scan (`worker::code_loaded_later`).
pub async fn offline_files() -> Result<Vec<String>, super::fetch::LoadError> {
    let catalogue = super::cache::catalogue().await?;
    let mut paths: Vec<String> = catalogue.index.entries.iter().map(|e| format!("catalogue/p/{}.json", e.0)).collect();
    paths.extend(crate::core::forms::FORM_FILES.iter().map(|(file, _)| format!("forms/{file}")));
    paths.push("units/old-to-new-2025.json".into());
    paths.extend(super::worker::code_loaded_later());
    Ok(paths)
}

/// Fetches `paths`, eight at a time (the service worker keeps each), `progress` hearing how many are
/// done. Stops at the first failure, with how many were fetched.
pub async fn fetch_all(paths: &[String], progress: impl Fn(usize)) -> Result<usize, (usize, super::fetch::FetchError)> {
    let mut done = 0;
    for chunk in paths.chunks(8) {
        let all: js_sys::Array = chunk.iter().map(|p| wasm_bindgen::JsValue::from(wasm_bindgen_futures::future_to_promise(fetched(p.clone())))).collect();
        if let Err(e) = JsFuture::from(js_sys::Promise::all(&all)).await {
            let error = e.as_f64().map(|s| super::fetch::FetchError::Status(s as u16)).unwrap_or(super::fetch::FetchError::Network);
            return Err((done, error));
        }
        done += chunk.len();
        progress(done);
    }
    Ok(done)
}

async fn fetched(path: String) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    match super::fetch::get_blob(&path).await {
        Ok(_) => Ok(wasm_bindgen::JsValue::TRUE),
        Err(super::fetch::FetchError::Status(s)) => Err(f64::from(s).into()),
        Err(_) => Err(wasm_bindgen::JsValue::NULL),
    }
}
