//! Display preferences. Pure data; the view and the DOM glue live elsewhere.

use super::region::Region;
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
    /// Where the person lives, for the numbers to call. None until chosen: the numbers
    /// then follow the browser's region (`Region::guess`), which may be wrong.
    pub region: Option<Region>,
}

impl Settings {
    /// The region whose numbers to show: the chosen one, else the browser's guess.
    pub fn help_region(&self, guess: impl FnOnce() -> Region) -> Region {
        self.region.unwrap_or_else(guess)
    }
}

/// Schema 2: where the person lives, "not chosen yet" (null) in settings stored before it,
/// so an export of migrated data has the field as this version writes it.
pub fn migrate_v1_to_v2(mut data: serde_json::Value) -> Result<serde_json::Value, String> {
    data.as_object_mut()
        .ok_or("the settings are not an object")?
        .insert("region".into(), serde_json::Value::Null);
    Ok(data)
}

/// Stored settings. 1: theme and text size. 2: where the person lives.
pub const KEY: Key = Key {
    name: "lan.settings",
    schema: 2,
    migrations: &[migrate_v1_to_v2],
    label: "Your settings",
    words: "the settings",
    backup_part: Some("settings"),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_stored_before_the_region_load_without_one() {
        let v1 = serde_json::json!({ "theme": "dark", "text_size": "large" });
        let settings: Settings = serde_json::from_value(migrate_v1_to_v2(v1).unwrap()).unwrap();
        assert_eq!(settings.region, None);
        assert!(migrate_v1_to_v2(serde_json::json!([])).is_err());
        assert_eq!(settings.help_region(|| Region::Canada), Region::Canada);
        let chosen = Settings {
            region: Some(Region::Ireland),
            ..settings
        };
        assert_eq!(chosen.help_region(|| Region::Canada), Region::Ireland);
        // What the form cannot choose, a file cannot bring in.
        for bad in [r#"{"region":"mars"}"#, r#"{"region":7}"#] {
            assert!(serde_json::from_str::<Settings>(bad).is_err(), "{bad}");
        }
        let nz: Settings = serde_json::from_str(r#"{"region":"nz"}"#).unwrap();
        assert_eq!(nz.region, Some(Region::NewZealand));
    }

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
