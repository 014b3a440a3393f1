pub mod due;
pub mod ics;
pub mod schedule;
pub mod stats;
