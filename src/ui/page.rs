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

/// A part of a page built in a task of its own, just after the part above it: a long page is
/// then several short tasks instead of one long one, so a weak phone answers a tap while it
/// builds (issue #11, "Total Blocking Time"). Keep the page's heading, and anything a link
/// focuses as the page opens, above it. When the address's `#fragment` names an element this
/// part brings, the page scrolls to it once it is built, as the router does for the rest.
#[component]
pub fn Later(children: Children) -> impl IntoView {
    let ready = RwSignal::new(false);
    let children = std::sync::Mutex::new(Some(children));
    set_timeout(
        move || {
            let target = fragment_target();
            let absent = target.as_deref().is_some_and(|id| document().get_element_by_id(id).is_none());
            if ready.try_set(true).is_none() && absent {
                request_animation_frame(move || {
                    if let Some(el) = target.and_then(|id| document().get_element_by_id(&id)) {
                        el.scroll_into_view();
                    }
                });
            }
        },
        std::time::Duration::ZERO,
    );
    // Built once, untracked: what the part reads is its own business, not a reason to build it again.
    move || ready.get().then(|| children.lock().ok().and_then(|mut c| c.take()).map(|build| untrack(build)))
}

/// The element id the address's `#fragment` names, if any.
fn fragment_target() -> Option<String> {
    let hash = window().location().hash().ok()?;
    let id = hash.strip_prefix('#').filter(|h| !h.is_empty())?;
    Some(js_sys::decode_uri_component(id).ok().and_then(|s| s.as_string()).unwrap_or_else(|| id.to_string()))
}
