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
    use js_sys::{Object, Reflect};
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
            let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
            let message = |fields: &[(&str, &JsValue)]| {
                let reply = Object::new();
                let _ = Reflect::set(&reply, &JsValue::from_str("id"), &id);
                for (k, v) in fields {
                    let _ = Reflect::set(&reply, &JsValue::from_str(k), v);
                }
                let _ = scope.post_message(&reply);
            };
            let progress = |done: f64| message(&[("progress", &JsValue::from_f64(done))]);
            let outcome = match op.as_deref() {
                Some("package") => package(&dossier.unwrap_or_default(), &fonts, &files, &seal, &progress).await,
                _ => Err(hoso::core::package::WriteProblem::Unavailable.message()),
            };
            match outcome {
                Ok((blob, name)) => {
                    // How much memory this worker took (it only grows): the benchmark's figure.
                    let memory =
                        wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>().buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length();
                    message(&[("ok", &JsValue::TRUE), ("blob", &blob), ("name", &JsValue::from_str(&name)), ("memory", &JsValue::from_f64(memory as f64))]);
                }
                Err(text) => message(&[("ok", &JsValue::FALSE), ("message", &JsValue::from_str(&text))]),
            }
        });
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before the wasm had loaded were dropped: the app waits for this.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

/// How much of a `Blob` is read at a time: memory stays at this, whatever the dossier's size.
#[cfg(target_arch = "wasm32")]
const PIECE: f64 = 4.0 * 1024.0 * 1024.0;

/// Reads `blob` piece by piece, giving each piece to `use_piece`.
#[cfg(target_arch = "wasm32")]
fn read_pieces(blob: &web_sys::Blob, mut use_piece: impl FnMut(&[u8])) -> Option<()> {
    let reader = web_sys::FileReaderSync::new().ok()?;
    let size = blob.size();
    let mut buffer = vec![0u8; PIECE as usize];
    let mut at = 0.0;
    while at < size {
        let end = (at + PIECE).min(size);
        let piece = js_sys::Uint8Array::new(&reader.read_as_array_buffer(&blob.slice_with_f64_and_f64(at, end).ok()?).ok()?.into());
        let n = piece.length() as usize;
        piece.copy_to(&mut buffer[..n]);
        use_piece(&buffer[..n]);
        at = end;
    }
    Some(())
}

/// Where the sealed bytes go: pieces handed to JavaScript as they fill, never all in wasm memory.
#[cfg(target_arch = "wasm32")]
struct Pieces {
    done: js_sys::Array,
    filling: Vec<u8>,
}

#[cfg(target_arch = "wasm32")]
impl std::io::Write for Pieces {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.filling.extend_from_slice(data);
        if self.filling.len() >= PIECE as usize {
            self.flush()?;
        }
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        if !self.filling.is_empty() {
            self.done.push(&js_sys::Uint8Array::from(self.filling.as_slice()));
            self.filling.clear();
        }
        Ok(())
    }
}

