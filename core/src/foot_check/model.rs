//! The daily foot check as data: the areas looked at, what was seen, and the steps of the
//! guided routine. Pure Rust; records are compact because they are kept for years.

use crate::storage::keys::Key;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Foot {
    #[serde(rename = "L")]
    Left,
    #[serde(rename = "R")]
    Right,
}

impl Foot {
    pub const BOTH: [Foot; 2] = [Foot::Left, Foot::Right];

    pub fn name(self) -> &'static str {
        match self {
            Foot::Left => "Left foot",
            Foot::Right => "Right foot",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Area {
    #[serde(rename = "heel")]
    Heel,
    #[serde(rename = "sole")]
    Sole,
    #[serde(rename = "ball")]
    Ball,
    #[serde(rename = "toes")]
    Toes,
    #[serde(rename = "between")]
    BetweenToes,
    #[serde(rename = "top")]
    Top,
}

impl Area {
    /// In the order the guide walks through them.
    pub const ALL: [Area; 6] = [
        Area::Heel,
        Area::Sole,
        Area::Ball,
        Area::Toes,
        Area::BetweenToes,
        Area::Top,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Area::Heel => "Heel",
            Area::Sole => "Sole (arch)",
            Area::Ball => "Ball of the foot",
            Area::Toes => "Toes",
            Area::BetweenToes => "Between the toes",
            Area::Top => "Top of the foot",
        }
    }

    /// How to look at it, in a sentence.
    pub fn instruction(self) -> &'static str {
        match self {
            Area::Heel => "Look at the back and both edges of the heel, where cracks usually start. Run a finger over it for rough or hard skin.",
            Area::Sole => "Look along the middle of the sole. Use a mirror on the floor, or ask someone to look for you.",
            Area::Ball => "Look at the pad behind the toes, where hard skin and calluses build up.",
            Area::Toes => "Look at each toe, the tips and the nails: colour, blisters, sore spots.",
            Area::BetweenToes => "Gently spread the toes and look between them. Only look: keep this skin dry and never put cream here.",
            Area::Top => "Look at the top of the foot and around the ankle for redness, swelling or marks from shoes.",
        }
    }
}

/// What can be seen in an area. Serialized as short tags to keep years of checks small.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Mark {
    #[serde(rename = "ok")]
    Fine,
    #[serde(rename = "dry")]
    DryFlaky,
    #[serde(rename = "hard")]
    HardSkin,
    #[serde(rename = "crack")]
    Crack,
    #[serde(rename = "deep")]
    DeepCrack,
    #[serde(rename = "red")]
    RedWarmSwollen,
    #[serde(rename = "wound")]
    BlisterOrWound,
    #[serde(rename = "dark")]
    ColourChange,
    #[serde(rename = "unsure")]
    NotSure,
}

impl Mark {
    pub const ALL: [Mark; 9] = [
        Mark::Fine,
        Mark::DryFlaky,
        Mark::HardSkin,
        Mark::Crack,
        Mark::DeepCrack,
        Mark::RedWarmSwollen,
        Mark::BlisterOrWound,
        Mark::ColourChange,
        Mark::NotSure,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Mark::Fine => "Looks fine",
            Mark::DryFlaky => "Dry or flaky",
            Mark::HardSkin => "Hard skin or callus",
            Mark::Crack => "A crack",
            Mark::DeepCrack => "A deep or bleeding crack",
            Mark::RedWarmSwollen => "Red, warm or swollen",
            Mark::BlisterOrWound => "A blister, cut or sore",
            Mark::ColourChange => "Dark or black skin",
            Mark::NotSure => "Not sure",
        }
    }

    /// Whether the area needs any care at all (for the map colours and the chart).
    pub fn needs_attention(self) -> bool {
        !matches!(self, Mark::Fine | Mark::NotSure)
    }

    /// 0 = fine, 1 = care at home, 2 = see someone soon, 3 = same day.
    pub fn severity(self) -> u8 {
        match self {
            Mark::Fine | Mark::NotSure => 0,
            Mark::DryFlaky | Mark::HardSkin | Mark::Crack => 1,
            Mark::DeepCrack | Mark::BlisterOrWound => 2,
            Mark::RedWarmSwollen | Mark::ColourChange => 3,
        }
    }
}

