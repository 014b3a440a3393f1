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

impl SettingsState {
    pub fn provide(notices: Notices) -> Self {
        let initial = match storage::load::<Settings>(&storage::SETTINGS) {
            Ok(saved) => saved.unwrap_or_default(),
            Err(error) => {
                notices.report(&error);
                Settings::default()
            }
        };
        let state = SettingsState {
            current: RwSignal::new(initial),
            notices,
        };
        provide_context(state);
        state
    }

    pub fn expect() -> Self {
        expect_context::<SettingsState>()
    }

    pub fn change(&self, edit: impl FnOnce(&mut Settings)) {
        self.current.update(edit);
        let saved = self
            .current
            .with_untracked(|settings| storage::save(&storage::SETTINGS, settings));
        if let Err(error) = saved {
            self.notices.report(&error);
        }
    }
}
