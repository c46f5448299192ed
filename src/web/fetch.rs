//! Same-origin GET requests (the app's own static files: catalogue index and procedures).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fetches `path` (relative to the site root) as text. Errors are plain Vietnamese sentences.
pub async fn get_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("Không có cửa sổ trình duyệt.")?;
    let resp = JsFuture::from(window.fetch_with_str(path))
        .await
        .map_err(|_| "Không tải được dữ liệu. Hãy kiểm tra kết nối mạng rồi thử lại.".to_string())?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "Phản hồi không hợp lệ.".to_string())?;
    if resp.status() == 404 {
        return Err("NOT_FOUND".into());
    }
    if !resp.ok() {
        return Err(format!("Máy chủ trả lời lỗi {}. Hãy thử lại sau.", resp.status()));
    }
    let text = JsFuture::from(resp.text().map_err(|_| "Không đọc được dữ liệu.".to_string())?)
        .await
        .map_err(|_| "Không đọc được dữ liệu.".to_string())?;
    text.as_string().ok_or_else(|| "Dữ liệu không phải văn bản.".into())
}

/// Fetches one of the app's JSON files as text; `missing` tells people when it is not there.
/// (Fetch and parse are split so that only the small parse is generic: one copy of the async
/// code in the wasm. Messages are passed whole: building them at run time cost 3 kB brotli.)
pub async fn get_json_text(path: &str, missing: &str) -> Result<String, String> {
    get_text(path).await.map_err(|e| if e == "NOT_FOUND" { missing.to_string() } else { e })
}

/// Parses what [`get_json_text`] returned; `broken` tells people when it is not valid.
pub fn parse_json<T: serde::de::DeserializeOwned>(text: &str, broken: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|_| broken.to_string())
}
