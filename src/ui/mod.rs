//! The user interface: Leptos components and routes.
//!
//! Architecture invariant: the UI holds no business rules. It renders data from `core` and
//! calls `core` (directly, or through `web` adapters for I/O) for every decision.

mod app;
pub mod autosave;
pub mod components;
pub mod embed;
pub mod focus;
mod page;
pub mod pages;
pub mod state;

pub use app::{App, BrowseApp, DisplayChosen};
pub use page::{Later, Page, A};
