//! Writing a whole backup into storage as one step: every key written, or, when one write
//! fails, every key put back as it was. Pure over a small `Store` trait, so the all-or-
//! nothing rule is tested natively against a store that fails at any write; the platform
//! crate implements the trait for local storage.

use super::backup::Contents;
use super::envelope;
use super::keys::{self, Key};
use serde::Serialize;

/// A key-value store of text, as local storage is.
pub trait Store {
    type Error;
    fn get(&self, name: &str) -> Result<Option<String>, Self::Error>;
    /// Writes `value`, or removes the key for `None`.
    fn put(&mut self, name: &str, value: Option<&str>) -> Result<(), Self::Error>;
}

/// One key's new stored text, or `None` to remove it.
pub type Write = (&'static str, Option<String>);

/// What importing `contents` writes, key by key: a part the backup leaves empty removes the
/// key (the import replaces), each in its current schema's envelope.
pub fn writes(contents: &Contents) -> Result<Vec<Write>, serde_json::Error> {
    fn encoded<T: Serialize>(key: &Key, value: Option<&T>) -> Result<Write, serde_json::Error> {
        let text = value
            .map(|value| envelope::encode(key.schema, value))
            .transpose()?;
        Ok((key.name, text))
    }
    let listed = |empty: bool| !empty;
    Ok(vec![
        encoded(
            &keys::QUIZ_RESULTS,
            listed(contents.quiz_results.is_empty()).then_some(&contents.quiz_results),
        )?,
        encoded(
            &keys::FOOT_CHECKS,
            listed(contents.foot_checks.is_empty()).then_some(&contents.foot_checks),
        )?,
        encoded(&keys::REMINDERS, contents.reminders.as_ref())?,
        encoded(
            &keys::DIARY,
            listed(contents.diary.is_empty()).then_some(&contents.diary),
        )?,
        encoded(&keys::SETTINGS, contents.settings.as_ref())?,
    ])
}

/// Writes every one of `writes`, skipping the keys in `untouchable` (a newer version's),
/// or none: after a failed write, the keys written before it get their old text back.
pub fn write_all<S: Store>(
    store: &mut S,
    writes: &[Write],
    untouchable: &[&str],
) -> Result<(), S::Error> {
    let mut done: Vec<(&str, Option<String>)> = Vec::new();
    for (name, value) in writes {
        if untouchable.contains(name) {
            continue;
        }
        let previous = store.get(name)?;
        if let Err(error) = store.put(name, value.as_deref()) {
            for (name, previous) in done.into_iter().rev() {
                store.put(name, previous.as_deref())?;
            }
            return Err(error);
        }
        done.push((name, previous));
    }
    Ok(())
}
