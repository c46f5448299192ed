//! The declarative form format (version 1). Definitions live in `defs/*.json`; `build.rs`
//! checks every one when the project builds (a broken definition fails the build, not the
//! citizen). This file is also compiled into `build.rs`, so it depends on serde only.

use serde::Deserialize;

/// Format 2 added repeating sections (`repeat`) and month fields (`month`).
pub const FORM_FORMAT: u32 = 2;

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormDef {
    pub format: u32,
    /// Stable id, e.g. `to-khai-khai-sinh`.
    pub id: String,
    /// The definition's own version: bump when fields change meaning.
    pub version: u32,
    /// Procedure codes this form serves (a form can serve variants of a procedure).
    pub procedures: Vec<String>,
    pub title: String,
    /// The official template it follows (e.g. "Mẫu Tờ khai đăng ký khai sinh, Thông tư 04/2024/TT-BTP").
    pub template: String,
    pub sections: Vec<Section>,
    /// Cross-field checks between a personal ID and the date of birth and sex it encodes.
    #[serde(default)]
    pub id_checks: Vec<IdCheck>,
    /// Papers that the answers make necessary (matched against the catalogue's documents).
    #[serde(default)]
    pub documents: Vec<DocumentRule>,
    /// The catalogue paper this form *is* (matched by its beginning, folded): hoso makes it
    /// from the answers, so nobody attaches it.
    #[serde(default)]
    pub declares: Option<String>,
    /// When the form serves one case of the procedure (the catalogue's "trường hợp"): the
    /// beginning of that case's name. Papers of other cases are not needed.
    #[serde(default)]
    pub case: Option<String>,
    /// The template's own pledge where it is not one applicant's ("Chúng tôi cam đoan…" of the
    /// marriage declaration); otherwise `package::print::PLEDGE`.
    #[serde(default)]
    pub pledge: Option<String>,
    /// Who signs, as the template has it ("BÊN NỮ", "BÊN NAM"); otherwise the applicant alone.
    #[serde(default)]
    pub signers: Vec<Signer>,
}

/// A signature block of the printed declaration.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signer {
    /// The heading above the signature, as the template writes it ("BÊN NỮ").
    pub title: String,
    /// The name question whose answer is written under the signature.
    #[serde(default)]
    pub name: Option<String>,
    /// What the signer writes, as the template says it under the heading ("(Ghi rõ nội dung và
    /// ký, ghi rõ họ tên)" for a consent); otherwise `package::print::SIGN_HERE`.
    #[serde(default)]
    pub hint: Option<String>,
    /// When the block is printed, on the asked answers (the household head's consent only when
    /// the person joins a home not theirs); otherwise always.
    #[serde(default)]
    pub when: Option<Cond>,
    /// A date-of-birth question: the block is printed only when that person is under 18 on the
    /// day the declaration is made (a parent's consent for a minor).
    #[serde(default)]
    pub minor: Option<String>,
}

/// The age from which a person signs for themselves (Bộ luật Dân sự 2015, Điều 20).
pub const ADULT_AGE: i32 = 18;

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub help: Option<String>,
    #[serde(default)]
    pub show_if: Option<Cond>,
    /// A section asked once per item (household members, places lived): "add another".
    #[serde(default)]
    pub repeat: Option<Repeat>,
    pub fields: Vec<Field>,
}

/// How often a repeating section can be filled. Answers of item `n` (from 1) are stored under
/// `field#n`, and the number of items under `section#n` (see `forms::item_key`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Repeat {
    #[serde(default)]
    pub min: usize,
    pub max: usize,
    /// What one item is called, e.g. "Thành viên" ("Thành viên 2", "Thêm thành viên").
    pub item: String,
}

