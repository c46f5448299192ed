//! Plain-Vietnamese wording of catalogue values, shared by the app and the CLI, plus the link
//! from a channel's time limit to the working-day calendar.

use super::model::{Channel, Document, DocumentKind, Mode, TimeUnit};
use crate::core::calendar::due::Due;
use crate::core::calendar::{due_date, Date, DueRules, Receipt, TimeLimit, WorkCalendar};

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

/// The time limit of the way the person chose to submit, else of the first way that gives one
/// (what a recorded submission's appointment is counted with).
pub fn time_limit_for(channels: &[Channel], chosen: Option<Mode>) -> Option<TimeLimit> {
    channels.iter().filter(|c| chosen.is_none_or(|m| c.mode == m)).chain(channels).find_map(time_limit)
}

/// "7 ngày làm việc", "10 ngày (kể cả ngày nghỉ)", "8 giờ làm việc"…; `None` when the source
/// gives no usable time limit.
pub fn describe_time(ch: &Channel) -> Option<String> {
    let n = crate::core::text::number(ch.time_amount?, true);
    Some(match ch.time_unit {
        Some(TimeUnit::WorkingDays) => tr!("catalogue.present.ngay-lam-viec", "{n} ngày làm việc", n = n),
        Some(TimeUnit::Days) => tr!("catalogue.present.ngay-ke-ca-ngay-nghi", "{n} ngày (kể cả ngày nghỉ)", n = n),
        Some(TimeUnit::WorkingHours) => tr!("catalogue.present.gio-lam-viec", "{n} giờ làm việc", n = n),
        Some(TimeUnit::Hours) => tr!("catalogue.present.gio", "{n} giờ", n = n),
        Some(TimeUnit::Months) => tr!("catalogue.present.thang", "{n} tháng", n = n),
        Some(TimeUnit::Years) => tr!("catalogue.present.nam", "{n} năm", n = n),
        None => tr!("catalogue.present.nguon-du-lieu-khong-ghi", "«{n}» (nguồn dữ liệu không ghi đơn vị: ngày hay giờ)", n = n),
    })
}

/// When the result would be due if the dossier were received at `receipt`.
pub fn estimate_due(ch: &Channel, receipt: Receipt) -> Option<Due> {
    let limit = time_limit(ch)?;
    Some(due_date(&WorkCalendar::new(), receipt, limit, &DueRules::default()))
}

/// When a due date is counted through a year whose days off are not published yet (its Tết,
/// its swaps): the date is the general rules' and may change.
pub fn provisional_note(receipt: Receipt, due: &Due) -> Option<String> {
    let years: Vec<String> = (receipt.date.year()..=due.date.year()).filter(|y| !crate::core::calendar::holidays::decided(*y)).map(|y| y.to_string()).collect();
    (!years.is_empty()).then(|| {
        tr!(
            "catalogue.present.provisional",
            "Lịch nghỉ lễ, Tết năm {years} chưa được công bố: ngày hẹn tính theo quy tắc chung và có thể thay đổi.",
            years = years.join(", ")
        )
    })
}

/// "Thứ Tư, 04/03/2026", and " lúc 15:30" for limits in hours.
pub fn describe_due(d: &Due) -> String {
    let at = d.minute.map(|m| tr!("catalogue.present.at-time", " lúc {time}", time = format!("{:02}:{:02}", m / 60, m % 60))).unwrap_or_default();
    format!("{}, {}{at}", d.date.weekday().name_vi(), d.date.to_vn())
}

