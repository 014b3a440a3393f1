use super::model::{upsert, Entry};
use crate::components::Notices;
use crate::platform::clock;
use crate::storage;
use leptos::prelude::*;

/// The diary (through `storage`), tonight's draft, and the routine's step.
#[derive(Clone, Copy)]
pub struct DiaryState {
    pub entries: RwSignal<Vec<Entry>>,
    pub draft: RwSignal<Entry>,
    pub step: RwSignal<u8>,
    notices: Notices,
}

/// Asks for the night theme while a screen is shown (the bedtime routine).
#[derive(Clone, Copy)]
pub struct NightOverride(pub RwSignal<bool>);

fn load_entries(notices: Notices) -> Vec<Entry> {
    storage::load(&storage::DIARY)
        .unwrap_or_else(|error| {
            notices.report_storage(&error);
            None
        })
        .unwrap_or_default()
}

crate::lazy_state!(DiaryState);

impl DiaryState {
    fn load(notices: Notices) -> Self {
        DiaryState {
            entries: RwSignal::new(load_entries(notices)),
            draft: RwSignal::new(Entry::default()),
            step: RwSignal::new(0),
            notices,
        }
    }

    pub fn reload(&self, key_name: Option<&str>) {
        if key_name.is_none_or(|k| k == storage::DIARY.name) {
            self.entries.set(load_entries(self.notices));
        }
    }

    /// Starts the routine on tonight's entry: a second run the same night edits it.
    pub fn begin(&self) {
        let night = clock::tonight();
        let existing = self
            .entries
            .with_untracked(|e| e.iter().find(|e| e.night == night).cloned());
        self.draft.set(existing.unwrap_or(Entry {
            night,
            ..Default::default()
        }));
        self.step.set(0);
    }

    /// The routine's last step: whether the feet were moisturised, then tonight's entry is
    /// saved and the goodnight screen shows.
    pub fn finish(&self, moisturized: bool) {
        self.draft.update(|d| d.moisturized = moisturized);
        self.save();
        self.step.set(3);
    }

    fn save(&self) {
        let entry = self.draft.get_untracked();
        match storage::update(&storage::DIARY, |entries: &mut Vec<Entry>| {
            upsert(entries, entry.clone())
        }) {
            Ok(stored) => self.entries.set(stored),
            Err(error) => {
                self.notices.report_storage(&error);
                self.entries
                    .update(|entries| upsert(entries, entry.clone()));
            }
        }
    }
}
