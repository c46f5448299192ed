//! One question of a declaration: label, hint, inline error and the right control for its kind
//! (GOV.UK patterns: the error sits between hint and control, radios in a fieldset).

use leptos::prelude::*;

use super::ReadAloud;
use crate::core::forms::{Field, Kind};
use crate::ui::state::UnitsResource;

/// The DOM id of a field (`nguoi-yeu-cau.ho-ten` → `f-nguoi-yeu-cau-ho-ten`; item 2 of a
/// repeating section `thanh-vien.ho-ten#2` → `f-thanh-vien-ho-ten-2`), used by the error
/// summary's links.
pub fn dom_id(field_id: &str) -> String {
    format!("f-{}", field_id.replace(['.', '#'], "-"))
}

/// `given`: whether the answer is still what a portal filled (`core::dossier::Prefilled`): the
/// question then says so, for the person to check rather than retype.
#[component]
pub fn FormField(
    field: Field,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
    units: UnitsResource,
    #[prop(optional)] given: Option<Signal<bool>>,
) -> impl IntoView {
    let id = dom_id(&field.id);
    let hint_id = format!("{id}-goi-y");
    let err_id = format!("{id}-loi");
    let given_id = format!("{id}-dien-san");
    let has_hint = field.help.is_some();
    let given = move || given.is_some_and(|g| g.get());
    let described = {
        let (hint_id, err_id, given_id) = (hint_id.clone(), err_id.clone(), given_id.clone());
        move || {
            let mut v = Vec::new();
            if has_hint {
                v.push(hint_id.clone());
            }
            if given() {
                v.push(given_id.clone());
            }
            if error.get().is_some() {
                v.push(err_id.clone());
            }
            (!v.is_empty()).then(|| v.join(" "))
        }
    };
    let hint = field.help.clone().map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> });
    let given_note = move || {
        given().then(|| view! { <p class="hint hint--given" id=given_id.clone()>{tr!("field.cong-dich-vu-cong-da", "Cổng Dịch vụ công đã điền sẵn. Hãy kiểm tra, sửa nếu chưa đúng.")}</p> })
    };
    let error_view = {
        let err_id = err_id.clone();
        move || {
            error.get().map(|m| {
                let read = vec![tr!("field.loi", "Lỗi: {m}", m = m)];
                view! {
                    <p class="error-message" id=err_id.clone()><span class="visually-hidden">{tr!("field.loi-2", "Lỗi: ")}</span>{m}</p>
                    <ReadAloud about={tr!("field.loi-3", "lỗi")} texts=read/>
                }
            })
        }
    };
    // The question as it is read aloud: its label, then its hint.
    let read_question = {
        let texts: Vec<String> = std::iter::once(field.label.clone()).chain(field.help.clone()).collect();
        view! { <ReadAloud about=field.label.clone() texts=texts/> }
    };
    let invalid = move || error.get().is_some().then_some("true");
    let group_class = move || if error.get().is_some() { "form-group form-group--error" } else { "form-group" };

    // Radios and the commune picker are groups of controls: a fieldset with a legend.
    let grouped = match &field.kind {
        Kind::Choice { options } => Some(view! { <Radios id=id.clone() options=options.clone() value=value/> }.into_any()),
        Kind::Commune => {
            Some(view! { <CommunePicker id=id.clone() value=value units=units invalid=Signal::derive(move || error.get().is_some())/> }.into_any())
        }
        _ => None,
    };
    if let Some(controls) = grouped {
        return view! {
            <div class=group_class>
                <fieldset class="fieldset" aria-describedby=described>
                    <legend class="label">{field.label.clone()}</legend>
                    {read_question}
                    {hint}
                    {given_note}
                    {error_view}
                    {controls}
                </fieldset>
            </div>
        }
        .into_any();
    }
    let control = match &field.kind {
        Kind::LongText { .. } => view! {
            <textarea class="textarea" id=id.clone() name=id.clone() rows="5" aria-describedby=described aria-invalid=invalid
                prop:value=value on:input=move |ev| value.set(event_target_value(&ev))></textarea>
        }
        .into_any(),
        _ => {
            view! { <TextInput id=id.clone() field=field.clone() value=value described=Signal::derive(described) invalid=Signal::derive(invalid)/> }.into_any()
        }
    };
    view! {
        <div class=group_class>
            <label class="label" for=id>{field.label.clone()}</label>
            {read_question}
            {hint}
            {given_note}
            {error_view}
            {control}
        </div>
    }
    .into_any()
}

