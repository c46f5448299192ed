//! Golden tests: the generated catalogue (public/catalogue) reads correctly, end to end, for the
//! procedures citizens use most. Each expectation was checked by hand against the source text
//! of the national database crawl.
#![cfg(not(target_arch = "wasm32"))]

use hoso::core::catalogue::curated::{LIFE_EVENTS, POPULAR};
use hoso::core::catalogue::import::unread_case;
use hoso::core::catalogue::{DocumentKind, Index, Mode, Procedure};

fn dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/catalogue")
}

fn index() -> Index {
    serde_json::from_str(&std::fs::read_to_string(dir().join("index.json")).unwrap()).unwrap()
}

fn procedure(code: &str) -> Procedure {
    let text = std::fs::read_to_string(dir().join("p").join(format!("{code}.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn modes(p: &Procedure) -> Vec<Mode> {
    p.channels.iter().map(|c| c.mode).collect()
}

fn has_document(p: &Procedure, starts_with: &str, kind: DocumentKind) -> bool {
    p.documents.iter().any(|d| d.name.starts_with(starts_with) && d.kind == kind)
}

#[test]
fn every_procedure_of_the_crawl_is_in_the_catalogue() {
    let index = index();
    assert_eq!(index.entries.len(), 2642 + 207, "the national crawl and the Ministry of National Defence's exports");
    assert_eq!(index.format, hoso::core::catalogue::FORMAT_VERSION);
    assert_eq!(index.catalogue_version, "2026-07");
    for e in &index.entries {
        assert!(dir().join("p").join(format!("{}.json", e.code())).exists(), "{}", e.code());
    }
}

/// The app knows the shipped catalogue without fetching its index (`catalogue::known`, compiled
/// in by build.rs): the same codes, version and source, so a procedure page never asks for a code
/// without a file, nor refuses one that has it.
#[test]
fn the_app_knows_every_code_version_and_source_of_the_shipped_index() {
    use hoso::core::catalogue::known;
    let index = index();
    assert_eq!(known::count(), index.entries.len());
    for e in &index.entries {
        assert!(known::is_known(e.code()), "{}", e.code());
    }
    assert_eq!(known::VERSION, index.catalogue_version);
    assert_eq!(known::SOURCE, index.source);
}

#[test]
fn curated_codes_exist() {
    let index = index();
    for code in POPULAR.iter().chain(LIFE_EVENTS.iter().flat_map(|e| e.codes.iter())) {
        assert!(index.find(code).is_some(), "curated code {code} is not in the catalogue");
    }
}

#[test]
fn birth_registration_1_001193() {
    let p = procedure("1.001193");
    assert_eq!(p.name, "Thủ tục đăng ký khai sinh");
    assert_eq!((p.level.as_str(), p.field.as_str()), ("Cấp xã", "Hộ tịch"));
    assert_eq!(modes(&p), [Mode::Online, Mode::Post, Mode::InPerson]);
    assert!(p.channels.iter().all(|c| c.fee_vnd == Some(0)), "free on every channel");
    // The portal lost the unit of the time limit ("1"): flagged, not guessed.
    assert!(p.channels.iter().all(|c| c.time_amount == Some(1.0) && c.time_unit.is_none()));
    assert_eq!(p.needs_review.len(), 3);
    assert!(has_document(&p, "Giấy chứng sinh", DocumentKind::Submit));
    assert!(has_document(&p, "Văn bản ủy quyền", DocumentKind::Submit));
    assert!(has_document(&p, "Hộ chiếu/Thẻ căn cước công dân", DocumentKind::Present));
    assert_eq!(p.results[0].name, "Giấy khai sinh");
    assert_eq!(p.results[0].code.as_deref(), Some("KQ.G15.000031"));
    assert!(p.legal_basis.iter().any(|l| l.number.as_deref() == Some("123/2015/NĐ-CP")));
}

#[test]
fn marriage_registration_1_000894() {
    let p = procedure("1.000894");
    assert_eq!(p.name, "Thủ tục đăng ký kết hôn");
    assert!(p.channels.iter().all(|c| c.fee_vnd == Some(0) && c.exemptions == ["Miễn lệ phí."]));
    assert!(has_document(&p, "Tờ khai đăng ký kết hôn theo mẫu", DocumentKind::Submit));
    assert!(has_document(&p, "Hộ chiếu/Thẻ căn cước công dân", DocumentKind::Present));
    assert_eq!(p.results[0].name, "Giấy chứng nhận kết hôn");
}

#[test]
fn death_registration_1_000656_shows_its_exemption() {
    let p = procedure("1.000656");
    assert_eq!(p.name, "Thủ tục đăng ký khai tử");
    assert!(p.channels[0].exemptions[0].starts_with("Miễn lệ phí đối với trường hợp đăng ký khai tử đúng hạn"));
    assert!(has_document(&p, "Giấy báo tử hoặc giấy tờ thay Giấy báo tử", DocumentKind::Submit));
    assert_eq!(p.results[0].name, "Trích lục khai tử");
}

#[test]
fn permanent_residence_1_004222_by_case() {
    let p = procedure("1.004222");
    assert_eq!(p.name, "Đăng ký thường trú");
    assert_eq!(modes(&p), [Mode::Online, Mode::InPerson]);
    assert_eq!(p.channels.iter().map(|c| (c.working_days, c.fee_vnd)).collect::<Vec<_>>(), [(Some(7), Some(10_000)), (Some(7), Some(20_000))]);
    assert!(p.channels[1].exemptions[0].starts_with("Trường hợp công dân thuộc diện được miễn phí"));
    // Documents are grouped by case (thuộc quyền sở hữu / thuê, mượn, ở nhờ / …).
    let cases: std::collections::BTreeSet<_> = p.documents.iter().filter_map(|d| d.condition.as_deref()).collect();
    assert!(cases.contains("Đăng ký thường trú vào chỗ ở hợp pháp thuộc quyền sở hữu của mình"));
    assert!(cases.iter().any(|c| c.starts_with("Đăng ký thường trú vào chỗ ở hợp pháp do thuê, mượn, ở nhờ")));
    assert!(p.needs_review.is_empty());
}

#[test]
fn temporary_residence_1_004194() {
    let p = procedure("1.004194");
    assert_eq!(p.channels.iter().map(|c| (c.working_days, c.fee_vnd)).collect::<Vec<_>>(), [(Some(3), Some(7_000)), (Some(3), Some(10_000))]);
    assert!(has_document(&p, "Tờ khai thay đổi thông tin cư trú (Mẫu CT01", DocumentKind::Submit));
}

#[test]
fn criminal_record_certificate_3_000333() {
    let p = procedure("3.000333");
    assert_eq!(p.level, "Cấp tỉnh");
    // "10 Ngày" is calendar days on the portal, not working days.
    assert!(p.channels.iter().all(|c| c.time_limit_text == "10 Ngày" && c.working_days.is_none()));
    let templates: Vec<&str> = p.documents.iter().filter_map(|d| d.template_name.as_deref()).collect();
    assert!(templates.contains(&"Mẫu số 01/2025/LLTP") && templates.contains(&"Mẫu số 02/2025/LLTP"));
    assert_eq!(p.results.len(), 2);
}

#[test]
fn household_business_1_001612_keeps_the_province_fee_note() {
    let p = procedure("1.001612");
    assert_eq!(p.name, "Đăng ký thành lập hộ kinh doanh");
    assert_eq!(p.channels.iter().map(|c| c.fee_vnd).collect::<Vec<_>>(), [Some(150_000), Some(150_000), Some(50_000)]);
    assert!(p.channels[2].fee_note.as_deref().unwrap().contains("Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh quyết định"));
    assert!(p.documents.iter().any(|d| d.condition.as_deref().is_some_and(|c| c.starts_with("Trường hợp ủy quyền"))));
    assert!(p.results.iter().any(|r| r.name == "Giấy chứng nhận đăng ký hộ kinh doanh"));
}

#[test]
fn certified_copies_2_000815() {
    let p = procedure("2.000815");
    assert_eq!(p.channels[0].fee_vnd, Some(2_000));
    assert_eq!(p.channels[1].fee_other.as_ref().map(|f| (f.amount, f.currency.as_str())), Some((10.0, "USD")));
    assert!(p.documents[0].name.starts_with("Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao"));
}

#[test]
fn building_permit_1_013225_has_the_reviewed_correction() {
    let p = procedure("1.013225");
    assert!(!p.documents.iter().any(|d| d.name.contains("giấy phép sửa chữa, cải tạo")), "known portal error corrected");
    assert!(!p.corrections.is_empty() && p.corrections[0].contains("Lỗi đã biết"));
    let house: Vec<_> = p.documents.iter().filter(|d| d.condition.as_deref() == Some("(1.7) Đối với công trình nhà ở riêng lẻ")).collect();
    assert!(house.iter().any(|d| d.name.contains("Đơn đề nghị cấp giấy phép xây dựng")));
    assert_eq!(p.channels.iter().map(|c| c.time_limit_text.as_str()).collect::<Vec<_>>(), ["20 Ngày", "20 Ngày", "15 Ngày"]);
}

#[test]
fn marital_status_certificate_1_004873() {
    let p = procedure("1.004873");
    assert_eq!(p.results[0].name, "Giấy xác nhận tình trạng hôn nhân");
    assert!(p.channels[0].exemptions[0].contains("gia đình có công với cách mạng"));
}

/// A small JSON Schema checker for the keywords our schemas use (type, enum, required,
/// properties, additionalProperties: false, items, prefixItems, minItems, maxItems, const,
/// maxLength).
fn check(value: &serde_json::Value, schema: &serde_json::Value, path: &str, errors: &mut Vec<String>) {
    use serde_json::Value;
    if let Some(t) = schema.get("type") {
        let types: Vec<&str> = match t {
            Value::String(s) => vec![s.as_str()],
            Value::Array(a) => a.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        let ok = types.iter().any(|t| match *t {
            "string" => value.is_string(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            "null" => value.is_null(),
            "array" => value.is_array(),
            "object" => value.is_object(),
            _ => false,
        });
        if !ok {
            errors.push(format!("{path}: expected {types:?}, got {value}"));
            return;
        }
    }
    if let Some(c) = schema.get("const") {
        if value != c {
            errors.push(format!("{path}: {value} is not {c}"));
        }
    }
    if let (Some(max), Value::String(text)) = (schema.get("maxLength").and_then(Value::as_u64), value) {
        if text.chars().count() as u64 > max {
            errors.push(format!("{path}: longer than {max} characters"));
        }
    }
    if let Some(Value::Array(allowed)) = schema.get("enum") {
        if !allowed.contains(value) {
            errors.push(format!("{path}: {value} not in {allowed:?}"));
        }
    }
    if let Value::Object(obj) = value {
        for r in schema.get("required").and_then(Value::as_array).into_iter().flatten() {
            if !obj.contains_key(r.as_str().unwrap()) {
                errors.push(format!("{path}: missing {r}"));
            }
        }
        let props = schema.get("properties").and_then(Value::as_object);
        for (k, v) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(s) => check(v, s, &format!("{path}.{k}"), errors),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => errors.push(format!("{path}: unexpected key {k}")),
                None => {}
            }
        }
    }
    if let Value::Array(items) = value {
        if let Some(min) = schema.get("minItems").and_then(Value::as_u64) {
            if (items.len() as u64) < min {
                errors.push(format!("{path}: fewer than {min} items"));
            }
        }
        if let Some(max) = schema.get("maxItems").and_then(Value::as_u64) {
            if (items.len() as u64) > max {
                errors.push(format!("{path}: more than {max} items"));
            }
        }
        let prefix = schema.get("prefixItems").and_then(Value::as_array);
        for (i, item) in items.iter().enumerate() {
            if let Some(s) = prefix.and_then(|p| p.get(i)) {
                check(item, s, &format!("{path}[{i}]"), errors);
            } else if let Some(s) = schema.get("items") {
                check(item, s, &format!("{path}[{i}]"), errors);
            }
        }
    }
}

fn schema(name: &str) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir().join("schema").join(name)).unwrap()).unwrap()
}

