//! Export and import of everything the app keeps, as one JSON file. Pure: parsing,
//! validation, the preview summary and merging are tested natively.

use super::envelope::{migrate, DecodeError};
use super::keys::{self, Key};
use crate::diary::model::Entry;
use crate::foot_check::model::FootCheck;
use crate::quiz::result::SavedResult;
use crate::reminders::due::Reminders;
use crate::reminders::merge::MergeCount;
use crate::settings::Settings;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

pub const APP_ID: &str = "legs-at-night";
/// Ten years of nightly use stays far below this; anything bigger is not ours.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// The largest file an import reads, from its first bytes: a zip may carry photos, a JSON
/// backup never comes near `MAX_IMPORT_BYTES`. Checked before the file is read.
pub fn max_import_bytes(head: &[u8]) -> usize {
    if super::archive::is_archive(head) {
        super::archive::MAX_ARCHIVE_BYTES
    } else {
        MAX_IMPORT_BYTES
    }
}

/// What is in a backup file. The in-progress quiz is not exported: it is a draft.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Contents {
    pub settings: Option<Settings>,
    pub quiz_results: Vec<SavedResult>,
    #[serde(default)]
    pub foot_checks: Vec<FootCheck>,
    #[serde(default)]
    pub reminders: Option<Reminders>,
    #[serde(default)]
    pub diary: Vec<Entry>,
}

#[derive(Debug, Serialize, Deserialize)]
struct File<T> {
    app: String,
    exported_ms: f64,
    /// Schema of each part, by storage key.
    schemas: BTreeMap<String, u32>,
    data: T,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ImportError {
    #[error("The file is too large ({0} bytes) to be a Legs at Night backup.")]
    TooLarge(usize),
    #[error("The file is not a JSON backup: {0}")]
    NotJson(String),
    #[error("The file is not a Legs at Night backup.")]
    WrongApp,
    #[error("The backup's {part} {problem}. Update the app to import it.")]
    Schema {
        part: &'static str,
        problem: DecodeError,
    },
    #[error("The backup's {part} has an unexpected shape: {reason}")]
    Shape { part: &'static str, reason: String },
    #[error("The backup file is damaged or incomplete: {0}.")]
    Archive(String),
}

pub fn export(contents: &Contents, now_ms: f64) -> Result<String, serde_json::Error> {
    let schemas = keys::in_backup()
        .map(|key| (key.name.to_string(), key.schema))
        .collect();
    serde_json::to_string_pretty(&File {
        app: APP_ID.to_string(),
        exported_ms: now_ms,
        schemas,
        data: contents,
    })
}

fn part<T: serde::de::DeserializeOwned>(
    data: &mut serde_json::Map<String, Value>,
    key: &Key,
    schemas: &BTreeMap<String, u32>,
) -> Result<Option<T>, ImportError> {
    let field = part_name(key);
    let Some(value) = data.remove(field) else {
        return Ok(None);
    };
    let found = schemas.get(key.name).copied().unwrap_or(key.schema);
    let value = migrate(value, found, key.schema, key.migrations).map_err(|problem| {
        ImportError::Schema {
            part: field,
            problem,
        }
    })?;
    serde_json::from_value(value).map_err(|e| ImportError::Shape {
        part: field,
        reason: e.to_string(),
    })
}

fn part_name(key: &Key) -> &'static str {
    key.backup_part.unwrap_or(key.name)
}

/// Reads a backup file, refusing anything that is not a complete, valid backup of this app.
pub fn parse(text: &str) -> Result<(Contents, f64), ImportError> {
    // Some editors save UTF-8 with a byte-order mark first; JSON itself has none.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge(text.len()));
    }
    let file: File<Value> =
        serde_json::from_str(text).map_err(|e| match serde_json::from_str::<Value>(text) {
            Ok(_) => ImportError::WrongApp,
            Err(_) => ImportError::NotJson(e.to_string()),
        })?;
    if file.app != APP_ID {
        return Err(ImportError::WrongApp);
    }
    let Value::Object(mut data) = file.data else {
        return Err(ImportError::Shape {
            part: "data",
            reason: "not an object".into(),
        });
    };
    let schemas = &file.schemas;
    let contents = Contents {
        settings: part(&mut data, &keys::SETTINGS, schemas)?,
        quiz_results: part(&mut data, &keys::QUIZ_RESULTS, schemas)?.unwrap_or_default(),
        foot_checks: part(&mut data, &keys::FOOT_CHECKS, schemas)?.unwrap_or_default(),
        reminders: part(&mut data, &keys::REMINDERS, schemas)?,
        diary: part(&mut data, &keys::DIARY, schemas)?.unwrap_or_default(),
    };
    check(&contents)?;
    Ok((contents, file.exported_ms))
}

