//! Parses `cach_thuc_thuc_hien`: the table of ways to submit, run together as
//! `Hình thức nộpThời gianPhí, lệ phíMô tả` + rows of `mode · time · fee · description`, e.g.
//! `Trực tuyến5 Ngày làm việcMiễn phíTrực tiếp5 Ngày làm việc135 VNĐ(Lệ phí: 135.000 đồng/lần.)`.

use super::scan::{bracket_group_len, digits_len, pieces, sentences};
use crate::core::calendar::Date;
use crate::core::catalogue::model::{Channel, ForeignFee, Mode, ReducedFee, ReviewFlag, TimeUnit};
use crate::core::catalogue::present;
use crate::core::text::{fold, tone_key};

const HEADER: &str = "Hình thức nộpThời gianPhí, lệ phíMô tả";
const NO_INFO: &str = "Không có thông tin";
/// The time column of the tax authority's procedures: no time limit is set.
const NOT_SET: &str = "Không quy định";
const MODES: [(&str, Mode); 3] = [("Trực tuyến", Mode::Online), ("Dịch vụ bưu chính", Mode::Post), ("Trực tiếp", Mode::InPerson)];
const UNITS: [(&str, TimeUnit); 8] = [
    ("Ngày làm việc", TimeUnit::WorkingDays),
    ("ngày làm việc", TimeUnit::WorkingDays),
    ("Giờ làm việc", TimeUnit::WorkingHours),
    ("giờ làm việc", TimeUnit::WorkingHours),
    ("Ngày", TimeUnit::Days),
    ("Giờ", TimeUnit::Hours),
    ("Tháng", TimeUnit::Months),
    ("Năm", TimeUnit::Years),
];
const CURRENCIES: [(&str, &str); 6] = [("Việt Nam Đồng", "VND"), ("VNĐ", "VND"), ("VND", "VND"), ("Đồng", "VND"), ("đồng", "VND"), ("USD", "USD")];

pub fn parse_channels(source: &str) -> (Vec<Channel>, Vec<ReviewFlag>) {
    let mut flags = Vec::new();
    let body = match source.strip_prefix(HEADER) {
        Some(b) => b,
        None => {
            if !source.trim().is_empty() {
                flags.push(flag("bảng hình thức nộp không có tiêu đề như thường lệ"));
            }
            source
        }
    };
    let starts = row_starts(body);
    if starts.is_empty() {
        if !body.trim().is_empty() {
            flags.push(flag(&format!("không nhận ra hình thức nộp nào trong: «{}»", excerpt(body))));
        } else {
            flags.push(flag("không có thông tin về hình thức nộp, thời hạn, lệ phí"));
        }
        return (Vec::new(), flags);
    }
    if starts[0] > 0 && !body[..starts[0]].trim().is_empty() {
        flags.push(flag(&format!("có nội dung trước hàng đầu tiên: «{}»", excerpt(&body[..starts[0]]))));
    }
    let mut channels = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(body.len());
        channels.push(parse_row(&body[start..end], &mut flags));
    }
    (channels, flags)
}

/// Offsets where a row starts: a mode name followed by a time (digits), a fee, or the
/// placeholder. A mode name inside a description ("Trực tiếp tại …") does not start a row.
fn row_starts(body: &str) -> Vec<usize> {
    let mut starts: Vec<usize> = Vec::new();
    for (name, _) in MODES {
        for (i, _) in body.match_indices(name) {
            let rest = &body[i + name.len()..];
            if digits_len(rest) > 0 || rest.starts_with(NO_INFO) || rest.starts_with(NOT_SET) || rest.starts_with("Miễn phí") || rest.is_empty() {
                starts.push(i);
            }
        }
    }
    starts.sort_unstable();
    starts.dedup();
    starts
}

