pub mod content;
pub mod warnings;

pub use content::{section_for, Section, Tip, INTRO, SECTIONS};
