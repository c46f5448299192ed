//! The working-day calendar's yearly decisions, refreshed from `calendar/decisions.json` (served
//! with the app, kept by the service worker for use offline): a Tết decision published after this
//! build counts without a rebuild. The rules stay in `core::calendar::holidays`.
//!
//! Fetched once, the first time a page counts working days (`updates`), not at start-up: the
//! home page and the search never need it.

use std::cell::Cell;

use leptos::prelude::*;

thread_local! {
    static UPDATES: ArcRwSignal<u32> = ArcRwSignal::new(0);
    static FETCHED: Cell<bool> = const { Cell::new(false) };
    /// Decisions a portal passed (`hoso:init`): they stay over the file's for the years they name.
    static GIVEN: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// Takes the decisions a portal passed (the `calendar/decisions.json` shape), checked by the same
/// rules as the file's; they count over the file's for the years they name.
pub fn install_given(json: &str) -> Result<Vec<i32>, crate::core::calendar::holidays::DecisionsProblem> {
    let years = crate::core::calendar::holidays::install_decisions(json)?;
    GIVEN.with(|g| *g.borrow_mut() = Some(json.to_string()));
    UPDATES.with(|u| u.update(|n| *n += 1));
    Ok(years)
}

/// Changes each time newer decisions are taken: read it (`track`) where working days are
/// counted. The first call fetches the decisions file.
pub fn updates() -> ArcRwSignal<u32> {
    if !FETCHED.with(|f| f.replace(true)) {
        refresh();
    }
    UPDATES.with(|u| u.clone())
}

/// Fetches the decisions file and takes it; offline without a copy, or a broken file, keeps the
/// decisions this build has.
fn refresh() {
    leptos::task::spawn_local(async {
        let Ok(text) = crate::web::fetch::get_text("calendar/decisions.json").await else { return };
        match crate::core::calendar::holidays::install_decisions(&text) {
            Ok(_) => {
                if let Some(given) = GIVEN.with(|g| g.borrow().clone()) {
                    let _ = crate::core::calendar::holidays::install_decisions(&given);
                }
                UPDATES.with(|u| u.update(|n| *n += 1))
            }
            Err(problem) => leptos::logging::warn!("calendar/decisions.json not taken: {problem:?}"),
        }
    });
}
