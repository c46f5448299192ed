//! The catalogue's data model. Every parsed value sits beside the original text it came from.

use serde::{Deserialize, Serialize};

/// One administrative procedure (thủ tục hành chính).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Procedure {
    /// National procedure code, e.g. `1.001193`.
    pub code: String,
    pub name: String,
    /// The ministry folder of the source (`bo-tu-phap`, …).
    pub ministry: String,
    /// Decision that published the procedure (số quyết định).
    pub decision: Option<String>,
    /// Levels that carry it out, as published: "Cấp xã", "Cấp tỉnh", "Cấp bộ", …
    pub levels: Vec<String>,
    /// `levels` joined for display ("Cấp bộ, Cấp tỉnh").
    pub level: String,
    /// Procedure type (loại thủ tục).
    pub procedure_type: Option<String>,
    /// Field (lĩnh vực).
    pub field: String,
    /// Who may apply (đối tượng thực hiện).
    pub applicants: Vec<String>,
    pub agencies: Agencies,
    /// Ways to submit, each with its time limit and fee.
    pub channels: Vec<Channel>,
    /// Papers to submit or show (thành phần hồ sơ).
    pub documents: Vec<Document>,
    /// Explanatory rows of the documents table that name no paper to bring (quantity 0).
    pub document_notes: Vec<DocumentNote>,
    /// Steps (trình tự thực hiện), one per line of the source.
    pub steps: Vec<String>,
    /// Conditions (yêu cầu, điều kiện), one per line; empty when none are published.
    pub conditions: Vec<String>,
    pub legal_basis: Vec<LegalDocument>,
    pub results: Vec<ResultDocument>,
    /// Where parsing was uncertain: what, and why. Shown to reviewers, never hidden from users.
    pub needs_review: Vec<ReviewFlag>,
    /// Corrections applied from the reviewed overrides file, with their reasons.
    pub corrections: Vec<String>,
    pub source_url: Option<String>,
    /// The source it was read from (`sources::SOURCES`: `tthc-2026-07`, `tthc-bqp-2025-12`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Agencies {
    /// Cơ quan thực hiện.
    pub performing: Option<String>,
    /// Cơ quan có thẩm quyền.
    pub competent: Option<String>,
    /// Địa chỉ tiếp nhận hồ sơ.
    pub receiving_address: Option<String>,
    /// Cơ quan được ủy quyền.
    pub delegated: Option<String>,
    /// Cơ quan phối hợp.
    pub coordinating: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Trực tuyến.
    Online,
    /// Dịch vụ bưu chính.
    Post,
    /// Trực tiếp.
    InPerson,
}

impl Mode {
    /// The way to apply as the interface says it (`label_vi`: as the package and the ward's count
    /// write it).
    pub fn label(self) -> &'static str {
        match self {
            Mode::Online => tr!("catalogue.mode.online", "Trực tuyến"),
            Mode::Post => tr!("catalogue.mode.post", "Qua bưu chính"),
            Mode::InPerson => tr!("catalogue.mode.in-person", "Trực tiếp"),
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Mode::Online => "Trực tuyến",
            Mode::Post => "Qua bưu chính",
            Mode::InPerson => "Trực tiếp",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    WorkingDays,
    Days,
    WorkingHours,
    Hours,
    Months,
    Years,
}

/// One way to submit (hình thức nộp).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Channel {
    pub mode: Mode,
    /// The time limit as published ("5 Ngày làm việc"; empty when the portal gives none).
    pub time_limit_text: String,
    pub time_amount: Option<f64>,
    pub time_unit: Option<TimeUnit>,
    /// Set only when the limit is stated in working days.
    pub working_days: Option<u32>,
    /// The fee as published ("Miễn phí", "1,200,000 Việt Nam Đồng", "10 USD").
    pub fee_text: String,
    /// The fee in đồng when the text states one (0 for "Miễn phí"); `None` when unknown or in
    /// another currency.
    pub fee_vnd: Option<u64>,
    /// Amount and currency when not in đồng (e.g. USD for visas).
    pub fee_other: Option<ForeignFee>,
    /// The fee's own note, verbatim (what follows the amount in brackets).
    pub fee_note: Option<String>,
    /// The fee column says «Miễn phí» but the row's own note states amounts in đồng (the driving
    /// licence's "Lệ phí cấp giấy phép lái xe: 135.000 đồng/lần"): the fee is in the note, and
    /// `fee_vnd` is unknown, not 0.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fee_in_note: bool,
    /// A lower fee for a while, as the row's note or description states it (Thông tư
    /// 64/2025/TT-BTC halves many fees from 01/7/2025 to 31/12/2026).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reduced: Option<ReducedFee>,
    /// Sentences about fee exemptions and reductions (miễn, giảm), verbatim.
    pub exemptions: Vec<String>,
    /// The row's description (mô tả), verbatim.
    pub description: Option<String>,
    /// The whole row as it appears in the source.
    pub raw: String,
}

