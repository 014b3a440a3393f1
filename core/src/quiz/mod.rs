pub mod escalation;
pub mod flow;
pub mod questions;
pub mod result;
pub mod tonight;
