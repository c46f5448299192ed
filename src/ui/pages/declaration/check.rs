//! "Check your answers" (`/ho-so/:ma/kiem-tra`): every visible answer as the person will see it on
//! the declaration, with a change link per question, the errors left, and the papers report.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use super::{today, with_form};
use crate::core::forms::{Context, FormDef, Slot};
use crate::ui::components::PapersReport;
use crate::ui::state::{use_dossiers, use_units};
use crate::ui::Page;

#[component]
pub fn CheckAnswers() -> impl IntoView {
    with_form(|code, form| view! { <CheckList code=code form=form/> })
}

#[component]
fn CheckList(code: String, form: Arc<FormDef>) -> impl IntoView {
    let dossiers = use_dossiers();
    let units = use_units();
    let answers = dossiers.0.with_untracked(|d| d.get(&code).cloned().unwrap_or_default());
    let (title, back, papers_code) = (form.title.clone(), format!("/ho-so/{code}"), code.clone());
    let body = move || {
        let u = units.get().and_then(|r| r.ok());
        let (errors, _) = form.validate(&answers, None, Context { today: today(), units: u.as_deref() });
        let sections = form
            .sections
            .iter()
            .filter(|s| form.section_visible(s, &answers))
            .map(|s| {
                let href = format!("/ho-so/{code}/to-khai/{}?quay-lai=kiem-tra", s.id);
                let slots = form.slots(s, &answers);
                let empty = (slots.is_empty())
                    .then(|| view! { <p>{format!("Không có {}.", s.repeat.as_ref().map(|r| r.item.to_lowercase()).unwrap_or_default())}</p> });
                let lists = slots
                    .into_iter()
                    .map(|slot| {
                        let item_view = form.view(s, &answers, slot);
                        let heading = match (slot, &s.repeat) {
                            (Slot::Item(n), Some(r)) => Some(view! { <h3>{format!("{} {n}", r.item)}</h3> }),
                            _ => None,
                        };
                        let rows = s
                            .fields
                            .iter()
                            .filter(|f| form.field_visible(s, f, &item_view))
                            .map(|f| {
                                let value = item_view
                                    .get(&f.id)
                                    .filter(|v| !v.trim().is_empty())
                                    .map(|v| FormDef::display(f, v, u.as_deref()))
                                    .unwrap_or_else(|| "Chưa trả lời".into());
                                let (label, hidden) = (f.label.clone(), format!(" {}", f.label.to_lowercase()));
                                view! {
                                    <div class="summary-list__row">
                                        <dt class="summary-list__key">{label}</dt>
                                        <dd class="summary-list__value">{value}</dd>
                                        <dd class="summary-list__actions">
                                            <A href=href.clone()>"Thay đổi" <span class="visually-hidden">{hidden}</span></A>
                                        </dd>
                                    </div>
                                }
                            })
                            .collect_view();
                        view! { {heading} <dl class="summary-list">{rows}</dl> }
                    })
                    .collect_view();
                view! { <h2>{s.title.clone()}</h2> {empty} {lists} }
            })
            .collect_view();
        let status = if errors.is_empty() {
            view! {
                <div class="notice notice--important" role="status">
                    <p><strong>"Tờ khai đã đủ và đúng theo các quy tắc hoso kiểm tra được."</strong></p>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="error-summary" role="alert">
                    <h2 class="error-summary__title">{format!("Còn {} chỗ cần sửa hoặc bổ sung", errors.len())}</h2>
                    <ul class="error-summary__list">{errors.into_iter().map(|e| view! { <li>{e.message()}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any()
        };
        view! { {status} {sections} }
    };
    let papers = crate::ui::state::with_dossier(move || papers_code.clone(), |p| view! { <PapersReport p=p/> });
    view! {
        <Page title="Kiểm tra câu trả lời".to_string()>
            <p class="caption">{title}</p>
            {body}
            <h2>"Giấy tờ"</h2>
            {papers}
            <p><A href=back.clone()>"Đính kèm hoặc xem lại giấy tờ"</A></p>
            <p><A href=back>"Quay lại danh sách việc cần làm"</A></p>
        </Page>
    }
}
