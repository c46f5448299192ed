//! The Vietnamese lunar calendar (âm lịch).
//!
//! Months start on the day of the new moon and the winter solstice falls in month 11; a year
//! with 13 months repeats the first month that contains no major solar term (trung khí).
//! Following Hồ Ngọc Đức's published method, astronomical events are placed on days in
//! **UTC+7**, Vietnam's time zone. Chinese tables use UTC+8 and disagree with Vietnam's
//! calendar when a new moon falls between 23:00 and 24:00 Vietnam time (Tết 1968, 1985, 2007, 2030).

use super::date::Date;
use std::f64::consts::PI;

/// Vietnam's time zone offset from UTC, in hours.
pub const VIETNAM_UTC_OFFSET: f64 = 7.0;

/// The range of Gregorian years the conversion is tested and supported for.
pub const SUPPORTED_YEARS: std::ops::RangeInclusive<i32> = 1800..=2199;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct LunarDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
    pub leap_month: bool,
}

/// Converts a Gregorian date to the Vietnamese lunar date.
/// `None` outside [`SUPPORTED_YEARS`].
pub fn to_lunar(date: Date) -> Option<LunarDate> {
    to_lunar_in(date, VIETNAM_UTC_OFFSET)
}

/// Converts a Vietnamese lunar date to the Gregorian date. `None` if that lunar date does not
/// exist (a leap month that year does not have, day 30 of a 29-day month) or is out of range.
pub fn from_lunar(lunar: LunarDate) -> Option<Date> {
    from_lunar_in(lunar, VIETNAM_UTC_OFFSET)
}

/// [`to_lunar`] for another time zone (UTC+8 gives the Chinese calendar; used in tests).
pub fn to_lunar_in(date: Date, tz: f64) -> Option<LunarDate> {
    if !SUPPORTED_YEARS.contains(&date.year()) {
        return None;
    }
    let day_number = date.jdn();
    // The estimate of the lunation can be one too high near a new moon: step back until the
    // month starts on or before the day.
    let mut k = ((day_number as f64 - 2415021.076998695) / 29.530588853).floor() as i64 + 1;
    let mut month_start = new_moon_day(k, tz);
    while month_start > day_number {
        k -= 1;
        month_start = new_moon_day(k, tz);
    }
    let mut a11 = lunar_month_11(date.year(), tz);
    let mut b11 = a11;
    let mut year;
    if a11 >= month_start {
        year = date.year();
        a11 = lunar_month_11(date.year() - 1, tz);
    } else {
        year = date.year() + 1;
        b11 = lunar_month_11(date.year() + 1, tz);
    }
    let day = (day_number - month_start + 1) as u8;
    let diff = ((month_start - a11) as f64 / 29.0).floor() as i64;
    let mut leap_month = false;
    let mut month = diff + 11;
    if b11 - a11 > 365 {
        let leap_diff = leap_month_offset(a11, tz);
        if diff >= leap_diff {
            month = diff + 10;
            leap_month = diff == leap_diff;
        }
    }
    if month > 12 {
        month -= 12;
    }
    if month >= 11 && diff < 4 {
        year -= 1;
    }
    Some(LunarDate { year, month: month as u8, day, leap_month })
}

/// [`from_lunar`] for another time zone.
pub fn from_lunar_in(lunar: LunarDate, tz: f64) -> Option<Date> {
    if !(1..=12).contains(&lunar.month) || !(1..=30).contains(&lunar.day) {
        return None;
    }
    if !SUPPORTED_YEARS.contains(&lunar.year) {
        return None;
    }
    let (a11, b11) = if lunar.month < 11 {
        (lunar_month_11(lunar.year - 1, tz), lunar_month_11(lunar.year, tz))
    } else {
        (lunar_month_11(lunar.year, tz), lunar_month_11(lunar.year + 1, tz))
    };
    let k = (0.5 + (a11 as f64 - 2415021.076998695) / 29.530588853).floor() as i64;
    let mut off = lunar.month as i64 - 11;
    if off < 0 {
        off += 12;
    }
    if b11 - a11 > 365 {
        let leap_off = leap_month_offset(a11, tz);
        let mut leap_month = leap_off - 2;
        if leap_month < 0 {
            leap_month += 12;
        }
        if lunar.leap_month && lunar.month as i64 != leap_month {
            return None;
        }
        if lunar.leap_month || off >= leap_off {
            off += 1;
        }
    } else if lunar.leap_month {
        return None;
    }
    let month_start = new_moon_day(k + off, tz);
    let next_month_start = new_moon_day(k + off + 1, tz);
    if lunar.day as i64 > next_month_start - month_start {
        return None; // day 30 of a 29-day month
    }
    let date = Date::from_jdn(month_start + lunar.day as i64 - 1);
    // Guard: the round trip must agree (protects against inputs at the edges of the range).
    (to_lunar_in(date, tz) == Some(lunar)).then_some(date)
}

