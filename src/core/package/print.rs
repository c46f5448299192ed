//! What the package's printed pages and guide say: the declaration laid out like the official
//! templates (national heading, title, "Kính gửi", numbered fields, pledge, date and signature),
//! the receipt (papers, what to bring, the QR code) and the upload guide for the portal.

use super::pdf::{Align, Block, Doc, Signature};
use super::{Manifest, DECLARATION, GUIDE, MANIFEST, RECEIPT};
use crate::core::calendar::Date;
use crate::core::calendar::Receipt;
use crate::core::files::human_size;
use crate::core::forms::model::ADULT_AGE;
use crate::core::forms::{age_on, given, Answers, FormDef};
use crate::core::text::fold;
use crate::core::units::Units;

/// A line still to fill in by hand.
const BLANK: &str = "……………………………";

// The declaration's fixed lines, in the agency's language whatever the person reads (the PDF and
// the page `/ho-so/:ma/in` print the same).
pub const NATION: &str = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
pub const PLEDGE: &str = "Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về lời khai của mình.";
pub const APPLICANT: &str = "NGƯỜI YÊU CẦU";
pub const SIGN_HERE: &str = "(Ký, ghi rõ họ, chữ đệm, tên)";
/// The date line left to fill in by hand.
pub const DATE_BLANK: &str = "…, ngày … tháng … năm …";

/// "Kính gửi", as every template has it: the agency when the catalogue names one, else a line
/// to write it by hand. A name that is a level or a list ("Ủy ban Nhân dân xã, phường, thị
/// trấn", "Công an cấp Xã", "Công an tỉnh") names no agency the desk would recognise as its own.
pub fn addressee(agency: Option<&str>) -> String {
    let named = agency.map(|a| a.trim().trim_end_matches('.')).filter(|a| {
        let f = fold(a);
        let level = ["cap xa", "cap huyen", "cap tinh", "cap trung uong"].iter().any(|l| f.contains(l));
        let bare = [" xa", " tinh", " huyen", " phuong"].iter().any(|l| f.ends_with(l));
        !a.is_empty() && !a.contains(',') && !level && !bare
    });
    match named {
        Some(a) => format!("Kính gửi: {a}"),
        None => "Kính gửi: .................................................................".to_string(),
    }
}

/// A numbered line's beginning, as the template writes it: "3. Họ, chữ đệm, tên:". A question
/// keeps its own mark: "Giấy tờ do cơ quan nước ngoài cấp? Không", not "…cấp?: Không".
pub fn numbered(number: usize, label: &str) -> String {
    let colon = if label.ends_with(['?', ':']) { "" } else { ":" };
    format!("{number}. {label}{colon}")
}

/// The pledge above the signatures: the template's own, or the applicant's.
pub fn pledge(form: &FormDef) -> &str {
    form.pledge.as_deref().unwrap_or(PLEDGE)
}

/// The signature blocks, left to right: each heading, what to write, and the name written under
/// it; a block the template asks only in some cases (`Signer::when`, on the asked answers; a
/// minor's parent, `Signer::minor`, on the day the declaration is made) only then. A template
/// with no signers of its own is signed by the applicant alone (`FormDef::applicant`).
pub fn signatures(form: &FormDef, answers: &Answers, day: Date) -> Vec<Signature> {
    if form.signers.is_empty() {
        return vec![Signature { title: APPLICANT.into(), hint: SIGN_HERE.into(), name: form.applicant(answers) }];
    }
    let asked = form.asked(answers);
    let minor = |born: &str| given(&asked, born).and_then(Date::parse_vn).is_some_and(|b| age_on(b, day) < ADULT_AGE);
    form.signers
        .iter()
        .filter(|s| s.when.as_ref().is_none_or(|c| c.holds(&asked)) && s.minor.as_deref().is_none_or(minor))
        .map(|s| Signature {
            title: s.title.clone(),
            hint: s.hint.clone().unwrap_or_else(|| SIGN_HERE.into()),
            name: s.name.as_deref().and_then(|k| given(&asked, k)).map(str::to_string),
        })
        .collect()
}

