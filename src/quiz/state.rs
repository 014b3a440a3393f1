use super::flow::{Position, Progress};
use super::result::SavedResult;
use crate::components::Notices;
use crate::persisted::{Persisted, Stored};
use crate::platform::clock;
use crate::storage;
use leptos::prelude::*;

pub struct ProgressKey;

impl Stored for ProgressKey {
    type Value = Option<Progress>;
    const KEY: &'static storage::Key = &storage::QUIZ_PROGRESS;
}

pub struct ResultsKey;

impl Stored for ResultsKey {
    type Value = Vec<SavedResult>;
    const KEY: &'static storage::Key = &storage::QUIZ_RESULTS;
}

/// The quiz in progress and the saved results, loaded when a quiz page first needs them,
/// written back through `storage` on every change, and refreshed when another tab
/// changes them.
#[derive(Clone, Copy)]
pub struct QuizState {
    /// The check under way; `None` is stored as no key at all.
    pub progress: Persisted<ProgressKey>,
    pub results: Persisted<ResultsKey>,
}

crate::lazy_state!(QuizState);

impl QuizState {
    fn load(notices: Notices) -> Self {
        QuizState {
            progress: Persisted::load(notices),
            results: Persisted::load(notices),
        }
    }

    /// Another tab wrote one of our keys: take its version.
    pub fn reload(&self, key_name: Option<&str>) {
        self.results.reload(key_name);
        self.progress.reload(key_name);
    }

    /// Whether a quiz is under way, without loading the quiz's state (for Home): a stored
    /// progress counts even before it is decoded.
    pub fn in_progress() -> bool {
        match Self::loaded() {
            Some(quiz) => quiz.progress.with(Option::is_some),
            None => storage::contains(&storage::QUIZ_PROGRESS),
        }
    }

    /// Whether a check has been finished and kept, without loading the quiz (for Home).
    pub fn has_results() -> bool {
        match Self::loaded() {
            Some(quiz) => quiz.results.with(|results| !results.is_empty()),
            None => storage::contains(&storage::QUIZ_RESULTS),
        }
    }

    /// Drops the quiz under way, loaded or not, so the next visit starts at the intro: for
    /// Home, which shows only that a check is under way, not its answers. (Through the
    /// loaded state's `edit`, the progress's decoder and migration would join the first
    /// load.)
    pub fn discard_anywhere(notices: Notices) {
        if let Some(quiz) = Self::loaded() {
            quiz.progress.clear_in_memory();
        }
        let key = &storage::QUIZ_PROGRESS;
        if let Err(error) = storage::remove_named(key.name, key.label) {
            notices.report_storage(&error);
        }
    }

    pub fn start(&self) {
        let _ = self
            .progress
            .edit(|progress| *progress = Some(Progress::new(clock::now_ms())));
    }

    /// The quiz's own "Start again": only if the check is still as this page shows it, so
    /// that answers another tab has given since are never wiped unseen.
    pub fn discard(&self) {
        let _ = self.progress.edit(|progress| *progress = None);
    }

    /// Applies a step of the flow (choose, advance, back, edit) and saves it, so a reload,
    /// a closed app or a dead battery resumes at the same place.
    pub fn step(&self, change: impl FnOnce(&mut Progress)) {
        let _ = self.progress.edit(|progress| {
            if let Some(progress) = progress {
                change(progress);
            }
        });
    }

    /// Changes the stored results (read fresh, so another tab's additions are kept) and
    /// mirrors them; in memory only when storage refuses.
    fn change_results(&self, edit: impl FnMut(&mut Vec<SavedResult>)) {
        self.results.change(edit);
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
