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
    RestPainPositional,
    RestPainLegsRaised,
    DiabeticFootEmergency,
    Sepsis,
    FeverOrUnwell,
    SeriousCauseWithoutBackPain,
    OneLeg,
    NerveLoss,
    BothLegs,
}

impl SafetyNet {
    pub const ALL: [SafetyNet; 9] = [
        SafetyNet::RestPainPositional,
        SafetyNet::RestPainLegsRaised,
        SafetyNet::DiabeticFootEmergency,
        SafetyNet::Sepsis,
        SafetyNet::FeverOrUnwell,
        SafetyNet::SeriousCauseWithoutBackPain,
        SafetyNet::OneLeg,
        SafetyNet::NerveLoss,
        SafetyNet::BothLegs,
    ];

    /// The least urgency the rule sets (SPEC's "at least" column).
    pub fn urgency(self) -> Urgency {
        match self {
            SafetyNet::DiabeticFootEmergency | SafetyNet::Sepsis => Urgency::Emergency,
            _ => Urgency::Urgent,
        }
    }

    /// The condition the rule puts among the ranked ones, if any.
    pub fn ranks(self) -> Option<Condition> {
        match self {
            SafetyNet::RestPainPositional | SafetyNet::RestPainLegsRaised => {
                Some(Condition::ArterialRestPain)
            }
            SafetyNet::SeriousCauseWithoutBackPain => Some(Condition::SeriousSpinalCause),
            SafetyNet::OneLeg => Some(Condition::Dvt),
            SafetyNet::BothLegs => Some(Condition::CaudaEquina),
            _ => None,
        }
    }

    /// What has to happen, for the sentence "Because you said …, <this>."
    pub fn consequence(self) -> &'static str {
        match self {
            SafetyNet::RestPainPositional | SafetyNet::RestPainLegsRaised => {
                "poor blood flow to your legs has to be ruled out now"
            }
            SafetyNet::DiabeticFootEmergency => {
                "this is a diabetic foot emergency: the foot needs to be seen straight away"
            }
            SafetyNet::Sepsis => {
                "an infection may be spreading through your body (sepsis), which needs help straight away"
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
                "pressure on the nerves at the base of the spine has to be ruled out now"
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

/// `Some(because)` when the rule fires on these findings.
fn check(rule: SafetyNet, findings: &BTreeSet<Finding>) -> Option<Vec<Finding>> {
    let has = |f: Finding| findings.contains(&f);
    let any = |wanted: &[Finding]| present(findings, wanted);
    let both = |first: Vec<Finding>, second: Vec<Finding>| {
        (!first.is_empty() && !second.is_empty()).then(|| [first, second].concat())
    };
    match rule {
        // The article: hanging the legs down eases rest pain. With any sign or risk of poor
        // arterial flow it must be ruled out, whatever else ranks first.
        SafetyNet::RestPainPositional => both(
            any(&[EasedLegsHangingDown]),
            any(&[
                ColdPaleFeet,
                CalfPainWalkingEasedByRest,
                KnownArteryDisease,
                Smoker,
                Diabetes,
            ]),
        ),
        // The article: raised legs lose gravity's help; with signs of poor flow that is rest pain.
        SafetyNet::RestPainLegsRaised => both(
            any(&[WorseLegsRaised]),
            any(&[ColdPaleFeet, CalfPainWalkingEasedByRest, KnownArteryDisease]),
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
        // NICE sepsis guidance: feeling very unwell or confused with a source of infection.
        SafetyNet::Sepsis => both(
            any(&[VeryUnwellOrConfused]),
            any(&[Fever, RedHotSwollenSkin, FootWoundNotHealing]),
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
        // recent operation or immobility (SPEC: "adds weight to dvt", as in the Wells score)
        // is enough beside the one-sided calf pain.
        SafetyNet::OneLeg => {
            let one_calf = both(any(&[OneLegOnly]), any(&[PainCalf]));
            one_calf.and_then(|calf| {
                both(
                    calf,
                    any(&[AnkleSwellingEvening, Heaviness, PastClotOrRecentSurgery]),
                )
            })
        }
        // NICE CKS sciatica: progressive or new motor loss needs same-day assessment.
        SafetyNet::NerveLoss => has(NewLegWeakness).then(|| vec![NewLegWeakness]),
        // NHS 111 Wales / NICE CKS: sciatica in both legs is an early sign of cauda equina.
        SafetyNet::BothLegs => has(PainDownBothLegs).then(|| vec![PainDownBothLegs]),
    }
}

/// Every rule that fires, in SPEC's order. A fever or feeling unwell already named by a
/// more urgent rule (sepsis, diabetic foot) is not repeated as a rule of its own.
pub fn fired(findings: &BTreeSet<Finding>) -> Vec<Fired> {
    let mut fired: Vec<Fired> = SafetyNet::ALL
        .into_iter()
        .filter_map(|rule| check(rule, findings).map(|because| Fired { rule, because }))
        .collect();
    let named_by_emergency: Vec<Finding> = fired
        .iter()
        .filter(|f| f.rule.urgency() == Urgency::Emergency)
        .flat_map(|f| f.because.iter().copied())
        .collect();
    fired.retain(|f| {
        f.rule != SafetyNet::FeverOrUnwell
            || f.because.iter().any(|b| !named_by_emergency.contains(b))
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
    fn rest_pain_positional_needs_a_sign_or_risk_of_poor_flow() {
        for risk in [
            ColdPaleFeet,
            CalfPainWalkingEasedByRest,
            KnownArteryDisease,
            Smoker,
            Diabetes,
        ] {
            assert!(
                rules(&[EasedLegsHangingDown, risk]).contains(&SafetyNet::RestPainPositional),
                "{risk:?}"
            );
        }
        assert!(rules(&[EasedLegsHangingDown, PainFeet]).is_empty());
        assert!(rules(&[Smoker, Heaviness, EasesAfterLyingAWhile]).is_empty());
    }

    #[test]
    fn rest_pain_legs_raised_needs_a_sign_of_poor_flow_not_only_a_risk() {
        for sign in [ColdPaleFeet, CalfPainWalkingEasedByRest, KnownArteryDisease] {
            assert_eq!(
                rules(&[WorseLegsRaised, sign]),
                [SafetyNet::RestPainLegsRaised],
                "{sign:?}"
            );
        }
        assert!(rules(&[WorseLegsRaised, Smoker]).is_empty());
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
        for source in [Fever, RedHotSwollenSkin, FootWoundNotHealing] {
            assert_eq!(
                rules(&[VeryUnwellOrConfused, source]),
                [SafetyNet::Sepsis],
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
        for third in [AnkleSwellingEvening, Heaviness, PastClotOrRecentSurgery] {
            assert_eq!(
                rules(&[OneLegOnly, PainCalf, third]),
                [SafetyNet::OneLeg],
                "{third:?}"
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
