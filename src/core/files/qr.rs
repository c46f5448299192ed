//! Reading a QR code from a grey picture: the căn cước's code, from a photo of the card or a
//! camera frame (the adapters make the grey copy; `rqrr` finds and decodes the code). Only the
//! text comes out; the picture is not kept.

use super::image::Luma;

/// The text of the first QR code found in the picture, if any.
pub fn read_qr(picture: &Luma) -> Option<String> {
    if picture.pixels.len() < picture.width * picture.height || picture.width == 0 || picture.height == 0 {
        return None;
    }
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(picture.width, picture.height, |x, y| picture.pixels[y * picture.width + x]);
    prepared.detect_grids().into_iter().find_map(|grid| grid.decode().ok().map(|(_, text)| text))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A QR code as a camera sees it: `scale` pixels a module, a white margin, on a grey background.
    fn picture(text: &str, scale: usize) -> (usize, Vec<u8>) {
        let qr = qrcodegen::QrCode::encode_text(text, qrcodegen::QrCodeEcc::Medium).unwrap();
        let n = qr.size() as usize;
        let side = (n + 8) * scale + 40;
        let mut pixels = vec![180u8; side * side];
        for y in 0..(n + 8) * scale {
            for x in 0..(n + 8) * scale {
                let (mx, my) = ((x / scale) as i32 - 4, (y / scale) as i32 - 4);
                pixels[(y + 20) * side + x + 20] = if qr.get_module(mx, my) { 20 } else { 245 };
            }
        }
        (side, pixels)
    }

    #[test]
    fn a_cards_code_is_read_with_its_vietnamese_letters() {
        let text = "001199012345|013456789|Nguyễn Thị Ánh Tuyết|15031999|Nữ|Số 12, ngõ 5, Phường Quán Thánh, Quận Ba Đình, Hà Nội|20042021";
        for scale in [3, 6] {
            let (side, pixels) = picture(text, scale);
            assert_eq!(read_qr(&Luma { width: side, height: side, pixels: &pixels }).as_deref(), Some(text), "{scale} px a module");
        }
    }

    #[test]
    fn a_picture_without_a_code_gives_nothing() {
        let noise: Vec<u8> = (0..200 * 150).map(|i: u32| (i.wrapping_mul(2_654_435_761) >> 24) as u8).collect();
        assert_eq!(read_qr(&Luma { width: 200, height: 150, pixels: &noise }), None);
        assert_eq!(read_qr(&Luma { width: 10, height: 10, pixels: &[0; 5] }), None, "fewer pixels than the size says");
    }
}
