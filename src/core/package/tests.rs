//! The package as a desk would receive it: complete dossiers pass `verify`, and every way of
//! damaging or forging one is refused with its own kind.

use std::collections::BTreeMap;

use super::*;
use crate::core::checklist::Attachment;
use crate::core::files::combine::jpegs_to_pdf;
use crate::core::files::{check_file, test_files::tiny_jpeg, Limits};
use crate::core::forms::{form_for, FormRef};
use crate::core::zip::tests::zip;

/// Chứng thực bản sao: one paper, a short form.
pub const CODE: &str = "2.000815";

pub fn procedure() -> Procedure {
    let path = format!("{}/public/catalogue/p/{CODE}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

pub fn fonts() -> (Vec<u8>, Vec<u8>) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/public/fonts/");
    (std::fs::read(format!("{dir}DejaVuSerif.ttf")).unwrap(), std::fs::read(format!("{dir}DejaVuSerif-Bold.ttf")).unwrap())
}

/// A complete dossier and its files' bytes by hash.
pub fn complete() -> (Dossier, BTreeMap<String, Vec<u8>>) {
    let now = Receipt::parse_rfc3339("2026-11-25T10:05:00+07:00").unwrap();
    let mut d = Dossier::new("a1".into(), CODE.into(), "2026-07".into(), now);
    for (k, v) in [
        ("yeu-cau.ho-ten", "nguyễn thị ánh tuyết"),
        ("yeu-cau.giay-to", "Bằng tốt nghiệp trung học phổ thông"),
        ("yeu-cau.so-trang", "2"),
        ("yeu-cau.so-ban", "3"),
        ("yeu-cau.nuoc-ngoai", "khong"),
    ] {
        d.answers.insert(k.into(), v.into());
    }
    let pdf = jpegs_to_pdf(&[&tiny_jpeg(40, 30)]).unwrap();
    let photo = tiny_jpeg(64, 48);
    let mut files = BTreeMap::new();
    for (name, bytes) in [("Bằng tốt nghiệp (bản chụp).pdf", pdf), ("anh bang.jpg", photo)] {
        let hash = sha256_hex(&bytes);
        d.attachments.add("d0", Attachment::new(hash.clone(), name.into(), &check_file(name, &bytes, &Limits::default())));
        files.insert(hash, bytes);
    }
    (d, files)
}

fn lookup(code: &str) -> Option<(Procedure, FormDef, bool)> {
    (code == CODE).then(|| (procedure(), form_for(CODE).unwrap().clone(), true))
}

pub fn package_of(d: &Dossier, files: &BTreeMap<String, Vec<u8>>) -> Vec<u8> {
    let p = procedure();
    let plan = plan(&Input { procedure: &p, form: form_for(CODE).unwrap(), full_form: true, dossier: d, units: None }).unwrap();
    let (r, b) = fonts();
    assemble(&plan, Fonts { regular: &r, bold: &b }, |h| files.get(h).cloned()).unwrap()
}

fn verdict(bytes: &[u8]) -> Verdict {
    verify(bytes, &lookup, None)
}

fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let limits = ReadLimits { archive: 1 << 30, entries: 100, total: 1 << 30, ratio: 100 };
    zip::read(bytes, &limits, |_| Some(1 << 30)).unwrap().into_iter().map(|e| (e.name, e.bytes)).collect()
}

/// The package rewritten with `change` applied to its entries (CRCs recomputed: a forger's copy).
fn forged(bytes: &[u8], change: impl FnOnce(&mut Vec<(String, Vec<u8>)>)) -> Vec<u8> {
    let mut e = entries(bytes);
    change(&mut e);
    let refs: Vec<(&str, &[u8])> = e.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    zip(&refs)
}

fn manifest_of(bytes: &[u8]) -> Manifest {
    serde_json::from_slice(&entries(bytes)[0].1).unwrap()
}

use crate::core::zip::ReadLimits;

