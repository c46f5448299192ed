//! Where hoso is served: at the site's root, or under a path a portal gives it
//! (`/dich-vu/hoso/`). The deployment sets it once, in `index.html`'s `<base href>`; every asset
//! and data file is fetched relative to it, and the app's own addresses (`/ho-so/…`) are written
//! under it ([`path`], `ui::A`, the router's base).

use std::cell::OnceCell;

thread_local! {
    static BASE: OnceCell<String> = const { OnceCell::new() };
}

/// The base path without its final slash: `""` at the root, `"/dich-vu/hoso"` under a path.
pub fn base() -> String {
    BASE.with(|b| {
        b.get_or_init(|| {
            let uri = web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
            let path = web_sys::Url::new(&uri).map(|u| u.pathname()).unwrap_or_default();
            path.trim_end_matches('/').to_string()
        })
        .clone()
    })
}

/// The address of an app path (`/ho-so/1.001193`) under the base.
pub fn path(app_path: &str) -> String {
    format!("{}{app_path}", base())
}

/// The app path of an address (`/dich-vu/hoso/ho-so/x` → `/ho-so/x`); an address outside the
/// base is returned as it is.
pub fn app_path(address: &str) -> String {
    let base = base();
    match address.strip_prefix(base.as_str()) {
        Some("") => "/".into(),
        Some(rest) if rest.starts_with('/') => rest.into(),
        _ => address.into(),
    }
}
