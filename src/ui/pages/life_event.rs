//! `/su-kien/:slug`: the procedures a life event usually involves.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::core::catalogue::curated::life_event;
use crate::ui::components::ProcedureList;
use crate::ui::pages::NotFound;
use crate::ui::state::with_catalogue;
use crate::ui::Page;

#[component]
pub fn LifeEvent() -> impl IntoView {
    let params = use_params_map();
    move || {
        let slug = params.read().get("slug").unwrap_or_default();
        let Some(event) = life_event(&slug) else { return view! { <NotFound/> }.into_any() };
        view! {
            <Page title=event.shown_title()>
                <p class="lead">{event.shown_summary()}</p>
                {with_catalogue(move |c| {
                    let entries: Vec<usize> = event.codes.iter().filter_map(|code| c.index.entries.iter().position(|e| e.code() == *code)).collect();
                    view! { <ProcedureList catalogue=c entries=entries/> }
                })}
            </Page>
        }
        .into_any()
    }
}
