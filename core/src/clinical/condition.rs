use super::Urgency;
use serde::{Deserialize, Serialize};

/// Every condition id of SPEC: the seven the article explains, then the red-flag
/// conditions that come from NHS/NICE guidance.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::VariantArray,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Condition {
    NerveCompression,
    Neuropathy,
    JointAndMuscle,
    SpinalStenosis,
    ArterialRestPain,
    VenousInsufficiency,
    SkinFissures,
    NightCramps,
    RestlessLegs,
    CaudaEquina,
    AcuteLimbIschaemia,
    Dvt,
    SkinInfection,
    SeriousSpinalCause,
}

impl Condition {
    /// The causes the article explains, in the order the Learn pages present them.
    pub const EXPLAINED: [Condition; 7] = [
        Condition::NerveCompression,
        Condition::Neuropathy,
        Condition::JointAndMuscle,
        Condition::SpinalStenosis,
        Condition::ArterialRestPain,
        Condition::VenousInsufficiency,
        Condition::SkinFissures,
    ];

    /// Two common night-time causes the article does not cover (SPEC: "also common at night").
    pub const ALSO_COMMON: [Condition; 2] = [Condition::NightCramps, Condition::RestlessLegs];

    pub const RED_FLAGS: [Condition; 5] = [
        Condition::CaudaEquina,
        Condition::AcuteLimbIschaemia,
        Condition::Dvt,
        Condition::SkinInfection,
        Condition::SeriousSpinalCause,
    ];

    /// The SPEC id: serde's snake_case name, from a derive.
    pub fn id(self) -> &'static str {
        self.into()
    }

    pub fn from_id(id: &str) -> Option<Self> {
        id.parse().ok()
    }

    /// Every condition, from the enum itself.
    pub const ALL: &'static [Condition] = <Condition as strum::VariantArray>::VARIANTS;

    /// Plain-language name, as a person would say it.
    pub fn name(self) -> &'static str {
        match self {
            Condition::NerveCompression => "Pinched nerve (sciatica)",
            Condition::Neuropathy => "Nerve damage (neuropathy)",
            Condition::JointAndMuscle => "Joints and tight muscles",
            Condition::SpinalStenosis => "Spinal stenosis",
            Condition::ArterialRestPain => "Poor blood flow (rest pain)",
            Condition::VenousInsufficiency => "Vein disease",
            Condition::SkinFissures => "Cracked heel skin",
            Condition::NightCramps => "Night cramps",
            Condition::RestlessLegs => "Restless legs",
            Condition::CaudaEquina => {
                "Pressure on the nerves at the base of the spine (cauda equina)"
            }
            Condition::AcuteLimbIschaemia => "A sudden blockage of blood to the leg",
            Condition::Dvt => "A blood clot in a leg vein (DVT)",
            Condition::SkinInfection => "Infected skin",
            Condition::SeriousSpinalCause => "A serious cause of back pain",
        }
    }

    /// SPEC's base urgency. Cracked skin and cramps can rise to `Soon`, and a clot to
    /// `Emergency` (breathlessness); the engine applies those raises.
    pub fn base_urgency(self) -> Urgency {
        match self {
            Condition::NerveCompression
            | Condition::Neuropathy
            | Condition::SpinalStenosis
            | Condition::RestlessLegs => Urgency::Soon,
            Condition::JointAndMuscle
            | Condition::VenousInsufficiency
            | Condition::SkinFissures
            | Condition::NightCramps => Urgency::SelfCare,
            Condition::ArterialRestPain
            | Condition::Dvt
            | Condition::SkinInfection
            | Condition::SeriousSpinalCause => Urgency::Urgent,
            Condition::CaudaEquina | Condition::AcuteLimbIschaemia => Urgency::Emergency,
        }
    }

    pub fn is_red_flag(self) -> bool {
        Self::RED_FLAGS.contains(&self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spec_id_parses_back_to_itself() {
        let spec_ids = [
            "nerve_compression",
            "neuropathy",
            "joint_and_muscle",
            "spinal_stenosis",
            "arterial_rest_pain",
            "venous_insufficiency",
            "skin_fissures",
            "night_cramps",
            "restless_legs",
            "cauda_equina",
            "acute_limb_ischaemia",
            "dvt",
            "skin_infection",
            "serious_spinal_cause",
        ];
        for id in spec_ids {
            let condition = Condition::from_id(id).unwrap_or_else(|| panic!("{id}"));
            assert_eq!(condition.id(), id);
            assert_eq!(
                serde_json::to_string(&condition).unwrap(),
                format!("\"{id}\"")
            );
        }
        assert_eq!(Condition::from_id("gout"), None);
        assert_eq!(Condition::ALL.len(), spec_ids.len());
    }

    #[test]
    fn the_groups_together_are_every_condition_once() {
        let mut grouped: Vec<Condition> = Condition::EXPLAINED
            .into_iter()
            .chain(Condition::ALSO_COMMON)
            .chain(Condition::RED_FLAGS)
            .collect();
        grouped.sort();
        let mut all = Condition::ALL.to_vec();
        all.sort();
        assert_eq!(grouped, all);
    }

    #[test]
    fn base_urgencies_follow_spec_tables() {
        assert_eq!(Condition::ArterialRestPain.base_urgency(), Urgency::Urgent);
        assert_eq!(Condition::SkinFissures.base_urgency(), Urgency::SelfCare);
        assert_eq!(Condition::SpinalStenosis.base_urgency(), Urgency::Soon);
        assert_eq!(Condition::CaudaEquina.base_urgency(), Urgency::Emergency);
        assert_eq!(Condition::Dvt.base_urgency(), Urgency::Urgent);
        assert!(Condition::RED_FLAGS.iter().all(|c| c.is_red_flag()));
        assert!(!Condition::EXPLAINED.iter().any(|c| c.is_red_flag()));
        assert!(!Condition::ALSO_COMMON.iter().any(|c| c.is_red_flag()));
        assert_eq!(Condition::NightCramps.base_urgency(), Urgency::SelfCare);
        assert_eq!(Condition::RestlessLegs.base_urgency(), Urgency::Soon);
    }
}
