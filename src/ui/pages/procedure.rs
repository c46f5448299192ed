//! `/thu-tuc/:ma`: what a procedure needs, in the order a citizen asks: what will I get, what
//! must I bring, how long, how much, where, and under which law.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::core::catalogue::present::{
    describe_due, describe_fee_on, describe_quantity, describe_time, estimate_due, exemptions, fee_notes, format_thousands, online_saving, originals_of_copies,
    paper_groups, paper_note, provisional_note, PaperGroup,
};
use crate::core::catalogue::{Channel, Document, DocumentKind, Procedure};
use crate::ui::{Later, Page};

#[component]
pub fn ProcedurePage() -> impl IntoView {
    let params = use_params_map();
    crate::ui::state::with_procedure(move || params.read().get("ma").unwrap_or_default(), |p| view! { <ProcedureView p=p/> })
}

#[component]
fn ProcedureView(p: Arc<Procedure>) -> impl IntoView {
    // This procedure's own source and decision; the catalogue's when an older file names none.
    let known = crate::core::catalogue::known::SOURCE;
    let from = p.source.as_deref().and_then(crate::core::catalogue::sources::Source::by_id).map_or_else(|| known.to_string(), |s| s.describe());
    let decision = p.decision.clone().map(|d| tr!("procedure.cong-bo-tai", " Công bố tại: {d}.", d = d)).unwrap_or_default();
    let source = tr!(
        "procedure.nguon",
        "Nguồn: {from}.{decision} Phiên bản danh mục {version}.",
        from = from,
        decision = decision,
        version = crate::core::catalogue::known::VERSION
    );
    let print = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    // What a person reads first is built at once; the rest in two short tasks after it (`Later`).
    let (soon, last) = (p.clone(), p.clone());
    let (results, documents) = (view! { <Results p=p.clone()/> }, view! { <Documents p=p.clone()/> });
    view! {
        <Page title=p.name.clone() title_lang="vi">
            <p class="procedure__meta">{tr!("procedure.ma-thu-tuc", "Mã thủ tục ")} {p.code.clone()} " · " {p.field.clone()} " · " {p.level.clone()}</p>
            {(crate::core::i18n::current() != crate::core::i18n::Lang::Vi).then(|| view! {
                <p class="notice" id="noi-dung-tieng-viet">{tr!("procedure.noi-dung-tieng-viet", "Nội dung của thủ tục (tên, giấy tờ, thời hạn, lệ phí, căn cứ pháp lý) được công bố bằng tiếng Việt và giữ nguyên như vậy. Tờ khai và gói hồ sơ bạn nộp cũng bằng tiếng Việt, ngôn ngữ của cơ quan tiếp nhận.")}</p>
            })}
            <Corrections p=p.clone()/>
            <Section id="ket-qua" title={tr!("procedure.ban-se-nhan-duoc", "Bạn sẽ nhận được")}>
                {results}
            </Section>
            <Section id="giay-to" title={tr!("procedure.giay-to-can-chuan-bi", "Giấy tờ cần chuẩn bị")}>
                {documents}
                <button type="button" class="button button--secondary no-print" on:click=print>{tr!("procedure.in-danh-sach-giay-to", "In danh sách giấy tờ")}</button>
            </Section>
            <Later><TimeAndFees p=soon.clone()/></Later>
            <Later><PlaceAndLaw p=last.clone() source=source.clone()/></Later>
        </Page>
    }
}

/// "Bao lâu có kết quả" and "Lệ phí".
#[component]
fn TimeAndFees(p: Arc<Procedure>) -> impl IntoView {
    // Each section's body is built here: the sections' children closures own their own parts.
    let (timing, fees) = (view! { <Timing p=p.clone()/> }, view! { <Fees p=p.clone()/> });
    view! {
        <Section id="thoi-han" title={tr!("procedure.bao-lau-co-ket-qua", "Bao lâu có kết quả")}>
            {timing}
        </Section>
        <Section id="le-phi" title={tr!("procedure.le-phi", "Lệ phí")}>
            {fees}
        </Section>
    }
}

