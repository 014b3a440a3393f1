//! The quiz as a pure state machine: answers, which questions are asked, where the person
//! is, and the findings the answers amount to.

use super::questions::{Kind, Question, CHILD, QUESTIONS};
use crate::clinical::{assess, Assessment, Finding, Urgency};
use crate::storage::keys::Key;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Chosen choice ids per question id. Answers to questions that later became irrelevant
/// are kept (so changing one's mind back restores them) but never counted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answers(pub BTreeMap<String, Vec<String>>);

impl Answers {
    pub fn chosen(&self, question: &str) -> &[String] {
        self.0.get(question).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Answered for someone under 16: the check does not run (SPEC: adults only).
    pub fn is_child(&self) -> bool {
        self.chosen(CHILD.0).iter().any(|c| c == CHILD.1)
    }

    /// The questions that are asked given these answers, in order. For a child, only the
    /// adults-only question.
    pub fn asked(&self) -> Vec<&'static Question> {
        let mut so_far: Vec<Finding> = Vec::new();
        let mut asked = Vec::new();
        for question in QUESTIONS {
            if self.is_child() && !asked.is_empty() {
                break;
            }
            let relevant = (question.only_if_any.is_empty()
                || question.only_if_any.iter().any(|f| so_far.contains(f)))
                && !question.unless_any.iter().any(|f| so_far.contains(f));
            if relevant {
                asked.push(question);
                so_far.extend(self.findings_of(question));
            }
        }
        asked
    }

    fn findings_of(&self, question: &Question) -> Vec<Finding> {
        self.chosen(question.id)
            .iter()
            .filter_map(|id| question.choices.iter().find(|c| c.id == id))
            .flat_map(|c| c.findings.iter().copied())
            .collect()
    }

    pub fn findings(&self) -> Vec<Finding> {
        let mut findings: Vec<Finding> = self
            .asked()
            .into_iter()
            .flat_map(|q| self.findings_of(q))
            .collect();
        findings.sort();
        findings.dedup();
        findings
    }

    pub fn assessment(&self) -> Assessment {
        assess(&self.findings())
    }
}

