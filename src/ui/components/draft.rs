//! "Lưu hồ sơ ra tệp" and "Mở hồ sơ đã lưu": the dossier (answers and attached files) carried to
//! another device or kept safe on a shared computer, as the draft file `core::draft` writes and
//! checks. Opening a file that is refused changes nothing.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::core::dossier::Dossier;
use crate::core::draft::{file_name, read_draft, write_draft};
use crate::core::files::sniff;
use crate::ui::state::{use_attachments, use_catalogue, use_dossiers};
use crate::web::files;

#[component]
pub fn DraftFile(code: String) -> impl IntoView {
    let (dossiers, attachments, catalogue) = (use_dossiers(), use_attachments(), use_catalogue());
    let message = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    let save = {
        let code = code.clone();
        move |_| {
            let code = code.clone();
            busy.set(true);
            leptos::task::spawn_local(async move {
                let now = crate::web::clock::now();
                let version = catalogue.get_untracked().and_then(Result::ok).map(|c| c.index.catalogue_version.clone()).unwrap_or_default();
                let mut d = Dossier::new(format!("{code}-{}", now.to_rfc3339()), code.clone(), version, now);
                d.answers = dossiers.0.with_untracked(|all| all.get(&code).cloned().unwrap_or_default());
                d.attachments = attachments.0.with_untracked(|all| all.get(&code).cloned().unwrap_or_default());
                let mut bytes = BTreeMap::new();
                for hash in d.file_hashes() {
                    if let Some(blob) = files::blob(&hash) {
                        if let Ok(b) = files::read(&blob).await {
                            bytes.insert(hash, b);
                        }
                    }
                }
                let outcome = match write_draft(&d, |h| bytes.get(h).cloned()) {
                    Ok(zip) => files::save_as(&zip, &file_name(&d), "application/zip").map(|_| file_name(&d)).map_err(|p| p.message()),
                    Err(p) => Err(p.message()),
                };
                message.set(Some(match outcome {
                    Ok(name) => (true, format!("Đã lưu hồ sơ ra tệp «{name}». Giữ tệp này cẩn thận: trong đó có thông tin cá nhân và giấy tờ của bạn.")),
                    Err(why) => (false, format!("Chưa lưu được hồ sơ ra tệp: {why}")),
                }));
                busy.set(false);
            });
        }
    };
    let navigate = use_navigate();
    let open = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
        input.set_value("");
        let (code, navigate) = (code.clone(), navigate.clone());
        busy.set(true);
        leptos::task::spawn_local(async move {
            let outcome = match files::read(&file).await {
                Err(p) => Err(p.message()),
                Ok(bytes) => read_draft(&bytes).map_err(|p| p.message()),
            };
            match outcome {
                Err(why) => message.set(Some((false, format!("Không mở được «{}»: {why}", file.name())))),
                Ok(draft) => {
                    let d = draft.dossier;
                    for (hash, bytes) in &draft.files {
                        if let Ok(blob) = files::to_blob(bytes, sniff(bytes).mime()) {
                            files::keep(hash, &blob);
                        }
                    }
                    let papers = d.attachments.all().count();
                    dossiers.0.update(|all| _ = all.insert(d.procedure.clone(), d.answers));
                    attachments.0.update(|all| _ = all.insert(d.procedure.clone(), d.attachments));
                    message.set(Some((
                        true,
                        format!("Đã mở hồ sơ đã lưu ngày {}: các câu trả lời và {papers} tệp đính kèm đã trở lại.", &d.changed.get(..10).unwrap_or("")),
                    )));
                    // A file for another procedure: go to that dossier.
                    if d.procedure != code {
                        navigate(&format!("/ho-so/{}", d.procedure), Default::default());
                    }
                }
            }
            busy.set(false);
        });
    };
    view! {
        <div class="draft-file no-print">
            <p class="hint">"Thông tin chỉ nằm trong trang này. Để làm tiếp trên máy khác, hoặc để không mất khi đóng trang, hãy lưu hồ sơ ra tệp."</p>
            <button type="button" class="button button--secondary" on:click=save prop:disabled=move || busy.get()>"Lưu hồ sơ ra tệp"</button>
            <label class="label label--small" for="mo-ho-so">"Mở hồ sơ đã lưu (tệp .zip do hoso tạo)"</label>
            <input class="file-input" type="file" id="mo-ho-so" accept=".zip,application/zip" on:change=open/>
            <div role="status" aria-live="polite">
                {move || message.get().map(|(ok, m)| view! { <p class=if ok { "file-ok" } else { "error-message" }>{m}</p> })}
            </div>
        </div>
    }
}
