//! The desk's queue in assisted mode: the residents an officer is helping at a shared computer,
//! side by side, each dossier with where it stands ([`DeskRow`]), first come first served. When
//! a resident leaves, "Người dân đã về" deletes that resident's dossier and the files no other
//! dossier needs, then checks the device: [`left_behind`] says what of theirs is still stored.

use std::collections::BTreeSet;

use crate::core::dossier::Dossier;
use crate::core::forms::FormDef;

/// Where a resident's dossier stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeskStatus {
    /// Opened, nothing answered yet.
    Opened,
    /// Part of the declaration done: `done` of `total` sections.
    Declaring { done: usize, total: usize },
    /// The declaration is done: the papers and the package are next.
    Declared,
    /// The package is made of the dossier as it stands (changed since, it is `Declared` again).
    Exported(crate::core::dossier::Exported),
    /// Handed in: the agency's dossier code.
    Submitted { code: String },
}

impl DeskStatus {
    /// The status as the queue shows it.
    pub fn label(&self) -> String {
        match self {
            DeskStatus::Opened => tr!("desk.opened", "Mới mở, chưa khai").into(),
            DeskStatus::Declaring { done, total } => tr!("desk.declaring", "Đang khai: xong {done}/{total} phần", done = done, total = total),
            DeskStatus::Declared => tr!("desk.declared", "Tờ khai xong: đính kèm giấy tờ và xuất gói").into(),
            DeskStatus::Exported(e) => e.describe(),
            DeskStatus::Submitted { code } => tr!("desk.submitted", "Đã nộp, mã hồ sơ {code}", code = code),
        }
    }
}

/// One resident's dossier in the queue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeskRow {
    pub id: String,
    /// The person the declaration names first, once typed.
    pub resident: Option<String>,
    pub procedure: String,
    pub status: DeskStatus,
    /// Whether the resident agreed to be helped (`Dossier::assisted`).
    pub consented: bool,
    /// When the dossier was opened (RFC 3339, Vietnam time): the queue's order.
    pub started: String,
}

impl DeskRow {
    pub fn of(dossier: &Dossier, form: &FormDef) -> DeskRow {
        let summary = dossier.summary(form);
        let status = match (&dossier.submission, summary.done, summary.total, dossier.exported_now()) {
            (Some(s), _, _, _) => DeskStatus::Submitted { code: s.dossier_code.clone() },
            (None, _, _, Some(e)) => DeskStatus::Exported(e.clone()),
            (None, done, total, _) if total > 0 && done >= total => DeskStatus::Declared,
            (None, _, _, _) if dossier.answers.values().all(|v| v.trim().is_empty()) && summary.files == 0 => DeskStatus::Opened,
            (None, done, total, _) => DeskStatus::Declaring { done, total },
        };
        DeskRow {
            id: dossier.id.clone(),
            resident: summary.applicant,
            procedure: dossier.procedure.clone(),
            status,
            consented: dossier.assisted.is_some(),
            started: dossier.started.clone(),
        }
    }
}

/// The queue: first opened first.
pub fn queue(mut rows: Vec<DeskRow>) -> Vec<DeskRow> {
    crate::core::order::sort_by(&mut rows, |a, b| a.started.cmp(&b.started).then_with(|| a.id.cmp(&b.id)));
    rows
}

/// What of a resident who left is still on the device after their dossier was deleted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LeftBehind {
    /// Their dossier is still stored.
    pub dossier: bool,
    /// Their files still stored that no other stored dossier needs.
    pub files: usize,
}

impl LeftBehind {
    pub fn is_clean(&self) -> bool {
        *self == LeftBehind::default()
    }
}

