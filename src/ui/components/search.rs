//! The search box with results that follow each keystroke.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::ui::A;

use super::ProcedureList;
use crate::core::catalogue::curated::LIFE_EVENTS;
use crate::core::search::Query;
use crate::web::catalogue::Catalogue;
use crate::web::fetch::LoadError;

const SHOWN: usize = 20;

/// The search box shows at once; the catalogue index (74 kB) is fetched when the citizen first
/// reaches for the box (focus, typing, opening the filters) or when the address already holds a
/// query (`/?q=…`), so the home page needs no data to show and answer a tap. A host (or a test)
/// that already holds a catalogue passes it.
#[component]
pub fn Search(#[prop(optional)] catalogue: Option<Arc<Catalogue>>) -> impl IntoView {
    let given = catalogue;
    let initial = use_query_map().get_untracked().get("q").unwrap_or_default();
    let wanted = RwSignal::new(!initial.trim().is_empty());
    let want = move || {
        if !wanted.get_untracked() {
            wanted.set(true);
        }
    };
    let catalogue: LocalResource<Option<Result<Arc<Catalogue>, LoadError>>> = LocalResource::new(move || {
        let go = wanted.get();
        let given = given.clone();
        async move {
            match (given, go) {
                (Some(c), _) => Some(Ok(c)),
                (None, true) => Some(crate::web::cache::catalogue().await),
                (None, false) => None,
            }
        }
    });
    let loaded = move || catalogue.get().flatten().and_then(Result::ok);
    let (text, set_text) = signal(initial);
    let (field, set_field) = signal(String::new());
    let (level, set_level) = signal(String::new());

    let hits = Memo::new(move |_| {
        let q = text.get();
        let field = field.get().parse::<u16>().ok();
        let level = level.get().parse::<u8>().ok();
        let cat = loaded()?;
        Some(cat.search().search(&Query { text: &q, field, level, limit: SHOWN }))
    });

    let field_options = move || loaded().map(|c| options(&c.index.fields));
    let level_options = move || loaded().map(|c| options(&c.index.levels));

    let results = move || {
        let q = text.get();
        if q.trim().is_empty() {
            return view! { <p class="hint" role="status">{tr!("search.go-vai-chu-de-tim", "Gõ vài chữ để tìm, có dấu hay không dấu đều được.")}</p> }
                .into_any();
        }
        if let Some(Some(Err(e))) = catalogue.get() {
            return view! {
                <div class="error-box" role="alert">
                    <p><strong>{tr!("search.chua-tai-duoc-danh-muc", "Chưa tải được danh mục thủ tục. ")}</strong>{e.to_string()}</p>
                </div>
            }
            .into_any();
        }
        let (Some(cat), Some(found)) = (loaded(), hits.get()) else {
            return view! { <p class="loading" role="status">{tr!("search.dang-tai-danh-muc-thu", "Đang tải danh mục thủ tục…")}</p> }.into_any();
        };
        let status = if found.is_empty() {
            tr!(
                "search.khong-tim-thay-thu-tuc",
                "Không tìm thấy thủ tục nào cho «{query}». Hãy thử cách nói khác, ví dụ «khai sinh», «sổ đỏ», «tạm trú».",
                query = q.trim()
            )
        } else if found.len() == SHOWN {
            tr!("search.thu-tuc-phu-hop-nhat", "{shown} thủ tục phù hợp nhất với «{query}»:", shown = SHOWN, query = q.trim())
        } else {
            tr!("search.thu-tuc-phu-hop", "{count} thủ tục phù hợp với «{query}»:", count = found.len(), query = q.trim())
        };
        // How the words were read ("bằng lái" → "giấy phép lái xe"), so a person sees why.
        let understood: Vec<String> =
            cat.search().understood(&q).iter().map(|e| tr!("search.la", "«{says}» là «{means}»", says = e.says, means = e.means)).collect();
        let understood = (!understood.is_empty() && !found.is_empty())
            .then(|| view! { <p class="search__understood">{tr!("search.da-hieu", "Đã hiểu: ")} {understood.join("; ")} "."</p> });
        let suggestion = cat.search().suggestion(&cat.index, &q).map(|s| {
            let go = s.clone();
            view! {
                <p class="search__suggestion">
                    {tr!("search.co-phai-ban-muon-tim", "Có phải bạn muốn tìm: ")}
                    <button type="button" class="link-button" on:click=move |_| {
                        crate::web::history::replace_search_query(&go);
                        set_text.set(go.clone());
                    }>{format!("«{s}»")}</button>
                    "?"
                </p>
            }
        });
        let nothing = found.is_empty();
        let (entries, also): (Vec<usize>, Vec<Vec<usize>>) = found.into_iter().map(|h| (h.entry, h.also)).unzip();
        view! {
            <p class="search__status" role="status">{status}</p>
            {suggestion}
            {understood}
            <ProcedureList catalogue=cat entries=entries also=also/>
            <NotFound open=nothing/>
        }
        .into_any()
    };

    view! {
        <form class="search" role="search" on:submit=|ev| ev.prevent_default()>
            <label class="search__label" for="tim-thu-tuc">{tr!("search.ban-can-lam-thu-tuc", "Bạn cần làm thủ tục gì?")}</label>
            <p class="search__help" id="tim-thu-tuc-goi-y">{tr!("search.vi-du-lam-giay-khai", "Ví dụ: làm giấy khai sinh cho con, xin giấy phép xây nhà, lý lịch tư pháp.")}</p>
            <input
                id="tim-thu-tuc"
                class="search__input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                aria-describedby="tim-thu-tuc-goi-y"
                prop:value=text
                on:focus=move |_| want()
                on:input=move |ev| {
                    want();
                    let v = event_target_value(&ev);
                    crate::web::history::replace_search_query(&v);
                    set_text.set(v);
                }
            />
            <details class="search__filters" on:toggle=move |_| want()>
                <summary>{tr!("search.loc-theo-linh-vuc-cap", "Lọc theo lĩnh vực, cấp thực hiện")}</summary>
                <div class="search__filter-row">
                    <label for="loc-linh-vuc">{tr!("search.linh-vuc", "Lĩnh vực")}</label>
                    <select id="loc-linh-vuc" on:change=move |ev| set_field.set(event_target_value(&ev))>
                        <option value="">{tr!("search.tat-ca-linh-vuc", "Tất cả lĩnh vực")}</option>
                        {field_options}
                    </select>
                </div>
                <div class="search__filter-row">
                    <label for="loc-cap">{tr!("search.cap-thuc-hien", "Cấp thực hiện")}</label>
                    <select id="loc-cap" on:change=move |ev| set_level.set(event_target_value(&ev))>
                        <option value="">{tr!("search.tat-ca-cac-cap", "Tất cả các cấp")}</option>
                        {level_options}
                    </select>
                </div>
            </details>
        </form>
        <section class="search__results" aria-label={tr!("search.ket-qua-tim-kiem", "Kết quả tìm kiếm")}>{results}</section>
    }
}

