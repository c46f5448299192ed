//! Official days off for state agencies, which is the calendar administrative time limits are
//! counted in.
//!
//! Rules that hold every year (Bộ luật Lao động 2019, Điều 112):
//! - 1/1 Tết Dương lịch; 5 days of Tết Nguyên Đán; 10/3 lunar Giỗ Tổ Hùng Vương; 30/4; 1/5;
//!   2/9 Quốc khánh and, from 2021 (Bộ luật Lao động 2019), one adjacent day; from 2026, 24/11
//!   Ngày Văn hóa Việt Nam (Nghị quyết 80-NQ/TW; a paid day off).
//! - A holiday that falls on a weekly day off (Saturday, Sunday) is compensated on the next
//!   working day (nghỉ bù).
//!
//! What each year's decision fixes — which 5 days of Tết, which day next to 2/9, swapped
//! working days — lives in `decisions.json`, so next year's decision is a data change.
//! Without a decision, Tết is the last day of the old lunar year plus the first four days of the
//! new one, and the day next to 2/9 is the one that joins a weekend (1/9 when both or neither do).

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::date::{Date, Weekday};
use super::lunar::{from_lunar, to_lunar, LunarDate};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DayOffKind {
    /// The holiday itself.
    Holiday,
    /// A compensatory day for a holiday that fell on a weekend (nghỉ bù).
    Observed,
    /// A working day swapped with a weekend day that is worked instead (hoán đổi).
    Swapped,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DayOff {
    pub date: Date,
    pub name: String,
    pub kind: DayOffKind,
}

/// A weekend day worked in exchange for a swapped day off (ngày làm bù).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct WorkedWeekendDay {
    pub date: Date,
    pub reason: String,
}

#[derive(Deserialize)]
struct Decisions {
    years: Vec<YearDecision>,
}

#[derive(Clone, Deserialize)]
struct YearDecision {
    year: i32,
    #[allow(dead_code)]
    sources: Vec<String>,
    tet_days_off: Option<Vec<Date>>,
    national_day_adjacent: Option<Date>,
    #[serde(default)]
    swaps: Vec<Swap>,
    #[serde(default)]
    extra_days_off: Vec<ExtraDayOff>,
}

#[derive(Clone, Deserialize)]
struct Swap {
    day_off: Date,
    work_day: Date,
    reason: String,
}

#[derive(Clone, Deserialize)]
struct ExtraDayOff {
    date: Date,
    name: String,
}

const DECISIONS_JSON: &str = include_str!("decisions.json");

/// Decisions published after this build, installed from a fetched `decisions.json` (the app's
/// `calendar/decisions.json`, refreshed when online): they take the place of the bundled ones.
static INSTALLED: std::sync::RwLock<Vec<YearDecision>> = std::sync::RwLock::new(Vec::new());

fn decision_for(year: i32) -> Option<YearDecision> {
    if let Some(d) = INSTALLED.read().ok().and_then(|i| i.iter().find(|d| d.year == year).cloned()) {
        return Some(d);
    }
    // Parsed once; a broken file is caught by the tests below.
    static ALL: std::sync::OnceLock<Decisions> = std::sync::OnceLock::new();
    let all = ALL.get_or_init(|| serde_json::from_str(DECISIONS_JSON).expect("decisions.json is valid (checked by tests)"));
    all.years.iter().find(|d| d.year == year).cloned()
}

/// Why a decisions file is not taken, typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecisionsProblem {
    /// Not a decisions file (not JSON, or not its shape).
    NotDecisions,
    /// A year breaks a rule every decision keeps (a source cited, swaps of a working day for a
    /// weekend day, Tết days on weekdays of that year).
    Invalid { year: i32, detail: String },
}

impl DecisionsProblem {
    /// For the developer who sent the file (a portal's `hoso:init`, `hoso embed init`).
    pub fn message(&self) -> String {
        match self {
            DecisionsProblem::NotDecisions => "không đúng dạng calendar/decisions.json".into(),
            DecisionsProblem::Invalid { year, detail } => format!("quyết định năm {year} không hợp lệ: {detail}"),
        }
    }
}

