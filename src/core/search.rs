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
const FILLER_WORDS: &[&str] = &["lam", "xin", "cho", "con", "toi", "minh", "muon", "can", "gi", "giup", "em", "anh", "chi", "voi", "de", "ve", "viec", "nao", "a", "nhe", "oi"];

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
    name_tokens: Vec<String>,
    name_tones: Vec<String>,
    key_tokens: Vec<String>,
    field_tokens: Vec<String>,
    field: u16,
    levels: Vec<u8>,
    popular: bool,
}

/// Prepared once from the index; answers queries in well under a millisecond.
pub struct SearchIndex {
    docs: Vec<Doc>,
    /// Folded name token → documents that contain it.
    postings: HashMap<String, Vec<u32>>,
    /// Sorted vocabulary of name tokens, for prefix matches.
    vocab: Vec<String>,
}

impl SearchIndex {
    pub fn new(index: &Index) -> SearchIndex {
        let mut docs = Vec::with_capacity(index.entries.len());
        let mut postings: HashMap<String, Vec<u32>> = HashMap::new();
        for (i, e) in index.entries.iter().enumerate() {
            let name_tokens = tokens(&fold(e.name()));
            for t in &name_tokens {
                let list = postings.entry(t.clone()).or_default();
                if list.last() != Some(&(i as u32)) {
                    list.push(i as u32);
                }
            }
            docs.push(Doc {
                name_tones: tone_key(e.name()).split(' ').map(str::to_string).collect(),
                name_tokens,
                key_tokens: tokens(&fold(e.keys())),
                field_tokens: tokens(&fold(index.field_of(e))),
                field: e.2,
                levels: e.3.clone(),
                popular: POPULAR.contains(&e.code()),
            });
        }
        let mut vocab: Vec<String> = postings.keys().cloned().collect();
        vocab.sort();
        SearchIndex { docs, postings, vocab }
    }

    pub fn search(&self, q: &Query) -> Vec<Hit> {
        let prepared = prepare(q.text);
        if prepared.tokens.is_empty() {
            return Vec::new();
        }
        let n = self.docs.len() as f32;
        let weight = |t: &str| {
            let df = self.postings.get(t).map_or(0, Vec::len) as f32;
            (1.0 + n / (df + 1.0)).ln()
        };
        let weights: Vec<f32> = prepared.tokens.iter().map(|t| weight(t)).collect();
        let total: f32 = weights.iter().sum();

        // Candidates: documents whose name has a query token (or a completion of the last one),
        // or whose results/field mention one.
        let mut candidate = vec![false; self.docs.len()];
        for (k, t) in prepared.tokens.iter().enumerate() {
            if let Some(list) = self.postings.get(t) {
                list.iter().for_each(|&d| candidate[d as usize] = true);
            }
            if k + 1 == prepared.tokens.len() && prepared.last_may_be_partial {
                for word in self.completions(t) {
                    self.postings[word].iter().for_each(|&d| candidate[d as usize] = true);
                }
            }
        }
        for (d, doc) in self.docs.iter().enumerate() {
            if !candidate[d] && prepared.tokens.iter().any(|t| doc.key_tokens.contains(t) || doc.field_tokens.contains(t)) {
                candidate[d] = true;
            }
        }

        let phrase = prepared.tokens.join(" ");
        let mut hits = Vec::new();
        for (d, doc) in self.docs.iter().enumerate() {
            if !candidate[d] || q.field.is_some_and(|f| f != doc.field) || q.level.is_some_and(|l| !doc.levels.contains(&l)) {
                continue;
            }
            let mut matched = 0.0;
            let mut in_name = 0usize;
            for (k, t) in prepared.tokens.iter().enumerate() {
                let last = k + 1 == prepared.tokens.len();
                let w = weights[k];
                if doc.name_tokens.contains(t) {
                    matched += w;
                    in_name += 1;
                } else if last && prepared.last_may_be_partial && t.len() >= 2 && doc.name_tokens.iter().any(|n| n.starts_with(t.as_str())) {
                    matched += 0.8 * w;
                    in_name += 1;
                } else if doc.key_tokens.contains(t) {
                    matched += 0.7 * w;
                } else if doc.field_tokens.contains(t) {
                    matched += 0.4 * w;
                }
            }
            let coverage = matched / total;
            if coverage < 0.5 {
                continue;
            }
            let name = doc.name_tokens.join(" ");
            let mut score = 10.0 * coverage;
            if prepared.tokens.len() > 1 && contains_words(&name, &phrase) {
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
            let extra = doc.name_tokens.len().saturating_sub(in_name) as f32;
            score += 1.5 / (1.0 + extra / 4.0);
            hits.push(Hit { entry: d, score });
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entry.cmp(&b.entry)));
        hits.truncate(q.limit);
        hits
    }

    fn completions<'s>(&'s self, prefix: &str) -> impl Iterator<Item = &'s String> + 's {
        let start = self.vocab.partition_point(|w| w.as_str() < prefix);
        let prefix = prefix.to_string();
        let len = prefix.len();
        self.vocab[start..].iter().take_while(move |w| w.starts_with(&prefix)).filter(move |w| w.len() > len)
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
    toks.retain(|t| if seen.contains(t) { false } else { seen.push(t.clone()); true });
    let tone_tokens = text
        .split_whitespace()
        .map(tone_key)
        .filter(|t| !t.is_empty() && *t != fold(t))
        .collect();
    let last_may_be_partial = !text.ends_with(char::is_whitespace);
    Prepared { tokens: toks, tone_tokens, last_may_be_partial }
}

fn tokens(s: &str) -> Vec<String> {
    s.split(' ').filter(|t| !t.is_empty()).map(str::to_string).collect()
}

fn contains_words(hay: &str, needle: &str) -> bool {
    format!(" {hay} ").contains(&format!(" {needle} "))
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
