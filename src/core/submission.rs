//! After submission ("Hồ sơ của tôi"): what a person records of a dossier they handed in — the
//! portal's dossier code (mã hồ sơ), the lookup code (mã tra cứu), when it was received — and what
//! happened since (a supplement asked for and given, the result ready). From it hoso works out the
//! appointment date on the working-day calendar, the working days left, and an iCalendar event a
//! phone's calendar imports.
//!
//! The rule for a supplement (Nghị định 61/2018/NĐ-CP, Điều 19, as amended by Nghị định
//! 107/2021/NĐ-CP): while the agency waits for a requested supplement the time limit does not run,
//! and it runs again, whole, from when the complete dossier is received.

use serde::{Deserialize, Serialize};

use crate::core::calendar::due::{due_date, Due, DueRules, Receipt, TimeLimit};
use crate::core::calendar::{Date, WorkCalendar};

/// What the person recorded about a submitted dossier.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    /// Mã hồ sơ, as the portal or the desk's receipt gives it.
    pub dossier_code: String,
    /// Mã tra cứu, when there is one.
    #[serde(default)]
    pub lookup_code: Option<String>,
    /// When the agency received it (RFC 3339, Vietnam time).
    pub received: String,
    /// The procedure's time limit for the way it was submitted.
    pub limit: TimeLimit,
    /// What happened since, in order.
    #[serde(default)]
    pub events: Vec<Event>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    pub kind: EventKind,
    /// When (RFC 3339, Vietnam time).
    pub at: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// The agency asked for more papers (yêu cầu bổ sung): the clock stops.
    SupplementRequested,
    /// The person handed them in: the time limit runs again, whole, from here.
    SupplementGiven,
    /// The result is ready (có kết quả).
    ResultReady,
}

/// Where the dossier stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// Being processed; `due` is the appointment date.
    InProgress {
        due: Date,
    },
    /// Waiting for the person's supplement: no appointment date until it is given.
    SupplementRequested,
    ResultReady,
}

/// Why a submission cannot be recorded, typed; the sentence is [`SubmissionProblem::message`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SubmissionProblem {
    MissingCode,
    BadTime,
    /// An event before the receipt, or out of order.
    OutOfOrder,
}

impl SubmissionProblem {
    pub fn message(&self) -> String {
        match self {
            SubmissionProblem::MissingCode => {
                tr!("submission.hay-nhap-ma-ho-so", "Hãy nhập mã hồ sơ ghi trên giấy tiếp nhận hoặc trên Cổng Dịch vụ công.").into()
            }
            SubmissionProblem::BadTime => {
                tr!("submission.thoi-diem-tiep-nhan-chua", "Thời điểm tiếp nhận chưa đúng: hãy chọn ngày và giờ cơ quan nhận hồ sơ.").into()
            }
            SubmissionProblem::OutOfOrder => tr!("submission.ngay-nay-som-hon-mot", "Ngày này sớm hơn một việc đã ghi trước đó: hãy kiểm tra lại ngày.").into(),
        }
    }
}

impl Submission {
    /// A new record; the code is trimmed and required, the time must be readable.
    pub fn new(dossier_code: &str, lookup_code: &str, received: &str, limit: TimeLimit) -> Result<Submission, SubmissionProblem> {
        let code = dossier_code.trim();
        if code.is_empty() {
            return Err(SubmissionProblem::MissingCode);
        }
        let at = Receipt::parse_rfc3339(received).ok_or(SubmissionProblem::BadTime)?;
        let lookup = lookup_code.trim();
        Ok(Submission {
            dossier_code: code.to_string(),
            lookup_code: (!lookup.is_empty()).then(|| lookup.to_string()),
            received: at.to_rfc3339(),
            limit,
            events: Vec::new(),
        })
    }

    fn received_at(&self) -> Option<Receipt> {
        Receipt::parse_rfc3339(&self.received)
    }

    /// Adds what happened at `at`; refused when it is earlier than what is already recorded.
    pub fn record(&mut self, kind: EventKind, at: Receipt) -> Result<(), SubmissionProblem> {
        let last = self.events.last().and_then(|e| Receipt::parse_rfc3339(&e.at)).or_else(|| self.received_at()).ok_or(SubmissionProblem::BadTime)?;
        if (at.date, at.minute) < (last.date, last.minute) {
            return Err(SubmissionProblem::OutOfOrder);
        }
        self.events.push(Event { kind, at: at.to_rfc3339() });
        Ok(())
    }

    /// Where it stands, with the appointment date when the clock is running.
    pub fn state(&self) -> Option<State> {
        let mut from = self.received_at()?;
        let mut waiting = false;
        for e in &self.events {
            match e.kind {
                EventKind::ResultReady => return Some(State::ResultReady),
                EventKind::SupplementRequested => waiting = true,
                EventKind::SupplementGiven => {
                    waiting = false;
                    from = Receipt::parse_rfc3339(&e.at)?;
                }
            }
        }
        if waiting {
            return Some(State::SupplementRequested);
        }
        let due: Due = due_date(&WorkCalendar::new(), from, self.limit, &DueRules::default());
        Some(State::InProgress { due: due.date })
    }

