//! Photos of one paper (both sides of a card, the pages of a book) combined into one PDF, a page
//! per photo, each page A4-wide with the photo's proportions. JPEG data goes in as it is
//! (DCTDecode): no re-encoding here; the browser has already scaled the photos down.

use super::image::jpeg_info;
use super::{FileKind, FileProblem};

/// A copy of a photo the browser is asked to make: a JPEG no larger than `side` pixels on its
/// longer side (never enlarged), at `quality` (0–1).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct JpegCopy {
    pub side: u32,
    pub quality: f64,
}

/// A photo over the per-file limit is scaled down to this (the original is kept).
pub const SCALE_DOWN: JpegCopy = JpegCopy { side: 2000, quality: 0.85 };

/// Combining photos into one PDF: each step makes smaller copies, until the PDF fits the limit.
pub const COMBINE_STEPS: [JpegCopy; 4] =
    [SCALE_DOWN, JpegCopy { side: 1600, quality: 0.75 }, JpegCopy { side: 1300, quality: 0.65 }, JpegCopy { side: 1000, quality: 0.55 }];

/// Whether a photo goes into the PDF as it is at this step: only at the first step, and only a
/// JPEG no larger than the step's side (anything else is redrawn as a JPEG copy).
pub fn as_is(step: usize, kind: FileKind, long_side: Option<u32>) -> bool {
    step == 0 && kind == FileKind::Jpeg && long_side.is_some_and(|s| s <= COMBINE_STEPS[0].side)
}

/// Builds the PDF. Every input must be a JPEG (the caller converts PNG photos first).
pub fn jpegs_to_pdf(photos: &[&[u8]]) -> Result<Vec<u8>, FileProblem> {
    if photos.is_empty() {
        return Err(FileProblem::NothingToCombine);
    }
    let mut out: Vec<u8> = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets: Vec<usize> = Vec::new();
    let n = photos.len();
    // Objects: 1 catalog, 2 pages, then per photo: page, image, content.
    let page_id = |i: usize| 3 + 3 * i;
    let object = |out: &mut Vec<u8>, offsets: &mut Vec<usize>, body: &[u8]| {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", offsets.len()).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    };
    object(&mut out, &mut offsets, b"<< /Type /Catalog /Pages 2 0 R >>");
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", page_id(i))).collect();
    object(&mut out, &mut offsets, format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).as_bytes());
    for (i, jpeg) in photos.iter().enumerate() {
        let info = jpeg_info(jpeg).ok_or(FileProblem::ImageBroken { found: FileKind::Jpeg })?;
        // A4 width (595 pt), height from the photo's proportions.
        let (w, h) = (595.0_f64, 595.0 * info.height as f64 / info.width.max(1) as f64);
        let (page, image, content) = (page_id(i), page_id(i) + 1, page_id(i) + 2);
        object(
            &mut out,
            &mut offsets,
            format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w:.2} {h:.2}] /Resources << /XObject << /Im{i} {image} 0 R >> >> /Contents {content} 0 R >>")
                .as_bytes(),
        );
        let components = if info.grey { "/DeviceGray" } else { "/DeviceRGB" };
        let mut body = format!(
            "<< /Type /XObject /Subtype /Image /Width {} /Height {} /ColorSpace {components} /BitsPerComponent 8 /Filter /DCTDecode /Length {} >>\nstream\n",
            info.width,
            info.height,
            jpeg.len()
        )
        .into_bytes();
        body.extend_from_slice(jpeg);
        body.extend_from_slice(b"\nendstream");
        object(&mut out, &mut offsets, &body);
        let draw = format!("q {w:.2} 0 0 {h:.2} 0 0 cm /Im{i} Do Q");
        object(&mut out, &mut offsets, format!("<< /Length {} >>\nstream\n{draw}\nendstream", draw.len()).as_bytes());
        debug_assert_eq!(offsets.len(), content);
        let _ = page;
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", offsets.len() + 1).as_bytes());
    for o in &offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", offsets.len() + 1).as_bytes());
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::files::pdf::inspect;
    use crate::core::files::test_files::tiny_jpeg;

    #[test]
    fn two_photos_make_a_two_page_pdf_that_hoso_itself_reads_back() {
        let (front, back) = (tiny_jpeg(1200, 760), tiny_jpeg(1200, 760));
        let pdf = jpegs_to_pdf(&[&front, &back]).unwrap();
        let info = inspect(&pdf);
        assert_eq!(info.pages, Some(2));
        assert!(info.complete && info.encryption == crate::core::files::Encryption::None);
        // The xref offsets point at the objects.
        let tail = String::from_utf8_lossy(&pdf[pdf.len() - 40..]).to_string();
        let xref_at: usize = tail.rsplit("startxref\n").next().unwrap().lines().next().unwrap().parse().unwrap();
        assert!(pdf[xref_at..].starts_with(b"xref"));
    }

    #[test]
    fn only_jpeg_photos_can_be_combined() {
        assert_eq!(jpegs_to_pdf(&[]), Err(FileProblem::NothingToCombine));
        assert_eq!(jpegs_to_pdf(&[b"%PDF-1.4"]), Err(FileProblem::ImageBroken { found: FileKind::Jpeg }));
    }

    #[test]
    fn small_jpegs_go_in_as_they_are_at_the_first_step_only() {
        assert!(as_is(0, FileKind::Jpeg, Some(1600)));
        assert!(!as_is(0, FileKind::Jpeg, Some(4000)), "a large photo is redrawn smaller");
        assert!(!as_is(0, FileKind::Png, Some(800)), "a PNG is redrawn as a JPEG");
        assert!(!as_is(1, FileKind::Jpeg, Some(800)), "later steps recompress everything");
        assert!(COMBINE_STEPS.windows(2).all(|w| w[1].side < w[0].side && w[1].quality < w[0].quality), "each step is smaller");
    }
}
