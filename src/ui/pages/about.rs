//! `/gioi-thieu`: what hoso is, where its data comes from, and how it treats yours.

use leptos::prelude::*;

use crate::ui::Page;

#[component]
pub fn About() -> impl IntoView {
    view! {
        <Page title={tr!("about.gioi-thieu-hoso", "Giới thiệu hoso").to_string()}>
            <h2>{tr!("about.hoso-la-gi", "hoso là gì?")}</h2>
            <p>
                {tr!("about.hoso-ho-so-la-cong", "hoso (“hồ sơ”) là công cụ giúp người dân và cán bộ phường, xã chuẩn bị hồ sơ dịch vụ công ")}
                {tr!("about.truc-tuyen-tim-dung-thu", "trực tuyến: tìm đúng thủ tục, biết cần những giấy tờ gì, điền tờ khai và kiểm tra tệp đính kèm.")}
            </p>
            <h2>{tr!("about.thong-tin-cua-ban-duoc", "Thông tin của bạn được xử lý thế nào?")}</h2>
            <p>
                {tr!("about.moi-viec-deu-dien-ra", "Mọi việc đều diễn ra trên thiết bị của bạn. hoso không có máy chủ lưu hồ sơ, ")}
                {tr!("about.khong-dung-phong-chu-hay", "không dùng phông chữ hay thư viện tải từ nơi khác, và vẫn dùng được khi mất mạng sau lần mở đầu tiên.")}
            </p>
            <h2>{tr!("about.nguon-du-lieu", "Nguồn dữ liệu")}</h2>
            <p>
                {tr!("about.danh-muc-thu-tuc-hanh", "Danh mục thủ tục hành chính được xây dựng từ Cơ sở dữ liệu quốc gia về thủ tục hành chính ")}
                {tr!("about.cong-bo-tren-cong-dich", "công bố trên Cổng Dịch vụ công quốc gia. Danh mục đơn vị hành chính theo sắp xếp từ ngày 01/7/2025 ")}
                {tr!("about.34-tinh-thanh-pho", "(34 tỉnh, thành phố).")}
            </p>
        </Page>
    }
}
