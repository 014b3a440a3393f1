//! Storage schemas, natively: every key has a saved fixture of every schema version it has
//! had, each still loads to the expected value; and property tests for the codecs.
#![cfg(not(target_arch = "wasm32"))]

use legs_core::quiz::flow::Progress;
use legs_core::quiz::result::SavedResult;
use legs_core::settings::Settings;
use legs_core::storage::{backup, envelope, keys};
use proptest::prelude::*;
use serde_json::Value;
use std::path::PathBuf;

fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/storage")
}

#[test]
fn every_schema_version_of_every_key_has_a_fixture_that_still_loads() {
    let mut checked = 0;
    // The photos' descriptions live in IndexedDB records, in the same envelope.
    let photo_meta = &legs_core::storage::keys::PHOTO_META;
    for key in keys::ALL.iter().copied().chain([photo_meta]) {
        for version in 1..=key.schema {
            let path = fixture_dir().join(format!("{}-v{version}.json", key.name));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("missing fixture {}: {e}", path.display()));
            let fixture: Value = serde_json::from_str(&text).unwrap();
            let stored = fixture["stored"].as_str().expect("stored is a string");
            let loaded = key
                .read_as_json(stored)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(loaded, fixture["expect"], "{}", path.display());
            checked += 1;
        }
    }
    assert!(checked >= 2);
}

/// Results saved by earlier builds (real JSON from the rules of 3a5858a~1 and 551e3bc) open
/// as they were decided: the same urgency and ranking, and the note that the check has
/// improved, whatever today's engine would say.
#[test]
fn results_decided_by_earlier_rules_open_as_they_were_with_the_note() {
    let text = std::fs::read_to_string(fixture_dir().join("lan.quiz.results-v1.json")).unwrap();
    let fixture: Value = serde_json::from_str(&text).unwrap();
    let raw = fixture["stored"].as_str().unwrap();
    let results: Vec<SavedResult> = envelope::decode(
        raw,
        keys::QUIZ_RESULTS.schema,
        keys::QUIZ_RESULTS.migrations,
    )
    .unwrap();
    let rules: Vec<u32> = results.iter().map(|r| r.rules).collect();
    assert_eq!(rules, [1, 1, 2, 2]);
    assert!(results.iter().all(SavedResult::outdated));
    // Rules 1 told this person "soon"; today's engine would not, and must not rewrite it.
    let first = &results[0];
    assert_eq!(first.assessment.urgency, legs_core::clinical::Urgency::Soon);
    assert_ne!(
        legs_core::clinical::assess(&first.findings).urgency,
        first.assessment.urgency
    );
}

