//! `/ket-thuc-phien`, "Kết thúc phiên trên máy này": for a shared computer (a ward's one-stop
//! desk, a digital support point). Says what hoso keeps on this device, removes all of it in one
//! press (`Drafts::end_session`), then says what was removed.

use crate::ui::A;
use leptos::prelude::*;

use crate::core::files::human_size;
use crate::ui::autosave::use_drafts;
use crate::ui::Page;
use crate::web::device::{Kept, Removed};

#[derive(Clone, Copy, PartialEq)]
enum Step {
    Ready,
    Working,
    Done(Removed),
    Failed,
}

/// "2 hồ sơ, 3 tệp đính kèm (1,2 MB)", or that nothing is kept.
fn kept_text(k: Kept) -> String {
    match (k.dossiers, k.files) {
        (0, 0) => tr!("end_session.chua-co-ho-so-nao", "chưa có hồ sơ nào").to_string(),
        (d, 0) => tr!("end_session.ho-so", "{d} hồ sơ", d = d),
        (d, f) => tr!("end_session.ho-so-tep", "{d} hồ sơ, {f} tệp đính kèm ({size})", d = d, f = f, size = human_size(k.bytes)),
    }
}

fn removed_text(r: Removed) -> String {
    let mut parts = vec![kept_text(r.kept)];
    if r.caches > 0 {
        parts.push(tr!("end_session.bo-nho-dem", "{n} bộ nhớ đệm dữ liệu", n = r.caches));
    }
    if r.storage_items > 0 {
        parts.push(tr!("end_session.muc-ghi-nho", "{n} mục ghi nhớ của trình duyệt", n = r.storage_items));
    }
    tr!("end_session.da-xoa-khoi-may", "Đã xoá khỏi máy này: {what}.", what = parts.join("; "))
}

#[component]
pub fn EndSession() -> impl IntoView {
    let drafts = use_drafts();
    let step = RwSignal::new(Step::Ready);
    let kept = LocalResource::new(crate::web::device::kept);
    // In assisted mode the officer's setting may stay for the next resident ("Người dân đã về").
    let helper = crate::web::assist::helper();
    // The last wipe asked for (what it keeps): "Thử lại" repeats it.
    let wipe = RwSignal::new(&[] as &'static [&'static str]);
    let run = move |keep: &'static [&'static str]| {
        step.set(Step::Working);
        wipe.set(keep);
        leptos::task::spawn_local(async move {
            step.set(match drafts.end_session(keep).await {
                Ok(removed) => Step::Done(removed),
                Err(_) => Step::Failed,
            });
        });
    };
    let end = move |_| run(&[]);
    let resident_left = move |_| run(crate::web::assist::KEPT_FOR_NEXT_RESIDENT);
    let now_kept = move || match kept.get() {
        None => tr!("end_session.dang-xem-nhung-gi-hoso", "Đang xem những gì hoso lưu trên máy này…").to_string(),
        Some(Ok(k)) => tr!("end_session.dang-luu", "Trên máy này hoso đang lưu: {what}.", what = kept_text(k)),
        Some(Err(e)) => e.to_string(),
    };
    view! {
        <Page title={tr!("end_session.ket-thuc-phien-tren-may", "Kết thúc phiên trên máy này").to_string()}>
            <p>
                {tr!("end_session.dung-khi-ban-lam-ho", "Dùng khi bạn làm hồ sơ trên máy dùng chung, như máy ở bộ phận một cửa hay điểm hỗ trợ dịch vụ công. ")}
                {tr!("end_session.hoso-se-xoa-khoi-may", "hoso sẽ xoá khỏi máy này mọi thứ đã lưu: các hồ sơ đang làm, tệp đính kèm, và những gì trình duyệt ghi nhớ cho hoso.")}
            </p>
            {move || match step.get() {
                Step::Ready | Step::Working => view! {
                    <p role="status">{now_kept}</p>
                    <div class="notice">
                        <p>{tr!("end_session.sau-khi-xoa-thi-khong", "Sau khi xoá thì không lấy lại được. Nếu còn cần làm tiếp, hãy mở hồ sơ và lưu lại trước.")}</p>
                        <p>{tr!("end_session.tep-da-tai-xuong", "hoso không xoá được các tệp đã tải xuống (gói hồ sơ, tệp hồ sơ nháp) và lịch sử duyệt web: hãy tự xoá chúng trong thư mục Tải xuống và trong cài đặt của trình duyệt.")}</p>
                    </div>
                    {helper.clone().map(|h| view! {
                        <p>{tr!("end_session.che-do-ho-tro-dang-bat", "Chế độ hỗ trợ đang bật ({helper}). Khi một người dân về, chỉ xoá hồ sơ của họ và giữ chế độ hỗ trợ cho người tiếp theo.", helper = h.line())}</p>
                        <button type="button" class="button button--warning" on:click=resident_left disabled=move || step.get() == Step::Working>
                            {tr!("end_session.nguoi-dan-da-ve-xoa", "Người dân đã về: xoá hồ sơ của họ")}
                        </button>
                    })}
                    <button type="button" class=if helper.is_some() { "button button--secondary" } else { "button button--warning" }
                        on:click=end disabled=move || step.get() == Step::Working>
                        {tr!("end_session.xoa-het-va-ket-thuc", "Xoá hết và kết thúc phiên")}
                    </button>
                }
                .into_any(),
                Step::Done(removed) => view! {
                    <div class="notice notice--important" role="status">
                        <h2>{tr!("end_session.da-ket-thuc-phien", "Đã kết thúc phiên")}</h2>
                        <p>{removed_text(removed)}</p>
                        {move || if !wipe.get().is_empty() {
                            view! { <p>{tr!("end_session.tren-may-nay-khong-con", "hoso không còn lưu hồ sơ, tệp hay thông tin nào của người dân vừa về. Chế độ hỗ trợ vẫn bật cho người tiếp theo.")}</p> }.into_any()
                        } else {
                            view! { <p>{tr!("end_session.tren-may-nay-khong-con-2", "Trên máy này không còn thông tin nào của bạn do hoso lưu. Bạn có thể đóng trình duyệt.")}</p> }.into_any()
                        }}
                    </div>
                    <p><A href="/">{tr!("end_session.ve-trang-chu", "Về trang chủ")}</A></p>
                }
                .into_any(),
                Step::Failed => view! {
                    <div class="notice" role="alert">
                        <p>{tr!("end_session.chua-xoa-duoc-het-nhung", "Chưa xoá được hết những gì hoso lưu trên máy này.")}</p>
                        <p>{tr!("end_session.hay-dong-cac-the-khac", "Hãy đóng các thẻ khác đang mở hoso rồi thử lại.")}</p>
                    </div>
                    // The same wipe again: for one resident, or everything.
                    <button type="button" class="button button--warning" on:click=move |_| run(wipe.get_untracked())>{tr!("end_session.thu-lai", "Thử lại")}</button>
                }
                .into_any(),
            }}
        </Page>
    }
}
