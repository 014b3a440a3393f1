//! One stored key as a signal: the one way a feature's state keeps what it stores.
//!
//! Loaded once (a value that cannot be read becomes a notice and the default), taken again
//! when another tab writes the key, and changed read-modify-write so another tab's
//! additions survive. Pages read it like any signal; every write goes through storage,
//! and when storage refuses, the notice says so and the change stays in memory for this
//! visit, so the page goes on as the person expects.

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
            notices,
            key: PhantomData,
        }
    }

    /// Another tab wrote `key_name` (`None`: it cleared everything): take its version.
    pub fn reload(&self, key_name: Option<&str>) {
        if key_name.is_none_or(|name| name == K::KEY.name) {
            self.value.set(stored(K::KEY, self.notices));
        }
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
        let mut answer = None;
        match storage::update(K::KEY, |stored: &mut K::Value| answer = Some(edit(stored))) {
            Ok(stored) => {
                self.value.set(stored);
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
        self.value.update(edit);
        let outcome = self.value.with_untracked(|value| {
            if *value == K::Value::default() {
                storage::remove(K::KEY)
            } else {
                storage::save(K::KEY, value)
            }
        });
        if let Err(error) = &outcome {
            self.notices.report_storage(error);
        }
        outcome
    }

    /// Forgets this copy, as `edit` to the default does, without the notice (the key may
    /// already be gone).
    pub fn clear_in_memory(&self) {
        self.value.set(K::Value::default());
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
