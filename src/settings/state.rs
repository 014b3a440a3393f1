use super::model::Settings;
use crate::components::notices::Notices;
use crate::storage;
use leptos::prelude::*;

/// Display settings, loaded once at start and written back through `storage`.
#[derive(Clone, Copy)]
pub struct SettingsState {
    pub current: RwSignal<Settings>,
    notices: Notices,
}

fn load(notices: Notices) -> Settings {
    match storage::load::<Settings>(&storage::SETTINGS) {
        Ok(saved) => saved.unwrap_or_default(),
        Err(error) => {
            notices.report_storage(&error);
            Settings::default()
        }
    }
}

impl SettingsState {
    pub fn provide(notices: Notices) -> Self {
        let state = SettingsState {
            current: RwSignal::new(load(notices)),
            notices,
        };
        provide_context(state);
        state
    }

    pub fn expect() -> Self {
        expect_context::<SettingsState>()
    }

    /// Another tab changed the settings: take its version.
    pub fn reload(&self, key_name: Option<&str>) {
        if key_name.is_none_or(|k| k == storage::SETTINGS.name) {
            self.current.set(load(self.notices));
        }
    }

    pub fn change(&self, edit: impl FnOnce(&mut Settings)) {
        self.current.update(edit);
        let saved = self
            .current
            .with_untracked(|settings| storage::save(&storage::SETTINGS, settings));
        if let Err(error) = saved {
            self.notices.report_storage(&error);
        }
    }
}
