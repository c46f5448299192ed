//! Person names (họ và tên): composed (NFC), single spaces, each word capitalised. Digits and
//! leftovers of Telex/VNI typing (the Vietnamese keyboard was off: "Nguyeenx", "Tran62") are
//! refused with a suggestion of what was probably meant.

use super::Problem;
use crate::core::text::{clean, compose};

/// The longest name accepted, in characters.
pub const MAX_LEN: usize = 100;

pub fn check_name(input: &str) -> Result<String, Problem> {
    // "ʼ" (the modifier letter some keyboards give for H'Hen) is the apostrophe: the one the
    // printed declaration has.
    let s = clean(input).replace('ʼ', "'");
    if s.is_empty() {
        return Err(Problem::NameMissing);
    }
    if s.chars().count() > MAX_LEN {
        return Err(Problem::NameTooLong { max: MAX_LEN });
    }
    if s.chars().any(|c| c.is_ascii_digit()) {
        return Err(Problem::NameDigits { meant: vni_suggestion(&s) });
    }
    // A mark typed apart from its letter (decomposed "Müller") belongs to the letter before it.
    let mut after_letter = false;
    for c in s.chars() {
        let ok = c.is_alphabetic() || matches!(c, ' ' | '\'' | '-' | '’') || (after_letter && crate::core::text::is_combining_mark(c));
        if !ok {
            return Err(Problem::NameSymbol { symbol: c });
        }
        after_letter = c.is_alphabetic() || (after_letter && crate::core::text::is_combining_mark(c));
    }
    if let Some(word) = telex_leftover(&s) {
        return Err(Problem::NameTelex { word: word.to_string(), meant: telex_word(word) });
    }
    // A name from another language keeps its small particles as typed: a particle after a word
    // no Vietnamese syllable (even with its marks left off) or after such a particle: "María
    // de la Cruz", "Ludwig van Beethoven" (but "Nguyen van Kevin" is "Nguyen Van Kevin").
    let mut after_foreign = false;
    let mut words = Vec::new();
    for w in s.split(' ') {
        let small = after_foreign && PARTICLES.contains(&w);
        words.push(if small { w.to_string() } else { capitalise(w) });
        after_foreign = small || !crate::core::text::could_be_syllable(w);
    }
    Ok(words.join(" "))
}

/// Words written small inside names of other languages (typed so, they stay so).
const PARTICLES: [&str; 20] =
    ["al", "bin", "binti", "da", "das", "de", "del", "della", "der", "den", "di", "do", "dos", "du", "el", "la", "le", "ten", "van", "von"];

/// "nguyễn" → "Nguyễn", "h'hen" → "H'Hen", "NGUYỄN" and "NGuyễn" → "Nguyễn"; a word written
/// like "McDonald" (a capital, a small letter, a capital further in) is kept as typed.
fn capitalise(word: &str) -> String {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 2 && letters[0].is_uppercase() && letters[1].is_lowercase() && letters[2..].iter().any(|c| c.is_uppercase()) {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = matches!(c, '\'' | '-' | '’');
    }
    out
}

/// The word of a name typed with Telex while the Vietnamese keyboard was off. A key pair (aa aw
/// ee oo ow uw dd) or a final tone key (f s r x j) alone is common in other languages' names
/// (Lee, Soo, Todd, Max, Hans), which must pass: a word counts only when Telex makes it a
/// Vietnamese syllable, and the name is refused when one such word has both a pair and a tone
/// key ("Nguyeenx", "Traanf"), or a tone key comes with another such word ("Traan Thij Mai",
/// "Trinhf Thij Lanf"). Pairs alone are common in Korean names ("Lee Soo Man"), and a final "s"
/// in European ones: a word whose only key is that "s" is let be when every other such word
/// has only the pairs of those names, "ee" or "oo", and no other word reads as Vietnamese typed
/// without marks ("Hans Lee"; not "Cao Vawn Phucs", "Ngoo Thi Thuys").
fn telex_leftover(name: &str) -> Option<&str> {
    let found: Vec<(&str, (bool, bool))> = name.split(' ').filter_map(|w| telex_signal(w).map(|s| (w, s))).collect();
    let foreign_pairs = |w: &str| {
        let w = w.to_ascii_lowercase();
        !["aa", "aw", "ow", "uw", "dd"].iter().any(|p| w.contains(p))
    };
    let final_s_only = |w: &str, pair: bool| !pair && w.to_ascii_lowercase().ends_with('s');
    let plain_vietnamese = name.split(' ').any(|w| telex_signal(w).is_none() && crate::core::text::could_be_syllable(w));
    let let_be = |w: &str, pair: bool| {
        final_s_only(w, pair) && !plain_vietnamese && found.iter().filter(|(o, _)| *o != w).all(|(o, (p, t))| *p && !*t && foreign_pairs(o))
    };
    let tones = found.iter().filter(|(w, (pair, tone))| *tone && !let_be(w, *pair)).count();
    let strong = found.iter().any(|(_, (pair, tone))| *pair && *tone);
    (strong || (tones >= 1 && found.len() >= 2)).then(|| found[0].0)
}

