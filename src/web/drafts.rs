//! Drafts on the device: every dossier a person starts is kept in IndexedDB (database `hoso`,
//! store `ho-so`, one record per dossier: the `core::dossier::Dossier` JSON, keyed by its id; store
//! `tep`, the attached files as the `Blob`s the person chose, keyed by SHA-256 — stored as blobs,
//! never copied into wasm memory), so a reload, a crash or a phone that ends the browser loses
//! nothing already typed or attached.
//!
//! Each save is one read-write transaction over both stores (the dossier's record, the files it
//! adds, the files nothing needs any more; `ui::autosave` splits it in two only when a full device
//! refused it and it frees room), issued synchronously from the
//! caller's task once the database is open (the JSON is made first: a transaction commits as
//! soon as its task yields), so a save made while the page is being hidden or closed is already
//! in the database's hands. Reading goes through `Dossier::from_json`, which refuses a damaged
//! record or one from a newer hoso with a typed problem; the other drafts still open.
//!
//! Plain `web_sys` over IndexedDB's requests (each request's success and error handlers are a
//! Promise's resolve and reject). The `idb` crate (0.6.5) was tried: +3.9 kB brotli on the whole
//! app (tokio's sync, indexmap) for what these sixty lines do, and its futures could not issue a
//! write synchronously from a `pagehide` handler.

use std::cell::RefCell;

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

pub use crate::core::dossier::StoreError;
use crate::core::dossier::{Dossier, StateProblem};

const DATABASE: &str = "hoso";
const STORE: &str = "ho-so";
const FILES: &str = "tep";
/// 1: dossiers; 2: and their files.
const VERSION: u32 = 2;

thread_local! {
    /// The open database, once opened (opening is asynchronous; saving afterwards is not).
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// Waits for a request: its result, or `Err` when it failed.
async fn finished(request: &IdbRequest) -> Result<JsValue, ()> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(promise).await.map_err(|_| ())?;
    request.result().map_err(|_| ())
}

/// Waits for a transaction to commit.
async fn committed(tx: &IdbTransaction) -> Result<(), ()> {
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    });
    JsFuture::from(promise).await.map(|_| ()).map_err(|_| ())
}

