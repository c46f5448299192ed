//! The appointment date (ngày hẹn trả kết quả) from when a dossier is received and the
//! procedure's time limit.
//!
//! The rule, written down once:
//! 1. Times are Vietnam time (UTC+7); a receipt time in another offset is converted.
//! 2. **Effective receipt day.** A dossier received on a working day before the cut-off
//!    (15:00 by default, as procedures such as 1.001193 state: "nếu tiếp nhận hồ sơ sau 15 giờ
//!    … trả kết quả trong ngày làm việc tiếp theo") counts as received that day. Received at or
//!    after the cut-off, or on a day off (weekend, holiday, swapped day), it counts as received on
//!    the next working day.
//! 3. **N working days**: the receipt day itself is not counted (Bộ luật Dân sự, Điều 147); the
//!    result is due on the N-th working day after the effective receipt day.
//! 4. **N calendar days**: counted from the day after the effective receipt day; if the last day
//!    is not a working day, the result is due on the next working day (Bộ luật Dân sự, Điều 148).
//! 5. **Within the day (trong ngày)**: due on the effective receipt day.
//! 6. **N working hours**: counted inside office hours (default 07:30–11:30 and 13:00–17:00)
//!    from the receipt time, or from the opening of the next working day if received outside
//!    them; due on the day the hours run out.

use super::date::Date;
use super::holidays::WorkCalendar;

/// A procedure's time limit for one channel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "unit", content = "amount", rename_all = "snake_case")]
pub enum TimeLimit {
    WorkingDays(u32),
    CalendarDays(u32),
    WorkingHours(u32),
    SameDay,
}

/// When the dossier was received, in Vietnam local time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Receipt {
    pub date: Date,
    /// Minutes since local midnight (0..1440).
    pub minute: u16,
}

/// Office hours as minutes since midnight: `[(open, close), …]` in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueRules {
    /// Receipts at or after this minute count from the next working day (default 15:00).
    pub cutoff_minute: u16,
    pub office_hours: Vec<(u16, u16)>,
}

impl Default for DueRules {
    fn default() -> Self {
        DueRules { cutoff_minute: 15 * 60, office_hours: vec![(7 * 60 + 30, 11 * 60 + 30), (13 * 60, 17 * 60)] }
    }
}

/// The result of a due-date computation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due {
    pub date: Date,
    /// For limits in hours: the minute of the day the hours run out.
    pub minute: Option<u16>,
}

/// The Julian day number of 1970-01-01.
const UNIX_EPOCH_JDN: i64 = 2_440_588;

impl Receipt {
    /// The moment `unix_millis` (milliseconds since 1970-01-01 UTC, what every clock gives) in
    /// Vietnam (UTC+7, no daylight saving). The one clock rule of the app and the CLI.
    pub fn from_unix_millis(unix_millis: i64) -> Receipt {
        let minutes = unix_millis.div_euclid(60_000) + 7 * 60;
        Receipt { date: Date::from_jdn(UNIX_EPOCH_JDN + minutes.div_euclid(1440)), minute: minutes.rem_euclid(1440) as u16 }
    }

    /// The moment as seconds since 1970-01-01 UTC (a ZIP entry's date, a PDF's).
    pub fn unix_seconds(self) -> i64 {
        ((self.date.jdn() - UNIX_EPOCH_JDN) * 1440 + i64::from(self.minute) - 7 * 60) * 60
    }

    /// RFC 3339 in Vietnam time, to the minute: `2026-11-25T10:00+07:00`.
    pub fn to_rfc3339(self) -> String {
        format!("{}T{:02}:{:02}:00+07:00", self.date, self.minute / 60, self.minute % 60)
    }

    /// The time of day, `10:00`.
    pub fn clock(self) -> String {
        format!("{:02}:{:02}", self.minute / 60, self.minute % 60)
    }

    /// For people: `25/11/2026 lúc 10:00`.
    pub fn to_vn(self) -> String {
        tr!("calendar.due.date-at-time", "{date} lúc {time}", date = self.date.to_vn(), time = self.clock())
    }

