//! Printable A4 documents (the declaration, the receipt) as real PDFs: text set in an embedded
//! font cut to the letters used (`subsetter`), with a ToUnicode map so the Vietnamese text can be
//! selected, searched and extracted (`pdftotext`), and a QR code drawn as squares.
//!
//! The page model is deliberately small: blocks of wrapped text stacked down the page (left,
//! centred, or centred in the right half for a signature), spaces, rules and a QR code, with new
//! pages as needed. The same document and fonts always give the same bytes (no clock, no ids).

use std::collections::BTreeMap;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use serde::{Deserialize, Serialize};
use subsetter::GlyphRemapper;

use crate::core::text::compose;

/// A4 in points.
const PAGE: (f32, f32) = (595.28, 841.89);
/// Margins as the government's document rules ask (left 30 mm, right 20 mm, top and bottom 20 mm).
const LEFT: f32 = 85.0;
const RIGHT: f32 = 57.0;
const TOP: f32 = 57.0;
const BOTTOM: f32 = 57.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Align {
    Left,
    Center,
    /// Centred in the right half (the date and signature block).
    RightHalf,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// A paragraph wrapped to the page; `indent` in points for its lines after the first.
    Text {
        text: String,
        size: f32,
        bold: bool,
        align: Align,
        indent: f32,
    },
    Space(f32),
    /// A short line under a heading.
    Rule,
    /// A QR code of `text`, `side` points square, centred.
    Qr {
        text: String,
        side: f32,
    },
    /// The blocks after this one need this many points together (the date and the signatures):
    /// a new page is started when less is left.
    Keep(f32),
    /// Signature blocks side by side (one alone sits in the right half): each heading, the
    /// "sign here" line, room to sign, and the name under it when known.
    Signatures(Vec<Signature>),
}

/// One signature block: its heading ("NGƯỜI KÊ KHAI"), the line saying what to write ("(Ký, ghi
/// rõ họ, chữ đệm, tên)"), and the name under it when known.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Signature {
    pub title: String,
    pub hint: String,
    pub name: Option<String>,
}

impl Block {
    pub fn text(text: impl Into<String>) -> Block {
        Block::Text { text: text.into(), size: 12.0, bold: false, align: Align::Left, indent: 0.0 }
    }
    pub fn bold(text: impl Into<String>, size: f32, align: Align) -> Block {
        Block::Text { text: text.into(), size, bold: true, align, indent: 0.0 }
    }
    pub fn centered(text: impl Into<String>, size: f32) -> Block {
        Block::Text { text: text.into(), size, bold: false, align: Align::Center, indent: 0.0 }
    }
}

/// A document to print.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    pub title: String,
    /// The document's subject, in its information (plain text a program can find).
    pub subject: String,
    pub blocks: Vec<Block>,
}

/// The two faces of the font shipped with hoso (`public/fonts`).
#[derive(Clone, Copy)]
pub struct Fonts<'a> {
    pub regular: &'a [u8],
    pub bold: &'a [u8],
}

/// Why a document could not be made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PdfProblem {
    /// The font file is not a font hoso can use (damaged, or not the one shipped).
    BadFont,
    /// The QR code's text is too long for a QR code.
    QrTooLong,
}

/// One face: its tables, the glyphs used, and what each stands for.
struct Face<'a> {
    data: &'a [u8],
    face: ttf_parser::Face<'a>,
    remapper: GlyphRemapper,
    /// New glyph id → the text it stands for, and its width in thousandths of the size.
    used: BTreeMap<u16, (char, f32)>,
    scale: f32,
}

impl<'a> Face<'a> {
    fn new(data: &'a [u8]) -> Result<Face<'a>, PdfProblem> {
        let face = ttf_parser::Face::parse(data, 0).map_err(|_| PdfProblem::BadFont)?;
        let scale = 1000.0 / f32::from(face.units_per_em());
        Ok(Face { data, face, remapper: GlyphRemapper::new(), used: BTreeMap::new(), scale })
    }

    fn glyph(&self, c: char) -> ttf_parser::GlyphId {
        self.face.glyph_index(c).or_else(|| self.face.glyph_index('?')).unwrap_or(ttf_parser::GlyphId(0))
    }

    /// Width of `text` at `size` points.
    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| f32::from(self.face.glyph_hor_advance(self.glyph(c)).unwrap_or(0)) * self.scale).sum::<f32>() * size / 1000.0
    }

    /// The string to show: two bytes per glyph, as the subset numbers them.
    fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let g = self.glyph(c);
            let new = self.remapper.remap(g.0);
            let width = f32::from(self.face.glyph_hor_advance(g).unwrap_or(0)) * self.scale;
            // The text a reader extracts is what is drawn: a "?" drawn for a character the font
            // lacks reads as "?", never as that character (nor makes every real "?" read as it).
            let drawn = if self.face.glyph_index(c).is_some() { c } else { '?' };
            self.used.entry(new).or_insert((drawn, width));
            out.extend_from_slice(&new.to_be_bytes());
        }
        out
    }
}

