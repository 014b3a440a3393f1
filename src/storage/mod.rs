//! The only owner of persisted data. Every feature reads and writes through here;
//! nothing else touches `localStorage`.

pub mod envelope;

use envelope::DecodeError;
use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Serialize};

/// Where a feature's data lives and which shape it is stored in.
pub struct Key {
    pub name: &'static str,
    pub schema: u32,
}

pub const SETTINGS: Key = Key {
    name: "lan.settings",
    schema: 1,
};

pub const QUIZ_PROGRESS: Key = Key {
    name: "lan.quiz.progress",
    schema: 1,
};

pub const QUIZ_RESULTS: Key = Key {
    name: "lan.quiz.results",
    schema: 1,
};

/// Forgets a key: used when a quiz is finished or restarted.
pub fn remove(key: &Key) -> Result<(), StorageError> {
    raw_storage()?
        .remove_item(key.name)
        .map_err(|_| StorageError::Unavailable)
}

#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    #[error("This browser is not keeping data for this site (private mode or storage turned off). Changes last only until the tab is closed.")]
    Unavailable,
    #[error("The device's storage for this app is full, so the change was not saved. Your earlier data is unchanged.")]
    Full,
    #[error("Saved {key} could not be read: {source}. The original was kept under {quarantine}.")]
    Unreadable {
        key: &'static str,
        quarantine: String,
        source: DecodeError,
    },
    #[error("Saved {key} comes from a newer version of Legs at Night. Reload to update; it was left untouched.")]
    FromNewerVersion { key: &'static str },
    #[error("Could not prepare the data for saving: {0}")]
    Encode(String),
}

/// gloo's `LocalStorage::raw()` panics where storage is blocked (private modes, a
/// `SecurityError`), so availability is checked first without touching it.
fn raw_storage() -> Result<web_sys::Storage, StorageError> {
    let available = web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .is_some();
    if available {
        Ok(LocalStorage::raw())
    } else {
        Err(StorageError::Unavailable)
    }
}

/// Reads a key. `Ok(None)` means nothing stored yet. An unreadable value is moved aside,
/// byte for byte, before the caller starts fresh, so nothing is silently lost.
pub fn load<T: DeserializeOwned>(key: &Key) -> Result<Option<T>, StorageError> {
    let storage = raw_storage()?;
    let raw = match storage.get_item(key.name) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Ok(None),
        Err(_) => return Err(StorageError::Unavailable),
    };
    match envelope::decode(&raw, key.schema) {
        Ok(value) => Ok(Some(value)),
        Err(DecodeError::Newer { .. }) => Err(StorageError::FromNewerVersion { key: key.name }),
        Err(source) => {
            let quarantine = format!("{}.quarantine", key.name);
            if storage.get_item(&quarantine).ok().flatten().is_none() {
                storage
                    .set_item(&quarantine, &raw)
                    .map_err(|_| StorageError::Full)?;
            }
            // Only once the copy is safe is the original cleared.
            let _ = storage.remove_item(key.name);
            Err(StorageError::Unreadable {
                key: key.name,
                quarantine,
                source,
            })
        }
    }
}

pub fn save<T: Serialize>(key: &Key, value: &T) -> Result<(), StorageError> {
    let encoded =
        envelope::encode(key.schema, value).map_err(|e| StorageError::Encode(e.to_string()))?;
    raw_storage()?
        .set_item(key.name, &encoded)
        .map_err(|error| classify(&error))
}

fn classify(error: &wasm_bindgen::JsValue) -> StorageError {
    let name = js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|name| name.as_string());
    match name.as_deref() {
        Some("QuotaExceededError") => StorageError::Full,
        _ => StorageError::Unavailable,
    }
}
