//! `/linh-vuc` (all fields) and `/linh-vuc/:slug` (the procedures of one field).

use crate::ui::A;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::core::text::slug;
use crate::ui::components::ProcedureList;
use crate::ui::pages::NotFound;
use crate::ui::state::with_catalogue;
use crate::ui::Page;

#[component]
pub fn Fields() -> impl IntoView {
    view! {
        <Page title={tr!("fields.thu-tuc-theo-linh-vuc", "Thủ tục theo lĩnh vực").to_string()}>
            {with_catalogue(|c| {
                let items = c.index.fields.iter().enumerate().map(|(i, f)| {
                    let count = c.index.entries.iter().filter(|e| e.2 as usize == i).count();
                    let (href, name) = (format!("/linh-vuc/{}", slug(f)), f.clone());
                    view! { <li><A href=href>{name}</A> " (" {count} ")"</li> }
                }).collect_view();
                view! {
                    <p>{tr!("fields.linh-vuc-thu-tuc", "{fields} lĩnh vực, {procedures} thủ tục.", fields = c.index.fields.len(), procedures = c.index.entries.len())}</p>
                    <ul class="columns">{items}</ul>
                }
            })}
        </Page>
    }
}

#[component]
pub fn Field() -> impl IntoView {
    let params = use_params_map();
    with_catalogue(move |c| {
        let wanted = params.read().get("slug").unwrap_or_default();
        let Some(i) = c.index.fields.iter().position(|f| slug(f) == wanted) else { return view! { <NotFound/> }.into_any() };
        let entries: Vec<usize> = (0..c.index.entries.len()).filter(|&k| c.index.entries[k].2 as usize == i).collect();
        view! {
            <Page title=tr!("fields.linh-vuc-title", "Lĩnh vực {name}", name = c.index.fields[i])>
                <p>{tr!("fields.thu-tuc-count", "{count} thủ tục.", count = entries.len())} " " <A href="/linh-vuc">{tr!("fields.cac-linh-vuc-khac", "Các lĩnh vực khác")}</A></p>
                <ProcedureList catalogue=c.clone() entries=entries/>
            </Page>
        }
        .into_any()
    })
}
