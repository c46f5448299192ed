//! What the page has loaded, kept for the page's life and shared by everything that needs it:
//! the UI's resources and the portal bridge. Loads are single-flight: two pages asking for the
//! units at once share one fetch and one parse. A failed load is not kept (the next ask tries
//! again).

use std::cell::RefCell;
use std::sync::Arc;
use std::thread::LocalKey;

use futures::future::{FutureExt, LocalBoxFuture, Shared};

use super::catalogue::{load_index, load_old_to_new, load_units, Catalogue};
use super::fetch::LoadError;
use crate::core::units::{OldToNew, Units};

type Loading<T> = Shared<LocalBoxFuture<'static, Result<Arc<T>, LoadError>>>;
type Slot<T> = RefCell<Option<Loading<T>>>;

thread_local! {
    static CATALOGUE: Slot<Catalogue> = const { RefCell::new(None) };
    static UNITS: Slot<Units> = const { RefCell::new(None) };
    static OLD_TO_NEW: Slot<OldToNew> = const { RefCell::new(None) };
}

async fn shared<T: 'static>(slot: &'static LocalKey<Slot<T>>, load: fn() -> LocalBoxFuture<'static, Result<Arc<T>, LoadError>>) -> Result<Arc<T>, LoadError> {
    let loading = slot.with(|s| s.borrow_mut().get_or_insert_with(|| load().shared()).clone());
    let result = loading.await;
    if result.is_err() {
        slot.with(|s| *s.borrow_mut() = None);
    }
    result
}

fn loaded<T>(slot: &'static LocalKey<Slot<T>>) -> Option<Arc<T>> {
    slot.with(|s| s.borrow().as_ref().and_then(|l| l.peek().cloned()).and_then(Result::ok))
}

/// The catalogue index with its search structures (loaded at start).
pub async fn catalogue() -> Result<Arc<Catalogue>, LoadError> {
    shared(&CATALOGUE, || load_index().boxed_local()).await
}

/// The catalogue, if it has loaded (for synchronous callers such as `hosoSearch`).
pub fn catalogue_now() -> Option<Arc<Catalogue>> {
    loaded(&CATALOGUE)
}

/// The 2025 units, loaded the first time a page or the bridge needs them.
pub async fn units() -> Result<Arc<Units>, LoadError> {
    shared(&UNITS, || load_units().boxed_local()).await
}

/// The old→new address table, loaded the first time someone converts an old address.
pub async fn old_to_new() -> Result<Arc<OldToNew>, LoadError> {
    shared(&OLD_TO_NEW, || load_old_to_new().boxed_local()).await
}
