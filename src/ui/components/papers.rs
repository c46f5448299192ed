//! The dossier's papers (GOV.UK task list style): every document with its status for the
//! person's answers, and for the papers to hand in: choose files, take a photo, or drop them;
//! thumbnails, reorder, remove, and photos combined into one PDF. The rules are the core's
//! (`core::files`, `core::checklist`); the browser work is `web::files`.

use std::sync::Arc;

use leptos::prelude::*;

use crate::core::catalogue::Procedure;
use crate::core::checklist::{case_questions, checklist, completeness, Attached, Attachment, Entry, Status, CASE_NO, CASE_YES};
use crate::core::files::{human_size, picker_accept, sentences, FileKind, Limits};
use crate::core::forms::{form_for, Context};
use crate::ui::state::{use_attachments, use_dossiers, use_units_if};
use crate::web::files;

/// The procedure's papers for the dossier's answers and attachments (the core's checklist).
pub fn use_checklist(dossier_id: &str, p: &Arc<Procedure>) -> Memo<Vec<Entry>> {
    let (attachments, dossiers) = (use_attachments(), use_dossiers());
    let form = Arc::new(crate::core::forms::form_of(&p.code, &p.name).into_owned());
    let full_form = form_for(&p.code).is_some();
    let (p, dossier_id) = (p.clone(), dossier_id.to_string());
    let units = {
        let (form, dossier_id) = (form.clone(), dossier_id.clone());
        use_units_if(move || dossiers.0.with(|d| d.get(&dossier_id).is_some_and(|a| form.needs_units(a))))
    };
    Memo::new(move |_| {
        let answers = dossiers.0.with(|d| d.get(&dossier_id).cloned().unwrap_or_default());
        let attached = attachments.0.with(|a| a.get(&dossier_id).cloned().unwrap_or_default());
        let u = units.get();
        let cx = Context { today: crate::web::clock::now().date, units: u.as_deref() };
        checklist(&p, &form, full_form, &answers, &attached, cx)
    })
}

/// The completeness report in plain words: what is left before the dossier can go.
#[component]
pub fn PapersReport(dossier_id: String, p: Arc<Procedure>) -> impl IntoView {
    let entries = use_checklist(&dossier_id, &p);
    view! { <Report dossier_id=dossier_id entries=entries/> }
}

