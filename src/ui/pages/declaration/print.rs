//! `/ho-so/:ma/in`: the declaration as it is printed and signed (national heading, title, the
//! answers numbered as on the official template, date and signature), and "Giấy tờ mang theo khi
//! đến nộp": the originals shown in person and the papers attached, to check off at the desk.
//! The answer sheet the PDF prints (`FormDef::printed_sheet`: the template's words, without the
//! questions about who submits); a button prints the page.

use std::sync::Arc;

use crate::ui::A;
use leptos::prelude::*;

use super::with_form_in;
use crate::core::checklist::{Need, Status};
use crate::core::forms::{Context, FormDef};
use crate::core::package::print;
use crate::ui::components::use_checklist;
use crate::ui::state::{use_dossiers, use_units};
use crate::ui::Page;

#[component]
pub fn PrintPage() -> impl IntoView {
    // The declaration is printed in the agency's language.
    with_form_in(true, |dossier_id, form, p| view! { <PrintView dossier_id=dossier_id form=form p=p/> })
}

#[component]
fn PrintView(dossier_id: String, form: Arc<FormDef>, p: Arc<crate::core::catalogue::Procedure>) -> impl IntoView {
    let (dossiers, units) = (use_dossiers(), use_units());
    let answers = dossiers.0.with_untracked(|d| d.get(&dossier_id).cloned().unwrap_or_default());
    let (title, template) = (form.title.to_uppercase(), form.template.clone());
    // The answers, the pledge and the signatures, from the answers normalised once a render as the
    // rules normalise them (names capitalised, numbers spaced), as the PDF prints them.
    let sheet = move || {
        let u = units.get().and_then(|r| r.ok());
        let normalized = form.validate(&answers, None, Context { today: super::today(), units: u.as_deref() }).1;
        let mut number = 0;
        // The declaration is in the agency's language whatever the person reads.
        let rows = crate::core::i18n::in_vietnamese(|| form.printed_sheet(&normalized, u.as_deref()))
            .into_iter()
            .map(|s| {
                let items = s
                    .items
                    .into_iter()
                    .map(|item| {
                        let rows = item
                            .rows
                            .into_iter()
                            .map(|row| {
                                number += 1;
                                let value = row.value.unwrap_or_else(|| "……………………".into());
                                view! { <p class="print-sheet__row">{print::numbered(number, &row.label)}" "<strong>{value}</strong></p> }
                            })
                            .collect_view();
                        view! { {item.heading.map(|h| view! { <h3>{h}</h3> })} {rows} }
                    })
                    .collect_view();
                view! { <h2>{s.title}</h2> {s.none.map(|n| view! { <p>{n}</p> })} {items} }
            })
            .collect_view();
        let signatures = print::signatures(&form, &normalized, super::today())
            .into_iter()
            .map(|s| view! { <p><strong>{s.title}</strong><br/>{s.hint}<br/><strong class="print-sheet__signed">{s.name}</strong></p> })
            .collect_view();
        view! {
            {rows}
            <p>{print::pledge(&form).to_string()}</p>
            <p class="print-sheet__date">{print::DATE_BLANK}</p>
            <div class="print-sheet__sign">{signatures}</div>
        }
    };
    // The procedure, loaded once with the form: its agency heads the sheet, its papers follow it.
    let to = print::addressee(crate::core::package::agency(&p).as_deref());
    let back = format!("/ho-so/{dossier_id}/kiem-tra");
    view! {
        <Page title={tr!("declaration.print.ban-in-to-khai", "Bản in tờ khai").to_string()}>
            <p class="no-print">{tr!("declaration.print.in-to-khai-ky-va", "In tờ khai, ký và ghi rõ họ tên. Mang theo cùng các giấy tờ dưới đây khi đến nộp.")}</p>
            <p class="no-print button-group">
                <button type="button" class="button" on:click=|_| { let _ = window().print(); }>{tr!("declaration.print.in-trang-nay", "In trang này")}</button>
                <A href=back>{tr!("declaration.print.quay-lai-kiem-tra-cau", "Quay lại kiểm tra câu trả lời")}</A>
            </p>
            <section class="print-sheet" lang="vi" aria-label={tr!("declaration.print.to-khai", "Tờ khai")}>
                <p class="print-sheet__nation">{print::NATION}<br/><span>{print::MOTTO}</span></p>
                <p class="print-sheet__title">{title}</p>
                <p class="print-sheet__template">{template}</p>
                <p class="print-sheet__to">{to}</p>
                {sheet}
            </section>
            <BringList dossier_id=dossier_id.clone() p=p/>
        </Page>
    }
}

/// The papers to bring: originals shown in person, and each paper attached (its original, in
/// case the desk asks to compare).
#[component]
fn BringList(dossier_id: String, p: Arc<crate::core::catalogue::Procedure>) -> impl IntoView {
    let entries = use_checklist(&dossier_id, &p);
    move || {
        let entries = entries.get();
        let show: Vec<_> = entries.iter().filter(|e| e.need == Need::BringInPerson).map(|e| e.name.clone()).collect();
        let attached: Vec<_> = entries.iter().filter(|e| matches!(e.status, Status::Attached(_))).map(|e| e.name.clone()).collect();
        let list = |names: Vec<String>| names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view();
        view! {
            <section class="print-bring">
                <h2>{tr!("declaration.print.giay-to-mang-theo-khi", "Giấy tờ mang theo khi đến nộp")}</h2>
                {(!show.is_empty()).then(|| view! {
                    <h3>{tr!("declaration.print.ban-chinh-de-can-bo", "Bản chính để cán bộ đối chiếu")}</h3>
                    <ul class="checklist-print">{list(show)}</ul>
                })}
                {(!attached.is_empty()).then(|| view! {
                    <h3>{tr!("declaration.print.ban-chinh-cua-cac-giay", "Bản chính của các giấy tờ đã đính kèm (nếu cán bộ yêu cầu đối chiếu)")}</h3>
                    <ul class="checklist-print">{list(attached)}</ul>
                })}
            </section>
        }
    }
}