/// Refuses what the forms would refuse, with the forms' own checks: an import is read
/// as carefully as what a person types.
fn check(contents: &Contents) -> Result<(), ImportError> {
    if let Some(reminders) = &contents.reminders {
        reminders.check().map_err(|e| ImportError::Shape {
            part: part_name(&keys::REMINDERS),
            reason: e.to_string(),
        })?;
    }
    for entry in &contents.diary {
        entry.check().map_err(|e| ImportError::Shape {
            part: part_name(&keys::DIARY),
            reason: e.to_string(),
        })?;
    }
    Ok(())
}

/// Counts and date range, for the preview before anything is changed.
#[derive(Debug, PartialEq)]
pub struct Summary {
    pub results: usize,
    pub foot_checks: usize,
    pub nights: usize,
    pub reminders: usize,
    pub first_ms: Option<f64>,
    pub last_ms: Option<f64>,
    pub has_settings: bool,
}

pub fn summarize(contents: &Contents) -> Summary {
    let times = contents
        .diary
        .iter()
        .map(|e| e.night as f64 * 86_400_000.0)
        .chain(contents.quiz_results.iter().map(SavedResult::taken_ms))
        .chain(contents.foot_checks.iter().map(|c| c.id as f64));
    Summary {
        results: contents.quiz_results.len(),
        foot_checks: contents.foot_checks.len(),
        nights: contents.diary.len(),
        reminders: contents.reminders.as_ref().map_or(0, |r| r.list.len()),
        first_ms: times.clone().reduce(f64::min),
        last_ms: times.reduce(f64::max),
        has_settings: contents.settings.is_some(),
    }
}

