//! Vietnamese text normalisation.
//!
//! People type Vietnamese in many ways: with or without diacritics, precomposed (NFC) or
//! decomposed (NFD, common from macOS and some keyboards), and with the old or new tone-mark
//! placement (`hoà` / `hòa`, `thuỷ` / `thủy`). Everything that compares text goes through here.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The Vietnamese vowels: each row is one vowel shape with its six tones, in the order
/// none, huyền (grave), sắc (acute), hỏi (hook), ngã (tilde), nặng (dot below).
const VOWELS: [&str; 12] = ["aàáảãạ", "ăằắẳẵặ", "âầấẩẫậ", "eèéẻẽẹ", "êềếểễệ", "iìíỉĩị", "oòóỏõọ", "ôồốổỗộ", "ơờớởỡợ", "uùúủũụ", "ưừứửữự", "yỳýỷỹỵ"];
/// The plain letter of each row (what folding keeps).
const ROW_BASE: [char; 12] = ['a', 'a', 'a', 'e', 'e', 'i', 'o', 'o', 'o', 'u', 'u', 'y'];
/// Combining tone marks, in the order of the columns of `VOWELS` (column 0 has none).
const TONE_MARKS: [char; 5] = ['\u{0300}', '\u{0301}', '\u{0309}', '\u{0303}', '\u{0323}'];
/// Combining marks that change the vowel's shape: circumflex (â ê ô), breve (ă), horn (ơ ư).
const SHAPE_MARKS: [(char, char, char); 7] = [
    ('a', '\u{0302}', 'â'),
    ('e', '\u{0302}', 'ê'),
    ('o', '\u{0302}', 'ô'),
    ('a', '\u{0306}', 'ă'),
    ('o', '\u{031B}', 'ơ'),
    ('u', '\u{031B}', 'ư'),
    ('d', '\u{0335}', 'đ'),
];

/// Where a precomposed vowel sits: (row, tone column, upper case).
fn vowel_map() -> &'static HashMap<char, (u8, u8, bool)> {
    static MAP: OnceLock<HashMap<char, (u8, u8, bool)>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = HashMap::with_capacity(144);
        for (row, forms) in VOWELS.iter().enumerate() {
            for (tone, c) in forms.chars().enumerate() {
                m.insert(c, (row as u8, tone as u8, false));
                let upper = c.to_uppercase().next().unwrap_or(c);
                m.insert(upper, (row as u8, tone as u8, true));
            }
        }
        m
    })
}

fn vowel(row: u8, tone: u8, upper: bool) -> char {
    let c = VOWELS[row as usize].chars().nth(tone as usize).expect("6 tones per row");
    if upper {
        c.to_uppercase().next().unwrap_or(c)
    } else {
        c
    }
}

/// Composes decomposed Vietnamese (base letter + combining marks, as some keyboards and macOS
/// send it) into precomposed letters, like NFC does for Vietnamese. Other text is unchanged.
pub fn compose(input: &str) -> String {
    if input.is_ascii() || !input.chars().any(is_combining_mark) {
        return input.to_string();
    }
    let mut out: Vec<char> = Vec::with_capacity(input.len());
    for c in input.chars() {
        if is_combining_mark(c) {
            if let Some(prev) = out.last_mut() {
                if let Some(composed) = apply_mark(*prev, c) {
                    *prev = composed;
                    continue;
                }
            }
        }
        out.push(c);
    }
    out.into_iter().collect()
}

/// `base` with one more combining mark, if that makes a Vietnamese letter.
fn apply_mark(base: char, mark: char) -> Option<char> {
    if let Some(t) = TONE_MARKS.iter().position(|m| *m == mark) {
        let (row, tone, upper) = *vowel_map().get(&base)?;
        return (tone == 0).then(|| vowel(row, t as u8 + 1, upper));
    }
    // A shape mark goes on the plain letter, keeping any tone already there.
    let (plain, tone, upper) = match vowel_map().get(&base) {
        Some(&(row, tone, upper)) => (vowel(row, 0, false), tone, upper),
        None => (base.to_lowercase().next()?, 0, base.is_uppercase()),
    };
    let &(_, _, shaped) = SHAPE_MARKS.iter().find(|(b, m, _)| *b == plain && *m == mark)?;
    if shaped == 'đ' {
        return Some(if upper { 'Đ' } else { 'đ' });
    }
    let (row, _, _) = *vowel_map().get(&shaped)?;
    Some(vowel(row, tone, upper))
}