/// "Nộp ở đâu, nộp thế nào", "Căn cứ pháp lý", what is unclear in the source, the source, and
/// "Bắt đầu hồ sơ".
#[component]
fn PlaceAndLaw(p: Arc<Procedure>, source: String) -> impl IntoView {
    let (place, legal) = (view! { <Where p=p.clone()/> }, view! { <Legal p=p.clone()/> });
    view! {
        <Section id="noi-nop" title={tr!("procedure.nop-o-dau-nop-the", "Nộp ở đâu, nộp thế nào")}>
            {place}
        </Section>
        <Section id="can-cu" title={tr!("procedure.can-cu-phap-ly", "Căn cứ pháp lý")}>
            {legal}
        </Section>
        <ReviewNotice p=p.clone()/>
        <p class="procedure__source">{source}</p>
        <StartDossier code=p.code.clone() name=p.name.clone()/>
    }
}

/// "Bắt đầu hồ sơ"; and when this device already holds dossiers of the procedure, each to go on
/// with, and "Bắt đầu hồ sơ mới" for another (a family, a ward desk).
#[component]
fn StartDossier(code: String, name: String) -> impl IntoView {
    use crate::ui::A;
    let drafts = use_context::<crate::ui::autosave::Drafts>();
    let form_code = code.clone();
    // The drafts on the device, and the form (to name each dossier's applicant).
    let ready = LocalResource::new(move || {
        let code = form_code.clone();
        async move {
            if let Some(d) = drafts {
                d.restored().await;
                let _ = crate::web::cache::form(&code).await;
            }
        }
    });
    move || {
        let drafts = drafts.filter(|_| ready.get().is_some());
        let mine = drafts.map(|d| d.ids_of(&code)).unwrap_or_default();
        let (Some(drafts), false) = (drafts, mine.is_empty()) else {
            return view! {
                <p class="no-print"><A href=format!("/ho-so/{code}") attr:class="button">{tr!("procedure.bat-dau-ho-so", "Bắt đầu hồ sơ")}</A></p>
            }
            .into_any();
        };
        let form = crate::core::forms::form_of(&code, &name);
        let count = mine.len();
        let items = mine
            .into_iter()
            .map(|id| {
                let d = drafts.latest(&id);
                let who = d.summary(&form).applicant.map(|a| tr!("procedure.nguoi-yeu-cau", " — người yêu cầu: {a}", a = a)).unwrap_or_default();
                let when = d.changed_at().map(|r| tr!("procedure.sua-lan-cuoi", ", sửa lần cuối {when}", when = r.to_vn())).unwrap_or_default();
                view! { <li><A href=format!("/ho-so/{id}")>{tr!("procedure.ho-so-thu", "Hồ sơ thứ {n}", n = crate::core::dossier::ordinal(&id))}</A>{format!("{who}{when}")}</li> }
            })
            .collect_view();
        view! {
            <div class="notice no-print" role="status">
                <p>{tr!("procedure.dang-co-ho-so", "Trên máy này đang có {count} hồ sơ của thủ tục này. Làm tiếp:", count = count)}</p>
                <ul>{items}</ul>
            </div>
            <p class="no-print">
                <A href=format!("/ho-so/{}", drafts.next_id(&code)) attr:class="button">{tr!("procedure.bat-dau-ho-so-moi", "Bắt đầu hồ sơ mới")}</A>
                <span class="hint">{tr!("procedure.vi-du-cho-nguoi-khac", " (ví dụ cho người khác trong gia đình)")}</span>
            </p>
        }
        .into_any()
    }
}

/// A titled part of the page, labelled by its heading for assistive technology.
#[component]
fn Section(id: &'static str, title: &'static str, children: Children) -> impl IntoView {
    view! {
        <section aria-labelledby=id>
            <h2 id=id>{title}</h2>
            {children()}
        </section>
    }
}

#[component]
fn Results(p: Arc<Procedure>) -> impl IntoView {
    if p.results.is_empty() {
        return view! { <p>{tr!("procedure.nguon-du-lieu-chua-ghi", "Nguồn dữ liệu chưa ghi kết quả của thủ tục này.")}</p> }.into_any();
    }
    let items = p.results.iter().map(|r| view! { <li>{r.name.clone()}</li> }).collect_view();
    view! { <ul>{items}</ul> }.into_any()
}

