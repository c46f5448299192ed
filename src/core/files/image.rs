//! Photos of papers: size from the header (JPEG, PNG), cut-off files, and two simple measures on
//! the pixels the browser decodes: brightness and sharpness.

/// Width and height in pixels, whether the picture is grey only (one colour component), and
/// whether the file ends where its format says it ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImageInfo {
    pub width: u32,
    pub height: u32,
    pub grey: bool,
    pub complete: bool,
}

/// JPEG: the frame header (SOFn) gives the size; the file must end with the EOI marker.
pub fn jpeg_info(b: &[u8]) -> Option<ImageInfo> {
    let mut i = 2;
    let mut size = None;
    while i + 4 <= b.len() {
        if b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        if marker == 0xFF {
            i += 1;
            continue;
        }
        if marker == 0xD9 || marker == 0xDA {
            break;
        }
        let len = u16::from_be_bytes([b[i + 2], b[i + 3]]) as usize;
        let is_frame = (0xC0..=0xCF).contains(&marker) && ![0xC4, 0xC8, 0xCC].contains(&marker);
        if is_frame && i + 9 <= b.len() {
            let h = u16::from_be_bytes([b[i + 5], b[i + 6]]) as u32;
            let w = u16::from_be_bytes([b[i + 7], b[i + 8]]) as u32;
            let components = b.get(i + 9).copied().unwrap_or(3);
            size = Some((w, h, components == 1));
        }
        i += 2 + len;
    }
    let (width, height, grey) = size?;
    // Some cameras pad after EOI: look near the end.
    let end = b.iter().rposition(|&x| x != 0).map_or(0, |p| p + 1);
    let complete = end >= 2 && b[..end].ends_with(&[0xFF, 0xD9]);
    Some(ImageInfo { width, height, grey, complete })
}

/// PNG: the IHDR chunk gives the size; the file must end with the IEND chunk.
pub fn png_info(b: &[u8]) -> Option<ImageInfo> {
    if b.len() < 24 || &b[12..16] != b"IHDR" {
        return None;
    }
    let width = u32::from_be_bytes(b[16..20].try_into().ok()?);
    let height = u32::from_be_bytes(b[20..24].try_into().ok()?);
    // Colour type 0 (grey) or 4 (grey with alpha).
    let grey = matches!(b.get(25), Some(0 | 4));
    let complete = b.ends_with(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82]);
    Some(ImageInfo { width, height, grey, complete })
}

/// A grey-level picture (one byte per pixel, rows top to bottom), usually a small copy of the
/// photo made by the browser.
pub struct Luma<'a> {
    pub width: usize,
    pub height: usize,
    pub pixels: &'a [u8],
}

/// Two measures people can understand, each on a 0–100 scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quality {
    /// Average lightness: 0 is black, 100 is white. A page photographed in good light is 50+.
    pub brightness: f32,
    /// How crisp the edges are: the spread of the Laplacian (edge strength) over the picture,
    /// capped at 100. Printed text photographed in focus scores 25 and more; a shaken photo
    /// scores a few points.
    pub sharpness: f32,
}

/// The grey copy the quality is measured on: this many pixels on its longer side.
pub const QUALITY_SIDE: u32 = 512;

/// The size of a copy no larger than `max_side` on its longer side (never enlarged, never 0).
pub fn fit(width: u32, height: u32, max_side: u32) -> (u32, u32) {
    let scale = (max_side as f64 / width.max(height).max(1) as f64).min(1.0);
    (((width as f64 * scale).round() as u32).max(1), ((height as f64 * scale).round() as u32).max(1))
}

/// Grey levels (ITU-R 601 weights) from RGBA pixels, transparent parts on white (a scanned page
/// is white). Every adapter that draws a copy (the browser's canvas, the CLI's decoder) turns
/// it grey here.
pub fn grey(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .map(|p| {
            let on_white = |c: u8| (c as u32 * p[3] as u32 + 255 * (255 - p[3] as u32)) / 255;
            ((on_white(p[0]) * 299 + on_white(p[1]) * 587 + on_white(p[2]) * 114) / 1000) as u8
        })
        .collect()
}