/// Schema 2 stored the temperature as `true` (one foot warmer) or `false` (the same).
pub fn migrate_v2_to_v3(mut data: serde_json::Value) -> Result<serde_json::Value, String> {
    for check in data.as_array_mut().into_iter().flatten() {
        let Some(temp) = check.get_mut("temp") else {
            continue;
        };
        *temp = match temp.as_bool() {
            Some(true) => serde_json::json!("one_warmer"),
            Some(false) => serde_json::json!("same"),
            None => return Err(format!("temperature {temp} is not true or false")),
        };
    }
    Ok(data)
}

/// Schema 4 adds two optional fields (a colder foot that came suddenly, the touch test).
/// Nothing stored changes shape; the number goes up so that an older version of the app,
/// which would drop them on its next save, refuses the data instead.
pub fn migrate_v3_to_v4(data: serde_json::Value) -> Result<serde_json::Value, String> {
    Ok(data)
}

/// Stored as `["L", "heel", ["dry", "crack"]]` (schema 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "AreaWire", into = "AreaWire")]
pub struct AreaRecord {
    pub foot: Foot,
    pub area: Area,
    pub marks: Vec<Mark>,
}

#[derive(Serialize, Deserialize)]
struct AreaWire(Foot, Area, Vec<Mark>);

impl From<AreaWire> for AreaRecord {
    fn from(AreaWire(foot, area, marks): AreaWire) -> Self {
        AreaRecord { foot, area, marks }
    }
}

impl From<AreaRecord> for AreaWire {
    fn from(record: AreaRecord) -> Self {
        AreaWire(record.foot, record.area, record.marks)
    }
}

/// Schema 1 stored each note as an object `{"f", "a", "m"}`.
pub fn migrate_v1_to_v2(mut data: serde_json::Value) -> Result<serde_json::Value, String> {
    for check in data.as_array_mut().into_iter().flatten() {
        for note in check
            .get_mut("notes")
            .and_then(|n| n.as_array_mut())
            .into_iter()
            .flatten()
        {
            let field = |name: &str| {
                note.get(name)
                    .cloned()
                    .ok_or(format!("note without {name}"))
            };
            *note = serde_json::json!([field("f")?, field("a")?, field("m")?]);
        }
    }
    Ok(data)
}

/// The two feet compared by touch (SPEC: warmer with diabetes may be a Charcot foot;
/// colder or paler points to poor blood flow).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Temperature {
    Same,
    OneWarmer,
    OneColder,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FootCheck {
    /// Milliseconds since the epoch when it was saved; unique on the device.
    pub id: u64,
    /// None: not sure, or not felt.
    #[serde(rename = "temp", default, skip_serializing_if = "Option::is_none")]
    pub temperature: Option<Temperature>,
    /// The colder foot hurts in bed and eases when it hangs down (rest pain).
    #[serde(rename = "hang", default, skip_serializing_if = "std::ops::Not::not")]
    pub cold_foot_eases_hanging: bool,
    /// The colder foot became so suddenly, within hours (SPEC v3: an emergency).
    #[serde(rename = "sudden", default, skip_serializing_if = "std::ops::Not::not")]
    pub colder_came_suddenly: bool,
    /// The touch-the-toes test, when a helper ran it (schema 4).
    #[serde(rename = "touch", default, skip_serializing_if = "Option::is_none")]
    pub touch: Option<super::touch_test::TouchTest>,
    #[serde(rename = "dm", default, skip_serializing_if = "std::ops::Not::not")]
    pub diabetes: bool,
    /// Bit per area looked at (`bit`): areas seen with nothing to note need no record,
    /// which keeps a fine daily check to a few dozen bytes.
    pub seen: u16,
    /// Only the areas with something other than "looks fine".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<AreaRecord>,
}

pub fn bit(foot: Foot, area: Area) -> u16 {
    let foot_index = if foot == Foot::Left { 0 } else { 1 };
    let area_index = Area::ALL.iter().position(|a| *a == area).unwrap_or(0);
    1 << (foot_index * Area::ALL.len() + area_index)
}

