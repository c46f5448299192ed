//! The file checker: a second wasm binary, run as a web worker, that holds the heavy core calls
//! (what a file really is, whether a PDF is whole or locked, SHA-256, photos into one PDF). The
//! main app sends it bytes and gets the core's answers back (`web::worker`); so the code that
//! reads PDFs, decrypts their headers and hashes is downloaded at the first attachment, not with
//! the home page. Trunk builds it (`index.html`, `data-type="worker"`).
//!
//! Messages: `{id, op: "check", name, bytes, file, dossier}` → `{id, ok, text: FileReport JSON,
//! described: the report as `hosoCheckFile` gives it}`;
//! `{id, op: "sha256", bytes}` → `{id, ok, text: hex}`; `{id, op: "combine", jpegs: [bytes]}` →
//! `{id, ok, bytes}` or `{id, ok: false, text: FileProblem JSON}`. The first message it sends is
//! `"ready"`. The submission package has its own worker (`src/export.rs`).

#[cfg(target_arch = "wasm32")]
fn main() {
    use js_sys::{Array, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};

    use hoso::core::files::{check_file, combine::jpegs_to_pdf, sha256_hex, Limits};

    console_error_panic_hook::set_once();
    hoso::web::worker::serve(|get, set| {
        let bytes = |v: JsValue| v.dyn_into::<Uint8Array>().map(|a| a.to_vec()).unwrap_or_default();
        match get("op").as_string().as_deref() {
            Some("check") => {
                let limits =
                    Limits { max_file_bytes: get("file").as_f64().unwrap_or(0.0) as u64, max_dossier_bytes: get("dossier").as_f64().unwrap_or(0.0) as u64 };
                let report = check_file(&get("name").as_string().unwrap_or_default(), &bytes(get("bytes")), &limits);
                set("ok", &JsValue::TRUE);
                set("text", &JsValue::from_str(&serde_json::to_string(&report).unwrap_or_default()));
                // As it leaves hoso for a portal (`hosoCheckFile`): made here, so the app itself
                // carries no code to describe a report.
                set("described", &JsValue::from_str(&report.described().to_string()));
            }
            Some("sha256") => {
                set("ok", &JsValue::TRUE);
                set("text", &JsValue::from_str(&sha256_hex(&bytes(get("bytes")))));
            }
            Some("combine") => {
                let jpegs: Vec<Vec<u8>> = get("jpegs").dyn_into::<Array>().map(|a| a.iter().map(bytes).collect()).unwrap_or_default();
                let refs: Vec<&[u8]> = jpegs.iter().map(Vec::as_slice).collect();
                match jpegs_to_pdf(&refs) {
                    Ok(pdf) => {
                        set("ok", &JsValue::TRUE);
                        set("bytes", &Uint8Array::from(pdf.as_slice()));
                    }
                    Err(problem) => {
                        set("ok", &JsValue::FALSE);
                        set("text", &JsValue::from_str(&serde_json::to_string(&problem).unwrap_or_default()));
                    }
                }
            }
            _ => set("ok", &JsValue::FALSE),
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("hoso-worker chạy trong trình duyệt, do ứng dụng hoso khởi động.");
    std::process::exit(2);
}