/// Checks the device after "Người dân đã về": `gone` is the resident's dossier as it was, `stored`
/// every dossier the device holds now, `stored_files` the hashes of the files it holds now.
pub fn left_behind(gone: &Dossier, stored: &[Dossier], stored_files: &BTreeSet<String>) -> LeftBehind {
    let needed: BTreeSet<String> = stored.iter().filter(|d| d.id != gone.id).flat_map(|d| d.file_hashes()).collect();
    LeftBehind {
        dossier: stored.iter().any(|d| d.id == gone.id),
        files: gone.file_hashes().into_iter().filter(|h| stored_files.contains(h) && !needed.contains(h)).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::calendar::Receipt;
    use crate::core::forms::generic_form;

    fn dossier(id: &str, started_ms: i64) -> Dossier {
        Dossier::new(id.into(), crate::core::dossier::procedure_of(id).into(), "test".into(), Receipt::from_unix_millis(started_ms))
    }

    #[test]
    fn a_dossier_s_status_follows_what_the_resident_has_done() {
        let form = generic_form("1.000001", "Thủ tục thử");
        let mut d = dossier("1.000001", 0);
        assert_eq!(DeskRow::of(&d, &form).status, DeskStatus::Opened);
        d.answers.insert("nguoi-nop.ho-ten".into(), "Lò Văn Páo".into());
        let row = DeskRow::of(&d, &form);
        assert_eq!(row.resident.as_deref(), Some("Lò Văn Páo"));
        assert!(matches!(row.status, DeskStatus::Declaring { done: 0, total: 2 }), "{:?}", row.status);
        assert!(!row.consented);
        for (k, v) in [
            ("nguoi-nop.cccd", "001099012345"),
            ("nguoi-nop.ngay-sinh", "01/02/1999"),
            ("nguoi-nop.dien-thoai", "0912345678"),
            ("nguoi-nop.noi-cu-tru", "00070"),
            ("yeu-cau.noi-dung", "Xin cấp lại giấy tờ"),
        ] {
            d.answers.insert(k.into(), v.into());
        }
        assert_eq!(DeskRow::of(&d, &form).status, DeskStatus::Declared);
        // The package made: the queue says when, while the dossier is still what was packed.
        d.record_export(Receipt::from_unix_millis(1_764_039_720_000), "ho-so-1.000001-lo-van-pao.zip", "ab12");
        let exported = DeskRow::of(&d, &form).status;
        assert!(matches!(exported, DeskStatus::Exported(_)), "{exported:?}");
        assert_eq!(exported.label(), "Đã xuất gói hồ sơ lúc 10:02 ngày 25/11/2025: chờ nộp");
        // Saved again unchanged (a later visit), still exported; an answer changed, to be packed again.
        let again = Dossier::from_json(&d.to_json()).unwrap();
        assert!(matches!(DeskRow::of(&again, &form).status, DeskStatus::Exported(_)));
        d.answers.insert("nguoi-nop.dien-thoai".into(), "0987654321".into());
        assert_eq!(DeskRow::of(&d, &form).status, DeskStatus::Declared);
        d.answers.insert("nguoi-nop.dien-thoai".into(), "0912345678".into());
        assert!(matches!(DeskRow::of(&d, &form).status, DeskStatus::Exported(_)), "back to what was packed");
        d.submission = Some(
            crate::core::submission::Submission::new("H01.22-261125-0001", "", "2026-11-25T10:00+07:00", crate::core::calendar::TimeLimit::WorkingDays(7))
                .unwrap(),
        );
        assert_eq!(DeskRow::of(&d, &form).status, DeskStatus::Submitted { code: "H01.22-261125-0001".into() });
    }

    #[test]
    fn the_queue_is_first_opened_first() {
        let form = generic_form("1.000001", "Thủ tục thử");
        let rows = vec![DeskRow::of(&dossier("1.000001-2", 120_000), &form), DeskRow::of(&dossier("2.000815", 60_000), &form)];
        let ids: Vec<String> = queue(rows).into_iter().map(|r| r.id).collect();
        assert_eq!(ids, ["2.000815", "1.000001-2"]);
    }

    #[test]
    fn a_resident_who_left_leaves_nothing_of_theirs_but_what_others_share() {
        let mut gone = dossier("2.000815", 0);
        let mut other = dossier("2.000815-2", 0);
        for (d, files) in [(&mut gone, ["a", "shared"]), (&mut other, ["b", "shared"])] {
            for h in files {
                let a = crate::core::checklist::Attachment {
                    hash: h.into(),
                    name: format!("{h}.pdf"),
                    size: 10,
                    kind: crate::core::files::FileKind::Pdf,
                    pages: Some(1),
                    width: None,
                    height: None,
                    problems: Vec::new(),
                    from: Vec::new(),
                };
                d.attachments.add("giay-to", a);
            }
        }
        let files: BTreeSet<String> = ["b", "shared"].into_iter().map(String::from).collect();
        assert!(left_behind(&gone, &[other.clone()], &files).is_clean(), "the shared file stays for the other resident");
        let files_with_a: BTreeSet<String> = ["a", "b", "shared"].into_iter().map(String::from).collect();
        assert_eq!(left_behind(&gone, &[other.clone()], &files_with_a), LeftBehind { dossier: false, files: 1 });
        assert_eq!(left_behind(&gone, &[other, gone.clone()], &files), LeftBehind { dossier: true, files: 0 });
    }
}