#[test]
fn every_procedure_records_its_source() {
    let ps = all_procedures();
    let from = |id: &str| ps.iter().filter(|p| p.source.as_deref() == Some(id)).count();
    assert_eq!((from("tthc-2026-07"), from("tthc-bqp-2025-12")), (2642, 207));
    assert!(ps.iter().filter(|p| p.source.as_deref() == Some("tthc-bqp-2025-12")).all(|p| p.ministry == "bo-quoc-phong" && p.decision.is_some()));
    // One spelling per level, whichever source wrote it.
    assert_eq!(index().levels, ["Cơ quan khác", "Cấp bộ", "Cấp tỉnh", "Cấp xã"]);
}

/// BQP, three ways to submit, a template file, a legal number in the title.
#[test]
fn oil_spill_plan_1_013124_three_channels_and_a_template() {
    let p = procedure("1.013124");
    assert_eq!(modes(&p), [Mode::InPerson, Mode::Online, Mode::Post]);
    assert!(p.channels.iter().all(|c| c.fee_vnd == Some(0) && c.working_days == Some(30)));
    assert_eq!(p.channels[0].raw, "Trực tiếp · 30 Ngày làm việc · Phí : 0 Đồng", "the source cells stay beside the parse");
    assert_eq!(p.documents[1].template_file.as_deref(), Some("5-PHLCII.doc"));
    assert_eq!(p.legal_basis[0].number.as_deref(), Some("12/2021/QĐ-TTg"));
    assert_eq!(p.steps.len(), 3);
}

