//! How to lie tonight: the positions that suit each cause, and the choice for a result.
//! A clinical rule lives here: with poor arterial flow possible, nothing suggests raising
//! the legs (SPEC, "What the result may show beside a warning").

use super::Condition;

/// A way to lie (or to get the feet ready) for the night.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Position {
    BackPillowUnderKnees,
    SidePillowBetweenKnees,
    LegsLevelOrHanging,
    LegsRaised,
    CoversOffFeet,
    SocksAfterCream,
    LooseCovers,
}

impl Position {
    pub const ALL: [Position; 7] = [
        Position::BackPillowUnderKnees,
        Position::SidePillowBetweenKnees,
        Position::LegsLevelOrHanging,
        Position::LegsRaised,
        Position::CoversOffFeet,
        Position::SocksAfterCream,
        Position::LooseCovers,
    ];

    pub fn raises_legs(self) -> bool {
        self == Position::LegsRaised
    }

    /// What to do, in one or two sentences.
    pub fn advice(self) -> &'static str {
        match self {
            Position::BackPillowUnderKnees => "On your back, slide a pillow under your knees. It lets the lower back settle and takes strain off the nerve and the joints there.",
            Position::SidePillowBetweenKnees => "On your side, keep a pillow between your knees so the top leg does not twist the hip and lower back. If one hip hurts, lie on the other side.",
            Position::LegsLevelOrHanging => "Keep your legs level, or let them hang over the edge of the bed with the head end propped up, or sleep in a chair: gravity then helps blood reach the feet. This can ease the pain for a while. It does not replace getting help.",
            Position::LegsRaised => "In the evening, rest your legs raised on pillows. The first minutes can feel heavy; that passes as the veins empty.",
            Position::CoversOffFeet => "Keep the bedclothes off burning feet: a cushion or a frame under the covers at the foot end. No hot-water bottles or heat pads on feet that feel less.",
            Position::SocksAfterCream => "Rub a thick moisturiser into heels and soles, never between the toes, then put on cotton socks for the night.",
            Position::LooseCovers => "Keep the covers loose at the foot end, so they do not hold your toes pointed down: a pointed foot keeps the calf short, which can set off a cramp.",
        }
    }
}

/// The positions that suit a cause. Spinal stenosis has none: it eases lying down; nor
/// have restless legs: what helps is moving when it comes.
pub fn suited_to(condition: Condition) -> &'static [Position] {
    match condition {
        Condition::NerveCompression | Condition::JointAndMuscle => &[
            Position::BackPillowUnderKnees,
            Position::SidePillowBetweenKnees,
        ],
        Condition::Neuropathy => &[Position::CoversOffFeet],
        Condition::ArterialRestPain => &[Position::LegsLevelOrHanging],
        Condition::VenousInsufficiency => &[Position::LegsRaised],
        Condition::SkinFissures => &[Position::SocksAfterCream],
        Condition::NightCramps => &[Position::LooseCovers],
        _ => &[],
    }
}

/// The positions to show beside a result, each with its cause, in the order the causes
/// fit: those of the two most likely causes, and hanging the legs wherever rest pain is
/// ranked, never leg raising while it is ranked at all. When the result leads with a
/// warning, only how to hold the legs while getting help, if that.
pub fn for_tonight(explained: &[Condition], warning_only: bool) -> Vec<(Position, Condition)> {
    let rest_pain = explained.contains(&Condition::ArterialRestPain);
    let allowed = |position: &Position| !(rest_pain && position.raises_legs());
    let mut chosen: Vec<(Position, Condition)> = Vec::new();
    for (rank, cause) in explained.iter().enumerate() {
        let chooses = if warning_only {
            *cause == Condition::ArterialRestPain
        } else {
            rank < 2 || *cause == Condition::ArterialRestPain
        };
        if !chooses {
            continue;
        }
        for position in suited_to(*cause) {
            if allowed(position) && !chosen.iter().any(|(p, _)| p == position) {
                chosen.push((*position, *cause));
            }
        }
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lying_down_cause_has_positions_and_stenosis_has_none() {
        let causes = || {
            Condition::EXPLAINED
                .into_iter()
                .chain(Condition::ALSO_COMMON)
        };
        for condition in causes() {
            assert_eq!(
                suited_to(condition).is_empty(),
                matches!(
                    condition,
                    Condition::SpinalStenosis | Condition::RestlessLegs
                ),
                "{condition:?}"
            );
        }
        let used: Vec<_> = causes().flat_map(suited_to).collect();
        assert!(Position::ALL.iter().all(|p| used.contains(&p)));
    }

    fn positions(chosen: &[(Position, Condition)]) -> Vec<Position> {
        chosen.iter().map(|(position, _)| *position).collect()
    }

    /// Issue 26: hanging the legs led the positions for a person whose answers fitted
    /// veins and joints well and rest pain only a little. It comes at rest pain's place.
    #[test]
    fn rest_pain_anywhere_in_the_ranking_removes_leg_raising_and_adds_hanging_in_its_place() {
        use Condition::*;
        let veins_first = [VenousInsufficiency, JointAndMuscle, ArterialRestPain];
        let chosen = for_tonight(&veins_first, false);
        assert_eq!(
            chosen,
            [
                (Position::BackPillowUnderKnees, JointAndMuscle),
                (Position::SidePillowBetweenKnees, JointAndMuscle),
                (Position::LegsLevelOrHanging, ArterialRestPain),
            ]
        );
        // Rest pain first: hanging leads.
        let rest_first = for_tonight(&[ArterialRestPain, NerveCompression], false);
        assert_eq!(
            rest_first[0],
            (Position::LegsLevelOrHanging, ArterialRestPain)
        );
        // Without rest pain, veins get their raised legs.
        let veins = for_tonight(&[VenousInsufficiency], false);
        assert_eq!(positions(&veins), [Position::LegsRaised]);
    }

    #[test]
    fn a_warning_keeps_only_how_to_hold_the_legs_while_getting_help() {
        let ranked = [Condition::NerveCompression, Condition::ArterialRestPain];
        assert_eq!(
            positions(&for_tonight(&ranked, true)),
            [Position::LegsLevelOrHanging]
        );
        assert!(for_tonight(&[Condition::NerveCompression], true).is_empty());
    }

    #[test]
    fn only_the_two_most_likely_causes_choose_and_nothing_repeats() {
        let ranked = [
            Condition::NerveCompression,
            Condition::JointAndMuscle,
            Condition::SkinFissures,
        ];
        assert_eq!(
            for_tonight(&ranked, false),
            [
                (Position::BackPillowUnderKnees, Condition::NerveCompression),
                (
                    Position::SidePillowBetweenKnees,
                    Condition::NerveCompression
                ),
            ]
        );
    }

    #[test]
    fn no_advice_text_suggests_raising_except_the_raising_position() {
        for position in Position::ALL {
            let says_raise = position.advice().contains("raised on pillows");
            assert_eq!(says_raise, position.raises_legs(), "{position:?}");
        }
    }
}
