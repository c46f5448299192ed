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
    use js_sys::Uint8Array;
    use wasm_bindgen::{JsCast, JsValue};

    use hoso::core::files::{image::Luma, qr::read_qr};

    console_error_panic_hook::set_once();
    hoso::web::worker::serve(|get, set| {
        if get("op").as_string().as_deref() != Some("qr") {
            set("ok", &JsValue::FALSE);
            return;
        }
        let grey = get("grey").dyn_into::<Uint8Array>().map(|a| a.to_vec()).unwrap_or_default();
        let (width, height) = (get("width").as_f64().unwrap_or(0.0) as usize, get("height").as_f64().unwrap_or(0.0) as usize);
        let text = read_qr(&Luma { width, height, pixels: &grey });
        set("ok", &JsValue::TRUE);
        set("text", &text.map_or(JsValue::NULL, |t| JsValue::from_str(&t)));
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("hoso-qr chạy trong trình duyệt, do ứng dụng hoso khởi động khi quét mã QR.");
    std::process::exit(2);
}
