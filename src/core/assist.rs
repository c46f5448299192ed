//! Assisted mode ("Hỗ trợ người dân"): a ward officer or a community digital team member fills a
//! dossier with a resident. Who helps is set once on the shared computer ([`Helper`]); each
//! dossier records that help only with the resident's consent ([`Assisted`]), and the package's
//! manifest and receipt say who helped and when the resident agreed.

use serde::{Deserialize, Serialize};

use crate::core::validate::Problem;

/// The longest unit name kept ("UBND phường Hoàn Kiếm, thành phố Hà Nội" fits many times).
pub const MAX_UNIT: usize = 120;

/// The officer helping at this computer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Helper {
    /// Their full name, as the name rules normalise it.
    pub name: String,
    /// Their unit ("UBND phường Hoàn Kiếm", "Tổ công nghệ số cộng đồng xã Tân Lập").
    pub unit: String,
}

/// Why a helper's details are refused, by field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HelperProblem {
    Name(Problem),
    /// The unit is empty or longer than [`MAX_UNIT`].
    Unit {
        limit: usize,
    },
}

impl HelperProblem {
    pub fn message(&self) -> String {
        match self {
            HelperProblem::Name(p) => p.message(),
            HelperProblem::Unit { limit } => {
                tr!("assist.hay-nhap-ten-don-vi", "Hãy nhập tên đơn vị của bạn (tối đa {limit} ký tự), ví dụ: UBND phường Hoàn Kiếm.", limit = limit)
            }
        }
    }
}

impl Helper {
    /// The helper as typed, checked: a person's name by the name rules, a unit that is there.
    pub fn new(name: &str, unit: &str) -> Result<Helper, HelperProblem> {
        let name = crate::core::validate::name::check_name(name).map_err(HelperProblem::Name)?;
        let unit = crate::core::text::clean(unit);
        if unit.is_empty() || unit.chars().count() > MAX_UNIT {
            return Err(HelperProblem::Unit { limit: MAX_UNIT });
        }
        Ok(Helper { name, unit })
    }

    /// "Cán bộ hỗ trợ: Trần Thị Bình (UBND phường Hoàn Kiếm)".
    pub fn line(&self) -> String {
        line(&self.name, &self.unit)
    }

    /// The help recorded in a dossier when the resident agrees, at `at` (RFC 3339, Vietnam time).
    pub fn with_consent(&self, at: String) -> Assisted {
        Assisted { name: self.name.clone(), unit: self.unit.clone(), consent_at: at }
    }
}

/// Who helped with a dossier, recorded once the resident agreed ("Người dân đồng ý để cán bộ
/// nhập giúp"); kept in the dossier (format 5) and written in the package's manifest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assisted {
    pub name: String,
    pub unit: String,
    /// When the resident agreed (RFC 3339, Vietnam time).
    pub consent_at: String,
}

impl Assisted {
    /// The receipt's line: "Cán bộ hỗ trợ: Trần Thị Bình (UBND phường Hoàn Kiếm)".
    pub fn line(&self) -> String {
        line(&self.name, &self.unit)
    }
}

/// One dossier helped, for the ward's own count of who needed help (the seeds ask wards to know
/// which households cannot yet declare online): no name, no answer, nothing of the resident.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Helped {
    /// The day (`2026-11-25`).
    pub date: String,
    pub procedure: String,
    pub procedure_name: String,
    pub channel: Option<crate::core::catalogue::Mode>,
}

impl Helped {
    /// The row a package made `on` that day adds to the count: only for a dossier the resident agreed
    /// to be helped with.
    pub fn of(dossier: &crate::core::dossier::Dossier, procedure_name: &str, on: crate::core::calendar::Date) -> Option<Helped> {
        dossier.assisted.as_ref()?;
        Some(Helped { date: on.to_string(), procedure: dossier.procedure.clone(), procedure_name: procedure_name.to_string(), channel: dossier.channel })
    }
}

