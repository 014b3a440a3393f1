//! Tonight's one-minute routine and the pain diary: model and statistics (pure), state,
//! screens and the chart.

pub mod model;
mod routine;
mod state;
pub mod stats;
mod try_tonight;
mod views;

pub use routine::TonightPage;
pub use state::{tonight, DiaryState, NightOverride};
pub use views::DiaryPage;