/// For an unaccented word Telex would change into a Vietnamese syllable: whether it has a key
/// pair, and whether it ends with a tone key.
fn telex_signal(word: &str) -> Option<(bool, bool)> {
    if !word.is_ascii() || word.len() < 2 {
        return None;
    }
    let w = word.to_ascii_lowercase();
    let pair = ["aa", "aw", "ee", "oo", "ow", "uw", "dd"].iter().any(|p| w.contains(p));
    let tone = w.ends_with(['f', 's', 'r', 'x', 'j']);
    let meant = telex_word(word);
    ((pair || tone) && meant != word && crate::core::text::is_syllable(&meant)).then_some((pair, tone))
}

/// Applies Telex to one word: "Nguyeenx" → "Nguyễn", "Traanf" → "Trần".
fn telex_word(word: &str) -> String {
    let mut w = word.to_string();
    for (from, to) in [
        ("dd", "đ"),
        ("DD", "Đ"),
        ("Dd", "Đ"),
        ("aa", "â"),
        ("Aa", "Â"),
        ("aw", "ă"),
        ("ee", "ê"),
        ("Ee", "Ê"),
        ("oo", "ô"),
        ("Oo", "Ô"),
        ("ow", "ơ"),
        ("uw", "ư"),
        ("uow", "ươ"),
    ] {
        w = w.replace(from, to);
    }
    let tone = match w.chars().last() {
        Some('f') => Some('\u{0300}'),
        Some('s') => Some('\u{0301}'),
        Some('r') => Some('\u{0309}'),
        Some('x') => Some('\u{0303}'),
        Some('j') => Some('\u{0323}'),
        _ => None,
    };
    match tone {
        Some(mark) => {
            w.pop();
            place_tone(&w, mark)
        }
        None => w,
    }
}

/// Puts the tone mark on the main vowel: the shaped vowel (â ê ô ơ ư ă) if any, else the last
/// vowel before a final consonant, else the second of two final vowels… kept simple: the
/// shaped vowel, or the first vowel of the cluster.
fn place_tone(word: &str, mark: char) -> String {
    let chars: Vec<char> = word.chars().collect();
    let is_vowel = |c: char| "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY".contains(c);
    let pos = chars.iter().rposition(|c| "ăâêôơưĂÂÊÔƠƯ".contains(*c)).or_else(|| {
        let first = chars.iter().position(|c| is_vowel(*c))?;
        let cluster_end = chars[first..].iter().position(|c| !is_vowel(*c)).map_or(chars.len(), |n| first + n);
        // Two vowels with nothing after them ("hoa", "tai"): mark the first; otherwise the last.
        Some(if cluster_end == chars.len() && cluster_end - first == 2 { first } else { cluster_end - 1 })
    });
    let Some(pos) = pos else { return word.to_string() };
    let mut out: String = chars[..=pos].iter().collect();
    out.push(mark);
    out.extend(&chars[pos + 1..]);
    compose(&out)
}

