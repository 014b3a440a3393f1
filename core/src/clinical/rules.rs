//! The weighted findings of each condition the article explains. A positive weight points
//! to the condition, a negative one away from it. 3 = characteristic of the pattern,
//! 2 = typical, 1 = fits but is common to several causes.
//! "Article" refers to shared/source/leg-pain-when-lying-down.txt.

use super::{Condition, Finding, Finding::*};

pub struct Rule {
    pub condition: Condition,
    pub weights: &'static [(Finding, i8)],
    /// Ranked at all only when one of these is among the answers (empty: no such need).
    pub needs: &'static [Finding],
    /// Ranked first only when one of these is among the answers; without it the condition
    /// stays below every other ranked one, and is left out when nothing else ranks.
    pub leads_only_with: &'static [Finding],
}

const fn rule(condition: Condition, weights: &'static [(Finding, i8)]) -> Rule {
    Rule {
        condition,
        weights,
        needs: &[],
        leads_only_with: &[],
    }
}

pub const RULES: &[Rule] = &[
    rule(
        Condition::NerveCompression,
        &[
            // Article: sciatica is felt in the buttock and leg, starting high and going down.
            (PainButtockDownLeg, 3),
            // Article: a dull, achy pain, unlike neuropathy's burning.
            (DullAche, 2),
            // Article: people with sciatica cannot find a comfortable position to sleep in.
            (NoComfortablePosition, 3),
            // Article: the pressure is in the back although the pain is in the leg.
            (PainLowerBack, 1),
            (PainCalf, 1),
            (WorseAtNight, 1),
            // Burning and the hands are neuropathy's pattern, not a pinched root.
            (Burning, -1),
            (SymptomsInHands, -2),
            // Eased by sitting or leaning forward and worse walking is stenosis's pattern.
            (EasedSittingOrLeaningForward, -2),
            (WorseStandingOrWalking, -1),
            (HeavinessBuildsDuringDay, -1),
        ],
    ),
    rule(
        Condition::Neuropathy,
        &[
            // Article: burning and trouble feeling the feet, often worse at night.
            (Burning, 3),
            (NumbOrTinglingFeet, 3),
            (PainFeet, 1),
            (WorseAtNight, 1),
            // Article: sometimes the same symptoms in the hands.
            (SymptomsInHands, 2),
            // SPEC: common with diabetes (background: supports, never ranks alone).
            (Diabetes, 2),
            // A dull ache travelling down from the buttock is sciatica's description.
            (PainButtockDownLeg, -2),
            (DullAche, -1),
        ],
    ),
    rule(
        Condition::JointAndMuscle,
        &[
            // Article: on the side, pressure on the hip, worse with inflammation there (TFL).
            (PainOuterHip, 3),
            (TenderOuterHip, 3),
            (WorseLyingOnSide, 3),
            // Article: on the back, the flattened lower-back curve loads the lower back.
            (WorseLyingOnBack, 2),
            (PainLowerBack, 2),
            // Article: tight lower-back muscles or hip flexors pull on the joints.
            (TightMuscles, 3),
            // Article: especially with joint disease (background).
            (Arthritis, 1),
            // Position-dependent pain means some position is comfortable.
            (NoComfortablePosition, -1),
            (Burning, -2),
            (NumbOrTinglingFeet, -1),
            (PainButtockDownLeg, -1),
        ],
    ),
    rule(
        Condition::SpinalStenosis,
        &[
            // Article: better sitting, leaning forward or lying; worse standing and walking.
            (EasedSittingOrLeaningForward, 3),
            (WorseStandingOrWalking, 3),
            // Article: a walking problem not unlike intermittent claudication.
            (CalfPainWalkingEasedByRest, 1),
            (PainButtockDownLeg, 1),
            (PainLowerBack, 1),
            // Article: lying down improves stenosis, so pain brought on by lying points away.
            (NoComfortablePosition, -2),
            (WorseLyingOnBack, -2),
            (WorseLyingOnSide, -2),
            (WorseLegsRaised, -2),
            (WorseAtNight, -1),
        ],
    ),
    rule(
        Condition::ArterialRestPain,
        &[
            // Article: raising the legs removes gravity's help and it hurts (rest pain).
            (WorseLegsRaised, 3),
            // SPEC: hanging the legs down eases it.
            (EasedLegsHangingDown, 3),
            // Article: lack of blood flow causes severe pain.
            (SeverePain, 1),
            (PainFeet, 1),
            (ColdPaleFeet, 2),
            // Walking pain eased by rest (claudication) is the earlier stage of the disease.
            (CalfPainWalkingEasedByRest, 2),
            // SPEC/article: untreated it leads to gangrene. A wound that will not heal points
            // here only with poor circulation: the safety net ranks it then.
            (BlackOrDarkToes, 3),
            // Background risk factors.
            (KnownArteryDisease, 2),
            (Smoker, 1),
            (Diabetes, 1),
            (HeartOrStrokeHistory, 1),
            // Heaviness that builds by day and settles lying down is the vein pattern.
            (HeavinessBuildsDuringDay, -1),
            (EasesAfterLyingAWhile, -2),
        ],
    ),
    rule(
        Condition::VenousInsufficiency,
        &[
            // Article: heavy legs, worse as the day goes on.
            (Heaviness, 3),
            (HeavinessBuildsDuringDay, 3),
            // Article: lying with legs raised slowly resolves the pressure.
            (EasesAfterLyingAWhile, 2),
            (VaricoseVeins, 2),
            (AnkleSwellingEvening, 2),
            // Raising the legs helps veins; pain from raising them is the artery pattern.
            (WorseLegsRaised, -3),
            (EasedLegsHangingDown, -2),
            (Burning, -1),
        ],
    ),
    rule(
        Condition::SkinFissures,
        &[
            // Article: a crack in the sole skin that opens in bed and hurts.
            (PainSoleSkin, 3),
            (CrackedHeels, 3),
            (DrySkinSoles, 2),
            (CracksBleedingOrDeep, 2),
            // Article: standing presses the crack closed, so it does not hurt then.
            (NoPainWhenStandingOnFeet, 2),
        ],
    ),
    Rule {
        // NICE CKS leg cramps: a muscle that suddenly knots, and lets go with a stretch.
        // Without the knot itself it never leads.
        leads_only_with: &[SuddenMuscleTightening],
        ..rule(
            Condition::NightCramps,
            &[
                (SuddenMuscleTightening, 4),
                (EasedByStretching, 2),
                (PainCalf, 1),
                (WorseAtNight, 1),
                // SPEC: these send a cramp to the doctor; they fit the pattern too.
                (FrequentOrLongCramps, 1),
                (MuscleThinnerOrWeaker, 1),
                (StartedNewMedicine, 1),
                // An urge to move, eased while moving, is the restless-legs pattern.
                (UrgeToMoveLegs, -2),
                (Burning, -1),
            ],
        )
    },
    Rule {
        // NICE CKS restless legs (IRLSSG): the urge to move is the essential feature.
        needs: &[UrgeToMoveLegs],
        ..rule(
            Condition::RestlessLegs,
            &[
                (UrgeToMoveLegs, 4),
                (EasedByMoving, 2),
                (ComesOnWhenStill, 2),
                (WorseAtNight, 1),
                (LegsJerkInSleep, 1),
                (SuddenMuscleTightening, -2),
            ],
        )
    },
];

pub fn weights_for(condition: Condition) -> &'static [(Finding, i8)] {
    RULES
        .iter()
        .find(|rule| rule.condition == condition)
        .map(|rule| rule.weights)
        .unwrap_or(&[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_ranked_condition_has_one_rule_with_a_non_background_support() {
        for condition in Condition::EXPLAINED
            .into_iter()
            .chain(Condition::ALSO_COMMON)
        {
            let rules: Vec<_> = RULES.iter().filter(|r| r.condition == condition).collect();
            assert_eq!(rules.len(), 1, "{condition:?}");
            assert!(rules[0]
                .weights
                .iter()
                .any(|(finding, weight)| *weight > 0 && !finding.is_background()));
        }
    }

    #[test]
    fn no_finding_is_weighted_twice_for_one_condition() {
        for rule in RULES {
            let mut seen = std::collections::HashSet::new();
            for (finding, _) in rule.weights {
                assert!(
                    seen.insert(finding),
                    "{:?} twice in {:?}",
                    finding,
                    rule.condition
                );
            }
        }
    }
}
