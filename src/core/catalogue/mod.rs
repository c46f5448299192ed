//! The procedure catalogue (danh mục thủ tục hành chính).
//!
//! - [`model`]: what a procedure is, as the app and the CLI read it.
//! - [`import`]: parses one record of a source (the national database crawl, the Ministry of
//!   National Defence's exports) into a [`model::Procedure`], keeping the original text beside
//!   every parsed value and flagging what it cannot parse.
//! - [`sources`]: the sources, one line each (folder, layout, reader, name, date).
//! - [`overrides`]: reviewed corrections applied on import.
//! - [`short`]: a paper's short name by rule (headings, status lines, package folders).
//! - [`index`]: the small index loaded at start (code, name, field, levels, search keys).
//! - [`known`]: the codes, version and source of the catalogue shipped with the app, compiled in.
//!
//! Architecture invariant: the catalogue format is defined here only (`model`, `index`,
//! `FORMAT_VERSION`); the CLI writes it and the app reads it through these types.

mod code_key;
pub mod curated;
pub mod import;
pub mod index;
pub mod known;
pub mod model;
pub mod overrides;
pub mod present;
pub mod short;
pub mod sources;

pub use index::{Index, IndexEntry};
pub use model::*;

/// Version of the catalogue file format. Bump on any incompatible change and update
/// `public/catalogue/schema/*.json`.
pub const FORMAT_VERSION: u32 = 1;
