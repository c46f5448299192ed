pub struct DayOff;
pub enum DayOffKind {}
pub struct WorkCalendar;
pub fn days_off() {}