/// One row `mode · time · fee · (note) · description` in the crawl's shape (another source's
/// reader builds the same shape from its own cells).
pub(super) fn parse_row(row: &str, flags: &mut Vec<ReviewFlag>) -> Channel {
    let (mode_name, mode) = MODES.iter().copied().find(|(n, _)| row.starts_with(n)).expect("row starts with a mode");
    let mut rest = &row[mode_name.len()..];
    let mut ch = Channel {
        mode,
        time_limit_text: String::new(),
        time_amount: None,
        time_unit: None,
        working_days: None,
        fee_text: String::new(),
        fee_vnd: None,
        fee_other: None,
        fee_note: None,
        fee_in_note: false,
        reduced: None,
        exemptions: Vec::new(),
        description: None,
        raw: row.to_string(),
    };

    // Time limit.
    let mut glued = false;
    if let Some(r) = rest.strip_prefix(NO_INFO) {
        rest = r;
    } else if let Some(r) = rest.strip_prefix(NOT_SET) {
        ch.time_limit_text = NOT_SET.into();
        rest = r;
    } else {
        let n = number_len(rest);
        if n > 0 {
            let number = &rest[..n];
            let after = &rest[n..];
            let after_trim = after.trim_start();
            if currency_at(after_trim).is_some() {
                // "Trực tuyến120 VNĐ": the time and the amount ran together; "1" + "20 VNĐ" and
                // "" + "120 VNĐ" read the same. Keep the text, guess nothing.
                glued = true;
            } else {
                let amount = parse_decimal(number);
                let unit = UNITS.iter().find(|(u, _)| after_trim.starts_with(u));
                ch.time_amount = amount;
                match unit {
                    Some((u, unit)) => {
                        let consumed = n + (after.len() - after_trim.len()) + u.len();
                        ch.time_limit_text = crate::core::text::clean(&rest[..consumed]);
                        ch.time_unit = Some(*unit);
                        if *unit == TimeUnit::WorkingDays {
                            ch.working_days = amount.filter(|a| a.fract() == 0.0 && *a < 10_000.0).map(|a| a as u32);
                        }
                        rest = &rest[consumed..];
                    }
                    None => {
                        ch.time_limit_text = number.to_string();
                        flags.push(flag(&format!("{}: thời hạn «{}» không có đơn vị (ngày, giờ…)", mode.label_vi(), number)));
                        rest = after;
                    }
                }
            }
        }
    }

    // Fee.
    if let Some(r) = rest.strip_prefix("Miễn phí") {
        ch.fee_text = "Miễn phí".into();
        ch.fee_vnd = Some(0);
        rest = r;
    } else if let Some(r) = rest.strip_prefix(NO_INFO) {
        ch.fee_text = NO_INFO.into();
        rest = r;
    } else {
        let n = number_len(rest);
        let after = rest[n..].trim_start();
        if let Some((cur_text, code)) = currency_at(after) {
            let consumed = rest.len() - after.len() + cur_text.len();
            ch.fee_text = crate::core::text::clean(&rest[..consumed]);
            let number = &rest[..n];
            let amount = parse_amount(number);
            rest = &rest[consumed..];
            take_note(&mut ch, &mut rest);
            match (code, amount) {
                ("VND", Some(_)) if glued => ch.fee_vnd = split_glued(number, &ch, mode, flags),
                (_, Some(_)) if glued => flags.push(unsplit(mode, row)),
                ("VND", Some(a)) => ch.fee_vnd = check_small_amount(a, &ch, mode, flags),
                (_, Some(a)) => ch.fee_other = Some(ForeignFee { amount: foreign_amount(number).unwrap_or(a as f64), currency: code.to_string() }),
                _ => flags.push(flag(&format!("{}: không đọc được số tiền «{}»", mode.label_vi(), ch.fee_text))),
            }
        } else if !ch.time_limit_text.is_empty() || rest.trim().is_empty() {
            flags.push(flag(&format!("{}: không có lệ phí trong hàng «{}»", mode.label_vi(), excerpt(row))));
        }
    }
    take_note(&mut ch, &mut rest);
    if ch.fee_vnd == Some(0) && ch.fee_note.as_deref().is_some_and(states_amount) {
        ch.fee_vnd = None;
        ch.fee_in_note = true;
        flags.push(flag(&format!("{}: ghi «Miễn phí» nhưng phần ghi chú ghi mức thu: trang thủ tục chỉ người dân đến phần ghi chú", mode.label_vi())));
    }
    let description = rest.trim();
    if !description.is_empty() && !super::scan::is_placeholder(description) {
        ch.description = Some(crate::core::text::clean(description));
    }
    ch.exemptions = exemptions(ch.fee_note.as_deref(), ch.description.as_deref());
    ch.reduced = reduced_fee(&ch);
    says_working_days(&mut ch, flags);
    ch
}

/// A lower fee for a while, when the row's note and description state one, and only one, with
/// the day it ends: "(áp dụng mức phí 1.750.000 đồng/hồ sơ kể từ ngày 01/7/2025 đến hết ngày
/// 31/12/2026 theo Thông tư số 64/2025/TT-BTC)", "Áp dụng mức phí: 500.000 đồng (Năm trăm nghìn
/// đồng) kể từ ngày…", "Từ ngày 01/07/2025 đến hết ngày 31/12/2026, mức lệ phí bằng 50% mức phí
/// nêu trên…". Lower than the row's fee, or it is not a reduction of that fee; a row listing
/// several items ("Bao gồm: - 1.000.000 đồng … (Áp dụng mức phí: 500.000 đồng…) - 3.000.000 đồng…")
/// states more than one and is left as written.
fn reduced_fee(ch: &Channel) -> Option<ReducedFee> {
    let full = ch.fee_vnd.filter(|v| *v > 0)?;
    let text = format!("{} {}", ch.fee_note.as_deref().unwrap_or(""), ch.description.as_deref().unwrap_or("")).to_lowercase();
    // A row stating an older period too (the căn cước's "Kể từ ngày 01/01/2025 đến hết ngày
    // 31/12/2025, … trực tuyến … bằng 50%…; Kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 … bằng 50%
    // mức thu nêu trên"): each clause alone, the one ending last, when it halves the fee itself.
    reduction_in(&text, full).or_else(|| {
        let read: Vec<ReducedFee> = text.split(['.', ';']).filter(|c| c.contains(HALVED)).filter_map(|c| reduction_in(c, full)).collect();
        let last = read.iter().map(|r| r.until).max()?;
        let mut ending_last = read.into_iter().filter(|r| r.until == last);
        let first = ending_last.next()?;
        ending_last.all(|r| r.vnd == first.vnd).then_some(first)
    })
}

/// How the source says a fee is halved ("mức lệ phí bằng 50% mức phí nêu trên"), and how it gives
/// the last day of a lower fee ("đến hết ngày 31/12/2026"), in small letters.
const HALVED: &str = "bằng 50% mức";
const UNTIL: &str = "đến hết ngày ";