#[component]
fn Report(dossier_id: String, entries: Memo<Vec<Entry>>) -> impl IntoView {
    let attachments = use_attachments();
    move || {
        let c = attachments.0.with(|a| completeness(&entries.get(), a.get(&dossier_id).unwrap_or(&Attached::new())));
        let class = if c.ready() { "notice notice--important" } else { "notice" };
        view! { <div class=class role="status" aria-live="polite" aria-atomic="true"><ul class="report">{c.sentences().into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ul></div> }
    }
}

/// The papers of one dossier, with the size meter and the completeness report.
#[component]
pub fn Papers(dossier_id: String, p: Arc<Procedure>) -> impl IntoView {
    let attachments = use_attachments();
    let limits = files::limits();
    let entries = use_checklist(&dossier_id, &p);
    let used = {
        let dossier_id = dossier_id.clone();
        Memo::new(move |_| attachments.0.with(|a| a.get(&dossier_id).map(Attached::total_bytes).unwrap_or(0)))
    };
    let percent = Memo::new(move |_| (used.get() as f64 / limits.max_dossier_bytes as f64 * 100.0).min(100.0));
    // The files are kept on the device as they change (with the answers: one dossier record).
    let persisted = RwSignal::new(None::<bool>);
    {
        let (dossier_id, drafts) = (dossier_id.clone(), crate::ui::autosave::use_drafts());
        let watched = dossier_id.clone();
        Effect::watch(
            move || attachments.0.with(|a| a.get(&watched).cloned()),
            move |now, _, _| {
                drafts.save_dossier(dossier_id.clone());
                // The first file: ask the browser to keep hoso's storage for good.
                if now.as_ref().is_some_and(|a| !a.is_empty()) && persisted.get_untracked().is_none() && !drafts.memory_only.get_untracked() {
                    leptos::task::spawn_local(async move { persisted.set(Some(crate::web::device::persist().await)) });
                }
            },
            false,
        );
    }
    // One row per paper, kept while files come and go (so focus and messages stay); only the
    // status and the reason follow the entries. Papers the answers rule out go last, folded
    // away: the list shows what matters first.
    let keys =
        move |wanted: bool| entries.with(|es| es.iter().filter(|e| (e.status != Status::NotNeeded) == wanted).map(|e| e.key.clone()).collect::<Vec<_>>());
    let list = |wanted: bool| {
        let (dossier_id, source) = (dossier_id.clone(), p.source_url.clone());
        view! { <For each=move || keys(wanted) key=|k| k.clone() let:k><Paper dossier_id=dossier_id.clone() key=k entries=entries limits=limits source=source.clone()/></For> }
    };
    let not_needed = move || keys(false).len();
    view! {
        <Report dossier_id=dossier_id.clone() entries=entries/>
        <div class="meter">
            <p class="meter__label" id="dung-luong">{move || tr!("papers.dung-luong-ho-so", "Dung lượng hồ sơ: {used} / {limit} (mỗi tệp tối đa {file_limit})", used = human_size(used.get()), limit = human_size(limits.max_dossier_bytes), file_limit = human_size(limits.max_file_bytes))}</p>
            <div class="meter__bar" role="meter" aria-labelledby="dung-luong" aria-valuemin="0" aria-valuemax="100" aria-valuenow=move || format!("{:.0}", percent.get())>
                <div class="meter__fill" style:width=move || format!("{:.1}%", percent.get())></div>
            </div>
        </div>
        <p class="hint">{tr!("papers.tep-chi-nam-tren-may", "Tệp chỉ nằm trên máy này: hoso kiểm tra và lưu ngay tại đây, không gửi đi đâu.")}</p>
        <crate::ui::autosave::SaveLine/>
        {move || persisted.get().map(|kept| view! {
            <p class="hint">
                {if kept {
                    tr!("papers.trinh-duyet-da-dong-y", "Trình duyệt đã đồng ý giữ hồ sơ và tệp của bạn lâu dài trên máy này (không tự xoá khi máy thiếu bộ nhớ).")
                } else {
                    tr!("papers.trinh-duyet-co-the-tu", "Trình duyệt có thể tự xoá dữ liệu khi máy thiếu bộ nhớ. Để chắc chắn không mất, hãy lưu hồ sơ ra tệp khi làm xong một phần.")
                }}
            </p>
        })}
        <CaseQuestions dossier_id=dossier_id.clone() entries=entries/>
        <ul class="papers">{list(true)}</ul>
        <details class="papers-other" class:hidden=move || not_needed() == 0>
            <summary>{move || tr!("papers.giay-to-khong-can", "Giấy tờ không cần trong trường hợp của bạn ({count})", count = not_needed())}</summary>
            <ul class="papers">{list(false)}</ul>
        </details>
    }
}

/// The cases the answers do not settle, asked once each ("Bạn có thuộc trường hợp này không:
/// trẻ em bị bỏ rơi?"): the answer is kept with the dossier's answers and decides its papers.
#[component]
fn CaseQuestions(dossier_id: String, entries: Memo<Vec<Entry>>) -> impl IntoView {
    let (dossiers, drafts) = (use_dossiers(), crate::ui::autosave::use_drafts());
    let questions = {
        let dossier_id = dossier_id.clone();
        Memo::new(move |_| dossiers.0.with(|d| entries.with(|es| case_questions(es, d.get(&dossier_id).unwrap_or(&Default::default())))))
    };

    let keys = move || questions.with(|q| q.iter().map(|(k, _, _)| k.clone()).collect::<Vec<_>>());
    let dossier_id = StoredValue::new(dossier_id);
    let answer = move |key: String, value: &'static str| {
        let id = dossier_id.get_value();
        move |_| {
            drafts.flush();
            let mut answers = dossiers.0.with_untracked(|d| d.get(&id).cloned().unwrap_or_default());
            answers.insert(key.clone(), value.to_string());
            dossiers.0.update(|d| {
                d.insert(id.clone(), answers.clone());
            });
            drafts.save_now(id.clone(), answers);
        }
    };
    view! {
        <Show when=move || !keys().is_empty()>
            <h2 class="papers__cases">{tr!("papers.truong-hop-cua-ban", "Trường hợp của bạn")}</h2>
            <p class="hint">{tr!("papers.tra-loi-de-hoso-biet", "Trả lời để hoso biết giấy tờ nào bạn cần. Chưa chắc thì để trống: giấy tờ đó ghi «Tuỳ trường hợp».")}</p>
            <For each=keys key=|k| k.clone() let:key>
                {
                    let question = {
                        let key = key.clone();
                        move || questions.with(|q| q.iter().find(|(k, _, _)| *k == key).map(|(_, q, _)| q.clone()).unwrap_or_default())
                    };
                    let chosen = {
                        let key = key.clone();
                        move || questions.with(|q| q.iter().find(|(k, _, _)| *k == key).and_then(|(_, _, a)| *a))
                    };
                    let (yes_id, no_id) = (format!("{key}-co"), format!("{key}-khong"));
                    view! {
                        <fieldset class="fieldset case-question">
                            <legend class="label">{question}</legend>
                            <div class="radios radios--inline">
                                <div class="radio">
                                    <input class="radio__input" type="radio" name=key.clone() id=yes_id.clone() value=CASE_YES
                                        prop:checked={ let c = chosen.clone(); move || c() == Some(true) }
                                        on:change=answer(key.clone(), CASE_YES)/>
                                    <label class="radio__label" for=yes_id>{tr!("papers.co", "Có")}</label>
                                </div>
                                <div class="radio">
                                    <input class="radio__input" type="radio" name=key.clone() id=no_id.clone() value=CASE_NO
                                        prop:checked=move || chosen() == Some(false)
                                        on:change=answer(key.clone(), CASE_NO)/>
                                    <label class="radio__label" for=no_id>{tr!("papers.khong", "Không")}</label>
                                </div>
                            </div>
                        </fieldset>
                    }
                }
            </For>
            <h2 class="papers__list">{tr!("papers.giay-to", "Giấy tờ")}</h2>
        </Show>
    }
}

