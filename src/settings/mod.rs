//! Settings and About: theme, text size, privacy.

mod data_views;
pub mod model;
mod state;
mod views;

pub use model::{Settings, TextSize, ThemeChoice};
pub use state::SettingsState;
pub use views::SettingsPage;
