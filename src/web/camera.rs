//! Reading the căn cước's QR code on the device: from a photo the person chooses, or from the
//! camera (a phone's back camera, a ward desk's webcam). The picture is turned into a grey copy
//! on a canvas and read by the browser's own `BarcodeDetector` where it exists, else by the file
//! checker worker (`core::files::qr`). Frames and photos stay in this page and are dropped once
//! read; the camera is stopped when the code is found, when the person stops it, or when the page
//! goes.

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream, MediaStreamConstraints};

use crate::core::files::image::{fit, grey};

/// The longer side of the copy a code is read from (a card's code fills a good part of the frame).
const SIDE: u32 = 1000;

/// Why the camera cannot be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CameraError {
    /// No camera, or the browser has none to give (a desktop without a webcam, an old browser).
    Missing,
    /// The person (or the browser's settings) refused it.
    Refused,
}

impl std::fmt::Display for CameraError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CameraError::Missing => {
                tr!("web.camera.khong-tim-thay-may-anh", "Không tìm thấy máy ảnh trên thiết bị này. Hãy chụp ảnh mã QR trên căn cước rồi bấm «Chọn ảnh mã QR».")
            }
            CameraError::Refused => {
                tr!(
                    "web.camera.trinh-duyet-chua-duoc-phep",
                    "Trình duyệt chưa được phép dùng máy ảnh. Hãy cho phép trong phần cài đặt của trình duyệt, hoặc chọn ảnh chụp mã QR trên căn cước."
                )
            }
        })
    }
}

/// Starts the camera (the back one on a phone) in `video`.
pub async fn start(video: &HtmlVideoElement) -> Result<MediaStream, CameraError> {
    let devices = web_sys::window().and_then(|w| w.navigator().media_devices().ok()).ok_or(CameraError::Missing)?;
    let constraints = MediaStreamConstraints::new();
    let wanted = js_sys::Object::new();
    let _ = Reflect::set(&wanted, &"facingMode".into(), &"environment".into());
    constraints.set_video(&wanted);
    let promise = devices.get_user_media_with_constraints(&constraints).map_err(|_| CameraError::Missing)?;
    let stream: MediaStream = JsFuture::from(promise)
        .await
        .map_err(|e| match Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()).as_deref() {
            Some("NotAllowedError") | Some("SecurityError") => CameraError::Refused,
            _ => CameraError::Missing,
        })?
        .unchecked_into();
    video.set_src_object(Some(&stream));
    video.set_muted(true);
    let _ = video.set_attribute("playsinline", "");
    if let Ok(p) = video.play() {
        let _ = JsFuture::from(p).await;
    }
    Ok(stream)
}

/// Stops every track of the camera stream (the camera light goes off).
pub fn stop(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(track) = track.dyn_into::<web_sys::MediaStreamTrack>() {
            track.stop();
        }
    }
}

/// The QR code's text in the camera's current frame, if one can be read.
pub async fn read_frame(video: &HtmlVideoElement) -> Option<String> {
    let (w, h) = (video.video_width(), video.video_height());
    if w == 0 || h == 0 {
        return None;
    }
    if let Some(text) = detect(video).await {
        return Some(text);
    }
    let (cw, ch) = fit(w, h, SIDE);
    let (_, cx) = canvas(cw, ch)?;
    cx.draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, cw.into(), ch.into()).ok()?;
    read_canvas(&cx, cw, ch).await
}

/// The QR code's text in a photo, if one can be read; `Err` when the file is not a picture.
pub async fn read_photo(blob: &Blob) -> Result<Option<String>, ()> {
    let window = web_sys::window().ok_or(())?;
    let bitmap: web_sys::ImageBitmap = JsFuture::from(window.create_image_bitmap_with_blob(blob).map_err(|_| ())?).await.map_err(|_| ())?.unchecked_into();
    if let Some(text) = detect(&bitmap).await {
        return Ok(Some(text));
    }
    let (cw, ch) = fit(bitmap.width(), bitmap.height(), SIDE);
    let (_, cx) = canvas(cw, ch).ok_or(())?;
    cx.set_fill_style_str("#fff");
    cx.fill_rect(0.0, 0.0, cw.into(), ch.into());
    cx.draw_image_with_image_bitmap_and_dw_and_dh(&bitmap, 0.0, 0.0, cw.into(), ch.into()).map_err(|_| ())?;
    bitmap.close();
    Ok(read_canvas(&cx, cw, ch).await)
}

fn canvas(w: u32, h: u32) -> Option<(HtmlCanvasElement, CanvasRenderingContext2d)> {
    let canvas: HtmlCanvasElement = web_sys::window()?.document()?.create_element("canvas").ok()?.unchecked_into();
    canvas.set_width(w);
    canvas.set_height(h);
    let cx: CanvasRenderingContext2d = canvas.get_context("2d").ok().flatten()?.unchecked_into();
    Some((canvas, cx))
}

async fn read_canvas(cx: &CanvasRenderingContext2d, w: u32, h: u32) -> Option<String> {
    let rgba = cx.get_image_data(0.0, 0.0, w.into(), h.into()).ok()?.data().0;
    crate::web::worker::read_qr(w, h, &grey(&rgba)).await.ok().flatten()
}

/// The browser's own reader (`BarcodeDetector`, where the platform has one), on a video or a picture.
async fn detect(source: &JsValue) -> Option<String> {
    let window: JsValue = web_sys::window()?.into();
    let ctor: js_sys::Function = Reflect::get(&window, &"BarcodeDetector".into()).ok()?.dyn_into().ok()?;
    let options = js_sys::Object::new();
    let _ = Reflect::set(&options, &"formats".into(), &Array::of1(&"qr_code".into()));
    let detector = Reflect::construct(&ctor, &Array::of1(&options)).ok()?;
    let detect: js_sys::Function = Reflect::get(&detector, &"detect".into()).ok()?.dyn_into().ok()?;
    let promise: js_sys::Promise = detect.call1(&detector, source).ok()?.dyn_into().ok()?;
    let found: Array = JsFuture::from(promise).await.ok()?.dyn_into().ok()?;
    found.iter().find_map(|code| Reflect::get(&code, &"rawValue".into()).ok()?.as_string())
}
