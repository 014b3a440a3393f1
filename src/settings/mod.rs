//! Settings and About: theme, text size, privacy.

pub mod model;
mod state;
mod views;

pub use model::{Settings, TextSize, ThemeChoice};
pub use state::SettingsState;
pub use views::SettingsPage;
