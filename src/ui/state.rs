//! App-wide state: the data pages load (catalogue, procedures, units; each fetched once by
//! `web::cache`) and the dossiers passed through context.

use std::sync::Arc;

use leptos::prelude::*;

use crate::web::catalogue::Catalogue;
use crate::web::fetch::LoadError;

pub type CatalogueResource = LocalResource<Result<Arc<Catalogue>, LoadError>>;

/// The catalogue index, loaded by the first page that needs it: every page and the search box
/// share one fetch and one parse (`web::cache`). Nothing loads it at start, so a page that does
/// not need it (a dossier, the home page before the first search) never waits for it.
pub fn use_catalogue() -> CatalogueResource {
    LocalResource::new(crate::web::cache::catalogue)
}

/// Renders `ready` with the catalogue once loaded; a polite message while loading or on error.
pub fn with_catalogue<V: IntoView + 'static>(ready: impl Fn(Arc<Catalogue>) -> V + Send + Sync + 'static) -> impl IntoView {
    let catalogue = use_catalogue();
    move || match catalogue.get() {
        None => view! { <p class="loading" role="status">{tr!("state.dang-tai-danh-muc-thu", "Đang tải danh mục thủ tục…")}</p> }.into_any(),
        Some(Err(e)) => view! {
            <div class="error-box" role="alert">
                <p><strong>{tr!("state.chua-tai-duoc-danh-muc", "Chưa tải được danh mục thủ tục. ")}</strong>{e.to_string()}</p>
            </div>
        }
        .into_any(),
        Some(Ok(c)) => ready(c).into_any(),
    }
}

/// The procedure `code`, when the catalogue shipped with the app has it (`catalogue::known`):
/// unknown codes never reach the network (no 404 in the console), and no page waits for the
/// catalogue index. Fetched once per page life (`web::cache`). `AND_FORM`: the dossier's pages
/// also need its declaration form (a data file, fetched once), fetched beside the procedure, not
/// after it. A const parameter, so the browse binary, which never asks for a form, carries none
/// of the form code.
fn procedure_resource<const AND_FORM: bool>(
    code: impl Fn() -> String + Send + Sync + 'static,
) -> LocalResource<Result<Option<Arc<crate::core::catalogue::Procedure>>, LoadError>> {
    let drafts = AND_FORM.then(crate::ui::autosave::use_drafts);
    LocalResource::new(move || {
        let code = code();
        async move {
            if !crate::core::catalogue::known::is_known(&code) {
                return Ok(None);
            }
            let procedure = crate::web::cache::procedure(&code);
            if !AND_FORM {
                return procedure.await;
            }
            let restored = async {
                if let Some(drafts) = drafts {
                    drafts.restored().await;
                }
                crate::web::cache::form(&code).await
            };
            let (procedure, form) = both(procedure, restored).await;
            form?;
            procedure
        }
    })
}

/// Waits for two futures at once (the procedure and the form load side by side).
async fn both<A: std::future::Future, B: std::future::Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (Box::pin(a), Box::pin(b));
    let (mut ra, mut rb) = (None, None);
    std::future::poll_fn(move |cx| {
        if ra.is_none() {
            if let std::task::Poll::Ready(v) = a.as_mut().poll(cx) {
                ra = Some(v);
            }
        }
        if rb.is_none() {
            if let std::task::Poll::Ready(v) = b.as_mut().poll(cx) {
                rb = Some(v);
            }
        }
        match (ra.is_some(), rb.is_some()) {
            (true, true) => std::task::Poll::Ready((ra.take().unwrap(), rb.take().unwrap())),
            _ => std::task::Poll::Pending,
        }
    })
    .await
}

/// The answers of every dossier started on this device, by dossier id (`core::dossier::new_id`:
/// the procedure's code, then `<code>-2`…). Plain data (see
/// `core::forms::Answers`); restored from and saved to the device's drafts by `ui::autosave`.
#[derive(Clone, Copy)]
pub struct Dossiers(pub RwSignal<std::collections::BTreeMap<String, crate::core::forms::Answers>>);

pub type UnitsResource = LocalResource<Result<Arc<crate::core::units::Units>, LoadError>>;

