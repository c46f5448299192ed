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
