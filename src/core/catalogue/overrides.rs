//! Reviewed corrections applied on import (`overrides.json`): known portal errors, each with
//! its reason. The operations are deliberately few and explicit.

use serde::Deserialize;

use super::model::{Document, Procedure};
use crate::core::text::clean;

pub const OVERRIDES_JSON: &str = include_str!("overrides.json");

#[derive(Debug, Deserialize)]
pub struct Overrides {
    pub overrides: Vec<Override>,
}

#[derive(Debug, Deserialize)]
pub struct Override {
    pub code: String,
    pub reason: String,
    pub reviewed: String,
    #[serde(default)]
    pub set_name: Option<String>,
    #[serde(default)]
    pub replace_in_document_names: Vec<Replace>,
    #[serde(default)]
    pub remove_documents_containing: Vec<String>,
    #[serde(default)]
    pub dedupe_documents: bool,
    /// Headings written by hand for the papers of a much-used procedure.
    #[serde(default)]
    pub short_names: Vec<ShortName>,
    /// Papers whose text has a conditional phrase that does not make the paper conditional
    /// ("(nếu có)" ending one item of a list of contents), each with why.
    #[serde(default)]
    pub needed_in_every_case: Vec<NeededAnyway>,
    /// Papers whose "(nếu có)" is about the whole paper although the importer could not tell.
    #[serde(default)]
    pub if_the_person_has_one: Vec<NeededAnyway>,
}

#[derive(Debug, Deserialize)]
pub struct ShortName {
    /// Part of the paper's name that picks it.
    pub find: String,
    pub short: String,
}

#[derive(Debug, Deserialize)]
pub struct NeededAnyway {
    pub find: String,
    pub why: String,
}

#[derive(Debug, Deserialize)]
pub struct Replace {
    pub find: String,
    pub replace: String,
}

impl Overrides {
    /// The overrides shipped with the project.
    pub fn bundled() -> Result<Overrides, String> {
        serde_json::from_str(OVERRIDES_JSON).map_err(|e| format!("overrides.json: {e}"))
    }

    pub fn for_code<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a Override> + 'a {
        self.overrides.iter().filter(move |o| o.code == code)
    }
}

impl Override {
    /// Applies the override; returns what it could not apply (a stale override).
    pub fn apply(&self, p: &mut Procedure) -> Vec<String> {
        let mut stale = Vec::new();
        let note = |what: String| format!("{what} — {} (đã rà soát {})", self.reason, self.reviewed);
        if let Some(name) = &self.set_name {
            p.corrections.push(note(format!("Đổi tên thủ tục từ «{}»", p.name)));
            p.name = clean(name);
        }
        for r in &self.replace_in_document_names {
            let n = papers_containing(p, &r.find, false, |d| d.name = d.name.replace(&r.find, &r.replace));
            if n == 0 {
                stale.push(format!("{}: không còn giấy tờ nào chứa «{}»", self.code, r.find));
            } else {
                p.corrections.push(note(format!("Sửa «{}» thành «{}» ở {n} dòng", r.find, r.replace)));
            }
        }
        for needle in &self.remove_documents_containing {
            let before = p.documents.len();
            p.documents.retain(|d| !d.name.contains(needle.as_str()));
            let removed = before - p.documents.len();
            if removed == 0 {
                stale.push(format!("{}: không còn giấy tờ nào chứa «{needle}»", self.code));
            } else {
                p.corrections.push(note(format!("Bỏ {removed} dòng có «{needle}»")));
            }
        }
        for sn in &self.short_names {
            let set = |d: &mut Document| {
                d.short = clean(&sn.short);
                d.short_by_hand = true;
            };
            if papers_containing(p, &sn.find, false, set) == 0 {
                stale.push(format!("{}: không còn giấy tờ nào chứa «{}» để đặt tên ngắn", self.code, sn.find));
            }
        }
        for na in &self.needed_in_every_case {
            if papers_containing(p, &na.find, true, |d| d.needed_anyway = Some(na.why.clone())) == 0 {
                stale.push(format!("{}: không còn giấy tờ luôn cần nào chứa «{}»", self.code, na.find));
            }
        }
        for na in &self.if_the_person_has_one {
            if papers_containing(p, &na.find, true, |d| d.if_any = true) == 0 {
                stale.push(format!("{}: không còn giấy tờ luôn cần nào chứa «{}» để đọc là «nếu có»", self.code, na.find));
            }
        }
        if self.dedupe_documents {
            let before = p.documents.len();
            let mut seen: Vec<(String, Option<String>)> = Vec::new();
            p.documents.retain(|d| {
                let key = (crate::core::text::fold(&d.name), d.condition.clone());
                if seen.contains(&key) {
                    false
                } else {
                    seen.push(key);
                    true
                }
            });
            if before > p.documents.len() {
                p.corrections.push(note(format!("Bỏ {} dòng trùng lặp trong cùng trường hợp", before - p.documents.len())));
            }
        }
        stale
    }
}

/// Changes every paper whose name contains `find` (only those needed in every case, when
/// `always_needed_only`); returns how many it changed (0: a stale override).
fn papers_containing(p: &mut Procedure, find: &str, always_needed_only: bool, mut change: impl FnMut(&mut Document)) -> usize {
    let mut n = 0;
    for d in p.documents.iter_mut().filter(|d| d.name.contains(find) && (!always_needed_only || d.always_needed())) {
        change(d);
        n += 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_overrides_parse_and_give_reasons() {
        let o = Overrides::bundled().unwrap();
        assert!(!o.overrides.is_empty());
        for ov in &o.overrides {
            assert!(ov.reason.chars().count() > 30, "{}: a correction explains itself", ov.code);
            assert!(crate::core::calendar::Date::parse_iso(&ov.reviewed).is_some(), "{}: reviewed date", ov.code);
            for sn in &ov.short_names {
                let n = sn.short.chars().count();
                assert!((3..=80).contains(&n), "{}: «{}» is a heading of 3 to 80 characters", ov.code, sn.short);
            }
            for na in ov.needed_in_every_case.iter().chain(&ov.if_the_person_has_one) {
                assert!(na.why.chars().count() > 20, "{}: «{}» says why it is needed in every case", ov.code, na.find);
            }
        }
    }
}