    /// "Đang giải quyết: hẹn trả kết quả Thứ Hai, 12/01/2027 (còn 5 ngày làm việc)."
    pub fn describe(&self, today: Date) -> String {
        match self.state() {
            Some(State::InProgress { due }) => {
                let left = working_days_left(today, due);
                let when = format!("{}, {}", due.weekday().name_vi(), due.to_vn());
                match left {
                    0 if today == due => tr!("submission.dang-giai-quyet-hen-tra", "Đang giải quyết: hẹn trả kết quả hôm nay, {when}.", when = when),
                    0 => tr!(
                        "submission.overdue",
                        "Đã quá ngày hẹn {when}: hãy liên hệ nơi tiếp nhận, mang theo mã hồ sơ {code}.",
                        when = when,
                        code = self.dossier_code
                    ),
                    n => tr!("submission.dang-giai-quyet-hen-tra-2", "Đang giải quyết: hẹn trả kết quả {when} (còn {n} ngày làm việc).", when = when, n = n),
                }
            }
            Some(State::SupplementRequested) => {
                tr!("submission.co-quan-yeu-cau-bo", "Cơ quan yêu cầu bổ sung hồ sơ: thời hạn tạm dừng, và được tính lại từ đầu khi bạn nộp đủ phần bổ sung.")
                    .into()
            }
            Some(State::ResultReady) => {
                tr!("submission.da-co-ket-qua-mang", "Đã có kết quả: mang giấy tiếp nhận và giấy tờ tùy thân đến nhận (hoặc nhận theo cách bạn đã chọn).")
                    .into()
            }
            None => tr!("submission.khong-doc-duoc-thoi-diem", "Không đọc được thời điểm tiếp nhận đã ghi.").into(),
        }
    }

    /// The appointment as an iCalendar file (RFC 5545): one event on the due date in Hà Nội time,
    /// 8:00–8:30, with a reminder the day before. `None` when there is no appointment date.
    pub fn ics(&self, procedure_name: &str, now: Receipt) -> Option<String> {
        let Some(State::InProgress { due }) = self.state() else { return None };
        let ymd = |d: Date| format!("{:04}{:02}{:02}", d.year(), d.month(), d.day());
        let stamp = {
            // DTSTAMP is UTC: 7 hours before Vietnam time.
            let utc = Receipt::from_unix_millis(now.unix_seconds() * 1000 - 7 * 3_600_000);
            format!("{}T{:02}{:02}00Z", ymd(utc.date), utc.minute / 60, utc.minute % 60)
        };
        let lines = [
            "BEGIN:VCALENDAR".to_string(),
            "VERSION:2.0".into(),
            "PRODID:-//hoso//Ho so//VI".into(),
            "CALSCALE:GREGORIAN".into(),
            "METHOD:PUBLISH".into(),
            "BEGIN:VTIMEZONE".into(),
            "TZID:Asia/Ho_Chi_Minh".into(),
            "BEGIN:STANDARD".into(),
            "DTSTART:19750613T000000".into(),
            "TZOFFSETFROM:+0700".into(),
            "TZOFFSETTO:+0700".into(),
            "TZNAME:ICT".into(),
            "END:STANDARD".into(),
            "END:VTIMEZONE".into(),
            "BEGIN:VEVENT".into(),
            format!("UID:hoso-{}-{}@hoso", ics_text(&self.dossier_code).replace(['\\', ',', ';'], "-"), ymd(due)),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;TZID=Asia/Ho_Chi_Minh:{}T080000", ymd(due)),
            format!("DTEND;TZID=Asia/Ho_Chi_Minh:{}T083000", ymd(due)),
            format!("SUMMARY:{}", ics_text(&tr!("submission.hen-tra-ket-qua", "Hẹn trả kết quả: {procedure_name}", procedure_name = procedure_name))),
            format!(
                "DESCRIPTION:{}",
                ics_text(&tr!(
                    "submission.ics-description",
                    "Mã hồ sơ: {code}{lookup}. Mang theo giấy tiếp nhận và giấy tờ tùy thân.",
                    code = self.dossier_code,
                    lookup = self.lookup_code.as_deref().map(|l| tr!("submission.ma-tra-cuu", "; mã tra cứu: {l}", l = l)).unwrap_or_default()
                ))
            ),
            "BEGIN:VALARM".into(),
            "ACTION:DISPLAY".into(),
            format!("DESCRIPTION:{}", ics_text(&tr!("submission.ics-reminder", "Ngày mai hẹn trả kết quả hồ sơ {code}", code = self.dossier_code))),
            "TRIGGER:-P1D".into(),
            "END:VALARM".into(),
            "END:VEVENT".into(),
            "END:VCALENDAR".into(),
        ];
        Some(lines.iter().map(|l| fold_line(l)).collect::<Vec<_>>().join("\r\n") + "\r\n")
    }
}

