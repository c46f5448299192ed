//! What a file really is, from its first bytes (never from its name), and what its name claims.

use serde::{Deserialize, Serialize};

/// The real type of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileKind {
    Pdf,
    Jpeg,
    Png,
    /// iPhone photos (HEIC/HEIF, AVIF).
    Heic,
    /// Other pictures: WebP, GIF, TIFF, BMP.
    OtherImage,
    /// Word, Excel, OpenDocument without macros.
    Office,
    /// Office files that can carry macros (.doc/.xls of old, .docm, anything with a VBA project).
    OfficeMacro,
    /// .zip, .rar, .7z, .gz.
    Archive,
    /// Programs: .exe, .msi, ELF, Mach-O, Java, Android packages.
    Executable,
    /// Scripts and web pages: .js, .vbs, .bat, .ps1, .sh, .html.
    Script,
    Unknown,
}

impl FileKind {
    /// What people call it.
    pub fn name(self) -> &'static str {
        match self {
            FileKind::Pdf => "PDF",
            FileKind::Jpeg => "ảnh JPEG",
            FileKind::Png => "ảnh PNG",
            FileKind::Heic => "ảnh HEIC",
            FileKind::OtherImage => "ảnh",
            FileKind::Office => "tệp Word/Excel",
            FileKind::OfficeMacro => "tệp Office có thể chứa macro",
            FileKind::Archive => "tệp nén",
            FileKind::Executable => "tệp chương trình",
            FileKind::Script => "tệp mã lệnh",
            FileKind::Unknown => "tệp không rõ loại",
        }
    }

    /// The extension hoso writes on export.
    pub fn extension(self) -> Option<&'static str> {
        match self {
            FileKind::Pdf => Some("pdf"),
            FileKind::Jpeg => Some("jpg"),
            FileKind::Png => Some("png"),
            _ => None,
        }
    }

    pub fn is_image(self) -> bool {
        matches!(self, FileKind::Jpeg | FileKind::Png)
    }

    /// The MIME type of an accepted kind.
    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
            _ => "application/octet-stream",
        }
    }
}

/// The lower-case extension of a file name (`Giấy khai sinh.PDF` → `pdf`).
pub fn extension(name: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.contains(['/', '\\']) => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// The kind a file name claims, if its extension is a known one.
pub fn claimed_kind(name: &str) -> Option<FileKind> {
    Some(match extension(name).as_str() {
        "pdf" => FileKind::Pdf,
        "jpg" | "jpeg" | "jfif" | "jpe" => FileKind::Jpeg,
        "png" => FileKind::Png,
        "heic" | "heif" | "avif" => FileKind::Heic,
        "webp" | "gif" | "tif" | "tiff" | "bmp" => FileKind::OtherImage,
        "docx" | "xlsx" | "pptx" | "odt" | "ods" => FileKind::Office,
        "doc" | "xls" | "ppt" | "docm" | "xlsm" | "pptm" => FileKind::OfficeMacro,
        "zip" | "rar" | "7z" | "gz" | "tgz" | "tar" => FileKind::Archive,
        "exe" | "msi" | "com" | "scr" | "dll" | "apk" | "jar" | "app" | "dmg" | "lnk" => FileKind::Executable,
        "js" | "mjs" | "vbs" | "vbe" | "bat" | "cmd" | "ps1" | "sh" | "hta" | "wsf" | "html" | "htm" | "svg" => FileKind::Script,
        _ => return None,
    })
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    find(hay, needle).is_some()
}

pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    memchr::memmem::find(hay, needle)
}

