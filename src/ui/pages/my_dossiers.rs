//! `/ho-so`, "Hồ sơ của tôi": every dossier started on this device (procedure, who it is for,
//! progress, files, last change), to go on with, copy into a new one (a family, a ward desk: several
//! dossiers of one procedure) or delete (with a few seconds to undo); how much
//! of the device's storage hoso uses; and "Mở hồ sơ đã lưu" for a draft file from elsewhere.

use crate::ui::A;
use leptos::prelude::*;

use crate::core::dossier::procedure_of;
use crate::core::files::human_size;
use crate::core::forms::form_of;
use crate::ui::autosave::use_drafts;
use crate::ui::components::DraftFile;
use crate::ui::Page;

/// How long a deleted dossier can be brought back.
const UNDO_SECONDS: u64 = 10;

#[component]
pub fn MyDossiers() -> impl IntoView {
    let drafts = use_drafts();
    // The drafts on the device, then the catalogue (the procedures' names) and each one's form.
    let loaded = drafts.listed();
    // The dossier being deleted (hidden, undo offered) and its timer.
    let deleting = RwSignal::new(None::<String>);
    let timer = StoredValue::new_local(None::<TimeoutHandle>);
    let delete_now = move || {
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        if let Some(id) = deleting.try_update(Option::take).flatten() {
            drafts.remove(&id);
        }
    };
    // Leaving the page confirms a deletion waiting for its undo.
    on_cleanup(delete_now);
    let delete = move |id: String| {
        delete_now();
        deleting.set(Some(id));
        if let Ok(handle) = set_timeout_with_handle(delete_now, std::time::Duration::from_secs(UNDO_SECONDS)) {
            timer.set_value(Some(handle));
        }
    };
    let undo = move |_| {
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        deleting.set(None);
    };
    // The procedure's name, and which of its dossiers this is when there are several.
    let name_of = move |id: &str| {
        let code = procedure_of(id);
        let name = crate::core::catalogue::index::procedure_name(loaded.get().flatten().as_ref().map(|c| &c.index), code);
        crate::core::dossier::title(id, &name)
    };
    // The copy just made, to say so.
    let copied = RwSignal::new(None::<String>);
    let copy = move |id: String| {
        copied.set(Some(drafts.duplicate(&id)));
    };
    // Submitted dossiers show their appointment: counted again when newer days-off decisions arrive.
    let decisions = crate::web::calendar::updates();
    let rows = move || {
        loaded.get()?;
        decisions.track();
        let hidden = deleting.get();
        let ids: Vec<String> = drafts.ids().into_iter().filter(|c| hidden.as_ref() != Some(c)).collect();
        if ids.is_empty() {
            return Some(
                view! { <p>{tr!("my_dossiers.chua-co-ho-so-nao", "Chưa có hồ sơ nào trên máy này. Tìm thủ tục ở trang chủ để bắt đầu.")}</p> }.into_any(),
            );
        }
        let items = ids
            .into_iter()
            .map(|id| {
                let name = name_of(&id);
                let dossier = drafts.latest(&id);
                let summary = dossier.summary(&form_of(&dossier.procedure, &name));
                // "Làm tiếp" returns where the person was.
                let resume = match &dossier.step {
                    Some(step) => format!("/ho-so/{id}/{step}"),
                    None => format!("/ho-so/{id}"),
                };
                let who = summary.applicant.clone().map(|a| tr!("my_dossiers.nguoi-yeu-cau", "Người yêu cầu: {a}", a = a));
                // Submitted: where it stands, and the appointment with the working days left.
                let submitted = dossier.submission.as_ref().map(|s| {
                    let state =
                        tr!("my_dossiers.da-nop", "Đã nộp, mã hồ sơ {code}. {state}", code = s.dossier_code, state = s.describe(crate::web::clock::now().date));
                    view! { <p class="my-dossier__state">{state}</p> }
                });
                // The package made of it as it stands, waiting to be submitted: when.
                let exported = dossier.exported_now().map(|e| view! { <p class="my-dossier__state">{e.describe()}</p> });
                let (to_copy, to_delete) = (id.clone(), id.clone());
                let label = tr!(
                    "my_dossiers.ho-so-ten",
                    " hồ sơ {name}{of}",
                    name = name,
                    of = summary.applicant.as_ref().map(|a| tr!("my_dossiers.cua", " của {a}", a = a)).unwrap_or_default()
                );
                let (go_label, copy_label, delete_label) = (label.clone(), label.clone(), label);
                view! {
                    <li class="my-dossier">
                        <h2 class="my-dossier__name"><A href=format!("/ho-so/{id}")>{name}</A></h2>
                        {who.map(|w| view! { <p class="my-dossier__who">{w}</p> })}
                        {submitted}
                        {exported}
                        <p class="hint">
                            {tr!(
                                "my_dossiers.tom-tat",
                                "Tờ khai: đã xong {done}/{total} phần · {files} tệp đính kèm · sửa lần cuối {when}",
                                done = summary.done,
                                total = summary.total,
                                files = summary.files,
                                when = dossier.changed_at().map(|r| r.to_vn()).unwrap_or_default(),
                            )}
                        </p>
                        <div class="button-group">
                            <A href=resume attr:class="button">{tr!("my_dossiers.lam-tiep", "Làm tiếp")}<span class="visually-hidden">{go_label}</span></A>
                            <button type="button" class="button button--secondary" on:click=move |_| copy(to_copy.clone())>
                                {tr!("my_dossiers.tao-ban-sao", "Tạo bản sao")}<span class="visually-hidden">{copy_label}</span>
                            </button>
                            <button type="button" class="button button--secondary" on:click=move |_| delete(to_delete.clone())>
                                {tr!("my_dossiers.xoa", "Xoá")}<span class="visually-hidden">{delete_label}</span>
                            </button>
                        </div>
                    </li>
                }
            })
            .collect_view();
        Some(view! { <ul class="my-dossiers">{items}</ul> }.into_any())
    };
    let undo_line = move || {
        deleting.get().map(|id| {
            view! {
                <div class="notice" role="status">
                    <p>
                        {tr!("my_dossiers.da-xoa", "Đã xoá hồ sơ «{name}». ", name = name_of(&id))}
                        <button type="button" class="button button--secondary" on:click=undo>{tr!("my_dossiers.hoan-tac", "Hoàn tác")}</button>
                    </p>
                    <p class="hint">{tr!("my_dossiers.giay-de-lay-lai", "Bạn có {seconds} giây để lấy lại.", seconds = UNDO_SECONDS)}</p>
                </div>
            }
        })
    };
    // A copy is a new dossier with the same answers and files: say where it is.
    let copied_line = move || {
        copied.get().map(|id| {
            view! {
                <div class="notice" role="status">
                    <p>
                        {tr!("my_dossiers.da-tao", "Đã tạo «{name}» với cùng câu trả lời và tệp đính kèm. Sửa những gì khác (ví dụ người yêu cầu) rồi làm tiếp. ", name = name_of(&id))}
                        <A href=format!("/ho-so/{id}")>{tr!("my_dossiers.mo-ho-so-moi", "Mở hồ sơ mới")}</A>
                    </p>
                </div>
            }
        })
    };
    let usage = LocalResource::new(crate::web::device::usage);
    let usage_line = move || {
        usage.get().flatten().map(|(used, quota)| {
            view! {
                <p class="hint">{tr!("my_dossiers.bo-nho", "hoso đang dùng {used} bộ nhớ của máy này; trình duyệt cho phép tới khoảng {quota}.", used = human_size(used as u64), quota = human_size(quota as u64))}</p>
            }
        })
    };
    view! {
        <Page title={tr!("my_dossiers.ho-so-cua-toi", "Hồ sơ của tôi").to_string()}>
            <p>{tr!("my_dossiers.cac-ho-so-dang-lam", "Các hồ sơ đang làm trên máy này. Mọi thứ chỉ nằm trên máy này cho đến khi bạn nộp hoặc lưu ra tệp.")}</p>
            {undo_line}
            {copied_line}
            <Suspense fallback=|| view! { <p role="status">{tr!("my_dossiers.dang-mo-cac-ho-so", "Đang mở các hồ sơ trên máy này…")}</p> }>{rows}</Suspense>
            {usage_line}
            <OfflineDownload/>
            <h2>{tr!("my_dossiers.mo-ho-so-tu-may", "Mở hồ sơ từ máy khác")}</h2>
            <DraftFile dossier_id=None/>
            <p><A href="/ket-thuc-phien">{tr!("my_dossiers.ket-thuc-phien-tren-may", "Kết thúc phiên trên máy này")}</A>{tr!("my_dossiers.may-dung-chung-xoa-moi", " (máy dùng chung: xoá mọi thứ hoso đã lưu)")}</p>
        </Page>
    }
}