/// One radio button per option (the first carries the field's id, for the error summary).
#[component]
fn Radios(id: String, options: Vec<crate::core::forms::Choice>, value: RwSignal<String>) -> impl IntoView {
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(i, option)| {
            let radio_id = if i == 0 { id.clone() } else { format!("{id}-{i}") };
            let (mine, chosen) = (option.value.clone(), option.value);
            view! {
                <div class="radio">
                    <input class="radio__input" type="radio" id=radio_id.clone() name=id.clone() value=mine.clone()
                        prop:checked=move || value.get() == mine
                        on:change=move |_| value.set(chosen.clone())/>
                    <label class="radio__label" for=radio_id>{option.label}</label>
                </div>
            }
        })
        .collect_view();
    view! { <div class="radios">{radios}</div> }
}

/// A typed answer: the keyboard and width its kind needs, a unit after numbers, and the device's
/// calendar beside dates.
#[component]
fn TextInput(id: String, field: Field, value: RwSignal<String>, described: Signal<Option<String>>, invalid: Signal<Option<&'static str>>) -> impl IntoView {
    let kind = &field.kind;
    let (inputmode, width) = match kind {
        Kind::Cccd | Kind::Mst => ("numeric", "input--w20"),
        Kind::Number { .. } => ("decimal", "input--w5"),
        Kind::Phone => ("tel", "input--w20"),
        Kind::Date { .. } | Kind::Month { .. } => ("numeric", "input--w10"),
        Kind::Email => ("email", "input--w30"),
        _ => ("text", "input--full"),
    };
    let unit = match kind {
        Kind::Number { unit: Some(u), .. } => Some(view! { <span class="input__unit">{u.clone()}</span> }),
        _ => None,
    };
    let input_type = match kind {
        Kind::Email => "email",
        Kind::Phone => "tel",
        _ => "text",
    };
    let spell = matches!(kind, Kind::Text { .. }).to_string();
    let picker = match kind {
        Kind::Date { not_future, .. } => Some(view! { <DatePicker id=format!("{id}-lich") value=value not_future=*not_future/> }),
        _ => None,
    };
    view! {
        <input class=format!("input {width}") id=id.clone() name=id.clone() type=input_type inputmode=inputmode
            autocomplete=field.autocomplete.clone().unwrap_or_else(|| "off".into()) spellcheck=spell
            aria-describedby=described aria-invalid=invalid
            prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
        {unit}
        {picker}
    }
}

/// The phone's or browser's own calendar, next to the typed `dd/mm/yyyy` (which stays the
/// answer): picking a day writes it into the box, a typed date shows in the calendar.
#[component]
fn DatePicker(id: String, value: RwSignal<String>, not_future: bool) -> impl IntoView {
    use crate::core::calendar::Date;
    let max = not_future.then(|| crate::web::clock::now().date.to_string());
    view! {
        <span class="date-pick">
            <label class="label label--small" for=id.clone()>{tr!("field.hoac-chon-tren-lich", "hoặc chọn trên lịch")}</label>
            <input class="input input--date" type="date" id=id min="1900-01-01" max=max
                prop:value=move || Date::parse_vn(&value.get()).map(|d| d.to_string()).unwrap_or_default()
                on:change=move |ev| if let Some(d) = Date::parse_iso(&event_target_value(&ev)) { value.set(d.to_vn()) }/>
        </span>
    }
}