/// What was recorded for each area during the routine, before saving.
pub type Draft = std::collections::BTreeMap<(Foot, Area), Vec<Mark>>;

impl FootCheck {
    pub fn from_draft(
        id: u64,
        temperature: Option<Temperature>,
        cold_foot_eases_hanging: bool,
        diabetes: bool,
        draft: &Draft,
    ) -> FootCheck {
        let mut seen = 0;
        let mut notes = Vec::new();
        for ((foot, area), marks) in draft {
            if marks.is_empty() {
                continue;
            }
            seen |= bit(*foot, *area);
            if marks.as_slice() != [Mark::Fine] {
                notes.push(AreaRecord {
                    foot: *foot,
                    area: *area,
                    marks: marks.clone(),
                });
            }
        }
        FootCheck {
            id,
            temperature,
            cold_foot_eases_hanging: cold_foot_eases_hanging
                && temperature == Some(Temperature::OneColder),
            colder_came_suddenly: false,
            touch: None,
            diabetes,
            seen,
            notes,
        }
    }

    /// The colder foot's answers, kept only when a foot is colder.
    pub fn with_colder_foot(mut self, came_suddenly: bool) -> FootCheck {
        self.colder_came_suddenly =
            came_suddenly && self.temperature == Some(Temperature::OneColder);
        self
    }

    pub fn with_touch_test(mut self, touch: Option<super::touch_test::TouchTest>) -> FootCheck {
        self.touch = touch;
        self
    }

    /// Feet that have lost protective feeling on the touch test count as numb feet.
    pub fn numb(&self) -> bool {
        self.touch.is_some_and(|t| t.lost_protective_feeling())
    }

    /// The marks of an area: its note, "looks fine" if it was seen without one, or nothing.
    pub fn marks(&self, foot: Foot, area: Area) -> Vec<Mark> {
        match self.notes.iter().find(|r| r.foot == foot && r.area == area) {
            Some(record) => record.marks.clone(),
            None if self.seen & bit(foot, area) != 0 => vec![Mark::Fine],
            None => Vec::new(),
        }
    }

    /// The most serious mark in an area (for colouring the map).
    pub fn worst(&self, foot: Foot, area: Area) -> Option<Mark> {
        self.marks(foot, area)
            .into_iter()
            .max_by_key(|m| (m.severity(), *m))
    }

    pub fn areas_needing_attention(&self) -> usize {
        self.notes
            .iter()
            .filter(|r| r.marks.iter().any(|m| m.needs_attention()))
            .count()
    }

    /// "All areas fine", "1 area needing attention", "3 areas needing attention".
    pub fn attention_summary(&self) -> String {
        match self.areas_needing_attention() {
            0 => "All areas fine".into(),
            1 => "1 area needing attention".into(),
            count => format!("{count} areas needing attention"),
        }
    }

    /// What the person recorded, a line per area with something seen, then the touch test:
    /// the end of the check reads it back before it is saved.
    pub fn recorded_lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .notes
            .iter()
            .map(|note| {
                let marks: Vec<String> = note
                    .marks
                    .iter()
                    .map(|m| m.label().to_lowercase())
                    .collect();
                format!(
                    "{}, {}: {}",
                    note.foot.name(),
                    note.area.name().to_lowercase(),
                    marks.join(", ")
                )
            })
            .collect();
        if lines.is_empty() {
            lines.push("Every area looked fine.".into());
        }
        lines.extend(self.touch.map(|t| t.summary()));
        lines
    }

    pub fn has(&self, mark: Mark) -> bool {
        self.notes.iter().any(|r| r.marks.contains(&mark))
    }
}

/// The guided routine, step by step: get ready, compare warmth, then each area of the
/// left foot and then of the right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    Prepare,
    Temperature,
    /// The touch-the-toes test: skippable, it needs a second person.
    TouchTest,
    Look(Foot, Area),
    Summary,
}

impl Step {
    pub fn all() -> Vec<Step> {
        let mut steps = vec![Step::Prepare, Step::Temperature, Step::TouchTest];
        for foot in Foot::BOTH {
            steps.extend(Area::ALL.iter().map(|area| Step::Look(foot, *area)));
        }
        steps.push(Step::Summary);
        steps
    }
}

