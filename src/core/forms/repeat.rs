//! Repeating sections ("add another": household members, places lived). Answers stay one flat
//! map: item `n` (from 1) of field `thanh-vien.ho-ten` is `thanh-vien.ho-ten#2`, and the number of
//! items the person settled on is `thanh-vien#n`. Rules see one item at a time through a *view*
//! of the answers where the item's fields have their plain ids.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::{Answers, FormDef, Section};

/// The answer key of field `field_id` in item `n` (from 1).
pub fn item_key(field_id: &str, n: usize) -> String {
    format!("{field_id}#{n}")
}

/// The answer key holding how many items a repeating section has.
pub fn count_key(section_id: &str) -> String {
    format!("{section_id}#n")
}

/// One item's answers, by plain field id.
pub type Item = BTreeMap<String, String>;

/// Where a section's answers are read: the section itself, or item `n` of a repeating one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Once,
    Item(usize),
}

impl Slot {
    pub fn key(self, field_id: &str) -> String {
        match self {
            Slot::Once => field_id.to_string(),
            Slot::Item(n) => item_key(field_id, n),
        }
    }
}

impl FormDef {
    /// How many items a repeating section has (its minimum until the person says otherwise);
    /// 1 for an ordinary section.
    pub fn item_count(&self, s: &Section, a: &Answers) -> usize {
        match &s.repeat {
            None => 1,
            Some(r) => a.get(&count_key(&s.id)).and_then(|v| v.parse().ok()).unwrap_or(r.min).min(r.max),
        }
    }

    /// The slots of a section: itself once, or each of its items.
    pub fn slots(&self, s: &Section, a: &Answers) -> Vec<Slot> {
        match s.repeat {
            None => vec![Slot::Once],
            Some(_) => (1..=self.item_count(s, a)).map(Slot::Item).collect(),
        }
    }

    /// The answers as item `slot` of section `s` sees them: its own fields under their plain ids.
    pub fn view<'a>(&self, s: &Section, a: &'a Answers, slot: Slot) -> Cow<'a, Answers> {
        let Slot::Item(n) = slot else { return Cow::Borrowed(a) };
        let mut v = a.clone();
        for f in &s.fields {
            match a.get(&item_key(&f.id, n)) {
                Some(x) => v.insert(f.id.clone(), x.clone()),
                None => v.remove(&f.id),
            };
        }
        Cow::Owned(v)
    }

    /// The items of a repeating section, in order.
    pub fn items(&self, s: &Section, a: &Answers) -> Vec<Item> {
        (1..=self.item_count(s, a)).map(|n| s.fields.iter().filter_map(|f| Some((f.id.clone(), a.get(&item_key(&f.id, n))?.clone()))).collect()).collect()
    }

    /// Replaces the items of a repeating section (after one was added, removed or edited): the
    /// items are numbered again from 1, so removing the second of three leaves 1 and 2.
    pub fn set_items(&self, s: &Section, a: &mut Answers, items: &[Item]) {
        let prefixes: Vec<String> = s.fields.iter().map(|f| format!("{}#", f.id)).collect();
        a.retain(|k, _| !prefixes.iter().any(|p| k.starts_with(p.as_str())));
        for (i, item) in items.iter().enumerate() {
            for (field, value) in item {
                if s.fields.iter().any(|f| &f.id == field) {
                    a.insert(item_key(field, i + 1), value.clone());
                }
            }
        }
        a.insert(count_key(&s.id), items.len().to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::forms::form_for;

    fn members() -> (&'static FormDef, &'static Section) {
        let f = form_for("1.004222").unwrap();
        (f, f.sections.iter().find(|s| s.repeat.is_some()).expect("CT01 lists household members"))
    }

    fn item(pairs: &[(&str, &str)]) -> Item {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn removing_an_item_renumbers_the_rest_and_forgets_the_removed_answers() {
        let (f, s) = members();
        let name = &s.fields[0].id;
        let mut a = Answers::new();
        let three: Vec<Item> = ["An", "Bình", "Chi"].iter().map(|n| item(&[(name, n)])).collect();
        f.set_items(s, &mut a, &three);
        assert_eq!(f.item_count(s, &a), 3);
        assert_eq!(a[&item_key(name, 3)], "Chi");
        f.set_items(s, &mut a, &[three[0].clone(), three[2].clone()]);
        assert_eq!(f.item_count(s, &a), 2);
        assert_eq!(a[&item_key(name, 2)], "Chi");
        assert!(!a.contains_key(&item_key(name, 3)));
        assert_eq!(f.items(s, &a), vec![three[0].clone(), three[2].clone()]);
    }

    #[test]
    fn a_view_shows_one_item_under_plain_ids() {
        let (f, s) = members();
        let name = &s.fields[0].id;
        let mut a = Answers::new();
        f.set_items(s, &mut a, &[item(&[(name, "An")]), item(&[])]);
        assert_eq!(f.view(s, &a, Slot::Item(1)).get(name).map(String::as_str), Some("An"));
        assert_eq!(f.view(s, &a, Slot::Item(2)).get(name), None);
    }

    #[test]
    fn the_count_never_exceeds_the_maximum() {
        let (f, s) = members();
        let mut a = Answers::new();
        a.insert(count_key(&s.id), "9999".into());
        assert_eq!(f.item_count(s, &a), s.repeat.as_ref().unwrap().max);
        a.insert(count_key(&s.id), "không".into());
        assert_eq!(f.item_count(s, &a), s.repeat.as_ref().unwrap().min);
    }
}
