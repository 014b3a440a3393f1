pub mod due;
pub mod ics;
pub mod link;
pub mod merge;
pub mod schedule;
pub mod stats;