/// Below these, hoso warns (and explains); it never refuses a photo for them.
pub const DARK_BELOW: f32 = 25.0;
pub const BLURRY_BELOW: f32 = 8.0;

pub fn quality(l: &Luma) -> Option<Quality> {
    let (w, h) = (l.width, l.height);
    if w < 3 || h < 3 || l.pixels.len() < w * h {
        return None;
    }
    let px = |x: usize, y: usize| l.pixels[y * w + x] as f64;
    let mean = l.pixels[..w * h].iter().map(|&p| p as f64).sum::<f64>() / (w * h) as f64;
    let (mut sum, mut sum_sq, mut n) = (0.0, 0.0, 0.0);
    for y in 1..h - 1 {
        for x in 1..w - 1 {
            let lap = px(x - 1, y) + px(x + 1, y) + px(x, y - 1) + px(x, y + 1) - 4.0 * px(x, y);
            sum += lap;
            sum_sq += lap * lap;
            n += 1.0;
        }
    }
    let variance = (sum_sq / n - (sum / n).powi(2)).max(0.0);
    Some(Quality { brightness: (mean / 255.0 * 100.0) as f32, sharpness: (variance.sqrt() as f32).min(100.0) })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_keep_proportions_and_are_never_enlarged() {
        assert_eq!(fit(4000, 3000, 512), (512, 384));
        assert_eq!(fit(300, 200, 512), (300, 200));
        assert_eq!(fit(10000, 1, 512), (512, 1));
    }

    #[test]
    fn grey_uses_luma_weights_and_puts_transparency_on_white() {
        assert_eq!(grey(&[255, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 0]), [76, 0, 255]);
    }

    #[test]
    fn a_jpeg_header_gives_its_size_and_a_missing_end_is_noticed() {
        // SOI, APP0 (len 16), SOF0 (len 17: 8 bits, 480 rows, 640 columns, 3 components), SOS, data, EOI.
        let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 16];
        b.extend_from_slice(&[b'J', b'F', b'I', b'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        b.extend_from_slice(&[0xFF, 0xC0, 0, 17, 8, 0x01, 0xE0, 0x02, 0x80, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
        b.extend_from_slice(&[0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 0x12, 0x34, 0xFF, 0xD9]);
        assert_eq!(jpeg_info(&b), Some(ImageInfo { width: 640, height: 480, grey: false, complete: true }));
        assert!(!jpeg_info(&b[..b.len() - 2]).unwrap().complete);
        assert_eq!(jpeg_info(&[0xFF, 0xD8, 0xFF]), None);
    }

    #[test]
    fn a_dark_page_and_a_blurred_page_score_low() {
        let (w, h) = (64, 64);
        // Black "text" strokes on white paper.
        let sharp: Vec<u8> = (0..w * h).map(|i| if (i % w) % 8 < 2 && (i / w) % 12 < 8 { 20 } else { 235 }).collect();
        let q = quality(&Luma { width: w, height: h, pixels: &sharp }).unwrap();
        assert!(q.brightness > 60.0 && q.sharpness >= 25.0, "{q:?}");
        // The same page, blurred by averaging 7×7 neighbourhoods, twice.
        let blur = |src: &[u8]| -> Vec<u8> {
            (0..w * h)
                .map(|i| {
                    let (x, y) = ((i % w) as i64, (i / w) as i64);
                    let mut s = 0u32;
                    let mut n = 0u32;
                    for dy in -3..=3 {
                        for dx in -3..=3 {
                            let (xx, yy) = ((x + dx).clamp(0, w as i64 - 1), (y + dy).clamp(0, h as i64 - 1));
                            s += src[yy as usize * w + xx as usize] as u32;
                            n += 1;
                        }
                    }
                    (s / n) as u8
                })
                .collect()
        };
        let blurred = blur(&blur(&sharp));
        let q = quality(&Luma { width: w, height: h, pixels: &blurred }).unwrap();
        assert!(q.sharpness < BLURRY_BELOW, "{q:?}");
        let dark: Vec<u8> = sharp.iter().map(|p| p / 6).collect();
        let q = quality(&Luma { width: w, height: h, pixels: &dark }).unwrap();
        assert!(q.brightness < DARK_BELOW, "{q:?}");
    }
}
