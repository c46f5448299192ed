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

use crate::core::files::image::{quality, Luma, Quality};

const UNREADABLE: &str = "Không đọc được tệp trên máy (có thể tệp đã bị xoá, di chuyển hoặc đang mở ở chương trình khác). Hãy chọn lại.";

thread_local! {
    static LIMITS: std::cell::Cell<crate::core::files::Limits> = std::cell::Cell::new(crate::core::files::Limits::default());
    static STORE: RefCell<HashMap<String, (Blob, Option<String>)>> = RefCell::new(HashMap::new());
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

/// Forgets a file (when it is removed and nothing else refers to it).
pub fn forget(hash: &str) {
    if let Some((_, Some(url))) = STORE.with(|s| s.borrow_mut().remove(hash)) {
        let _ = web_sys::Url::revoke_object_url(&url);
    }
}

pub async fn read(blob: &Blob) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(blob.array_buffer()).await.map_err(|_| UNREADABLE.to_string())?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Bytes as a Blob of the given MIME type.
pub fn to_blob(bytes: &[u8], mime: &str) -> Result<Blob, String> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(|_| "Không tạo được tệp trong trình duyệt.".into())
}

fn subtle() -> Option<web_sys::SubtleCrypto> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let subtle = js_sys::Reflect::get(&crypto, &JsValue::from_str("subtle")).ok()?;
    (!subtle.is_undefined()).then(|| subtle.unchecked_into())
}

/// SHA-256 of the bytes, lower-case hex: WebCrypto where available (secure pages, localhost),
/// else the core's Rust path. Both give the same address.
pub async fn sha256(bytes: &[u8]) -> String {
    if let Some(subtle) = subtle() {
        if let Ok(p) = subtle.digest_with_str_and_u8_array("SHA-256", &mut bytes.to_vec()) {
            if let Ok(d) = JsFuture::from(p).await {
                return Uint8Array::new(&d).to_vec().iter().map(|b| format!("{b:02x}")).collect();
            }
        }
    }
    crate::core::files::sha256_hex(bytes)
}

async fn bitmap(blob: &Blob) -> Result<ImageBitmap, String> {
    let window = web_sys::window().ok_or(UNREADABLE)?;
    let p = window.create_image_bitmap_with_blob(blob).map_err(|_| UNREADABLE.to_string())?;
    JsFuture::from(p).await.map(JsCast::unchecked_into).map_err(|_| "Trình duyệt không mở được ảnh này: ảnh có thể bị hỏng. Hãy chụp lại.".to_string())
}

