//! `/ho-so/:ma`: the dossier's task list (GOV.UK "task list"): the declaration's sections with
//! their status, the papers the answers make necessary, a checklist of the papers to gather,
//! and "check your answers".

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::core::catalogue::present::{describe_quantity, group_documents};
use crate::core::catalogue::{DocumentKind, Procedure};
use crate::ui::Page;

#[component]
pub fn Dossier() -> impl IntoView {
    let params = use_params_map();
    crate::ui::state::with_procedure(move || params.read().get("ma").unwrap_or_default(), |p| view! { <TaskList p=p/> })
}

#[component]
fn TaskList(p: Arc<Procedure>) -> impl IntoView {
    let dossiers = crate::ui::state::use_dossiers();
    let form = crate::ui::state::form_def(&p.code, &p.name);
    let answers = dossiers.0.with_untracked(|d| d.get(&p.code).cloned().unwrap_or_default());
    let (done, total) = form.progress(&answers);
    let code = p.code.clone();
    let tasks = form
        .sections
        .iter()
        .filter(|s| form.section_visible(s, &answers))
        .map(|s| {
            let (tag, class) = match (form.section_done(s, &answers), form.section_started(s, &answers)) {
                (true, _) => ("Đã xong", "tag tag--done"),
                (_, true) => ("Đang làm", "tag tag--progress"),
                _ => ("Chưa bắt đầu", "tag"),
            };
            let href = format!("/ho-so/{code}/to-khai/{}", s.id);
            let title = s.title.clone();
            view! {
                <li class="task-list__item">
                    <A href=href attr:class="task-list__link">{title}</A>
                    <strong class=class>{tag}</strong>
                </li>
            }
        })
        .collect_view();
    let needed = form.documents_needed(&answers);
    let needed_view = (!needed.is_empty()).then(|| {
        let items = needed.iter().map(|d| view! { <li><strong>{d.document.clone()}</strong> " — " {d.because.clone()}</li> }).collect_view();
        view! {
            <div class="notice">
                <p><strong>"Theo câu trả lời của bạn, cần có:"</strong></p>
                <ul>{items}</ul>
            </div>
        }
    });
    let template = form.template.clone();
    let check_href = format!("/ho-so/{}/kiem-tra", p.code);
    view! {
        <Page title=format!("Hồ sơ: {}", p.name)>
            <p>"Làm lần lượt từng phần. Bạn có thể quay lại sửa bất cứ lúc nào; thông tin chỉ nằm trên máy này."</p>
            <h2>{format!("1. Tờ khai — đã xong {done}/{total} phần")}</h2>
            <p class="hint">{template}</p>
            <ul class="task-list">{tasks}</ul>
            <h2>"2. Giấy tờ cần chuẩn bị"</h2>
            {needed_view}
            <Checklist p=p.clone()/>
            <h2>"3. Kiểm tra"</h2>
            <p><A href=check_href attr:class="button">"Kiểm tra câu trả lời"</A></p>
        </Page>
    }
}

#[component]
fn Checklist(p: Arc<Procedure>) -> impl IntoView {
    let (ready, set_ready) = signal(BTreeSet::<usize>::new());
    let always: Vec<usize> = p.documents.iter().enumerate().filter(|(_, d)| d.condition.is_none()).map(|(i, _)| i).collect();
    let total_always = always.len();
    let left = move || always.iter().filter(|i| !ready.get().contains(i)).count();
    let groups = group_documents(&p.documents)
        .into_iter()
        .map(|(condition, docs)| {
            let title = condition.map(|c| format!("Nếu: {c}")).unwrap_or_else(|| "Mọi trường hợp đều cần".into());
            let items = docs
                .into_iter()
                .map(|d| {
                    let i = p.documents.iter().position(|x| std::ptr::eq(x, d)).expect("grouped from p.documents");
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
        <p>"Đánh dấu những giấy tờ bạn đã có."</p>
        <p class="checklist__status" role="status" aria-live="polite"><strong>{status}</strong></p>
        {groups}
        <p><A href=format!("/thu-tuc/{}", p.code)>"Xem lại thông tin thủ tục"</A></p>
    }
}
