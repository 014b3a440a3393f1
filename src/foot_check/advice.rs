//! What to do after a foot check, from SPEC's foot guidance and urgency ladder. Pure.

use super::model::{Area, Foot, FootCheck, Mark};
use crate::clinical::Urgency;

/// A wound still there after this long is "not healing" (SPEC / NICE NG19: same-day care).
pub const NOT_HEALING_AFTER_DAYS: u64 = 7;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdviceItem {
    /// SPEC: black or darkening toes are urgent.
    DarkSkin,
    /// SPEC skin_infection: spreading redness, heat, swelling.
    Infection,
    /// SPEC: a foot wound that is not healing is urgent.
    WoundNotHealing(Foot, Area),
    Wound {
        diabetes: bool,
    },
    /// SPEC skin_fissures: `soon` with diabetes and deep or bleeding cracks.
    DeepCracks {
        diabetes: bool,
    },
    Moisturize,
    BetweenToes,
    HardSkin {
        diabetes: bool,
    },
    TemperatureDifference,
    WellDone,
}

impl AdviceItem {
    pub fn urgency(&self) -> Urgency {
        match self {
            AdviceItem::DarkSkin | AdviceItem::Infection | AdviceItem::WoundNotHealing(..) => {
                Urgency::Urgent
            }
            AdviceItem::Wound { diabetes: true } => Urgency::Urgent,
            AdviceItem::Wound { diabetes: false } | AdviceItem::TemperatureDifference => {
                Urgency::Soon
            }
            AdviceItem::DeepCracks { diabetes: true } => Urgency::Soon,
            _ => Urgency::SelfCare,
        }
    }

    pub fn text(&self) -> String {
        match self {
            AdviceItem::DarkSkin => "Skin turning dark or black can mean it is not getting enough blood. Get medical help today.".into(),
            AdviceItem::Infection => "Redness, warmth or swelling can be an infection. Get medical help today, sooner if you have a fever or diabetes.".into(),
            AdviceItem::WoundNotHealing(foot, area) => format!(
                "The wound on your {} ({}) was already there more than a week ago. A foot wound that is not healing needs to be seen today.",
                foot.name().to_lowercase(),
                area.name().to_lowercase()
            ),
            AdviceItem::Wound { diabetes: true } => "With diabetes, a blister, cut or sore on the foot should be seen by a doctor or podiatrist within a day. Cover it with a clean dressing.".into(),
            AdviceItem::Wound { diabetes: false } => "Keep the blister or sore clean and covered, and take pressure off it. See a doctor if it is not clearly healing in a few days.".into(),
            AdviceItem::DeepCracks { diabetes: true } => "Deep or bleeding cracks with diabetes: see a podiatrist or doctor in the next few days, and do not soak your feet.".into(),
            AdviceItem::DeepCracks { diabetes: false } => "Deep cracks heal with a heavy emollient every day. Cover a bleeding crack, and see a doctor if it is no better in two weeks.".into(),
            AdviceItem::Moisturize => "Rub a heavy emollient into the dry or cracked skin tonight and every day, on the soles and heels, never between the toes. Cotton socks overnight help it soak in.".into(),
            AdviceItem::BetweenToes => "Between the toes: dry carefully after washing and keep the skin dry. No cream here. Peeling or cracks there can be athlete's foot: ask a pharmacist.".into(),
            AdviceItem::HardSkin { diabetes: true } => "Do not cut or file hard skin yourself with diabetes: a podiatrist can remove it safely.".into(),
            AdviceItem::HardSkin { diabetes: false } => "Hard skin softens with daily emollient; a pumice stone after a bath helps. Do not cut it.".into(),
            AdviceItem::TemperatureDifference => "One foot warmer than the other can be a sign of inflammation. If it is still there tomorrow, or you have diabetes, see a doctor in the next few days.".into(),
            AdviceItem::WellDone => "Everything looks fine. Well done, see you tomorrow.".into(),
        }
    }

