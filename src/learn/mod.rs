//! Learn: the article, rewritten in the app's own words, one section per SPEC condition.

mod views;

pub use legs_core::learn::{content, section_for, warnings, Section, Tip, INTRO, SECTIONS};
pub use views::{LearnIndex, LearnSection};
