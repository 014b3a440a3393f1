//! One stored key as a signal: the one way a feature's state keeps what it stores.
//!
//! Loaded once (a value that cannot be read becomes a notice and the default), taken again
//! when another tab writes the key. A list is changed read-modify-write on what storage
//! holds now, so another tab's additions survive. A whole value written from this copy (the
//! quiz under way, the settings) goes ahead only while storage still holds what this copy
//! was read from: otherwise another tab changed it meanwhile, and the write would undo that
//! change unseen, so it is refused, said, and the page shows the value as it now is.
//! Pages read it like any signal; every write goes through storage, and when storage
//! refuses, the notice says so and the change stays in memory for this visit, so the page
//! goes on as the person expects.

use crate::components::Notices;
use crate::storage::{self, Key, StorageError};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::marker::PhantomData;
use std::ops::Deref;

/// A stored key and the type it holds, named by a type: `Persisted<DiaryKey>` says what it
/// keeps, and no state can be given the wrong key for its type.
pub trait Stored: 'static {
    type Value: Serialize + DeserializeOwned + Default + PartialEq + Send + Sync + 'static;
    const KEY: &'static Key;
}

pub struct Persisted<K: Stored> {
    value: RwSignal<K::Value>,
    read: ReadSignal<K::Value>,
    /// The stored text this copy was read from or last wrote.
    seen: StoredValue<Option<String>>,
    notices: Notices,
    key: PhantomData<K>,
}

impl<K: Stored> Clone for Persisted<K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: Stored> Copy for Persisted<K> {}

/// Reads as the signal it holds (`.with`, `.get`, `.read`); writes are its own methods.
impl<K: Stored> Deref for Persisted<K> {
    type Target = ReadSignal<K::Value>;
    fn deref(&self) -> &ReadSignal<K::Value> {
        &self.read
    }
}

impl<K: Stored> Persisted<K> {
    pub fn load(notices: Notices) -> Self {
        let value = RwSignal::new(stored(K::KEY, notices));
        Persisted {
            value,
            read: value.read_only(),
            seen: StoredValue::new(storage::stored_text(K::KEY)),
            notices,
            key: PhantomData,
        }
    }

    /// Another tab wrote `key_name` (`None`: it cleared everything): take its version.
    pub fn reload(&self, key_name: Option<&str>) {
        if key_name.is_none_or(|name| name == K::KEY.name) {
            self.value.set(stored(K::KEY, self.notices));
            self.seen.set_value(storage::stored_text(K::KEY));
        }
    }

    /// `Ok` while storage holds what this copy was read from; otherwise takes what it holds
    /// now, says so, and answers the error.
    fn unchanged_elsewhere(&self) -> Result<(), StorageError> {
        let now = storage::stored_text(K::KEY);
        if self.seen.with_value(|seen| *seen == now) {
            return Ok(());
        }
        self.reload(None);
        let error = StorageError::ChangedElsewhere { what: K::KEY.label };
        self.notices.report_storage(&error);
        Err(error)
    }

    /// Changes what is stored now (read fresh, so another tab's changes are kept) and
    /// shows the result; what `edit` answers comes back. When storage refuses, the notice
    /// says so and the change is made to this copy only.
    pub fn change<R>(&self, edit: impl FnMut(&mut K::Value) -> R) -> Option<R> {
        self.apply(edit).0
    }

    /// `change`, telling whether the change reached storage: `Err` when it holds in this
    /// copy only (the notice is shown either way), so a page never claims a save that did
    /// not happen.
    pub fn try_change(&self, edit: impl FnMut(&mut K::Value)) -> Result<(), StorageError> {
        self.apply(edit).1
    }

    fn apply<R>(
        &self,
        mut edit: impl FnMut(&mut K::Value) -> R,
    ) -> (Option<R>, Result<(), StorageError>) {
        // No check against what this copy read: the edit runs on what storage holds now, so
        // another tab's additions are kept; an edit of one item checks that item itself
        // (`Reminders::update_if_unchanged`).
        let mut answer = None;
        match storage::update(K::KEY, |stored: &mut K::Value| answer = Some(edit(stored))) {
            Ok(stored) => {
                self.value.set(stored);
                self.seen.set_value(storage::stored_text(K::KEY));
                (answer, Ok(()))
            }
            Err(error) => {
                self.notices.report_storage(&error);
                self.value.update(|value| answer = Some(edit(value)));
                (answer, Err(error))
            }
        }
    }

    /// Changes this copy and stores it whole, for a value only this page edits (a draft,
    /// the display settings). A value equal to its default is removed rather than stored:
    /// nothing stored reads back as the default.
    pub fn edit(&self, edit: impl FnOnce(&mut K::Value)) -> Result<(), StorageError> {
        self.unchanged_elsewhere()?;
        self.value.update(edit);
        let outcome = self.value.with_untracked(|value| {
            if *value == K::Value::default() {
                storage::remove(K::KEY)
            } else {
                storage::save(K::KEY, value)
            }
        });
        match &outcome {
            Ok(()) => self.seen.set_value(storage::stored_text(K::KEY)),
            Err(error) => self.notices.report_storage(error),
        }
        outcome
    }

    /// Forgets this copy for a caller that removes the key itself (Home's "Start again"),
    /// as `edit` to the default does, without the notice.
    pub fn clear_in_memory(&self) {
        self.value.set(K::Value::default());
        self.seen.set_value(None);
    }
}

fn stored<T: DeserializeOwned + Default>(key: &'static Key, notices: Notices) -> T {
    storage::load(key)
        .unwrap_or_else(|error| {
            notices.report_storage(&error);
            None
        })
        .unwrap_or_default()
}