/// Province, then commune, as two native selects: keyboard and screen-reader friendly, and no
/// silent choice between look-alike names (the person picks from the province's list).
#[component]
fn CommunePicker(id: String, value: RwSignal<String>, units: UnitsResource, invalid: Signal<bool>) -> impl IntoView {
    let province = RwSignal::new(String::new());
    let province_id = format!("{id}-tinh");
    move || match units.get() {
        None => view! { <p class="loading" role="status">{tr!("field.dang-tai-danh-sach-xa", "Đang tải danh sách xã, phường…")}</p> }.into_any(),
        Some(Err(e)) => view! { <p class="error-message">{e.to_string()}</p> }.into_any(),
        Some(Ok(u)) => {
            // The province of the chosen commune, when there is one.
            if let Ok(code) = value.get_untracked().parse::<u32>() {
                if let Some((p, _)) = u.commune(code) {
                    province.set(p.code.to_string());
                }
            }
            // A commune set from elsewhere (the căn cước's QR code): its province follows.
            let u3 = u.clone();
            Effect::watch(
                move || value.get(),
                move |v, _, _| {
                    if let Some((p, _)) = v.parse::<u32>().ok().and_then(|code| u3.commune(code)) {
                        if province.get_untracked() != p.code.to_string() {
                            province.set(p.code.to_string());
                        }
                    }
                },
                false,
            );
            let provinces = u.provinces.iter().map(|p| view! { <option value=p.code.to_string()>{p.name.clone()}</option> }).collect_view();
            let u2 = u.clone();
            let communes = move || {
                let chosen = province.get();
                u2.provinces.iter().find(|p| p.code.to_string() == chosen).map(|p| {
                    p.communes
                        .iter()
                        .map(|c| {
                            let v = c.code.to_string();
                            let selected = value.get_untracked() == v;
                            view! { <option value=v selected=selected>{c.name.clone()}</option> }
                        })
                        .collect_view()
                })
            };
            let (province_label_for, commune_label_for, commune_id) = (province_id.clone(), id.clone(), id.clone());
            let old_id = format!("{id}-cu");
            let find_id = format!("{id}-tim");
            view! {
                <div class="commune">
                    <QuickFind id=find_id units=u.clone() province=province value=value/>
                    <label class="label label--small" for=province_label_for>{tr!("field.tinh-thanh-pho", "Tỉnh, thành phố")}</label>
                    <select class="select" id=province_id.clone() aria-invalid=move || invalid.get().then_some("true")
                        prop:value=move || province.get()
                        on:change=move |ev| { province.set(event_target_value(&ev)); value.set(String::new()); }>
                        <option value="">{tr!("field.chon-tinh-thanh-pho", "Chọn tỉnh, thành phố")}</option>
                        {provinces}
                    </select>
                    <label class="label label--small" for=commune_label_for>{tr!("field.xa-phuong-dac-khu", "Xã, phường, đặc khu")}</label>
                    <select class="select" id=commune_id aria-invalid=move || invalid.get().then_some("true")
                        prop:disabled=move || province.get().is_empty()
                        prop:value=move || value.get()
                        on:change=move |ev| value.set(event_target_value(&ev))>
                        <option value="">{tr!("field.chon-xa-phuong-dac-khu", "Chọn xã, phường, đặc khu")}</option>
                        {communes}
                    </select>
                    <OldAddress id=old_id units=u.clone() province=province value=value/>
                </div>
            }
            .into_any()
        }
    }
}

/// Communes to choose from, as (commune code, province code, label): one button each, so the
/// person always picks (look-alike names are listed side by side, never chosen for them).
#[component]
fn Candidates(candidates: Vec<(u32, u32, String)>, province: RwSignal<String>, value: RwSignal<String>) -> impl IntoView {
    view! {
        <ul class="old-address__list">
            {candidates.into_iter().map(|(code, prov, label)| view! {
                <li><button type="button" class="link-button" on:click=move |_| { province.set(prov.to_string()); value.set(code.to_string()); }>
                    {tr!("field.chon", "Chọn ")} {label}
                </button></li>
            }).collect_view()}
        </ul>
    }
}

