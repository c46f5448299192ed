//! The CLI's photo adapter: the same grey copy the browser draws on a canvas (no larger than
//! `QUALITY_SIDE`, on white, luma weights), made natively with the `image` crate, so that a
//! desk running `hoso files check` on a dark or blurred photo gets the app's warnings.

use hoso::core::files::image::Quality;

/// Brightness and sharpness of a JPEG or PNG; `None` when it cannot be decoded.
#[cfg(not(target_arch = "wasm32"))]
pub fn photo_quality(bytes: &[u8]) -> Option<Quality> {
    use hoso::core::files::image::{fit, grey, quality, Luma, QUALITY_SIDE};
    let picture = image::load_from_memory(bytes).ok()?;
    let (w, h) = fit(picture.width(), picture.height(), QUALITY_SIDE);
    let small = picture.resize_exact(w, h, image::imageops::FilterType::Triangle).to_rgba8();
    quality(&Luma { width: w as usize, height: h as usize, pixels: &grey(small.as_raw()) })
}

/// Cargo builds every binary of the package for the wasm32 component tests; the CLI never runs
/// there.
#[cfg(target_arch = "wasm32")]
pub fn photo_quality(_: &[u8]) -> Option<Quality> {
    None
}
