//! "Xuất hồ sơ" on check-your-answers: the submission package (`core::package`), planned and
//! made by the package maker (a worker) from the dossier and the files this page holds, and
//! saved as a ZIP. Offered only when the dossier is
//! complete; otherwise it says what is left, with a way back to it.

use std::sync::Arc;

use crate::ui::A;
use leptos::prelude::*;

use crate::core::catalogue::Procedure;
use crate::core::embed::Outgoing;
use crate::core::files::human_size;
use crate::core::forms::{form_for, form_of};
use crate::core::package::{ready, Input, ToDo, Unready, WriteProblem};
use crate::ui::autosave::use_drafts;
use crate::ui::state::{use_attachments, use_dossiers, use_units};

#[derive(Clone, Debug, PartialEq)]
enum Export {
    Idle,
    /// Making the package (the number tells a cancelled run from the current one).
    Working(u32),
    Done {
        name: String,
        size: u64,
        url: String,
    },
    Failed(String),
}

#[component]
pub fn ExportPanel(dossier_id: String, p: Arc<Procedure>) -> impl IntoView {
    let (dossiers, attachments, units, drafts) = (use_dossiers(), use_attachments(), use_units(), use_drafts());
    let state = RwSignal::new(Export::Idle);
    let done = RwSignal::new(0.0);
    // Sealing (optional): the agency's public keys, or a passphrase. Checked by the package maker.
    // A portal that embeds hoso may name the keys (`hoso:init`'s recipients).
    let portal = crate::ui::embed::use_portal().0;
    let portal_keys = move || portal.with(|g| g.as_ref().map(|g| g.recipients.join("\n"))).filter(|k| !k.is_empty());
    let sealed_for_portal = Memo::new(move |_| portal_keys().is_some());
    let (keys, passphrase) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    // The portal's keys, also when its `hoso:init` comes (again) after this panel is shown.
    Effect::new(move |_| {
        if let Some(k) = portal_keys() {
            keys.set(k);
        }
    });
    let run = StoredValue::new(0u32);
    // Whether it is ready follows the answers and files; the package maker plans the rest. The
    // units only name communes, so a failure to load them does not stop the export.
    let back = format!("/ho-so/{dossier_id}");
    let (rated, exporting) = (dossier_id.clone(), dossier_id.clone());
    let (procedure_name, code) = (p.name.clone(), p.code.clone());
    let planned = Memo::new(move |_| {
        let units = units.get()?;
        let form = form_of(&p.code, &p.name);
        let answers = dossiers.0.with(|d| d.get(&dossier_id).cloned().unwrap_or_default());
        let attached = attachments.0.with(|a| a.get(&dossier_id).cloned().unwrap_or_default());
        let dossier = drafts.current(&dossier_id, answers, attached);
        let units = units.ok();
        let input = Input { procedure: &p, form: &form, full_form: form_for(&p.code).is_some(), dossier: &dossier, units: units.as_deref() };
        Some(ready(&input).map(|()| (dossier.to_json(), dossier.file_hashes())))
    });
    // A complete dossier is about to be exported: the package maker gets ready meanwhile, once.
    Effect::new(move |readied: Option<bool>| {
        let complete = matches!(planned.get(), Some(Ok(_)));
        if complete && readied != Some(true) {
            crate::web::worker::ready_package_maker(&code);
        }
        complete || readied == Some(true)
    });
    let start = move |_| {
        let Some(Ok((dossier_json, hashes))) = planned.get_untracked() else { return };
        let (id, procedure_name) = (exporting.clone(), procedure_name.clone());
        let this = run.with_value(|n| n + 1);
        run.set_value(this);
        state.set(Export::Working(this));
        done.set(0.0);
        leptos::task::spawn_local(async move {
            let seal = Seal { recipients: keys.get_untracked(), passphrase: passphrase.get_untracked() };
            let outcome = make(&dossier_json, &hashes, &seal, move |share| {
                if state.get_untracked() == Export::Working(this) {
                    done.set(share);
                }
            })
            .await;
            if state.get_untracked() != Export::Working(this) {
                return; // cancelled
            }
            state.set(match outcome {
                Ok(made) => {
                    let size = made.blob.size() as u64;
                    crate::web::embed::tell_with_blob(
                        &Outgoing::PackageReady {
                            dossier: id.clone(),
                            procedure: crate::core::dossier::procedure_of(&id).to_string(),
                            name: made.name.clone(),
                            size,
                            sha256: made.sha256.clone(),
                            sealed: made.name.ends_with(".age"),
                        },
                        &made.blob,
                    );
                    if let Ok(packed) = crate::core::dossier::Dossier::from_json(&dossier_json) {
                        drafts.record_export(id.clone(), packed, &made.name, &made.sha256);
                    }
                    // A dossier made with an officer's help counts in the ward's tally (nothing personal).
                    if let Some(row) = crate::core::assist::Helped::of(&drafts.latest(&id), &procedure_name, crate::web::clock::now().date) {
                        crate::web::assist::count_helped(row);
                    }
                    match crate::web::files::save_as(&made.blob, &made.name) {
                        Some(url) => Export::Done { name: made.name, size, url },
                        None => Export::Failed(WriteProblem::Unavailable.message()),
                    }
                }
                Err(message) => Export::Failed(message),
            });
        });
    };
    move || match planned.get() {
        None => view! { <p class="loading" role="status">{tr!("declaration.export.dang-chuan-bi", "Đang chuẩn bị…")}</p> }.into_any(),
        Some(Err(unready)) => {
            let Unready::Incomplete { to_do } = &unready;
            let links = to_do
                .iter()
                .map(|t| {
                    let href = match t {
                        ToDo::Section { section, .. } => format!("{back}/to-khai/{section}?quay-lai=kiem-tra"),
                        ToDo::Paper { key, .. } => format!("{back}#giay-to-{key}"),
                    };
                    let label = t.label();
                    view! { <li><A href=href>{label}</A></li> }
                })
                .collect_view();
            let message = unready.message();
            view! {
                <div class="notice" role="status">
                    <p><strong>{message}</strong></p>
                    <ul>{links}</ul>
                </div>
            }
            .into_any()
        }
        Some(Ok(_)) => {
            let (rated, start) = (rated.clone(), start.clone());
            view! {
            <p>{tr!("declaration.export.goi-ho-so-zip-gom", "Gói hồ sơ (.zip) gồm tờ khai để in và ký, biên nhận có mã QR, hướng dẫn nộp lên Cổng Dịch vụ công và các giấy tờ bạn đã đính kèm. Gói được lập ngay trên máy này.")}</p>
            // Framed by a portal: it receives the package as soon as it is made (said before, not after).
            {crate::web::embed::host().map(|host| view! {
                <p>{tr!("declaration.export.chuyen-cho-cong", "Lập xong, gói hồ sơ được chuyển ngay cho trang đang mở hoso ({host}) để nộp. Muốn chỉ cơ quan tiếp nhận mở được gói, hãy mã hoá gói bên dưới.", host = host)}</p>
            })}
            <details class="seal" open=move || sealed_for_portal.get()>
                <summary>{tr!("declaration.export.ma-hoa-goi-ho-so", "Mã hoá gói hồ sơ (không bắt buộc)")}</summary>
                <p>{tr!("declaration.export.chi-co-quan-co-khoa", "Chỉ cơ quan có khoá, hoặc người biết mật khẩu, mở được gói đã mã hoá (định dạng age). Dùng khi gửi gói qua thư điện tử hoặc USB.")}</p>
                <div class="form-group">
                    <label class="label" for="khoa-co-quan">{tr!("declaration.export.khoa-cong-khai-cua-co", "Khoá công khai của cơ quan tiếp nhận")}</label>
                    <p class="hint" id="khoa-co-quan-goi-y">{tr!("declaration.export.bat-dau-bang-age1-do", "Bắt đầu bằng age1…, do cơ quan cung cấp. Có thể nhập nhiều khoá, mỗi khoá một dòng.")}</p>
                    <textarea class="input input--full" id="khoa-co-quan" rows="2" spellcheck="false" aria-describedby="khoa-co-quan-goi-y"
                        prop:value=move || keys.get() on:input=move |ev| keys.set(event_target_value(&ev))></textarea>
                </div>
                <div class="form-group">
                    <label class="label" for="mat-khau-goi">{tr!("declaration.export.hoac-dat-mat-khau-cho", "Hoặc đặt mật khẩu cho gói")}</label>
                    <p class="hint" id="mat-khau-goi-goi-y">{tr!("declaration.export.it-nhat-8-ky-tu", "Ít nhất 8 ký tự. Báo mật khẩu cho cán bộ tiếp nhận bằng cách khác (gọi điện, gặp trực tiếp).")}</p>
                    <input class="input" type="password" id="mat-khau-goi" autocomplete="new-password" aria-describedby="mat-khau-goi-goi-y"
                        prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                </div>
            </details>
            <div class="button-group">
                <button type="button" class="button" on:click=start disabled=move || matches!(state.get(), Export::Working(_))>{tr!("declaration.export.xuat-ho-so-zip", "Xuất hồ sơ (.zip)")}</button>
                {move || matches!(state.get(), Export::Working(_)).then(|| view! {
                    <button type="button" class="button button--secondary" on:click=move |_| state.set(Export::Idle)>{tr!("declaration.export.huy", "Huỷ")}</button>
                })}
            </div>
            <div role="status" aria-live="polite">
                {move || match state.get() {
                    Export::Idle => ().into_any(),
                    Export::Working(_) => view! {
                        <p><label for="tien-do-xuat">{tr!("declaration.export.dang-lap-to-khai-va", "Đang lập tờ khai và gói hồ sơ…")}</label></p>
                        <progress id="tien-do-xuat" class="progress" max="100" value=move || format!("{:.0}", done.get() * 100.0)>
                            {move || format!("{:.0}%", done.get() * 100.0)}
                        </progress>
                    }
                    .into_any(),
                    Export::Done { name, size, url } => view! {
                        <div class="notice notice--important">
                            <p><strong>{tr!("declaration.export.da-lap-goi", "Đã lập gói hồ sơ «{name}» ({size}).", name = name, size = human_size(size))}</strong></p>
                            <p>{tr!("declaration.export.neu-trinh-duyet-chua-tu", "Nếu trình duyệt chưa tự lưu, ")}<a href=url download=name.clone()>{tr!("declaration.export.bam-vao-day-de-tai", "bấm vào đây để tải gói hồ sơ")}</a>"."</p>
                            {crate::web::embed::active().then(|| view! {
                                <p>{tr!("declaration.export.goi-ho-so-da-duoc", "Gói hồ sơ đã được chuyển cho Cổng Dịch vụ công.")}</p>
                                <button type="button" class="button button--secondary"
                                    on:click=|_| crate::web::embed::tell(&Outgoing::Closed { reason: "done".into() })>{tr!("declaration.export.quay-lai-cong-dich-vu", "Quay lại Cổng Dịch vụ công")}</button>
                            })}
                        </div>
                        <crate::ui::components::RatingPanel dossier_id=rated.clone()/>
                    }
                    .into_any(),
                    Export::Failed(message) => view! { <div class="error-box" role="alert"><p>{message}</p></div> }.into_any(),
                }}
            </div>
        }
        .into_any()
        }
    }
}

/// What the person asked to seal the package with (empty: not sealed).
pub struct Seal {
    pub recipients: String,
    pub passphrase: String,
}

/// The files, then the worker's package.
async fn make(dossier_json: &str, hashes: &[String], seal: &Seal, progress: impl Fn(f64) + 'static) -> Result<crate::web::worker::Exported, String> {
    let mut files = Vec::new();
    for hash in hashes {
        let blob = crate::web::files::blob(hash).ok_or_else(|| WriteProblem::MissingFile { hash: hash.clone() }.message())?;
        files.push((hash.clone(), blob));
    }
    crate::web::worker::package(dossier_json, &files, (&seal.recipients, &seal.passphrase), progress).await
}
