//! The triage engine: findings in, an assessment out. SPEC's rules, in order: red-flag
//! conditions rank first; the urgency is the highest of the red flags and urgent signs,
//! the condition ranked first, and every safety-net rule that fires; only conditions with
//! a non-background supporting finding are ranked, or those a safety-net rule names.

use super::red_flags::{self, Flag};
use super::rules::{weights_for, RULES};
use super::safety_net::{self, Fired, SafetyNet};
use super::{Condition, Finding, Urgency};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Likelihood {
    /// A red flag: not a likelihood but a reason to act now.
    WarningSign,
    Strong,
    Possible,
    Weak,
}

impl Likelihood {
    fn from_score(score: i32) -> Likelihood {
        match score {
            s if s >= 7 => Likelihood::Strong,
            s if s >= 4 => Likelihood::Possible,
            _ => Likelihood::Weak,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Likelihood::WarningSign => "Warning sign",
            Likelihood::Strong => "Fits well",
            Likelihood::Possible => "Could fit",
            Likelihood::Weak => "Fits a little",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RankedCondition {
    pub condition: Condition,
    pub likelihood: Likelihood,
    pub score: i32,
    pub urgency: Urgency,
    /// Answers that point to it.
    pub supporting: Vec<Finding>,
    /// Answers that point away from it.
    pub against: Vec<Finding>,
}

/// Why the urgency is what it is, in terms the result screen can word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum UrgencyReason {
    RedFlag(Condition),
    /// Chest pain or breathlessness: an emergency whatever else is going on.
    ChestPain,
    UrgentSign(Finding),
    /// A safety-net rule, with the answers that fired it.
    SafetyNet(SafetyNet, Vec<Finding>),
    TopCondition(Condition),
    NothingToGoOn,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub urgency: Urgency,
    pub reasons: Vec<UrgencyReason>,
    pub red_flags: Vec<Condition>,
    pub ranked: Vec<RankedCondition>,
}

impl Assessment {
    /// `None` means "cannot tell": no symptom was given.
    pub fn top(&self) -> Option<Condition> {
        self.ranked.first().map(|ranked| ranked.condition)
    }

    pub fn ranks(&self, condition: Condition) -> bool {
        self.ranked.iter().any(|r| r.condition == condition)
    }
}

/// The urgency of a condition given the other answers: SPEC raises cracked skin to `soon`
/// with deep or bleeding cracks and diabetes, numb feet or poor circulation.
fn condition_urgency(condition: Condition, findings: &BTreeSet<Finding>) -> Urgency {
    let at_risk = [
        Finding::Diabetes,
        Finding::NumbOrTinglingFeet,
        Finding::ColdPaleFeet,
    ]
    .iter()
    .any(|f| findings.contains(f));
    let raised = condition == Condition::SkinFissures
        && findings.contains(&Finding::CracksBleedingOrDeep)
        && at_risk;
    if raised {
        Urgency::Soon
    } else {
        condition.base_urgency()
    }
}

/// Red-flag conditions: those any one of their signs triggers, then those a safety-net
/// rule ranks (a clot, cauda equina, a serious spinal cause), merged into one entry each.
fn rank_red_flags(
    findings: &BTreeSet<Finding>,
    flags: &[Flag],
    fired: &[Fired],
) -> Vec<RankedCondition> {
    let mut ranked: Vec<RankedCondition> = flags
        .iter()
        .map(|flag| warning_sign(flag.condition, flag.urgency, flag.because.clone()))
        .collect();
    for fired in fired {
        let Some(condition) = fired.rule.ranks().filter(|c| c.is_red_flag()) else {
            continue;
        };
        let urgency = match condition {
            Condition::Dvt => red_flags::dvt_urgency(findings),
            _ => fired.rule.urgency(),
        };
        match ranked.iter_mut().find(|r| r.condition == condition) {
            Some(existing) => {
                for finding in &fired.because {
                    if !existing.supporting.contains(finding) {
                        existing.supporting.push(*finding);
                    }
                }
            }
            None => ranked.push(warning_sign(condition, urgency, fired.because.clone())),
        }
    }
    // SPEC: an infected crack or wound is an emergency with sepsis or a diabetic foot.
    let infection_emergency = fired
        .iter()
        .any(|f| matches!(f.rule, SafetyNet::Sepsis | SafetyNet::DiabeticFootEmergency));
    for r in &mut ranked {
        if r.condition == Condition::SkinInfection && infection_emergency {
            r.urgency = Urgency::Emergency;
        }
    }
    ranked.sort_by_key(|r| std::cmp::Reverse(r.urgency));
    ranked
}

fn warning_sign(condition: Condition, urgency: Urgency, because: Vec<Finding>) -> RankedCondition {
    RankedCondition {
        condition,
        likelihood: Likelihood::WarningSign,
        score: 0,
        urgency,
        supporting: because,
        against: Vec::new(),
    }
}

/// The article's causes, scored by their weights. A cause a safety-net rule names is ranked
/// even when the other answers point away from it, so it cannot drop off the page.
fn rank_explained(findings: &BTreeSet<Finding>, fired: &[Fired]) -> Vec<RankedCondition> {
    let forced: Vec<Condition> = fired.iter().filter_map(|f| f.rule.ranks()).collect();
    let mut explained: Vec<RankedCondition> = RULES
        .iter()
        .filter_map(|rule| {
            let weights = weights_for(rule.condition);
            let present = weights.iter().filter(|(f, _)| findings.contains(f));
            let score: i32 = present.clone().map(|(_, w)| i32::from(*w)).sum();
            let supporting: Vec<Finding> = present
                .clone()
                .filter(|(_, w)| *w > 0)
                .map(|(f, _)| *f)
                .collect();
            let against: Vec<Finding> = present.filter(|(_, w)| *w < 0).map(|(f, _)| *f).collect();
            let has_symptom = supporting.iter().any(|f| !f.is_background());
            let is_forced = forced.contains(&rule.condition);
            ((has_symptom && score > 0) || is_forced).then(|| RankedCondition {
                condition: rule.condition,
                likelihood: match Likelihood::from_score(score) {
                    // Named by a safety-net rule: never shown as a faint possibility.
                    Likelihood::Weak if is_forced => Likelihood::Possible,
                    likelihood => likelihood,
                },
                score,
                urgency: condition_urgency(rule.condition, findings),
                supporting,
                against,
            })
        })
        .collect();
    // Higher score first; on a tie, the more urgent condition leads so it is not missed.
    explained.sort_by(|a, b| b.score.cmp(&a.score).then(b.urgency.cmp(&a.urgency)));
    explained
}

/// SPEC: the highest of the red flags and urgent signs, the condition ranked first, and
/// every safety-net rule, whatever ranks first.
fn urgency_and_reasons(
    findings: &BTreeSet<Finding>,
    flags: &[Flag],
    fired: &[Fired],
    ranked: &[RankedCondition],
) -> (Urgency, Vec<UrgencyReason>) {
    let mut urgency = Urgency::SelfCare;
    let mut reasons = Vec::new();
    for flag in flags {
        urgency = urgency.max(flag.urgency);
        reasons.push(UrgencyReason::RedFlag(flag.condition));
    }
    if findings.contains(&Finding::ChestPainOrBreathless) {
        urgency = Urgency::Emergency;
        reasons.push(UrgencyReason::ChestPain);
    }
    // SPEC / NICE NG19: gangrene and a non-healing foot wound need same-day care.
    for sign in [Finding::BlackOrDarkToes, Finding::FootWoundNotHealing] {
        if findings.contains(&sign) {
            urgency = urgency.max(Urgency::Urgent);
            reasons.push(UrgencyReason::UrgentSign(sign));
        }
    }
    for fired in fired {
        urgency = urgency.max(fired.rule.urgency());
        reasons.push(UrgencyReason::SafetyNet(fired.rule, fired.because.clone()));
    }
    match ranked.first() {
        Some(top) => {
            urgency = urgency.max(top.urgency);
            if !top.condition.is_red_flag() {
                reasons.push(UrgencyReason::TopCondition(top.condition));
            }
        }
        None if reasons.is_empty() => reasons.push(UrgencyReason::NothingToGoOn),
        None => {}
    }
    (urgency, reasons)
}

pub fn assess(findings: &[Finding]) -> Assessment {
    let findings: BTreeSet<Finding> = findings.iter().copied().collect();
    let flags = red_flags::triggered(&findings);
    let fired = safety_net::fired(&findings);
    let mut ranked = rank_red_flags(&findings, &flags, &fired);
    ranked.extend(rank_explained(&findings, &fired));
    let (urgency, reasons) = urgency_and_reasons(&findings, &flags, &fired, &ranked);
    Assessment {
        urgency,
        reasons,
        red_flags: ranked
            .iter()
            .filter(|r| r.condition.is_red_flag())
            .map(|r| r.condition)
            .collect(),
        ranked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Finding::*;

    fn top(findings: &[Finding]) -> Option<Condition> {
        assess(findings).top()
    }

    #[test]
    fn nothing_answered_is_cannot_tell_at_self_care() {
        let a = assess(&[]);
        assert_eq!(a.top(), None);
        assert_eq!(a.urgency, Urgency::SelfCare);
        assert_eq!(a.reasons, vec![UrgencyReason::NothingToGoOn]);
    }

    #[test]
    fn background_facts_alone_rank_nothing() {
        let a = assess(&[
            Diabetes,
            Smoker,
            KnownArteryDisease,
            Arthritis,
            HistoryOfCancer,
        ]);
        assert_eq!(a.top(), None);
        assert_eq!(a.urgency, Urgency::SelfCare);
    }

    #[test]
    fn each_article_pattern_tops_its_condition() {
        assert_eq!(
            top(&[PainButtockDownLeg, DullAche, NoComfortablePosition]),
            Some(Condition::NerveCompression)
        );
        assert_eq!(
            top(&[Burning, NumbOrTinglingFeet, PainFeet]),
            Some(Condition::Neuropathy)
        );
        assert_eq!(
            top(&[PainOuterHip, WorseLyingOnSide]),
            Some(Condition::JointAndMuscle)
        );
        assert_eq!(
            top(&[EasedSittingOrLeaningForward, WorseStandingOrWalking]),
            Some(Condition::SpinalStenosis)
        );
        assert_eq!(
            top(&[WorseLegsRaised, EasedLegsHangingDown, PainFeet]),
            Some(Condition::ArterialRestPain)
        );
        assert_eq!(
            top(&[Heaviness, HeavinessBuildsDuringDay]),
            Some(Condition::VenousInsufficiency)
        );
        assert_eq!(
            top(&[PainSoleSkin, CrackedHeels]),
            Some(Condition::SkinFissures)
        );
    }

    #[test]
    fn a_red_flag_ranks_above_a_stronger_ordinary_match() {
        let a = assess(&[
            PainButtockDownLeg,
            DullAche,
            NoComfortablePosition,
            WorseAtNight,
            BladderOrBowelChange,
        ]);
        assert_eq!(a.top(), Some(Condition::CaudaEquina));
        assert_eq!(a.urgency, Urgency::Emergency);
        assert_eq!(a.ranked[1].condition, Condition::NerveCompression);
    }

    #[test]
    fn a_lower_ranked_condition_without_a_safety_net_rule_does_not_raise_the_urgency() {
        // Rest pain ranks below the cracked heel, and no sign of poor flow fires a rule.
        let a = assess(&[
            PainSoleSkin,
            CrackedHeels,
            DrySkinSoles,
            NoPainWhenStandingOnFeet,
            Smoker,
            PainFeet,
            SeverePain,
        ]);
        assert_eq!(a.top(), Some(Condition::SkinFissures));
        assert_eq!(a.urgency, Urgency::SelfCare);
    }

    /// The traces of the clinical review (issue 12), each once ending too low.
    #[test]
    fn rest_pain_ranked_second_sets_the_urgency() {
        let a = assess(&[
            Diabetes,
            Burning,
            NumbOrTinglingFeet,
            PainFeet,
            EasedLegsHangingDown,
            ColdPaleFeet,
        ]);
        assert_eq!(a.top(), Some(Condition::Neuropathy));
        assert!(a.ranks(Condition::ArterialRestPain));
        assert_eq!(a.urgency, Urgency::Urgent);
        assert!(a.reasons.iter().any(|r| matches!(
            r,
            UrgencyReason::SafetyNet(SafetyNet::RestPainPositional, _)
        )));
    }

    #[test]
    fn outer_hip_pain_with_feet_eased_hanging_cold_and_smoking_is_urgent() {
        let a = assess(&[
            PainOuterHip,
            WorseLyingOnSide,
            EasedLegsHangingDown,
            ColdPaleFeet,
            Smoker,
        ]);
        assert!(a.ranks(Condition::JointAndMuscle));
        assert!(a.ranks(Condition::ArterialRestPain));
        assert_eq!(a.urgency, Urgency::Urgent);
    }

    #[test]
    fn calf_pain_heaviness_and_swelling_in_one_leg_rank_a_clot_first() {
        let a = assess(&[OneLegOnly, PainCalf, Heaviness, AnkleSwellingEvening]);
        assert_eq!(a.top(), Some(Condition::Dvt));
        assert_eq!(a.urgency, Urgency::Urgent);
        assert!(a.ranks(Condition::VenousInsufficiency));
        // The same in both legs is the vein pattern at home.
        let both = assess(&[PainCalf, Heaviness, AnkleSwellingEvening]);
        assert_eq!(both.urgency, Urgency::SelfCare);
    }

    #[test]
    fn severe_night_calf_pain_with_cancer_and_no_back_pain_is_urgent() {
        let a = assess(&[
            PainCalf,
            SeverePain,
            WorseAtNight,
            NoComfortablePosition,
            HistoryOfCancer,
        ]);
        assert_eq!(a.top(), Some(Condition::SeriousSpinalCause));
        assert_eq!(a.urgency, Urgency::Urgent);
    }

    #[test]
    fn an_infected_crack_with_fever_and_diabetes_is_an_emergency() {
        let a = assess(&[Diabetes, CrackedHeels, RedHotSwollenSkin, Fever]);
        assert_eq!(a.urgency, Urgency::Emergency);
        assert_eq!(a.top(), Some(Condition::SkinInfection));
        assert_eq!(a.ranked[0].urgency, Urgency::Emergency);
        // Without diabetes it is urgent.
        assert_eq!(
            assess(&[CrackedHeels, RedHotSwollenSkin, Fever]).urgency,
            Urgency::Urgent
        );
    }

    #[test]
    fn fever_with_foot_pain_is_urgent() {
        assert_eq!(assess(&[Fever, PainFeet]).urgency, Urgency::Urgent);
        assert_eq!(assess(&[Fever]).urgency, Urgency::Urgent);
    }

    #[test]
    fn any_one_sign_triggers_its_red_flag_condition() {
        for (sign, condition) in [
            (SaddleNumbness, Condition::CaudaEquina),
            (BladderOrBowelChange, Condition::CaudaEquina),
            (NewSexualProblems, Condition::CaudaEquina),
            (BothLegsWeakOrNumbWorsening, Condition::CaudaEquina),
            (SuddenColdPaleNumbLeg, Condition::AcuteLimbIschaemia),
            (OneLegSwollenWarmRed, Condition::Dvt),
            (RedHotSwollenSkin, Condition::SkinInfection),
        ] {
            let a = assess(&[sign]);
            assert_eq!(a.top(), Some(condition), "{sign:?}");
            assert!(a.urgency >= Urgency::Urgent, "{sign:?}");
        }
    }

    #[test]
    fn pain_down_both_legs_ranks_cauda_equina_at_urgent_not_emergency() {
        let a = assess(&[PainDownBothLegs, PainLowerBack]);
        assert_eq!(a.top(), Some(Condition::CaudaEquina));
        assert_eq!(a.urgency, Urgency::Urgent);
        let with_saddle = assess(&[PainDownBothLegs, SaddleNumbness]);
        assert_eq!(with_saddle.urgency, Urgency::Emergency);
        assert_eq!(with_saddle.red_flags, vec![Condition::CaudaEquina]);
    }

    #[test]
    fn background_facts_alone_still_rank_nothing_past_clots_included() {
        let a = assess(&[PastClotOrRecentSurgery, Smoker, Diabetes]);
        assert_eq!(a.top(), None);
        assert_eq!(a.urgency, Urgency::SelfCare);
    }

    #[test]
    fn dvt_is_urgent_and_an_emergency_with_chest_pain() {
        assert_eq!(assess(&[OneLegSwollenWarmRed]).urgency, Urgency::Urgent);
        let with_chest = assess(&[OneLegSwollenWarmRed, ChestPainOrBreathless]);
        assert_eq!(with_chest.urgency, Urgency::Emergency);
        assert_eq!(with_chest.top(), Some(Condition::Dvt));
    }

    #[test]
    fn chest_pain_alone_is_still_an_emergency() {
        let a = assess(&[ChestPainOrBreathless]);
        assert_eq!(a.urgency, Urgency::Emergency);
        assert!(a.reasons.contains(&UrgencyReason::ChestPain));
    }

    #[test]
    fn black_toes_or_a_wound_are_urgent_and_point_to_poor_blood_flow() {
        for sign in [BlackOrDarkToes, FootWoundNotHealing] {
            let a = assess(&[sign]);
            assert_eq!(a.urgency, Urgency::Urgent, "{sign:?}");
            assert_eq!(a.top(), Some(Condition::ArterialRestPain), "{sign:?}");
        }
    }

    #[test]
    fn back_pain_with_cancer_history_is_a_red_flag_but_the_history_alone_is_not() {
        assert_eq!(assess(&[HistoryOfCancer]).urgency, Urgency::SelfCare);
        let a = assess(&[PainLowerBack, HistoryOfCancer]);
        assert_eq!(a.top(), Some(Condition::SeriousSpinalCause));
        assert_eq!(a.urgency, Urgency::Urgent);
    }

    #[test]
    fn fever_from_an_infected_crack_is_not_read_as_a_spinal_cause() {
        let a = assess(&[CrackedHeels, RedHotSwollenSkin, Fever, PainLowerBack]);
        assert_eq!(a.red_flags, vec![Condition::SkinInfection]);
    }

    #[test]
    fn deep_cracks_with_diabetes_raise_fissures_to_soon() {
        assert_eq!(
            assess(&[CrackedHeels, CracksBleedingOrDeep]).urgency,
            Urgency::SelfCare
        );
        assert_eq!(
            assess(&[CrackedHeels, CracksBleedingOrDeep, Diabetes]).urgency,
            Urgency::Soon
        );
    }

    #[test]
    fn stenosis_pattern_is_recognised_and_sciatica_pattern_excludes_it() {
        let a = assess(&[
            PainButtockDownLeg,
            WorseStandingOrWalking,
            EasedSittingOrLeaningForward,
        ]);
        assert_eq!(a.top(), Some(Condition::SpinalStenosis));
        assert_eq!(a.urgency, Urgency::Soon);
        let b = assess(&[
            PainButtockDownLeg,
            DullAche,
            NoComfortablePosition,
            WorseAtNight,
        ]);
        assert!(!b.ranks(Condition::SpinalStenosis));
    }

    #[test]
    fn reasons_name_the_answers_on_both_sides() {
        let a = assess(&[
            Heaviness,
            HeavinessBuildsDuringDay,
            WorseLegsRaised,
            EasedLegsHangingDown,
        ]);
        let veins = a
            .ranked
            .iter()
            .find(|r| r.condition == Condition::VenousInsufficiency);
        if let Some(veins) = veins {
            assert!(veins.against.contains(&WorseLegsRaised));
        }
        let arteries = a
            .ranked
            .iter()
            .find(|r| r.condition == Condition::ArterialRestPain)
            .unwrap();
        assert_eq!(
            arteries.supporting,
            vec![WorseLegsRaised, EasedLegsHangingDown]
        );
        assert_eq!(a.top(), Some(Condition::ArterialRestPain));
    }

    #[test]
    fn bands_follow_the_score() {
        let strong = assess(&[PainSoleSkin, CrackedHeels, DrySkinSoles]);
        assert_eq!(strong.ranked[0].likelihood, Likelihood::Strong);
        let weak = assess(&[PainCalf]);
        assert_eq!(weak.ranked[0].likelihood, Likelihood::Weak);
    }
}
