//! Same-origin GET requests (the app's own static files: catalogue, procedures, units), with a
//! typed error: what went wrong is data; the sentence names the data that could not be loaded.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Why a file of the app could not be had.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FetchError {
    /// The server has no such file (404).
    NotFound,
    /// No answer: offline, or the connection dropped.
    Network,
    /// Another error status from the server.
    Status(u16),
    /// The answer could not be read as text.
    Unreadable,
    /// The text is not what the app expects (broken or half-written file).
    Parse,
}

/// What the app was loading, for the sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Data {
    Catalogue,
    Procedure,
    Units,
    OldToNew,
    Form,
    /// The font the printed declaration is set in (fetched at export only).
    Font,
}

/// A failed load: what, and why. `Display` is the sentence people read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub data: Data,
    pub error: FetchError,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.data {
            Data::Catalogue => tr!("web.fetch.danh-muc-thu-tuc", "danh mục thủ tục"),
            Data::Procedure => tr!("web.fetch.du-lieu-thu-tuc", "dữ liệu thủ tục"),
            Data::Units => tr!("web.fetch.danh-muc-don-vi-hanh", "danh mục đơn vị hành chính"),
            Data::OldToNew => tr!("web.fetch.bang-doi-dia-chi-cu", "bảng đổi địa chỉ cũ"),
            Data::Form => tr!("web.fetch.mau-to-khai", "mẫu tờ khai"),
            Data::Font => tr!("web.fetch.phong-chu-de-in-to", "phông chữ để in tờ khai"),
        };
        match self.error {
            FetchError::NotFound => f.write_str(&tr!("web.fetch.khong-tim-thay", "Không tìm thấy {what}.", what = what)),
            FetchError::Network => f.write_str(&tr!("web.fetch.khong-tai-duoc", "Không tải được {what}. Hãy kiểm tra kết nối mạng rồi thử lại.", what = what)),
            FetchError::Status(code) => {
                f.write_str(&tr!("web.fetch.loi-may-chu", "Máy chủ trả lời lỗi {code} khi tải {what}. Hãy thử lại sau.", what = what, code = code))
            }
            FetchError::Unreadable => f.write_str(&tr!("web.fetch.khong-doc-duoc", "Không đọc được {what}. Hãy tải lại trang.", what = what)),
            FetchError::Parse => f.write_str(&tr!("web.fetch.tep-bi-hong", "Tệp {what} bị hỏng. Hãy tải lại trang.", what = what)),
        }
    }
}

thread_local! {
    /// Requests sent by [`prefetch`], not yet taken by a [`get`] of the same path.
    static SENT: std::cell::RefCell<Vec<(String, js_sys::Promise)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Sends the request for `path` now (the page is about to be built and will ask for it): the
/// first [`get`] of that path takes this answer instead of sending another request.
///
/// `early` is what the page loader asked for while the app downloaded (`window.hosoNap`, a
/// promise of `{path: promise of the response}`, see `scripts/finish-dist.mjs`): a path it has is
/// taken from it, any other is fetched once it has answered, so no file is asked for twice.
pub fn prefetch(path: &str, early: Option<js_sys::Promise>) {
    let Some(window) = web_sys::window() else { return };
    let request = match early {
        None => window.fetch_with_str(path),
        Some(early) => {
            let path = path.to_string();
            wasm_bindgen_futures::future_to_promise(async move {
                let sent = JsFuture::from(early).await.ok().and_then(|table| js_sys::Reflect::get(&table, &path.as_str().into()).ok());
                match sent.and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) {
                    Some(sent) => JsFuture::from(sent).await,
                    None => JsFuture::from(window.fetch_with_str(&path)).await,
                }
            })
        }
    };
    SENT.with(|s| s.borrow_mut().push((path.to_string(), request)));
}

/// Fetches `path` (relative to the base hoso is served from: `index.html`'s `<base href>` on a page, the worker's own address in a worker): the answer, when it is a success.
/// Works on a page and in a worker (the package maker loads what the app loads).
async fn get(path: &str) -> Result<web_sys::Response, FetchError> {
    let sent = SENT.with(|s| {
        let mut s = s.borrow_mut();
        s.iter().position(|(p, _)| p == path).map(|at| s.swap_remove(at).1)
    });
    let request = match (sent, web_sys::window()) {
        (Some(sent), _) => sent,
        (None, Some(window)) => window.fetch_with_str(path),
        (None, None) => js_sys::global().dyn_into::<web_sys::WorkerGlobalScope>().map_err(|_| FetchError::Network)?.fetch_with_str(path),
    };
    let resp = JsFuture::from(request).await.map_err(|_| FetchError::Network)?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| FetchError::Unreadable)?;
    match resp.status() {
        404 => Err(FetchError::NotFound),
        s if !resp.ok() => Err(FetchError::Status(s)),
        _ => Ok(resp),
    }
}

/// Fetches `path` (relative to the base, as above) as text.
pub async fn get_text(path: &str) -> Result<String, FetchError> {
    let resp = get(path).await?;
    let text = JsFuture::from(resp.text().map_err(|_| FetchError::Unreadable)?).await.map_err(|_| FetchError::Network)?;
    text.as_string().ok_or(FetchError::Unreadable)
}

/// Fetches `path` as a `Blob` (bytes that stay out of wasm memory until someone reads them).
pub async fn get_blob(path: &str) -> Result<web_sys::Blob, FetchError> {
    let resp = get(path).await?;
    let blob = JsFuture::from(resp.blob().map_err(|_| FetchError::Unreadable)?).await.map_err(|_| FetchError::Network)?;
    blob.dyn_into().map_err(|_| FetchError::Unreadable)
}

/// Fetches and parses one of the app's JSON files. (Fetch and parse are split so that only the
/// small parse is generic: one copy of the async code in the wasm.)
pub async fn get_json<T: serde::de::DeserializeOwned>(path: &str, data: Data) -> Result<T, LoadError> {
    let text = get_text(path).await.map_err(|error| LoadError { data, error })?;
    serde_json::from_str(&text).map_err(|_| LoadError { data, error: FetchError::Parse })
}