/// The picture drawn on a canvas no larger than `max_side` (never enlarged).
fn draw(image: &ImageBitmap, max_side: u32) -> Result<(HtmlCanvasElement, CanvasRenderingContext2d, u32, u32), String> {
    let (w, h) = (image.width(), image.height());
    let scale = (max_side as f64 / w.max(h).max(1) as f64).min(1.0);
    let (cw, ch) = (((w as f64 * scale).round() as u32).max(1), ((h as f64 * scale).round() as u32).max(1));
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
pub async fn photo_quality(blob: &Blob) -> Result<Quality, String> {
    let image = bitmap(blob).await?;
    let (_, cx, w, h) = draw(&image, 512)?;
    let rgba = cx.get_image_data(0.0, 0.0, w as f64, h as f64).map_err(|_| UNREADABLE)?.data().0;
    let grey: Vec<u8> = rgba.chunks_exact(4).map(|p| ((p[0] as u32 * 299 + p[1] as u32 * 587 + p[2] as u32 * 114) / 1000) as u8).collect();
    quality(&Luma { width: w as usize, height: h as usize, pixels: &grey }).ok_or_else(|| "Ảnh quá nhỏ để đo.".into())
}

/// A JPEG copy no larger than `max_side` pixels, at the given quality (0–1).
pub async fn jpeg_copy(blob: &Blob, max_side: u32, quality: f64) -> Result<Vec<u8>, String> {
    let image = bitmap(blob).await?;
    let (canvas, _, _, _) = draw(&image, max_side)?;
    let mut failed = false;
    let promise = Promise::new(&mut |resolve, _reject| {
        failed = canvas.to_blob_with_type_and_encoder_options(&resolve, "image/jpeg", &JsValue::from_f64(quality)).is_err();
    });
    if failed {
        return Err("Trình duyệt không thu nhỏ được ảnh này.".into());
    }
    let out = JsFuture::from(promise).await.map_err(|_| "Trình duyệt không thu nhỏ được ảnh này.".to_string())?;
    let out: Blob = out.dyn_into().map_err(|_| "Trình duyệt không thu nhỏ được ảnh này.".to_string())?;
    read(&out).await
}

/// A file checked and ready to attach (not yet checked against the rest of the dossier: see
/// `core::checklist::admit`).
pub struct Prepared {
    pub attachment: crate::core::checklist::Attachment,
    pub blob: Blob,
    /// The original, when hoso scaled a photo down to fit the limit.
    pub original: Option<(String, Blob)>,
}

/// Photos larger than the limit are scaled down to this many pixels on their longer side.
pub const SCALED_SIDE: u32 = 2000;

/// Reads and checks one chosen file with the core's rules. A photo refused only for its size
/// is scaled down (the original is kept); a photo gets its brightness and sharpness measured.
/// `Err` is the refusal, in plain words.
pub async fn prepare(blob: &Blob, name: &str, limits: &crate::core::files::Limits) -> Result<Prepared, String> {
    use crate::core::checklist::Attachment;
    use crate::core::files::{check_file, human_size, quality_problems, Level};
    let bytes = read(blob).await?;
    let report = check_file(name, &bytes, limits);
    let refusal = |r: &crate::core::files::FileReport| r.problems.iter().filter(|p| p.level == Level::Refused).map(|p| p.message.clone()).collect::<Vec<_>>().join(" ");
    let (bytes, blob, report, original) = if report.only_too_large() && report.kind.is_image() {
        let smaller = jpeg_copy(blob, SCALED_SIDE, 0.85).await?;
        let mut again = check_file(name, &smaller, limits);
        // The name still says .png for a scaled PNG: not worth a warning, hoso made the copy.
        again.problems.retain(|p| !p.message.starts_with("Tên tệp có đuôi"));
        if again.refused() {
            return Err(refusal(&again));
        }
        again.problems.insert(0, crate::core::files::Problem {
            level: Level::Warning,
            message: format!("Ảnh gốc {} đã được thu nhỏ còn {} để vừa giới hạn; ảnh gốc vẫn được giữ trên máy.", human_size(bytes.len() as u64), human_size(smaller.len() as u64)),
        });
        let original = (sha256(&bytes).await, blob.clone());
        let copy = to_blob(&smaller, "image/jpeg")?;
        (smaller, copy, again, Some(original))
    } else if report.refused() {
        return Err(refusal(&report));
    } else {
        (bytes, blob.clone(), report, None)
    };
    let mut report = report;
    if report.kind.is_image() {
        if let Ok(q) = photo_quality(&blob).await {
            report.problems.extend(quality_problems(&q));
        }
    }
    let hash = sha256(&bytes).await;
    let mut attachment = Attachment::new(hash, name.to_string(), &report);
    if let Some((h, _)) = &original {
        attachment.from.push(h.clone());
    }
    Ok(Prepared { attachment, blob, original })
}

/// Combines the photos of one paper into a single PDF (one page each, JPEG copies no larger
/// than [`SCALED_SIDE`]); when the PDF would pass the per-file limit, the copies are made smaller
/// and recompressed, step by step, until it fits. The photos' hashes go into `from`; their bytes
/// stay in the store.
pub async fn photos_to_pdf(photos: &[crate::core::checklist::Attachment], name: &str, limits: &crate::core::files::Limits) -> Result<Prepared, String> {
    use crate::core::files::{human_size, FileKind};
    // (longer side, JPEG quality): the first step keeps small JPEGs as they are.
    const STEPS: [(u32, f64); 4] = [(SCALED_SIDE, 0.85), (1600, 0.75), (1300, 0.65), (1000, 0.55)];
    let mut last = None;
    for (step, &(side, quality)) in STEPS.iter().enumerate() {
        let mut jpegs = Vec::new();
        for p in photos {
            let blob = blob(&p.hash).ok_or(UNREADABLE)?;
            let as_is = step == 0 && p.kind == FileKind::Jpeg && p.width.max(p.height).is_some_and(|s| s <= side);
            jpegs.push(if as_is { read(&blob).await? } else { jpeg_copy(&blob, side, quality).await? });
        }
        let refs: Vec<&[u8]> = jpegs.iter().map(Vec::as_slice).collect();
        let pdf = crate::core::files::combine::jpegs_to_pdf(&refs)?;
        if pdf.len() as u64 > limits.max_file_bytes {
            last = Some(pdf.len());
            continue;
        }
        let blob = to_blob(&pdf, "application/pdf")?;
        let mut prepared = prepare(&blob, name, limits).await?;
        prepared.attachment.from = photos.iter().flat_map(|p| std::iter::once(p.hash.clone()).chain(p.from.iter().cloned())).collect();
        if step > 0 {
            prepared.attachment.warnings.push(format!("Ảnh đã được thu nhỏ (cạnh dài {side} điểm ảnh) để tệp PDF vừa giới hạn {}.", human_size(limits.max_file_bytes)));
        }
        prepared.attachment.warnings.extend(photos.iter().flat_map(|p| p.warnings.iter().filter(|w| !w.starts_with("Ảnh gốc")).cloned()));
        return Ok(prepared);
    }
    Err(format!(
        "{} ảnh gộp lại vẫn quá lớn ({}, giới hạn {} mỗi tệp) dù đã thu nhỏ. Hãy gộp thành nhiều tệp, mỗi tệp ít ảnh hơn.",
        photos.len(),
        human_size(last.unwrap_or(0) as u64),
        human_size(limits.max_file_bytes)
    ))
}