    /// Parses an RFC 3339 date-time (`2026-02-13T16:30:00+07:00`, `…Z`, seconds optional) and
    /// converts it to Vietnam time.
    pub fn parse_rfc3339(s: &str) -> Option<Receipt> {
        let s = s.trim();
        let (date_part, rest) = s.split_once(['T', 't', ' '])?;
        let date = Date::parse_iso(date_part)?;
        let (time_part, offset_minutes) = if let Some(t) = rest.strip_suffix(['Z', 'z']) {
            (t, 0i64)
        } else {
            let i = rest.rfind(['+', '-'])?;
            let (t, off) = rest.split_at(i);
            let sign = if off.starts_with('-') { -1 } else { 1 };
            let off = off[1..].replace(':', "");
            if off.len() != 4 || !off.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let (h, m): (i64, i64) = (off[..2].parse().ok()?, off[2..].parse().ok()?);
            if h > 23 || m > 59 {
                return None;
            }
            (t, sign * (h * 60 + m))
        };
        let mut fields = time_part.split(':');
        let h: i64 = fields.next()?.parse().ok()?;
        let m: i64 = fields.next()?.parse().ok()?;
        if let Some(sec) = fields.next() {
            let whole = sec.split('.').next()?;
            if whole.len() != 2 || whole.parse::<u8>().ok()? > 60 {
                return None;
            }
        }
        if fields.next().is_some() || h > 23 || m > 59 {
            return None;
        }
        let vietnam = h * 60 + m - offset_minutes + 7 * 60;
        let day_shift = vietnam.div_euclid(1440);
        Some(Receipt { date: date.add_days(day_shift), minute: vietnam.rem_euclid(1440) as u16 })
    }
}

/// The day the receipt counts from (rule 2).
pub fn effective_receipt_day(cal: &WorkCalendar, receipt: Receipt, rules: &DueRules) -> Date {
    if cal.is_working_day(receipt.date) && receipt.minute < rules.cutoff_minute {
        receipt.date
    } else {
        cal.next_working_day(receipt.date)
    }
}

/// When the result is due (rules 3–6).
pub fn due_date(cal: &WorkCalendar, receipt: Receipt, limit: TimeLimit, rules: &DueRules) -> Due {
    match limit {
        TimeLimit::SameDay => Due { date: effective_receipt_day(cal, receipt, rules), minute: None },
        TimeLimit::WorkingDays(n) => {
            let mut day = effective_receipt_day(cal, receipt, rules);
            for _ in 0..n {
                day = cal.next_working_day(day);
            }
            Due { date: day, minute: None }
        }
        TimeLimit::CalendarDays(n) => {
            let start = effective_receipt_day(cal, receipt, rules);
            Due { date: cal.this_or_next_working_day(start.add_days(n as i64)), minute: None }
        }
        TimeLimit::WorkingHours(h) => working_hours(cal, receipt, h, rules),
    }
}

