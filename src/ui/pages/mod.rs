//! One module per route.

mod about;
mod home;
mod not_found;

pub use about::About;
pub use home::Home;
pub use not_found::NotFound;