fn check(all: &Decisions) -> Result<(), DecisionsProblem> {
    for y in &all.years {
        let invalid = |detail: String| Err(DecisionsProblem::Invalid { year: y.year, detail });
        if y.sources.is_empty() {
            return invalid("a decision must cite its source".into());
        }
        for s in &y.swaps {
            if s.day_off.year() != y.year || s.day_off.weekday().is_weekend() || !s.work_day.weekday().is_weekend() {
                return invalid(format!("swap {} ↔ {}", s.day_off, s.work_day));
            }
        }
        if y.tet_days_off.iter().flatten().any(|t| t.weekday().is_weekend() || t.year() != y.year) {
            return invalid("Tết days are weekdays of the year".into());
        }
    }
    Ok(())
}

/// Takes the decisions of a fetched `decisions.json` (newer than this build's, or the same): from
/// now on they decide their years. Returns the years taken; a file that breaks a rule changes
/// nothing.
pub fn install_decisions(json: &str) -> Result<Vec<i32>, DecisionsProblem> {
    let all: Decisions = serde_json::from_str(json).map_err(|_| DecisionsProblem::NotDecisions)?;
    check(&all)?;
    let years: Vec<i32> = all.years.iter().map(|y| y.year).collect();
    if let Ok(mut installed) = INSTALLED.write() {
        installed.retain(|d| !years.contains(&d.year));
        installed.extend(all.years);
    }
    Ok(years)
}

/// Every official day off in `year` that is not an ordinary weekend, in date order.
pub fn days_off(year: i32) -> Vec<DayOff> {
    year_plan(year).days_off
}

/// Whether the year's decision on days off (Tết, swaps) is in `decisions.json`; without it the
/// year is computed by the general rules and may change when the decision is published.
pub fn decided(year: i32) -> bool {
    decision_for(year).is_some()
}

/// Weekend days worked in `year` in exchange for swapped days off.
pub fn worked_weekend_days(year: i32) -> Vec<WorkedWeekendDay> {
    year_plan(year).worked
}

struct YearPlan {
    days_off: Vec<DayOff>,
    worked: Vec<WorkedWeekendDay>,
}

fn year_plan(year: i32) -> YearPlan {
    let decision = decision_for(year);
    let mut holidays: Vec<(Date, String)> = Vec::new();
    let fixed = |m, d| Date::new(year, m, d).expect("fixed holiday exists");

    holidays.push((fixed(1, 1), "Tết Dương lịch".into()));
    let decided_tet = decision.as_ref().and_then(|d| d.tet_days_off.clone());
    let tet_days = decided_tet.clone().unwrap_or_else(|| default_tet_days(year));
    for day in tet_days {
        holidays.push((day, tet_day_name(day)));
    }
    if let Some(gio_to) = from_lunar(LunarDate { year, month: 3, day: 10, leap_month: false }) {
        holidays.push((gio_to, "Giỗ Tổ Hùng Vương (10/3 âm lịch)".into()));
    }
    holidays.push((fixed(4, 30), "Ngày Chiến thắng (30/4)".into()));
    holidays.push((fixed(5, 1), "Ngày Quốc tế Lao động (1/5)".into()));
    let national_day = fixed(9, 2);
    holidays.push((national_day, "Quốc khánh (2/9)".into()));
    if year >= 2021 {
        let adjacent = decision.as_ref().and_then(|d| d.national_day_adjacent).unwrap_or_else(|| default_national_day_adjacent(national_day));
        holidays.push((adjacent, "Quốc khánh (ngày liền kề)".into()));
    }
    if year >= 2026 {
        holidays.push((fixed(11, 24), "Ngày Văn hóa Việt Nam (24/11)".into()));
    }
    crate::core::order::sort(&mut holidays);

    let mut taken: BTreeSet<Date> = holidays.iter().map(|(d, _)| *d).collect();
    let mut out: Vec<DayOff> = holidays
        .iter()
        .filter(|(d, _)| !d.weekday().is_weekend())
        .map(|(date, name)| DayOff { date: *date, name: name.clone(), kind: DayOffKind::Holiday })
        .collect();

    // A decided Tết already accounts for weekends; every other holiday on a weekend is
    // compensated on the next day that is neither a weekend nor already off.
    for (date, name) in &holidays {
        let decided = decided_tet.as_ref().is_some_and(|t| t.contains(date));
        if date.weekday().is_weekend() && !decided {
            let mut next = date.next();
            while next.weekday().is_weekend() || taken.contains(&next) {
                next = next.next();
            }
            taken.insert(next);
            out.push(DayOff { date: next, name: format!("Nghỉ bù {name}"), kind: DayOffKind::Observed });
        }
    }

    let mut worked = Vec::new();
    if let Some(decision) = &decision {
        for swap in &decision.swaps {
            out.push(DayOff {
                date: swap.day_off,
                name: format!("Nghỉ hoán đổi, làm bù {} {}", swap.work_day.weekday().name_vi(), swap.work_day.to_vn()),
                kind: DayOffKind::Swapped,
            });
            worked.push(WorkedWeekendDay { date: swap.work_day, reason: swap.reason.clone() });
        }
        for extra in &decision.extra_days_off {
            out.push(DayOff { date: extra.date, name: extra.name.clone(), kind: DayOffKind::Holiday });
        }
    }
    crate::core::order::sort_by_key(&mut out, |d| d.date);
    out.dedup_by_key(|d| d.date);
    YearPlan { days_off: out, worked }
}

