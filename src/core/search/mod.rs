//! Search over the catalogue index, as people type.
//!
//! - Diacritics, tone placement, NFC/NFD, case and đ/d do not matter for matching (`text::fold`);
//!   when the person typed diacritics, names that have exactly those rank first (`text::tone_key`).
//! - Missing or extra words are tolerated: a procedure matches when the words it has carry at
//!   least half the query's weight (rarer words weigh more).
//! - People's words are rewritten to the catalogue's by a reviewed [`lexicon`] ("bằng lái" →
//!   "giấy phép lái xe", "bị mất" → "cấp lại"); what was rewritten is told back
//!   ([`SearchIndex::understood`]); filler words ("làm", "xin", "cho con", "thủ tục") are ignored.
//! - Ranked for citizens: what a person may apply for, done at the commune or province, and the
//!   procedures people use most come before specialist ones sharing the words; the same procedure
//!   at several levels is one result with the others beside it ([`Hit::also`]).
//! - The last word may be unfinished (prefix match), so results follow each keystroke.
//! - A word no procedure has gets a spelling suggestion ([`SearchIndex::suggestion`]).

pub mod lexicon;
mod suggest;

use std::collections::HashMap;

use self::lexicon::{Entry, Kind, LEXICON};
use super::catalogue::curated::POPULAR;
use super::catalogue::index::who;
use super::catalogue::Index;
use super::text::{fold, tone_key};

/// Words that carry no meaning in a request ("làm giấy khai sinh cho con thế nào").
const FILLER_PHRASES: &[&str] = &[
    "nhu the nao",
    "the nao",
    "o dau",
    "thu tuc",
    "ho so",
    "can gi",
    "huong dan",
    "lam sao",
    "phai lam gi",
    "mat bao lau",
    "bao lau",
    "mat may ngay",
    "bao nhieu tien",
    "giay to gi",
    "o uy ban xa",
    "uy ban xa",
    "uy ban phuong",
    "o xa",
    "o phuong",
];
const FILLER_WORDS: &[&str] = &[
    "lam", "xin", "cho", "con", "toi", "minh", "muon", "can", "gi", "giup", "em", "anh", "chi", "voi", "de", "ve", "viec", "nao", "a", "nhe", "oi", "thi",
    "phai", "duoc", "khong", "co", "o", "tai", "nhu", "sao", "bi", "cua", "va", "roi", "nua", "se", "hay",
];

pub struct Query<'a> {
    pub text: &'a str,
    /// Only procedures of this field (index into `Index::fields`).
    pub field: Option<u16>,
    /// Only procedures carried out at this level (index into `Index::levels`).
    pub level: Option<u8>,
    pub limit: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Position in `Index::entries`.
    pub entry: usize,
    pub score: f32,
    /// The same procedure carried out at other levels ("… (thực hiện tại cấp tỉnh)"), best first.
    pub also: Vec<usize>,
}

struct Doc {
    /// The folded name padded with spaces (" dang ky khai sinh "), for phrase checks.
    name_padded: String,
    name_len: u16,
    name_tones: Vec<String>,
    field: u16,
    levels: Vec<u8>,
    /// What a citizen is likelier to mean: people may apply, done near them, used most.
    prior: f32,
    /// Documents with the same family are one procedure at several levels.
    family: u32,
}

/// Where a token was found: in the name, in the result names, in the field name.
#[derive(Clone, Copy)]
enum Place {
    Name = 0,
    Keys = 1,
    Field = 2,
}
const PLACE_WEIGHT: [f32; 3] = [1.0, 0.7, 0.4];
const PREFIX_WEIGHT: f32 = 0.8;
/// Names longer than this many words get less from the words they match.
const LONG_NAME: f32 = 60.0;
/// A name that has an official wording the lexicon put in ("cấp lại", "giấy phép lái xe").
const PHRASE_WEIGHT: f32 = 0.6;
/// A misspelt word read as the closest catalogue word counts this much of its weight.
const TYPO_WEIGHT: f32 = 0.8;
/// A word no procedure has, nor one near it.
const UNKNOWN_WEIGHT: f32 = 1.0;
/// A word of an intent the person typed ("mất") that the name also has.
const BONUS_WEIGHT: f32 = 0.6;

