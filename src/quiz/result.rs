//! A finished quiz as it is saved, and the text summary for a doctor.

use super::flow::Answers;
use super::questions::QUESTIONS;
use crate::clinical::{Assessment, Condition, Finding, UrgencyReason};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedResult {
    /// Milliseconds since the epoch when it was finished; unique per device.
    pub id: u64,
    pub answers: Answers,
    pub findings: Vec<Finding>,
    /// As it was assessed then, so history shows what the person was told.
    pub assessment: Assessment,
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
        }
    }

    pub fn taken_ms(&self) -> f64 {
        self.id as f64
    }
}

/// The reason for the urgency, in words.
pub fn reason_text(reason: &UrgencyReason) -> String {
    match reason {
        UrgencyReason::RedFlag(condition) => format!(
            "Your answers match a warning sign: {}.",
            condition.name().to_lowercase()
        ),
        UrgencyReason::ChestPain => {
            "Chest pain or breathlessness always needs emergency help.".into()
        }
        UrgencyReason::UrgentSign(finding) => format!(
            "You said {}: this needs to be seen the same day.",
            finding.in_your_words()
        ),
        UrgencyReason::TopCondition(condition) => {
            format!("Your answers fit {} best.", condition.name().to_lowercase())
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
    let a = &result.assessment;
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
        top_before: earlier.assessment.top(),
        top_now: later.assessment.top(),
        urgency_changed: earlier.assessment.urgency != later.assessment.urgency,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::flow::Progress;

    fn finished(choices: &[&[&str]]) -> Answers {
        let mut progress = Progress::new(0.0);
        for step in choices {
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
            &["not_sure"],
            &["night"],
            &["nothing"],
            &["fine_standing"],
            &["cracked", "dry"],
            &["no"],
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
            finished(&[&["none"], &["none"], &["feet"], &["burning"]]),
        );
        let after = SavedResult::new(
            2.0,
            finished(&[&["none"], &["black_toe"], &["feet"], &["burning"]]),
        );
        let diff = compare(&before, &after);
        assert_eq!(diff.gained, vec![Finding::BlackOrDarkToes]);
        assert!(diff.lost.is_empty());
        assert!(diff.urgency_changed);
        assert_eq!(diff.top_before, Some(Condition::Neuropathy));
    }

    #[test]
    fn saved_results_round_trip_through_json() {
        let result = SavedResult::new(5.0, finished(&[&["chest"]]));
        let json = serde_json::to_string(&result).unwrap();
        assert_eq!(serde_json::from_str::<SavedResult>(&json).unwrap(), result);
    }
}