#[component]
fn Paper(dossier_id: String, key: String, entries: Memo<Vec<Entry>>, limits: Limits, source: Option<String>) -> impl IntoView {
    let attachments = use_attachments();
    let messages = RwSignal::new(Vec::<(bool, String)>::new());
    let busy = RwSignal::new(false);
    // How many batches of chosen files have been checked (`data-checked`: lets a host page or a
    // test know when a batch is done).
    let checked = RwSignal::new(0u32);
    let current = {
        let key = key.clone();
        move || entries.with(|es| es.iter().find(|e| e.key == key).cloned())
    };
    let Some(entry) = current() else { return ().into_any() };
    let status = {
        let current = current.clone();
        Memo::new(move |_| current().map(|e| e.status))
    };
    let why = {
        let current = current.clone();
        move || current().map(|e| e.why()).unwrap_or_default()
    };
    let can_attach = Memo::new(move |_| current().is_some_and(|e| e.can_attach()));
    let tag = move || status.get().map(Status::label).unwrap_or_default();
    let tag_class = move || match status.get() {
        Some(Status::Missing | Status::DeclarationToDo) => "tag tag--missing",
        Some(Status::Attached(_) | Status::DeclarationDone) => "tag tag--done",
        _ => "tag",
    };
    let files_now = {
        let (dossier_id, key) = (dossier_id.clone(), key.clone());
        move || attachments.0.with(|a| a.get(&dossier_id).map(|d| d.of(&key).to_vec()).unwrap_or_default())
    };
    // Adds checked files one by one; every refusal says why, nothing attached is lost.
    let add = {
        let (dossier_id, key) = (dossier_id.clone(), key.clone());
        move |chosen: Vec<web_sys::File>| {
            if chosen.is_empty() {
                return;
            }
            let (dossier_id, key) = (dossier_id.clone(), key.clone());
            busy.set(true);
            messages.set(Vec::new());
            leptos::task::spawn_local(async move {
                for file in chosen {
                    let name = file.name();
                    let outcome = match files::prepare(&file, &name, &limits).await {
                        Err(why) => Err(why),
                        Ok(prepared) => {
                            let name_of = |k: &str| entries.with_untracked(|es| es.iter().find(|e| e.key == k).map(|e| e.name.clone()).unwrap_or_default());
                            let admitted = attachments.0.with_untracked(|a| {
                                a.get(&dossier_id).map_or(Ok(()), |d| d.admit(&prepared.attachment.hash, prepared.attachment.size, &limits, name_of))
                            });
                            admitted.map(|_| prepared).map_err(|p| vec![p])
                        }
                    };
                    match outcome {
                        Err(why) => messages
                            .update(|m| m.push((false, tr!("papers.khong-dinh-kem", "Không đính kèm «{name}»: {why}", name = name, why = sentences(&why))))),
                        Ok(prepared) => {
                            files::keep(&prepared.attachment.hash, &prepared.blob);
                            if let Some((h, b)) = &prepared.original {
                                files::keep(h, b);
                            }
                            let warned = !prepared.attachment.problems.is_empty();
                            attachments.0.update(|a| a.entry(dossier_id.clone()).or_default().add(&key, prepared.attachment));
                            let note = if warned {
                                tr!("papers.da-dinh-kem-co-dieu", "Đã đính kèm, có điều cần xem lại (bên dưới)")
                            } else {
                                tr!("papers.da-dinh-kem", "Đã đính kèm")
                            };
                            messages.update(|m| m.push((true, format!("{note}: «{name}»."))));
                        }
                    }
                }
                busy.set(false);
                checked.update(|n| *n += 1);
            });
        }
    };
    let combine = {
        let (dossier_id, key, name) = (dossier_id.clone(), key.clone(), entry.name.clone());
        move |_| {
            let (dossier_id, key, name) = (dossier_id.clone(), key.clone(), name.clone());
            let photos: Vec<Attachment> = attachments.0.with_untracked(|a| a.get(&dossier_id).map(|d| d.photos(&key)).unwrap_or_default());
            busy.set(true);
            leptos::task::spawn_local(async move {
                let file_name = Attachment::combined_name(&name);
                match files::photos_to_pdf(&photos, &file_name, &limits).await {
                    Err(why) => messages.set(vec![(false, tr!("papers.chua-gop-duoc-anh", "Chưa gộp được ảnh: {why}", why = sentences(&why)))]),
                    Ok(prepared) => {
                        files::keep(&prepared.attachment.hash, &prepared.blob);
                        let pages = photos.len();
                        attachments.0.update(|a| a.entry(dossier_id.clone()).or_default().replace_photos(&key, prepared.attachment));
                        messages.set(vec![(
                            true,
                            tr!(
                                "papers.da-gop-anh-thanh-mot",
                                "Đã gộp {pages} ảnh thành một tệp PDF {pages} trang. Ảnh gốc vẫn được giữ trên máy đến khi xuất hồ sơ.",
                                pages = pages
                            ),
                        )]);
                    }
                }
                busy.set(false);
            });
        }
    };
    let photos = {
        let files_now = files_now.clone();
        move || files_now().iter().filter(|a| a.kind.is_image()).count()
    };
    let file_list = {
        let (dossier_id, key, name) = (dossier_id.clone(), key.clone(), entry.name.clone());
        move || {
            let list = files_now();
            let n = list.len();
            list.into_iter()
                .enumerate()
                .map(|(i, a)| view! { <AttachedFile dossier_id=dossier_id.clone() key=key.clone() paper=name.clone() index=i count=n a=a/> })
                .collect_view()
        }
    };
    let add = Callback::new(add);
    let (zone_key, zone_paper) = (key.clone(), entry.short.clone());
    let attach_controls = move || {
        can_attach.get().then(|| {
            let (combine, file_list, photos) = (combine.clone(), file_list.clone(), photos.clone());
            view! {
                <DropZone key=zone_key.clone() paper=zone_paper.clone() add=add/>
                <p role="status" class="loading">{move || busy.get().then_some(tr!("papers.dang-kiem-tra-tep", "Đang kiểm tra tệp…"))}</p>
                <div role="alert">
                    {move || messages.get().into_iter().map(|(ok, m)| view! { <p class=if ok { "file-ok" } else { "error-message" }>{m}</p> }).collect_view()}
                </div>
                <ol class="files">{file_list}</ol>
                {move || { let (n, combine) = (photos(), combine.clone()); (n >= 1).then(|| view! {
                    <button type="button" class="button button--secondary" on:click=combine prop:disabled=move || busy.get()>
                        {tr!("papers.gop-anh-thanh-mot-tep", "Gộp {n} ảnh thành một tệp PDF", n = n)}
                    </button>
                })}}
            }
        })
    };
    // The paper as it is read aloud: its name, its state, how it is given and why it is needed.
    let read_paper = {
        let (short, how, why) = (entry.short.clone(), entry.how.clone(), why.clone());
        let texts = Signal::derive(move || [short.clone(), format!("{}.", tag()), how.clone(), why()].into_iter().filter(|t| !t.trim().is_empty()).collect());
        view! { <super::ReadAloud about=entry.short.clone() texts=texts published=true/> }
    };
    let template = entry.template.clone().map(|t| view! { <Template name=t source=source.clone()/> });
    let how = (!entry.how.is_empty()).then(|| view! { <span class="doc__how">{entry.how.clone()}</span> });
    view! {
        <li class="paper" id=format!("giay-to-{key}") data-checked=move || checked.get()>
            <div class="paper__head">
                <h3 class="paper__name" lang="vi">{entry.short.clone()}</h3>
                <strong class=tag_class>{tag}</strong>
            </div>
            {read_paper}
            {(entry.short != entry.name).then(|| view! {
                <details class="doc__full">
                    <summary>{tr!("papers.xem-day-du-theo-van", "Xem đầy đủ theo văn bản")}</summary>
                    <p>{entry.name.clone()}</p>
                </details>
            })}
            {how}
            <p class="hint">{why}</p>
            {template}
            {attach_controls}
        </li>
    }
    .into_any()
}

