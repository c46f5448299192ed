//! Entry point of `hoso-browse`: the home page and the other browse pages (life events, fields,
//! about), without the dossier, form and file code, so the first page a citizen opens loads
//! fast on a weak phone. Built by Trunk like `hoso-web` (see `index.html`); the page loader picks
//! one of the two by the address (ARCHITECTURE.md, "What loads when").

#[cfg(target_arch = "wasm32")]
fn main() {
    hoso::web::boot::mount(hoso::ui::BrowseApp, "duyet");
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("hoso-browse là ứng dụng chạy trong trình duyệt. Hãy chạy: bash scripts/dev.sh");
    std::process::exit(2);
}
