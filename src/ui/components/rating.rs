//! "Đánh giá mức độ hài lòng", after the package is made: the portal's three levels, what did not
//! go well below the top one, a comment. Kept with the dossier on this device
//! (`core::rating::Rating`) and, when hoso is embedded, sent to the portal (`hoso:rating`).

use leptos::prelude::*;

use crate::core::embed::Outgoing;
use crate::core::rating::{Level, Rating, Reason};

#[component]
pub fn RatingPanel(dossier_id: String) -> impl IntoView {
    let drafts = crate::ui::autosave::use_drafts();
    let kept = RwSignal::new(drafts.rating(&dossier_id));
    let level = RwSignal::new(None::<Level>);
    let reasons = RwSignal::new(Vec::<Reason>::new());
    let comment = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(chosen) = level.get_untracked() else {
            missing.set(true);
            return;
        };
        let rating = Rating::new(chosen, &reasons.get_untracked(), &comment.get_untracked(), crate::web::clock::now().to_rfc3339());
        drafts.rate(dossier_id.clone(), rating.clone());
        crate::web::embed::tell(&Outgoing::Rating {
            dossier: dossier_id.clone(),
            procedure: crate::core::dossier::procedure_of(&dossier_id).to_string(),
            rating: rating.clone(),
        });
        kept.set(Some(rating));
    };
    let levels = move || {
        Level::ALL
            .iter()
            .enumerate()
            .map(|(i, &l)| {
                let id = format!("danh-gia-{i}");
                view! {
                    <div class="radio">
                        <input class="radio__input" type="radio" name="danh-gia" id=id.clone() prop:checked=move || level.get() == Some(l)
                            on:change=move |_| { level.set(Some(l)); missing.set(false); }/>
                        <label class="radio__label" for=id>{l.label()}</label>
                    </div>
                }
            })
            .collect_view()
    };
    let reason_boxes = move || {
        Reason::ALL
            .iter()
            .map(|&r| {
                let id = format!("ly-do-{}", r.key());
                view! {
                    <div class="checklist__item">
                        <input type="checkbox" id=id.clone() prop:checked=move || reasons.with(|v| v.contains(&r))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                reasons.update(|v| if on { v.push(r) } else { v.retain(|x| *x != r) });
                            }/>
                        <label for=id>{r.label()}</label>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <section class="rating" aria-labelledby="danh-gia-tieu-de">
            <h2 id="danh-gia-tieu-de">{tr!("rating.danh-gia-muc-do-hai", "Đánh giá mức độ hài lòng")}</h2>
            {move || match kept.get() {
                Some(r) => view! {
                    <p role="status">{tr!("rating.ban-da-danh-gia", "Bạn đã đánh giá: {level}. {thanks}", level = r.level.label(), thanks = r.thanks())}</p>
                }
                .into_any(),
                None => view! {
                    <form class="rating__form" novalidate on:submit=send.clone()>
                        <div class=move || if missing.get() { "form-group form-group--error" } else { "form-group" }>
                            <fieldset class="fieldset" aria-describedby=move || missing.get().then_some("danh-gia-loi")>
                                <legend class="label">{tr!("rating.ban-thay-viec-chuan-bi", "Bạn thấy việc chuẩn bị hồ sơ với hoso thế nào?")}</legend>
                                {move || missing.get().then(|| view! {
                                    <p class="error-message" id="danh-gia-loi"><span class="visually-hidden">{tr!("rating.loi", "Lỗi: ")}</span>{tr!("rating.hay-chon-mot-muc-danh", "Hãy chọn một mức đánh giá.")}</p>
                                })}
                                {levels()}
                            </fieldset>
                        </div>
                        <Show when=move || level.get().is_some_and(Level::asks_reasons)>
                            <fieldset class="fieldset form-group">
                                <legend class="label">{tr!("rating.dieu-gi-chua-tot-khong", "Điều gì chưa tốt? (không bắt buộc)")}</legend>
                                {reason_boxes()}
                            </fieldset>
                        </Show>
                        <div class="form-group">
                            <label class="label" for="gop-y">{tr!("rating.gop-y-them-khong-bat", "Góp ý thêm (không bắt buộc)")}</label>
                            <p class="hint" id="gop-y-goi-y">{tr!("rating.khong-ghi-thong-tin-ca", "Không ghi thông tin cá nhân. Đánh giá được lưu trên máy này")}
                                {crate::web::embed::active().then_some(tr!("rating.va-gui-cho-cong-dich", " và gửi cho Cổng Dịch vụ công"))}"."</p>
                            <textarea class="textarea" id="gop-y" rows="3" maxlength="500" aria-describedby="gop-y-goi-y"
                                prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                        </div>
                        <button type="submit" class="button button--secondary">{tr!("rating.gui-danh-gia", "Gửi đánh giá")}</button>
                    </form>
                }
                .into_any(),
            }}
        </section>
    }
}