/// A lexicon entry, folded into words once.
struct Rewrite {
    says: Vec<String>,
    /// The tone keys of `says`' words: a word typed with other diacritics ("mặt") is not it ("mất").
    tones: Vec<String>,
    means: Vec<String>,
    entry: &'static Entry,
    /// Keeps a specialist term as it is; found before any other entry, which may not cut it.
    guard: bool,
}

/// Prepared once from the index; answers queries in well under a millisecond.
pub struct SearchIndex {
    docs: Vec<Doc>,
    /// Folded token → its id.
    ids: HashMap<String, u32>,
    /// Per token id and place: the documents that contain it, ascending.
    postings: Vec<[Vec<u32>; 3]>,
    /// Token ids that occur in names, sorted by their text, for prefix matches.
    vocab: Vec<(String, u32)>,
    /// Lexicon entries by their first folded word, longest first.
    rewrites: HashMap<String, Vec<Rewrite>>,
}

impl SearchIndex {
    pub fn new(index: &Index) -> SearchIndex {
        let mut docs = Vec::with_capacity(index.entries.len());
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut postings: Vec<[Vec<u32>; 3]> = Vec::new();
        let mut add = |text: &str, doc: u32, place: Place| {
            for t in text.split(' ').filter(|t| !t.is_empty()) {
                let id = match ids.get(t) {
                    Some(&id) => id,
                    None => {
                        let id = postings.len() as u32;
                        ids.insert(t.to_string(), id);
                        postings.push(Default::default());
                        id
                    }
                };
                let list = &mut postings[id as usize][place as usize];
                if list.last() != Some(&doc) {
                    list.push(doc);
                }
            }
        };
        let near: Vec<f32> = index.levels.iter().map(|l| level_prior(&fold(l))).collect();
        // Names, result names and fields that abbreviate ("sổ BHXH, thẻ BHYT", "Thực hiện chính sách
        // BHXH") are found by the words in full too.
        let abbreviations: HashMap<String, String> =
            LEXICON.iter().filter(|e| e.kind == Kind::Abbreviation && !fold(e.says).contains(' ')).map(|e| (fold(e.says), fold(e.means))).collect();
        let mut families: HashMap<String, u32> = HashMap::new();
        for (i, e) in index.entries.iter().enumerate() {
            let name = fold(e.name());
            add(&name, i as u32, Place::Name);
            for word in name.split(' ') {
                if let Some(full) = abbreviations.get(word) {
                    add(full, i as u32, Place::Name);
                }
            }
            for (text, place) in [(fold(e.keys()), Place::Keys), (fold(index.field_of(e)), Place::Field)] {
                add(&text, i as u32, place);
                for word in text.split(' ') {
                    if let Some(full) = abbreviations.get(word) {
                        add(full, i as u32, place);
                    }
                }
            }
            let next = families.len() as u32;
            let family = *families.entry(family_key(&name).to_string()).or_insert(next);
            let people = match e.6 {
                0 => 0.3,
                w if w == who::PEOPLE => 0.6,
                w if w & who::PEOPLE != 0 => 0.3,
                _ => 0.0,
            };
            let local = e.3.iter().filter_map(|&l| near.get(l as usize)).fold(0f32, |a, &b| a.max(b));
            let popular = if POPULAR.contains(&e.code()) { 0.8 } else { 0.0 };
            docs.push(Doc {
                name_len: name.split(' ').count() as u16,
                name_padded: format!(" {name} "),
                name_tones: tone_key(e.name()).split(' ').map(str::to_string).collect(),
                field: e.2,
                levels: e.3.clone(),
                prior: people + local + popular,
                family,
            });
        }
        let mut vocab: Vec<(String, u32)> =
            ids.iter().filter(|(_, &id)| !postings[id as usize][Place::Name as usize].is_empty()).map(|(t, &id)| (t.clone(), id)).collect();
        crate::core::order::sort(&mut vocab);
        let mut rewrites: HashMap<String, Vec<Rewrite>> = HashMap::new();
        for entry in LEXICON {
            let says = tokens(&fold(entry.says));
            let means = tokens(&fold(entry.means));
            let tones = tokens(&tone_key(entry.says));
            debug_assert_eq!(says.len(), tones.len(), "{}", entry.says);
            if let Some(first) = says.first() {
                let guard = says == means;
                rewrites.entry(first.clone()).or_default().push(Rewrite { says, tones, means, entry, guard });
            }
        }
        for list in rewrites.values_mut() {
            crate::core::order::sort_by_key(list, |r| std::cmp::Reverse(r.says.len()));
        }
        SearchIndex { docs, ids, postings, vocab, rewrites }
    }

