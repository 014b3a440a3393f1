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
const HANGING_CHOICES: [Choice; 3] = yes_means(&[EasedLegsHangingDown]);

/// The adults-only question's answer that ends the check with the page for a child.
pub const CHILD: (&str, &str) = ("age", "child");
const HANDS_CHOICES: [Choice; 3] = yes_means(&[SymptomsInHands]);
const DEEP_CRACKS_CHOICES: [Choice; 3] = yes_means(&[CracksBleedingOrDeep]);

pub const QUESTIONS: &[Question] = &[
    single(
        "age",
        "Are you 16 or over?",
        "Or, if you are answering for someone else: are they 16 or over? This check is for adults.",
        &[
            choice("adult", "Yes, 16 or over", &[]),
            none_of_these("child", "No, under 16"),
        ],
    ),
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
                sign(&warning_signs::BLACK_TOE),
                sign(&warning_signs::DARK_URINE),
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
    // SPEC: reachable whenever the pain is in the lower back, buttock or down a leg,
    // whichever side was answered, except one leg only.
    Question {
        only_if_any: &[PainButtockDownLeg, PainLowerBack],
        unless_any: &[OneLegOnly],
        ..single(
            "both_legs_down",
            "Does the pain run down from your back into both legs?",
            "At the same time, or taking turns from one leg to the other.",
            &BOTH_LEGS_CHOICES,
        )
    },
    multi(
        "kind",
        "Which of these is it most like?",
        "Pick all that apply. The next questions depend on it.",
        &[
            choice(
                "cramp",
                "A cramp: a muscle suddenly tightens into a hard, painful knot",
                &[SuddenMuscleTightening],
            ),
            choice(
                "urge",
                "An urge to move my legs that is hard to resist, often with a creeping or crawling feeling",
                &[UrgeToMoveLegs],
            ),
            choice(
                "pain",
                "Pain, burning, numbness or heaviness that does not come as a knot or an urge",
                &[],
            ),
            none_of_these("not_sure", "Not sure"),
        ],
    ),
    Question {
        only_if_any: &[SuddenMuscleTightening],
        ..multi(
            "cramp_details",
            "About the cramps",
            "Pick all that apply.",
            &[
                choice(
                    "stretch",
                    "Stretching the muscle, standing on the foot or walking makes it let go",
                    &[EasedByStretching],
                ),
                choice(
                    "often",
                    "They come most nights, or one lasts longer than 10 minutes",
                    &[FrequentOrLongCramps],
                ),
                choice(
                    "thinner",
                    "Over weeks or months, a leg muscle has become thinner or weaker",
                    &[MuscleThinnerOrWeaker],
                ),
                choice(
                    "medicine",
                    "They began after I started a new medicine",
                    &[StartedNewMedicine],
                ),
                none_of_these("none", "None of these"),
            ],
        )
    },
    Question {
        only_if_any: &[UrgeToMoveLegs],
        ..multi(
            "urge_details",
            "About the urge to move",
            "Pick all that apply.",
            &[
                choice(
                    "moving",
                    "Moving or walking eases it for as long as I keep moving",
                    &[EasedByMoving],
                ),
                choice(
                    "still",
                    "It starts when I sit or lie still",
                    &[ComesOnWhenStill],
                ),
                choice(
                    "jerk",
                    "Someone has told me my legs jerk or kick in my sleep",
                    &[LegsJerkInSleep],
                ),
                none_of_these("none", "None of these"),
            ],
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
        "What happens the longer your legs are up in bed?",
        "Level on the mattress, or raised on a pillow. Pick the one that fits best.",
        &[
            choice(
                "worse",
                "It hurts more, the longer they are up",
                &[WorseLegsRaised],
            ),
            choice(
                "heavy_first",
                "They feel heavy for the first minutes, then it settles",
                &[Heaviness, EasesAfterLyingAWhile],
            ),
            choice("neither", "Neither of these", &[]),
            none_of_these("not_sure", "Not sure"),
        ],
    ),
    single(
        "hanging",
        "Does letting your legs hang down ease it?",
        "For example over the edge of the bed, or sleeping in a chair because lying flat hurts your feet.",
        &HANGING_CHOICES,
    ),
    multi(
        "eases",
        "Does sitting down or leaning forward ease it?",
        "Pick all that apply.",
        &[
            choice(
                "sitting",
                "Yes, sitting down or leaning forward eases it",
                &[EasedSittingOrLeaningForward],
            ),
            none_of_these("nothing", "No, or not sure"),
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
            choice(
                "wound",
                "A wound or sore on a foot that is not healing",
                &[FootWoundNotHealing],
            ),
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
    single(
        "how_long",
        "How long has it been like this?",
        "Pick one.",
        &[
            choice(
                "months",
                "For months or years, and it has not changed",
                &[HadItForMonths],
            ),
            choice(
                "recent",
                "It is new, or it has changed in the last few weeks",
                &[],
            ),
            none_of_these("not_sure", "Not sure"),
        ],
    ),
    multi(
        "background",
        "Last: do any of these apply to you?",
        "They change how likely some causes are. Pick all that apply.",
        &[
            choice("diabetes", "Diabetes", &[Diabetes]),
            choice("smoker", "I smoke, or smoked for years", &[Smoker]),
            choice(
                "arteries",
                "Narrowed leg arteries (peripheral artery disease)",
                &[KnownArteryDisease],
            ),
            choice(
                "heart",
                "Angina, a heart attack, a stroke or a mini-stroke",
                &[HeartOrStrokeHistory],
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
    fn the_adults_only_question_then_the_needs_help_now_screens_come_first() {
        assert_eq!(QUESTIONS[0].id, CHILD.0);
        assert!(QUESTIONS[0].choices.iter().any(|c| c.id == CHILD.1));
        let after_age = &QUESTIONS[1..];
        let first_ordinary = after_age.iter().position(|q| q.promises.is_none()).unwrap();
        assert!(after_age[..first_ordinary]
            .iter()
            .all(|q| q.promises.is_some()));
        assert!(after_age[first_ordinary..]
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
        for &finding in Finding::ALL {
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
    fn legs_raised_and_hanging_down_are_two_questions_and_the_vein_minutes_are_not_rest_pain() {
        let legs_up = question("legs_up").unwrap();
        let hanging = question("hanging").unwrap();
        for q in [legs_up, hanging] {
            for c in q.choices {
                assert!(
                    !(c.findings.contains(&WorseLegsRaised)
                        && c.findings.contains(&EasedLegsHangingDown)),
                    "{}/{} asks both at once",
                    q.id,
                    c.id
                );
            }
        }
        let heavy = legs_up
            .choices
            .iter()
            .find(|c| c.id == "heavy_first")
            .unwrap();
        assert_eq!(heavy.findings, [Heaviness, EasesAfterLyingAWhile]);
        assert!(hanging.hint.contains("chair"));
        let labels = QUESTIONS.iter().flat_map(|q| q.choices).map(|c| c.label);
        assert!(labels.clone().all(|l| !l.contains("flat in bed")));
    }

    #[test]
    fn spec_wording_of_smoking_heart_history_and_the_red_flags_time_scales() {
        let label = |q: &str, c: &str| {
            question(q)
                .and_then(|q| q.choices.iter().find(|x| x.id == c))
                .map(|c| c.label)
                .unwrap()
        };
        assert_eq!(
            label("background", "smoker"),
            "I smoke, or smoked for years"
        );
        assert_eq!(
            label("background", "heart"),
            "Angina, a heart attack, a stroke or a mini-stroke"
        );
        assert!(label("emergency_signs", "both_legs")
            .contains("new and getting worse over hours or days"));
        assert!(label("emergency_signs", "cold_leg").contains("suddenly"));
        assert!(label("emergency_signs", "cold_leg").contains("very painful"));
        let clot = label("same_day_signs", "one_leg");
        assert!(clot.contains("calf or thigh") && clot.matches("newly").count() >= 3);
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
