//! The working-day calendar's yearly decisions, refreshed from `calendar/decisions.json` (served
//! with the app, kept by the service worker for use offline): a Tết decision published after this
//! build counts without a rebuild. The rules stay in `core::calendar::holidays`.

use leptos::prelude::*;

thread_local! {
    static UPDATES: ArcRwSignal<u32> = ArcRwSignal::new(0);
}

/// Changes each time newer decisions are taken: read it where due dates are shown.
pub fn updates() -> ArcRwSignal<u32> {
    UPDATES.with(|u| u.clone())
}

/// Fetches the decisions file and takes it; offline without a copy, or a broken file, keeps the
/// decisions this build has.
pub fn refresh() {
    leptos::task::spawn_local(async {
        let Ok(text) = crate::web::fetch::get_text("/calendar/decisions.json").await else { return };
        match crate::core::calendar::holidays::install_decisions(&text) {
            Ok(_) => UPDATES.with(|u| u.update(|n| *n += 1)),
            Err(problem) => leptos::logging::warn!("calendar/decisions.json not taken: {problem:?}"),
        }
    });
}
