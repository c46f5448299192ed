//! The QR reader: a fourth wasm binary, run as a web worker only when a person asks to scan the
//! QR code on their căn cước (`web::camera`), so the decoder (`rqrr`, through
//! `core::files::qr`) is downloaded by nobody else. Trunk builds it (`index.html`,
//! `data-type="worker"`).
//!
//! Messages: `{id, op: "qr", width, height, grey}` (a grey picture, one byte a pixel) →
//! `{id, ok, text: the code's text or null}`. The first message it sends is `"ready"`. The picture
//! is dropped once read.

#[cfg(target_arch = "wasm32")]
fn main() {
    use js_sys::{Object, Reflect, Uint8Array};
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    use hoso::core::files::{image::Luma, qr::read_qr};

    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let get = |key: &str| Reflect::get(&data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        let reply = Object::new();
        let set = |key: &str, value: &JsValue| {
            let _ = Reflect::set(&reply, &JsValue::from_str(key), value);
        };
        set("id", &get("id"));
        if get("op").as_string().as_deref() == Some("qr") {
            let grey = get("grey").dyn_into::<Uint8Array>().map(|a| a.to_vec()).unwrap_or_default();
            let (width, height) = (get("width").as_f64().unwrap_or(0.0) as usize, get("height").as_f64().unwrap_or(0.0) as usize);
            let text = read_qr(&Luma { width, height, pixels: &grey });
            set("ok", &JsValue::TRUE);
            set("text", &text.map_or(JsValue::NULL, |t| JsValue::from_str(&t)));
        } else {
            set("ok", &JsValue::FALSE);
        }
        let _ = reply_scope.post_message(&reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before the wasm had loaded were dropped: the app waits for this.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("hoso-qr chạy trong trình duyệt, do ứng dụng hoso khởi động khi quét mã QR.");
    std::process::exit(2);
}