/// The one lower fee `text` (in small letters) states for a fee of `full` đồng, with its last day.
fn reduction_in(text: &str, full: u64) -> Option<ReducedFee> {
    let after = |word: &str| text.match_indices(word).map(|(i, _)| &text[i + word.len()..]).collect::<Vec<_>>();
    let untils: Vec<Date> = after(UNTIL).into_iter().filter_map(date_at).collect();
    let until = *untils.first()?;
    if untils.iter().any(|u| *u != until) {
        return None;
    }
    let mut amounts: Vec<u64> = ["áp dụng mức phí", "áp dụng mức lệ phí", "áp dụng mức thu"].iter().flat_map(|w| after(w)).filter_map(amount_at).collect();
    // "25.000 đồng/CCHN (áp dụng từ kể từ ngày…)", "25.000đ/tem “AB” (áp dụng đến hết ngày…)".
    // Not the fee itself before "(áp dụng mức phí …)".
    amounts.extend(
        text.match_indices("(áp dụng").filter(|(i, w)| !text[i + w.len()..].trim_start().starts_with("mức")).filter_map(|(i, _)| amount_before(&text[..i])),
    );
    amounts.retain(|a| *a != full);
    amounts.sort_unstable();
    amounts.dedup();
    let halved = text.contains(HALVED).then_some(full / 2).filter(|_| full.is_multiple_of(2));
    let vnd = match (amounts.as_slice(), halved) {
        ([one], _) => *one,
        ([], Some(half)) => half,
        _ => return None,
    };
    if vnd == 0 || vnd >= full {
        return None;
    }
    let from = after("từ ngày ").into_iter().filter_map(date_at).find(|f| *f < until);
    // The circular named after the last day ("… đến hết ngày 31/12/2026 theo Thông tư số
    // 64/2025/TT-BTC"), else the last one before it ("Theo Thông tư 64/2025/TT-BTC (kể từ … đến
    // hết …)"); not the one setting the full fee.
    let ends = text.find(UNTIL)?;
    let circulars: Vec<(usize, String)> = text
        .match_indices("thông tư")
        .filter_map(|(i, w)| {
            let number = text[i + w.len()..].split_whitespace().take(2).find(|w| w.contains("/tt-"))?;
            Some((i, format!("Thông tư số {}", number.trim_end_matches(|c: char| !c.is_alphanumeric()).to_uppercase())))
        })
        .collect();
    let basis = circulars.iter().find(|(i, _)| *i > ends).or_else(|| circulars.iter().rev().find(|(i, _)| *i < ends)).map(|(_, b)| b.clone());
    Some(ReducedFee { vnd, from, until, basis })
}

/// The date `text` begins with: "31/12/2026", "01/07/2025," or "31 tháng 12 năm 2026".
fn date_at(text: &str) -> Option<Date> {
    let word = text.split_whitespace().next()?.trim_end_matches(|c: char| !c.is_ascii_digit());
    if let Some(d) = Date::parse_vn(word) {
        return Some(d);
    }
    let w: Vec<&str> = text.split_whitespace().take(5).collect();
    match w.as_slice() {
        [d, "tháng", m, "năm", y] => Date::new(y.trim_end_matches(|c: char| !c.is_ascii_digit()).parse().ok()?, m.parse().ok()?, d.parse().ok()?),
        _ => None,
    }
}

/// The amount in đồng in the last few words of `text`: "- 25.000đ/tem “AB” ".
fn amount_before(text: &str) -> Option<u64> {
    let tail: String = text.chars().rev().take(40).collect::<Vec<_>>().into_iter().rev().collect();
    let starts = tail.char_indices().filter(|(i, c)| c.is_ascii_digit() && !tail[..*i].ends_with(|p: char| p.is_ascii_digit() || p == '.' || p == ','));
    starts.filter_map(|(i, _)| amount_at(&tail[i..])).next_back().filter(|a| *a > 0)
}

/// The amount in đồng `text` begins with, after a ':': "1.750.000 đồng/hồ sơ", ": 500.000 đồng
/// (Năm trăm nghìn đồng)", "25.000đ".
fn amount_at(text: &str) -> Option<u64> {
    let t = text.trim_start_matches([':', ' ']);
    let number: String = t.chars().take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',')).collect();
    let unit = t[number.len()..].trim_start();
    (unit.starts_with("đồng") || unit.starts_with('đ')).then(|| parse_amount(&number)).flatten()
}

/// "7 Ngày" whose own row says "07 ngày làm việc, kể từ ngày nhận đủ hồ sơ": the unit column lost
/// "làm việc", and counting calendar days would promise the result too early.
fn says_working_days(ch: &mut Channel, flags: &mut Vec<ReviewFlag>) {
    let Some(n) = ch.time_amount.filter(|a| ch.time_unit == Some(TimeUnit::Days) && a.fract() == 0.0 && *a >= 1.0 && *a < 1000.0) else {
        return;
    };
    let text = crate::core::text::fold(&format!("{} {}", ch.description.as_deref().unwrap_or(""), ch.fee_note.as_deref().unwrap_or("")));
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let said = words.windows(4).any(|w| w[0].parse::<f64>().ok() == Some(n) && w[1..] == ["ngay", "lam", "viec"]);
    if said {
        ch.time_unit = Some(TimeUnit::WorkingDays);
        ch.working_days = Some(n as u32);
        flags.push(flag(&format!("{}: thời hạn «{}» hiểu là ngày làm việc, như chính hàng này ghi", ch.mode.label_vi(), ch.time_limit_text)));
    }
}

