//! What to do after a foot check, from SPEC's foot guidance and urgency ladder. Pure.

use super::model::{Area, Foot, FootCheck, Mark, Temperature};
use crate::clinical::Urgency;

/// A wound still there after this long is "not healing" (SPEC / NICE NG19: same-day care).
pub const NOT_HEALING_AFTER_DAYS: u64 = 7;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdviceItem {
    /// SPEC: black or darkening toes are urgent, an emergency with diabetes (NICE NG19).
    DarkSkin {
        diabetes: bool,
    },
    /// SPEC skin_infection: spreading redness, heat, swelling.
    Infection,
    /// SPEC: a foot wound that is not healing is urgent.
    WoundNotHealing(Foot, Area),
    Wound {
        diabetes: bool,
    },
    /// SPEC skin_fissures: `soon` with deep or bleeding cracks and diabetes, numb feet or
    /// poor circulation (here: diabetes, or a colder, paler foot).
    DeepCracks {
        at_risk: bool,
    },
    Moisturize,
    BetweenToes,
    HardSkin {
        diabetes: bool,
    },
    /// SPEC: one foot warmer with diabetes is urgent (possible Charcot foot).
    OneFootWarmer {
        diabetes: bool,
    },
    /// SPEC: one foot colder or paler points to poor blood flow; urgent with pain in bed
    /// that eases when the leg hangs down.
    OneFootColder {
        eases_hanging: bool,
    },
    /// SPEC's warmth and water safety, for feet that may not feel heat.
    WarmthAndWater {
        diabetes: bool,
    },
    WellDone,
}

impl AdviceItem {
    pub fn urgency(&self) -> Urgency {
        match self {
            AdviceItem::DarkSkin { diabetes: true } => Urgency::Emergency,
            AdviceItem::DarkSkin { diabetes: false }
            | AdviceItem::Infection
            | AdviceItem::WoundNotHealing(..)
            | AdviceItem::Wound { diabetes: true }
            | AdviceItem::OneFootWarmer { diabetes: true }
            | AdviceItem::OneFootColder {
                eases_hanging: true,
            } => Urgency::Urgent,
            AdviceItem::Wound { diabetes: false }
            | AdviceItem::OneFootWarmer { diabetes: false }
            | AdviceItem::OneFootColder {
                eases_hanging: false,
            }
            | AdviceItem::DeepCracks { at_risk: true } => Urgency::Soon,
            _ => Urgency::SelfCare,
        }
    }