/// Keeps both, de-duplicated by id (a diary night by its night); the device's own
/// settings win; the backup's reminders are added as `Reminders::merge_in` says, counted.
pub fn merge(current: &Contents, incoming: &Contents) -> (Contents, MergeCount) {
    let mut results: BTreeMap<u64, SavedResult> = incoming
        .quiz_results
        .iter()
        .map(|r| (r.id, r.clone()))
        .collect();
    results.extend(current.quiz_results.iter().map(|r| (r.id, r.clone())));
    let mut checks: BTreeMap<u64, FootCheck> = incoming
        .foot_checks
        .iter()
        .map(|c| (c.id, c.clone()))
        .collect();
    checks.extend(current.foot_checks.iter().map(|c| (c.id, c.clone())));
    let mut nights: BTreeMap<i64, Entry> = incoming
        .diary
        .iter()
        .map(|e| (e.night, e.clone()))
        .collect();
    nights.extend(current.diary.iter().map(|e| (e.night, e.clone())));
    let (reminders, count) = match (&current.reminders, &incoming.reminders) {
        (Some(here), Some(backup)) => {
            let mut merged = here.clone();
            let count = merged.merge_in(backup);
            (Some(merged), count)
        }
        (None, Some(backup)) => {
            let mut merged = Reminders {
                notify: backup.notify,
                ..Default::default()
            };
            let count = merged.merge_in(backup);
            (Some(merged), count)
        }
        (here, None) => (here.clone(), MergeCount::default()),
    };
    let contents = Contents {
        settings: current.settings.or(incoming.settings),
        quiz_results: results.into_values().collect(),
        foot_checks: checks.into_values().collect(),
        reminders,
        diary: nights.into_values().collect(),
    };
    (contents, count)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_names_every_part_of_a_backup_and_nothing_else() {
        let written = serde_json::to_value(Contents::default()).unwrap();
        let fields: std::collections::BTreeSet<&str> = written
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let declared: std::collections::BTreeSet<&str> = keys::in_backup()
            .filter_map(|key| key.backup_part)
            .collect();
        assert_eq!(fields, declared);
    }
    use crate::quiz::flow::Progress;
    use crate::settings::ThemeChoice;

    fn result(id: u64, choices: &[&str]) -> SavedResult {
        let mut progress = Progress::new(0.0);
        for choice in choices {
            progress.choose(choice);
        }
        SavedResult::new(id as f64, progress.answers)
    }

    fn sample() -> Contents {
        Contents {
            settings: Some(Settings {
                theme: ThemeChoice::Dark,
                ..Default::default()
            }),
            quiz_results: vec![result(1_000, &["saddle"]), result(2_000, &["none"])],
            foot_checks: vec![FootCheck {
                id: 1_500,
                temperature: None,
                cold_foot_eases_hanging: false,
                colder_came_suddenly: false,
                touch: None,
                diabetes: false,
                seen: 3,
                notes: vec![],
            }],
            reminders: Some(Reminders {
                list: vec![crate::reminders::schedule::Reminder {
                    id: 1,
                    label: "Heels".into(),
                    time: 1320,
                    days: 127,
                    enabled: true,
                    since_day: 0,
                }],
                ..Default::default()
            }),
            diary: vec![Entry {
                night: 20_786,
                pain: Some(3),
                ..Default::default()
            }],
        }
    }

    #[test]
    fn export_then_parse_gives_identical_contents() {
        let text = export(&sample(), 5.0).unwrap();
        assert_eq!(parse(&text), Ok((sample(), 5.0)));
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        assert!(matches!(parse("not json"), Err(ImportError::NotJson(_))));
        assert_eq!(
            parse(r#"{"app":"other","exported_ms":1,"schemas":{},"data":{}}"#),
            Err(ImportError::WrongApp)
        );
        assert_eq!(parse(r#"[1,2,3]"#), Err(ImportError::WrongApp));
        let newer = r#"{"app":"legs-at-night","exported_ms":1,"schemas":{"lan.settings":99},"data":{"settings":{}}}"#;
        assert!(matches!(
            parse(newer),
            Err(ImportError::Schema {
                part: "settings",
                ..
            })
        ));
        let shape = r#"{"app":"legs-at-night","exported_ms":1,"schemas":{},"data":{"quiz_results":[{"id":"x"}]}}"#;
        assert!(matches!(
            parse(shape),
            Err(ImportError::Shape {
                part: "quiz_results",
                ..
            })
        ));
        let huge = " ".repeat(MAX_IMPORT_BYTES + 1);
        assert_eq!(
            parse(&huge),
            Err(ImportError::TooLarge(MAX_IMPORT_BYTES + 1))
        );
    }

    /// Issue 25: a real backup saved with a byte-order mark failed to import.
    #[test]
    fn a_byte_order_mark_before_the_json_is_no_reason_to_refuse() {
        let text = format!("\u{feff}{}", export(&sample(), 5.0).unwrap());
        assert_eq!(parse(&text), Ok((sample(), 5.0)));
    }

    #[test]
    fn a_file_is_judged_too_large_by_its_kind_before_it_is_read() {
        assert_eq!(max_import_bytes(b"{\"app\""), MAX_IMPORT_BYTES);
        assert_eq!(
            max_import_bytes(b"PK\x03\x04\x14\0\0\0"),
            crate::storage::archive::MAX_ARCHIVE_BYTES
        );
    }

    #[test]
    fn summary_counts_and_spans_the_dates() {
        let summary = summarize(&sample());
        assert_eq!(
            summary,
            Summary {
                results: 2,
                foot_checks: 1,
                nights: 1,
                reminders: 1,
                first_ms: Some(1_000.0),
                last_ms: Some(20_786.0 * 86_400_000.0),
                has_settings: true
            }
        );
    }

    /// Issue 24: values the forms refuse went straight in through an import.
    #[test]
    fn an_import_refuses_what_the_forms_refuse_and_says_which_part() {
        let file = |data: &str| {
            format!(r#"{{"app":"legs-at-night","exported_ms":1,"schemas":{{}},"data":{data}}}"#)
        };
        let pain = file(r#"{"diary":[{"n":20790,"p":255}]}"#);
        assert!(matches!(
            parse(&pain),
            Err(ImportError::Shape { part: "diary", .. })
        ));
        let label = file(&format!(
            r#"{{"reminders":{{"list":[{{"id":1,"label":"{}","t":1320,"d":127,"on":true}}]}}}}"#,
            "x".repeat(100_000)
        ));
        assert!(matches!(
            parse(&label),
            Err(ImportError::Shape {
                part: "reminders",
                ..
            })
        ));
        let time =
            file(r#"{"reminders":{"list":[{"id":1,"label":"Heels","t":5000,"d":127,"on":true}]}}"#);
        assert!(parse(&time).is_err());
        let fine = file(
            r#"{"diary":[{"n":20790,"p":3}],"reminders":{"list":[{"id":1,"label":"Heels","t":1320,"d":127,"on":true}]}}"#,
        );
        assert!(parse(&fine).is_ok(), "{:?}", parse(&fine));
    }

    #[test]
    fn merge_keeps_both_without_duplicates_and_prefers_this_device() {
        let current = Contents {
            settings: None,
            quiz_results: vec![result(2_000, &["none"]), result(3_000, &["chest"])],
            foot_checks: vec![],
            reminders: None,
            diary: vec![],
        };
        let (merged, _) = merge(&current, &sample());
        let ids: Vec<u64> = merged.quiz_results.iter().map(|r| r.id).collect();
        assert_eq!(ids, [1_000, 2_000, 3_000]);
        assert_eq!(merged.settings, sample().settings);
    }
}
