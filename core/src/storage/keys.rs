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

/// Lists every key once: its name here, where its feature declares it, the type it holds,
/// and whether it lives in local storage (`ALL`) or beside each photo in IndexedDB.
/// The type sits in a table here, not in each declaration: as a function pointer in
/// `Key` it linked every type's decoder into whatever read the registry, the first load
/// among them (+39 KB gzip, measured).
macro_rules! registry {
    (
        local: [$($name:ident = $key:path => $ty:ty),* $(,)?],
        elsewhere: [$($other:ident = $other_key:path => $other_ty:ty),* $(,)?] $(,)?
    ) => {
        $(pub use $key as $name;)*
        $(pub use $other_key as $other;)*

        /// Every key in local storage.
        pub const ALL: &[&Key] = &[$(&$name),*];

        const READERS: &[(&str, Reader)] = &[
            $(($name.name, as_json::<$ty>),)*
            $(($other.name, as_json::<$other_ty>),)*
        ];
    };
}

registry! {
    local: [
        SETTINGS = crate::settings::model::KEY => crate::settings::Settings,
        QUIZ_PROGRESS = crate::quiz::flow::PROGRESS_KEY => crate::quiz::flow::Progress,
        QUIZ_RESULTS = crate::quiz::result::RESULTS_KEY => Vec<crate::quiz::result::SavedResult>,
        FOOT_CHECKS = crate::foot_check::model::KEY => Vec<crate::foot_check::model::FootCheck>,
        REMINDERS = crate::reminders::due::KEY => crate::reminders::due::Reminders,
        DIARY = crate::diary::model::KEY => Vec<crate::diary::model::Entry>,
        INSTALL = crate::install::KEY => crate::install::Record,
    ],
    elsewhere: [
        PHOTO_META = crate::photos::model::META_KEY => crate::photos::model::Photo,
    ],
}

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

pub fn by_name(name: &str) -> Option<&'static Key> {
    ALL.iter().copied().find(|key| key.name == name)
}

/// The keys a backup file carries, in its order.
pub fn in_backup() -> impl Iterator<Item = &'static Key> {
    ALL.iter().copied().filter(|key| key.backup_part.is_some())
}