#[test]
fn saved_results_of_schema_one_load() {
    let mut progress = Progress::new(0.0);
    progress.choose("none");
    let result = SavedResult::new(1_795_995_000_000.0, progress.answers);
    let raw = envelope::encode(1, &vec![result.clone()]).unwrap();
    let loaded = keys::QUIZ_RESULTS.read_as_json(&raw).unwrap();
    assert_eq!(loaded, serde_json::to_value(vec![result]).unwrap());
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        "[a-z_]{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// A small valid backup zip with one photo, written by the app's own writer.
fn valid_archive() -> Vec<u8> {
    use legs_core::storage::archive::{self, ArchiveWriter};
    let mut writer = ArchiveWriter::default();
    let mut out = Vec::new();
    for (name, bytes) in [
        (archive::BACKUP_ENTRY, &b"{\"app\":\"legs-at-night\"}"[..]),
        (archive::PHOTOS_ENTRY, b"{\"schema\":1,\"data\":[]}"),
        ("photos/1.jpg", &[0xFF, 0xD8, 0xFF, 1, 2, 3, 0xFF, 0xD9]),
    ] {
        writer.add(name, bytes).unwrap();
        out.extend(writer.take());
    }
    out.extend(writer.finish().unwrap());
    out
}

#[test]
fn the_archive_the_property_test_damages_reads_when_whole() {
    let unpacked = legs_core::storage::archive::unpack(&valid_archive()).unwrap();
    assert!(unpacked.backup.contains("legs-at-night"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Issue 24: no file a person imports may panic the wasm. Arbitrary bytes that look
    /// like a zip, and a real backup zip with bytes changed anywhere (its directory, sizes,
    /// offsets, names), are read or refused, never a panic.
    #[test]
    fn unpacking_arbitrary_or_damaged_zips_never_panics(
        tail in prop::collection::vec(any::<u8>(), 0..512),
        flips in prop::collection::vec((any::<usize>(), any::<u8>()), 1..12),
    ) {
        use legs_core::storage::archive::unpack;
        let _ = unpack(&[&b"PK\x03\x04"[..], &tail].concat());
        let mut damaged = valid_archive();
        let length = damaged.len();
        for (at, value) in flips {
            damaged[at % length] = value;
        }
        let _ = unpack(&damaged);
    }

    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        let text = String::from_utf8_lossy(&bytes);
        for key in keys::ALL {
            if let Ok(value) = key.read_as_json(&text) {
                // Whatever decodes must encode back to the same value.
                let raw = envelope::encode(key.schema, &value).unwrap();
                prop_assert_eq!(key.read_as_json(&raw).unwrap(), value);
            }
        }
    }

    #[test]
    fn decoding_arbitrary_json_never_panics_or_accepts_bad_shapes(data in arbitrary_json(), schema in 0u32..4) {
        let raw = serde_json::json!({ "schema": schema, "data": data }).to_string();
        for key in keys::ALL {
            if let Ok(value) = key.read_as_json(&raw) {
                prop_assert!(schema >= 1 && schema <= key.schema, "schema {} decoded for {}", schema, key.name);
                let again = envelope::encode(key.schema, &value).unwrap();
                prop_assert_eq!(key.read_as_json(&again).unwrap(), value);
            }
        }
    }

    #[test]
    fn importing_arbitrary_json_never_panics(data in arbitrary_json()) {
        let file = serde_json::json!({ "app": backup::APP_ID, "exported_ms": 1.0, "schemas": {}, "data": data }).to_string();
        if let Ok((contents, _)) = backup::parse(&file) {
            let again = backup::export(&contents, 1.0).unwrap();
            prop_assert_eq!(backup::parse(&again).unwrap().0, contents);
        }
    }

    #[test]
    fn settings_and_progress_round_trip(theme in 0usize..3, size in 0usize..3, region in 0usize..8, picks in prop::collection::vec(0usize..8, 0..20)) {
        let settings = Settings {
            theme: legs_core::settings::ThemeChoice::ALL[theme],
            text_size: legs_core::settings::TextSize::ALL[size],
            region: legs_core::settings::Region::ALL.get(region).copied(),
        };
        let raw = envelope::encode(2, &settings).unwrap();
        prop_assert_eq!(envelope::decode::<Settings>(&raw, 2, &[]).unwrap(), settings);

        let mut progress = Progress::new(0.0);
        for pick in picks {
            if let Some(question) = progress.current() {
                let choice = question.choices[pick % question.choices.len()].id;
                progress.choose(choice);
                if pick % 3 == 0 { progress.advance(); }
            }
        }
        let raw = envelope::encode(1, &progress).unwrap();
        prop_assert_eq!(envelope::decode::<Progress>(&raw, 1, &[]).unwrap(), progress);
    }
}

/// Some of the five parts of a backup, each the data of today's fixture for its key.
fn valid_parts(picks: [bool; 5]) -> Value {
    let parts = [
        ("settings", "lan.settings-v1.json"),
        ("quiz_results", "lan.quiz.results-v1.json"),
        ("foot_checks", "lan.footchecks-v4.json"),
        ("reminders", "lan.reminders-v3.json"),
        ("diary", "lan.diary-v1.json"),
    ];
    let mut data = serde_json::Map::new();
    for ((part, file), picked) in parts.into_iter().zip(picks) {
        if picked {
            let text = std::fs::read_to_string(fixture_dir().join(file)).unwrap();
            let fixture: Value = serde_json::from_str(&text).unwrap();
            let stored: Value = serde_json::from_str(fixture["stored"].as_str().unwrap()).unwrap();
            data.insert(part.to_string(), stored["data"].clone());
        }
    }
    Value::Object(data)
}

/// A store that fails its `fail_at`-th write (counting from 0), as a full or revoked local
/// storage can.
#[derive(Clone, Debug, PartialEq)]
struct Flaky {
    keys: std::collections::BTreeMap<String, String>,
    writes: usize,
    fail_at: usize,
}

impl legs_core::storage::transfer::Store for Flaky {
    type Error = &'static str;
    fn get(&self, name: &str) -> Result<Option<String>, &'static str> {
        Ok(self.keys.get(name).cloned())
    }
    fn put(&mut self, name: &str, value: Option<&str>) -> Result<(), &'static str> {
        self.writes += 1;
        if self.writes - 1 == self.fail_at {
            return Err("full");
        }
        match value {
            Some(value) => self.keys.insert(name.to_string(), value.to_string()),
            None => self.keys.remove(name),
        };
        Ok(())
    }
}

proptest! {
    /// Any backup, into a store holding anything, failing at any write: on failure every
    /// key reads exactly as before; on success every key the backup carries is written.
    #[test]
    fn an_import_changes_every_key_or_none(
        picks in prop::array::uniform5(any::<bool>()),
        before in prop::collection::btree_map(
            prop::sample::select(vec!["lan.settings", "lan.quiz.results", "lan.footchecks", "lan.reminders", "lan.diary", "lan.other"]),
            "[ -~]{0,20}",
            0..6,
        ),
        fail_at in 0usize..8,
    ) {
        use legs_core::storage::transfer;
        let file = serde_json::json!({ "app": backup::APP_ID, "exported_ms": 1.0, "schemas": {}, "data": valid_parts(picks) }).to_string();
        let parsed = backup::parse(&file);
        prop_assert!(parsed.is_ok(), "{:?}", parsed);
        let (contents, _) = parsed.unwrap();
        let writes = transfer::writes(&contents).unwrap();
        let mut store = Flaky {
            keys: before.iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
            writes: 0,
            fail_at,
        };
        let original = store.keys.clone();
        match transfer::write_all(&mut store, &writes, &[]) {
            Err(_) => prop_assert_eq!(&store.keys, &original),
            Ok(()) => {
                for (name, value) in &writes {
                    prop_assert_eq!(store.keys.get(*name), value.as_ref());
                }
                prop_assert_eq!(store.keys.get("lan.other"), original.get("lan.other"));
            }
        }
    }

    /// A key a newer version wrote is never touched, whatever the import holds.
    #[test]
    fn an_import_leaves_a_newer_versions_key_as_it_was(data in arbitrary_json(), kept in "[ -~]{0,20}") {
        use legs_core::storage::transfer;
        let file = serde_json::json!({ "app": backup::APP_ID, "exported_ms": 1.0, "schemas": {}, "data": data }).to_string();
        let Ok((contents, _)) = backup::parse(&file) else { return Ok(()) };
        let writes = transfer::writes(&contents).unwrap();
        let mut store = Flaky { keys: [("lan.diary".to_string(), kept.clone())].into(), writes: 0, fail_at: usize::MAX };
        prop_assert!(transfer::write_all(&mut store, &writes, &["lan.diary"]).is_ok());
        prop_assert_eq!(store.keys.get("lan.diary"), Some(&kept));
    }
}
