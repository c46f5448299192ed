//! Read aloud ("Đọc to"): what a question, an error or a paper sounds like, in the pieces a
//! speech engine reads well. The browser adapter (`web::speech`) only speaks the pieces.
//!
//! Chromium's speech stops an utterance that runs longer than about 15 seconds, so text is read one
//! sentence at a time, and a long sentence is cut at its commas (then at spaces) into pieces of at
//! most [`MAX_PIECE`] characters. The abbreviations of administrative papers are read in full
//! ("CCCD" is "căn cước công dân"): a voice spelling them letter by letter helps nobody.

/// The longest piece read in one utterance (about ten seconds of Vietnamese at the usual rate).
pub const MAX_PIECE: usize = 160;

/// Abbreviations read in full: (as written, as said). Whole words only, case as written.
const SAID: &[(&str, &str)] = &[
    ("CCCD", "căn cước công dân"),
    ("CMND", "chứng minh nhân dân"),
    ("UBND", "Ủy ban nhân dân"),
    ("HĐND", "Hội đồng nhân dân"),
    ("MST", "mã số thuế"),
    ("BHXH", "bảo hiểm xã hội"),
    ("BHYT", "bảo hiểm y tế"),
    ("THPT", "trung học phổ thông"),
    ("THCS", "trung học cơ sở"),
    ("TP.", "thành phố"),
    ("Tp.", "thành phố"),
    ("VNĐ", "đồng"),
    ("VNeID", "V N e I D"),
    ("PDF", "P D F"),
    ("dd/mm/yyyy", "ngày, tháng, năm"),
];

/// Why nothing can be read aloud on this device. The sentence says how to fix it: a button that
/// does nothing is never left silent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeechProblem {
    /// The browser has no speech (the Web Speech API is missing).
    NoSpeech,
    /// The device has no Vietnamese voice.
    NoVietnameseVoice,
    /// The device has no English voice (the interface is in English).
    NoEnglishVoice,
}

impl SpeechProblem {
    /// The device lacks a voice for `lang`.
    pub fn no_voice(lang: crate::core::i18n::Lang) -> SpeechProblem {
        match lang {
            crate::core::i18n::Lang::Vi => SpeechProblem::NoVietnameseVoice,
            crate::core::i18n::Lang::En => SpeechProblem::NoEnglishVoice,
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            SpeechProblem::NoSpeech => {
                tr!("speech.trinh-duyet-nay-khong-doc", "Trình duyệt này không đọc to được. Hãy dùng Chrome, Edge, Firefox hoặc Safari bản mới.")
            }
            SpeechProblem::NoVietnameseVoice => {
                tr!("speech.may-nay-chua-co-giong", "Máy này chưa có giọng đọc tiếng Việt. Cách thêm: trên điện thoại Android, vào Cài đặt → Ngôn ngữ → Chuyển văn bản thành giọng nói, tải giọng Tiếng Việt; trên iPhone, vào Cài đặt → Trợ năng → Nội dung được đọc → Giọng nói → Tiếng Việt; trên Windows, vào Cài đặt → Thời gian và ngôn ngữ → Giọng nói → Thêm giọng nói → Tiếng Việt. Sau đó tải lại trang.")
            }
            SpeechProblem::NoEnglishVoice => {
                tr!("speech.chua-co-giong-anh", "Máy này chưa có giọng đọc tiếng Anh. Cách thêm: trên điện thoại Android, vào Cài đặt → Ngôn ngữ → Chuyển văn bản thành giọng nói, tải giọng tiếng Anh; trên iPhone, vào Cài đặt → Trợ năng → Nội dung được đọc → Giọng nói → Tiếng Anh; trên Windows, vào Cài đặt → Thời gian và ngôn ngữ → Giọng nói → Thêm giọng nói → Tiếng Anh. Sau đó tải lại trang.")
            }
        }
    }
}

/// `text` as it is read aloud: abbreviations in full, one piece per sentence, long sentences cut.
/// Empty pieces are dropped; nothing is read twice.
pub fn pieces(text: &str) -> Vec<String> {
    let said = say_in_full(&crate::core::text::clean(text));
    let mut out = Vec::new();
    for sentence in sentences(&said) {
        cut(sentence, &mut out);
    }
    out
}

/// Several texts read one after another (a question's label, then its hint).
pub fn pieces_of<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    texts.into_iter().flat_map(pieces).collect()
}

