//! Reusable pieces of the interface.

mod procedure_list;
mod search;

pub use procedure_list::ProcedureList;
pub use search::Search;