/// The real type, from the bytes.
pub fn sniff(bytes: &[u8]) -> FileKind {
    let head = &bytes[..bytes.len().min(1024)];
    let starts = |sig: &[u8]| bytes.starts_with(sig);
    if find(head, b"%PDF-").is_some() {
        return FileKind::Pdf;
    }
    if starts(&[0xFF, 0xD8, 0xFF]) {
        return FileKind::Jpeg;
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return FileKind::Png;
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let brand = &bytes[8..12];
        if [b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis"].iter().any(|b| brand == *b) {
            return FileKind::Heic;
        }
    }
    if (starts(b"RIFF") && bytes.get(8..12) == Some(b"WEBP")) || starts(b"GIF87a") || starts(b"GIF89a") || starts(b"II*\0") || starts(b"MM\0*") || starts(b"BM")
    {
        return FileKind::OtherImage;
    }
    if starts(b"MZ")
        || starts(b"\x7fELF")
        || starts(&[0xCA, 0xFE, 0xBA, 0xBE])
        || starts(&[0xFE, 0xED, 0xFA, 0xCE])
        || starts(&[0xFE, 0xED, 0xFA, 0xCF])
        || starts(&[0xCF, 0xFA, 0xED, 0xFE])
        || starts(&[0xCE, 0xFA, 0xED, 0xFE])
        || starts(b"dex\n")
    {
        return FileKind::Executable;
    }
    if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        // Old Word/Excel (and .msi): macros live here.
        return FileKind::OfficeMacro;
    }
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        // File names in a zip are stored in clear: enough to tell an Office document, a macro,
        // a program package or a plain archive apart.
        if contains(bytes, b"vbaProject.bin") {
            return FileKind::OfficeMacro;
        }
        if contains(bytes, b"AndroidManifest.xml") || contains(bytes, b"META-INF/MANIFEST.MF") {
            return FileKind::Executable;
        }
        if contains(bytes, b"[Content_Types].xml") || contains(head, b"mimetypeapplication/vnd.oasis.opendocument") {
            return FileKind::Office;
        }
        return FileKind::Archive;
    }
    if starts(b"Rar!\x1a\x07") || starts(&[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) || starts(&[0x1F, 0x8B]) || bytes.get(257..262) == Some(b"ustar") {
        return FileKind::Archive;
    }
    if starts(b"#!") || starts(b"@echo") || starts(b"@ECHO") {
        return FileKind::Script;
    }
    let lower: Vec<u8> =
        head.iter().skip_while(|b| b.is_ascii_whitespace() || **b == 0xEF || **b == 0xBB || **b == 0xBF).take(200).map(u8::to_ascii_lowercase).collect();
    if [&b"<!doctype html"[..], b"<html", b"<script", b"<svg", b"<?xml"].iter().any(|p| lower.starts_with(p))
        && (contains(&lower, b"html") || contains(&lower, b"script") || contains(&lower, b"svg"))
    {
        return FileKind::Script;
    }
    FileKind::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bytes_decide_not_the_name() {
        assert_eq!(sniff(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), FileKind::Pdf);
        assert_eq!(sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F']), FileKind::Jpeg);
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), FileKind::Png);
        assert_eq!(sniff(b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"), FileKind::Heic);
        assert_eq!(sniff(b"MZ\x90\0\x03\0\0\0"), FileKind::Executable);
        assert_eq!(sniff(b"PK\x03\x04\x14\0\0\0[Content_Types].xml word/document.xml"), FileKind::Office);
        assert_eq!(sniff(b"PK\x03\x04\x14\0\0\0[Content_Types].xml word/vbaProject.bin"), FileKind::OfficeMacro);
        assert_eq!(sniff(b"PK\x03\x04\x14\0\0\0photos/1.jpg"), FileKind::Archive);
        assert_eq!(sniff(b"Rar!\x1a\x07\x01\0"), FileKind::Archive);
        assert_eq!(sniff(b"#!/bin/sh\nrm -rf ~"), FileKind::Script);
        assert_eq!(sniff(b"\n<html><script>alert(1)</script>"), FileKind::Script);
        assert_eq!(sniff(b"Xin chao"), FileKind::Unknown);
        assert_eq!(sniff(b""), FileKind::Unknown);
    }

    #[test]
    fn names_claim_a_kind_by_their_extension() {
        assert_eq!(claimed_kind("Giấy khai sinh.PDF"), Some(FileKind::Pdf));
        assert_eq!(claimed_kind("IMG_0001.HEIC"), Some(FileKind::Heic));
        assert_eq!(claimed_kind("hop-dong.docm"), Some(FileKind::OfficeMacro));
        assert_eq!(claimed_kind("README"), None);
        assert_eq!(claimed_kind(".pdf"), None);
    }
}
