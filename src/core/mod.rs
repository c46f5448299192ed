//! The pure core: domain types and rules with no I/O and no browser types.
//!
//! Architecture invariant: nothing under `core` uses `web_sys`, `js_sys`, `leptos`, the file
//! system, the clock or the network. Callers pass data in and get data out, so the same rules
//! run in the browser, in the CLI and in host tests.

// First: its `tr!` macro is used by the modules below (textual scope).
#[macro_use]
pub mod i18n;

pub mod assist;
pub mod calendar;
pub mod catalogue;
pub mod checklist;
pub mod desk;
pub mod dossier;
pub mod draft;
pub mod embed;
pub mod files;
pub mod forms;
pub mod order;
pub mod package;
pub mod rating;
pub mod search;
pub mod session;
pub mod speech;
pub mod submission;
pub mod text;
pub mod units;
pub mod validate;
pub mod zip;
