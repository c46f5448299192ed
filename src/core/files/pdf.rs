//! Enough of PDF to tell a receiving office's problems in advance: files that are not whole,
//! passwords, and the number of pages. Reads the page tree's `/Count`, also inside compressed
//! object streams (PDF 1.5+, what Word and most scanners write).

use super::pdf_crypt::{encryption, numbered, value_after, Encryption};
use super::sniff::find;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PdfInfo {
    /// Written (or downloaded) to the end: see [`whole`].
    pub complete: bool,
    pub encryption: Encryption,
    /// Has at least one object: a PDF, not just a header.
    pub has_objects: bool,
    /// From the page tree (`Some(0)`: a tree with no page), else from the page objects; `None`
    /// when neither can be read.
    pub pages: Option<u32>,
}

pub fn inspect(bytes: &[u8]) -> PdfInfo {
    inspect_within(bytes, UNPACK_BUDGET).0
}

/// [`inspect`], unpacking at most `budget` bytes of object streams; and how many it unpacked.
fn inspect_within(bytes: &[u8], mut budget: usize) -> (PdfInfo, usize) {
    let start_budget = budget;
    let complete = whole(bytes);
    let encryption = encryption(bytes);
    let encrypted = encryption != Encryption::None;
    let has_objects = find(bytes, b"endobj").is_some() || find(bytes, b" obj").is_some();
    let mut count: Option<u32> = None;
    let mut note = |c: Option<u32>| {
        if let Some(c) = c {
            count = Some(count.map_or(c, |x| x.max(c)));
        }
    };
    // Plain objects: each chunk up to `endobj` holds (at most) one object. Object streams are
    // unpacked within one budget for the whole file: a small file whose streams each unpack to
    // tens of megabytes must not keep the check busy for seconds.
    for object in split(bytes, b"endobj") {
        note(pages_count(object));
        if is_object_stream(object) && !encrypted && budget > 0 {
            let (data, unpacked) = stream_data(object, budget);
            // What a stream over the budget unpacked before it was stopped counts too.
            budget -= unpacked.min(budget);
            if let Some(data) = data {
                for inner in object_stream_objects(object, &data) {
                    note(pages_count(inner));
                }
            }
        }
    }
    // Page objects themselves, when the tree says none or cannot be read.
    let objects = split(bytes, b"endobj").filter(|o| type_is(o, b"/Page")).count() as u32;
    let pages = match count {
        Some(c) if c > 0 => Some(c),
        _ if objects > 0 => Some(objects),
        Some(0) => Some(0),
        _ => None,
    };
    (PdfInfo { complete, encryption, has_objects, pages }, start_budget - budget)
}

/// Whether the file is whole: it ends (trailing spaces aside) with `%%EOF`, after a `startxref`
/// whose offset points at a cross-reference table or stream inside the file; and, when it is
/// linearised ("fast web view"), it is at least as long as its first dictionary says. A file cut
/// anywhere, also just before its last lines or after the first page of a linearised file, fails.
pub fn whole(bytes: &[u8]) -> bool {
    let end = bytes.len() - bytes.iter().rev().take_while(|b| b.is_ascii_whitespace() || **b == 0).count();
    let Some(body) = bytes[..end].strip_suffix(b"%%EOF") else { return false };
    let tail = &body[body.len().saturating_sub(64)..];
    let Some(at) = tail.windows(9).rposition(|w| w == b"startxref") else { return false };
    let after = &tail[at + 9..];
    let digits: String = after.iter().skip_while(|b| b.is_ascii_whitespace()).take_while(|b| b.is_ascii_digit()).map(|b| *b as char).collect();
    let Ok(offset) = digits.parse::<usize>() else { return false };
    let Some(target) = bytes.get(offset..) else { return false };
    // A cross-reference table, or a cross-reference stream (an object: `12 0 obj`).
    let points_at_xref = target.starts_with(b"xref") || numbered(target, "obj").is_some();
    points_at_xref && linearised_length(bytes).is_none_or(|l| l <= bytes.len())
}

