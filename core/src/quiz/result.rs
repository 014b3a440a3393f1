//! A finished quiz as it is saved, and the text summary for a doctor.

use super::flow::Answers;
use super::questions::QUESTIONS;
use crate::clinical::{Assessment, Condition, Finding, Urgency, UrgencyReason};
use crate::storage::keys::Key;
use serde::{Deserialize, Serialize};

/// The version of the triage rules. 2: SPEC's safety-net rules. 3: SPEC v3 (the next-day
/// level, night cramps and restless legs, rest pain never sent home, the generic cap). A
/// result saved under older rules still opens as it was decided, with a line that the
/// check has improved.
pub const RULES_VERSION: u32 = 3;

fn before_versions() -> u32 {
    1
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedResult {
    /// Milliseconds since the epoch when it was finished; unique per device.
    pub id: u64,
    pub answers: Answers,
    pub findings: Vec<Finding>,
    /// As it was assessed then, so history shows what the person was told.
    pub assessment: Assessment,
    /// The rules it was assessed by; results saved before this field had version 1.
    #[serde(default = "before_versions")]
    pub rules: u32,
}

impl SavedResult {
    pub fn new(finished_ms: f64, answers: Answers) -> SavedResult {
        let findings = answers.findings();
        let assessment = answers.assessment();
        SavedResult {
            id: finished_ms.max(0.0) as u64,
            answers,
            findings,
            assessment,
            rules: RULES_VERSION,
        }
    }

    pub fn taken_ms(&self) -> f64 {
        self.id as f64
    }

    /// Decided by rules that have since been improved.
    pub fn outdated(&self) -> bool {
        self.rules < RULES_VERSION
    }

    /// The advice to show, and the urgency it was saved with when that is not it. A saved
    /// verdict is not trusted over its own answers (an imported file may be damaged or
    /// made up): when the answers, under the rules it was saved by, call for more urgent
    /// help, that is shown. Only today's rules can be run, so a result saved under older
    /// rules is raised only to the emergency its red flags call for, as every version did.
    pub fn checked(&self) -> (Assessment, Option<Urgency>) {
        let saved = self.assessment.urgency;
        let decided = self.answers.assessment();
        let same_rules = self.rules == RULES_VERSION;
        let red_flag_emergency = decided.urgency == Urgency::Emergency
            && decided
                .reasons
                .iter()
                .any(|r| matches!(r, UrgencyReason::RedFlag(_) | UrgencyReason::ChestPain));
        if decided.urgency > saved && (same_rules || red_flag_emergency) {
            (decided, Some(saved))
        } else {
            (self.assessment.clone(), None)
        }
    }
}

/// A condition's name inside a sentence: lower-case first letter, abbreviations kept.
fn in_sentence(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The reason for the urgency, in words.
pub fn reason_text(reason: &UrgencyReason) -> String {
    match reason {
        UrgencyReason::RedFlag(condition) => format!(
            "Your answers match a warning sign: {}.",
            in_sentence(condition.name())
        ),
        UrgencyReason::ChestPain => {
            "Chest pain, sudden breathlessness, coughing up blood or fainting always needs emergency help.".into()
        }
        UrgencyReason::UrgentSign(finding) => format!(
            "You said {}: this needs to be seen now, not tomorrow.",
            finding.in_your_words()
        ),
        UrgencyReason::SafetyNet(rule, because) => {
            let said: Vec<&str> = because.iter().map(|f| f.in_your_words()).collect();
            format!("Because {}, {}.", and_list(&said), rule.consequence())
        }
        UrgencyReason::TopCondition(condition) => {
            format!("Your answers fit {} best.", in_sentence(condition.name()))
        }
        UrgencyReason::CirculationCheck => {
            "Some of your answers point to poor blood flow in the legs: have your circulation checked by a doctor.".into()
        }
        UrgencyReason::NothingToGoOn => {
            "Your answers did not describe a symptom the check can match.".into()
        }
    }
}

/// Each answered question with its chosen labels, in the order asked.
pub fn answer_lines(answers: &Answers) -> Vec<(&'static str, Vec<&'static str>)> {
    answers
        .asked()
        .into_iter()
        .filter(|q| QUESTIONS.iter().any(|known| known.id == q.id))
        .map(|q| {
            let labels = answers
                .chosen(q.id)
                .iter()
                .filter_map(|id| q.choices.iter().find(|c| c.id == id))
                .map(|c| c.label)
                .collect();
            (q.title, labels)
        })
        .collect()
}

/// The one-page summary for a doctor, as plain text (copied or shared).
pub fn doctor_summary(result: &SavedResult, when: &str) -> String {
    let (a, _) = result.checked();
    let a = &a;
    let mut out = format!("Legs at Night: symptom check of {when}\n\n");
    out += &format!(
        "Advice given: {}. {}\n",
        a.urgency.headline(),
        a.urgency.action()
    );
    for reason in &a.reasons {
        out += &format!("- {}\n", reason_text(reason));
    }
    out += "\nPatterns that fit, in order:\n";
    if a.ranked.is_empty() {
        out += "- none (no symptom matched)\n";
    }
    for (i, ranked) in a.ranked.iter().enumerate() {
        let because: Vec<_> = ranked
            .supporting
            .iter()
            .map(|f| f.in_your_words())
            .collect();
        out += &format!(
            "{}. {} ({}): {}\n",
            i + 1,
            ranked.condition.name(),
            ranked.likelihood.label().to_lowercase(),
            because.join("; ")
        );
    }
    out += "\nAnswers:\n";
    for (title, labels) in answer_lines(&result.answers) {
        out += &format!("- {title} {}\n", labels.join("; "));
    }
    out += "\nThis is a self-check by the patient, not a diagnosis.\n";
    out
}

/// What changed since an earlier result: findings gained and lost, and the new top.
pub struct Comparison {
    pub gained: Vec<Finding>,
    pub lost: Vec<Finding>,
    pub top_before: Option<Condition>,
    pub top_now: Option<Condition>,
    pub urgency_changed: bool,
}

pub fn compare(earlier: &SavedResult, later: &SavedResult) -> Comparison {
    Comparison {
        gained: later
            .findings
            .iter()
            .filter(|f| !earlier.findings.contains(f))
            .copied()
            .collect(),
        lost: earlier
            .findings
            .iter()
            .filter(|f| !later.findings.contains(f))
            .copied()
            .collect(),
        top_before: earlier.checked().0.top(),
        top_now: later.checked().0.top(),
        urgency_changed: earlier.checked().0.urgency != later.checked().0.urgency,
    }
}

pub const RESULTS_KEY: Key = Key {
    name: "lan.quiz.results",
    schema: 1,
    migrations: &[],
    label: "Your saved symptom check results",
    words: "the symptom check results",
    backup_part: Some("quiz_results"),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::flow::Progress;

    /// An adult's answers, from the first warning-sign screen on.
    fn finished(choices: &[&[&str]]) -> Answers {
        let mut progress = Progress::new(0.0);
        for step in [&["adult"][..]].iter().chain(choices) {
            for choice in *step {
                progress.choose(choice);
            }
            progress.advance();
        }
        progress.answers
    }

    #[test]
    fn summary_carries_date_advice_causes_answers_and_the_disclaimer() {
        let answers = finished(&[
            &["none"],
            &["none"],
            &["sole_skin"],
            &["both"],
            &["pain"],
            &["not_sure"],
            &["night"],
            &["neither"],
            &["no"],
            &["nothing"],
            &["fine_standing"],
            &["cracked", "dry"],
            &["no"],
            &["recent"],
            &["none"],
        ]);
        let result = SavedResult::new(1_795_995_000_000.0, answers);
        let text = doctor_summary(&result, "29 Nov 2026, 23:30");
        assert!(text.contains("29 Nov 2026, 23:30"));
        assert!(text.contains("Look after it at home"));
        assert!(text.contains("1. Cracked heel skin (fits well)"));
        assert!(text.contains("- Where do you feel it? A sharp, stinging spot"));
        assert!(text.contains("not a diagnosis"));
        assert_eq!(result.assessment.top(), Some(Condition::SkinFissures));
    }

    #[test]
    fn comparison_lists_what_changed() {
        let before = SavedResult::new(
            1.0,
            finished(&[
                &["none"],
                &["none"],
                &["feet"],
                &["both"],
                &["pain"],
                &["burning"],
            ]),
        );
        let after = SavedResult::new(
            2.0,
            finished(&[
                &["none"],
                &["black_toe"],
                &["feet"],
                &["both"],
                &["pain"],
                &["burning"],
            ]),
        );
        let diff = compare(&before, &after);
        assert_eq!(diff.gained, vec![Finding::BlackOrDarkToes]);
        assert!(diff.lost.is_empty());
        assert!(diff.urgency_changed);
        assert_eq!(diff.top_before, Some(Condition::Neuropathy));
    }

    use crate::clinical::Finding::*;

    #[test]
    fn names_keep_their_abbreviations_in_a_sentence() {
        let text = reason_text(&UrgencyReason::RedFlag(Condition::Dvt));
        assert!(text.contains("a blood clot in a leg vein (DVT)"), "{text}");
        let why = reason_text(&UrgencyReason::SafetyNet(
            crate::clinical::SafetyNet::RestPainPositional,
            vec![EasedLegsHangingDown, Smoker],
        ));
        assert_eq!(why, "Because letting your legs hang down eases it and you smoke or have smoked for years, poor blood flow to your legs has to be ruled out now.");
    }

    #[test]
    fn a_result_saved_before_the_rules_version_opens_and_says_it_is_outdated() {
        let mut old = serde_json::to_value(SavedResult::new(5.0, finished(&[&["none"]]))).unwrap();
        old.as_object_mut().unwrap().remove("rules");
        let old: SavedResult = serde_json::from_value(old).unwrap();
        assert!(old.outdated());
        assert!(!SavedResult::new(6.0, finished(&[&["none"]])).outdated());
    }

    /// Issue 25: an imported result showed "self-care" beside an emergency answer.
    #[test]
    fn a_saved_verdict_below_what_its_own_answers_call_for_is_raised_with_the_saved_one() {
        let honest = SavedResult::new(5.0, finished(&[&["chest"]]));
        assert_eq!(honest.assessment.urgency, Urgency::Emergency);
        assert_eq!(honest.checked(), (honest.assessment.clone(), None));
        for rules in [1, RULES_VERSION] {
            let mut tampered = honest.clone();
            tampered.rules = rules;
            tampered.assessment.urgency = Urgency::SelfCare;
            tampered.assessment.red_flags.clear();
            let (shown, saved) = tampered.checked();
            assert_eq!(shown.urgency, Urgency::Emergency, "rules {rules}");
            assert_eq!(saved, Some(Urgency::SelfCare));
        }
        // A saved verdict above what the answers decide is what the person was told: kept.
        let mut cautious = SavedResult::new(6.0, finished(&[&["none"]]));
        cautious.assessment.urgency = Urgency::Urgent;
        assert_eq!(cautious.checked().0.urgency, Urgency::Urgent);
    }

    #[test]
    fn saved_results_round_trip_through_json() {
        let result = SavedResult::new(5.0, finished(&[&["chest"]]));
        let json = serde_json::to_string(&result).unwrap();
        assert_eq!(serde_json::from_str::<SavedResult>(&json).unwrap(), result);
    }
}