/// How much cheaper submitting online is than in person, in đồng: when the catalogue gives both
/// fees, online is cheaper, and the two rows are about the same fee — their notes agree, or the
/// online row's note gives its amount as the price of submitting online (1.004222: "nộp hồ sơ qua
/// cổng dịch vụ công trực tuyến thu 10.000 đồng") and the rows name no different items. The portal
/// also uses the rows of one procedure for different items ("Sát hạch thực hành" online, "Sát hạch
/// lý thuyết" in person; "Đăng ký tạm trú (cá nhân…)" online, "… theo danh sách" in person), and
/// keeps reduced online fees long after they ended; those are no saving.
pub fn online_saving(channels: &[Channel]) -> Option<u64> {
    let row = |mode: Mode| channels.iter().find(|c| c.mode == mode);
    let (online, in_person) = (row(Mode::Online)?, row(Mode::InPerson)?);
    let (Some(a), Some(b)) = (online.fee_vnd, in_person.fee_vnd) else { return None };
    fn note(c: &Channel) -> &str {
        c.fee_note.as_deref().unwrap_or("")
    }
    let said = crate::core::text::fold(note(online));
    // "10.000 đồng", "5000 đồng", "40.000đ": the amount in đồng.
    let states =
        |amount: u64| [format_thousands(amount), amount.to_string()].iter().any(|w| written(note(online), w).any(|after| after.trim_start().starts_with('đ')));
    // "- Đăng ký tạm trú (cá nhân, hộ gia đình): …": the item a row is about.
    let item = |c: &Channel| {
        let t = note(c).trim_start();
        t.starts_with(['-', '+']).then(|| crate::core::text::fold(t.split(':').next().unwrap_or("")))
    };
    let other_items = matches!((item(online), item(in_person)), (Some(x), Some(y)) if x != y);
    let for_online = ["truc tuyen", "dich vu cong"].iter().any(|w| said.contains(w)) && states(a) && !other_items;
    (a < b && (online.fee_note == in_person.fee_note || for_online)).then(|| b - a)
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
    crate::core::order::sort(&mut all);
    all.dedup();
    all
}

/// The fee notes of a procedure's channels: one shared note when every channel says the same
/// (shown once, not three times), else each channel's own; and a plain explanation when a free
/// channel's note says the province sets the fee (which reads as a contradiction).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FeeNotes {
    pub shared: Option<String>,
    pub per_channel: Vec<Option<String>>,
    pub province_sets_fee: Option<String>,
}

pub fn fee_notes(channels: &[Channel]) -> FeeNotes {
    let notes: Vec<Option<String>> = channels.iter().map(fee_note_text).collect();
    let same = notes.len() > 1 && notes[0].is_some() && notes.iter().all(|n| *n == notes[0]);
    let province = channels.iter().any(|c| {
        let note = crate::core::text::fold(c.fee_note.as_deref().unwrap_or(""));
        c.fee_vnd == Some(0) && note.contains("hoi dong nhan dan") && note.contains("quyet dinh")
    });
    let province_sets_fee = province.then(|| {
        if exemptions(channels).is_empty() {
            tr!("catalogue.present.mien-phi-la-muc-ghi", "«Miễn phí» là mức ghi trong cơ sở dữ liệu quốc gia; mức cụ thể do Hội đồng nhân dân tỉnh, thành phố nơi bạn nộp quyết định, nên có nơi thu một khoản nhỏ. Hỏi nơi tiếp nhận nếu cần chắc chắn.").to_string()
        } else {
            tr!("catalogue.present.mien-phi-ap-dung-cho", "«Miễn phí» áp dụng cho những người, trường hợp ghi ở mục «Miễn, giảm lệ phí» bên dưới; các trường hợp khác nộp theo mức do Hội đồng nhân dân tỉnh, thành phố nơi bạn nộp quyết định.").to_string()
        }
    });
    if same {
        FeeNotes { shared: notes[0].clone(), per_channel: vec![None; notes.len()], province_sets_fee }
    } else {
        FeeNotes { shared: None, per_channel: notes, province_sets_fee }
    }
}