fn created(m: &Manifest) -> Receipt {
    Receipt::parse_rfc3339(&m.created).unwrap_or(Receipt::from_unix_millis(0))
}

/// The declaration, from the normalised answers.
pub fn declaration(form: &FormDef, answers: &Answers, units: Option<&Units>, m: &Manifest) -> Doc {
    let mut b = vec![
        Block::bold(NATION, 13.0, Align::Center),
        Block::bold(MOTTO, 13.0, Align::Center),
        Block::Rule,
        Block::Space(14.0),
        Block::bold(form.title.to_uppercase(), 14.0, Align::Center),
    ];
    if !form.template.is_empty() {
        b.push(Block::centered(format!("({})", form.template), 10.0));
    }
    b.push(Block::Space(10.0));
    b.push(Block::text(addressee(m.procedure.agency.as_deref())));
    b.push(Block::Space(6.0));
    let mut number = 0;
    for section in form.printed_sheet(answers, units) {
        b.push(Block::Space(4.0));
        b.push(Block::bold(section.title, 12.0, Align::Left));
        if let Some(none) = section.none {
            b.push(Block::text(none));
        }
        for item in section.items {
            if let Some(h) = item.heading {
                b.push(Block::bold(h, 12.0, Align::Left));
            }
            for row in item.rows {
                number += 1;
                let value = row.value.unwrap_or_else(|| BLANK.into());
                b.push(Block::Text { text: format!("{} {value}", numbered(number, &row.label)), size: 12.0, bold: false, align: Align::Left, indent: 14.0 });
            }
        }
    }
    let day = created(m).date;
    b.extend([
        Block::Space(10.0),
        Block::text(pledge(form)),
        Block::Space(12.0),
        // The date line and the signatures (about 120 points with one line each) stay together.
        Block::Keep(130.0),
        Block::Text {
            text: format!("…, ngày {:02} tháng {:02} năm {}", day.day(), day.month(), day.year()),
            size: 12.0,
            bold: false,
            align: Align::RightHalf,
            indent: 0.0,
        },
        Block::Signatures(signatures(form, answers, day)),
    ]);
    b.push(Block::Space(16.0));
    b.push(Block::Text {
        text: format!("Lập bằng hoso từ hồ sơ thủ tục {} lúc {}.", m.procedure.code, created(m).to_rfc3339()),
        size: 8.0,
        bold: false,
        align: Align::Left,
        indent: 0.0,
    });
    Doc { title: form.title.clone(), subject: format!("Tờ khai, thủ tục {}", m.procedure.code), blocks: b }
}

