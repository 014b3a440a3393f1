//! The symptom quiz: questions and flow (pure), saved results, and the screens.

pub use legs_core::quiz::{escalation, flow, questions, result, tonight};
mod state;
mod views;

pub use state::QuizState;
pub use views::{QuizHistory, QuizPage, QuizResultPage};
