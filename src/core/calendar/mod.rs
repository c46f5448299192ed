//! Vietnam's working-day calendar: "Đúng hẹn hơn".
//!
//! - [`date`]: Gregorian dates as plain values (no clock, no time zone database).
//! - [`lunar`]: the Vietnamese lunar calendar (UTC+7), for Tết and Giỗ Tổ Hùng Vương.
//! - [`holidays`]: official days off — fixed rules plus each year's decisions kept as data.
//! - [`due`]: the appointment date (ngày hẹn trả kết quả) from a receipt time and a time limit.

pub mod date;
pub mod due;
pub mod holidays;
pub mod lunar;

pub use date::{Date, Weekday};
pub use due::{due_date, DueRules, Receipt, TimeLimit};
pub use holidays::{days_off, DayOff, DayOffKind, WorkCalendar};
pub use lunar::{from_lunar, to_lunar, LunarDate};
