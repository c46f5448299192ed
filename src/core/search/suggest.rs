//! "Có phải bạn muốn tìm…": a spelling suggestion for typed words no procedure has.

use super::{fold, tokens, Index, SearchIndex, FILLER_WORDS};

pub(super) fn suggestion(s: &SearchIndex, index: &Index, text: &str) -> Option<String> {
    let typed: Vec<&str> = text.split_whitespace().collect();
    let last = typed.len().checked_sub(1)?;
    let still_typing = !text.ends_with(char::is_whitespace);
    let folded: Vec<String> = typed.iter().map(|w| fold(w)).collect();
    let mut changed = false;
    let words: Vec<String> = typed
        .iter()
        .enumerate()
        .map(|(k, word)| {
            let f = fold(word);
            let partial = k == last && still_typing;
            if f.chars().count() < 2 || f.contains(' ') || f.chars().any(|c| c.is_ascii_digit()) || s.knows(&f, partial) {
                return word.to_string();
            }
            let before = k.checked_sub(1).map(|b| folded[b].as_str());
            match s.closest(&f, before, folded.get(k + 1).map(String::as_str)) {
                Some(id) => {
                    changed = true;
                    s.written(index, id, &f)
                }
                None => word.to_string(),
            }
        })
        .collect();
    changed.then(|| words.join(" "))
}

impl SearchIndex {
    /// Whether a folded word means something to the search: a catalogue word, a lexicon word,
    /// a filler word, or (while it is being typed) the start of a name word.
    fn knows(&self, word: &str, partial: bool) -> bool {
        self.ids.contains_key(word)
            || FILLER_WORDS.contains(&word)
            || self.rewrites.values().flatten().any(|r| r.says.iter().any(|w| w == word))
            || (partial && self.completions(word).next().is_some())
    }

    /// The name word closest to `word` in spelling (one edit for short words, two for longer);
    /// among equals the one names put next to the words typed beside it ("ket hno" → "hôn",
    /// not "hộ"), then the most common.
    pub(super) fn closest(&self, word: &str, before: Option<&str>, after: Option<&str>) -> Option<u32> {
        let len = word.chars().count();
        if len < 2 || word.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let most = if len <= 4 { 1 } else { 2 };
        self.vocab
            .iter()
            .filter(|(w, _)| w.chars().count().abs_diff(len) <= most)
            .filter_map(|(w, id)| {
                let d = distance(word, w, most)?;
                let docs = &self.postings[*id as usize][0];
                let pairs = [before.map(|b| format!(" {b} {w} ")), after.map(|a| format!(" {w} {a} "))];
                let beside = docs.iter().filter(|&&doc| pairs.iter().flatten().any(|p| self.docs[doc as usize].name_padded.contains(p.as_str()))).count();
                Some((d, std::cmp::Reverse(beside), std::cmp::Reverse(docs.len()), *id))
            })
            .min()
            .map(|(_, _, _, id)| id)
    }

    pub(super) fn vocab_word(&self, id: u32) -> &str {
        self.vocab.iter().find(|(_, i)| *i == id).map_or("", |(w, _)| w.as_str())
    }

    /// The word as a procedure's name writes it, with its diacritics, in lower case.
    fn written(&self, index: &Index, id: u32, folded: &str) -> String {
        let wanted = Some(self.vocab_word(id)).filter(|w| !w.is_empty()).unwrap_or(folded);
        let doc = self.postings[id as usize][0].first();
        doc.and_then(|&d| {
            let name = index.entries[d as usize].name();
            name.split(|c: char| !c.is_alphanumeric()).find(|w| tokens(&fold(w)) == [wanted]).map(str::to_lowercase)
        })
        .unwrap_or_else(|| wanted.to_string())
    }
}

/// Optimal string alignment distance (edits, with swapped neighbours as one), or `None` past `most`.
fn distance(a: &str, b: &str, most: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let mut best = usize::MAX;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (rows[i - 1][j] + 1).min(rows[i][j - 1] + 1).min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = d;
            best = best.min(d);
        }
        if best > most {
            return None;
        }
    }
    Some(rows[a.len()][b.len()]).filter(|&d| d <= most)
}

#[cfg(test)]
mod tests {
    use super::distance;

    #[test]
    fn edits_are_counted_as_people_mistype() {
        assert_eq!(distance("sinh", "sinh", 2), Some(0));
        assert_eq!(distance("sin", "sinh", 1), Some(1));
        assert_eq!(distance("khia", "khai", 1), Some(1), "two letters swapped is one slip");
        assert_eq!(distance("thuong", "thoung", 2), Some(1));
        assert_eq!(distance("ket", "hon", 2), None);
    }
}
