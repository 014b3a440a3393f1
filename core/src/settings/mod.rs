pub mod model;

pub use model::{Settings, TextSize, ThemeChoice};
