//! `/ho-so/:ma`: the dossier's task list (GOV.UK "task list"): the declaration's sections with
//! their status, every paper with its status and its files (`components::Papers`), and "check
//! your answers".

use std::sync::Arc;

use crate::ui::A;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::core::catalogue::Procedure;
use crate::ui::components::{DraftFile, Papers};
use crate::ui::{Later, Page};

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
    crate::ui::embed::fill(&id, &form);
    let code = id.clone();
    // Follows the answers (a draft file opened here replaces them).
    let answers = Memo::new(move |_| dossiers.0.with(|d| d.get(&code).cloned().unwrap_or_default()));
    let progress = {
        let form = form.clone();
        move || {
            let (done, total) = answers.with(|a| form.progress(a));
            tr!("dossier.1-to-khai-da-xong", "1. Tờ khai — đã xong {done}/{total} phần", done = done, total = total)
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
                    (true, _) => (tr!("dossier.da-xong", "Đã xong"), "tag tag--done"),
                    (_, true) => (tr!("dossier.dang-lam", "Đang làm"), "tag tag--progress"),
                    _ => (tr!("dossier.chua-bat-dau", "Chưa bắt đầu"), "tag"),
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
    // The task list is built at once; the papers and the rest in short tasks after it (`Later`).
    let (papers, rest) = ((id.clone(), p.clone()), (id.clone(), p.clone()));
    view! {
        <Page title=tr!("dossier.title", "Hồ sơ: {name}", name = crate::core::dossier::title(&id, &p.name))>
            <p>{tr!("dossier.lam-lan-luot-tung-phan", "Làm lần lượt từng phần. Bạn có thể quay lại sửa bất cứ lúc nào; thông tin chỉ nằm trên máy này.")}</p>
            <MemoryOnlyChoice/>
            <super::AssistConsent dossier_id=id.clone()/>
            <ProcedureChanged id=id.clone() p=p.clone() form=crate::core::forms::FormRef::of(&form)/>
            <h2>{progress}</h2>
            <p class="hint">{template}</p>
            <ul class="task-list">{tasks}</ul>
            <Later><PapersPart id=papers.0.clone() p=papers.1.clone()/></Later>
            <Later><SubmitPart id=rest.0.clone() p=rest.1.clone()/></Later>
        </Page>
    }
}

/// "2. Giấy tờ": every paper with its status and files.
#[component]
fn PapersPart(id: String, p: Arc<Procedure>) -> impl IntoView {
    view! {
        <h2>{tr!("dossier.2-giay-to", "2. Giấy tờ")}</h2>
        <Papers dossier_id=id.clone() p=p.clone()/>
        <p><A href=format!("/thu-tuc/{}", p.code)>{tr!("dossier.xem-lai-thong-tin-thu", "Xem lại thông tin thủ tục")}</A></p>
    }
}

/// "3. Cách nộp", "4. Kiểm tra", after submission, and going on with the dossier on another device.
#[component]
fn SubmitPart(id: String, p: Arc<Procedure>) -> impl IntoView {
    let check_href = format!("/ho-so/{id}/kiem-tra");
    view! {
        <ChannelChoice id=id.clone() p=p.clone()/>
        <h2>{tr!("dossier.4-kiem-tra", "4. Kiểm tra")}</h2>
        <p><A href=check_href attr:class="button">{tr!("dossier.kiem-tra-cau-tra-loi", "Kiểm tra câu trả lời")}</A></p>
        <AfterSubmission id=id.clone() p=p.clone()/>
        <h2>{tr!("dossier.lam-tiep-o-may-khac", "Làm tiếp ở máy khác")}</h2>
        <DraftFile dossier_id=Some(id.clone())/>
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
                {tr!("dossier.khong-luu-tren-may-nay", "Không lưu trên máy này (máy dùng chung)")}
                <span class="doc__how">
                    {tr!("dossier.ho-so-chi-nam-trong", " — hồ sơ chỉ nằm trong trang này đến khi bạn đóng; những gì đã lưu trên máy sẽ bị xoá. Chỉ áp dụng cho lần dùng này.")}
                </span>
            </label>
        </div>
    }
}

/// A dossier started before the procedure changed in the catalogue: what changed (papers added or
/// removed, fee, time limit), until the person says they have seen it.
#[component]
fn ProcedureChanged(id: String, p: Arc<Procedure>, form: crate::core::forms::FormRef) -> impl IntoView {
    let drafts = crate::ui::autosave::use_drafts();
    let changes = drafts.changes_since(&id, &p, &form);
    if changes.is_empty() {
        // Nothing to tell: the dossier now follows the procedure and its form as they are.
        drafts.take_basis(&id, &p, &form);
        return None;
    }
    let shown = RwSignal::new(true);
    let messages: Vec<String> = changes.iter().map(|c| c.message()).collect();
    let seen = move |_| {
        drafts.take_basis(&id, &p, &form);
        shown.set(false);
    };
    Some(view! {
        <Show when=move || shown.get()>
            <div class="notice notice--important" role="status">
                <h2>{tr!("dossier.thu-tuc-nay-da-thay", "Thủ tục này đã thay đổi từ khi bạn bắt đầu hồ sơ")}</h2>
                <ul>{messages.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
                <p class="hint">{tr!("dossier.ho-so-cua-ban-van", "Hồ sơ của bạn vẫn còn nguyên; hãy xem lại các giấy tờ bên dưới.")}</p>
                <button type="button" class="button button--secondary" on:click=seen.clone()>{tr!("dossier.da-hieu", "Đã hiểu")}</button>
            </div>
        </Show>
    })
}

/// "Cách nộp": how the person means to submit, each way with its time limit and fee; kept with the
/// dossier (the printed receipt and the package's manifest say it).
#[component]
fn ChannelChoice(id: String, p: Arc<Procedure>) -> impl IntoView {
    use crate::core::catalogue::present::{describe_time, fee_with_note_on, ways};
    let drafts = crate::ui::autosave::use_drafts();
    let ways = ways(&p.channels);
    if ways.is_empty() {
        return None;
    }
    let today = crate::web::clock::now().date;
    let chosen = RwSignal::new(drafts.channel(&id));
    let options = ways
        .into_iter()
        .enumerate()
        .map(|(i, (mode, rows))| {
            let details = rows
                .iter()
                .map(|c| {
                    let fee = tr!("dossier.le-phi", "lệ phí: {fee}", fee = fee_with_note_on(c, today));
                    match describe_time(c) {
                        Some(time) => tr!("dossier.thoi-han", "thời hạn: {time}; {fee}", time = time, fee = fee),
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
                    <label class="radio__label" for=dom>{mode.label()}<span class="doc__how">{format!(" — {details}")}</span></label>
                </div>
            }
        })
        .collect_view();
    Some(view! {
        <h2>{tr!("dossier.3-cach-nop", "3. Cách nộp")}</h2>
        <fieldset class="fieldset">
            <legend class="label">{tr!("dossier.ban-dinh-nop-ho-so", "Bạn định nộp hồ sơ bằng cách nào?")}</legend>
            <p class="hint">{tr!("dossier.co-the-doi-sau-ban", "Có thể đổi sau. Bản in giấy biên nhận và gói hồ sơ sẽ ghi cách bạn chọn.")}</p>
            <div class="radios">{options}</div>
        </fieldset>
    })
}

/// "Sau khi nộp": the person records the portal's dossier code, the lookup code and when it was
/// received; hoso shows the appointment date and the working days left, follows a supplement
/// request (the clock stops, then restarts whole), and offers the date for the phone's calendar.
#[component]
fn AfterSubmission(id: String, p: Arc<Procedure>) -> impl IntoView {
    use crate::core::submission::{EventKind, State, Submission};
    let drafts = crate::ui::autosave::use_drafts();
    let record = RwSignal::new(drafts.submission(&id));
    let problem = RwSignal::new(None::<String>);
    let limit = crate::core::catalogue::present::time_limit_for(&p.channels, drafts.channel(&id));
    let now = crate::web::clock::now();
    let code = RwSignal::new(String::new());
    let lookup = RwSignal::new(String::new());
    let day = RwSignal::new(now.date.to_string());
    let hour = RwSignal::new(now.clock());
    let id = StoredValue::new(id);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(limit) = limit else { return };
        match Submission::new(&code.get_untracked(), &lookup.get_untracked(), &format!("{}T{}+07:00", day.get_untracked(), hour.get_untracked()), limit) {
            Ok(s) => {
                drafts.record_submission(id.get_value(), s.clone());
                record.set(Some(s));
                problem.set(None);
            }
            Err(e) => problem.set(Some(e.message())),
        }
    };
    let happened = move |kind: EventKind| {
        move |_| {
            let Some(mut s) = record.get_untracked() else { return };
            match s.record(kind, crate::web::clock::now()) {
                Ok(()) => {
                    drafts.record_submission(id.get_value(), s.clone());
                    record.set(Some(s));
                    problem.set(None);
                }
                Err(e) => problem.set(Some(e.message())),
            }
        }
    };
    let name = p.name.clone();
    let to_calendar = move |_| {
        let ics = record.get_untracked().and_then(|s| s.ics(&name, crate::web::clock::now()));
        let saved = ics
            .and_then(|ics| crate::web::files::to_blob(ics.as_bytes(), "text/calendar").ok())
            .and_then(|blob| crate::web::files::save_as(&blob, "hen-tra-ket-qua.ics"));
        if saved.is_none() {
            problem.set(Some(tr!("dossier.trinh-duyet-khong-cho-tai", "Trình duyệt không cho tải tệp lịch xuống. Hãy ghi ngày hẹn vào lịch bằng tay.").into()));
        }
    };
    let decisions = crate::web::calendar::updates();
    let status = move || {
        decisions.track();
        record.get().map(|s| {
            let today = crate::web::clock::now().date;
            let codes = tr!(
                "dossier.ma-ho-so-tra-cuu",
                "Mã hồ sơ: {code}{lookup}",
                code = s.dossier_code,
                lookup = s.lookup_code.as_deref().map(|l| tr!("dossier.ma-tra-cuu", " · Mã tra cứu: {l}", l = l)).unwrap_or_default()
            );
            let state = s.state();
            let running = matches!(state, Some(State::InProgress { .. }));
            let waiting = matches!(state, Some(State::SupplementRequested));
            view! {
                <div class="notice" role="status">
                    <p class="submission__state">{s.describe(today)}</p>
                    <p class="hint">{codes}</p>
                </div>
                <div class="button-group">
                    {running.then(|| view! {
                        <button type="button" class="button" on:click=to_calendar.clone()>{tr!("dossier.them-vao-lich-tep-ics", "Thêm vào lịch (tệp .ics)")}</button>
                        <button type="button" class="button button--secondary" on:click=happened(EventKind::SupplementRequested)>{tr!("dossier.co-quan-yeu-cau-bo", "Cơ quan yêu cầu bổ sung")}</button>
                        <button type="button" class="button button--secondary" on:click=happened(EventKind::ResultReady)>{tr!("dossier.da-co-ket-qua", "Đã có kết quả")}</button>
                    })}
                    {waiting.then(|| view! {
                        <button type="button" class="button" on:click=happened(EventKind::SupplementGiven)>{tr!("dossier.da-nop-bo-sung", "Đã nộp bổ sung")}</button>
                    })}
                </div>
            }
        })
    };
    let form = move || {
        (record.get().is_none()).then(|| match limit {
            None => view! { <p class="hint">{tr!("dossier.thu-tuc-nay-khong-ghi", "Thủ tục này không ghi thời hạn tính được, nên hoso chưa tính được ngày hẹn. Hãy giữ giấy tiếp nhận của cơ quan.")}</p> }.into_any(),
            Some(_) => view! {
                <p class="hint">{tr!("dossier.nop-xong-hay-ghi-lai", "Nộp xong, hãy ghi lại mã hồ sơ trên giấy tiếp nhận (hoặc trên Cổng Dịch vụ công): hoso tính ngày hẹn trả kết quả và nhắc bạn.")}</p>
                <form class="submission" on:submit=save novalidate>
                    {field("ma-ho-so", tr!("dossier.ma-ho-so", "Mã hồ sơ"), "text", "input", code)}
                    {field("ma-tra-cuu", tr!("dossier.ma-tra-cuu-neu-co", "Mã tra cứu (nếu có)"), "text", "input", lookup)}
                    {field("ngay-tiep-nhan", tr!("dossier.ngay-co-quan-tiep-nhan", "Ngày cơ quan tiếp nhận"), "date", "input input--w10", day)}
                    {field("gio-tiep-nhan", tr!("dossier.gio-tiep-nhan", "Giờ tiếp nhận"), "time", "input input--w5", hour)}
                    <button type="submit" class="button">{tr!("dossier.luu-thong-tin-da-nop", "Lưu thông tin đã nộp")}</button>
                </form>
            }
            .into_any(),
        })
    };
    view! {
        <h2>{tr!("dossier.5-sau-khi-nop", "5. Sau khi nộp")}</h2>
        {form}
        {status}
        <div role="alert">{move || problem.get().map(|m| view! { <p class="error-message">{m}</p> })}</div>
    }
}

/// One labelled input of "Sau khi nộp", bound to `value`.
fn field(id: &'static str, label: &'static str, kind: &'static str, class: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="field">
            <label class="label" for=id>{label}</label>
            <input class=class type=kind id=id autocomplete="off" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
}
