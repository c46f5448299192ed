//! The app shell (skip link, header, main landmark, footer) and the two route tables.
//!
//! hoso ships as two wasm binaries (ARCHITECTURE.md, "What loads when"): `hoso-browse`, small,
//! for the pages that only browse the catalogue (home, life events, fields, about), and
//! `hoso-web`, the whole app. The page loader in `index.html` (written by
//! `scripts/finish-dist.mjs`) starts `hoso-browse` on the browse paths below and `hoso-web`
//! everywhere else; a link from a browse page to any other page loads the whole app.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};

use super::A;
use leptos_router::path;

use super::pages::{
    About, Assist, CheckAnswers, Dossier, EndSession, Field, Fields, Home, LifeEvent, MyDossiers, NotFound, PrintPage, ProcedurePage, SectionPage,
};

/// The whole app, mounted by `main.rs` (`hoso-web`): every route.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router base=crate::web::base::base()>
            <Shell>
                // The page in a task after the header's (`Later`): a weak phone gets short tasks
                // instead of one long one.
                <super::Later><Pages/></super::Later>
            </Shell>
        </Router>
    }
}

/// Every route of the whole app, with what its pages share: the dossiers on this device
/// (restored from the drafts), a framing portal's bridge, and the notice of drafts that expired.
#[component]
fn Pages() -> impl IntoView {
    super::state::provide_dossiers();
    view! {
        <super::embed::PortalBridge/>
        <super::autosave::ExpiredNotice/>
        <Routes fallback=NotFound>
            <Route path=path!("/") view=Home/>
            <Route path=path!("/gioi-thieu") view=About/>
            <Route path=path!("/ket-thuc-phien") view=EndSession/>
            <Route path=path!("/ho-tro") view=Assist/>
            <Route path=path!("/ho-so") view=MyDossiers/>
            <Route path=path!("/thu-tuc/:ma") view=ProcedurePage/>
            <Route path=path!("/ho-so/:ma") view=Dossier/>
            <Route path=path!("/ho-so/:ma/to-khai/:phan") view=SectionPage/>
            <Route path=path!("/ho-so/:ma/kiem-tra") view=CheckAnswers/>
            <Route path=path!("/ho-so/:ma/in") view=PrintPage/>
            <Route path=path!("/su-kien/:slug") view=LifeEvent/>
            <Route path=path!("/linh-vuc") view=Fields/>
            <Route path=path!("/linh-vuc/:slug") view=Field/>
        </Routes>
    }
}

/// The browse pages only, mounted by `browse.rs` (`hoso-browse`): what a citizen needs to find a
/// procedure. Any other path belongs to the whole app, which `LoadWholeApp` loads. The loader's
/// list of browse paths (`scripts/finish-dist.mjs`) must match these routes; the E2E test
/// "each route starts the right binary" keeps them together.
#[component]
pub fn BrowseApp() -> impl IntoView {
    view! {
        <Router base=crate::web::base::base()>
            <Shell>
                <Routes fallback=LoadWholeApp>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/gioi-thieu") view=About/>
                    <Route path=path!("/su-kien/:slug") view=LifeEvent/>
                    <Route path=path!("/linh-vuc") view=Fields/>
                    <Route path=path!("/linh-vuc/:slug") view=Field/>
                </Routes>
            </Shell>
        </Router>
    }
}

/// A page of the whole app reached from a browse page: the address is already the new one, so
/// loading the page again starts `hoso-web` there (`web::boot::load_whole_app`).
#[component]
fn LoadWholeApp() -> impl IntoView {
    let at = leptos_router::hooks::use_location();
    let (search, hash) = (at.search.get_untracked(), at.hash.get_untracked());
    let search = if search.is_empty() { search } else { format!("?{search}") };
    let hash = if hash.is_empty() || hash.starts_with('#') { hash } else { format!("#{hash}") };
    crate::web::boot::load_whole_app(format!("{}{search}{hash}", at.pathname.get_untracked()));
    view! { <p class="loading" role="status">{tr!("app.dang-mo-trang", "Đang mở trang…")}</p> }
}

#[component]
fn Shell(children: Children) -> impl IntoView {
    provide_context(DisplayChosen(RwSignal::new(crate::web::display::remembered())));
    view! {
        <SkipLink/>
        <Header/>
        // The banners and the footer each in a short task of their own (`Later`); `main` is at
        // least a screen tall, so the footer coming moves nothing in view.
        <super::Later><ConnectionBanner/></super::Later>
        <main id="noi-dung" class="main" tabindex="-1">
            {children()}
        </main>
        <super::Later><Footer/></super::Later>
    }
}

/// Says when the device is offline (and that hoso still works), and offers a new version of hoso
/// once it is ready (`web::offline`): applied only when the person presses "Cập nhật".
#[component]
fn ConnectionBanner() -> impl IntoView {
    let (online, update) = (RwSignal::new(true), RwSignal::new(false));
    crate::web::offline::watch_online(move |on| online.set(on));
    crate::web::offline::watch_update(move || update.set(true));
    view! {
        <div class="container banners" role="status">
            {move || (!online.get()).then(|| view! {
                <p class="banner">{tr!("app.dang-khong-co-mang-hoso", "Đang không có mạng. hoso vẫn dùng được: tìm thủ tục, điền tờ khai, đính kèm tệp và lưu trên máy này.")}</p>
            })}
            {move || update.get().then(|| view! {
                <p class="banner">
                    {tr!("app.co-phien-ban-moi-cua", "Có phiên bản mới của hoso. Những gì bạn đã nhập vẫn được giữ trên máy này. ")}
                    <button type="button" class="button button--secondary" on:click=|_| crate::web::offline::apply_update()>{tr!("app.cap-nhat", "Cập nhật")}</button>
                </p>
            })}
        </div>
    }
}