    pub fn search(&self, q: &Query) -> Vec<Hit> {
        let mut prepared = self.prepare(q.text);
        if prepared.tokens.is_empty() {
            return Vec::new();
        }
        let n = self.docs.len() as f32;
        let last = prepared.tokens.len() - 1;
        let partial = |k: usize, t: &str| k == last && prepared.last_may_be_partial && self.completions(t).next().is_some();
        // A word no procedure has is read as the closest one ("khai sanh" → "khai sinh"), at a
        // discount; a word with none near it weighs little (it cannot tell procedures apart).
        let mut discount = vec![1f32; prepared.tokens.len()];
        for (k, disc) in discount.iter_mut().enumerate() {
            if self.ids.contains_key(&prepared.tokens[k]) || partial(k, &prepared.tokens[k]) {
                continue;
            }
            let before = k.checked_sub(1).map(|b| prepared.tokens[b].as_str());
            match self.closest(&prepared.tokens[k], before, prepared.tokens.get(k + 1).map(String::as_str)) {
                Some(id) => {
                    prepared.tokens[k] = self.vocab_word(id).to_string();
                    *disc = TYPO_WEIGHT;
                }
                None => *disc = 0.0,
            }
        }
        // Rarer words weigh more.
        let weights: Vec<f32> = prepared
            .tokens
            .iter()
            .zip(&discount)
            .map(|(t, &disc)| {
                let df = self.ids.get(t).map_or(0, |&id| self.postings[id as usize][0].len()) as f32;
                if disc == 0.0 {
                    UNKNOWN_WEIGHT
                } else {
                    disc * (1.0 + n / (df + 1.0)).ln()
                }
            })
            .collect();
        let total: f32 = weights.iter().sum();

        // Accumulate, per document, the weight of the query words it has (each word counted
        // once, at its best place) and how many of them are in its name.
        let mut matched = vec![0f32; self.docs.len()];
        let mut in_name = vec![0u16; self.docs.len()];
        let mut stamp = vec![u16::MAX; self.docs.len()];
        for (k, t) in prepared.tokens.iter().enumerate() {
            let w = weights[k];
            let mut credit = |docs: &[u32], weight: f32, name: bool| {
                for &d in docs {
                    let d = d as usize;
                    if stamp[d] != k as u16 {
                        stamp[d] = k as u16;
                        matched[d] += weight;
                        in_name[d] += name as u16;
                    }
                }
            };
            if let Some(&id) = self.ids.get(t) {
                let lists = &self.postings[id as usize];
                credit(&lists[0], w * PLACE_WEIGHT[0], true);
            }
            if k == last && prepared.last_may_be_partial && t.len() >= 2 {
                for id in self.completions(t) {
                    credit(&self.postings[id as usize][0], w * PREFIX_WEIGHT, true);
                }
            }
            if let Some(&id) = self.ids.get(t) {
                let lists = &self.postings[id as usize];
                credit(&lists[1], w * PLACE_WEIGHT[1], false);
                credit(&lists[2], w * PLACE_WEIGHT[2], false);
            }
        }

        let phrase = format!(" {} ", prepared.sequence.join(" "));
        // A procedure is a result when it has half the query's weight, or, for a long query
        // told in the person's own words, a quarter and nearly as much as the best one.
        let best = matched.iter().fold(0f32, |a, &b| a.max(b));
        let enough = (0.5 * total).min((0.25 * total).max(0.7 * best));
        let mut hits = Vec::new();
        for (d, doc) in self.docs.iter().enumerate() {
            let coverage = matched[d] / total;
            if matched[d] <= 0.0 || matched[d] < enough || q.field.is_some_and(|f| f != doc.field) || q.level.is_some_and(|l| !doc.levels.contains(&l)) {
                continue;
            }
            // A name of a hundred words has most words of any query: what it matches counts less.
            let long = (doc.name_len as f32 / LONG_NAME).max(1.0).sqrt();
            let mut score = 10.0 * coverage / long;
            if prepared.sequence.len() > 1 && doc.name_padded.contains(&phrase) {
                score += 2.0;
            }
            for p in &prepared.phrases {
                if doc.name_padded.contains(p.as_str()) {
                    score += PHRASE_WEIGHT;
                }
            }
            // Exact diacritics: when the person typed them, names that have them come first.
            for tk in &prepared.tone_tokens {
                if doc.name_tones.contains(tk) {
                    score += 1.0 / prepared.tone_tokens.len() as f32;
                }
            }
            for b in &prepared.bonus {
                if doc.name_padded.contains(&format!(" {b} ")) {
                    score += BONUS_WEIGHT;
                }
            }
            score += doc.prior;
            // Shorter, more specific names first among equals.
            let extra = doc.name_len.saturating_sub(in_name[d]) as f32;
            score += 3.0 / (1.0 + extra / 6.0);
            hits.push(Hit { entry: d, score, also: Vec::new() });
        }
        crate::core::order::sort_by(&mut hits, |a, b| b.score.total_cmp(&a.score).then(a.entry.cmp(&b.entry)));
        // One result per family: the best-ranked variant, the others beside it.
        let mut grouped: Vec<Hit> = Vec::with_capacity(q.limit);
        let mut first_of: HashMap<u32, usize> = HashMap::new();
        for hit in hits {
            let family = self.docs[hit.entry].family;
            match first_of.get(&family) {
                Some(&at) => grouped[at].also.push(hit.entry),
                None if grouped.len() < q.limit => {
                    first_of.insert(family, grouped.len());
                    grouped.push(hit);
                }
                None => {}
            }
        }
        grouped
    }

