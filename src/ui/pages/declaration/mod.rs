//! The declaration (tờ khai), one section per page, then "check your answers"
//! (`/ho-so/:ma/to-khai/:phan`, `/ho-so/:ma/kiem-tra`). GOV.UK patterns: an error summary at
//! the top that takes focus and links to each field, inline messages, nothing typed is lost.

use std::sync::Arc;

use crate::ui::A;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::core::forms::{count_key, item_key, Answers, Context, Field, FieldError, FormDef, Item, Repeat, Section, Slot};
use crate::ui::autosave::{use_drafts, SaveLine};
use crate::ui::components::{dom_id, FormField};
use crate::ui::focus::{focus_by_id, focus_by_id_later};
use crate::ui::pages::NotFound;
use crate::ui::state::{use_dossiers, use_units};
use crate::ui::Page;

mod card_scan;
mod check;
mod export;
mod print;
pub use check::CheckAnswers;
pub use print::PrintPage;

fn today() -> crate::core::calendar::Date {
    crate::web::clock::now().date
}

/// The dossier in the route (its id) and its procedure's form, once the procedure and its form have loaded.
fn with_form<V: IntoView + 'static>(render: impl Fn(String, Arc<FormDef>) -> V + Send + Sync + 'static) -> impl IntoView {
    with_form_in(false, move |dossier_id, form, _| render(dossier_id, form))
}

/// As `with_form`, with the procedure too; with `vietnamese`, the form as the agency prints it
/// whatever the person reads.
fn with_form_in<V: IntoView + 'static>(
    vietnamese: bool,
    render: impl Fn(String, Arc<FormDef>, Arc<crate::core::catalogue::Procedure>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let params = use_params_map();
    crate::ui::state::with_dossier(
        move || params.read().get("ma").unwrap_or_default(),
        move |dossier_id, p| {
            let form = || crate::core::forms::form_of(&p.code, &p.name).into_owned();
            render(dossier_id, Arc::new(if vietnamese { crate::core::i18n::in_vietnamese(form) } else { form() }), p.clone())
        },
    )
}

#[component]
pub fn SectionPage() -> impl IntoView {
    let params = use_params_map();
    with_form(move |dossier_id, form| {
        let phan = params.read().get("phan").unwrap_or_default();
        if !form.sections.iter().any(|s| s.id == phan) {
            return view! { <NotFound/> }.into_any();
        }
        crate::ui::autosave::use_drafts().at_step(&dossier_id, &format!("to-khai/{phan}"));
        view! { <SectionForm dossier_id=dossier_id form=form section_id=phan/> }.into_any()
    })
}

/// The answers typed on this page for one item of the section (the only item of an ordinary
/// section), by plain field id.
#[derive(Clone)]
struct PageItem {
    /// Stable while items are added and removed (for nothing else).
    key: usize,
    values: Vec<(String, RwSignal<String>)>,
}

impl PageItem {
    fn new(key: usize, section: &Section, from: impl Fn(&str) -> Option<String>) -> PageItem {
        PageItem { key, values: section.fields.iter().map(|f| (f.id.clone(), RwSignal::new(from(&f.id).unwrap_or_default()))).collect() }
    }

    fn answers(&self) -> Item {
        self.values.iter().map(|(id, v)| (id.clone(), v.get_untracked())).collect()
    }
}

