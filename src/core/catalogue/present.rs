//! Plain-Vietnamese wording of catalogue values, shared by the app and the CLI, plus the link
//! from a channel's time limit to the working-day calendar.

use super::model::{Channel, Document, Mode, TimeUnit};
use crate::core::calendar::due::Due;
use crate::core::calendar::{due_date, DueRules, Receipt, TimeLimit, WorkCalendar};

/// The calendar rule for a channel's time limit, when the source states one we can count.
pub fn time_limit(ch: &Channel) -> Option<TimeLimit> {
    let amount = ch.time_amount.filter(|a| *a >= 0.0 && a.fract() == 0.0 && *a <= 3650.0)? as u32;
    match ch.time_unit? {
        TimeUnit::WorkingDays => Some(TimeLimit::WorkingDays(amount)),
        TimeUnit::Days => Some(TimeLimit::CalendarDays(amount)),
        TimeUnit::WorkingHours | TimeUnit::Hours => Some(TimeLimit::WorkingHours(amount)),
        TimeUnit::Months | TimeUnit::Years => None,
    }
}

/// "7 ngày làm việc", "10 ngày (kể cả ngày nghỉ)", "8 giờ làm việc"…; `None` when the source
/// gives no usable time limit.
pub fn describe_time(ch: &Channel) -> Option<String> {
    let amount = ch.time_amount?;
    let n = if amount.fract() == 0.0 { format!("{}", amount as u64) } else { format!("{amount}").replace('.', ",") };
    Some(match ch.time_unit {
        Some(TimeUnit::WorkingDays) => format!("{n} ngày làm việc"),
        Some(TimeUnit::Days) => format!("{n} ngày (kể cả ngày nghỉ)"),
        Some(TimeUnit::WorkingHours) => format!("{n} giờ làm việc"),
        Some(TimeUnit::Hours) => format!("{n} giờ"),
        Some(TimeUnit::Months) => format!("{n} tháng"),
        Some(TimeUnit::Years) => format!("{n} năm"),
        None => format!("«{n}» (nguồn dữ liệu không ghi đơn vị: ngày hay giờ)"),
    })
}

/// When the result would be due if the dossier were received at `receipt`.
pub fn estimate_due(ch: &Channel, receipt: Receipt) -> Option<Due> {
    let limit = time_limit(ch)?;
    Some(due_date(&WorkCalendar::new(), receipt, limit, &DueRules::default()))
}

/// "Thứ Tư, 04/03/2026", and " lúc 15:30" for limits in hours.
pub fn describe_due(d: &Due) -> String {
    let at = d.minute.map(|m| format!(" lúc {:02}:{:02}", m / 60, m % 60)).unwrap_or_default();
    format!("{}, {}{at}", d.date.weekday().name_vi(), d.date.to_vn())
}

/// How much cheaper submitting online is than in person, in đồng (when the catalogue gives
/// both fees and online is cheaper).
pub fn online_saving(channels: &[Channel]) -> Option<u64> {
    let fee = |mode: Mode| channels.iter().find(|c| c.mode == mode).and_then(|c| c.fee_vnd);
    match (fee(Mode::Online), fee(Mode::InPerson)) {
        (Some(online), Some(in_person)) if online < in_person => Some(in_person - online),
        _ => None,
    }
}

/// The ways a procedure can be submitted, each once, as the catalogue lists them, with each way's
/// channels (a procedure may list several rows for one way: cases with their own time limits).
pub fn ways(channels: &[Channel]) -> Vec<(Mode, Vec<&Channel>)> {
    let mut out: Vec<(Mode, Vec<&Channel>)> = Vec::new();
    for c in channels {
        match out.iter_mut().find(|(m, _)| *m == c.mode) {
            Some((_, list)) => list.push(c),
            None => out.push((c.mode, vec![c])),
        }
    }
    out
}

/// Who is exempt from the fee or pays less, over every channel, each once, in order.
pub fn exemptions(channels: &[Channel]) -> Vec<String> {
    let mut all: Vec<String> = channels.iter().flat_map(|c| c.exemptions.iter().cloned()).collect();
    all.sort();
    all.dedup();
    all
}

/// "Miễn phí", "20.000 đồng", "10 USD", or "Chưa có thông tin".
pub fn describe_fee(ch: &Channel) -> String {
    match (ch.fee_vnd, &ch.fee_other) {
        (Some(0), _) => "Miễn phí".into(),
        (Some(v), _) => format!("{} đồng", format_thousands(v)),
        (None, Some(f)) => format!("{} {}", format_decimal(f.amount), f.currency),
        (None, None) if !ch.fee_text.is_empty() && ch.fee_text != "Không có thông tin" => format!("{} (chưa rõ số tiền)", ch.fee_text),
        (None, None) => "Chưa có thông tin".into(),
    }
}

/// "1 bản chính", "1 bản sao", "2 bản chính và 1 bản sao".
pub fn describe_quantity(d: &Document) -> String {
    match (d.originals, d.copies) {
        (o, 0) => format!("{o} bản chính"),
        (0, c) => format!("{c} bản sao"),
        (o, c) => format!("{o} bản chính và {c} bản sao"),
    }
}

/// Documents grouped by case, in source order; the papers everyone needs come first.
pub fn group_documents(docs: &[Document]) -> Vec<(Option<&str>, Vec<&Document>)> {
    let mut groups: Vec<(Option<&str>, Vec<&Document>)> = Vec::new();
    for d in docs {
        let key = d.condition.as_deref();
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(d),
            None => groups.push((key, vec![d])),
        }
    }
    groups.sort_by_key(|(k, _)| k.is_some());
    groups
}

