//! SPEC's red-flag conditions, from guidance rather than the article. Each is triggered by
//! any one of its signs, and once triggered ranks above every condition the article explains.

use super::{Condition, Finding, Finding::*, Urgency};
use std::collections::BTreeSet;

/// A red-flag condition found, how urgent it is, and the answers that point to it.
pub struct Flag {
    pub condition: Condition,
    pub urgency: Urgency,
    pub because: Vec<Finding>,
}

/// The wanted findings that are among the answers, in the order wanted.
pub(super) fn present(findings: &BTreeSet<Finding>, wanted: &[Finding]) -> Vec<Finding> {
    wanted
        .iter()
        .copied()
        .filter(|f| findings.contains(f))
        .collect()
}

/// The red-flag conditions that any one of their signs triggers, most urgent first.
pub fn triggered(findings: &BTreeSet<Finding>) -> Vec<Flag> {
    let mut flags = Vec::new();
    let mut flag = |condition, urgency, because: Vec<Finding>| {
        if !because.is_empty() {
            flags.push(Flag {
                condition,
                urgency,
                because,
            })
        }
    };
    // NICE CKS sciatica / NHS 111 Wales: saddle numbness, bladder or bowel change, new
    // sexual problems, worsening weakness or numbness in both legs.
    flag(
        Condition::CaudaEquina,
        Urgency::Emergency,
        present(
            findings,
            &[
                SaddleNumbness,
                BladderOrBowelChange,
                NewSexualProblems,
                BothLegsWeakOrNumbWorsening,
            ],
        ),
    );
    // NHS Highland vascular guideline: any one of the "6 Ps", coming on suddenly.
    flag(
        Condition::AcuteLimbIschaemia,
        Urgency::Emergency,
        present(findings, &[SuddenColdPaleNumbLeg]),
    );
    // NHS DVT: one leg newly swollen, warm, red or darker, or a painful calf; 999 with
    // chest pain, breathlessness or coughed-up blood.
    if findings.contains(&OneLegSwollenWarmRed) {
        flag(
            Condition::Dvt,
            dvt_urgency(findings),
            present(
                findings,
                &[
                    OneLegSwollenWarmRed,
                    PainCalf,
                    PastClotOrRecentSurgery,
                    ChestPainOrBreathless,
                ],
            ),
        );
    }
    // NICE NG19: spreading redness, heat, swelling or pus around a crack or wound.
    if findings.contains(&RedHotSwollenSkin) {
        flag(
            Condition::SkinInfection,
            Urgency::Urgent,
            present(
                findings,
                &[RedHotSwollenSkin, Fever, CrackedHeels, FootWoundNotHealing],
            ),
        );
    }
    // NICE CKS low back pain: back pain with fever, weight loss, or a history of cancer.
    // A fever explained by an infected crack is that infection, not the spine.
    let back_pain = present(findings, &[PainLowerBack, PainButtockDownLeg]);
    let systemic = present(findings, &[Fever, UnexplainedWeightLoss, HistoryOfCancer]);
    let fever_explained_by_skin = findings.contains(&RedHotSwollenSkin) && systemic == [Fever];
    if !back_pain.is_empty() && !systemic.is_empty() && !fever_explained_by_skin {
        flag(
            Condition::SeriousSpinalCause,
            Urgency::Urgent,
            [back_pain, systemic].concat(),
        );
    }
    // The sort is stable, so SPEC's order breaks ties.
    flags.sort_by_key(|f| std::cmp::Reverse(f.urgency));
    flags
}

/// A clot is urgent, and an emergency once it may have reached the lungs.
pub fn dvt_urgency(findings: &BTreeSet<Finding>) -> Urgency {
    if findings.contains(&ChestPainOrBreathless) {
        Urgency::Emergency
    } else {
        Urgency::Urgent
    }
}
