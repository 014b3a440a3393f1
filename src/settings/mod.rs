//! Settings and About: theme, text size, privacy.

mod data_views;
mod export;
mod import;
mod set_aside;
mod state;
mod views;

pub use legs_core::settings::{model, region, Region, Settings, TextSize, ThemeChoice};
pub use state::SettingsState;
pub use views::SettingsPage;
