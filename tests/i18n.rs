//! Every interface text has its English, and the English says the same values.
//!
//! Reads every `tr!("key", "Tiếng Việt", name = value…)` in `src/` and the English table
//! `public/i18n/en.json` (`core::i18n`). A key without English, a key used with two Vietnamese
//! texts, an English text that names other values (`{name}`) or other leading/trailing spaces
//! than its Vietnamese, a value a call passes that its text never shows, and an English key
//! nothing uses, each fail with the list of what to fix. The interface code (`src/ui`, `src/web`)
//! may have no Vietnamese text outside `tr!`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use hoso::core::i18n::placeholders;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// One `tr!` call: where, its key, its Vietnamese text and the names of the values it passes.
struct Call {
    at: String,
    key: String,
    vi: String,
    values: Vec<String>,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// A Rust string literal starting at `s[0] == '"'`: its value and its length in bytes.
fn string_literal(s: &str) -> Option<(String, usize)> {
    let mut value = String::new();
    let mut chars = s.char_indices().skip(1);
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((value, i + 1)),
            '\\' => match chars.next()?.1 {
                'n' => value.push('\n'),
                't' => value.push('\t'),
                '\\' => value.push('\\'),
                '"' => value.push('"'),
                '\'' => value.push('\''),
                '\n' => {
                    // A line continuation: the next line's leading spaces are dropped.
                    while let Some((_, c)) = chars.clone().next() {
                        if !c.is_whitespace() {
                            break;
                        }
                        chars.next();
                    }
                }
                other => panic!("escape \\{other} in an interface text"),
            },
            c => value.push(c),
        }
    }
    None
}

/// The `tr!` calls in one file's source.
fn calls_in(path: &Path, src: &str) -> Vec<Call> {
    let mut calls = Vec::new();
    let mut from = 0;
    while let Some(i) = src[from..].find("tr!(") {
        let start = from + i;
        from = start + 4;
        // `macro_rules! tr` itself and its documentation do not count.
        if src[..start].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let line = src[..start].matches('\n').count() + 1;
        let at = format!("{}:{line}", path.strip_prefix(ROOT).unwrap_or(path).display());
        let rest = src[from..].trim_start();
        if !rest.starts_with('"') {
            continue; // the macro's own arms (`$key:literal`)
        }
        let (key, n) = string_literal(rest).unwrap_or_else(|| panic!("{at}: unterminated key"));
        let rest = rest[n..].trim_start().strip_prefix(',').unwrap_or_else(|| panic!("{at}: tr! needs a key and a Vietnamese text")).trim_start();
        let (vi, n) = string_literal(rest).unwrap_or_else(|| panic!("{at}: tr!'s second argument must be a string literal"));
        let values = value_names(&rest[n..]);
        calls.push(Call { at, key, vi, values });
    }
    calls
}

/// The names of the values after the text, up to the call's closing parenthesis: `name = …` at
/// the call's own depth.
fn value_names(s: &str) -> Vec<String> {
    let (mut depth, mut names, mut in_str) = (0i32, Vec::new(), false);
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if in_str {
            if c == b'\\' {
                i += 1;
            } else if c == b'"' {
                in_str = false;
            }
        } else {
            match c {
                b'"' => in_str = true,
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' if depth == 0 => break,
                b')' | b']' | b'}' => depth -= 1,
                b',' if depth == 0 => {
                    let after = s[i + 1..].trim_start();
                    let name: String = after.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                    if !name.is_empty() && after[name.len()..].trim_start().starts_with('=') && !after[name.len()..].trim_start().starts_with("==") {
                        names.push(name);
                    }
                }
                _ => {}
            }
        }
        i += 1;
    }
    names
}

fn all_calls() -> Vec<Call> {
    let mut files = Vec::new();
    rust_files(&Path::new(ROOT).join("src"), &mut files);
    files.sort();
    // `core/i18n.rs` defines the macro; its examples and tests are not the interface's texts.
    files.retain(|f| !f.ends_with("src/core/i18n.rs"));
    files.iter().flat_map(|f| calls_in(f, &std::fs::read_to_string(f).unwrap())).collect()
}

