//! The clinical contract of `shared/clinical/SPEC.md` as plain Rust types and the triage
//! engine. No Leptos, no web-sys: everything here is tested natively.

mod condition;
pub mod engine;
mod finding;
pub mod positions;
mod red_flags;
pub mod rules;
pub mod safety_net;
mod urgency;
pub mod warning_signs;

pub use condition::Condition;
pub use engine::{assess, Assessment, Likelihood, RankedCondition, UrgencyReason};
pub use finding::Finding;
pub use safety_net::SafetyNet;
pub use urgency::Urgency;
