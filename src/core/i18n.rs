//! The interface language: Vietnamese, or English for the person who chooses it.
//!
//! Every interface sentence is written once, where it is used, as a key and its Vietnamese text:
//! `tr!("app.nav.home", "Trang chủ")`, or with named values `tr!("x.count", "{n} thủ tục", n = 3)`.
//! Vietnamese is the default and costs nothing more than the text itself. The English texts are
//! data, `public/i18n/en.json` (`{key: text}`), fetched only by a person who reads English and
//! `install`ed before the app starts; without it every key reads its Vietnamese text. Nothing
//! decides anything by a sentence: the key is the message's name, the text its presentation.
//!
//! What stays Vietnamese whatever the person reads (the agency's language): the catalogue's own
//! content, the declaration and the package. They are written by the package maker and the CLI,
//! which never install the English table.
//!
//! `tests/i18n.rs` reads every `tr!` in `src/` and fails when a key has no English text, when a
//! key is used with two different Vietnamese texts, when an English text names other values than
//! its Vietnamese one, or when `en.json` keeps a key nothing uses.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The languages of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    /// The BCP 47 tag, as in `<html lang>` and the portal's `locale`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The language a tag names (`vi`, `en`, `en-GB`, `vi-VN`: the primary subtag decides).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default().trim();
        if primary.eq_ignore_ascii_case("vi") {
            Some(Lang::Vi)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// Every language hoso speaks, the default first.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// Where the texts of this language are, relative to the app's base; `None` for Vietnamese,
    /// which is in the code.
    pub fn table_path(self) -> Option<&'static str> {
        match self {
            Lang::Vi => None,
            Lang::En => Some("i18n/en.json"),
        }
    }

    /// The language's own name, as the header offers it ("English" to a Vietnamese reader).
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::Vi => "Tiếng Việt",
            Lang::En => "English",
        }
    }
}

/// Why a table of texts could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TableProblem {
    /// Not a JSON object of strings.
    Unreadable,
    /// A table was already installed (the language is chosen once, before the app starts).
    AlreadyInstalled,
}

struct Table {
    lang: Lang,
    /// By the key's hash (`key_hash`): the binaries carry no key text, only its hash.
    texts: HashMap<u64, &'static str>,
}

impl Table {
    fn get(&self, key: u64) -> Option<&'static str> {
        self.texts.get(&key).copied()
    }
}

/// A key's hash (FNV-1a, 64 bits), computed at compile time for every `tr!`; `tests/i18n.rs`
/// checks that no two keys share one.
pub const fn key_hash(key: &str) -> u64 {
    let bytes = key.as_bytes();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

static TABLE: OnceLock<Table> = OnceLock::new();

thread_local! {
    /// Set while `in_vietnamese` runs: texts for the agency, whatever the person reads.
    static VIETNAMESE_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` with every text in Vietnamese (the declaration printed for the agency).
pub fn in_vietnamese<R>(f: impl FnOnce() -> R) -> R {
    let before = VIETNAMESE_ONLY.with(|v| v.replace(true));
    let out = f();
    VIETNAMESE_ONLY.with(|v| v.set(before));
    out
}

fn table() -> Option<&'static Table> {
    if VIETNAMESE_ONLY.with(std::cell::Cell::get) {
        return None;
    }
    TABLE.get()
}

/// Installs the texts of `lang` (`{key: text}` JSON) for the rest of the program's life.
pub fn install(lang: Lang, json: &str) -> Result<(), TableProblem> {
    let parsed: HashMap<String, String> = serde_json::from_str(json).map_err(|_| TableProblem::Unreadable)?;
    // Leaked once: the table lives as long as the page, and every text is then a `&'static str`
    // the views can hold without copying.
    let texts = parsed.into_iter().map(|(k, v)| (key_hash(&k), &*Box::leak(v.into_boxed_str()))).collect();
    TABLE.set(Table { lang, texts }).map_err(|_| TableProblem::AlreadyInstalled)
}

/// The language the interface is in.
pub fn current() -> Lang {
    table().map_or(Lang::Vi, |t| t.lang)
}

/// The text of `key` in the current language: `vi` unless a table installed a text for it.
pub fn text(key: u64, vi: &'static str) -> &'static str {
    table().and_then(|t| t.get(key)).unwrap_or(vi)
}

/// The text of a key made at run time (a form's question: `form.<form>.<field>`), or `vi` as given.
pub fn text_or(key: &str, vi: &str) -> String {
    table().and_then(|t| t.get(key_hash(key))).map_or_else(|| vi.to_string(), str::to_string)
}

/// `template` with each `{name}` replaced by its value (`{{` and `}}` are braces).
pub fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if let (true, Some(end)) = (tail.starts_with('{'), tail.find('}')) {
            let name = &tail[1..end];
            if let Some((_, v)) = values.iter().find(|(n, _)| *n == name) {
                out.push_str(&v.to_string());
                rest = &tail[end + 1..];
                continue;
            }
        }
        out.push_str(&tail[..1]);
        rest = &tail[1..];
    }
    out.push_str(rest);
    out
}

/// The names a template fills (`{name}`), in order, for the check that both languages name the same.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(i) = rest.find('{') {
        let tail = &rest[i..];
        if let Some(after) = tail.strip_prefix("{{") {
            rest = after;
            continue;
        }
        match tail.find('}') {
            Some(end) => {
                names.push(&tail[1..end]);
                rest = &tail[end + 1..];
            }
            None => break,
        }
    }
    names
}

/// An interface text: `tr!("key", "Văn bản")` is a `&'static str`; with values,
/// `tr!("key", "Còn {n} ngày", n = days)` is a `String`.
#[macro_export]
macro_rules! tr {
    ($key:literal, $vi:literal) => {
        $crate::core::i18n::text(const { $crate::core::i18n::key_hash($key) }, $vi)
    };
    ($key:literal, $vi:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::core::i18n::fill(
            $crate::core::i18n::text(const { $crate::core::i18n::key_hash($key) }, $vi),
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_puts_each_named_value_in_place() {
        assert_eq!(fill("Còn {n} ngày làm việc, đến {date}.", &[("n", &3), ("date", &"05/12/2026")]), "Còn 3 ngày làm việc, đến 05/12/2026.");
        assert_eq!(fill("{n} of {n}", &[("n", &2)]), "2 of 2");
        assert_eq!(fill("{{literal}} {unknown}", &[]), "{literal} {unknown}");
    }

    #[test]
    fn placeholders_are_the_names_a_template_fills() {
        assert_eq!(placeholders("Bước {step} trên {total} {{x}}"), vec!["step", "total"]);
        assert!(placeholders("Không có giá trị").is_empty());
    }

    #[test]
    fn without_a_table_every_key_reads_vietnamese() {
        // Host tests never install a table: the CLI and the package maker speak Vietnamese.
        assert_eq!(current(), Lang::Vi);
        assert_eq!(tr!("test.home", "Trang chủ"), "Trang chủ");
        assert_eq!(tr!("test.days", "Còn {n} ngày", n = 4), "Còn 4 ngày");
    }

    #[test]
    fn a_tag_names_its_language_by_the_primary_subtag() {
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("VI"), Some(Lang::Vi));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
    }
}