/// Julian day number of the day (in time zone `tz`) of the k-th new moon after 1 January 1900.
fn new_moon_day(k: i64, tz: f64) -> i64 {
    (new_moon(k) + 0.5 + tz / 24.0).floor() as i64
}

/// The time of the k-th new moon after 1 January 1900, as a Julian date (UT), by the
/// truncated series of Meeus, "Astronomical Algorithms".
fn new_moon(k: i64) -> f64 {
    let k = k as f64;
    let t = k / 1236.85;
    let t2 = t * t;
    let t3 = t2 * t;
    let dr = PI / 180.0;
    let mut jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
    jd1 += 0.00033 * ((166.56 + 132.87 * t - 0.009173 * t2) * dr).sin();
    let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3; // sun's mean anomaly
    let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3; // moon's mean anomaly
    let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3; // moon's argument of latitude
    let mut c1 = (0.1734 - 0.000393 * t) * (m * dr).sin() + 0.0021 * (2.0 * dr * m).sin();
    c1 = c1 - 0.4068 * (mpr * dr).sin() + 0.0161 * (dr * 2.0 * mpr).sin();
    c1 -= 0.0004 * (dr * 3.0 * mpr).sin();
    c1 = c1 + 0.0104 * (dr * 2.0 * f).sin() - 0.0051 * (dr * (m + mpr)).sin();
    c1 = c1 - 0.0074 * (dr * (m - mpr)).sin() + 0.0004 * (dr * (2.0 * f + m)).sin();
    c1 = c1 - 0.0004 * (dr * (2.0 * f - m)).sin() - 0.0006 * (dr * (2.0 * f + mpr)).sin();
    c1 = c1 + 0.0010 * (dr * (2.0 * f - mpr)).sin() + 0.0005 * (dr * (2.0 * mpr + m)).sin();
    let delta_t =
        if t < -11.0 { 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3 } else { -0.000278 + 0.000265 * t + 0.000262 * t2 };
    jd1 + c1 - delta_t
}

/// The sun's apparent longitude (radians, 0..2π) at Julian date `jdn` (UT).
fn sun_longitude(jdn: f64) -> f64 {
    let t = (jdn - 2451545.0) / 36525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    let mut dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * (dr * m).sin();
    dl += (0.019993 - 0.000101 * t) * (dr * 2.0 * m).sin() + 0.000290 * (dr * 3.0 * m).sin();
    let l = (l0 + dl) * dr;
    l - 2.0 * PI * (l / (2.0 * PI)).floor()
}

/// Which of the 12 major solar terms (0..=11, each 30° of longitude) the sun is in at the
/// start of day `day_number` in time zone `tz`.
fn sun_sector(day_number: i64, tz: f64) -> i64 {
    (sun_longitude(day_number as f64 - 0.5 - tz / 24.0) / PI * 6.0).floor() as i64
}

/// The first day of lunar month 11 (the month containing the winter solstice) of year `y`.
fn lunar_month_11(y: i32, tz: f64) -> i64 {
    let off = Date::new(y, 12, 31).expect("31 December exists").jdn() - 2415021;
    let k = (off as f64 / 29.530588853).floor() as i64;
    let nm = new_moon_day(k, tz);
    if sun_sector(nm, tz) >= 9 {
        new_moon_day(k - 1, tz)
    } else {
        nm
    }
}

