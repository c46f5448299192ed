//! Browser adapters: the only place (besides `ui`) that touches `web_sys`.
//!
//! Each adapter is a thin function or small type over one browser API, returning plain core
//! types, so the rules stay testable on the host.

pub mod assist;
pub mod base;
pub mod boot;
pub mod cache;
pub mod calendar;
pub mod camera;
pub mod catalogue;
pub mod clock;
pub mod device;
pub mod display;
pub mod drafts;
pub mod embed;
pub mod fetch;
pub mod files;
pub mod history;
pub mod lang;
pub mod offline;
pub mod speech;
pub mod worker;