/// Canonical form for storing what a person typed: composed, trimmed, inner whitespace collapsed,
/// invisible characters a paste carries (zero-width spaces, BOM…) dropped.
pub fn clean(input: &str) -> String {
    compose(&visible(input)).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text without the invisible characters a paste carries ([`is_invisible`]); line breaks and
/// spaces stay.
pub fn visible(input: &str) -> String {
    input.chars().filter(|c| !is_invisible(*c)).collect()
}

/// The format characters (Unicode category Cf) that text pasted from a web page or a document
/// carries without showing them: soft hyphen, zero-width spaces and joiners, direction marks,
/// word joiner, BOM.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{feff}')
}

/// Folds text to a comparison key: lower case, no diacritics, `đ` → `d`, only letters and
/// digits, words separated by single spaces.
///
/// Folding makes `Hòa`, `hoà`, `HOA` and `hoa` equal, which is what search wants. It also makes
/// distinct names equal (`Cẩm Giang` / `Cẩm Giàng`), so a folded match must never be used to
/// pick one of several candidates silently: compare [`tone_key`]s for that.
pub fn fold(input: &str) -> String {
    let map = vowel_map();
    let mut out = String::with_capacity(input.len());
    let mut pending_space = false;
    for c in input.chars() {
        if is_combining_mark(c) {
            continue;
        }
        let c = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else if let Some(&(row, _, _)) = map.get(&c) {
            ROW_BASE[row as usize]
        } else if c == 'đ' || c == 'Đ' {
            'd'
        } else {
            c.to_lowercase().next().unwrap_or(c)
        };
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
    out
}

/// A key that keeps diacritics but ignores case, composed/decomposed input and where the tone
/// mark was placed.
///
/// `hoà` and `hòa` have the same key; `Giang` and `Giàng` do not. Used to rank exact-diacritic
/// matches first and to tell look-alike names apart.
pub fn tone_key(input: &str) -> String {
    // Each word becomes its letters without tones (but with their shapes: â, ơ…) followed by
    // the word's tone, so the syllable's tone counts wherever it was written.
    let composed = compose(input);
    let map = vowel_map();
    let mut out = String::with_capacity(composed.len());
    for word in composed.split(|c: char| !(c.is_alphanumeric() || is_combining_mark(c))).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        let mut tone = 0u8;
        for c in word.chars() {
            if let Some(&(row, t, _)) = map.get(&c) {
                out.push(vowel(row, 0, false));
                tone = tone.max(t);
            } else if let Some(t) = TONE_MARKS.iter().position(|m| *m == c) {
                tone = tone.max(t as u8 + 1);
            } else if !is_combining_mark(c) {
                out.extend(c.to_lowercase());
            }
        }
        if tone > 0 {
            out.push(TONE_MARKS[tone as usize - 1]);
        }
    }
    out
}

pub fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}')
}

/// Lower case with every character the same length in UTF-8 as before, so byte offsets found in
/// the lower-case text hold in the original.
pub fn lower(s: &str) -> String {
    s.chars()
        .map(|c| {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) if x.len_utf8() == c.len_utf8() => x,
                _ => c,
            }
        })
        .collect()
}

/// The text without a list bullet ("- ", "+ ", "* ", "• ") and surrounding spaces.
pub fn without_bullet(s: &str) -> &str {
    s.trim().trim_start_matches(['-', '+', '*', '•']).trim()
}

/// The text with its first letter upper case.
pub fn upper_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The characters the printed declaration and receipt can show: those of the ranges the shipped
/// fonts are cut to (`scripts/subset-fonts.sh`) that DejaVu Serif draws: Latin with every
/// Vietnamese letter, combining marks, punctuation, €, №, arrows. Anything else (Chinese, Korean,
/// emoji) would print as "?", so an answer with it is refused before it reaches the paper.
/// *Check:* `package::pdf` tests (both faces have a glyph for every character here).
pub const PRINTABLE: [(char, char); 11] = [
    (' ', '~'),
    ('\u{A0}', '\u{24F}'),
    ('\u{300}', '\u{33F}'),
    ('\u{1E00}', '\u{1EFB}'),
    ('\u{2010}', '\u{2026}'),
    ('\u{2030}', '\u{203A}'),
    ('\u{203C}', '\u{203E}'),
    ('€', '€'),
    ('№', '№'),
    ('←', '↓'),
    ('−', '−'),
];

