//! The clinical contract of `shared/clinical/SPEC.md` as plain Rust types and the triage
//! engine. No Leptos, no web-sys: everything here is tested natively.

mod condition;
pub mod engine;
mod finding;
pub mod rules;
mod urgency;

pub use condition::Condition;
pub use engine::{assess, Assessment, Likelihood, RankedCondition, UrgencyReason};
pub use finding::Finding;
pub use urgency::Urgency;
