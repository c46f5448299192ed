//! Photos of one paper (both sides of a card, the pages of a book) combined into one PDF, a page
//! per photo, each page A4-wide with the photo's proportions. JPEG data goes in as it is
//! (DCTDecode): no re-encoding here; the browser has already scaled the photos down.

use super::image::jpeg_info;

/// Builds the PDF. Every input must be a JPEG (the caller converts PNG photos first).
pub fn jpegs_to_pdf(photos: &[&[u8]]) -> Result<Vec<u8>, String> {
    if photos.is_empty() {
        return Err("Chưa có ảnh nào để gộp.".into());
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
        let info = jpeg_info(jpeg).ok_or_else(|| format!("Ảnh thứ {} không phải ảnh JPEG đọc được.", i + 1))?;
        // A4 width (595 pt), height from the photo's proportions.
        let (w, h) = (595.0_f64, 595.0 * info.height as f64 / info.width.max(1) as f64);
        let (page, image, content) = (page_id(i), page_id(i) + 1, page_id(i) + 2);
        object(
            &mut out,
            &mut offsets,
            format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w:.2} {h:.2}] /Resources << /XObject << /Im{i} {image} 0 R >> >> /Contents {content} 0 R >>").as_bytes(),
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
        assert!(info.complete && !info.encrypted);
        // The xref offsets point at the objects.
        let tail = String::from_utf8_lossy(&pdf[pdf.len() - 40..]).to_string();
        let xref_at: usize = tail.rsplit("startxref\n").next().unwrap().lines().next().unwrap().parse().unwrap();
        assert!(pdf[xref_at..].starts_with(b"xref"));
    }

    #[test]
    fn only_jpeg_photos_can_be_combined() {
        assert!(jpegs_to_pdf(&[]).is_err());
        assert!(jpegs_to_pdf(&[b"%PDF-1.4"]).unwrap_err().contains("Ảnh thứ 1"));
    }
}
