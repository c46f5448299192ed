//! What the form engine finds wrong with an answer, as data: the field, the item of a repeating
//! section it belongs to, and the problem's kind with its parameters — the form's own rules
//! ([`FormProblem`]: missing, under age, a date before another…) or a validator's
//! ([`crate::core::validate::Problem`]: CCCD, tax code, phone, name, email). The sentence comes
//! from the kind. As JSON (`hosoValidate`, `hoso forms check`): `{field, kind, …parameters,
//! item?, message}`.

use serde::ser::{Serialize, SerializeMap, Serializer};

use super::lower_first;
use crate::core::validate::{Problem, Sex};

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FormProblem {
    /// A required answer is empty (`choose`: picked from a list rather than typed).
    Missing {
        label: String,
        choose: bool,
    },
    /// A repeating section with fewer items than it needs.
    TooFewItems {
        min: usize,
        item: String,
    },
    TooLong {
        label: String,
        max: usize,
    },
    NotADate {
        label: String,
    },
    NotAMonth {
        label: String,
    },
    BeforeYear1900 {
        label: String,
    },
    FutureDate {
        label: String,
    },
    FutureMonth {
        label: String,
    },
    /// Younger than the law's minimum (`sex` when the minimum depends on it).
    Underage {
        years: u32,
        sex: Option<Sex>,
        born: String,
    },
    /// A date or month before another answer's (death before birth).
    Before {
        label: String,
        other: String,
        other_value: String,
    },
    NotAChoice {
        label: String,
    },
    ChooseFromList {
        label: String,
    },
    UnknownCommune {
        code: u32,
    },
    /// "1.5": dots separate thousands, commas decimals.
    NumberSeparators {
        label: String,
    },
    NotANumber {
        label: String,
        unit: Option<String>,
    },
    OutOfRange {
        label: String,
        min: Option<f64>,
        max: Option<f64>,
    },
    /// A character the printed declaration cannot show (Chinese, Korean, emoji…).
    NotPrintable {
        label: String,
        symbol: char,
    },
}

/// A question's label inside "Hãy chọn …." : "Ai nộp hồ sơ?" → "ai nộp hồ sơ" (not "…hồ sơ?.").
fn asked(label: &str) -> String {
    lower_first(label.trim_end().trim_end_matches('?'))
}