/// Where files come in: the picker, the phone's camera, or a drop on the frame.
#[component]
fn DropZone(key: String, paper: String, add: Callback<Vec<web_sys::File>>) -> impl IntoView {
    let (input_id, camera_id) = (format!("tep-{key}"), format!("anh-{key}"));
    let for_whom = format!(" cho «{paper}»");
    let from_input = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let chosen = input.files().map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect()).unwrap_or_default();
        // Choosing the same file again must fire `change` again.
        input.set_value("");
        add.run(chosen);
    };
    let dragging = RwSignal::new(false);
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        add.run(ev.data_transfer().and_then(|d| d.files()).map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect()).unwrap_or_default());
    };
    view! {
        <div class="drop" class:drop--over=move || dragging.get()
            on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=on_drop>
            <div class="drop__controls">
                <label class="label label--small" for=input_id.clone()>{tr!("papers.chon-tep", "Chọn tệp")} <span class="visually-hidden">{for_whom.clone()}</span></label>
                <input class="file-input" type="file" id=input_id multiple accept=picker_accept() on:change=from_input/>
                <label class="label label--small" for=camera_id.clone()>{tr!("papers.chup-anh-bang-dien-thoai", "Chụp ảnh bằng điện thoại")} <span class="visually-hidden">{for_whom}</span></label>
                <input class="file-input" type="file" id=camera_id accept="image/*" capture="environment" on:change=from_input/>
            </div>
            <p class="hint">{tr!("papers.hoac-keo-tha-tep-vao", "Hoặc kéo thả tệp vào khung này. Nhận PDF, JPEG, PNG. Mặt trước và mặt sau, nhiều trang: đính kèm nhiều tệp rồi gộp.")}</p>
        </div>
    }
}

