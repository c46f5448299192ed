//! "Đọc to": a button beside a question, an error or a paper that reads it aloud, there when the
//! person turns on "Nút đọc to" under "Hiển thị" (`ui::app::DisplayChosen`). What is read and in which
//! pieces is `core::speech`; `web::speech` speaks. Without a Vietnamese voice the button says how to
//! add one, never nothing.

use leptos::prelude::*;

/// `about` names what is read for a screen reader ("Đọc to: Họ và tên"); `texts` are read in order
/// at the press (their values then), in the interface's language, or in Vietnamese when they are
/// the catalogue's own words (`published`: a paper's name).
#[component]
pub fn ReadAloud(#[prop(into)] about: String, #[prop(into)] texts: Signal<Vec<String>>, #[prop(optional)] published: bool) -> impl IntoView {
    let lang = if published { crate::core::i18n::Lang::Vi } else { crate::core::i18n::current() };
    let chosen = use_context::<crate::ui::DisplayChosen>();
    let problem = RwSignal::new(None::<&'static str>);
    let read = move |_| {
        let pieces = crate::core::speech::pieces_of(texts.get_untracked().iter().map(String::as_str));
        leptos::task::spawn_local(async move {
            problem.set(crate::web::speech::speak(pieces, lang).await.err().map(|p| p.message()));
        });
    };
    let name = tr!("read_aloud.doc-to", "Đọc to: {about}", about = about);
    move || {
        chosen.is_some_and(|c| c.0.get().read_aloud).then(|| {
            view! {
                <button type="button" class="read-aloud" aria-label=name.clone() on:click=read>
                    <span aria-hidden="true">"🔊 "</span>{tr!("read_aloud.doc-to-2", "Đọc to")}
                </button>
                <p class="read-aloud__problem" role="status">{move || problem.get()}</p>
            }
        })
    }
}
