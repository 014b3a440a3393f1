//! The triage engine: findings in, an assessment out. SPEC's rules, in order:
//! red flags first, urgency is the highest of red flags, urgent signs and the top condition,
//! and only conditions with a non-background supporting finding are ranked.

use super::rules::{weights_for, RULES};
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

fn has(findings: &BTreeSet<Finding>, wanted: &[Finding]) -> Vec<Finding> {
    wanted
        .iter()
        .copied()
        .filter(|f| findings.contains(f))
        .collect()
}

/// Red-flag conditions from guidance (SPEC table), with the findings that triggered them.
fn red_flags(findings: &BTreeSet<Finding>) -> Vec<(Condition, Urgency, Vec<Finding>)> {
    use Finding::*;
    let mut flags = Vec::new();
    // NICE CKS sciatica / NHS 111 Wales: saddle numbness, bladder or bowel change, worsening both legs.
    let cauda = has(
        findings,
        &[
            SaddleNumbness,
            BladderOrBowelChange,
            BothLegsWeakOrNumbWorsening,
        ],
    );
    if !cauda.is_empty() {
        flags.push((Condition::CaudaEquina, Urgency::Emergency, cauda));
    }
    // NHS Highland vascular guideline: the sudden cold, pale, numb, painful leg.
    if findings.contains(&SuddenColdPaleNumbLeg) {
        flags.push((
            Condition::AcuteLimbIschaemia,
            Urgency::Emergency,
            vec![SuddenColdPaleNumbLeg],
        ));
    }
    // NHS DVT: one swollen, warm, red leg; 999 if breathless or chest pain too.
    if findings.contains(&OneLegSwollenWarmRed) {
        let with_chest = findings.contains(&ChestPainOrBreathless);
        let urgency = if with_chest {
            Urgency::Emergency
        } else {
            Urgency::Urgent
        };
        let mut why = vec![OneLegSwollenWarmRed];
        why.extend(has(findings, &[PainCalf, ChestPainOrBreathless]));
        flags.push((Condition::Dvt, urgency, why));
    }
    // NICE NG19: spreading redness, heat, swelling around a crack or wound; worse with fever.
    if findings.contains(&RedHotSwollenSkin) {
        let mut why = vec![RedHotSwollenSkin];
        why.extend(has(findings, &[Fever, CrackedHeels, FootWoundNotHealing]));
        flags.push((Condition::SkinInfection, Urgency::Urgent, why));
    }
    // NICE CKS low back pain: back pain with fever, weight loss, or a history of cancer.
    let back_pain = has(findings, &[PainLowerBack, PainButtockDownLeg]);
    let systemic = has(findings, &[Fever, UnexplainedWeightLoss, HistoryOfCancer]);
    let fever_explained_by_skin = findings.contains(&RedHotSwollenSkin) && systemic == [Fever];
    if !back_pain.is_empty() && !systemic.is_empty() && !fever_explained_by_skin {
        let mut why = back_pain;
        why.extend(systemic);
        flags.push((Condition::SeriousSpinalCause, Urgency::Urgent, why));
    }
    flags
}

/// The urgency of a condition given the other answers: SPEC raises cracked skin to `soon`
/// with diabetes and deep or bleeding cracks.
fn condition_urgency(condition: Condition, findings: &BTreeSet<Finding>) -> Urgency {
    let raised = condition == Condition::SkinFissures
        && findings.contains(&Finding::Diabetes)
        && findings.contains(&Finding::CracksBleedingOrDeep);
    if raised {
        Urgency::Soon
    } else {
        condition.base_urgency()
    }
}

pub fn assess(findings: &[Finding]) -> Assessment {
    let findings: BTreeSet<Finding> = findings.iter().copied().collect();
    let flags = red_flags(&findings);

    let mut ranked: Vec<RankedCondition> = flags
        .iter()
        .map(|(condition, urgency, why)| RankedCondition {
            condition: *condition,
            likelihood: Likelihood::WarningSign,
            score: 0,
            urgency: *urgency,
            supporting: why.clone(),
            against: Vec::new(),
        })
        .collect();
    // Among red flags, the most urgent first; the sort is stable so SPEC order breaks ties.
    ranked.sort_by_key(|r| std::cmp::Reverse(r.urgency));

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
            (has_symptom && score > 0).then(|| RankedCondition {
                condition: rule.condition,
                likelihood: Likelihood::from_score(score),
                score,
                urgency: condition_urgency(rule.condition, &findings),
                supporting,
                against,
            })
        })
        .collect();
    // Higher score first; on a tie, the more urgent condition leads so it is not missed.
    explained.sort_by(|a, b| b.score.cmp(&a.score).then(b.urgency.cmp(&a.urgency)));
    ranked.extend(explained);

    let mut urgency = Urgency::SelfCare;
    let mut reasons = Vec::new();
    for (condition, flag_urgency, _) in &flags {
        urgency = urgency.max(*flag_urgency);
        reasons.push(UrgencyReason::RedFlag(*condition));
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
    match ranked.first() {
        Some(top) => {
            urgency = urgency.max(top.urgency);
            if flags.is_empty() {
                reasons.push(UrgencyReason::TopCondition(top.condition));
            }
        }
        None if reasons.is_empty() => reasons.push(UrgencyReason::NothingToGoOn),
        None => {}
    }

    Assessment {
        urgency,
        reasons,
        red_flags: flags
            .into_iter()
            .map(|(condition, _, _)| condition)
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
    fn a_lower_ranked_condition_does_not_raise_the_urgency() {
        // Rest pain ranks, but far below the cracked heel: self care stands.
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
