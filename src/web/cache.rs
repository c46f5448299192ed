//! What the page has loaded, kept for the page's life and shared by everything that needs it:
//! the UI's resources and the portal bridge. Loads are single-flight: two pages asking for the
//! units at once share one fetch and one parse. A failed load is not kept (the next ask tries
//! again).

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use std::thread::LocalKey;

use super::catalogue::{load_index, load_old_to_new, load_procedure, load_units, Catalogue};
use super::fetch::LoadError;
use crate::core::catalogue::Procedure;
use crate::core::units::{OldToNew, Units};

/// One load: its result once there, and who waits for it meanwhile.
enum State<T> {
    Loading(Vec<Waker>),
    Done(Result<Arc<T>, LoadError>),
}

/// One load, shared by everyone who asked for it.
type Shared<T> = Rc<RefCell<State<T>>>;
type Slot<T> = RefCell<Option<Shared<T>>>;
/// Loads of one kind, by key (a procedure's code, a form's file).
type Keyed<K, T> = RefCell<HashMap<K, Shared<T>>>;

thread_local! {
    static CATALOGUE: Slot<Catalogue> = const { RefCell::new(None) };
    static UNITS: Slot<Units> = const { RefCell::new(None) };
    static OLD_TO_NEW: Slot<OldToNew> = const { RefCell::new(None) };
    /// Procedures by code (`None`: no such procedure).
    static PROCEDURES: Keyed<String, Option<Arc<Procedure>>> = RefCell::new(HashMap::new());
    /// The printed declaration's two font faces (for the package maker).
    static FONTS: Slot<[web_sys::Blob; 2]> = const { RefCell::new(None) };
    /// Form definition files fetched and installed, by file name.
    static FORMS: Keyed<&'static str, ()> = RefCell::new(HashMap::new());
}

/// Waits for a load started by someone else.
struct Wait<T>(Rc<RefCell<State<T>>>);

impl<T> Future for Wait<T> {
    type Output = Result<Arc<T>, LoadError>;
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match &mut *self.0.borrow_mut() {
            State::Done(r) => Poll::Ready(r.clone()),
            State::Loading(waiting) => {
                waiting.push(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

/// The single-flight mechanism: `get` finds a load already under way or done, `put` records
/// (or, after a failure, forgets) this one; the first asker loads, the others wait for it.
async fn single_flight<T: 'static, F: Future<Output = Result<Arc<T>, LoadError>>>(
    get: impl Fn() -> Option<Shared<T>>,
    put: impl Fn(Option<Shared<T>>),
    load: impl FnOnce() -> F,
) -> Result<Arc<T>, LoadError> {
    if let Some(state) = get() {
        return Wait(state).await;
    }
    let state: Shared<T> = Rc::new(RefCell::new(State::Loading(Vec::new())));
    put(Some(state.clone()));
    let result = load().await;
    if result.is_err() {
        put(None);
    }
    finish(&state, result)
}

/// A load kept in one slot.
async fn shared<T: 'static, F: Future<Output = Result<Arc<T>, LoadError>>>(
    slot: &'static LocalKey<Slot<T>>,
    load: impl FnOnce() -> F,
) -> Result<Arc<T>, LoadError> {
    single_flight(|| slot.with(|s| s.borrow().clone()), |v| slot.with(|s| *s.borrow_mut() = v), load).await
}

/// Stores a load's result and wakes everyone waiting for it.
fn finish<T>(state: &RefCell<State<T>>, result: Result<Arc<T>, LoadError>) -> Result<Arc<T>, LoadError> {
    let waiting = std::mem::replace(&mut *state.borrow_mut(), State::Done(result.clone()));
    if let State::Loading(wakers) = waiting {
        wakers.into_iter().for_each(Waker::wake);
    }
    result
}

/// A load kept by key in `map`.
async fn keyed<K: Eq + std::hash::Hash + Clone + 'static, T: 'static, F: Future<Output = Result<Arc<T>, LoadError>>>(
    map: &'static LocalKey<Keyed<K, T>>,
    key: K,
    load: impl FnOnce() -> F,
) -> Result<Arc<T>, LoadError> {
    let put = |v: Option<Shared<T>>| {
        map.with(|m| match v {
            Some(state) => _ = m.borrow_mut().insert(key.clone(), state),
            None => _ = m.borrow_mut().remove(&key),
        })
    };
    single_flight(|| map.with(|m| m.borrow().get(&key).cloned()), put, load).await
}

fn loaded<T>(slot: &'static LocalKey<Slot<T>>) -> Option<Arc<T>> {
    slot.with(|s| match s.borrow().as_ref().map(|st| st.borrow()).as_deref() {
        Some(State::Done(Ok(v))) => Some(v.clone()),
        _ => None,
    })
}

/// The catalogue index with its search structures (loaded at start).
pub async fn catalogue() -> Result<Arc<Catalogue>, LoadError> {
    shared(&CATALOGUE, load_index).await
}

/// The catalogue, if it has loaded (for synchronous callers such as `hosoSearch`).
pub fn catalogue_now() -> Option<Arc<Catalogue>> {
    loaded(&CATALOGUE)
}

/// The 2025 units, loaded the first time a page or the bridge needs them.
pub async fn units() -> Result<Arc<Units>, LoadError> {
    shared(&UNITS, load_units).await
}

/// The old→new address table, loaded the first time someone converts an old address.
pub async fn old_to_new() -> Result<Arc<OldToNew>, LoadError> {
    shared(&OLD_TO_NEW, load_old_to_new).await
}

/// The printed declaration's two font faces, fetched once per page life (the first export, or
/// check-your-answers getting the package maker ready: `web::worker::ready_package_maker`).
pub async fn fonts(paths: [&'static str; 2]) -> Result<Arc<[web_sys::Blob; 2]>, LoadError> {
    let font = |path| async move { super::fetch::get_blob(path).await.map_err(|error| LoadError { data: super::fetch::Data::Font, error }) };
    shared(&FONTS, || async move { Ok(Arc::new([font(paths[0]).await?, font(paths[1]).await?])) }).await
}

/// A procedure by code, fetched once per page life (`None`: no such procedure). Pages asking at
/// the same time share one fetch.
pub async fn procedure(code: &str) -> Result<Option<Arc<Procedure>>, LoadError> {
    let found = keyed(&PROCEDURES, code.to_string(), || async { load_procedure(code).await.map(Arc::new) }).await?;
    Ok((*found).clone())
}

/// Makes the full form of procedure `code` available to `core::forms` (fetching its definition,
/// `/forms/<file>`, the first time); nothing to do for a procedure with the generic form. Pages
/// asking at the same time share one fetch.
pub async fn form(code: &str) -> Result<(), LoadError> {
    let Some(file) = crate::core::forms::form_file(code) else { return Ok(()) };
    if crate::core::forms::form_for(code).is_some() {
        return Ok(());
    }
    let failed = |error| LoadError { data: super::fetch::Data::Form, error };
    keyed(&FORMS, file, || async {
        let text = super::fetch::get_text(&format!("forms/{file}")).await.map_err(failed)?;
        crate::core::forms::install(&text).map(Arc::new).map_err(|_| failed(super::fetch::FetchError::Parse))
    })
    .await
    .map(|_| ())
}