fn take_note(ch: &mut Channel, rest: &mut &str) {
    if ch.fee_note.is_none() {
        if let Some(n) = bracket_group_len(rest) {
            // The group's own closing bracket only: "(/hồ sơ (Thông tư số 61/2023/TT-BTC))" keeps
            // the inner one; a note bracketed twice, "((Từ ngày … ))", loses the outer pair.
            let inner = rest[1..n].strip_suffix(')').unwrap_or(&rest[1..n]);
            let whole = inner.trim();
            let inner = match (bracket_group_len(whole), whole.strip_prefix('(').and_then(|w| w.strip_suffix(')'))) {
                (Some(m), Some(within)) if m == whole.len() => within,
                _ => inner,
            };
            if !inner.trim().is_empty() {
                ch.fee_note = Some(crate::core::text::clean(inner));
            }
            *rest = &rest[n..];
        }
    }
}

/// Whether a note states an amount in đồng ("135.000 đồng/lần", "40.000đồng", "1.200.000 VNĐ",
/// "01 triệu đồng"), not only a percentage or the province's decision.
fn states_amount(note: &str) -> bool {
    let b = note.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && (b[i].is_ascii_digit() || (matches!(b[i], b'.' | b',') && b.get(i + 1).is_some_and(u8::is_ascii_digit))) {
            i += 1;
        }
        let thousands = note[start..i].contains(['.', ',']) || i - start >= 4;
        let after = note[i..].trim_start();
        let unit = ["đồng", "đ/", "đ ", "VNĐ", "VND", "Đồng"].iter().any(|u| after.starts_with(u)) || after.starts_with("triệu đồng");
        if unit && (thousands || after.starts_with("triệu")) {
            return true;
        }
    }
    false
}

/// "Trực tuyến1100 VNĐ(… 100.000 đồng/lần)": the time limit's digits ran into the fee's, so "1100"
/// may be 1 + 100, 11 + 00 or 110 + 0. A split is taken only when the row's own note states its
/// amount (as it is, or with the thousands the portal drops), and only one split does; else the fee
/// is unknown. Flagged either way.
fn split_glued(number: &str, ch: &Channel, mode: Mode, flags: &mut Vec<ReviewFlag>) -> Option<u64> {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let note = format!("{} {}", ch.fee_note.as_deref().unwrap_or(""), ch.description.as_deref().unwrap_or(""));
    let stated = |v: u64| present::written(&note, &present::format_thousands(v)).next().is_some();
    let mut found: Vec<u64> = (1..digits.len())
        .filter_map(|k| digits[k..].parse::<u64>().ok())
        .filter(|a| *a > 0)
        .flat_map(|a| [Some(a), a.checked_mul(1000)].into_iter().flatten())
        .filter(|v| *v >= 1000 && stated(*v))
        .collect();
    found.dedup();
    match found[..] {
        [v] => {
            flags.push(flag(&format!(
                "{}: thời hạn và lệ phí dính liền («{}»), lệ phí hiểu là {v} đồng theo phần ghi chú của chính hàng này",
                mode.label_vi(),
                excerpt(&ch.raw)
            )));
            Some(v)
        }
        _ => {
            flags.push(unsplit(mode, &ch.raw));
            None
        }
    }
}

/// A time limit and a fee that ran together and could not be told apart.
fn unsplit(mode: Mode, row: &str) -> ReviewFlag {
    flag(&format!("{}: thời hạn và lệ phí dính liền («{}»), không tách được", mode.label_vi(), excerpt(row)))
}

/// Amounts under 1 000 đồng do not exist as fees: the portal sometimes drops the thousands
/// ("135 VNĐ" with the note "135.000 đồng/lần"). Accept ×1000 only when the row's own text says
/// so, and flag it either way.
fn check_small_amount(amount: u64, ch: &Channel, mode: Mode, flags: &mut Vec<ReviewFlag>) -> Option<u64> {
    if amount == 0 || amount >= 1000 {
        return Some(amount);
    }
    let thousands = [format!("{amount}.000"), format!("{amount},000"), format!("{amount}.000.000")];
    let text = format!("{} {}", ch.fee_note.as_deref().unwrap_or(""), ch.description.as_deref().unwrap_or(""));
    if thousands[..2].iter().any(|t| text.contains(t.as_str())) && !text.contains(thousands[2].as_str()) {
        flags.push(flag(&format!("{}: lệ phí ghi «{}», hiểu là {} đồng theo phần ghi chú của chính hàng này", mode.label_vi(), ch.fee_text, amount * 1000)));
        Some(amount * 1000)
    } else {
        flags.push(flag(&format!("{}: lệ phí «{}» nhỏ bất thường, có thể thiếu phần nghìn", mode.label_vi(), ch.fee_text)));
        None
    }
}

