//! The app's side of its three web workers: the file checker (`src/worker.rs`), started at the
//! first file, answers the core's questions about bytes; the package maker (`src/export.rs`),
//! started at the first export, writes the submission package; the QR reader (`src/qr.rs`),
//! started at the first scan of a căn cước, reads its code. So none's code is part of the app. Requests wait until a worker says it is ready; each gets its answer by id. If a worker
//! cannot start, its requests are answered with `FileProblem::CheckerUnavailable` or
//! `WriteProblem::Unavailable`.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

use crate::core::files::{FileProblem, FileReport, Limits};
use crate::core::package::WriteProblem;

/// Worker files are not content-hashed by Trunk: the version keeps a new app from a stale worker.
const CHECKER: &str = concat!("hoso-worker_loader.js?v=", env!("CARGO_PKG_VERSION"));
const EXPORTER: &str = concat!("hoso-export_loader.js?v=", env!("CARGO_PKG_VERSION"));
const QR_READER: &str = concat!("hoso-qr_loader.js?v=", env!("CARGO_PKG_VERSION"));
/// The printed declaration's two font faces, fetched by the app for the package maker.
const FONTS: [&str; 2] = ["fonts/DejaVuSerif.ttf", "fonts/DejaVuSerif-Bold.ttf"];

/// What the package maker and the QR reader load when first used (each one's loader, glue and wasm,
/// as Trunk's loader names them, and the fonts): kept by "Tải để dùng khi không có mạng" with the
/// data, so a device that never exported nor scanned does both offline. The file checker is in the
/// service worker's precache.
pub fn code_loaded_later() -> Vec<String> {
    let mut files = Vec::new();
    for loader in [EXPORTER, QR_READER] {
        let name = loader.split("_loader").next().unwrap_or(loader);
        files.extend([loader.to_string(), format!("{name}.js"), format!("{name}_bg.wasm")]);
    }
    files.extend(FONTS.map(String::from));
    files
}

struct Connection {
    worker: Worker,
    ready: bool,
    failed: bool,
    /// Requests sent before the worker was ready, with the buffers they hand over.
    waiting: Vec<(JsValue, Array)>,
    pending: HashMap<u32, Function>,
    /// Requests that hear how far the work is (`{id, progress}` messages before the answer).
    progress: HashMap<u32, Function>,
    next: u32,
    /// Which start of this script it is: what an earlier, failed one still says is not heard.
    generation: u32,
}

thread_local! {
    /// By script: the file checker, the package maker and the QR reader.
    static CONNECTIONS: RefCell<HashMap<&'static str, Connection>> = RefCell::new(HashMap::new());
}

/// The worker of `script`, started if it is not there, or started again if it failed (its code
/// could not be loaded while the network was down, or it stopped): the next request tries anew
/// instead of being refused until the page is reloaded.
fn connection<'a>(c: &'a mut HashMap<&'static str, Connection>, script: &'static str) -> Option<&'a mut Connection> {
    let failed = c.get(script).map(|c| c.failed);
    if failed != Some(false) {
        let generation = c.get(script).map_or(0, |c| c.generation + 1);
        let started = start(script, generation)?;
        if let Some(old) = c.insert(script, started) {
            old.worker.terminate();
        }
    }
    c.get_mut(script)
}

fn start(script: &'static str, generation: u32) -> Option<Connection> {
    let worker = Worker::new(script).ok()?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        CONNECTIONS.with(|c| {
            let mut c = c.borrow_mut();
            let Some(c) = c.get_mut(script).filter(|c| c.generation == generation) else { return };
            if data.as_string().as_deref() == Some("ready") {
                c.ready = true;
                for (request, transfer) in c.waiting.drain(..) {
                    let _ = c.worker.post_message_with_transfer(&request, &transfer);
                }
                return;
            }
            let id = Reflect::get(&data, &JsValue::from_str("id")).ok().and_then(|v| v.as_f64()).unwrap_or(-1.0) as u32;
            if let Some(done) = Reflect::get(&data, &JsValue::from_str("progress")).ok().filter(|v| v.as_f64().is_some()) {
                if let Some(hear) = c.progress.get(&id) {
                    let _ = hear.call1(&JsValue::NULL, &done);
                }
                return;
            }
            c.progress.remove(&id);
            if let Some(resolve) = c.pending.remove(&id) {
                let _ = resolve.call1(&JsValue::NULL, &data);
            }
        });
    });
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        // Handled here (the waiting requests are told, the next one starts the worker anew): not an
        // uncaught error of the page.
        event.prevent_default();
        CONNECTIONS.with(|c| {
            if let Some(c) = c.borrow_mut().get_mut(script).filter(|c| c.generation == generation) {
                c.failed = true;
                c.waiting.clear();
                c.progress.clear();
                for (_, resolve) in c.pending.drain() {
                    let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
                }
            }
        });
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_message.forget();
    on_error.forget();
    Some(Connection { worker, ready: false, failed: false, waiting: Vec::new(), pending: HashMap::new(), progress: HashMap::new(), next: 0, generation })
}

