//! The search box with results that follow each keystroke.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::ProcedureList;
use crate::core::search::Query;
use crate::web::catalogue::Catalogue;

const SHOWN: usize = 20;

#[component]
pub fn Search(catalogue: Arc<Catalogue>) -> impl IntoView {
    let initial = use_query_map().get_untracked().get("q").unwrap_or_default();
    let (text, set_text) = signal(initial);
    let (field, set_field) = signal(String::new());
    let (level, set_level) = signal(String::new());

    let cat = catalogue.clone();
    let hits = Memo::new(move |_| {
        let q = text.get();
        let field = field.get().parse::<u16>().ok();
        let level = level.get().parse::<u8>().ok();
        cat.search().search(&Query { text: &q, field, level, limit: SHOWN }).into_iter().map(|h| h.entry).collect::<Vec<_>>()
    });

    let field_options = options(&catalogue.index.fields);
    let level_options = options(&catalogue.index.levels);

    let cat = catalogue.clone();
    let results = move || {
        let q = text.get();
        let found = hits.get();
        if q.trim().is_empty() {
            return view! { <p class="hint" role="status">"Gõ vài chữ để tìm, có dấu hay không dấu đều được."</p> }.into_any();
        }
        let status = if found.is_empty() {
            format!("Không tìm thấy thủ tục nào cho «{}». Hãy thử cách nói khác, ví dụ «khai sinh», «sổ đỏ», «tạm trú».", q.trim())
        } else if found.len() == SHOWN {
            format!("{SHOWN} thủ tục phù hợp nhất với «{}»:", q.trim())
        } else {
            format!("{} thủ tục phù hợp với «{}»:", found.len(), q.trim())
        };
        view! {
            <p class="search__status" role="status">{status}</p>
            <ProcedureList catalogue=cat.clone() entries=found/>
        }
        .into_any()
    };

    view! {
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label class="search__label" for="tim-thu-tuc">"Bạn cần làm thủ tục gì?"</label>
            <p class="search__help" id="tim-thu-tuc-goi-y">"Ví dụ: làm giấy khai sinh cho con, xin giấy phép xây nhà, lý lịch tư pháp."</p>
            <input
                id="tim-thu-tuc"
                class="search__input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="tim-thu-tuc-goi-y"
                prop:value=text
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    crate::web::history::replace_search_query(&v);
                    set_text.set(v);
                }
            />
            <details class="search__filters">
                <summary>"Lọc theo lĩnh vực, cấp thực hiện"</summary>
                <div class="search__filter-row">
                    <label for="loc-linh-vuc">"Lĩnh vực"</label>
                    <select id="loc-linh-vuc" on:change=move |ev| set_field.set(event_target_value(&ev))>
                        <option value="">"Tất cả lĩnh vực"</option>
                        {field_options}
                    </select>
                </div>
                <div class="search__filter-row">
                    <label for="loc-cap">"Cấp thực hiện"</label>
                    <select id="loc-cap" on:change=move |ev| set_level.set(event_target_value(&ev))>
                        <option value="">"Tất cả các cấp"</option>
                        {level_options}
                    </select>
                </div>
            </details>
        </form>
        <section class="search__results" aria-label="Kết quả tìm kiếm">{results}</section>
    }
}

/// `<option value=i>name</option>` for each name, the value being its index.
fn options(names: &[String]) -> impl IntoView {
    names.iter().enumerate().map(|(i, n)| view! { <option value=i.to_string()>{n.clone()}</option> }).collect_view()
}
