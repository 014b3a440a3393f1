//! What the result page shows beside the urgency (SPEC: "What the result may show beside
//! a warning"): tonight's tips and positions in the order their causes fit, each with its
//! cause, so a cause that only "fits a little" never leads the advice for one that fits
//! well. SPEC's rest-pain rules still decide what must and must not be shown.

use crate::clinical::positions::{self, Position};
use crate::clinical::{Assessment, Condition, Urgency, UrgencyReason};
use crate::learn::section_for;

/// A tip or a position, and the cause it is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForCause<T> {
    pub what: T,
    pub cause: Condition,
}

/// The most a "Tonight" card asks of a tired person.
pub const TONIGHT_CARD_TIPS: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct Beside {
    /// Urgent or an emergency because of a warning: the page leads with that action alone,
    /// with no home tips and no "when to get help" box that offers self-care.
    pub warning_only: bool,
    /// Best fit first; within a cause, in the order its section gives them.
    pub tips: Vec<ForCause<&'static str>>,
    /// Poor blood flow ranked below the cause whose tips lead: "do not raise your legs",
    /// said in the card whatever fits best (SPEC: the page says to let the legs hang).
    pub caution: Option<&'static str>,
    /// "How to lie tonight", chosen by the same rules and in the same order as the tips.
    pub positions: Vec<ForCause<Position>>,
    pub get_help: &'static [(Urgency, &'static str)],
    /// One "get help now if" line for the card: the best fit's most urgent sign. None
    /// under a warning, whose banner already says when to call.
    pub help_now: Option<&'static str>,
    /// What to do, under the headline: the urgency's action, except that self-care without
    /// steps to try does not say "try the steps for tonight".
    pub action: &'static str,
    /// Under an `urgent` action: when to call the emergency number instead.
    pub call_instead: Vec<&'static str>,
    /// Poor blood flow ranked on one of its own signs: "have your circulation checked",
    /// and no box that offers looking after it at home.
    pub circulation_check: bool,
}

impl Beside {
    /// The "Tonight" card's tips: up to three, all for the cause whose tips lead.
    pub fn first_tips(&self) -> &[ForCause<&'static str>] {
        &self.tips[..self.first_count()]
    }

    /// The tips after the card's, for "More to try tonight".
    pub fn more_tips(&self) -> &[ForCause<&'static str>] {
        &self.tips[self.first_count()..]
    }

    fn first_count(&self) -> usize {
        let Some(lead) = self.tips.first() else {
            return 0;
        };
        self.tips
            .iter()
            .take_while(|tip| tip.cause == lead.cause)
            .take(TONIGHT_CARD_TIPS)
            .count()
    }
}

/// Self-care's action where there is nothing to try tonight.
const SELF_CARE_WITHOUT_STEPS: &str = "Look after it at home. If it is no better in two weeks, or it gets worse, book a doctor's appointment.";

pub const CIRCULATION_CHECK: &str = "Have your circulation checked: book an appointment and ask the doctor to check the blood flow in your legs. Until then, do not raise your legs at night.";

pub(crate) const DO_NOT_RAISE: &str = "Poor blood flow is possible, so do not raise your legs tonight: keep them level, or let them hang down.";

pub(crate) const HANG_DOWN_WHILE_WAITING: &str = "While you get help, do not raise your legs: keep them level or let them hang over the edge of the bed, which helps blood reach the feet.";