/// A question of the form. In JSON it is a flat object (`"type": "date", "not_future": true`),
/// read through [`RawField`] so the parser needs no buffering (keeps the wasm small).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(try_from = "RawField")]
pub struct Field {
    /// Unique within the form: `section.field`.
    pub id: String,
    pub label: String,
    pub help: Option<String>,
    pub kind: Kind,
    /// Required (always, or when the condition holds).
    pub required: Required,
    pub show_if: Option<Cond>,
    /// HTML autocomplete token (name, tel, email, bday…).
    pub autocomplete: Option<String>,
    /// For a date or a month: another field of the same kind this one cannot come before
    /// (death after birth, the end of a period after its start).
    pub after: Option<String>,
    /// On the printed declaration: the template's own words for the question, where the
    /// question asks the person directly ("Quan hệ của bạn với chủ hộ" prints "Quan hệ với chủ hộ").
    pub print_label: Option<String>,
    /// Whether the printed declaration carries it: false for hoso's questions about the dossier
    /// that are not on the template (who submits it): asked, kept in the package, not printed.
    pub printed: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Text {
        max_len: Option<usize>,
    },
    LongText {
        max_len: Option<usize>,
    },
    Name,
    Cccd,
    Mst,
    Phone,
    Email,
    /// A date typed `dd/mm/yyyy`; minimum age on the day of the declaration, possibly by sex
    /// (marriage: 20 men, 18 women).
    Date {
        not_future: bool,
        min_age: Option<MinAge>,
    },
    /// A month typed `mm/yyyy` (periods of residence, work).
    Month {
        not_future: bool,
    },
    Choice {
        options: Vec<Choice>,
    },
    /// A commune (xã, phường, đặc khu) of the 2025 administrative units, with its province.
    Commune,
    Number {
        unit: Option<String>,
        min: Option<f64>,
        max: Option<f64>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Required {
    No,
    Always,
    When(Cond),
}

/// The JSON shape of a field: every key of every kind, flat.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawField {
    id: String,
    label: String,
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    help: Option<String>,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    required_if: Option<Cond>,
    #[serde(default)]
    show_if: Option<Cond>,
    #[serde(default)]
    autocomplete: Option<String>,
    #[serde(default)]
    max_len: Option<usize>,
    #[serde(default)]
    not_future: bool,
    #[serde(default)]
    min_age: Option<MinAge>,
    #[serde(default)]
    options: Option<Vec<Choice>>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    min: Option<f64>,
    #[serde(default)]
    max: Option<f64>,
    #[serde(default)]
    after: Option<String>,
    #[serde(default)]
    print_label: Option<String>,
    #[serde(default)]
    not_printed: bool,
}

impl TryFrom<RawField> for Field {
    type Error = String;
    fn try_from(r: RawField) -> Result<Field, String> {
        let kind = match r.kind.as_str() {
            "text" => Kind::Text { max_len: r.max_len },
            "long_text" => Kind::LongText { max_len: r.max_len },
            "name" => Kind::Name,
            "cccd" => Kind::Cccd,
            "mst" => Kind::Mst,
            "phone" => Kind::Phone,
            "email" => Kind::Email,
            "date" => Kind::Date { not_future: r.not_future, min_age: r.min_age },
            "month" => Kind::Month { not_future: r.not_future },
            "choice" => Kind::Choice { options: r.options.ok_or_else(|| format!("{}: a choice needs options", r.id))? },
            "commune" => Kind::Commune,
            "number" => Kind::Number { unit: r.unit, min: r.min, max: r.max },
            other => return Err(format!("{}: unknown type «{other}»", r.id)),
        };
        let required = match (r.required, r.required_if) {
            (true, None) => Required::Always,
            (false, None) => Required::No,
            (false, Some(c)) => Required::When(c),
            (true, Some(_)) => return Err(format!("{}: use either required or required_if", r.id)),
        };
        if r.after.is_some() && !matches!(kind, Kind::Date { .. } | Kind::Month { .. }) {
            return Err(format!("{}: `after` is for dates and months", r.id));
        }
        if r.not_printed && r.print_label.is_some() {
            return Err(format!("{}: a question not printed has no print_label", r.id));
        }
        Ok(Field {
            id: r.id,
            label: r.label,
            help: r.help,
            kind,
            required,
            show_if: r.show_if,
            autocomplete: r.autocomplete,
            after: r.after,
            print_label: r.print_label,
            printed: !r.not_printed,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MinAge {
    pub years: u32,
    /// When the minimum depends on sex: the field holding it, and the minimum for women.
    #[serde(default)]
    pub sex_field: Option<String>,
    #[serde(default)]
    pub female_years: Option<u32>,
}

/// A condition on answers.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Cond {
    /// The field's answer is this value.
    Is {
        field: String,
        value: String,
    },
    /// The field's answer is one of these values.
    In {
        field: String,
        values: Vec<String>,
    },
    /// The field has an answer.
    Filled {
        field: String,
    },
    All(Vec<Cond>),
    Any(Vec<Cond>),
    Not(Box<Cond>),
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdCheck {
    pub id_field: String,
    #[serde(default)]
    pub birth_date_field: Option<String>,
    #[serde(default)]
    pub sex_field: Option<String>,
    /// A fixed sex when the form says it ("Bên nữ"): `male` or `female`.
    #[serde(default)]
    pub sex: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRule {
    pub when: Cond,
    /// The paper, as the catalogue names it (matched by its beginning, folded).
    pub document: String,
    /// Why the answers make it necessary, in plain words.
    pub because: String,
}

impl Cond {
    /// Every field id the condition reads.
    pub fn fields(&self) -> Vec<&str> {
        match self {
            Cond::Is { field, .. } | Cond::In { field, .. } | Cond::Filled { field } => vec![field.as_str()],
            Cond::All(v) | Cond::Any(v) => v.iter().flat_map(Cond::fields).collect(),
            Cond::Not(c) => c.fields(),
        }
    }
}

impl FormDef {
    pub fn fields(&self) -> impl Iterator<Item = (&Section, &Field)> {
        self.sections.iter().flat_map(|s| s.fields.iter().map(move |f| (s, f)))
    }

    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields().map(|(_, f)| f).find(|f| f.id == id)
    }

    /// The section a field belongs to.
    pub fn section_of(&self, field_id: &str) -> Option<&Section> {
        self.fields().find(|(_, f)| f.id == field_id).map(|(s, _)| s)
    }

    /// Structural checks: unique ids, conditions and checks that name existing fields, choice
    /// values used in conditions that exist. Returns every problem found.
    pub fn check(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let p = |m: String| format!("{}: {m}", self.id);
        if self.format != FORM_FORMAT {
            problems.push(p(format!("format {} (expected {FORM_FORMAT})", self.format)));
        }
        if self.procedures.is_empty() {
            problems.push(p("no procedure code".into()));
        }
        let mut ids: Vec<&str> = Vec::new();
        let mut section_ids: Vec<&str> = Vec::new();
        for s in &self.sections {
            if section_ids.contains(&s.id.as_str()) {
                problems.push(p(format!("duplicate section id {}", s.id)));
            }
            section_ids.push(&s.id);
            if s.fields.is_empty() {
                problems.push(p(format!("section {} has no field", s.id)));
            }
            if let Some(r) = &s.repeat {
                if r.max == 0 || r.min > r.max {
                    problems.push(p(format!("section {}: repeat needs 0 ≤ min ≤ max and max ≥ 1", s.id)));
                }
                if s.id.contains('#') {
                    problems.push(p(format!("section {}: ids cannot contain #", s.id)));
                }
            }
            for f in &s.fields {
                if ids.contains(&f.id.as_str()) {
                    problems.push(p(format!("duplicate field id {}", f.id)));
                }
                if f.id.contains('#') {
                    problems.push(p(format!("{}: ids cannot contain #", f.id)));
                }
                ids.push(&f.id);
                if let Kind::Choice { options } = &f.kind {
                    if options.len() < 2 {
                        problems.push(p(format!("{}: a choice needs at least 2 options", f.id)));
                    }
                }
            }
        }
        for (signer, n) in self.signers.iter().filter_map(|s| Some((s, s.name.as_deref()?))) {
            if !self.field(n).is_some_and(|f| matches!(f.kind, Kind::Name)) || self.section_of(n).is_some_and(|s| s.repeat.is_some()) {
                problems.push(p(format!("signer {}: {n} is not a name question asked once", signer.title)));
            }
        }
        // Each condition with the repeating section it is evaluated in (if any): a field of a
        // repeating section can only be read from inside that section (item by item).
        let mut conds: Vec<(String, &Cond, Option<&str>)> = Vec::new();
        for s in &self.sections {
            if let Some(c) = &s.show_if {
                conds.push((format!("section {}", s.id), c, None));
            }
            let inside = s.repeat.as_ref().map(|_| s.id.as_str());
            for f in &s.fields {
                if let Some(c) = &f.show_if {
                    conds.push((format!("{} show_if", f.id), c, inside));
                }
                if let Required::When(c) = &f.required {
                    conds.push((format!("{} required", f.id), c, inside));
                }
                if let Some(other) = &f.after {
                    let same_kind = self.field(other).is_some_and(|o| std::mem::discriminant(&o.kind) == std::mem::discriminant(&f.kind));
                    let same_section = self.section_of(other).map(|x| &x.id) == Some(&s.id);
                    if !same_kind || (s.repeat.is_some() && !same_section) {
                        problems.push(p(format!("{}: after names {other}, which is not a field of the same kind (in the same repeating section)", f.id)));
                    }
                }
                if let Kind::Date { min_age: Some(MinAge { sex_field: Some(sf), .. }), .. } = &f.kind {
                    if !ids.contains(&sf.as_str()) {
                        problems.push(p(format!("{}: min_age.sex_field {sf} does not exist", f.id)));
                    }
                }
            }
        }
        for d in &self.documents {
            conds.push((format!("document rule «{}»", d.document), &d.when, None));
        }
        for signer in &self.signers {
            if let Some(c) = &signer.when {
                conds.push((format!("signer {}", signer.title), c, None));
            }
            // Asked always and required, or a hidden or blank answer would drop the box unseen.
            if let Some(born) = &signer.minor {
                let always = self.section_of(born).is_some_and(|s| s.repeat.is_none() && s.show_if.is_none());
                let date =
                    self.field(born).is_some_and(|f| matches!(f.kind, Kind::Date { .. }) && f.show_if.is_none() && matches!(f.required, Required::Always));
                if !always || !date {
                    problems.push(p(format!("signer {}: minor {born} is not a required date question asked always, once", signer.title)));
                }
            }
        }
        for (place, c, inside) in conds {
            self.check_cond(c, &place, &mut problems);
            for field in c.fields() {
                if let Some(s) = self.section_of(field).filter(|s| s.repeat.is_some() && Some(s.id.as_str()) != inside) {
                    problems.push(p(format!("{place}: reads {field} of repeating section {} from outside it", s.id)));
                }
            }
        }
        // Whether a question is shown and required is judged on the answers as typed, which
        // keep the answer to a question since hidden: a condition reading a question itself shown
        // only sometimes (outside the section they share) would be decided by that stale answer.
        // Only the papers' rules and the signers may read one (they read the asked answers, `FormDef::asked`).
        let sometimes = |field: &str, from: Option<&str>| {
            self.section_of(field)
                .zip(self.field(field))
                .is_some_and(|(home, f)| f.show_if.is_some() || (home.show_if.is_some() && Some(home.id.as_str()) != from))
        };
        for s in &self.sections {
            let mut read = s.show_if.iter().flat_map(|c| c.fields()).map(|f| (format!("section {}", s.id), f, None)).collect::<Vec<_>>();
            for f in &s.fields {
                let required = match &f.required {
                    Required::When(c) => Some(c),
                    _ => None,
                };
                read.extend(f.show_if.iter().chain(required).flat_map(|c| c.fields()).map(|x| (f.id.clone(), x, Some(s.id.as_str()))));
            }
            for (place, field, from) in read {
                if sometimes(field, from) {
                    problems.push(p(format!("{place}: a condition reads {field}, a question itself shown only sometimes")));
                }
            }
        }
        for c in &self.id_checks {
            if c.sex.as_deref().is_some_and(|s| s != "male" && s != "female") {
                problems.push(p(format!("id check sex must be male or female, not {:?}", c.sex)));
            }
            for f in [Some(&c.id_field), c.birth_date_field.as_ref(), c.sex_field.as_ref()].into_iter().flatten() {
                if !ids.contains(&f.as_str()) {
                    problems.push(p(format!("id check names missing field {f}")));
                }
                let (home, here) = (self.section_of(&c.id_field), self.section_of(f));
                if home.is_some_and(|h| h.repeat.is_some()) && here.map(|s| &s.id) != home.map(|s| &s.id) {
                    problems.push(p(format!("id check of {}: {f} must be in the same repeating section", c.id_field)));
                }
            }
        }
        problems
    }

    fn check_cond(&self, c: &Cond, place: &str, problems: &mut Vec<String>) {
        let values = |field: &str| -> Option<Vec<String>> {
            match &self.field(field)?.kind {
                Kind::Choice { options } => Some(options.iter().map(|o| o.value.clone()).collect()),
                _ => None,
            }
        };
        match c {
            Cond::Is { field, value } => {
                if self.field(field).is_none() {
                    problems.push(format!("{}: {place}: unknown field {field}", self.id));
                } else if values(field).is_some_and(|v| !v.contains(value)) {
                    problems.push(format!("{}: {place}: {field} has no option «{value}»", self.id));
                }
            }
            Cond::In { field, values: vs } => {
                if self.field(field).is_none() {
                    problems.push(format!("{}: {place}: unknown field {field}", self.id));
                }
                for v in vs {
                    if values(field).is_some_and(|ok| !ok.contains(v)) {
                        problems.push(format!("{}: {place}: {field} has no option «{v}»", self.id));
                    }
                }
            }
            Cond::Filled { field } => {
                if self.field(field).is_none() {
                    problems.push(format!("{}: {place}: unknown field {field}", self.id));
                }
            }
            Cond::All(v) | Cond::Any(v) => v.iter().for_each(|c| self.check_cond(c, place, problems)),
            Cond::Not(c) => self.check_cond(c, place, problems),
        }
    }
}
