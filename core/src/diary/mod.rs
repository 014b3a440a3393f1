pub mod model;
pub mod stats;