fn english() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(Path::new(ROOT).join("public/i18n/en.json")).expect("public/i18n/en.json");
    serde_json::from_str(&text).expect("en.json is a JSON object of strings")
}

fn set(v: Vec<&str>) -> BTreeSet<&str> {
    v.into_iter().collect()
}

fn edges(s: &str) -> (bool, bool) {
    (s.starts_with(char::is_whitespace), s.ends_with(char::is_whitespace))
}

#[test]
fn every_interface_text_has_its_english_saying_the_same_values() {
    let calls = all_calls();
    assert!(calls.len() > 500, "the interface's texts were not found ({} tr! calls)", calls.len());
    let en = english();
    let mut faults = Vec::new();
    let mut vi_of: BTreeMap<&str, (&str, &str)> = BTreeMap::new();
    for c in &calls {
        if let Some((vi, at)) = vi_of.insert(&c.key, (&c.vi, &c.at)) {
            if vi != c.vi {
                faults.push(format!("{}: key {} is also used at {at} for another text: «{vi}»", c.at, c.key));
            }
        }
        let shown = set(placeholders(&c.vi));
        let given: BTreeSet<&str> = c.values.iter().map(String::as_str).collect();
        if shown != given {
            faults.push(format!("{}: {} shows {shown:?} but is given {given:?}", c.at, c.key));
        }
        match en.get(&c.key) {
            None => faults.push(format!("{}: no English for {} «{}»", c.at, c.key, c.vi)),
            Some(e) if e.trim().is_empty() => faults.push(format!("{}: empty English for {}", c.at, c.key)),
            Some(e) => {
                if set(placeholders(e)) != shown {
                    faults.push(format!("{}: English of {} names {:?}, Vietnamese {shown:?}", c.at, c.key, placeholders(e)));
                }
                if edges(e) != edges(&c.vi) {
                    faults.push(format!("{}: English of {} starts or ends with a space where the Vietnamese does not, or the reverse", c.at, c.key));
                }
            }
        }
    }
    // The forms' questions, hints, choices and sections (`core::forms::texts`).
    let generic = hoso::core::forms::generic_form("1.000001", "Thủ tục");
    let mut forms: Vec<_> = hoso::core::forms::all_forms().into_iter().chain(std::iter::once(&generic)).flat_map(|f| f.texts()).collect();
    // The life events to browse by: hoso's own words.
    forms.extend(hoso::core::catalogue::curated::LIFE_EVENTS.iter().flat_map(|e| e.texts()).map(|(k, v)| (k, v.to_string())));
    let mut missing = BTreeMap::new();
    for (key, vi) in &forms {
        match en.get(key) {
            Some(e) if !e.trim().is_empty() && edges(e) == edges(vi) => {}
            _ => {
                faults.push(format!("form text {key} «{vi}» has no English (or its spaces differ)"));
                missing.insert(key.clone(), vi.clone());
            }
        }
    }
    for c in &calls {
        if !en.contains_key(&c.key) {
            missing.insert(c.key.clone(), c.vi.clone());
        }
    }
    // For a translator: `HOSO_I18N_MISSING=/tmp/missing.json cargo test --test i18n` writes what
    // is missing as {key: Vietnamese}, to translate and merge into en.json.
    if let Ok(path) = std::env::var("HOSO_I18N_MISSING") {
        std::fs::write(path, serde_json::to_string_pretty(&missing).unwrap()).unwrap();
    }
    let form_keys: BTreeSet<&str> = forms.iter().map(|(k, _)| k.as_str()).collect();
    // The binaries know a key by its hash only: no two keys may share one.
    let mut hashes = BTreeMap::new();
    for key in en.keys() {
        if let Some(other) = hashes.insert(hoso::core::i18n::key_hash(key), key) {
            faults.push(format!("{key} and {other} have the same hash: rename one"));
        }
    }
    for key in en.keys() {
        if !vi_of.contains_key(key.as_str()) && !form_keys.contains(key.as_str()) {
            faults.push(format!("public/i18n/en.json: {key} is used nowhere"));
        }
    }
    assert!(faults.is_empty(), "{} problems:\n{}", faults.len(), faults.join("\n"));
}

