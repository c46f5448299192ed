//! Entry point of the browser app: install the panic hook and mount the UI.
//! Built by Trunk for `wasm32-unknown-unknown` (see `index.html`).

#[cfg(target_arch = "wasm32")]
mod bridge;

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(hoso::ui::App);
    // The "đang tải" line of index.html, shown while the wasm downloads.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("hoso-dang-tai") {
        boot.remove();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("hoso-web là ứng dụng chạy trong trình duyệt. Hãy chạy: bash scripts/dev.sh");
    std::process::exit(2);
}
