use super::model::Settings;
use crate::components::notices::Notices;
use crate::persisted::{Persisted, Stored};
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

    /// Changes and stores them; a refusal is a notice, and the change holds for this visit.
    pub fn change(&self, edit: impl FnOnce(&mut Settings)) {
        let _ = self.current.edit(edit);
    }
}