/// `<option value=i>name</option>` for each name, the value being its index.
fn options(names: &[String]) -> impl IntoView {
    names.iter().enumerate().map(|(i, n)| view! { <option value=i.to_string()>{n.clone()}</option> }).collect_view()
}

/// Under every result list: where to look when the wanted procedure is not there.
#[component]
fn NotFound(open: bool) -> impl IntoView {
    let events = LIFE_EVENTS
        .iter()
        .enumerate()
        .map(|(n, e)| view! { {(n > 0).then_some(" · ")}<A href=format!("/su-kien/{}", e.slug)>{e.shown_title()}</A> })
        .collect_view();
    view! {
        <details class="search__not-found" open=open>
            <summary>{tr!("search.khong-thay-thu-tuc-ban", "Không thấy thủ tục bạn cần?")}</summary>
            <p>{tr!("search.thu-noi-ngan-hon-bang", "Thử nói ngắn hơn, bằng từ chính của việc cần làm (ví dụ «cấp lại bằng lái», «tạm trú», «sổ đỏ»), có dấu hay không dấu đều được.")}</p>
            <p>{tr!("search.hoac-tim-theo-viec-dang", "Hoặc tìm theo việc đang cần: ")} {events} "."</p>
            <p><A href="/linh-vuc">{tr!("search.xem-tat-ca-thu-tuc", "Xem tất cả thủ tục theo lĩnh vực")}</A></p>
        </details>
    }
}
