//! "Quét mã QR trên căn cước" beside a person's identity questions: the card's code read from the
//! camera or a chosen photo (`web::camera`), checked by the core (`read_card_qr`), and the section
//! filled by the core's rule (`FormDef::fill_from_card`): empty fields take the card's values,
//! an answer already typed differently is put to the person (never overwritten), and an address
//! whose old commune was divided asks which new one. Everything stays editable.

use std::sync::Arc;

use leptos::prelude::*;
use web_sys::{HtmlVideoElement, MediaStream};

use super::PageItem;
use crate::core::forms::{CardFill, FormDef, Item, Section};
use crate::core::validate::cccd_qr::read_card_qr;

/// How often the camera's frame is read while scanning.
const EVERY_MS: i32 = 300;

#[component]
pub fn CardScan(form: Arc<FormDef>, section: Arc<Section>, item: PageItem, dom: String) -> impl IntoView {
    let video = NodeRef::<leptos::html::Video>::new();
    let stream = StoredValue::new_local(None::<MediaStream>);
    let scanning = RwSignal::new(false);
    let message = RwSignal::new(None::<(bool, String)>);
    let outcome = RwSignal::new(None::<CardFill>);
    let values = item.values.clone();
    let set = move |id: &str, v: &str| {
        if let Some((_, signal)) = values.iter().find(|(f, _)| f == id) {
            signal.set(v.to_string());
        }
    };
    let set = StoredValue::new(set);
    let label_of = {
        let section = section.clone();
        move |id: &str| section.fields.iter().find(|f| f.id == id).map(|f| f.label.clone()).unwrap_or_default()
    };
    let label_of = StoredValue::new(label_of);

    // A code was read: the core says what it is and what it fills.
    let use_code = {
        let (form, section, item) = (form.clone(), section.clone(), item.clone());
        move |text: String| {
            let (form, section, item) = (form.clone(), section.clone(), item.clone());
            leptos::task::spawn_local(async move {
                let card = match read_card_qr(&text, crate::web::clock::now().date) {
                    Ok(card) => card,
                    Err(problem) => {
                        message.set(Some((false, problem.message())));
                        return;
                    }
                };
                let units = match crate::web::cache::units().await {
                    Ok(u) => u,
                    Err(e) => {
                        message.set(Some((false, e.to_string())));
                        return;
                    }
                };
                let old = crate::web::cache::old_to_new().await.ok();
                let typed: Item = item.answers();
                let Some(fill) = form.fill_from_card(&section, &card, &typed, &units, old.as_deref()) else { return };
                for (id, v) in &fill.fill {
                    set.with_value(|s| s(id, v));
                }
                let filled: Vec<String> = fill.fill.iter().map(|(id, _)| label_of.with_value(|l| l(id))).collect();
                message.set(Some((
                    true,
                    if filled.is_empty() {
                        tr!("declaration.card_scan.da-doc-ma-qr-tren", "Đã đọc mã QR trên căn cước.").to_string()
                    } else {
                        tr!(
                            "declaration.card_scan.da-dien",
                            "Đã điền từ mã QR trên căn cước: {fields}. Hãy xem lại; bạn vẫn sửa được từng ô.",
                            fields = filled.join(", ")
                        )
                    },
                )));
                outcome.set(Some(fill));
            });
        }
    };
    let use_code = StoredValue::new(use_code);

    let stop = move || {
        scanning.set(false);
        if let Some(s) = stream.try_update_value(Option::take).flatten() {
            crate::web::camera::stop(&s);
        }
    };
    on_cleanup(stop);
    let start = move |_| {
        let Some(el) = video.get_untracked() else { return };
        let el: HtmlVideoElement = el;
        message.set(None);
        scanning.set(true);
        leptos::task::spawn_local(async move {
            match crate::web::camera::start(&el).await {
                Err(e) => {
                    scanning.set(false);
                    message.set(Some((false, e.to_string())));
                }
                Ok(s) => {
                    stream.set_value(Some(s));
                    message.set(Some((
                        true,
                        tr!("declaration.card_scan.dua-ma-qr-o-mat", "Đưa mã QR ở mặt trước căn cước vào khung hình, giữ yên một chút.").into(),
                    )));
                    while scanning.get_untracked() {
                        if let Some(text) = crate::web::camera::read_frame(&el).await {
                            stop();
                            use_code.with_value(|u| u(text));
                            break;
                        }
                        sleep(EVERY_MS).await;
                    }
                }
            }
        });
    };
    let from_photo = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|l| l.get(0)) else { return };
        input.set_value("");
        message.set(Some((true, tr!("declaration.card_scan.dang-doc-ma-qr-trong", "Đang đọc mã QR trong ảnh…").into())));
        leptos::task::spawn_local(async move {
            match crate::web::camera::read_photo(&file).await {
                Ok(Some(text)) => use_code.with_value(|u| u(text)),
                Ok(None) => message.set(Some((
                    false,
                    tr!(
                        "declaration.card_scan.khong-thay-ma-qr-trong",
                        "Không thấy mã QR trong ảnh. Hãy chụp gần hơn, đủ sáng, để cả mã QR nằm trong ảnh, rồi chọn lại."
                    )
                    .into(),
                ))),
                Err(()) => message.set(Some((
                    false,
                    tr!("declaration.card_scan.tep-nay-khong-phai-anh", "Tệp này không phải ảnh. Hãy chọn ảnh chụp mã QR trên căn cước (JPEG, PNG).").into(),
                ))),
            }
        });
    };

    // What the person still has to settle: answers that differ, the new commune to choose.
    let settle = move || {
        outcome.get().map(|fill| {
            let differences = fill
                .differ
                .into_iter()
                .map(|d| {
                    let shown = RwSignal::new(true);
                    let (field, card) = (d.field.clone(), d.card.clone());
                    view! {
                        <Show when=move || shown.get()>
                            <div class="notice" role="group" aria-label=tr!("declaration.card_scan.khac-voi-can-cuoc", "Khác với căn cước: {label}", label = d.label)>
                                <p>{tr!("declaration.card_scan.thong-tin-nao-dung", "«{label}»: bạn đã nhập «{typed}», trên căn cước là «{card}». Thông tin nào đúng?", label = d.label, typed = d.typed, card = d.card_shown)}</p>
                                <div class="button-group">
                                    <button type="button" class="button button--secondary" on:click={
                                        let (field, card) = (field.clone(), card.clone());
                                        move |_| { set.with_value(|s| s(&field, &card)); shown.set(false); }
                                    }>{tr!("declaration.card_scan.dung-theo-can-cuoc", "Dùng theo căn cước")}</button>
                                    <button type="button" class="button button--secondary" on:click=move |_| shown.set(false)>{tr!("declaration.card_scan.giu-nhu-da-nhap", "Giữ như đã nhập")}</button>
                                </div>
                            </div>
                        </Show>
                    }
                })
                .collect_view();
            let address = fill.address.filter(|a| a.candidates.len() != 1).map(|a| {
                let chosen = RwSignal::new(false);
                let field = a.commune_field.clone();
                let text = if a.candidates.is_empty() {
                    tr!(
                        "declaration.card_scan.chua-doi-duoc",
                        "Địa chỉ trên căn cước là «{address}». hoso chưa đổi được địa chỉ này sang xã, phường mới: hãy chọn xã, phường ở câu hỏi bên dưới.",
                        address = a.printed
                    )
                } else {
                    tr!("declaration.card_scan.xa-phuong-cu", "Địa chỉ trên căn cước là «{address}». Xã, phường cũ này nay thuộc một trong các xã, phường dưới đây. Bạn ở xã, phường nào?", address = a.printed)
                };
                let buttons = a
                    .candidates
                    .into_iter()
                    .map(|c| {
                        let (field, code) = (field.clone(), c.code.to_string());
                        let label = format!("{}, {}{}", c.name, c.province, if c.most_of_old { tr!("declaration.card_scan.phan-lon-xa-phuong-cu", " (phần lớn xã, phường cũ)") } else { "" });
                        view! {
                            <li><button type="button" class="link-button" on:click=move |_| { set.with_value(|s| s(&field, &code)); chosen.set(true); }>
                                {tr!("declaration.card_scan.chon", "Chọn ")} {label}
                            </button></li>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="notice" role="group" aria-label={tr!("declaration.card_scan.xa-phuong-theo-dia-chi", "Xã, phường theo địa chỉ trên căn cước")} prop:hidden=move || chosen.get()>
                        <p>{text}</p>
                        <ul class="old-address__list">{buttons}</ul>
                    </div>
                }
            });
            view! { {differences} {address} }
        })
    };

    let photo_id = format!("{dom}-anh-qr");
    view! {
        <details class="card-scan no-print">
            <summary class="card-scan__summary">{tr!("declaration.card_scan.quet-ma-qr-tren-can", "Quét mã QR trên căn cước để điền nhanh")}</summary>
            <p class="hint">
                {tr!("declaration.card_scan.ma-qr-o-mat-truoc", "Mã QR ở mặt trước thẻ căn cước (CCCD) gắn chip. hoso điền họ tên, số định danh, ngày sinh, giới tính và địa chỉ; ")}
                {tr!("declaration.card_scan.hinh-anh-chi-dung-tren", "hình ảnh chỉ dùng trên máy này và không được lưu.")}
            </p>
            <div class="button-group">
                <button type="button" class="button button--secondary" on:click=start prop:hidden=move || scanning.get()>{tr!("declaration.card_scan.dung-may-anh", "Dùng máy ảnh")}</button>
                <button type="button" class="button button--secondary" on:click=move |_| stop() prop:hidden=move || !scanning.get()>{tr!("declaration.card_scan.dung-may-anh-2", "Dừng máy ảnh")}</button>
            </div>
            <video class="card-scan__video" node_ref=video aria-label={tr!("declaration.card_scan.hinh-tu-may-anh", "Hình từ máy ảnh")} prop:hidden=move || !scanning.get()></video>
            <label class="label label--small" for=photo_id.clone()>{tr!("declaration.card_scan.hoac-chon-anh-chup-ma", "Hoặc chọn ảnh chụp mã QR")}</label>
            <input class="file-input" type="file" id=photo_id accept="image/*" on:change=from_photo/>
            <div role="status" aria-live="polite">
                {move || message.get().map(|(ok, m)| view! { <p class=if ok { "file-ok" } else { "error-message" }>{m}</p> })}
            </div>
            {settle}
        </details>
    }
}

/// Waits `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
