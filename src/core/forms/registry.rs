//! The forms that ship with hoso, and the generic form for every other procedure.

#[cfg(not(target_arch = "wasm32"))]
use std::sync::OnceLock;

use super::model::*;

include!(concat!(env!("OUT_DIR"), "/form_files.rs"));

/// The definition file of a procedure's full form (`None`: the generic form). The browser fetches
/// it (`/forms/<file>`) when a dossier opens; natively every definition is built in.
pub fn form_file(code: &str) -> Option<&'static str> {
    FORM_FILES.iter().find(|(_, codes)| codes.contains(&code)).map(|(file, _)| *file)
}

/// Every definition in `defs/` (checked by `build.rs` when the project builds).
#[cfg(not(target_arch = "wasm32"))]
const DEFS: [&str; 8] = [
    include_str!("defs/khai-sinh.json"),
    include_str!("defs/ket-hon.json"),
    include_str!("defs/khai-tu.json"),
    include_str!("defs/ct01-thuong-tru.json"),
    include_str!("defs/lltp.json"),
    include_str!("defs/ho-kinh-doanh.json"),
    include_str!("defs/chung-thuc-ban-sao.json"),
    include_str!("defs/giay-phep-xay-dung-nha-o.json"),
];

/// The full forms hoso has: all of them natively; in the browser, those installed so far.
#[cfg(not(target_arch = "wasm32"))]
pub fn all_forms() -> Vec<&'static FormDef> {
    static FORMS: OnceLock<Vec<FormDef>> = OnceLock::new();
    FORMS.get_or_init(|| DEFS.iter().map(|d| serde_json::from_str(d).expect("checked by build.rs")).collect()).iter().collect()
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static INSTALLED: std::cell::RefCell<Vec<&'static FormDef>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(target_arch = "wasm32")]
pub fn all_forms() -> Vec<&'static FormDef> {
    INSTALLED.with(|i| i.borrow().clone())
}

/// Adds a definition fetched by the browser (a file of `defs/`, checked by `build.rs`); once per
/// form, kept for the page's life.
#[cfg(target_arch = "wasm32")]
pub fn install(json: &str) -> Result<(), serde_json::Error> {
    let def: FormDef = serde_json::from_str(json)?;
    if !all_forms().iter().any(|f| f.id == def.id) {
        let def: &'static FormDef = Box::leak(Box::new(def));
        INSTALLED.with(|i| i.borrow_mut().push(def));
    }
    Ok(())
}

/// The full form for a procedure, if hoso has one (in the browser: once installed).
pub fn form_for(code: &str) -> Option<&'static FormDef> {
    all_forms().into_iter().find(|f| f.procedures.iter().any(|p| p == code))
}

/// The declaration form of a procedure: its full form, or the generic one (titled with the
/// procedure's name), in the interface's language (`texts`). What the app shows, and what the
/// bridge and the CLI check against. The agency's Vietnamese: `crate::core::i18n::in_vietnamese`.
pub fn form_of(code: &str, procedure_name: &str) -> std::borrow::Cow<'static, FormDef> {
    match form_for(code) {
        Some(f) => f.in_interface_language(),
        None => std::borrow::Cow::Owned(generic_form(code, procedure_name).in_interface_language().into_owned()),
    }
}

/// The generic form's id: this and the procedure's code.
pub const GENERIC_PREFIX: &str = "chung-";

/// For procedures without a full form: who is applying, how to reach them, and what they ask.
pub fn generic_form(code: &str, procedure_name: &str) -> FormDef {
    let field = |id: &str, label: &str, kind: Kind, required: bool, autocomplete: Option<&str>| Field {
        id: id.into(),
        label: label.into(),
        help: None,
        kind,
        required: if required { Required::Always } else { Required::No },
        show_if: None,
        autocomplete: autocomplete.map(str::to_string),
        after: None,
        print_label: None,
        printed: true,
    };
    FormDef {
        format: FORM_FORMAT,
        id: format!("{GENERIC_PREFIX}{code}"),
        version: 1,
        procedures: vec![code.to_string()],
        title: tr!("forms.registry.generic-title", "Thông tin người nộp hồ sơ: {procedure_name}", procedure_name = procedure_name),
        template: tr!("forms.registry.generic-template", "Thông tin chung của người nộp hồ sơ (hoso chưa có tờ khai riêng cho thủ tục này)").into(),
        sections: vec![
            Section {
                id: "nguoi-nop".into(),
                title: "Người nộp hồ sơ".into(),
                help: None,
                show_if: None,
                repeat: None,
                fields: vec![
                    field("nguoi-nop.ho-ten", "Họ, chữ đệm và tên", Kind::Name, true, Some("name")),
                    field("nguoi-nop.cccd", "Số định danh cá nhân (số căn cước)", Kind::Cccd, true, None),
                    field("nguoi-nop.ngay-sinh", "Ngày, tháng, năm sinh", Kind::Date { not_future: true, min_age: None }, true, Some("bday")),
                    field("nguoi-nop.dien-thoai", "Số điện thoại", Kind::Phone, true, Some("tel")),
                    field("nguoi-nop.email", "Thư điện tử", Kind::Email, false, Some("email")),
                    field("nguoi-nop.noi-cu-tru", "Xã, phường nơi cư trú", Kind::Commune, true, None),
                    field("nguoi-nop.dia-chi", "Số nhà, đường, thôn", Kind::Text { max_len: Some(200) }, false, Some("street-address")),
                ],
            },
            Section {
                id: "yeu-cau".into(),
                title: "Nội dung yêu cầu".into(),
                help: Some("Viết ngắn gọn bạn đề nghị cơ quan giải quyết việc gì.".into()),
                show_if: None,
                repeat: None,
                fields: vec![field("yeu-cau.noi-dung", "Nội dung đề nghị", Kind::LongText { max_len: Some(2000) }, true, None)],
            },
        ],
        id_checks: vec![IdCheck { id_field: "nguoi-nop.cccd".into(), birth_date_field: Some("nguoi-nop.ngay-sinh".into()), sex_field: None, sex: None }],
        documents: vec![],
        declares: None,
        case: None,
        pledge: None,
        signers: vec![],
    }
}
