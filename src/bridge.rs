//! The JavaScript bridge: functions a host page (a portal embedding hoso, or the benchmark)
//! can call on `window.wasmBindings`. Only plain strings cross the boundary.
//!
//! It lives in the app's binary, not in the library: a `#[wasm_bindgen]` export is kept by every
//! binary that links the library, and the file checker (`src/worker.rs`) must not carry the
//! search, the forms and the UI.

use wasm_bindgen::prelude::wasm_bindgen;

use hoso::core::search::Query;

/// `hosoSearch(query, limit)`: the app's search, as a JSON array of `{code, name, score, also}`
/// (`also`: the same procedure's codes at other levels);
/// `undefined` until the catalogue has loaded (the first call starts loading it).
#[wasm_bindgen(js_name = hosoSearch)]
pub fn hoso_search(query: &str, limit: usize) -> Option<String> {
    let Some(c) = hoso::web::cache::catalogue_now() else {
        wasm_bindgen_futures::spawn_local(async {
            let _ = hoso::web::cache::catalogue().await;
        });
        return None;
    };
    let hits = c.search().search(&Query { text: query, field: None, level: None, limit: limit.clamp(1, 100) });
    let out: Vec<serde_json::Value> = hits
        .iter()
        .map(|h| {
            let e = &c.index.entries[h.entry];
            let also: Vec<&str> = h.also.iter().map(|&o| c.index.entries[o].code()).collect();
            serde_json::json!({ "code": e.code(), "name": e.name(), "score": h.score, "also": also })
        })
        .collect();
    Some(serde_json::Value::Array(out).to_string())
}

/// `hosoValidate(code, answersJson)`: checks a whole declaration for a procedure with the app's
/// rules (`core::forms::check_declaration`, the same entry point as `hoso forms check`; the
/// units are loaded first, so commune codes are checked). A Promise of
/// `{"errors": [{field, kind, …, message}], "normalized": {…}}` as JSON.
#[wasm_bindgen(js_name = hosoValidate)]
pub async fn hoso_validate(code: String, answers_json: String) -> String {
    let answers: hoso::core::forms::Answers = match serde_json::from_str(&answers_json) {
        Ok(a) => a,
        Err(e) => return serde_json::json!({ "error": format!("answers must be a JSON object of strings: {e}") }).to_string(),
    };
    if let Err(e) = hoso::web::cache::form(&code).await {
        return serde_json::json!({ "error": e.to_string() }).to_string();
    }
    let units = match hoso::web::cache::units().await {
        Ok(u) => u,
        Err(e) => return serde_json::json!({ "error": e.to_string() }).to_string(),
    };
    let (errors, normalized) = hoso::core::forms::check_declaration(&code, &answers, hoso::web::clock::now().date, &units);
    serde_json::json!({ "errors": errors, "normalized": normalized }).to_string()
}

/// `hosoCheckFile(name, bytes)`: the checks hoso runs on an attached file (real type, whole,
/// password, pages or pixel size, per-file limit), run by the file checker (the app's worker): a
/// Promise of `core::files::FileReport::described` as JSON — every problem with its `kind`,
/// parameters, `level` and `message`.
#[wasm_bindgen(js_name = hosoCheckFile)]
pub async fn hoso_check_file(name: String, bytes: Vec<u8>) -> String {
    match hoso::web::worker::check_described(&name, &bytes, &hoso::core::files::Limits::default()).await {
        Ok(described) => described,
        Err(problem) => serde_json::json!({ "error": problem.message() }).to_string(),
    }
}

/// `hosoSha256(bytes)`: a file's address with the core's Rust `sha2` path, in the worker (the
/// app prefers WebCrypto; the benchmark compares both in the same page). A Promise.
#[wasm_bindgen(js_name = hosoSha256)]
pub async fn hoso_sha256(bytes: Vec<u8>) -> String {
    hoso::web::worker::sha256(&bytes).await.unwrap_or_default()
}

/// `hosoExportPackage(dossierJson, files, recipients?, passphrase?)`: the submission package of a
/// complete dossier (`core::dossier::Dossier` as JSON; `files`: an object of `Blob`s by SHA-256,
/// every file the dossier names), made by the package maker exactly as "Xuất hồ sơ" makes it:
/// a Promise of `{blob, name, sha256, workerMemory}`, rejected with hoso's sentence when the dossier is not complete or
/// a file is missing. `recipients` (age1… keys) or `passphrase` seal it.
#[wasm_bindgen(js_name = hosoExportPackage)]
pub async fn hoso_export_package(
    dossier_json: String,
    files: js_sys::Object,
    recipients: Option<String>,
    passphrase: Option<String>,
) -> Result<js_sys::Object, wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    let files: Vec<(String, web_sys::Blob)> = js_sys::Object::entries(&files)
        .iter()
        .filter_map(|e| e.dyn_into::<js_sys::Array>().ok())
        .filter_map(|e| Some((e.get(0).as_string()?, e.get(1).dyn_into().ok()?)))
        .collect();
    let seal = (recipients.unwrap_or_default(), passphrase.unwrap_or_default());
    let made = hoso::web::worker::package(&dossier_json, &files, (&seal.0, &seal.1), |_| {}).await.map_err(|m| wasm_bindgen::JsValue::from_str(&m))?;
    let out = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&out, &"blob".into(), &made.blob);
    let _ = js_sys::Reflect::set(&out, &"name".into(), &made.name.into());
    let _ = js_sys::Reflect::set(&out, &"sha256".into(), &made.sha256.into());
    let _ = js_sys::Reflect::set(&out, &"workerMemory".into(), &made.worker_memory.into());
    Ok(out)
}

/// `hosoSetLimits(maxFileMb, maxDossierMb)`: a portal sets its own size limits before people
/// attach files (the default is 10 MB a file, 50 MB a dossier). Returns an error message, or
/// `undefined` when the limits were taken.
#[wasm_bindgen(js_name = hosoSetLimits)]
pub fn hoso_set_limits(max_file_mb: f64, max_dossier_mb: f64) -> Option<String> {
    match hoso::core::files::Limits::from_megabytes(max_file_mb, max_dossier_mb) {
        Ok(limits) => {
            hoso::web::files::set_limits(limits);
            None
        }
        Err(bad) => Some(bad.to_string()),
    }
}