/// "Miễn phí", "20.000 đồng", "10 USD", or "Chưa có thông tin".
pub fn describe_fee(ch: &Channel) -> String {
    if ch.fee_in_note {
        return tr!("catalogue.present.fee-in-note", "Có thu: xem mức thu ở phần ghi chú lệ phí").into();
    }
    match (ch.fee_vnd, &ch.fee_other) {
        (Some(0), _) => tr!("catalogue.present.mien-phi", "Miễn phí").into(),
        (Some(v), _) => tr!("catalogue.present.dong", "{amount} đồng", amount = format_thousands(v)),
        (None, Some(f)) => format!("{} {}", crate::core::text::number(f.amount, true), f.currency),
        (None, None) if !ch.fee_text.is_empty() && ch.fee_text != "Không có thông tin" => {
            tr!("catalogue.present.amount-unknown", "{fee} (chưa rõ số tiền)", fee = ch.fee_text)
        }
        (None, None) => tr!("catalogue.present.chua-co-thong-tin", "Chưa có thông tin").into(),
    }
}

/// What a fee is counted by, when the fee's note begins with it: "/hồ sơ" of "/hồ sơ (Thông tư số
/// 61/2023/TT-BTC)", "/trang", "/giao dịch". Written after each amount ("20.000 đồng/hồ sơ"), not
/// as a note of its own.
pub fn fee_unit(ch: &Channel) -> Option<&str> {
    let note = ch.fee_note.as_deref()?.trim_start();
    let unit = note.strip_prefix('/')?;
    let end = unit.find(['(', '.', ';', ',', ':', '\n']).unwrap_or(unit.len());
    let unit = note[..end + 1].trim_end();
    (unit.chars().count() > 1 && unit.chars().count() <= 30).then_some(unit)
}

/// A unit as it reads after an amount: "/lần" of the portal's "/Lần", "/giấy công nhận"; a unit in
/// capitals stays ("/CCHN").
fn in_running_text(unit: &str) -> String {
    let mut letters = unit.trim_start_matches('/').chars();
    match (letters.next(), letters.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => format!("/{}{}", first.to_lowercase(), &unit[1 + first.len_utf8()..]),
        _ => unit.to_string(),
    }
}

/// The fee's note without its unit (`fee_unit`): "(Thông tư số 61/2023/TT-BTC)" of "/hồ sơ
/// (Thông tư số 61/2023/TT-BTC)"; none when the note is the unit alone.
pub fn fee_note_text(ch: &Channel) -> Option<String> {
    let note = ch.fee_note.as_deref()?.trim();
    let rest = match fee_unit(ch) {
        Some(unit) => note.strip_prefix(unit).unwrap_or(note).trim_start_matches(['.', ';', ',', ' ']),
        None => note,
    };
    (!rest.trim().is_empty()).then(|| rest.trim().to_string())
}

/// The fee paid on `today`, each amount with its unit: a lower fee for a while (`Channel::reduced`)
/// is the fee while it lasts, with the day it ends and the fee after — "1.750.000 đồng/hồ sơ đến
/// hết ngày 31/12/2026 (mức giảm theo Thông tư số 64/2025/TT-BTC), từ ngày 01/01/2027: 3.500.000
/// đồng/hồ sơ"; before it starts, the fee and when it will be lower; after it, the fee alone.
pub fn describe_fee_on(ch: &Channel, today: Date) -> String {
    let unit = fee_unit(ch).filter(|_| ch.fee_vnd.is_some_and(|v| v > 0) || ch.fee_other.is_some()).map(in_running_text).unwrap_or_default();
    let fee = format!("{}{unit}", describe_fee(ch));
    let Some(r) = ch.reduced.as_ref().filter(|r| today <= r.until) else {
        return fee;
    };
    let reduced = format!("{}{unit}", tr!("catalogue.present.dong", "{amount} đồng", amount = format_thousands(r.vnd)));
    let basis = r.basis.as_deref().map(|b| tr!("catalogue.present.theo-van-ban", " theo {basis}", basis = b)).unwrap_or_default();
    if r.applies_on(today) {
        tr!(
            "catalogue.present.giam-den-het",
            "{reduced} đến hết ngày {until} (mức giảm{basis}), từ ngày {next}: {fee}",
            reduced = reduced,
            until = r.until.to_vn(),
            basis = basis,
            next = r.until.next().to_vn(),
            fee = fee
        )
    } else {
        let from = r.from.map(Date::to_vn).unwrap_or_default();
        tr!(
            "catalogue.present.se-giam-tu",
            "{fee} (từ ngày {from} đến hết ngày {until}: {reduced}, mức giảm{basis})",
            fee = fee,
            from = from,
            until = r.until.to_vn(),
            reduced = reduced,
            basis = basis
        )
    }
}