/// Sentences that tell who pays less or nothing (miễn, giảm, không phải nộp), verbatim. A sentence
/// listing the people exempt with ";" ("Miễn lệ phí đối với …; người thuộc hộ nghèo; người khuyết
/// tật.") is kept whole: each ";" part that names no fee of its own belongs to the exemption before it.
fn exemptions(note: Option<&str>, description: Option<&str>) -> Vec<String> {
    let folded = |s: &str| format!(" {} ", fold(s));
    // With diacritics: "giảm" (less) is not "giám sát" (supervision).
    let toned = |s: &str| format!(" {} ", tone_key(s));
    let keys: Vec<String> = ["miễn", "giảm", "không phải nộp", "không thu"].iter().map(|k| toned(k)).collect();
    let about_fees = |s: &str| {
        let t = toned(s);
        keys.iter().any(|k| t.contains(k.as_str()))
    };
    // A part that is a statement of its own: another fee, an amount, a rule.
    let own_statement =
        |s: &str| about_fees(s) || [" phi ", " le phi ", " dong ", " thu "].iter().any(|k| folded(s).contains(k)) || s.chars().any(|c| c.is_ascii_digit());
    let mut out: Vec<String> = Vec::new();
    for text in [note, description].into_iter().flatten() {
        for sentence in full_sentences(text) {
            let parts: Vec<String> = sentences(&sentence);
            let mut i = 0;
            while i < parts.len() {
                if !about_fees(&parts[i]) {
                    i += 1;
                    continue;
                }
                let mut s = parts[i].clone();
                i += 1;
                while i < parts.len() && !own_statement(&parts[i]) {
                    s.push(' ');
                    s.push_str(&parts[i]);
                    i += 1;
                }
                let s = s.trim_start_matches(['(', ' ']).trim_end_matches([')', ' ']).to_string();
                if folded(&s).trim() != "mien phi" && !out.contains(&s) {
                    out.push(s);
                }
            }
        }
    }
    out
}

/// The sentences of a text split at full stops and line ends only (not at ";").
fn full_sentences(text: &str) -> Vec<String> {
    // A heading ending with ":" and the "-" items on the lines after it are one sentence.
    let mut joined: Vec<String> = Vec::new();
    for s in pieces(text, false) {
        match (joined.last_mut(), s.strip_prefix(['-', '+', '*'])) {
            (Some(last), Some(item)) if last.ends_with(':') || last.ends_with(';') || last.ends_with(',') => {
                last.push(' ');
                last.push_str(item.trim());
            }
            _ => joined.push(s),
        }
    }
    joined
}

fn currency_at(s: &str) -> Option<(&'static str, &'static str)> {
    CURRENCIES.iter().copied().find(|(t, _)| s.starts_with(t))
}

/// Length of a number like `5`, `1,5`, `1,200,000` or `1.200.000`.
fn number_len(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = digits_len(s);
    if i == 0 {
        return 0;
    }
    while i + 1 < b.len() && (b[i] == b',' || b[i] == b'.') && b[i + 1].is_ascii_digit() {
        i += 1 + digits_len(&s[i + 1..]);
    }
    i
}

/// "1.5" or "2,25" (USD): one separator with one or two digits after it is a decimal point, not
/// thousands as in đồng.
fn foreign_amount(s: &str) -> Option<f64> {
    let (whole, fraction) = s.split_once(['.', ','])?;
    let plain = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    (plain(whole) && plain(fraction) && fraction.len() <= 2).then(|| format!("{whole}.{fraction}").parse().ok()).flatten()
}

/// `1,200,000` / `1.200.000` → 1200000 (separators are thousands in amounts).
fn parse_amount(s: &str) -> Option<u64> {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    digits.parse().ok()
}

/// `1,5` / `1.5` → 1.5 (a decimal in time limits).
fn parse_decimal(s: &str) -> Option<f64> {
    s.replace(',', ".").parse().ok().filter(|v: &f64| v.is_finite())
}

fn flag(reason: &str) -> ReviewFlag {
    ReviewFlag { field: "channels".into(), reason: reason.into() }
}

