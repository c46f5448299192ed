//! The catalogue index: what the app loads at start (≈ one line per procedure) to search and
//! browse. Full procedures are separate files loaded on demand.

use serde::{Deserialize, Serialize};

use super::model::Procedure;

/// `public/catalogue/index.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Index {
    /// [`super::FORMAT_VERSION`] of the files.
    pub format: u32,
    /// The catalogue's version: the source snapshot it was built from (e.g. `2026-07`).
    pub catalogue_version: String,
    /// Where the data comes from, for people.
    pub source: String,
    pub fields: Vec<String>,
    pub levels: Vec<String>,
    pub ministries: Vec<String>,
    pub entries: Vec<IndexEntry>,
}

/// One procedure in the index, serialised as a compact array:
/// `[code, name, field, [levels…], ministry, keys, who]` (`who` may be absent in older files).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry(
    /// Code.
    pub String,
    /// Name.
    pub String,
    /// Index into `Index::fields`.
    pub u16,
    /// Indices into `Index::levels`.
    pub Vec<u8>,
    /// Index into `Index::ministries`.
    pub u8,
    /// Extra search text: the names of the results ("Giấy khai sinh"), separated by " · ".
    pub String,
    /// Who may apply, as [`who`] bits; 0 when the source does not say.
    #[serde(default)]
    pub u8,
);

/// Who may apply for a procedure, as bits of [`IndexEntry::who`]: search prefers what a person
/// can do themself over what only a business or an agency does.
pub mod who {
    /// Citizens, foreigners, Vietnamese living abroad.
    pub const PEOPLE: u8 = 1;
    /// Businesses and cooperatives.
    pub const BUSINESSES: u8 = 2;
    /// Organisations, foreign organisations, party bodies.
    pub const ORGANISATIONS: u8 = 4;
    /// Officials and party members, in that capacity.
    pub const OFFICIALS: u8 = 8;

    /// The bits of the source's applicant list ("Công dân Việt Nam", "Doanh nghiệp"…).
    pub fn of(applicants: &[String]) -> u8 {
        applicants.iter().fold(0, |bits, a| {
            let a = crate::core::text::fold(a);
            bits | if a.starts_with("cong dan") || a.starts_with("nguoi") {
                PEOPLE
            } else if a.starts_with("doanh nghiep") || a.starts_with("hop tac xa") {
                BUSINESSES
            } else if a.starts_with("to chuc") {
                ORGANISATIONS
            } else if a.starts_with("can bo") || a.starts_with("dang vien") {
                OFFICIALS
            } else {
                0
            }
        })
    }
}

impl IndexEntry {
    pub fn code(&self) -> &str {
        &self.0
    }
    pub fn name(&self) -> &str {
        &self.1
    }
    pub fn keys(&self) -> &str {
        &self.5
    }
}

impl Index {
    /// Builds the index from imported procedures (sorted by code for stable output).
    pub fn build(catalogue_version: &str, source: &str, procedures: &[Procedure]) -> Index {
        let mut fields: Vec<String> = procedures.iter().map(|p| p.field.clone()).collect();
        crate::core::order::sort_by_key(&mut fields, |f| crate::core::text::fold(f));
        fields.dedup();
        let mut levels: Vec<String> = procedures.iter().flat_map(|p| p.levels.iter().cloned()).collect();
        crate::core::order::sort(&mut levels);
        levels.dedup();
        let mut ministries: Vec<String> = procedures.iter().map(|p| p.ministry.clone()).collect();
        crate::core::order::sort(&mut ministries);
        ministries.dedup();
        let pos = |v: &[String], x: &str| v.iter().position(|y| y == x).unwrap_or(0);
        let mut entries: Vec<IndexEntry> = procedures
            .iter()
            .map(|p| {
                let keys: Vec<&str> = p.results.iter().map(|r| r.name.as_str()).filter(|n| n.chars().count() <= 120).collect();
                IndexEntry(
                    p.code.clone(),
                    p.name.clone(),
                    pos(&fields, &p.field) as u16,
                    p.levels.iter().map(|l| pos(&levels, l) as u8).collect(),
                    pos(&ministries, &p.ministry) as u8,
                    keys.join(" · "),
                    who::of(&p.applicants),
                )
            })
            .collect();
        crate::core::order::sort_by(&mut entries, |a, b| a.0.cmp(&b.0));
        Index {
            format: super::FORMAT_VERSION,
            catalogue_version: catalogue_version.to_string(),
            source: source.to_string(),
            fields,
            levels,
            ministries,
            entries,
        }
    }

    pub fn field_of(&self, e: &IndexEntry) -> &str {
        self.fields.get(e.2 as usize).map(String::as_str).unwrap_or("")
    }

    pub fn levels_of(&self, e: &IndexEntry) -> Vec<&str> {
        e.3.iter().filter_map(|i| self.levels.get(*i as usize).map(String::as_str)).collect()
    }

    pub fn find(&self, code: &str) -> Option<&IndexEntry> {
        self.entries.binary_search_by(|e| e.0.as_str().cmp(code)).ok().map(|i| &self.entries[i])
    }
}

/// A procedure's name for a list of dossiers: the index's, else "Thủ tục <code>" (the index not
/// loaded yet, or a code it no longer has).
pub fn procedure_name(index: Option<&Index>, code: &str) -> String {
    index.and_then(|i| i.find(code)).map_or_else(|| tr!("catalogue.index.thu-tuc", "Thủ tục {code}", code = code), |e| e.1.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dossier_s_procedure_is_named_by_the_index_or_else_by_its_code() {
        let index = Index {
            format: 1,
            catalogue_version: "2026-07".into(),
            source: String::new(),
            fields: vec!["Chứng thực".into()],
            levels: Vec::new(),
            ministries: Vec::new(),
            entries: vec![IndexEntry("2.000815".into(), "Chứng thực bản sao".into(), 0, Vec::new(), 0, String::new(), 0)],
        };
        assert_eq!(procedure_name(Some(&index), "2.000815"), "Chứng thực bản sao");
        assert_eq!(procedure_name(Some(&index), "9.999999"), "Thủ tục 9.999999", "a code the index no longer has");
        assert_eq!(procedure_name(None, "2.000815"), "Thủ tục 2.000815", "the index not loaded yet");
    }
}
