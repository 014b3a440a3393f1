use super::model::Settings;
use super::Region;
use crate::components::notices::Notices;
use crate::persisted::{Persisted, Stored};
use crate::platform::locale;
use crate::storage;
use leptos::prelude::*;

pub struct SettingsKey;

impl Stored for SettingsKey {
    type Value = Settings;
    const KEY: &'static storage::Key = &storage::SETTINGS;
}

/// Display settings, loaded once at start and written back through `storage`.
#[derive(Clone, Copy)]
pub struct SettingsState {
    pub current: Persisted<SettingsKey>,
}

impl SettingsState {
    pub fn provide(notices: Notices) -> Self {
        let state = SettingsState {
            current: Persisted::load(notices),
        };
        provide_context(state);
        state
    }

    pub fn expect() -> Self {
        expect_context::<SettingsState>()
    }

    /// Another tab changed the settings: take its version.
    pub fn reload(&self, key_name: Option<&str>) {
        self.current.reload(key_name);
    }

    /// The region whose help numbers to show: the one chosen in Settings, else the
    /// browser's guess (its time zone, then its language).
    pub fn help_region(&self) -> Region {
        self.current.with(|s| s.help_region(Self::guessed_region))
    }

    /// The browser's region: its time zone, then its language.
    pub fn guessed_region() -> Region {
        let (language, time_zone) = locale::language_and_time_zone();
        Region::guess(&language, &time_zone)
    }

    /// Whether the region is the person's own choice rather than the browser's guess.
    pub fn region_chosen(&self) -> bool {
        self.current.with(|s| s.region.is_some())
    }

    /// Changes and stores them; a refusal is a notice, and the change holds for this visit.
    pub fn change(&self, edit: impl FnOnce(&mut Settings)) {
        let _ = self.current.edit(edit);
    }
}
