//! `hoso calendar …`: days off, due dates and lunar dates.

use crate::args::Args;
use crate::Failure;
use hoso::core::calendar::{self, due, Date, DueRules, Receipt, TimeLimit, WorkCalendar};
use serde_json::json;

pub const HELP: &str = "\
  calendar holidays NĂM          Các ngày nghỉ chính thức trong năm (JSON)
  calendar due --received THỜI_ĐIỂM (--working-days N | --calendar-days N | --working-hours N | --same-day)
                                 Ngày hẹn trả kết quả; THỜI_ĐIỂM dạng 2026-02-13T16:30:00+07:00
  calendar lunar YYYY-MM-DD      Ngày âm lịch Việt Nam (UTC+7)
";

pub fn run(args: &mut Args) -> Result<(), Failure> {
    let sub = args.next_positional().ok_or_else(|| Failure::Usage("thiếu lệnh con: holidays, due hoặc lunar".into()))?;
    match sub.as_str() {
        "holidays" => holidays(args),
        "due" => due_cmd(args),
        "lunar" => lunar(args),
        other => Err(Failure::Usage(format!("`calendar {other}` không tồn tại; dùng holidays, due hoặc lunar"))),
    }
}

fn holidays(args: &mut Args) -> Result<(), Failure> {
    let year = args.next_positional().ok_or_else(|| Failure::Usage("thiếu NĂM, ví dụ: hoso calendar holidays 2026".into()))?;
    args.finish()?;
    let year: i32 = year
        .parse()
        .ok()
        .filter(|y| calendar::lunar::SUPPORTED_YEARS.contains(y))
        .ok_or_else(|| Failure::Request(format!("Năm `{year}` không hợp lệ: hãy nhập năm từ 1800 đến 2199.")))?;
    println!("{}", serde_json::to_string_pretty(&calendar::days_off(year)).expect("serialisable"));
    Ok(())
}

fn due_cmd(args: &mut Args) -> Result<(), Failure> {
    let received = args.option("received")?.ok_or_else(|| Failure::Usage("thiếu --received".into()))?;
    let mut limits = Vec::new();
    for (name, make) in [
        ("working-days", TimeLimit::WorkingDays as fn(u32) -> TimeLimit),
        ("calendar-days", TimeLimit::CalendarDays),
        ("working-hours", TimeLimit::WorkingHours),
    ] {
        if let Some(v) = args.option(name)? {
            let n: u32 = v.parse().ok().filter(|n| *n <= 3650).ok_or_else(|| Failure::Usage(format!("--{name} cần một số nguyên từ 0 đến 3650")))?;
            limits.push(make(n));
        }
    }
    if args.flag("same-day") {
        limits.push(TimeLimit::SameDay);
    }
    let mut rules = DueRules::default();
    if let Some(c) = args.option("cutoff")? {
        rules.cutoff_minute = parse_hhmm(&c).ok_or_else(|| Failure::Usage("--cutoff có dạng HH:MM, ví dụ 15:00".into()))?;
    }
    args.finish()?;
    let [limit] = limits[..] else {
        return Err(Failure::Usage("cần đúng một thời hạn: --working-days, --calendar-days, --working-hours hoặc --same-day".into()));
    };
    let receipt = Receipt::parse_rfc3339(&received)
        .ok_or_else(|| Failure::Request(format!("Thời điểm tiếp nhận `{received}` không hợp lệ: hãy dùng dạng 2026-02-13T16:30:00+07:00.")))?;
    let cal = WorkCalendar::new();
    let result = due::due_date(&cal, receipt, limit, &rules);
    let mut out = json!({
        "due": result.date,
        "received_local": format!("{}T{:02}:{:02}:00+07:00", receipt.date, receipt.minute / 60, receipt.minute % 60),
        "counted_from": due::effective_receipt_day(&cal, receipt, &rules),
    });
    if let Some(m) = result.minute {
        out["due_time"] = json!(format!("{:02}:{:02}", m / 60, m % 60));
    }
    // A year whose days off are not published yet: the same sentence the procedure page shows.
    if let Some(note) = hoso::core::catalogue::present::provisional_note(receipt, &result) {
        out["provisional"] = json!(note);
    }
    println!("{out}");
    Ok(())
}

fn lunar(args: &mut Args) -> Result<(), Failure> {
    let s = args.next_positional().ok_or_else(|| Failure::Usage("thiếu ngày, ví dụ: hoso calendar lunar 2026-02-17".into()))?;
    args.finish()?;
    let date = Date::parse_iso(&s).ok_or_else(|| Failure::Request(format!("Ngày `{s}` không hợp lệ: hãy dùng dạng YYYY-MM-DD.")))?;
    let l = calendar::to_lunar(date).ok_or_else(|| Failure::Request(format!("Chỉ hỗ trợ các năm 1800–2199 (nhận được {s}).")))?;
    println!("{}", serde_json::to_string(&l).expect("serialisable"));
    Ok(())
}

fn parse_hhmm(s: &str) -> Option<u16> {
    let (h, m) = s.split_once(':')?;
    let (h, m): (u16, u16) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some(h * 60 + m)
}
