//! The guided foot check: the model and advice (pure), the saved history, and the screens.

pub mod advice;
mod history;
mod map;
pub mod model;
mod routine;
mod state;
mod touch_step;
pub mod touch_test;

pub use history::FootCheckHistory;
pub use routine::FootCheckPage;
pub use state::FootCheckState;
