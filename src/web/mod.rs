//! Browser adapters: the only place (besides `ui`) that touches `web_sys`.
//!
//! Each adapter implements a small trait from `core` or exposes plain functions over browser
//! APIs (storage, files, download, the embedding bridge), so the rules stay testable on the host.
