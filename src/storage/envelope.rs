//! The stored shape of every key: `{ "schema": N, "data": ... }`. Pure, tested natively.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize, PartialEq)]
pub struct Envelope<T> {
    pub schema: u32,
    pub data: T,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum DecodeError {
    #[error("the stored value is not readable ({0})")]
    Corrupt(String),
    #[error("the stored value was written by a newer version of the app (schema {found}, this version knows {known})")]
    Newer { found: u32, known: u32 },
    #[error("the stored value uses schema {found}, which this version cannot upgrade")]
    Unsupported { found: u32 },
}

/// Just enough of an envelope to read its schema number before trusting the data.
#[derive(Deserialize)]
struct SchemaOnly {
    schema: u32,
}

pub fn encode<T: Serialize>(schema: u32, data: &T) -> Result<String, serde_json::Error> {
    serde_json::to_string(&Envelope { schema, data })
}

/// Decodes a value stored with schema `known`. Older schemas would be migrated here;
/// a newer one is refused so that it is never overwritten by this version.
pub fn decode<T: DeserializeOwned>(raw: &str, known: u32) -> Result<T, DecodeError> {
    let head: SchemaOnly =
        serde_json::from_str(raw).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    if head.schema > known {
        return Err(DecodeError::Newer {
            found: head.schema,
            known,
        });
    }
    if head.schema < known {
        return Err(DecodeError::Unsupported { found: head.schema });
    }
    let envelope: Envelope<T> =
        serde_json::from_str(raw).map_err(|e| DecodeError::Corrupt(e.to_string()))?;
    Ok(envelope.data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Serialize, Deserialize, PartialEq)]
    struct Sample {
        size: u8,
    }

    #[test]
    fn round_trips_through_the_envelope() {
        let raw = encode(1, &Sample { size: 3 }).unwrap();
        assert_eq!(raw, r#"{"schema":1,"data":{"size":3}}"#);
        assert_eq!(decode::<Sample>(&raw, 1), Ok(Sample { size: 3 }));
    }

    #[test]
    fn garbage_and_wrong_shapes_are_corrupt_not_panics() {
        for raw in [
            "",
            "not json",
            "{}",
            r#"{"schema":1}"#,
            r#"{"schema":1,"data":{"size":"big"}}"#,
            "[1,2]",
            "\u{0}",
        ] {
            assert!(
                matches!(decode::<Sample>(raw, 1), Err(DecodeError::Corrupt(_))),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn a_newer_schema_is_refused_not_reinterpreted() {
        let raw = r#"{"schema":7,"data":{"size":3}}"#;
        assert_eq!(
            decode::<Sample>(raw, 1),
            Err(DecodeError::Newer { found: 7, known: 1 })
        );
    }
}
