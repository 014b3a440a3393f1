//! What to do after a foot check, from SPEC's foot guidance and urgency ladder. Pure.

use super::model::{Area, Foot, FootCheck, Mark, Temperature};
use crate::clinical::Urgency;

/// A wound still there after this long is "not healing" (SPEC / NICE NG19).
pub const NOT_HEALING_AFTER_DAYS: u64 = 7;

/// What puts a foot at risk, as the advice needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AtRisk {
    pub diabetes: bool,
    /// One foot colder or paler than the other: poor blood flow.
    pub colder: bool,
    /// Two or more toes not felt on the touch test: lost protective feeling.
    pub numb: bool,
}

impl AtRisk {
    /// SPEC v3: never pumice, files or blades on a foot with diabetes, numbness or a
    /// colder foot.
    fn no_pumice(self) -> bool {
        self.diabetes || self.colder || self.numb
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdviceItem {
    /// SPEC: black or darkening toes are urgent, an emergency with diabetes (NICE NG19).
    DarkSkin {
        diabetes: bool,
    },
    /// SPEC skin_infection: spreading redness, heat, swelling.
    Infection,
    /// A blister, cut or sore; `not_healing` names where one was already there a week ago.
    /// SPEC v3: with diabetes and a colder foot an emergency; with a colder foot urgent;
    /// with diabetes the next working day; not healing, `soon`.
    Wound {
        risk: AtRisk,
        not_healing: Option<(Foot, Area)>,
    },
    /// SPEC skin_fissures: deep or bleeding cracks are `next_day` with diabetes, `soon`
    /// with numb feet or poor circulation.
    DeepCracks {
        risk: AtRisk,
    },
    Moisturize,
    BetweenToes,
    HardSkin {
        no_pumice: bool,
    },
    /// SPEC v3: one foot warmer with diabetes is `next_day` (possible Charcot foot).
    OneFootWarmer {
        diabetes: bool,
    },
    /// SPEC: one foot colder or paler points to poor blood flow: `soon`; urgent with pain
    /// in bed that eases when the leg hangs down; an emergency when it came on suddenly.
    OneFootColder {
        eases_hanging: bool,
        sudden: bool,
    },
    /// SPEC v3: two or more toes not felt on the touch test (`soon`).
    LostFeeling,
    /// SPEC's warmth and water safety, for feet that may not feel heat.
    WarmthAndWater {
        diabetes: bool,
    },
    WellDone,
}

impl AdviceItem {
    pub fn urgency(&self) -> Urgency {
        match self {
            AdviceItem::DarkSkin { diabetes: true }
            | AdviceItem::OneFootColder { sudden: true, .. } => Urgency::Emergency,
            AdviceItem::Wound { risk, .. } if risk.diabetes && risk.colder => Urgency::Emergency,
            AdviceItem::DarkSkin { diabetes: false }
            | AdviceItem::Infection
            | AdviceItem::OneFootColder {
                eases_hanging: true,
                ..
            } => Urgency::Urgent,
            AdviceItem::Wound { risk, .. } if risk.colder => Urgency::Urgent,
            AdviceItem::Wound { risk, .. } if risk.diabetes => Urgency::NextDay,
            AdviceItem::DeepCracks { risk } if risk.diabetes => Urgency::NextDay,
            AdviceItem::OneFootWarmer { diabetes: true } => Urgency::NextDay,
            AdviceItem::Wound {
                not_healing: Some(_),
                ..
            }
            | AdviceItem::OneFootWarmer { diabetes: false }
            | AdviceItem::OneFootColder { .. }
            | AdviceItem::LostFeeling => Urgency::Soon,
            AdviceItem::DeepCracks { risk } if risk.colder || risk.numb => Urgency::Soon,
            _ => Urgency::SelfCare,
        }
    }

    pub fn text(&self) -> String {
        let urgency = self.urgency();
        match self {
            AdviceItem::DarkSkin { diabetes: true } => "Dark or black skin on a foot with diabetes can mean the tissue is dying for lack of blood. This is an emergency: call the emergency number or go to the emergency department now.".into(),
            AdviceItem::DarkSkin { diabetes: false } => "Skin turning dark or black can mean it is not getting enough blood. Get medical help now, not tomorrow.".into(),
            AdviceItem::Infection => "Redness, warmth or swelling can be an infection. Get medical help now, not tomorrow. With diabetes and a fever, or if you feel very unwell or confused, call the emergency number.".into(),
            AdviceItem::Wound { not_healing, .. } => {
                let since = match not_healing {
                    Some((foot, area)) => format!(
                        "The wound on your {} ({}) was already there more than a week ago. ",
                        foot.name().to_lowercase(),
                        area.name().to_lowercase()
                    ),
                    None => String::new(),
                };
                let what = match urgency {
                    Urgency::Emergency => "A wound on a foot with diabetes that is also colder or paler than the other can mean the blood cannot reach it to heal it. This is an emergency: call the emergency number or go to the emergency department now.",
                    Urgency::Urgent => "A wound on a foot that is colder or paler than the other may not heal for lack of blood. Get medical help now, not tomorrow.",
                    Urgency::NextDay => "With diabetes, a blister, cut or sore on the foot needs your practice or foot-care team as soon as it opens, on the next working day. Cover it with a clean dressing and keep weight off it. If it gets red, hot or swollen, or you feel unwell, call the urgent-care line.",
                    Urgency::Soon => "A wound that is not healing needs a doctor or nurse to look at it: book an appointment in the coming days. Keep it clean and covered.",
                    Urgency::SelfCare => "Keep the blister or sore clean and covered, and take pressure off it. See a doctor if it is not clearly healing in a few days.",
                };
                format!("{since}{what}")
            }
            AdviceItem::DeepCracks { .. } => match urgency {
                Urgency::NextDay => "Deep or bleeding cracks with diabetes: contact your practice or foot-care team as soon as it opens, on the next working day. Never use a pumice stone, file or blade on them, and do not soak your feet. Cover a bleeding crack with a clean dressing.".into(),
                Urgency::Soon => "Deep or bleeding cracks on a foot that feels less or gets too little blood: see a podiatrist in the next few days. Never use a pumice stone, file or blade on them. Cover a bleeding crack with a clean dressing.".into(),
                _ => "Deep cracks heal with a heavy emollient every day. Cover a bleeding crack, and see a doctor if it is no better in two weeks.".into(),
            },
            AdviceItem::Moisturize => "Rub a heavy emollient into the dry or cracked skin tonight and every day, on the soles and heels, never between the toes. Cotton socks overnight help it soak in.".into(),
            AdviceItem::BetweenToes => "Between the toes: dry carefully after washing and keep the skin dry. No cream here. Peeling or cracks there can be athlete's foot: ask a pharmacist.".into(),
            AdviceItem::HardSkin { no_pumice: true } => "Do not cut, file or rub down hard skin yourself: with diabetes, numb feet or poor blood flow a small graze can become a wound. A podiatrist can remove it safely.".into(),
            AdviceItem::HardSkin { no_pumice: false } => "Hard skin softens with daily emollient; a pumice stone after a bath helps. Do not cut it.".into(),
            AdviceItem::OneFootWarmer { diabetes: true } => "One foot warmer than the other, with diabetes, can be a Charcot foot: the bones soften and the foot can lose its shape. Keep your weight off that foot and contact your practice or foot-care team as soon as it opens, on the next working day.".into(),
            AdviceItem::OneFootWarmer { diabetes: false } => "One foot warmer than the other can be a sign of inflammation. If it is still there tomorrow, see a doctor in the next few days.".into(),
            AdviceItem::OneFootColder { sudden: true, .. } => "A foot that suddenly became colder or paler can mean a blocked artery. This is an emergency: call the emergency number now. Every hour counts.".into(),
            AdviceItem::OneFootColder { eases_hanging: true, .. } => "A colder, paler foot that hurts in bed and eases when it hangs down points to poor blood flow (rest pain). Get medical help now, not tomorrow. Do not raise that leg; let it hang down if that eases it.".into(),
            AdviceItem::OneFootColder { .. } => "One foot colder or paler than the other can mean it gets too little blood. See a doctor in the next few days; sooner if it hurts in bed and eases when you hang it down.".into(),
            AdviceItem::LostFeeling => "Two or more toes were not felt: your feet have lost some of their protective feeling. Ask for a foot check by a doctor, nurse or podiatrist in the coming days. Look at your feet every day: numb feet do not warn you of cuts, blisters or burns.".into(),
            AdviceItem::WarmthAndWater { diabetes: true } => "Feet that may not feel heat burn easily. Warm them with socks and a blanket, never a hot-water bottle, heat pad or electric blanket on the feet. Test bath water with your elbow or a thermometer (below 37 °C), and do not soak your feet with diabetes.".into(),
            AdviceItem::WarmthAndWater { diabetes: false } => "Feet that feel less, or are short of blood, burn easily. Warm them with socks and a blanket, never a hot-water bottle, heat pad or electric blanket on the feet. Test bath water with your elbow or a thermometer (below 37 °C).".into(),
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
    let colder = check.temperature == Some(Temperature::OneColder);
    let risk = AtRisk {
        diabetes,
        colder,
        numb: check.numb(),
    };
    let mut items = Vec::new();
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
    if !wounds.is_empty() {
        let not_healing = wounds
            .iter()
            .find(|(foot, area)| had_wound_long_ago(check, earlier, *foot, *area))
            .copied();
        items.push(AdviceItem::Wound { risk, not_healing });
    }
    if check.has(Mark::DeepCrack) {
        items.push(AdviceItem::DeepCracks { risk });
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
        items.push(AdviceItem::HardSkin {
            no_pumice: risk.no_pumice(),
        });
    }
    match check.temperature {
        Some(Temperature::OneWarmer) => items.push(AdviceItem::OneFootWarmer { diabetes }),
        Some(Temperature::OneColder) => items.push(AdviceItem::OneFootColder {
            eases_hanging: check.cold_foot_eases_hanging,
            sudden: check.colder_came_suddenly,
        }),
        _ => {}
    }
    if risk.numb {
        items.push(AdviceItem::LostFeeling);
    }
    if items.is_empty() && check.areas_needing_attention() == 0 {
        items.push(AdviceItem::WellDone);
    }
    if diabetes || colder || risk.numb {
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
    use crate::foot_check::touch_test::TouchTest;

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
    fn deep_cracks_are_next_day_with_diabetes_soon_when_numb_or_colder_never_blades() {
        let deep = |diabetes| {
            check(
                DAY,
                diabetes,
                &[(Foot::Right, Area::Heel, &[Mark::DeepCrack])],
            )
        };
        let with = advise(&deep(true), &[]);
        assert_eq!(with.urgency, Urgency::NextDay);
        let text = with.items[0].text();
        assert!(text.contains("as soon as it opens") && text.contains("Never use a pumice"));
        let mut cold = deep(false);
        cold.temperature = Some(Temperature::OneColder);
        let cold = advise(&cold, &[]);
        assert!(cold.items.iter().any(|i| i.text().contains("podiatrist")));
        assert_eq!(cold.urgency, Urgency::Soon);
        let mut touch = TouchTest::default();
        touch.set(0, false);
        touch.set(3, false);
        let numb = advise(&deep(false).with_touch_test(Some(touch)), &[]);
        assert_eq!(numb.urgency, Urgency::Soon);
        // One toe not felt is not numb feet: the cracks stay at home.
        touch.set(3, true);
        let one_toe = advise(&deep(false).with_touch_test(Some(touch)), &[]);
        assert_eq!(one_toe.urgency, Urgency::SelfCare);
        assert_eq!(advise(&deep(false), &[]).urgency, Urgency::SelfCare);
    }

    #[test]
    fn no_pumice_file_or_blade_advice_with_diabetes_numbness_or_a_colder_foot() {
        let hard = |diabetes| {
            check(
                DAY,
                diabetes,
                &[(Foot::Left, Area::Ball, &[Mark::HardSkin])],
            )
        };
        let says_pumice = |c: &FootCheck| {
            advise(c, &[])
                .items
                .iter()
                .any(|i| i.text().contains("a pumice stone after a bath"))
        };
        assert!(says_pumice(&hard(false)));
        assert!(!says_pumice(&hard(true)));
        let mut cold = hard(false);
        cold.temperature = Some(Temperature::OneColder);
        assert!(!says_pumice(&cold));
        let mut touch = TouchTest::default();
        touch.set(1, false);
        touch.set(2, false);
        assert!(!says_pumice(&hard(false).with_touch_test(Some(touch))));
    }

    #[test]
    fn two_toes_not_felt_on_the_touch_test_are_soon_one_is_not() {
        let fine = check(DAY, false, &[(Foot::Left, Area::Heel, &[Mark::Fine])]);
        let mut touch = TouchTest::default();
        touch.set(2, false);
        let one = advise(&fine.clone().with_touch_test(Some(touch)), &[]);
        assert_eq!(one.urgency, Urgency::SelfCare);
        assert!(!one.items.contains(&AdviceItem::LostFeeling));
        touch.set(5, false);
        let two = advise(&fine.with_touch_test(Some(touch)), &[]);
        assert_eq!(two.urgency, Urgency::Soon);
        assert!(two.items.contains(&AdviceItem::LostFeeling));
        assert!(two
            .items
            .iter()
            .any(|i| matches!(i, AdviceItem::WarmthAndWater { .. })));
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
        let wound = |id| {
            check(
                id,
                false,
                &[(Foot::Left, Area::Ball, &[Mark::BlisterOrWound])],
            )
        };
        let (old, recent, today) = (wound(DAY), wound(5 * DAY), wound(9 * DAY));
        assert_eq!(
            advise(&today, std::slice::from_ref(&recent)).urgency,
            Urgency::SelfCare
        );
        let advice = advise(&today, &[old, recent]);
        assert_eq!(advice.urgency, Urgency::Soon);
        assert!(matches!(
            advice.items[0],
            AdviceItem::Wound {
                not_healing: Some((Foot::Left, Area::Ball)),
                ..
            }
        ));
        assert!(advice.items[0].text().contains("more than a week ago"));
    }

    #[test]
    fn a_wound_climbs_with_diabetes_and_a_colder_foot_as_in_the_quiz() {
        let wound = |diabetes| {
            check(
                DAY,
                diabetes,
                &[(Foot::Left, Area::Toes, &[Mark::BlisterOrWound])],
            )
        };
        assert_eq!(advise(&wound(true), &[]).urgency, Urgency::NextDay);
        let mut cold = wound(false);
        cold.temperature = Some(Temperature::OneColder);
        assert_eq!(advise(&cold, &[]).urgency, Urgency::Urgent);
        let mut both = wound(true);
        both.temperature = Some(Temperature::OneColder);
        let advice = advise(&both, &[]);
        assert_eq!(advice.urgency, Urgency::Emergency);
        assert!(advice.items[0].text().contains("call the emergency number"));
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
    fn a_warmer_foot_is_soon_and_with_diabetes_next_day_keep_weight_off() {
        let mut c = check(DAY, false, &[(Foot::Left, Area::Heel, &[Mark::Fine])]);
        c.temperature = Some(Temperature::OneWarmer);
        assert_eq!(advise(&c, &[]).urgency, Urgency::Soon);
        c.diabetes = true;
        let advice = advise(&c, &[]);
        assert_eq!(advice.urgency, Urgency::NextDay);
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
        // Came on suddenly: an emergency.
        let sudden = c.clone().with_colder_foot(true);
        assert_eq!(advise(&sudden, &[]).urgency, Urgency::Emergency);
        // "Suddenly" is kept only with a colder foot.
        let mut warmer = c.clone();
        warmer.temperature = Some(Temperature::OneWarmer);
        assert!(!warmer.with_colder_foot(true).colder_came_suddenly);
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