/// A line placed on a page.
struct Line {
    x: f32,
    y: f32,
    size: f32,
    bold: bool,
    text: String,
}

enum Mark {
    Line(Line),
    Rule { x: f32, y: f32, width: f32 },
    Squares { x: f32, y: f32, module: f32, qr: qrcodegen::QrCode },
}

/// A document made: its bytes and how many pages it has.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    pub pages: u32,
}

/// Makes the PDF of `doc`. `created` (seconds since 1970) dates the document.
pub fn render(doc: &Doc, fonts: Fonts, created: i64) -> Result<Rendered, PdfProblem> {
    let mut regular = Face::new(fonts.regular)?;
    let mut bold = Face::new(fonts.bold)?;
    let pages = lay_out(doc, &regular, &bold)?;

    let mut pdf = Pdf::new();
    let mut next = 1;
    let mut id = || {
        next += 1;
        Ref::new(next - 1)
    };
    let (catalog, tree, info) = (id(), id(), id());
    let page_ids: Vec<(Ref, Ref)> = pages.iter().map(|_| (id(), id())).collect();
    let faces = [(id(), id(), id(), id(), id()), (id(), id(), id(), id(), id())];

    // Contents first: they decide which glyphs each face needs.
    let mut streams = Vec::new();
    for marks in &pages {
        let mut content = Content::new();
        for mark in marks {
            match mark {
                Mark::Line(l) => {
                    let face = if l.bold { &mut bold } else { &mut regular };
                    let shown = face.encode(&l.text);
                    content.begin_text();
                    content.set_font(Name(if l.bold { b"F2" } else { b"F1" }), l.size);
                    content.next_line(l.x, l.y);
                    content.show(Str(&shown));
                    content.end_text();
                }
                Mark::Rule { x, y, width } => {
                    content.set_line_width(0.6);
                    content.move_to(*x, *y);
                    content.line_to(x + width, *y);
                    content.stroke();
                }
                Mark::Squares { x, y, module, qr } => {
                    content.set_fill_gray(0.0);
                    let n = qr.size();
                    for row in 0..n {
                        for col in 0..n {
                            if qr.get_module(col, row) {
                                content.rect(x + col as f32 * module, y - (row + 1) as f32 * module, *module, *module);
                            }
                        }
                    }
                    content.fill_nonzero();
                }
            }
        }
        streams.push(miniz_oxide::deflate::compress_to_vec_zlib(&content.finish(), 6));
    }

    pdf.catalog(catalog).pages(tree).lang(TextStr("vi"));
    pdf.pages(tree).kids(page_ids.iter().map(|(p, _)| *p)).count(page_ids.len() as i32);
    {
        let mut doc_info = pdf.document_info(info);
        doc_info.title(TextStr(&doc.title)).subject(TextStr(&doc.subject)).producer(TextStr("hoso"));
        doc_info.creation_date(pdf_date(created));
    }
    for ((page_id, content_id), stream) in page_ids.iter().zip(&streams) {
        let mut page = pdf.page(*page_id);
        page.media_box(Rect::new(0.0, 0.0, PAGE.0, PAGE.1)).parent(tree).contents(*content_id);
        let mut resources = page.resources();
        let mut fonts_dict = resources.fonts();
        fonts_dict.pair(Name(b"F1"), faces[0].0);
        fonts_dict.pair(Name(b"F2"), faces[1].0);
        fonts_dict.finish();
        resources.finish();
        page.finish();
        pdf.stream(*content_id, stream).filter(Filter::FlateDecode);
    }
    for (face, (type0, cid, descriptor, file, cmap), base) in
        [(&regular, faces[0], b"AAAAAA+DejaVuSerif".as_slice()), (&bold, faces[1], b"AAAAAB+DejaVuSerif-Bold".as_slice())]
    {
        embed(&mut pdf, face, base, (type0, cid, descriptor, file, cmap))?;
    }
    Ok(Rendered { bytes: pdf.finish(), pages: page_ids.len() as u32 })
}

