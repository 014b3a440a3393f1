use super::flow::{Position, Progress};
use super::result::SavedResult;
use crate::components::Notices;
use crate::platform::clock;
use crate::storage::{self, Key};
use leptos::prelude::*;
use serde::{de::DeserializeOwned, Serialize};

/// The quiz in progress and the saved results, loaded once at start, written back
/// through `storage` on every change.
#[derive(Clone, Copy)]
pub struct QuizState {
    pub progress: RwSignal<Option<Progress>>,
    pub results: RwSignal<Vec<SavedResult>>,
    notices: Notices,
}

fn load_or_report<T: DeserializeOwned>(key: &Key, notices: Notices) -> Option<T> {
    storage::load(key).unwrap_or_else(|error| {
        notices.report(&error);
        None
    })
}

impl QuizState {
    pub fn provide(notices: Notices) -> Self {
        let state = QuizState {
            progress: RwSignal::new(load_or_report(&storage::QUIZ_PROGRESS, notices)),
            results: RwSignal::new(
                load_or_report(&storage::QUIZ_RESULTS, notices).unwrap_or_default(),
            ),
            notices,
        };
        provide_context(state);
        state
    }

    pub fn expect() -> Self {
        expect_context::<QuizState>()
    }

    fn save<T: Serialize>(&self, key: &Key, value: &T) {
        if let Err(error) = storage::save(key, value) {
            self.notices.report(&error);
        }
    }

    fn persist_progress(&self) {
        self.progress.with_untracked(|progress| match progress {
            Some(progress) => self.save(&storage::QUIZ_PROGRESS, progress),
            None => {
                if let Err(error) = storage::remove(&storage::QUIZ_PROGRESS) {
                    self.notices.report(&error);
                }
            }
        });
    }

    pub fn start(&self) {
        self.progress.set(Some(Progress::new(clock::now_ms())));
        self.persist_progress();
    }

    pub fn discard(&self) {
        self.progress.set(None);
        self.persist_progress();
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

    /// Saves the finished quiz as a result and returns its id.
    pub fn finish(&self) -> Option<u64> {
        let progress = self.progress.get_untracked()?;
        if progress.position != Position::Review {
            return None;
        }
        let result = SavedResult::new(clock::now_ms(), progress.answers);
        let id = result.id;
        self.results.update(|results| results.push(result));
        self.results
            .with_untracked(|results| self.save(&storage::QUIZ_RESULTS, results));
        self.discard();
        Some(id)
    }

    pub fn delete(&self, id: u64) {
        self.results
            .update(|results| results.retain(|r| r.id != id));
        self.results
            .with_untracked(|results| self.save(&storage::QUIZ_RESULTS, results));
    }
}