    /// The lexicon entries the search applied to this text, in the order typed (guards that
    /// keep a word as it is are not told).
    pub fn understood(&self, text: &str) -> Vec<&'static Entry> {
        self.rewrite(&Typed::new(text)).into_iter().filter_map(|s| s.by).filter(|e| fold(e.says) != fold(e.means)).collect()
    }

    /// A spelling suggestion when some typed words are in no procedure's name ("giay khai sin"
    /// → "giay khai sinh"): the text as typed, each unknown word replaced by the closest name
    /// word, written as the catalogue writes it. `None` when every word is known.
    pub fn suggestion(&self, index: &Index, text: &str) -> Option<String> {
        suggest::suggestion(self, index, text)
    }

    /// Ids of the name words that start with `prefix` (the word itself included: documents
    /// already credited with it are skipped by the caller's stamp).
    fn completions<'s>(&'s self, prefix: &str) -> impl Iterator<Item = u32> + 's {
        let start = self.vocab.partition_point(|(w, _)| w.as_str() < prefix);
        let prefix = prefix.to_string();
        self.vocab[start..].iter().take_while(move |(w, _)| w.starts_with(&prefix)).map(|(_, id)| *id)
    }

    /// The typed words split into segments: rewritten by a lexicon entry, or as typed.
    fn rewrite(&self, typed: &Typed) -> Vec<Segment> {
        let words = &typed.words;
        let fits = |r: &Rewrite, i: usize| {
            words[i..].starts_with(&r.says) && r.tones.iter().zip(&typed.tones[i..]).all(|(want, got)| got.as_ref().is_none_or(|g| g == want))
        };
        // Guarded words first: no other entry may take part of them.
        let mut guarded = vec![false; words.len()];
        for i in 0..words.len() {
            if let Some(r) = self.rewrites.get(&words[i]).and_then(|list| list.iter().find(|r| r.guard && fits(r, i))) {
                guarded[i..i + r.says.len()].iter_mut().for_each(|g| *g = true);
            }
        }
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let found =
                self.rewrites.get(&words[i]).and_then(|list| list.iter().find(|r| fits(r, i) && (r.guard || !guarded[i..i + r.says.len()].contains(&true))));
            match found {
                Some(r) => {
                    out.push(Segment { words: r.means.clone(), typed: r.says.clone(), by: Some(r.entry) });
                    i += r.says.len();
                }
                None => {
                    out.push(Segment { words: vec![words[i].clone()], typed: vec![words[i].clone()], by: None });
                    i += 1;
                }
            }
        }
        out
    }

    fn prepare(&self, text: &str) -> Prepared {
        let typed_words = Typed::new(text).without_filler_phrases();
        let segments = self.rewrite(&typed_words);
        // Filler phrases and words are dropped where the person typed them, never from a rewrite.
        let mut sequence: Vec<String> = Vec::new();
        let mut bonus: Vec<String> = Vec::new();
        let mut phrases: Vec<String> = Vec::new();
        let mut typed: Vec<String> = Vec::new();
        let flush = |typed: &mut Vec<String>, sequence: &mut Vec<String>| {
            sequence.extend(typed.drain(..).filter(|t| !FILLER_WORDS.contains(&t.as_str())));
        };
        for s in segments {
            match s.by {
                None => typed.extend(s.words),
                Some(entry) => {
                    flush(&mut typed, &mut sequence);
                    if s.words.len() > 1 {
                        phrases.push(format!(" {} ", s.words.join(" ")));
                    }
                    sequence.extend(s.words);
                    if entry.kind == Kind::Intent {
                        bonus.extend(s.typed.into_iter().filter(|t| !FILLER_WORDS.contains(&t.as_str())));
                    }
                }
            }
        }
        flush(&mut typed, &mut sequence);
        if sequence.is_empty() {
            // A query of only filler words ("làm") still searches for what was typed.
            sequence = tokens(&fold(text));
        }
        let mut toks: Vec<String> = Vec::new();
        for t in &sequence {
            if !toks.contains(t) {
                toks.push(t.clone());
            }
        }
        bonus.retain(|b| !toks.contains(b));
        let tone_tokens = text.split_whitespace().map(tone_key).filter(|t| !t.is_empty() && *t != fold(t)).collect();
        let last_may_be_partial = !text.ends_with(char::is_whitespace) && !text.trim().is_empty();
        Prepared { tokens: toks, sequence, phrases, bonus, tone_tokens, last_may_be_partial }
    }
}

