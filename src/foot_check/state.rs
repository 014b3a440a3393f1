use super::model::{Draft, FootCheck, Step, Temperature};
use super::touch_test::TouchTest;
use crate::components::Notices;
use crate::persisted::{Persisted, Stored};
use crate::platform::clock;
use crate::storage;
use leptos::prelude::*;

pub struct FootChecksKey;

impl Stored for FootChecksKey {
    type Value = Vec<FootCheck>;
    const KEY: &'static storage::Key = &storage::FOOT_CHECKS;
}

/// Saved foot checks (through `storage`) and the routine in progress (in memory: it takes
/// two minutes, and a half-done check is not worth keeping).
#[derive(Clone, Copy)]
pub struct FootCheckState {
    pub checks: Persisted<FootChecksKey>,
    pub step: RwSignal<usize>,
    pub draft: RwSignal<Draft>,
    /// None until answered; `Some(None)` is "not sure".
    pub temperature: RwSignal<Option<Option<Temperature>>>,
    pub cold_foot_eases_hanging: RwSignal<bool>,
    pub colder_came_suddenly: RwSignal<bool>,
    /// None until answered; `Some(None)`: skipped (no one to help).
    pub touch: RwSignal<Option<Option<TouchTest>>>,
    pub diabetes: RwSignal<bool>,
    /// The id of the check just saved, while its summary is on screen.
    pub saved: RwSignal<Option<u64>>,
    /// The id the check in progress will be saved under (when it started), so photos
    /// taken during it can name it before it is saved.
    pub started: RwSignal<u64>,
}

crate::lazy_state!(FootCheckState);

impl FootCheckState {
    fn load(notices: Notices) -> Self {
        let checks: Persisted<FootChecksKey> = Persisted::load(notices);
        let diabetes = checks.with_untracked(|checks| checks.last().is_some_and(|c| c.diabetes));
        FootCheckState {
            checks,
            step: RwSignal::new(0),
            draft: RwSignal::new(Draft::new()),
            temperature: RwSignal::new(None),
            cold_foot_eases_hanging: RwSignal::new(false),
            colder_came_suddenly: RwSignal::new(false),
            touch: RwSignal::new(None),
            diabetes: RwSignal::new(diabetes),
            saved: RwSignal::new(None),
            started: RwSignal::new(clock::now_ms() as u64),
        }
    }

    pub fn reload(&self, key_name: Option<&str>) {
        self.checks.reload(key_name);
    }

    pub fn current_step(&self) -> Step {
        let steps = Step::all();
        steps[self.step.get().min(steps.len() - 1)]
    }

    pub fn go(&self, delta: isize) {
        let last = Step::all().len() as isize - 1;
        if self.step.get_untracked() == 0 && delta > 0 {
            self.started.set(clock::now_ms() as u64);
        }
        self.step
            .update(|step| *step = (*step as isize + delta).clamp(0, last) as usize);
    }

    pub fn restart(&self) {
        self.step.set(0);
        self.draft.set(Draft::new());
        self.temperature.set(None);
        self.cold_foot_eases_hanging.set(false);
        self.colder_came_suddenly.set(false);
        self.touch.set(None);
        self.saved.set(None);
    }

    /// The check as recorded so far (tracked: a summary on screen follows every answer).
    pub fn recorded(&self, id: u64) -> FootCheck {
        self.draft
            .with(|draft| {
                FootCheck::from_draft(
                    id,
                    self.temperature.get().flatten(),
                    self.cold_foot_eases_hanging.get(),
                    self.diabetes.get(),
                    draft,
                )
            })
            .with_colder_foot(self.colder_came_suddenly.get())
            .with_touch_test(self.touch.get().flatten())
    }

    /// Saves the check; read-modify-write so another tab's checks are kept.
    pub fn save(&self) -> Option<u64> {
        let check = untrack(|| self.recorded(self.started.get()));
        let id = check.id;
        let add = |checks: &mut Vec<FootCheck>| {
            checks.retain(|c| c.id != id);
            checks.push(check.clone());
            checks.sort_by_key(|c| c.id);
        };
        self.checks.change(add);
        self.saved.set(Some(id));
        Some(id)
    }

    pub fn delete(&self, id: u64) {
        self.checks.change(|checks| checks.retain(|c| c.id != id));
    }
}
