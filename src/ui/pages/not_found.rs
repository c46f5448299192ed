//! Fallback for any path the router does not know.

use crate::ui::A;
use leptos::prelude::*;

use crate::ui::Page;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Page title="Không tìm thấy trang".to_string()>
            <p>"Địa chỉ bạn mở không có trên hoso. Có thể đường dẫn bị gõ sai hoặc đã cũ."</p>
            <p>"Hồ sơ bạn đang làm dở vẫn được giữ nguyên trên máy này."</p>
            <p><A href="/">"Về trang chủ để tìm thủ tục"</A></p>
        </Page>
    }
}
