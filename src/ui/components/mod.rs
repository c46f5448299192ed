//! Reusable pieces of the interface.

mod draft_file;
mod field;
mod papers;
mod procedure_list;
mod rating;
mod read_aloud;
mod search;

pub use draft_file::DraftFile;
pub use field::{dom_id, FormField};
pub use papers::{use_checklist, Papers, PapersReport};
pub use procedure_list::ProcedureList;
pub use rating::RatingPanel;
pub use read_aloud::ReadAloud;
pub use search::Search;
