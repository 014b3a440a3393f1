pub mod model;
pub mod region;

pub use model::{Settings, TextSize, ThemeChoice};
pub use region::Region;
