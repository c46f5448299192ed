//! Files the person chooses, on the device only: their bytes, their SHA-256 (WebCrypto when the
//! browser offers it, the Rust `sha2` path otherwise), a small grey copy of a photo for the
//! quality measures, scaled-down JPEG copies, and an in-memory store of every file by hash
//! (the originals stay until export). Nothing is sent anywhere.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlCanvasElement, ImageBitmap};

use super::worker;
use crate::core::checklist::Attachment;
use crate::core::files::combine::{as_is, JpegCopy, COMBINE_STEPS, SCALE_DOWN};
use crate::core::files::image::{fit, grey, quality, Luma, Quality, QUALITY_SIDE};
use crate::core::files::{quality_problems, FileProblem, Limits};

const UNREADABLE: FileProblem = FileProblem::Unreadable;
const CANNOT_CONVERT: FileProblem = FileProblem::CannotConvert;

thread_local! {
    static LIMITS: std::cell::Cell<crate::core::files::Limits> = std::cell::Cell::new(crate::core::files::Limits::default());
    static STORE: RefCell<HashMap<String, (Blob, Option<String>)>> = RefCell::new(HashMap::new());
    /// The addresses of the downloads offered on this page (`save_as`).
    static DOWNLOADS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// The size limits in force: the national portal's by default, or what the embedding portal set
/// (`hosoSetLimits`).
pub fn limits() -> crate::core::files::Limits {
    LIMITS.with(|l| l.get())
}

pub fn set_limits(l: crate::core::files::Limits) {
    LIMITS.with(|c| c.set(l));
}

/// Keeps a file's bytes (as the browser's Blob) under its hash.
pub fn keep(hash: &str, blob: &Blob) {
    STORE.with(|s| {
        s.borrow_mut().entry(hash.to_string()).or_insert_with(|| (blob.clone(), None));
    });
}

pub fn blob(hash: &str) -> Option<Blob> {
    STORE.with(|s| s.borrow().get(hash).map(|(b, _)| b.clone()))
}

/// An address the page can show a picture from (made once per file).
pub fn object_url(hash: &str) -> Option<String> {
    STORE.with(|s| {
        let mut s = s.borrow_mut();
        let (blob, url) = s.get_mut(hash)?;
        if url.is_none() {
            *url = web_sys::Url::create_object_url_with_blob(blob).ok();
        }
        url.clone()
    })
}

/// Forgets every file and download this page holds, revoking their addresses (the end of a session
/// on a shared computer). Returns how many files were held.
pub fn forget_all() -> usize {
    let held: Vec<(Blob, Option<String>)> = STORE.with(|s| s.borrow_mut().drain().map(|(_, v)| v).collect());
    let urls = held.iter().filter_map(|(_, url)| url.clone()).chain(DOWNLOADS.with(|d| d.borrow_mut().drain(..).collect::<Vec<_>>()));
    for url in urls {
        let _ = web_sys::Url::revoke_object_url(&url);
    }
    held.len()
}

/// Forgets a file (when it is removed and nothing else refers to it).
pub fn forget(hash: &str) {
    if let Some((_, Some(url))) = STORE.with(|s| s.borrow_mut().remove(hash)) {
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}

pub async fn read(blob: &Blob) -> Result<Vec<u8>, FileProblem> {
    let buffer = JsFuture::from(blob.array_buffer()).await.map_err(|_| UNREADABLE)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Bytes as a Blob of the given MIME type.
pub fn to_blob(bytes: &[u8], mime: &str) -> Result<Blob, FileProblem> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|_| CANNOT_CONVERT)
}

fn subtle() -> Option<web_sys::SubtleCrypto> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let subtle = js_sys::Reflect::get(&crypto, &JsValue::from_str("subtle")).ok()?;
    (!subtle.is_undefined()).then(|| subtle.unchecked_into())
}

