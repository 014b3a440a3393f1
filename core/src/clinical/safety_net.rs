//! SPEC's safety-net rules: a dangerous cause that ranks second or third, or is only
//! suspected, still sets the urgency. Each rule names the findings that fired it, so the
//! result can say "because you said …" in the person's own words.

use super::red_flags::present;
use super::{Condition, Finding, Finding::*, Urgency};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SafetyNet {
    /// Worse with the legs raised and eased by hanging them down.
    RestPainClassicPair,
    /// Foot pain eased by hanging the legs down.
    RestPainFeet,
    RestPainPositional,
    RestPainLegsRaised,
    NightFootPainPoorCirculation,
    DiabeticFootEmergency,
    Sepsis,
    /// A wound that will not heal on a foot with poor circulation.
    WoundPoorCirculation,
    DiabeticFootNextDay,
    FeverOrUnwell,
    SeriousCauseWithoutBackPain,
    OneLeg,
    NerveLoss,
    BothLegs,
    MuscleBreakdown,
    /// Deep or bleeding cracks on a numb or poorly supplied foot: a podiatrist.
    CracksAtRisk,
    /// A wound that will not heal, without diabetes or poor circulation.
    WoundNotHealing,
}

impl SafetyNet {
    pub const ALL: [SafetyNet; 17] = [
        SafetyNet::RestPainClassicPair,
        SafetyNet::RestPainFeet,
        SafetyNet::RestPainPositional,
        SafetyNet::RestPainLegsRaised,
        SafetyNet::NightFootPainPoorCirculation,
        SafetyNet::DiabeticFootEmergency,
        SafetyNet::Sepsis,
        SafetyNet::WoundPoorCirculation,
        SafetyNet::DiabeticFootNextDay,
        SafetyNet::FeverOrUnwell,
        SafetyNet::SeriousCauseWithoutBackPain,
        SafetyNet::OneLeg,
        SafetyNet::NerveLoss,
        SafetyNet::BothLegs,
        SafetyNet::MuscleBreakdown,
        SafetyNet::CracksAtRisk,
        SafetyNet::WoundNotHealing,
    ];

    /// The least urgency the rule sets (SPEC's "at least" column).
    pub fn urgency(self) -> Urgency {
        match self {
            SafetyNet::DiabeticFootEmergency | SafetyNet::Sepsis | SafetyNet::BothLegs => {
                Urgency::Emergency
            }
            SafetyNet::DiabeticFootNextDay => Urgency::NextDay,
            SafetyNet::CracksAtRisk | SafetyNet::WoundNotHealing => Urgency::Soon,
            _ => Urgency::Urgent,
        }
    }

    /// One of the rules that say poor arterial flow has to be ruled out now.
    pub fn is_rest_pain(self) -> bool {
        matches!(
            self,
            SafetyNet::RestPainClassicPair
                | SafetyNet::RestPainFeet
                | SafetyNet::RestPainPositional
                | SafetyNet::RestPainLegsRaised
                | SafetyNet::NightFootPainPoorCirculation
                | SafetyNet::WoundPoorCirculation
        )
    }

    /// The condition the rule puts among the ranked ones, if any.
    pub fn ranks(self) -> Option<Condition> {
        match self {
            rule if rule.is_rest_pain() => Some(Condition::ArterialRestPain),
            SafetyNet::SeriousCauseWithoutBackPain => Some(Condition::SeriousSpinalCause),
            SafetyNet::OneLeg => Some(Condition::Dvt),
            SafetyNet::BothLegs => Some(Condition::CaudaEquina),
            _ => None,
        }
    }