/// The fee on `today` and its note on one line: "20.000 đồng/hồ sơ", "800.000 đồng (áp dụng
/// mức phí 400.000 đồng/hồ sơ…)".
pub fn fee_with_note_on(ch: &Channel, today: Date) -> String {
    let fee = describe_fee_on(ch, today);
    match fee_note_text(ch) {
        None => fee,
        Some(n) if n.starts_with('(') => format!("{fee} {n}"),
        Some(n) => format!("{fee} ({n})"),
    }
}

/// "1 bản chính", "1 bản sao", "2 bản chính và 1 bản sao".
pub fn describe_quantity(d: &Document) -> String {
    match (d.originals, d.copies) {
        (o, 0) => tr!("catalogue.present.ban-chinh", "{o} bản chính", o = o),
        (0, c) => tr!("catalogue.present.ban-sao", "{c} bản sao", c = c),
        (o, c) => tr!("catalogue.present.ban-chinh-va-ban-sao", "{o} bản chính và {c} bản sao", o = o, c = c),
    }
}

/// A heading of the procedure page's list of papers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaperGroup<'a> {
    /// Needed whatever the case.
    Everyone,
    /// Shown in person, whatever the case (the originals to bring).
    Bring,
    /// Needed only in the case the paper's own text names.
    OnlyIf,
    /// "(nếu có)".
    IfAny,
    /// The agency looks the data up itself.
    StateHolds,
    /// A case heading of the source's table ("Trường hợp người chưa thành niên").
    Case(&'a str),
}

impl PaperGroup<'_> {
    pub fn title(&self) -> String {
        match self {
            PaperGroup::Everyone => tr!("catalogue.present.ai-cung-can", "Ai cũng cần").into(),
            PaperGroup::Bring => tr!("catalogue.present.mang-theo-khi-den-nop", "Mang theo khi đến nộp (bản chính để cán bộ đối chiếu, không phải nộp)").into(),
            PaperGroup::OnlyIf => tr!("catalogue.present.chi-khi-dung-truong-hop", "Chỉ khi đúng trường hợp của bạn").into(),
            PaperGroup::IfAny => tr!("catalogue.present.nop-neu-ban-co", "Nộp nếu bạn có").into(),
            PaperGroup::StateHolds => tr!("catalogue.present.thuong-khong-can-co-quan", "Thường không cần: cơ quan tự tra cứu").into(),
            PaperGroup::Case(c) => tr!("catalogue.present.neu", "Nếu: {c}", c = c),
        }
    }
}

/// The papers under their headings, in this order: everyone, bring, only if, if any, the state
/// holds, then each case heading of the source (whose papers keep their own notes).
pub fn paper_groups(docs: &[Document]) -> Vec<(PaperGroup<'_>, Vec<&Document>)> {
    fn group(d: &Document) -> PaperGroup<'_> {
        match (&d.condition, d.kind) {
            (Some(c), _) => PaperGroup::Case(c.as_str()),
            _ if d.state_holds => PaperGroup::StateHolds,
            _ if d.when.is_some() => PaperGroup::OnlyIf,
            _ if d.if_any => PaperGroup::IfAny,
            (None, DocumentKind::Present) => PaperGroup::Bring,
            (None, DocumentKind::Submit) => PaperGroup::Everyone,
        }
    }
    let rank = |g: &PaperGroup| match g {
        PaperGroup::Everyone => 0,
        PaperGroup::Bring => 1,
        PaperGroup::OnlyIf => 2,
        PaperGroup::IfAny => 3,
        PaperGroup::StateHolds => 4,
        PaperGroup::Case(_) => 5,
    };
    let mut groups: Vec<(PaperGroup, Vec<&Document>)> = Vec::new();
    for d in docs {
        let g = group(d);
        match groups.iter_mut().find(|(k, _)| *k == g) {
            Some((_, v)) => v.push(d),
            None => groups.push((g, vec![d])),
        }
    }
    crate::core::order::sort_by_key(&mut groups, |(g, _)| rank(g));
    groups
}

