use serde::{Deserialize, Serialize};

/// SPEC's findings vocabulary. The quiz's answers produce these; the engine ranks from them.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Finding {
    // Where
    PainButtockDownLeg,
    PainFeet,
    PainOuterHip,
    PainLowerBack,
    PainCalf,
    PainSoleSkin,
    // Feel
    Burning,
    NumbOrTinglingFeet,
    DullAche,
    Heaviness,
    SeverePain,
    SymptomsInHands,
    // When and how
    WorseLyingOnBack,
    WorseLyingOnSide,
    NoComfortablePosition,
    WorseLegsRaised,
    EasedLegsHangingDown,
    WorseAtNight,
    HeavinessBuildsDuringDay,
    EasesAfterLyingAWhile,
    EasedSittingOrLeaningForward,
    WorseStandingOrWalking,
    NoPainWhenStandingOnFeet,
    CalfPainWalkingEasedByRest,
    // What you see or feel
    DrySkinSoles,
    CrackedHeels,
    CracksBleedingOrDeep,
    VaricoseVeins,
    AnkleSwellingEvening,
    ColdPaleFeet,
    FootWoundNotHealing,
    BlackOrDarkToes,
    RedHotSwollenSkin,
    TightMuscles,
    TenderOuterHip,
    // Night cramps and restless legs
    SuddenMuscleTightening,
    EasedByStretching,
    FrequentOrLongCramps,
    MuscleThinnerOrWeaker,
    StartedNewMedicine,
    UrgeToMoveLegs,
    EasedByMoving,
    ComesOnWhenStill,
    LegsJerkInSleep,
    // Which side
    OneLegOnly,
    PainDownBothLegs,
    // Background
    Diabetes,
    Smoker,
    KnownArteryDisease,
    Arthritis,
    HistoryOfCancer,
    PastClotOrRecentSurgery,
    HeartOrStrokeHistory,
    /// The same symptoms, unchanged, for months or years.
    HadItForMonths,
    // Red flags
    SaddleNumbness,
    BladderOrBowelChange,
    BothLegsWeakOrNumbWorsening,
    OneLegSwollenWarmRed,
    ChestPainOrBreathless,
    SuddenColdPaleNumbLeg,
    Fever,
    UnexplainedWeightLoss,
    NewLegWeakness,
    VeryUnwellOrConfused,
    /// Urine turned dark brown, like cola, with aching or weak muscles.
    DarkUrine,
    /// Not in SPEC's list but in its cauda equina trigger ("new sexual problems").
    NewSexualProblems,
}

use Finding::*;

impl Finding {
    /// Every finding, from the enum itself (a derive), so none can be left out.
    pub const ALL: &'static [Finding] = <Finding as strum::VariantArray>::VARIANTS;

    /// SPEC's red-flag findings (and the cauda equina sign SPEC names in its trigger).
    /// Each stands for any one of its signs, never all of them together.
    pub const RED_FLAGS: [Finding; 12] = [
        SaddleNumbness,
        BladderOrBowelChange,
        BothLegsWeakOrNumbWorsening,
        OneLegSwollenWarmRed,
        ChestPainOrBreathless,
        SuddenColdPaleNumbLeg,
        Fever,
        UnexplainedWeightLoss,
        NewLegWeakness,
        VeryUnwellOrConfused,
        DarkUrine,
        NewSexualProblems,
    ];

    /// Background facts raise or lower a likelihood but are not symptoms: alone they rank nothing.
    pub fn is_background(self) -> bool {
        matches!(
            self,
            Diabetes
                | Smoker
                | KnownArteryDisease
                | Arthritis
                | HistoryOfCancer
                | PastClotOrRecentSurgery
                | HeartOrStrokeHistory
                | HadItForMonths
        )
    }

    /// SPEC's generic findings: where it hurts, and words that fit nearly every cause. A
    /// condition ranked first on these alone sets at most `soon`.
    pub fn is_generic(self) -> bool {
        matches!(
            self,
            PainButtockDownLeg
                | PainFeet
                | PainOuterHip
                | PainLowerBack
                | PainCalf
                | PainSoleSkin
                | SeverePain
                | DullAche
                | WorseAtNight
                | OneLegOnly
        )
    }

    /// Where it hurts: the places the quiz's first ordinary question offers.
    pub fn is_place(self) -> bool {
        matches!(
            self,
            PainButtockDownLeg | PainFeet | PainOuterHip | PainLowerBack | PainCalf | PainSoleSkin
        )
    }

