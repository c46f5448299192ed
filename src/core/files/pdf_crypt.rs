//! Does an encrypted PDF need a password to open? Papers downloaded from e-government, bank and
//! e-invoice systems often carry an *owner* password only: they open without one (the empty user
//! password), with printing or copying restricted. Only a PDF whose user password is not empty
//! cannot be read by the receiving office.
//!
//! The standard security handler (ISO 32000-2 §7.6.4) is tried with the empty password:
//! revisions 2–4 (RC4/AES-128, MD5 keys: algorithms 2 and 4–6) and 5–6 (AES-256, SHA-2:
//! algorithm 2.B). Any other handler (certificates) needs something the office does not have.

use md5::{Digest as _, Md5};
use sha2::{Sha256, Sha384, Sha512};

use super::sniff::find;

/// What an `/Encrypt` entry means for the person receiving the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encryption {
    None,
    /// Opens without a password; some uses are restricted.
    OwnerOnly,
    /// A password (or a certificate) is needed to open it.
    NeedsPassword,
}

/// The values of the standard handler's dictionary that the check needs.
#[derive(Debug, Default, PartialEq, Eq)]
struct Standard {
    revision: u32,
    key_bits: u32,
    o: Vec<u8>,
    u: Vec<u8>,
    p: i64,
    encrypt_metadata: bool,
    id0: Vec<u8>,
}

pub fn encryption(bytes: &[u8]) -> Encryption {
    let Some(dict) = encrypt_dictionary(bytes) else { return Encryption::None };
    match standard(dict, bytes) {
        Some(s) if empty_password_opens(&s) => Encryption::OwnerOnly,
        _ => Encryption::NeedsPassword,
    }
}

/// The `/Encrypt` dictionary, inline or through a reference to its object; `None` when the file
/// has no `/Encrypt` entry.
fn encrypt_dictionary(bytes: &[u8]) -> Option<&[u8]> {
    let mut from = 0;
    while let Some(i) = find(&bytes[from..], b"/Encrypt") {
        let at = from + i + 8;
        let after = skip_ws(&bytes[at..]);
        if after.starts_with(b"<<") {
            return Some(dictionary(after));
        }
        if let Some((num, gen)) = numbered(after, "R") {
            let header = format!("{num} {gen} obj");
            let mut search = 0;
            while let Some(j) = find(&bytes[search..], header.as_bytes()) {
                let start = search + j;
                // The header must start a token: not "11 0 obj" when looking for "1 0 obj".
                if start == 0 || !bytes[start - 1].is_ascii_digit() {
                    return Some(dictionary(skip_ws(&bytes[start + header.len()..])));
                }
                search = start + 1;
            }
            // An /Encrypt entry whose dictionary cannot be found: assume the worst.
            return Some(b"");
        }
        from = at;
    }
    None
}

fn skip_ws(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

/// `12 0 <keyword>` at the start of `b` (`R` for a reference, `obj` for an object's header):
/// the object and generation numbers.
pub(super) fn numbered(b: &[u8], keyword: &str) -> Option<(u32, u32)> {
    let s = String::from_utf8_lossy(&b[..b.len().min(32)]);
    let mut t = s.split_ascii_whitespace();
    let (num, gen, word) = (t.next()?.parse().ok()?, t.next()?.parse().ok()?, t.next()?);
    word.starts_with(keyword).then_some((num, gen))
}

/// The dictionary starting at `<<`, up to its matching `>>`.
fn dictionary(b: &[u8]) -> &[u8] {
    let mut depth = 0usize;
    let mut i = 0;
    while i + 1 < b.len() {
        match (b[i], b[i + 1]) {
            (b'<', b'<') => {
                depth += 1;
                i += 2;
                continue;
            }
            (b'>', b'>') => {
                depth = depth.saturating_sub(1);
                i += 2;
                if depth == 0 {
                    return &b[..i];
                }
                continue;
            }
            (b'(', _) => i += literal(&b[i..]).map_or(1, |(_, used)| used),
            _ => i += 1,
        }
    }
    b
}

fn standard(dict: &[u8], file: &[u8]) -> Option<Standard> {
    let filter = value_after(dict, b"/Filter")?;
    if !filter.starts_with(b"/Standard") {
        return None;
    }
    let number = |key: &[u8]| -> Option<i64> {
        let v = value_after(dict, key)?;
        let n = v.iter().take_while(|c| c.is_ascii_digit() || **c == b'-').count();
        std::str::from_utf8(&v[..n]).ok()?.parse().ok()
    };
    let string = |key: &[u8]| value_after(dict, key).and_then(pdf_string);
    let id0 = find_last(file, b"/ID").and_then(|i| {
        let v = skip_ws(&file[i + 3..]);
        v.strip_prefix(b"[").and_then(|v| pdf_string(skip_ws(v)))
    });
    Some(Standard {
        revision: number(b"/R")? as u32,
        key_bits: number(b"/Length").map_or(40, |l| l as u32),
        o: string(b"/O")?,
        u: string(b"/U")?,
        p: number(b"/P")?,
        encrypt_metadata: value_after(dict, b"/EncryptMetadata").is_none_or(|v| !v.starts_with(b"false")),
        id0: id0.unwrap_or_default(),
    })
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// What follows a key at the top level of a dictionary (`/R 3` → `3 …`), skipping nested
/// dictionaries (a crypt filter's own `/Length`) and strings. Keys are matched whole: `/O` is not
/// `/OE`.
pub(super) fn value_after<'a>(dict: &'a [u8], key: &[u8]) -> Option<&'a [u8]> {
    let (mut depth, mut i) = (0usize, 0usize);
    while i < dict.len() {
        let rest = &dict[i..];
        if rest.starts_with(b"<<") {
            depth += 1;
            i += 2;
        } else if rest.starts_with(b">>") {
            depth = depth.saturating_sub(1);
            i += 2;
        } else if rest[0] == b'(' {
            i += literal(rest).map_or(1, |(_, used)| used);
        } else if rest[0] == b'<' {
            i += rest.iter().position(|c| *c == b'>').map_or(1, |e| e + 1);
        } else if depth <= 1 && rest.starts_with(key) && !rest.get(key.len()).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return Some(skip_ws(&rest[key.len()..]));
        } else {
            i += 1;
        }
    }
    None
}

