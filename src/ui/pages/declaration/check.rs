//! "Check your answers" (`/ho-so/:ma/kiem-tra`): every visible answer as the person will see it on
//! the declaration, with a change link per question, the errors left, and the papers report.

use std::sync::Arc;

use crate::ui::A;
use leptos::prelude::*;

use super::{today, with_form};
use crate::core::forms::{Context, FormDef};
use crate::ui::components::PapersReport;
use crate::ui::state::{use_dossiers, use_units};
use crate::ui::Page;

#[component]
pub fn CheckAnswers() -> impl IntoView {
    with_form(|dossier_id, form| view! { <CheckList dossier_id=dossier_id form=form/> })
}

#[component]
fn CheckList(dossier_id: String, form: Arc<FormDef>) -> impl IntoView {
    crate::ui::autosave::use_drafts().at_step(&dossier_id, "kiem-tra");
    let dossiers = use_dossiers();
    let units = use_units();
    let answers = dossiers.0.with_untracked(|d| d.get(&dossier_id).cloned().unwrap_or_default());
    let (title, back, papers_code) = (form.title.clone(), format!("/ho-so/{dossier_id}"), dossier_id.clone());
    let body = move || {
        let u = units.get().and_then(|r| r.ok());
        let (errors, _) = form.validate(&answers, None, Context { today: today(), units: u.as_deref() });
        let sections = form
            .sheet(&answers, u.as_deref())
            .into_iter()
            .map(|s| {
                let href = format!("/ho-so/{dossier_id}/to-khai/{}?quay-lai=kiem-tra", s.id);
                let lists = s
                    .items
                    .into_iter()
                    .map(|item| {
                        let rows = item
                            .rows
                            .into_iter()
                            .map(|row| {
                                let hidden = format!(" {}", row.label.to_lowercase());
                                view! {
                                    <div class="summary-list__row">
                                        <dt class="summary-list__key">{row.label}</dt>
                                        <dd class="summary-list__value">{row.value.unwrap_or_else(|| tr!("declaration.check.chua-tra-loi", "Chưa trả lời").into())}</dd>
                                        <dd class="summary-list__actions">
                                            <A href=href.clone()>{tr!("declaration.check.thay-doi", "Thay đổi")} <span class="visually-hidden">{hidden}</span></A>
                                        </dd>
                                    </div>
                                }
                            })
                            .collect_view();
                        view! { {item.heading.map(|h| view! { <h3>{h}</h3> })} <dl class="summary-list">{rows}</dl> }
                    })
                    .collect_view();
                view! { <h2>{s.title}</h2> {s.none.map(|n| view! { <p>{n}</p> })} {lists} }
            })
            .collect_view();
        let status = if errors.is_empty() {
            view! {
                <div class="notice notice--important" role="status">
                    <p><strong>{tr!("declaration.check.to-khai-da-du-va", "Tờ khai đã đủ và đúng theo các quy tắc hoso kiểm tra được.")}</strong></p>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="error-summary" role="alert">
                    <h2 class="error-summary__title">{tr!("declaration.check.con-cho-can-sua", "Còn {count} chỗ cần sửa hoặc bổ sung", count = errors.len())}</h2>
                    <ul class="error-summary__list">{errors.into_iter().map(|e| view! { <li>{e.message()}</li> }).collect_view()}</ul>
                </div>
            }
            .into_any()
        };
        view! { {status} {sections} }
    };
    let papers = crate::ui::state::with_dossier(
        move || papers_code.clone(),
        |dossier_id, p| view! { <PapersReport dossier_id=dossier_id.clone() p=p.clone()/> <h2>{tr!("declaration.check.xuat-ho-so", "Xuất hồ sơ")}</h2> <super::export::ExportPanel dossier_id=dossier_id p=p/> },
    );
    view! {
        <Page title={tr!("declaration.check.kiem-tra-cau-tra-loi", "Kiểm tra câu trả lời").to_string()}>
            <p class="caption">{title}</p>
            {body}
            <h2>{tr!("declaration.check.giay-to", "Giấy tờ")}</h2>
            {papers}
            <p><A href=format!("{back}/in")>{tr!("declaration.check.ban-in-to-khai-va", "Bản in tờ khai và danh sách giấy tờ mang theo khi đến nộp")}</A></p>
            <p><A href=back.clone()>{tr!("declaration.check.dinh-kem-hoac-xem-lai", "Đính kèm hoặc xem lại giấy tờ")}</A></p>
            <p><A href=back>{tr!("declaration.check.quay-lai-danh-sach-viec", "Quay lại danh sách việc cần làm")}</A></p>
        </Page>
    }
}