/// The file length `/L` of a linearisation dictionary (the first object of a linearised file).
fn linearised_length(bytes: &[u8]) -> Option<usize> {
    let head = &bytes[..bytes.len().min(1024)];
    let i = find(head, b"/Linearized")?;
    let dict_end = find(&head[i..], b">>").map_or(head.len(), |e| i + e);
    let v = value_after(&head[i + 11..dict_end], b"/L")?;
    std::str::from_utf8(&v[..v.iter().take_while(|b| b.is_ascii_digit()).count()]).ok()?.parse().ok()
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

/// How many bytes of object streams one file may unpack in all (real ones are a few hundred kB).
const UNPACK_BUDGET: usize = 32 << 20;

/// The decoded content of the object's stream (Flate only, which is what object streams use), if
/// it fits in `limit` bytes; and how many bytes were unpacked to find out.
fn stream_data(object: &[u8], limit: usize) -> (Option<Vec<u8>>, usize) {
    let Some(s) = find(object, b"stream") else { return (None, 0) };
    let mut start = s + 6;
    if object.get(start) == Some(&b'\r') {
        start += 1;
    }
    if object.get(start) == Some(&b'\n') {
        start += 1;
    }
    let dict = &object[..s];
    let end = number_after(dict, b"/Length")
        .map(|l| start + l as usize)
        .filter(|e| *e <= object.len())
        .or_else(|| find(&object[start..], b"endstream").map(|e| start + e));
    let Some(raw) = end.and_then(|end| object.get(start..end)) else { return (None, 0) };
    if find(dict, b"/FlateDecode").is_some() {
        match miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(raw, limit) {
            Ok(data) => {
                let n = data.len();
                (Some(data), n)
            }
            Err(e) => (None, e.output.len()),
        }
    } else if raw.len() <= limit {
        (Some(raw.to_vec()), raw.len())
    } else {
        (None, limit)
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
pub(crate) mod tests {
    use super::*;

    /// A small, whole PDF with `pages` pages and a real cross-reference table.
    pub(crate) fn simple(pages: u32) -> Vec<u8> {
        let kids: Vec<String> = (0..pages).map(|i| format!("{} 0 R", 3 + i)).collect();
        let mut objects = vec!["<< /Type /Catalog /Pages 2 0 R >>".to_string(), format!("<< /Type /Pages /Kids [{}] /Count {pages} >>", kids.join(" "))];
        objects.extend((0..pages).map(|_| "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>".to_string()));
        let mut s = String::from("%PDF-1.4\n");
        let mut offsets = Vec::new();
        for (i, o) in objects.iter().enumerate() {
            offsets.push(s.len());
            s += &format!("{} 0 obj\n{o}\nendobj\n", i + 1);
        }
        let xref = s.len();
        s += &format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
        for o in offsets {
            s += &format!("{o:010} 00000 n \n");
        }
        s += &format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1);
        s.into_bytes()
    }

    #[test]
    fn a_plain_pdf_has_its_pages_counted() {
        let info = inspect(&simple(3));
        assert_eq!(info, PdfInfo { complete: true, encryption: Encryption::None, has_objects: true, pages: Some(3) });
    }

    #[test]
    fn pages_inside_a_compressed_object_stream_are_counted() {
        let objects = b"<< /Type /Catalog /Pages 2 0 R >> << /Type/Pages/Kids[3 0 R 4 0 R]/Count 2 >> ";
        let header = "1 0 2 34 ";
        let data = [header.as_bytes(), objects].concat();
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&data, 6);
        let mut pdf =
            format!("%PDF-1.7\n5 0 obj\n<< /Type /ObjStm /N 2 /First {} /Filter /FlateDecode /Length {} >>\nstream\n", header.len(), packed.len()).into_bytes();
        pdf.extend_from_slice(&packed);
        pdf.extend_from_slice(b"\nendstream\nendobj\n3 0 obj\n<</Type/Page>>\nendobj\n%%EOF\n");
        assert_eq!(inspect(&pdf).pages, Some(2));
    }

    #[test]
    fn object_streams_are_unpacked_within_one_budget_for_the_whole_file() {
        // Twelve object streams of 1 MB each (a few kB packed): a small file that would make
        // the check unpack 12 MB. With a 2.5 MB budget it stops there (also counting the half
        // stream unpacked before it was found too large), and still counts the pages it can see.
        let junk = miniz_oxide::deflate::compress_to_vec_zlib(&vec![b' '; 1 << 20], 9);
        let mut pdf = b"%PDF-1.7\n1 0 obj\n<< /Type /Pages /Count 2 >>\nendobj\n".to_vec();
        for i in 0..12 {
            pdf.extend(format!("{} 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {} >>\nstream\n", i + 5, junk.len()).as_bytes());
            pdf.extend_from_slice(&junk);
            pdf.extend_from_slice(b"\nendstream\nendobj\n");
        }
        pdf.extend_from_slice(b"%%EOF\n");
        let (info, unpacked) = inspect_within(&pdf, 5 << 19);
        assert_eq!(unpacked, 5 << 19);
        assert_eq!(info.pages, Some(2));
        assert_eq!(inspect_within(&pdf, usize::MAX).1, 12 << 20, "without a budget all of it");
    }

    #[test]
    fn a_pdf_cut_anywhere_is_not_whole() {
        let full = simple(2);
        assert!(whole(&full));
        for cut in [full.len() - 40, full.len() - 8, full.len() - 6, full.len() / 2, 20] {
            assert!(!whole(&full[..cut]), "cut at {cut} of {}", full.len());
        }
        let mut padded = full.clone();
        padded.extend_from_slice(b"\r\n\0\0");
        assert!(whole(&padded), "trailing line ends and NULs from a download are fine");
    }

    #[test]
    fn a_pdf_whose_startxref_points_nowhere_or_elsewhere_is_not_whole() {
        assert!(!whole(b"%PDF-1.4\n1 0 obj<<>>endobj\nstartxref\n99999\n%%EOF"));
        assert!(!whole(b"%PDF-1.4\n1 0 obj<<>>endobj\nstartxref\n0\n%%EOF"), "offset 0 is the header, not a table");
    }

    #[test]
    fn a_linearised_pdf_shorter_than_it_says_is_not_whole() {
        // The first page's part of a linearised file ends with its own `startxref`/`%%EOF`;
        // the /L of its first dictionary tells the whole length.
        let head = "%PDF-1.5\n1 0 obj\n<< /Linearized 1 /L 99999 /N 1 >>\nendobj\n";
        let xref = head.len();
        let first_part = format!("{head}xref\n1 1\n0000000009 00000 n \ntrailer\n<< /Size 2 >>\nstartxref\n{xref}\n%%EOF\n");
        assert!(!whole(first_part.as_bytes()));
        let honest = first_part.replace("99999", &format!("{:05}", first_part.len()));
        assert!(whole(honest.as_bytes()));
    }

    #[test]
    fn a_page_tree_with_no_page_is_counted_as_none() {
        let empty = String::from_utf8(simple(0)).unwrap();
        assert_eq!(inspect(empty.as_bytes()).pages, Some(0));
        let no_tree = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF";
        assert_eq!(inspect(no_tree).pages, None);
    }

    #[test]
    fn outline_counts_are_not_page_counts() {
        let mut pdf = simple(2);
        pdf.extend_from_slice(b"9 0 obj\n<< /Type /Outlines /Count 40 >>\nendobj\n%%EOF");
        assert_eq!(inspect(&pdf).pages, Some(2));
    }
}