/// Progress schema 2 (SPEC v3's questions): "worse with the legs up and eased hanging
/// down" was one answer and hanging the legs one choice of "what makes it better"; they are
/// now two questions. A check left half done across the update keeps those answers under
/// the new questions. (The adults-only question, which it never saw, is asked before the
/// review, as any unanswered question is.)
pub fn migrate_progress_v1_to_v2(mut data: serde_json::Value) -> Result<serde_json::Value, String> {
    let answers = data
        .get_mut("answers")
        .and_then(|a| a.as_object_mut())
        .ok_or("progress without answers")?;
    let chose = |answers: &serde_json::Map<String, serde_json::Value>, q: &str, c: &str| {
        answers
            .get(q)
            .and_then(|v| v.as_array())
            .is_some_and(|chosen| chosen.iter().any(|x| x == c))
    };
    let mut hanging = false;
    if chose(answers, "legs_up", "arteries") {
        answers.insert("legs_up".into(), serde_json::json!(["worse"]));
        hanging = true;
    } else if chose(answers, "legs_up", "veins") {
        answers.insert("legs_up".into(), serde_json::json!(["heavy_first"]));
    }
    if chose(answers, "eases", "hanging") {
        let rest: Vec<serde_json::Value> = answers["eases"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|c| *c != "hanging")
            .cloned()
            .collect();
        let rest = if rest.is_empty() {
            serde_json::json!(["nothing"])
        } else {
            serde_json::Value::Array(rest)
        };
        answers.insert("eases".into(), rest);
        hanging = true;
    }
    if hanging {
        answers.insert("hanging".into(), serde_json::json!(["yes"]));
    }
    Ok(data)
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Position {
    Question(String),
    Review,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub answers: Answers,
    pub position: Position,
    /// Set when a question was opened from the review, so Next goes back there.
    pub editing_from_review: bool,
    pub started_ms: f64,
}

impl Progress {
    pub fn new(now_ms: f64) -> Progress {
        Progress {
            answers: Answers::default(),
            position: Position::Question(QUESTIONS[0].id.to_string()),
            editing_from_review: false,
            started_ms: now_ms,
        }
    }

    pub fn current(&self) -> Option<&'static Question> {
        match &self.position {
            Position::Question(id) => super::questions::question(id),
            Position::Review => None,
        }
    }

    /// (1-based number of the current question, number of questions asked).
    pub fn step(&self) -> (usize, usize) {
        let asked = self.answers.asked();
        let number = match self.current() {
            Some(q) => asked.iter().position(|a| a.id == q.id).map_or(1, |i| i + 1),
            None => asked.len(),
        };
        (number, asked.len())
    }

    /// How far through the check, 0 to 1, for the progress bar: the current question's
    /// place in the whole list, so a branch that opens adds questions without moving the
    /// bar back (the count of questions asked went 11, 13, 12 as branches opened).
    pub fn share_done(&self) -> f64 {
        let Some(current) = self.current() else {
            return 1.0;
        };
        let place = super::questions::QUESTIONS
            .iter()
            .position(|q| q.id == current.id)
            .unwrap_or(0);
        place as f64 / super::questions::QUESTIONS.len() as f64
    }

    /// Picks or unpicks a choice of the current question.
    pub fn choose(&mut self, choice_id: &str) {
        let Some(question) = self.current() else {
            return;
        };
        let Some(choice) = question.choices.iter().find(|c| c.id == choice_id) else {
            return;
        };
        let chosen = self.answers.0.entry(question.id.to_string()).or_default();
        match question.kind {
            Kind::Single => *chosen = vec![choice.id.to_string()],
            Kind::Multi if chosen.iter().any(|c| c == choice.id) => {
                chosen.retain(|c| c != choice.id)
            }
            Kind::Multi if choice.exclusive => *chosen = vec![choice.id.to_string()],
            Kind::Multi => {
                let exclusive: Vec<&str> = question
                    .choices
                    .iter()
                    .filter(|c| c.exclusive)
                    .map(|c| c.id)
                    .collect();
                chosen.retain(|c| !exclusive.contains(&c.as_str()));
                chosen.push(choice.id.to_string());
            }
        }
    }

    pub fn can_advance(&self) -> bool {
        match self.current() {
            Some(q) => !self.answers.chosen(q.id).is_empty(),
            None => true,
        }
    }

    pub fn advance(&mut self) {
        let Some(current) = self.current() else {
            return;
        };
        if !self.can_advance() {
            return;
        }
        let asked = self.answers.asked();
        let next = asked
            .iter()
            .skip_while(|q| q.id != current.id)
            .nth(1)
            .filter(|_| !self.editing_from_review);
        // A changed answer may reveal a follow-up question: ask it even from the review.
        let unanswered = asked
            .iter()
            .find(|q| self.answers.chosen(q.id).is_empty() && q.id != current.id);
        self.position = match (next, unanswered) {
            (Some(next), _) => Position::Question(next.id.to_string()),
            (None, Some(unanswered)) => Position::Question(unanswered.id.to_string()),
            (None, None) => {
                self.editing_from_review = false;
                Position::Review
            }
        };
    }

    pub fn back(&mut self) {
        let asked = self.answers.asked();
        self.position = match self.current() {
            None => match asked.last() {
                Some(last) => Position::Question(last.id.to_string()),
                None => Position::Review,
            },
            Some(current) => {
                let index = asked.iter().position(|q| q.id == current.id).unwrap_or(0);
                let previous = index.checked_sub(1).map_or(asked[0], |i| asked[i]);
                Position::Question(previous.id.to_string())
            }
        };
        self.editing_from_review = false;
    }

    pub fn edit(&mut self, question_id: &str) {
        if self.answers.asked().iter().any(|q| q.id == question_id) {
            self.position = Position::Question(question_id.to_string());
            self.editing_from_review = true;
        }
    }

    /// An emergency answer shows the emergency advice at once, above everything.
    pub fn emergency(&self) -> bool {
        self.answers.assessment().urgency == Urgency::Emergency
    }
}