fn working_hours(cal: &WorkCalendar, receipt: Receipt, hours: u32, rules: &DueRules) -> Due {
    let mut left = hours as i64 * 60;
    let mut day = receipt.date;
    let mut from = receipt.minute;
    loop {
        if cal.is_working_day(day) {
            for &(open, close) in &rules.office_hours {
                let start = from.max(open);
                if start >= close {
                    continue;
                }
                let available = (close - start) as i64;
                if left <= available {
                    return Due { date: day, minute: Some(start + left as u16) };
                }
                left -= available;
            }
        }
        day = day.next();
        from = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_receipt_time_is_written_in_vietnam_time_and_read_back() {
        let r = Receipt::parse_rfc3339("2026-02-13T09:30:00Z").unwrap();
        assert_eq!(r.to_rfc3339(), "2026-02-13T16:30:00+07:00", "RFC 3339 has the seconds");
        assert_eq!(Receipt::parse_rfc3339("2026-02-13T16:30+07:00"), Some(r), "what older versions wrote still reads");
        assert_eq!(Receipt::parse_rfc3339(&r.to_rfc3339()), Some(r));
    }

    #[test]
    fn a_clock_reading_is_a_time_in_vietnam() {
        // 2026-02-13T09:30:00Z is 16:30 in Hà Nội; 2025-12-31T17:00:00Z is already 1 January.
        assert_eq!(Receipt::from_unix_millis(1_770_975_000_000), Receipt::parse_rfc3339("2026-02-13T16:30:00+07:00").unwrap());
        assert_eq!(Receipt::from_unix_millis(1_767_200_400_000).date, Date::new(2026, 1, 1).unwrap());
        assert_eq!(Receipt::parse_rfc3339("2026-02-13T16:30:00+07:00").unwrap().unix_seconds(), 1_770_975_000);
    }

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }
    fn at(s: &str) -> Receipt {
        Receipt::parse_rfc3339(s).unwrap()
    }
    fn due(received: &str, limit: TimeLimit) -> Date {
        due_date(&WorkCalendar::new(), at(received), limit, &DueRules::default()).date
    }

    #[test]
    fn receipt_times_are_converted_to_vietnam_time() {
        assert_eq!(at("2026-02-13T16:30:00+07:00"), Receipt { date: d("2026-02-13"), minute: 16 * 60 + 30 });
        assert_eq!(at("2026-02-13T20:00:00Z"), Receipt { date: d("2026-02-14"), minute: 3 * 60 });
        assert_eq!(at("2026-02-13T01:00-05:00"), Receipt { date: d("2026-02-13"), minute: 13 * 60 });
        for bad in ["2026-02-13", "2026-02-13T25:00:00+07:00", "2026-02-13T10:00:00+7", "hôm nay", "2026-02-30T10:00Z"] {
            assert_eq!(Receipt::parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn seven_working_days_across_tet_2026() {
        // Friday 13/2/2026 16:30 is after the 15:00 cut-off: counts from Monday 23/2 (Tết is
        // 14–22/2). Seven working days later: 24, 25, 26, 27/2, 2, 3, 4/3.
        assert_eq!(due("2026-02-13T16:30:00+07:00", TimeLimit::WorkingDays(7)), d("2026-03-04"));
        // The same morning: counts from Friday 13/2 itself; 7 working days → 3/3.
        assert_eq!(due("2026-02-13T09:00:00+07:00", TimeLimit::WorkingDays(7)), d("2026-03-03"));
    }

    #[test]
    fn swapped_days_and_make_up_saturdays_count_correctly() {
        // 2025: Friday 2/5 was swapped for Saturday 26/4. Received Thursday 24/4 morning,
        // 3 working days: Friday 25/4, Saturday 26/4 (worked), Monday 28/4.
        assert_eq!(due("2025-04-24T08:00:00+07:00", TimeLimit::WorkingDays(3)), d("2025-04-28"));
        // Received Tuesday 29/4, 2 working days: 30/4–4/5 are off, so Monday 5/5 and Tuesday 6/5.
        assert_eq!(due("2025-04-29T10:00:00+07:00", TimeLimit::WorkingDays(2)), d("2025-05-06"));
    }

    #[test]
    fn a_receipt_on_a_day_off_counts_from_the_next_working_day() {
        // Saturday 7/3/2026 → Monday 9/3; 1 working day → Tuesday 10/3.
        assert_eq!(due("2026-03-07T10:00:00+07:00", TimeLimit::WorkingDays(1)), d("2026-03-10"));
        assert_eq!(due("2026-03-07T10:00:00+07:00", TimeLimit::SameDay), d("2026-03-09"));
    }

    #[test]
    fn same_day_procedures_after_three_pm_are_due_the_next_working_day() {
        assert_eq!(due("2026-03-10T14:59:00+07:00", TimeLimit::SameDay), d("2026-03-10"));
        assert_eq!(due("2026-03-10T15:00:00+07:00", TimeLimit::SameDay), d("2026-03-11"));
    }

    #[test]
    fn calendar_days_ending_on_a_day_off_move_to_the_next_working_day() {
        // Monday 2/2/2026 + 15 days = Tuesday 17/2 (Tết) → Monday 23/2.
        assert_eq!(due("2026-02-02T08:00:00+07:00", TimeLimit::CalendarDays(15)), d("2026-02-23"));
        assert_eq!(due("2026-03-02T08:00:00+07:00", TimeLimit::CalendarDays(10)), d("2026-03-12"));
    }

    #[test]
    fn working_hours_run_inside_office_hours() {
        let cal = WorkCalendar::new();
        let r = DueRules::default();
        // Tuesday 10/3/2026 10:30 + 4 working hours: 1 h to 11:30, 3 h from 13:00 → 16:00.
        let d1 = due_date(&cal, at("2026-03-10T10:30:00+07:00"), TimeLimit::WorkingHours(4), &r);
        assert_eq!((d1.date, d1.minute), (d("2026-03-10"), Some(16 * 60)));
        // Friday 13/3 16:00 + 8 h: 1 h Friday, then Monday 16/3 07:30 + 7 h → 16:00 Monday.
        let d2 = due_date(&cal, at("2026-03-13T16:00:00+07:00"), TimeLimit::WorkingHours(8), &r);
        assert_eq!((d2.date, d2.minute), (d("2026-03-16"), Some(16 * 60)));
    }
}