/// Sends one request and waits for its answer (`None`: the worker is not there). The request's
/// byte arrays are handed over (transferred), not copied a second time.
async fn call(script: &'static str, request: Object) -> Option<JsValue> {
    call_hearing(script, request, None).await
}

/// The same, `progress` hearing the share of the work done (0 to 1) while it runs.
async fn call_hearing(script: &'static str, request: Object, progress: Option<Function>) -> Option<JsValue> {
    let transfer: Array = Object::values(&request).iter().filter_map(|v| v.dyn_into::<Uint8Array>().ok()).map(|a| JsValue::from(a.buffer())).collect();
    if let Some(jpegs) = Reflect::get(&request, &JsValue::from_str("jpegs")).ok().and_then(|v| v.dyn_into::<Array>().ok()) {
        for a in jpegs.iter().filter_map(|v| v.dyn_into::<Uint8Array>().ok()) {
            transfer.push(&a.buffer());
        }
    }
    let mut sent = false;
    let promise = Promise::new(&mut |resolve, _| {
        CONNECTIONS.with(|c| {
            let mut c = c.borrow_mut();
            let Some(c) = connection(&mut c, script) else { return };
            let id = c.next;
            c.next += 1;
            let _ = Reflect::set(&request, &JsValue::from_str("id"), &JsValue::from(id));
            c.pending.insert(id, resolve);
            if let Some(hear) = progress.clone() {
                c.progress.insert(id, hear);
            }
            if c.ready {
                let _ = c.worker.post_message_with_transfer(&request, &transfer);
            } else {
                c.waiting.push((request.clone().into(), transfer.clone()));
            }
            sent = true;
        })
    });
    if !sent {
        return None;
    }
    JsFuture::from(promise).await.ok().filter(|v| !v.is_null())
}

/// A request: its operation, its fields, and the interface's language (the package maker words
/// its refusals in it; what it writes for the agency stays Vietnamese).
fn request(op: &str, fields: &[(&str, JsValue)]) -> Object {
    let r = Object::new();
    let _ = Reflect::set(&r, &JsValue::from_str("op"), &JsValue::from_str(op));
    let _ = Reflect::set(&r, &JsValue::from_str("lang"), &JsValue::from_str(crate::core::i18n::current().tag()));
    for (k, v) in fields {
        let _ = Reflect::set(&r, &JsValue::from_str(k), v);
    }
    r
}

/// Files by SHA-256 as the workers exchange them: an object `{sha256: Blob}` (the `Blob`s are
/// handed over, not copied).
fn blobs_object(files: &[(String, web_sys::Blob)]) -> Object {
    let by_hash = Object::new();
    for (hash, blob) in files {
        let _ = Reflect::set(&by_hash, &JsValue::from_str(hash), blob);
    }
    by_hash
}

/// The files of a `{sha256: Blob}` object (what is not a `Blob` is left out).
pub fn blobs_from_object(files: &JsValue) -> Vec<(String, web_sys::Blob)> {
    files
        .dyn_ref::<Object>()
        .map(|o| {
            Object::entries(o)
                .iter()
                .filter_map(|e| e.dyn_into::<Array>().ok())
                .filter_map(|e| Some((e.get(0).as_string()?, e.get(1).dyn_into().ok()?)))
                .collect()
        })
        .unwrap_or_default()
}