/// Working days after `today` up to and including `due` (0 when due is today or past).
pub fn working_days_left(today: Date, due: Date) -> u32 {
    let cal = WorkCalendar::new();
    let mut n = 0;
    let mut d = today;
    while d < due {
        d = d.next();
        if cal.is_working_day(d) {
            n += 1;
        }
    }
    n
}

/// TEXT value escaping (RFC 5545 §3.3.11).
fn ics_text(s: &str) -> String {
    s.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n")
}

/// Lines longer than 75 octets are folded (RFC 5545 §3.1), never inside a character.
fn fold_line(line: &str) -> String {
    let mut out = String::new();
    let mut len = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if len + n > 75 {
            out.push_str("\r\n ");
            len = 1;
        }
        out.push(c);
        len += n;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Receipt {
        Receipt::parse_rfc3339(s).unwrap()
    }

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn the_appointment_is_counted_on_the_working_day_calendar() {
        // Received Friday 13/2/2026 16:30, 7 working days: counted from Monday 23/2 → Wednesday 4/3.
        let s = Submission::new(" H12.34-260213-0001 ", "", "2026-02-13T16:30+07:00", TimeLimit::WorkingDays(7)).unwrap();
        assert_eq!(s.dossier_code, "H12.34-260213-0001");
        assert_eq!(s.state(), Some(State::InProgress { due: d("2026-03-04") }));
        assert_eq!(s.describe(d("2026-02-25")), "Đang giải quyết: hẹn trả kết quả Thứ Tư, 04/03/2026 (còn 5 ngày làm việc).");
        assert!(s.describe(d("2026-03-05")).starts_with("Đã quá ngày hẹn Thứ Tư, 04/03/2026"));
    }

    #[test]
    fn a_supplement_stops_the_clock_and_it_restarts_whole_when_given() {
        let mut s = Submission::new("H1", "TC1", "2026-11-25T10:00+07:00", TimeLimit::WorkingDays(7)).unwrap();
        assert_eq!(s.state(), Some(State::InProgress { due: d("2026-12-04") }));
        s.record(EventKind::SupplementRequested, at("2026-11-27T09:00+07:00")).unwrap();
        assert_eq!(s.state(), Some(State::SupplementRequested));
        assert!(s.describe(d("2026-11-30")).contains("tính lại từ đầu"));
        s.record(EventKind::SupplementGiven, at("2026-12-03T14:00+07:00")).unwrap();
        // 7 working days from Thursday 3/12 (before 15:00, so 3/12 is the day received).
        assert_eq!(s.state(), Some(State::InProgress { due: d("2026-12-14") }));
        assert_eq!(s.record(EventKind::ResultReady, at("2026-12-01T08:00+07:00")), Err(SubmissionProblem::OutOfOrder));
        s.record(EventKind::ResultReady, at("2026-12-10T08:00+07:00")).unwrap();
        assert_eq!(s.state(), Some(State::ResultReady));
        assert!(s.ics("x", at("2026-12-10T08:00+07:00")).is_none(), "no appointment once the result is ready");
    }

    #[test]
    fn bad_input_is_refused_with_what_to_do() {
        assert_eq!(Submission::new("  ", "", "2026-11-25T10:00+07:00", TimeLimit::WorkingDays(7)), Err(SubmissionProblem::MissingCode));
        assert_eq!(Submission::new("H1", "", "25/11/2026", TimeLimit::WorkingDays(7)), Err(SubmissionProblem::BadTime));
        assert!(SubmissionProblem::MissingCode.message().starts_with("Hãy nhập mã hồ sơ"));
    }

    #[test]
    fn the_calendar_event_is_valid_icalendar() {
        let s = Submission::new("H12,34;5", "TC-99", "2026-11-25T10:00+07:00", TimeLimit::WorkingDays(7)).unwrap();
        let ics = s.ics("Đăng ký thường trú — một tên thủ tục rất dài để dòng phải được gấp lại theo quy định", at("2026-11-25T10:05+07:00")).unwrap();
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n") && ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.contains("DTSTART;TZID=Asia/Ho_Chi_Minh:20261204T080000\r\n"));
        assert!(ics.contains("DTSTAMP:20261125T030500Z\r\n"));
        assert!(ics.contains("TRIGGER:-P1D\r\n"));
        assert!(ics.contains("Mã hồ sơ: H12\\,34\\;5\\; mã tra cứu: TC-99"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "folded: {line}");
        }
    }
}
