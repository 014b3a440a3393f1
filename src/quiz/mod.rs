//! The symptom quiz: questions and flow (pure), saved results, and the screens.

pub mod escalation;
pub mod flow;
pub mod questions;
pub mod result;
mod state;
mod views;

pub use state::QuizState;
pub use views::{QuizHistory, QuizPage, QuizResultPage};
