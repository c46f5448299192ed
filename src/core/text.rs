//! Vietnamese text normalisation.
//!
//! People type Vietnamese in many ways: with or without diacritics, precomposed (NFC) or
//! decomposed (NFD, common from macOS and some keyboards), and with the old or new tone-mark
//! placement (`hoà` / `hòa`, `thuỷ` / `thủy`). Everything that compares text goes through here.

use unicode_normalization::UnicodeNormalization;

/// Canonical form for storing what a person typed: NFC, trimmed, inner whitespace collapsed.
pub fn clean(input: &str) -> String {
    let nfc: String = input.nfc().collect();
    nfc.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Folds text to a comparison key: lower case, no diacritics, `đ` → `d`, only letters and
/// digits, words separated by single spaces.
///
/// Folding makes `Hòa`, `hoà`, `HOA` and `hoa` equal, which is what search wants. It also makes
/// distinct names equal (`Cẩm Giang` / `Cẩm Giàng`), so a folded match must never be used to
/// pick one of several candidates silently: compare [`tone_key`]s for that.
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut pending_space = false;
    for c in input.nfd() {
        if is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            _ => c,
        };
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// A key that keeps diacritics but ignores case, NFC/NFD and where the tone mark was placed.
///
/// `hoà` and `hòa` have the same key; `Giang` and `Giàng` do not. Used to rank exact-diacritic
/// matches first and to tell look-alike names apart.
pub fn tone_key(input: &str) -> String {
    // In NFD a syllable is base letters plus combining marks. Vowel-shape marks (circumflex,
    // breve, horn) stay attached to their letter; the tone mark (one per syllable) is moved to
    // the end of the word so its placement no longer matters.
    let mut out = String::with_capacity(input.len());
    let mut word = String::new();
    let mut tone: Option<char> = None;
    let flush = |out: &mut String, word: &mut String, tone: &mut Option<char>| {
        out.push_str(word);
        if let Some(t) = tone.take() {
            out.push(t);
        }
        word.clear();
    };
    for c in input.nfd() {
        if is_tone_mark(c) {
            tone = Some(c);
        } else if c.is_alphanumeric() || is_combining_mark(c) {
            word.extend(c.to_lowercase());
        } else {
            flush(&mut out, &mut word, &mut tone);
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        }
    }
    flush(&mut out, &mut word, &mut tone);
    out.trim_end().to_string()
}

/// The five Vietnamese tone marks in their combining form: grave (huyền), acute (sắc),
/// hook above (hỏi), tilde (ngã), dot below (nặng).
fn is_tone_mark(c: char) -> bool {
    matches!(c, '\u{0300}' | '\u{0301}' | '\u{0309}' | '\u{0303}' | '\u{0323}')
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_diacritics_and_case() {
        assert_eq!(fold("Đăng ký Khai sinh"), "dang ky khai sinh");
        assert_eq!(fold("ĐỒNG THÁP"), "dong thap");
    }

    #[test]
    fn folding_ignores_nfd_input() {
        let nfd: String = "Nguyễn Thị Thuỷ".nfd().collect();
        assert_ne!(nfd, "Nguyễn Thị Thuỷ");
        assert_eq!(fold(&nfd), fold("Nguyễn Thị Thuỷ"));
    }

    #[test]
    fn folding_turns_punctuation_into_single_spaces() {
        assert_eq!(fold("  lý-lịch   tư pháp (số 1) "), "ly lich tu phap so 1");
        assert_eq!(fold(""), "");
        assert_eq!(fold("!!!"), "");
    }

    #[test]
    fn old_and_new_tone_placement_share_a_tone_key() {
        assert_eq!(tone_key("hoà"), tone_key("hòa"));
        assert_eq!(tone_key("Thuỷ"), tone_key("thủy"));
        assert_eq!(tone_key("Khoẻ mạnh"), tone_key("khỏe  mạnh"));
    }

    #[test]
    fn look_alike_names_keep_distinct_tone_keys() {
        assert_eq!(fold("Cẩm Giang"), fold("Cẩm Giàng"));
        assert_ne!(tone_key("Cẩm Giang"), tone_key("Cẩm Giàng"));
        // The vowel shape is not a tone: "ô" and "o" stay different.
        assert_ne!(tone_key("hô"), tone_key("ho"));
    }

    #[test]
    fn clean_gives_nfc_and_collapses_spaces() {
        let nfd: String = " Trần   Văn\tAn ".nfd().collect();
        assert_eq!(clean(&nfd), "Trần Văn An");
    }
}
