//! Declaration forms (tờ khai): definitions ([`model`]), the answers people give, and the rules
//! that check them. The same code runs in the browser and in the CLI.
//!
//! Answers are plain data: a map from field id to what was typed (strings), so a dossier can be
//! saved, exported and restored as is.

mod card;
pub mod model;
mod problem;
mod registry;
mod repeat;
mod sheet;
mod texts;

use std::collections::BTreeMap;

use crate::core::calendar::Date;
use crate::core::units::Units;
use crate::core::validate::{self, cccd::cross_check, Sex};
pub use card::{convert_address, AddressFill, CardFill, Difference};
pub use model::*;
pub use problem::{FieldError, FieldProblem, FormProblem};
#[cfg(target_arch = "wasm32")]
pub use registry::install;
pub use registry::{all_forms, form_file, form_for, form_of, generic_form, FORM_FILES};
pub use repeat::{count_key, item_key, Item, Slot};
pub use sheet::{SheetItem, SheetRow, SheetSection};

pub type Answers = BTreeMap<String, String>;

/// Which form, in which version: what a package's manifest names (`None` there for the generic
/// form), and what a dossier's basis keeps to tell the person the form changed.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormRef {
    pub id: String,
    pub version: u32,
}

impl FormRef {
    pub fn of(form: &FormDef) -> FormRef {
        FormRef { id: form.id.clone(), version: form.version }
    }
}

/// What the rules need from outside: today's date, and the units list when loaded.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub today: Date,
    pub units: Option<&'a Units>,
}

/// The answer to `key`, trimmed, when the person gave one (blank is no answer).
pub fn given<'a>(a: &'a Answers, key: &str) -> Option<&'a str> {
    a.get(key).map(|v| v.trim()).filter(|v| !v.is_empty())
}

impl Cond {
    pub fn holds(&self, a: &Answers) -> bool {
        let get = |f: &str| given(a, f);
        match self {
            Cond::Is { field, value } => get(field) == Some(value.as_str()),
            Cond::In { field, values } => get(field).is_some_and(|v| values.iter().any(|x| x == v)),
            Cond::Filled { field } => get(field).is_some(),
            Cond::All(v) => v.iter().all(|c| c.holds(a)),
            Cond::Any(v) => v.iter().any(|c| c.holds(a)),
            Cond::Not(c) => !c.holds(a),
        }
    }
}

impl FormDef {
    /// Who asks, in lists and under the signature: the answer to the form's first name question
    /// (the applicant's, on every template), never a later one (the child's, the deceased's).
    pub fn applicant(&self, a: &Answers) -> Option<String> {
        let first = self.sections.iter().flat_map(|s| &s.fields).find(|f| matches!(f.kind, Kind::Name))?;
        given(a, &first.id).map(str::to_string)
    }

    pub fn section_visible(&self, s: &Section, a: &Answers) -> bool {
        s.show_if.as_ref().is_none_or(|c| c.holds(a))
    }

    pub fn field_visible(&self, s: &Section, f: &Field, a: &Answers) -> bool {
        self.section_visible(s, a) && f.show_if.as_ref().is_none_or(|c| c.holds(a))
    }

    pub fn is_required(&self, f: &Field, a: &Answers) -> bool {
        match &f.required {
            Required::No => false,
            Required::Always => true,
            Required::When(c) => c.holds(a),
        }
    }

    /// Checks the visible fields of one section (or all sections), returning the errors in the
    /// order of the form, and the normalized answers (e.g. "0912 345 678" → "0912345678").
    /// A repeating section is checked item by item; its messages name the item ("Thành viên 2: …").
    pub fn validate(&self, a: &Answers, section: Option<&str>, cx: Context) -> (Vec<FieldError>, Answers) {
        let mut errors = Vec::new();
        let mut normalized = a.clone();
        for s in &self.sections {
            if section.is_some_and(|id| id != s.id) || !self.section_visible(s, a) {
                continue;
            }
            if let Some(r) = s.repeat.as_ref().filter(|r| self.item_count(s, a) < r.min) {
                errors.push(FieldError { field: count_key(&s.id), item: None, problem: FormProblem::TooFewItems { min: r.min, item: r.item.clone() }.into() });
            }
            for slot in self.slots(s, a) {
                let view = self.view(s, a, slot);
                let item = match (slot, &s.repeat) {
                    (Slot::Item(n), Some(r)) => Some((r.item.clone(), n)),
                    _ => None,
                };
                let mut error = |field: &str, problem: FieldProblem| errors.push(FieldError { field: slot.key(field), item: item.clone(), problem });
                for f in s.fields.iter().filter(|f| self.field_visible(s, f, &view)) {
                    let value = view.get(&f.id).map(|v| v.trim()).unwrap_or("");
                    if value.is_empty() {
                        if self.is_required(f, &view) {
                            error(&f.id, missing(f).into());
                        }
                        continue;
                    }
                    match self.check_value(f, value, &view, cx) {
                        Ok(n) => {
                            normalized.insert(slot.key(&f.id), n);
                        }
                        Err(m) => error(&f.id, m),
                    }
                }
                // Cross-field: a personal ID against the date of birth and sex it encodes.
                for c in self.id_checks.iter().filter(|c| s.fields.iter().any(|f| f.id == c.id_field && self.field_visible(s, f, &view))) {
                    if errors.iter().any(|e| e.field == slot.key(&c.id_field)) {
                        continue;
                    }
                    let Some(id) = view.get(&c.id_field).and_then(|v| validate::check_cccd(v, Some(cx.today)).ok()) else { continue };
                    let dob = c.birth_date_field.as_ref().and_then(|f| view.get(f)).and_then(|v| Date::parse_vn(v));
                    let sex = c.sex_field.as_ref().and_then(|f| view.get(f)).and_then(|v| parse_sex(v)).or_else(|| c.sex.as_deref().and_then(parse_sex));
                    for p in cross_check(&id, dob, sex) {
                        errors.push(FieldError { field: slot.key(&c.id_field), item: item.clone(), problem: p.into() });
                    }
                }
            }
        }
        (errors, normalized)
    }