impl Step {
    /// Where "Everything on this foot looks fine" goes: the step after `foot`'s last area
    /// (the other foot's first area, or the summary).
    pub fn after_foot(foot: Foot) -> usize {
        let steps = Step::all();
        steps
            .iter()
            .rposition(|step| matches!(step, Step::Look(f, _) if *f == foot))
            .map_or(steps.len() - 1, |last| last + 1)
    }
}

/// "Everything on this foot looks fine": each area of `foot` with nothing recorded yet is
/// marked fine; an area already recorded keeps what was seen there.
pub fn rest_of_foot_fine(draft: &mut Draft, foot: Foot) {
    for area in Area::ALL {
        let marks = draft.entry((foot, area)).or_default();
        if marks.is_empty() {
            marks.push(Mark::Fine);
        }
    }
}

/// Records a mark choice for an area: "Looks fine" and "Not sure" stand alone; any other
/// mark replaces them. Choosing a mark again removes it.
pub fn toggle_mark(marks: &mut Vec<Mark>, mark: Mark) {
    if let Some(index) = marks.iter().position(|m| *m == mark) {
        marks.remove(index);
        return;
    }
    if matches!(mark, Mark::Fine | Mark::NotSure) {
        marks.clear();
    } else {
        marks.retain(|m| !matches!(m, Mark::Fine | Mark::NotSure));
    }
    marks.push(mark);
    marks.sort();
}

