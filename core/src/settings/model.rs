//! Display preferences. Pure data; the view and the DOM glue live elsewhere.

use crate::storage::keys::Key;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ThemeChoice {
    /// Follow the phone's light/dark setting.
    #[default]
    Auto,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark];

    /// The value of `<html data-theme>`, which the stylesheet keys on.
    pub fn attribute(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "Auto (follow my phone)",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Night (dark)",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextSize {
    #[default]
    Standard,
    Large,
    Largest,
}

impl TextSize {
    pub const ALL: [TextSize; 3] = [TextSize::Standard, TextSize::Large, TextSize::Largest];

    pub fn attribute(self) -> &'static str {
        match self {
            TextSize::Standard => "standard",
            TextSize::Large => "large",
            TextSize::Largest => "largest",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TextSize::Standard => "Standard",
            TextSize::Large => "Large",
            TextSize::Largest => "Largest",
        }
    }

    /// Base font size in CSS pixels; the stylesheet mirrors these numbers.
    pub fn base_px(self) -> u8 {
        match self {
            TextSize::Standard => 18,
            TextSize::Large => 21,
            TextSize::Largest => 24,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: ThemeChoice,
    pub text_size: TextSize,
}

/// Stored settings. 1: theme and text size.
pub const KEY: Key = Key {
    name: "lan.settings",
    schema: 1,
    migrations: &[],
    label: "Your display settings",
    words: "the display settings",
    backup_part: Some("settings"),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_phone_at_comfortable_size() {
        let settings = Settings::default();
        assert_eq!(settings.theme, ThemeChoice::Auto);
        assert_eq!(settings.text_size.base_px(), 18);
    }

    #[test]
    fn missing_fields_fall_back_to_defaults() {
        let parsed: Settings = serde_json::from_str(r#"{"theme":"dark"}"#).unwrap();
        assert_eq!(parsed.theme, ThemeChoice::Dark);
        assert_eq!(parsed.text_size, TextSize::Standard);
    }

    #[test]
    fn unknown_values_are_rejected_rather_than_guessed() {
        assert!(serde_json::from_str::<Settings>(r#"{"theme":"purple"}"#).is_err());
    }

    #[test]
    fn sizes_grow_and_attributes_are_distinct() {
        let px: Vec<_> = TextSize::ALL.iter().map(|s| s.base_px()).collect();
        assert!(px.windows(2).all(|w| w[0] < w[1]));
        let attrs: std::collections::HashSet<_> =
            ThemeChoice::ALL.iter().map(|t| t.attribute()).collect();
        assert_eq!(attrs.len(), 3);
    }
}
