//! The explanatory text. Written for this app from the facts of
//! `shared/source/leg-pain-when-lying-down.txt`; the "get help" boxes follow the
//! urgency of `shared/clinical/SPEC.md`. Plain data, so it is testable natively.

use crate::clinical::{Condition, Urgency};

/// A thing to try tonight. Raising the legs is marked, because it is wrong once poor
/// arterial blood flow is possible (SPEC).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tip {
    pub text: &'static str,
    pub raises_legs: bool,
}

const fn tip(text: &'static str) -> Tip {
    Tip {
        text,
        raises_legs: false,
    }
}

const fn raising(text: &'static str) -> Tip {
    Tip {
        text,
        raises_legs: true,
    }
}

pub struct Section {
    pub condition: Condition,
    pub title: &'static str,
    /// One line for the contents list.
    pub summary: &'static str,
    pub paragraphs: &'static [&'static str],
    pub try_tonight: &'static [Tip],
    /// What raises the urgency, in the words of the "when to get help" box.
    pub get_help: &'static [(Urgency, &'static str)],
}

pub const INTRO: &[&str] = &[
    "Legs that ache, burn or throb once you lie down are common, and the cause is not always in the legs. A nerve squeezed in the lower back can be felt in the calf; doctors call this referred pain.",
    "Other causes are joints and muscles that dislike a certain position, veins that are slow to empty, arteries too narrow to feed the feet when they are raised, and even small cracks in the heel skin. Each has its own pattern, and the pattern is what helps tell them apart.",
    "These pages explain each pattern in plain words, what you can try tonight, and when it is time to get help. They are not a diagnosis: if you are worried, talk to a doctor.",
];

