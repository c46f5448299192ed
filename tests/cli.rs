//! The `hoso` command line as integrators use it: real process, real stdout and exit codes.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

pub fn hoso(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hoso")).args(args).output().expect("run hoso")
}

#[allow(dead_code)]
pub fn hoso_with_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child =
        Command::new(env!("CARGO_BIN_EXE_hoso")).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().expect("run hoso");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

/// Whether the reference data in `../shared` is here. CI always has it: there a missing folder
/// fails the test instead of skipping it. Elsewhere the skip is said loudly.
pub fn shared_present(path: &std::path::Path) -> bool {
    if path.exists() {
        return true;
    }
    assert!(std::env::var_os("CI").is_none(), "CI must have {}: the freshness check cannot be skipped there", path.display());
    eprintln!("\n*** SKIPPED: {} is not present; this test checked nothing ***\n", path.display());
    false
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn version_prints_the_crate_version() {
    for flag in ["--version", "-V", "version"] {
        let o = hoso(&[flag]);
        assert!(o.status.success());
        assert_eq!(stdout(&o).trim(), format!("hoso {}", env!("CARGO_PKG_VERSION")));
    }
}

#[test]
fn version_after_a_command_is_that_command_s_option_not_the_program_version() {
    // `units import F --version V` imports F (here: fails to read it), never prints the version.
    let o = hoso(&["units", "import", "/khong-co/tep.json", "--version", "2025-10-18"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!stdout(&o).contains("hoso 0"), "{}", stdout(&o));
    assert!(stderr(&o).contains("/khong-co/tep.json"), "{}", stderr(&o));
}

#[test]
fn a_positional_after_a_flag_is_not_taken_as_the_flag_s_value() {
    // `--same-day` takes no value: "2026" stays a positional, which `calendar due` refuses.
    let o = hoso(&["calendar", "due", "--same-day", "2026", "--received", "2026-02-13T16:30:00+07:00"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("`2026`"), "{}", stderr(&o));
    let o = hoso(&["calendar", "due", "--received", "2026-02-13T16:30:00+07:00", "--same-day"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hoso"))
        .args(["calendar", "holidays", "2026"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run hoso");
    drop(child.stdout.take()); // the reader goes away before anything is written
    let o = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(!err.contains("panicked") && !err.contains("Broken pipe"), "{err}");
}

#[test]
fn help_lists_commands_in_vietnamese() {
    let o = hoso(&["--help"]);
    assert!(o.status.success());
    let text = stdout(&o);
    assert!(text.contains("Cách dùng"), "{text}");
    assert!(text.contains("Mã thoát"), "{text}");
}

#[test]
fn unknown_command_is_a_usage_error_with_a_hint() {
    let o = hoso(&["lam-gi-do"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("hoso --help"));
    assert!(stdout(&o).is_empty());
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "exit {:?}: {}", o.status.code(), stderr(o));
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("not JSON ({e}): {}", stdout(o)))
}

#[test]
fn calendar_due_across_tet_2026() {
    let v = json(&hoso(&["calendar", "due", "--received", "2026-02-13T16:30:00+07:00", "--working-days", "7"]));
    assert_eq!(v["due"], "2026-03-04");
    assert_eq!(v["counted_from"], "2026-02-23");
    assert!(v.get("provisional").is_none(), "2026's days off are published");
}

#[test]
fn calendar_due_in_a_year_without_a_decision_says_it_may_change() {
    // 2027's Tết is not decided yet: the rule gives 4–5/2 and 8–10/2 (so Thursday 11/2 and Friday
    // 12/2 are the two working days), and the answer says so.
    let v = json(&hoso(&["calendar", "due", "--received", "2027-02-03T09:00:00+07:00", "--working-days", "2"]));
    assert_eq!(v["due"], "2027-02-12");
    assert_eq!(v["provisional"], "Lịch nghỉ lễ, Tết năm 2027 chưa được công bố: ngày hẹn tính theo quy tắc chung và có thể thay đổi.");
}

#[test]
fn calendar_due_needs_exactly_one_limit() {
    let o = hoso(&["calendar", "due", "--received", "2026-02-13T10:00:00+07:00"]);
    assert_eq!(o.status.code(), Some(2));
    let o = hoso(&["calendar", "due", "--received", "2026-02-13T10:00:00+07:00", "--same-day", "--working-days", "2"]);
    assert_eq!(o.status.code(), Some(2));
    let o = hoso(&["calendar", "due", "--received", "13/02/2026", "--working-days", "2"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("2026-02-13T16:30:00+07:00"), "the message shows the expected format");
}

#[test]
fn calendar_holidays_lists_official_days_off() {
    let v = json(&hoso(&["calendar", "holidays", "2026"]));
    let days: Vec<&str> = v.as_array().unwrap().iter().map(|d| d["date"].as_str().unwrap()).collect();
    assert!(days.contains(&"2026-02-17"), "Tết");
    assert!(days.contains(&"2026-04-27"), "Giỗ Tổ observed on Monday");
    assert!(days.contains(&"2026-01-02"), "swapped day");
    assert!(!days.contains(&"2026-04-26"), "the Sunday itself is an ordinary weekend");
    assert!(v[0]["name"].as_str().unwrap().contains("Tết Dương lịch"));
}

#[test]
fn calendar_lunar_date() {
    let v = json(&hoso(&["calendar", "lunar", "2026-02-17"]));
    assert_eq!(v, serde_json::json!({"year": 2026, "month": 1, "day": 1, "leap_month": false}));
    let v = json(&hoso(&["calendar", "lunar", "2025-07-25"]));
    assert_eq!(v["leap_month"], true);
    assert_eq!(hoso(&["calendar", "lunar", "2026-02-30"]).status.code(), Some(1));
}

/// The top results of `hoso search` for a query, as codes.
fn search_codes(query: &str, limit: &str) -> Vec<String> {
    let v = json(&hoso(&["search", query, "--limit", limit]));
    v.as_array().unwrap().iter().map(|h| h["code"].as_str().unwrap().to_string()).collect()
}

#[test]
fn search_finds_common_procedures_from_everyday_phrasing() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/search-queries.json");
    let cases: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    // The flagship queries, through the CLI; the whole list is measured by tests/search.rs.
    let cases: Vec<_> = cases["queries"].as_array().unwrap().iter().filter(|c| c["topic"] == "tiêu biểu").collect();
    assert!(cases.len() >= 20);
    for case in cases {
        let (query, code) = (case["query"].as_str().unwrap(), case["expect"].as_str().unwrap());
        assert_eq!(search_codes(query, "1"), [code], "«{query}» should put {code} first");
    }
}

#[test]
fn search_ignores_diacritics_tone_placement_and_unicode_form() {
    // Decomposed input (base letters + combining marks), as some keyboards send it.
    let nfd = "\u{0110}a\u{0306}ng ky\u{0301} khai sinh";
    let with = search_codes("đăng ký khai sinh", "3");
    assert_eq!(search_codes("dang ky khai sinh", "3"), with);
    assert_eq!(search_codes(nfd, "3"), with);
    assert_eq!(search_codes("ĐĂNG KÝ KHAI SINH", "3"), with);
    // Old and new tone placement: "hoà" / "hòa" — both find the conciliation procedures.
    assert_eq!(search_codes("hoà giải", "5"), search_codes("hòa giải", "5"));
    assert!(!search_codes("hòa giải", "5").is_empty());
}

#[test]
fn search_tolerates_missing_words_and_partial_typing() {
    // "khai sinh lưu động" without "đăng ký" and a half-typed last word.
    assert_eq!(search_codes("khai sinh luu dong", "1"), ["1.003583"]);
    assert!(search_codes("dang ky khai si", "3").contains(&"1.001193".to_string()));
    assert!(search_codes("zzzz qqqq", "5").is_empty());
}

#[test]
fn search_filters_by_field_and_level() {
    let v = json(&hoso(&["search", "đăng ký", "--field", "Hộ tịch", "--level", "Cấp xã", "--limit", "50"]));
    assert!(!v.as_array().unwrap().is_empty());
    for h in v.as_array().unwrap() {
        let p = json(&hoso(&["catalogue", "show", h["code"].as_str().unwrap()]));
        assert_eq!(p["field"], "Hộ tịch");
        assert!(p["levels"].as_array().unwrap().iter().any(|l| l == "Cấp xã"));
    }
    let o = hoso(&["search", "x", "--field", "Không có lĩnh vực này"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Không có lĩnh vực"));
}

#[test]
fn exact_diacritics_rank_first() {
    // "hoà" (reconciliation) vs "hoa" (flowers, chemistry…): typing the accent prefers it.
    let v = json(&hoso(&["search", "hòa giải", "--limit", "1"]));
    let name = hoso::core::text::tone_key(v[0]["name"].as_str().unwrap());
    assert!(name.contains(&hoso::core::text::tone_key("hòa giải")), "{name}");
}

/// The committed catalogue is exactly what the importer makes of the sources (when they are
/// present: the project builds and tests without them).
#[test]
fn committed_catalogue_is_what_the_importer_produces() {
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    if !shared_present(&data.join("tthc-2026-07")) || !shared_present(&data.join("tthc-bqp-2025-12")) {
        return;
    }
    let out = std::env::temp_dir().join(format!("hoso-catalogue-{}", std::process::id()));
    let o = hoso(&["catalogue", "import", data.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let committed = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/catalogue");
    for name in ["index.json", "report.json", "p/1.001193.json", "p/1.013225.json", "p/2.000815.json", "p/1.013133.json", "p/1.013539.json"] {
        let a = std::fs::read_to_string(committed.join(name)).unwrap();
        let b = std::fs::read_to_string(out.join(name)).unwrap();
        assert!(a == b, "{name} is stale: run `cargo run --release --bin hoso -- catalogue import ../shared/data`");
    }
    let count = std::fs::read_dir(out.join("p")).unwrap().count();
    assert_eq!(count, std::fs::read_dir(committed.join("p")).unwrap().count());
    std::fs::remove_dir_all(&out).ok();
}

#[test]
fn catalogue_stats_and_show_contract() {
    let v = json(&hoso(&["catalogue", "stats"]));
    assert_eq!(v["procedures"], 2849);
    assert_eq!((v["by_source"]["tthc-2026-07"].as_u64(), v["by_source"]["tthc-bqp-2025-12"].as_u64()), (Some(2642), Some(207)));
    for key in ["with_documents", "with_fees", "needs_review"] {
        assert!(v[key].as_u64().unwrap() > 0, "{key}");
    }
    let p = json(&hoso(&["catalogue", "show", "1.004222"]));
    assert_eq!(p["code"], "1.004222");
    assert_eq!(p["level"], "Cấp xã");
    assert_eq!(p["channels"][0]["mode"], "online");
    assert_eq!(p["channels"][0]["working_days"], 7);
    assert_eq!(p["channels"][0]["fee_vnd"], 10000);
    assert_eq!(p["channels"][1]["mode"], "in_person");
    let d = &p["documents"][0];
    assert!(d["originals"].is_u64() && d["copies"].is_u64());
    assert!(d["kind"] == "submit" || d["kind"] == "present");
    assert!(d["condition"].is_string() || d["condition"].is_null());
    let o = hoso(&["catalogue", "show", "9.999999"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Không có thủ tục mã «9.999999»"));
}

fn check_lines(kind: &str, input: &str) -> Vec<serde_json::Value> {
    let o = hoso_with_stdin(&["check", kind], input);
    assert!(o.status.success(), "{}", stderr(&o));
    stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

#[test]
fn check_cccd_contract() {
    let v = check_lines("cccd", "001099012345\n079 305 000001\n123456789\n");
    assert_eq!(v.len(), 3);
    assert_eq!(v[0]["valid"], true);
    assert_eq!(v[0]["province_code"], "001");
    assert_eq!(v[0]["sex"], "male");
    assert_eq!(v[0]["birth_year"], 1999);
    assert_eq!(v[1]["normalized"], "079305000001");
    assert_eq!(v[1]["sex"], "female");
    assert_eq!(v[2]["valid"], false);
    assert!(v[2]["reason"].as_str().unwrap().contains("12 chữ số"));
}

#[test]
fn check_cccd_qr_reads_what_a_handheld_scanner_types() {
    let lines = check_lines(
        "cccd-qr",
        "001199012345|013456789|Nguyễn Thị Ánh Tuyết|15031999|Nữ|Thôn 3, Xã Cẩm Lĩnh, Huyện Ba Vì, Thành phố Hà Nội|20042021\n\
         079205000001||Trần Văn Bình|02012005|Nam|Phường 9, Quận 5, Thành phố Hồ Chí Minh|01072024||\n\
         001199012345||Tên|15031999|Nữ|Hà Nội|20042021|Nguyễn Văn Cha\n",
    );
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["card"]["name"], "Nguyễn Thị Ánh Tuyết");
    assert_eq!((lines[0]["card"]["birth"].as_str(), lines[0]["card"]["sex"].as_str()), (Some("15/03/1999"), Some("female")));
    assert_eq!(lines[0]["street"], "Thôn 3");
    assert_eq!(lines[0]["communes"].as_array().unwrap().len(), 2, "a divided commune: both, for the person to choose");
    assert_eq!(lines[1]["communes"][0]["name"], "Phường An Đông");
    assert_eq!(lines[1]["card"]["old_id"], serde_json::Value::Null);
    assert_eq!(
        (lines[2]["valid"].as_bool(), lines[2]["problem"]["kind"].as_str(), lines[2]["problem"]["fields"].as_u64()),
        (Some(false), Some("unknown_layout"), Some(8))
    );
}

#[test]
fn check_mst_phone_name_contract() {
    let v = check_lines("mst", "0100109106\n0100109107\n");
    assert_eq!((v[0]["valid"].clone(), v[1]["valid"].clone()), (true.into(), false.into()));
    let v = check_lines("phone", "+84 912 345 678\n0112345678\n");
    assert_eq!(v[0]["e164"], "+84912345678");
    assert_eq!(v[0]["normalized"], "0912345678");
    assert_eq!(v[1]["valid"], false);
    assert!(v[1]["e164"].is_null());
    let v = check_lines("name", "nguyễn văn an\nNguyeenx Van An\nTran62\n");
    assert_eq!(v[0]["normalized"], "Nguyễn Văn An");
    assert!(v[1]["reason"].as_str().unwrap().contains("Nguyễn"));
    assert_eq!(v[2]["valid"], false);
    assert_eq!(hoso(&["check", "passport"]).status.code(), Some(2));
}

#[test]
fn units_stats_match_the_2025_reform() {
    let v = json(&hoso(&["units", "stats"]));
    assert_eq!((v["provinces"].as_u64(), v["communes"].as_u64()), (Some(34), Some(3321)));
    assert_eq!((v["xa"].as_u64(), v["phuong"].as_u64(), v["dac_khu"].as_u64()), (Some(2621), Some(687), Some(13)));
}

#[test]
fn units_search_never_picks_between_look_alikes() {
    // Hải Phòng (code 31) has both Xã Cẩm Giang and Xã Cẩm Giàng since the 2025 merger.
    let v = json(&hoso(&["units", "search", "cam giang", "--province", "31"]));
    let names: Vec<&str> = v.as_array().unwrap().iter().map(|u| u["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Xã Cẩm Giang", "Xã Cẩm Giàng"]);
    assert!(v.as_array().unwrap().iter().all(|u| u["needs_choice"] == true));
    // Typed with its diacritics, one is exact and comes first.
    let v = json(&hoso(&["units", "search", "Cẩm Giàng", "--province", "31"]));
    assert_eq!(v[0]["name"], "Xã Cẩm Giàng");
    assert_eq!(v[0]["exact"], true);
    assert_eq!(v[0]["needs_choice"], false);
    let v = json(&hoso(&["units", "search", "phuong hoan kiem"]));
    assert_eq!(v[0]["code"], 70);
    assert_eq!(v[0]["province"], "Thành phố Hà Nội");
}

#[test]
fn old_addresses_convert_to_the_new_commune() {
    // Written in full or abbreviated, as on older papers.
    for address in ["Phường 9, Quận 5, Thành phố Hồ Chí Minh", "P. 09, Q. 5, TP. HCM"] {
        let v = json(&hoso(&["units", "convert", address]));
        assert_eq!(v[0]["new"][0]["name"], "Phường An Đông", "{address}");
        assert_eq!(v[0]["needs_choice"], false);
    }
    // Since the 2025 merger, Hải Dương's communes belong to Hải Phòng.
    let v = json(&hoso(&["units", "convert", "Xã Cẩm Vũ, Huyện Cẩm Giàng, Tỉnh Hải Dương"]));
    assert_eq!(v[0]["new"][0]["province"], "Thành phố Hải Phòng");
}

#[test]
fn a_divided_old_commune_asks_which_part() {
    let v = json(&hoso(&["units", "convert", "Xã Tân Thạnh, Huyện Thới Lai, Thành phố Cần Thơ"]));
    assert_eq!(v[0]["needs_choice"], true);
    let names: Vec<&str> = v[0]["new"].as_array().unwrap().iter().map(|n| n["name"].as_str().unwrap()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
    // Communes whose names differ only by their marks each reach their own new commune:
    // "Thị trấn Tân Thạnh" is not "Xã Tân Thành" of the same district.
    for (old, new) in [
        ("Thị trấn Tân Thạnh, Huyện Tân Thạnh, Tỉnh Long An", "Xã Tân Thạnh"),
        ("Xã Tân Thành, Huyện Tân Thạnh, Tỉnh Long An", "Xã Nhơn Ninh"),
        ("Thị trấn Cẩm Giang, Huyện Cẩm Giàng, Tỉnh Hải Dương", "Xã Cẩm Giang"),
        ("Thị trấn Ba Tơ, Huyện Ba Tơ, Tỉnh Quảng Ngãi", "Xã Ba Tơ"),
    ] {
        let v = json(&hoso(&["units", "convert", old]));
        assert_eq!(v[0]["new"][0]["name"], new, "{old}: {v}");
    }
    let o = hoso(&["units", "convert", "Xã Không Có, Huyện Không Có, Tỉnh Không Có"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Không tìm thấy đơn vị cũ"));
}

#[test]
fn files_check_reports_each_file_and_fails_when_one_is_refused() {
    let dir = std::env::temp_dir().join(format!("hoso-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A two-page PDF made by hoso's own photo combiner, from a (header-only) JPEG.
    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xC0, 0, 17, 8, 0x05, 0xDC, 0x07, 0xD0, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
    jpeg.extend_from_slice(&[0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 0x3F, 0, 0xFF, 0xD9]);
    let pdf = hoso::core::files::combine::jpegs_to_pdf(&[&jpeg, &jpeg]).unwrap();
    let good = dir.join("giay-khai-sinh.pdf");
    std::fs::write(&good, &pdf).unwrap();
    let o = hoso(&["files", "check", good.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!((v["kind"].as_str(), v["pages"].as_u64(), v["accepted"].as_bool()), (Some("pdf"), Some(2), Some(true)));
    assert_eq!(v["sha256"].as_str().unwrap().len(), 64);

    let cut = dir.join("cat-cut.pdf");
    std::fs::write(&cut, &pdf[..pdf.len() / 2]).unwrap();
    let o = hoso(&["files", "check", good.to_str().unwrap(), cut.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["accepted"], false);
    assert!(lines[1]["problems"][0]["message"].as_str().unwrap().contains("cắt cụt"));
    assert!(stderr(&o).contains("1/2 tệp không được nhận"));
    assert_eq!(hoso(&["files", "check"]).status.code(), Some(2));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn forms_check_applies_the_declaration_rules_to_exported_answers() {
    let o = hoso(&["forms", "list"]);
    assert!(o.status.success());
    let forms: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(forms.as_array().unwrap().len(), 8);

    // A complete LLTP declaration with one place lived: accepted and normalised.
    let good = r#"{"ca-nhan.ho-ten":"trần thị bình","ca-nhan.gioi-tinh":"nu","ca-nhan.ngay-sinh":"15/08/1995",
        "ca-nhan.noi-sinh":"Hà Nội","ca-nhan.quoc-tich":"Việt Nam","ca-nhan.dan-toc":"Kinh","ca-nhan.cccd":"001195012345",
        "ca-nhan.thuong-tru":"70","ca-nhan.dien-thoai":"+84 912 345 678","gia-dinh.me":"Lê Thị Hoa",
        "cu-tru#n":"1","cu-tru.tu-thang#1":"9/2009","cu-tru.noi-cu-tru#1":"Hà Nội",
        "yeu-cau.loai-phieu":"so-2","yeu-cau.muc-dich":"Xin việc","yeu-cau.so-luong":"1","yeu-cau.cha-me-nop":"tu-nop",
        "yeu-cau.uy-quyen":"uy-quyen"}"#;
    let o = hoso_with_stdin(&["forms", "check", "3.000333"], good);
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["errors"], serde_json::json!([]));
    assert_eq!(v["normalized"]["ca-nhan.ho-ten"], "Trần Thị Bình");
    assert_eq!(v["normalized"]["cu-tru.tu-thang#1"], "09/2009");
    assert_eq!(v["normalized"].get("yeu-cau.uy-quyen"), None, "an answer left from Phiếu số 1 is not asked for Phiếu số 2");

    // The same with the place's end before its start: exit 1, the item named.
    let bad = good.replace(r#""cu-tru.noi-cu-tru#1""#, r#""cu-tru.den-thang#1":"01/2009","cu-tru.noi-cu-tru#1""#);
    let o = hoso_with_stdin(&["forms", "check", "3.000333"], &bad);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(v["errors"][0]["field"], "cu-tru.den-thang#1");
    assert!(v["errors"][0]["message"].as_str().unwrap().starts_with("Nơi cư trú 1: "));
    assert_eq!(hoso_with_stdin(&["forms", "check", "9.999999"], "{}").status.code(), Some(1));
    assert_eq!(hoso_with_stdin(&["forms", "check", "3.000333"], "[1]").status.code(), Some(1));
}

/// The same answers through the core and through `hoso forms check` give the same JSON (the
/// browser bridge is compared with the CLI on the same cases in `tests/e2e/bridge.spec.mjs`).
#[test]
fn forms_check_answers_exactly_as_the_core_does() {
    use hoso::core::calendar::Date;
    use hoso::core::forms::{check_declaration, Answers};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let data: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(root.join("tests/data/declarations.json")).unwrap()).unwrap();
    let today = data["today"].as_str().unwrap();
    let units: hoso::core::units::Units = serde_json::from_str(&std::fs::read_to_string(root.join("public/units/2025.json")).unwrap()).unwrap();
    for case in data["cases"].as_array().unwrap() {
        let code = case["code"].as_str().unwrap();
        let answers: Answers = serde_json::from_value(case["answers"].clone()).unwrap();
        let (errors, normalized) = check_declaration(code, &answers, Date::parse_iso(today).unwrap(), &units);
        let core = serde_json::json!({ "errors": errors, "normalized": normalized });
        let o = hoso_with_stdin(&["forms", "check", code, "--today", today], &case["answers"].to_string());
        let cli: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{code}: {e}: {}", stderr(&o)));
        assert_eq!(cli, core, "{code}: {}", case["why"]);
        assert!(!errors.is_empty() || code == "1.000005", "{code}: the case makes rules fire");
    }
}

/// A draft file hoso writes opens in an independent ZIP reader (Python's zipfile, CRCs tested)
/// and passes `hoso draft check`; one with a file changed inside is refused with its reason.
#[test]
fn draft_check_accepts_hoso_s_own_draft_and_refuses_a_changed_one() {
    use hoso::core::checklist::Attachment;
    use hoso::core::dossier::Dossier;
    use hoso::core::draft::write_draft;
    use hoso::core::files::{sha256_hex, FileKind};
    let pdf = b"%PDF-1.4 giay chung sinh".to_vec();
    let now = hoso::core::calendar::Receipt::parse_rfc3339("2026-11-25T10:00:00+07:00").unwrap();
    let mut d = Dossier::new("ho-so-1".into(), "1.001193".into(), "2026-07".into(), now);
    d.answers.insert("nguoi-yeu-cau.ho-ten".into(), "Nguyễn Văn An".into());
    let a = Attachment {
        hash: sha256_hex(&pdf),
        name: "giay-chung-sinh.pdf".into(),
        size: pdf.len() as u64,
        kind: FileKind::Pdf,
        pages: Some(1),
        width: None,
        height: None,
        problems: vec![],
        from: vec![],
    };
    d.attachments.add("d0", a);
    let bytes = write_draft(&d, |h| (h == sha256_hex(&pdf)).then(|| pdf.clone())).unwrap();
    let dir = std::env::temp_dir().join(format!("hoso-draft-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("ho-so.zip");
    std::fs::write(&good, &bytes).unwrap();

    let python = Command::new("python3")
        .args(["-c", "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(len(z.namelist()))"])
        .arg(&good)
        .output();
    if let Ok(o) = python {
        assert!(o.status.success(), "Python's zipfile refuses hoso's draft: {}", String::from_utf8_lossy(&o.stderr));
        assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "2");
    }
    let v = json(&hoso(&["draft", "check", good.to_str().unwrap()]));
    assert_eq!((v["accepted"].as_bool(), v["procedure"].as_str(), v["files"].as_u64()), (Some(true), Some("1.001193"), Some(1)));

    // The same bytes with the PDF changed inside (same length, so the ZIP still reads).
    let at = bytes.windows(pdf.len()).position(|w| w == pdf.as_slice()).unwrap();
    let mut changed = bytes.clone();
    changed[at + 10] ^= 0x20;
    let bad = dir.join("ho-so-sua.zip");
    std::fs::write(&bad, &changed).unwrap();
    let o = hoso(&["draft", "check", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["accepted"], false);
    assert_eq!(v["problems"][0]["kind"], "damaged", "the entry's CRC no longer matches: {v}");
    std::fs::remove_dir_all(&dir).ok();
}

/// Runs a tool the test command installs (scripts/setup.sh); its absence is a failure, not a skip.
fn tool(program: &str, args: &[&str], dir: &std::path::Path) -> Output {
    let o = Command::new(program).args(args).current_dir(dir).output().unwrap_or_else(|e| panic!("{program} is needed (scripts/setup.sh installs it): {e}"));
    assert!(o.status.success(), "{program} {args:?} failed: {}{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    o
}

/// The submission package as a desk receives it, read by tools hoso did not write: `unzip -t`,
/// Python's zipfile, `pdftotext` on the declaration, `zbarimg` on the receipt's QR code; and
/// `hoso package verify` accepts it, and names the file when one byte of it is changed.
#[test]
fn a_package_built_by_the_cli_is_read_by_independent_tools_and_verifies() {
    let dir = std::env::temp_dir().join(format!("hoso-package-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    tool("convert", &["-size", "640x420", "xc:white", "-fill", "black", "-draw", "rectangle 60,60 580,360", "bang.jpg"], &dir);
    tool("img2pdf", &["bang.jpg", "-o", "Bằng tốt nghiệp.pdf"], &dir);
    let answers = r#"{"yeu-cau.ho-ten":"nguyễn thị ánh tuyết","yeu-cau.giay-to":"Bằng tốt nghiệp trung học phổ thông","yeu-cau.so-trang":"2","yeu-cau.so-ban":"3","yeu-cau.nuoc-ngoai":"khong"}"#;
    std::fs::write(dir.join("a.json"), answers).unwrap();
    let build = |out: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_hoso"))
            .args(["package", "build", "2.000815", "--answers", "a.json", "--attach", "d0=Bằng tốt nghiệp.pdf", "--attach", "d0=bang.jpg"])
            .args(["--at", "2026-11-25T10:05+07:00", "--out", out])
            .current_dir(&dir)
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        json(&o)
    };
    let first = build("goi.zip");
    assert_eq!(build("goi-2.zip")["sha256"], first["sha256"], "the same inputs give the same bytes");

    tool("unzip", &["-tq", "goi.zip"], &dir);
    let py = tool("python3", &["-c", "import zipfile; z = zipfile.ZipFile('goi.zip'); assert z.testzip() is None; print(len(z.namelist()))"], &dir);
    assert_eq!(String::from_utf8_lossy(&py.stdout).trim(), "6");
    tool("unzip", &["-oq", "goi.zip", "-d", "ra"], &dir);
    let out = dir.join("ra");
    let text = String::from_utf8(tool("pdftotext", &["to-khai.pdf", "-"], &out).stdout).unwrap();
    assert!(text.contains("Nguyễn Thị Ánh Tuyết"), "{text}");
    for (_, field) in hoso::core::forms::form_for("2.000815").unwrap().fields() {
        assert!(text.replace('\n', " ").contains(&field.label), "the declaration has «{}»: {text}", field.label);
    }
    tool("pdftoppm", &["-r", "150", "-png", "-singlefile", "bien-nhan.pdf", "bien-nhan"], &out);
    let qr = String::from_utf8(tool("zbarimg", &["-q", "--raw", "bien-nhan.png"], &out).stdout).unwrap();
    let manifest = std::fs::read(out.join("manifest.json")).unwrap();
    assert_eq!(qr.trim(), format!("HOSO1:2.000815:{}", hoso::core::files::sha256_hex(&manifest)));

    let v = json(&hoso(&["package", "verify", dir.join("goi.zip").to_str().unwrap()]));
    assert_eq!((v["ok"].as_bool(), v["procedure"].as_str(), v["files"].as_u64()), (Some(true), Some("2.000815"), Some(3)), "{v}");

    // The manifest keeps its published JSON Schema (checked by Debian's python3-jsonschema), and
    // the check is real: a manifest with a field the schema does not know fails it.
    let schema = concat!(env!("CARGO_MANIFEST_DIR"), "/public/schema/package-manifest-1.json");
    let validate = "import json, sys, jsonschema\n\
        m = json.load(open(sys.argv[1]))\n\
        if len(sys.argv) > 3: m[sys.argv[3]] = 1\n\
        jsonschema.Draft202012Validator(json.load(open(sys.argv[2]))).validate(m)";
    tool("/usr/bin/python3", &["-c", validate, "ra/manifest.json", schema], &dir);
    let strange = Command::new("/usr/bin/python3").args(["-c", validate, "ra/manifest.json", schema, "la"]).current_dir(&dir).output().unwrap();
    assert!(!strange.status.success(), "the schema refuses unknown fields");

    let bytes = std::fs::read(dir.join("goi.zip")).unwrap();
    let photo = std::fs::read(dir.join("bang.jpg")).unwrap();
    // The last copy: img2pdf's PDF holds the same JPEG before it.
    let at = bytes.windows(64).rposition(|w| w == &photo[200..264]).unwrap();
    let mut changed = bytes.clone();
    changed[at] ^= 0xFF;
    std::fs::write(dir.join("sua.zip"), &changed).unwrap();
    let o = hoso(&["package", "verify", dir.join("sua.zip").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!((v["ok"].as_bool(), v["problems"][0]["kind"].as_str()), (Some(false), Some("damaged")));
    assert!(v["problems"][0]["name"].as_str().unwrap().ends_with("/bang.jpg"), "{v}");
    assert!(stderr(&o).contains("bang.jpg"), "the sentence names the file: {}", stderr(&o));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn package_build_says_what_is_missing_and_builds_nothing() {
    let dir = std::env::temp_dir().join(format!("hoso-package-missing-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.json"), r#"{"yeu-cau.ho-ten":"Lê Văn Minh","yeu-cau.giay-to":"Học bạ"}"#).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_hoso"))
        .args(["package", "build", "2.000815", "--answers", "a.json", "--out", "x.zip"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Chưa xuất được hồ sơ") && stderr(&o).contains("còn thiếu"), "{}", stderr(&o));
    assert!(!dir.join("x.zip").exists());
    let o = hoso(&["package", "build", "2.000815", "--answers", "a.json", "--attach", "khong-co-dau-bang"]);
    assert_eq!(o.status.code(), Some(2), "a malformed --attach is a usage error");
    std::fs::remove_dir_all(&dir).ok();
}

/// A package sealed to an agency's key (or a desk's passphrase) opens with Debian's `age`, and
/// the opened ZIP verifies; `hoso package verify --identity` opens and verifies in one step.
#[test]
fn a_sealed_package_opens_with_debian_s_age_and_verifies() {
    let dir = std::env::temp_dir().join(format!("hoso-package-age-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    tool("convert", &["-size", "320x200", "xc:white", "-fill", "black", "-draw", "rectangle 30,30 290,170", "bang.jpg"], &dir);
    std::fs::write(
        dir.join("a.json"),
        r#"{"yeu-cau.ho-ten":"Đỗ Văn Hùng","yeu-cau.giay-to":"Giấy khai sinh","yeu-cau.so-trang":"1","yeu-cau.so-ban":"2","yeu-cau.nuoc-ngoai":"khong"}"#,
    )
    .unwrap();
    tool("age-keygen", &["-o", "khoa.txt"], &dir);
    let key = std::fs::read_to_string(dir.join("khoa.txt")).unwrap();
    let public = key.lines().find_map(|l| l.strip_prefix("# public key: ")).unwrap().to_string();
    let base = ["package", "build", "2.000815", "--answers", "a.json", "--attach", "d0=bang.jpg", "--at", "2026-11-25T10:05+07:00"];
    let o = Command::new(env!("CARGO_BIN_EXE_hoso")).args(base).args(["--recipient", &public, "--out", "goi.zip.age"]).current_dir(&dir).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(dir.join("goi.zip.age")).unwrap().starts_with(b"age-encryption.org/v1\n"));
    tool("age", &["-d", "-i", "khoa.txt", "-o", "mo.zip", "goi.zip.age"], &dir);
    let v = json(&hoso(&["package", "verify", dir.join("mo.zip").to_str().unwrap()]));
    assert_eq!(v["ok"], true, "{v}");
    let v = json(&hoso(&["package", "verify", "--identity", dir.join("khoa.txt").to_str().unwrap(), dir.join("goi.zip.age").to_str().unwrap()]));
    assert_eq!(v["ok"], true, "{v}");
    let o = hoso(&["package", "verify", dir.join("goi.zip.age").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(serde_json::from_str::<serde_json::Value>(&stdout(&o)).unwrap()["problems"][0]["kind"], "sealed");

    // A passphrase: Debian's age asks for it on a terminal, so it is typed through a pseudo-terminal.
    std::fs::write(dir.join("mat-khau.txt"), "hoa sen trong dam\n").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_hoso"))
        .args(base)
        .args(["--passphrase-file", "mat-khau.txt", "--out", "goi-mk.zip.age"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let typed = "import os, pty, sys, time\n\
        pid, fd = pty.fork()\n\
        if pid == 0: os.execvp('age', ['age', '-d', '-o', 'mo-mk.zip', 'goi-mk.zip.age'])\n\
        out = b''\n\
        while b'assphrase' not in out: out += os.read(fd, 1024)\n\
        os.write(fd, b'hoa sen trong dam\\n')\n\
        while True:\n\
        \x20   try: chunk = os.read(fd, 1024)\n\
        \x20   except OSError: break\n\
        \x20   if not chunk: break\n\
        sys.exit(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))\n";
    tool("python3", &["-c", typed], &dir);
    let v = json(&hoso(&["package", "verify", dir.join("mo-mk.zip").to_str().unwrap()]));
    assert_eq!(v["ok"], true, "{v}");
    // The desk checks it in one step with the same passphrase file.
    let sealed = dir.join("goi-mk.zip.age");
    let v = json(&hoso(&["package", "verify", "--passphrase-file", dir.join("mat-khau.txt").to_str().unwrap(), sealed.to_str().unwrap()]));
    assert_eq!(v["ok"], true, "{v}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn embed_header_is_the_frame_ancestors_value_for_the_deployment_s_allow_list() {
    let o = hoso(&["embed", "header", "public/embed.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = json(&o);
    assert_eq!(out["header"], "Content-Security-Policy");
    assert_eq!(out["value"], "frame-ancestors 'self' https://dichvucong.gov.vn");
    // A wildcard or a path is not an origin: refused, naming the entry, nothing printed.
    let dir = std::env::temp_dir().join(format!("hoso-embed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("embed.json");
    std::fs::write(&bad, r#"{"v": 1, "origins": ["https://dichvucong.gov.vn", "https://*.gov.vn"]}"#).unwrap();
    let o = hoso(&["embed", "header", bad.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).is_empty());
    assert!(stderr(&o).contains("«https://*.gov.vn» không phải một origin"), "{}", stderr(&o));
}

#[test]
fn embed_init_says_what_hoso_will_fill_and_what_it_refuses() {
    let message = r##"{"type": "hoso:init", "v": 1, "procedure": "2.000815",
        "prefill": {"yeu-cau.ho-ten": "  Nguyễn Thị Ánh Tuyết ", "yeu-cau.khong-co": "x"},
        "theme": {"--hoso-color-brand": "#a50e0e", "--hoso-color-link": "url(x)"},
        "recipients": ["age1khongphaikhoa"]}"##;
    let o = hoso_with_stdin(&["embed", "init"], message);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(out["prefill"], serde_json::json!({"yeu-cau.ho-ten": "Nguyễn Thị Ánh Tuyết"}));
    assert_eq!(out["theme"], serde_json::json!({"--hoso-color-brand": "#a50e0e"}));
    let kinds: Vec<(&str, &str)> = out["refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["kind"].as_str().unwrap(), p.get("key").or(p.get("property")).or(p.get("field")).and_then(|v| v.as_str()).unwrap_or("")))
        .collect();
    assert_eq!(kinds, [("bad_theme", "--hoso-color-link"), ("unknown_answer", "yeu-cau.khong-co"), ("bad_field", "recipients")]);
    // A message of another protocol version is refused whole.
    let o = hoso_with_stdin(&["embed", "init", "-"], r#"{"type": "hoso:init", "v": 2}"#);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Giao thức v2 chưa được hỗ trợ"), "{}", stderr(&o));
    // A good one passes.
    let o = hoso_with_stdin(&["embed", "init"], r#"{"type": "hoso:init", "v": 1, "procedure": "2.000815", "prefill": {"yeu-cau.so-ban": 3}}"#);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(json(&o)["prefill"]["yeu-cau.so-ban"], "3");
}