/// Loads what the plan needs (the procedure, its form, the units: the app's own files, from
/// the browser's cache), plans the package, measures each attached file piece by piece (size and
/// CRC-32), and joins hoso's parts and the app's `Blob`s into one `Blob`: the files are never
/// copied into wasm memory whole. Sealing reads that `Blob` piece by piece too. Refusals come back
/// as sentences (made here, so the app carries no code to read a problem back). Gives the package
/// and its file name; `progress` hears the share of the work done.
#[cfg(target_arch = "wasm32")]
async fn package(
    dossier: &str,
    fonts: &wasm_bindgen::JsValue,
    files: &wasm_bindgen::JsValue,
    seal: &(String, String),
    progress: &dyn Fn(f64),
) -> Result<(web_sys::Blob, String), String> {
    use hoso::core::dossier::Dossier;
    use hoso::core::forms::{form_for, form_of};
    use hoso::core::package::seal::{recipients, Seal};
    use hoso::core::package::{assemble_parts, file_name, plan, Fonts, Input, Part, PdfProblem, WriteProblem};
    use hoso::core::zip::Measure;
    use hoso::web::cache;
    use js_sys::{Array, Object, Uint8Array};
    use wasm_bindgen::JsCast;
    let unavailable = || WriteProblem::Unavailable.message();
    // Checked first: a wrong key is said before any work is done.
    let sealing = match (seal.0.trim(), seal.1.as_str()) {
        ("", "") => None,
        ("", passphrase) => Some(Seal::Passphrase(passphrase.to_string())),
        (keys, "") => Some(Seal::Recipients(recipients(keys).map_err(|p| p.message())?)),
        _ => return Err("Hãy chọn một cách mã hoá: khoá của cơ quan hoặc mật khẩu, không dùng cả hai.".into()),
    };
    let dossier = Dossier::from_json(dossier).map_err(|p| p.message())?;
    let code = dossier.procedure.clone();
    let procedure = cache::procedure(&code).await.map_err(|e| e.to_string())?.ok_or_else(unavailable)?;
    cache::form(&code).await.map_err(|e| e.to_string())?;
    // The units only name communes: without them the declaration shows the codes.
    let units = cache::units().await.ok();
    let form = form_of(&code, &procedure.name);
    let input = Input { procedure: &procedure, form: &form, full_form: form_for(&code).is_some(), dossier: &dossier, units: units.as_deref() };
    let planned = plan(&input).map_err(|u| u.message())?;

    let whole = |blob: &wasm_bindgen::JsValue| -> Option<Vec<u8>> {
        let mut out = Vec::new();
        read_pieces(blob.dyn_ref::<web_sys::Blob>()?, |piece| out.extend_from_slice(piece))?;
        Some(out)
    };
    let fonts = fonts.dyn_ref::<Array>().map(|a| (whole(&a.get(0)), whole(&a.get(1))));
    let Some((Some(regular), Some(bold))) = fonts else { return Err(WriteProblem::Pdf { problem: PdfProblem::BadFont }.message()) };
    let files: std::collections::HashMap<String, web_sys::Blob> = files
        .dyn_ref::<Object>()
        .map(|o| {
            Object::entries(o)
                .iter()
                .filter_map(|e| e.dyn_into::<Array>().ok())
                .filter_map(|e| Some((e.get(0).as_string()?, e.get(1).dyn_into().ok()?)))
                .collect()
        })
        .unwrap_or_default();
    let total: f64 = files.values().map(web_sys::Blob::size).sum::<f64>().max(1.0) * if sealing.is_some() { 2.0 } else { 1.0 };
    let done = std::cell::Cell::new(0.0);
    let parts = assemble_parts(&planned, Fonts { regular: &regular, bold: &bold }, |hash| {
        let mut m = Measure::default();
        read_pieces(files.get(hash)?, |piece| {
            m.update(piece);
            done.set(done.get() + piece.len() as f64);
            progress(done.get() / total);
        })?;
        Some(m.held())
    })
    .map_err(|p| p.message())?;
    let joined = Array::new();
    for part in &parts {
        match part {
            Part::Bytes(b) => joined.push(&Uint8Array::from(b.as_slice())),
            Part::Held(hash) => joined.push(files.get(hash).ok_or_else(unavailable)?),
        };
    }
    drop(parts);
    let blob_of = |parts: &Array, kind: &str| {
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(kind);
        web_sys::Blob::new_with_blob_sequence_and_options(parts, &options).map_err(|_| unavailable())
    };
    let zip = blob_of(&joined, "application/zip")?;
    let name = file_name(&planned.manifest);
    let Some(how) = sealing else { return Ok((zip, name)) };
    let encryptor = hoso::core::package::seal::encryptor(&how).map_err(|p| p.message())?;
    let mut writer = encryptor.wrap_output(Pieces { done: Array::new(), filling: Vec::new() }).map_err(|_| unavailable())?;
    let mut failed = false;
    read_pieces(&zip, |piece| {
        failed |= std::io::Write::write_all(&mut writer, piece).is_err();
        done.set(done.get() + piece.len() as f64);
        progress(done.get() / total);
    })
    .ok_or_else(unavailable)?;
    let mut pieces = writer.finish().map_err(|_| unavailable())?;
    std::io::Write::flush(&mut pieces).map_err(|_| unavailable())?;
    if failed {
        return Err(unavailable());
    }
    Ok((blob_of(&pieces.done, "application/octet-stream")?, name + ".age"))
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("hoso-export chạy trong trình duyệt, do ứng dụng hoso khởi động khi xuất hồ sơ.");
    std::process::exit(2);
}
