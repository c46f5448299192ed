//! `/ho-tro`, "Hỗ trợ người dân": a ward officer or a community digital team member turns assisted
//! mode on at a shared computer with their name and unit (`core::assist::Helper`, remembered by
//! `web::assist`). Each dossier then asks for the resident's consent before the help is recorded
//! (`ui::pages::dossier`, `AssistConsent`).

use leptos::prelude::*;

use crate::core::assist::{Helper, HelperProblem};
use crate::ui::{Page, A};

#[component]
pub fn Assist() -> impl IntoView {
    let helper = RwSignal::new(crate::web::assist::helper());
    let (name, unit) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let problem = RwSignal::new(None::<HelperProblem>);
    let turn_on = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Helper::new(&name.get_untracked(), &unit.get_untracked()) {
            Ok(h) => {
                crate::web::assist::set_helper(Some(&h));
                helper.set(Some(h));
                problem.set(None);
            }
            Err(p) => {
                crate::ui::focus::focus_by_id(if matches!(p, HelperProblem::Name(_)) { "can-bo-ten" } else { "can-bo-don-vi" });
                problem.set(Some(p));
            }
        }
    };
    let turn_off = move |_| {
        crate::web::assist::set_helper(None);
        helper.set(None);
    };
    let name_error = move || match problem.get() {
        Some(p @ HelperProblem::Name(_)) => Some(p.message()),
        _ => None,
    };
    let unit_error = move || match problem.get() {
        Some(p @ HelperProblem::Unit { .. }) => Some(p.message()),
        _ => None,
    };
    view! {
        <Page title={tr!("assist.ho-tro-nguoi-dan", "Hỗ trợ người dân").to_string()}>
            <p class="lead">{tr!("assist.danh-cho-can-bo-phuong", "Dành cho cán bộ phường, xã và tổ công nghệ số cộng đồng nhập hồ sơ giúp người dân trên máy dùng chung.")}</p>
            {move || match helper.get() {
                Some(h) => view! {
                    <div class="notice notice--important" role="status">
                        <p><strong>{tr!("assist.dang-bat", "Đang bật chế độ hỗ trợ: {name} ({unit}).", name = h.name, unit = h.unit)}</strong></p>
                        <p>{tr!("assist.o-moi-ho-so-hay", "Ở mỗi hồ sơ, hãy hỏi người dân có đồng ý để bạn nhập giúp không và đánh dấu khi họ đồng ý. Gói hồ sơ sẽ ghi tên bạn và thời điểm người dân đồng ý.")}</p>
                        <p>{tr!("assist.khi-nguoi-dan-ve-vao", "Khi người dân về, vào ")}<A href="/ket-thuc-phien">{tr!("assist.ket-thuc-phien-tren-may", "Kết thúc phiên trên máy này")}</A>{tr!("assist.va-chon-nguoi-dan-da", " và chọn «Người dân đã về»: hồ sơ của họ được xoá, chế độ hỗ trợ vẫn bật cho người tiếp theo.")}</p>
                    </div>
                    <DeskQueue/>
                    <HelpedCount/>
                    <button type="button" class="button button--secondary" on:click=turn_off>{tr!("assist.tat-che-do-ho-tro", "Tắt chế độ hỗ trợ")}</button>
                }
                .into_any(),
                None => view! {
                    <form class="assist-form" novalidate on:submit=turn_on>
                        <div class=move || if name_error().is_some() { "form-group form-group--error" } else { "form-group" }>
                            <label class="label" for="can-bo-ten">{tr!("assist.ho-va-ten-can-bo", "Họ và tên cán bộ")}</label>
                            {move || name_error().map(|m| view! { <p class="error-message" id="can-bo-ten-loi"><span class="visually-hidden">{tr!("assist.loi", "Lỗi: ")}</span>{m}</p> })}
                            <input class="input input--full" id="can-bo-ten" autocomplete="name" spellcheck="false"
                                aria-describedby=move || name_error().map(|_| "can-bo-ten-loi") aria-invalid=move || name_error().map(|_| "true")
                                prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                        </div>
                        <div class=move || if unit_error().is_some() { "form-group form-group--error" } else { "form-group" }>
                            <label class="label" for="can-bo-don-vi">{tr!("assist.don-vi", "Đơn vị")}</label>
                            <p class="hint" id="can-bo-don-vi-goi-y">{tr!("assist.vi-du-ubnd-phuong-hoan", "Ví dụ: UBND phường Hoàn Kiếm, hoặc Tổ công nghệ số cộng đồng xã Tân Lập.")}</p>
                            {move || unit_error().map(|m| view! { <p class="error-message" id="can-bo-don-vi-loi"><span class="visually-hidden">{tr!("assist.loi", "Lỗi: ")}</span>{m}</p> })}
                            <input class="input input--full" id="can-bo-don-vi" autocomplete="organization"
                                aria-describedby=move || if unit_error().is_some() { "can-bo-don-vi-goi-y can-bo-don-vi-loi" } else { "can-bo-don-vi-goi-y" }
                                aria-invalid=move || unit_error().map(|_| "true")
                                prop:value=move || unit.get() on:input=move |ev| unit.set(event_target_value(&ev))/>
                        </div>
                        <button type="submit" class="button">{tr!("assist.bat-che-do-ho-tro", "Bật chế độ hỗ trợ")}</button>
                    </form>
                }
                .into_any(),
            }}
        </Page>
    }
}

