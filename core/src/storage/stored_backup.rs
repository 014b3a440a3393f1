//! A backup built from the text each key holds in storage, not from the pages' loaded
//! state. Nothing is decoded into the app's types, only brought to today's schema by the
//! key's migrations: what a newer version wrote goes in as it is (with its schema, for that
//! version to import), and a value that cannot be read is named instead of silently missing
//! (its text rides along, as the values set aside do). No page's code is needed, so the
//! "page could not load" screen can save a copy when Settings' own code cannot start.

use super::backup::APP_ID;
use super::envelope::migrate;
use super::keys::{self, Key};
use serde_json::{Map, Value};

#[derive(Default)]
pub struct StoredBackup {
    /// The backup file's JSON: the same shape `backup::export` writes, and `backup::parse` reads.
    pub text: String,
    /// The keys whose data the file holds (their `label` and `words` name them).
    pub included: Vec<&'static Key>,
    /// Parts a newer version of the app wrote: in the file as they are; only that version
    /// can import them.
    pub newer: Vec<&'static Key>,
    /// Parts that could not be put in the file, and why.
    pub left_out: Vec<(&'static Key, String)>,
    /// How many values the app set aside as unreadable ride along, byte for byte.
    pub set_aside: usize,
}

/// `read(name)` is the stored text of a key (`Ok(None)`: nothing stored); `set_aside` the
/// unreadable values moved aside, by their storage names.
pub fn build(
    read: impl Fn(&str) -> Result<Option<String>, String>,
    set_aside: &[(String, String)],
    now_ms: f64,
) -> Result<StoredBackup, serde_json::Error> {
    build_from(keys::ALL, read, set_aside, now_ms)
}

fn build_from(
    all: &[&'static Key],
    read: impl Fn(&str) -> Result<Option<String>, String>,
    set_aside: &[(String, String)],
    now_ms: f64,
) -> Result<StoredBackup, serde_json::Error> {
    let mut report = StoredBackup::default();
    let mut schemas = Map::new();
    let mut data = Map::new();
    // Stored values that cannot go in as data, by storage name: set aside by the app, or
    // unreadable now. Kept byte for byte.
    let mut kept = Map::new();
    for (name, raw) in set_aside {
        kept.insert(name.clone(), Value::String(raw.clone()));
    }
    report.set_aside = kept.len();
    for &key in all {
        let Some(part) = key.backup_part else {
            continue;
        };
        let raw = match read(key.name) {
            Ok(Some(raw)) => raw,
            Ok(None) => continue,
            Err(reason) => {
                report.left_out.push((key, reason));
                continue;
            }
        };
        let stored = serde_json::from_str::<Value>(&raw)
            .ok()
            .and_then(|mut value| {
                let schema = u32::try_from(value.get("schema")?.as_u64()?).ok()?;
                Some((schema, value.get_mut("data")?.take()))
            });
        let read_now = stored.and_then(|(schema, value)| {
            if schema > key.schema {
                return Some((schema, value));
            }
            let value = migrate(value, schema, key.schema, key.migrations).ok()?;
            Some((key.schema, value))
        });
        let Some((schema, value)) = read_now else {
            report.left_out.push((
                key,
                "it is not readable (its text is in the file as it was)".to_string(),
            ));
            kept.insert(key.name.to_string(), Value::String(raw));
            continue;
        };
        if schema > key.schema {
            report.newer.push(key);
        }
        report.included.push(key);
        schemas.insert(key.name.to_string(), schema.into());
        data.insert(part.to_string(), value);
    }
    let mut file = Map::new();
    file.insert("app".into(), APP_ID.into());
    file.insert("exported_ms".into(), now_ms.into());
    file.insert("schemas".into(), schemas.into());
    file.insert("data".into(), data.into());
    if !kept.is_empty() {
        file.insert("set_aside".into(), kept.into());
    }
    report.text = serde_json::to_string_pretty(&Value::Object(file))?;
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::backup::{self, Contents};
    use crate::storage::envelope::encode;
    use crate::storage::keys;
    use std::collections::BTreeMap;

    fn labels(keys: &[&Key]) -> Vec<&'static str> {
        keys.iter().map(|key| key.label).collect()
    }

    fn stored(pairs: &[(&str, String)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(name, raw)| (name.to_string(), raw.clone()))
            .collect()
    }

    #[test]
    fn what_storage_holds_reads_back_as_the_same_backup() {
        let diary = vec![crate::diary::model::Entry {
            night: 20_786,
            pain: Some(3),
            ..Default::default()
        }];
        let settings = crate::settings::Settings::default();
        let store = stored(&[
            (
                keys::DIARY.name,
                encode(keys::DIARY.schema, &diary).unwrap(),
            ),
            (
                keys::SETTINGS.name,
                encode(keys::SETTINGS.schema, &settings).unwrap(),
            ),
            // A draft is never exported.
            (
                keys::QUIZ_PROGRESS.name,
                "{\"schema\":1,\"data\":{}}".into(),
            ),
        ]);
        let built = build(|name| Ok(store.get(name).cloned()), &[], 7.0).unwrap();
        assert_eq!(
            labels(&built.included),
            [keys::SETTINGS.label, keys::DIARY.label]
        );
        assert!(built.left_out.is_empty() && built.newer.is_empty());
        let (contents, exported) = backup::parse(&built.text).unwrap();
        assert_eq!(exported, 7.0);
        assert_eq!(
            contents,
            Contents {
                settings: Some(settings),
                diary,
                ..Default::default()
            }
        );
    }

    /// An older schema goes into the file as today's, as the export from the loaded pages
    /// did: the file does not depend on when the person last opened each page.
    #[test]
    fn an_older_schema_is_brought_to_todays_in_the_file() {
        let fixture = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/storage/lan.reminders-v1.json"
        ))
        .unwrap();
        let fixture: Value = serde_json::from_str(&fixture).unwrap();
        let store = stored(&[(
            keys::REMINDERS.name,
            fixture["stored"].as_str().unwrap().to_string(),
        )]);
        let built = build(|name| Ok(store.get(name).cloned()), &[], 1.0).unwrap();
        let file: Value = serde_json::from_str(&built.text).unwrap();
        assert_eq!(
            file["schemas"][keys::REMINDERS.name],
            u64::from(keys::REMINDERS.schema)
        );
        assert!(backup::parse(&built.text).unwrap().0.reminders.is_some());
    }

    /// Issue 25: with a newer version's data the export from the loaded state was empty,
    /// and said nothing.
    #[test]
    fn a_newer_versions_data_goes_in_as_it_is_and_is_named() {
        let newer = format!(
            "{{\"schema\":{},\"data\":[{{\"future\":true}}]}}",
            keys::DIARY.schema + 1
        );
        let store = stored(&[(keys::DIARY.name, newer)]);
        let built = build(|name| Ok(store.get(name).cloned()), &[], 1.0).unwrap();
        assert_eq!(labels(&built.newer), [keys::DIARY.label]);
        assert_eq!(labels(&built.included), [keys::DIARY.label]);
        let file: Value = serde_json::from_str(&built.text).unwrap();
        assert_eq!(file["data"]["diary"][0]["future"], true);
        assert_eq!(
            file["schemas"][keys::DIARY.name],
            u64::from(keys::DIARY.schema + 1)
        );
    }

    #[test]
    fn what_cannot_be_read_is_named_and_set_aside_values_ride_along() {
        let store = stored(&[(keys::FOOT_CHECKS.name, "{not json".into())]);
        let set_aside = [(
            "lan.diary.quarantine.1".to_string(),
            "\u{0}garbage".to_string(),
        )];
        let built = build(
            |name| {
                if name == keys::REMINDERS.name {
                    Err("storage is blocked".into())
                } else {
                    Ok(store.get(name).cloned())
                }
            },
            &set_aside,
            1.0,
        )
        .unwrap();
        let left_out: Vec<_> = built
            .left_out
            .iter()
            .map(|(key, why)| (key.label, why.clone()))
            .collect();
        assert_eq!(
            left_out,
            [
                (
                    keys::FOOT_CHECKS.label,
                    "it is not readable (its text is in the file as it was)".to_string()
                ),
                (keys::REMINDERS.label, "storage is blocked".to_string())
            ]
        );
        assert_eq!(built.set_aside, 1);
        let file: Value = serde_json::from_str(&built.text).unwrap();
        assert_eq!(file["set_aside"]["lan.diary.quarantine.1"], "\u{0}garbage");
        assert_eq!(file["set_aside"][keys::FOOT_CHECKS.name], "{not json");
        // The file still imports: the set-aside copies are not part of the data.
        assert_eq!(backup::parse(&built.text).unwrap().0, Contents::default());
    }
}