fn field(answer: &JsValue, key: &str) -> JsValue {
    Reflect::get(answer, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// The core's checks of one file (`core::files::check_file`), in the worker.
pub async fn check(name: &str, bytes: &[u8], limits: &Limits) -> Result<FileReport, FileProblem> {
    let answer = check_answer(name, bytes, limits).await?;
    serde_json::from_str(&field(&answer, "text").as_string().unwrap_or_default()).map_err(|_| FileProblem::CheckerUnavailable)
}

/// The same check, as a portal gets it (`core::files::FileReport::described`, as JSON text).
pub async fn check_described(name: &str, bytes: &[u8], limits: &Limits) -> Result<String, FileProblem> {
    let answer = check_answer(name, bytes, limits).await?;
    field(&answer, "described").as_string().ok_or(FileProblem::CheckerUnavailable)
}

async fn check_answer(name: &str, bytes: &[u8], limits: &Limits) -> Result<JsValue, FileProblem> {
    let r = request(
        "check",
        &[
            ("name", JsValue::from_str(name)),
            ("bytes", Uint8Array::from(bytes).into()),
            ("file", JsValue::from_f64(limits.max_file_bytes as f64)),
            ("dossier", JsValue::from_f64(limits.max_dossier_bytes as f64)),
        ],
    );
    call(CHECKER, r).await.ok_or(FileProblem::CheckerUnavailable)
}

/// SHA-256 with the core's Rust path, in the worker (when WebCrypto is not there).
pub async fn sha256(bytes: &[u8]) -> Result<String, FileProblem> {
    let answer = call(CHECKER, request("sha256", &[("bytes", Uint8Array::from(bytes).into())])).await.ok_or(FileProblem::CheckerUnavailable)?;
    field(&answer, "text").as_string().ok_or(FileProblem::CheckerUnavailable)
}

/// The text of a QR code in a grey picture (`core::files::qr::read_qr`), in the QR reader worker
/// (started at the first scan).
pub async fn read_qr(width: u32, height: u32, grey: &[u8]) -> Result<Option<String>, FileProblem> {
    let r = request("qr", &[("width", JsValue::from_f64(width.into())), ("height", JsValue::from_f64(height.into())), ("grey", Uint8Array::from(grey).into())]);
    let answer = call(QR_READER, r).await.ok_or(FileProblem::CheckerUnavailable)?;
    Ok(field(&answer, "text").as_string())
}

/// Photos (JPEG bytes) into one PDF (`core::files::combine::jpegs_to_pdf`), in the worker.
pub async fn combine(jpegs: &[Vec<u8>]) -> Result<Vec<u8>, FileProblem> {
    let list: Array = jpegs.iter().map(|j| JsValue::from(Uint8Array::from(j.as_slice()))).collect();
    let answer = call(CHECKER, request("combine", &[("jpegs", list.into())])).await.ok_or(FileProblem::CheckerUnavailable)?;
    if field(&answer, "ok").is_truthy() {
        return field(&answer, "bytes").dyn_into::<Uint8Array>().map(|a| a.to_vec()).map_err(|_| FileProblem::CheckerUnavailable);
    }
    Err(serde_json::from_str(&field(&answer, "text").as_string().unwrap_or_default()).unwrap_or(FileProblem::CheckerUnavailable))
}

/// A package made: the `Blob`, its file name, its SHA-256, and the package maker's memory (bytes).
pub struct Exported {
    pub blob: web_sys::Blob,
    pub name: String,
    pub sha256: String,
    pub worker_memory: f64,
}

/// The submission package of `dossier` (`core::package`), in the package maker: the dossier as
/// JSON, the two font files and the attached files as the `Blob`s the app keeps (the worker reads
/// them piece by piece; nothing is copied whole). The package comes back as a `Blob` with its file
/// name; a refusal as the package maker's sentence. `seal`: the agencies' public keys and a
/// passphrase, as typed (both empty: not sealed). `progress` hears the share done (0 to 1).
/// The font files are fetched once for the page's life (`cache::fonts`), here if `ready_package_maker` has not.
pub async fn package(dossier_json: &str, files: &[(String, web_sys::Blob)], seal: (&str, &str), progress: impl Fn(f64) + 'static) -> Result<Exported, String> {
    let unavailable = || WriteProblem::Unavailable.message();
    let fonts = super::cache::fonts(FONTS).await.map_err(|e| e.to_string())?;
    let by_hash = blobs_object(files);
    let r = request(
        "package",
        &[
            ("dossier", JsValue::from_str(dossier_json)),
            ("fonts", Array::of2(&fonts[0], &fonts[1]).into()),
            ("files", by_hash.into()),
            ("recipients", JsValue::from_str(seal.0)),
            ("passphrase", JsValue::from_str(seal.1)),
        ],
    );
    let hear = Closure::<dyn Fn(JsValue)>::new(move |v: JsValue| progress(v.as_f64().unwrap_or(0.0)));
    let answer = call_hearing(EXPORTER, r, Some(hear.as_ref().unchecked_ref::<Function>().clone())).await;
    drop(hear);
    let answer = answer.ok_or_else(unavailable)?;
    if field(&answer, "ok").is_truthy() {
        let blob = field(&answer, "blob").dyn_into::<web_sys::Blob>().map_err(|_| unavailable())?;
        let name = field(&answer, "name").as_string().unwrap_or_else(|| "ho-so.zip".into());
        let sha256 = field(&answer, "sha256").as_string().unwrap_or_default();
        return Ok(Exported { blob, name, sha256, worker_memory: field(&answer, "memory").as_f64().unwrap_or(0.0) });
    }
    Err(field(&answer, "message").as_string().unwrap_or_else(unavailable))
}

/// Gets the package maker ready before it is asked, for a person with a complete dossier of
/// procedure `code` in front of them: starts its worker (which loads and compiles its code off the
/// page's thread, then loads the procedure, its form and the units), and fetches the fonts, so
/// "Xuất hồ sơ" starts at once, and still works if the network goes meanwhile. Not where the
/// person asked the browser to save data (`navigator.connection.saveData`).
pub fn ready_package_maker(code: &str) {
    let save_data = web_sys::window()
        .and_then(|w| Reflect::get(&w.navigator(), &JsValue::from_str("connection")).ok())
        .filter(|c| c.is_object())
        .and_then(|c| Reflect::get(&c, &JsValue::from_str("saveData")).ok())
        .is_some_and(|v| v.is_truthy());
    if save_data {
        return;
    }
    let prepare = request("prepare", &[("procedure", JsValue::from_str(code))]);
    wasm_bindgen_futures::spawn_local(async move {
        let _ = call(EXPORTER, prepare).await;
    });
    wasm_bindgen_futures::spawn_local(async {
        let _ = super::cache::fonts(FONTS).await;
    });
}

/// The draft file of `dossier_json` (`core::draft`), made by the package maker from the files'
/// `Blob`s (not copied): the `Blob` and its file name, or the refusal's sentence.
pub async fn save_draft(dossier_json: &str, files: &[(String, web_sys::Blob)]) -> Result<(web_sys::Blob, String), String> {
    let unavailable = || WriteProblem::Unavailable.message();
    let by_hash = blobs_object(files);
    let answer = call(EXPORTER, request("draft", &[("dossier", JsValue::from_str(dossier_json)), ("files", by_hash.into())])).await.ok_or_else(unavailable)?;
    if field(&answer, "ok").is_truthy() {
        let blob = field(&answer, "blob").dyn_into::<web_sys::Blob>().map_err(|_| unavailable())?;
        return Ok((blob, field(&answer, "name").as_string().unwrap_or_else(|| "ho-so-nhap.zip".into())));
    }
    Err(field(&answer, "message").as_string().unwrap_or_else(unavailable))
}

/// A draft file the person chose, read and checked by the package maker: the dossier (JSON, to be
/// read with `Dossier::from_json`) and its files by SHA-256, or the refusal's sentence.
pub async fn open_draft(file: &web_sys::Blob) -> Result<(String, Vec<(String, web_sys::Blob)>), String> {
    let unavailable = || WriteProblem::Unavailable.message();
    let answer = call(EXPORTER, request("open-draft", &[("blob", file.into())])).await.ok_or_else(unavailable)?;
    if !field(&answer, "ok").is_truthy() {
        return Err(field(&answer, "message").as_string().unwrap_or_else(unavailable));
    }
    let files = field(&answer, "files")
        .dyn_into::<Object>()
        .map(|o| {
            Object::entries(&o)
                .iter()
                .filter_map(|e| e.dyn_into::<Array>().ok())
                .filter_map(|e| Some((e.get(0).as_string()?, e.get(1).dyn_into().ok()?)))
                .collect()
        })
        .unwrap_or_default();
    Ok((field(&answer, "dossier").as_string().ok_or_else(unavailable)?, files))
}

/// The worker side of the exchange (the file checker, the QR reader): answers each request the
/// app sends (`{id, op, …}`) with `answer(get, set)` — `get` reads a field of the request, `set`
/// writes one of the reply, which carries the request's `id` — then says `"ready"` (messages sent
/// before the wasm had loaded were dropped: the app waits for it).
pub fn serve(answer: impl Fn(&dyn Fn(&str) -> JsValue, &dyn Fn(&str, &JsValue)) + 'static) {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        let get = |key: &str| Reflect::get(&data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        let reply = Object::new();
        let set = |key: &str, value: &JsValue| {
            let _ = Reflect::set(&reply, &JsValue::from_str(key), value);
        };
        set("id", &get("id"));
        answer(&get, &set);
        let _ = reply_scope.post_message(&reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