    /// What has to happen, for the sentence "Because you said …, <this>."
    pub fn consequence(self) -> &'static str {
        match self {
            SafetyNet::WoundPoorCirculation => {
                "a wound on a foot with poor blood flow has to be checked now: it may not heal without treatment"
            }
            SafetyNet::RestPainClassicPair
            | SafetyNet::RestPainFeet
            | SafetyNet::RestPainPositional
            | SafetyNet::RestPainLegsRaised
            | SafetyNet::NightFootPainPoorCirculation => {
                "poor blood flow to your legs has to be ruled out now"
            }
            SafetyNet::DiabeticFootEmergency => {
                "this is a diabetic foot emergency: the foot needs to be seen straight away"
            }
            SafetyNet::Sepsis => {
                "an infection may be spreading through your body (sepsis), which needs help straight away"
            }
            SafetyNet::DiabeticFootNextDay => {
                "with diabetes, a wound or a deep crack needs the practice or foot team within one working day"
            }
            SafetyNet::FeverOrUnwell => {
                "an infection has to be ruled out now; do not wait to see if it passes"
            }
            SafetyNet::SeriousCauseWithoutBackPain => {
                "a serious cause near the spine, such as a growth or an infection, has to be ruled out now"
            }
            SafetyNet::OneLeg => "a blood clot in a leg vein (DVT) has to be ruled out now",
            SafetyNet::NerveLoss => {
                "a nerve may be badly squeezed and needs checking now, before the weakness lasts"
            }
            SafetyNet::BothLegs => {
                "pressure on the nerves at the base of the spine has to be ruled out straight away"
            }
            SafetyNet::MuscleBreakdown => {
                "muscle breakdown, which can harm the kidneys, has to be ruled out now"
            }
            SafetyNet::CracksAtRisk => {
                "deep cracks on a foot that feels less or has poor blood flow need a podiatrist or doctor to look at them"
            }
            SafetyNet::WoundNotHealing => {
                "a wound that does not heal needs a doctor or nurse to look at it"
            }
        }
    }
}

/// A rule that fired, with the answers that fired it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fired {
    pub rule: SafetyNet,
    pub because: Vec<Finding>,
}

/// Signs of poor arterial flow (not only a risk of it).
const POOR_FLOW: &[Finding] = &[ColdPaleFeet, CalfPainWalkingEasedByRest, KnownArteryDisease];
/// Risks of poor arterial flow.
const ARTERY_RISK: &[Finding] = &[Smoker, Diabetes, HeartOrStrokeHistory];

/// SPEC: sitting on the bed's edge also eases sciatica, so a risk factor with the hanging
/// sign does not count when the only places of pain given are the back and down the leg.
fn only_sciatica_places(findings: &BTreeSet<Finding>) -> bool {
    let mut places = findings.iter().filter(|f| f.is_place()).peekable();
    places.peek().is_some() && places.all(|f| matches!(f, PainLowerBack | PainButtockDownLeg))
}