/// "(áp dụng mức phí 1.750.000 đồng/hồ sơ kể từ ngày 01/7/2025 đến hết ngày 31/12/2026 theo
/// Thông tư số 64/2025/TT-BTC)": the fee in đồng from `from` (when said) to `until`, both days
/// included, and the text that decided it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReducedFee {
    pub vnd: u64,
    pub from: Option<crate::core::calendar::Date>,
    pub until: crate::core::calendar::Date,
    pub basis: Option<String>,
}

impl ReducedFee {
    /// Whether the lower fee is the one paid on `day`.
    pub fn applies_on(&self, day: crate::core::calendar::Date) -> bool {
        self.from.is_none_or(|f| f <= day) && day <= self.until
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ForeignFee {
    pub amount: f64,
    pub currency: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// Giấy tờ phải nộp (attach or hand in).
    Submit,
    /// Giấy tờ phải xuất trình (show in person, not kept).
    Present,
}

/// One paper of the dossier (thành phần hồ sơ).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub name: String,
    /// The template file as published (e.g. `Mau NA20-BCA.docx`).
    pub template_file: Option<String>,
    /// The template form named in the text (e.g. `Mẫu số 01/2025/LLTP`).
    pub template_name: Option<String>,
    pub originals: u32,
    pub copies: u32,
    pub kind: DocumentKind,
    /// The case (trường hợp) or group this paper belongs to, from the table's heading.
    pub condition: Option<String>,
    /// The case the paper's own text names ("trẻ em bị bỏ rơi"), cut from it by the importer
    /// (`import::reading`); `None` when its first sentence names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// "(nếu có)": only if the person has one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub if_any: bool,
    /// Any one of these satisfies the need ("Giấy chứng sinh; trường hợp không có… thì…").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any_of: Vec<String>,
    /// The agency looks the data up itself (national databases); the paper is a fallback.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub state_holds: bool,
    /// Needed, but not on paper when the agency already holds it electronically.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub paper_spared: bool,
    /// A heading of at most 80 characters; `name` is the full text.
    #[serde(default)]
    pub short: String,
    /// The short name was written by hand in the reviewed overrides (else derived by rule).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub short_by_hand: bool,
    /// Why the paper is needed in every case although its text names a case (a reviewed
    /// override: "«(nếu có)» chỉ nói về một mục bên trong giấy tờ").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needed_anyway: Option<String>,
    /// The row as it appears in the source.
    pub raw: String,
}

impl Document {
    /// Needed whatever the person's case: no case heading, no case in its text, not "(nếu có)",
    /// not a fallback for data the agency holds.
    pub fn always_needed(&self) -> bool {
        self.condition.is_none() && self.when.is_none() && !self.if_any && !self.state_holds
    }

    /// The paper's heading: its short name, or one made by rule from its name (files written
    /// before short names existed).
    pub fn heading(&self) -> String {
        if self.short.is_empty() {
            super::short::short_name(&self.name)
        } else {
            self.short.clone()
        }
    }

    /// The quantity as the importer appends it to `raw` ("1 bản chính, 1 bản sao").
    pub fn quantity_text(originals: u32, copies: u32) -> String {
        match (originals, copies) {
            (o, 0) => format!("{o} bản chính"),
            (0, c) => format!("0 bản chính, {c} bản sao"),
            (o, c) => format!("{o} bản chính, {c} bản sao"),
        }
    }

    /// A copy handed in whose original is to be shown for checking ("xuất trình bản chính để đối
    /// chiếu", "bản sao kèm bản chính để đối chiếu").
    pub fn show_original(&self) -> bool {
        let t = crate::core::text::fold(&self.name);
        self.kind == DocumentKind::Submit
            && ["xuat trinh ban chinh", "ban chinh de doi chieu", "ban chinh de kiem tra, doi chieu", "mang theo ban chinh"].iter().any(|k| t.contains(k))
    }

    /// The paper's text as published, without the quantity the importer appended to `raw`.
    pub fn published_text(&self) -> &str {
        let q = Document::quantity_text(self.originals, self.copies);
        crate::core::text::without_bullet(self.raw.strip_suffix(q.as_str()).unwrap_or(&self.raw))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentNote {
    pub text: String,
    pub condition: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LegalDocument {
    pub title: String,
    /// Document number, e.g. `123/2015/NĐ-CP`.
    pub number: Option<String>,
    pub raw: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ResultDocument {
    pub name: String,
    /// Result code, e.g. `KQ.G15.000031`.
    pub code: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewFlag {
    /// Which part: `channels`, `documents`, `legal_basis`, `results`, `fields`.
    pub field: String,
    pub reason: String,
}