/// Without a decision: the last day of the old lunar year and the first four of the new one, a
/// Saturday among them moved to the working day before and a Sunday to the one after (as every
/// decision from 2020 to 2026 did: 2024's Saturday mùng 1 made Thursday 8/2 a day off).
fn default_tet_days(year: i32) -> Vec<Date> {
    let Some(first) = from_lunar(LunarDate { year, month: 1, day: 1, leap_month: false }) else { return Vec::new() };
    let days: Vec<Date> = (-1..=3).map(|n| first.add_days(n)).collect();
    let mut out: Vec<Date> = days.iter().copied().filter(|d| !d.weekday().is_weekend()).collect();
    for d in days {
        let step = match d.weekday() {
            Weekday::Saturday => -1,
            Weekday::Sunday => 1,
            _ => continue,
        };
        let mut moved = d.add_days(step);
        while moved.weekday().is_weekend() || out.contains(&moved) {
            moved = moved.add_days(step);
        }
        out.push(moved);
    }
    crate::core::order::sort(&mut out);
    out
}

fn tet_day_name(day: Date) -> String {
    match to_lunar(day) {
        Some(l) if l.month == 1 => format!("Tết Nguyên đán (mùng {} tháng Giêng)", l.day),
        Some(l) => format!("Tết Nguyên đán ({} tháng Chạp)", l.day),
        None => "Tết Nguyên đán".into(),
    }
}

/// The day next to 2/9 that joins a weekend; 1/9 when both or neither would.
fn default_national_day_adjacent(national_day: Date) -> Date {
    let (before, after) = (national_day.add_days(-1), national_day.next());
    match national_day.weekday() {
        Weekday::Monday | Weekday::Sunday => after,
        Weekday::Thursday => after,
        _ => before,
    }
}

/// One year's days off and worked weekend days, as sets.
type YearSets = (BTreeSet<Date>, BTreeSet<Date>);

/// Answers "is this a working day?" for any date, computing each year's plan once.
#[derive(Default)]
pub struct WorkCalendar {
    years: RefCell<BTreeMap<i32, YearSets>>,
}

impl WorkCalendar {
    pub fn new() -> Self {
        Self::default()
    }

    /// Monday to Friday, except days off; plus weekend days worked in exchange for a swap.
    pub fn is_working_day(&self, date: Date) -> bool {
        let mut years = self.years.borrow_mut();
        let (off, worked) = years.entry(date.year()).or_insert_with(|| {
            let plan = year_plan(date.year());
            (plan.days_off.iter().map(|d| d.date).collect(), plan.worked.iter().map(|w| w.date).collect())
        });
        if worked.contains(&date) {
            return true;
        }
        !date.weekday().is_weekend() && !off.contains(&date)
    }