/// Whether `c` can be printed (see [`PRINTABLE`]); line breaks and tabs count as spaces, and
/// "₫", which the font lacks, is written out as "đồng".
pub fn printable(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\t' | '₫') || PRINTABLE.iter().any(|(from, to)| (*from..=*to).contains(&c))
}

/// The rhymes (vần) of Vietnamese syllables, without tone.
const RHYMES: &str = "a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây \
e ec em en eng eo ep et ê êch êm ên ênh êp êt êu i ia ich iêc iêm iên iêng iêp iêt iêu im in inh ip it iu \
o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oc oe oen oeo oet oi om on ong \
ooc oong op ot ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt u ua uân uâng uât uây uc uê uêch uênh ui um un \
ung uôc uôi uôm uôn uông uôt up ut uy uya uych uyên uyêt uynh uyt uyu uơ ư ưa ưc ưi ưm ưn ưng ưt ưu ươc \
ươi ươm ươn ương ươp ươt ươu y yêm yên yêng yêt yêu ynh yt";
/// The initial consonants, longest first.
const INITIALS: [&str; 27] =
    ["ngh", "ng", "gh", "gi", "kh", "nh", "ph", "th", "tr", "ch", "qu", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"];

/// Whether one word is a Vietnamese syllable (an initial consonant, or none, and a rhyme; any
/// tone): "Nguyễn", "thị", "gì", "quyên" are; "Lee", "Todd", "Brown" are not.
pub fn is_syllable(word: &str) -> bool {
    let plain: String = word
        .chars()
        .flat_map(|c| match vowel_map().get(&c) {
            Some(&(row, _, _)) => vec![vowel(row, 0, false)],
            None => c.to_lowercase().collect(),
        })
        .collect();
    let rhyme = |rest: &str| RHYMES.split_whitespace().any(|r| r == rest);
    rhyme(&plain) || INITIALS.iter().any(|i| plain.strip_prefix(i).is_some_and(|rest| rhyme(rest) || (*i == "gi" && rest.is_empty())))
}

/// Whether one word could be a Vietnamese syllable typed without its marks: "nguyen", "le" and
/// "Nguyễn" could; "Cruz", "Ludwig" cannot.
pub fn could_be_syllable(word: &str) -> bool {
    // The rhymes and initials without their marks, folded once (a name's every word is asked).
    static PLAIN: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    let (rhymes, initials) = PLAIN.get_or_init(|| (RHYMES.split_whitespace().map(fold).collect(), INITIALS.iter().map(|i| fold(i)).collect()));
    let plain = fold(word);
    let rhyme = |rest: &str| rhymes.iter().any(|r| r == rest);
    rhyme(&plain) || initials.iter().any(|i| plain.strip_prefix(i.as_str()).is_some_and(|rest| rhyme(rest) || (i == "gi" && rest.is_empty())))
}

/// A number as Vietnamese writes it: a comma before the decimals ("0,5", "120,75"), and with
/// `thousands` a dot between groups of three ("1.200.000", "1.234,5"): how a range is said to the
/// person and a foreign fee is shown. The digits are the shortest that read back as the same
/// number (serde_json's float writer). Not a number: "".
pub fn number(v: f64, thousands: bool) -> String {
    let Some(n) = serde_json::Number::from_f64(v) else { return String::new() };
    let text = n.to_string();
    if text.contains(['e', 'E']) {
        // Beyond 10^16 or under 10^-5: no form or fee has one; kept readable, not grouped.
        return text.replace('.', ",");
    }
    let (sign, digits) = text.strip_prefix('-').map_or(("", text.as_str()), |d| ("-", d));
    let (whole, decimals) = digits.split_once('.').unwrap_or((digits, ""));
    let decimals = decimals.trim_end_matches('0');
    let whole = if thousands { group_thousands(whole) } else { whole.to_string() };
    let sign = if whole == "0" && decimals.is_empty() { "" } else { sign };
    if decimals.is_empty() {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole},{decimals}")
    }
}

