//! The questions, in the order they are asked: red flags first (SPEC), then where, which
//! side, what, when, what the feet look like, and the background facts last.

use crate::clinical::warning_signs::{self, WarningSign};
use crate::clinical::Finding::{self, *};
use crate::clinical::Urgency;

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
    /// On a "needs help now" screen: the urgency its hint promises, which every choice on
    /// it must reach alone (SPEC). These screens come first.
    pub promises: Option<Urgency>,
    /// Asked only when these findings are among the answers so far (any of them): a
    /// question that cannot change the result is not asked.
    pub only_if_any: &'static [Finding],
    /// Not asked when any of these is among the answers so far.
    pub unless_any: &'static [Finding],
}

const fn choice(id: &'static str, label: &'static str, findings: &'static [Finding]) -> Choice {
    Choice {
        id,
        label,
        findings,
        exclusive: false,
    }
}

/// A warning sign asked as it stands in the one list of warning signs.
const fn sign(sign: &'static WarningSign) -> Choice {
    choice(sign.id, sign.ask, sign.findings)
}

const fn none_of_these(id: &'static str, label: &'static str) -> Choice {
    Choice {
        id,
        label,
        findings: &[],
        exclusive: true,
    }
}

const fn multi(
    id: &'static str,
    title: &'static str,
    hint: &'static str,
    choices: &'static [Choice],
) -> Question {
    Question {
        id,
        title,
        hint,
        kind: Kind::Multi,
        choices,
        promises: None,
        only_if_any: &[],
        unless_any: &[],
    }
}

const fn single(
    id: &'static str,
    title: &'static str,
    hint: &'static str,
    choices: &'static [Choice],
) -> Question {
    Question {
        kind: Kind::Single,
        ..multi(id, title, hint, choices)
    }
}

/// A yes/no follow-up where "Yes" gives these findings.
const fn yes_means(findings: &'static [Finding]) -> [Choice; 3] {
    [
        choice("yes", "Yes", findings),
        choice("no", "No", &[]),
        none_of_these("not_sure", "Not sure"),
    ]
}

const BOTH_LEGS_CHOICES: [Choice; 3] = yes_means(&[PainDownBothLegs]);
const HANDS_CHOICES: [Choice; 3] = yes_means(&[SymptomsInHands]);
const DEEP_CRACKS_CHOICES: [Choice; 3] = yes_means(&[CracksBleedingOrDeep]);

