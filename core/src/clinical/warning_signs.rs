//! The one list of warning signs. The quiz's "needs help now" screens, the nightly check-in,
//! and the "get help now" lists of Home and Learn all read it, and a test checks each sign
//! against the engine, so the places cannot drift apart.

use super::{Finding, Finding::*, Urgency};

pub struct WarningSign {
    /// Stable id: the quiz's choice id for it.
    pub id: &'static str,
    /// What the engine is told; empty for a first-aid sign the quiz does not ask.
    pub findings: &'static [Finding],
    /// How the quiz asks it; empty when it is not asked on its own (it follows from
    /// answers to other questions).
    pub ask: &'static str,
    /// The short label of the nightly check-in; empty when not asked every night.
    pub nightly: &'static str,
    /// The line on Home and Learn.
    pub text: &'static str,
    /// What to do while waiting for help, if anything.
    pub meanwhile: &'static str,
    /// The engine's urgency for `findings` (a test checks it).
    pub urgency: Urgency,
}

const fn sign(
    id: &'static str,
    findings: &'static [Finding],
    ask: &'static str,
    nightly: &'static str,
    text: &'static str,
    urgency: Urgency,
) -> WarningSign {
    WarningSign {
        id,
        findings,
        ask,
        nightly,
        text,
        meanwhile: "",
        urgency,
    }
}

use Urgency::{Emergency, Urgent};

pub const SADDLE: WarningSign = sign(
    "saddle",
    &[SaddleNumbness],
    "Numbness around your genitals or bottom, or when you wipe after the toilet",
    "Numbness around the genitals or bottom",
    "Numbness around your genitals or bottom, or when you wipe",
    Emergency,
);
pub const BLADDER: WarningSign = sign(
    "bladder",
    &[BladderOrBowelChange],
    "New trouble passing urine, or controlling your bladder or bowels",
    "New trouble with bladder or bowels",
    "New trouble passing urine, or controlling your bladder or bowels",
    Emergency,
);
pub const SEXUAL: WarningSign = sign(
    "sexual",
    &[NewSexualProblems],
    "New problems with sex, such as loss of feeling",
    "",
    "New problems with sex, such as loss of feeling",
    Emergency,
);
pub const BOTH_LEGS_WORSENING: WarningSign = sign(
    "both_legs",
    &[BothLegsWeakOrNumbWorsening],
    "Weakness or numbness in both legs that is new and getting worse over hours or days",
    "Both legs newly weaker or more numb, getting worse",
    "Weakness or numbness in both legs that is new and getting worse over hours or days",
    Emergency,
);
pub const SUDDEN_COLD_LEG: WarningSign = sign(
    "cold_leg",
    &[SuddenColdPaleNumbLeg],
    "A leg that suddenly became cold, pale, blue or blotchy, numb or very painful, or that you cannot move",
    "A leg suddenly cold, pale, blue, numb, very painful or hard to move",
    "A leg that suddenly becomes cold, pale, blue or blotchy, numb or very painful, or that you cannot move",
    Emergency,
);
pub const CHEST: WarningSign = sign(
    "chest",
    &[ChestPainOrBreathless],
    "Chest pain, sudden shortness of breath, coughing up blood, or fainting",
    "Chest pain, short of breath, coughing blood or fainting",
    "Chest pain, sudden shortness of breath, coughing up blood, or fainting",
    Emergency,
);
pub const BLEEDING_VEIN: WarningSign = WarningSign {
    meanwhile:
        "Lie down, raise the leg, and press firmly on the spot with a clean cloth until help comes.",
    ..sign(
        "bleeding_vein",
        &[],
        "",
        "",
        "A varicose vein that bleeds and does not stop",
        Emergency,
    )
};
pub const DIABETIC_FOOT_FEVER: WarningSign = sign(
    "diabetic_foot_fever",
    &[Diabetes, RedHotSwollenSkin, Fever],
    "",
    "",
    "With diabetes: a red, hot or swollen foot, or a foot wound, together with a fever or shivers",
    Emergency,
);
pub const ONE_LEG: WarningSign = sign(
    "one_leg",
    &[OneLegSwollenWarmRed],
    "In one leg (not both): newly swollen, newly warm, newly red or darker, or a calf or thigh that newly hurts",
    "One leg newly swollen, warm, red, or a newly painful calf or thigh",
    "One leg (not both) newly swollen, warm, red or darker, or a calf or thigh that newly hurts. With chest pain or breathlessness too, call the emergency number",
    Urgent,
);
pub const SPREADING_INFECTION: WarningSign = sign(
    "infection",
    &[RedHotSwollenSkin],
    "Redness, heat or swelling spreading around a crack or wound, or pus",
    "",
    "Redness, heat or swelling spreading around a crack or wound, or pus",
    Urgent,
);
pub const FEVER: WarningSign = sign(
    "fever",
    &[Fever],
    "A fever, or you feel hot and shivery",
    "A fever, or hot and shivery",
    "A fever, or feeling hot and shivery, with pain in a leg or foot",
    Urgent,
);
pub const VERY_UNWELL: WarningSign = sign(
    "unwell",
    &[VeryUnwellOrConfused],
    "You feel very unwell, or confused",
    "Very unwell or confused",
    "Feeling very unwell or confused",
    Urgent,
);
pub const NEW_WEAKNESS: WarningSign = sign(
    "weakness",
    &[NewLegWeakness],
    "New weakness in a leg, or a foot that catches or drops when you walk",
    "A leg newly weak, or a foot that drops",
    "New weakness in a leg, or a foot that catches or drops when you walk",
    Urgent,
);
pub const WOUND: WarningSign = sign(
    "wound",
    &[FootWoundNotHealing, ColdPaleFeet],
    "",
    "",
    "A foot wound that is not healing, on a foot that is cold or pale",
    Urgent,
);
pub const DARK_URINE: WarningSign = sign(
    "dark_urine",
    &[DarkUrine],
    "Urine that has turned dark brown, like cola, with aching or weak muscles",
    "",
    "Urine turned dark brown, like cola, with aching or weak muscles",
    Urgent,
);
pub const BLACK_TOE: WarningSign = sign(
    "black_toe",
    &[BlackOrDarkToes],
    "A toe turning black or dark",
    "",
    "A toe turning black or dark",
    Urgent,
);
pub const REST_PAIN: WarningSign = sign(
    "rest_pain",
    &[EasedLegsHangingDown, PainFeet],
    "",
    "",
    "Foot pain in bed that eases when you hang your legs down, or gets worse the longer your legs are up",
    Urgent,
);
pub const BACK_PAIN_SYSTEMIC: WarningSign = sign(
    "back_pain_systemic",
    &[PainLowerBack, UnexplainedWeightLoss],
    "",
    "",
    "Back pain with a fever, weight loss you cannot explain, or a past cancer",
    Urgent,
);
pub const PAIN_BOTH_LEGS: WarningSign = sign(
    "pain_both_legs",
    &[PainDownBothLegs],
    "",
    "",
    "Pain like sciatica running down both legs",
    Emergency,
);