impl FormProblem {
    pub fn message(&self) -> String {
        use FormProblem::*;
        match self {
            Missing { label, choose: true } => tr!("forms.problem.missing-choose", "Hãy chọn {label}.", label = asked(label)),
            Missing { label, choose: false } => tr!("forms.problem.missing-enter", "Hãy nhập {label}.", label = asked(label)),
            TooFewItems { min, item } => tr!("forms.problem.too-few-items", "Hãy thêm ít nhất {min} {item}.", min = min, item = lower_first(item)),
            TooLong { label, max } => tr!("forms.problem.dai-qua-ky-tu-hay", "{label} dài quá {max} ký tự. Hãy viết ngắn lại.", label = label, max = max),
            NotADate { label } => {
                tr!("forms.problem.phai-la-mot-ngay-co", "{label} phải là một ngày có thật, viết dạng ngày/tháng/năm, ví dụ 27/03/2020.", label = label)
            }
            NotAMonth { label } => tr!("forms.problem.viet-dang-thang-nam-vi", "{label} viết dạng tháng/năm, ví dụ 03/2010.", label = label),
            BeforeYear1900 { label } => tr!("forms.problem.nam-phai-tu-1900-tro", "{label}: năm phải từ 1900 trở đi.", label = label),
            FutureDate { label } => tr!("forms.problem.khong-the-la-mot-ngay", "{label} không thể là một ngày trong tương lai.", label = label),
            FutureMonth { label } => tr!("forms.problem.khong-the-la-mot-thang", "{label} không thể là một tháng trong tương lai.", label = label),
            Underage { years, sex, born } => {
                let who = match sex {
                    Some(Sex::Female) => tr!("forms.problem.nu", " (nữ)"),
                    Some(Sex::Male) => tr!("forms.problem.nam", " (nam)"),
                    None => "",
                };
                tr!(
                    "forms.problem.nguoi-nay-chua-du-tuoi",
                    "Người này chưa đủ {years} tuổi{who} theo quy định; ngày sinh đã nhập là {born}.",
                    years = years,
                    who = who,
                    born = born
                )
            }
            Before { label, other, other_value } => tr!(
                "forms.problem.before",
                "{label} không thể trước {other} ({other_value}).",
                label = label,
                other = lower_first(other),
                other_value = other_value
            ),
            NotAChoice { label } => tr!("forms.problem.hay-chon-mot-trong-cac", "Hãy chọn một trong các lựa chọn của «{label}».", label = label),
            ChooseFromList { label } => tr!("forms.problem.choose-from-list", "Hãy chọn {label} trong danh sách.", label = label.to_lowercase()),
            UnknownCommune { code } => {
                tr!("forms.problem.khong-co-don-vi-hanh", "Không có đơn vị hành chính mã {code}. Hãy chọn lại trong danh sách.", code = code)
            }
            NumberSeparators { label } => tr!(
                "forms.problem.dung-dau-phay-cho-phan",
                "{label}: dùng dấu phẩy cho phần thập phân (ví dụ 120,5) và dấu chấm để tách hàng nghìn (1.200.000).",
                label = label
            ),
            NotANumber { label, unit } => tr!(
                "forms.problem.not-a-number",
                "{label} phải là một số{unit}.",
                label = label,
                unit = unit.as_ref().map(|u| format!(" ({u})")).unwrap_or_default()
            ),
            NotPrintable { label, symbol } => tr!(
                "forms.problem.not-printable",
                "{label} có ký tự «{symbol}» không in được trên tờ khai. Hãy viết bằng chữ tiếng Việt hoặc chữ La-tinh (tên người nước ngoài viết như trong hộ chiếu).",
                label = label,
                symbol = symbol
            ),
            OutOfRange { label, min, max } => {
                tr!(
                    "forms.problem.out-of-range",
                    "{label} phải từ {min} đến {max}.",
                    label = label,
                    min = crate::core::text::number(min.unwrap_or(0.0), true),
                    max = max.map(|m| crate::core::text::number(m, true)).unwrap_or_else(|| "…".into())
                )
            }
        }
    }
}

/// The form's own rule or a validator's.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
#[serde(untagged)]
pub enum FieldProblem {
    Form(FormProblem),
    Value(Problem),
}

impl FieldProblem {
    pub fn message(&self) -> String {
        match self {
            FieldProblem::Form(p) => p.message(),
            FieldProblem::Value(p) => p.message(),
        }
    }
}

impl From<FormProblem> for FieldProblem {
    fn from(p: FormProblem) -> Self {
        FieldProblem::Form(p)
    }
}

impl From<Problem> for FieldProblem {
    fn from(p: Problem) -> Self {
        FieldProblem::Value(p)
    }
}

/// A problem with one answer, for the error summary and the inline message.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldError {
    /// The answer's key (`field`, or `field#n` in a repeating section).
    pub field: String,
    /// In a repeating section: the item's name and number ("Thành viên", 2).
    pub item: Option<(String, usize)>,
    pub problem: FieldProblem,
}

impl FieldError {
    /// "Thành viên 2: Hãy nhập họ và tên."
    pub fn message(&self) -> String {
        match &self.item {
            Some((name, n)) => format!("{name} {n}: {}", self.problem.message()),
            None => self.problem.message(),
        }
    }
}

impl Serialize for FieldError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let problem = serde_json::to_value(&self.problem).map_err(serde::ser::Error::custom)?;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("field", &self.field)?;
        for (k, v) in problem.as_object().into_iter().flatten() {
            map.serialize_entry(k, v)?;
        }
        if let Some((name, n)) = &self.item {
            map.serialize_entry("item", &serde_json::json!({ "name": name, "n": n }))?;
        }
        map.serialize_entry("message", &self.message())?;
        map.end()
    }
}