/// A PDF string at the start of `b`: literal `(…)` or hexadecimal `<…>`.
fn pdf_string(b: &[u8]) -> Option<Vec<u8>> {
    match b.first()? {
        b'(' => literal(b).map(|(s, _)| s),
        b'<' => {
            let end = b.iter().position(|c| *c == b'>')?;
            let digits: Vec<u8> = b[1..end].iter().filter(|c| !c.is_ascii_whitespace()).copied().collect();
            let nibble = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
            digits.chunks(2).map(|p| Some(nibble(p[0])? << 4 | p.get(1).map_or(Some(0), |c| nibble(*c))?)).collect()
        }
        _ => None,
    }
}

/// A literal string with its escapes, and how many bytes it used.
fn literal(b: &[u8]) -> Option<(Vec<u8>, usize)> {
    let mut out = Vec::new();
    let (mut depth, mut i) = (0usize, 0usize);
    while i < b.len() {
        let c = b[i];
        i += 1;
        match c {
            b'(' if depth == 0 => depth = 1,
            b'(' => {
                depth += 1;
                out.push(c);
            }
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some((out, i));
                }
                out.push(c);
            }
            b'\\' => {
                let e = *b.get(i)?;
                i += 1;
                match e {
                    b'n' => out.push(b'\n'),
                    b'r' => out.push(b'\r'),
                    b't' => out.push(b'\t'),
                    b'b' => out.push(8),
                    b'f' => out.push(12),
                    b'0'..=b'7' => {
                        let mut v = (e - b'0') as u32;
                        for _ in 0..2 {
                            match b.get(i) {
                                Some(d @ b'0'..=b'7') => {
                                    v = v * 8 + (d - b'0') as u32;
                                    i += 1;
                                }
                                _ => break,
                            }
                        }
                        out.push(v as u8);
                    }
                    b'\r' => {
                        if b.get(i) == Some(&b'\n') {
                            i += 1;
                        }
                    }
                    b'\n' => {}
                    other => out.push(other),
                }
            }
            _ => out.push(c),
        }
    }
    None
}

const PAD: [u8; 32] = [
    0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08, 0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C,
    0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
];

/// Whether the empty user password opens the file.
fn empty_password_opens(s: &Standard) -> bool {
    match s.revision {
        2..=4 => {
            if s.o.len() < 32 || s.u.len() < 16 {
                return false;
            }
            // Algorithm 2: the file key from the (padded, empty) password.
            let n = if s.revision == 2 { 5 } else { (s.key_bits as usize / 8).clamp(5, 16) };
            let mut h = Md5::new();
            h.update(PAD);
            h.update(&s.o[..32]);
            h.update((s.p as i32).to_le_bytes());
            h.update(&s.id0);
            if s.revision >= 4 && !s.encrypt_metadata {
                h.update([0xFF; 4]);
            }
            let mut key = h.finalize().to_vec();
            if s.revision >= 3 {
                for _ in 0..50 {
                    key = Md5::digest(&key[..n]).to_vec();
                }
            }
            let key = &key[..n];
            if s.revision == 2 {
                // Algorithm 4.
                s.u.len() >= 32 && rc4(key, &PAD) == s.u[..32]
            } else {
                // Algorithm 5.
                let mut h = Md5::new();
                h.update(PAD);
                h.update(&s.id0);
                let mut x = rc4(key, &h.finalize());
                for i in 1..=19u8 {
                    let k: Vec<u8> = key.iter().map(|b| b ^ i).collect();
                    x = rc4(&k, &x);
                }
                x[..16] == s.u[..16]
            }
        }
        5 | 6 => {
            if s.u.len() < 48 {
                return false;
            }
            let salt = &s.u[32..40];
            let hash = if s.revision == 5 { Sha256::digest(salt).to_vec() } else { hash_2b(b"", salt) };
            hash[..32] == s.u[..32]
        }
        _ => false,
    }
}

