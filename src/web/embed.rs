//! The embedding protocol's browser side (`core::embed` decides; this listens and posts).
//!
//! In an iframe, hoso reads the deployment's allow-list (`embed.json`, served with the app), finds
//! the origin of the page that frames it (`location.ancestorOrigins`, else the referrer) and, only
//! when that origin is allowed, says `hoso:ready` to it, follows its content's height
//! (`hoso:resize`) and listens to it: a message from any other origin or window is ignored and
//! logged. Every message hoso sends names that one origin as its target. Outside an iframe, or
//! framed by a page the deployment did not allow, nothing is sent and hoso runs as it does alone.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::embed::{Config, EmbedProblem, Incoming, Init, Outgoing, PROTOCOL};

thread_local! {
    /// The allowed origin of the page framing hoso, once known.
    static HOST: RefCell<Option<String>> = const { RefCell::new(None) };
    /// The last height told, so a resize that changes nothing sends nothing.
    static HEIGHT: RefCell<u32> = const { RefCell::new(0) };
}

/// Whether hoso runs inside a frame.
pub fn framed() -> bool {
    let Some(window) = web_sys::window() else { return false };
    match window.parent() {
        Ok(Some(parent)) => !js_sys::Object::is(parent.as_ref(), window.as_ref()),
        _ => false,
    }
}

/// Whether hoso talks to a portal (framed by an allowed origin that it said `hoso:ready` to).
pub fn active() -> bool {
    HOST.with(|h| h.borrow().is_some())
}

/// Starts the protocol when hoso is framed: `on_init` hears each accepted `hoso:init`. Marks the
/// page `<html data-nhung>` (the page's height then follows its content, not the frame's).
pub fn start(on_init: impl Fn(Init) + 'static) {
    if !framed() {
        return;
    }
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = html.set_attribute("data-nhung", "");
    }
    let on_init = Rc::new(on_init);
    wasm_bindgen_futures::spawn_local(async move {
        let config = match crate::web::fetch::get_text(crate::core::embed::CONFIG_FILE).await {
            Ok(text) => Config::from_json(&text),
            Err(e) => Err(EmbedProblem::BadConfig { detail: format!("{e:?}") }),
        };
        let config = match config {
            Ok(c) => c,
            Err(problem) => return log(&problem),
        };
        let Some(host) = framing_origin() else { return log(&EmbedProblem::OriginNotAllowed { origin: "?".into() }) };
        if !config.allows(&host) {
            return log(&EmbedProblem::OriginNotAllowed { origin: host });
        }
        let host = crate::core::embed::origin(&host).unwrap_or(host);
        HOST.with(|h| *h.borrow_mut() = Some(host.clone()));
        listen(host, on_init);
        tell(&Outgoing::Ready { v: PROTOCOL, locales: crate::core::embed::LOCALES.iter().map(|l| l.to_string()).collect() });
        follow_height();
    });
}

/// The origin of the portal hoso talks to.
pub fn host() -> Option<String> {
    HOST.with(|h| h.borrow().clone())
}

/// Sends `message` to the host (nothing when hoso is not embedded).
pub fn tell(message: &Outgoing) {
    if let Ok(data) = js_sys::JSON::parse(&message.to_json()) {
        post(&data);
    }
}

/// Sends `message` with a `Blob` beside its fields (`hoso:package-ready`'s `blob`).
pub fn tell_with_blob(message: &Outgoing, blob: &web_sys::Blob) {
    if let Ok(data) = js_sys::JSON::parse(&message.to_json()) {
        let _ = js_sys::Reflect::set(&data, &JsValue::from_str("blob"), blob);
        post(&data);
    }
}

fn post(data: &JsValue) {
    let Some(host) = HOST.with(|h| h.borrow().clone()) else { return };
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else { return };
    let _ = parent.post_message(data, &host);
}

fn log(problem: &EmbedProblem) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("hoso: {}", problem.message())));
}

