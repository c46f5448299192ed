//! One module per route.

mod about;
mod assist;
mod declaration;
mod dossier;
mod end_session;
mod fields;
mod home;
mod life_event;
mod my_dossiers;
mod not_found;
mod procedure;

pub use about::About;
pub use assist::{Assist, AssistConsent};
pub use declaration::{CheckAnswers, PrintPage, SectionPage};
pub use dossier::Dossier;
pub use end_session::EndSession;
pub use fields::{Field, Fields};
pub use home::Home;
pub use life_event::LifeEvent;
pub use my_dossiers::MyDossiers;
pub use not_found::NotFound;
pub use procedure::ProcedurePage;