/// The catalogue names templates but does not hold the files: they are on the procedure's page
/// of the national portal (a link; hoso itself fetches nothing from there).
#[component]
fn Template(name: String, source: Option<String>) -> impl IntoView {
    let link = source.map(|url| view! {
        " " <a href=url target="_blank" rel="noopener noreferrer">{tr!("papers.tai-mau-tren-cong-dich", "Tải mẫu trên Cổng Dịch vụ công quốc gia")} <span class="visually-hidden">{tr!("papers.mo-trong-the-moi", " (mở trong thẻ mới)")}</span></a>
    });
    view! { <span class="doc__template">{tr!("papers.mau", "Mẫu: {name}.", name = name)}{link}</span> }
}

#[component]
fn AttachedFile(dossier_id: String, key: String, paper: String, index: usize, count: usize, a: Attachment) -> impl IntoView {
    let attachments = use_attachments();
    let what = match (a.kind, a.pages, a.width, a.height) {
        (FileKind::Pdf, Some(p), _, _) => format!("PDF, {p} trang, {}", human_size(a.size)),
        (_, _, Some(w), Some(h)) => format!("{}, {w} × {h}, {}", a.kind.name(), human_size(a.size)),
        _ => format!("{}, {}", a.kind.name(), human_size(a.size)),
    };
    let thumb = a.kind.is_image().then(|| files::object_url(&a.hash)).flatten().map(|url| view! { <img class="files__thumb" src=url alt=""/> });
    let pdf_mark = (!a.kind.is_image()).then(|| view! { <span class="files__thumb files__thumb--pdf" aria-hidden="true">"PDF"</span> });
    let shift = {
        let (dossier_id, key) = (dossier_id.clone(), key.clone());
        move |up: bool| attachments.0.update(|all| _ = all.get_mut(&dossier_id).map(|d| d.shift(&key, index, up)))
    };
    let remove = {
        let hash = a.hash.clone();
        // The file and the originals it was made from leave the device's memory once nothing
        // refers to them any more.
        move |_| {
            let freed = attachments.0.try_update(|all| all.get_mut(&dossier_id).map(|d| d.remove(&key, &hash)).unwrap_or_default()).unwrap_or_default();
            for h in freed.iter().filter(|h| !attachments.0.with_untracked(|all| all.values().any(|d| d.holder(h).is_some()))) {
                files::forget(h);
            }
        }
    };
    let label = tr!("papers.tep-cua", "{name} (tệp {n} của «{paper}»)", name = a.name, n = index + 1, paper = paper);
    let warnings = a.problems.iter().map(|w| view! { <li>{w.message()}</li> }).collect_view();
    let (up, down) = (shift.clone(), shift);
    view! {
        <li class="files__item">
            {thumb}{pdf_mark}
            <div class="files__body">
                <p class="files__name">{a.name.clone()}</p>
                <p class="hint">{what}</p>
                <ul class="files__warnings">{warnings}</ul>
                <div class="files__actions">
                    <button type="button" class="link-button" prop:disabled={index == 0} on:click=move |_| up(true)>
                        {tr!("papers.len", "Lên")} <span class="visually-hidden">{format!(": {label}")}</span>
                    </button>
                    <button type="button" class="link-button" prop:disabled={index + 1 >= count} on:click=move |_| down(false)>
                        {tr!("papers.xuong", "Xuống")} <span class="visually-hidden">{format!(": {label}")}</span>
                    </button>
                    <button type="button" class="link-button" on:click=remove>
                        {tr!("papers.xoa", "Xoá")} <span class="visually-hidden">{format!(": {label}")}</span>
                    </button>
                </div>
            </div>
        </li>
    }
}