    /// Whether a "set a moisturising reminder" button belongs beside this advice.
    pub fn offers_reminder(&self) -> bool {
        matches!(self, AdviceItem::Moisturize | AdviceItem::DeepCracks { .. })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Advice {
    pub urgency: Urgency,
    pub items: Vec<AdviceItem>,
}

fn had_wound_long_ago(check: &FootCheck, earlier: &[FootCheck], foot: Foot, area: Area) -> bool {
    let cutoff = check
        .id
        .saturating_sub(NOT_HEALING_AFTER_DAYS * 24 * 3_600_000);
    earlier
        .iter()
        .filter(|e| e.id <= cutoff)
        .any(|e| e.marks(foot, area).contains(&Mark::BlisterOrWound))
}

pub fn advise(check: &FootCheck, earlier: &[FootCheck]) -> Advice {
    let diabetes = check.diabetes;
    let mut items = Vec::new();
    if check.has(Mark::ColourChange) {
        items.push(AdviceItem::DarkSkin);
    }
    if check.has(Mark::RedWarmSwollen) {
        items.push(AdviceItem::Infection);
    }
    let wounds: Vec<(Foot, Area)> = check
        .notes
        .iter()
        .filter(|r| r.marks.contains(&Mark::BlisterOrWound))
        .map(|r| (r.foot, r.area))
        .collect();
    match wounds
        .iter()
        .find(|(foot, area)| had_wound_long_ago(check, earlier, *foot, *area))
    {
        Some((foot, area)) => items.push(AdviceItem::WoundNotHealing(*foot, *area)),
        None if !wounds.is_empty() => items.push(AdviceItem::Wound { diabetes }),
        None => {}
    }
    if check.has(Mark::DeepCrack) {
        items.push(AdviceItem::DeepCracks { diabetes });
    }
    let outside_toes = |mark: Mark| {
        check
            .notes
            .iter()
            .any(|r| r.area != Area::BetweenToes && r.marks.contains(&mark))
    };
    if outside_toes(Mark::DryFlaky)
        || outside_toes(Mark::Crack)
        || outside_toes(Mark::DeepCrack)
        || outside_toes(Mark::HardSkin)
    {
        items.push(AdviceItem::Moisturize);
    }
    if check
        .notes
        .iter()
        .any(|r| r.area == Area::BetweenToes && r.marks.iter().any(|m| m.needs_attention()))
    {
        items.push(AdviceItem::BetweenToes);
    }
    if check.has(Mark::HardSkin) {
        items.push(AdviceItem::HardSkin { diabetes });
    }
    if check.temperature_differs == Some(true) {
        items.push(AdviceItem::TemperatureDifference);
    }
    if items.is_empty() && check.areas_needing_attention() == 0 {
        items.push(AdviceItem::WellDone);
    }
    let urgency = items
        .iter()
        .map(AdviceItem::urgency)
        .max()
        .unwrap_or(Urgency::SelfCare);
    Advice { urgency, items }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::foot_check::model::Draft;

    const DAY: u64 = 24 * 3_600_000;

    fn check(id: u64, diabetes: bool, entries: &[(Foot, Area, &[Mark])]) -> FootCheck {
        let draft: Draft = entries
            .iter()
            .map(|(f, a, m)| ((*f, *a), m.to_vec()))
            .collect();
        FootCheck::from_draft(id, None, diabetes, &draft)
    }

    #[test]
    fn all_fine_is_well_done_at_self_care() {
        let advice = advise(
            &check(DAY, false, &[(Foot::Left, Area::Heel, &[Mark::Fine])]),
            &[],
        );
        assert_eq!(advice.items, vec![AdviceItem::WellDone]);
        assert_eq!(advice.urgency, Urgency::SelfCare);
    }

    #[test]
    fn cracks_mean_emollient_tonight_with_a_reminder_and_never_between_the_toes() {
        let advice = advise(
            &check(
                DAY,
                false,
                &[(Foot::Left, Area::Heel, &[Mark::DryFlaky, Mark::Crack])],
            ),
            &[],
        );
        assert_eq!(advice.items, vec![AdviceItem::Moisturize]);
        assert!(advice.items[0].offers_reminder());
        assert!(advice.items[0].text().contains("never between the toes"));
        assert_eq!(advice.urgency, Urgency::SelfCare);
    }

    #[test]
    fn deep_cracks_with_diabetes_mean_a_podiatrist_soon() {
        let with = advise(
            &check(DAY, true, &[(Foot::Right, Area::Heel, &[Mark::DeepCrack])]),
            &[],
        );
        assert_eq!(with.urgency, Urgency::Soon);
        assert!(with
            .items
            .contains(&AdviceItem::DeepCracks { diabetes: true }));
        let without = advise(
            &check(DAY, false, &[(Foot::Right, Area::Heel, &[Mark::DeepCrack])]),
            &[],
        );
        assert_eq!(without.urgency, Urgency::SelfCare);
    }

    #[test]
    fn red_hot_swollen_or_dark_skin_means_help_today_in_the_quiz_words() {
        for mark in [Mark::RedWarmSwollen, Mark::ColourChange] {
            let advice = advise(
                &check(DAY, false, &[(Foot::Left, Area::Toes, &[mark])]),
                &[],
            );
            assert_eq!(advice.urgency, Urgency::Urgent, "{mark:?}");
            assert_eq!(advice.urgency.headline(), "Get medical help today");
        }
    }

    #[test]
    fn a_wound_still_there_after_a_week_is_not_healing() {
        let old = check(
            DAY,
            false,
            &[(Foot::Left, Area::Ball, &[Mark::BlisterOrWound])],
        );
        let recent = check(
            5 * DAY,
            false,
            &[(Foot::Left, Area::Ball, &[Mark::BlisterOrWound])],
        );
        let today = check(
            9 * DAY,
            false,
            &[(Foot::Left, Area::Ball, &[Mark::BlisterOrWound])],
        );
        assert_eq!(
            advise(&today, std::slice::from_ref(&recent)).urgency,
            Urgency::Soon
        );
        let advice = advise(&today, &[old, recent]);
        assert_eq!(advice.urgency, Urgency::Urgent);
        assert_eq!(
            advice.items[0],
            AdviceItem::WoundNotHealing(Foot::Left, Area::Ball)
        );
    }

    #[test]
    fn a_new_wound_with_diabetes_is_seen_within_a_day() {
        let advice = advise(
            &check(
                DAY,
                true,
                &[(Foot::Left, Area::Toes, &[Mark::BlisterOrWound])],
            ),
            &[],
        );
        assert_eq!(advice.urgency, Urgency::Urgent);
    }

    #[test]
    fn trouble_between_the_toes_means_keep_dry_not_cream() {
        let advice = advise(
            &check(
                DAY,
                false,
                &[(Foot::Left, Area::BetweenToes, &[Mark::Crack])],
            ),
            &[],
        );
        assert_eq!(advice.items, vec![AdviceItem::BetweenToes]);
        assert!(advice.items[0].text().contains("No cream here"));
    }

    #[test]
    fn a_warmer_foot_is_worth_a_doctor_soon() {
        let mut c = check(DAY, false, &[(Foot::Left, Area::Heel, &[Mark::Fine])]);
        c.temperature_differs = Some(true);
        assert_eq!(advise(&c, &[]).urgency, Urgency::Soon);
    }
}