/// `Some(because)` when the rule fires on these findings.
fn check(rule: SafetyNet, findings: &BTreeSet<Finding>) -> Option<Vec<Finding>> {
    let has = |f: Finding| findings.contains(&f);
    let any = |wanted: &[Finding]| present(findings, wanted);
    let both = |first: Vec<Finding>, second: Vec<Finding>| {
        (!first.is_empty() && !second.is_empty()).then(|| [first, second].concat())
    };
    let hanging = any(&[EasedLegsHangingDown]);
    let raised = any(&[WorseLegsRaised]);
    match rule {
        // The article: raised legs lose gravity's help, hanging them restores it. Together
        // they are rest pain until shown otherwise, whatever else ranks.
        SafetyNet::RestPainClassicPair => both(raised, hanging),
        SafetyNet::RestPainFeet => both(hanging, any(&[PainFeet])),
        SafetyNet::RestPainPositional => {
            let risk = if only_sciatica_places(findings) {
                Vec::new()
            } else {
                any(ARTERY_RISK)
            };
            both(hanging, [any(POOR_FLOW), risk].concat())
        }
        SafetyNet::RestPainLegsRaised => {
            let feet_at_risk = both(any(&[PainFeet]), any(ARTERY_RISK)).unwrap_or_default();
            both(raised, [any(POOR_FLOW), feet_at_risk].concat())
        }
        SafetyNet::NightFootPainPoorCirculation => both(
            both(any(&[PainFeet]), any(&[WorseAtNight, SeverePain]))?,
            any(POOR_FLOW),
        ),
        // NICE NG19: gangrene, ulcer with fever, or a wound with limb ischaemia in diabetes
        // need immediate referral.
        SafetyNet::DiabeticFootEmergency => {
            let gangrene = any(&[BlackOrDarkToes]);
            let infected = both(
                any(&[RedHotSwollenSkin, FootWoundNotHealing]),
                any(&[Fever]),
            );
            let ischaemic = both(any(&[FootWoundNotHealing]), any(&[ColdPaleFeet]));
            let sign = if !gangrene.is_empty() {
                Some(gangrene)
            } else {
                infected.or(ischaemic)
            };
            has(Diabetes).then_some(sign).flatten().map(|mut because| {
                because.insert(0, Diabetes);
                because
            })
        }
        // NICE sepsis guidance: very unwell or confused with a source of infection; an
        // infection need not come with a fever.
        SafetyNet::Sepsis => both(
            any(&[VeryUnwellOrConfused]),
            any(&[
                Fever,
                RedHotSwollenSkin,
                OneLegSwollenWarmRed,
                FootWoundNotHealing,
            ]),
        ),
        SafetyNet::WoundPoorCirculation => both(
            any(&[FootWoundNotHealing]),
            any(&[ColdPaleFeet, KnownArteryDisease]),
        ),
        // NICE NG19: other active diabetic foot problems within one working day.
        SafetyNet::DiabeticFootNextDay => both(
            any(&[Diabetes]),
            any(&[FootWoundNotHealing, CracksBleedingOrDeep]),
        ),
        SafetyNet::FeverOrUnwell => {
            let signs = any(&[Fever, VeryUnwellOrConfused]);
            (!signs.is_empty()).then_some(signs)
        }
        // NICE CKS low back pain: night pain and rest pain with cancer or weight loss are
        // red flags for malignancy even when the back itself does not hurt.
        SafetyNet::SeriousCauseWithoutBackPain => {
            let risk = any(&[HistoryOfCancer, UnexplainedWeightLoss]);
            let restless = any(&[NoComfortablePosition]);
            let night = if has(SeverePain) && has(WorseAtNight) {
                vec![SeverePain, WorseAtNight]
            } else {
                Vec::new()
            };
            both(risk, [restless, night].concat())
        }
        // NHS DVT: pain in one calf with swelling or heaviness in that leg. A clot before, a
        // recent operation, immobility or cancer (SPEC: "adds weight to dvt", as in the Wells
        // score) is enough beside the one-sided calf pain. The same, unchanged for months, is
        // not a new clot.
        SafetyNet::OneLeg if has(HadItForMonths) => None,
        SafetyNet::OneLeg => both(
            both(any(&[OneLegOnly]), any(&[PainCalf]))?,
            any(&[
                AnkleSwellingEvening,
                Heaviness,
                PastClotOrRecentSurgery,
                HistoryOfCancer,
            ]),
        ),
        // NICE CKS sciatica: progressive or new motor loss needs same-day assessment.
        SafetyNet::NerveLoss => has(NewLegWeakness).then(|| vec![NewLegWeakness]),
        // NHS: sciatica in both legs, go to A&E or call 999.
        SafetyNet::BothLegs => has(PainDownBothLegs).then(|| vec![PainDownBothLegs]),
        // NHS statins / rhabdomyolysis: dark urine with aching muscles needs urgent advice.
        SafetyNet::MuscleBreakdown => has(DarkUrine).then(|| vec![DarkUrine]),
        SafetyNet::CracksAtRisk => both(
            any(&[CracksBleedingOrDeep]),
            any(&[NumbOrTinglingFeet, ColdPaleFeet, KnownArteryDisease]),
        ),
        SafetyNet::WoundNotHealing => has(FootWoundNotHealing).then(|| vec![FootWoundNotHealing]),
    }
}

