//! A list of procedures, each a link with its code, field and level.

use std::sync::Arc;

use crate::ui::A;
use leptos::prelude::*;

use crate::web::catalogue::Catalogue;

#[component]
pub fn ProcedureList(
    catalogue: Arc<Catalogue>,
    entries: Vec<usize>,
    /// For each entry, the same procedure carried out at other levels (search results).
    #[prop(optional)]
    also: Vec<Vec<usize>>,
) -> impl IntoView {
    let items = entries
        .into_iter()
        .enumerate()
        .filter_map(|(k, i)| {
            let e = catalogue.index.entries.get(i)?;
            let others: Vec<(String, String)> = also
                .get(k)
                .into_iter()
                .flatten()
                .filter_map(|&o| catalogue.index.entries.get(o))
                .map(|o| (format!("/thu-tuc/{}", o.code()), catalogue.index.levels_of(o).join(", ")))
                .collect();
            Some((e.clone(), catalogue.index.field_of(e).to_string(), catalogue.index.levels_of(e).join(", "), others))
        })
        .map(|(e, field, levels, others)| {
            let href = format!("/thu-tuc/{}", e.code());
            let (name, code) = (e.name().to_string(), e.code().to_string());
            let others = (!others.is_empty()).then(|| {
                let links =
                    others.into_iter().enumerate().map(|(n, (href, level))| view! { {(n > 0).then_some(" · ")}<A href=href>{level}</A> }).collect_view();
                view! { <span class="procedure-list__also">{tr!("procedure_list.cung-thu-tuc-lam-o", "Cùng thủ tục, làm ở nơi khác: ")} {links}</span> }
            });
            view! {
                <li class="procedure-list__item">
                    <A href=href attr:class="procedure-list__link" attr:lang="vi">{name}</A>
                    <span class="procedure-list__meta">{tr!("procedure_list.ma", "Mã ")} {code} " · " {field} " · " {levels}</span>
                    {others}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="procedure-list">{items}</ul> }
}