/// In a 13-month year starting at month 11 (`a11`), how many months after it the leap month is.
fn leap_month_offset(a11: i64, tz: f64) -> i64 {
    let k = ((a11 as f64 - 2415021.076998695) / 29.530588853 + 0.5).floor() as i64;
    let mut i = 1;
    let mut arc = sun_sector(new_moon_day(k + i, tz), tz);
    loop {
        let last = arc;
        i += 1;
        arc = sun_sector(new_moon_day(k + i, tz), tz);
        if arc == last || i >= 14 {
            break;
        }
    }
    i - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }
    fn lunar(year: i32, month: u8, day: u8, leap_month: bool) -> LunarDate {
        LunarDate { year, month, day, leap_month }
    }
    const GIO_TO_ONE_DAY_EARLIER: [i32; 9] = [1916, 1939, 1975, 2009, 2037, 2038, 2085, 2086, 2095];

    fn tet(year: i32) -> Date {
        from_lunar(lunar(year, 1, 1, false)).unwrap()
    }

    #[test]
    fn tet_in_recent_years() {
        assert_eq!(tet(2020), d("2020-01-25"));
        assert_eq!(tet(2023), d("2023-01-22"));
        assert_eq!(tet(2024), d("2024-02-10"));
        assert_eq!(tet(2025), d("2025-01-29"));
        assert_eq!(tet(2026), d("2026-02-17"));
        assert_eq!(tet(2027), d("2027-02-06"));
    }

    #[test]
    fn vietnam_time_zone_differs_from_chinese_tables() {
        // Tết Mậu Thân 1968: 29/1 in Vietnam's calendar, 30/1 in China's.
        assert_eq!(tet(1968), d("1968-01-29"));
        // Tết Ất Sửu 1985: Vietnam celebrated on 21/1, China on 20/2 (different month 11 start).
        assert_eq!(tet(1985), d("1985-01-21"));
        assert_eq!(from_lunar_in(lunar(1985, 1, 1, false), 8.0), Some(d("1985-02-20")));
        // Tết Đinh Hợi 2007: 17/2 in Vietnam, 18/2 in China.
        assert_eq!(tet(2007), d("2007-02-17"));
        assert_eq!(from_lunar_in(lunar(2007, 1, 1, false), 8.0), Some(d("2007-02-18")));
        // Tết Canh Tuất 2030: 2/2 in Vietnam, 3/2 in China.
        assert_eq!(tet(2030), d("2030-02-02"));
        assert_eq!(from_lunar_in(lunar(2030, 1, 1, false), 8.0), Some(d("2030-02-03")));
    }

    #[test]
    fn hung_kings_day() {
        let gio_to = |y| from_lunar(lunar(y, 3, 10, false)).unwrap();
        assert_eq!(gio_to(2023), d("2023-04-29"));
        assert_eq!(gio_to(2024), d("2024-04-18"));
        assert_eq!(gio_to(2025), d("2025-04-07"));
        assert_eq!(gio_to(2026), d("2026-04-26"));
    }

    #[test]
    fn leap_months() {
        // 2023 had a leap 2nd month; 2025 a leap 6th month.
        assert_eq!(to_lunar(d("2023-03-22")), Some(lunar(2023, 2, 1, true)));
        assert_eq!(to_lunar(d("2025-07-25")), Some(lunar(2025, 6, 1, true)));
        assert_eq!(from_lunar(lunar(2025, 6, 1, true)), Some(d("2025-07-25")));
        // No leap month 3 in 2025.
        assert_eq!(from_lunar(lunar(2025, 3, 1, true)), None);
    }

    #[test]
    fn issue_example_date() {
        assert_eq!(to_lunar(d("2026-02-17")), Some(lunar(2026, 1, 1, false)));
        // The day before Tết belongs to month 12 of the previous lunar year.
        assert_eq!(to_lunar(d("2026-02-16")).map(|l| (l.year, l.month)), Some((2025, 12)));
    }

    #[test]
    fn every_day_round_trips_from_1900_to_2100() {
        let mut date = d("1900-01-31");
        let end = d("2100-12-31");
        while date <= end {
            let l = to_lunar(date).unwrap();
            assert!((1..=30).contains(&l.day) && (1..=12).contains(&l.month), "{date}: {l:?}");
            assert_eq!(from_lunar(l), Some(date), "{date} → {l:?}");
            date = date.next();
        }
    }

    /// Vietnam's Tết and Giỗ Tổ Hùng Vương for 1900–2099 agree with an independent Chinese
    /// table except in the years where a new moon falls between 23:00 and 24:00 Vietnam time
    /// (then Vietnam's month starts a day earlier), and 1985, when month 11 itself differs.
    #[test]
    fn tet_and_hung_kings_day_1900_to_2099_against_an_independent_table() {
        let table = include_str!("../../../tests/data/chinese-lunar-1900-2099.tsv");
        let tet_one_day_earlier = [1903, 1935, 1965, 1968, 1969, 2007, 2030, 2053];
        let mut checked = 0;
        for line in table.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let year: i32 = cols[0].parse().unwrap();
            let (cn_tet, cn_gio_to) = (d(cols[1]), d(cols[2]));
            let vn_tet = tet(year);
            let expected_tet = match year {
                1985 => d("1985-01-21"),
                y if tet_one_day_earlier.contains(&y) => cn_tet.add_days(-1),
                _ => cn_tet,
            };
            assert_eq!(vn_tet, expected_tet, "Tết {year}");
            let vn_gio_to = from_lunar(lunar(year, 3, 10, false)).unwrap();
            let gio_to_diff = cn_gio_to.jdn() - vn_gio_to.jdn();
            let expected_diff = match year {
                // Before 1929 Chinese tables used Beijing local time (UTC+7:46) and placed
                // the leap month of 1917 differently.
                1917 => 29,
                y if GIO_TO_ONE_DAY_EARLIER.contains(&y) => 1,
                _ => 0,
            };
            assert_eq!(gio_to_diff, expected_diff, "Giỗ Tổ {year}: VN {vn_gio_to}, CN {cn_gio_to}");
            checked += 1;
        }
        assert_eq!(checked, 200);
    }

    #[test]
    fn impossible_lunar_dates_are_refused() {
        assert_eq!(from_lunar(lunar(2026, 13, 1, false)), None);
        assert_eq!(from_lunar(lunar(2026, 1, 0, false)), None);
        assert_eq!(from_lunar(lunar(2026, 1, 31, false)), None);
        assert_eq!(to_lunar(d("1700-01-01")), None);
    }
}