/// Every rule that fires, in SPEC's order, each named once:
/// - rest-pain rules that fire together read as one (the first), with all their answers;
/// - a fever or feeling unwell already named by an emergency rule is not repeated;
/// - a lower rule whose every answer a higher rule already names adds nothing to say
///   (a wound named by the diabetic-foot rules, cracks named by the working-day rule).
pub fn fired(findings: &BTreeSet<Finding>) -> Vec<Fired> {
    let mut fired: Vec<Fired> = Vec::new();
    for rule in SafetyNet::ALL {
        let Some(because) = check(rule, findings) else {
            continue;
        };
        let same_kind = fired
            .iter_mut()
            .find(|f| rule.is_rest_pain() && f.rule.is_rest_pain());
        match same_kind {
            Some(first) => {
                for finding in because {
                    if !first.because.contains(&finding) {
                        first.because.push(finding);
                    }
                }
            }
            None => fired.push(Fired { rule, because }),
        }
    }
    let named_above = |rule: SafetyNet, fired: &[Fired]| -> Vec<Finding> {
        fired
            .iter()
            .filter(|f| f.rule.urgency() > rule.urgency())
            .flat_map(|f| f.because.iter().copied())
            .collect()
    };
    let snapshot = fired.clone();
    fired.retain(|f| {
        let says_less_when_named_above = matches!(
            f.rule,
            SafetyNet::FeverOrUnwell | SafetyNet::WoundNotHealing | SafetyNet::CracksAtRisk
        );
        let above = named_above(f.rule, &snapshot);
        !says_less_when_named_above || f.because.iter().any(|b| !above.contains(b))
    });
    fired
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(findings: &[Finding]) -> Vec<SafetyNet> {
        fired(&findings.iter().copied().collect())
            .into_iter()
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn the_classic_pair_and_foot_pain_eased_hanging_need_no_risk_factor() {
        assert_eq!(
            rules(&[WorseLegsRaised, EasedLegsHangingDown]),
            [SafetyNet::RestPainClassicPair]
        );
        assert_eq!(
            rules(&[EasedLegsHangingDown, PainFeet]),
            [SafetyNet::RestPainFeet]
        );
        // One sign short: neither alone fires.
        assert!(rules(&[WorseLegsRaised]).is_empty());
        assert!(rules(&[EasedLegsHangingDown]).is_empty());
        assert!(rules(&[EasedLegsHangingDown, PainCalf]).is_empty());
    }

    #[test]
    fn rest_pain_positional_needs_a_sign_or_risk_of_poor_flow() {
        for risk in [
            ColdPaleFeet,
            CalfPainWalkingEasedByRest,
            KnownArteryDisease,
            Smoker,
            Diabetes,
            HeartOrStrokeHistory,
        ] {
            assert_eq!(
                rules(&[EasedLegsHangingDown, risk]),
                [SafetyNet::RestPainPositional],
                "{risk:?}"
            );
        }
        assert!(rules(&[Smoker, Heaviness, EasesAfterLyingAWhile]).is_empty());
    }

    #[test]
    fn a_risk_with_the_hanging_sign_stands_down_for_pain_only_in_the_back_and_down_the_leg() {
        for risk in [Smoker, Diabetes, HeartOrStrokeHistory] {
            assert!(
                rules(&[
                    EasedLegsHangingDown,
                    PainLowerBack,
                    PainButtockDownLeg,
                    risk
                ])
                .is_empty(),
                "{risk:?}"
            );
            // A sign of poor flow still counts there, and so does any other place.
            assert_eq!(
                rules(&[EasedLegsHangingDown, PainButtockDownLeg, ColdPaleFeet]),
                [SafetyNet::RestPainPositional]
            );
            assert_eq!(
                rules(&[EasedLegsHangingDown, PainButtockDownLeg, PainCalf, risk]),
                [SafetyNet::RestPainPositional],
                "{risk:?}"
            );
        }
    }

    #[test]
    fn rest_pain_legs_raised_needs_a_sign_of_poor_flow_or_feet_with_a_risk() {
        for sign in [ColdPaleFeet, CalfPainWalkingEasedByRest, KnownArteryDisease] {
            assert_eq!(
                rules(&[WorseLegsRaised, sign]),
                [SafetyNet::RestPainLegsRaised],
                "{sign:?}"
            );
        }
        for risk in [Smoker, Diabetes, HeartOrStrokeHistory] {
            assert_eq!(
                rules(&[WorseLegsRaised, PainFeet, risk]),
                [SafetyNet::RestPainLegsRaised],
                "{risk:?}"
            );
            assert!(rules(&[WorseLegsRaised, risk]).is_empty(), "{risk:?}");
        }
    }

    #[test]
    fn night_foot_pain_with_poor_circulation_is_rest_pain() {
        for when in [WorseAtNight, SeverePain] {
            for sign in [ColdPaleFeet, CalfPainWalkingEasedByRest, KnownArteryDisease] {
                assert_eq!(
                    rules(&[PainFeet, when, sign]),
                    [SafetyNet::NightFootPainPoorCirculation],
                    "{when:?} {sign:?}"
                );
            }
            assert!(rules(&[PainFeet, when, Smoker]).is_empty());
        }
        assert!(rules(&[PainFeet, ColdPaleFeet]).is_empty());
    }

    #[test]
    fn rest_pain_rules_that_fire_together_read_as_one_with_all_their_answers() {
        let fired = fired(
            &[WorseLegsRaised, EasedLegsHangingDown, PainFeet, Smoker]
                .into_iter()
                .collect(),
        );
        assert_eq!(fired.len(), 1);
        assert_eq!(fired[0].rule, SafetyNet::RestPainClassicPair);
        assert_eq!(
            fired[0].because,
            [WorseLegsRaised, EasedLegsHangingDown, PainFeet, Smoker]
        );
    }

    #[test]
    fn a_diabetic_wound_or_deep_crack_is_next_day() {
        for sign in [FootWoundNotHealing, CracksBleedingOrDeep] {
            assert_eq!(
                rules(&[Diabetes, sign]),
                [SafetyNet::DiabeticFootNextDay],
                "{sign:?}"
            );
        }
        assert_eq!(rules(&[FootWoundNotHealing]), [SafetyNet::WoundNotHealing]);
        assert!(rules(&[CracksBleedingOrDeep]).is_empty());
    }

    #[test]
    fn dark_urine_is_urgent_alone() {
        assert_eq!(rules(&[DarkUrine]), [SafetyNet::MuscleBreakdown]);
        assert_eq!(SafetyNet::MuscleBreakdown.urgency(), Urgency::Urgent);
    }

    #[test]
    fn diabetic_foot_emergency_has_three_ways_in() {
        for way in [
            &[BlackOrDarkToes][..],
            &[RedHotSwollenSkin, Fever],
            &[FootWoundNotHealing, Fever],
            &[FootWoundNotHealing, ColdPaleFeet],
        ] {
            let with = [&[Diabetes][..], way].concat();
            assert!(
                rules(&with).contains(&SafetyNet::DiabeticFootEmergency),
                "{way:?}"
            );
            assert!(
                !rules(way).contains(&SafetyNet::DiabeticFootEmergency),
                "{way:?}"
            );
        }
        assert!(!rules(&[Diabetes, RedHotSwollenSkin]).contains(&SafetyNet::DiabeticFootEmergency));
    }

    #[test]
    fn sepsis_is_feeling_very_unwell_with_a_source_of_infection() {
        for source in [
            Fever,
            RedHotSwollenSkin,
            OneLegSwollenWarmRed,
            FootWoundNotHealing,
        ] {
            assert!(
                rules(&[VeryUnwellOrConfused, source]).starts_with(&[SafetyNet::Sepsis]),
                "{source:?}"
            );
        }
        assert_eq!(rules(&[VeryUnwellOrConfused]), [SafetyNet::FeverOrUnwell]);
    }

    #[test]
    fn fever_or_feeling_unwell_alone_fires() {
        assert_eq!(rules(&[Fever]), [SafetyNet::FeverOrUnwell]);
        assert_eq!(rules(&[Fever, PainFeet]), [SafetyNet::FeverOrUnwell]);
        // Named once: by the sepsis rule, not again on its own.
        assert_eq!(
            rules(&[Fever, VeryUnwellOrConfused, RedHotSwollenSkin]),
            [SafetyNet::Sepsis]
        );
    }

    #[test]
    fn serious_cause_without_back_pain_needs_a_risk_and_night_or_restless_pain() {
        for risk in [HistoryOfCancer, UnexplainedWeightLoss] {
            for pain in [&[NoComfortablePosition][..], &[SeverePain, WorseAtNight]] {
                let findings = [&[risk][..], pain].concat();
                assert_eq!(
                    rules(&findings),
                    [SafetyNet::SeriousCauseWithoutBackPain],
                    "{findings:?}"
                );
            }
        }
        assert!(rules(&[HistoryOfCancer, SeverePain]).is_empty());
        assert!(rules(&[NoComfortablePosition, SeverePain, WorseAtNight]).is_empty());
    }

    #[test]
    fn one_leg_needs_calf_pain_and_swelling_heaviness_or_a_clot_risk() {
        for third in [
            AnkleSwellingEvening,
            Heaviness,
            PastClotOrRecentSurgery,
            HistoryOfCancer,
        ] {
            assert_eq!(
                rules(&[OneLegOnly, PainCalf, third]),
                [SafetyNet::OneLeg],
                "{third:?}"
            );
            // The same, unchanged for months or years, is not a new clot.
            assert!(
                !rules(&[OneLegOnly, PainCalf, third, HadItForMonths]).contains(&SafetyNet::OneLeg)
            );
        }
        assert!(rules(&[PainCalf, Heaviness, AnkleSwellingEvening]).is_empty());
        assert!(rules(&[OneLegOnly, Heaviness, AnkleSwellingEvening]).is_empty());
        assert!(rules(&[OneLegOnly, PainCalf]).is_empty());
    }

    #[test]
    fn nerve_loss_and_both_legs_fire_alone() {
        assert_eq!(rules(&[NewLegWeakness]), [SafetyNet::NerveLoss]);
        assert_eq!(rules(&[PainDownBothLegs]), [SafetyNet::BothLegs]);
        assert_eq!(SafetyNet::BothLegs.urgency(), Urgency::Emergency);
    }

    #[test]
    fn the_answers_that_fired_a_rule_are_named() {
        let fired = fired(
            &[Smoker, EasedLegsHangingDown, Burning]
                .into_iter()
                .collect(),
        );
        assert_eq!(fired[0].because, [EasedLegsHangingDown, Smoker]);
    }
}
