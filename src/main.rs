//! Entry point of the whole browser app (`hoso-web`): every route, and the `hoso*` functions
//! a portal or test calls (`bridge`). The browse pages also ship alone in `hoso-browse`.
//! Built by Trunk for `wasm32-unknown-unknown` (see `index.html`).

#[cfg(target_arch = "wasm32")]
mod bridge;

#[cfg(target_arch = "wasm32")]
fn main() {
    hoso::web::boot::prefetch();
    hoso::web::boot::mount(hoso::ui::App, "day-du");
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("hoso-web là ứng dụng chạy trong trình duyệt. Hãy chạy: bash scripts/dev.sh");
    std::process::exit(2);
}