#[test]
fn a_complete_dossier_makes_a_package_that_verifies() {
    let (d, files) = complete();
    let bytes = package_of(&d, &files);
    let v = verdict(&bytes);
    assert!(v.ok(), "{:?}", v.problems);
    assert_eq!((v.procedure.as_deref(), v.files), (Some(CODE), 3));
    let names: Vec<String> = entries(&bytes).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            MANIFEST,
            DECLARATION,
            RECEIPT,
            GUIDE,
            "02-ban-chinh-giay-to-van-ban-lam-co-so-de/bang-tot-nghiep-ban-chup.pdf",
            "02-ban-chinh-giay-to-van-ban-lam-co-so-de/anh-bang.jpg"
        ]
    );
}

#[test]
fn the_declaration_prints_each_answer_after_its_question() {
    let (d, _) = complete();
    let p = procedure();
    let plan = plan(&Input { procedure: &p, form: form_for(CODE).unwrap(), full_form: true, dossier: &d, units: None }).unwrap();
    let lines: Vec<&str> =
        plan.declaration.blocks.iter().filter_map(|b| if let pdf::Block::Text { text, .. } = b { Some(text.as_str()) } else { None }).collect();
    assert!(lines.iter().any(|l| l.ends_with(". Họ, chữ đệm và tên người yêu cầu: Nguyễn Thị Ánh Tuyết")), "{lines:#?}");
    assert!(lines.iter().any(|l| l.ends_with(". Giấy tờ do cơ quan nước ngoài cấp? Không, do cơ quan Việt Nam cấp")), "{lines:#?}");
    assert!(!lines.iter().any(|l| l.contains("?:")), "a question keeps its own mark: {lines:#?}");
    let signed: Vec<_> = plan.declaration.blocks.iter().filter_map(|b| if let pdf::Block::Signatures(s) = b { Some(s.clone()) } else { None }).collect();
    let applicant = pdf::Signature { title: print::APPLICANT.into(), hint: print::SIGN_HERE.into(), name: Some("Nguyễn Thị Ánh Tuyết".into()) };
    assert_eq!(signed, [vec![applicant]], "the applicant signs, and is named");
}

#[test]
fn the_declaration_is_addressed_to_the_agency_or_leaves_the_line_to_write_it() {
    // Every template has "Kính gửi"; a level or a list of agencies is not an addressee.
    let agency = |a: &str| print::addressee(Some(a));
    assert_eq!(agency("Cục Quản lý xuất nhập cảnh"), "Kính gửi: Cục Quản lý xuất nhập cảnh");
    for generic in ["Ủy ban Nhân dân xã, phường, thị trấn.", "Công an cấp Xã", "Công an tỉnh", "Tổ chức hành nghề công chứng, Cơ quan đại diện có thẩm quyền"]
    {
        assert!(agency(generic).starts_with("Kính gửi: ....."), "{generic}");
    }
    assert!(print::addressee(None).starts_with("Kính gửi: ....."), "khai sinh: the catalogue names none");
    let (d, _) = complete();
    let p = procedure();
    let plan = plan(&Input { procedure: &p, form: form_for(CODE).unwrap(), full_form: true, dossier: &d, units: None }).unwrap();
    assert!(plan.declaration.blocks.iter().any(|b| matches!(b, pdf::Block::Text { text, .. } if text.starts_with("Kính gửi: "))));
}

