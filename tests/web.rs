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

/// Waits (up to about a second) until `selector` matches inside `root`: routes and resources
/// render after the current task.
async fn wait_for(root: &web_sys::HtmlElement, selector: &str) -> web_sys::Element {
    for _ in 0..100 {
        if let Some(el) = root.query_selector(selector).unwrap() {
            return el;
        }
        sleep_ms(10).await;
    }
    panic!("nothing matched `{selector}` in: {}", root.inner_html());
}

async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn app_shell_has_skip_link_to_main_landmark() {
    let root = mount(hoso::ui::App);
    let skip = root.query_selector("a.skip-link").unwrap().expect("skip link");
    assert_eq!(skip.get_attribute("href").as_deref(), Some("#noi-dung"));
    assert!(root.query_selector("main#noi-dung").unwrap().is_some(), "main landmark with the skip target id");
    wait_for(&root, "main#noi-dung h1").await;
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

fn tiny_catalogue() -> std::sync::Arc<hoso::web::catalogue::Catalogue> {
    use hoso::core::catalogue::{Index, IndexEntry};
    let index = Index {
        format: 1,
        catalogue_version: "test".into(),
        source: "test".into(),
        fields: vec!["Hộ tịch".into(), "Cư trú".into()],
        levels: vec!["Cấp xã".into()],
        ministries: vec!["bo-tu-phap".into()],
        entries: vec![
            IndexEntry("1.000001".into(), "Thủ tục đăng ký khai sinh".into(), 0, vec![0], 0, "Giấy khai sinh".into(), 1),
            IndexEntry("1.000002".into(), "Thủ tục đăng ký kết hôn".into(), 0, vec![0], 0, String::new(), 1),
            IndexEntry("1.000003".into(), "Đăng ký tạm trú".into(), 1, vec![0], 0, String::new(), 1),
        ],
    };
    std::sync::Arc::new(hoso::web::catalogue::Catalogue::new(index))
}

#[wasm_bindgen_test]
async fn search_box_shows_results_as_you_type() {
    let catalogue = tiny_catalogue();
    let root =
        mount(move || view! { <leptos_router::components::Router><hoso::ui::components::Search catalogue=catalogue/></leptos_router::components::Router> });
    let input: web_sys::HtmlInputElement = wait_for(&root, "input[type=search]").await.unchecked_into();
    let label = root.query_selector("label[for=tim-thu-tuc]").unwrap().expect("the box has a label");
    assert!(label.text_content().unwrap().contains("Bạn cần làm thủ tục gì?"));
    input.set_value("ket hon");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    let first = wait_for(&root, ".procedure-list__link").await;
    assert_eq!(first.text_content().as_deref(), Some("Thủ tục đăng ký kết hôn"));
    assert_eq!(first.get_attribute("href").as_deref(), Some("/thu-tuc/1.000002"));
    let status = root.query_selector("[role=status]").unwrap().unwrap().text_content().unwrap();
    assert!(status.contains("phù hợp"), "{status}");
    input.set_value("zzzz");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    sleep_ms(20).await;
    assert!(root.query_selector(".procedure-list__link").unwrap().is_none());
    assert!(root.text_content().unwrap().contains("Không tìm thấy"));
}

/// The file adapter against the core: WebCrypto gives the address the core computes. (Checking
/// chosen files runs in the file checker, the app's worker, which the component runner does not
/// serve: the end-to-end tests attach real files through it.)
#[wasm_bindgen_test]
async fn files_are_hashed_by_webcrypto_as_the_core_hashes_them() {
    use hoso::web::files;
    let bytes: Vec<u8> = (0..300_000u32).map(|i| (i * 31 % 251) as u8).collect();
    assert_eq!(files::sha256(&bytes).await, Ok(hoso::core::files::sha256_hex(&bytes)));
}