/// BQP, the first military service registration: in person in a working day, online in hours.
#[test]
fn military_service_registration_1_013133() {
    let p = procedure("1.013133");
    assert_eq!(p.name, "Thủ tục đăng ký nghĩa vụ quân sự lần đầu");
    assert_eq!((p.level.as_str(), p.field.as_str()), ("Cấp xã", "Nghĩa vụ quân sự"));
    assert_eq!(
        p.channels.iter().map(|c| (c.mode, c.time_limit_text.as_str())).collect::<Vec<_>>(),
        [(Mode::InPerson, "1 Ngày làm việc"), (Mode::Online, "02 Giờ")]
    );
    assert_eq!(
        p.documents.iter().map(|d| d.heading()).collect::<Vec<_>>(),
        ["Phiếu tự khai sức khỏe nghĩa vụ quân sự", "Bản chụp Căn cước công dân hoặc Thẻ Căn cước"]
    );
    assert_eq!(p.results[0].name, "Giấy chứng nhận đăng ký nghĩa vụ quân sự");
    assert!(p.legal_basis.iter().any(|l| l.number.as_deref() == Some("78/2015/QH13")));
}

/// BQP, papers whose own text names a case (the same reader as the crawl's).
#[test]
fn war_invalid_recognition_1_013183_has_papers_for_some_cases() {
    let p = procedure("1.013183");
    let letter = p.documents.iter().find(|d| d.heading().starts_with("Văn bản đề nghị của cơ quan, đơn vị trực tiếp")).unwrap();
    assert_eq!(letter.when.as_deref(), Some("người bị thương ở cơ quan, đơn vị khác"));
    assert!(!letter.always_needed());
    assert!(p.documents.iter().any(|d| d.always_needed() && d.heading().starts_with("Giấy chứng nhận bị thương")));
}