#[component]
fn SectionForm(dossier_id: String, form: Arc<FormDef>, section_id: String) -> impl IntoView {
    let dossiers = use_dossiers();
    let units = use_units();
    let navigate = use_navigate();
    let back_to_check = use_query_map().get_untracked().get("quay-lai").as_deref() == Some("kiem-tra");
    let stored: Answers = dossiers.0.with_untracked(|d| d.get(&dossier_id).cloned().unwrap_or_default());
    let section = Arc::new(form.sections.iter().find(|s| s.id == section_id).cloned().expect("checked by SectionPage"));
    let items = RwSignal::new(match &section.repeat {
        None => vec![PageItem::new(0, &section, |id| stored.get(id).cloned())],
        Some(_) => form.items(&section, &stored).into_iter().enumerate().map(|(i, item)| PageItem::new(i, &section, |id| item.get(id).cloned())).collect(),
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let summary = NodeRef::<leptos::html::Div>::new();

    // The answers as they are now: stored ones plus what is on this page.
    let current = {
        let (dossier_id, form, section) = (dossier_id.clone(), form.clone(), section.clone());
        move || {
            let mut a = dossiers.0.with_untracked(|d| d.get(&dossier_id).cloned().unwrap_or_default());
            let page: Vec<Item> = items.with_untracked(|its| its.iter().map(PageItem::answers).collect());
            match section.repeat {
                None => a.extend(page.into_iter().flatten()),
                Some(_) => form.set_items(&section, &mut a, &page),
            }
            a
        }
    };
    let index = form.sections.iter().position(|s| s.id == section_id).unwrap_or(0);
    let (done, total) = form.progress(&stored);

    // Every change on the page is saved on the device shortly after the person stops typing.
    let drafts = use_drafts();
    {
        let (dossier_id, current) = (dossier_id.clone(), current.clone());
        // Once the page is gone its values are too: nothing is left to save. What is saved is the
        // dossier's answers for every page, also before "Tiếp tục" (leaving by a link keeps them).
        let alive = {
            let dossier_id = dossier_id.clone();
            move || {
                items.try_with_untracked(|_| ()).map(|_| current()).inspect(|answers| {
                    dossiers.0.update(|d| {
                        d.insert(dossier_id.clone(), answers.clone());
                    })
                })
            }
        };
        Effect::watch(
            move || items.with(|its| its.iter().for_each(|i| i.values.iter().for_each(|(_, v)| v.track()))),
            move |_, _, _| drafts.save_soon(dossier_id.clone(), alive.clone()),
            false,
        );
        on_cleanup(move || drafts.flush());
    }

    let submit = {
        let (form, dossier_id, section_id, current) = (form.clone(), dossier_id.clone(), section_id.clone(), current.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            // The save waiting for the typing pause goes first: it would otherwise run inside the
            // save below and put the page's answers, as typed, back over the normalised ones.
            drafts.flush();
            let answers = current();
            let units_now = units.get().and_then(|r| r.ok());
            let (errs, normalized) = form.validate(&answers, Some(&section_id), Context { today: today(), units: units_now.as_deref() });
            // Keep everything typed, normalised where valid.
            dossiers.0.update(|d| {
                d.insert(dossier_id.clone(), normalized.clone());
            });
            drafts.save_now(dossier_id.clone(), normalized.clone());
            if errs.is_empty() {
                errors.set(Vec::new());
                let next = form.next_section(&section_id, &normalized);
                let to = match (back_to_check, next) {
                    (false, Some(s)) => format!("/ho-so/{dossier_id}/to-khai/{}", s.id),
                    _ => format!("/ho-so/{dossier_id}/kiem-tra"),
                };
                navigate(&to, Default::default());
            } else {
                document().set_title(&tr!("declaration.loi-title", "Lỗi: {title} — hoso", title = form.title));
                errors.set(errs);
                request_animation_frame(move || {
                    if let Some(el) = summary.get() {
                        let _ = el.focus();
                    }
                });
            }
        }
    };

    // The questions of one item (slot), each shown when its condition holds for that item.
    // A person's section (one with an ID number) can be filled from the căn cước's QR code.
    let item_fields = {
        let (dossier_id, section, form) = (dossier_id.clone(), section.clone(), form.clone());
        let takes_card = form.takes_card(&section);
        move |slot: Slot, item: &PageItem| {
            let scan = takes_card.then(|| {
                let dom = dom_id(&slot.key(&section.id));
                view! { <card_scan::CardScan form=form.clone() section=section.clone() item=item.clone() dom=dom/> }
            });
            view! { {scan} <ItemQuestions dossier_id=dossier_id.clone() section=section.clone() at=slot item=item.clone() errors=errors/> }
        }
    };

    let fields = match section.repeat.clone() {
        None => items.with_untracked(|its| item_fields(Slot::Once, &its[0])).into_any(),
        Some(repeat) => view! { <RepeatItems section=section.clone() repeat=repeat items=items errors=errors render=item_fields/> }.into_any(),
    };

    let help = section.help.clone().map(|h| view! { <p class="lead">{h}</p> });
    view! {
        <Page title=format!("{} — {}", section.title, form.title)>
            <p class="caption">{tr!("declaration.phan-caption", "{title} · Phần {n} / {count} · Đã xong {done}/{total} phần", title = form.title, n = index + 1, count = form.sections.len(), done = done, total = total)}</p>
            <ErrorSummary errors=errors node=summary/>
            {help}
            <form class="declaration" novalidate on:submit=submit>
                {fields}
                <button type="submit" class="button">{tr!("declaration.tiep-tuc", "Tiếp tục")}</button>
            </form>
            <SaveLine/>
            <p><A href=format!("/ho-so/{dossier_id}")>{tr!("declaration.quay-lai-danh-sach-viec", "Quay lại danh sách việc cần làm")}</A></p>
        </Page>
    }
}

/// The questions of one item of a section (the only item of an ordinary section), each with its
/// inline error; a question with a condition shows only while the condition holds for that item.
#[component]
fn ItemQuestions(dossier_id: String, section: Arc<Section>, at: Slot, item: PageItem, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let (dossiers, units) = (use_dossiers(), use_units());
    let prefilled = std::sync::Arc::new(use_drafts().prefilled(&dossier_id));
    section
        .fields
        .iter()
        .zip(item.values.iter())
        .map(|(f, (_, value))| {
            let key = at.key(&f.id);
            let value = *value;
            let given = prefilled.as_ref().as_ref().map(|p| {
                let (p, key) = (p.clone(), key.clone());
                Signal::derive(move || p.gave(&key, &value.get()))
            });
            let error = Signal::derive({
                let key = key.clone();
                move || errors.with(|e| e.iter().find(|x| x.field == key).map(|x| x.message()))
            });
            let field = Field { id: key, ..f.clone() };
            match &f.show_if {
                // Most questions are always shown: no reactive wrapper, so typing elsewhere never
                // rebuilds them (and never moves the focus).
                None => match given {
                    Some(given) => view! { <FormField field=field value=value error=error units=units given=given/> }.into_any(),
                    None => view! { <FormField field=field value=value error=error units=units/> }.into_any(),
                },
                Some(cond) => {
                    // Track only the answers the condition reads.
                    let watched: Vec<(String, RwSignal<String>)> = item.values.iter().filter(|(id, _)| cond.fields().contains(&id.as_str())).cloned().collect();
                    let (cond, dossier_id) = (cond.clone(), dossier_id.clone());
                    let visible = move || {
                        let mut a = dossiers.0.with_untracked(|d| d.get(&dossier_id).cloned().unwrap_or_default());
                        for (id, v) in &watched {
                            a.insert(id.clone(), v.get());
                        }
                        cond.holds(&a)
                    };
                    view! { <Show when=visible>{ let field = field.clone(); view! { <FormField field=field value=value error=error units=units/> } }</Show> }
                        .into_any()
                }
            }
        })
        .collect_view()
}

/// GOV.UK "add another": one fieldset per item with its own remove button, then "Thêm …".
/// Adding moves the focus to the new item's first question; removing renumbers the rest.
#[component]
fn RepeatItems<R, V>(section: Arc<Section>, repeat: Repeat, items: RwSignal<Vec<PageItem>>, errors: RwSignal<Vec<FieldError>>, render: R) -> impl IntoView
where
    R: Fn(Slot, &PageItem) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let add_id = dom_id(&count_key(&section.id));
    let (item_name, max) = (repeat.item.clone(), repeat.max);
    let list = {
        let (section, item_name, add_id) = (section.clone(), item_name.clone(), add_id.clone());
        move || {
            let its = items.get();
            if its.is_empty() {
                return view! { <p class="hint">{tr!("declaration.chua-co-nao", "Chưa có {item} nào.", item = item_name.to_lowercase())}</p> }.into_any();
            }
            its.iter()
                .enumerate()
                .map(|(i, item)| {
                    let (n, key) = (i + 1, item.key);
                    let title = format!("{item_name} {n}");
                    let first = dom_id(&item_key(&section.fields[0].id, n));
                    let (add_id, next_first) = (add_id.clone(), first.clone());
                    let remove = move |_| {
                        errors.set(Vec::new());
                        items.update(|v| v.retain(|x| x.key != key));
                        // Focus what took its place, or the add button.
                        focus_by_id_later(if items.with_untracked(|v| v.len() >= n) { next_first.clone() } else { add_id.clone() });
                    };
                    view! {
                        <fieldset class="repeat-item">
                            <legend class="repeat-item__title">{title.clone()}</legend>
                            {render(Slot::Item(n), item)}
                            <button type="button" class="button button--secondary" on:click=remove>{tr!("declaration.xoa-item", "Xoá {item}", item = title.to_lowercase())}</button>
                        </fieldset>
                    }
                    .into_any()
                })
                .collect_view()
                .into_any()
        }
    };
    let add = {
        let section = section.clone();
        move |_| {
            errors.set(Vec::new());
            let key = items.with_untracked(|v| v.iter().map(|x| x.key + 1).max().unwrap_or(0));
            items.update(|v| v.push(PageItem::new(key, &section, |_| None)));
            let n = items.with_untracked(Vec::len);
            focus_by_id_later(dom_id(&item_key(&section.fields[0].id, n)));
        }
    };
    let full = move || items.with(|v| v.len() >= max);
    view! {
        <div class="repeat">
            {list}
            <p class="hint" role="status">{move || full().then(|| tr!("declaration.da-du-toi-da", "Đã đủ tối đa {max} {item}.", max = max, item = item_name.to_lowercase()))}</p>
            <button type="button" class="button button--secondary" id=add_id prop:disabled=full on:click=add>
                {tr!("declaration.them-item", "Thêm {item}", item = repeat.item.to_lowercase())}
            </button>
        </div>
    }
}

/// The error summary at the top of a page: takes focus, links to each field.
#[component]
fn ErrorSummary(errors: RwSignal<Vec<FieldError>>, node: NodeRef<leptos::html::Div>) -> impl IntoView {
    move || {
        let errs = errors.get();
        (!errs.is_empty()).then(|| {
            let items = errs
                .into_iter()
                .map(|e| {
                    let target = dom_id(&e.field);
                    let href = format!("#{target}");
                    let jump = move |ev: leptos::ev::MouseEvent| {
                        ev.prevent_default();
                        focus_by_id(&target);
                    };
                    view! { <li><a href=href on:click=jump>{e.message()}</a></li> }
                })
                .collect_view();
            view! {
                <div class="error-summary" role="alert" tabindex="-1" node_ref=node aria-labelledby="tom-tat-loi">
                    <h2 class="error-summary__title" id="tom-tat-loi">{tr!("declaration.co-van-de-can-sua", "Có vấn đề cần sửa")}</h2>
                    <ul class="error-summary__list">{items}</ul>
                </div>
            }
        })
    }
}
