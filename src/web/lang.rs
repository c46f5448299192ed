//! The interface language chosen on this device (`core::i18n`): Vietnamese unless the person
//! chose English in the header, or the address asks for it (`?lang=en`, how a portal frames hoso
//! in English). Remembered in `localStorage`; applied before the app starts, by installing the
//! English texts (`i18n/en.json`, fetched once and kept by the service worker) and setting
//! `<html lang>`. Changing it reloads the page: every text is read once, as the page is built, and
//! the drafts are saved as the page goes (`ui::autosave`).

use crate::core::i18n::{self, Lang};

/// The `localStorage` key ("vi" or "en").
pub const KEY: &str = "hoso-ngon-ngu";

/// What the address asks for (`?lang=`), remembered from now on; else what was chosen before;
/// else Vietnamese.
pub fn wanted() -> Lang {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let asked = search.trim_start_matches('?').split('&').find_map(|pair| pair.strip_prefix("lang=")).and_then(Lang::from_tag);
    if let Some(lang) = asked {
        remember(lang);
        return lang;
    }
    crate::web::device::local_storage().and_then(|s| s.get_item(KEY).ok().flatten()).and_then(|tag| Lang::from_tag(&tag)).unwrap_or(Lang::Vi)
}

/// Remembers `lang`; false when this device keeps nothing (storage refused, as in some
/// cross-site frames).
fn remember(lang: Lang) -> bool {
    let Some(s) = crate::web::device::local_storage() else { return false };
    let _ = if lang == Lang::Vi { s.remove_item(KEY) } else { s.set_item(KEY, lang.tag()) };
    s.get_item(KEY).ok().flatten().and_then(|t| Lang::from_tag(&t)).unwrap_or(Lang::Vi) == lang
}

/// Installs the texts of `lang` and sets `<html lang>`. Without its texts (offline on the first
/// visit, a damaged file) the page stays in Vietnamese, which is whole.
pub async fn apply(lang: Lang) {
    if let Some(path) = lang.table_path() {
        let Ok(json) = crate::web::fetch::get_text(path).await else { return };
        if i18n::install(lang, &json).is_err() {
            return;
        }
    }
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", i18n::current().tag());
    }
}

/// Remembers `lang` and reloads the page in it. The address keeps no `?lang` (which would choose
/// again at every load), except where this device keeps nothing (storage refused, as in some
/// cross-site frames): there `?lang=` carries the choice.
pub fn choose(lang: Lang) {
    let remembered = remember(lang);
    let Some(window) = web_sys::window() else { return };
    let location = window.location();
    let search = location.search().unwrap_or_default();
    let pairs: Vec<&str> = search.trim_start_matches('?').split('&').filter(|p| !p.is_empty()).collect();
    let mut rest: Vec<String> = pairs.iter().filter(|p| !p.starts_with("lang=")).map(|p| p.to_string()).collect();
    if remembered && rest.len() == pairs.len() {
        let _ = location.reload();
        return;
    }
    if !remembered {
        rest.push(format!("lang={}", lang.tag()));
    }
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let query = if rest.is_empty() { String::new() } else { format!("?{}", rest.join("&")) };
    let _ = location.replace(&format!("{path}{query}{hash}"));
}