/// The count as a CSV file a spreadsheet opens as it is (RFC 4180, CRLF, a UTF-8 byte order mark
/// so that Excel shows Vietnamese): one row per dossier helped, in the order given.
pub fn helped_csv(rows: &[Helped]) -> String {
    let mut out = String::from("\u{FEFF}Ngày,Mã thủ tục,Tên thủ tục,Cách nộp,Kết quả\r\n");
    for r in rows {
        let channel = r.channel.map_or("Chưa chọn", |c| c.label_vi());
        let fields = [r.date.as_str(), r.procedure.as_str(), r.procedure_name.as_str(), channel, "Đã lập gói hồ sơ"];
        out.push_str(&fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_field(f: &str) -> String {
    if f.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_string()
    }
}

fn line(name: &str, unit: &str) -> String {
    tr!("assist.can-bo-ho-tro", "Cán bộ hỗ trợ: {name} ({unit})", name = name, unit = unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_helper_is_a_person_s_name_and_a_unit() {
        let h = Helper::new("  trần   thị bình ", " UBND  phường Hoàn Kiếm ").unwrap();
        assert_eq!((h.name.as_str(), h.unit.as_str()), ("Trần Thị Bình", "UBND phường Hoàn Kiếm"));
        assert!(matches!(Helper::new("Bình 2", "UBND"), Err(HelperProblem::Name(_))));
        assert_eq!(Helper::new("Trần Thị Bình", "  "), Err(HelperProblem::Unit { limit: MAX_UNIT }));
        assert_eq!(Helper::new("Trần Thị Bình", &"x".repeat(MAX_UNIT + 1)), Err(HelperProblem::Unit { limit: MAX_UNIT }));
        assert!(HelperProblem::Unit { limit: MAX_UNIT }.message().contains("tên đơn vị"));
    }

    #[test]
    fn the_ward_s_count_is_a_csv_a_spreadsheet_opens_with_nothing_of_the_resident() {
        let rows = [
            Helped {
                date: "2026-11-25".into(),
                procedure: "2.000815".into(),
                procedure_name: "Chứng thực bản sao".into(),
                channel: Some(crate::core::catalogue::Mode::InPerson),
            },
            Helped { date: "2026-11-26".into(), procedure: "1.001193".into(), procedure_name: "Đăng ký khai sinh, \"lưu động\"".into(), channel: None },
        ];
        let csv = helped_csv(&rows);
        assert!(csv.starts_with('\u{FEFF}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').split("\r\n").collect();
        assert_eq!(lines[0], "Ngày,Mã thủ tục,Tên thủ tục,Cách nộp,Kết quả");
        assert_eq!(lines[1], "2026-11-25,2.000815,Chứng thực bản sao,Trực tiếp,Đã lập gói hồ sơ");
        assert_eq!(lines[2], "2026-11-26,1.001193,\"Đăng ký khai sinh, \"\"lưu động\"\"\",Chưa chọn,Đã lập gói hồ sơ");
        assert_eq!(lines[3], "");
    }

    #[test]
    fn only_a_dossier_the_resident_agreed_to_be_helped_with_counts() {
        let now = crate::core::calendar::Receipt::parse_rfc3339("2026-11-25T10:00:00+07:00").unwrap();
        let mut d = crate::core::dossier::Dossier::new("2.000815".into(), "2.000815".into(), "2026-07".into(), now);
        assert_eq!(Helped::of(&d, "Chứng thực bản sao", now.date), None);
        d.assisted = Some(Helper::new("Trần Thị Bình", "UBND phường Hoàn Kiếm").unwrap().with_consent(now.to_rfc3339()));
        d.channel = Some(crate::core::catalogue::Mode::InPerson);
        let row = Helped::of(&d, "Chứng thực bản sao", now.date).unwrap();
        assert_eq!((row.date.as_str(), row.procedure.as_str(), row.channel), ("2026-11-25", "2.000815", Some(crate::core::catalogue::Mode::InPerson)));
        assert!(!serde_json::to_string(&row).unwrap().contains("Bình"), "nothing of the people in the row");
    }

    #[test]
    fn consent_records_who_helped_and_when() {
        let a = Helper::new("Trần Thị Bình", "UBND phường Hoàn Kiếm").unwrap().with_consent("2026-11-25T10:00+07:00".into());
        assert_eq!(a.line(), "Cán bộ hỗ trợ: Trần Thị Bình (UBND phường Hoàn Kiếm)");
        assert_eq!(serde_json::from_str::<Assisted>(&serde_json::to_string(&a).unwrap()).unwrap(), a);
    }
}
