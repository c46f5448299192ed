//! `Page`: what every route renders inside `<main>`: a document title and one `h1`.

use leptos::prelude::*;

/// Sets the document title to `"{title} — hoso"` and renders the page heading and content.
///
/// Each route has its own title (WCAG 2.4.2). After an in-app navigation, focus moves to the
/// heading so screen-reader users hear where they arrived, as on a full page load.
/// `title_lang` marks a heading that is the catalogue's own words ("vi": a procedure's name), for
/// screen readers reading the interface in another language (WCAG 3.1.2).
#[component]
pub fn Page(title: String, #[prop(optional)] title_lang: Option<&'static str>, children: Children) -> impl IntoView {
    document().set_title(&format!("{title} — hoso"));
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            // On a fresh page load nothing has focus yet (the body has it): leave it there.
            let arrived_by_link = document().active_element().is_some_and(|el| el.tag_name() != "BODY");
            if arrived_by_link {
                let _ = h.focus();
            }
        }
    });
    view! {
        <div class="container page">
            <h1 class="page__title" tabindex="-1" lang=title_lang node_ref=heading>{title}</h1>
            {children()}
        </div>
    }
}

/// A link to an app path (`/ho-so/1.001193`), written under the base path hoso is served from
/// (`web::base`): the router's `A` takes an absolute path as it is.
#[component]
pub fn A(#[prop(into)] href: String, children: Children) -> impl IntoView {
    view! { <leptos_router::components::A href=crate::web::base::path(&href)>{children()}</leptos_router::components::A> }
}
