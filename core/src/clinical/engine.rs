//! The triage engine: findings in, an assessment out. SPEC's rules, in order: red-flag
//! conditions rank first; the urgency is the highest of the red flags and urgent signs,
//! the condition ranked first, and every safety-net rule that fires; only conditions with
//! a non-background supporting finding are ranked, or those a safety-net rule names.

use super::red_flags::{self, Flag};
use super::rules::RULES;
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
    /// Poor blood flow ranked on one of its own signs: have the circulation checked.
    CirculationCheck,
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

/// The urgency of a condition given the other answers: SPEC raises cracked skin with deep
/// or bleeding cracks (diabetes, numb feet or poor circulation), and cramps that come most
/// nights, last long, thin a muscle or follow a new medicine.
fn condition_urgency(condition: Condition, findings: &BTreeSet<Finding>) -> Urgency {
    let has = |f: Finding| findings.contains(&f);
    let any = |wanted: &[Finding]| wanted.iter().any(|f| findings.contains(f));
    match condition {
        Condition::SkinFissures if has(Finding::CracksBleedingOrDeep) && has(Finding::Diabetes) => {
            Urgency::NextDay
        }
        Condition::SkinFissures
            if has(Finding::CracksBleedingOrDeep)
                && any(&[
                    Finding::NumbOrTinglingFeet,
                    Finding::ColdPaleFeet,
                    Finding::KnownArteryDisease,
                ]) =>
        {
            Urgency::Soon
        }
        Condition::NightCramps
            if any(&[
                Finding::FrequentOrLongCramps,
                Finding::MuscleThinnerOrWeaker,
                Finding::StartedNewMedicine,
            ]) =>
        {
            Urgency::Soon
        }
        _ => condition.base_urgency(),
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

impl RankedCondition {
    /// Supported by one of its own signs, not only by where it hurts and words that fit
    /// nearly every cause (SPEC's generic findings) or background facts.
    pub fn on_own_signs(&self) -> bool {
        self.supporting
            .iter()
            .any(|f| !f.is_background() && !f.is_generic())
    }
}

/// The article's causes and the two also common at night, scored by their weights. A cause
/// a safety-net rule names is ranked even when the other answers point away from it, so it
/// cannot drop off the page.
fn rank_explained(findings: &BTreeSet<Finding>, fired: &[Fired]) -> Vec<RankedCondition> {
    let forced: Vec<Condition> = fired.iter().filter_map(|f| f.rule.ranks()).collect();
    let has_any = |wanted: &[Finding]| wanted.iter().any(|f| findings.contains(f));
    let mut explained: Vec<RankedCondition> = RULES
        .iter()
        .filter(|rule| rule.needs.is_empty() || has_any(rule.needs))
        .filter_map(|rule| {
            let present = rule.weights.iter().filter(|(f, _)| findings.contains(f));
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
    // Higher score first. On a tie, a cause with one of its own signs leads, and among those
    // the more urgent, so it is not missed; a tie of two weakly supported causes keeps SPEC's
    // order and never hands the lead to the more urgent one.
    let tie_break = |r: &RankedCondition| {
        let own = r.on_own_signs();
        (own, if own { r.urgency } else { Urgency::SelfCare })
    };
    explained.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| tie_break(b).cmp(&tie_break(a)))
    });
    // A cause that may lead only with its defining sign goes below the others without it.
    explained.sort_by_key(|r| !may_lead(r.condition, findings));
    explained
}

/// False for a cause that SPEC lets rank first only with its defining sign, when that sign
/// is not among the answers.
fn may_lead(condition: Condition, findings: &BTreeSet<Finding>) -> bool {
    RULES
        .iter()
        .find(|rule| rule.condition == condition)
        .is_none_or(|rule| {
            rule.leads_only_with.is_empty()
                || rule.leads_only_with.iter().any(|f| findings.contains(f))
        })
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
    // SPEC / NICE NG19: gangrene needs same-day care.
    if findings.contains(&Finding::BlackOrDarkToes) {
        urgency = urgency.max(Urgency::Urgent);
        reasons.push(UrgencyReason::UrgentSign(Finding::BlackOrDarkToes));
    }
    for fired in fired {
        urgency = urgency.max(fired.rule.urgency());
        reasons.push(UrgencyReason::SafetyNet(fired.rule, fired.because.clone()));
    }
    match ranked.first() {
        Some(top) => {
            // SPEC: ranked first on generic findings alone, a cause sets at most `soon`.
            let top_urgency = if top.on_own_signs() || top.condition.is_red_flag() {
                top.urgency
            } else {
                top.urgency.min(Urgency::Soon)
            };
            urgency = urgency.max(top_urgency);
            if !top.condition.is_red_flag() {
                reasons.push(UrgencyReason::TopCondition(top.condition));
            }
        }
        None if reasons.is_empty() => reasons.push(UrgencyReason::NothingToGoOn),
        None => {}
    }
    // SPEC: poor blood flow ranked on one of its own signs always sets at least `soon`.
    let rest_pain_signs = ranked
        .iter()
        .any(|r| r.condition == Condition::ArterialRestPain && r.on_own_signs());
    if rest_pain_signs && urgency < Urgency::Soon {
        urgency = Urgency::Soon;
        reasons.push(UrgencyReason::CirculationCheck);
    }
    (urgency, reasons)
}

pub fn assess(findings: &[Finding]) -> Assessment {
    let findings: BTreeSet<Finding> = findings.iter().copied().collect();
    let flags = red_flags::triggered(&findings);
    let fired = safety_net::fired(&findings);
    let mut ranked = rank_red_flags(&findings, &flags, &fired);
    let explained = rank_explained(&findings, &fired);
    // A cause that may not lead is left out when it would otherwise stand first and alone.
    let alone_without_its_sign =
        ranked.is_empty() && explained.len() == 1 && !may_lead(explained[0].condition, &findings);
    if !alone_without_its_sign {
        ranked.extend(explained);
    }
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
        assert!(a
            .reasons
            .iter()
            .any(|r| matches!(r, UrgencyReason::SafetyNet(rule, _) if rule.is_rest_pain())));
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
    fn pain_down_both_legs_is_an_emergency_that_ranks_cauda_equina() {
        let a = assess(&[PainDownBothLegs, PainLowerBack]);
        assert_eq!(a.top(), Some(Condition::CaudaEquina));
        assert_eq!(a.urgency, Urgency::Emergency);
        let with_saddle = assess(&[PainDownBothLegs, SaddleNumbness]);
        assert_eq!(with_saddle.urgency, Urgency::Emergency);
        assert_eq!(with_saddle.red_flags, vec![Condition::CaudaEquina]);
        // One leg only is sciatica, seen in the coming days.
        assert_eq!(
            assess(&[PainButtockDownLeg, PainLowerBack, OneLegOnly]).urgency,
            Urgency::Soon
        );
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
    fn black_toes_are_urgent_and_point_to_poor_blood_flow() {
        let a = assess(&[BlackOrDarkToes]);
        assert_eq!(a.urgency, Urgency::Urgent);
        assert_eq!(a.top(), Some(Condition::ArterialRestPain));
    }

    #[test]
    fn a_wound_that_will_not_heal_climbs_with_diabetes_and_poor_circulation() {
        assert_eq!(assess(&[FootWoundNotHealing]).urgency, Urgency::Soon);
        assert_eq!(
            assess(&[FootWoundNotHealing, Diabetes]).urgency,
            Urgency::NextDay
        );
        for poor_flow in [ColdPaleFeet, KnownArteryDisease] {
            let a = assess(&[FootWoundNotHealing, poor_flow]);
            assert_eq!(a.urgency, Urgency::Urgent, "{poor_flow:?}");
            assert!(a.ranks(Condition::ArterialRestPain), "{poor_flow:?}");
        }
        assert_eq!(
            assess(&[FootWoundNotHealing, Diabetes, ColdPaleFeet]).urgency,
            Urgency::Emergency
        );
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
    fn deep_cracks_are_next_day_with_diabetes_and_soon_on_a_numb_or_poorly_supplied_foot() {
        assert_eq!(
            assess(&[CrackedHeels, CracksBleedingOrDeep]).urgency,
            Urgency::SelfCare
        );
        assert_eq!(
            assess(&[CrackedHeels, CracksBleedingOrDeep, Diabetes]).urgency,
            Urgency::NextDay
        );
        for at_risk in [NumbOrTinglingFeet, ColdPaleFeet, KnownArteryDisease] {
            assert_eq!(
                assess(&[CrackedHeels, CracksBleedingOrDeep, at_risk]).urgency,
                Urgency::Soon,
                "{at_risk:?}"
            );
        }
        // Whatever ranks first: the hip leads here, the cracks still set the level.
        let a = assess(&[
            PainOuterHip,
            WorseLyingOnSide,
            TenderOuterHip,
            CracksBleedingOrDeep,
            Diabetes,
        ]);
        assert_eq!(a.top(), Some(Condition::JointAndMuscle));
        assert_eq!(a.urgency, Urgency::NextDay);
    }

    #[test]
    fn generic_findings_alone_never_make_the_first_cause_urgent() {
        for generic in [
            &[PainCalf, SeverePain][..],
            &[PainFeet, SeverePain, Smoker],
            &[PainFeet, WorseAtNight, OneLegOnly],
        ] {
            let a = assess(generic);
            assert!(a.urgency <= Urgency::Soon, "{generic:?}: {:?}", a.urgency);
        }
        // A tie of two weak causes keeps SPEC's order: the sciatica pattern, not rest pain.
        assert_eq!(
            top(&[PainCalf, SeverePain]),
            Some(Condition::NerveCompression)
        );
    }

    #[test]
    fn rest_pain_on_one_of_its_own_signs_is_never_look_after_it_at_home() {
        for own_sign in [WorseLegsRaised, EasedLegsHangingDown, ColdPaleFeet] {
            let a = assess(&[own_sign]);
            assert!(a.ranks(Condition::ArterialRestPain), "{own_sign:?}");
            assert!(a.urgency >= Urgency::Soon, "{own_sign:?}");
        }
        // Ranked second beside the vein pattern, it still lifts the page off self-care.
        let veins = assess(&[Heaviness, HeavinessBuildsDuringDay, WorseLegsRaised]);
        assert_eq!(veins.top(), Some(Condition::VenousInsufficiency));
        assert_eq!(veins.urgency, Urgency::Soon);
        assert!(veins.reasons.contains(&UrgencyReason::CirculationCheck));
        // The vein pattern alone stays at home.
        assert_eq!(
            assess(&[Heaviness, HeavinessBuildsDuringDay]).urgency,
            Urgency::SelfCare
        );
    }

    #[test]
    fn night_cramps_lead_only_with_the_knot_and_climb_with_its_warning_signs() {
        let cramp = assess(&[SuddenMuscleTightening, EasedByStretching, PainCalf]);
        assert_eq!(cramp.top(), Some(Condition::NightCramps));
        assert_eq!(cramp.urgency, Urgency::SelfCare);
        for sign in [
            FrequentOrLongCramps,
            MuscleThinnerOrWeaker,
            StartedNewMedicine,
        ] {
            let a = assess(&[SuddenMuscleTightening, sign]);
            assert_eq!(a.top(), Some(Condition::NightCramps), "{sign:?}");
            assert_eq!(a.urgency, Urgency::Soon, "{sign:?}");
        }
        // Without the knot: never first, and left out when nothing else ranks.
        assert_ne!(
            top(&[EasedByStretching, PainCalf, WorseAtNight]),
            Some(Condition::NightCramps)
        );
        assert_eq!(top(&[EasedByStretching]), None);
    }

    #[test]
    fn a_cramp_in_one_heavy_calf_still_fires_the_clot_rule() {
        let a = assess(&[SuddenMuscleTightening, PainCalf, OneLegOnly, Heaviness]);
        assert_eq!(a.top(), Some(Condition::Dvt));
        assert_eq!(a.urgency, Urgency::Urgent);
        assert!(a.ranks(Condition::NightCramps));
    }

    #[test]
    fn restless_legs_need_the_urge_and_may_rank_beside_neuropathy() {
        let a = assess(&[UrgeToMoveLegs, EasedByMoving, ComesOnWhenStill]);
        assert_eq!(a.top(), Some(Condition::RestlessLegs));
        assert_eq!(a.urgency, Urgency::Soon);
        let without_urge = assess(&[EasedByMoving, ComesOnWhenStill, LegsJerkInSleep]);
        assert!(!without_urge.ranks(Condition::RestlessLegs));
        assert_eq!(top(&[LegsJerkInSleep]), None);
        let both = assess(&[UrgeToMoveLegs, Burning, NumbOrTinglingFeet, Diabetes]);
        assert!(both.ranks(Condition::RestlessLegs));
        assert!(both.ranks(Condition::Neuropathy));
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