/// The desk's queue: every resident's dossier on this device side by side, first opened first,
/// with where it stands (`core::desk`), to go on with, and "Người dân đã về" for the one who left:
/// their dossier and files are deleted and the device read back to make sure.
#[component]
fn DeskQueue() -> impl IntoView {
    use crate::core::desk::{queue, DeskRow};
    let drafts = crate::ui::autosave::use_drafts();
    // The drafts on the device, then the procedures' names and forms (for each one's progress).
    let loaded = drafts.listed();
    // What the last "Người dân đã về" did: the resident's name, and what is still stored (if any).
    let outcome = RwSignal::new(None::<(String, Result<crate::core::desk::LeftBehind, crate::web::drafts::StoreError>)>);
    let busy = RwSignal::new(false);
    let left = move |id: String, who: String| {
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = drafts.resident_left(&id).await;
            outcome.set(Some((who, result)));
            busy.set(false);
            crate::ui::focus::focus_by_id_later("hang-cho-ket-qua".into());
        });
    };
    let rows = move || {
        let catalogue = loaded.get()?;
        let name_of = |code: &str| crate::core::catalogue::index::procedure_name(catalogue.as_ref().map(|c| &c.index), code);
        let rows = queue(
            drafts
                .ids()
                .into_iter()
                .map(|id| {
                    let dossier = drafts.latest(&id);
                    DeskRow::of(&dossier, &crate::core::forms::form_of(&dossier.procedure, &name_of(&dossier.procedure)))
                })
                .collect(),
        );
        if rows.is_empty() {
            return Some(
                view! { <p>{tr!("assist.hang-cho-trong", "Chưa có hồ sơ nào trên máy này. Khi người dân đến, tìm thủ tục ở trang chủ để bắt đầu.")}</p> }
                    .into_any(),
            );
        }
        let body = rows
            .into_iter()
            .enumerate()
            .map(|(n, row)| {
                let who = row.resident.clone().unwrap_or_else(|| tr!("assist.chua-co-ten", "Chưa nhập tên").to_string());
                let procedure = crate::core::dossier::title(&row.id, &name_of(&row.procedure));
                let (id, name) = (row.id.clone(), who.clone());
                let button_label = tr!("assist.nguoi-dan-da-ve-ten", "Người dân đã về: xoá hồ sơ của {name}", name = who);
                let print_label = tr!("assist.in-cho-ten", "In giấy tờ mang theo của {name}", name = who);
                view! {
                    <tr>
                        <td>{n + 1}</td>
                        <th scope="row">{who}</th>
                        <td><A href=format!("/ho-so/{}", row.id)>{procedure}</A></td>
                        <td>{row.status.label()}</td>
                        <td>{if row.consented { tr!("assist.da-dong-y", "Đã đồng ý") } else { tr!("assist.chua-dong-y", "Chưa") }}</td>
                        <td class="desk-queue__actions">
                            <A href=format!("/ho-so/{}/in", row.id) attr:aria-label=print_label>{tr!("assist.in-giay-to", "In giấy tờ mang theo")}</A>
                            <button type="button" class="button button--secondary" aria-label=button_label
                                disabled=move || busy.get() on:click=move |_| left(id.clone(), name.clone())>
                                {tr!("assist.nguoi-dan-da-ve", "Người dân đã về")}
                            </button>
                        </td>
                    </tr>
                }
            })
            .collect_view();
        Some(
            view! {
                <div>
                    <table class="table desk-queue">
                        <caption class="visually-hidden">{tr!("assist.hang-cho-caption", "Hồ sơ của người dân trên máy này, ai đến trước ở trên")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{tr!("assist.so-thu-tu", "STT")}</th>
                                <th scope="col">{tr!("assist.nguoi-dan", "Người dân")}</th>
                                <th scope="col">{tr!("assist.thu-tuc-cot", "Thủ tục")}</th>
                                <th scope="col">{tr!("assist.tinh-trang", "Tình trạng")}</th>
                                <th scope="col">{tr!("assist.dong-y-ho-tro", "Đồng ý hỗ trợ")}</th>
                                <th scope="col"><span class="visually-hidden">{tr!("assist.viec-can-lam", "Việc")}</span></th>
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            }
            .into_any(),
        )
    };
    let said = move || {
        outcome.get().map(|(who, result)| match result {
            Ok(left) if left.is_clean() => view! {
                <p class="notice" id="hang-cho-ket-qua" tabindex="-1" role="status">
                    {tr!("assist.da-xoa-nguoi-dan", "Đã xoá hồ sơ và tệp đính kèm của {name} khỏi máy này; hoso đã kiểm tra lại, không còn gì của họ.", name = who)}
                </p>
            }
            .into_any(),
            Ok(left) => view! {
                <p class="notice notice--important" id="hang-cho-ket-qua" tabindex="-1" role="alert">
                    {tr!("assist.con-sot-lai", "Chưa xoá hết dữ liệu của {name}: trên máy vẫn còn {what}. Hãy thử lại, hoặc dùng «Kết thúc phiên» để xoá hết.", name = who, what = if left.dossier { tr!("assist.con-ho-so", "hồ sơ của họ").to_string() } else { tr!("assist.con-tep", "{n} tệp của họ", n = left.files) })}
                </p>
            }
            .into_any(),
            Err(e) => view! { <p class="notice notice--important" id="hang-cho-ket-qua" tabindex="-1" role="alert">{e.to_string()}</p> }.into_any(),
        })
    };
    view! {
        <h2>{tr!("assist.hang-cho-tai-quay", "Hàng chờ tại quầy")}</h2>
        <p>{tr!("assist.hang-cho-giai-thich", "Các hồ sơ trên máy này, ai đến trước ở trên. Khi một người dân về, bấm «Người dân đã về» ở dòng của họ: hồ sơ và tệp của họ bị xoá, hồ sơ của người khác vẫn giữ.")}</p>
        {said}
        {rows}
        <p><A href="/">{tr!("assist.nguoi-dan-tiep-theo", "Nhận người dân tiếp theo: tìm thủ tục")}</A></p>
    }
}

