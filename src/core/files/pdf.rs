//! Enough of PDF to tell a receiving office's problems in advance: cut-off files, passwords, and
//! the number of pages. Reads the page tree's `/Count`, also inside compressed object streams
//! (PDF 1.5+, what Word and most scanners write).

use super::sniff::find;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PdfInfo {
    /// `%%EOF` near the end: the file was written (or downloaded) to the end.
    pub complete: bool,
    /// An `/Encrypt` dictionary: a password or restrictions.
    pub encrypted: bool,
    /// Has at least one object: a PDF, not just a header.
    pub has_objects: bool,
    pub pages: Option<u32>,
}

pub fn inspect(bytes: &[u8]) -> PdfInfo {
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    let complete = find(tail, b"%%EOF").is_some();
    let encrypted = encrypt_entry(bytes);
    let has_objects = find(bytes, b"endobj").is_some() || find(bytes, b" obj").is_some();
    let mut count: Option<u32> = None;
    let mut note = |c: Option<u32>| {
        if let Some(c) = c {
            count = Some(count.map_or(c, |x| x.max(c)));
        }
    };
    // Plain objects: each chunk up to `endobj` holds (at most) one object.
    for object in split(bytes, b"endobj") {
        note(pages_count(object));
        if is_object_stream(object) && !encrypted {
            if let Some(data) = stream_data(object) {
                for inner in object_stream_objects(object, &data) {
                    note(pages_count(inner));
                }
            }
        }
    }
    let pages = count.filter(|c| *c > 0).or_else(|| {
        // No page tree found: count the page objects themselves.
        let n = split(bytes, b"endobj").filter(|o| type_is(o, b"/Page")).count() as u32;
        (n > 0).then_some(n)
    });
    PdfInfo { complete, encrypted, has_objects, pages }
}

fn split<'a>(bytes: &'a [u8], sep: &'a [u8]) -> impl Iterator<Item = &'a [u8]> + 'a {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        match find(rest, sep) {
            Some(i) => {
                let (chunk, after) = rest.split_at(i);
                rest = &after[sep.len()..];
                Some(chunk)
            }
            None => {
                let chunk = rest;
                rest = &[];
                Some(chunk)
            }
        }
    })
}

/// `/Encrypt` followed by a reference or a dictionary (in a trailer or an xref stream).
fn encrypt_entry(bytes: &[u8]) -> bool {
    let mut from = 0;
    while let Some(i) = find(&bytes[from..], b"/Encrypt") {
        let after = &bytes[from + i + 8..];
        let next = after.iter().find(|b| !b.is_ascii_whitespace());
        if next.is_some_and(|b| b.is_ascii_digit() || *b == b'<') {
            return true;
        }
        from += i + 8;
    }
    false
}

/// Whether the object's dictionary says `/Type /Pages` (or `/Page` exactly), spaces allowed.
fn type_is(object: &[u8], name: &[u8]) -> bool {
    let dict = &object[..find(object, b"stream").unwrap_or(object.len())];
    let mut from = 0;
    while let Some(i) = find(&dict[from..], b"/Type") {
        let mut rest = &dict[from + i + 5..];
        while rest.first().is_some_and(|b| b.is_ascii_whitespace()) {
            rest = &rest[1..];
        }
        if rest.starts_with(name) && !rest.get(name.len()).is_some_and(|b| b.is_ascii_alphanumeric()) {
            return true;
        }
        from += i + 5;
    }
    false
}

/// The `/Count` of a page tree node.
fn pages_count(object: &[u8]) -> Option<u32> {
    if !type_is(object, b"/Pages") {
        return None;
    }
    number_after(object, b"/Count")
}

fn number_after(bytes: &[u8], key: &[u8]) -> Option<u32> {
    let i = find(bytes, key)?;
    let digits: Vec<u8> = bytes[i + key.len()..].iter().skip_while(|b| b.is_ascii_whitespace()).take_while(|b| b.is_ascii_digit()).copied().collect();
    std::str::from_utf8(&digits).ok()?.parse().ok()
}

fn is_object_stream(object: &[u8]) -> bool {
    type_is(object, b"/ObjStm")
}

