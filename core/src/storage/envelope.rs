//! The stored shape of every key: `{ "schema": N, "data": ... }`, and the migrations that
//! bring older schemas up to date. Pure, tested natively.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Turns the `data` of schema N into the `data` of schema N + 1.
pub type Migration = fn(Value) -> Result<Value, String>;

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct Envelope<T> {
    pub schema: u32,
    pub data: T,
}

#[derive(Debug, Clone, thiserror::Error, PartialEq)]
pub enum DecodeError {
    #[error("it is not readable ({0})")]
    Corrupt(String),
    #[error(
        "it was written by a newer version of the app (schema {found}, this version knows {known})"
    )]
    Newer { found: u32, known: u32 },
    #[error("it uses schema {found}, which this version cannot upgrade")]
    Unsupported { found: u32 },
    #[error("upgrading it from schema {from} failed: {reason}")]
    Migration { from: u32, reason: String },
}

pub fn encode<T: Serialize>(schema: u32, data: &T) -> Result<String, serde_json::Error> {
    serde_json::to_string(&Envelope { schema, data })
}

/// The schema number a stored value says it was written with, without decoding its data.
pub fn stored_schema(raw: &str) -> Option<u32> {
    let value: Value = serde_json::from_str(raw).ok()?;
    value.get("schema")?.as_u64()?.try_into().ok()
}

/// Brings `data` written with schema `found` up to schema `known`. `migrations[i]`
/// upgrades schema i + 1 to i + 2.
pub fn migrate(
    mut data: Value,
    found: u32,
    known: u32,
    migrations: &[Migration],
) -> Result<Value, DecodeError> {
    if found > known {
        return Err(DecodeError::Newer { found, known });
    }
    if found == 0 {
        return Err(DecodeError::Unsupported { found });
    }
    for from in found..known {
        let migration = migrations
            .get((from - 1) as usize)
            .ok_or(DecodeError::Unsupported { found })?;
        data = migration(data).map_err(|reason| DecodeError::Migration { from, reason })?;
    }
    Ok(data)
}

/// Decodes a stored value, migrating older schemas. A newer schema is refused so that it
/// is never overwritten by this version.
pub fn decode<T: DeserializeOwned>(
    raw: &str,
    known: u32,
    migrations: &[Migration],
) -> Result<T, DecodeError> {
    let envelope: Envelope<Value> =
        serde_json::from_str(raw).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    let data = migrate(envelope.data, envelope.schema, known, migrations)?;
    serde_json::from_value(data).map_err(|e| DecodeError::Corrupt(e.to_string()))
}

/// Decodes a stored value as `T` and hands it back as JSON: what a key's declaration
/// (`Key::read`) names, so code that iterates every key needs no table of types.
pub fn as_json<T: DeserializeOwned + Serialize>(
    raw: &str,
    known: u32,
    migrations: &[Migration],
) -> Result<Value, DecodeError> {
    let value: T = decode(raw, known, migrations)?;
    serde_json::to_value(value).map_err(|e| DecodeError::Corrupt(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_schema_is_read_without_the_data() {
        assert_eq!(
            stored_schema(r#"{"schema":99,"data":{"new":"shape"}}"#),
            Some(99)
        );
        assert_eq!(stored_schema("not json"), None);
        assert_eq!(stored_schema(r#"{"schema":"one"}"#), None);
    }

    #[derive(Debug, Serialize, Deserialize, PartialEq)]
    struct Sample {
        size: u8,
    }

    /// A test history: schema 1 stored `{"big": true}`, schema 2 stores `{"size": n}`.
    const MIGRATIONS: &[Migration] = &[|old| {
        let big = old.get("big").and_then(Value::as_bool).ok_or("no big")?;
        Ok(serde_json::json!({ "size": if big { 9 } else { 1 } }))
    }];

    #[test]
    fn round_trips_through_the_envelope() {
        let raw = encode(2, &Sample { size: 3 }).unwrap();
        assert_eq!(raw, r#"{"schema":2,"data":{"size":3}}"#);
        assert_eq!(
            decode::<Sample>(&raw, 2, MIGRATIONS),
            Ok(Sample { size: 3 })
        );
    }

    #[test]
    fn an_older_schema_is_migrated() {
        let raw = r#"{"schema":1,"data":{"big":true}}"#;
        assert_eq!(decode::<Sample>(raw, 2, MIGRATIONS), Ok(Sample { size: 9 }));
        let broken = r#"{"schema":1,"data":{"large":true}}"#;
        assert!(matches!(
            decode::<Sample>(broken, 2, MIGRATIONS),
            Err(DecodeError::Migration { from: 1, .. })
        ));
    }

    #[test]
    fn garbage_and_wrong_shapes_are_corrupt_not_panics() {
        for raw in [
            "",
            "not json",
            "{}",
            r#"{"schema":2}"#,
            r#"{"schema":2,"data":{"size":"big"}}"#,
            "[2,3]",
            "\u{0}",
            r#"{"schema":-1,"data":1}"#,
        ] {
            assert!(
                matches!(
                    decode::<Sample>(raw, 2, MIGRATIONS),
                    Err(DecodeError::Corrupt(_))
                ),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn a_newer_schema_is_refused_not_reinterpreted() {
        let raw = r#"{"schema":7,"data":{"size":3}}"#;
        assert_eq!(
            decode::<Sample>(raw, 2, MIGRATIONS),
            Err(DecodeError::Newer { found: 7, known: 2 })
        );
    }

    #[test]
    fn schema_zero_or_a_missing_migration_is_unsupported() {
        assert_eq!(
            decode::<Sample>(r#"{"schema":0,"data":{}}"#, 2, MIGRATIONS),
            Err(DecodeError::Unsupported { found: 0 })
        );
        assert_eq!(
            decode::<Sample>(r#"{"schema":1,"data":{}}"#, 3, &[]),
            Err(DecodeError::Unsupported { found: 1 })
        );
    }
}