/// A check half done: a draft, never exported.
/// 2: SPEC v3's questions: legs up and hanging down as two questions.
pub const PROGRESS_KEY: Key = Key {
    name: "lan.quiz.progress",
    schema: 2,
    migrations: &[migrate_progress_v1_to_v2],
    label: "The symptom check you had started",
    words: "the symptom check you had started",
    backup_part: None,
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clinical::Condition;

    fn answer(progress: &mut Progress, choices: &[&str]) {
        for choice in choices {
            progress.choose(choice);
        }
        progress.advance();
    }

    /// An adult with nothing that needs help now: the check's first three answers.
    fn past_the_warning_signs(progress: &mut Progress) {
        for choices in [&["adult"][..], &["none"], &["none"]] {
            answer(progress, choices);
        }
    }

    /// The fifteen questions a plain "feet ache at night" case is asked, up to the review.
    fn answer_plainly(progress: &mut Progress) {
        past_the_warning_signs(progress);
        for choices in [
            &["feet"][..],
            &["both"],
            &["pain"],
            &["ache"],
            &["night"],
            &["neither"],
            &["no"],
            &["nothing"],
            &["none"],
            &["none"],
            &["recent"],
            &["none"],
        ] {
            answer(progress, choices);
        }
    }

    fn current_id(progress: &Progress) -> Option<&'static str> {
        progress.current().map(|q| q.id)
    }

    fn asked_ids(progress: &Progress) -> Vec<&'static str> {
        progress.answers.asked().iter().map(|q| q.id).collect()
    }

    /// Issue 26: the count went 11, 13, 12 as branches opened. The bar only moves forward
    /// while the person does, branches or not, and is full at the review.
    #[test]
    fn the_progress_bar_never_moves_back_while_the_person_moves_forward() {
        for plan in [
            &[
                &["adult"][..],
                &["none"],
                &["none"],
                &["feet"],
                &["both"],
                &["pain"],
                &["burning"],
                &["yes"],
            ][..],
            &[
                &["adult"][..],
                &["none"],
                &["none"],
                &["lower_back", "calf"],
                &["both"],
                &["yes"],
                &["pain"],
            ],
        ] {
            let mut progress = Progress::new(0.0);
            let mut last = progress.share_done();
            for choices in plan {
                answer(&mut progress, choices);
                let now = progress.share_done();
                assert!(
                    now > last,
                    "{now} after {last} at {:?} after {choices:?}",
                    current_id(&progress)
                );
                last = now;
            }
        }
        let mut progress = Progress::new(0.0);
        answer_plainly(&mut progress);
        assert_eq!(progress.share_done(), 1.0);
    }

    #[test]
    fn starts_with_the_adults_only_question_then_the_emergency_signs() {
        let mut progress = Progress::new(0.0);
        assert_eq!(current_id(&progress), Some("age"));
        assert!(!progress.can_advance());
        progress.advance();
        assert_eq!(current_id(&progress), Some("age"));
        answer(&mut progress, &["adult"]);
        assert_eq!(current_id(&progress), Some("emergency_signs"));
        assert!(!progress.can_advance());
    }

    #[test]
    fn a_child_ends_the_check_at_once_and_asks_nothing_more() {
        let mut progress = Progress::new(0.0);
        answer(&mut progress, &["child"]);
        assert_eq!(progress.position, Position::Review);
        assert!(progress.answers.is_child());
        assert_eq!(asked_ids(&progress), ["age"]);
        // Changing the answer to an adult goes on with the questions.
        progress.edit("age");
        answer(&mut progress, &["adult"]);
        assert_eq!(current_id(&progress), Some("emergency_signs"));
    }

    #[test]
    fn an_emergency_answer_is_flagged_at_once() {
        let mut progress = Progress::new(0.0);
        answer(&mut progress, &["adult"]);
        progress.choose("saddle");
        assert!(progress.emergency());
        assert_eq!(
            progress.answers.assessment().top(),
            Some(Condition::CaudaEquina)
        );
    }

    #[test]
    fn none_of_these_clears_other_picks_and_the_reverse() {
        let mut progress = Progress::new(0.0);
        answer(&mut progress, &["adult"]);
        progress.choose("saddle");
        progress.choose("none");
        assert_eq!(progress.answers.chosen("emergency_signs"), ["none"]);
        progress.choose("chest");
        assert_eq!(progress.answers.chosen("emergency_signs"), ["chest"]);
        progress.choose("chest");
        assert!(progress.answers.chosen("emergency_signs").is_empty());
    }

    #[test]
    fn follow_ups_are_asked_only_when_they_can_matter() {
        let mut plain = Progress::new(0.0);
        answer_plainly(&mut plain);
        assert_eq!(plain.position, Position::Review);
        let asked = asked_ids(&plain);
        for follow_up in [
            "hands",
            "deep_cracks",
            "both_legs_down",
            "cramp_details",
            "urge_details",
        ] {
            assert!(!asked.contains(&follow_up), "{follow_up}: {asked:?}");
        }

        let mut burning = Progress::new(0.0);
        past_the_warning_signs(&mut burning);
        for choices in [&["feet"][..], &["both"], &["pain"], &["burning"]] {
            answer(&mut burning, choices);
        }
        assert_eq!(current_id(&burning), Some("hands"));
    }

    #[test]
    fn the_kind_screen_asks_the_follow_ups_of_the_one_picked_only() {
        let mut cramp = Progress::new(0.0);
        past_the_warning_signs(&mut cramp);
        for choices in [&["calf"][..], &["both"], &["cramp"]] {
            answer(&mut cramp, choices);
        }
        assert_eq!(current_id(&cramp), Some("cramp_details"));
        assert!(!asked_ids(&cramp).contains(&"urge_details"));

        let mut urge = Progress::new(0.0);
        past_the_warning_signs(&mut urge);
        for choices in [&["calf"][..], &["both"], &["urge"]] {
            answer(&mut urge, choices);
        }
        assert_eq!(current_id(&urge), Some("urge_details"));
        assert!(!asked_ids(&urge).contains(&"cramp_details"));
    }

    #[test]
    fn both_legs_is_asked_for_back_pain_without_the_buttock_answer() {
        // The path that skipped it before: lower back and calf, "both legs".
        let mut progress = Progress::new(0.0);
        past_the_warning_signs(&mut progress);
        progress.choose("lower_back");
        progress.choose("calf");
        progress.advance();
        answer(&mut progress, &["both"]);
        assert_eq!(current_id(&progress), Some("both_legs_down"));
        answer(&mut progress, &["yes"]);
        assert!(progress.emergency());
        // One leg only is not asked about both legs.
        let mut one = Progress::new(0.0);
        past_the_warning_signs(&mut one);
        answer(&mut one, &["buttock_leg"]);
        answer(&mut one, &["one"]);
        assert_ne!(current_id(&one), Some("both_legs_down"));
    }

    #[test]
    fn hidden_answers_do_not_count() {
        let mut progress = Progress::new(0.0);
        past_the_warning_signs(&mut progress);
        for choices in [&["feet"][..], &["both"], &["pain"], &["burning"], &["yes"]] {
            answer(&mut progress, choices);
        }
        assert!(progress
            .answers
            .findings()
            .contains(&Finding::SymptomsInHands));
        progress.edit("feel");
        progress.choose("burning");
        progress.choose("ache");
        assert!(!progress
            .answers
            .findings()
            .contains(&Finding::SymptomsInHands));
    }

    #[test]
    fn editing_from_the_review_returns_to_the_review() {
        let mut progress = Progress::new(0.0);
        answer_plainly(&mut progress);
        assert_eq!(progress.position, Position::Review);
        progress.edit("where");
        assert_eq!(current_id(&progress), Some("where"));
        progress.choose("calf");
        progress.advance();
        assert_eq!(progress.position, Position::Review);
        assert!(progress.answers.findings().contains(&Finding::PainCalf));
    }

    #[test]
    fn a_follow_up_revealed_from_the_review_is_asked_before_returning() {
        let mut progress = Progress::new(0.0);
        answer_plainly(&mut progress);
        progress.edit("look");
        progress.choose("cracked");
        progress.advance();
        assert_eq!(current_id(&progress), Some("deep_cracks"));
        answer(&mut progress, &["yes"]);
        assert_eq!(progress.position, Position::Review);
    }

    #[test]
    fn back_walks_the_asked_questions_and_step_counts_them() {
        let mut progress = Progress::new(0.0);
        past_the_warning_signs(&mut progress);
        assert_eq!(progress.step(), (4, 15));
        progress.back();
        assert_eq!(current_id(&progress), Some("same_day_signs"));
        progress.back();
        progress.back();
        progress.back();
        assert_eq!(current_id(&progress), Some("age"));
    }

    #[test]
    fn a_check_half_done_before_spec_v3_keeps_its_legs_up_and_hanging_answers() {
        let v1 = serde_json::json!({
            "answers": {
                "emergency_signs": ["none"],
                "where": ["feet"],
                "legs_up": ["arteries"],
                "eases": ["hanging", "sitting"]
            },
            "position": { "Question": "day" },
            "editing_from_review": false,
            "started_ms": 1.0
        });
        let progress: Progress =
            serde_json::from_value(migrate_progress_v1_to_v2(v1).unwrap()).unwrap();
        let findings = progress.answers.findings();
        for finding in [
            Finding::WorseLegsRaised,
            Finding::EasedLegsHangingDown,
            Finding::EasedSittingOrLeaningForward,
        ] {
            assert!(findings.contains(&finding), "{finding:?}: {findings:?}");
        }
        let veins =
            serde_json::json!({ "answers": { "legs_up": ["veins"], "eases": ["hanging"] } });
        let veins = migrate_progress_v1_to_v2(veins).unwrap();
        assert_eq!(
            veins["answers"]["legs_up"],
            serde_json::json!(["heavy_first"])
        );
        assert_eq!(veins["answers"]["eases"], serde_json::json!(["nothing"]));
        assert_eq!(veins["answers"]["hanging"], serde_json::json!(["yes"]));
        assert!(migrate_progress_v1_to_v2(serde_json::json!([])).is_err());
    }

    #[test]
    fn progress_survives_a_json_round_trip() {
        let mut progress = Progress::new(1_700_000_000_000.0);
        answer(&mut progress, &["adult"]);
        answer(&mut progress, &["none"]);
        progress.choose("fever");
        let json = serde_json::to_string(&progress).unwrap();
        let back: Progress = serde_json::from_str(&json).unwrap();
        assert_eq!(back, progress);
    }
}