/// "1234567" → "1.234.567": digits grouped by three from the right with dots.
pub fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_diacritics_and_case() {
        assert_eq!(fold("Đăng ký Khai sinh"), "dang ky khai sinh");
        assert_eq!(fold("ĐỒNG THÁP"), "dong thap");
    }

    /// "Nguyễn Thị Thuỷ" as decomposed input: base letters followed by combining marks.
    const NFD_NAME: &str = "Nguye\u{0302}\u{0303}n Thi\u{0323} Thuy\u{0309}";

    #[test]
    fn folding_ignores_decomposed_input() {
        assert_eq!(fold(NFD_NAME), fold("Nguyễn Thị Thuỷ"));
        assert_eq!(fold(NFD_NAME), "nguyen thi thuy");
    }

    #[test]
    fn compose_makes_decomposed_vietnamese_precomposed() {
        assert_eq!(compose(NFD_NAME), "Nguyễn Thị Thuỷ");
        // Shape mark after a tone, upper case, đ with a stroke, and text that is not Vietnamese.
        assert_eq!(compose("Tra\u{0300}\u{0302}n"), "Trần");
        assert_eq!(compose("U\u{031B}\u{0301}c"), "Ức");
        assert_eq!(compose("Ngu\u{031B}o\u{031B}\u{0300}i"), "Người");
        assert_eq!(compose("plain ascii"), "plain ascii");
        assert_eq!(compose("n\u{0303}"), "n\u{0303}", "not a Vietnamese letter: left as typed");
    }

    #[test]
    fn every_precomposed_vowel_round_trips_through_its_marks() {
        for (row, forms) in VOWELS.iter().enumerate() {
            for (tone, c) in forms.chars().enumerate().skip(1) {
                let plain = vowel(row as u8, 0, false);
                let decomposed = format!("{plain}{}", TONE_MARKS[tone - 1]);
                assert_eq!(compose(&decomposed), c.to_string(), "{decomposed:?}");
                assert_eq!(fold(&c.to_uppercase().to_string()), ROW_BASE[row].to_string());
            }
        }
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
    fn vietnamese_syllables_are_told_from_other_words() {
        for w in ["Nguyễn", "thị", "gì", "Quyên", "Đức", "khuya", "nghiêng", "ươm", "A", "Hoà", "giữa", "Thuở", "xoong"] {
            assert!(is_syllable(w), "{w}");
        }
        for w in ["Lee", "Todd", "Brown", "Aaron", "Smith", "Ji-hoon", "Yeon", "James", "Wôds", "Ksor", ""] {
            assert!(!is_syllable(w), "{w}");
        }
    }

    #[test]
    fn numbers_are_written_the_vietnamese_way() {
        assert_eq!(number(1_000_000.0, true), "1.000.000");
        assert_eq!(number(1_000_000.0, false), "1000000");
        assert_eq!(number(1234.5, true), "1.234,5");
        assert_eq!(number(0.5, true), "0,5");
        assert_eq!(number(120.75, false), "120,75");
        assert_eq!(number(999.0, true), "999");
        assert_eq!(number(-2500.0, true), "-2.500");
        assert_eq!(number(-0.0, true), "0");
        assert_eq!(number(f64::NAN, true), "");
        // The shortest digits that read back as the number, not the float's binary expansion.
        assert_eq!(number(0.1 + 0.2, false), "0,30000000000000004");
        assert_eq!(number(12.3, false), "12,3");
    }

    #[test]
    fn clean_composes_and_collapses_spaces() {
        assert_eq!(clean(" Tra\u{0302}\u{0300}n   Va\u{0306}n\tAn "), "Trần Văn An");
    }
}

/// A URL slug: folded words joined by hyphens ("Hộ tịch" → "ho-tich").
pub fn slug(input: &str) -> String {
    fold(input).replace(' ', "-")
}

#[cfg(test)]
mod slug_tests {
    #[test]
    fn slugs() {
        assert_eq!(super::slug("Đăng ký, quản lý cư trú"), "dang-ky-quan-ly-cu-tru");
    }
}