pub const SECTIONS: &[Section] = &[
    Section {
        condition: Condition::NerveCompression,
        title: "A pinched nerve (sciatica)",
        summary: "A deep ache from the buttock down the leg, and no position feels right.",
        paragraphs: &[
            "The spinal cord runs down a channel inside the spine. Nerves branch off it and leave the spine through small side openings between the vertebrae. In some positions, lying flat included, these openings narrow a little, and a nerve that was already crowded gets squeezed.",
            "The pressure is in the back, but the pain is felt along the nerve's path. With the sciatic nerve that means a dull, aching pain that starts in the buttock or low back and runs down the back of the thigh towards the calf.",
            "A typical sign is restlessness: people turn from back to side to front and still cannot find a comfortable way to lie.",
        ],
        try_tonight: &[
            tip("On your side, put a pillow between your knees so the top leg does not twist your lower back."),
            tip("On your back, a pillow under your knees takes some strain off the low back."),
            tip("Gentle movement during the day usually helps more than long rest in bed."),
        ],
        get_help: &[
            (Urgency::Soon, "See a doctor in the next few days if the pain keeps you awake, lasts more than a few weeks, or keeps coming back."),
            (Urgency::Emergency, "Call the emergency number at once if you notice numbness around the genitals or bottom, new bladder or bowel problems, or worsening weakness in both legs."),
        ],
    },
    Section {
        condition: Condition::Neuropathy,
        title: "Nerve damage (neuropathy)",
        summary: "Burning, tingling or numb feet, often worst at night.",
        paragraphs: &[
            "Neuropathy is damage to the long nerves that reach the feet, and sometimes the hands. Diabetes is the best-known cause, but not the only one.",
            "It feels different from sciatica. Instead of an ache travelling down from the buttock, people describe burning, pins and needles, or feet that feel numb or 'not quite their own'. The same feeling may show up in the fingers.",
            "It tends to be worse at night, perhaps because there is less going on to distract the brain from the signals.",
        ],
        try_tonight: &[
            tip("Check your feet before bed: numb feet do not warn you about cuts, blisters or cracks."),
            tip("Keep bedding light over the feet if the touch of the sheet burns."),
            tip("Test bath water with your elbow or a thermometer, never with a numb foot, and keep hot-water bottles and electric blankets off the feet: they can burn without you feeling it."),
        ],
        get_help: &[
            (Urgency::Soon, "Book a doctor's appointment: the cause should be looked for, and treatment can ease the night pain."),
            (Urgency::Urgent, "With diabetes, a wound, blister or crack on a numb foot needs to be seen within a day."),
        ],
    },
    Section {
        condition: Condition::JointAndMuscle,
        title: "Joints and tight muscles",
        summary: "Pain in the low back or hip that depends on the position you lie in.",
        paragraphs: &[
            "How you lie decides where the load goes. Flat on the back, the natural inward curve of the lower spine is flattened, which can strain the joints of the low back.",
            "On the side, your weight rests on the hip bone. If the tissues on the outside of the hip and thigh are inflamed, that pressure hurts. A muscle called the tensor fascia lata (TFL), with its long tendon down the outer thigh, is a frequent source.",
            "Tight muscles make it worse. Stiff lower-back muscles or tight hip flexors keep pulling on the joints all night, and the pull hurts most when the joints are already worn, as with arthritis.",
        ],
        try_tonight: &[
            tip("Pain on your back: a pillow under the knees keeps the low back in a gentler curve."),
            tip("Pain on your side: lie on the other side, with a pillow between the knees, or a soft topper over the mattress."),
            tip("Gentle stretches for the hip flexors and low back before bed can ease the pull."),
        ],
        get_help: &[
            (Urgency::SelfCare, "Usually this can be managed at home. See a doctor or physiotherapist if it is no better after a few weeks."),
            (Urgency::Urgent, "Back pain with a fever, weight loss you cannot explain, or a past cancer needs a doctor now, not tomorrow."),
        ],
    },
    Section {
        condition: Condition::SpinalStenosis,
        title: "Spinal stenosis is not a lying-down pain",
        summary: "Worse when standing and walking, better sitting or lying: the opposite pattern.",
        paragraphs: &[
            "With wear over the years the channel that carries the spinal nerves can narrow. This is spinal stenosis, and it can cause back and leg pain, and sometimes a walk that gives out after a short distance, much like poor circulation does.",
            "But its pattern is the reverse of the others on these pages. Sitting, bending forward and lying down open the channel a little and ease the symptoms; standing and walking make them worse.",
            "So if your legs feel better once you lie down, stenosis may fit, but it does not explain pain that starts when you go to bed. If your pain is worse in bed, look at the other causes.",
        ],
        try_tonight: &[
            tip("Leaning forward, for example on a shopping trolley or walking stick, often makes walking easier."),
        ],
        get_help: &[
            (Urgency::Soon, "See a doctor in the coming days to confirm the cause and discuss treatment and exercises."),
            (Urgency::Emergency, "Call the emergency number for numbness around the genitals or bottom, or new bladder or bowel problems."),
        ],
    },
    Section {
        condition: Condition::ArterialRestPain,
        title: "Poor blood flow (rest pain)",
        summary: "Severe foot pain when the legs are up, eased by hanging them over the bed.",
        paragraphs: &[
            "When the leg arteries are badly narrowed, the feet get too little blood. During the day, with the feet below the heart, gravity helps push blood down. In bed, with the legs level or raised, that help is gone, and the starved tissue hurts. This is called rest pain.",
            "People often find relief by hanging the leg over the side of the bed or sleeping in a chair. The feet may look pale or feel cold. Smoking, diabetes and known artery disease make it more likely.",
            "Rest pain is a warning. Without prompt treatment to restore blood flow it can lead to painful wounds that do not heal and to gangrene.",
        ],
        try_tonight: &[
            tip("Do not raise your legs: keep them level or let them hang down, which helps blood reach the feet."),
            tip("Keep your feet warm with socks and bedding, never a hot-water bottle, heat pad or electric blanket: skin short of blood burns easily."),
        ],
        get_help: &[
            (Urgency::Urgent, "Rest pain needs a prompt check of the circulation: do not wait for the morning."),
            (Urgency::Emergency, "If a leg suddenly turns cold, pale, blue or blotchy, numb, or you cannot move it, call the emergency number now."),
        ],
    },
    Section {
        condition: Condition::VenousInsufficiency,
        title: "Vein disease",
        summary: "Heavy legs that get worse through the day, and uncomfortable at first in bed.",
        paragraphs: &[
            "Leg veins have small one-way valves that help blood climb back to the heart. When the valves leak, blood pools in the legs, and they feel heavy and full. The heaviness builds as the day goes on, and there may be visible varicose veins or swollen ankles in the evening.",
            "Lying down with the legs raised is good for veins: the pressure slowly drains away. But it takes a while, and in the first minutes the legs often feel heavy, tight and uncomfortable. So the thing that helps can feel, at first, like pain when you lie down.",
        ],
        try_tonight: &[
            raising("Raise your legs on a pillow and give it some minutes: the heaviness should ease."),
            tip("During the day, walking and calf exercises help the veins. Compression stockings can help too, but ask a nurse or doctor first: they check the blood flow in your legs, because stockings can harm legs that are short of blood."),
            tip("If raising your legs makes the feet hurt more, or hanging them down eases it, do not raise them: that is the pattern of poor blood flow, which needs help now."),
        ],
        get_help: &[
            (Urgency::SelfCare, "Usually this is looked after at home. See a doctor if the skin changes colour, itches, or breaks down."),
            (Urgency::Urgent, "One leg newly swollen, warm, red or darker, or a painful calf in one leg, can be a clot: get help now, or call the emergency number if you are short of breath or have chest pain."),
        ],
    },
    Section {
        condition: Condition::SkinFissures,
        title: "Cracked heel skin",
        summary: "A sharp, stinging crack in the heel that hurts in bed, not when standing.",
        paragraphs: &[
            "Dry skin on the soles and heels can split. These splits are called fissures. Oddly, they often do not hurt when you stand: your weight squeezes the crack shut.",
            "In bed the foot swells a little and the crack opens up. That can sting enough to keep you awake.",
            "The fix is simple. First look at your feet; if you cannot see your soles, use a mirror on the floor or ask someone to look. Then rub a heavy, greasy moisturiser (an emollient) into the dry skin of the soles and heels every day. Never put it between the toes: the damp skin there invites athlete's foot.",
        ],
        try_tonight: &[
            tip("Rub a heavy emollient into your heels and soles before bed, never between the toes."),
            tip("Cotton socks overnight keep the cream on the skin and off the sheets."),
            tip("If you have diabetes, do not soak your feet, and let a podiatrist treat deep cracks."),
        ],
        get_help: &[
            (Urgency::SelfCare, "With daily moisturising most cracks heal within a week or two."),
            (Urgency::Soon, "Cracks that are deep or bleeding, with diabetes, numb feet or poor circulation: see a podiatrist in the next few days, and never use a pumice stone, file or blade on them."),
            (Urgency::Urgent, "Spreading redness, heat, swelling or pus around a crack needs help now, not tomorrow. With diabetes and a fever, call the emergency number."),
        ],
    },
    Section {
        condition: Condition::NightCramps,
        title: "Night cramps",
        summary: "A calf or foot muscle suddenly knots hard and wakes you; a stretch makes it let go.",
        paragraphs: &[
            "A night cramp is a muscle, most often in the calf or the foot, that suddenly tightens into a hard, painful knot. It often wakes people up. It lasts from a few seconds to a few minutes, and the muscle can stay sore for a while afterwards.",
            "Cramps become more common with age, in pregnancy, after a lot of exercise, and with some medicines, such as water tablets, statins and some inhalers. Often no cause is found.",
            "Do not stop a medicine on your own: ask a pharmacist or doctor whether one of yours could be the cause. Quinine is no longer a routine treatment for cramps.",
            "A \"cramp\" that does not let go, in one calf that is swollen or warm, is not a cramp: it can be a clot, which needs help now.",
        ],
        try_tonight: &[
            tip("Stretch your calves before bed: face a wall with your hands on it, one foot back with its heel on the floor and the knee straight. Hold for 30 seconds, then swap legs."),
            tip("When a cramp comes, pull your toes up towards your knee, or stand on that foot and walk a few steps: the stretch makes the muscle let go."),
            tip("Keep the covers loose at the foot end, so your toes are not held pointing down."),
        ],
        get_help: &[
            (Urgency::SelfCare, "Most cramps are harmless and ease with stretching."),
            (Urgency::Soon, "See a doctor in the coming days if cramps come most nights, one lasts longer than 10 minutes, a leg muscle has become thinner or weaker, or they began after a new medicine."),
            (Urgency::Urgent, "A calf that stays painful, swollen or warm in one leg is not a cramp: get help now, or call the emergency number if you are short of breath or have chest pain."),
        ],
    },
    Section {
        condition: Condition::RestlessLegs,
        title: "Restless legs",
        summary: "An urge to move the legs when you sit or lie still, eased only while moving.",
        paragraphs: &[
            "Restless legs syndrome is an urge to move the legs that is hard to resist. It usually comes with an odd feeling deep in the legs: creeping, crawling, pulling, fizzing or aching.",
            "It starts or gets worse when you sit or lie still. Moving eases it, but only for as long as you keep moving, and it is worse in the evening and at night. A bed partner may notice the legs jerking or kicking in sleep.",
            "It is linked with low iron, pregnancy, kidney disease, nerve damage and some medicines, among them some antidepressants, some anti-sickness medicines and sleep aids that contain an antihistamine. Caffeine, alcohol and smoking make it worse.",
            "A doctor can check your iron stores with a blood test (ferritin) and look through your medicines. Do not stop a medicine on your own: ask a pharmacist or doctor. Do not start iron tablets before that blood test: too much iron does harm too.",
        ],
        try_tonight: &[
            tip("When it comes, get up and walk, stretch, or rub your legs."),
            tip("Cut down on coffee, tea, cola, alcohol and smoking in the evening."),
            tip("Move regularly in the daytime: a walk every day helps many people."),
        ],
        get_help: &[
            (Urgency::Soon, "ask for a blood test for iron (ferritin) before you take iron tablets, and bring a list of your medicines."),
        ],
    },
];