    pub fn text(&self) -> String {
        match self {
            AdviceItem::DarkSkin { diabetes: true } => "Dark or black skin on a foot with diabetes can mean the tissue is dying for lack of blood. This is an emergency: call the emergency number or go to the emergency department now.".into(),
            AdviceItem::DarkSkin { diabetes: false } => "Skin turning dark or black can mean it is not getting enough blood. Get medical help now, not tomorrow.".into(),
            AdviceItem::Infection => "Redness, warmth or swelling can be an infection. Get medical help now, not tomorrow. With diabetes and a fever, or if you feel very unwell, call the emergency number.".into(),
            AdviceItem::WoundNotHealing(foot, area) => format!(
                "The wound on your {} ({}) was already there more than a week ago. A foot wound that is not healing needs to be seen now, not tomorrow.",
                foot.name().to_lowercase(),
                area.name().to_lowercase()
            ),
            AdviceItem::Wound { diabetes: true } => "With diabetes, a blister, cut or sore on the foot needs a doctor or the foot-care team within a day: in the evening, call the urgent-care line. Cover it with a clean dressing and keep weight off it.".into(),
            AdviceItem::Wound { diabetes: false } => "Keep the blister or sore clean and covered, and take pressure off it. See a doctor if it is not clearly healing in a few days.".into(),
            AdviceItem::DeepCracks { at_risk: true } => "Deep or bleeding cracks, with diabetes or poor circulation: see a podiatrist in the next few days. Never use a pumice stone, file or blade on them, and do not soak your feet. Cover a bleeding crack with a clean dressing.".into(),
            AdviceItem::DeepCracks { at_risk: false } => "Deep cracks heal with a heavy emollient every day. Cover a bleeding crack, and see a doctor if it is no better in two weeks.".into(),
            AdviceItem::Moisturize => "Rub a heavy emollient into the dry or cracked skin tonight and every day, on the soles and heels, never between the toes. Cotton socks overnight help it soak in.".into(),
            AdviceItem::BetweenToes => "Between the toes: dry carefully after washing and keep the skin dry. No cream here. Peeling or cracks there can be athlete's foot: ask a pharmacist.".into(),
            AdviceItem::HardSkin { diabetes: true } => "Do not cut or file hard skin yourself with diabetes: a podiatrist can remove it safely.".into(),
            AdviceItem::HardSkin { diabetes: false } => "Hard skin softens with daily emollient; a pumice stone after a bath helps. Do not cut it.".into(),
            AdviceItem::OneFootWarmer { diabetes: true } => "One foot warmer than the other, with diabetes, can be a Charcot foot: the bones soften and the foot can lose its shape. Keep your weight off that foot and get medical help now, not tomorrow.".into(),
            AdviceItem::OneFootWarmer { diabetes: false } => "One foot warmer than the other can be a sign of inflammation. If it is still there tomorrow, see a doctor in the next few days.".into(),
            AdviceItem::OneFootColder { eases_hanging: true } => "A colder, paler foot that hurts in bed and eases when it hangs down points to poor blood flow (rest pain). Get medical help now, not tomorrow. Do not raise that leg; let it hang down if that eases it.".into(),
            AdviceItem::OneFootColder { eases_hanging: false } => "One foot colder or paler than the other can mean it gets too little blood. See a doctor in the next few days; sooner if it hurts in bed and eases when you hang it down.".into(),
            AdviceItem::WarmthAndWater { diabetes: true } => "Feet that may not feel heat burn easily. Warm them with socks and a blanket, never a hot-water bottle, heat pad or electric blanket on the feet. Test bath water with your elbow or a thermometer (below 37 °C), and do not soak your feet with diabetes.".into(),
            AdviceItem::WarmthAndWater { diabetes: false } => "Feet short of blood burn easily. Warm them with socks and a blanket, never a hot-water bottle, heat pad or electric blanket on the feet. Test bath water with your elbow or a thermometer (below 37 °C).".into(),
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
    let colder = check.temperature == Some(Temperature::OneColder);
    if check.has(Mark::ColourChange) {
        items.push(AdviceItem::DarkSkin { diabetes });
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
        items.push(AdviceItem::DeepCracks {
            at_risk: diabetes || colder,
        });
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
    match check.temperature {
        Some(Temperature::OneWarmer) => items.push(AdviceItem::OneFootWarmer { diabetes }),
        Some(Temperature::OneColder) => items.push(AdviceItem::OneFootColder {
            eases_hanging: check.cold_foot_eases_hanging,
        }),
        _ => {}
    }
    if items.is_empty() && check.areas_needing_attention() == 0 {
        items.push(AdviceItem::WellDone);
    }
    if diabetes || colder {
        items.push(AdviceItem::WarmthAndWater { diabetes });
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
        FootCheck::from_draft(id, None, false, diabetes, &draft)
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
    fn deep_cracks_with_diabetes_or_a_colder_foot_mean_a_podiatrist_never_blades() {
        let with = advise(
            &check(DAY, true, &[(Foot::Right, Area::Heel, &[Mark::DeepCrack])]),
            &[],
        );
        assert_eq!(with.urgency, Urgency::Soon);
        let item = AdviceItem::DeepCracks { at_risk: true };
        assert!(with.items.contains(&item));
        assert!(item.text().contains("podiatrist") && item.text().contains("Never use a pumice"));
        let mut cold = check(DAY, false, &[(Foot::Right, Area::Heel, &[Mark::DeepCrack])]);
        cold.temperature = Some(Temperature::OneColder);
        assert!(advise(&cold, &[]).items.contains(&item));
        let without = advise(
            &check(DAY, false, &[(Foot::Right, Area::Heel, &[Mark::DeepCrack])]),
            &[],
        );
        assert_eq!(without.urgency, Urgency::SelfCare);
    }

    #[test]
    fn red_hot_swollen_or_dark_skin_means_help_now_in_the_quiz_words() {
        for mark in [Mark::RedWarmSwollen, Mark::ColourChange] {
            let advice = advise(
                &check(DAY, false, &[(Foot::Left, Area::Toes, &[mark])]),
                &[],
            );
            assert_eq!(advice.urgency, Urgency::Urgent, "{mark:?}");
            assert!(advice.items.iter().all(|i| !i.text().contains("today")));
        }
        let dark_with_diabetes = advise(
            &check(
                DAY,
                true,
                &[(Foot::Left, Area::Toes, &[Mark::ColourChange])],
            ),
            &[],
        );
        assert_eq!(dark_with_diabetes.urgency, Urgency::Emergency);
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
    fn a_warmer_foot_is_soon_and_with_diabetes_urgent_keep_weight_off() {
        let mut c = check(DAY, false, &[(Foot::Left, Area::Heel, &[Mark::Fine])]);
        c.temperature = Some(Temperature::OneWarmer);
        assert_eq!(advise(&c, &[]).urgency, Urgency::Soon);
        c.diabetes = true;
        let advice = advise(&c, &[]);
        assert_eq!(advice.urgency, Urgency::Urgent);
        let charcot = AdviceItem::OneFootWarmer { diabetes: true };
        assert!(advice.items.contains(&charcot));
        assert!(charcot.text().contains("Keep your weight off"));
    }

    #[test]
    fn a_colder_foot_is_poor_blood_flow_and_urgent_when_it_eases_hanging_down() {
        let mut c = check(DAY, false, &[(Foot::Left, Area::Heel, &[Mark::Fine])]);
        c.temperature = Some(Temperature::OneColder);
        assert_eq!(advise(&c, &[]).urgency, Urgency::Soon);
        c.cold_foot_eases_hanging = true;
        let advice = advise(&c, &[]);
        assert_eq!(advice.urgency, Urgency::Urgent);
        let text = advice.items[0].text();
        assert!(text.contains("Do not raise"), "{text}");
    }

    #[test]
    fn warmth_and_water_safety_in_concrete_words_with_diabetes_or_a_cold_foot() {
        let plain = advise(
            &check(DAY, false, &[(Foot::Left, Area::Heel, &[Mark::Fine])]),
            &[],
        );
        assert!(!plain
            .items
            .iter()
            .any(|i| matches!(i, AdviceItem::WarmthAndWater { .. })));
        let diabetic = advise(
            &check(DAY, true, &[(Foot::Left, Area::Heel, &[Mark::Fine])]),
            &[],
        );
        let item = AdviceItem::WarmthAndWater { diabetes: true };
        assert!(diabetic.items.contains(&item));
        for words in [
            "elbow or a thermometer",
            "hot-water bottle",
            "electric blanket",
            "do not soak",
        ] {
            assert!(item.text().contains(words), "{words}");
        }
    }

    #[test]
    fn the_old_true_or_false_temperature_migrates() {
        let old = serde_json::json!([{"id": 1, "seen": 1, "temp": true}, {"id": 2, "seen": 1, "temp": false}, {"id": 3, "seen": 1}]);
        let new = crate::foot_check::model::migrate_v2_to_v3(old).unwrap();
        let checks: Vec<FootCheck> = serde_json::from_value(new).unwrap();
        assert_eq!(checks[0].temperature, Some(Temperature::OneWarmer));
        assert_eq!(checks[1].temperature, Some(Temperature::Same));
        assert_eq!(checks[2].temperature, None);
        assert!(
            crate::foot_check::model::migrate_v2_to_v3(serde_json::json!([{"temp": 3}])).is_err()
        );
    }
}
