use serde::{Deserialize, Serialize};

/// SPEC's urgency ladder. The derive order matters: a later variant is more urgent,
/// so "the highest wins" is simply `max`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    SelfCare,
    Soon,
    /// NICE NG19's "within one working day": the practice or foot team when it opens.
    NextDay,
    Urgent,
    Emergency,
}

impl Urgency {
    pub const ALL: [Urgency; 5] = [
        Urgency::SelfCare,
        Urgency::Soon,
        Urgency::NextDay,
        Urgency::Urgent,
        Urgency::Emergency,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Urgency::SelfCare => "self_care",
            Urgency::Soon => "soon",
            Urgency::NextDay => "next_day",
            Urgency::Urgent => "urgent",
            Urgency::Emergency => "emergency",
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|u| u.id() == id)
    }

    /// Short words for a banner; the colour of the banner must never carry the meaning alone.
    /// Read at bedtime: no text may say "today" as if a surgery were open.
    pub fn headline(self) -> &'static str {
        match self {
            Urgency::SelfCare => "Look after it at home",
            Urgency::Soon => "See a doctor in the next few days",
            Urgency::NextDay => "Call your practice as soon as it opens",
            Urgency::Urgent => "Get medical help now, not tomorrow",
            Urgency::Emergency => "Call the emergency number now",
        }
    }

    pub fn action(self) -> &'static str {
        match self {
            Urgency::SelfCare => {
                "Try the steps for tonight. If it is no better in two weeks, or it gets worse, book a doctor's appointment."
            }
            Urgency::Soon => "Book an appointment with your doctor for the coming days.",
            Urgency::NextDay => {
                "Contact your doctor's practice or foot-care team as soon as it opens, on the next working day. If it gets worse before then, or you feel unwell, call the urgent-care line."
            }
            Urgency::Urgent => {
                "Now: call the urgent-care line or the out-of-hours doctor service. In the daytime your doctor's same-day service will do. Do not wait for the morning."
            }
            Urgency::Emergency => {
                "Call the emergency number, or go to the emergency department."
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ladder_orders_from_self_care_to_emergency() {
        assert!(Urgency::SelfCare < Urgency::Soon);
        assert!(Urgency::Soon < Urgency::NextDay);
        assert!(Urgency::NextDay < Urgency::Urgent);
        assert!(Urgency::Urgent < Urgency::Emergency);
        assert_eq!(
            [Urgency::Soon, Urgency::Emergency, Urgency::SelfCare]
                .into_iter()
                .max(),
            Some(Urgency::Emergency)
        );
    }

    #[test]
    fn ids_round_trip_and_match_spec_spelling() {
        let ids: Vec<_> = Urgency::ALL.iter().map(|u| u.id()).collect();
        assert_eq!(
            ids,
            ["self_care", "soon", "next_day", "urgent", "emergency"]
        );
        for u in Urgency::ALL {
            assert_eq!(Urgency::from_id(u.id()), Some(u));
            assert_eq!(
                serde_json::to_string(&u).unwrap(),
                format!("\"{}\"", u.id())
            );
        }
        assert_eq!(Urgency::from_id("later"), None);
    }

    #[test]
    fn no_advice_says_today_as_if_a_surgery_were_open_at_night() {
        for u in Urgency::ALL {
            let text = format!("{} {}", u.headline(), u.action()).to_lowercase();
            assert!(!text.contains("today"), "{u:?}: {text}");
        }
        assert!(Urgency::Urgent
            .action()
            .contains("Do not wait for the morning"));
    }
}
