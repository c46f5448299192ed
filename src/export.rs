//! The package maker: a third wasm binary, run as a web worker only when a person exports, that
//! renders the declaration and the receipt and writes the ZIP (`core::package::assemble`). Its
//! PDF, font and QR code are downloaded at export, not with the file checker or the app.
//!
//! Message: `{id, op: "package", dossier: Dossier JSON, fonts: [Blob, Blob], files: {sha256:
//! Blob}, recipients: "age1…" or "", passphrase: "" or the passphrase}` → `{id, ok, bytes, name,
//! sealed}` (sealed in the age format when keys or a passphrase are given) (the ZIP, handed over, not copied, and its file name) or
//! `{id, ok: false, message}`. It plans the package itself (`core::package::plan`), loading the
//! procedure, its form and the units as the app does; the fonts and files are read here from the
//! `Blob`s the app holds, so the page copies nothing. The first message it sends is `"ready"`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let get = |key: &str| Reflect::get(&data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        let (id, op, dossier, fonts, files) = (get("id"), get("op").as_string(), get("dossier").as_string(), get("fonts"), get("files"));
        let seal = (get("recipients").as_string().unwrap_or_default(), get("passphrase").as_string().unwrap_or_default());
        wasm_bindgen_futures::spawn_local(async move {
            let reply = Object::new();
            let set = |key: &str, value: &JsValue| {
                let _ = Reflect::set(&reply, &JsValue::from_str(key), value);
            };
            set("id", &id);
            let outcome = match op.as_deref() {
                Some("package") => package(&dossier.unwrap_or_default(), &fonts, &files, &seal).await,
                _ => Err(hoso::core::package::WriteProblem::Unavailable.message()),
            };
            let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
            match outcome {
                Ok((zip, name)) => {
                    let bytes = Uint8Array::from(zip.as_slice());
                    drop(zip);
                    set("ok", &JsValue::TRUE);
                    set("sealed", &JsValue::from_bool(name.ends_with(".age")));
                    set("bytes", &bytes);
                    set("name", &JsValue::from_str(&name));
                    let _ = scope.post_message_with_transfer(&reply, &Array::of1(&bytes.buffer()));
                }
                Err(message) => {
                    set("ok", &JsValue::FALSE);
                    set("message", &JsValue::from_str(&message));
                    let _ = scope.post_message(&reply);
                }
            }
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before the wasm had loaded were dropped: the app waits for this.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

/// Loads what the plan needs (the procedure, its form, the units: the app's own files, from
/// the browser's cache), plans and writes the package. Refusals come back as sentences (made
/// here, so the app carries no code to read a problem back). Gives the ZIP and its file name.
#[cfg(target_arch = "wasm32")]
async fn package(dossier: &str, fonts: &wasm_bindgen::JsValue, files: &wasm_bindgen::JsValue, seal: &(String, String)) -> Result<(Vec<u8>, String), String> {
    use hoso::core::dossier::Dossier;
    use hoso::core::forms::{form_for, form_of};
    use hoso::core::package::seal::{recipients, seal as seal_with, Seal};
    use hoso::core::package::{assemble, file_name, plan, Fonts, Input, PdfProblem, WriteProblem};
    use hoso::web::cache;
    use js_sys::{Array, Object, Uint8Array};
    use wasm_bindgen::JsCast;
    let read = |blob: &wasm_bindgen::JsValue| -> Option<Vec<u8>> {
        let reader = web_sys::FileReaderSync::new().ok()?;
        let buffer = reader.read_as_array_buffer(blob.dyn_ref::<web_sys::Blob>()?).ok()?;
        Some(Uint8Array::new(&buffer).to_vec())
    };
    // Checked first: a wrong key is said before any work is done.
    let sealing = match (seal.0.trim(), seal.1.as_str()) {
        ("", "") => None,
        ("", passphrase) => Some(Seal::Passphrase(passphrase.to_string())),
        (keys, "") => Some(Seal::Recipients(recipients(keys).map_err(|p| p.message())?)),
        _ => return Err("Hãy chọn một cách mã hoá: khoá của cơ quan hoặc mật khẩu, không dùng cả hai.".into()),
    };
    let dossier = Dossier::from_json(dossier).map_err(|p| p.message())?;
    let code = dossier.procedure.clone();
    let procedure = cache::procedure(&code).await.map_err(|e| e.to_string())?.ok_or_else(|| WriteProblem::Unavailable.message())?;
    cache::form(&code).await.map_err(|e| e.to_string())?;
    // The units only name communes: without them the declaration shows the codes.
    let units = cache::units().await.ok();
    let form = form_of(&code, &procedure.name);
    let input = Input { procedure: &procedure, form: &form, full_form: form_for(&code).is_some(), dossier: &dossier, units: units.as_deref() };
    let planned = plan(&input).map_err(|u| u.message())?;
    let fonts = fonts.dyn_ref::<Array>().map(|a| (read(&a.get(0)), read(&a.get(1))));
    let Some((Some(regular), Some(bold))) = fonts else { return Err(WriteProblem::Pdf { problem: PdfProblem::BadFont }.message()) };
    let files: std::collections::HashMap<String, wasm_bindgen::JsValue> = files
        .dyn_ref::<Object>()
        .map(|o| Object::entries(o).iter().filter_map(|e| e.dyn_into::<Array>().ok()).filter_map(|e| Some((e.get(0).as_string()?, e.get(1)))).collect())
        .unwrap_or_default();
    let zip = assemble(&planned, Fonts { regular: &regular, bold: &bold }, |hash| files.get(hash).and_then(read)).map_err(|p| p.message())?;
    match sealing {
        Some(how) => Ok((seal_with(&zip, &how).map_err(|p| p.message())?, file_name(&planned.manifest) + ".age")),
        None => Ok((zip, file_name(&planned.manifest))),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("hoso-export chạy trong trình duyệt, do ứng dụng hoso khởi động khi xuất hồ sơ.");
    std::process::exit(2);
}