/// BQP, fees in text: an amount with its note, a fee in USD, a rule instead of an amount,
/// a time limit the source does not set.
#[test]
fn bqp_fees_and_time_limits_in_text() {
    let explosives = procedure("1.013539");
    assert_eq!(explosives.channels[0].fee_vnd, Some(2_000_000));
    assert!(explosives.channels[0].fee_note.as_deref().unwrap().contains("Thẩm định cấp phép sử dụng vật liệu nổ"));
    let boarding = procedure("1.013562");
    let usd = boarding.channels[0].fee_other.as_ref().unwrap();
    assert_eq!((usd.amount, usd.currency.as_str()), (3.0, "USD"));
    let cipher = procedure("1.013199");
    assert!(cipher.channels.iter().all(|c| c.fee_vnd.is_none() && c.fee_note.as_deref().unwrap().contains("Mức thu bằng 50%")));
    let veterans = procedure("1.013144");
    assert_eq!((veterans.channels[0].time_limit_text.as_str(), veterans.channels[0].time_unit), ("Không quy định", None));
}

fn all_procedures() -> Vec<Procedure> {
    let mut v: Vec<Procedure> =
        std::fs::read_dir(dir().join("p")).unwrap().map(|e| serde_json::from_str(&std::fs::read_to_string(e.unwrap().path()).unwrap()).unwrap()).collect();
    v.sort_by(|a, b| a.code.cmp(&b.code));
    v
}

/// The headings of the papers everyone brings or sends (no case, not "(nếu có)", not looked up).
fn everyone_needs(p: &Procedure) -> Vec<String> {
    p.documents.iter().filter(|d| d.always_needed()).map(|d| d.heading()).collect()
}

#[test]
fn no_paper_reads_as_needed_in_every_case_while_its_text_names_a_case() {
    let mut wrong = Vec::new();
    for p in all_procedures() {
        for d in &p.documents {
            if let Some(phrase) = unread_case(d) {
                wrong.push(format!("{} «{phrase}»: {}", p.code, d.name.chars().take(100).collect::<String>()));
            }
        }
    }
    assert!(wrong.is_empty(), "{} papers read as always needed but name a case, first: {:#?}", wrong.len(), &wrong[..wrong.len().min(10)]);
}

#[test]
fn every_paper_has_a_heading_of_at_most_80_characters() {
    for p in all_procedures() {
        for d in &p.documents {
            let n = d.short.chars().count();
            assert!((1..=80).contains(&n), "{}: «{}»", p.code, d.short);
        }
    }
}

