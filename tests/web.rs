//! Component tests in a real browser (headless Chromium through wasm-bindgen-test).
//! Run by `bash scripts/test.sh` as `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts a view into a fresh container and returns the container.
fn mount<F, V>(f: F) -> web_sys::HtmlElement
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let container = document().create_element("div").unwrap().unchecked_into::<web_sys::HtmlElement>();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), f);
    handle.forget();
    container
}

use leptos::wasm_bindgen::JsCast;

#[wasm_bindgen_test]
fn app_shell_has_skip_link_to_main_landmark() {
    let root = mount(hoso::ui::App);
    let skip = root.query_selector("a.skip-link").unwrap().expect("skip link");
    assert_eq!(skip.get_attribute("href").as_deref(), Some("#noi-dung"));
    let main = root.query_selector("main#noi-dung").unwrap().expect("main landmark with the skip target id");
    assert!(main.query_selector("h1").unwrap().is_some(), "every route renders a heading");
    assert!(root.query_selector("header nav[aria-label]").unwrap().is_some());
    assert!(root.query_selector("footer").unwrap().unwrap().text_content().unwrap().contains("chỉ nằm trên thiết bị này"));
}

#[wasm_bindgen_test]
fn page_sets_a_distinct_document_title() {
    let root = mount(|| {
        view! { <hoso::ui::Page title="Thử nghiệm".to_string()><p>"nội dung"</p></hoso::ui::Page> }
    });
    assert_eq!(document().title(), "Thử nghiệm — hoso");
    assert_eq!(root.query_selector("h1").unwrap().unwrap().text_content().as_deref(), Some("Thử nghiệm"));
}

#[wasm_bindgen_test]
fn not_found_page_explains_and_links_home() {
    let root = mount(|| view! { <leptos_router::components::Router><hoso::ui::pages::NotFound/></leptos_router::components::Router> });
    let text = root.text_content().unwrap();
    assert!(text.contains("Không tìm thấy trang"), "{text}");
    assert!(text.contains("vẫn được giữ nguyên"), "reassures that work in progress is safe: {text}");
    let home = root.query_selector("a[href='/']").unwrap().expect("a link home");
    assert!(home.text_content().unwrap().contains("trang chủ"));
}