#[component]
fn Documents(p: Arc<Procedure>) -> impl IntoView {
    if p.documents.is_empty() {
        return view! { <p>{tr!("procedure.nguon-du-lieu-chua-ghi-2", "Nguồn dữ liệu chưa ghi thành phần hồ sơ. Hãy hỏi nơi tiếp nhận trước khi đi.")}</p> }
            .into_any();
    }
    let groups = paper_groups(&p.documents);
    let has_cases = groups.iter().any(|(g, _)| matches!(g, PaperGroup::Case(_)));
    // The originals of the copies handed in join the papers to show: one list of what to bring.
    let originals = originals_of_copies(&p.documents);
    let originals_line = move || {
        (!originals.is_empty()).then(|| {
            view! {
                <p class="doc-originals">
                    {tr!("procedure.mang-theo-ca-ban-chinh", "Mang theo cả bản chính của: ")} {originals.join("; ")}
                    {tr!("procedure.de-can-bo-doi-chieu", " — để cán bộ đối chiếu với bản sao bạn nộp (không cần nếu bản sao đã được chứng thực).")}
                </p>
            }
        })
    };
    let bring_at = if groups.iter().any(|(g, _)| *g == PaperGroup::Bring) {
        Some(PaperGroup::Bring)
    } else {
        groups.iter().map(|(g, _)| *g).find(|g| *g == PaperGroup::Everyone)
    };
    let top = bring_at.is_none().then(|| originals_line.clone()());
    let groups = groups
        .into_iter()
        .map(|(group, docs)| {
            let items = docs.into_iter().map(|d| view! { <Paper d=d.clone()/> }).collect_view();
            let originals_here = (Some(group) == bring_at).then(|| {
                let title = (group == PaperGroup::Everyone).then(|| view! { <h3 class="doc-group__title">{PaperGroup::Bring.title()}</h3> });
                view! { {title} {originals_line.clone()()} }
            });
            match group {
                // One case per collapsible block: people open only the case that is theirs.
                PaperGroup::Case(_) => view! {
                    <details class="doc-case">
                        <summary class="doc-case__title">{group.title()}</summary>
                        <ul class="doc-list">{items}</ul>
                    </details>
                }
                .into_any(),
                _ => view! {
                    <h3 class="doc-group__title">{group.title()}</h3>
                    <ul class="doc-list">{items}</ul>
                    {originals_here}
                }
                .into_any(),
            }
        })
        .collect_view();
    let cases_intro = has_cases.then(
        || view! { <p class="hint">{tr!("procedure.mot-so-giay-to-con", "Một số giấy tờ còn tuỳ trường hợp của bạn. Mở trường hợp đúng với bạn để xem:")}</p> },
    );
    let notes = (!p.document_notes.is_empty()).then(|| {
        let items = p.document_notes.iter().map(|n| view! { <li>{n.text.clone()}</li> }).collect_view();
        view! {
            <details class="doc-notes">
                <summary>{tr!("procedure.luu-y-them", "Lưu ý thêm về giấy tờ ({count})", count = p.document_notes.len())}</summary>
                <ul>{items}</ul>
            </details>
        }
    });
    view! { {top} {cases_intro} {groups} {notes} }.into_any()
}

/// One paper: its short name, what it takes, when it is needed, the alternatives that satisfy
/// it, and its full legal text one tap away.
#[component]
fn Paper(d: Document) -> impl IntoView {
    let how = match d.kind {
        DocumentKind::Submit => tr!("procedure.nop", "Nộp {quantity}", quantity = describe_quantity(&d)),
        DocumentKind::Present => tr!("procedure.mang-ban-chinh-de-can", "Mang bản chính để cán bộ đối chiếu (xuất trình), không phải nộp").to_string(),
    };
    let template = d
        .template_name
        .clone()
        .or_else(|| d.template_file.clone())
        .map(|t| view! { <span class="doc__template">{tr!("procedure.theo-mau", "Theo mẫu: ")} {t}</span> });
    let note = paper_note(&d).map(|n| view! { <span class="doc__when">{n}</span> });
    let any_of = (!d.any_of.is_empty()).then(|| {
        let items = d.any_of.iter().map(|a| view! { <li>{a.clone()}</li> }).collect_view();
        view! {
            <span class="doc__how">{tr!("procedure.chi-can-mot-trong-cac", "Chỉ cần một trong các giấy tờ sau:")}</span>
            <ul class="doc__any-of">{items}</ul>
        }
    });
    let heading = d.heading();
    let full = (heading != d.name).then(|| {
        view! {
            <details class="doc__full">
                <summary>{tr!("procedure.xem-day-du-theo-van", "Xem đầy đủ theo văn bản")}</summary>
                <p>{d.published_text().to_string()}</p>
            </details>
        }
    });
    view! {
        <li class="doc">
            <span class="doc__name">{heading}</span>
            {note}
            {any_of}
            <span class="doc__how">{how}</span>
            {template}
            {full}
        </li>
    }
}

