//! A form's texts in the interface's language (`core::i18n`). A definition is written in
//! Vietnamese, the agency's language, and stays so wherever it is printed or packaged; a person who
//! reads English sees each question, hint, choice and section through its key:
//!
//! - `form.<form>.title`, `form.<form>.template`
//! - `form.<form>.<section>.title`, `….help`, `….item` (a repeating section's item)
//! - `form.<form>.<field>.label`, `….help`, `….unit`, and `form.<form>.<field>.<value>` for a choice
//! - `form.<form>.because.<n>`: why the answers make the `n`th document rule's paper necessary
//!
//! The generic form of every other procedure has the key `chung` for `<form>` and its title and
//! template are written in code (`registry::generic_form`, `tr!`). Values, ids, conditions and the
//! papers the rules name (matched against the catalogue) are never translated: answers mean the
//! same in both languages. `tests/i18n.rs` checks every text of every form has its English.

use std::borrow::Cow;

use super::model::{FormDef, Kind};
use crate::core::i18n;

/// The key prefix of a form's texts.
fn prefix(def: &FormDef) -> String {
    if def.id.starts_with(super::registry::GENERIC_PREFIX) {
        "form.chung".into()
    } else {
        format!("form.{}", def.id)
    }
}

/// Calls `f` with each text's key and the text itself, to read or replace.
fn visit(def: &mut FormDef, f: &mut dyn FnMut(String, &mut String)) {
    let p = prefix(def);
    if !def.id.starts_with(super::registry::GENERIC_PREFIX) {
        f(format!("{p}.title"), &mut def.title);
        f(format!("{p}.template"), &mut def.template);
    }
    for s in &mut def.sections {
        f(format!("{p}.{}.title", s.id), &mut s.title);
        if let Some(h) = &mut s.help {
            f(format!("{p}.{}.help", s.id), h);
        }
        if let Some(r) = &mut s.repeat {
            f(format!("{p}.{}.item", s.id), &mut r.item);
        }
        for field in &mut s.fields {
            let k = format!("{p}.{}", field.id);
            f(format!("{k}.label"), &mut field.label);
            if let Some(h) = &mut field.help {
                f(format!("{k}.help"), h);
            }
            match &mut field.kind {
                Kind::Choice { options } => {
                    for o in options {
                        f(format!("{k}.{}", o.value), &mut o.label);
                    }
                }
                Kind::Number { unit: Some(u), .. } => f(format!("{k}.unit"), u),
                _ => {}
            }
        }
    }
    for (n, rule) in def.documents.iter_mut().enumerate() {
        f(format!("{p}.because.{}", n + 1), &mut rule.because);
    }
}

impl FormDef {
    /// Every text a person reads in this form, with its key (see the module's note).
    pub fn texts(&self) -> Vec<(String, String)> {
        let mut copy = self.clone();
        let mut out = Vec::new();
        visit(&mut copy, &mut |key, text| out.push((key, text.clone())));
        out
    }

    /// The form in the interface's language: itself in Vietnamese, else each text that has a
    /// translation replaced by it.
    pub fn in_interface_language(&self) -> Cow<'_, FormDef> {
        if i18n::current() == i18n::Lang::Vi {
            return Cow::Borrowed(self);
        }
        let mut copy = self.clone();
        visit(&mut copy, &mut |key, text| *text = i18n::text_or(&key, text));
        Cow::Owned(copy)
    }
}

#[cfg(test)]
mod tests {
    use super::super::registry::{all_forms, generic_form};

    #[test]
    fn every_text_has_a_key_of_its_own_and_no_value_is_a_text() {
        for def in all_forms().into_iter().chain(std::iter::once(&generic_form("1.000001", "Thủ tục thử"))) {
            let texts = def.texts();
            let mut keys: Vec<&str> = texts.iter().map(|(k, _)| k.as_str()).collect();
            crate::core::order::sort(&mut keys);
            let before = keys.len();
            keys.dedup();
            assert_eq!(keys.len(), before, "{}: two texts share a key", def.id);
            assert!(texts.iter().any(|(k, _)| k.ends_with(".label")), "{}: no question found", def.id);
        }
    }

    #[test]
    fn in_vietnamese_a_form_is_itself() {
        let def = generic_form("1.000001", "Thủ tục thử");
        assert!(matches!(def.in_interface_language(), std::borrow::Cow::Borrowed(_)));
    }
}
