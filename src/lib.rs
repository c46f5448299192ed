//! hoso — prepare a Vietnamese public-service dossier entirely on the device.
//!
//! The crate has three layers (see `ARCHITECTURE.md`):
//! - [`core`]: pure domain logic (text, calendar, catalogue, forms…). No I/O, no `web_sys`;
//!   compiled and tested on the host with plain `cargo test`.
//! - `web`: browser adapters, I/O only (wasm32 only).
//! - `ui`: Leptos components and routes, thin, holding no business rules (wasm32 only).
//!
//! The native CLI (`src/cli`) and the browser app (`src/main.rs`) are two front ends over `core`.

#[macro_use]
pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod web;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The product version shown in the app footer and by `hoso --version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