pub fn section_for(id: &str) -> Option<&'static Section> {
    SECTIONS.iter().find(|section| section.condition.id() == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_section_per_explained_condition_then_the_two_also_common_in_order() {
        let conditions: Vec<_> = SECTIONS.iter().map(|s| s.condition).collect();
        let expected: Vec<_> = Condition::EXPLAINED
            .into_iter()
            .chain(Condition::ALSO_COMMON)
            .collect();
        assert_eq!(conditions, expected);
    }

    #[test]
    fn cramps_and_restless_legs_never_say_stop_a_medicine_and_name_the_iron_test() {
        for id in ["night_cramps", "restless_legs"] {
            let section = section_for(id).unwrap();
            let text = section.paragraphs.join(" ");
            assert!(text.contains("Do not stop a medicine on your own"), "{id}");
            assert!(text.contains("ask a pharmacist or doctor"), "{id}");
        }
        let restless = section_for("restless_legs").unwrap();
        let help: Vec<&str> = restless.get_help.iter().map(|(_, t)| *t).collect();
        assert!(help.join(" ").contains("blood test for iron"));
        let cramps = section_for("night_cramps").unwrap();
        let tips: Vec<&str> = cramps.try_tonight.iter().map(|t| t.text).collect();
        assert!(tips.join(" ").contains("wall") && tips.join(" ").contains("toes up"));
    }

    #[test]
    fn every_section_is_reachable_by_its_spec_id() {
        for condition in Condition::EXPLAINED
            .into_iter()
            .chain(Condition::ALSO_COMMON)
        {
            let section =
                section_for(condition.id()).unwrap_or_else(|| panic!("{}", condition.id()));
            assert_eq!(section.condition, condition);
        }
        assert!(section_for("cauda_equina").is_none());
        assert!(section_for("").is_none());
    }

    #[test]
    fn every_section_says_when_to_get_help_at_its_base_urgency() {
        for section in SECTIONS {
            assert!(!section.paragraphs.is_empty(), "{}", section.title);
            assert!(!section.try_tonight.is_empty(), "{}", section.title);
            assert!(
                section
                    .get_help
                    .iter()
                    .any(|(urgency, _)| *urgency == section.condition.base_urgency()),
                "{} lacks advice at its base urgency",
                section.title
            );
        }
    }

    #[test]
    fn the_no_cream_between_the_toes_rule_is_stated() {
        let fissures = section_for("skin_fissures").unwrap();
        let tips: Vec<&str> = fissures.try_tonight.iter().map(|t| t.text).collect();
        let text = fissures.paragraphs.join(" ") + &tips.join(" ");
        assert!(
            text.contains("never between the toes")
                || text.contains("Never put it between the toes")
        );
    }

    #[test]
    fn every_tip_that_raises_the_legs_is_marked_and_compression_is_never_self_care() {
        for section in SECTIONS {
            for t in section.try_tonight {
                let text = t.text.to_lowercase();
                let suggests_raising =
                    text.contains("raise your legs") && !text.contains("do not raise");
                assert_eq!(suggests_raising, t.raises_legs, "{}", t.text);
                if text.contains("compression") {
                    assert!(text.contains("ask a nurse or doctor first"), "{}", t.text);
                }
            }
        }
    }

    #[test]
    fn no_help_line_says_today_as_if_a_surgery_were_open_at_night() {
        for section in SECTIONS {
            for (_, line) in section.get_help {
                assert!(!line.to_lowercase().contains("today"), "{line}");
            }
        }
    }

    #[test]
    fn stenosis_is_explained_as_not_a_lying_down_cause() {
        let stenosis = section_for("spinal_stenosis").unwrap();
        assert!(stenosis.title.contains("not a lying-down"));
    }
}
