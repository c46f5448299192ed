//! hoso in a portal's iframe: what a `hoso:init` changes in the app. `core::embed` reads and
//! judges the message; `web::embed` listens and posts; this applies it — the theme, the limits,
//! newer days-off decisions, the keys to seal the package to, the portal's answers for the
//! declaration — and opens the procedure's dossier.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::core::embed::{EmbedProblem, Init, Outgoing};

/// What the portal gave for this visit (`None` when hoso is not embedded, or before `init`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Given {
    /// The portal's origin.
    pub by: String,
    pub prefill: BTreeMap<String, String>,
    /// The agencies' age keys the package is sealed to.
    pub recipients: Vec<String>,
}

#[derive(Clone, Copy)]
pub struct Portal(pub RwSignal<Option<Given>>);

pub fn use_portal() -> Portal {
    use_context::<Portal>().unwrap_or(Portal(RwSignal::new(None)))
}

/// Starts listening to a portal when hoso is framed (inside the `Router`: an `init` naming a
/// procedure opens its dossier).
#[component]
pub fn PortalBridge() -> impl IntoView {
    let portal = Portal(RwSignal::new(None));
    provide_context(portal);
    let navigate = leptos_router::hooks::use_navigate();
    let drafts = crate::ui::autosave::use_drafts();
    crate::web::embed::start(move |init: Init| {
        let mut problems: Vec<EmbedProblem> = Vec::new();
        let (locale, refused) = crate::core::embed::locale(init.locale.as_deref());
        if let Some(lang) = crate::core::i18n::Lang::from_tag(locale).filter(|l| init.locale.is_some() && *l != crate::web::lang::wanted()) {
            // The texts are read as the page is built: hoso starts again in the portal's
            // language, says hoso:ready again and takes the portal's next init. (Asked for the
            // language already wanted, whose texts could not be had: no second reload.)
            crate::web::lang::choose(lang);
            return;
        }
        problems.extend(refused);
        problems.extend(crate::web::embed::apply_theme(&init.theme));
        if let Some(l) = init.limits {
            if let Ok(limits) = crate::core::files::Limits::from_megabytes(l.file_mb, l.dossier_mb) {
                crate::web::files::set_limits(limits);
            }
        }
        if let Some(decisions) = &init.decisions {
            if let Err(p) = crate::web::calendar::install_given(&decisions.to_string()) {
                problems.push(EmbedProblem::BadField { field: "decisions".into(), detail: p.message() });
            }
        }
        for p in problems {
            crate::web::embed::tell(&Outgoing::error(p));
        }
        let by = crate::web::embed::host().unwrap_or_default();
        let given = init.prefill.clone();
        portal.0.set(Some(Given { by, prefill: init.prefill, recipients: init.recipients }));
        if let Some(code) = init.procedure {
            let navigate = navigate.clone();
            leptos::task::spawn_local(async move {
                drafts.restored().await;
                // The person's dossier of this procedure not yet handed in (`core::embed::reopens`:
                // never another person's), else a new one.
                let open = drafts
                    .ids_of(&code)
                    .into_iter()
                    .rev()
                    .find(|id| drafts.submission(id).is_none() && crate::core::embed::reopens(drafts.prefilled(id).as_ref(), &given));
                let id = open.unwrap_or_else(|| drafts.next_id(&code));
                navigate(&format!("/ho-so/{id}"), Default::default());
            });
        }
    });
}

/// Fills the dossier `id`'s empty answers with the portal's, once per dossier (an answer the
/// person cleared stays cleared). Reports the keys the form does not have to the portal.
pub fn fill(id: &str, form: &crate::core::forms::FormDef) {
    let (portal, drafts) = (use_portal(), crate::ui::autosave::use_drafts());
    let id = id.to_string();
    let form = form.clone();
    Effect::new(move |_| {
        let Some(given) = portal.0.get() else { return };
        let (id, form) = (id.clone(), form.clone());
        leptos::task::spawn_local(async move {
            // After the drafts are back: the stored answers are the ones not to overwrite.
            drafts.restored().await;
            if given.prefill.is_empty() || drafts.prefilled(&id).is_some() {
                return;
            }
            for p in drafts.take_prefill(&id, &form, &given.by, &given.prefill) {
                crate::web::embed::tell(&Outgoing::error(p));
            }
        });
    });
}