    /// The answers to the questions these answers make the form ask: visible sections and
    /// fields, each repeating section's items up to its count, blanks left out. The draft keeps
    /// everything typed (a question shown again finds its answer, and the draft file carries it);
    /// what the package's manifest and the printed declaration carry and what decides the papers
    /// is only this. An answer to a question no longer asked (the person changed their mind, or
    /// the form's new version dropped it) reaches no package and calls for no paper.
    pub fn asked(&self, a: &Answers) -> Answers {
        // One pass: no condition of whether a question shows reads a question itself shown only
        // sometimes (`FormDef::check`), so visibility on the typed answers is the visibility.
        let mut out = Answers::new();
        for s in self.sections.iter().filter(|s| self.section_visible(s, a)) {
            if let Some(n) = a.get(&count_key(&s.id)).filter(|_| s.repeat.is_some()) {
                out.insert(count_key(&s.id), n.clone());
            }
            for slot in self.slots(s, a) {
                let view = self.view(s, a, slot);
                for f in s.fields.iter().filter(|f| self.field_visible(s, f, &view)) {
                    let key = slot.key(&f.id);
                    if given(a, &key).is_some() {
                        out.insert(key.clone(), a[&key].clone());
                    }
                }
            }
        }
        out
    }

    /// The answer as it will be kept and printed, or why not: its kind's rules, then whether the
    /// paper can show every character of it (`text::printable`).
    fn check_value(&self, f: &Field, v: &str, a: &Answers, cx: Context) -> Result<String, FieldProblem> {
        let kept = self.check_kind(f, v, a, cx)?;
        match kept.chars().find(|c| !crate::core::text::printable(*c)) {
            Some(symbol) => Err(FormProblem::NotPrintable { label: f.label.clone(), symbol }.into()),
            None => Ok(kept),
        }
    }