/// The origin of the page that frames hoso: `location.ancestorOrigins[0]` (Chromium, Safari),
/// else the referrer's origin (the page that loaded the frame, Firefox). When hoso loads itself
/// again in the frame (another language), the referrer is hoso: the framer it had before, kept
/// for this frame in `sessionStorage`, is still the framer.
fn framing_origin() -> Option<String> {
    let window = web_sys::window()?;
    let ancestors = js_sys::Reflect::get(window.location().as_ref(), &JsValue::from_str("ancestorOrigins")).ok();
    if let Some(first) = ancestors.and_then(|a| js_sys::Reflect::get(&a, &JsValue::from_f64(0.0)).ok()).and_then(|o| o.as_string()) {
        return Some(first);
    }
    let referrer = web_sys::Url::new(&window.document()?.referrer()).ok().map(|u| u.origin()).filter(|o| o != "null");
    let own = window.location().origin().ok();
    let storage = window.session_storage().ok().flatten();
    const FRAMER: &str = crate::core::session::FRAMER;
    let kept = storage.as_ref().and_then(|s| s.get_item(FRAMER).ok().flatten());
    let (framer, keep) = crate::core::embed::framer(referrer, own.as_deref(), kept);
    if let (Some(storage), Some(keep)) = (storage, keep) {
        let _ = storage.set_item(FRAMER, &keep);
    }
    framer
}

/// Listens to messages from the host's window and origin only.
fn listen(host: String, on_init: Rc<dyn Fn(Init)>) {
    let Some(window) = web_sys::window() else { return };
    let parent = window.parent().ok().flatten();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        let from_parent = match (event.source(), &parent) {
            (Some(source), Some(parent)) => js_sys::Object::is(source.as_ref(), parent.as_ref()),
            _ => false,
        };
        let origin = crate::core::embed::origin(&event.origin()).unwrap_or_else(|| event.origin());
        if origin != host || !from_parent {
            // Only messages meant for hoso are worth a line in the console.
            if Incoming::parse(&data_of(&event)) != Err(EmbedProblem::NotHoso) {
                log(&EmbedProblem::OriginNotAllowed { origin: event.origin() });
            }
            return;
        }
        match Incoming::parse(&data_of(&event)) {
            Ok(Incoming::Init(init)) => on_init(*init),
            Err(EmbedProblem::NotHoso) => {}
            Err(problem) => {
                log(&problem);
                tell(&Outgoing::error(problem));
            }
        }
    });
    let _ = window.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    on_message.forget();
}

/// A message's data as JSON (what is not JSON — a `Blob`, a function — reads as null).
fn data_of(event: &web_sys::MessageEvent) -> serde_json::Value {
    js_sys::JSON::stringify(&event.data()).ok().and_then(|s| s.as_string()).and_then(|s| serde_json::from_str(&s).ok()).unwrap_or(serde_json::Value::Null)
}

/// Tells the host the content's height whenever it changes.
fn follow_height() {
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else { return };
    let measure = {
        let body = body.clone();
        move || {
            let height = body.offset_height().max(0) as u32;
            if HEIGHT.with(|h| h.replace(height)) != height {
                tell(&Outgoing::Resize { height });
            }
        }
    };
    measure();
    let on_resize = Closure::<dyn Fn()>::new(measure);
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        observer.observe(&body);
    }
    on_resize.forget();
}

/// Applies a portal's theme: the custom properties core accepts, on `<html>`; the refusals are
/// returned for the host.
pub fn apply_theme(asked: &std::collections::BTreeMap<String, String>) -> Vec<EmbedProblem> {
    let (applied, refused) = crate::core::embed::theme(asked);
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        if let Ok(html) = html.dyn_into::<web_sys::HtmlElement>() {
            for (property, value) in applied {
                let _ = html.style().set_property(&property, &value);
            }
        }
    }
    refused
}
