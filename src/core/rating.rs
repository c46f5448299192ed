//! The satisfaction rating a person gives after exporting their package: the national portal's
//! three levels (Rất hài lòng, Hài lòng, Không hài lòng) and, below the top one, what did not go
//! well. Kept with the dossier on the device; sent to a portal as `hoso:rating` when hoso is
//! embedded (`core::embed`). Nothing leaves the device on its own.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    VerySatisfied,
    Satisfied,
    Unsatisfied,
}

impl Level {
    pub const ALL: [Level; 3] = [Level::VerySatisfied, Level::Satisfied, Level::Unsatisfied];

    pub fn label(self) -> &'static str {
        match self {
            Level::VerySatisfied => tr!("rating.rat-hai-long", "Rất hài lòng"),
            Level::Satisfied => tr!("rating.hai-long", "Hài lòng"),
            Level::Unsatisfied => tr!("rating.khong-hai-long", "Không hài lòng"),
        }
    }

    /// Whether hoso asks what did not go well (everything short of "Rất hài lòng").
    pub fn asks_reasons(self) -> bool {
        self != Level::VerySatisfied
    }
}

/// What did not go well, in the order of the journey.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Finding the procedure.
    HardToFind,
    /// The list of papers or the guidance.
    UnclearPapers,
    /// The declaration.
    HardForm,
    /// Attaching files.
    FileTrouble,
    /// Speed.
    Slow,
    Other,
}

impl Reason {
    pub const ALL: [Reason; 6] = [Reason::HardToFind, Reason::UnclearPapers, Reason::HardForm, Reason::FileTrouble, Reason::Slow, Reason::Other];

    pub fn label(self) -> &'static str {
        match self {
            Reason::HardToFind => tr!("rating.kho-tim-dung-thu-tuc", "Khó tìm đúng thủ tục"),
            Reason::UnclearPapers => tr!("rating.danh-sach-giay-to-huong", "Danh sách giấy tờ, hướng dẫn chưa rõ"),
            Reason::HardForm => tr!("rating.to-khai-kho-dien", "Tờ khai khó điền"),
            Reason::FileTrouble => tr!("rating.kho-dinh-kem-tep", "Khó đính kèm tệp"),
            Reason::Slow => tr!("rating.chay-cham", "Chạy chậm"),
            Reason::Other => tr!("rating.ly-do-khac", "Lý do khác"),
        }
    }

    /// The reason's key in the page (a checkbox's id).
    pub fn key(self) -> &'static str {
        match self {
            Reason::HardToFind => "kho-tim",
            Reason::UnclearPapers => "giay-to-chua-ro",
            Reason::HardForm => "to-khai-kho",
            Reason::FileTrouble => "tep-dinh-kem",
            Reason::Slow => "cham",
            Reason::Other => "khac",
        }
    }
}

/// The longest comment kept.
pub const MAX_COMMENT: usize = 500;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub level: Level,
    #[serde(default)]
    pub reasons: Vec<Reason>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
    /// When (RFC 3339, Vietnam time).
    pub at: String,
}

impl Rating {
    /// A rating as the person gave it: reasons only below the top level, each once and in order,
    /// the comment cleaned and cut to [`MAX_COMMENT`] characters.
    pub fn new(level: Level, reasons: &[Reason], comment: &str, at: String) -> Rating {
        let mut reasons: Vec<Reason> = if level.asks_reasons() { reasons.to_vec() } else { Vec::new() };
        crate::core::order::sort(&mut reasons);
        reasons.dedup();
        let comment: String = crate::core::text::clean(comment).chars().take(MAX_COMMENT).collect();
        Rating { level, reasons, comment, at }
    }

    /// The thanks the page says once the rating is kept.
    pub fn thanks(&self) -> &'static str {
        match self.level {
            Level::VerySatisfied => tr!("rating.cam-on-ban-da-danh", "Cảm ơn bạn đã đánh giá."),
            _ => tr!("rating.cam-on-ban-gop-y", "Cảm ơn bạn. Góp ý của bạn giúp hoso đơn giản hơn cho người sau."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_are_kept_only_below_the_top_level_once_each_in_order() {
        let r = Rating::new(Level::Unsatisfied, &[Reason::Slow, Reason::HardForm, Reason::Slow], "  chậm  quá ", "2026-11-25T10:00+07:00".into());
        assert_eq!(r.reasons, vec![Reason::HardForm, Reason::Slow]);
        assert_eq!(r.comment, "chậm quá");
        let top = Rating::new(Level::VerySatisfied, &[Reason::Slow], "", "2026-11-25T10:00+07:00".into());
        assert!(top.reasons.is_empty(), "a very satisfied person was not asked what went wrong");
    }

    #[test]
    fn a_long_comment_is_cut_not_refused() {
        let r = Rating::new(Level::Satisfied, &[], &"ồ".repeat(900), "2026-11-25T10:00+07:00".into());
        assert_eq!(r.comment.chars().count(), MAX_COMMENT);
    }

    #[test]
    fn a_rating_reads_as_the_portal_names_it() {
        let json = serde_json::to_value(Rating::new(Level::Satisfied, &[Reason::UnclearPapers], "", "2026-11-25T10:00+07:00".into())).unwrap();
        assert_eq!(json, serde_json::json!({"level": "satisfied", "reasons": ["unclear_papers"], "at": "2026-11-25T10:00+07:00"}));
        assert_eq!(Level::ALL.map(Level::label), ["Rất hài lòng", "Hài lòng", "Không hài lòng"]);
    }
}