/// "Skip to content". The router intercepts in-page links, so focus is moved here explicitly.
#[component]
fn SkipLink() -> impl IntoView {
    let skip = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        super::focus::focus_by_id("noi-dung");
    };
    view! { <a class="skip-link" href="#noi-dung" on:click=skip>{tr!("app.bo-qua-den-noi-dung", "Bỏ qua, đến nội dung chính")}</a> }
}

#[component]
fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="container site-header__inner">
                <A href="/" attr:class="site-header__brand">
                    <span class="site-header__logo" aria-hidden="true">{tr!("app.ho-so", "hồ sơ")}</span>
                    <span class="visually-hidden">{tr!("app.hoso-trang-chu", "hoso — Trang chủ")}</span>
                </A>
                <nav aria-label={tr!("app.dieu-huong-chinh", "Điều hướng chính")}>
                    <ul class="site-nav">
                        <li><A href="/">{tr!("app.trang-chu", "Trang chủ")}</A></li>
                        <li><A href="/ho-so">{tr!("app.ho-so-cua-toi", "Hồ sơ của tôi")}</A></li>
                        <li><A href="/gioi-thieu">{tr!("app.gioi-thieu", "Giới thiệu")}</A></li>
                    </ul>
                </nav>
                <div class="site-header__settings">
                    <LanguageChoice/>
                    <DisplayChoice/>
                </div>
            </div>
        </header>
    }
}

/// The other language, offered in its own name ("English", "Tiếng Việt"): the page reloads in it
/// and it is remembered on this device (`web::lang`).
#[component]
fn LanguageChoice() -> impl IntoView {
    use crate::core::i18n::{current, Lang};
    let other = if current() == Lang::Vi { Lang::En } else { Lang::Vi };
    view! {
        <button type="button" class="language-choice" lang=other.tag() on:click=move |_| crate::web::lang::choose(other)>
            {other.own_name()}
        </button>
    }
}

/// The display settings chosen on this device, for the components that follow them ("Đọc to").
#[derive(Clone, Copy)]
pub struct DisplayChosen(pub RwSignal<crate::web::display::Display>);

/// "Hiển thị": large type, high contrast and the read-aloud buttons, for anyone, remembered on this
/// device.
#[component]
fn DisplayChoice() -> impl IntoView {
    use crate::web::display::{choose, remembered};
    let chosen = use_context::<DisplayChosen>().map_or_else(|| RwSignal::new(remembered()), |d| d.0);
    let set = move |f: fn(&mut crate::web::display::Display, bool)| {
        move |ev: leptos::ev::Event| {
            let mut d = chosen.get_untracked();
            f(&mut d, event_target_checked(&ev));
            chosen.set(d);
            choose(d);
        }
    };
    view! {
        <details class="display-choice">
            <summary>{tr!("app.hien-thi", "Hiển thị")}</summary>
            <div class="display-choice__panel">
                <div class="checklist__item">
                    <input type="checkbox" id="chu-lon" prop:checked=move || chosen.get().large_type on:change=set(|d, on| d.large_type = on)/>
                    <label for="chu-lon">{tr!("app.chu-lon", "Chữ lớn")}</label>
                </div>
                <div class="checklist__item">
                    <input type="checkbox" id="tuong-phan-cao" prop:checked=move || chosen.get().high_contrast on:change=set(|d, on| d.high_contrast = on)/>
                    <label for="tuong-phan-cao">{tr!("app.tuong-phan-cao", "Tương phản cao")}</label>
                </div>
                <div class="checklist__item">
                    <input type="checkbox" id="nut-doc-to" prop:checked=move || chosen.get().read_aloud on:change=set(|d, on| d.read_aloud = on)/>
                    <label for="nut-doc-to">{tr!("app.nut-doc-to", "Nút đọc to")}</label>
                </div>
            </div>
        </details>
    }
}

#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="container">
                <p>{tr!("app.don-gian-hon-dung-hen", "Đơn giản hơn — Đúng hẹn hơn — Thân thiện hơn.")}</p>
                <p>
                    {tr!("app.moi-thong-tin-ban-nhap", "Mọi thông tin bạn nhập chỉ nằm trên thiết bị này. hoso không gửi dữ liệu của bạn đi đâu cả.")}
                </p>
                <p>
                    {tr!("app.dung-may-chung", "Dùng máy chung? ")}
                    <A href="/ket-thuc-phien">{tr!("app.ket-thuc-phien-tren-may", "Kết thúc phiên trên máy này")}</A>
                    {tr!("app.de-xoa-moi-thu-hoso", " để xoá mọi thứ hoso đã lưu.")}
                </p>
                <p>
                    {tr!("app.can-bo-nhap-ho-so", "Cán bộ nhập hồ sơ giúp người dân? ")}
                    <A href="/ho-tro">{tr!("app.bat-che-do-ho-tro", "Bật chế độ hỗ trợ người dân")}</A>
                </p>
                <p class="site-footer__meta">{tr!("app.hoso-phien-ban", "hoso phiên bản ")} {crate::VERSION}</p>
            </div>
        </footer>
    }
}
