//! The page that explains the warning signs: what each dangerous cause is, why it cannot
//! wait, and what to do. Every "has to be ruled out now" on a result links to its part
//! here (SPEC v3), so a frightened person can read why, not only that.

/// The path segment of the page, under `/learn/`.
pub const PAGE: &str = "warning-signs";

/// One dangerous cause the checks can warn about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    Clot,
    CaudaEquina,
    SuddenColdLeg,
    Infection,
    SeriousSpine,
    MuscleBreakdown,
}

pub struct Explanation {
    pub warning: Warning,
    pub title: &'static str,
    pub paragraphs: &'static [&'static str],
    /// The signs that make it an emergency: call the emergency number.
    pub call_now: &'static str,
}

impl Warning {
    pub const ALL: [Warning; 6] = [
        Warning::Clot,
        Warning::CaudaEquina,
        Warning::SuddenColdLeg,
        Warning::Infection,
        Warning::SeriousSpine,
        Warning::MuscleBreakdown,
    ];

    /// The part's anchor on the page.
    pub fn anchor(self) -> &'static str {
        match self {
            Warning::Clot => "clot",
            Warning::CaudaEquina => "cauda-equina",
            Warning::SuddenColdLeg => "cold-leg",
            Warning::Infection => "infection",
            Warning::SeriousSpine => "spine",
            Warning::MuscleBreakdown => "muscle-breakdown",
        }
    }

    pub fn href(self) -> String {
        format!("/learn/{PAGE}#{}", self.anchor())
    }

    pub fn explanation(self) -> &'static Explanation {
        EXPLANATIONS
            .iter()
            .find(|e| e.warning == self)
            .unwrap_or(&EXPLANATIONS[0])
    }
}

pub const INTRO: &str = "Most leg pain at night is not dangerous. A few causes are, and they have signs you can spot. This page says what each one is, why it cannot wait for a routine appointment, and which signs mean calling the emergency number.";

pub const EXPLANATIONS: &[Explanation] = &[
    Explanation {
        warning: Warning::Clot,
        title: "A blood clot in a leg vein (DVT)",
        paragraphs: &[
            "A clot can form in a deep vein of the calf or thigh, most often after an operation, a long journey, days in bed, in pregnancy, with hormone pills, or with cancer.",
            "It usually affects one leg: it swells, feels warm or tight, looks red or darker, or the calf or thigh aches. A piece of the clot can break off and travel to the lungs, so it needs checking the same day.",
            "A cramp lets go within minutes. A calf that stays painful and swollen on one side is not a cramp.",
        ],
        call_now: "Call the emergency number if you become breathless, have chest pain, cough up blood or faint: the clot may have reached the lungs.",
    },
    Explanation {
        warning: Warning::CaudaEquina,
        title: "Pressure on the nerves at the base of the spine (cauda equina)",
        paragraphs: &[
            "At the bottom of the spine a bundle of nerves controls the legs, the bladder, the bowel and the feeling between the legs. A large disc bulge can press on the whole bundle.",
            "Pain like sciatica in both legs can be its first sign. Treated within hours, the nerves usually recover; left for days, the damage can last.",
        ],
        call_now: "Call the emergency number, or go to the emergency department, for numbness around your bottom or genitals, new trouble passing urine or controlling your bladder or bowels, or legs that are getting weaker.",
    },
    Explanation {
        warning: Warning::SuddenColdLeg,
        title: "A sudden loss of blood to a leg",
        paragraphs: &[
            "When a clot blocks an artery, the leg below it loses its blood supply within minutes to hours. It turns cold, pale, blue or blotchy, hurts badly, goes numb or cannot be moved.",
            "Narrowed arteries cause slower trouble too: feet that hurt in bed and ease when the legs hang down. That needs help now, not an emergency, unless the leg changes suddenly.",
        ],
        call_now: "Call the emergency number at once if a leg suddenly becomes cold, white, blue or numb, very painful, or you cannot move it. Every hour counts.",
    },
    Explanation {
        warning: Warning::Infection,
        title: "An infection, and sepsis",
        paragraphs: &[
            "Bacteria can get in through a crack or a wound: the skin around it turns red, hot and swollen, and it may ooze pus. Feet that feel less, and diabetes, let this go unnoticed for longer.",
            "Sepsis is the body's reaction to an infection running out of control. It can come without a fever. Feeling very unwell or confused with a red leg or a wound is a warning in itself.",
        ],
        call_now: "Call the emergency number if you or the person you look after become confused or very drowsy, the skin looks blotchy or blue, or the breathing is fast.",
    },
    Explanation {
        warning: Warning::SeriousSpine,
        title: "A serious cause near the spine",
        paragraphs: &[
            "Rarely, back or leg pain comes from a growth or an infection near the spine. It is more likely after a cancer, with weight loss you cannot explain, with a fever, or when the pain is worst at night and no position helps.",
            "A doctor decides whether a scan or blood tests are needed; it should not wait for a routine appointment.",
        ],
        call_now: "Call the emergency number for numbness around your bottom or genitals, new bladder or bowel trouble, or legs that are getting weaker.",
    },
    Explanation {
        warning: Warning::MuscleBreakdown,
        title: "Muscle breakdown",
        paragraphs: &[
            "Aching or weak muscles with urine that has turned dark brown, like cola, can mean muscle is breaking down. It can follow very hard exercise, a fall with a long time on the floor, or some medicines such as statins.",
            "What leaks from the muscle can harm the kidneys, so it needs a doctor now. Do not stop a medicine on your own: tell the doctor which ones you take.",
        ],
        call_now: "Call the emergency number if you pass very little urine, or feel confused or very drowsy.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_warning_is_explained_once_with_its_own_anchor() {
        let mut anchors = std::collections::HashSet::new();
        for warning in Warning::ALL {
            let explained: Vec<_> = EXPLANATIONS
                .iter()
                .filter(|e| e.warning == warning)
                .collect();
            assert_eq!(explained.len(), 1, "{warning:?}");
            assert!(anchors.insert(warning.anchor()), "{warning:?}");
            assert!(explained[0]
                .call_now
                .starts_with("Call the emergency number"));
            assert_eq!(warning.explanation().warning, warning);
        }
        assert_eq!(Warning::Clot.href(), "/learn/warning-signs#clot");
    }
}
