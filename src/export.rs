//! The package maker: a third wasm binary, run as a web worker only when a person exports, that
//! renders the declaration and the receipt and writes the ZIP (`core::package::assemble`). Its
//! PDF, font and QR code are downloaded at export, not with the file checker or the app. It also
//! writes and reads the draft file (`core::draft`), so the app carries no ZIP code.
//!
//! Messages (each answered `{id, ok: true, …}` or `{id, ok: false, message}`, the refusal's
//! sentence made here):
//! - `{id, op: "package", dossier: Dossier JSON, fonts: [Blob, Blob], files: {sha256: Blob},
//!   recipients: "age1…" or "", passphrase: "" or the passphrase}` → `{blob, name, sha256, memory}` (the
//!   ZIP, sealed in the age format when keys or a passphrase are given, and its file name). It
//!   plans the package itself (`core::package::plan`), loading the procedure, its form and the
//!   units as the app does.
//! - `{id, op: "draft", dossier, files}` → `{blob, name}`: the draft file.
//! - `{id, op: "open-draft", blob}` → `{dossier: Dossier JSON, files: {sha256: Blob}}`: a draft
//!   file read and checked (`core::draft::read_draft`).
//!
//! Files are read here from the `Blob`s the app holds, piece by piece, so the page copies nothing.
//! The first message it sends is `"ready"`.

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
        let (id, op, dossier, fonts, files, blob) = (get("id"), get("op").as_string(), get("dossier").as_string(), get("fonts"), get("files"), get("blob"));
        let procedure = get("procedure").as_string().unwrap_or_default();
        let seal = (get("recipients").as_string().unwrap_or_default(), get("passphrase").as_string().unwrap_or_default());
        let lang = get("lang").as_string().and_then(|tag| hoso::core::i18n::Lang::from_tag(&tag));
        wasm_bindgen_futures::spawn_local(async move {
            // The refusals are worded in the person's language (its texts fetched once); what is
            // written for the agency is made `in_vietnamese` below.
            if let Some(path) = lang.filter(|l| *l != hoso::core::i18n::current()).and_then(|l| l.table_path()) {
                if let Ok(json) = hoso::web::fetch::get_text(path).await {
                    let _ = hoso::core::i18n::install(lang.unwrap_or(hoso::core::i18n::Lang::Vi), &json);
                }
            }
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
            let outcome: Result<Vec<(&str, JsValue)>, String> = match op.as_deref() {
                Some("package") => package(&dossier.unwrap_or_default(), &fonts, &files, &seal, &progress).await.and_then(|(blob, name)| {
                    // The package's own SHA-256 (what a portal checks it received), read piece by piece.
                    let mut hash = hoso::core::files::Sha256Hex::default();
                    read_pieces(&blob, |piece| hash.update(piece)).ok_or_else(|| hoso::core::package::WriteProblem::Unavailable.message())?;
                    // How much memory this worker took (it only grows): the benchmark's figure.
                    let memory =
                        wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>().buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length();
                    Ok(vec![
                        ("blob", blob.into()),
                        ("name", JsValue::from_str(&name)),
                        ("sha256", JsValue::from_str(&hash.finish())),
                        ("memory", JsValue::from_f64(memory as f64)),
                    ])
                }),
                Some("draft") => {
                    draft(&dossier.unwrap_or_default(), &files).map(|(blob, name)| vec![("blob", blob.into()), ("name", JsValue::from_str(&name))])
                }
                Some("prepare") => sources(&procedure).await.map(|_| Vec::new()),
                Some("open-draft") => open_draft(&blob).map(|(dossier, files)| vec![("dossier", JsValue::from_str(&dossier)), ("files", files.into())]),
                _ => Err(hoso::core::package::WriteProblem::Unavailable.message()),
            };
            match outcome {
                Ok(fields) => {
                    let ok = JsValue::TRUE;
                    let mut all: Vec<(&str, &JsValue)> = vec![("ok", &ok)];
                    all.extend(fields.iter().map(|(k, v)| (*k, v)));
                    message(&all);
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

/// What a package of procedure `code` is made from: the procedure, its form (installed) and the
/// units (they only name communes: without them the declaration shows the codes). Kept in this
/// worker's cache, so asked ahead (`prepare`, from `web::worker::ready_package_maker`) the export
/// needs no network.
#[cfg(target_arch = "wasm32")]
async fn sources(code: &str) -> Result<(std::sync::Arc<hoso::core::catalogue::Procedure>, Option<std::sync::Arc<hoso::core::units::Units>>), String> {
    use hoso::web::cache;
    let procedure = cache::procedure(code).await.map_err(|e| e.to_string())?.ok_or_else(|| hoso::core::package::WriteProblem::Unavailable.message())?;
    cache::form(code).await.map_err(|e| e.to_string())?;
    Ok((procedure, cache::units().await.ok()))
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
    use hoso::core::package::{assemble_parts, file_name, plan, Fonts, Input, PdfProblem, WriteProblem};
    use hoso::core::zip::Measure;
    use js_sys::Array;
    use wasm_bindgen::JsCast;
    let unavailable = || WriteProblem::Unavailable.message();
    // Checked first: a wrong key is said before any work is done.
    let sealing = match (seal.0.trim(), seal.1.as_str()) {
        ("", "") => None,
        ("", passphrase) => Some(Seal::Passphrase(passphrase.to_string())),
        (keys, "") => Some(Seal::Recipients(recipients(keys).map_err(|p| p.message())?)),
        _ => return Err(hoso::tr!("export.one-seal", "Hãy chọn một cách mã hoá: khoá của cơ quan hoặc mật khẩu, không dùng cả hai.").into()),
    };
    let dossier = Dossier::from_json(dossier).map_err(|p| p.message())?;
    let code = dossier.procedure.clone();
    let (procedure, units) = sources(&code).await?;
    // The package is in the agency's language whatever the person reads.
    use hoso::core::i18n::in_vietnamese;
    let form = in_vietnamese(|| form_of(&code, &procedure.name));
    let input = Input { procedure: &procedure, form: &form, full_form: form_for(&code).is_some(), dossier: &dossier, units: units.as_deref() };
    let planned = in_vietnamese(|| plan(&input)).map_err(|u| u.message())?;

    let whole = |blob: &wasm_bindgen::JsValue| -> Option<Vec<u8>> {
        let mut out = Vec::new();
        read_pieces(blob.dyn_ref::<web_sys::Blob>()?, |piece| out.extend_from_slice(piece))?;
        Some(out)
    };
    let fonts = fonts.dyn_ref::<Array>().map(|a| (whole(&a.get(0)), whole(&a.get(1))));
    let Some((Some(regular), Some(bold))) = fonts else { return Err(WriteProblem::Pdf { problem: PdfProblem::BadFont }.message()) };
    let files = blobs_by_hash(files);
    let total: f64 = files.values().map(web_sys::Blob::size).sum::<f64>().max(1.0) * if sealing.is_some() { 2.0 } else { 1.0 };
    let done = std::cell::Cell::new(0.0);
    let parts = in_vietnamese(|| {
        assemble_parts(&planned, Fonts { regular: &regular, bold: &bold }, |hash| {
            let mut m = Measure::default();
            read_pieces(files.get(hash)?, |piece| {
                m.update(piece);
                done.set(done.get() + piece.len() as f64);
                progress(done.get() / total);
            })?;
            Some(m.held())
        })
    })
    .map_err(|p| p.message())?;
    let zip = join(&parts, &files).ok_or_else(unavailable)?;
    drop(parts);
    let blob_of = |parts: &Array, kind: &str| blob_of(parts, kind).ok_or_else(unavailable);
    let name = in_vietnamese(|| file_name(&planned.manifest));
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

/// The `{sha256: Blob}` object the app sends, as a map.
#[cfg(target_arch = "wasm32")]
fn blobs_by_hash(files: &wasm_bindgen::JsValue) -> std::collections::HashMap<String, web_sys::Blob> {
    hoso::web::worker::blobs_from_object(files).into_iter().collect()
}

#[cfg(target_arch = "wasm32")]
fn blob_of(parts: &js_sys::Array, kind: &str) -> Option<web_sys::Blob> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    web_sys::Blob::new_with_blob_sequence_and_options(parts, &options).ok()
}

/// Joins an archive's parts (`core::zip::Part`) and the app's `Blob`s into one ZIP `Blob`.
#[cfg(target_arch = "wasm32")]
fn join(parts: &[hoso::core::zip::Part], files: &std::collections::HashMap<String, web_sys::Blob>) -> Option<web_sys::Blob> {
    use hoso::core::zip::Part;
    let joined = js_sys::Array::new();
    for part in parts {
        match part {
            Part::Bytes(b) => joined.push(&js_sys::Uint8Array::from(b.as_slice())),
            Part::Held(hash) => joined.push(files.get(hash)?),
        };
    }
    blob_of(&joined, "application/zip")
}

/// The draft file of `dossier` (`core::draft::draft_parts`), each attached file measured piece by
/// piece and joined as the `Blob` the app holds; and its file name.
#[cfg(target_arch = "wasm32")]
fn draft(dossier: &str, files: &wasm_bindgen::JsValue) -> Result<(web_sys::Blob, String), String> {
    use hoso::core::dossier::Dossier;
    use hoso::core::draft::{draft_parts, file_name};
    let dossier = Dossier::from_json(dossier).map_err(|p| p.message())?;
    let files = blobs_by_hash(files);
    let parts = hoso::core::i18n::in_vietnamese(|| {
        draft_parts(&dossier, |hash| {
            let mut m = hoso::core::zip::Measure::default();
            read_pieces(files.get(hash)?, |piece| m.update(piece))?;
            Some(m.held())
        })
    })
    .map_err(|p| p.message())?;
    let unavailable = || hoso::core::package::WriteProblem::Unavailable.message();
    Ok((join(&parts, &files).ok_or_else(unavailable)?, hoso::core::i18n::in_vietnamese(|| file_name(&dossier))))
}

/// A draft file the person chose, read and checked (`core::draft::read_draft`: every refusal
/// before anything is given back): the dossier as JSON and its files as `Blob`s by SHA-256.
#[cfg(target_arch = "wasm32")]
fn open_draft(blob: &wasm_bindgen::JsValue) -> Result<(String, js_sys::Object), String> {
    use hoso::core::draft::{read_draft, DraftProblem, MAX_DRAFT_BYTES};
    use hoso::core::files::sniff;
    use hoso::core::zip::ZipProblem;
    use wasm_bindgen::JsCast;
    let blob: &web_sys::Blob = blob.dyn_ref().ok_or_else(|| DraftProblem::from(ZipProblem::NotAZip).message())?;
    // Refused by its size before a byte is read.
    if blob.size() > MAX_DRAFT_BYTES as f64 {
        return Err(DraftProblem::from(ZipProblem::TooLarge { bytes: blob.size() as u64, limit: MAX_DRAFT_BYTES }).message());
    }
    let mut bytes = Vec::with_capacity(blob.size() as usize);
    read_pieces(blob, |piece| bytes.extend_from_slice(piece)).ok_or_else(|| DraftProblem::from(ZipProblem::NotAZip).message())?;
    let draft = read_draft(&bytes).map_err(|p| p.message())?;
    drop(bytes);
    let files = js_sys::Object::new();
    for (hash, file) in &draft.files {
        let blob = blob_of(&js_sys::Array::of1(&js_sys::Uint8Array::from(file.as_slice())), sniff(file).mime())
            .ok_or_else(|| hoso::core::package::WriteProblem::Unavailable.message())?;
        let _ = js_sys::Reflect::set(&files, &wasm_bindgen::JsValue::from_str(hash), &blob);
    }
    Ok((draft.dossier.to_json(), files))
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("hoso-export chạy trong trình duyệt, do ứng dụng hoso khởi động khi xuất hồ sơ.");
    std::process::exit(2);
}