/// SHA-256 of the bytes, lower-case hex: WebCrypto where available (secure pages, localhost),
/// else the core's Rust path. Both give the same address.
pub async fn sha256(bytes: &[u8]) -> Result<String, FileProblem> {
    if let Some(subtle) = subtle() {
        if let Ok(p) = subtle.digest_with_str_and_u8_array("SHA-256", bytes) {
            if let Ok(d) = JsFuture::from(p).await {
                return Ok(Uint8Array::new(&d).to_vec().iter().map(|b| format!("{b:02x}")).collect());
            }
        }
    }
    worker::sha256(bytes).await
}

async fn bitmap(blob: &Blob) -> Result<ImageBitmap, FileProblem> {
    let window = web_sys::window().ok_or(UNREADABLE)?;
    let p = window.create_image_bitmap_with_blob(blob).map_err(|_| UNREADABLE)?;
    JsFuture::from(p).await.map(JsCast::unchecked_into).map_err(|_| CANNOT_CONVERT)
}

/// The picture drawn on a canvas no larger than `max_side` (never enlarged).
fn draw(image: &ImageBitmap, max_side: u32) -> Result<(HtmlCanvasElement, CanvasRenderingContext2d, u32, u32), FileProblem> {
    let (cw, ch) = fit(image.width(), image.height(), max_side);
    let document = web_sys::window().and_then(|w| w.document()).ok_or(UNREADABLE)?;
    let canvas: HtmlCanvasElement = document.create_element("canvas").map_err(|_| UNREADABLE)?.unchecked_into();
    canvas.set_width(cw);
    canvas.set_height(ch);
    let cx: CanvasRenderingContext2d = canvas.get_context("2d").ok().flatten().ok_or(UNREADABLE)?.unchecked_into();
    // White under transparent PNG areas (a scanned page is white).
    cx.set_fill_style_str("#fff");
    cx.fill_rect(0.0, 0.0, cw as f64, ch as f64);
    cx.draw_image_with_image_bitmap_and_dw_and_dh(image, 0.0, 0.0, cw as f64, ch as f64).map_err(|_| UNREADABLE)?;
    Ok((canvas, cx, cw, ch))
}

/// Brightness and sharpness of a photo, measured on a copy 512 pixels on its longer side.
pub async fn photo_quality(blob: &Blob) -> Result<Quality, FileProblem> {
    let image = bitmap(blob).await?;
    let (_, cx, w, h) = draw(&image, QUALITY_SIDE)?;
    let rgba = cx.get_image_data(0.0, 0.0, w as f64, h as f64).map_err(|_| UNREADABLE)?.data().0;
    let grey = grey(&rgba);
    quality(&Luma { width: w as usize, height: h as usize, pixels: &grey }).ok_or(CANNOT_CONVERT)
}

/// The JPEG copy the core asked for.
pub async fn jpeg_copy(blob: &Blob, copy: JpegCopy) -> Result<Vec<u8>, FileProblem> {
    let image = bitmap(blob).await?;
    let (canvas, _, _, _) = draw(&image, copy.side)?;
    let mut failed = false;
    let promise = Promise::new(&mut |resolve, _reject| {
        failed = canvas.to_blob_with_type_and_encoder_options(&resolve, "image/jpeg", &JsValue::from_f64(copy.quality)).is_err();
    });
    if failed {
        return Err(CANNOT_CONVERT);
    }
    let out = JsFuture::from(promise).await.map_err(|_| CANNOT_CONVERT)?;
    let out: Blob = out.dyn_into().map_err(|_| CANNOT_CONVERT)?;
    read(&out).await
}

/// A file checked and ready to attach (not yet checked against the rest of the dossier: see
/// `core::checklist::Attached::admit`).
pub struct Prepared {
    pub attachment: Attachment,
    pub blob: Blob,
    /// The original, when hoso scaled a photo down to fit the limit.
    pub original: Option<(String, Blob)>,
}

