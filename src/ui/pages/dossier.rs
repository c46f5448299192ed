//! `/ho-so/:ma`: the dossier's task list (GOV.UK "task list"): the declaration's sections with
//! their status, every paper with its status and its files (`components::Papers`), and "check
//! your answers".

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::core::catalogue::Procedure;
use crate::ui::components::{DraftFile, Papers};
use crate::ui::Page;

#[component]
pub fn Dossier() -> impl IntoView {
    let params = use_params_map();
    crate::ui::state::with_dossier(move || params.read().get("ma").unwrap_or_default(), |id, p| view! { <TaskList id=id p=p/> })
}

#[component]
fn TaskList(id: String, p: Arc<Procedure>) -> impl IntoView {
    let dossiers = crate::ui::state::use_dossiers();
    crate::ui::autosave::use_drafts().at_step(&id, "");
    let form = Arc::new(crate::core::forms::form_of(&p.code, &p.name));
    let code = id.clone();
    // Follows the answers (a draft file opened here replaces them).
    let answers = Memo::new(move |_| dossiers.0.with(|d| d.get(&code).cloned().unwrap_or_default()));
    let progress = {
        let form = form.clone();
        move || {
            let (done, total) = answers.with(|a| form.progress(a));
            format!("1. Tờ khai — đã xong {done}/{total} phần")
        }
    };
    let code = id.clone();
    let listed = form.clone();
    let tasks = move || {
        let (form, answers) = (&listed, answers.get());
        form.sections
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
            .collect_view()
    };
    let template = form.template.clone();
    let check_href = format!("/ho-so/{id}/kiem-tra");
    view! {
        <Page title=format!("Hồ sơ: {}", crate::core::dossier::title(&id, &p.name))>
            <p>"Làm lần lượt từng phần. Bạn có thể quay lại sửa bất cứ lúc nào; thông tin chỉ nằm trên máy này."</p>
            <MemoryOnlyChoice/>
            <ProcedureChanged id=id.clone() p=p.clone()/>
            <h2>{progress}</h2>
            <p class="hint">{template}</p>
            <ul class="task-list">{tasks}</ul>
            <h2>"2. Giấy tờ"</h2>
            <Papers dossier_id=id.clone() p=p.clone()/>
            <p><A href=format!("/thu-tuc/{}", p.code)>"Xem lại thông tin thủ tục"</A></p>
            <ChannelChoice id=id.clone() p=p.clone()/>
            <h2>"4. Kiểm tra"</h2>
            <p><A href=check_href attr:class="button">"Kiểm tra câu trả lời"</A></p>
            <h2>"Làm tiếp ở máy khác"</h2>
            <DraftFile dossier_id=Some(id.clone())/>
        </Page>
    }
}

/// "Không lưu trên máy này": for a shared computer, the dossier stays in this page only (the
/// choice lasts for this browser session).
#[component]
fn MemoryOnlyChoice() -> impl IntoView {
    let drafts = crate::ui::autosave::use_drafts();
    view! {
        <div class="checklist__item">
            <input type="checkbox" id="khong-luu" prop:checked=move || drafts.memory_only.get()
                on:change=move |ev| drafts.set_memory_only(event_target_checked(&ev))/>
            <label for="khong-luu">
                "Không lưu trên máy này (máy dùng chung)"
                <span class="doc__how">
                    " — hồ sơ chỉ nằm trong trang này đến khi bạn đóng; những gì đã lưu trên máy sẽ bị xoá. Chỉ áp dụng cho lần dùng này."
                </span>
            </label>
        </div>
    }
}

/// A dossier started before the procedure changed in the catalogue: what changed (papers added or
/// removed, fee, time limit), until the person says they have seen it.
#[component]
fn ProcedureChanged(id: String, p: Arc<Procedure>) -> impl IntoView {
    let drafts = crate::ui::autosave::use_drafts();
    let changes = drafts.changes_since(&id, &p);
    if changes.is_empty() {
        // Nothing to tell: the dossier now follows the procedure as it is.
        drafts.take_basis(&id, &p);
        return None;
    }
    let shown = RwSignal::new(true);
    let messages: Vec<String> = changes.iter().map(|c| c.message()).collect();
    let seen = move |_| {
        drafts.take_basis(&id, &p);
        shown.set(false);
    };
    Some(view! {
        <Show when=move || shown.get()>
            <div class="notice notice--important" role="status">
                <h2>"Thủ tục này đã thay đổi từ khi bạn bắt đầu hồ sơ"</h2>
                <ul>{messages.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
                <p class="hint">"Hồ sơ của bạn vẫn còn nguyên; hãy xem lại các giấy tờ bên dưới."</p>
                <button type="button" class="button button--secondary" on:click=seen.clone()>"Đã hiểu"</button>
            </div>
        </Show>
    })
}

/// "Cách nộp": how the person means to submit, each way with its time limit and fee; kept with the
/// dossier (the printed receipt and the package's manifest say it).
#[component]
fn ChannelChoice(id: String, p: Arc<Procedure>) -> impl IntoView {
    use crate::core::catalogue::present::{describe_fee, describe_time, ways};
    let drafts = crate::ui::autosave::use_drafts();
    let ways = ways(&p.channels);
    if ways.is_empty() {
        return None;
    }
    let chosen = RwSignal::new(drafts.channel(&id));
    let options = ways
        .into_iter()
        .enumerate()
        .map(|(i, (mode, rows))| {
            let details = rows
                .iter()
                .map(|c| {
                    let fee = format!("lệ phí: {}{}", describe_fee(c), c.fee_note.as_deref().unwrap_or_default());
                    match describe_time(c) {
                        Some(time) => format!("thời hạn: {time}; {fee}"),
                        None => fee,
                    }
                })
                .collect::<Vec<_>>()
                .join(" · ");
            let dom = format!("cach-nop-{i}");
            let id = id.clone();
            view! {
                <div class="radio">
                    <input class="radio__input" type="radio" name="cach-nop" id=dom.clone() prop:checked=move || chosen.get() == Some(mode)
                        on:change=move |_| {
                            chosen.set(Some(mode));
                            drafts.choose_channel(id.clone(), mode);
                        }/>
                    <label class="radio__label" for=dom>{mode.label_vi()}<span class="doc__how">{format!(" — {details}")}</span></label>
                </div>
            }
        })
        .collect_view();
    Some(view! {
        <h2>"3. Cách nộp"</h2>
        <fieldset class="fieldset">
            <legend class="label">"Bạn định nộp hồ sơ bằng cách nào?"</legend>
            <p class="hint">"Có thể đổi sau. Bản in giấy biên nhận và gói hồ sơ sẽ ghi cách bạn chọn."</p>
            <div class="radios">{options}</div>
        </fieldset>
    })
}
