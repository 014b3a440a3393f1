//! Tonight's one-minute routine and the pain diary: model and statistics (pure), state,
//! screens and the chart.

pub use legs_core::diary::{model, stats};
mod routine;
mod state;
mod try_tonight;
mod views;

pub use routine::TonightPage;
pub use state::{DiaryState, NightOverride};
pub use views::DiaryPage;
