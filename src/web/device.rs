//! What hoso keeps on this device, and the end of a session on a shared computer ("Kết thúc
//! phiên trên máy này"): the drafts' database, hoso's caches (all but the app shell), local and
//! session storage, and the files and download addresses the page holds.
//!
//! The app shell's cache (any cache named from `core::session::SHELL_CACHE`) stays: it holds only hoso's own
//! code, the same for everyone, and keeps the app usable without a network.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::drafts::{self, StoreError};

/// The channel hoso's tabs in this browser share.
const CHANNEL: &str = "hoso";
const ENDED: &str = "ket-thuc-phien";
const SAVED: &str = "da-luu:";

/// What one tab tells hoso's other tabs in this browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TabNews {
    /// The session ended: forget everything, save nothing back.
    SessionEnded,
    /// The dossier for this procedure was saved (or deleted) on the device: a copy another tab
    /// holds is older now.
    Saved(String),
}

impl TabNews {
    fn encode(&self) -> String {
        match self {
            TabNews::SessionEnded => ENDED.to_string(),
            TabNews::Saved(code) => format!("{SAVED}{code}"),
        }
    }

    fn decode(text: &str) -> Option<TabNews> {
        match text {
            ENDED => Some(TabNews::SessionEnded),
            _ => text.strip_prefix(SAVED).map(|code| TabNews::Saved(code.to_string())),
        }
    }
}

thread_local! {
    /// This tab's end of the channel: a message is delivered to every other end, not to its sender.
    static TAB: Option<web_sys::BroadcastChannel> = web_sys::BroadcastChannel::new(CHANNEL).ok();
}

/// Tells hoso's other tabs in this browser (not this one).
pub fn tell_tabs(news: &TabNews) {
    if let Some(channel) = TAB.with(Clone::clone) {
        let _ = channel.post_message(&news.encode().into());
    }
}

/// Runs `then` with what another tab tells.
pub fn on_tab_news(then: impl Fn(TabNews) + 'static) {
    let Some(channel) = TAB.with(Clone::clone) else { return };
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
        if let Some(news) = e.data().as_string().as_deref().and_then(TabNews::decode) {
            then(news);
        }
    });
    channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
    listener.forget();
}

/// What is kept on the device now (read before a session ends, and shown to the person).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Kept {
    pub dossiers: usize,
    pub files: usize,
    pub bytes: u64,
}

/// What the end of a session removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Removed {
    /// Dossiers and attached files in the drafts' database (with their size).
    pub kept: Kept,
    /// Caches of Cache Storage (not the app shell).
    pub caches: usize,
    /// Items of local and session storage.
    pub storage_items: u32,
}

/// The dossiers and files in the drafts' database.
pub async fn kept() -> Result<Kept, StoreError> {
    let dossiers = drafts::load_all().await?.len();
    let files = drafts::load_files().await?;
    Ok(Kept { dossiers, files: files.len(), bytes: files.iter().map(|(_, b)| b.size() as u64).sum() })
}

/// This site's `localStorage` on this device (`None` when the browser refuses it): hoso's remembered
/// settings (`web::display`, `web::assist`).
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Removes everything hoso stored on this device (see the module's note) and says what it was,
/// but the `localStorage` entries named in `keep` ("Người dân đã về" keeps the officer's assisted
/// mode and the display settings for the next resident). The page's own memory (answers,
/// attachments) is the caller's to clear.
pub async fn end_session(keep: &[&str]) -> Result<Removed, StoreError> {
    tell_tabs(&TabNews::SessionEnded);
    let kept = kept().await.unwrap_or_default();
    drafts::delete_all().await?;
    super::files::forget_all();
    let window = web_sys::window().ok_or(StoreError::Unavailable)?;
    let mut caches = 0;
    if let Ok(storage) = window.caches() {
        let names = JsFuture::from(storage.keys()).await.map_err(|_| StoreError::Unavailable)?;
        for name in names.unchecked_into::<js_sys::Array>().iter().filter_map(|n| n.as_string()) {
            if crate::core::session::cache_goes(&name) && JsFuture::from(storage.delete(&name)).await.is_ok() {
                caches += 1;
            }
        }
    }
    let mut storage_items = 0;
    // `keep` names `localStorage` entries.
    for (storage, keep) in [(local_storage(), keep), (window.session_storage().ok().flatten(), &[][..])] {
        let Some(storage) = storage else { continue };
        let going: Vec<String> =
            (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).filter(|k| crate::core::session::key_goes(k, keep)).collect();
        storage_items += going.len() as u32;
        for key in going {
            storage.remove_item(&key).map_err(|_| StoreError::WriteRefused)?;
        }
    }
    Ok(Removed { kept, caches, storage_items })
}

/// How much this site uses of the device's storage, and how much the browser allows it (bytes).
pub async fn usage() -> Option<(f64, f64)> {
    let estimate = JsFuture::from(web_sys::window()?.navigator().storage().estimate().ok()?).await.ok()?;
    let estimate: web_sys::StorageEstimate = estimate.unchecked_into();
    Some((estimate.get_usage()?, estimate.get_quota()?))
}

/// How many days an untouched draft is kept: the page's `<meta name="hoso-giu-ho-so-ngay">` as
/// `core::dossier::keep_days` reads it.
pub fn keep_days() -> u32 {
    let setting = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=hoso-giu-ho-so-ngay]").ok().flatten())
        .and_then(|m| m.get_attribute("content"));
    crate::core::dossier::keep_days(setting.as_deref())
}

/// The session's choice "Không lưu trên máy này" (session storage: it ends with the browser
/// session, and "Kết thúc phiên" clears it).
const MEMORY_ONLY: &str = "hoso-khong-luu";

pub fn memory_only() -> bool {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten()).is_some_and(|s| s.get_item(MEMORY_ONLY).ok().flatten().is_some())
}

pub fn set_memory_only(on: bool) {
    if let Some(s) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = if on { s.set_item(MEMORY_ONLY, "1") } else { s.remove_item(MEMORY_ONLY) };
    }
}

/// Asks the browser to keep hoso's storage for good (not cleared when the device runs short of
/// space): `navigator.storage.persist()`. Whether it agreed.
pub async fn persist() -> bool {
    let Some(promise) = web_sys::window().and_then(|w| w.navigator().storage().persist().ok()) else { return false };
    JsFuture::from(promise).await.is_ok_and(|v| v.is_truthy())
}
