use super::flow::{Position, Progress};
use super::result::SavedResult;
use crate::components::Notices;
use crate::platform::clock;
use crate::storage::{self, Key};
use leptos::prelude::*;
use serde::de::DeserializeOwned;

/// The quiz in progress and the saved results, loaded when a quiz page first needs them,
/// written back through `storage` on every change, and refreshed when another tab
/// changes them.
#[derive(Clone, Copy)]
pub struct QuizState {
    pub progress: RwSignal<Option<Progress>>,
    pub results: RwSignal<Vec<SavedResult>>,
    notices: Notices,
}

fn load_or_report<T: DeserializeOwned>(key: &'static Key, notices: Notices) -> Option<T> {
    storage::load(key).unwrap_or_else(|error| {
        notices.report_storage(&error);
        None
    })
}

crate::lazy_state!(QuizState);

impl QuizState {
    fn load(notices: Notices) -> Self {
        QuizState {
            progress: RwSignal::new(load_or_report(&storage::QUIZ_PROGRESS, notices)),
            results: RwSignal::new(
                load_or_report(&storage::QUIZ_RESULTS, notices).unwrap_or_default(),
            ),
            notices,
        }
    }

    /// Another tab wrote one of our keys: take its version.
    pub fn reload(&self, key_name: Option<&str>) {
        if key_name.is_none_or(|k| k == storage::QUIZ_RESULTS.name) {
            self.results
                .set(load_or_report(&storage::QUIZ_RESULTS, self.notices).unwrap_or_default());
        }
        if key_name.is_none_or(|k| k == storage::QUIZ_PROGRESS.name) {
            self.progress
                .set(load_or_report(&storage::QUIZ_PROGRESS, self.notices));
        }
    }

    fn persist_progress(&self) {
        let outcome = self.progress.with_untracked(|progress| match progress {
            Some(progress) => storage::save(&storage::QUIZ_PROGRESS, progress),
            None => storage::remove(&storage::QUIZ_PROGRESS),
        });
        if let Err(error) = outcome {
            self.notices.report_storage(&error);
        }
    }

    /// Whether a quiz is under way, without loading the quiz's state (for Home): a stored
    /// progress counts even before it is decoded.
    pub fn in_progress() -> bool {
        match Self::loaded() {
            Some(quiz) => quiz.progress.with(Option::is_some),
            None => storage::contains(&storage::QUIZ_PROGRESS),
        }
    }

    /// Drops the quiz under way, loaded or not, so the next visit starts at the intro.
    pub fn discard_anywhere(notices: Notices) {
        if let Some(quiz) = Self::loaded() {
            quiz.progress.set(None);
        }
        if let Err(error) = storage::remove(&storage::QUIZ_PROGRESS) {
            notices.report_storage(&error);
        }
    }

    pub fn start(&self) {
        self.progress.set(Some(Progress::new(clock::now_ms())));
        self.persist_progress();
    }

    pub fn discard(&self) {
        Self::discard_anywhere(self.notices);
    }

    /// Applies a step of the flow (choose, advance, back, edit) and saves it, so a reload,
    /// a closed app or a dead battery resumes at the same place.
    pub fn step(&self, change: impl FnOnce(&mut Progress)) {
        self.progress.update(|progress| {
            if let Some(progress) = progress {
                change(progress);
            }
        });
        self.persist_progress();
    }

    /// Changes the stored results (read fresh, so another tab's additions are kept) and
    /// mirrors them; in memory only when storage refuses.
    fn change_results(&self, edit: impl Fn(&mut Vec<SavedResult>)) {
        match storage::update(&storage::QUIZ_RESULTS, &edit) {
            Ok(stored) => self.results.set(stored),
            Err(error) => {
                self.notices.report_storage(&error);
                self.results.update(edit);
            }
        }
    }

    /// Saves the finished quiz as a result and returns its id.
    pub fn finish(&self) -> Option<u64> {
        let progress = self.progress.get_untracked()?;
        // A child's check ends on its own page, with nothing saved.
        if progress.position != Position::Review || progress.answers.is_child() {
            return None;
        }
        let result = SavedResult::new(clock::now_ms(), progress.answers);
        let id = result.id;
        self.change_results(|results| {
            results.retain(|r| r.id != id);
            results.push(result.clone());
            results.sort_by_key(|r| r.id);
        });
        self.discard();
        Some(id)
    }

    pub fn delete(&self, id: u64) {
        self.change_results(|results| results.retain(|r| r.id != id));
    }
}