/// The ward's count of dossiers helped on this device, downloadable as a spreadsheet (CSV).
#[component]
fn HelpedCount() -> impl IntoView {
    let rows = crate::web::assist::helped();
    let count = rows.len();
    let download = move |_| {
        let csv = crate::core::assist::helped_csv(&crate::web::assist::helped());
        if let Ok(blob) = crate::web::files::to_blob(csv.as_bytes(), "text/csv;charset=utf-8") {
            crate::web::files::save_as(&blob, &format!("thong-ke-ho-tro-{}.csv", crate::web::clock::now().date));
        }
    };
    view! {
        <h2>{tr!("assist.thong-ke-ho-so-da", "Thống kê hồ sơ đã hỗ trợ")}</h2>
        <p>{tr!("assist.tren-may-nay-ho-so", "Trên máy này: {count} hồ sơ đã lập gói với sự hỗ trợ của cán bộ. Bảng thống kê chỉ có ngày, thủ tục và cách nộp, không có thông tin của người dân; nó không tự gửi đi đâu.", count = count)}</p>
        <p>{tr!("assist.tai-bang-thong-ke-truoc", "Tải bảng thống kê trước khi «Xoá hết và kết thúc phiên» (khi đó bảng cũng bị xoá).")}</p>
        {(count > 0).then(|| view! {
            <p><button type="button" class="button button--secondary" on:click=download>{tr!("assist.tai-bang-thong-ke-csv", "Tải bảng thống kê (CSV)")}</button></p>
        })}
    }
}

/// On a dossier's page while assisted mode is on: the resident's consent, recorded with the
/// dossier (who helps, when they agreed), or taken back.
#[component]
pub fn AssistConsent(dossier_id: String) -> impl IntoView {
    let Some(helper) = crate::web::assist::helper() else { return ().into_any() };
    let drafts = crate::ui::autosave::use_drafts();
    let who = format!("{}.", helper.line());
    let agreed = RwSignal::new(drafts.assisted(&dossier_id).is_some());
    let change = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        agreed.set(on);
        let record = on.then(|| helper.with_consent(crate::web::clock::now().to_rfc3339()));
        drafts.assist(dossier_id.clone(), record);
    };
    view! {
        <div class="assist-consent">
            <p>{who}</p>
            <div class="checklist__item">
                <input type="checkbox" id="dong-y-ho-tro" prop:checked=move || agreed.get() on:change=change/>
                <label for="dong-y-ho-tro">{tr!("assist.nguoi-dan-dong-y-de", "Người dân đồng ý để cán bộ nhập giúp")}</label>
            </div>
        </div>
    }
    .into_any()
}