/// The decoded content of the object's stream (Flate only, which is what object streams use).
fn stream_data(object: &[u8]) -> Option<Vec<u8>> {
    let s = find(object, b"stream")?;
    let mut start = s + 6;
    if object.get(start) == Some(&b'\r') {
        start += 1;
    }
    if object.get(start) == Some(&b'\n') {
        start += 1;
    }
    let dict = &object[..s];
    let end = number_after(dict, b"/Length").map(|l| start + l as usize).filter(|e| *e <= object.len()).or_else(|| find(&object[start..], b"endstream").map(|e| start + e))?;
    let raw = &object[start..end];
    if find(dict, b"/FlateDecode").is_some() {
        // A cap keeps a hostile file from using all memory: object streams are small.
        miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(raw, 64 << 20).ok()
    } else {
        Some(raw.to_vec())
    }
}

/// The objects inside an object stream: `N` pairs of (number, offset), then the objects from
/// `/First`.
fn object_stream_objects<'a>(object: &[u8], data: &'a [u8]) -> Vec<&'a [u8]> {
    let (Some(n), Some(first)) = (number_after(object, b"/N"), number_after(object, b"/First")) else { return Vec::new() };
    let header = std::str::from_utf8(&data[..(first as usize).min(data.len())]).unwrap_or("");
    let offsets: Vec<usize> = header.split_ascii_whitespace().filter_map(|t| t.parse().ok()).skip(1).step_by(2).take(n as usize).collect();
    let body = &data[(first as usize).min(data.len())..];
    offsets
        .iter()
        .enumerate()
        .filter_map(|(i, &start)| {
            let end = offsets.get(i + 1).copied().unwrap_or(body.len()).min(body.len());
            body.get(start..end)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn simple(pages: u32) -> Vec<u8> {
        let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 3 + i)).collect();
        let mut s = format!("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [{}] /Count {pages} >>\nendobj\n", kids.join(" "));
        for i in 0..pages {
            s += &format!("{} 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n", 3 + i);
        }
        s += "trailer\n<< /Root 1 0 R >>\nstartxref\n0\n%%EOF\n";
        s.into_bytes()
    }

    #[test]
    fn a_plain_pdf_has_its_pages_counted() {
        let info = inspect(&simple(3));
        assert_eq!(info, PdfInfo { complete: true, encrypted: false, has_objects: true, pages: Some(3) });
    }

    #[test]
    fn pages_inside_a_compressed_object_stream_are_counted() {
        let objects = b"<< /Type /Catalog /Pages 2 0 R >> << /Type/Pages/Kids[3 0 R 4 0 R]/Count 2 >> ";
        let header = "1 0 2 34 ";
        let data = [header.as_bytes(), objects].concat();
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&data, 6);
        let mut pdf = format!("%PDF-1.7\n5 0 obj\n<< /Type /ObjStm /N 2 /First {} /Filter /FlateDecode /Length {} >>\nstream\n", header.len(), packed.len()).into_bytes();
        pdf.extend_from_slice(&packed);
        pdf.extend_from_slice(b"\nendstream\nendobj\n3 0 obj\n<</Type/Page>>\nendobj\n%%EOF\n");
        assert_eq!(inspect(&pdf).pages, Some(2));
    }

    #[test]
    fn a_cut_off_or_encrypted_pdf_is_noticed() {
        let full = simple(2);
        assert!(!inspect(&full[..full.len() - 40]).complete);
        let mut locked = simple(1);
        let at = find(&locked, b"<< /Root").unwrap();
        locked.splice(at + 2..at + 2, b" /Encrypt 9 0 R".iter().copied());
        assert!(inspect(&locked).encrypted);
        assert!(!inspect(&simple(1)).encrypted);
    }

    #[test]
    fn outline_counts_are_not_page_counts() {
        let mut pdf = simple(2);
        pdf.extend_from_slice(b"9 0 obj\n<< /Type /Outlines /Count 40 >>\nendobj\n%%EOF");
        assert_eq!(inspect(&pdf).pages, Some(2));
    }
}