    /// The first working day strictly after `date`.
    pub fn next_working_day(&self, date: Date) -> Date {
        let mut d = date.next();
        while !self.is_working_day(d) {
            d = d.next();
        }
        d
    }

    /// `date` itself if it is a working day, otherwise the next one.
    pub fn this_or_next_working_day(&self, date: Date) -> Date {
        if self.is_working_day(date) {
            date
        } else {
            self.next_working_day(date)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }
    fn dates(year: i32) -> Vec<String> {
        days_off(year).iter().map(|d| d.date.to_string()).collect()
    }

    #[test]
    fn decisions_file_is_valid_and_consistent() {
        let all: Decisions = serde_json::from_str(DECISIONS_JSON).unwrap();
        assert_eq!(check(&all), Ok(()));
    }

    #[test]
    fn a_fetched_decision_decides_its_year_and_a_broken_one_changes_nothing() {
        // 2031 is far enough that no other test counts through it.
        assert!(!decided(2031));
        let broken = r#"{"years":[{"year":2031,"sources":[],"tet_days_off":null,"national_day_adjacent":null}]}"#;
        assert!(matches!(install_decisions(broken), Err(DecisionsProblem::Invalid { year: 2031, .. })));
        assert_eq!(install_decisions("<html>"), Err(DecisionsProblem::NotDecisions));
        assert!(!decided(2031));
        let published = r#"{"years":[{"year":2031,"sources":["Thông báo (thử)"],"tet_days_off":null,"national_day_adjacent":null,
            "swaps":[{"day_off":"2031-05-02","work_day":"2031-05-10","reason":"Kéo dài kỳ nghỉ"}]}]}"#;
        assert_eq!(install_decisions(published), Ok(vec![2031]));
        assert!(decided(2031));
        assert!(!WorkCalendar::new().is_working_day(d("2031-05-02")) && WorkCalendar::new().is_working_day(d("2031-05-10")));
    }

    #[test]
    fn days_off_2025_match_the_official_decision() {
        // Tết 25/1–2/2 (weekdays 27–31/1); Giỗ Tổ Monday 7/4; 30/4–4/5 with 2/5 swapped for
        // Saturday 26/4; Quốc khánh 30/8–2/9 (1/9 and 2/9).
        assert_eq!(
            dates(2025),
            [
                "2025-01-01",
                "2025-01-27",
                "2025-01-28",
                "2025-01-29",
                "2025-01-30",
                "2025-01-31",
                "2025-04-07",
                "2025-04-30",
                "2025-05-01",
                "2025-05-02",
                "2025-09-01",
                "2025-09-02"
            ]
        );
        let cal = WorkCalendar::new();
        assert!(cal.is_working_day(d("2025-04-26")), "Saturday 26/4/2025 was a make-up working day");
        assert!(!cal.is_working_day(d("2025-05-02")));
    }

    #[test]
    fn days_off_2026_match_the_official_decisions() {
        let off = days_off(2026);
        let list: Vec<String> = off.iter().map(|d| d.date.to_string()).collect();
        assert_eq!(
            list,
            [
                "2026-01-01",
                "2026-01-02",
                "2026-02-16",
                "2026-02-17",
                "2026-02-18",
                "2026-02-19",
                "2026-02-20",
                "2026-04-27",
                "2026-04-30",
                "2026-05-01",
                "2026-08-31",
                "2026-09-01",
                "2026-09-02",
                "2026-11-24"
            ]
        );
        // Quốc khánh 29/8 – 2/9: Monday 31/8 swapped with Saturday 22/8, which is worked.
        assert!(WorkCalendar::new().is_working_day(d("2026-08-22")));
        let culture = off.iter().find(|o| o.date == d("2026-11-24")).unwrap();
        assert_eq!((culture.kind, culture.name.as_str()), (DayOffKind::Holiday, "Ngày Văn hóa Việt Nam (24/11)"));
        // Giỗ Tổ 2026 is Sunday 26/4: compensated on Monday 27/4.
        let observed = off.iter().find(|o| o.date == d("2026-04-27")).unwrap();
        assert_eq!(observed.kind, DayOffKind::Observed);
        assert!(observed.name.contains("Giỗ Tổ Hùng Vương"));
        assert!(WorkCalendar::new().is_working_day(d("2026-01-10")), "Saturday 10/1/2026 was worked");
    }

    #[test]
    fn holidays_on_weekends_are_compensated_on_the_next_free_working_day() {
        // 2027: 1/5 is a Saturday → Monday 3/5. 2028: 30/4 Sunday and 1/5 Monday → 2/5.
        assert!(dates(2027).contains(&"2027-05-03".to_string()));
        let y2028 = dates(2028);
        assert!(y2028.contains(&"2028-05-01".to_string()) && y2028.contains(&"2028-05-02".to_string()));
        // 2022: 2/9 Friday; rule's adjacent day 1/9 Thursday.
        assert!(dates(2022).contains(&"2022-09-01".to_string()));
    }

    #[test]
    fn tet_without_a_decision_is_five_days_around_the_new_year() {
        // Tết 2027 is Saturday 6/2: 5/2 (last day of the year) and 8–9/2 are weekdays; Saturday
        // 6/2 moves to Thursday 4/2 and Sunday 7/2 to Wednesday 10/2.
        let y = days_off(2027);
        let tet: Vec<String> = y.iter().filter(|d| d.name.contains("Tết Nguyên đán")).map(|d| d.date.to_string()).collect();
        assert_eq!(tet, ["2027-02-04", "2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"]);
        assert!(!decided(2027), "2027's decision is not published yet");
        // The rule gives what each published decision gave.
        for year in 2020..=2026 {
            assert_eq!(default_tet_days(year), decision_for(year).unwrap().tet_days_off.clone().unwrap(), "{year}");
        }
    }

    #[test]
    fn days_off_2020_to_2024_match_the_published_decisions_and_a_public_dataset() {
        // As listed by vacanza/holidays 0.109 (Vietnam, observed days included), which cites the
        // Labour Codes and the yearly dispatches; weekends left out.
        let expected: [(i32, &[&str]); 5] = [
            (2020, &["01-01", "01-23", "01-24", "01-27", "01-28", "01-29", "04-02", "04-30", "05-01", "09-02"]),
            (2021, &["01-01", "02-10", "02-11", "02-12", "02-15", "02-16", "04-21", "04-30", "05-03", "09-02", "09-03"]),
            (2022, &["01-03", "01-31", "02-01", "02-02", "02-03", "02-04", "04-11", "05-02", "05-03", "09-01", "09-02"]),
            (2023, &["01-02", "01-20", "01-23", "01-24", "01-25", "01-26", "05-01", "05-02", "05-03", "09-01", "09-04"]),
            (2024, &["01-01", "02-08", "02-09", "02-12", "02-13", "02-14", "04-18", "04-29", "04-30", "05-01", "09-02", "09-03"]),
        ];
        for (year, days) in expected {
            let want: Vec<String> = days.iter().map(|md| format!("{year}-{md}")).collect();
            assert_eq!(dates(year), want, "{year}");
        }
        assert!(WorkCalendar::new().is_working_day(d("2024-05-04")), "Saturday 4/5/2024 was worked");
        // Before the 2019 Labour Code, Quốc khánh was one day.
        assert!(WorkCalendar::new().is_working_day(d("2020-09-03")) && WorkCalendar::new().is_working_day(d("2020-09-01")));
    }

    #[test]
    fn ordinary_weekends_are_not_listed_and_each_date_once() {
        for year in 2000..=2100 {
            let off = days_off(year);
            for w in off.windows(2) {
                assert!(w[0].date < w[1].date, "{year}: sorted and unique");
            }
            for day in &off {
                assert_eq!(day.date.year(), year);
                assert!(!day.date.weekday().is_weekend(), "{}: {}", day.date, day.name);
            }
            // 11 legal holiday days a year; some on weekends become observed days.
            assert!((9..=14).contains(&off.len()), "{year}: {} days", off.len());
        }
    }
}
