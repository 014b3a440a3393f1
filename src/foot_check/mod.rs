//! The guided foot check: the model and advice (pure), the saved history, and the screens.

pub use legs_core::foot_check::{advice, model, touch_test};
mod history;
mod map;
mod routine;
mod state;
mod touch_step;

pub use history::FootCheckHistory;
pub use routine::FootCheckPage;
pub use state::FootCheckState;
