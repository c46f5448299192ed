//! Search over the catalogue index, as people type.
//!
//! - Diacritics, tone placement, NFC/NFD, case and đ/d do not matter for matching (`text::fold`);
//!   when the person typed diacritics, names that have exactly those rank first (`text::tone_key`).
//! - Missing or extra words are tolerated: a procedure matches when the words it has carry at
//!   least half the query's weight (rarer words weigh more).
//! - Everyday phrases are rewritten to the official words ("sổ đỏ" → "giấy chứng nhận quyền sử
//!   dụng đất"); filler words ("làm", "xin", "cho con", "thủ tục") are ignored.
//! - The last word may be unfinished (prefix match), so results follow each keystroke.

use std::collections::HashMap;

use super::catalogue::curated::POPULAR;
use super::catalogue::Index;
use super::text::{fold, tone_key};

/// Everyday phrase → official wording, both folded. Longer phrases first.
const SYNONYMS: &[(&str, &str)] = &[
    ("lam giay khai sinh", "dang ky khai sinh"),
    ("lam khai sinh", "dang ky khai sinh"),
    ("khai sinh cho con", "dang ky khai sinh"),
    ("khai sinh cho be", "dang ky khai sinh"),
    ("dang ky kinh doanh ho gia dinh", "dang ky thanh lap ho kinh doanh"),
    ("kinh doanh ho gia dinh", "ho kinh doanh"),
    ("ho gia dinh kinh doanh", "ho kinh doanh"),
    ("mo cua hang", "dang ky thanh lap ho kinh doanh"),
    ("mo quan an", "dang ky thanh lap ho kinh doanh"),
    ("giay phep xay nha", "cap giay phep xay dung moi nha o rieng le"),
    ("xin phep xay nha", "cap giay phep xay dung moi nha o rieng le"),
    ("phep xay nha", "cap giay phep xay dung moi nha o rieng le"),
    ("xay nha", "cap giay phep xay dung moi nha o rieng le"),
    ("sua nha", "cap giay phep xay dung sua chua cai tao nha o rieng le"),
    ("so do", "cap giay chung nhan quyen su dung dat lan dau"),
    ("so hong", "cap giay chung nhan quyen su dung dat quyen so huu nha o"),
    ("can cuoc cong dan", "the can cuoc"),
    ("chung minh nhan dan", "the can cuoc"),
    ("chung minh thu", "the can cuoc"),
    ("cccd", "the can cuoc"),
    ("cmnd", "the can cuoc"),
    ("passport", "ho chieu pho thong"),
    ("bang lai xe", "giay phep lai xe"),
    ("bang lai", "giay phep lai xe"),
    ("nhap ho khau", "dang ky thuong tru"),
    ("chuyen ho khau", "dang ky thuong tru"),
    ("ho khau", "dang ky thuong tru"),
    ("nhap khau", "dang ky thuong tru"),
    ("cong chung ban sao", "chung thuc ban sao tu ban chinh"),
    ("cong chung giay to", "chung thuc ban sao tu ban chinh"),
    ("photo cong chung", "chung thuc ban sao tu ban chinh"),
    ("sao y ban chinh", "chung thuc ban sao tu ban chinh"),
    ("sao y", "chung thuc ban sao tu ban chinh"),
    ("xac nhan doc than", "xac nhan tinh trang hon nhan"),
    ("giay doc than", "xac nhan tinh trang hon nhan"),
    ("lay vo", "dang ky ket hon"),
    ("lay chong", "dang ky ket hon"),
    ("dang ky cuoi", "dang ky ket hon"),
    ("bao tu", "dang ky khai tu"),
    ("lltp", "ly lich tu phap"),
    ("ma so thue ca nhan", "dang ky thue lan dau ca nhan"),
    ("nghi de", "che do thai san"),
];

/// Words that carry no meaning in a request ("làm giấy khai sinh cho con thế nào").
const FILLER_PHRASES: &[&str] = &["nhu the nao", "the nao", "o dau", "thu tuc", "ho so", "can gi", "huong dan", "lam sao"];
const FILLER_WORDS: &[&str] =
    &["lam", "xin", "cho", "con", "toi", "minh", "muon", "can", "gi", "giup", "em", "anh", "chi", "voi", "de", "ve", "viec", "nao", "a", "nhe", "oi"];

pub struct Query<'a> {
    pub text: &'a str,
    /// Only procedures of this field (index into `Index::fields`).
    pub field: Option<u16>,
    /// Only procedures carried out at this level (index into `Index::levels`).
    pub level: Option<u8>,
    pub limit: usize,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hit {
    /// Position in `Index::entries`.
    pub entry: usize,
    pub score: f32,
}