fn say_in_full(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        // A word with its punctuation around it: "(CCCD)," keeps "(" and "),".
        let start = word.find(|c: char| c.is_alphanumeric()).unwrap_or(word.len());
        let core_end = word.char_indices().rev().find(|&(_, c)| c.is_alphanumeric() || c == '.').map_or(start, |(e, c)| e + c.len_utf8());
        let (lead, core, tail) = (&word[..start], &word[start..core_end.max(start)], &word[core_end.max(start)..]);
        let full = SAID.iter().find(|(w, _)| *w == core).or_else(|| {
            // "CCCD." at a sentence's end: the dot is the sentence's, not the word's.
            core.strip_suffix('.').and_then(|c| SAID.iter().find(|(w, _)| *w == c))
        });
        match full {
            Some((written, said)) => {
                out.push_str(lead);
                out.push_str(said);
                out.push_str(&core[written.len().min(core.len())..]);
                out.push_str(tail);
            }
            None => out.push_str(word),
        }
    }
    out
}

/// Sentences end at `.`, `!`, `?`, `…`, `;` or `:` followed by a space or the end (so "1.001193",
/// "31/8" and "10.000 đồng" stay whole), and at line breaks.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let ends = c == '\n' || (matches!(c, '.' | '!' | '?' | '…' | ';' | ':') && next.is_none_or(char::is_whitespace));
        if ends {
            let end = i + c.len_utf8();
            out.push(text[start..end].trim());
            start = end;
        }
    }
    out.push(text[start..].trim());
    out.retain(|s| s.chars().any(char::is_alphanumeric));
    out
}

/// Cuts a sentence longer than [`MAX_PIECE`] at its last comma that fits, else its last space.
fn cut(sentence: &str, out: &mut Vec<String>) {
    let mut rest = sentence.trim();
    while rest.chars().count() > MAX_PIECE {
        let limit = rest.char_indices().nth(MAX_PIECE).map_or(rest.len(), |(i, _)| i);
        let head = &rest[..limit];
        let at = head.rfind(", ").map(|i| i + 1).or_else(|| head.rfind(' ')).filter(|&i| i > 0).unwrap_or(limit);
        out.push(rest[..at].trim().to_string());
        rest = rest[at..].trim();
    }
    if !rest.is_empty() {
        out.push(rest.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hint_is_read_one_sentence_at_a_time() {
        assert_eq!(pieces("Ghi đúng như trên căn cước. Ví dụ: Nguyễn Văn An! Có dấu?"), ["Ghi đúng như trên căn cước.", "Ví dụ:", "Nguyễn Văn An!", "Có dấu?"]);
    }

    #[test]
    fn numbers_codes_and_dates_are_not_sentence_ends() {
        assert_eq!(pieces("Thủ tục 1.001193, lệ phí 10.000 đồng, hẹn ngày 31/8/2026."), ["Thủ tục 1.001193, lệ phí 10.000 đồng, hẹn ngày 31/8/2026."]);
    }

    #[test]
    fn abbreviations_of_papers_are_read_in_full() {
        assert_eq!(pieces("Số CCCD (12 chữ số)."), ["Số căn cước công dân (12 chữ số)."]);
        assert_eq!(pieces("Bản sao CMND, hoặc xác nhận của UBND cấp xã."), ["Bản sao chứng minh nhân dân, hoặc xác nhận của Ủy ban nhân dân cấp xã."]);
        assert_eq!(pieces("Nhập theo dạng dd/mm/yyyy"), ["Nhập theo dạng ngày, tháng, năm"]);
        // Only whole words: a word that contains the letters is left alone.
        assert_eq!(pieces("MSTX và CCCDs"), ["MSTX và CCCDs"]);
    }

    #[test]
    fn a_long_sentence_is_cut_at_commas_then_spaces_and_nothing_is_lost() {
        let long = "Giấy tờ chứng minh nơi cư trú, giấy khai sinh của con, giấy chứng nhận kết hôn của cha mẹ, văn bản ủy quyền có chứng thực nếu người khác nộp thay, và các giấy tờ khác theo quy định của pháp luật hiện hành về hộ tịch";
        let p = pieces(long);
        assert!(p.len() >= 2, "{p:?}");
        assert!(p.iter().all(|s| s.chars().count() <= MAX_PIECE), "{p:?}");
        assert!(p[0].ends_with(','), "cut after a comma: {p:?}");
        assert_eq!(p.join(" "), long);
        let words = "từ ".repeat(200);
        let p = pieces(&words);
        assert!(p.iter().all(|s| s.chars().count() <= MAX_PIECE && !s.is_empty()));
        assert_eq!(p.join(" "), words.trim());
    }

    #[test]
    fn empty_or_punctuation_only_text_reads_nothing() {
        assert!(pieces("").is_empty());
        assert!(pieces(" … ").is_empty());
        assert_eq!(pieces_of(["Họ và tên", "", "Ghi chữ in hoa."]), ["Họ và tên", "Ghi chữ in hoa."]);
    }
}