/// Finds a commune by typing its name, with or without diacritics ("cam giang"), in the chosen
/// province if there is one, else everywhere.
#[component]
fn QuickFind(id: String, units: std::sync::Arc<crate::core::units::Units>, province: RwSignal<String>, value: RwSignal<String>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let results = move || {
        let typed = text.get();
        if typed.trim().chars().count() < 2 {
            return None;
        }
        let within = province.get_untracked().parse::<u32>().ok();
        let found: Vec<(u32, u32, String)> = units
            .search(&typed, within, 8)
            .into_iter()
            .map(|f| (f.commune.code, f.province.code, format!("{}, {}", f.commune.name, f.province.name)))
            .collect();
        let message = match found.len() {
            0 => tr!("field.khong-thay-xa-phuong-nao", "Không thấy xã, phường nào có tên này. Hãy thử gõ ít chữ hơn, hoặc chọn trong danh sách bên dưới.")
                .to_string(),
            1 => tr!("field.tim-thay", "Tìm thấy:").to_string(),
            n => tr!("field.ket-qua-hay-chon-dung", "{n} kết quả. Hãy chọn đúng nơi của bạn:", n = n),
        };
        Some(view! { <p>{message}</p> <Candidates candidates=found province=province value=value/> })
    };
    view! {
        <label class="label label--small" for=id.clone()>{tr!("field.tim-nhanh-xa-phuong-go", "Tìm nhanh xã, phường (gõ có dấu hay không dấu đều được)")}</label>
        <input class="input input--full" type="text" id=id autocomplete="off" spellcheck="false" prop:value=text
            on:input=move |ev| text.set(event_target_value(&ev))/>
        <div role="status" aria-live="polite">{results}</div>
    }
}

/// "My papers show the old address": converts a three-level address from before 1 July 2025 to
/// the commune(s) that replaced it. The person chooses; a divided commune is never chosen for them.
#[component]
fn OldAddress(id: String, units: std::sync::Arc<crate::core::units::Units>, province: RwSignal<String>, value: RwSignal<String>) -> impl IntoView {
    let text = RwSignal::new(String::new());
    // (message, candidates as (commune code, province code, label))
    let found = RwSignal::new(None::<(String, Vec<(u32, u32, String)>)>);
    let search = move || {
        let address = text.get_untracked();
        let units = units.clone();
        leptos::task::spawn_local(async move {
            let result = match crate::web::cache::old_to_new().await {
                Err(e) => (e.to_string(), Vec::new()),
                Ok(table) => {
                    let conversion = table.candidates(&address, &units);
                    let out: Vec<(u32, u32, String)> = conversion
                        .candidates()
                        .into_iter()
                        .map(|c| {
                            (
                                c.code,
                                c.province_code,
                                format!(
                                    "{}, {}{}",
                                    c.name,
                                    c.province,
                                    if c.most_of_old { tr!("field.phan-lon-don-vi-cu", " (phần lớn đơn vị cũ)") } else { "" }
                                ),
                            )
                        })
                        .collect();
                    let message = match (conversion.found.len(), out.len()) {
                        (0, _) => tr!(
                            "field.khong-tim-thay-dia-chi",
                            "Không tìm thấy địa chỉ cũ này. Hãy ghi đủ xã/phường, huyện/quận, tỉnh/thành phố, cách nhau bằng dấu phẩy."
                        )
                        .to_string(),
                        (_, 1) => tr!("field.dia-chi-cu-nay-nay", "Địa chỉ cũ này nay thuộc:").to_string(),
                        _ => tr!("field.don-vi-cu-nay-nay", "Đơn vị cũ này nay thuộc nhiều xã, phường. Hãy chọn đúng nơi của bạn:").to_string(),
                    };
                    (message, out)
                }
            };
            found.set(Some(result));
        });
    };
    let search_on_enter = search.clone();
    let input_id = id.clone();
    view! {
        <details class="old-address">
            <summary>{tr!("field.giay-to-cua-ban-ghi", "Giấy tờ của bạn ghi địa chỉ cũ (trước 01/7/2025)?")}</summary>
            <label class="label label--small" for=input_id.clone()>{tr!("field.dia-chi-cu-xa-phuong", "Địa chỉ cũ: xã/phường, huyện/quận, tỉnh/thành phố")}</label>
            <p class="hint">{tr!("field.vi-du-phuong-9-quan", "Ví dụ: Phường 9, Quận 5, TP. Hồ Chí Minh")}</p>
            <input class="input input--full" type="text" id=input_id autocomplete="off" prop:value=text
                on:input=move |ev| text.set(event_target_value(&ev))
                on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { ev.prevent_default(); search_on_enter(); }/>
            <button type="button" class="button button--secondary" on:click=move |_| search()>{tr!("field.tim-xa-phuong-moi", "Tìm xã, phường mới")}</button>
            <div role="status">
                {move || found.get().map(|(message, candidates)| view! {
                    <p>{message}</p>
                    <Candidates candidates=candidates province=province value=value/>
                })}
            </div>
        </details>
    }
}