fn rc4(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut s: [u8; 256] = std::array::from_fn(|i| i as u8);
    let mut j = 0u8;
    for i in 0..256 {
        j = j.wrapping_add(s[i]).wrapping_add(key[i % key.len()]);
        s.swap(i, j as usize);
    }
    let (mut i, mut j) = (0u8, 0u8);
    data.iter()
        .map(|b| {
            i = i.wrapping_add(1);
            j = j.wrapping_add(s[i as usize]);
            s.swap(i as usize, j as usize);
            b ^ s[s[i as usize].wrapping_add(s[j as usize]) as usize]
        })
        .collect()
}

/// Algorithm 2.B (revision 6) for a user password: no user key data.
fn hash_2b(password: &[u8], salt: &[u8]) -> Vec<u8> {
    use aes::cipher::{BlockEncrypt, KeyInit};
    let mut k = Sha256::new().chain_update(password).chain_update(salt).finalize().to_vec();
    let mut round = 0usize;
    loop {
        let k1: Vec<u8> = [password, &k].concat().repeat(64);
        let cipher = aes::Aes128::new_from_slice(&k[..16]).expect("16-byte key");
        // AES-128 in CBC mode, no padding (k1 is a multiple of 16 bytes).
        let mut e = Vec::with_capacity(k1.len());
        let mut prev: [u8; 16] = k[16..32].try_into().expect("16-byte iv");
        for chunk in k1.chunks(16) {
            let mut block = aes::Block::default();
            for (b, (x, p)) in block.iter_mut().zip(chunk.iter().zip(prev)) {
                *b = x ^ p;
            }
            cipher.encrypt_block(&mut block);
            prev = block.into();
            e.extend_from_slice(&prev);
        }
        k = match e[..16].iter().map(|b| *b as u32).sum::<u32>() % 3 {
            0 => Sha256::digest(&e).to_vec(),
            1 => Sha384::digest(&e).to_vec(),
            _ => Sha512::digest(&e).to_vec(),
        };
        round += 1;
        if round >= 64 && (*e.last().expect("not empty") as usize) <= round - 32 {
            return k[..32].to_vec();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rc4_matches_the_published_test_vector() {
        // RFC 6229 style classic vector: key "Key", plaintext "Plaintext".
        assert_eq!(rc4(b"Key", b"Plaintext"), [0xBB, 0xF3, 0x16, 0xE8, 0xD9, 0x40, 0xAF, 0x0A, 0xD3]);
    }

    #[test]
    fn literal_and_hex_strings_are_read_with_their_escapes() {
        assert_eq!(pdf_string(b"(a\\(b\\)\\101\\n(c))").unwrap(), b"a(b)A\n(c)");
        assert_eq!(pdf_string(b"<4 1 42 4>").unwrap(), b"AB@");
    }

    #[test]
    fn keys_are_read_at_the_top_level_only() {
        let d = b"<< /CF << /StdCF << /CFM /AESV2 /Length 16 >> >> /Filter /Standard /Length 128 /O (x) /OE <00> >>";
        assert_eq!(&value_after(d, b"/Length").unwrap()[..3], b"128");
        assert_eq!(&value_after(d, b"/O").unwrap()[..3], b"(x)");
    }

    #[test]
    fn a_file_without_encrypt_entry_is_not_encrypted() {
        assert_eq!(encryption(b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF"), Encryption::None);
    }

    #[test]
    fn an_unknown_handler_or_an_unreadable_dictionary_needs_a_password() {
        let pubsec = b"%PDF-1.6\ntrailer<</Encrypt<</Filter/Adobe.PubSec/V 4>>>>\n%%EOF";
        assert_eq!(encryption(pubsec), Encryption::NeedsPassword);
        let dangling = b"%PDF-1.6\ntrailer<</Encrypt 9 0 R>>\n%%EOF";
        assert_eq!(encryption(dangling), Encryption::NeedsPassword);
    }
}
