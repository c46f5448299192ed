//! App-wide state passed through context: the catalogue, loaded once.

use std::sync::Arc;

use leptos::prelude::*;

use crate::web::catalogue::{load_index, Catalogue};

pub type CatalogueResource = LocalResource<Result<Arc<Catalogue>, String>>;

/// Starts loading the catalogue index and makes it available to every route.
pub fn provide_catalogue() {
    let resource: CatalogueResource = LocalResource::new(load_index);
    provide_context(resource);
}

pub fn use_catalogue() -> CatalogueResource {
    expect_context::<CatalogueResource>()
}

/// Renders `ready` with the catalogue once loaded; a polite message while loading or on error.
pub fn with_catalogue<V: IntoView + 'static>(ready: impl Fn(Arc<Catalogue>) -> V + Send + Sync + 'static) -> impl IntoView {
    let catalogue = use_catalogue();
    move || match catalogue.get() {
        None => view! { <p class="loading" role="status">"Đang tải danh mục thủ tục…"</p> }.into_any(),
        Some(Err(e)) => view! {
            <div class="error-box" role="alert">
                <p><strong>"Chưa tải được danh mục thủ tục. "</strong>{e}</p>
            </div>
        }
        .into_any(),
        Some(Ok(c)) => ready(c).into_any(),
    }
}

/// The procedure `code`, once the index says it exists: unknown codes never reach the network.
pub fn procedure_resource(code: impl Fn() -> String + Send + Sync + 'static) -> LocalResource<Result<Option<Arc<crate::core::catalogue::Procedure>>, String>> {
    let catalogue = use_catalogue();
    LocalResource::new(move || {
        let code = code();
        async move {
            let catalogue = catalogue.await?;
            if catalogue.index.find(&code).is_none() {
                return Ok(None);
            }
            crate::web::catalogue::load_procedure(&code).await
        }
    })
}