fn excerpt(s: &str) -> String {
    let t: String = s.chars().take(80).collect();
    if t.len() < s.len() {
        format!("{t}…")
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> (Vec<Channel>, Vec<ReviewFlag>) {
        parse_channels(&format!("{HEADER}{s}"))
    }

    #[test]
    fn three_free_channels_in_working_days() {
        let (ch, flags) = parse("Trực tuyến10 Ngày làm việcMiễn phíDịch vụ bưu chính10 Ngày làm việcMiễn phíTrực tiếp10 Ngày làm việcMiễn phí");
        assert!(flags.is_empty(), "{flags:?}");
        assert_eq!(ch.iter().map(|c| c.mode).collect::<Vec<_>>(), [Mode::Online, Mode::Post, Mode::InPerson]);
        assert!(ch.iter().all(|c| c.working_days == Some(10) && c.fee_vnd == Some(0) && c.fee_text == "Miễn phí"));
        assert_eq!(ch[0].time_limit_text, "10 Ngày làm việc");
    }

    #[test]
    fn amounts_with_thousand_separators_and_notes() {
        let (ch, _) = parse("Trực tiếp15 Ngày1,200,000 Việt Nam Đồng(Lệ phí cấp giấy phép: 1.200.000 đồng/giấy)Nộp tại Bộ phận một cửa");
        assert_eq!(ch[0].fee_vnd, Some(1_200_000));
        assert_eq!(ch[0].time_unit, Some(TimeUnit::Days));
        assert_eq!(ch[0].working_days, None, "calendar days are not working days");
        assert_eq!(ch[0].fee_note.as_deref(), Some("Lệ phí cấp giấy phép: 1.200.000 đồng/giấy"));
        assert_eq!(ch[0].description.as_deref(), Some("Nộp tại Bộ phận một cửa"));
    }

    #[test]
    fn dropped_thousands_are_restored_only_with_evidence_and_always_flagged() {
        let (ch, flags) = parse("Trực tiếp5 Ngày làm việc135 VNĐ(Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)");
        assert_eq!(ch[0].fee_vnd, Some(135_000));
        assert_eq!(flags.len(), 1);
        let (ch, flags) = parse("Trực tiếp5 Ngày làm việc99 VNĐ");
        assert_eq!(ch[0].fee_vnd, None);
        assert!(flags[0].reason.contains("nhỏ bất thường"));
    }

    #[test]
    fn run_together_time_and_fee_is_flagged_not_guessed() {
        let (ch, flags) = parse("Trực tuyến120 VNĐTrực tiếp120 VNĐ");
        assert_eq!(ch.len(), 2);
        assert_eq!(ch[0].time_amount, None);
        assert_eq!(ch[0].fee_vnd, None, "120 đồng is not a believable fee either");
        assert!(flags.iter().any(|f| f.reason.contains("dính liền")));
    }

    #[test]
    fn run_together_time_and_fee_are_split_only_where_the_row_s_note_states_the_fee() {
        let (ch, flags) = parse("Trực tuyến1100 VNĐ(Phí công bố nội dung đăng ký doanh nghiệp: 100.000 đồng/lần)");
        assert_eq!(ch[0].fee_vnd, Some(100_000), "1 + 100 (thousands dropped), as the note says; not 1.100 đồng");
        assert!(flags[0].reason.contains("hiểu là 100000 đồng"), "{flags:?}");
        let (ch, _) = parse("Trực tiếp120 VNĐ(Lệ phí: 20.000 đồng/lần)");
        assert_eq!(ch[0].fee_vnd, Some(20_000), "not 120.000");
        let (ch, flags) = parse("Trực tiếp1150 VNĐ(Lệ phí: 150.000 đồng hoặc 50.000 đồng)");
        assert_eq!(ch[0].fee_vnd, None, "two splits the note supports: unknown");
        assert!(flags[0].reason.contains("không tách được"));
    }

    #[test]
    fn free_in_the_fee_column_with_amounts_in_its_note_is_not_free() {
        let (ch, flags) = parse("Trực tiếp5 Ngày làm việcMiễn phí(- Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần.)");
        assert_eq!((ch[0].fee_vnd, ch[0].fee_in_note), (None, true));
        assert_eq!(crate::core::catalogue::present::describe_fee(&ch[0]), "Có thu: xem mức thu ở phần ghi chú lệ phí");
        assert!(flags[0].reason.contains("Miễn phí"));
        let (ch, _) = parse("Trực tiếp5 Ngày làm việcMiễn phí(Lệ phí cấp lại 01 triệu đồng/lần)");
        assert!(ch[0].fee_in_note);
        for note in ["Miễn lệ phí theo Thông tư 106/2021/TT-BTC ngày 26/11/2021", "Mức thu do Hội đồng nhân dân tỉnh quyết định", "Miễn phí 100%"]
        {
            let (ch, _) = parse(&format!("Trực tiếp5 Ngày làm việcMiễn phí({note})"));
            assert_eq!((ch[0].fee_vnd, ch[0].fee_in_note), (Some(0), false), "{note}");
        }
    }

    #[test]
    fn days_the_row_itself_calls_working_days_are_working_days() {
        let (ch, flags) = parse("Trực tiếp7 NgàyKhông có thông tin07 ngày làm việc, kể từ ngày nhận đủ hồ sơ");
        assert_eq!((ch[0].time_unit, ch[0].working_days), (Some(TimeUnit::WorkingDays), Some(7)));
        assert!(flags.iter().any(|f| f.reason.contains("ngày làm việc")), "{flags:?}");
        let (ch, _) = parse("Trực tiếp7 NgàyKhông có thông tin(Trong 02 ngày làm việc, cơ quan thông báo nếu hồ sơ thiếu)");
        assert_eq!((ch[0].time_unit, ch[0].working_days), (Some(TimeUnit::Days), None), "another number of working days is about something else");
    }

    #[test]
    fn rows_with_no_time_limit_set_are_read() {
        // 1.008312 (tax): every row says "Không quy định" where the time goes.
        let (ch, flags) = parse("Trực tuyếnKhông quy địnhMiễn phíQua Cổng DVC Quốc giaTrực tiếpKhông quy địnhMiễn phí");
        assert!(flags.is_empty(), "{flags:?}");
        assert_eq!(
            ch.iter().map(|c| (c.mode, c.time_limit_text.as_str(), c.fee_vnd)).collect::<Vec<_>>(),
            [(Mode::Online, "Không quy định", Some(0)), (Mode::InPerson, "Không quy định", Some(0))]
        );
        assert_eq!(ch[0].description.as_deref(), Some("Qua Cổng DVC Quốc gia"));
    }

    #[test]
    fn a_lost_time_unit_is_flagged() {
        let (ch, flags) = parse("Trực tuyến1Miễn phíTrực tiếp1Miễn phí");
        assert_eq!(ch[0].time_amount, Some(1.0));
        assert_eq!(ch[0].time_unit, None);
        assert_eq!(ch[0].working_days, None);
        assert_eq!(flags.len(), 2);
    }

    #[test]
    fn foreign_currency_fees_are_kept_apart() {
        let (ch, flags) = parse("Trực tuyến5 Ngày làm việc25 USD(Cấp thị thực có giá trị một lần)");
        assert!(flags.is_empty());
        assert_eq!(ch[0].fee_vnd, None);
        assert_eq!(ch[0].fee_other, Some(ForeignFee { amount: 25.0, currency: "USD".into() }));
        let (ch, _) = parse("Trực tiếp5 Ngày làm việc1.5 USD");
        assert_eq!(ch[0].fee_other, Some(ForeignFee { amount: 1.5, currency: "USD".into() }), "a decimal point, not thousands");
        let (ch, _) = parse("Trực tiếp5 Ngày làm việc1,200 USD");
        assert_eq!(ch[0].fee_other, Some(ForeignFee { amount: 1200.0, currency: "USD".into() }));
    }

    #[test]
    fn exemptions_are_quoted_verbatim() {
        let (ch, _) = parse("Trực tuyến1 Ngày làm việcMiễn phí(Miễn lệ phí đăng ký doanh nghiệp đối với trường hợp đăng ký qua mạng điện tử.)Trực tiếp1 Ngày làm việc50,000 Việt Nam Đồng");
        assert_eq!(ch[0].exemptions, ["Miễn lệ phí đăng ký doanh nghiệp đối với trường hợp đăng ký qua mạng điện tử."]);
        assert_eq!(ch[1].fee_vnd, Some(50_000));
    }

    #[test]
    fn every_group_exempt_is_kept_not_only_the_first_before_a_semicolon() {
        // Đăng ký khai tử (1.000656), as the crawl has it.
        let note = "Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương quyết định. Miễn lệ phí đối với trường hợp đăng ký khai tử đúng hạn, người thuộc gia đình có công với cách mạng; người thuộc hộ nghèo; người khuyết tật. Phí cấp bản sao Trích lục khai tử (nếu có yêu cầu) thực hiện theo quy định tại Thông tư số 281/2016/TT-BTC ngày 14/11/2016 của Bộ Tài chính.";
        assert_eq!(
            exemptions(Some(note), None),
            ["Miễn lệ phí đối với trường hợp đăng ký khai tử đúng hạn, người thuộc gia đình có công với cách mạng; người thuộc hộ nghèo; người khuyết tật."]
        );
        // A ";" list where each part is a statement of its own stays apart.
        assert_eq!(
            exemptions(Some("Miễn phí cho trẻ em dưới 6 tuổi; giảm 50% cho người cao tuổi; lệ phí bản sao 8.000 đồng/bản."), None),
            ["Miễn phí cho trẻ em dưới 6 tuổi;", "giảm 50% cho người cao tuổi;"]
        );
        // Lists with dashes on new lines, and a sentence with no exemption.
        assert_eq!(
            exemptions(None, Some("Miễn lệ phí đối với:\n- Người có công với cách mạng;\n- Hộ nghèo.\nLệ phí: 20.000 đồng.")),
            ["Miễn lệ phí đối với: Người có công với cách mạng; Hộ nghèo."],
            "a list on new lines under its heading"
        );
        assert_eq!(exemptions(Some("Lệ phí 50.000 đồng; nộp khi nhận kết quả."), None), Vec::<String>::new());
        // "giám sát" (supervision) is not "giảm" (less).
        assert_eq!(exemptions(Some("Phí kiểm tra, giám sát động vật: theo quy định tại Thông tư số 101/2020/TT-BTC;"), None), Vec::<String>::new());
        assert_eq!(exemptions(Some("GIẢM 50% lệ phí cho hộ nghèo."), None), ["GIẢM 50% lệ phí cho hộ nghèo."], "in capitals too");
    }

    #[test]
    fn a_fee_note_keeps_its_own_brackets() {
        let (ch, _) = parse("Trực tuyến5 Ngày làm việc80,000 Việt Nam Đồng(/hồ sơ (Thông tư số 61/2023/TT-BTC))");
        assert_eq!(ch[0].fee_note.as_deref(), Some("/hồ sơ (Thông tư số 61/2023/TT-BTC)"));
        let (ch, _) = parse("Trực tiếp30 Ngày70,000,000 Việt Nam Đồng((Từ ngày 01/07/2025 đến hết ngày 31/12/2026, mức lệ phí bằng 50% mức phí nêu trên))");
        assert_eq!(ch[0].fee_note.as_deref(), Some("Từ ngày 01/07/2025 đến hết ngày 31/12/2026, mức lệ phí bằng 50% mức phí nêu trên"));
        // A group the row leaves open to its end (found by import_never_panics).
        let (ch, _) = parse("Trực tiếp5 Ngày50,000 Việt Nam Đồng((Mã: KQ.G15.Mô tả");
        assert!(ch[0].fee_note.as_deref().is_some_and(|n| n.ends_with("Mô tả")), "{:?}", ch[0].fee_note);
    }

    #[test]
    fn a_fee_lowered_for_a_while_is_read_with_its_last_day_and_basis() {
        let reduced = |row: &str| {
            let (ch, _) = parse(row);
            ch.first().and_then(|c| c.reduced.clone()).map(|r| (r.vnd, r.from.map(|d| d.to_string()), r.until.to_string(), r.basis))
        };
        let basis = Some("Thông tư số 64/2025/TT-BTC".to_string());
        let from = Some("2025-07-01".to_string());
        // 1.013818: the lower fee in the row's description.
        assert_eq!(
            reduced("Trực tuyến15 Ngày làm việc3,500,000 Việt Nam Đồng(/hồ sơ)(áp dụng mức phí 1.750.000 đồng/hồ sơ kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 theo Thông tư số 64/2025/TT-BTC)."),
            Some((1_750_000, from.clone(), "2026-12-31".into(), basis.clone()))
        );
        // 1.008890: in the fee's note, its amount also in words.
        assert_eq!(
            reduced("Trực tiếp10 Ngày làm việc1,000,000 Việt Nam Đồng(Áp dụng mức phí: 500.000 đồng (Năm trăm nghìn đồng) kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 theo Thông tư số 64/2025/TT-BTC)"),
            Some((500_000, from.clone(), "2026-12-31".into(), basis.clone()))
        );
        // 2.000438: "bằng 50% mức phí nêu trên".
        assert_eq!(
            reduced("Trực tiếp30 Ngày70,000,000 Việt Nam Đồng((Từ ngày 01/07/2025 đến hết ngày 31/12/2026, mức lệ phí bằng 50% mức phí nêu trên theo quy định tại Thông tư 64/2025/TT-BTC ngày 30/06/2025))"),
            Some((35_000_000, from.clone(), "2026-12-31".into(), basis.clone()))
        );
        // Dates in words.
        let words = reduced("Trực tiếp5 Ngày làm việc50,000 Việt Nam Đồng(25.000 đồng/CCHN (áp dụng mức phí 25.000 đồng kể từ ngày 01 tháng 7 năm 2025 đến hết ngày 31 tháng 12 năm 2026))");
        assert_eq!(words.map(|w| (w.0, w.2)), Some((25_000, "2026-12-31".into())));
        // The lower amount just before "(áp dụng …".
        let before = reduced("Trực tiếp5 Ngày50,000 Việt Nam Đồng(- 50.000đ/tem “AB” (Thông tư số 25/2021/TT-BTC). - 25.000đ/tem “AB” (áp dụng đến hết ngày 31/12/2026 theo Thông tư số 64/2025/TT-BTC))");
        assert_eq!(before, Some((25_000, None, "2026-12-31".into(), basis.clone())));
        // 1.002681: the fee itself just before "(áp dụng mức phí …)" is not a second amount.
        let fee_then_lower = reduced("Trực tuyến6 Ngày làm việc800,000 Việt Nam Đồng(/hồ sơ)Phí: 800.000 đồng/hồ sơ (áp dụng mức phí 400.000 đồng/hồ sơ kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 theo Thông tư số 64/2025/TT-BTC).\n\nLệ phí: 100.000 đồng/hồ sơ.");
        assert_eq!(fee_then_lower, Some((400_000, from.clone(), "2026-12-31".into(), basis.clone())));
        // 2.001195: an older, ended period before the one in force; the one ending last counts.
        let card = reduced("Trực tuyến7 Ngày làm việc50,000 Việt Nam Đồng(- Cấp đổi thẻ căn cước đối với các trường hợp quy định tại khoản 1 Điều 24 Luật Căn cước: 50.000 đồng/thẻ căn cước;  Kể từ ngày 01/01/2025 đến hết ngày 31/12/2025, mức thu lệ phí khi công dân nộp hồ sơ cấp đổi, cấp lại thẻ căn cước theo hình thức trực tuyển bằng 50% mức thu lệ phí quy định. - Kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 mức thu lệ phí cấp đổi, cấp lại thẻ căn cước bằng 50% mức thu nêu trên theo quy định tại Thông tư 64/2025/TT-BTC ngày 30/6/2025 của Bộ Tài chính.)");
        assert_eq!(card, Some((25_000, from.clone(), "2026-12-31".into(), basis.clone())));
        // Several items each with their own lower fee, a "lower" fee that is not, or no last day: as written.
        assert_eq!(reduced("Trực tiếp5 Ngày4,000,000 Việt Nam Đồng(Bao gồm: - 1.000.000 đồng (Áp dụng mức phí: 500.000 đồng kể từ ngày 01/7/2025 đến hết ngày 31/12/2026) - 3.000.000 đồng (Áp dụng mức phí: 1.500.000 đồng kể từ ngày 01/7/2025 đến hết ngày 31/12/2026))"), None);
        assert_eq!(reduced("Trực tiếp5 Ngày50,000 Việt Nam Đồng(áp dụng mức phí 50.000 đồng đến hết ngày 31/12/2026)"), None);
        assert_eq!(reduced("Trực tiếp5 Ngày50,000 Việt Nam Đồng(áp dụng mức phí 25.000 đồng theo Thông tư số 64/2025/TT-BTC)"), None);
        assert_eq!(reduced("Trực tiếp5 NgàyMiễn phí(áp dụng mức phí 25.000 đồng đến hết ngày 31/12/2026)"), None);
    }

    #[test]
    fn mode_words_inside_descriptions_do_not_start_rows() {
        let (ch, _) = parse("Trực tiếp10 NgàyKhông có thông tinTrực tiếp tại cơ quan Công an cấp huyện.");
        assert_eq!(ch.len(), 1);
        assert_eq!(ch[0].description.as_deref(), Some("Trực tiếp tại cơ quan Công an cấp huyện."));
        assert_eq!(ch[0].fee_vnd, None);
    }

    #[test]
    fn missing_time_is_not_an_error() {
        let (ch, _) = parse("Trực tiếpKhông có thông tinKhông có thông tin");
        assert_eq!(ch.len(), 1);
        assert_eq!(ch[0].time_limit_text, "");
        assert_eq!(ch[0].fee_text, "Không có thông tin");
    }
}
