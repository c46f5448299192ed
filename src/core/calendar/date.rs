//! Gregorian calendar dates as plain values, with conversions to and from the Julian day number.

use std::fmt;

/// A day in the (proleptic) Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Saturday | Weekday::Sunday)
    }

    /// The Vietnamese name: "Thứ Hai" … "Chủ nhật".
    pub fn name_vi(self) -> &'static str {
        match self {
            Weekday::Monday => tr!("calendar.date.thu-hai", "Thứ Hai"),
            Weekday::Tuesday => tr!("calendar.date.thu-ba", "Thứ Ba"),
            Weekday::Wednesday => tr!("calendar.date.thu-tu", "Thứ Tư"),
            Weekday::Thursday => tr!("calendar.date.thu-nam", "Thứ Năm"),
            Weekday::Friday => tr!("calendar.date.thu-sau", "Thứ Sáu"),
            Weekday::Saturday => tr!("calendar.date.thu-bay", "Thứ Bảy"),
            Weekday::Sunday => tr!("calendar.date.chu-nhat", "Chủ nhật"),
        }
    }
}

impl Date {
    /// A valid date, or `None` (e.g. 30 February).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }
    pub fn month(self) -> u8 {
        self.month
    }
    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses `YYYY-MM-DD` (ISO 8601).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| s.get(r)?.parse::<u32>().ok();
        Date::new(num(0..4)? as i32, num(5..7)? as u8, num(8..10)? as u8)
    }

    /// Parses `dd/mm/yyyy`, the way dates are written in Vietnam (also `d/m/yyyy`, and with `-` or
    /// `.` instead of `/`, the same separator both times). The year comes last, so an ISO
    /// `yyyy-mm-dd` is not one.
    pub fn parse_vn(s: &str) -> Option<Date> {
        let s = s.trim();
        let sep = s.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
        let mut parts = s.split(sep);
        let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        let digits = |p: &str, len: std::ops::RangeInclusive<usize>| len.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
        if parts.next().is_some() || !digits(d, 1..=2) || !digits(m, 1..=2) || !digits(y, 4..=4) {
            return None;
        }
        Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// The Julian day number (days since 1 January 4713 BC, Julian calendar).
    pub fn jdn(self) -> i64 {
        let a = (14 - self.month as i64) / 12;
        let y = self.year as i64 + 4800 - a;
        let m = self.month as i64 + 12 * a - 3;
        self.day as i64 + (153 * m + 2) / 5 + 365 * y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400) - 32045
    }

    pub fn from_jdn(jdn: i64) -> Date {
        let a = jdn + 32044;
        let b = (4 * a + 3).div_euclid(146097);
        let c = a - (146097 * b).div_euclid(4);
        let d = (4 * c + 3).div_euclid(1461);
        let e = c - (1461 * d).div_euclid(4);
        let m = (5 * e + 2).div_euclid(153);
        let day = (e - (153 * m + 2).div_euclid(5) + 1) as u8;
        let month = (m + 3 - 12 * (m / 10)) as u8;
        let year = (b * 100 + d - 4800 + m / 10) as i32;
        Date { year, month, day }
    }

    pub fn weekday(self) -> Weekday {
        match self.jdn().rem_euclid(7) {
            0 => Weekday::Monday,
            1 => Weekday::Tuesday,
            2 => Weekday::Wednesday,
            3 => Weekday::Thursday,
            4 => Weekday::Friday,
            5 => Weekday::Saturday,
            _ => Weekday::Sunday,
        }
    }

    pub fn add_days(self, n: i64) -> Date {
        Date::from_jdn(self.jdn() + n)
    }

    pub fn next(self) -> Date {
        self.add_days(1)
    }

    /// `dd/mm/yyyy`, for people.
    pub fn to_vn(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

/// ISO 8601 `YYYY-MM-DD`, for machines.
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| serde::de::Error::custom(format!("not a YYYY-MM-DD date: {s}")))
    }
}

pub fn is_leap_year(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(y) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn julian_day_numbers_round_trip() {
        assert_eq!(d("2000-01-01").jdn(), 2451545);
        assert_eq!(d("1900-01-01").jdn(), 2415021);
        for jdn in 2_300_000..2_600_000 {
            assert_eq!(Date::from_jdn(jdn).jdn(), jdn);
        }
    }

    #[test]
    fn weekdays() {
        assert_eq!(d("2026-02-17").weekday(), Weekday::Tuesday);
        assert_eq!(d("2026-11-25").weekday(), Weekday::Wednesday);
        assert_eq!(d("1975-04-30").weekday(), Weekday::Wednesday);
    }

    #[test]
    fn invalid_dates_are_refused() {
        assert!(Date::new(2026, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::parse_iso("2026-13-01").is_none());
        assert!(Date::parse_iso("2026-1-01").is_none());
        assert!(Date::parse_iso("２026-01-01").is_none());
    }

    #[test]
    fn vietnamese_format() {
        assert_eq!(Date::parse_vn("5/9/2026"), Date::new(2026, 9, 5));
        assert_eq!(Date::parse_vn("31/12/2025").unwrap().to_vn(), "31/12/2025");
        assert!(Date::parse_vn("31/11/2025").is_none());
        assert!(Date::parse_vn("2025/11/30").is_none());
    }

    #[test]
    fn a_vietnamese_date_may_be_written_with_dashes_or_dots() {
        for written in ["15/03/1999", "15-03-1999", "15.03.1999", "15-3-1999", " 15.3.1999 "] {
            assert_eq!(Date::parse_vn(written).map(Date::to_vn).as_deref(), Some("15/03/1999"), "{written}");
        }
        // The same separator twice: a mix is refused, not guessed.
        assert!(Date::parse_vn("15-03/1999").is_none());
        assert!(Date::parse_vn("15.03-1999").is_none());
        // The year last: an ISO date is never read as a day and month.
        assert!(Date::parse_vn("1999-03-15").is_none());
        assert_eq!(Date::parse_iso("1999-03-15"), Date::new(1999, 3, 15));
        assert!(Date::parse_vn("+5/3/1999").is_none(), "digits only");
    }
}