pub const QUESTIONS: &[Question] = &[
    Question {
        promises: Some(Urgency::Emergency),
        ..multi(
            "emergency_signs",
            "First: since this pain started, have you had any of these?",
            "Each of these needs emergency help. Pick all that apply.",
            &[
                sign(&warning_signs::SADDLE),
                sign(&warning_signs::BLADDER),
                sign(&warning_signs::SEXUAL),
                sign(&warning_signs::BOTH_LEGS_WORSENING),
                sign(&warning_signs::SUDDEN_COLD_LEG),
                sign(&warning_signs::CHEST),
                none_of_these("none", "None of these"),
            ],
        )
    },
    Question {
        promises: Some(Urgency::Urgent),
        ..multi(
            "same_day_signs",
            "Do any of these apply to you now?",
            "Each of these needs a doctor now, not tomorrow. Pick all that apply.",
            &[
                sign(&warning_signs::ONE_LEG),
                sign(&warning_signs::SPREADING_INFECTION),
                sign(&warning_signs::FEVER),
                sign(&warning_signs::VERY_UNWELL),
                sign(&warning_signs::NEW_WEAKNESS),
                sign(&warning_signs::WOUND),
                sign(&warning_signs::BLACK_TOE),
                none_of_these("none", "None of these"),
            ],
        )
    },
    multi(
        "where",
        "Where do you feel it?",
        "Pick all that apply.",
        &[
            choice(
                "buttock_leg",
                "From the buttock or lower back down the back of the leg",
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
    ),
    single(
        "side",
        "Is it in one leg or both?",
        "Pick one.",
        &[
            choice("one", "One leg only", &[OneLegOnly]),
            choice("both", "Both legs", &[]),
            choice("changes", "It changes from one side to the other", &[]),
            none_of_these("not_sure", "Not sure"),
        ],
    ),
    Question {
        only_if_any: &[PainButtockDownLeg],
        unless_any: &[OneLegOnly],
        ..single(
            "both_legs_down",
            "Does the pain run down from your back into both legs?",
            "At the same time, or taking turns from one leg to the other.",
            &BOTH_LEGS_CHOICES,
        )
    },
    multi(
        "feel",
        "What does it feel like?",
        "Pick all that apply.",
        &[
            choice("ache", "A dull ache", &[DullAche]),
            choice("burning", "Burning", &[Burning]),
            choice(
                "numb",
                "Numbness, tingling or pins and needles in the feet",
                &[NumbOrTinglingFeet],
            ),
            choice("heavy", "Heavy, tired legs", &[Heaviness]),
            choice(
                "severe",
                "Severe: the pain stops me lying still",
                &[SeverePain],
            ),
            none_of_these("not_sure", "Not sure"),
        ],
    ),
    Question {
        only_if_any: &[Burning, NumbOrTinglingFeet],
        ..single(
            "hands",
            "Do you feel the same in your hands?",
            "Burning or numbness in the hands as well points to the nerves themselves.",
            &HANDS_CHOICES,
        )
    },
    multi(
        "worse",
        "When is it worse?",
        "Pick all that apply.",
        &[
            choice("back", "Lying on my back", &[WorseLyingOnBack]),
            choice("side", "Lying on my side", &[WorseLyingOnSide]),
            choice(
                "any_position",
                "In any position: I cannot get comfortable",
                &[NoComfortablePosition],
            ),
            choice("night", "At night in general", &[WorseAtNight]),
            choice("standing", "Standing or walking", &[WorseStandingOrWalking]),
            none_of_these("not_sure", "Not sure"),
        ],
    ),
    single(
        "legs_up",
        "What happens when your legs are up in bed?",
        "Level on the mattress, or raised on a pillow. Pick the one that fits best.",
        &[
            choice(
                "arteries",
                "It hurts more the longer they are up, and gets better when I hang them over the edge of the bed",
                &[WorseLegsRaised, EasedLegsHangingDown],
            ),
            choice(
                "veins",
                "They feel heavy or uncomfortable for the first minutes, then it settles",
                &[Heaviness, EasesAfterLyingAWhile],
            ),
            choice("neither", "Neither of these", &[]),
            none_of_these("not_sure", "Not sure"),
        ],
    ),
    multi(
        "eases",
        "What makes it better?",
        "Pick all that apply.",
        &[
            choice(
                "hanging",
                "Hanging my legs over the side of the bed",
                &[EasedLegsHangingDown],
            ),
            choice(
                "sitting",
                "Sitting down or leaning forward",
                &[EasedSittingOrLeaningForward],
            ),
            none_of_these("nothing", "Nothing helps, or not sure"),
        ],
    ),
    multi(
        "day",
        "How are your legs during the day?",
        "Pick all that apply.",
        &[
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
    ),
    multi(
        "look",
        "What do you see on your feet and ankles?",
        "Socks off. For the soles, use a mirror on the floor or ask someone. Pick all that apply.",
        &[
            choice("dry", "Dry skin on the soles or heels", &[DrySkinSoles]),
            choice(
                "cracked",
                "Cracks in the skin of the heels or soles",
                &[CrackedHeels],
            ),
            choice(
                "veins",
                "Varicose veins: bulging, twisted veins on the legs",
                &[VaricoseVeins],
            ),
            choice(
                "ankles",
                "Ankles that swell by the evening",
                &[AnkleSwellingEvening],
            ),
            choice("cold_pale", "Feet that are cold or pale", &[ColdPaleFeet]),
            none_of_these("none", "None of these"),
            none_of_these("not_checked", "I couldn't check"),
        ],
    ),
    Question {
        only_if_any: &[CrackedHeels, PainSoleSkin, RedHotSwollenSkin],
        ..single(
            "deep_cracks",
            "Are any of the cracks deep or bleeding?",
            "Deep enough to see into, or leaving spots of blood on light-coloured socks or sheets.",
            &DEEP_CRACKS_CHOICES,
        )
    },
    Question {
        only_if_any: &[
            PainOuterHip,
            PainLowerBack,
            PainButtockDownLeg,
            WorseLyingOnBack,
            WorseLyingOnSide,
        ],
        ..multi(
            "back_and_hips",
            "What about your back and hips?",
            "Pick all that apply.",
            &[
                choice(
                    "tight",
                    "The muscles of my lower back or hips feel tight",
                    &[TightMuscles],
                ),
                choice(
                    "tender_hip",
                    "The outside of my hip is tender to press",
                    &[TenderOuterHip],
                ),
                none_of_these("none", "None of these"),
            ],
        )
    },
    multi(
        "background",
        "Last: do any of these apply to you?",
        "They change how likely some causes are. Pick all that apply.",
        &[
            choice("diabetes", "Diabetes", &[Diabetes]),
            choice("smoker", "I smoke", &[Smoker]),
            choice(
                "arteries",
                "Narrowed leg arteries (peripheral artery disease)",
                &[KnownArteryDisease],
            ),
            choice("arthritis", "Arthritis", &[Arthritis]),
            choice("cancer", "I have had cancer", &[HistoryOfCancer]),
            choice(
                "weight",
                "I have lost weight without trying: about 3 kg (half a stone) or more in three months",
                &[UnexplainedWeightLoss],
            ),
            choice(
                "clot",
                "A blood clot in a leg or lung in the past",
                &[PastClotOrRecentSurgery],
            ),
            choice(
                "recent_stay",
                "An operation, a long journey or days in bed in the last few weeks",
                &[PastClotOrRecentSurgery],
            ),
            choice(
                "hormones",
                "Pregnant or recently had a baby, or taking the pill or hormone treatment",
                &[PastClotOrRecentSurgery],
            ),
            none_of_these("none", "None of these"),
        ],
    ),
];

pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::{assess, Finding};

    #[test]
    fn the_needs_help_now_screens_come_first() {
        let first_ordinary = QUESTIONS.iter().position(|q| q.promises.is_none()).unwrap();
        assert!(QUESTIONS[..first_ordinary]
            .iter()
            .all(|q| q.promises.is_some()));
        assert!(QUESTIONS[first_ordinary..]
            .iter()
            .all(|q| q.promises.is_none()));
        assert!(first_ordinary >= 1);
    }

    #[test]
    fn every_answer_on_a_needs_help_now_screen_keeps_its_promise() {
        for q in QUESTIONS {
            let Some(promised) = q.promises else { continue };
            for c in q.choices.iter().filter(|c| !c.exclusive) {
                let urgency = assess(c.findings).urgency;
                assert!(urgency >= promised, "{}/{}: {urgency:?}", q.id, c.id);
            }
        }
    }

    #[test]
    fn every_red_flag_that_is_urgent_alone_is_on_a_needs_help_now_screen() {
        for finding in Finding::RED_FLAGS {
            if assess(&[finding]).urgency < Urgency::Urgent {
                continue;
            }
            let on_screen = QUESTIONS
                .iter()
                .filter(|q| q.promises.is_some())
                .flat_map(|q| q.choices)
                .any(|c| c.findings.contains(&finding));
            assert!(on_screen, "{finding:?}");
        }
    }

    #[test]
    fn the_screens_ask_exactly_the_warning_signs_the_list_asks() {
        let mut on_screens: Vec<&str> = QUESTIONS
            .iter()
            .filter(|q| q.promises.is_some())
            .flat_map(|q| q.choices)
            .filter(|c| !c.exclusive)
            .map(|c| c.label)
            .collect();
        let mut in_list: Vec<&str> = warning_signs::ALL
            .iter()
            .filter(|s| !s.ask.is_empty())
            .map(|s| s.ask)
            .collect();
        on_screens.sort();
        in_list.sort();
        assert_eq!(on_screens, in_list);
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
    fn ids_are_unique_and_every_question_has_a_way_out() {
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
    fn the_two_legs_up_patterns_are_told_apart_and_nothing_says_flat_in_bed_is_raised() {
        let legs_up = question("legs_up").unwrap();
        let arteries = legs_up.choices.iter().find(|c| c.id == "arteries").unwrap();
        let veins = legs_up.choices.iter().find(|c| c.id == "veins").unwrap();
        assert!(arteries.findings.contains(&WorseLegsRaised));
        assert!(!veins.findings.contains(&WorseLegsRaised));
        assert!(veins.findings.contains(&EasesAfterLyingAWhile));
        let labels = QUESTIONS.iter().flat_map(|q| q.choices).map(|c| c.label);
        assert!(labels.clone().all(|l| !l.contains("flat in bed")));
    }

    #[test]
    fn hip_and_muscle_items_are_not_asked_with_what_the_feet_look_like() {
        let look = question("look").unwrap();
        for c in look.choices {
            assert!(
                !c.findings
                    .iter()
                    .any(|f| matches!(f, TightMuscles | TenderOuterHip)),
                "{}",
                c.id
            );
        }
    }
}
