//! The clinical contract of `shared/clinical/SPEC.md` as plain Rust types.
//! No Leptos, no web-sys: everything here is tested natively.

mod condition;
mod urgency;

pub use condition::Condition;
pub use urgency::Urgency;
