//! The answers as people read them, section by section: what "check your answers" shows and
//! what the printed declaration carries. Only visible sections and fields, each answer as
//! [`FormDef::display`] words it; a repeated section gives one item per entry ("Con 1", "Con 2").

use super::{Answers, FormDef, Slot};
use crate::core::units::Units;

#[derive(Clone, Debug, PartialEq)]
pub struct SheetSection {
    pub id: String,
    pub title: String,
    /// For a repeated section with no entry: "Không có con." (the item's name).
    pub none: Option<String>,
    pub items: Vec<SheetItem>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SheetItem {
    /// "Con 2" for an entry of a repeated section.
    pub heading: Option<String>,
    pub rows: Vec<SheetRow>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SheetRow {
    pub label: String,
    /// `None`: not answered.
    pub value: Option<String>,
}

impl FormDef {
    /// Every visible answer of `a`, in the form's order.
    pub fn sheet(&self, a: &Answers, units: Option<&Units>) -> Vec<SheetSection> {
        self.sections
            .iter()
            .filter(|s| self.section_visible(s, a))
            .map(|s| {
                let slots = self.slots(s, a);
                let none = (slots.is_empty())
                    .then(|| tr!("forms.sheet.khong-co", "Không có {item}.", item = s.repeat.as_ref().map(|r| r.item.to_lowercase()).unwrap_or_default()));
                let items = slots
                    .into_iter()
                    .map(|slot| {
                        let view = self.view(s, a, slot);
                        let heading = match (slot, &s.repeat) {
                            (Slot::Item(n), Some(r)) => Some(format!("{} {n}", r.item)),
                            _ => None,
                        };
                        let rows = s
                            .fields
                            .iter()
                            .filter(|f| self.field_visible(s, f, &view))
                            .map(|f| SheetRow {
                                label: f.label.clone(),
                                value: view.get(&f.id).filter(|v| !v.trim().is_empty()).map(|v| FormDef::display(f, v, units)),
                            })
                            .collect();
                        SheetItem { heading, rows }
                    })
                    .collect();
                SheetSection { id: s.id.clone(), title: s.title.clone(), none, items }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::form_for;
    use super::*;

    #[test]
    fn the_sheet_shows_visible_answers_in_words_and_marks_the_unanswered() {
        let form = form_for("1.001193").unwrap();
        let mut a = Answers::new();
        a.insert("nguoi-yeu-cau.ho-ten".into(), "Nguyễn Văn An".into());
        let sheet = form.sheet(&a, None);
        let rows: Vec<&SheetRow> = sheet.iter().flat_map(|s| &s.items).flat_map(|i| &i.rows).collect();
        assert!(rows.iter().any(|r| r.value.as_deref() == Some("Nguyễn Văn An")));
        assert!(rows.iter().any(|r| r.value.is_none()), "unanswered questions are listed too");
        assert_eq!(sheet.len(), form.progress(&a).1, "one section per visible section");
    }
}
