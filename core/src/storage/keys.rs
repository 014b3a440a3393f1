//! The registry of every key the app stores. Each feature declares its key beside its
//! model (name, schema, migrations, its words, its part in a backup, its type); storage,
//! backup, import, "delete all", Settings' data page and the fixture test iterate this
//! list. Bump `schema` and append a migration whenever a stored shape changes, and add a
//! fixture of the new shape to `core/tests/fixtures/storage/`: `core/tests/storage.rs`
//! keeps every earlier version loadable.

use super::envelope::{as_json, DecodeError, Migration};
use serde_json::Value;

pub struct Key {
    pub name: &'static str,
    pub schema: u32,
    pub migrations: &'static [Migration],
    /// What it holds, in a person's words, to start a sentence: "Your night diary".
    pub label: &'static str,
    /// The same, within a sentence: "the night diary".
    pub words: &'static str,
    /// Its field in a backup file; `None` for what is not exported (a draft).
    pub backup_part: Option<&'static str>,
}

type Reader = fn(&str, u32, &[Migration]) -> Result<Value, DecodeError>;

/// The type each key holds, for code that reads any key whole (the fixture test, the update
/// test). A table beside the registry, not a field of `Key`: a function pointer in each
/// declaration linked every type's decoder into whatever reads the registry, the first
/// load among them (+39 KB gzip, measured).
const READERS: [(&str, Reader); 7] = [
    (SETTINGS.name, as_json::<crate::settings::Settings>),
    (QUIZ_PROGRESS.name, as_json::<crate::quiz::flow::Progress>),
    (
        QUIZ_RESULTS.name,
        as_json::<Vec<crate::quiz::result::SavedResult>>,
    ),
    (
        FOOT_CHECKS.name,
        as_json::<Vec<crate::foot_check::model::FootCheck>>,
    ),
    (REMINDERS.name, as_json::<crate::reminders::due::Reminders>),
    (DIARY.name, as_json::<Vec<crate::diary::model::Entry>>),
    (PHOTO_META.name, as_json::<crate::photos::model::Photo>),
];

impl Key {
    /// A stored value, migrated to today's shape, as JSON.
    pub fn read_as_json(&self, raw: &str) -> Result<Value, DecodeError> {
        let (_, read) = READERS
            .iter()
            .find(|(name, _)| *name == self.name)
            .ok_or_else(|| DecodeError::Corrupt(format!("no type registered for {}", self.name)))?;
        read(raw, self.schema, self.migrations)
    }
}

pub const PREFIX: &str = "lan.";

pub use crate::diary::model::KEY as DIARY;
pub use crate::foot_check::model::KEY as FOOT_CHECKS;
pub use crate::photos::model::META_KEY as PHOTO_META;
pub use crate::quiz::flow::PROGRESS_KEY as QUIZ_PROGRESS;
pub use crate::quiz::result::RESULTS_KEY as QUIZ_RESULTS;
pub use crate::reminders::due::KEY as REMINDERS;
pub use crate::settings::model::KEY as SETTINGS;

/// Every key in local storage. The photos' descriptions (`PHOTO_META`) live in IndexedDB
/// beside each photo, so they are not here.
pub const ALL: [&Key; 6] = [
    &SETTINGS,
    &QUIZ_PROGRESS,
    &QUIZ_RESULTS,
    &FOOT_CHECKS,
    &REMINDERS,
    &DIARY,
];

pub fn by_name(name: &str) -> Option<&'static Key> {
    ALL.into_iter().find(|key| key.name == name)
}

/// The keys a backup file carries, in its order.
pub fn in_backup() -> impl Iterator<Item = &'static Key> {
    ALL.into_iter().filter(|key| key.backup_part.is_some())
}