/// VNI typing uses digits for marks: "Tran62" → "Trần".
fn vni_suggestion(s: &str) -> Option<String> {
    let words: Vec<String> = s
        .split(' ')
        .map(|w| {
            let mut base = String::new();
            let mut marks = Vec::new();
            for c in w.chars() {
                if c.is_ascii_digit() {
                    marks.push(c)
                } else {
                    base.push(c)
                }
            }
            for m in marks {
                let (shape, tone) = match m {
                    '1' => (None, Some('\u{0301}')),
                    '2' => (None, Some('\u{0300}')),
                    '3' => (None, Some('\u{0309}')),
                    '4' => (None, Some('\u{0303}')),
                    '5' => (None, Some('\u{0323}')),
                    '6' => (Some('\u{0302}'), None),
                    '7' => (Some('\u{031B}'), None),
                    '8' => (Some('\u{0306}'), None),
                    '9' => (Some('\u{0335}'), None),
                    _ => (None, None),
                };
                if let Some(sm) = shape {
                    let target = if m == '9' {
                        "dD"
                    } else if m == '7' {
                        "ouOU"
                    } else if m == '8' {
                        "aA"
                    } else {
                        "aeoAEO"
                    };
                    if let Some(p) = base.char_indices().filter(|(_, c)| target.contains(*c)).map(|(i, _)| i).next_back() {
                        let c = base[p..].chars().next().unwrap();
                        base = compose(&format!("{}{c}{sm}{}", &base[..p], &base[p + c.len_utf8()..]));
                    }
                }
                if let Some(t) = tone {
                    base = place_tone(&base, t);
                }
            }
            base
        })
        .collect();
    let out = words.join(" ");
    (out != s && !out.chars().any(|c| c.is_ascii_digit())).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_composed_spaced_and_capitalised() {
        assert_eq!(check_name("  nguyễn   văn AN ").unwrap(), "Nguyễn Văn An");
        assert_eq!(check_name("Nguye\u{0302}\u{0303}n Thi\u{0323} Hoa").unwrap(), "Nguyễn Thị Hoa");
        assert_eq!(check_name("h'hen niê").unwrap(), "H'Hen Niê");
        assert_eq!(check_name("Ksor Y Moan").unwrap(), "Ksor Y Moan", "ethnic minority names are accepted");
        assert_eq!(check_name("HʼHen Niê").unwrap(), "H'Hen Niê", "the apostrophe letter is the apostrophe the paper prints");
        assert_eq!(check_name("NGuyễn THị Hoa").unwrap(), "Nguyễn Thị Hoa", "a slip of the shift key is put right");
        assert_eq!(check_name("NGUYỄN VĂN AN").unwrap(), "Nguyễn Văn An");
        assert_eq!(check_name("Ronald McDonald").unwrap(), "Ronald McDonald", "capitals inside a word are kept");
        assert_eq!(check_name("María de la Cruz").unwrap(), "María de la Cruz", "a foreign name's particles stay small");
        assert_eq!(check_name("ludwig van beethoven").unwrap(), "Ludwig van Beethoven");
        assert_eq!(check_name("DE LA CRUZ").unwrap(), "De La Cruz", "written in capitals: nothing says which are particles");
        assert_eq!(check_name("nguyen le hoa").unwrap(), "Nguyen Le Hoa", "a Vietnamese name typed without marks: Lê, not a particle");
        assert_eq!(check_name("la văn cầu").unwrap(), "La Văn Cầu");
        assert_eq!(check_name("nguyen van kevin").unwrap(), "Nguyen Van Kevin", "a foreign given name does not make Văn a particle");
        assert_eq!(check_name("nguyen le khanh-linh").unwrap(), "Nguyen Le Khanh-Linh");
        assert_eq!(check_name("Hans Mu\u{308}ller").unwrap(), "Hans Mu\u{308}ller", "a mark typed apart belongs to its letter");
        assert_eq!(check_name("An\u{200b}"), Ok("An".into()), "an invisible character is dropped");
    }

    #[test]
    fn leftover_keyboard_typing_is_refused_with_a_suggestion() {
        assert_eq!(check_name("Nguyeenx Van An"), Err(Problem::NameTelex { word: "Nguyeenx".into(), meant: "Nguyễn".into() }));
        assert_eq!(check_name("Tran62 Thi Lan"), Err(Problem::NameDigits { meant: Some("Trần Thi Lan".into()) }));
        assert_eq!(check_name("Traanf"), Err(Problem::NameTelex { word: "Traanf".into(), meant: "Trần".into() }));
        assert_eq!(check_name("Traan Thij Mai"), Err(Problem::NameTelex { word: "Traan".into(), meant: "Trân".into() }));
        assert_eq!(check_name("Trinhf Thij Lanf"), Err(Problem::NameTelex { word: "Trinhf".into(), meant: "Trình".into() }));
        assert_eq!(check_name("Nguyeen Vawn Hungs"), Err(Problem::NameTelex { word: "Nguyeen".into(), meant: "Nguyên".into() }));
        assert_eq!(check_name("Cao Vawn Phucs"), Err(Problem::NameTelex { word: "Vawn".into(), meant: "Văn".into() }));
        assert_eq!(check_name("Ngoo Thi Thuys"), Err(Problem::NameTelex { word: "Ngoo".into(), meant: "Ngô".into() }));
    }

    #[test]
    fn names_from_other_languages_are_not_taken_for_keyboard_leftovers() {
        for name in [
            "Lee Min Ho",
            "Lee Soo Man",
            "Lee Jae Hoon",
            "Park Soo Yeon",
            "Kim Ji-hoon",
            "Aaron Smith",
            "Todd Howard",
            "Isaac Newton",
            "Lawrence Brown",
            "Max Weber",
            "Hans Müller",
            "Hans Lee",
            "Lee Hans",
        ] {
            assert_eq!(check_name(name).map(|n| n.len()), Ok(name.len()), "{name}");
        }
    }

    #[test]
    fn symbols_and_empty_names_are_refused() {
        assert_eq!(check_name(""), Err(Problem::NameMissing));
        assert_eq!(check_name("An@"), Err(Problem::NameSymbol { symbol: '@' }));
    }
}