#[test]
fn the_flagship_procedures_list_only_what_everyone_needs_as_needed_by_everyone() {
    // Khai sinh: the birth certificate (or what replaces it) and an ID paper; the abandoned
    // child's record, the power of attorney and the surrogacy papers only in their case.
    assert_eq!(everyone_needs(&procedure("1.001193")), ["Giấy chứng sinh", "Giấy tờ tùy thân"]);
    let birth = procedure("1.001193");
    let certificate = birth.documents.iter().find(|d| d.heading() == "Giấy chứng sinh").unwrap();
    assert_eq!(certificate.any_of[1..], ["Văn bản của người làm chứng xác nhận về việc sinh", "Giấy cam đoan về việc sinh"]);
    // Khai tử: the death notice (not on paper when the agency has the electronic one) and an ID paper.
    assert_eq!(everyone_needs(&procedure("1.000656")), ["Giấy báo tử hoặc giấy tờ thay Giấy báo tử", "Giấy tờ tùy thân"]);
    // Kết hôn: ID papers and the declaration.
    assert_eq!(everyone_needs(&procedure("1.000894")), ["Giấy tờ tùy thân", "Tờ khai đăng ký kết hôn"]);
    // Thường trú: everything depends on the kind of home; nothing is needed by everyone.
    assert_eq!(everyone_needs(&procedure("1.004222")), Vec::<String>::new());
}

#[test]
fn every_committed_file_matches_the_documented_schema() {
    let mut errors = Vec::new();
    let index: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir().join("index.json")).unwrap()).unwrap();
    check(&index, &schema("index.schema.json"), "index", &mut errors);
    let procedure_schema = schema("procedure.schema.json");
    for entry in std::fs::read_dir(dir().join("p")).unwrap() {
        let path = entry.unwrap().path();
        let value: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        check(&value, &procedure_schema, &path.file_name().unwrap().to_string_lossy(), &mut errors);
    }
    assert!(errors.is_empty(), "{} schema errors, first: {:?}", errors.len(), &errors[..errors.len().min(5)]);
}

#[test]
fn the_schema_checker_rejects_what_the_schema_forbids() {
    let s = schema("procedure.schema.json");
    let mut p: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(dir().join("p/1.001193.json")).unwrap()).unwrap();
    p["channels"][0]["mode"] = "fax".into();
    p["surprise"] = 1.into();
    p.as_object_mut().unwrap().remove("code");
    let mut errors = Vec::new();
    check(&p, &s, "p", &mut errors);
    assert_eq!(errors.len(), 3, "{errors:?}");
}

/// The link between answers and the catalogue: every paper a form's rules ask for (by its name
/// or its case), the paper the form is, and the case it serves, are in the catalogue for that
/// procedure.
#[test]
fn form_document_rules_name_real_catalogue_papers() {
    use hoso::core::checklist::matches;
    use hoso::core::text::fold;
    for form in hoso::core::forms::all_forms() {
        for code in &form.procedures {
            let p = procedure(code);
            for wanted in form.documents.iter().map(|r| &r.document).chain(form.declares.as_ref()) {
                assert!(p.documents.iter().any(|d| matches(wanted, d)), "{}: «{wanted}» is not a paper of {code}", form.id);
            }
            if let Some(case) = &form.case {
                assert!(
                    p.documents.iter().any(|d| d.condition.as_deref().is_some_and(|c| fold(c).starts_with(&fold(case)))),
                    "{}: no case «{case}» in {code}",
                    form.id
                );
            }
        }
    }
}

#[test]
fn fees_halved_until_the_end_of_2026_are_the_fee_a_person_pays_today() {
    // Thông tư 64/2025/TT-BTC halves many fees from 01/7/2025 to 31/12/2026; the portal keeps the
    // full fee in its column and writes the lower one in the row's note or description.
    use hoso::core::calendar::Date;
    use hoso::core::catalogue::present::describe_fee_on;
    let p = procedure("1.013818");
    let day = |s: &str| Date::parse_iso(s).unwrap();
    for ch in &p.channels {
        let december = describe_fee_on(ch, day("2026-12-08"));
        assert!(december.starts_with("1.750.000 đồng/hồ sơ đến hết ngày 31/12/2026") && december.ends_with(": 3.500.000 đồng/hồ sơ"), "{december}");
        assert_eq!(describe_fee_on(ch, day("2027-01-02")), "3.500.000 đồng/hồ sơ");
    }
    // Every lower fee read is half the fee, as the circular says, and ends on its last day.
    let all: Vec<_> = index().entries.iter().map(|e| procedure(&e.0)).flat_map(|p| p.channels).filter_map(|c| Some((c.fee_vnd?, c.reduced?))).collect();
    assert!(all.len() > 100, "{}", all.len());
    assert!(all.iter().all(|(full, r)| r.vnd * 2 == *full && r.until == day("2026-12-31")));
}
