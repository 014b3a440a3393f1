use super::due::{Outcome, Reminders, Status};
use super::schedule::{Reminder, ScheduleError};
use crate::components::Notices;
use crate::persisted::{Persisted, Stored};
use crate::platform::clock::{self, DeviceZone};
use crate::platform::notifications;
use crate::storage;
use leptos::prelude::*;
use std::collections::BTreeSet;

pub struct RemindersKey;

impl Stored for RemindersKey {
    type Value = Reminders;
    const KEY: &'static storage::Key = &storage::REMINDERS;
}

/// Reminders and their log, loaded once, written back through `storage`; a clock signal
/// that ticks every 20 seconds drives "due now", notifications and the badge.
#[derive(Clone, Copy)]
pub struct RemindersState {
    pub data: Persisted<RemindersKey>,
    pub now: RwSignal<i64>,
    notices: Notices,
    notified: StoredValue<BTreeSet<(u32, i64)>>,
}

crate::lazy_state!(RemindersState);

/// How far ahead the worker's plan reaches; each visit to the app renews it.
const WORKER_PLAN_DAYS: i64 = 14;

impl RemindersState {
    /// Loads the reminders and starts their clock; made by the first thing that asks
    /// (Home's due cards, a page, or the app's start when reminders are stored).
    fn load(notices: Notices) -> Self {
        let state = RemindersState {
            data: Persisted::load(notices),
            now: RwSignal::new(clock::now_ms() as i64),
            notices,
            notified: StoredValue::new(BTreeSet::new()),
        };
        if let Some((action, reminder, day)) = notifications::take_notification_action() {
            state.act_from_link(&action, reminder, day);
        }
        clock::every(20_000, move || state.tick());
        state.tick();
        // A fresh plan for the worker on every visit: it covers the coming fortnight.
        state.share_with_worker();
        state
    }

    /// Whether this visit needs the reminders at all: some are stored, or a tapped
    /// notification brought an action. Read without decoding them, so that a person with
    /// no reminders never downloads their code on Home.
    pub fn wanted() -> bool {
        Self::loaded().is_some()
            || storage::contains(&storage::REMINDERS)
            || notifications::has_notification_action()
    }

    pub fn reload(&self, key_name: Option<&str>) {
        self.data.reload(key_name);
    }

    pub fn status(&self, reminder: &Reminder) -> Status {
        let now = self.now.get();
        self.data
            .with(|data| data.status(reminder, now, &DeviceZone))
    }

    /// Changes the stored reminders (read fresh, so another tab's changes are kept).
    fn change<T>(&self, edit: impl FnMut(&mut Reminders) -> T) -> Option<T> {
        let answer = self.data.change(edit);
        self.share_with_worker();
        answer
    }

    /// Saves a new reminder (`original` is `None`) or an edit of `original`, which must still
    /// be stored as the form read it: another tab's edit or deletion is never overwritten.
    pub fn save(
        &self,
        original: Option<&Reminder>,
        mut draft: Reminder,
    ) -> Result<u32, ScheduleError> {
        draft.since_day = super::schedule::local_day(clock::now_ms() as i64, &DeviceZone);
        let save = |data: &mut Reminders| match original {
            Some(original) => data.update_if_unchanged(original, draft.clone()),
            None => data.upsert(draft.clone()),
        };
        // Checked on the current copy first so an invalid draft never touches storage.
        // (`change` answers `None` only once the state itself is gone.)
        let outcome = self
            .data
            .with_untracked(|data| save(&mut data.clone()))
            .and_then(|_| {
                self.change(save)
                    .unwrap_or(Err(ScheduleError::ChangedElsewhere))
            });
        if let Err(problem @ (ScheduleError::Gone | ScheduleError::ChangedElsewhere)) = &outcome {
            self.notices.report(problem);
        }
        outcome
    }

    pub fn remove(&self, id: u32) {
        self.change(|data| data.remove(id));
    }