pub const ALL: &[WarningSign] = &[
    SADDLE,
    BLADDER,
    SEXUAL,
    BOTH_LEGS_WORSENING,
    SUDDEN_COLD_LEG,
    CHEST,
    BLEEDING_VEIN,
    DIABETIC_FOOT_FEVER,
    ONE_LEG,
    SPREADING_INFECTION,
    FEVER,
    VERY_UNWELL,
    NEW_WEAKNESS,
    WOUND,
    BLACK_TOE,
    DARK_URINE,
    REST_PAIN,
    BACK_PAIN_SYSTEMIC,
    PAIN_BOTH_LEGS,
];

/// The signs asked in every night's check-in, as the findings the diary stores.
pub const NIGHTLY: &[Finding] = &[
    SaddleNumbness,
    BladderOrBowelChange,
    BothLegsWeakOrNumbWorsening,
    SuddenColdPaleNumbLeg,
    ChestPainOrBreathless,
    OneLegSwollenWarmRed,
    Fever,
    VeryUnwellOrConfused,
    NewLegWeakness,
];

/// The nightly label of a finding (empty for one that is not asked nightly).
pub fn nightly_label(finding: Finding) -> &'static str {
    ALL.iter()
        .find(|s| s.findings == [finding] && !s.nightly.is_empty())
        .map_or("", |s| s.nightly)
}

/// The signs at one urgency, for the "get help now" lists.
pub fn at(urgency: Urgency) -> impl Iterator<Item = &'static WarningSign> {
    ALL.iter().filter(move |s| s.urgency == urgency)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::assess;

    #[test]
    fn each_sign_has_the_urgency_the_engine_gives_it() {
        for sign in ALL.iter().filter(|s| !s.findings.is_empty()) {
            assert_eq!(assess(sign.findings).urgency, sign.urgency, "{}", sign.id);
        }
    }

    #[test]
    fn ids_are_unique_and_every_sign_says_something() {
        let mut ids = std::collections::HashSet::new();
        for sign in ALL {
            assert!(ids.insert(sign.id), "{}", sign.id);
            assert!(!sign.text.is_empty(), "{}", sign.id);
            assert!(
                !sign.findings.is_empty() || !sign.meanwhile.is_empty(),
                "{}",
                sign.id
            );
        }
    }

    #[test]
    fn nightly_signs_are_single_findings_with_a_label_and_all_are_listed() {
        for finding in NIGHTLY {
            assert!(!nightly_label(*finding).is_empty(), "{finding:?}");
        }
        for sign in ALL.iter().filter(|s| !s.nightly.is_empty()) {
            assert_eq!(sign.findings.len(), 1, "{}", sign.id);
            assert!(NIGHTLY.contains(&sign.findings[0]), "{}", sign.id);
        }
    }

    #[test]
    fn the_bleeding_vein_and_the_feverish_diabetic_foot_are_emergencies() {
        assert_eq!(BLEEDING_VEIN.urgency, Urgency::Emergency);
        assert!(BLEEDING_VEIN.meanwhile.contains("press firmly"));
        assert_eq!(
            assess(DIABETIC_FOOT_FEVER.findings).urgency,
            Urgency::Emergency
        );
    }
}
