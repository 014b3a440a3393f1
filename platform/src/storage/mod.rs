//! The only owner of persisted data. Every feature reads and writes through here;
//! nothing else touches `localStorage`.

pub use legs_core::storage::{archive, backup, envelope, keys, stored_backup, transfer};
pub mod photos;

use envelope::DecodeError;
pub use keys::{
    Key, DIARY, FOOT_CHECKS, INSTALL, QUIZ_PROGRESS, QUIZ_RESULTS, REMINDERS, SETTINGS,
};
use serde::{de::DeserializeOwned, Serialize};
use std::cell::RefCell;
use std::collections::BTreeSet;

#[derive(Debug, Clone, thiserror::Error)]
pub enum StorageError {
    #[error("This browser is not keeping data for this site (private mode, or storage is turned off). The app works, but nothing you enter will be kept after the tab closes.")]
    Unavailable,
    #[error("This device's storage for the app is full, so the last change was not saved. Everything saved before is unchanged.")]
    Full,
    #[error("{} could not be read, so that part of the app starts empty. The original was set aside unchanged: download it to keep it. (Details: {source}.)", what)]
    Unreadable {
        /// The key's label: only its words, so an error never links a key's migrations
        /// into the code that reports it.
        what: &'static str,
        quarantine: String,
        /// The original value, byte for byte, so the user can download it.
        raw: String,
        source: DecodeError,
    },
    #[error("{} comes from a newer version of Legs at Night. It was left untouched and will not be changed here: reload the app to update it.", what)]
    FromNewerVersion { what: &'static str },
    #[error("Could not prepare the data for saving: {0}")]
    Encode(String),
    #[error("{} was changed in another tab or window meanwhile, so this change was not made. The page now shows it as it is: make the change again if you still want it.", what)]
    ChangedElsewhere { what: &'static str },
}

thread_local! {
    /// Keys holding data from a newer version: never written by this one.
    static READ_ONLY: RefCell<BTreeSet<&'static str>> = const { RefCell::new(BTreeSet::new()) };
}

/// `localStorage` itself, read as a plain string store. Not through `gloo-storage`: its
/// `LocalStorage::raw()` panics where storage is blocked (private modes, a
/// `SecurityError`), and its typed get and set would bypass the `{schema, data}` envelope,
/// the byte-for-byte quarantine and the "storage is full" distinction this module exists for.
fn raw_storage() -> Result<web_sys::Storage, StorageError> {
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

pub fn is_available() -> bool {
    raw_storage().is_ok()
}

fn read_raw(name: &str) -> Result<Option<String>, StorageError> {
    raw_storage()?
        .get_item(name)
        .map_err(|_| StorageError::Unavailable)
}

fn write_raw(name: &str, value: &str) -> Result<(), StorageError> {
    raw_storage()?
        .set_item(name, value)
        .map_err(|error| classify(&error))
}

/// Moves an unreadable value aside under a fresh key, byte for byte, and only then clears
/// the original.
fn quarantine(key: &'static Key, raw: String, source: DecodeError) -> StorageError {
    let storage = match raw_storage() {
        Ok(storage) => storage,
        Err(error) => return error,
    };
    let free = (1..)
        .map(|n| format!("{}.quarantine.{n}", key.name))
        .find(|name| matches!(storage.get_item(name), Ok(None)))
        .unwrap_or_else(|| format!("{}.quarantine", key.name));
    if let Err(error) = write_raw(&free, &raw) {
        // Without a copy the original must stay where it is; lock it against writes.
        READ_ONLY.with(|keys| keys.borrow_mut().insert(key.name));
        return error;
    }
    let _ = storage.remove_item(key.name);
    StorageError::Unreadable {
        what: key.label,
        quarantine: free,
        raw,
        source,
    }
}

/// Reads a key. `Ok(None)` means nothing stored yet.
pub fn load<T: DeserializeOwned>(key: &'static Key) -> Result<Option<T>, StorageError> {
    let Some(raw) = read_raw(key.name)? else {
        return Ok(None);
    };
    match envelope::decode(&raw, key.schema, key.migrations) {
        Ok(value) => Ok(Some(value)),
        Err(DecodeError::Newer { .. }) => {
            READ_ONLY.with(|keys| keys.borrow_mut().insert(key.name));
            Err(StorageError::FromNewerVersion { what: key.label })
        }
        Err(source) => Err(quarantine(key, raw, source)),
    }
}

pub fn save<T: Serialize>(key: &'static Key, value: &T) -> Result<(), StorageError> {
    if READ_ONLY.with(|keys| keys.borrow().contains(key.name)) {
        return Err(StorageError::FromNewerVersion { what: key.label });
    }
    let encoded =
        envelope::encode(key.schema, value).map_err(|e| StorageError::Encode(e.to_string()))?;
    write_raw(key.name, &encoded)?;
    persistence_on_first_save();
    Ok(())
}

/// Read-modify-write on the stored value (not on a possibly stale copy), so that a change
/// made meanwhile in another tab is kept. Returns the value now stored.
pub fn update<T: DeserializeOwned + Serialize + Default>(
    key: &'static Key,
    edit: impl FnOnce(&mut T),
) -> Result<T, StorageError> {
    let mut value: T = load(key)?.unwrap_or_default();
    edit(&mut value);
    save(key, &value)?;
    Ok(value)
}

/// The stored text of `key` as it is now (`None`: nothing stored, or no storage), to tell
/// whether another tab wrote it since it was read.
pub fn stored_text(key: &'static Key) -> Option<String> {
    read_raw(key.name).ok().flatten()
}

/// Whether anything is stored under `key`, without reading or decoding it.
pub fn contains(key: &'static Key) -> bool {
    matches!(read_raw(key.name), Ok(Some(_)))
}

pub fn remove(key: &'static Key) -> Result<(), StorageError> {
    remove_named(key.name, key.label)
}

/// `remove` for a caller in the first load: given the key's name and words, not the key,
/// whose declaration (its migrations among it) would otherwise be linked in with the
/// caller. Home's "Start again" brought the quiz progress's migration into the first load.
pub fn remove_named(name: &'static str, label: &'static str) -> Result<(), StorageError> {
    if READ_ONLY.with(|keys| keys.borrow().contains(name)) {
        return Err(StorageError::FromNewerVersion { what: label });
    }
    raw_storage()?
        .remove_item(name)
        .map_err(|_| StorageError::Unavailable)
}

/// Every name of this app's keys now in storage (data and quarantined copies).
pub fn app_key_names() -> Result<Vec<String>, StorageError> {
    let storage = raw_storage()?;
    let count = storage.length().map_err(|_| StorageError::Unavailable)?;
    Ok((0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|name| name.starts_with(keys::PREFIX))
        .collect())
}

/// Whether `name` is a copy `quarantine` set aside.
fn is_set_aside(name: &str) -> bool {
    name.starts_with(keys::PREFIX) && name.contains(".quarantine")
}

/// The values set aside as unreadable (`quarantine`), by name, byte for byte.
pub fn set_aside_values() -> Vec<(String, String)> {
    app_key_names()
        .unwrap_or_default()
        .into_iter()
        .filter(|name| is_set_aside(name))
        .filter_map(|name| read_raw(&name).ok().flatten().map(|raw| (name, raw)))
        .collect()
}

/// Removes one set-aside value (and nothing else: only names `set_aside_values` gives).
pub fn remove_set_aside(name: &str) -> Result<(), StorageError> {
    if !is_set_aside(name) {
        return Err(StorageError::Unavailable);
    }
    raw_storage()?
        .remove_item(name)
        .map_err(|_| StorageError::Unavailable)
}

/// A backup of what local storage holds now, read as text (`stored_backup`).
pub fn stored_backup(now_ms: f64) -> Result<stored_backup::StoredBackup, StorageError> {
    stored_backup::build(
        |name| read_raw(name).map_err(|error| error.to_string()),
        &set_aside_values(),
        now_ms,
    )
    .map_err(|error| StorageError::Encode(error.to_string()))
}

/// Removes everything of the app's from local storage.
pub fn delete_all() -> Result<usize, StorageError> {
    let names = app_key_names()?;
    let storage = raw_storage()?;
    for name in &names {
        storage
            .remove_item(name)
            .map_err(|_| StorageError::Unavailable)?;
    }
    READ_ONLY.with(|keys| keys.borrow_mut().clear());
    Ok(names.len())
}

/// The keys whose stored value a newer version of the app wrote. This version cannot read
/// them, so an import must not replace or remove them: it leaves them as they are.
pub fn keys_from_a_newer_version() -> Vec<&'static str> {
    keys::ALL
        .iter()
        .filter(|key| {
            read_raw(key.name)
                .ok()
                .flatten()
                .and_then(|raw| envelope::stored_schema(&raw))
                .is_some_and(|found| found > key.schema)
        })
        .map(|key| key.name)
        .collect()
}

/// Writes an import, every key or none; a key written by a newer version of the app is
/// left as it is. Returns the keys so left.
pub fn write_backup(contents: &backup::Contents) -> Result<Vec<&'static str>, StorageError> {
    let writes = transfer::writes(contents).map_err(|e| StorageError::Encode(e.to_string()))?;
    let newer = keys_from_a_newer_version();
    transfer::write_all(&mut LocalStore, &writes, &newer)?;
    Ok(newer)
}

/// Local storage as `transfer` writes it.
struct LocalStore;

impl transfer::Store for LocalStore {
    type Error = StorageError;
    fn get(&self, name: &str) -> Result<Option<String>, StorageError> {
        read_raw(name)
    }
    fn put(&mut self, name: &str, value: Option<&str>) -> Result<(), StorageError> {
        match value {
            Some(value) => write_raw(name, value),
            None => raw_storage()?
                .remove_item(name)
                .map_err(|_| StorageError::Unavailable),
        }
    }
}

fn classify(error: &wasm_bindgen::JsValue) -> StorageError {
    let name = js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|name| name.as_string());
    match name.as_deref() {
        Some("QuotaExceededError") | Some("NS_ERROR_DOM_QUOTA_REACHED") => StorageError::Full,
        _ => StorageError::Unavailable,
    }
}

thread_local! {
    static ASKED_FOR_PERSISTENCE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// On the first save, asks the browser not to evict the app's data under storage pressure.
fn persistence_on_first_save() {
    if !ASKED_FOR_PERSISTENCE.with(|asked| asked.replace(true)) {
        leptos::task::spawn_local(async {
            if let Err(error) = crate::persistence::request().await {
                leptos::logging::warn!("{error}");
            }
        });
    }
}