    fn check_kind(&self, f: &Field, v: &str, a: &Answers, cx: Context) -> Result<String, FieldProblem> {
        let label = || f.label.clone();
        match &f.kind {
            Kind::Text { max_len } | Kind::LongText { max_len } => {
                // Invisible characters a paste carries are dropped (line breaks stay).
                let v = crate::core::text::visible(&crate::core::text::compose(v));
                match max_len {
                    Some(m) if v.chars().count() > *m => Err(FormProblem::TooLong { label: label(), max: *m }.into()),
                    _ => Ok(v),
                }
            }
            Kind::Name => Ok(validate::check_name(v)?),
            Kind::Cccd => Ok(validate::check_cccd(v, Some(cx.today)).map(|id| id.normalized)?),
            Kind::Mst => Ok(validate::check_mst(v, Some(cx.today))?),
            Kind::Phone => Ok(validate::check_phone(v).map(|p| p.normalized)?),
            Kind::Email => Ok(validate::check_email(v)?),
            Kind::Date { not_future, min_age } => {
                let d = Date::parse_vn(v).ok_or(FormProblem::NotADate { label: label() })?;
                if d.year() < 1900 {
                    return Err(FormProblem::BeforeYear1900 { label: label() }.into());
                }
                if *not_future && d > cx.today {
                    return Err(FormProblem::FutureDate { label: label() }.into());
                }
                if let Some(m) = min_age {
                    let sex = m.sex_field.as_ref().map(|sf| a.get(sf).and_then(|s| parse_sex(s)).unwrap_or(Sex::Male));
                    let years = if sex == Some(Sex::Female) { m.female_years.unwrap_or(m.years) } else { m.years };
                    if age_on(d, cx.today) < years as i32 {
                        return Err(FormProblem::Underage { years, sex, born: d.to_vn() }.into());
                    }
                }
                if let Some((other, o)) = f.after.as_ref().and_then(|o| Some((self.field(o)?, Date::parse_vn(a.get(o)?)?))) {
                    if d < o {
                        return Err(FormProblem::Before { label: label(), other: other.label.clone(), other_value: o.to_vn() }.into());
                    }
                }
                Ok(d.to_vn())
            }
            Kind::Month { not_future } => {
                let (m, y) = parse_month(v).ok_or(FormProblem::NotAMonth { label: label() })?;
                if y < 1900 {
                    return Err(FormProblem::BeforeYear1900 { label: label() }.into());
                }
                if *not_future && (y, m) > (cx.today.year(), cx.today.month()) {
                    return Err(FormProblem::FutureMonth { label: label() }.into());
                }
                if let Some((other, (om, oy))) = f.after.as_ref().and_then(|o| Some((self.field(o)?, parse_month(a.get(o)?)?))) {
                    if (y, m) < (oy, om) {
                        return Err(FormProblem::Before { label: label(), other: other.label.clone(), other_value: format!("{om:02}/{oy}") }.into());
                    }
                }
                Ok(format!("{m:02}/{y}"))
            }
            Kind::Choice { options } => options.iter().find(|o| o.value == v).map(|o| o.value.clone()).ok_or(FormProblem::NotAChoice { label: label() }.into()),
            Kind::Commune => {
                let code: u32 = v.parse().map_err(|_| FormProblem::ChooseFromList { label: label() })?;
                match cx.units {
                    Some(u) if u.commune(code).is_none() => Err(FormProblem::UnknownCommune { code }.into()),
                    _ => Ok(code.to_string()),
                }
            }
            Kind::Number { unit, min, max } => {
                let compact = v.replace(' ', "");
                // "." separates thousands (1.200.000) and "," decimals (120,5): "1.5" is refused
                // rather than read as 15.
                let int_part = compact.split(',').next().unwrap_or("");
                if int_part.split('.').skip(1).any(|g| g.len() != 3) {
                    return Err(FormProblem::NumberSeparators { label: label() }.into());
                }
                let n: f64 = compact.replace('.', "").replace(',', ".").parse().map_err(|_| FormProblem::NotANumber { label: label(), unit: unit.clone() })?;
                if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) || !n.is_finite() {
                    return Err(FormProblem::OutOfRange { label: label(), min: *min, max: *max }.into());
                }
                Ok(crate::core::text::number(n, false))
            }
        }
    }

    /// The papers the answers make necessary, with the reason.
    /// Only answers to questions still asked count (`asked`).
    pub fn documents_needed(&self, a: &Answers) -> Vec<&DocumentRule> {
        let a = self.asked(a);
        self.documents.iter().filter(|d| d.when.holds(&a)).collect()
    }

    /// Whether a section is done: answered at all, and every visible required field answered.
    /// (A section of optional questions is not done before the person has answered one; a
    /// repeating section once the person has settled its items, even none when that is allowed.)
    pub fn section_done(&self, s: &Section, a: &Answers) -> bool {
        let complete = |v: &Answers| s.fields.iter().all(|f| !self.field_visible(s, f, v) || !self.is_required(f, v) || answered(f, v));
        match &s.repeat {
            None => s.fields.iter().any(|f| answered(f, a)) && complete(a),
            Some(r) => {
                a.contains_key(&count_key(&s.id)) && self.item_count(s, a) >= r.min && self.slots(s, a).into_iter().all(|slot| complete(&self.view(s, a, slot)))
            }
        }
    }

    /// Whether the person has begun a section (for the task list's "Đang làm").
    pub fn section_started(&self, s: &Section, a: &Answers) -> bool {
        a.contains_key(&count_key(&s.id)) || self.slots(s, a).into_iter().any(|slot| s.fields.iter().any(|f| answered(f, &self.view(s, a, slot))))
    }

    /// The section to go to after `current`: the next one the answers show, or `None` when the
    /// form is done (then "check your answers").
    pub fn next_section(&self, current: &str, a: &Answers) -> Option<&Section> {
        let at = self.sections.iter().position(|s| s.id == current)?;
        self.sections[at + 1..].iter().find(|s| self.section_visible(s, a))
    }

    /// How an answer reads on "check your answers": the label of a choice, the name of a commune
    /// with its province, a number with its unit; as typed otherwise.
    pub fn display(f: &Field, value: &str, units: Option<&Units>) -> String {
        match &f.kind {
            Kind::Choice { options } => options.iter().find(|o| o.value == value).map(|o| o.label.clone()).unwrap_or_else(|| value.into()),
            Kind::Commune => {
                value.parse::<u32>().ok().and_then(|code| units?.commune(code).map(|(p, c)| format!("{}, {}", c.name, p.name))).unwrap_or_else(|| value.into())
            }
            Kind::Number { unit: Some(u), .. } => format!("{value} {u}"),
            _ => value.into(),
        }
    }

    /// Whether checking these answers needs the administrative units: only a commune answered
    /// (its code is checked against them). A dossier whose answers name no commune is checked,
    /// and its papers listed, without downloading them.
    pub fn needs_units(&self, a: &Answers) -> bool {
        self.fields().any(|(_, f)| matches!(f.kind, Kind::Commune) && a.get(&f.id).is_some_and(|v| !v.trim().is_empty()))
    }

    /// How far the person is: (sections done, visible sections).
    pub fn progress(&self, a: &Answers) -> (usize, usize) {
        let visible: Vec<&Section> = self.sections.iter().filter(|s| self.section_visible(s, a)).collect();
        (visible.iter().filter(|s| self.section_done(s, a)).count(), visible.len())
    }
}

/// A whole declaration checked as the app checks it: the one entry point of `hosoValidate` and
/// `hoso forms check`. It needs what every rule needs: today's date in Vietnam and the units
/// (a commune code is checked against them, never passed unchecked). The answers come back as a
/// package would carry them: normalised where valid, and only those to the questions asked
/// (`FormDef::asked`).
pub fn check_declaration(code: &str, answers: &Answers, today: Date, units: &Units) -> (Vec<FieldError>, Answers) {
    let form = form_of(code, code);
    let (errors, normalized) = form.validate(answers, None, Context { today, units: Some(units) });
    (errors, form.asked(&normalized))
}

fn answered(f: &Field, a: &Answers) -> bool {
    given(a, &f.id).is_some()
}