/// A Vietnamese letter outside ASCII: what marks an interface text written in place.
fn vietnamese(s: &str) -> bool {
    s.chars().any(|c| matches!(c, 'À'..='ỹ') && c.is_alphabetic())
}

#[test]
fn the_interface_code_writes_no_text_outside_tr() {
    let mut files = Vec::new();
    for dir in ["src/ui", "src/web"] {
        rust_files(&Path::new(ROOT).join(dir), &mut files);
    }
    files.sort();
    let mut faults = Vec::new();
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        let code = src.split("#[cfg(test)]").next().unwrap_or_default();
        let mut rest = code;
        let mut offset = 0;
        while let Some(i) = rest.find(['"', '/']) {
            let tail = &rest[i..];
            if tail.starts_with("//") {
                let end = tail.find('\n').unwrap_or(tail.len());
                offset += i + end;
                rest = &tail[end..];
                continue;
            }
            if let Some(after) = tail.strip_prefix('/') {
                offset += i + 1;
                rest = after;
                continue;
            }
            if rest[..i].ends_with('\'') && tail[1..].starts_with('\'') {
                // the character '"'
                offset += i + 2;
                rest = &tail[2..];
                continue;
            }
            let Some((value, n)) = string_literal(tail) else { break };
            let before = code[..offset + i].trim_end();
            let is_key_or_text = before.ends_with("tr!(")
                || (before.ends_with(',') && before[..before.len() - 1].trim_end().ends_with('"') && {
                    let open = before.rfind("tr!(").unwrap_or(0);
                    !before[open..].contains(')')
                });
            if vietnamese(&value) && !is_key_or_text {
                let line = code[..offset + i].matches('\n').count() + 1;
                faults.push(format!("{}:{line}: «{value}»", f.strip_prefix(ROOT).unwrap_or(&f).display()));
            }
            offset += i + n;
            rest = &tail[n..];
        }
    }
    assert!(faults.is_empty(), "Vietnamese text outside tr! (write it as tr!(\"key\", \"…\")):\n{}", faults.join("\n"));
}

#[test]
fn with_english_installed_texts_and_forms_read_english_and_the_agency_s_copy_stays_vietnamese() {
    use hoso::core::i18n::{current, in_vietnamese, install, Lang};
    let json = std::fs::read_to_string(Path::new(ROOT).join("public/i18n/en.json")).unwrap();
    install(Lang::En, &json).expect("en.json installs");
    assert_eq!(current(), Lang::En);
    assert_eq!(hoso::tr!("app.trang-chu", "Trang chủ"), english()["app.trang-chu"]);
    // A rule's refusal, with its value in place.
    let refusal = hoso::core::validate::Problem::CccdLength { digits: 9 }.message();
    assert!(refusal.contains('9') && !refusal.contains("chữ số"), "{refusal}");
    // A form's question, and the same form as the agency prints it.
    let form = hoso::core::forms::generic_form("1.000001", "Thủ tục thử");
    let shown = form.in_interface_language();
    assert_eq!(shown.sections[0].fields[0].label, english()["form.chung.nguoi-nop.ho-ten.label"]);
    in_vietnamese(|| {
        assert_eq!(current(), Lang::Vi);
        assert_eq!(form.in_interface_language().sections[0].fields[0].label, "Họ, chữ đệm và tên");
        assert_eq!(hoso::tr!("app.trang-chu", "Trang chủ"), "Trang chủ");
    });
    assert_eq!(current(), Lang::En, "back in English after the agency's copy");
}