fn pdf_date(unix_seconds: i64) -> pdf_writer::Date {
    let r = crate::core::calendar::Receipt::from_unix_millis(unix_seconds * 1000);
    pdf_writer::Date::new(r.date.year() as u16)
        .month(r.date.month())
        .day(r.date.day())
        .hour((r.minute / 60) as u8)
        .minute((r.minute % 60) as u8)
        // pdf-writer writes the fields up to the first one missing: without the seconds the
        // offset would be dropped and readers would take Vietnam's time for UTC.
        .second(0)
        .utc_offset_hour(7)
        .utc_offset_minute(0)
}

/// Writes one face: the Type 0 font, its CID font with widths, the descriptor, the subset
/// font program and the ToUnicode map.
fn embed(pdf: &mut Pdf, face: &Face, base: &[u8], (type0, cid, descriptor, file, cmap): (Ref, Ref, Ref, Ref, Ref)) -> Result<(), PdfProblem> {
    let subset = subsetter::subset(face.data, 0, &face.remapper).map_err(|_| PdfProblem::BadFont)?;
    pdf.type0_font(type0).base_font(Name(base)).encoding_predefined(Name(b"Identity-H")).descendant_font(cid).to_unicode(cmap);
    let mut cid_font = pdf.cid_font(cid);
    cid_font.subtype(CidFontType::Type2).base_font(Name(base));
    cid_font.system_info(SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"Identity"), supplement: 0 });
    cid_font.font_descriptor(descriptor).default_width(0.0).cid_to_gid_map_predefined(Name(b"Identity"));
    {
        let mut widths = cid_font.widths();
        for (g, (_, w)) in &face.used {
            widths.consecutive(*g, [*w]);
        }
    }
    cid_font.finish();
    let bbox = face.face.global_bounding_box();
    let s = face.scale;
    pdf.font_descriptor(descriptor)
        .name(Name(base))
        .flags(FontFlags::SERIF | FontFlags::NON_SYMBOLIC)
        .bbox(Rect::new(f32::from(bbox.x_min) * s, f32::from(bbox.y_min) * s, f32::from(bbox.x_max) * s, f32::from(bbox.y_max) * s))
        .italic_angle(0.0)
        .ascent(f32::from(face.face.ascender()) * s)
        .descent(f32::from(face.face.descender()) * s)
        .cap_height(f32::from(face.face.capital_height().unwrap_or(face.face.ascender())) * s)
        .stem_v(80.0)
        .font_file2(file);
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(&subset, 6);
    pdf.stream(file, &packed).filter(Filter::FlateDecode).pair(Name(b"Length1"), subset.len() as i32);
    let mut map = UnicodeCmap::new(Name(b"Custom"), SystemInfo { registry: Str(b"Adobe"), ordering: Str(b"UCS"), supplement: 0 });
    for (g, (c, _)) in &face.used {
        map.pair(*g, *c);
    }
    pdf.cmap(cmap, &map.finish());
    Ok(())
}

/// Places the blocks on pages.
/// Room kept above the signature blocks for the date line over them.
const KEPT_BEFORE_SIGNATURES: f32 = 20.0;

/// One row of the signature blocks wrapped to its columns: its size, whether bold, and each
/// column's lines; `None` is the room to sign.
type SignatureRow = Option<(f32, bool, Vec<Vec<String>>)>;

