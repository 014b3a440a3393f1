//! The questions, in the order they are asked: red flags first (SPEC), then where, what,
//! when, what the skin and legs look like, and the background facts last.

use crate::clinical::Finding::{self, *};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Pick exactly one.
    Single,
    /// Pick any; an exclusive choice ("None of these", "Not sure") clears the others.
    Multi,
}

#[derive(Debug)]
pub struct Choice {
    pub id: &'static str,
    pub label: &'static str,
    pub findings: &'static [Finding],
    pub exclusive: bool,
}

pub struct Question {
    pub id: &'static str,
    pub title: &'static str,
    pub hint: &'static str,
    pub kind: Kind,
    pub choices: &'static [Choice],
    pub red_flag: bool,
    /// Asked only when these findings are among the answers so far (any of them): a
    /// question that cannot change the result is not asked.
    pub only_if_any: &'static [Finding],
}

const fn choice(id: &'static str, label: &'static str, findings: &'static [Finding]) -> Choice {
    Choice {
        id,
        label,
        findings,
        exclusive: false,
    }
}

const fn none_of_these(id: &'static str, label: &'static str) -> Choice {
    Choice {
        id,
        label,
        findings: &[],
        exclusive: true,
    }
}

pub const QUESTIONS: &[Question] = &[
    Question {
        id: "emergency_signs",
        title: "First, do you have any of these right now?",
        hint: "These need help straight away. Pick all that apply.",
        kind: Kind::Multi,
        red_flag: true,
        only_if_any: &[],
        choices: &[
            choice(
                "saddle",
                "Numbness around your genitals or bottom (where you sit on a saddle)",
                &[SaddleNumbness],
            ),
            choice(
                "bladder",
                "New trouble passing urine, or controlling your bladder or bowels",
                &[BladderOrBowelChange],
            ),
            choice(
                "both_legs",
                "Weakness or numbness in both legs that is getting worse",
                &[BothLegsWeakOrNumbWorsening],
            ),
            choice(
                "cold_leg",
                "A leg that suddenly went cold, pale, numb and painful",
                &[SuddenColdPaleNumbLeg],
            ),
            choice(
                "chest",
                "Chest pain, or you are short of breath",
                &[ChestPainOrBreathless],
            ),
            none_of_these("none", "None of these"),
        ],
    },
    Question {
        id: "same_day_signs",
        title: "Do any of these apply to you?",
        hint: "These need a doctor today. Pick all that apply.",
        kind: Kind::Multi,
        red_flag: true,
        only_if_any: &[],
        choices: &[
            choice(
                "one_leg",
                "One leg is swollen, warm, and red or darker (often a painful calf)",
                &[OneLegSwollenWarmRed],
            ),
            choice(
                "infection",
                "Skin around a crack or wound is red, hot, swollen or has pus",
                &[RedHotSwollenSkin],
            ),
            choice(
                "fever",
                "You have a fever or feel hot and shivery",
                &[Fever],
            ),
            choice(
                "wound",
                "A wound on your foot that is not healing",
                &[FootWoundNotHealing],
            ),
            choice(
                "black_toe",
                "A toe turning black or dark",
                &[BlackOrDarkToes],
            ),
            choice(
                "weight",
                "You have lost weight without trying",
                &[UnexplainedWeightLoss],
            ),
            none_of_these("none", "None of these"),
        ],
    },
    Question {
        id: "where",
        title: "Where do you feel it?",
        hint: "Pick all that apply.",
        kind: Kind::Multi,
        red_flag: false,
        only_if_any: &[],
        choices: &[
            choice(
                "buttock_leg",
                "From the buttock down the back of the leg",
                &[PainButtockDownLeg],
            ),
            choice("lower_back", "Lower back", &[PainLowerBack]),
            choice("outer_hip", "Outside of the hip or thigh", &[PainOuterHip]),
            choice("calf", "Calf", &[PainCalf]),
            choice("feet", "Feet or toes", &[PainFeet]),
            choice(
                "sole_skin",
                "A sharp, stinging spot on the skin of the sole or heel",
                &[PainSoleSkin],
            ),
            none_of_these("not_sure", "Not sure"),
        ],
    },
    Question {
        id: "feel",
        title: "What does it feel like?",
        hint: "Pick all that apply.",
        kind: Kind::Multi,
        red_flag: false,
        only_if_any: &[],
        choices: &[
            choice("ache", "A dull ache", &[DullAche]),
            choice("burning", "Burning", &[Burning]),
            choice(
                "numb",
                "Numbness, tingling or pins and needles in the feet",
                &[NumbOrTinglingFeet],
            ),
            choice("heavy", "Heavy, tired legs", &[Heaviness]),
            choice("severe", "Severe pain", &[SeverePain]),
            none_of_these("not_sure", "Not sure"),
        ],
    },
    Question {
        id: "hands",
        title: "Do you feel the same in your hands?",
        hint: "Burning or numbness in the hands as well points to the nerves themselves.",
        kind: Kind::Single,
        red_flag: false,
        only_if_any: &[Burning, NumbOrTinglingFeet],
        choices: &[
            choice("yes", "Yes", &[SymptomsInHands]),
            choice("no", "No", &[]),
            none_of_these("not_sure", "Not sure"),
        ],
    },
    Question {
        id: "worse",
        title: "When is it worse?",
        hint: "Pick all that apply.",
        kind: Kind::Multi,
        red_flag: false,
        only_if_any: &[],
        choices: &[
            choice("back", "Lying on my back", &[WorseLyingOnBack]),
            choice("side", "Lying on my side", &[WorseLyingOnSide]),
            choice(
                "any_position",
                "In any position: I cannot get comfortable",
                &[NoComfortablePosition],
            ),
            choice(
                "raised",
                "With my legs raised (on a pillow, or flat in bed)",
                &[WorseLegsRaised],
            ),
            choice("night", "At night in general", &[WorseAtNight]),
            choice("standing", "Standing or walking", &[WorseStandingOrWalking]),
            none_of_these("not_sure", "Not sure"),
        ],
    },
    Question {
        id: "eases",
        title: "What makes it better?",
        hint: "Pick all that apply.",
        kind: Kind::Multi,
        red_flag: false,
        only_if_any: &[],
        choices: &[
            choice(
                "hanging",
                "Hanging my legs over the side of the bed",
                &[EasedLegsHangingDown],
            ),
            choice(
                "after_a_while",
                "It settles after lying down for a while",
                &[EasesAfterLyingAWhile],
            ),
            choice(
                "sitting",
                "Sitting down or leaning forward",
                &[EasedSittingOrLeaningForward],
            ),
            none_of_these("nothing", "Nothing helps, or not sure"),
        ],
    },
    Question {
        id: "day",
        title: "How are your legs during the day?",
        hint: "Pick all that apply.",
        kind: Kind::Multi,
        red_flag: false,
        only_if_any: &[],
        choices: &[
            choice(
                "heavier",
                "They get heavier as the day goes on",
                &[HeavinessBuildsDuringDay],
            ),
            choice(
                "calf_walking",
                "My calf hurts when I walk and eases when I stop",
                &[CalfPainWalkingEasedByRest],
            ),
            choice(
                "fine_standing",
                "My feet do not hurt when I stand on them",
                &[NoPainWhenStandingOnFeet],
            ),
            none_of_these("none", "None of these"),
        ],
    },
    Question {
        id: "look",
        title: "What do you see or feel on your legs and feet?",
        hint: "Look at your soles with a mirror, or ask someone. Pick all that apply.",
        kind: Kind::Multi,
        red_flag: false,
        only_if_any: &[],
        choices: &[
            choice("dry", "Dry skin on the soles", &[DrySkinSoles]),
            choice("cracked", "Cracked heels", &[CrackedHeels]),
            choice("veins", "Varicose veins", &[VaricoseVeins]),
            choice(
                "ankles",
                "Ankles that swell by the evening",
                &[AnkleSwellingEvening],
            ),
            choice("cold_pale", "Cold or pale feet", &[ColdPaleFeet]),
            choice(
                "tight",
                "Tight muscles in the lower back or hips",
                &[TightMuscles],
            ),
            choice(
                "tender_hip",
                "The outside of the hip is tender to press",
                &[TenderOuterHip],
            ),
            none_of_these("none", "None of these"),
        ],
    },
    Question {
        id: "deep_cracks",
        title: "Are any of the cracks deep or bleeding?",
        hint: "Light-coloured socks show spots of blood.",
        kind: Kind::Single,
        red_flag: false,
        only_if_any: &[CrackedHeels],
        choices: &[
            choice("yes", "Yes", &[CracksBleedingOrDeep]),
            choice("no", "No", &[]),
            none_of_these("not_sure", "Not sure"),
        ],
    },
    Question {
        id: "background",
        title: "Last: do any of these apply to you?",
        hint: "They change how likely some causes are. Pick all that apply.",
        kind: Kind::Multi,
        red_flag: false,
        only_if_any: &[],
        choices: &[
            choice("diabetes", "Diabetes", &[Diabetes]),
            choice("smoker", "I smoke", &[Smoker]),
            choice(
                "arteries",
                "Narrowed leg arteries (peripheral artery disease)",
                &[KnownArteryDisease],
            ),
            choice("arthritis", "Arthritis", &[Arthritis]),
            choice("cancer", "I have had cancer", &[HistoryOfCancer]),
            none_of_these("none", "None of these"),
        ],
    },
];

pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::Finding;

    #[test]
    fn red_flag_questions_come_first() {
        let first_ordinary = QUESTIONS.iter().position(|q| !q.red_flag).unwrap();
        assert!(QUESTIONS[..first_ordinary].iter().all(|q| q.red_flag));
        assert!(QUESTIONS[first_ordinary..].iter().all(|q| !q.red_flag));
        assert!(first_ordinary >= 1);
    }

    #[test]
    fn every_spec_finding_can_be_answered() {
        for finding in Finding::ALL {
            let askable = QUESTIONS
                .iter()
                .flat_map(|q| q.choices)
                .any(|c| c.findings.contains(&finding));
            assert!(askable, "no question yields {finding:?}");
        }
    }

    #[test]
    fn ids_are_unique_and_every_multi_question_has_a_way_out() {
        let mut ids = std::collections::HashSet::new();
        for q in QUESTIONS {
            assert!(ids.insert(q.id), "{}", q.id);
            let mut choice_ids = std::collections::HashSet::new();
            assert!(
                q.choices.iter().all(|c| choice_ids.insert(c.id)),
                "{}",
                q.id
            );
            assert!(
                q.choices.iter().any(|c| c.exclusive),
                "{} lacks none/not sure",
                q.id
            );
        }
    }

    #[test]
    fn every_red_flag_finding_is_asked_in_the_red_flag_questions() {
        for finding in Finding::RED_FLAGS {
            let in_red_flags = QUESTIONS
                .iter()
                .filter(|q| q.red_flag)
                .flat_map(|q| q.choices)
                .any(|c| c.findings.contains(&finding));
            assert!(in_red_flags, "{finding:?}");
        }
    }
}