/// The originals of the copies handed in that are to be shown at the desk, each once (a copy's
/// heading without "Bản sao"): with the papers to show, one "Mang theo khi đến nộp" list.
pub fn originals_of_copies(docs: &[Document]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for d in docs.iter().filter(|d| d.show_original()) {
        let h = original_name(&d.heading());
        if !out.contains(&h) {
            out.push(h);
        }
    }
    out
}

/// "Bản sao Thẻ Căn cước…" → "Thẻ Căn cước…": what the original of a copy is called.
pub fn original_name(copy: &str) -> String {
    let l = crate::core::text::lower(copy);
    for p in ["bản sao có chứng thực ", "bản sao hợp lệ ", "bản sao "] {
        if l.starts_with(p) {
            return crate::core::text::upper_first(&copy[p.len()..]);
        }
    }
    copy.to_string()
}

/// What a paper's own text says about when it is needed, in plain words; `None` when it is
/// simply needed.
pub fn paper_note(d: &Document) -> Option<String> {
    if d.state_holds {
        let when =
            d.when.as_deref().map(|w| tr!("catalogue.present.only-needed-when", " Chỉ cần khi: {when}.", when = w.trim_end_matches('.'))).unwrap_or_default();
        return Some(tr!(
            "catalogue.present.thuong-khong-can-co-quan-2",
            "Thường không cần: cơ quan tự tra cứu dữ liệu. Mang theo phòng khi cơ quan không tra cứu được.{when}",
            when = when
        ));
    }
    if let Some(w) = &d.when {
        return Some(tr!("catalogue.present.only-when", "Chỉ khi: {when}.", when = w.trim_end_matches('.')));
    }
    if d.if_any {
        return Some(tr!("catalogue.present.chi-nop-neu-ban-co", "Chỉ nộp nếu bạn có.").to_string());
    }
    d.paper_spared
        .then(|| tr!("catalogue.present.khong-phai-nop-ban-giay", "Không phải nộp bản giấy nếu cơ quan đã có bản điện tử của giấy tờ này.").to_string())
}

/// 1234567 → "1.234.567" (Vietnamese thousands separator).
/// Where the amount `number` ("100.000", "5000") is written in `text` as a whole number — not
/// part of a longer one ("1.100.000", "100.000,5") — each time the text after it.
pub fn written<'a>(text: &'a str, number: &'a str) -> impl Iterator<Item = &'a str> {
    text.match_indices(number).filter_map(move |(at, _)| {
        let (before, after) = (&text[..at], &text[at + number.len()..]);
        let glued = |c: char| c.is_ascii_digit() || c == '.';
        let whole = !before.ends_with(glued) && !after.starts_with(|c: char| glued(c) || c == ',');
        whole.then_some(after)
    })
}

