//! What a warning on a result links to, and when to call the emergency number instead of
//! the urgent-care line (SPEC v3: under every `urgent` action, with the signs of that
//! result's own dangerous cause).

use crate::clinical::{Assessment, Condition, SafetyNet, Urgency, UrgencyReason};
use crate::learn::warnings::Warning;

/// Where a reason is explained: a part of the warning-signs page, or a cause's own page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Explained {
    Warning(Warning),
    Cause(Condition),
}

impl Explained {
    pub fn href(self) -> String {
        match self {
            Explained::Warning(warning) => warning.href(),
            Explained::Cause(condition) => format!("/learn/{}", condition.id()),
        }
    }
}

fn of_condition(condition: Condition) -> Option<Explained> {
    Some(match condition {
        Condition::Dvt => Explained::Warning(Warning::Clot),
        Condition::CaudaEquina => Explained::Warning(Warning::CaudaEquina),
        Condition::AcuteLimbIschaemia => Explained::Warning(Warning::SuddenColdLeg),
        Condition::SkinInfection => Explained::Warning(Warning::Infection),
        Condition::SeriousSpinalCause => Explained::Warning(Warning::SeriousSpine),
        Condition::ArterialRestPain => Explained::Cause(Condition::ArterialRestPain),
        _ => return None,
    })
}

/// The explanation a reason for the urgency links to, if it is a warning.
pub fn explained(reason: &UrgencyReason) -> Option<Explained> {
    match reason {
        UrgencyReason::RedFlag(condition) => of_condition(*condition),
        UrgencyReason::ChestPain => Some(Explained::Warning(Warning::Clot)),
        UrgencyReason::UrgentSign(_) | UrgencyReason::CirculationCheck => {
            Some(Explained::Cause(Condition::ArterialRestPain))
        }
        UrgencyReason::SafetyNet(rule, _) => match rule {
            rule if rule.is_rest_pain() => Some(Explained::Cause(Condition::ArterialRestPain)),
            SafetyNet::NerveLoss => Some(Explained::Warning(Warning::CaudaEquina)),
            SafetyNet::DiabeticFootEmergency
            | SafetyNet::Sepsis
            | SafetyNet::FeverOrUnwell
            | SafetyNet::DiabeticFootNextDay => Some(Explained::Warning(Warning::Infection)),
            SafetyNet::MuscleBreakdown => Some(Explained::Warning(Warning::MuscleBreakdown)),
            SafetyNet::CracksAtRisk | SafetyNet::WoundNotHealing => None,
            rule => rule.ranks().and_then(of_condition),
        },
        UrgencyReason::TopCondition(_) | UrgencyReason::NothingToGoOn => None,
    }
}

/// Rest pain's own signs of an emergency (SPEC): the leg suddenly cold, white, blue or numb.
const REST_PAIN_CALL_NOW: &str = "Call the emergency number if the leg suddenly turns cold, white, blue or numb, or you cannot move it.";

/// For any urgent result whose cause names no signs of its own.
const ANY_CALL_NOW: &str = "Call the emergency number if you get much worse, feel confused or very drowsy, or cannot stand.";

/// The lines "call the emergency number instead if …" for an `urgent` result: one per
/// dangerous cause among its reasons, in the order the reasons give them; none otherwise.
pub fn call_instead(assessment: &Assessment) -> Vec<&'static str> {
    if assessment.urgency != Urgency::Urgent {
        return Vec::new();
    }
    let mut lines: Vec<&'static str> = Vec::new();
    for reason in &assessment.reasons {
        let line = match explained(reason) {
            Some(Explained::Warning(warning)) => warning.explanation().call_now,
            Some(Explained::Cause(_)) => REST_PAIN_CALL_NOW,
            None => continue,
        };
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    if lines.is_empty() {
        lines.push(ANY_CALL_NOW);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::{assess, Finding::*};

    #[test]
    fn every_urgent_result_says_when_to_call_the_emergency_number_with_its_causes_signs() {
        let clot = call_instead(&assess(&[OneLegOnly, PainCalf, Heaviness]));
        assert!(clot[0].contains("breathless") && clot[0].contains("cough up blood"));
        let nerve = call_instead(&assess(&[NewLegWeakness]));
        assert!(nerve[0].contains("bottom or genitals") && nerve[0].contains("bladder"));
        let rest_pain = call_instead(&assess(&[WorseLegsRaised, EasedLegsHangingDown, PainFeet]));
        assert_eq!(rest_pain, [REST_PAIN_CALL_NOW]);
        let infection = call_instead(&assess(&[Fever, PainFeet]));
        assert!(infection[0].contains("confused") && infection[0].contains("blotchy"));
        let dark = call_instead(&assess(&[DarkUrine]));
        assert!(dark[0].contains("very little urine"));
    }

    #[test]
    fn only_urgent_results_carry_the_lines() {
        assert!(call_instead(&assess(&[SaddleNumbness])).is_empty());
        assert!(call_instead(&assess(&[Burning, NumbOrTinglingFeet])).is_empty());
        assert!(call_instead(&assess(&[Diabetes, FootWoundNotHealing])).is_empty());
    }

    #[test]
    fn every_warning_reason_links_to_an_explanation() {
        for findings in [
            &[OneLegSwollenWarmRed][..],
            &[PainDownBothLegs],
            &[SuddenColdPaleNumbLeg],
            &[RedHotSwollenSkin, VeryUnwellOrConfused],
            &[PainLowerBack, HistoryOfCancer],
            &[DarkUrine],
            &[NewLegWeakness],
            &[ChestPainOrBreathless],
            &[EasedLegsHangingDown, PainFeet],
            &[BlackOrDarkToes],
            &[Fever],
        ] {
            let a = assess(findings);
            for reason in a.reasons.iter().filter(|r| {
                !matches!(
                    r,
                    UrgencyReason::TopCondition(_) | UrgencyReason::NothingToGoOn
                )
            }) {
                assert!(explained(reason).is_some(), "{findings:?}: {reason:?}");
            }
        }
        assert_eq!(
            explained(&UrgencyReason::RedFlag(Condition::Dvt)).map(Explained::href),
            Some("/learn/warning-signs#clot".to_string())
        );
    }
}