/// The signature blocks laid out: where the first column starts, each column's width, and the
/// rows (heading, what to write, room to sign, name), each wrapped to its column once.
fn signature_cells(signers: &[Signature], regular: &Face, bold: &Face, width: f32) -> (f32, f32, Vec<SignatureRow>) {
    let n = signers.len().max(1) as f32;
    let (first, room) = if signers.len() == 1 { (LEFT + width / 2.0, width / 2.0) } else { (LEFT, width / n) };
    let rows: [Option<(f32, bool, Vec<&str>)>; 4] = [
        Some((12.0, true, signers.iter().map(|s| s.title.as_str()).collect())),
        Some((11.0, false, signers.iter().map(|s| s.hint.as_str()).collect())),
        None,
        Some((12.0, true, signers.iter().map(|s| s.name.as_deref().unwrap_or_default()).collect())),
    ];
    let cells = rows
        .iter()
        .map(|r| {
            r.as_ref().map(|(size, is_bold, texts)| {
                let face = if *is_bold { bold } else { regular };
                (*size, *is_bold, texts.iter().map(|t| wrap(&compose(t), |s| face.width(s, *size), room - 8.0, 0.0)).collect::<Vec<_>>())
            })
        })
        .collect();
    (first, room, cells)
}

/// How tall the signature blocks are: each row as tall as its longest column, and 56 points to sign.
fn cells_height(cells: &[SignatureRow]) -> f32 {
    cells.iter().map(|r| r.as_ref().map_or(56.0, |(size, _, columns)| size * 1.35 * columns.iter().map(Vec::len).max().unwrap_or(0) as f32)).sum()
}

fn lay_out(doc: &Doc, regular: &Face, bold: &Face) -> Result<Vec<Vec<Mark>>, PdfProblem> {
    let width = PAGE.0 - LEFT - RIGHT;
    let mut pages: Vec<Vec<Mark>> = vec![Vec::new()];
    let mut y = PAGE.1 - TOP;
    let need = |pages: &mut Vec<Vec<Mark>>, y: &mut f32, height: f32| {
        if *y - height < BOTTOM {
            pages.push(Vec::new());
            *y = PAGE.1 - TOP;
        }
    };
    for (i, block) in doc.blocks.iter().enumerate() {
        match block {
            Block::Space(h) => y -= h,
            // What must stay together: at least `h`, and the signature blocks that follow as tall
            // as they are laid out (three blocks with long headings run past 200 points).
            Block::Keep(h) => {
                let signed = doc.blocks[i + 1..].iter().take(2).find_map(|b| match b {
                    Block::Signatures(signers) => Some(cells_height(&signature_cells(signers, regular, bold, width).2)),
                    _ => None,
                });
                need(&mut pages, &mut y, h.max(signed.map_or(0.0, |s| s + KEPT_BEFORE_SIGNATURES)))
            }
            Block::Rule => {
                let w = 120.0;
                pages.last_mut().expect("a page").push(Mark::Rule { x: LEFT + (width - w) / 2.0, y: y - 4.0, width: w });
                y -= 8.0;
            }
            Block::Qr { text, side } => {
                let qr = qrcodegen::QrCode::encode_text(text, qrcodegen::QrCodeEcc::Medium).map_err(|_| PdfProblem::QrTooLong)?;
                need(&mut pages, &mut y, *side);
                let module = side / qr.size() as f32;
                pages.last_mut().expect("a page").push(Mark::Squares { x: LEFT + (width - side) / 2.0, y, module, qr });
                y -= side;
            }
            Block::Signatures(signers) => {
                let (first, room, cells) = signature_cells(signers, regular, bold, width);
                let lines_of = |columns: &[Vec<String>]| columns.iter().map(Vec::len).max().unwrap_or(0);
                // The blocks are never split across pages.
                need(&mut pages, &mut y, cells_height(&cells));
                for row in &cells {
                    let Some((size, is_bold, columns)) = row else {
                        y -= 56.0;
                        continue;
                    };
                    let face = if *is_bold { bold } else { regular };
                    for i in 0..lines_of(columns) {
                        y -= size * 1.35;
                        for (c, lines) in columns.iter().enumerate() {
                            if let Some(line) = lines.get(i) {
                                let x = first + c as f32 * room + (room - face.width(line, *size)) / 2.0;
                                pages.last_mut().expect("a page").push(Mark::Line(Line { x, y, size: *size, bold: *is_bold, text: line.clone() }));
                            }
                        }
                    }
                }
            }
            Block::Text { text, size, bold: is_bold, align, indent } => {
                let face = if *is_bold { bold } else { regular };
                let (left, room) = match align {
                    Align::RightHalf => (LEFT + width / 2.0, width / 2.0),
                    _ => (LEFT, width),
                };
                let leading = size * 1.35;
                // DejaVu Serif has no "₫": written out, as people write it by hand.
                let text = compose(text).replace('₫', " đồng");
                for (i, line) in wrap(&text, |s| face.width(s, *size), room, *indent).into_iter().enumerate() {
                    need(&mut pages, &mut y, leading);
                    y -= leading;
                    let w = face.width(&line, *size);
                    let x = match align {
                        Align::Left => left + if i > 0 { *indent } else { 0.0 },
                        Align::Center | Align::RightHalf => left + (room - w) / 2.0,
                    };
                    pages.last_mut().expect("a page").push(Mark::Line(Line { x, y, size: *size, bold: *is_bold, text: line }));
                }
            }
        }
    }
    Ok(pages)
}