fn mode_label(ch: &Channel) -> &'static str {
    ch.mode.label()
}

#[component]
fn Timing(p: Arc<Procedure>) -> impl IntoView {
    // Counted again when newer days-off decisions arrive (`web::calendar`).
    let updates = crate::web::calendar::updates();
    move || {
        updates.track();
        view! { <TimingTable p=p.clone()/> }
    }
}

#[component]
fn TimingTable(p: Arc<Procedure>) -> impl IntoView {
    if p.channels.is_empty() {
        return view! { <p>{tr!("procedure.nguon-du-lieu-chua-ghi-3", "Nguồn dữ liệu chưa ghi thời hạn giải quyết.")}</p> }.into_any();
    }
    let now = crate::web::clock::now();
    let dues: Vec<_> = p.channels.iter().map(|ch| estimate_due(ch, now)).collect();
    let latest = dues.iter().flatten().max_by_key(|d| d.date);
    let provisional = latest.and_then(|d| provisional_note(now, d)).map(|n| view! { <p class="hint hint--warning">{n}</p> });
    let rows = p
        .channels
        .iter()
        .zip(&dues)
        .map(|(ch, due)| {
            let time = describe_time(ch).unwrap_or_else(|| tr!("procedure.chua-co-thong-tin", "Chưa có thông tin").into());
            let due = due.as_ref().map(describe_due);
            view! {
                <tr>
                    <th scope="row">{mode_label(ch)}</th>
                    <td>{time}</td>
                    <td>{due.unwrap_or_else(|| tr!("procedure.khong-tinh-duoc", "Không tính được").into())}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table">
            <caption class="visually-hidden">{tr!("procedure.thoi-han-giai-quyet-theo", "Thời hạn giải quyết theo hình thức nộp")}</caption>
            <thead><tr><th scope="col">{tr!("procedure.hinh-thuc-nop", "Hình thức nộp")}</th><th scope="col">{tr!("procedure.thoi-han", "Thời hạn")}</th><th scope="col">{tr!("procedure.neu-nop-hom-nay-ngay", "Nếu nộp hôm nay, ngày hẹn trả kết quả dự kiến")}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        {provisional}
        <p class="hint">
            {tr!("procedure.ngay-hen-tinh-theo-ngay", "Ngày hẹn tính theo ngày làm việc của cơ quan nhà nước, đã trừ ngày nghỉ lễ, Tết. Hồ sơ nhận sau 15 giờ hoặc vào ngày nghỉ ")}
            {tr!("procedure.duoc-tinh-tu-ngay-lam", "được tính từ ngày làm việc tiếp theo. Thời hạn chỉ bắt đầu khi hồ sơ đầy đủ, hợp lệ.")}
        </p>
    }
    .into_any()
}

#[component]
fn Fees(p: Arc<Procedure>) -> impl IntoView {
    if p.channels.is_empty() {
        return view! { <p>{tr!("procedure.nguon-du-lieu-chua-ghi-4", "Nguồn dữ liệu chưa ghi lệ phí.")}</p> }.into_any();
    }
    let notes = fee_notes(&p.channels);
    let today = crate::web::clock::now().date;
    let rows = p
        .channels
        .iter()
        .zip(notes.per_channel)
        .map(|(ch, note)| {
            let note = note.map(|n| view! { <p class="fee__note">{n}</p> });
            view! {
                <tr>
                    <th scope="row">{mode_label(ch)}</th>
                    <td>{describe_fee_on(ch, today)} {note}</td>
                </tr>
            }
        })
        .collect_view();
    let exemptions = exemptions(&p.channels);
    let saving =
        online_saving(&p.channels).map(|d| tr!("procedure.re-hon", "Nộp trực tuyến rẻ hơn nộp trực tiếp {amount} đồng.", amount = format_thousands(d)));
    let exempt = (!exemptions.is_empty()).then(|| {
        let items = exemptions.into_iter().map(|e| view! { <li>{e}</li> }).collect_view();
        view! {
            <div class="notice notice--important">
                <h3>{tr!("procedure.mien-giam-le-phi", "Miễn, giảm lệ phí")}</h3>
                <ul>{items}</ul>
            </div>
        }
    });
    view! {
        <table class="table">
            <caption class="visually-hidden">{tr!("procedure.le-phi-theo-hinh-thuc", "Lệ phí theo hình thức nộp")}</caption>
            <thead><tr><th scope="col">{tr!("procedure.hinh-thuc-nop", "Hình thức nộp")}</th><th scope="col">{tr!("procedure.le-phi", "Lệ phí")}</th></tr></thead>
            <tbody>{rows}</tbody>
        </table>
        {notes.shared.map(|n| view! { <p class="fee__note">{tr!("procedure.ghi-chu-chung-cho-moi", "Ghi chú chung cho mọi cách nộp: ")} {n}</p> })}
        {notes.province_sets_fee.map(|n| view! { <p class="fee__explain">{n}</p> })}
        {saving.map(|s| view! { <p><strong>{s}</strong></p> })}
        {exempt}
    }
    .into_any()
}

#[component]
fn Where(p: Arc<Procedure>) -> impl IntoView {
    let modes: Vec<&str> = p.channels.iter().map(mode_label).collect::<std::collections::BTreeSet<_>>().into_iter().collect();
    let a = &p.agencies;
    let rows = [
        (tr!("procedure.co-quan-thuc-hien", "Cơ quan thực hiện"), a.performing.clone()),
        (tr!("procedure.co-quan-co-tham-quyen", "Cơ quan có thẩm quyền"), a.competent.clone()),
        (tr!("procedure.dia-chi-tiep-nhan-ho", "Địa chỉ tiếp nhận hồ sơ"), a.receiving_address.clone()),
        (tr!("procedure.co-quan-duoc-uy-quyen", "Cơ quan được ủy quyền"), a.delegated.clone()),
        (tr!("procedure.co-quan-phoi-hop", "Cơ quan phối hợp"), a.coordinating.clone()),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.map(|v| view! { <dt>{k}</dt> <dd>{v}</dd> }))
    .collect_view();
    let applicants = (!p.applicants.is_empty()).then(|| view! { <p>{tr!("procedure.ai-duoc-nop", "Ai được nộp: ")} {p.applicants.join("; ")}"."</p> });
    view! {
        <p>{tr!("procedure.cap-thuc-hien", "Cấp thực hiện: ")} {p.level.clone()} {tr!("procedure.cach-nop", ". Cách nộp: ")} {modes.join(", ")} "."</p>
        {applicants}
        <dl class="facts">{rows}</dl>
    }
}

#[component]
fn Legal(p: Arc<Procedure>) -> impl IntoView {
    if p.legal_basis.is_empty() {
        return view! { <p>{tr!("procedure.nguon-du-lieu-chua-ghi-5", "Nguồn dữ liệu chưa ghi căn cứ pháp lý.")}</p> }.into_any();
    }
    let items = p
        .legal_basis
        .iter()
        .map(|l| {
            let number = l.number.clone().filter(|n| !l.title.contains(n.as_str())).map(|n| format!(" ({n})"));
            view! { <li>{l.title.clone()} {number}</li> }
        })
        .collect_view();
    view! {
        <details class="legal">
            <summary>{tr!("procedure.van-ban", "{count} văn bản", count = p.legal_basis.len())}</summary>
            <ul>{items}</ul>
        </details>
    }
    .into_any()
}

#[component]
fn ReviewNotice(p: Arc<Procedure>) -> impl IntoView {
    (!p.needs_review.is_empty()).then(|| {
        let items = p.needs_review.iter().map(|f| view! { <li>{f.reason.clone()}</li> }).collect_view();
        view! {
            <details class="review">
                <summary>{tr!("procedure.cho-chua-ro", "Dữ liệu gốc có {count} chỗ chưa rõ — nên hỏi lại nơi nộp", count = p.needs_review.len())}</summary>
                <ul>{items}</ul>
            </details>
        }
    })
}

#[component]
fn Corrections(p: Arc<Procedure>) -> impl IntoView {
    (!p.corrections.is_empty()).then(|| {
        let items = p.corrections.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view();
        view! {
            <div class="notice">
                <p><strong>{tr!("procedure.hoso-da-sua-loi-da", "hoso đã sửa lỗi đã biết trong dữ liệu gốc của thủ tục này:")}</strong></p>
                <ul>{items}</ul>
            </div>
        }
    })
}
