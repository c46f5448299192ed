//! Filling a section of a declaration from a card's QR code (`validate::cccd_qr`): which fields
//! take which value, never over what the person typed (a different answer is put to them), and the
//! printed address converted from the units of before 2025 (the person chooses when it is
//! ambiguous, as in the commune picker). Fields are named by their plain id (the UI applies them
//! to the item of a repeating section the scan was made for).

use serde::Serialize;

use super::{Field, FormDef, Item, Kind, Section};
use crate::core::calendar::Date;
use crate::core::text::{fold, tone_key};
use crate::core::units::{Candidate, OldToNew, Resolution, Units};
use crate::core::validate::cccd_qr::CardData;
use crate::core::validate::Sex;

/// What a card gives one section.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CardFill {
    /// Fields with no answer yet, and what to put there: (field id, value).
    pub fill: Vec<(String, String)>,
    /// Fields answered otherwise: the person says which is right (nothing is overwritten).
    pub differ: Vec<Difference>,
    /// Fields the card agrees with already.
    pub same: Vec<String>,
    /// The address, when the section asks for one.
    pub address: Option<AddressFill>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Difference {
    pub field: String,
    pub label: String,
    /// As the person typed it, and as the card gives it (in the field's format).
    pub typed: String,
    pub card: String,
    /// How the card's value reads (a choice's label).
    pub card_shown: String,
}

/// The card's address for the section's commune and street fields.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AddressFill {
    pub commune_field: String,
    pub street_field: Option<String>,
    /// As printed on the card.
    pub printed: String,
    /// The part before the ward (house number, street, hamlet), for the street field.
    pub street: String,
    /// The communes of 2025 the address may now be in: one to fill, several to choose from, none
    /// when it could not be converted (the person picks the commune).
    pub candidates: Vec<Candidate>,
}

/// The fields of a section a card can fill: found from the form's ID check on that section.
struct Targets<'a> {
    id: &'a Field,
    name: Option<&'a Field>,
    birth: Option<&'a Field>,
    sex: Option<&'a Field>,
    commune: Option<&'a Field>,
    street: Option<&'a Field>,
}

impl FormDef {
    /// Whether a card can fill this section (it holds the number of one of the form's ID checks).
    pub fn takes_card(&self, section: &Section) -> bool {
        self.card_targets(section).is_some()
    }

    fn card_targets<'a>(&'a self, section: &'a Section) -> Option<Targets<'a>> {
        let field = |id: &Option<String>| id.as_ref().and_then(|id| section.fields.iter().find(|f| &f.id == id));
        let check = self.id_checks.iter().find(|c| section.fields.iter().any(|f| f.id == c.id_field))?;
        let id = section.fields.iter().find(|f| f.id == check.id_field)?;
        let commune = section.fields.iter().position(|f| matches!(f.kind, Kind::Commune));
        Some(Targets {
            id,
            name: section.fields.iter().find(|f| matches!(f.kind, Kind::Name)),
            birth: field(&check.birth_date_field),
            sex: field(&check.sex_field),
            commune: commune.map(|i| &section.fields[i]),
            street: commune.and_then(|i| section.fields.get(i + 1)).filter(|f| matches!(f.kind, Kind::Text { .. })),
        })
    }

    /// What `card` gives `section`, given what the person has typed there (`typed`, by plain
    /// field id). `None` when the section takes no card.
    pub fn fill_from_card(&self, section: &Section, card: &CardData, typed: &Item, units: &Units, old: Option<&OldToNew>) -> Option<CardFill> {
        let t = self.card_targets(section)?;
        let mut out = CardFill::default();
        let mut offer =
            |f: &Field, value: String, shown: String, same: &dyn Fn(&str) -> bool| match typed.get(&f.id).map(|v| v.trim()).filter(|v| !v.is_empty()) {
                None => out.fill.push((f.id.clone(), value)),
                Some(v) if same(v) => out.same.push(f.id.clone()),
                Some(v) => out.differ.push(Difference { field: f.id.clone(), label: f.label.clone(), typed: v.to_string(), card: value, card_shown: shown }),
            };
        let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
        offer(t.id, card.id.clone(), card.id.clone(), &|v| digits(v) == card.id);
        if let Some(f) = t.name {
            let key = |s: &str| tone_key(s).to_lowercase();
            offer(f, card.name.clone(), card.name.clone(), &|v| key(v) == key(&card.name));
        }
        if let Some(f) = t.birth {
            let shown = card.birth.to_vn();
            offer(f, shown.clone(), shown, &|v| Date::parse_vn(v) == Some(card.birth));
        }
        if let Some(f) = t.sex {
            if let Kind::Choice { options } = &f.kind {
                let wanted = match card.sex {
                    Sex::Male => "nam",
                    Sex::Female => "nu",
                };
                if let Some(o) = options.iter().find(|o| fold(&o.label) == wanted) {
                    offer(f, o.value.clone(), o.label.clone(), &|v| v == o.value);
                }
            }
        }
        if let Some(commune) = t.commune {
            let (street, candidates) = convert_address(&card.address, units, old);
            if let [one] = candidates.as_slice() {
                let shown = format!("{}, {}", one.name, one.province);
                offer(commune, one.code.to_string(), shown, &|v| v == one.code.to_string());
            }
            if let Some(f) = t.street {
                if !street.is_empty() {
                    offer(f, street.clone(), street.clone(), &|v| tone_key(v).to_lowercase() == tone_key(&street).to_lowercase());
                }
            }
            out.address = Some(AddressFill {
                commune_field: commune.id.clone(),
                street_field: t.street.map(|f| f.id.clone()),
                printed: card.address.clone(),
                street,
                candidates,
            });
        }
        // In the order the section asks them.
        let at = |id: &str| section.fields.iter().position(|f| f.id == id);
        crate::core::order::sort_by_key(&mut out.fill, |(id, _)| at(id));
        crate::core::order::sort_by_key(&mut out.differ, |d| at(&d.field));
        crate::core::order::sort_by_key(&mut out.same, |id| at(id));
        Some(out)
    }
}

