//! `/`: where a citizen starts — search, or browse by life event.

use crate::ui::A;
use leptos::prelude::*;

use crate::core::catalogue::curated::LIFE_EVENTS;
use crate::ui::components::Search;
use crate::ui::Page;

#[component]
pub fn Home() -> impl IntoView {
    let events = LIFE_EVENTS
        .iter()
        .map(|e| {
            view! {
                <li class="card">
                    <A href=format!("/su-kien/{}", e.slug) attr:class="card__link">{e.shown_title()}</A>
                    <p class="card__text">{e.shown_summary()}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <Page title={tr!("home.chuan-bi-ho-so-dich", "Chuẩn bị hồ sơ dịch vụ công").to_string()}>
            <p class="lead">
                {tr!("home.tim-dung-thu-tuc-biet", "Tìm đúng thủ tục, biết cần giấy tờ gì, bao lâu có kết quả và hết bao nhiêu tiền — trước khi nộp trực tuyến ")}
                {tr!("home.hoac-mang-den-bo-phan", "hoặc mang đến bộ phận một cửa.")}
            </p>
            <Search/>
            <h2>{tr!("home.tim-theo-viec-ban-dang", "Tìm theo việc bạn đang cần")}</h2>
            <ul class="cards">{events}</ul>
            <p><A href="/linh-vuc">{tr!("home.xem-tat-ca-thu-tuc", "Xem tất cả thủ tục theo lĩnh vực")}</A></p>
            <div class="notice">
                <p>
                    <strong>{tr!("home.du-lieu-cua-ban-o", "Dữ liệu của bạn ở lại trên máy này. ")}</strong>
                    {tr!("home.hoso-chay-hoan-toan-trong", "hoso chạy hoàn toàn trong trình duyệt, không có máy chủ nào lưu thông tin của bạn.")}
                </p>
            </div>
        </Page>
    }
}