/// 2: notes as arrays instead of objects. 3: the temperature as same, one warmer or
/// one colder (was true or false), and whether a colder foot eases hanging down.
/// 4: whether a colder foot came suddenly, and the touch-the-toes test.
pub const KEY: Key = Key {
    name: "lan.footchecks",
    schema: 4,
    migrations: &[migrate_v1_to_v2, migrate_v2_to_v3, migrate_v3_to_v4],
    label: "Your saved foot checks",
    words: "the foot checks",
    backup_part: Some("foot_checks"),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_routine_walks_both_feet_left_then_right_after_the_touch_test() {
        let steps = Step::all();
        assert_eq!(steps.len(), 3 + 12 + 1);
        assert_eq!(steps[2], Step::TouchTest);
        assert_eq!(steps[3], Step::Look(Foot::Left, Area::Heel));
        assert_eq!(steps[9], Step::Look(Foot::Right, Area::Heel));
        assert_eq!(steps.last(), Some(&Step::Summary));
    }

    #[test]
    fn fine_and_unsure_stand_alone() {
        let mut marks = vec![];
        toggle_mark(&mut marks, Mark::Crack);
        toggle_mark(&mut marks, Mark::DryFlaky);
        assert_eq!(marks, [Mark::DryFlaky, Mark::Crack]);
        toggle_mark(&mut marks, Mark::Fine);
        assert_eq!(marks, [Mark::Fine]);
        toggle_mark(&mut marks, Mark::HardSkin);
        assert_eq!(marks, [Mark::HardSkin]);
        toggle_mark(&mut marks, Mark::HardSkin);
        assert!(marks.is_empty());
    }

    fn draft(entries: &[(Foot, Area, &[Mark])]) -> Draft {
        entries
            .iter()
            .map(|(f, a, m)| ((*f, *a), m.to_vec()))
            .collect()
    }

    /// A dry, deeply cracked left heel and a right heel that looks fine.
    fn deep_crack_on_the_left_heel() -> FootCheck {
        FootCheck::from_draft(
            1,
            None,
            false,
            false,
            &draft(&[
                (Foot::Left, Area::Heel, &[Mark::DryFlaky, Mark::DeepCrack]),
                (Foot::Right, Area::Heel, &[Mark::Fine]),
            ]),
        )
    }

    #[test]
    fn the_summary_reads_back_each_area_seen_then_the_touch_test() {
        let check = deep_crack_on_the_left_heel();
        let mut touch = super::super::touch_test::TouchTest::default();
        touch.set(0, false);
        let lines = check.with_touch_test(Some(touch)).recorded_lines();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines[0].contains("heel: dry or flaky, a deep or bleeding crack"),
            "{lines:?}"
        );
        assert!(lines[1].starts_with("Touch test: 1 of 6"), "{lines:?}");
        let fine = FootCheck::from_draft(2, None, false, false, &draft(&[]));
        assert_eq!(fine.recorded_lines(), ["Every area looked fine."]);
    }

    #[test]
    fn worst_mark_and_attention_count() {
        let check = deep_crack_on_the_left_heel();
        assert_eq!(check.worst(Foot::Left, Area::Heel), Some(Mark::DeepCrack));
        assert_eq!(check.worst(Foot::Right, Area::Heel), Some(Mark::Fine));
        assert_eq!(check.worst(Foot::Right, Area::Toes), None);
        assert_eq!(check.areas_needing_attention(), 1);
        assert_eq!(check.attention_summary(), "1 area needing attention");
        let fine = FootCheck::from_draft(
            2,
            None,
            false,
            false,
            &draft(&[(Foot::Right, Area::Heel, &[Mark::Fine])]),
        );
        assert_eq!(fine.attention_summary(), "All areas fine");
        assert_eq!(check.notes.len(), 1, "fine areas need no record");
    }

    #[test]
    fn the_rest_of_a_foot_is_fine_without_touching_what_was_recorded() {
        let mut draft = draft(&[(Foot::Left, Area::Heel, &[Mark::Crack])]);
        rest_of_foot_fine(&mut draft, Foot::Left);
        assert_eq!(draft[&(Foot::Left, Area::Heel)], [Mark::Crack]);
        for area in Area::ALL.into_iter().filter(|a| *a != Area::Heel) {
            assert_eq!(draft[&(Foot::Left, area)], [Mark::Fine], "{area:?}");
        }
        assert!(!draft.keys().any(|(foot, _)| *foot == Foot::Right));
        // Then on to the right foot's first area, and from the right foot to the summary.
        let steps = Step::all();
        assert_eq!(
            steps[Step::after_foot(Foot::Left)],
            Step::Look(Foot::Right, Area::ALL[0])
        );
        assert_eq!(steps[Step::after_foot(Foot::Right)], Step::Summary);
    }

    #[test]
    fn records_are_compact_and_round_trip() {
        let all_fine: Draft = Foot::BOTH
            .iter()
            .flat_map(|foot| {
                Area::ALL
                    .iter()
                    .map(move |area| ((*foot, *area), vec![Mark::Fine]))
            })
            .collect();
        let fine = FootCheck::from_draft(
            1_795_995_000_000,
            Some(Temperature::Same),
            false,
            true,
            &all_fine,
        );
        let json = serde_json::to_string(&fine).unwrap();
        assert!(json.len() <= 60, "{} bytes: {json}", json.len());
        let v1 = serde_json::json!([{ "id": 1, "seen": 1, "notes": [{ "f": "R", "a": "toes", "m": ["dark"] }] }]);
        let migrated: Vec<FootCheck> =
            serde_json::from_value(migrate_v1_to_v2(v1).unwrap()).unwrap();
        assert_eq!(
            migrated[0].notes[0],
            AreaRecord {
                foot: Foot::Right,
                area: Area::Toes,
                marks: vec![Mark::ColourChange]
            }
        );
        assert_eq!(fine.seen, 0b1111_1111_1111);
        assert_eq!(serde_json::from_str::<FootCheck>(&json).unwrap(), fine);

        let mut some = all_fine.clone();
        some.insert((Foot::Left, Area::Heel), vec![Mark::DryFlaky, Mark::Crack]);
        some.insert((Foot::Right, Area::Heel), vec![Mark::DryFlaky]);
        let check = FootCheck::from_draft(1_795_995_000_000, None, false, false, &some);
        let json = serde_json::to_string(&check).unwrap();
        assert!(json.len() <= 100, "{} bytes: {json}", json.len());
        assert!(json.contains(r#"["L","heel",["dry","crack"]]"#), "{json}");
        assert_eq!(serde_json::from_str::<FootCheck>(&json).unwrap(), check);
    }
}
