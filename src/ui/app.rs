//! The app shell: skip link, header, main landmark, footer, and the route table.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use super::pages::{About, CheckAnswers, Dossier, Field, Fields, Home, LifeEvent, NotFound, ProcedurePage, SectionPage};

/// Root component mounted by `main.rs`.
#[component]
pub fn App() -> impl IntoView {
    super::state::provide_catalogue();
    super::state::provide_dossiers();
    view! {
        <Router>
            <SkipLink/>
            <Header/>
            <main id="noi-dung" class="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/gioi-thieu") view=About/>
                    <Route path=path!("/thu-tuc/:ma") view=ProcedurePage/>
                    <Route path=path!("/ho-so/:ma") view=Dossier/>
                    <Route path=path!("/ho-so/:ma/to-khai/:phan") view=SectionPage/>
                    <Route path=path!("/ho-so/:ma/kiem-tra") view=CheckAnswers/>
                    <Route path=path!("/su-kien/:slug") view=LifeEvent/>
                    <Route path=path!("/linh-vuc") view=Fields/>
                    <Route path=path!("/linh-vuc/:slug") view=Field/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}

/// "Skip to content". The router intercepts in-page links, so focus is moved here explicitly.
#[component]
fn SkipLink() -> impl IntoView {
    let skip = |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        super::focus::focus_by_id("noi-dung");
    };
    view! { <a class="skip-link" href="#noi-dung" on:click=skip>"Bỏ qua, đến nội dung chính"</a> }
}

#[component]
fn Header() -> impl IntoView {
    view! {
        <header class="site-header">
            <div class="container site-header__inner">
                <A href="/" attr:class="site-header__brand">
                    <span class="site-header__logo" aria-hidden="true">"hồ sơ"</span>
                    <span class="visually-hidden">"hoso — Trang chủ"</span>
                </A>
                <nav aria-label="Điều hướng chính">
                    <ul class="site-nav">
                        <li><A href="/">"Trang chủ"</A></li>
                        <li><A href="/gioi-thieu">"Giới thiệu"</A></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="container">
                <p>"Đơn giản hơn — Đúng hẹn hơn — Thân thiện hơn."</p>
                <p>
                    "Mọi thông tin bạn nhập chỉ nằm trên thiết bị này. hoso không gửi dữ liệu của bạn đi đâu cả."
                </p>
                <p class="site-footer__meta">"hoso phiên bản " {crate::VERSION}</p>
            </div>
        </footer>
    }
}
