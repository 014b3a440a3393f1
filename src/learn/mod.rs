//! Learn: the article, rewritten in the app's own words, one section per SPEC condition.

pub mod content;
mod views;
pub mod warnings;

pub use content::{section_for, Section, Tip, INTRO, SECTIONS};
pub use views::{LearnIndex, LearnSection};