/// The words of a query, folded, each with its tone key when it was typed with diacritics.
struct Typed {
    words: Vec<String>,
    tones: Vec<Option<String>>,
}

impl Typed {
    fn new(text: &str) -> Typed {
        let words = tokens(&fold(text));
        let keys = tokens(&tone_key(text));
        let tones =
            if keys.len() == words.len() { keys.into_iter().zip(&words).map(|(k, w)| (k != *w).then_some(k)).collect() } else { vec![None; words.len()] };
        Typed { words, tones }
    }

    /// Without "thủ tục", "như thế nào", "mất bao lâu"… (before the lexicon: "mất" there is not "lost").
    fn without_filler_phrases(self) -> Typed {
        let phrases: Vec<Vec<&str>> = FILLER_PHRASES.iter().map(|p| p.split(' ').collect()).collect();
        let mut out = Typed { words: Vec::new(), tones: Vec::new() };
        let mut i = 0;
        while i < self.words.len() {
            match phrases.iter().find(|p| p.len() <= self.words.len() - i && p.iter().zip(&self.words[i..]).all(|(a, b)| a == b)) {
                Some(p) => i += p.len(),
                None => {
                    out.words.push(self.words[i].clone());
                    out.tones.push(self.tones[i].clone());
                    i += 1;
                }
            }
        }
        out
    }
}

struct Segment {
    /// The words searched for.
    words: Vec<String>,
    /// The words typed.
    typed: Vec<String>,
    by: Option<&'static Entry>,
}

struct Prepared {
    /// The words searched for, each once.
    tokens: Vec<String>,
    /// The words searched for in order, for the whole-phrase bonus.
    sequence: Vec<String>,
    /// The official wordings the lexicon put in, padded: a name that has one whole ranks higher.
    phrases: Vec<String>,
    /// Words of an intent the person typed: a bonus where a name has them, never required.
    bonus: Vec<String>,
    /// Tone keys of the query words that carry diacritics.
    tone_tokens: Vec<String>,
    last_may_be_partial: bool,
}

/// How near the person a level is: the commune before the province before a ministry.
fn level_prior(level: &str) -> f32 {
    if level.contains(" xa") || level.contains("huyen") {
        0.4
    } else if level.contains("tinh") {
        0.2
    } else {
        0.0
    }
}

