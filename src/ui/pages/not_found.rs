//! Fallback for any path the router does not know.

use crate::ui::A;
use leptos::prelude::*;

use crate::ui::Page;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Page title={tr!("not_found.khong-tim-thay-trang", "Không tìm thấy trang").to_string()}>
            <p>{tr!("not_found.dia-chi-ban-mo-khong", "Địa chỉ bạn mở không có trên hoso. Có thể đường dẫn bị gõ sai hoặc đã cũ.")}</p>
            <p>{tr!("not_found.ho-so-ban-dang-lam", "Hồ sơ bạn đang làm dở vẫn được giữ nguyên trên máy này.")}</p>
            <p><A href="/">{tr!("not_found.ve-trang-chu-de-tim", "Về trang chủ để tìm thủ tục")}</A></p>
        </Page>
    }
}