pub fn beside(assessment: &Assessment) -> Beside {
    let warned = assessment.reasons.iter().any(|r| {
        matches!(
            r,
            UrgencyReason::RedFlag(_)
                | UrgencyReason::ChestPain
                | UrgencyReason::UrgentSign(_)
                | UrgencyReason::SafetyNet(..)
        )
    });
    let explained: Vec<Condition> = assessment
        .ranked
        .iter()
        .map(|r| r.condition)
        .filter(|c| !c.is_red_flag())
        .collect();
    let rest_pain = explained.contains(&Condition::ArterialRestPain);
    let call_instead = super::escalation::call_instead(assessment);
    let positions = |warning_only| {
        positions::for_tonight(&explained, warning_only)
            .into_iter()
            .map(|(what, cause)| ForCause { what, cause })
            .collect()
    };
    if warned && assessment.urgency >= Urgency::Urgent {
        // Only what belongs to getting help: with rest pain, how to hold the legs meanwhile.
        return Beside {
            warning_only: true,
            tips: rest_pain
                .then_some(ForCause {
                    what: HANG_DOWN_WHILE_WAITING,
                    cause: Condition::ArterialRestPain,
                })
                .into_iter()
                .collect(),
            caution: None,
            positions: positions(true),
            get_help: &[],
            help_now: None,
            action: assessment.urgency.action(),
            call_instead,
            circulation_check: false,
        };
    }
    let circulation_check = assessment
        .ranked
        .iter()
        .any(|r| r.condition == Condition::ArterialRestPain && r.on_own_signs());
    let tips: Vec<ForCause<&'static str>> = explained
        .iter()
        .take(2)
        .filter_map(|cause| section_for(cause.id()).map(|s| (*cause, s)))
        .flat_map(|(cause, section)| {
            section
                .try_tonight
                .iter()
                .filter(|tip| !(rest_pain && tip.raises_legs))
                .map(move |tip| ForCause {
                    what: tip.text,
                    cause,
                })
        })
        .collect();
    let lead = tips.first().map(|tip| tip.cause);
    let caution = (rest_pain && lead != Some(Condition::ArterialRestPain)).then_some(DO_NOT_RAISE);
    let best = explained.first().and_then(|c| section_for(c.id()));
    let action = if assessment.urgency == Urgency::SelfCare && tips.is_empty() {
        SELF_CARE_WITHOUT_STEPS
    } else {
        assessment.urgency.action()
    };
    Beside {
        warning_only: false,
        tips,
        caution,
        positions: positions(false),
        get_help: match best {
            Some(section) if !circulation_check => section.get_help,
            _ => &[],
        },
        help_now: best.and_then(|section| {
            section
                .get_help
                .iter()
                .filter(|(urgency, _)| *urgency >= Urgency::Urgent)
                .max_by_key(|(urgency, _)| *urgency)
                .map(|(_, text)| *text)
        }),
        action,
        call_instead,
        circulation_check,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::{assess, Finding::*};

    fn texts(tips: &[ForCause<&'static str>]) -> Vec<&'static str> {
        tips.iter().map(|tip| tip.what).collect()
    }

    #[test]
    fn a_warning_leads_alone_with_no_home_tips_and_no_self_care_box() {
        // Neuropathy ranks first, but hanging the legs with diabetes fires the rest-pain rule.
        let a = assess(&[
            Diabetes,
            Burning,
            NumbOrTinglingFeet,
            EasedLegsHangingDown,
            ColdPaleFeet,
        ]);
        assert_eq!(a.urgency, Urgency::Urgent);
        let plan = beside(&a);
        assert!(plan.warning_only);
        assert!(plan.get_help.is_empty());
        assert_eq!(texts(&plan.tips), [HANG_DOWN_WHILE_WAITING]);
        // A warning without rest pain: nothing beside it.
        let clot = beside(&assess(&[OneLegOnly, PainCalf, Heaviness, VaricoseVeins]));
        assert!(clot.warning_only && clot.tips.is_empty() && clot.get_help.is_empty());
        // Without a warning, the tips and the box stay.
        let plain = beside(&assess(&[Burning, NumbOrTinglingFeet, PainFeet]));
        assert!(!plain.warning_only && !plain.tips.is_empty() && !plain.get_help.is_empty());
    }

    #[test]
    fn rest_pain_on_its_own_sign_says_have_the_circulation_checked_and_offers_no_home_box() {
        let a = assess(&[Heaviness, HeavinessBuildsDuringDay, WorseLegsRaised]);
        let plan = beside(&a);
        assert!(plan.circulation_check);
        assert!(plan.get_help.is_empty());
        assert_ne!(a.urgency, Urgency::SelfCare);
        // The vein pattern alone keeps its box.
        let veins = beside(&assess(&[Heaviness, HeavinessBuildsDuringDay]));
        assert!(!veins.circulation_check && !veins.get_help.is_empty());
    }

    #[test]
    fn self_care_without_steps_does_not_say_try_the_steps() {
        let nothing = beside(&assess(&[]));
        assert!(nothing.tips.is_empty());
        assert!(
            !nothing.action.contains("Try the steps"),
            "{}",
            nothing.action
        );
        let heel = beside(&assess(&[PainSoleSkin, CrackedHeels]));
        assert!(!heel.tips.is_empty());
        assert!(heel.action.starts_with("Try the steps"));
    }

    #[test]
    fn the_classic_pair_with_hip_pain_leads_with_help_now_and_no_leg_raising_or_home_box() {
        let a = assess(&[
            WorseLegsRaised,
            EasedLegsHangingDown,
            PainOuterHip,
            WorseLyingOnSide,
        ]);
        assert_eq!(a.urgency, Urgency::Urgent);
        let plan = beside(&a);
        assert!(plan.warning_only && plan.get_help.is_empty());
        assert_eq!(texts(&plan.tips), [HANG_DOWN_WHILE_WAITING]);
        assert!(!plan.positions.iter().any(|p| p.what.raises_legs()));
        assert!(!plan.call_instead.is_empty());
    }

    #[test]
    fn no_leg_raising_once_rest_pain_is_ranked_at_all() {
        // Veins first, rest pain second with no sign of poor flow: no rule, not urgent.
        let a = assess(&[
            Heaviness,
            HeavinessBuildsDuringDay,
            VaricoseVeins,
            WorseLegsRaised,
        ]);
        assert!(a.ranks(Condition::ArterialRestPain));
        assert_eq!(a.top(), Some(Condition::VenousInsufficiency));
        let plan = beside(&a);
        assert!(!plan.warning_only);
        assert_eq!(plan.caution, Some(DO_NOT_RAISE));
        let raising = section_for("venous_insufficiency").unwrap().try_tonight[0];
        assert!(raising.raises_legs);
        assert!(!texts(&plan.tips).contains(&raising.text));
        // Veins alone keep their tip.
        let veins = beside(&assess(&[Heaviness, HeavinessBuildsDuringDay]));
        assert!(texts(&veins.tips).contains(&raising.text));
        assert_eq!(veins.caution, None);
    }

    #[test]
    fn rest_pain_ranked_third_still_says_do_not_raise_before_the_tips() {
        let a = assess(&[
            Heaviness,
            HeavinessBuildsDuringDay,
            VaricoseVeins,
            AnkleSwellingEvening,
            PainSoleSkin,
            CrackedHeels,
            DrySkinSoles,
            WorseLegsRaised,
        ]);
        let explained: Vec<_> = a.ranked.iter().map(|r| r.condition).collect();
        assert_eq!(
            explained
                .iter()
                .position(|c| *c == Condition::ArterialRestPain),
            Some(2)
        );
        let plan = beside(&a);
        assert_eq!(plan.caution, Some(DO_NOT_RAISE));
        assert!(!plan.tips.iter().any(|t| t.what.starts_with("Raise")));
        assert!(plan
            .positions
            .iter()
            .any(|p| p.what == Position::LegsLevelOrHanging));
    }

    /// Issue 26: poor blood flow "fits a little" (from "the pain is severe" alone) led the
    /// tips and the positions of a person whose answers fit sciatica well.
    #[test]
    fn tips_and_positions_follow_the_best_fit_with_their_cause() {
        let a = assess(&[PainButtockDownLeg, OneLegOnly, WorseLyingOnBack, SeverePain]);
        assert_eq!(a.top(), Some(Condition::NerveCompression), "{:?}", a.ranked);
        assert!(a.ranks(Condition::ArterialRestPain), "{:?}", a.ranked);
        let plan = beside(&a);
        assert!(!plan.warning_only);
        let sciatica = section_for("nerve_compression").unwrap();
        assert_eq!(plan.tips[0].cause, Condition::NerveCompression);
        assert_eq!(plan.tips[0].what, sciatica.try_tonight[0].text);
        assert!(plan
            .first_tips()
            .iter()
            .all(|tip| tip.cause == Condition::NerveCompression));
        assert_eq!(plan.positions[0].cause, Condition::NerveCompression);
        // The safety rule still holds: hanging is offered, raising never, and the card
        // says so before the tips.
        assert_eq!(plan.caution, Some(DO_NOT_RAISE));
        assert!(plan
            .positions
            .iter()
            .any(|p| p.what == Position::LegsLevelOrHanging
                && p.cause == Condition::ArterialRestPain));
        assert!(!plan.positions.iter().any(|p| p.what.raises_legs()));
        // Its one "get help now" line is sciatica's emergency.
        assert!(
            plan.help_now.is_some_and(|line| line.contains("bladder")),
            "{:?}",
            plan.help_now
        );
    }

    #[test]
    fn the_card_holds_at_most_three_tips_of_one_cause_and_the_rest_follow() {
        let a = assess(&[
            Burning,
            NumbOrTinglingFeet,
            PainFeet,
            PainSoleSkin,
            CrackedHeels,
        ]);
        let plan = beside(&a);
        let first = plan.first_tips();
        assert!(!first.is_empty() && first.len() <= TONIGHT_CARD_TIPS);
        assert!(first.iter().all(|tip| tip.cause == first[0].cause));
        assert_eq!(first.len() + plan.more_tips().len(), plan.tips.len());
        assert!(plan
            .more_tips()
            .iter()
            .any(|tip| tip.cause != first[0].cause));
    }
}
