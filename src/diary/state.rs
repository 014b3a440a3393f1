use super::model::{upsert, Entry};
use crate::components::Notices;
use crate::persisted::{Persisted, Stored};
use crate::platform::clock;
use crate::storage;
use leptos::prelude::*;

pub struct DiaryKey;

impl Stored for DiaryKey {
    type Value = Vec<Entry>;
    const KEY: &'static storage::Key = &storage::DIARY;
}

/// The diary (through `storage`), tonight's draft, and the routine's step.
#[derive(Clone, Copy)]
pub struct DiaryState {
    pub entries: Persisted<DiaryKey>,
    pub draft: RwSignal<Entry>,
    pub step: RwSignal<u8>,
    /// How the last finished check-in went into storage: `Err` with the reason when it
    /// did not, so the goodnight screen says what happened.
    pub saved: RwSignal<Option<Result<(), String>>>,
}

/// Asks for the night theme while a screen is shown (the bedtime routine).
#[derive(Clone, Copy)]
pub struct NightOverride(pub RwSignal<bool>);

crate::lazy_state!(DiaryState);

impl DiaryState {
    fn load(notices: Notices) -> Self {
        DiaryState {
            entries: Persisted::load(notices),
            draft: RwSignal::new(Entry::default()),
            step: RwSignal::new(0),
            saved: RwSignal::new(None),
        }
    }

    pub fn reload(&self, key_name: Option<&str>) {
        self.entries.reload(key_name);
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
        let entry = self.draft.get_untracked();
        let outcome = self
            .entries
            .try_change(|entries| upsert(entries, entry.clone()))
            .map_err(|error| error.to_string());
        self.saved.set(Some(outcome));
        self.step.set(3);
    }
}
