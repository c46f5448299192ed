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
    /// Every question asked and its answer, in the form's order, in the words the person was
    /// asked: what "check your answers" shows.
    pub fn sheet(&self, a: &Answers, units: Option<&Units>) -> Vec<SheetSection> {
        self.sheet_as(a, units, false)
    }

    /// The same for the printed declaration: the template's words (`print_label`), without the
    /// questions about the dossier that the template does not have (`printed`).
    pub fn printed_sheet(&self, a: &Answers, units: Option<&Units>) -> Vec<SheetSection> {
        self.sheet_as(a, units, true)
    }

    fn sheet_as(&self, a: &Answers, units: Option<&Units>, print: bool) -> Vec<SheetSection> {
        // Only the questions asked: a stale answer to a hidden one is not printed, nor shows
        // the question it once opened.
        let a = &self.asked(a);
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
                            .filter(|f| self.field_visible(s, f, &view) && (f.printed || !print))
                            .map(|f| SheetRow {
                                label: if print { f.print_label.as_ref().unwrap_or(&f.label).clone() } else { f.label.clone() },
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

    fn labels(sheet: &[SheetSection]) -> Vec<&str> {
        sheet.iter().flat_map(|s| &s.items).flat_map(|i| &i.rows).map(|r| r.label.as_str()).collect()
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn the_printed_declaration_asks_in_the_template_s_words_and_not_about_who_submits() {
        let lltp = form_for("3.000333").unwrap();
        let a = answers(&[("yeu-cau.loai-phieu", "so-1"), ("yeu-cau.uy-quyen", "nguoi-than")]);
        assert!(labels(&lltp.sheet(&a, None)).contains(&"Bạn tự nộp hay nhờ người khác nộp thay?"), "the person checks every answer");
        assert!(!labels(&lltp.printed_sheet(&a, None)).iter().any(|l| l.contains("Bạn")), "the desk's Mẫu 01 has no such question");
        let ct01 = form_for("1.004222").unwrap();
        let a = Answers::new();
        assert!(labels(&ct01.sheet(&a, None)).contains(&"Quan hệ của bạn với chủ hộ"));
        assert!(labels(&ct01.printed_sheet(&a, None)).contains(&"Quan hệ với chủ hộ"));
    }

    #[test]
    fn the_death_declaration_prints_the_hour_and_the_death_notice_as_its_template_does() {
        // Thông tư 04/2020/TT-BTP: "Đã chết vào lúc: … giờ … phút, ngày …", then "Giấy báo tử/Giấy
        // tờ thay thế Giấy báo tử số … do … cấp ngày …".
        let death = form_for("1.000656").unwrap();
        let mut a = answers(&[("nguoi-chet.gio-mat", "14 giờ 30 phút"), ("nguoi-chet.giay-bao-tu", "giay-bao-tu")]);
        let printed = labels(&death.printed_sheet(&a, None)).join(" | ");
        for line in ["Đã chết vào lúc", "Ngày mất", "Số của Giấy báo tử (hoặc giấy tờ thay thế)", "Nơi cấp Giấy báo tử", "Ngày cấp Giấy báo tử"]
        {
            assert!(printed.contains(line), "{line} in {printed}");
        }
        // Other evidence than a death notice: nothing about a notice's number.
        a.insert("nguoi-chet.giay-bao-tu".into(), "chung-cu".into());
        assert!(!labels(&death.printed_sheet(&a, None)).iter().any(|l| l.starts_with("Số của Giấy báo tử")));
    }
}