    /// The SPEC id; a test checks it equals serde's snake_case name.
    pub fn id(self) -> &'static str {
        self.into()
    }

    pub fn from_id(id: &str) -> Option<Finding> {
        id.parse().ok()
    }

    /// The finding in the person's own terms, for "why we think so".
    pub fn in_your_words(self) -> &'static str {
        match self {
            PainButtockDownLeg => "the pain runs from your buttock down your leg",
            PainFeet => "the pain is in your feet",
            PainOuterHip => "the pain is on the outside of your hip",
            PainLowerBack => "your lower back hurts",
            PainCalf => "your calf hurts",
            PainSoleSkin => "there is a sharp, stinging spot on the skin of your sole or heel",
            Burning => "it burns",
            NumbOrTinglingFeet => "your feet feel numb or tingle",
            DullAche => "it is a dull ache",
            Heaviness => "your legs feel heavy",
            SeverePain => "the pain is severe",
            SymptomsInHands => "you feel something similar in your hands",
            WorseLyingOnBack => "it is worse lying on your back",
            WorseLyingOnSide => "it is worse lying on your side",
            NoComfortablePosition => "no position in bed is comfortable",
            WorseLegsRaised => "it hurts more the longer your legs are up",
            EasedLegsHangingDown => "letting your legs hang down eases it",
            WorseAtNight => "it is worse at night",
            HeavinessBuildsDuringDay => "the heaviness builds as the day goes on",
            EasesAfterLyingAWhile => "it eases after lying down for a while",
            EasedSittingOrLeaningForward => "sitting or leaning forward eases it",
            WorseStandingOrWalking => "it is worse when standing or walking",
            NoPainWhenStandingOnFeet => "it does not hurt when you stand on your feet",
            CalfPainWalkingEasedByRest => "your calf hurts when walking and eases when you stop",
            DrySkinSoles => "the skin of your soles is dry",
            CrackedHeels => "your heels are cracked",
            CracksBleedingOrDeep => "a crack is deep or bleeding",
            VaricoseVeins => "you have varicose veins",
            AnkleSwellingEvening => "your ankles swell by the evening",
            ColdPaleFeet => "your feet are cold or pale",
            FootWoundNotHealing => "a foot wound is not healing",
            BlackOrDarkToes => "a toe is turning black or dark",
            RedHotSwollenSkin => "skin around a crack or wound is red, hot or swollen",
            TightMuscles => "your back or hip muscles feel tight",
            TenderOuterHip => "the outside of your hip is tender to press",
            SuddenMuscleTightening => "a muscle suddenly tightens into a hard, painful knot",
            EasedByStretching => "stretching the muscle, standing or walking makes it let go",
            FrequentOrLongCramps => "the cramps come most nights, or one lasts over 10 minutes",
            MuscleThinnerOrWeaker => "a leg muscle has become thinner or weaker",
            StartedNewMedicine => "it began after you started a new medicine",
            UrgeToMoveLegs => "you have an urge to move your legs that is hard to resist",
            EasedByMoving => "moving or walking eases it while you keep moving",
            ComesOnWhenStill => "it starts when you sit or lie still",
            LegsJerkInSleep => "your legs jerk or kick in your sleep",
            OneLegOnly => "it is in one leg, not both",
            PainDownBothLegs => "the pain runs down both legs",
            Diabetes => "you have diabetes",
            Smoker => "you smoke or have smoked for years",
            KnownArteryDisease => "you have been told you have narrowed leg arteries",
            Arthritis => "you have arthritis",
            HistoryOfCancer => "you have had cancer",
            PastClotOrRecentSurgery => {
                "you have had a clot before, a recent operation, a long journey or bed rest, or take hormones or are pregnant"
            }
            HeartOrStrokeHistory => "you have had angina, a heart attack, a stroke or a mini-stroke",
            HadItForMonths => "it has been the same for months or years",
            SaddleNumbness => "you have numbness around your genitals or bottom",
            BladderOrBowelChange => "you have new bladder or bowel trouble",
            BothLegsWeakOrNumbWorsening => {
                "weakness or numbness in both legs is new and getting worse over hours or days"
            }
            OneLegSwollenWarmRed => {
                "one leg is newly swollen, warm, red or darker, or its calf or thigh newly hurts"
            }
            ChestPainOrBreathless => {
                "you have chest pain, are short of breath, have coughed up blood or fainted"
            }
            SuddenColdPaleNumbLeg => {
                "a leg suddenly turned cold, pale, blue or blotchy, numb or very painful, or you cannot move it"
            }
            Fever => "you have a fever or feel hot and shivery",
            UnexplainedWeightLoss => "you have lost weight without trying",
            NewLegWeakness => "a leg has become weak, or a foot catches or drops",
            VeryUnwellOrConfused => "you feel very unwell or confused",
            DarkUrine => "your urine has turned dark brown, like cola, and your muscles ache",
            NewSexualProblems => "you have new problems with sex",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_finding_round_trips_through_its_spec_id() {
        for &finding in Finding::ALL {
            let id = finding.id();
            assert_eq!(Finding::from_id(id), Some(finding), "{id}");
            assert_eq!(
                serde_json::to_string(&finding).unwrap(),
                format!("\"{id}\"")
            );
        }
        assert_eq!(Finding::from_id("tired"), None);
    }

    #[test]
    fn only_the_spec_background_facts_are_background() {
        let background: Vec<_> = Finding::ALL
            .iter()
            .copied()
            .filter(|f| f.is_background())
            .map(Finding::id)
            .collect();
        assert_eq!(
            background,
            [
                "diabetes",
                "smoker",
                "known_artery_disease",
                "arthritis",
                "history_of_cancer",
                "past_clot_or_recent_surgery",
                "heart_or_stroke_history",
                "had_it_for_months"
            ]
        );
    }
}