/// The files attached to every dossier started on this device, by dossier id (their bytes
/// are in `web::files`' store, by hash); restored from and saved to the drafts by `ui::autosave`.
#[derive(Clone, Copy)]
pub struct Attachments(pub RwSignal<std::collections::BTreeMap<String, crate::core::checklist::Attached>>);

pub fn provide_dossiers() {
    let dossiers = Dossiers(RwSignal::new(Default::default()));
    let attachments = Attachments(RwSignal::new(Default::default()));
    provide_context(dossiers);
    provide_context(attachments);
    crate::ui::autosave::provide(dossiers, attachments);
}

pub fn use_attachments() -> Attachments {
    expect_context::<Attachments>()
}

pub fn use_dossiers() -> Dossiers {
    expect_context::<Dossiers>()
}

/// The administrative units, fetched on the first page that needs them: every page shares one
/// fetch and one parse (`web::cache`).
pub fn use_units() -> UnitsResource {
    LocalResource::new(crate::web::cache::units)
}

/// The units once `needed` says the page needs them (a commune answered: `FormDef::needs_units`),
/// `None` before that, while loading, or when they could not load (a commune code is then checked
/// once they can). A dossier page whose answers name no commune never downloads them.
pub fn use_units_if(needed: impl Fn() -> bool + Send + Sync + 'static) -> ReadSignal<Option<Arc<crate::core::units::Units>>> {
    let units = RwSignal::new(None);
    // The effect's value says whether the units were asked for: once they were, it reads nothing
    // and never runs again.
    Effect::new(move |asked: Option<bool>| {
        if asked == Some(true) || !needed() {
            return asked == Some(true);
        }
        leptos::task::spawn_local(async move {
            if let Ok(u) = crate::web::cache::units().await {
                units.try_set(Some(u));
            }
        });
        true
    });
    units.read_only()
}

/// Renders a procedure page: a polite loading line, the error, the 404 page for an unknown
/// code, or `ready` with the procedure.
pub fn with_procedure<V: IntoView + 'static>(
    code: impl Fn() -> String + Send + Sync + 'static,
    ready: impl Fn(Arc<crate::core::catalogue::Procedure>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    with_loaded(procedure_resource::<false>(code), ready)
}

/// The same for a page of the dossier `id` (`/ho-so/<id>`): `ready` gets the id and the
/// procedure it names, once the procedure's declaration form is there too
/// (`core::forms::form_of` gives the full form, not the generic one).
pub fn with_dossier<V: IntoView + 'static>(
    id: impl Fn() -> String + Send + Sync + 'static,
    ready: impl Fn(String, Arc<crate::core::catalogue::Procedure>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let id = Arc::new(id);
    let of = id.clone();
    let procedure = procedure_resource::<true>(move || crate::core::dossier::procedure_of(&of()).to_string());
    with_loaded(procedure, move |p| {
        let id = id();
        // `/ho-so/1.001193-0` names no dossier hoso gives.
        if crate::core::dossier::id_fits(&id, &p.code) {
            ready(id, p).into_any()
        } else {
            view! { <crate::ui::pages::NotFound/> }.into_any()
        }
    })
}

fn with_loaded<V: IntoView + 'static>(
    procedure: LocalResource<Result<Option<Arc<crate::core::catalogue::Procedure>>, LoadError>>,
    ready: impl Fn(Arc<crate::core::catalogue::Procedure>) -> V + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        match procedure.get() {
        None => view! { <div class="container page"><p class="loading" role="status">{tr!("state.dang-tai-thong-tin-thu", "Đang tải thông tin thủ tục…")}</p></div> }.into_any(),
        Some(Err(e)) => view! {
            <crate::ui::Page title={tr!("state.chua-tai-duoc-thu-tuc", "Chưa tải được thủ tục").to_string()}>
                <div class="error-box" role="alert"><p>{e.to_string()}</p></div>
            </crate::ui::Page>
        }
        .into_any(),
        Some(Ok(None)) => view! { <crate::ui::pages::NotFound/> }.into_any(),
        Some(Ok(Some(p))) => ready(p).into_any(),
    }
    }
}
