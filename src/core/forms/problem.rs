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
}

impl FormProblem {
    pub fn message(&self) -> String {
        use FormProblem::*;
        match self {
            Missing { label, choose: true } => format!("Hãy chọn {}.", lower_first(label)),
            Missing { label, choose: false } => format!("Hãy nhập {}.", lower_first(label)),
            TooFewItems { min, item } => format!("Hãy thêm ít nhất {min} {}.", lower_first(item)),
            TooLong { label, max } => format!("{label} dài quá {max} ký tự. Hãy viết ngắn lại."),
            NotADate { label } => format!("{label} phải là một ngày có thật, viết dạng ngày/tháng/năm, ví dụ 27/03/2020."),
            NotAMonth { label } => format!("{label} viết dạng tháng/năm, ví dụ 03/2010."),
            BeforeYear1900 { label } => format!("{label}: năm phải từ 1900 trở đi."),
            FutureDate { label } => format!("{label} không thể là một ngày trong tương lai."),
            FutureMonth { label } => format!("{label} không thể là một tháng trong tương lai."),
            Underage { years, sex, born } => {
                let who = match sex {
                    Some(Sex::Female) => " (nữ)",
                    Some(Sex::Male) => " (nam)",
                    None => "",
                };
                format!("Người này chưa đủ {years} tuổi{who} theo quy định; ngày sinh đã nhập là {born}.")
            }
            Before { label, other, other_value } => format!("{label} không thể trước {} ({other_value}).", lower_first(other)),
            NotAChoice { label } => format!("Hãy chọn một trong các lựa chọn của «{label}»."),
            ChooseFromList { label } => format!("Hãy chọn {} trong danh sách.", label.to_lowercase()),
            UnknownCommune { code } => format!("Không có đơn vị hành chính mã {code}. Hãy chọn lại trong danh sách."),
            NumberSeparators { label } => format!("{label}: dùng dấu phẩy cho phần thập phân (ví dụ 120,5) và dấu chấm để tách hàng nghìn (1.200.000)."),
            NotANumber { label, unit } => format!("{label} phải là một số{}.", unit.as_ref().map(|u| format!(" ({u})")).unwrap_or_default()),
            OutOfRange { label, min, max } => {
                format!("{label} phải từ {} đến {}.", min.unwrap_or(0.0), max.map(|m| m.to_string()).unwrap_or_else(|| "…".into()))
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
