//! Hand-curated knowledge on top of the national data: the procedures citizens use most, and
//! life events to browse by. Every code here is checked against the catalogue by a test.

/// A life event (sự kiện cuộc sống) and the procedures it usually involves, most common first.
pub struct LifeEvent {
    pub slug: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub codes: &'static [&'static str],
}

impl LifeEvent {
    /// The title in the interface's language (`life_event.<slug>.title`; hoso's own words, not
    /// the catalogue's).
    pub fn shown_title(&self) -> String {
        crate::core::i18n::text_or(&format!("life_event.{}.title", self.slug), self.title)
    }

    /// The summary in the interface's language (`life_event.<slug>.summary`).
    pub fn shown_summary(&self) -> String {
        crate::core::i18n::text_or(&format!("life_event.{}.summary", self.slug), self.summary)
    }

    /// Both texts with their keys, for the translation check.
    pub fn texts(&self) -> [(String, &'static str); 2] {
        [(format!("life_event.{}.title", self.slug), self.title), (format!("life_event.{}.summary", self.slug), self.summary)]
    }
}

pub const LIFE_EVENTS: &[LifeEvent] = &[
    LifeEvent {
        slug: "sinh-con",
        title: "Sinh con",
        summary: "Khai sinh, nhận cha mẹ con, thẻ căn cước cho trẻ, chế độ thai sản.",
        codes: &["1.001193", "1.000689", "1.001022", "1.014062", "2.000693", "2.000635"],
    },
    LifeEvent {
        slug: "ket-hon",
        title: "Kết hôn",
        summary: "Xác nhận tình trạng hôn nhân, đăng ký kết hôn trong nước và có yếu tố nước ngoài.",
        codes: &["1.004873", "1.000894", "2.000806", "1.004746"],
    },
    LifeEvent {
        slug: "cu-tru",
        title: "Chuyển nơi ở",
        summary: "Đăng ký thường trú, tạm trú, gia hạn tạm trú, xoá đăng ký thường trú.",
        codes: &["1.004222", "1.004194", "1.002755", "1.003197", "1.010028"],
    },
    LifeEvent {
        slug: "nha-dat",
        title: "Nhà ở và đất đai",
        summary: "Giấy phép xây dựng nhà ở riêng lẻ, đăng ký đất đai và cấp Giấy chứng nhận (sổ đỏ).",
        codes: &["1.013225", "1.013229", "1.013978", "1.012783", "1.012787"],
    },
    LifeEvent {
        slug: "kinh-doanh",
        title: "Mở cửa hàng, kinh doanh",
        summary: "Đăng ký hộ kinh doanh, thay đổi, chấm dứt hoạt động, khai thuế hộ kinh doanh.",
        codes: &["1.001612", "2.000720", "1.001266", "1.011022", "1.008498"],
    },
    LifeEvent {
        slug: "giay-to-tuy-than",
        title: "Giấy tờ tuỳ thân, đi nước ngoài",
        summary: "Thẻ căn cước, hộ chiếu phổ thông, phiếu lý lịch tư pháp.",
        codes: &["1.014061", "1.014063", "1.014064", "1.001456", "3.000333"],
    },
    LifeEvent {
        slug: "lai-xe", title: "Lái xe", summary: "Cấp, đổi, cấp lại giấy phép lái xe.", codes: &["3.000346", "3.000347", "3.000348", "3.000353"]
    },
    LifeEvent {
        slug: "nghia-vu-quan-su",
        title: "Đến tuổi nghĩa vụ quân sự",
        summary: "Đăng ký nghĩa vụ quân sự lần đầu, bổ sung, khi chuyển nơi ở, tạm vắng; trợ cấp cho gia đình người đang tại ngũ.",
        codes: &["1.013133", "1.013136", "1.013134", "1.013137", "1.013138", "2.002764"],
    },
    LifeEvent {
        slug: "nguoi-co-cong",
        title: "Cựu chiến binh, người có công",
        summary: "Trợ cấp cho quân nhân đã tham gia kháng chiến, chế độ hưu trí, công nhận thương binh, liệt sĩ.",
        codes: &["1.013157", "1.013159", "1.013144", "1.013140", "1.013176", "1.013174"],
    },
    LifeEvent {
        slug: "nguoi-than-qua-doi",
        title: "Khi người thân qua đời",
        summary: "Đăng ký khai tử, chứng thực văn bản phân chia di sản.",
        codes: &["1.000656", "1.005461", "2.001406"],
    },
    LifeEvent {
        slug: "chung-thuc",
        title: "Chứng thực giấy tờ",
        summary: "Chứng thực bản sao từ bản chính, chứng thực chữ ký.",
        codes: &["2.000815", "2.000884"],
    },
];

/// The procedures citizens use most: a small ranking prior for search, never a filter.
pub const POPULAR: &[&str] = &[
    "1.001193", "1.000894", "1.000656", "1.004222", "1.004194", "3.000333", "1.001612", "2.000815", "1.013225", "1.004873", "1.014061", "1.014063", "1.001456",
    "3.000347", "1.013978", "2.000884", "1.008498", "2.000693", "1.001022", "2.000635",
];

pub fn life_event(slug: &str) -> Option<&'static LifeEvent> {
    LIFE_EVENTS.iter().find(|e| e.slug == slug)
}