/// `mm/yyyy` (also `m/yyyy`) → (month, year).
fn parse_month(v: &str) -> Option<(u8, i32)> {
    let (m, y) = v.trim().split_once('/')?;
    if m.is_empty() || m.len() > 2 || y.len() != 4 {
        return None;
    }
    let month: u8 = m.parse().ok().filter(|m| (1..=12).contains(m))?;
    Some((month, y.parse().ok()?))
}

/// "Hãy nhập họ và tên" — GOV.UK style: says what to do, names the field.
fn missing(f: &Field) -> FormProblem {
    FormProblem::Missing { label: f.label.clone(), choose: matches!(f.kind, Kind::Choice { .. } | Kind::Commune) }
}

fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        // Keep acronyms ("CCCD", "Số CCCD" stays as is after the first letter).
        Some(first) if c.clone().next().is_some_and(|n| n.is_lowercase()) => first.to_lowercase().chain(c).collect(),
        _ => s.to_string(),
    }
}

pub fn parse_sex(v: &str) -> Option<Sex> {
    match v {
        "nam" | "male" => Some(Sex::Male),
        "nu" | "female" => Some(Sex::Female),
        _ => None,
    }
}

/// Full years between `born` and `on`.
pub fn age_on(born: Date, on: Date) -> i32 {
    let mut age = on.year() - born.year();
    if (on.month(), on.day()) < (born.month(), born.day()) {
        age -= 1;
    }
    age
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::validate::Problem;

    fn cx() -> Context<'static> {
        Context { today: Date::new(2026, 11, 25).unwrap(), units: None }
    }

    fn answers(pairs: &[(&str, &str)]) -> Answers {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    fn errors_for(form: &FormDef, a: &Answers, section: Option<&str>) -> Vec<(String, FieldProblem)> {
        form.validate(a, section, cx()).0.into_iter().map(|e| (e.field, e.problem)).collect()
    }

    fn form(p: FormProblem) -> FieldProblem {
        FieldProblem::Form(p)
    }

    fn label(s: &str) -> String {
        s.to_string()
    }

    fn birth() -> &'static FormDef {
        form_for("1.001193").unwrap()
    }

    #[test]
    fn units_are_needed_only_once_a_commune_is_answered() {
        let form = generic_form("1.000001", "Thủ tục bất kỳ");
        assert!(!form.needs_units(&answers(&[])));
        assert!(!form.needs_units(&answers(&[("nguoi-nop.ho-ten", "Nguyễn Văn An"), ("nguoi-nop.noi-cu-tru", " ")])));
        assert!(form.needs_units(&answers(&[("nguoi-nop.noi-cu-tru", "26734")])));
    }

    #[test]
    fn every_shipped_form_and_the_generic_form_pass_their_own_checks() {
        assert!(all_forms().len() >= 3);
        for f in all_forms() {
            assert_eq!(f.check(), Vec::<String>::new(), "{}", f.id);
        }
        assert!(generic_form("1.000001", "Thủ tục bất kỳ").check().is_empty());
    }

    #[test]
    fn required_fields_say_what_to_enter() {
        let e = errors_for(birth(), &Answers::new(), Some("nguoi-yeu-cau"));
        assert_eq!(e[0], ("nguoi-yeu-cau.ho-ten".to_string(), form(FormProblem::Missing { label: label("Họ, chữ đệm và tên"), choose: false })));
        assert!(e.iter().any(|(f, p)| f == "nguoi-yeu-cau.quan-he" && matches!(p, FieldProblem::Form(FormProblem::Missing { choose: true, .. }))));
        let id = e.iter().find(|(f, _)| f == "nguoi-yeu-cau.cccd").unwrap();
        assert_eq!(id.1.message(), "Hãy nhập số định danh cá nhân (số căn cước).", "the sentence says what to enter, acronyms kept");
    }

    #[test]
    fn a_child_cannot_be_born_in_the_future() {
        let a = answers(&[("tre.ngay-sinh", "01/01/2027")]);
        let e = errors_for(birth(), &a, Some("tre"));
        assert!(e.iter().any(|(f, p)| f == "tre.ngay-sinh" && matches!(p, FieldProblem::Form(FormProblem::FutureDate { .. }))));
        let a = answers(&[("tre.ngay-sinh", "31/02/2026")]);
        assert!(errors_for(birth(), &a, Some("tre")).iter().any(|(_, p)| matches!(p, FieldProblem::Form(FormProblem::NotADate { .. }))));
    }

    #[test]
    fn the_fathers_details_are_needed_only_once_his_name_is_given() {
        let e = errors_for(birth(), &Answers::new(), Some("cha"));
        assert!(e.is_empty(), "{e:?}");
        let e = errors_for(birth(), &answers(&[("cha.ho-ten", "Trần Văn Bình")]), Some("cha"));
        let missing: Vec<&str> = e.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(missing, ["cha.ngay-sinh", "cha.cccd", "cha.dan-toc", "cha.quoc-tich", "cha.noi-cu-tru"]);
    }

    #[test]
    fn every_procedure_with_a_full_form_names_the_file_the_browser_fetches() {
        for f in all_forms() {
            for code in &f.procedures {
                let file = form_file(code).unwrap_or_else(|| panic!("{code}"));
                let text = std::fs::read_to_string(format!("src/core/forms/defs/{file}")).unwrap();
                assert_eq!(serde_json::from_str::<FormDef>(&text).unwrap().id, f.id, "{code}");
            }
        }
        assert_eq!(FORM_FILES.len(), all_forms().len());
        assert_eq!(form_file("1.000005"), None, "the generic form needs no file");
    }

    #[test]
    fn the_next_section_skips_those_the_answers_hide() {
        let normal = answers(&[("tre.giay-chung-sinh", "giay-chung-sinh")]);
        assert_eq!(birth().next_section("tre", &normal).map(|s| s.id.as_str()), Some("me"));
        let abandoned = answers(&[("tre.giay-chung-sinh", "bi-bo-roi")]);
        let next = birth().next_section("tre", &abandoned).map(|s| s.id.clone());
        assert!(next.as_deref().is_none_or(|id| id != "me" && id != "cha"), "no parent sections for an abandoned child: {next:?}");
        let last = &birth().sections.last().unwrap().id;
        assert!(birth().next_section(last, &normal).is_none(), "after the last section: check your answers");
    }

    #[test]
    fn answers_read_as_people_chose_them_on_the_check_page() {
        let f = form_for("1.013225").unwrap();
        let field = |id: &str| f.field(id).unwrap().clone();
        assert_eq!(FormDef::display(&field("cong-trinh.chieu-cao"), "7,5", None), "7,5 m");
        let choice = birth().field("tre.gioi-tinh").unwrap();
        assert_eq!(FormDef::display(choice, "nu", None), "Nữ");
        let units = Units {
            version: "t".into(),
            provinces: vec![crate::core::units::Province {
                code: 1,
                name: "Thành phố Hà Nội".into(),
                kind: "thành phố trung ương".into(),
                communes: vec![crate::core::units::Commune { code: 70, name: "Phường Hoàn Kiếm".into(), kind: crate::core::units::CommuneKind::Phuong }],
            }],
        };
        let commune = birth().field("me.noi-cu-tru").unwrap();
        assert_eq!(FormDef::display(commune, "70", Some(&units)), "Phường Hoàn Kiếm, Thành phố Hà Nội");
        assert_eq!(FormDef::display(commune, "70", None), "70", "before the units load, the code as typed");
    }

    #[test]
    fn an_abandoned_child_has_no_parent_sections_and_needs_the_report() {
        let a = answers(&[("tre.giay-chung-sinh", "bi-bo-roi")]);
        let me = birth().sections.iter().find(|s| s.id == "me").unwrap();
        assert!(!birth().section_visible(me, &a));
        let docs: Vec<&str> = birth().documents_needed(&a).iter().map(|d| d.document.as_str()).collect();
        assert_eq!(docs, ["Trường hợp trẻ em bị bỏ rơi"]);
    }

    #[test]
    fn the_mothers_id_must_match_her_birth_year_and_sex() {
        // 001 1 99 …: a woman born in 1999.
        let ok = answers(&[("me.cccd", "001199012345"), ("me.ngay-sinh", "02/03/1999")]);
        assert!(!errors_for(birth(), &ok, Some("me")).iter().any(|(f, _)| f == "me.cccd"));
        let wrong_year = answers(&[("me.cccd", "001199012345"), ("me.ngay-sinh", "02/03/1998")]);
        assert!(errors_for(birth(), &wrong_year, Some("me")).contains(&("me.cccd".into(), Problem::CccdBirthYear { id_year: 1999, entered: 1998 }.into())));
        // 001 0 99 …: a man's number in the mother's field.
        let wrong_sex = answers(&[("me.cccd", "001099012345"), ("me.ngay-sinh", "02/03/1999")]);
        assert!(errors_for(birth(), &wrong_sex, Some("me")).contains(&("me.cccd".into(), Problem::CccdSex { id_sex: Sex::Male, entered: Sex::Female }.into())));
    }

    #[test]
    fn marriage_age_is_18_for_women_and_20_for_men() {
        let f = form_for("1.000894").unwrap();
        let a = answers(&[("ben-nu.ngay-sinh", "26/11/2008"), ("ben-nam.ngay-sinh", "26/11/2006")]);
        let e = errors_for(f, &a, None);
        let underage = |years, born: &str| form(FormProblem::Underage { years, sex: None, born: born.into() });
        assert!(e.contains(&("ben-nu.ngay-sinh".into(), underage(18, "26/11/2008"))), "{e:?}");
        assert!(e.contains(&("ben-nam.ngay-sinh".into(), underage(20, "26/11/2006"))), "{e:?}");
        let a = answers(&[("ben-nu.ngay-sinh", "25/11/2008"), ("ben-nam.ngay-sinh", "25/11/2006")]);
        let e = errors_for(f, &a, None);
        assert!(!e.iter().any(|(fid, _)| fid.ends_with("ngay-sinh")), "exactly 18 and 20 today is old enough: {e:?}");
    }

    #[test]
    fn the_ban_confirmation_is_asked_only_for_certificate_no_1() {
        let f = form_for("3.000333").unwrap();
        let no2 = errors_for(f, &answers(&[("yeu-cau.loai-phieu", "so-2")]), Some("yeu-cau"));
        assert!(!no2.iter().any(|(fid, _)| fid == "yeu-cau.cam-dam-nhiem"));
        let no1 = errors_for(f, &answers(&[("yeu-cau.loai-phieu", "so-1")]), Some("yeu-cau"));
        assert!(no1.iter().any(|(fid, _)| fid == "yeu-cau.cam-dam-nhiem"));
    }

    #[test]
    fn answers_are_normalised_and_progress_counts_sections() {
        let f = form_for("3.000333").unwrap();
        let a = answers(&[("ca-nhan.dien-thoai", "+84 912 345 678"), ("ca-nhan.ho-ten", "nguyễn  văn an")]);
        let (_, n) = f.validate(&a, Some("ca-nhan"), cx());
        assert_eq!(n["ca-nhan.dien-thoai"], "0912345678");
        assert_eq!(n["ca-nhan.ho-ten"], "Nguyễn Văn An");
        assert_eq!(f.progress(&Answers::new()), (0, 4));
        // The birth form's father and copies sections have only optional questions: not done until answered.
        assert_eq!(birth().progress(&Answers::new()), (0, 5));
    }

    #[test]
    fn all_eight_procedures_of_the_issue_have_a_full_form() {
        for code in ["1.001193", "1.000894", "1.000656", "1.004222", "3.000333", "1.001612", "2.000815", "1.013225"] {
            assert!(form_for(code).is_some(), "{code}");
        }
    }

    #[test]
    fn the_head_of_household_is_asked_only_when_the_home_is_not_ones_own() {
        let f = form_for("1.004222").unwrap();
        let chu_ho = f.sections.iter().find(|s| s.id == "chu-ho").unwrap();
        assert!(!f.section_visible(chu_ho, &answers(&[("noi-dang-ky.truong-hop", "so-huu")])));
        assert!(f.section_visible(chu_ho, &answers(&[("noi-dang-ky.truong-hop", "thue-muon")])));
    }

    #[test]
    fn a_household_business_owner_must_be_an_adult() {
        let f = form_for("1.001612").unwrap();
        let e = errors_for(f, &answers(&[("chu-ho.ngay-sinh", "01/01/2010")]), Some("chu-ho"));
        assert!(e.iter().any(|(fid, p)| fid == "chu-ho.ngay-sinh" && matches!(p, FieldProblem::Form(FormProblem::Underage { years: 18, .. }))), "{e:?}");
    }

    #[test]
    fn a_death_without_a_death_notice_needs_other_evidence() {
        let f = form_for("1.000656").unwrap();
        let docs: Vec<&str> = f.documents_needed(&answers(&[("nguoi-chet.giay-bao-tu", "chung-cu")])).iter().map(|d| d.document.as_str()).collect();
        assert_eq!(docs, ["Giấy tờ, tài liệu, chứng cứ do cơ quan, tổ chức có thẩm quyền cấp"]);
    }

    #[test]
    fn numbers_with_units_are_checked_against_their_range() {
        let f = form_for("1.013225").unwrap();
        let e = errors_for(f, &answers(&[("cong-trinh.so-tang", "0"), ("cong-trinh.chieu-cao", "mười")]), Some("cong-trinh"));
        assert!(
            e.iter().any(|(fid, p)| fid == "cong-trinh.so-tang" && matches!(p, FieldProblem::Form(FormProblem::OutOfRange { min: Some(1.0), .. }))),
            "{e:?}"
        );
        assert!(
            e.iter()
                .any(|(fid, p)| fid == "cong-trinh.chieu-cao" && matches!(p, FieldProblem::Form(FormProblem::NotANumber { unit: Some(u), .. }) if u == "m")),
            "{e:?}"
        );
        let (_, n) = f.validate(&answers(&[("cong-trinh.tong-dien-tich-san", "120,5")]), Some("cong-trinh"), cx());
        assert_eq!(n["cong-trinh.tong-dien-tich-san"], "120,5");
        let (_, n) = f.validate(&answers(&[("cong-trinh.tong-dien-tich-san", "1.200")]), Some("cong-trinh"), cx());
        assert_eq!(n["cong-trinh.tong-dien-tich-san"], "1200");
        let e = errors_for(f, &answers(&[("cong-trinh.chieu-cao", "1.5")]), Some("cong-trinh"));
        assert!(e.iter().any(|(fid, p)| fid == "cong-trinh.chieu-cao" && matches!(p, FieldProblem::Form(FormProblem::NumberSeparators { .. }))), "{e:?}");
        // What the paper cannot show is refused while the person can still change it.
        let f = form_for("2.000815").unwrap();
        let e = errors_for(f, &answers(&[("yeu-cau.ho-ten", "王小明"), ("yeu-cau.giay-to", "Bằng tốt nghiệp 🎓")]), Some("yeu-cau"));
        let said: Vec<String> = e.iter().filter(|(_, p)| matches!(p, FieldProblem::Form(FormProblem::NotPrintable { .. }))).map(|(_, p)| p.message()).collect();
        assert_eq!(said.len(), 2, "{e:?}");
        assert!(said[0].starts_with("Họ, chữ đệm và tên người yêu cầu có ký tự «王» không in được trên tờ khai."), "{said:?}");
        let (e, n) = f.validate(&answers(&[("yeu-cau.giay-to", "Giấy chứng nhận № 12 – bản “gốc”")]), Some("yeu-cau"), cx());
        assert!(e.iter().all(|e| e.field != "yeu-cau.giay-to") && n["yeu-cau.giay-to"].contains('№'), "{e:?}");
        let (e, n) = f.validate(&answers(&[("yeu-cau.giay-to", "Giấy khai sinh\u{200B}\u{FEFF}")]), Some("yeu-cau"), cx());
        assert!(
            e.iter().all(|e| e.field != "yeu-cau.giay-to") && n["yeu-cau.giay-to"] == "Giấy khai sinh",
            "a pasted invisible character is dropped, not refused: {e:?}"
        );
        // A question is asked once: "Hãy chọn hộ kinh doanh do ai thành lập.", not "…lập?.".
        let f = form_for("1.001612").unwrap();
        let e = errors_for(f, &Answers::new(), Some("chu-ho"));
        let said: Vec<String> = e.iter().filter(|(fid, _)| fid == "chu-ho.thanh-lap-boi").map(|(_, p)| p.message()).collect();
        assert_eq!(said, ["Hãy chọn hộ kinh doanh do ai thành lập."]);
        let f = form_for("1.013225").unwrap();
        // The range is said the way the person must write it: dots between thousands.
        let e = errors_for(f, &answers(&[("cong-trinh.tong-dien-tich-san", "2.000.000")]), Some("cong-trinh"));
        let said: Vec<String> = e.iter().filter(|(fid, _)| fid == "cong-trinh.tong-dien-tich-san").map(|(_, p)| p.message()).collect();
        assert_eq!(said, ["Tổng diện tích sàn phải từ 1 đến 1.000.000."]);
    }

    #[test]
    fn each_household_member_is_checked_and_named_in_the_message() {
        let f = form_for("1.004222").unwrap();
        let s = f.sections.iter().find(|s| s.id == "thanh-vien").unwrap();
        let mut a = Answers::new();
        let member = |name: &str, dob: &str, sex: &str, id: &str| -> Item {
            [("thanh-vien.ho-ten", name), ("thanh-vien.ngay-sinh", dob), ("thanh-vien.gioi-tinh", sex), ("thanh-vien.cccd", id), ("thanh-vien.quan-he", "con")]
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        // The second child's number says 2019 (and a girl born after 2000: digit 3), the date 2018.
        f.set_items(s, &mut a, &[member("Trần Minh An", "01/06/2015", "nam", "001215000001"), member("trần thu hà", "02/02/2018", "nu", "001319000002")]);
        let e = f.validate(&a, Some("thanh-vien"), cx()).0;
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].field, "thanh-vien.cccd#2");
        assert_eq!(e[0].item, Some(("Thành viên".to_string(), 2)));
        assert_eq!(e[0].problem, Problem::CccdBirthYear { id_year: 2019, entered: 2018 }.into());
        assert!(e[0].message().starts_with("Thành viên 2: "), "the sentence names the item: {}", e[0].message());
        // Valid answers are normalised in their own item.
        let (_, n) = f.validate(&a, Some("thanh-vien"), cx());
        assert_eq!(n["thanh-vien.ho-ten#2"], "Trần Thu Hà");
        assert!(!n.contains_key("thanh-vien.ho-ten"));
    }

    #[test]
    fn a_repeating_section_is_done_once_settled_even_with_no_item_when_none_is_needed() {
        let f = form_for("1.004222").unwrap();
        let s = f.sections.iter().find(|s| s.id == "thanh-vien").unwrap();
        let mut a = Answers::new();
        assert!(!f.section_done(s, &a), "not visited yet");
        f.set_items(s, &mut a, &[]);
        assert!(f.section_done(s, &a), "nobody else moves in");
        f.set_items(s, &mut a, &[[("thanh-vien.ho-ten".to_string(), "Trần An".to_string())].into()]);
        assert!(!f.section_done(s, &a), "a member with only a name");
    }

    #[test]
    fn a_household_business_run_by_the_family_lists_at_least_one_member() {
        let f = form_for("1.001612").unwrap();
        let a = answers(&[("chu-ho.thanh-lap-boi", "ho-gia-dinh"), ("thanh-vien#n", "0")]);
        let e = errors_for(f, &a, Some("thanh-vien"));
        assert_eq!(e, [("thanh-vien#n".to_string(), form(FormProblem::TooFewItems { min: 1, item: label("Thành viên") }))]);
        let alone = answers(&[("chu-ho.thanh-lap-boi", "ca-nhan")]);
        assert!(errors_for(f, &alone, None).iter().all(|(fid, _)| !fid.starts_with("thanh-vien")));
    }

    #[test]
    fn places_lived_are_months_not_in_the_future() {
        let f = form_for("3.000333").unwrap();
        let e = errors_for(
            f,
            &answers(&[("cu-tru#n", "2"), ("cu-tru.tu-thang#1", "9/2010"), ("cu-tru.noi-cu-tru#1", "Hà Nội"), ("cu-tru.tu-thang#2", "12/2026")]),
            Some("cu-tru"),
        );
        assert!(e.contains(&("cu-tru.tu-thang#2".into(), form(FormProblem::FutureMonth { label: label("Từ tháng, năm") }))), "{e:?}");
        assert!(e.iter().any(|(fid, _)| fid == "cu-tru.noi-cu-tru#2"), "{e:?}");
        assert!(!e.iter().any(|(fid, _)| fid.ends_with("#1")), "{e:?}");
        let (_, n) = f.validate(&answers(&[("cu-tru#n", "1"), ("cu-tru.tu-thang#1", "9/2010")]), Some("cu-tru"), cx());
        assert_eq!(n["cu-tru.tu-thang#1"], "09/2010");
        let e = errors_for(f, &answers(&[("cu-tru#n", "1"), ("cu-tru.tu-thang#1", "13/2010")]), Some("cu-tru"));
        assert!(e.iter().any(|(_, p)| matches!(p, FieldProblem::Form(FormProblem::NotAMonth { .. }))), "{e:?}");
    }

    #[test]
    fn a_death_cannot_come_before_the_birth_nor_a_period_end_before_it_starts() {
        let f = form_for("1.000656").unwrap();
        let e = errors_for(f, &answers(&[("nguoi-chet.ngay-sinh", "03/04/1940"), ("nguoi-chet.ngay-mat", "02/04/1940")]), Some("nguoi-chet"));
        assert!(
            e.iter().any(|(fid, p)| fid == "nguoi-chet.ngay-mat"
                && matches!(p, FieldProblem::Form(FormProblem::Before { other_value, .. }) if other_value == "03/04/1940")),
            "{e:?}"
        );
        let lltp = form_for("3.000333").unwrap();
        let e = errors_for(
            lltp,
            &answers(&[("cu-tru#n", "1"), ("cu-tru.tu-thang#1", "09/2013"), ("cu-tru.den-thang#1", "06/2013"), ("cu-tru.noi-cu-tru#1", "Hà Nội")]),
            Some("cu-tru"),
        );
        assert_eq!(
            e,
            [(
                "cu-tru.den-thang#1".to_string(),
                form(FormProblem::Before { label: label("Đến tháng, năm"), other: label("Từ tháng, năm"), other_value: label("09/2013") })
            )]
        );
    }

    #[test]
    fn only_answers_to_questions_still_asked_leave_the_draft() {
        // A person asked for Phiếu số 1 by proxy, then changed to Phiếu số 2; they listed two
        // places, then removed one; an old version of the form asked something it no longer does.
        let f = form_for("3.000333").unwrap();
        let typed = answers(&[
            ("yeu-cau.loai-phieu", "so-2"),
            ("yeu-cau.uy-quyen", "uy-quyen"),
            ("yeu-cau.cha-me-nop", "tu-nop"),
            ("cu-tru#n", "1"),
            ("cu-tru.noi-cu-tru#1", "Hà Nội"),
            ("cu-tru.noi-cu-tru#2", "Huế"),
            ("lien-he.nop-thay", "co"),
            ("ca-nhan.email", "  "),
        ]);
        let asked = f.asked(&typed);
        assert_eq!(
            asked.keys().map(String::as_str).collect::<Vec<_>>(),
            ["cu-tru#n", "cu-tru.noi-cu-tru#1", "yeu-cau.cha-me-nop", "yeu-cau.loai-phieu"],
            "the proxy's answer, the removed place, the withdrawn question and the blank are left out"
        );
        // Back to Phiếu số 1: the draft kept the answer, and it is asked again.
        let mut again = typed.clone();
        again.insert("yeu-cau.loai-phieu".into(), "so-1".into());
        assert_eq!(f.asked(&again).get("yeu-cau.uy-quyen").map(String::as_str), Some("uy-quyen"));
    }

    #[test]
    fn a_question_cannot_hang_on_one_shown_only_sometimes() {
        // Shown by the proxy answer, itself shown for Phiếu số 1 only: a stale proxy answer
        // would show it for Phiếu số 2.
        let mut f = form_for("3.000333").unwrap().clone();
        let purpose = f.sections.iter_mut().flat_map(|s| s.fields.iter_mut()).find(|x| x.id == "yeu-cau.muc-dich").unwrap();
        purpose.show_if = Some(Cond::Is { field: "yeu-cau.uy-quyen".into(), value: "uy-quyen".into() });
        assert_eq!(f.check(), ["to-khai-lltp-01: yeu-cau.muc-dich: a condition reads yeu-cau.uy-quyen, a question itself shown only sometimes"]);
    }

    #[test]
    fn a_minor_s_consent_hangs_on_a_birth_date_always_asked_and_required() {
        // A hidden or blank birth date would drop the parent's box without anyone seeing it.
        let mut f = form_for("1.004222").unwrap().clone();
        assert!(f.check().is_empty(), "{:?}", f.check());
        let born = f.sections.iter_mut().flat_map(|s| s.fields.iter_mut()).find(|x| x.id == "nguoi-khai.ngay-sinh").unwrap();
        born.required = Required::No;
        assert_eq!(f.check().len(), 1, "{:?}", f.check());
        let mut f = form_for("1.004222").unwrap().clone();
        f.signers.iter_mut().find(|s| s.minor.is_some()).unwrap().minor = Some("thanh-vien.ngay-sinh".into());
        assert_eq!(f.check().len(), 1, "a member's birth date, asked per member: {:?}", f.check());
    }

    #[test]
    fn a_condition_cannot_read_a_repeating_section_from_outside() {
        let mut f = form_for("1.001612").unwrap().clone();
        f.documents.push(DocumentRule { when: Cond::Filled { field: "thanh-vien.ho-ten".into() }, document: "Giấy tờ".into(), because: "…".into() });
        assert!(f.check().iter().any(|p| p.contains("from outside")), "{:?}", f.check());
    }

    #[test]
    fn a_signer_must_name_a_name_question_asked_once() {
        let mut f = form_for("1.000894").unwrap().clone();
        assert!(f.check().is_empty());
        f.signers[1].name = Some("ben-nam.ngay-sinh".into());
        assert_eq!(f.check(), ["to-khai-ket-hon: signer BÊN NAM: ben-nam.ngay-sinh is not a name question asked once"]);
    }

    #[test]
    fn ages_count_full_years() {
        let d = |y, m, dd| Date::new(y, m, dd).unwrap();
        assert_eq!(age_on(d(2008, 11, 26), d(2026, 11, 25)), 17);
        assert_eq!(age_on(d(2008, 11, 25), d(2026, 11, 25)), 18);
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 2, 28)), 17);
    }
}