    pub fn set_enabled(&self, id: u32, enabled: bool) {
        self.change(|data| {
            if let Some(r) = data.list.iter_mut().find(|r| r.id == id) {
                r.enabled = enabled;
            }
        });
    }

    pub fn record(&self, id: u32, day: i64, outcome: Outcome) {
        let now = clock::now_ms() as i64;
        self.change(|data| data.record(id, day, outcome, now));
        self.tick();
    }

    pub fn snooze(&self, id: u32, day: i64, minutes: i64) {
        let now = clock::now_ms() as i64;
        self.change(|data| {
            data.snooze(id, day, minutes, now);
            data.tidy(now);
        });
        self.tick();
    }

    /// A tapped notification opens the app with its action in the address; any link can,
    /// so it acts only on a night due now (`check_link`), and says what it did.
    fn act_from_link(&self, action: &str, reminder: u32, day: i64) {
        let now = clock::now_ms() as i64;
        let checked = self
            .data
            .with_untracked(|data| data.check_link(reminder, day, now, &DeviceZone));
        let label = match checked {
            Ok(label) => label,
            Err(refusal) => return self.notices.report(&refusal),
        };
        match action {
            "done" => {
                let stored = self
                    .data
                    .try_change(|data| data.record(reminder, day, Outcome::Done, now));
                self.share_with_worker();
                self.tick();
                // When storage refused, its notice already says the night was not saved.
                if stored.is_ok() {
                    self.notices
                        .report(&format!("Marked “{label}” done for tonight."));
                }
            }
            "snooze" => {
                self.snooze(reminder, day, 15);
                self.notices
                    .report(&format!("“{label}” will remind you again in 15 minutes."));
            }
            _ => self.notices.report(
                &"That link asks for something the app does not do, so nothing was marked.",
            ),
        }
    }

    pub fn set_notify(&self, on: bool) {
        self.change(|data| data.notify = on);
    }

    /// Hands the service worker what it may show while no page is open, already decided
    /// (done, skipped and snoozed nights applied): it has no due logic of its own.
    fn share_with_worker(&self) {
        let now = clock::now_ms() as i64;
        let json = self.data.with_untracked(|d| {
            let due = d.worker_plan(now, WORKER_PLAN_DAYS, &DeviceZone);
            serde_json::json!({ "made": now, "due": due }).to_string()
        });
        leptos::task::spawn_local(async move {
            // Best effort: most browsers have no periodic sync, and that is said in the panel.
            let _ = notifications::share_schedule_with_worker(&json).await;
        });
    }

    /// Advances the clock; shows a notification for each reminder that just became due
    /// (once per night) and puts the number due on the app badge.
    pub fn tick(&self) {
        let now = clock::now_ms() as i64;
        self.now.set(now);
        let (due, notify): (Vec<(Reminder, i64)>, bool) = self.data.with_untracked(|data| {
            let due = data
                .list
                .iter()
                .filter_map(|r| match data.status(r, now, &DeviceZone) {
                    Status::DueNow { day, .. } | Status::Overdue { day, .. } => {
                        Some((r.clone(), day))
                    }
                    _ => None,
                })
                .collect();
            (due, data.notify)
        });
        let count = due.len();
        leptos::task::spawn_local(async move {
            let _ = notifications::set_badge(count).await;
        });
        if !notify || notifications::permission().as_deref() != Some("granted") {
            return;
        }
        for (reminder, day) in due {
            let fresh = self
                .notified
                .try_update_value(|seen| seen.insert((reminder.id, day)))
                .unwrap_or(false);
            if fresh {
                let notices = self.notices;
                leptos::task::spawn_local(async move {
                    let data = [("r", f64::from(reminder.id)), ("day", day as f64)];
                    let body = "Heavy emollient on soles and heels. Never between the toes.";
                    let tag = format!("reminder-{}-{day}", reminder.id);
                    if let Err(error) =
                        notifications::show(&reminder.label, body, &tag, &data).await
                    {
                        notices.report(&error);
                    }
                });
            }
        }
    }
}