/// The receipt: what is in the package, the fee of the way chosen, what to bring, and the QR code
/// a desk scans.
pub fn receipt(m: &Manifest, manifest_sha256: &str, fee: Option<&str>) -> Doc {
    let at = created(m);
    let mut b = vec![
        Block::bold("BIÊN NHẬN HỒ SƠ CHUẨN BỊ BẰNG HOSO", 14.0, Align::Center),
        Block::Space(10.0),
        Block::text(format!("Thủ tục: {} (mã {})", m.procedure.name, m.procedure.code)),
    ];
    if let Some(agency) = &m.procedure.agency {
        b.push(Block::text(format!("Cơ quan giải quyết: {agency}")));
    }
    if let Some(who) = &m.applicant {
        b.push(Block::text(format!("Người nộp: {who}")));
    }
    if let Some(channel) = m.channel {
        b.push(Block::text(format!("Cách nộp: {}", channel.label_vi())));
    }
    if let Some(fee) = fee {
        b.push(Block::text(format!("Lệ phí: {fee}")));
    }
    if let Some(helper) = &m.assisted_by {
        b.push(Block::text(helper.line()));
    }
    b.push(Block::text(format!("Lập lúc: {} ngày {}", at.clock(), at.date.to_vn())));
    b.push(Block::Space(8.0));
    b.push(Block::bold("Giấy tờ trong gói", 12.0, Align::Left));
    for (i, p) in m.papers.iter().filter(|p| !p.files.is_empty()).enumerate() {
        b.push(Block::Text { text: format!("{}. {}", i + 1, p.name), size: 11.0, bold: false, align: Align::Left, indent: 14.0 });
        for path in &p.files {
            let f = m.files.iter().find(|f| &f.path == path);
            let about = f
                .map(|f| {
                    let pages = f.pages.map(|n| format!(", {n} trang")).unwrap_or_default();
                    format!(" ({}{pages})", human_size(f.size))
                })
                .unwrap_or_default();
            b.push(Block::Text { text: format!("– {path}{about}"), size: 10.0, bold: false, align: Align::Left, indent: 24.0 });
        }
    }
    let bring: Vec<&str> = m.papers.iter().filter(|p| p.status == "bring_in_person").map(|p| p.name.as_str()).collect();
    if !bring.is_empty() {
        b.push(Block::Space(6.0));
        b.push(Block::bold("Giấy tờ mang theo khi đến nộp (bản chính để cán bộ đối chiếu)", 12.0, Align::Left));
        for name in bring {
            b.push(Block::Text { text: format!("– {name}"), size: 11.0, bold: false, align: Align::Left, indent: 14.0 });
        }
    }
    b.extend([
        Block::Space(14.0),
        Block::Qr { text: super::receipt_code(manifest_sha256, &m.procedure.code), side: 120.0 },
        Block::Space(6.0),
        Block::centered(format!("Mã kiểm tra gói (SHA-256 của {MANIFEST}):"), 9.0),
        Block::centered(manifest_sha256, 8.0),
        Block::Space(6.0),
        Block::centered("Cán bộ tiếp nhận quét mã này và kiểm tra gói bằng lệnh: hoso package verify <tệp .zip>", 9.0),
    ]);
    Doc { title: "Biên nhận hồ sơ".into(), subject: super::receipt_code(manifest_sha256, &m.procedure.code), blocks: b }
}

/// The upload guide: for each paper the portal asks for, the files to put in its slot, in the
/// order of the procedure's list (the portal's order).
pub fn guide(m: &Manifest) -> String {
    let mut s = String::new();
    s.push_str("HƯỚNG DẪN NỘP HỒ SƠ\r\n\r\n");
    s.push_str(&format!("Thủ tục: {} (mã {})\r\n", m.procedure.name, m.procedure.code));
    if let Some(agency) = &m.procedure.agency {
        s.push_str(&format!("Cơ quan giải quyết: {agency}\r\n"));
    }
    s.push_str(
        "\r\nNộp trực tuyến: trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), tìm thủ tục theo mã ở trên, \
         rồi tải lên từng giấy tờ vào đúng ô theo thứ tự dưới đây.\r\n\
         Nộp trực tiếp: mang cả gói (trên điện thoại hoặc USB) hoặc bản in, cùng các bản chính cần đối chiếu.\r\n\r\n",
    );
    for (i, p) in m.papers.iter().filter(|p| !p.files.is_empty()).enumerate() {
        s.push_str(&format!("{}. {}\r\n", i + 1, p.name));
        for path in &p.files {
            s.push_str(&format!("   Tải lên: {path}\r\n"));
        }
    }
    let bring: Vec<&str> = m.papers.iter().filter(|p| p.status == "bring_in_person").map(|p| p.name.as_str()).collect();
    if !bring.is_empty() {
        s.push_str("\r\nMang theo bản chính để cán bộ đối chiếu:\r\n");
        for name in bring {
            s.push_str(&format!("   - {name}\r\n"));
        }
    }
    s.push_str(&format!(
        "\r\nTrong gói còn có: {DECLARATION} (tờ khai để in và ký), {RECEIPT} (biên nhận có mã QR), {MANIFEST} (dữ liệu hồ sơ cho cổng dịch vụ công), {GUIDE} (tệp này).\r\n"
    ));
    s
}