/// The street part of a printed address and the 2025 communes it may be in: an address of before
/// 2025 (ward, district, province) through `old`; else one already in the new units (commune,
/// province).
pub fn convert_address(printed: &str, units: &Units, old: Option<&OldToNew>) -> (String, Vec<Candidate>) {
    let parts: Vec<&str> = printed.split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
    let street = |levels: usize| parts[..parts.len().saturating_sub(levels)].join(", ");
    if let Some(old) = old {
        let converted = old.candidates(printed, units);
        let found: Vec<Candidate> = converted.candidates().into_iter().cloned().collect();
        if !found.is_empty() {
            // The ward was named when three levels matched; a district without wards has two.
            let levels = if converted.found.iter().any(|(u, _)| !u.ward.is_empty()) { 3 } else { 2 };
            return (street(levels), found);
        }
    }
    if parts.len() >= 2 {
        let province = fold(parts[parts.len() - 1]);
        let in_province = |c: &Candidate| {
            let p = fold(&c.province);
            province.ends_with(&p) || p.ends_with(&province)
        };
        let found: Vec<Candidate> = match units.resolve(parts[parts.len() - 2], None) {
            Resolution::One(f) => vec![f],
            Resolution::Choose(all) => all,
            Resolution::None => Vec::new(),
        }
        .into_iter()
        .map(|f| Candidate {
            code: f.commune.code,
            name: f.commune.name.clone(),
            province_code: f.province.code,
            province: f.province.name.clone(),
            most_of_old: false,
        })
        .filter(in_province)
        .collect();
        if !found.is_empty() {
            return (street(2), found);
        }
    }
    (String::new(), Vec::new())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::validate::cccd_qr::read_card_qr;

    fn units() -> Units {
        serde_json::from_str(&std::fs::read_to_string("public/units/2025.json").unwrap()).unwrap()
    }

    fn old() -> OldToNew {
        serde_json::from_str(&std::fs::read_to_string("public/units/old-to-new-2025.json").unwrap()).unwrap()
    }

    fn card(address: &str) -> CardData {
        read_card_qr(&format!("001199012345|013456789|Nguyễn Thị Ánh Tuyết|15031999|Nữ|{address}|20042021"), Date::new(2026, 11, 25).unwrap()).unwrap()
    }

    /// The criminal record form's person section: name, sex, birth date, ID, commune and street.
    fn person() -> (FormDef, Section) {
        let form = crate::core::forms::form_for("3.000333").unwrap().clone();
        let section = form.sections.iter().find(|s| s.id == "ca-nhan").unwrap().clone();
        (form, section)
    }

    #[test]
    fn an_empty_section_is_filled_from_the_card_with_its_address_converted_to_the_2025_commune() {
        let (form, section) = person();
        assert!(form.takes_card(&section));
        let fill = form.fill_from_card(&section, &card("Số 12, ngõ 5, Phường Quán Thánh, Quận Ba Đình, Hà Nội"), &Item::new(), &units(), Some(&old())).unwrap();
        let order: Vec<&str> = fill.fill.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            order,
            ["ca-nhan.ho-ten", "ca-nhan.gioi-tinh", "ca-nhan.ngay-sinh", "ca-nhan.cccd", "ca-nhan.thuong-tru", "ca-nhan.dia-chi"],
            "in the order the section asks"
        );
        let got: std::collections::BTreeMap<&str, &str> = fill.fill.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(got["ca-nhan.ho-ten"], "Nguyễn Thị Ánh Tuyết");
        assert_eq!(got["ca-nhan.cccd"], "001199012345");
        assert_eq!(got["ca-nhan.ngay-sinh"], "15/03/1999");
        assert_eq!(got["ca-nhan.gioi-tinh"], "nu");
        assert_eq!(got["ca-nhan.thuong-tru"], "4", "Phường Quán Thánh is now Phường Ba Đình");
        assert_eq!(got["ca-nhan.dia-chi"], "Số 12, ngõ 5");
        assert!(fill.differ.is_empty());
        // The filled answers pass the form's own rules (the ID agrees with birth date and sex).
        let answers: crate::core::forms::Answers = fill.fill.iter().cloned().collect();
        let cx = crate::core::forms::Context { today: Date::new(2026, 11, 25).unwrap(), units: None };
        let (errors, _) = form.validate(&answers, Some("ca-nhan"), cx);
        assert!(errors.iter().all(|e| !fill.fill.iter().any(|(k, _)| *k == e.field)), "{errors:?}");
    }

    #[test]
    fn what_the_person_typed_is_never_overwritten_a_difference_is_asked_and_an_equal_answer_is_left() {
        let (form, section) = person();
        let typed: Item = [
            ("ca-nhan.ho-ten", "nguyễn thị ánh tuyết"), // the same name, typed in lower case
            ("ca-nhan.cccd", "001 199 012 346"),        // one digit off
            ("ca-nhan.ngay-sinh", "15/3/1999"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .into();
        let fill = form.fill_from_card(&section, &card("Phường Quán Thánh, Quận Ba Đình, Hà Nội"), &typed, &units(), Some(&old())).unwrap();
        assert_eq!(fill.same, ["ca-nhan.ho-ten", "ca-nhan.ngay-sinh"]);
        assert_eq!(fill.differ.len(), 1);
        assert_eq!(
            (fill.differ[0].field.as_str(), fill.differ[0].typed.as_str(), fill.differ[0].card.as_str()),
            ("ca-nhan.cccd", "001 199 012 346", "001199012345")
        );
        assert!(!fill.fill.iter().any(|(k, _)| k == "ca-nhan.cccd" || k == "ca-nhan.ho-ten"));
        assert!(!fill.fill.iter().any(|(k, _)| k == "ca-nhan.dia-chi"), "no street before the ward: nothing to fill");
    }

    #[test]
    fn an_address_whose_old_ward_was_divided_is_put_to_the_person_not_guessed() {
        let (form, section) = person();
        let fill = form.fill_from_card(&section, &card("Thôn 3, Xã Cẩm Lĩnh, Huyện Ba Vì, Thành phố Hà Nội"), &Item::new(), &units(), Some(&old())).unwrap();
        let address = fill.address.unwrap();
        assert_eq!(address.candidates.iter().map(|c| c.code).collect::<Vec<_>>(), [9676, 9694]);
        assert_eq!(address.street, "Thôn 3");
        assert!(!fill.fill.iter().any(|(k, _)| k == "ca-nhan.thuong-tru"), "the commune waits for the person's choice");
        assert!(fill.fill.iter().any(|(k, v)| k == "ca-nhan.dia-chi" && v == "Thôn 3"));
    }

    #[test]
    fn a_new_card_printing_a_2025_address_and_an_unreadable_address() {
        let (street, found) = convert_address("Số 1 Hoàng Hoa Thám, Phường Ba Đình, Thành phố Hà Nội", &units(), Some(&old()));
        assert_eq!((street.as_str(), found.iter().map(|c| c.code).collect::<Vec<_>>()), ("Số 1 Hoàng Hoa Thám", vec![4]));
        let (street, found) = convert_address("Ở nhà", &units(), Some(&old()));
        assert_eq!((street.as_str(), found.len()), ("", 0), "the person picks the commune");
    }

    #[test]
    fn a_section_without_an_id_takes_no_card() {
        let (form, _) = person();
        let family = form.sections.iter().find(|s| s.id == "gia-dinh").unwrap();
        assert!(!form.takes_card(family));
        assert_eq!(form.fill_from_card(family, &card("Hà Nội"), &Item::new(), &units(), None), None);
    }

    #[test]
    fn each_member_of_a_household_takes_a_card_too_and_a_section_without_an_address_gets_none() {
        let form = crate::core::forms::form_for("1.004222").unwrap();
        let members = form.sections.iter().find(|s| s.id == "thanh-vien").unwrap();
        assert!(members.repeat.is_some() && form.takes_card(members));
        let fill = form.fill_from_card(members, &card("Phường Quán Thánh, Quận Ba Đình, Hà Nội"), &Item::new(), &units(), Some(&old())).unwrap();
        let ids: Vec<&str> = fill.fill.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(
            ids,
            ["thanh-vien.ho-ten", "thanh-vien.ngay-sinh", "thanh-vien.gioi-tinh", "thanh-vien.cccd"],
            "plain ids: the page applies them to its item"
        );
        assert_eq!(fill.address, None);
    }
}