#[test]
fn a_residence_declaration_for_a_home_not_the_persons_has_the_household_head_and_the_owner_agree() {
    // Luật Cư trú 2020, Điều 21 khoản 2 và 3: the CT01 of a person registering in a rented,
    // borrowed or a relative's home carries the consent of the household head and of the owner,
    // each in the template's own box; a person registering in their own home signs alone.
    let form = form_for("1.004222").unwrap();
    let signed = |case: &str| {
        let answers: crate::core::forms::Answers =
            [("noi-dang-ky.truong-hop", case), ("nguoi-khai.ho-ten", "Lê Văn An"), ("nguoi-khai.ngay-sinh", "02/03/1990"), ("chu-ho.ho-ten", "Lê Văn Bình")]
                .into_iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect();
        print::signatures(form, &answers, crate::core::calendar::Date::parse_iso("2026-12-08").unwrap())
            .into_iter()
            .map(|s| (s.title, s.hint, s.name))
            .collect::<Vec<_>>()
    };
    let own = signed("so-huu");
    assert_eq!(
        own,
        [("NGƯỜI KÊ KHAI".to_string(), print::SIGN_HERE.to_string(), Some("Lê Văn An".to_string()))],
        "who registers in their own home signs alone"
    );
    for case in ["thue-muon", "ve-voi-nguoi-than"] {
        let s = signed(case);
        let titles: Vec<&str> = s.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(titles, ["Ý KIẾN CỦA CHỦ HỘ", "Ý KIẾN CỦA CHỦ SỞ HỮU HOẶC NGƯỜI ĐƯỢC ỦY QUYỀN CỦA CHỦ SỞ HỮU CHỖ Ở HỢP PHÁP", "NGƯỜI KÊ KHAI"], "{case}");
        assert!(s[0].1.contains("ý kiến đồng ý") && s[1].1.contains("ý kiến đồng ý"), "{case}: they write that they agree");
        assert_eq!((s[0].2.as_deref(), s[1].2.as_deref(), s[2].2.as_deref()), (Some("Lê Văn Bình"), None, Some("Lê Văn An")), "{case}");
    }
    // Điều 21: a minor's declaration carries a parent's or guardian's consent too, judged on the
    // day it is made: 16 on 8/12/2026, 18 on 2/3/2028.
    let mut answers: crate::core::forms::Answers =
        [("noi-dang-ky.truong-hop", "so-huu"), ("nguoi-khai.ho-ten", "Lê Minh Châu"), ("nguoi-khai.ngay-sinh", "02/03/2010")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
    let titles = |a: &crate::core::forms::Answers, day: &str| {
        print::signatures(form, a, crate::core::calendar::Date::parse_iso(day).unwrap()).into_iter().map(|s| s.title).collect::<Vec<_>>()
    };
    assert_eq!(titles(&answers, "2026-12-08"), ["Ý KIẾN CỦA CHA, MẸ HOẶC NGƯỜI GIÁM HỘ", "NGƯỜI KÊ KHAI"]);
    assert_eq!(titles(&answers, "2028-03-02"), ["NGƯỜI KÊ KHAI"]);
    answers.insert("noi-dang-ky.truong-hop".into(), "thue-muon".into());
    assert_eq!(titles(&answers, "2026-12-08").len(), 4, "head, owner, parent and the minor");
}

#[test]
fn the_marriage_declaration_is_pledged_and_signed_by_both_as_its_template_has_it() {
    // Thông tư 04/2020/TT-BTP: "Chúng tôi cam đoan…", signed by Bên nữ and Bên nam; a marriage
    // cannot be delegated (Điều 2.1), so nobody else is offered to submit it.
    let form = form_for("1.000894").unwrap();
    let answers: crate::core::forms::Answers =
        [("ben-nu.ho-ten", "Trần Thị Mai"), ("ben-nam.ho-ten", " Lê Văn Nam ")].into_iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    assert!(print::pledge(form).starts_with("Chúng tôi cam đoan") && print::pledge(form).contains("tự nguyện"));
    let signed: Vec<(String, Option<String>)> =
        print::signatures(form, &answers, crate::core::calendar::Date::parse_iso("2026-12-08").unwrap()).into_iter().map(|s| (s.title, s.name)).collect();
    assert_eq!(signed, [("BÊN NỮ".to_string(), Some("Trần Thị Mai".to_string())), ("BÊN NAM".to_string(), Some("Lê Văn Nam".to_string()))]);
    let choices =
        form.sections
            .iter()
            .flat_map(|s| &s.fields)
            .filter_map(|f| if let crate::core::forms::Kind::Choice { options } = &f.kind { Some(options) } else { None });
    assert!(!choices.flatten().any(|o| o.label.contains("nộp thay")), "nobody else may submit a marriage");
    let other = form_for("1.001193").unwrap();
    assert_eq!(print::pledge(other), print::PLEDGE, "other forms keep the applicant's own pledge");
}

#[test]
fn the_printed_pdfs_are_dated_in_vietnam_time_with_the_offset() {
    let (d, files) = complete();
    let e = entries(&package_of(&d, &files));
    let pdf = &e.iter().find(|(n, _)| n == DECLARATION).unwrap().1;
    let at = pdf.windows(14).position(|w| w == b"/CreationDate ").expect("a creation date");
    // 10:05 in Vietnam, written with its +07'00 (without it, readers take 10:05 for UTC: 17:05).
    assert!(pdf[at..].starts_with(b"/CreationDate (D:20261125100500+07'00)"), "{}", String::from_utf8_lossy(&pdf[at..at + 40]));
}

#[test]
fn the_manifest_carries_normalised_answers_papers_and_hashes() {
    let (d, files) = complete();
    let m = manifest_of(&package_of(&d, &files));
    assert_eq!(m.answers["yeu-cau.ho-ten"], "Nguyễn Thị Ánh Tuyết", "normalised as the rules accepted it");
    assert_eq!(m.applicant.as_deref(), Some("Nguyễn Thị Ánh Tuyết"));
    assert_eq!(m.created, "2026-11-25T10:05:00+07:00", "RFC 3339: with its seconds");
    assert_eq!(m.papers[0].status, "attached");
    assert_eq!(m.papers[0].need, "for_your_case");
    let photo = m.files.iter().find(|f| f.path.ends_with(".jpg")).unwrap();
    assert_eq!(photo.name, "anh bang.jpg");
    assert_eq!(photo.media_type, "image/jpeg");
    assert_eq!(&photo.sha256, files.keys().find(|h| files[*h].starts_with(&[0xFF, 0xD8])).unwrap());
    let declaration = m.files.iter().find(|f| f.path == DECLARATION).unwrap();
    assert_eq!((declaration.sha256.len(), declaration.pages), (64, Some(1)));
}

#[test]
fn the_manifest_keeps_the_answers_to_questions_asked_and_to_the_cases_and_nothing_else() {
    // An answer to a question the form no longer asks stays in the draft, not in the package.
    let (mut d, files) = complete();
    d.answers.insert("yeu-cau.nop-thay".into(), "co".into());
    let m = manifest_of(&package_of(&d, &files));
    assert!(!m.answers.contains_key("yeu-cau.nop-thay"), "{:?}", m.answers.keys());
    assert_eq!(m.answers.len(), 5, "the five questions of the form");
    // A paper needed in one case only: the person's answer to the case travels with the
    // package, so the desk's check reaches the same list of papers.
    let units: Units = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/units/2025.json")).unwrap()).unwrap();
    let code = "1.008009";
    let p: Procedure =
        serde_json::from_str(&std::fs::read_to_string(format!("{}/public/catalogue/p/{code}.json", env!("CARGO_MANIFEST_DIR"))).unwrap()).unwrap();
    let form = crate::core::forms::generic_form(code, &p.name);
    let now = Receipt::parse_rfc3339("2026-11-25T10:05:00+07:00").unwrap();
    let mut d = Dossier::new("b1".into(), code.into(), "2026-07".into(), now);
    let case = checklist::checklist(&p, &form, false, &d.answers, &d.attachments, Context { today: now.date, units: Some(&units) })[0]
        .asks
        .clone()
        .expect("its one paper is for a case");
    let commune = units.provinces[0].communes[0].code.to_string();
    for (k, v) in [
        ("nguoi-nop.ho-ten", "Trần Văn Bình"),
        ("nguoi-nop.cccd", "001085012345"),
        ("nguoi-nop.ngay-sinh", "01/02/1985"),
        ("nguoi-nop.dien-thoai", "0912345678"),
        ("nguoi-nop.noi-cu-tru", commune.as_str()),
        ("yeu-cau.noi-dung", "Hoàn thuế"),
        ("lien-he.nop-thay", "co"),
    ] {
        d.answers.insert(k.into(), v.into());
    }
    d.answers.insert(checklist::case_key(&case), checklist::CASE_NO.into());
    d.answers.insert(checklist::case_key("một trường hợp không có trong thủ tục"), checklist::CASE_YES.into());
    let plan =
        plan(&Input { procedure: &p, form: &form, full_form: false, dossier: &d, units: Some(&units) }).expect("complete: the one paper is not for this case");
    let a = &plan.manifest.answers;
    assert_eq!(a.get(&checklist::case_key(&case)).map(String::as_str), Some(checklist::CASE_NO));
    assert!(!a.contains_key("lien-he.nop-thay") && !a.contains_key(&checklist::case_key("một trường hợp không có trong thủ tục")), "{:?}", a.keys());
    let again = checklist::checklist(&p, &form, false, a, &d.attachments, Context { today: now.date, units: Some(&units) });
    assert_eq!(again[0].status, checklist::Status::NotNeeded, "the desk reads the same answer");
}

#[test]
fn a_dossier_prepared_with_an_officer_s_help_says_so_in_the_manifest_and_on_the_receipt() {
    let (mut d, files) = complete();
    let plain = package_of(&d, &files);
    assert_eq!(manifest_of(&plain).assisted_by, None);
    let manifest_text = String::from_utf8(entries(&plain).remove(0).1).unwrap();
    assert!(!manifest_text.contains("assisted_by"), "nobody helped: the manifest hoso always wrote");
    let helper = crate::core::assist::Helper::new("Trần Thị Bình", "UBND phường Hoàn Kiếm").unwrap();
    d.assisted = Some(helper.with_consent("2026-11-25T10:01+07:00".into()));
    let bytes = package_of(&d, &files);
    assert!(verdict(&bytes).ok(), "{:?}", verdict(&bytes).problems);
    let m = manifest_of(&bytes);
    assert_eq!(m.assisted_by, d.assisted);
    let receipt = format!("{:?}", print::receipt(&m, &"0".repeat(64), None));
    assert!(receipt.contains("Cán bộ hỗ trợ: Trần Thị Bình (UBND phường Hoàn Kiếm)"), "{receipt}");
}

#[test]
fn the_same_dossier_gives_the_same_bytes() {
    let (d, files) = complete();
    assert_eq!(package_of(&d, &files), package_of(&d, &files));
}

#[test]
fn an_unfinished_dossier_says_what_is_missing() {
    let (mut d, _) = complete();
    d.attachments = Attached::new();
    d.answers.remove("yeu-cau.so-ban");
    let p = procedure();
    let refused = plan(&Input { procedure: &p, form: form_for(CODE).unwrap(), full_form: true, dossier: &d, units: None }).unwrap_err();
    let Unready::Incomplete { to_do } = &refused;
    assert_eq!(
        to_do,
        &[
            ToDo::Section { section: "yeu-cau".into(), title: "Giấy tờ cần chứng thực".into(), errors: 1 },
            ToDo::Paper { key: "d0".into(), name: procedure().documents[0].short.clone() },
        ]
    );
    assert!(
        refused.message().starts_with("Chưa xuất được hồ sơ: tờ khai còn 1 chỗ cần sửa hoặc bổ sung, còn thiếu Bản chính giấy tờ"),
        "{}",
        refused.message()
    );
    assert_eq!(to_do[1].label(), format!("Giấy tờ còn thiếu: {}", procedure().documents[0].short.clone()));
}

#[test]
fn flipping_any_byte_of_any_member_names_that_member() {
    let (d, files) = complete();
    let bytes = package_of(&d, &files);
    let archive = rawzip::ZipArchive::from_slice(&bytes).unwrap();
    for record in archive.entries() {
        let record = record.unwrap();
        let name = String::from_utf8_lossy(record.file_path().as_bytes()).into_owned();
        let (start, end) = archive.get_entry(record.wayfinder()).unwrap().compressed_data_range();
        for at in [start, (start + end) / 2, end - 1] {
            let mut bad = bytes.clone();
            bad[at as usize] ^= 0xFF;
            let v = verdict(&bad);
            assert!(!v.ok(), "{name} at {at}");
            let named = v.problems.iter().any(|p| serde_json::to_string(p).unwrap().contains(&name));
            assert!(named, "{name} at {at}: {:?}", v.problems);
        }
    }
}

#[test]
fn a_forged_file_or_manifest_is_caught_even_with_fresh_crcs() {
    let (d, files) = complete();
    let bytes = package_of(&d, &files);
    let photo = "02-ban-chinh-giay-to-van-ban-lam-co-so-de/anh-bang.jpg";
    let swapped = forged(&bytes, |e| e.iter_mut().find(|(n, _)| n == photo).unwrap().1 = tiny_jpeg(64, 47));
    assert_eq!(verdict(&swapped).problems, [VerifyProblem::HashMismatch { path: photo.into() }]);
    let longer = forged(&bytes, |e| e.iter_mut().find(|(n, _)| n == photo).unwrap().1.push(0));
    assert!(matches!(verdict(&longer).problems[..], [VerifyProblem::SizeMismatch { .. }]));
    let edited = forged(&bytes, |e| {
        let text = String::from_utf8(e[0].1.clone()).unwrap().replace("Bằng tốt nghiệp trung học phổ thông", "Bằng đại học");
        e[0].1 = text.into_bytes();
    });
    assert_eq!(verdict(&edited).problems, [VerifyProblem::ReceiptMismatch]);
}

#[test]
fn missing_extra_and_unlisted_files_are_named() {
    let (d, files) = complete();
    let bytes = package_of(&d, &files);
    let photo = "02-ban-chinh-giay-to-van-ban-lam-co-so-de/anh-bang.jpg";
    let without = forged(&bytes, |e| e.retain(|(n, _)| n != photo));
    assert_eq!(verdict(&without).problems, [VerifyProblem::MissingFile { path: photo.into() }]);
    let with_more = forged(&bytes, |e| e.push(("ghi-chu.txt".into(), b"x".to_vec())));
    assert_eq!(verdict(&with_more).problems, [VerifyProblem::ExtraFile { path: "ghi-chu.txt".into() }]);
    let no_manifest = forged(&bytes, |e| {
        e.remove(0);
    });
    assert_eq!(verdict(&no_manifest).problems, [VerifyProblem::NoManifest]);
}

#[test]
fn a_manifest_from_a_newer_hoso_or_with_strange_fields_is_refused() {
    let (d, files) = complete();
    let bytes = package_of(&d, &files);
    let newer = forged(&bytes, |e| e[0].1 = String::from_utf8(e[0].1.clone()).unwrap().replacen("\"format\": 1", "\"format\": 2", 1).into_bytes());
    assert_eq!(verdict(&newer).problems, [VerifyProblem::NewerFormat { format: 2, supported: 1 }]);
    let strange = forged(&bytes, |e| e[0].1 = String::from_utf8(e[0].1.clone()).unwrap().replacen("\"format\": 1", "\"format\": 1, \"x\": 0", 1).into_bytes());
    assert!(matches!(verdict(&strange).problems[..], [VerifyProblem::Manifest { .. }]));
    let garbage = forged(&bytes, |e| e[0].1 = vec![b'{'; 10]);
    assert!(matches!(verdict(&garbage).problems[..], [VerifyProblem::Manifest { .. }]));
}

#[test]
fn a_hostile_archive_is_refused_before_the_manifest_is_read() {
    let (d, files) = complete();
    let bytes = package_of(&d, &files);
    let evil = forged(&bytes, |e| e.push(("../../etc/cron.d/x".into(), b"x".to_vec())));
    assert_eq!(verdict(&evil).problems, [VerifyProblem::Archive(ZipProblem::UnsafeName { name: "../../etc/cron.d/x".into() })]);
    assert_eq!(verdict(&bytes[..bytes.len() / 2]).problems, [VerifyProblem::Archive(ZipProblem::NotAZip)]);
    assert_eq!(verdict(b"PK\x03\x04 garbage").problems, [VerifyProblem::Archive(ZipProblem::NotAZip)]);
    let huge = forged(&bytes, |e| e[0].1 = vec![b' '; (verify::MAX_MANIFEST_BYTES + 1) as usize]);
    assert!(matches!(&verdict(&huge).problems[..], [VerifyProblem::Archive(ZipProblem::EntryTooLarge { name, .. })] if name == MANIFEST));
    let described = verdict(&evil).to_json();
    assert_eq!(described["problems"][0]["kind"], "unsafe_name");
    assert!(described["problems"][0]["message"].as_str().unwrap().starts_with("Gói hồ sơ không hợp lệ"));
}

#[test]
fn a_package_is_judged_against_the_catalogue_and_the_form_again() {
    let (mut d, mut files) = complete();
    // A program where a paper should be: refused by the file checks, though its hash is right.
    let exe = b"MZ\x90\x00 a program".to_vec();
    let hash = sha256_hex(&exe);
    d.attachments.add("d0", Attachment::new(hash.clone(), "giay-to.pdf".into(), &check_file("x.pdf", b"%PDF-1.4", &Limits::default())));
    files.insert(hash, exe);
    let v = verdict(&package_of(&d, &files));
    assert!(v.problems.iter().any(|p| matches!(p, VerifyProblem::FileRefused { path, .. } if path.ends_with("giay-to.pdf"))), "{:?}", v.problems);

    // Answers changed by hand after the package was made, receipt and all.
    let (d, files) = complete();
    let bytes = package_of(&d, &files);
    let mut m = manifest_of(&bytes);
    m.answers.insert("yeu-cau.so-ban".into(), "0".into());
    let m_json = format!("{}\n", serde_json::to_string_pretty(&m).unwrap());
    let (r, b) = fonts();
    let receipt = pdf::render(&print::receipt(&m, &sha256_hex(m_json.as_bytes()), None), Fonts { regular: &r, bold: &b }, 0).unwrap().bytes;
    let forged_pkg = forged(&bytes, |e| {
        e[0].1 = m_json.into_bytes();
        e.iter_mut().find(|(n, _)| n == RECEIPT).unwrap().1 = receipt;
    });
    let v = verdict(&forged_pkg);
    assert!(matches!(&v.problems[..], [VerifyProblem::Declaration { field, .. }] if field == "yeu-cau.so-ban"), "{:?}", v.problems);

    // The same answers from a package made with another version of the form: the desk is told
    // the form changed before the problems it may explain.
    m.form.as_mut().unwrap().version += 1;
    let m_json = format!("{}\n", serde_json::to_string_pretty(&m).unwrap());
    let receipt = pdf::render(&print::receipt(&m, &sha256_hex(m_json.as_bytes()), None), Fonts { regular: &r, bold: &b }, 0).unwrap().bytes;
    let older = forged(&bytes, |e| {
        e[0].1 = m_json.into_bytes();
        e.iter_mut().find(|(n, _)| n == RECEIPT).unwrap().1 = receipt;
    });
    let v = verdict(&older);
    let now = FormRef::of(form_for(CODE).unwrap());
    let made = FormRef { version: now.version + 1, ..now.clone() };
    assert_eq!(v.problems[0], VerifyProblem::FormChanged { made: Some(made.clone()), now: Some(now.clone()) });
    assert!(matches!(&v.problems[1..], [VerifyProblem::Declaration { .. }]), "{:?}", v.problems);
    assert!(v.problems[0].message().contains(&format!("phiên bản {}", made.version)));
    // Made while hoso had only the generic form for the procedure.
    let generic = |code: &str| lookup(code).map(|(p, _, _)| (p.clone(), crate::core::forms::generic_form(code, &p.name), false));
    let v = verify(&package_of(&d, &files), &generic, None);
    assert_eq!(v.problems.first(), Some(&VerifyProblem::FormChanged { made: Some(now), now: None }), "{:?}", v.problems);
    // Nothing wrong: nothing to explain.
    assert!(verdict(&bytes).ok());

    m.procedure.code = "9.999999".into();
    let unknown = verify(&package_of(&d, &files), &|_| None, None);
    assert_eq!(unknown.problems, [VerifyProblem::UnknownProcedure { code: CODE.into() }]);
}

#[test]
fn the_guide_puts_each_paper_in_its_slot_in_the_procedure_s_order() {
    let (d, files) = complete();
    let bytes = package_of(&d, &files);
    let guide = String::from_utf8(entries(&bytes).into_iter().find(|(n, _)| n == GUIDE).unwrap().1).unwrap();
    assert!(guide.contains("1. Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao"), "{guide}");
    assert!(guide.contains("Tải lên: 02-ban-chinh-giay-to-van-ban-lam-co-so-de/anh-bang.jpg"));
    assert!(guide.contains(&format!("(mã {CODE})")));
}

#[test]
fn names_in_the_package_are_plain_and_never_collide() {
    assert_eq!(safe_slug("Giấy chứng sinh (bản chính)", 40), "giay-chung-sinh-ban-chinh");
    assert_eq!(safe_slug("Đơn đề nghị cấp Giấy phép xây dựng nhà ở riêng lẻ", 20), "don-de-nghi-cap-giay");
    assert_eq!(safe_slug("…", 20), "");
    let (mut d, mut files) = complete();
    let again = jpegs_to_pdf(&[&tiny_jpeg(41, 30)]).unwrap();
    let hash = sha256_hex(&again);
    d.attachments.add("d0", Attachment::new(hash.clone(), "Bằng tốt nghiệp (bản chụp).pdf".into(), &check_file("a.pdf", &again, &Limits::default())));
    files.insert(hash, again);
    let m = manifest_of(&package_of(&d, &files));
    assert!(m.files.iter().any(|f| f.path.ends_with("/bang-tot-nghiep-ban-chup-2.pdf")), "{:?}", m.files.iter().map(|f| &f.path).collect::<Vec<_>>());
}

#[test]
fn the_receipt_says_the_fee_of_the_way_chosen_on_the_day_the_package_is_made() {
    let (mut d, _) = complete();
    let p = procedure();
    let planned = |d: &Dossier| plan(&Input { procedure: &p, form: form_for(CODE).unwrap(), full_form: true, dossier: d, units: None }).unwrap();
    assert_eq!(planned(&d).fee, None, "no way chosen, no fee said");
    d.channel = Some(Mode::InPerson);
    let with_fee = planned(&d);
    // 2.000815 lists two in-person rows, each said once.
    assert_eq!(with_fee.fee.as_deref(), Some("2.000 đồng/trang; 10 USD/bản"));
    let receipt = format!("{:?}", print::receipt(&with_fee.manifest, &"0".repeat(64), with_fee.fee.as_deref()));
    assert!(receipt.contains("Lệ phí: 2.000 đồng/trang"), "{receipt}");
    // 1.013818: halved until 31/12/2026, the full fee after.
    let path = format!("{}/public/catalogue/p/1.013818.json", env!("CARGO_MANIFEST_DIR"));
    let halved: Procedure = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let day = |s: &str| crate::core::calendar::Date::parse_iso(s).unwrap();
    let december = receipt_fee(&halved, Mode::Online, day("2026-12-08")).unwrap();
    assert!(december.starts_with("1.750.000 đồng/hồ sơ đến hết ngày 31/12/2026"), "{december}");
    assert_eq!(receipt_fee(&halved, Mode::Online, day("2027-01-02")).as_deref(), Some("3.500.000 đồng/hồ sơ"));
}