/// The folded name without the level it is carried out at, so that "Cấp lại thẻ căn cước" and
/// "Cấp lại thẻ căn cước (thực hiện tại cấp tỉnh)" are one family.
fn family_key(name: &str) -> &str {
    const LEVELS: &[&str] = &["trung uong", "tw", "tinh", "huyen", "xa", "bo"];
    let mut key = name.trim_end();
    loop {
        let before = key;
        for level in LEVELS {
            if let Some(rest) = key.strip_suffix(level).and_then(|r| r.strip_suffix(" cap ")) {
                key = rest.trim_end();
                key = key.strip_suffix(" thuc hien tai").or_else(|| key.strip_suffix(" tai")).unwrap_or(key).trim_end();
            }
        }
        if key == before {
            return key;
        }
    }
}

fn tokens(s: &str) -> Vec<String> {
    s.split(' ').filter(|t| !t.is_empty()).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> SearchIndex {
        SearchIndex::new(&Index {
            format: 1,
            catalogue_version: "test".into(),
            source: String::new(),
            fields: vec![],
            levels: vec![],
            ministries: vec![],
            entries: vec![],
        })
    }

    #[test]
    fn filler_words_and_everyday_words_are_rewritten() {
        let s = index();
        assert_eq!(s.prepare("làm giấy khai sinh cho con").tokens, ["dang", "ky", "khai", "sinh"]);
        assert_eq!(s.prepare("bản sao giấy khai sinh").tokens, ["cap", "ban", "sao", "trich", "luc", "ho", "tich"]);
        assert_eq!(s.prepare("xin cấp sổ đỏ").tokens, ["cap", "giay", "chung", "nhan", "quyen", "su", "dung", "dat", "lan", "dau"]);
        assert_eq!(s.prepare("làm").tokens, ["lam"]);
    }

    #[test]
    fn an_intent_searches_for_the_official_words_and_keeps_the_typed_ones_as_a_bonus() {
        let s = index();
        let p = s.prepare("mất bằng lái xe");
        assert_eq!(p.tokens, ["cap", "lai", "giay", "phep", "xe"]);
        assert_eq!(p.sequence.join(" "), "cap lai giay phep lai xe");
        assert_eq!(p.bonus, ["mat"]);
    }

    #[test]
    fn a_guard_keeps_a_specialist_term_whole() {
        let s = index();
        assert_eq!(s.prepare("đăng ký xe máy chuyên dùng").sequence.join(" "), "dang ky xe may chuyen dung");
        assert_eq!(s.prepare("đăng ký xe máy").sequence.join(" "), "dang ky xe");
        assert!(s.understood("xe máy chuyên dùng").is_empty());
    }

    #[test]
    fn what_was_understood_is_told_in_the_order_typed() {
        let s = index();
        let told: Vec<(&str, &str)> = s.understood("lam lai bang lai xe bi mat").iter().map(|e| (e.says, e.means)).collect();
        assert_eq!(told, [("làm lại", "cấp lại"), ("bằng lái xe", "giấy phép lái xe"), ("bị mất", "cấp lại")]);
    }

    #[test]
    fn a_word_typed_with_other_diacritics_is_not_the_lexicon_word() {
        let s = index();
        assert_eq!(s.prepare("mất hộ chiếu").bonus, ["mat"]);
        assert_eq!(s.prepare("mat ho chieu").bonus, ["mat"]);
        // "mặt nước" (water surface) is not "mất" (lost).
        assert!(s.prepare("mặt nước").bonus.is_empty());
        assert_eq!(s.prepare("mặt nước").tokens, ["mat", "nuoc"]);
    }

    #[test]
    fn tone_tokens_only_for_words_typed_with_diacritics() {
        let s = index();
        assert_eq!(s.prepare("khai sinh").tone_tokens.len(), 0);
        assert_eq!(s.prepare("kết hôn").tone_tokens.len(), 2);
    }

    #[test]
    fn the_level_a_procedure_is_done_at_is_not_part_of_its_family() {
        assert_eq!(family_key("cap lai the can cuoc thuc hien tai cap tinh"), "cap lai the can cuoc");
        assert_eq!(family_key("cap lai the can cuoc thuc hien tai cap trung uong"), "cap lai the can cuoc");
        assert_eq!(family_key("cap giay phep nhan chim o bien cap tw"), "cap giay phep nhan chim o bien");
        assert_eq!(family_key("bo nhiem va cap the giam dinh vien tu phap cap tinh"), "bo nhiem va cap the giam dinh vien tu phap");
        assert_eq!(family_key("dang ky khai sinh"), "dang ky khai sinh");
    }
}