/// Breaks `text` into lines no wider than `room` (words longer than a line are cut), keeping
/// the person's own line breaks.
fn wrap(text: &str, width: impl Fn(&str) -> f32, room: f32, indent: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
            let room_now = if lines.is_empty() { room } else { room - indent };
            let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if width(&candidate) <= room_now || line.is_empty() && width(word) <= room_now {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the line: cut it.
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if width(&piece) > room - indent {
                    piece.pop();
                    lines.push(std::mem::take(&mut piece));
                    piece.push(c);
                }
            }
            line = piece;
        }
        lines.push(line);
    }
    lines
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn both_faces_can_draw_every_character_an_answer_may_have() {
        let (regular, bold) = crate::core::package::tests::fonts();
        for data in [regular, bold] {
            let face = ttf_parser::Face::parse(&data, 0).unwrap();
            let missing: Vec<String> = crate::core::text::PRINTABLE
                .iter()
                .flat_map(|(from, to)| *from..=*to)
                .filter(|c| face.glyph_index(*c).is_none())
                .map(|c| format!("U+{:04X}", c as u32))
                .collect();
            assert!(missing.is_empty(), "{} {missing:?}", missing.len());
        }
    }

    pub fn fonts() -> (Vec<u8>, Vec<u8>) {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/public/fonts/");
        (std::fs::read(format!("{dir}DejaVuSerif.ttf")).unwrap(), std::fs::read(format!("{dir}DejaVuSerif-Bold.ttf")).unwrap())
    }

    fn sample() -> Doc {
        Doc {
            title: "Tờ khai".into(),
            subject: String::new(),
            blocks: vec![
                Block::bold("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13.0, Align::Center),
                Block::Rule,
                Block::text("1. Họ, chữ đệm, tên: Nguyễn Thị Ánh Tuyết"),
                Block::Qr { text: "hoso:1.001193:abc".into(), side: 90.0 },
            ],
        }
    }

    #[test]
    fn a_document_is_a_pdf_with_its_font_cut_to_the_letters_used() {
        let (r, b) = fonts();
        let Rendered { bytes: pdf, pages } = render(&sample(), Fonts { regular: &r, bold: &b }, 1_764_039_600).unwrap();
        assert!(pdf.starts_with(b"%PDF-1.7"));
        assert!(pdf.len() < 60_000, "the fonts are subset: {} bytes", pdf.len());
        let report = crate::core::files::check_file("to-khai.pdf", &pdf, &crate::core::files::Limits::default());
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!((report.pages, pages), (Some(1), 1));
    }

    #[test]
    fn the_same_document_gives_the_same_bytes() {
        let (r, b) = fonts();
        let fonts = Fonts { regular: &r, bold: &b };
        assert_eq!(render(&sample(), fonts, 0).unwrap(), render(&sample(), fonts, 0).unwrap());
    }

    #[test]
    fn long_text_wraps_and_flows_onto_new_pages() {
        let (r, b) = fonts();
        let long = "Giấy khai sinh bản sao có chứng thực ".repeat(400);
        let doc = Doc { title: "x".into(), subject: String::new(), blocks: vec![Block::text(long)] };
        let made = render(&doc, Fonts { regular: &r, bold: &b }, 0).unwrap();
        let report = crate::core::files::check_file("x.pdf", &made.bytes, &crate::core::files::Limits::default());
        assert!(made.pages > 2 && report.pages == Some(made.pages), "{:?} {}", report.pages, made.pages);
    }

    #[test]
    fn lines_never_overflow_and_a_long_word_is_cut() {
        let width = |s: &str| s.chars().count() as f32;
        assert_eq!(wrap("mot hai ba bon", width, 7.0, 0.0), ["mot hai", "ba bon"]);
        assert_eq!(wrap("abcdefghij", width, 4.0, 0.0), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("dong 1\ndong 2", width, 40.0, 0.0), ["dong 1", "dong 2"]);
    }

    #[test]
    fn the_shipped_font_has_every_vietnamese_letter_and_every_character_of_the_forms() {
        let (r, b) = fonts();
        let upper = "AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY";
        let tones = "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ";
        let mut text: String = [upper, tones].concat();
        text += &text.to_lowercase();
        text += "0123456789 .,;:!?()[]/-–—…«»“”‘’%№";
        for form in crate::core::forms::all_forms() {
            text += &serde_json::to_string(&form.title).unwrap();
            text += form.pledge.as_deref().unwrap_or_default();
            for signer in &form.signers {
                text += &signer.title;
                text += signer.hint.as_deref().unwrap_or_default();
            }
            for s in &form.sections {
                text += &s.title;
                for f in &s.fields {
                    text += &f.label;
                }
            }
        }
        for data in [&r, &b] {
            let face = ttf_parser::Face::parse(data, 0).unwrap();
            let missing: String = text.chars().filter(|c| !c.is_control() && face.glyph_index(*c).is_none()).collect();
            assert_eq!(missing, "", "letters the declaration could not print");
        }
    }

    #[test]
    fn a_character_the_font_lacks_is_drawn_and_read_back_as_a_question_mark() {
        let (r, b) = fonts();
        // "≥" (not in the font) comes first: its "?" must not make the real "?" read as "≥".
        let doc = Doc { title: "x".into(), subject: String::new(), blocks: vec![Block::text("Từ ≥ 18 tuổi? Có")] };
        let pdf = render(&doc, Fonts { regular: &r, bold: &b }, 0).unwrap().bytes;
        let cmap = String::from_utf8_lossy(&pdf[pdf.windows(9).position(|w| w == b"beginbfch").unwrap()..]).to_string();
        assert!(cmap.contains("<003F>") && !cmap.contains("<2265>"), "{}", &cmap[..cmap.find("endbfchar").unwrap()]);
    }

    #[test]
    fn two_signers_sign_side_by_side_and_one_signs_in_the_right_half() {
        let (r, b) = fonts();
        let (regular, bold) = (Face::new(&r).unwrap(), Face::new(&b).unwrap());
        let lines = |signers: &[(&str, Option<&str>)]| -> Vec<(String, f32, f32)> {
            let sign = |(title, name): &(&str, Option<&str>)| Signature {
                title: title.to_string(),
                hint: super::super::print::SIGN_HERE.into(),
                name: name.map(str::to_string),
            };
            let block = Block::Signatures(signers.iter().map(sign).collect());
            let doc = Doc { title: "x".into(), subject: String::new(), blocks: vec![block] };
            let pages = lay_out(&doc, &regular, &bold).unwrap();
            assert_eq!(pages.len(), 1);
            pages[0].iter().filter_map(|m| if let Mark::Line(l) = m { Some((l.text.clone(), l.x, l.y)) } else { None }).collect()
        };
        let middle = LEFT + (PAGE.0 - LEFT - RIGHT) / 2.0;
        let two = lines(&[("BÊN NỮ", Some("Trần Thị Mai")), ("BÊN NAM", None)]);
        let at = |t: &str| two.iter().find(|l| l.0 == t).unwrap_or_else(|| panic!("{t} in {two:?}")).clone();
        let (her, him, name) = (at("BÊN NỮ"), at("BÊN NAM"), at("Trần Thị Mai"));
        assert!(her.2 == him.2 && her.1 < middle && him.1 > middle, "side by side: {two:?}");
        assert!(name.2 < her.2 - 56.0 && name.1 < middle, "her name under her signature: {two:?}");
        assert_eq!(two.iter().filter(|l| l.0 == super::super::print::SIGN_HERE).count(), 2);
        let one = lines(&[("NGƯỜI YÊU CẦU", Some("Nguyễn Văn An"))]);
        assert!(one.iter().all(|l| l.1 > middle), "the applicant signs in the right half: {one:?}");
    }

    #[test]
    fn three_signers_share_the_width_and_a_long_heading_wraps_inside_its_column() {
        let (r, b) = fonts();
        let (regular, bold) = (Face::new(&r).unwrap(), Face::new(&b).unwrap());
        let sign =
            |title: &str| Signature {
                title: title.into(), hint: "(Ghi rõ ý kiến đồng ý cho đăng ký thường trú, ký và ghi rõ họ tên)".into(), name: None
            };
        let owner = "Ý KIẾN CỦA CHỦ SỞ HỮU HOẶC NGƯỜI ĐƯỢC ỦY QUYỀN CỦA CHỦ SỞ HỮU CHỖ Ở HỢP PHÁP";
        let block = Block::Signatures(vec![sign("Ý KIẾN CỦA CHỦ HỘ"), sign(owner), sign("NGƯỜI KÊ KHAI")]);
        let pages = lay_out(&Doc { title: "x".into(), subject: String::new(), blocks: vec![block] }, &regular, &bold).unwrap();
        let column = (PAGE.0 - LEFT - RIGHT) / 3.0;
        for l in pages[0].iter().filter_map(|m| if let Mark::Line(l) = m { Some(l) } else { None }) {
            let face = if l.bold { &bold } else { &regular };
            let (start, end) = (l.x, l.x + face.width(&l.text, l.size));
            let c = ((start - LEFT) / column).floor();
            assert!((0.0..3.0).contains(&c) && end <= LEFT + (c + 1.0) * column + 0.5, "«{}» leaves its column", l.text);
        }
        let heading_lines = pages[0].iter().filter(|m| matches!(m, Mark::Line(l) if l.bold && owner.contains(l.text.as_str()))).count();
        assert!(heading_lines >= 3, "the owner's heading wraps: {heading_lines} lines");
    }

    #[test]
    fn the_date_and_the_signatures_are_never_parted_by_a_page_break() {
        let (r, b) = fonts();
        let (regular, bold) = (Face::new(&r).unwrap(), Face::new(&b).unwrap());
        let room = PAGE.1 - TOP - BOTTOM;
        // The page is full but for 60 points: the date alone would fit, the signatures not.
        let blocks = vec![
            Block::Space(room - 60.0),
            Block::Keep(130.0),
            Block::Text { text: "…, ngày 25 tháng 11 năm 2026".into(), size: 12.0, bold: false, align: Align::RightHalf, indent: 0.0 },
            Block::Signatures(vec![Signature {
                title: "NGƯỜI YÊU CẦU".into(), hint: "(Ký, ghi rõ họ tên)".into(), name: Some("Nguyễn Văn An".into())
            }]),
        ];
        let pages = lay_out(&Doc { title: "x".into(), subject: String::new(), blocks }, &regular, &bold).unwrap();
        assert_eq!(pages.len(), 2);
        assert!(pages[0].is_empty(), "the date went over with the signature");
        // Three blocks with long headings (CT01) are taller than the 130 points kept: the date
        // still goes over with them when 150 points are left.
        let consent =
            |title: &str| Signature {
                title: title.into(), hint: "(Ghi rõ ý kiến đồng ý cho đăng ký thường trú, ký và ghi rõ họ tên)".into(), name: None
            };
        let blocks = vec![
            Block::Space(room - 150.0),
            Block::Keep(130.0),
            Block::Text { text: "…, ngày 25 tháng 11 năm 2026".into(), size: 12.0, bold: false, align: Align::RightHalf, indent: 0.0 },
            Block::Signatures(vec![
                consent("Ý KIẾN CỦA CHỦ HỘ"),
                consent("Ý KIẾN CỦA CHỦ SỞ HỮU HOẶC NGƯỜI ĐƯỢC ỦY QUYỀN CỦA CHỦ SỞ HỮU CHỖ Ở HỢP PHÁP"),
                Signature { title: "NGƯỜI KÊ KHAI".into(), hint: "(Ký, ghi rõ họ tên)".into(), name: Some("Lê Văn An".into()) },
            ]),
        ];
        let pages = lay_out(&Doc { title: "x".into(), subject: String::new(), blocks }, &regular, &bold).unwrap();
        assert_eq!(pages.len(), 2);
        assert!(pages[0].is_empty(), "the date went over with the three signatures");
    }

    #[test]
    fn a_damaged_font_is_refused() {
        assert!(matches!(render(&sample(), Fonts { regular: b"not a font", bold: b"x" }, 0), Err(PdfProblem::BadFont)));
    }
}