/// Reads and checks one chosen file with the core's rules. A photo refused only for its size
/// is scaled down as the core says (the original is kept); a photo gets its brightness and
/// sharpness measured. `Err` is the refusal.
pub async fn prepare(blob: &Blob, name: &str, limits: &Limits) -> Result<Prepared, Vec<FileProblem>> {
    let bytes = read(blob).await.map_err(|p| vec![p])?;
    let report = worker::check(name, &bytes, limits).await.map_err(|p| vec![p])?;
    let (bytes, blob, report, original) = if report.scale_down() {
        let smaller = jpeg_copy(blob, SCALE_DOWN).await.map_err(|p| vec![p])?;
        let again = worker::check(name, &smaller, limits).await.map_err(|p| vec![p])?.of_scaled_copy(bytes.len() as u64);
        if again.refused() {
            return Err(again.problems);
        }
        let original = (sha256(&bytes).await.map_err(|p| vec![p])?, blob.clone());
        let copy = to_blob(&smaller, "image/jpeg").map_err(|p| vec![p])?;
        (smaller, copy, again, Some(original))
    } else if report.refused() {
        return Err(report.problems.into_iter().filter(FileProblem::refuses).collect());
    } else {
        (bytes, blob.clone(), report, None)
    };
    let mut report = report;
    if report.kind.is_image() {
        if let Ok(q) = photo_quality(&blob).await {
            report.problems.extend(quality_problems(&q));
        }
    }
    let hash = sha256(&bytes).await.map_err(|p| vec![p])?;
    let mut attachment = Attachment::new(hash, name.to_string(), &report);
    if let Some((h, _)) = &original {
        attachment.from.push(h.clone());
    }
    Ok(Prepared { attachment, blob, original })
}

/// Combines the photos of one paper into a single PDF, following the core's steps: each step
/// makes smaller copies until the PDF fits the per-file limit. The photos' bytes stay in the
/// store (the PDF comes `from` them).
pub async fn photos_to_pdf(photos: &[Attachment], name: &str, limits: &Limits) -> Result<Prepared, Vec<FileProblem>> {
    let mut last = 0;
    for (step, copy) in COMBINE_STEPS.iter().enumerate() {
        let mut jpegs = Vec::new();
        for p in photos {
            let blob = blob(&p.hash).ok_or(vec![UNREADABLE])?;
            let made = if as_is(step, p.kind, p.width.max(p.height)) { read(&blob).await } else { jpeg_copy(&blob, *copy).await };
            jpegs.push(made.map_err(|p| vec![p])?);
        }
        let pdf = worker::combine(&jpegs).await.map_err(|p| vec![p])?;
        if pdf.len() as u64 > limits.max_file_bytes {
            last = pdf.len() as u64;
            continue;
        }
        let blob = to_blob(&pdf, "application/pdf").map_err(|p| vec![p])?;
        let mut prepared = prepare(&blob, name, limits).await?;
        let shrunk = (step > 0).then_some((copy.side, limits.max_file_bytes));
        prepared.attachment = Attachment::combined(prepared.attachment, photos, shrunk);
        return Ok(prepared);
    }
    Err(vec![FileProblem::CombinedTooLarge { photos: photos.len(), size: last, limit: limits.max_file_bytes }])
}

/// Offers `blob` as a download named `name` (the browser's "save" of a link with `download`).
/// Returns the object URL, valid for this page's life, for a link the person can click again.
pub fn save_as(blob: &Blob, name: &str) -> Option<String> {
    let url = web_sys::Url::create_object_url_with_blob(blob).ok()?;
    let link: web_sys::HtmlElement = web_sys::window()?.document()?.create_element("a").ok()?.dyn_into().ok()?;
    link.set_attribute("href", &url).ok()?;
    link.set_attribute("download", name).ok()?;
    link.click();
    DOWNLOADS.with(|d| d.borrow_mut().push(url.clone()));
    Some(url)
}
