//! `/ho-so/:ma`: start a dossier — for now, a checklist of the papers to gather, ticked as the
//! person finds them. The declaration form (tờ khai) joins this page with the forms issue.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::core::catalogue::present::{describe_quantity, group_documents};
use crate::core::catalogue::{DocumentKind, Procedure};
use crate::ui::pages::NotFound;
use crate::ui::Page;

#[component]
pub fn Dossier() -> impl IntoView {
    let params = use_params_map();
    let procedure = crate::ui::state::procedure_resource(move || params.read().get("ma").unwrap_or_default());
    move || match procedure.get() {
        None => view! { <div class="container page"><p class="loading" role="status">"Đang tải…"</p></div> }.into_any(),
        Some(Err(e)) => view! { <Page title="Chưa tải được thủ tục".to_string()><div class="error-box" role="alert"><p>{e}</p></div></Page> }.into_any(),
        Some(Ok(None)) => view! { <NotFound/> }.into_any(),
        Some(Ok(Some(p))) => view! { <Checklist p=p/> }.into_any(),
    }
}

#[component]
fn Checklist(p: Arc<Procedure>) -> impl IntoView {
    let (ready, set_ready) = signal(BTreeSet::<usize>::new());
    let always: Vec<usize> = p.documents.iter().enumerate().filter(|(_, d)| d.condition.is_none()).map(|(i, _)| i).collect();
    let total_always = always.len();
    let left = move || always.iter().filter(|i| !ready.get().contains(i)).count();
    let mut index = 0usize;
    let groups = group_documents(&p.documents)
        .into_iter()
        .map(|(condition, docs)| {
            let title = condition.map(|c| format!("Nếu: {c}")).unwrap_or_else(|| "Mọi trường hợp đều cần".into());
            let items = docs
                .into_iter()
                .map(|d| {
                    let i = p.documents.iter().position(|x| std::ptr::eq(x, d)).unwrap_or(index);
                    index += 1;
                    let id = format!("giay-to-{i}");
                    let how = match d.kind {
                        DocumentKind::Submit => describe_quantity(d),
                        DocumentKind::Present => "mang bản chính để đối chiếu".into(),
                    };
                    let toggle = move |ev: leptos::ev::Event| {
                        let on = event_target_checked(&ev);
                        set_ready.update(|s| {
                            if on {
                                s.insert(i);
                            } else {
                                s.remove(&i);
                            }
                        });
                    };
                    view! {
                        <li class="checklist__item">
                            <input type="checkbox" id=id.clone() on:change=toggle/>
                            <label for=id>{d.name.clone()} <span class="doc__how">" — " {how}</span></label>
                        </li>
                    }
                })
                .collect_view();
            view! { <h3 class="doc-group__title">{title}</h3> <ul class="checklist">{items}</ul> }
        })
        .collect_view();
    let status = move || match left() {
        0 if total_always > 0 => "Bạn đã có đủ các giấy tờ mọi trường hợp đều cần. Hãy xem thêm các giấy tờ theo trường hợp của mình.".to_string(),
        0 => "Thủ tục này không có giấy tờ bắt buộc cho mọi trường hợp; hãy xem theo trường hợp của mình.".to_string(),
        n => format!("Còn thiếu {n} trong {total_always} giấy tờ mọi trường hợp đều cần."),
    };
    view! {
        <Page title=format!("Chuẩn bị hồ sơ: {}", p.name)>
            <p>
                "Đánh dấu những giấy tờ bạn đã có. Danh sách chỉ nằm trên máy này. "
                "Tờ khai điện tử cho thủ tục này sẽ có ở bước tiếp theo của hoso."
            </p>
            <p class="checklist__status" role="status" aria-live="polite"><strong>{status}</strong></p>
            {groups}
            <p><A href=format!("/thu-tuc/{}", p.code)>"Xem lại thông tin thủ tục"</A></p>
        </Page>
    }
}