pub fn format_thousands(v: u64) -> String {
    crate::core::text::group_thousands(&v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalogue::model::ForeignFee;

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
            fee_in_note: false,
            reduced: None,
            exemptions: vec![],
            description: None,
            raw: String::new(),
        }
    }

    #[test]
    fn a_lower_fee_is_the_fee_while_it_lasts_and_says_when_it_ends() {
        use crate::core::catalogue::model::ReducedFee;
        let day = |s: &str| Date::parse_iso(s).unwrap();
        let reduced =
            ReducedFee { vnd: 1_750_000, from: Some(day("2025-07-01")), until: day("2026-12-31"), basis: Some("Thông tư số 64/2025/TT-BTC".into()) };
        let ch = Channel { reduced: Some(reduced), ..channel(None, None, Some(3_500_000)) };
        assert_eq!(
            describe_fee_on(&ch, day("2026-12-08")),
            "1.750.000 đồng đến hết ngày 31/12/2026 (mức giảm theo Thông tư số 64/2025/TT-BTC), từ ngày 01/01/2027: 3.500.000 đồng"
        );
        assert_eq!(describe_fee_on(&ch, day("2026-12-31")).split(' ').next(), Some("1.750.000"), "the last day is still reduced");
        assert_eq!(describe_fee_on(&ch, day("2027-01-01")), "3.500.000 đồng");
        assert_eq!(
            describe_fee_on(&ch, day("2025-06-30")),
            "3.500.000 đồng (từ ngày 01/07/2025 đến hết ngày 31/12/2026: 1.750.000 đồng, mức giảm theo Thông tư số 64/2025/TT-BTC)"
        );
        assert_eq!(describe_fee_on(&channel(None, None, Some(20_000)), day("2026-12-08")), "20.000 đồng");
        // With its note on one line: a unit is glued, a sentence goes in brackets.
        let per_dossier = Channel { fee_note: Some("/hồ sơ".into()), ..channel(None, None, Some(20_000)) };
        assert_eq!(fee_with_note_on(&per_dossier, day("2026-12-08")), "20.000 đồng/hồ sơ");
        let law = Channel { fee_note: Some("/hồ sơ (Thông tư số 61/2023/TT-BTC)".into()), ..channel(None, None, Some(20_000)) };
        assert_eq!((fee_unit(&law), fee_note_text(&law).as_deref()), (Some("/hồ sơ"), Some("(Thông tư số 61/2023/TT-BTC)")));
        assert_eq!(fee_with_note_on(&law, day("2026-12-08")), "20.000 đồng/hồ sơ (Thông tư số 61/2023/TT-BTC)");
        let capital = Channel { fee_note: Some("/Lần. Giá trị giao dịch dưới 2,1 tỷ đồng".into()), ..channel(None, None, Some(1_800_000)) };
        assert_eq!(fee_with_note_on(&capital, day("2026-12-08")), "1.800.000 đồng/lần (Giá trị giao dịch dưới 2,1 tỷ đồng)");
        let acronym = Channel { fee_note: Some("/CCHN".into()), ..channel(None, None, Some(50_000)) };
        assert_eq!(fee_with_note_on(&acronym, day("2026-12-08")), "50.000 đồng/CCHN");
        let free = Channel { fee_note: Some("/hồ sơ".into()), ..channel(None, None, Some(0)) };
        assert_eq!(fee_with_note_on(&free, day("2026-12-08")), "Miễn phí", "nothing to count");
        let said = Channel { fee_note: Some("áp dụng mức phí 400.000 đồng/hồ sơ".into()), ..channel(None, None, Some(800_000)) };
        assert_eq!(fee_with_note_on(&said, day("2026-12-08")), "800.000 đồng (áp dụng mức phí 400.000 đồng/hồ sơ)");
    }

    #[test]
    fn wording_of_fees_and_times() {
        assert_eq!(describe_fee(&channel(None, None, Some(0))), "Miễn phí");
        assert_eq!(describe_fee(&channel(None, None, Some(1_200_000))), "1.200.000 đồng");
        let mut usd = channel(None, None, None);
        usd.fee_other = Some(ForeignFee { amount: 25.0, currency: "USD".into() });
        assert_eq!(describe_fee(&usd), "25 USD");
        usd.fee_other = Some(ForeignFee { amount: 1250.5, currency: "USD".into() });
        assert_eq!(describe_fee(&usd), "1.250,5 USD");
        assert_eq!(describe_fee(&channel(None, None, None)), "Chưa có thông tin");
        assert_eq!(describe_time(&channel(Some(7.0), Some(TimeUnit::WorkingDays), None)).unwrap(), "7 ngày làm việc");
        assert_eq!(describe_time(&channel(Some(0.5), Some(TimeUnit::Days), None)).unwrap(), "0,5 ngày (kể cả ngày nghỉ)");
        assert!(describe_time(&channel(Some(1.0), None, None)).unwrap().contains("không ghi đơn vị"));
        assert_eq!(describe_time(&channel(None, None, None)), None);
    }

    #[test]
    fn a_submission_counts_with_the_chosen_ways_time_limit_else_the_first_given() {
        let online = channel(Some(5.0), Some(TimeUnit::WorkingDays), Some(0));
        let in_person = Channel { mode: Mode::InPerson, ..channel(Some(7.0), Some(TimeUnit::WorkingDays), Some(0)) };
        let unknown = channel(None, None, None);
        let channels = [unknown, online, in_person];
        assert_eq!(time_limit_for(&channels, Some(Mode::InPerson)), Some(TimeLimit::WorkingDays(7)));
        assert_eq!(time_limit_for(&channels, None), Some(TimeLimit::WorkingDays(5)));
        // A chosen way without a usable limit falls back to the first that has one.
        assert_eq!(time_limit_for(&channels, Some(Mode::Post)), Some(TimeLimit::WorkingDays(5)));
        assert_eq!(time_limit_for(&channels[..1], None), None);
    }

    #[test]
    fn a_due_date_in_a_year_without_a_published_decision_says_it_may_change() {
        let at = |y, m, d| Receipt { date: crate::core::calendar::Date::new(y, m, d).unwrap(), minute: 9 * 60 };
        let due = |y, m, d| Due { date: crate::core::calendar::Date::new(y, m, d).unwrap(), minute: None };
        assert_eq!(provisional_note(at(2026, 12, 6), &due(2026, 12, 15)), None);
        assert_eq!(
            provisional_note(at(2026, 12, 6), &due(2027, 1, 20)).unwrap(),
            "Lịch nghỉ lễ, Tết năm 2027 chưa được công bố: ngày hẹn tính theo quy tắc chung và có thể thay đổi."
        );
    }

    #[test]
    fn copies_whose_original_is_shown_are_listed_to_bring() {
        // 3.000333 Phiếu lý lịch tư pháp: the ID card copy, "Xuất trình bản chính để đối chiếu".
        let text = std::fs::read_to_string("public/catalogue/p/3.000333.json").unwrap();
        let p: super::super::Procedure = serde_json::from_str(&text).unwrap();
        assert_eq!(originals_of_copies(&p.documents), ["Thẻ Căn cước, Căn cước công dân hoặc Hộ chiếu"]);
    }

    #[test]
    fn a_note_every_channel_shares_is_given_once_and_a_free_fee_the_province_sets_is_explained() {
        // 1.000656 Đăng ký khai tử: the same note on the three channels, "Miễn phí" beside
        // "Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh… quyết định".
        let text = std::fs::read_to_string("public/catalogue/p/1.000656.json").unwrap();
        let p: super::super::Procedure = serde_json::from_str(&text).unwrap();
        let n = fee_notes(&p.channels);
        assert!(n.shared.as_deref().unwrap().starts_with("Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh"));
        assert!(n.per_channel.iter().all(Option::is_none) && n.per_channel.len() == 3);
        assert!(n.province_sets_fee.unwrap().starts_with("«Miễn phí» áp dụng cho những người, trường hợp ghi ở mục «Miễn, giảm lệ phí»"));
        // 1.004222 Đăng ký thường trú: different fees and notes per channel stay with their channel.
        let text = std::fs::read_to_string("public/catalogue/p/1.004222.json").unwrap();
        let p: super::super::Procedure = serde_json::from_str(&text).unwrap();
        let n = fee_notes(&p.channels);
        assert!(n.shared.is_none() && n.province_sets_fee.is_none());
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
        assert_eq!(online_saving(&[in_person.clone()]), None, "no saving without an online fee");
        // 1.000239: the rows are two different tests, not one fee by two ways.
        let (mut practice, mut theory) = (channel(None, None, Some(250_000)), in_person.clone());
        theory.fee_vnd = Some(400_000);
        practice.fee_note = Some("- Sát hạch thực hành".into());
        theory.fee_note = Some("- Sát hạch lý thuyết".into());
        assert_eq!(online_saving(&[practice.clone(), theory.clone()]), None);
        // 1.004222: the online row says its amount is for submitting online.
        practice.fee_vnd = Some(10_000);
        practice.fee_note = Some("Trường hợp công dân nộp hồ sơ qua cổng dịch vụ công trực tuyến thu 10.000 đồng/lần".into());
        theory.fee_note = Some("Trường hợp công dân thuộc diện được miễn phí…".into());
        assert_eq!(online_saving(&[practice.clone(), theory.clone()]), Some(390_000));
        // 1.004194: one row for a person, the other for a list of people.
        practice.fee_note =
            Some("- Đăng ký tạm trú (cá nhân, hộ gia đình): + Trường hợp công dân nộp hồ sơ qua cổng dịch vụ công trực tuyến thu 10.000 đồng/lần".into());
        theory.fee_note = Some("- Đăng ký tạm trú theo danh sách: + Trường hợp công dân nộp hồ sơ trực tiếp thu 400.000 đồng".into());
        assert_eq!(online_saving(&[practice.clone(), theory.clone()]), None);
        // 1.000757: the online row says nothing of its price.
        practice.fee_note = Some("Chưa quy định.".into());
        practice.description = Some("Qua Cổng dịch vụ công quốc gia".into());
        assert_eq!(online_saving(&[practice, theory]), None);
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
    fn papers_everyone_needs_come_first_and_conditional_ones_never_among_them() {
        let doc = |name: &str, cond: Option<&str>| Document {
            name: name.into(),
            template_file: None,
            template_name: None,
            originals: 1,
            copies: 0,
            kind: DocumentKind::Submit,
            condition: cond.map(str::to_string),
            when: None,
            if_any: false,
            any_of: Vec::new(),
            state_holds: false,
            paper_spared: false,
            short: name.into(),
            short_by_hand: false,
            needed_anyway: None,
            raw: String::new(),
        };
        let abandoned = Document { when: Some("trẻ em bị bỏ rơi".into()), ..doc("Biên bản về việc trẻ bị bỏ rơi", None) };
        let id = Document { kind: DocumentKind::Present, ..doc("Giấy tờ tùy thân", None) };
        let residence = Document { kind: DocumentKind::Present, state_holds: true, ..doc("Giấy tờ chứng minh nơi cư trú", None) };
        let docs = [abandoned, doc("A", Some("Trường hợp ủy quyền")), residence, id, doc("B", None), doc("C", Some("Trường hợp ủy quyền"))];
        let g = paper_groups(&docs);
        let titles: Vec<String> = g.iter().map(|(h, _)| h.title()).collect();
        assert_eq!(titles[0], "Ai cũng cần", "a conditional paper is never listed first");
        assert_eq!(g[0].1.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(), ["B"]);
        assert!(titles[1].starts_with("Mang theo khi đến nộp"));
        assert_eq!(g[2].0, PaperGroup::OnlyIf);
        assert_eq!(paper_note(g[2].1[0]).unwrap(), "Chỉ khi: trẻ em bị bỏ rơi.");
        assert_eq!(g[3].0, PaperGroup::StateHolds);
        assert!(paper_note(g[3].1[0]).unwrap().starts_with("Thường không cần: cơ quan tự tra cứu"));
        assert_eq!(g[4].1.iter().map(|d| d.name.as_str()).collect::<Vec<_>>(), ["A", "C"]);
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
