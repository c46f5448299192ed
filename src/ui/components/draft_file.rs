//! "Lưu hồ sơ ra tệp" and "Mở hồ sơ đã lưu": a dossier (answers and attached files) carried to
//! another device, or kept off a shared computer, as the draft file `core::draft` lays out. The
//! package maker (a worker) writes and checks the file, so the app holds no ZIP code; a file that
//! is refused changes nothing, and one that would replace work on this device asks first.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::core::dossier::Dossier;
use crate::ui::autosave::use_drafts;
use crate::ui::state::{use_attachments, use_dossiers};
use crate::web::files;

/// A draft file read and checked, waiting for the person to say it may replace their work.
type Opened = (Dossier, Vec<(String, web_sys::Blob)>);

/// The day a dossier in a file was last changed, as people write it.
fn saved_day(d: &Dossier) -> String {
    d.changed_at().map(|r| r.date.to_vn()).unwrap_or_default()
}

/// `dossier_id`: the dossier this page shows (saved by the button; an opened file that becomes
/// another dossier leads away from it); `None` on "Hồ sơ của tôi" (open only).
#[component]
pub fn DraftFile(dossier_id: Option<String>) -> impl IntoView {
    let (dossiers, attachments, drafts) = (use_dossiers(), use_attachments(), use_drafts());
    let message = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    let waiting = RwSignal::new_local(None::<Opened>);
    let navigate = use_navigate();
    let here = dossier_id.clone();
    // `replace`: the person said the file replaces the work on this device under its id.
    let finish = move |(dossier, blobs): Opened, replace: bool| {
        let (day, papers) = (saved_day(&dossier), dossier.attachments.all().count());
        let dossier_id = drafts.adopt(dossier, blobs, replace);
        message.set(Some((
            true,
            tr!(
                "draft_file.da-mo-ho-so-luu",
                "Đã mở hồ sơ lưu ngày {day}: các câu trả lời và {papers} tệp đính kèm đã trở lại, và đã lưu trên máy này.",
                day = day,
                papers = papers
            ),
        )));
        if here.as_deref() != Some(dossier_id.as_str()) {
            navigate(&format!("/ho-so/{dossier_id}"), Default::default());
        }
    };
    let finish = StoredValue::new_local(finish);
    let save = dossier_id.clone().map(|dossier_id| {
        move |_| {
            let dossier_id = dossier_id.clone();
            busy.set(true);
            message.set(None);
            leptos::task::spawn_local(async move {
                let answers = dossiers.0.with_untracked(|d| d.get(&dossier_id).cloned().unwrap_or_default());
                let attached = attachments.0.with_untracked(|a| a.get(&dossier_id).cloned().unwrap_or_default());
                let dossier = drafts.current(&dossier_id, answers, attached);
                let blobs: Vec<(String, web_sys::Blob)> = dossier.file_hashes().into_iter().filter_map(|h| Some((h.clone(), files::blob(&h)?))).collect();
                let outcome = match crate::web::worker::save_draft(&dossier.to_json(), &blobs).await {
                    Ok((blob, name)) => files::save_as(&blob, &name).map(|_| name).ok_or_else(|| crate::core::package::WriteProblem::Unavailable.message()),
                    Err(why) => Err(why),
                };
                message.set(Some(match outcome {
                    Ok(name) => (
                        true,
                        tr!(
                            "draft_file.da-luu-ho-so-ra",
                            "Đã lưu hồ sơ ra tệp «{name}». Giữ tệp cẩn thận: trong đó có thông tin cá nhân và giấy tờ của bạn.",
                            name = name
                        ),
                    ),
                    Err(why) => (false, tr!("draft_file.chua-luu-duoc-ho-so", "Chưa lưu được hồ sơ ra tệp: {why}", why = why)),
                }));
                busy.set(false);
            });
        }
    });
    let open = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
        input.set_value("");
        busy.set(true);
        message.set(None);
        waiting.set(None);
        leptos::task::spawn_local(async move {
            let opened =
                crate::web::worker::open_draft(&file).await.and_then(|(json, blobs)| Dossier::from_json(&json).map(|d| (d, blobs)).map_err(|p| p.message()));
            match opened {
                Err(why) => message.set(Some((false, tr!("draft_file.khong-mo-duoc", "Không mở được «{name}». {why}", name = file.name(), why = why)))),
                Ok(opened) if drafts.has_work(&opened.0.id) => waiting.set(Some(opened)),
                Ok(opened) => finish.with_value(|f| f(opened, false)),
            }
            busy.set(false);
        });
    };
    let open_as = move |replace: bool| {
        if let Some(opened) = waiting.try_update(Option::take).flatten() {
            finish.with_value(|f| f(opened, replace));
        }
    };
    let keep = move |_| {
        waiting.set(None);
        message.set(Some((true, tr!("draft_file.da-giu-nguyen-ho-so", "Đã giữ nguyên hồ sơ trên máy này; tệp chưa được mở.").to_string())));
    };
    view! {
        <div class="draft-file no-print">
            {save.map(|save| view! {
                <p class="hint">{tr!("draft_file.de-lam-tiep-tren-may", "Để làm tiếp trên máy khác, hoặc để không để lại gì trên máy dùng chung, hãy lưu hồ sơ ra tệp (.zip) rồi mở lại ở nơi khác.")}</p>
                <button type="button" class="button button--secondary" on:click=save prop:disabled=move || busy.get()>{tr!("draft_file.luu-ho-so-ra-tep", "Lưu hồ sơ ra tệp")}</button>
            })}
            <label class="label label--small" for="mo-ho-so">{tr!("draft_file.mo-ho-so-da-luu", "Mở hồ sơ đã lưu (tệp .zip do hoso tạo)")}</label>
            <input class="file-input" type="file" id="mo-ho-so" accept=".zip,application/zip" on:change=open prop:disabled=move || busy.get()/>
            {move || waiting.with(|w| w.as_ref().map(|(d, _)| saved_day(d))).map(|day| view! {
                <div class="notice" role="alert">
                    <p>{tr!("draft_file.ho-so-trong-tep-luu", "Hồ sơ trong tệp (lưu ngày {day}) đang có trên máy này và đã được làm tiếp ở đây. Bạn muốn thay hồ sơ trên máy bằng hồ sơ trong tệp, hay mở tệp thành một hồ sơ mới bên cạnh?", day = day)}</p>
                    <div class="button-group">
                        <button type="button" class="button" on:click=move |_| open_as(true)>{tr!("draft_file.thay-bang-ho-so-trong", "Thay bằng hồ sơ trong tệp")}</button>
                        <button type="button" class="button button--secondary" on:click=move |_| open_as(false)>{tr!("draft_file.mo-thanh-ho-so-moi", "Mở thành hồ sơ mới")}</button>
                        <button type="button" class="button button--secondary" on:click=keep>{tr!("draft_file.giu-ho-so-tren-may", "Giữ hồ sơ trên máy")}</button>
                    </div>
                </div>
            })}
            <div role="status" aria-live="polite">
                {move || message.get().map(|(ok, m)| view! { <p class=if ok { "file-ok" } else { "error-message" }>{m}</p> })}
            </div>
        </div>
    }
}
