//! A list of procedures, each a link with its code, field and level.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::web::catalogue::Catalogue;

#[component]
pub fn ProcedureList(catalogue: Arc<Catalogue>, entries: Vec<usize>) -> impl IntoView {
    let items = entries
        .into_iter()
        .filter_map(|i| catalogue.index.entries.get(i).map(|e| (e.clone(), catalogue.index.field_of(e).to_string(), catalogue.index.levels_of(e).join(", "))))
        .map(|(e, field, levels)| {
            let href = format!("/thu-tuc/{}", e.code());
            let (name, code) = (e.name().to_string(), e.code().to_string());
            view! {
                <li class="procedure-list__item">
                    <A href=href attr:class="procedure-list__link">{name}</A>
                    <span class="procedure-list__meta">"Mã " {code} " · " {field} " · " {levels}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="procedure-list">{items}</ul> }
}