/// 1234567 → "1.234.567" (Vietnamese thousands separator).
pub fn format_thousands(v: u64) -> String {
    let s = v.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

fn format_decimal(v: f64) -> String {
    if v.fract() == 0.0 {
        format_thousands(v as u64)
    } else {
        format!("{v}").replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalogue::model::{DocumentKind, ForeignFee};

    fn channel(amount: Option<f64>, unit: Option<TimeUnit>, fee_vnd: Option<u64>) -> Channel {
        Channel {
            mode: Mode::Online,
            time_limit_text: String::new(),
            time_amount: amount,
            time_unit: unit,
            working_days: None,
            fee_text: String::new(),
            fee_vnd,
            fee_other: None,
            fee_note: None,
            exemptions: vec![],
            description: None,
            raw: String::new(),
        }
    }

    #[test]
    fn wording_of_fees_and_times() {
        assert_eq!(describe_fee(&channel(None, None, Some(0))), "Miễn phí");
        assert_eq!(describe_fee(&channel(None, None, Some(1_200_000))), "1.200.000 đồng");
        let mut usd = channel(None, None, None);
        usd.fee_other = Some(ForeignFee { amount: 25.0, currency: "USD".into() });
        assert_eq!(describe_fee(&usd), "25 USD");
        assert_eq!(describe_fee(&channel(None, None, None)), "Chưa có thông tin");
        assert_eq!(describe_time(&channel(Some(7.0), Some(TimeUnit::WorkingDays), None)).unwrap(), "7 ngày làm việc");
        assert!(describe_time(&channel(Some(1.0), None, None)).unwrap().contains("không ghi đơn vị"));
        assert_eq!(describe_time(&channel(None, None, None)), None);
    }

    #[test]
    fn online_saving_and_exemptions_over_the_channels() {
        let (mut online, mut in_person, mut post) = (channel(None, None, Some(5_000)), channel(None, None, Some(8_000)), channel(None, None, Some(8_000)));
        in_person.mode = Mode::InPerson;
        post.mode = Mode::Post;
        online.exemptions = vec!["Người cao tuổi".into(), "Hộ nghèo".into()];
        in_person.exemptions = vec!["Hộ nghèo".into()];
        let all = [online.clone(), in_person.clone(), post];
        assert_eq!(online_saving(&all), Some(3_000));
        assert_eq!(exemptions(&all), ["Hộ nghèo", "Người cao tuổi"]);
        online.fee_vnd = Some(8_000);
        assert_eq!(online_saving(&[online, in_person.clone()]), None, "no saving when online costs the same");
        assert_eq!(online_saving(&[in_person]), None, "no saving without an online fee");
    }

    #[test]
    fn a_due_date_reads_with_its_weekday_and_hour() {
        let d = Due { date: crate::core::calendar::Date::new(2026, 3, 4).unwrap(), minute: Some(15 * 60 + 5) };
        assert_eq!(describe_due(&d), "Thứ Tư, 04/03/2026 lúc 15:05");
        assert_eq!(describe_due(&Due { minute: None, ..d }), "Thứ Tư, 04/03/2026");
    }

    #[test]
    fn due_estimates_only_for_countable_limits() {
        let r = Receipt::parse_rfc3339("2026-02-13T16:30:00+07:00").unwrap();
        let d = estimate_due(&channel(Some(7.0), Some(TimeUnit::WorkingDays), None), r).unwrap();
        assert_eq!(d.date.to_string(), "2026-03-04");
        assert!(estimate_due(&channel(Some(1.0), None, None), r).is_none(), "no unit, no estimate");
        assert!(estimate_due(&channel(Some(6.0), Some(TimeUnit::Months), None), r).is_none());
    }

    #[test]
    fn documents_everyone_needs_come_first() {
        let doc = |name: &str, cond: Option<&str>| Document {
            name: name.into(),
            template_file: None,
            template_name: None,
            originals: 1,
            copies: 0,
            kind: DocumentKind::Submit,
            condition: cond.map(str::to_string),
            raw: String::new(),
        };
        let docs = [doc("A", Some("Trường hợp ủy quyền")), doc("B", None), doc("C", Some("Trường hợp ủy quyền"))];
        let g = group_documents(&docs);
        assert_eq!(g[0].0, None);
        assert_eq!(g[1].1.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(), ["A", "C"]);
        assert_eq!(describe_quantity(&Document { copies: 1, ..doc("x", None) }), "1 bản chính và 1 bản sao");
    }

    #[test]
    fn each_way_to_submit_is_offered_once_with_its_rows() {
        let text = std::fs::read_to_string("public/catalogue/p/1.001193.json").unwrap();
        let p: crate::core::catalogue::Procedure = serde_json::from_str(&text).unwrap();
        // Online, post, in person; and a second online row (a case with its own time limit).
        let mut rows = p.channels.clone();
        rows.push(Channel { time_limit_text: "Trường hợp cần xác minh: 5 ngày làm việc".into(), ..p.channels[0].clone() });
        let ways = ways(&rows);
        let modes: Vec<Mode> = ways.iter().map(|(m, _)| *m).collect();
        assert_eq!(modes, [Mode::Online, Mode::Post, Mode::InPerson]);
        assert_eq!(ways[0].1.len(), 2, "both online rows under «Trực tuyến»");
    }
}