struct Doc {
    /// The folded name padded with spaces (" dang ky khai sinh "), for phrase checks.
    name_padded: String,
    name_len: u16,
    name_tones: Vec<String>,
    field: u16,
    levels: Vec<u8>,
    popular: bool,
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

/// Prepared once from the index; answers queries in well under a millisecond.
pub struct SearchIndex {
    docs: Vec<Doc>,
    /// Folded token → its id.
    ids: HashMap<String, u32>,
    /// Per token id and place: the documents that contain it, ascending.
    postings: Vec<[Vec<u32>; 3]>,
    /// Token ids that occur in names, sorted by their text, for prefix matches.
    vocab: Vec<(String, u32)>,
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
        for (i, e) in index.entries.iter().enumerate() {
            let name = fold(e.name());
            add(&name, i as u32, Place::Name);
            add(&fold(e.keys()), i as u32, Place::Keys);
            add(&fold(index.field_of(e)), i as u32, Place::Field);
            docs.push(Doc {
                name_len: name.split(' ').count() as u16,
                name_padded: format!(" {name} "),
                name_tones: tone_key(e.name()).split(' ').map(str::to_string).collect(),
                field: e.2,
                levels: e.3.clone(),
                popular: POPULAR.contains(&e.code()),
            });
        }
        let mut vocab: Vec<(String, u32)> =
            ids.iter().filter(|(_, &id)| !postings[id as usize][Place::Name as usize].is_empty()).map(|(t, &id)| (t.clone(), id)).collect();
        vocab.sort();
        SearchIndex { docs, ids, postings, vocab }
    }

    pub fn search(&self, q: &Query) -> Vec<Hit> {
        let prepared = prepare(q.text);
        if prepared.tokens.is_empty() {
            return Vec::new();
        }
        let n = self.docs.len() as f32;
        let last = prepared.tokens.len() - 1;
        // Rarer words weigh more; a word no procedure has weighs the most.
        let weights: Vec<f32> = prepared
            .tokens
            .iter()
            .map(|t| {
                let df = self.ids.get(t).map_or(0, |&id| self.postings[id as usize][0].len()) as f32;
                (1.0 + n / (df + 1.0)).ln()
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

        let phrase = format!(" {} ", prepared.tokens.join(" "));
        let mut hits = Vec::new();
        for (d, doc) in self.docs.iter().enumerate() {
            let coverage = matched[d] / total;
            if coverage < 0.5 || q.field.is_some_and(|f| f != doc.field) || q.level.is_some_and(|l| !doc.levels.contains(&l)) {
                continue;
            }
            let mut score = 10.0 * coverage;
            if prepared.tokens.len() > 1 && doc.name_padded.contains(&phrase) {
                score += 2.0;
            }
            // Exact diacritics: when the person typed them, names that have them come first.
            for tk in &prepared.tone_tokens {
                if doc.name_tones.contains(tk) {
                    score += 1.0 / prepared.tone_tokens.len() as f32;
                }
            }
            if doc.popular {
                score += 0.8;
            }
            // Shorter, more specific names first among equals.
            let extra = doc.name_len.saturating_sub(in_name[d]) as f32;
            score += 1.5 / (1.0 + extra / 4.0);
            hits.push(Hit { entry: d, score });
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entry.cmp(&b.entry)));
        hits.truncate(q.limit);
        hits
    }

    /// Ids of the name words that start with `prefix` (the word itself included: documents
    /// already credited with it are skipped by the caller's stamp).
    fn completions<'s>(&'s self, prefix: &str) -> impl Iterator<Item = u32> + 's {
        let start = self.vocab.partition_point(|(w, _)| w.as_str() < prefix);
        let prefix = prefix.to_string();
        self.vocab[start..].iter().take_while(move |(w, _)| w.starts_with(&prefix)).map(|(_, id)| *id)
    }
}

struct Prepared {
    tokens: Vec<String>,
    /// Tone keys of the query words that carry diacritics.
    tone_tokens: Vec<String>,
    last_may_be_partial: bool,
}

fn prepare(text: &str) -> Prepared {
    let folded = fold(text);
    let mut padded = format!(" {folded} ");
    for (from, to) in SYNONYMS {
        let needle = format!(" {from} ");
        if padded.contains(&needle) {
            padded = padded.replace(&needle, &format!(" {to} "));
        }
    }
    for filler in FILLER_PHRASES {
        padded = padded.replace(&format!(" {filler} "), " ");
    }
    let mut toks: Vec<String> = tokens(&padded).into_iter().filter(|t| !FILLER_WORDS.contains(&t.as_str())).collect();
    if toks.is_empty() {
        // A query of only filler words ("làm") still searches for what was typed.
        toks = tokens(&folded);
    }
    let mut seen = Vec::new();
    toks.retain(|t| {
        if seen.contains(t) {
            false
        } else {
            seen.push(t.clone());
            true
        }
    });
    let tone_tokens = text.split_whitespace().map(tone_key).filter(|t| !t.is_empty() && *t != fold(t)).collect();
    let last_may_be_partial = !text.ends_with(char::is_whitespace);
    Prepared { tokens: toks, tone_tokens, last_may_be_partial }
}

fn tokens(s: &str) -> Vec<String> {
    s.split(' ').filter(|t| !t.is_empty()).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filler_words_and_synonyms_are_rewritten() {
        assert_eq!(prepare("làm giấy khai sinh cho con").tokens, ["dang", "ky", "khai", "sinh"]);
        assert_eq!(prepare("bản sao giấy khai sinh").tokens, ["ban", "sao", "giay", "khai", "sinh"]);
        assert_eq!(prepare("xin cấp sổ đỏ").tokens, ["cap", "giay", "chung", "nhan", "quyen", "su", "dung", "dat", "lan", "dau"]);
        assert_eq!(prepare("làm").tokens, ["lam"]);
    }

    #[test]
    fn tone_tokens_only_for_words_typed_with_diacritics() {
        assert_eq!(prepare("khai sinh").tone_tokens.len(), 0);
        assert_eq!(prepare("kết hôn").tone_tokens.len(), 2);
    }
}