/// "Tải để dùng khi không có mạng": every procedure and form, and the package maker and QR reader,
/// kept on the device (by the service worker), with a progress bar. Only where a service worker keeps what is fetched.
#[component]
fn OfflineDownload() -> impl IntoView {
    let (done, total) = (RwSignal::new(0usize), RwSignal::new(0usize));
    let outcome = RwSignal::new(None::<(bool, String)>);
    let busy = RwSignal::new(false);
    let start = move |_| {
        busy.set(true);
        outcome.set(None);
        leptos::task::spawn_local(async move {
            let result = match crate::web::offline::offline_files().await {
                Err(e) => Err(e.to_string()),
                Ok(paths) => {
                    total.set(paths.len());
                    done.set(0);
                    crate::web::offline::fetch_all(&paths, move |n| done.set(n)).await.map_err(|(n, _)| {
                        tr!(
                            "my_dossiers.moi-tai-duoc",
                            "Mới tải được {n}/{total} tệp: mạng bị ngắt hoặc chậm. Bấm lại để tải tiếp (những gì đã tải vẫn còn).",
                            n = n,
                            total = paths.len()
                        )
                    })
                }
            };
            outcome.set(Some(match result {
                Ok(n) => (
                    true,
                    tr!(
                        "my_dossiers.da-tai-xong-tep-moi",
                        "Đã tải xong {n} tệp: mọi thủ tục đều tra cứu, làm và xuất hồ sơ được khi không có mạng trên máy này.",
                        n = n
                    ),
                ),
                Err(why) => (false, why),
            }));
            busy.set(false);
        });
    };
    crate::web::offline::kept_offline().then(|| {
        view! {
            <h2>{tr!("my_dossiers.dung-khi-khong-co-mang", "Dùng khi không có mạng")}</h2>
            <p class="hint">
                {tr!("my_dossiers.cac-thu-tuc-ban-da", "Các thủ tục bạn đã mở đã có sẵn trên máy này. Tải cả danh mục và phần lập gói hồ sơ (vài MB, nên dùng Wi-Fi) để tra cứu, làm và xuất hồ sơ mọi thủ tục khi không có mạng.")}
            </p>
            <button type="button" class="button button--secondary" on:click=start prop:disabled=move || busy.get()>{tr!("my_dossiers.tai-de-dung-khi-khong", "Tải để dùng khi không có mạng")}</button>
            {move || (total.get() > 0).then(|| view! {
                <p>
                    <label for="tai-ngoai-tuyen">{move || tr!("my_dossiers.da-tai", "Đã tải {done}/{total} tệp", done = done.get(), total = total.get())}</label>
                    <progress id="tai-ngoai-tuyen" max=move || total.get() value=move || done.get()></progress>
                </p>
            })}
            <div role="status" aria-live="polite">
                {move || outcome.get().map(|(ok, m)| view! { <p class=if ok { "file-ok" } else { "error-message" }>{m}</p> })}
            </div>
        }
    })
}
