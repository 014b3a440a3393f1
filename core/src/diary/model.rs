//! One diary entry per night: pain, where, which position hurt, what helped, a quick foot
//! look, moisturised or not, and a note. Pure and compact (kept for years).

use crate::clinical::{Finding, Urgency};
use crate::storage::keys::Key;
use serde::{Deserialize, Serialize};

/// Hours after midnight that still belong to the night before: a 01:00 entry is last night's.
pub const NIGHT_ENDS_AT_HOUR: i64 = 6;

/// The night (local day of its evening) of an instant.
pub fn night_of(utc_ms: i64, offset_minutes: i32) -> i64 {
    let local = utc_ms + i64::from(offset_minutes) * 60_000 - NIGHT_ENDS_AT_HOUR * 3_600_000;
    local.div_euclid(86_400_000)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Place {
    #[serde(rename = "leg")]
    BackOfLeg,
    #[serde(rename = "back")]
    LowerBack,
    #[serde(rename = "hip")]
    Hip,
    #[serde(rename = "calf")]
    Calf,
    #[serde(rename = "feet")]
    Feet,
    #[serde(rename = "heel")]
    HeelSkin,
}

impl Place {
    pub const ALL: [Place; 6] = [
        Place::BackOfLeg,
        Place::LowerBack,
        Place::Hip,
        Place::Calf,
        Place::Feet,
        Place::HeelSkin,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Place::BackOfLeg => "Buttock and back of the leg",
            Place::LowerBack => "Lower back",
            Place::Hip => "Outside of the hip",
            Place::Calf => "Calf",
            Place::Feet => "Feet",
            Place::HeelSkin => "Heel or sole skin",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Position {
    #[serde(rename = "back")]
    OnBack,
    #[serde(rename = "side")]
    OnSide,
    #[serde(rename = "raised")]
    LegsRaised,
}

impl Position {
    pub const ALL: [Position; 3] = [Position::OnBack, Position::OnSide, Position::LegsRaised];
    pub fn label(self) -> &'static str {
        match self {
            Position::OnBack => "Lying on my back",
            Position::OnSide => "Lying on my side",
            Position::LegsRaised => "Legs raised",
        }
    }
    /// One letter for the chart.
    pub fn letter(self) -> &'static str {
        match self {
            Position::OnBack => "B",
            Position::OnSide => "S",
            Position::LegsRaised => "R",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Helper {
    #[serde(rename = "pillow")]
    Pillow,
    #[serde(rename = "down")]
    LegsDown,
    #[serde(rename = "move")]
    Moving,
    #[serde(rename = "cream")]
    Emollient,
    #[serde(rename = "pill")]
    Painkiller,
    #[serde(rename = "stretch")]
    Stretching,
}

impl Helper {
    pub const ALL: [Helper; 6] = [
        Helper::Pillow,
        Helper::LegsDown,
        Helper::Stretching,
        Helper::Moving,
        Helper::Emollient,
        Helper::Painkiller,
    ];
    pub fn label(self) -> &'static str {
        match self {
            Helper::Pillow => "A pillow between or under the knees",
            Helper::LegsDown => "Hanging my legs down",
            Helper::Stretching => "Stretching my calf or foot",
            // Stored as "move" since the first diary: getting up and walking about.
            Helper::Moving => "Walking about",
            Helper::Emollient => "Moisturising my feet",
            Helper::Painkiller => "A painkiller",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FeetToday {
    #[serde(rename = "ok")]
    Fine,
    #[serde(rename = "dry")]
    Dry,
    #[serde(rename = "cracks")]
    Cracks,
    #[serde(rename = "worry")]
    Worrying,
}

impl FeetToday {
    pub const ALL: [FeetToday; 4] = [
        FeetToday::Fine,
        FeetToday::Dry,
        FeetToday::Cracks,
        FeetToday::Worrying,
    ];
    pub fn label(self) -> &'static str {
        match self {
            FeetToday::Fine => "They look fine",
            FeetToday::Dry => "Dry skin",
            FeetToday::Cracks => "Cracks in the heels",
            FeetToday::Worrying => "Something worrying: redness, a wound or dark skin",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Entry {
    #[serde(rename = "n")]
    pub night: i64,
    /// 0 to 10; `None` when the night's pain was not recorded (the step was skipped),
    /// which is not the same as no pain.
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    pub pain: Option<u8>,
    #[serde(rename = "w", default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
    #[serde(rename = "pos", default, skip_serializing_if = "Vec::is_empty")]
    pub positions: Vec<Position>,
    #[serde(rename = "h", default, skip_serializing_if = "Vec::is_empty")]
    pub helped: Vec<Helper>,
    #[serde(rename = "f", default, skip_serializing_if = "Option::is_none")]
    pub feet: Option<FeetToday>,
    #[serde(rename = "m", default)]
    pub moisturized: bool,
    #[serde(rename = "x", default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Finding>,
    #[serde(rename = "t", default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Entry {
    /// What the night says in the quiz's terms, for the engine.
    pub fn findings(&self) -> Vec<Finding> {
        let places = self.places.iter().map(|place| match place {
            Place::BackOfLeg => Finding::PainButtockDownLeg,
            Place::LowerBack => Finding::PainLowerBack,
            Place::Hip => Finding::PainOuterHip,
            Place::Calf => Finding::PainCalf,
            Place::Feet => Finding::PainFeet,
            Place::HeelSkin => Finding::PainSoleSkin,
        });
        let positions = self.positions.iter().map(|position| match position {
            Position::OnBack => Finding::WorseLyingOnBack,
            Position::OnSide => Finding::WorseLyingOnSide,
            Position::LegsRaised => Finding::WorseLegsRaised,
        });
        let helped = self.helped.iter().filter_map(|helper| match helper {
            Helper::LegsDown => Some(Finding::EasedLegsHangingDown),
            Helper::Stretching => Some(Finding::EasedByStretching),
            Helper::Moving => Some(Finding::EasedByMoving),
            _ => None,
        });
        places
            .chain(positions)
            .chain(helped)
            .chain(self.warnings.iter().copied())
            .collect()
    }

    /// Whether tonight's answers make moisturising the feet a step worth asking: pain in
    /// the feet or the heel skin, or dry or cracked soles. (A reminder also makes it so;
    /// the routine knows that.)
    pub fn moisturising_applies(&self) -> bool {
        self.places
            .iter()
            .any(|place| matches!(place, Place::Feet | Place::HeelSkin))
            || matches!(self.feet, Some(FeetToday::Dry | FeetToday::Cracks))
    }

    /// Worse with the legs raised, or eased by hanging them down: the article's sign of
    /// rest pain, which the engine never leaves at home (SPEC v3).
    pub fn rest_pain_sign(&self) -> bool {
        self.positions.contains(&Position::LegsRaised) || self.helped.contains(&Helper::LegsDown)
    }
}

/// "Something worrying" on the feet: what to do and how soon, by what it is (SPEC: an
/// infected crack or a dark toe cannot wait; a wound with diabetes within a working day).
pub const WORRYING_FEET: &[(Urgency, &str)] = &[
    (Urgency::Emergency, "with diabetes, a red, hot or swollen foot with a fever or shivers, or a toe turning black."),
    (Urgency::Urgent, "skin around a crack or wound that is red, hot or swollen and spreading, or oozes pus; a toe turning dark; or you feel unwell. Call the urgent-care line or the out-of-hours service."),
    (Urgency::NextDay, "with diabetes, a wound or a deep or bleeding crack: your practice or foot-care team, on the next working day."),
    (Urgency::Soon, "a wound that is not healing, without diabetes."),
];

pub const MAX_NOTE: usize = 500;

/// The nights a diary can hold: from 2000 to 2199 (days since 1970).
const NIGHTS: std::ops::RangeInclusive<i64> = 10_957..=84_005;

/// What the check-in could never have recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    #[error("a pain score of {0} (the scale goes from 0 to 10)")]
    Pain(u8),
    #[error("a note longer than {MAX_NOTE} characters")]
    NoteTooLong,
    #[error("a night outside the years 2000 to 2199")]
    Night,
}

impl Entry {
    /// What the check-in's form allows, for a night from anywhere (an import).
    pub fn check(&self) -> Result<(), EntryError> {
        if let Some(pain) = self.pain.filter(|pain| *pain > 10) {
            return Err(EntryError::Pain(pain));
        }
        if self.note.chars().count() > MAX_NOTE {
            return Err(EntryError::NoteTooLong);
        }
        if !NIGHTS.contains(&self.night) {
            return Err(EntryError::Night);
        }
        Ok(())
    }
}

/// Adds tonight's entry, or replaces it if tonight already has one (a second run updates).
pub fn upsert(entries: &mut Vec<Entry>, mut entry: Entry) {
    entry.pain = entry.pain.map(|pain| pain.min(10));
    entry.note = entry.note.chars().take(MAX_NOTE).collect();
    entries.retain(|e| e.night != entry.night);
    entries.push(entry);
    entries.sort_by_key(|e| e.night);
}

/// Schema 2: a skipped pain step is stored as no score, not as 0. Schema 1 stored 0 for a
/// step left alone, so a night is read as "not recorded" where the stored night can tell:
/// pain 0 and no other answer at all (a check-in whose every step was skipped). Pain 0
/// beside any other answer stays 0: the person may well have meant it.
pub fn migrate_v1_to_v2(mut data: serde_json::Value) -> Result<serde_json::Value, String> {
    let nights = data
        .as_array_mut()
        .ok_or("the diary is not a list of nights")?;
    for night in nights {
        let Some(fields) = night.as_object_mut() else {
            return Err("a night is not an object".into());
        };
        let nothing_else = fields.iter().all(|(name, value)| match name.as_str() {
            "n" => true,
            "p" => value.as_u64() == Some(0),
            "m" => value == &serde_json::Value::Bool(false),
            _ => false,
        });
        if nothing_else {
            fields.remove("p");
        }
    }
    Ok(data)
}

pub const KEY: Key = Key {
    name: "lan.diary",
    schema: 2,
    migrations: &[migrate_v1_to_v2],
    label: "Your night diary",
    words: "the night diary",
    backup_part: Some("diary"),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::assess;

    #[test]
    fn a_night_worse_with_the_legs_raised_or_eased_hanging_down_is_an_urgent_rest_pain_sign() {
        for entry in [
            Entry {
                positions: vec![Position::LegsRaised],
                ..Entry::default()
            },
            Entry {
                helped: vec![Helper::LegsDown],
                places: vec![Place::Feet],
                ..Entry::default()
            },
        ] {
            assert!(entry.rest_pain_sign());
            assert!(
                assess(&entry.findings()).urgency >= Urgency::Urgent,
                "{entry:?}"
            );
        }
        let sciatica = Entry {
            places: vec![Place::BackOfLeg],
            positions: vec![Position::OnSide],
            helped: vec![Helper::Pillow, Helper::Stretching, Helper::Moving],
            ..Entry::default()
        };
        assert!(!sciatica.rest_pain_sign());
    }

    /// Issue 26: a skipped pain step was stored as 0, and counted as a pain-free night.
    #[test]
    fn schema_1_nights_with_nothing_but_the_default_0_become_not_recorded() {
        let v1 = serde_json::json!([
            { "n": 1, "p": 0, "m": false },
            { "n": 2, "p": 0, "m": true },
            { "n": 3, "p": 0, "w": ["feet"], "m": false },
            { "n": 4, "p": 5, "m": false },
        ]);
        let nights: Vec<Entry> = serde_json::from_value(migrate_v1_to_v2(v1).unwrap()).unwrap();
        let pains: Vec<Option<u8>> = nights.iter().map(|e| e.pain).collect();
        assert_eq!(pains, [None, Some(0), Some(0), Some(5)]);
        assert!(migrate_v1_to_v2(serde_json::json!({ "n": 1 })).is_err());
        // Stored without a score, read back without one.
        let skipped = Entry {
            night: 20_790,
            ..Entry::default()
        };
        let text = serde_json::to_string(&skipped).unwrap();
        assert!(!text.contains("\"p\""), "{text}");
        assert_eq!(serde_json::from_str::<Entry>(&text).unwrap().pain, None);
    }

    /// Issue 26: the check-in asked about moisturising a person whose answers had nothing
    /// to do with skin or feet.
    #[test]
    fn moisturising_is_asked_only_after_skin_or_foot_answers() {
        assert!(!Entry::default().moisturising_applies());
        let sciatica = Entry {
            places: vec![Place::BackOfLeg],
            feet: Some(FeetToday::Fine),
            ..Entry::default()
        };
        assert!(!sciatica.moisturising_applies());
        for entry in [
            Entry {
                places: vec![Place::HeelSkin],
                ..Entry::default()
            },
            Entry {
                feet: Some(FeetToday::Cracks),
                ..Entry::default()
            },
        ] {
            assert!(entry.moisturising_applies(), "{entry:?}");
        }
    }

    #[test]
    fn worrying_feet_say_how_soon_at_every_level_from_emergency_down() {
        let levels: Vec<Urgency> = WORRYING_FEET.iter().map(|(u, _)| *u).collect();
        assert_eq!(
            levels,
            [
                Urgency::Emergency,
                Urgency::Urgent,
                Urgency::NextDay,
                Urgency::Soon
            ]
        );
    }

    /// Issue 24: an import took a pain score of 255 and year 99999.
    #[test]
    fn a_night_the_check_in_could_not_have_recorded_is_refused() {
        let night = Entry {
            night: 20_790,
            pain: Some(4),
            ..Entry::default()
        };
        assert_eq!(night.check(), Ok(()));
        let bad = |change: fn(&mut Entry)| {
            let mut entry = night.clone();
            change(&mut entry);
            entry.check()
        };
        assert_eq!(bad(|e| e.pain = Some(255)), Err(EntryError::Pain(255)));
        assert_eq!(
            bad(|e| e.note = "x".repeat(501)),
            Err(EntryError::NoteTooLong)
        );
        assert_eq!(bad(|e| e.night = 35_000_000), Err(EntryError::Night));
    }

    #[test]
    fn older_helpers_still_read_and_the_new_ones_round_trip() {
        let old: Entry = serde_json::from_str(r#"{"n":1,"p":3,"h":["move","down"]}"#).unwrap();
        assert_eq!(old.helped, [Helper::Moving, Helper::LegsDown]);
        let new = Entry {
            helped: vec![Helper::Stretching],
            ..Entry::default()
        };
        let json = serde_json::to_string(&new).unwrap();
        assert!(json.contains(r#""h":["stretch"]"#), "{json}");
        assert_eq!(serde_json::from_str::<Entry>(&json).unwrap(), new);
    }

    #[test]
    fn an_entry_after_midnight_belongs_to_the_night_before() {
        let evening = 20_786 * 86_400_000 + 23 * 3_600_000;
        assert_eq!(night_of(evening, 0), 20_786);
        assert_eq!(
            night_of(evening + 2 * 3_600_000, 0),
            20_786,
            "01:00 is still last night"
        );
        assert_eq!(
            night_of(evening + 8 * 3_600_000, 0),
            20_787,
            "07:00 starts a new day"
        );
        assert_eq!(
            night_of(evening, 120),
            20_786,
            "01:00 local with +2h is the same night"
        );
    }

    #[test]
    fn a_second_entry_the_same_night_replaces_the_first() {
        let mut entries = Vec::new();
        upsert(
            &mut entries,
            Entry {
                night: 5,
                pain: Some(4),
                ..Default::default()
            },
        );
        upsert(
            &mut entries,
            Entry {
                night: 6,
                pain: Some(2),
                ..Default::default()
            },
        );
        upsert(
            &mut entries,
            Entry {
                night: 5,
                pain: Some(12),
                note: "x".repeat(900),
                ..Default::default()
            },
        );
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].pain, Some(10), "clamped to the scale");
        assert_eq!(entries[0].note.len(), MAX_NOTE);
    }

    #[test]
    fn a_typical_night_is_small() {
        let entry = Entry {
            night: 20_786,
            pain: Some(4),
            places: vec![Place::HeelSkin],
            positions: vec![Position::OnSide],
            helped: vec![Helper::Emollient],
            feet: Some(FeetToday::Cracks),
            moisturized: true,
            warnings: vec![],
            note: String::new(),
        };
        let json = serde_json::to_string(&entry).unwrap();
        assert!(json.len() <= 90, "{} bytes: {json}", json.len());
        assert_eq!(serde_json::from_str::<Entry>(&json).unwrap(), entry);
    }
}
