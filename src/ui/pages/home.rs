//! `/`: where a citizen starts.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::Page;

#[component]
pub fn Home() -> impl IntoView {
    view! {
        <Page title="Chuẩn bị hồ sơ dịch vụ công".to_string()>
            <p class="lead">
                "hoso giúp bạn chuẩn bị hồ sơ thủ tục hành chính trước khi nộp trực tuyến hoặc mang đến "
                "bộ phận một cửa: biết cần giấy tờ gì, điền tờ khai đúng ngay từ đầu, kiểm tra tệp đính kèm."
            </p>
            <ul class="promise-list">
                <li><strong>"Đơn giản hơn: "</strong>"lời lẽ dễ hiểu, từng bước một."</li>
                <li><strong>"Đúng hẹn hơn: "</strong>"biết trước thời hạn giải quyết và lệ phí."</li>
                <li><strong>"Thân thiện hơn: "</strong>"báo lỗi ngay khi nhập, không phải đi lại nhiều lần."</li>
            </ul>
            <div class="notice">
                <p>
                    <strong>"Dữ liệu của bạn ở lại trên máy này. "</strong>
                    "hoso chạy hoàn toàn trong trình duyệt, không có máy chủ nào lưu thông tin của bạn."
                </p>
            </div>
            <p><A href="/gioi-thieu">"Tìm hiểu thêm về hoso"</A></p>
        </Page>
    }
}