async fn open() -> Result<IdbDatabase, StoreError> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let factory = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).ok_or(StoreError::Unavailable)?;
    let request = factory.open_with_u32(DATABASE, VERSION).map_err(|_| StoreError::Unavailable)?;
    let upgrading = request.clone();
    let upgrade = Closure::once_into_js(move || {
        if let Ok(db) = upgrading.result() {
            let db: IdbDatabase = db.unchecked_into();
            for store in [STORE, FILES] {
                if !db.object_store_names().contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db: IdbDatabase = finished(&request).await.map_err(|_| StoreError::Unavailable)?.unchecked_into();
    // Another tab ending the session (deleting the database) is not kept waiting by this one.
    let closing = db.clone();
    let close = Closure::<dyn Fn()>::new(move || {
        closing.close();
        DB.with(|d| d.borrow_mut().take());
    });
    db.set_onversionchange(Some(close.as_ref().unchecked_ref()));
    close.forget();
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// Deletes the whole database (every dossier and file), for "Kết thúc phiên trên máy này". Other
/// tabs close their connection when asked (`onversionchange`), so the deletion is not blocked.
pub async fn delete_all() -> Result<(), StoreError> {
    if let Some(db) = DB.with(|d| d.borrow_mut().take()) {
        db.close();
    }
    let factory = web_sys::window().and_then(|w| w.indexed_db().ok().flatten()).ok_or(StoreError::Unavailable)?;
    let request = factory.delete_database(DATABASE).map_err(|_| StoreError::Unavailable)?;
    finished(&request).await.map(|_| ()).map_err(|_| StoreError::Unavailable)
}

/// What one save writes: the dossier's record, the files it adds, the files to delete.
struct Change {
    /// The record to write; `None`: delete the record `key`.
    json: Option<JsValue>,
    key: JsValue,
    add: Vec<(String, web_sys::Blob)>,
    gone: Vec<String>,
}

/// Issues the change in a new transaction, now.
fn put(db: &IdbDatabase, change: &Change) -> Result<IdbTransaction, StoreError> {
    let refused = |_| StoreError::WriteRefused;
    let stores = js_sys::Array::of2(&STORE.into(), &FILES.into());
    let tx = db.transaction_with_str_sequence_and_mode(&stores, IdbTransactionMode::Readwrite).map_err(refused)?;
    let records = tx.object_store(STORE).map_err(refused)?;
    match &change.json {
        Some(json) => records.put_with_key(json, &change.key).map(drop),
        None => records.delete(&change.key).map(drop),
    }
    .map_err(refused)?;
    let files = tx.object_store(FILES).map_err(refused)?;
    for (hash, blob) in &change.add {
        files.put_with_key(blob, &JsValue::from_str(hash)).map_err(refused)?;
    }
    for hash in &change.gone {
        files.delete(&JsValue::from_str(hash)).map_err(refused)?;
    }
    // Nothing more will be asked in it: committed now rather than when the page's task ends, so a
    // save made as the page goes away (`pagehide`) is not dropped with the page. (Browsers without
    // `commit` commit it themselves a moment later. web-sys marks it deprecated; it is in
    // IndexedDB 3.0 and every current browser.)
    #[allow(deprecated)]
    let _ = tx.commit();
    Ok(tx)
}

/// Saves one dossier (replacing its earlier record) with the files it adds (`add`: their
/// `Blob`s) and deletes the files nothing needs any more (`gone`); the future resolves once the
/// transaction committed. With the database already open, the write is issued by this call
/// itself, before the future is first polled: a save made while the page goes away is not left
/// in a queue.
pub fn save(dossier: &Dossier, add: Vec<(String, web_sys::Blob)>, gone: Vec<String>) -> impl std::future::Future<Output = Result<(), StoreError>> {
    write(Change { json: Some(JsValue::from_str(&dossier.to_json())), key: JsValue::from_str(&dossier.id), add, gone })
}

/// Deletes the dossier `id` and the files nothing needs any more (`gone`), in one transaction.
pub fn remove(id: &str, gone: Vec<String>) -> impl std::future::Future<Output = Result<(), StoreError>> {
    write(Change { json: None, key: JsValue::from_str(id), add: Vec::new(), gone })
}

fn write(change: Change) -> impl std::future::Future<Output = Result<(), StoreError>> {
    let issued = DB.with(|d| d.borrow().clone()).map(|db| put(&db, &change));
    async move {
        let tx = match issued {
            Some(tx) => tx?,
            None => put(&open().await?, &change)?,
        };
        committed(&tx).await.map_err(|_| StoreError::WriteRefused)
    }
}

/// The stored files, by SHA-256 (read when the drafts are restored).
pub async fn load_files() -> Result<Vec<(String, web_sys::Blob)>, StoreError> {
    let db = open().await?;
    let tx = db.transaction_with_str(FILES).map_err(|_| StoreError::Unavailable)?;
    let store = tx.object_store(FILES).map_err(|_| StoreError::Unavailable)?;
    // Both asked before either is awaited: the transaction ends once it has nothing to do.
    let (keys, values) = (store.get_all_keys().map_err(|_| StoreError::Unavailable)?, store.get_all().map_err(|_| StoreError::Unavailable)?);
    let keys: js_sys::Array = finished(&keys).await.map_err(|_| StoreError::Unavailable)?.unchecked_into();
    let values: js_sys::Array = finished(&values).await.map_err(|_| StoreError::Unavailable)?.unchecked_into();
    Ok(keys.iter().zip(values.iter()).filter_map(|(k, v)| Some((k.as_string()?, v.dyn_into().ok()?))).collect())
}

/// Every stored dossier: the readable ones, and a problem for each record that is not.
pub async fn load_all() -> Result<Vec<Result<Dossier, StateProblem>>, StoreError> {
    let db = open().await?;
    let tx = db.transaction_with_str(STORE).map_err(|_| StoreError::Unavailable)?;
    let request = tx.object_store(STORE).and_then(|s| s.get_all()).map_err(|_| StoreError::Unavailable)?;
    let values: js_sys::Array = finished(&request).await.map_err(|_| StoreError::Unavailable)?.unchecked_into();
    Ok(values.iter().map(|v| v.as_string().ok_or(StateProblem::NotADossier).and_then(|text| Dossier::from_json(&text))).collect())
}
