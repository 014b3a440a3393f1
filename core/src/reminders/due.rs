//! The reminders as stored (the list, what was done with each occurrence, snoozes) and
//! where each one stands now: upcoming, due, overdue, snoozed, done or skipped. Pure, with
//! time and zone passed in, like `schedule`.

use super::schedule::{
    local_day, Reminder, ScheduleError, Zone, DAY_MS, EVERY_DAY, MAX_ID, MAX_REMINDERS, MINUTE_MS,
};
use crate::storage::keys::Key;
use serde::{Deserialize, Serialize};

/// A bedtime reminder stays overdue past midnight for this long, then counts as missed.
pub const GRACE_MS: i64 = 6 * 60 * MINUTE_MS;
/// After this long a reminder is no longer "due now" but "overdue".
pub const DUE_WINDOW_MS: i64 = 60 * MINUTE_MS;
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    #[serde(rename = "done")]
    Done,
    #[serde(rename = "skip")]
    Skipped,
}

/// What happened to one occurrence. Stored as a 4-number array (schema 2): two a day
/// for ten years must stay small.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "LogWire", into = "LogWire")]
pub struct LogEntry {
    pub reminder: u32,
    /// The local day of the occurrence (not of the tap: a 23:30 reminder done at 00:10 counts for its own night).
    pub day: i64,
    pub outcome: Outcome,
    /// When it was tapped (ms, kept to the minute), for the history.
    pub at: i64,
}

/// `[reminder, day, 1 = done / 0 = skipped, minutes since the epoch]`
#[derive(Serialize, Deserialize)]
struct LogWire(u32, i64, u8, i64);

impl From<LogWire> for LogEntry {
    fn from(LogWire(reminder, day, outcome, minutes): LogWire) -> Self {
        let outcome = if outcome == 0 {
            Outcome::Skipped
        } else {
            Outcome::Done
        };
        LogEntry {
            reminder,
            day,
            outcome,
            at: minutes * MINUTE_MS,
        }
    }
}

impl From<LogEntry> for LogWire {
    fn from(entry: LogEntry) -> Self {
        LogWire(
            entry.reminder,
            entry.day,
            u8::from(entry.outcome == Outcome::Done),
            entry.at.div_euclid(MINUTE_MS),
        )
    }
}

/// Schema 1 stored log entries as objects with the tap time in ms.
pub fn migrate_v1_to_v2(mut data: serde_json::Value) -> Result<serde_json::Value, String> {
    let log = data.get_mut("log").and_then(|l| l.as_array_mut());
    for entry in log.into_iter().flatten() {
        let field = |name: &str| {
            entry
                .get(name)
                .cloned()
                .ok_or(format!("log entry without {name}"))
        };
        let (r, day, o, at) = (field("r")?, field("day")?, field("o")?, field("at")?);
        let done = u8::from(o.as_str() == Some("done"));
        let minutes = at
            .as_i64()
            .ok_or("log time is not a number")?
            .div_euclid(MINUTE_MS);
        *entry = serde_json::json!([r, day, done, minutes]);
    }
    Ok(data)
}

/// Schema 3 stores the next id, so ids are never reused, and repairs what reuse did before:
/// a deleted reminder's record (its log and snoozes) stayed behind and passed to the next
/// reminder given the same id. Entries of a reminder no longer listed are dropped; so are
/// those of a listed reminder dated before the day it was created, which belonged to a
/// deleted one with its id. The next id starts past every id the data names.
pub fn migrate_v2_to_v3(mut data: serde_json::Value) -> Result<serde_json::Value, String> {
    let object = data.as_object_mut().ok_or("reminders are not an object")?;
    let mut since: std::collections::BTreeMap<u64, i64> = std::collections::BTreeMap::new();
    for reminder in object
        .get("list")
        .and_then(|l| l.as_array())
        .into_iter()
        .flatten()
    {
        let id = reminder
            .get("id")
            .and_then(|i| i.as_u64())
            .ok_or("a reminder without an id")?;
        let from = reminder.get("from").and_then(|f| f.as_i64()).unwrap_or(0);
        since.insert(id, from);
    }
    let mut highest = since.keys().max().copied().unwrap_or(0);
    let mut keep = |id: Option<u64>, day: Option<i64>| {
        let id = id.unwrap_or(0);
        highest = highest.max(id);
        since
            .get(&id)
            .is_some_and(|from| day.is_none_or(|day| day >= *from))
    };
    if let Some(log) = object.get_mut("log").and_then(|l| l.as_array_mut()) {
        log.retain(|entry| keep(entry[0].as_u64(), entry[1].as_i64()));
    }
    if let Some(snoozes) = object.get_mut("snoozes").and_then(|l| l.as_array_mut()) {
        snoozes.retain(|snooze| {
            keep(
                snooze.get("reminder").and_then(|r| r.as_u64()),
                snooze.get("day").and_then(|d| d.as_i64()),
            )
        });
    }
    let next = u32::try_from(highest + 1).map_err(|_| "a reminder id is out of range")?;
    object.insert("next".into(), serde_json::json!(next));
    Ok(data)
}

/// One notification the service worker may show: at `at` (ms), for reminder `id`'s night
/// `day`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedNotice {
    pub at: i64,
    pub id: u32,
    pub day: i64,
    pub label: String,
}

/// A snooze is short-lived and only needs to survive a reload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snooze {
    pub reminder: u32,
    pub day: i64,
    pub until: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminders {
    pub list: Vec<Reminder>,
    /// The id the next new reminder gets (schema 3). Ids are never reused: a reused id
    /// would inherit a deleted reminder's done and skipped nights.
    #[serde(rename = "next", default)]
    pub next_id: u32,
    #[serde(default)]
    pub log: Vec<LogEntry>,
    #[serde(default)]
    pub snoozes: Vec<Snooze>,
    #[serde(default)]
    pub notify: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Nothing to do until then.
    Upcoming {
        at: i64,
    },
    DueNow {
        day: i64,
        at: i64,
    },
    Overdue {
        day: i64,
        at: i64,
    },
    Snoozed {
        day: i64,
        until: i64,
    },
    Done {
        day: i64,
        at: i64,
    },
    Skipped {
        day: i64,
    },
    Off,
}

impl Status {
    pub fn needs_action(self) -> bool {
        matches!(self, Status::DueNow { .. } | Status::Overdue { .. })
    }
}

impl Reminders {
    fn logged(&self, id: u32, day: i64) -> Option<&LogEntry> {
        self.log
            .iter()
            .rev()
            .find(|e| e.reminder == id && e.day == day)
    }

    /// The reminders that moisturising now counts as done, with the night each is for:
    /// every one due, overdue or snoozed, and those still to come today. Tonight's check-in
    /// records them, so Home and the streak agree with it.
    pub fn done_by_moisturising_now(&self, now: i64, zone: &impl Zone) -> Vec<(u32, i64)> {
        let today = local_day(now, zone);
        self.list
            .iter()
            .filter_map(|r| match self.status(r, now, zone) {
                Status::DueNow { day, .. }
                | Status::Overdue { day, .. }
                | Status::Snoozed { day, .. } => Some((r.id, day)),
                Status::Upcoming { .. } if r.runs_on(today) => Some((r.id, today)),
                _ => None,
            })
            .collect()
    }

    /// Where a reminder stands at `now`: the latest occurrence still within reach (today's,
    /// or last night's within the grace period after midnight) decides.
    pub fn status(&self, reminder: &Reminder, now: i64, zone: &impl Zone) -> Status {
        if !reminder.enabled || reminder.days == 0 {
            return Status::Off;
        }
        let today = local_day(now, zone);
        let current = [today, today - 1]
            .into_iter()
            .filter(|day| reminder.runs_on(*day))
            .map(|day| (day, reminder.occurrence(day, zone)))
            // Within reach only for the grace period, whatever the day: a 00:05 reminder
            // missed is not "overdue" until the next midnight.
            .find(|(_, at)| *at <= now && now - at < GRACE_MS);
        let Some((day, at)) = current else {
            return match reminder.next_due(now, zone) {
                Some(at) => Status::Upcoming { at },
                None => Status::Off,
            };
        };
        if let Some(entry) = self.logged(reminder.id, day) {
            return match entry.outcome {
                Outcome::Done => Status::Done { day, at: entry.at },
                Outcome::Skipped => Status::Skipped { day },
            };
        }
        if let Some(snooze) = self
            .snoozes
            .iter()
            .find(|s| s.reminder == reminder.id && s.day == day && s.until > now)
        {
            return Status::Snoozed {
                day,
                until: snooze.until,
            };
        }
        if now - at < DUE_WINDOW_MS
            || self
                .snoozes
                .iter()
                .any(|s| s.reminder == reminder.id && s.day == day)
        {
            Status::DueNow { day, at }
        } else {
            Status::Overdue { day, at }
        }
    }

    /// How many reminders want an action now (for the app badge).
    pub fn due_count(&self, now: i64, zone: &impl Zone) -> usize {
        self.list
            .iter()
            .filter(|r| self.status(r, now, zone).needs_action())
            .count()
    }

    pub fn record(&mut self, reminder: u32, day: i64, outcome: Outcome, now: i64) {
        self.log
            .retain(|e| !(e.reminder == reminder && e.day == day));
        self.log.push(LogEntry {
            reminder,
            day,
            outcome,
            at: now,
        });
        self.snoozes
            .retain(|s| !(s.reminder == reminder && s.day == day));
    }

    pub fn snooze(&mut self, reminder: u32, day: i64, minutes: i64, now: i64) {
        self.snoozes
            .retain(|s| !(s.reminder == reminder && s.day == day));
        self.snoozes.push(Snooze {
            reminder,
            day,
            until: now + minutes * MINUTE_MS,
        });
    }

    /// Adds or replaces a reminder after checking it; the list is unchanged on error.
    /// What the form would refuse, refused for a whole stored list too (an import): every
    /// reminder as the form checks it, at most 50, ids unique and in range.
    pub fn check(&self) -> Result<(), ScheduleError> {
        if self.list.len() > MAX_REMINDERS {
            return Err(ScheduleError::TooMany);
        }
        let mut ids = std::collections::BTreeSet::new();
        for reminder in &self.list {
            reminder.check()?;
            if reminder.id == 0 || reminder.id > MAX_ID || !ids.insert(reminder.id) {
                return Err(ScheduleError::SameId);
            }
        }
        if self.next_id > MAX_ID.saturating_add(1) {
            return Err(ScheduleError::SameId);
        }
        Ok(())
    }

    pub fn upsert(&mut self, draft: Reminder) -> Result<u32, ScheduleError> {
        draft.check()?;
        let label = draft.label.trim();
        let duplicate = self
            .list
            .iter()
            .any(|r| r.id != draft.id && r.same_schedule(&draft));
        if duplicate {
            return Err(ScheduleError::Duplicate);
        }
        let mut reminder = Reminder {
            label: label.to_string(),
            days: draft.days & EVERY_DAY,
            ..draft
        };
        match self
            .list
            .iter_mut()
            .find(|r| r.id == reminder.id && reminder.id != 0)
        {
            Some(existing) => *existing = reminder.clone(),
            // An edit of a reminder another tab deleted must not bring it back.
            None if reminder.id != 0 => return Err(ScheduleError::Gone),
            None => {
                if self.list.len() >= MAX_REMINDERS {
                    return Err(ScheduleError::TooMany);
                }
                reminder.id = self.take_next_id();
                self.list.push(reminder.clone());
            }
        }
        Ok(reminder.id)
    }

    /// The id a new reminder gets: never one used before (`next_id`), nor one listed.
    pub(crate) fn take_next_id(&mut self) -> u32 {
        let past_every_listed = self.list.iter().map(|r| r.id).max().unwrap_or(0) + 1;
        let id = self.next_id.max(past_every_listed);
        self.next_id = id.saturating_add(1);
        id
    }

    /// Saves an edit of a reminder only if it is still as the form read it (`original`):
    /// another tab's edit or deletion since is never overwritten.
    pub fn update_if_unchanged(
        &mut self,
        original: &Reminder,
        draft: Reminder,
    ) -> Result<u32, ScheduleError> {
        match self.list.iter().find(|r| r.id == original.id) {
            None => Err(ScheduleError::Gone),
            Some(stored) if stored != original => Err(ScheduleError::ChangedElsewhere),
            Some(_) => self.upsert(Reminder {
                id: original.id,
                ..draft
            }),
        }
    }

    /// What the service worker may show while no page is open, decided here so it follows
    /// the same rules as the page: each reminder's coming occurrences over `days` local days
    /// from `now`, without the nights already done or skipped, a snoozed night at the end of
    /// its snooze, nothing before the day a reminder was made, nothing for one switched off.
    /// The worker only shows what this list says is due (`public/sw.js`).
    pub fn worker_plan(&self, now: i64, days: i64, zone: &impl Zone) -> Vec<PlannedNotice> {
        let today = local_day(now, zone);
        let mut plan: Vec<PlannedNotice> = self
            .list
            .iter()
            .flat_map(|reminder| {
                (today - 1..today + days)
                    .filter(|day| reminder.runs_on(*day))
                    .filter(|day| self.logged(reminder.id, *day).is_none())
                    .filter_map(move |day| {
                        let snoozed = self
                            .snoozes
                            .iter()
                            .find(|s| s.reminder == reminder.id && s.day == day)
                            .map(|s| s.until);
                        let at = snoozed.unwrap_or_else(|| reminder.occurrence(day, zone));
                        (at + DUE_WINDOW_MS > now).then(|| PlannedNotice {
                            at,
                            id: reminder.id,
                            day,
                            label: reminder.label.clone(),
                        })
                    })
            })
            .collect();
        plan.sort_by_key(|notice| (notice.at, notice.id));
        plan
    }

    /// Deletes a reminder with its record: its done and skipped nights and its snoozes.
    pub fn remove(&mut self, id: u32) {
        self.list.retain(|r| r.id != id);
        self.log.retain(|entry| entry.reminder != id);
        self.snoozes.retain(|s| s.reminder != id);
        self.next_id = self.next_id.max(id.saturating_add(1));
    }

    /// Drops snoozes that ended long ago, so the stored value does not grow.
    pub fn tidy(&mut self, now: i64) {
        self.snoozes.retain(|s| now - s.until < DAY_MS);
    }
}

/// 2: log entries as four numbers, the tap time to the minute. 3: the next id, so ids
/// are never reused, and the records that passed to a reused id dropped.
pub const KEY: Key = Key {
    name: "lan.reminders",
    schema: 3,
    migrations: &[migrate_v1_to_v2, migrate_v2_to_v3],
    label: "Your reminders",
    words: "the reminders",
    backup_part: Some("reminders"),
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reminders::schedule::parse_time;
    use crate::reminders::schedule::test_support::*;

    #[test]
    fn moisturising_counts_for_what_is_due_snoozed_or_still_to_come_today_only() {
        let early = bedtime(22 * 60);
        let mut later = bedtime(23 * 60);
        later.id = 2;
        let mut done_already = bedtime(21 * 60);
        done_already.id = 3;
        let mut not_today = bedtime(23 * 60);
        not_today.id = 4;
        let day = 20_000;
        not_today.days = 0b111_1111 & !(1 << crate::reminders::schedule::weekday(day));
        let mut state = Reminders {
            list: vec![early, later, done_already, not_today],
            ..Default::default()
        };
        state.record(3, day, Outcome::Done, at(day, 21, 5));
        // 22:10: the 22:00 one is due, the 23:00 one is still to come today; the one done
        // at 21:05 and the one that does not run today are not counted.
        assert_eq!(
            state.done_by_moisturising_now(at(day, 22, 10), &utc),
            [(1, day), (2, day)]
        );
    }

    #[test]
    fn upcoming_due_overdue_then_done() {
        let r = bedtime(22 * 60);
        let mut state = Reminders {
            list: vec![r.clone()],
            ..Default::default()
        };
        let day = 20_000;
        assert_eq!(
            state.status(&r, at(day, 21, 0), &utc),
            Status::Upcoming { at: at(day, 22, 0) }
        );
        assert_eq!(
            state.status(&r, at(day, 22, 10), &utc),
            Status::DueNow {
                day,
                at: at(day, 22, 0)
            }
        );
        assert_eq!(
            state.status(&r, at(day, 23, 30), &utc),
            Status::Overdue {
                day,
                at: at(day, 22, 0)
            }
        );
        state.record(1, day, Outcome::Done, at(day, 23, 31));
        assert_eq!(
            state.status(&r, at(day, 23, 40), &utc),
            Status::Done {
                day,
                at: at(day, 23, 31)
            }
        );
        assert_eq!(state.due_count(at(day, 23, 40), &utc), 0);
    }

    #[test]
    fn a_late_reminder_stays_overdue_across_midnight_then_is_missed() {
        let r = bedtime(23 * 60 + 30);
        let state = Reminders {
            list: vec![r.clone()],
            ..Default::default()
        };
        let day = 20_000;
        assert_eq!(
            state.status(&r, at(day + 1, 0, 40), &utc),
            Status::Overdue {
                day,
                at: at(day, 23, 30)
            }
        );
        // By morning last night's is gone and tonight's is upcoming.
        assert_eq!(
            state.status(&r, at(day + 1, 8, 0), &utc),
            Status::Upcoming {
                at: at(day + 1, 23, 30)
            }
        );
    }

    /// Issue 25: a missed 00:05 reminder stayed "Overdue" all day.
    #[test]
    fn a_reminder_just_after_midnight_is_missed_by_the_afternoon_not_overdue_all_day() {
        let r = bedtime(5);
        let state = Reminders {
            list: vec![r.clone()],
            ..Default::default()
        };
        let day = 20_000;
        assert!(matches!(
            state.status(&r, at(day, 2, 0), &utc),
            Status::Overdue { .. }
        ));
        assert_eq!(
            state.status(&r, at(day, 15, 0), &utc),
            Status::Upcoming {
                at: at(day + 1, 0, 5)
            }
        );
        assert_eq!(state.due_count(at(day, 15, 0), &utc), 0);
    }

    #[test]
    fn snooze_hides_it_until_the_time_then_it_is_due_again() {
        let r = bedtime(22 * 60);
        let mut state = Reminders {
            list: vec![r.clone()],
            ..Default::default()
        };
        let day = 20_000;
        state.snooze(1, day, 15, at(day, 22, 5));
        assert_eq!(
            state.status(&r, at(day, 22, 10), &utc),
            Status::Snoozed {
                day,
                until: at(day, 22, 20)
            }
        );
        assert!(matches!(
            state.status(&r, at(day, 23, 30), &utc),
            Status::DueNow { .. }
        ));
    }

    #[test]
    fn skip_tonight_counts_for_tonight_only() {
        let r = bedtime(22 * 60);
        let mut state = Reminders {
            list: vec![r.clone()],
            ..Default::default()
        };
        state.record(1, 20_000, Outcome::Skipped, at(20_000, 21, 0));
        assert_eq!(
            state.status(&r, at(20_000, 22, 30), &utc),
            Status::Skipped { day: 20_000 }
        );
        assert!(matches!(
            state.status(&r, at(20_001, 22, 30), &utc),
            Status::DueNow { .. }
        ));
    }

    #[test]
    fn travelling_keeps_the_reminder_on_the_new_local_clock() {
        let r = bedtime(22 * 60);
        let new_york = |_: i64| -300;
        let state = Reminders {
            list: vec![r.clone()],
            ..Default::default()
        };
        // 22:10 in New York is 03:10 UTC the next day.
        let now = at(20_001, 3, 10);
        assert!(matches!(
            state.status(&r, now, &new_york),
            Status::DueNow { day: 20_000, .. }
        ));
    }

    #[test]
    fn days_without_opening_the_app_do_not_pile_up() {
        let r = bedtime(22 * 60);
        let state = Reminders {
            list: vec![r.clone()],
            ..Default::default()
        };
        assert!(matches!(
            state.status(&r, at(20_010, 22, 5), &utc),
            Status::DueNow { day: 20_010, .. }
        ));
    }

    #[test]
    fn a_clock_that_jumps_back_does_not_break_anything() {
        let r = bedtime(22 * 60);
        let mut state = Reminders {
            list: vec![r.clone()],
            ..Default::default()
        };
        state.record(1, 20_000, Outcome::Done, at(20_000, 22, 5));
        // The clock goes back an hour: still done, still the same night.
        assert!(matches!(
            state.status(&r, at(20_000, 21, 30), &utc),
            Status::Upcoming { .. } | Status::Done { .. }
        ));
        assert!(matches!(
            state.status(&r, at(20_000, 22, 2), &utc),
            Status::Done { .. }
        ));
    }

    #[test]
    fn bad_input_is_refused_and_the_list_kept() {
        let mut state = Reminders::default();
        let good = bedtime(22 * 60);
        assert_eq!(
            state.upsert(Reminder {
                id: 0,
                ..good.clone()
            }),
            Ok(1)
        );
        let before = state.clone();
        assert_eq!(
            state.upsert(Reminder {
                id: 0,
                label: "  ".into(),
                ..good.clone()
            }),
            Err(ScheduleError::NoLabel)
        );
        assert_eq!(
            state.upsert(Reminder {
                id: 0,
                days: 0,
                ..good.clone()
            }),
            Err(ScheduleError::NoDays)
        );
        assert_eq!(
            state.upsert(Reminder {
                id: 0,
                time: 24 * 60,
                ..good.clone()
            }),
            Err(ScheduleError::BadTime)
        );
        assert_eq!(
            state.upsert(Reminder {
                id: 0,
                ..good.clone()
            }),
            Err(ScheduleError::Duplicate)
        );
        assert_eq!(state, before);
        assert_eq!(parse_time("22:05"), Ok(22 * 60 + 5));
        for bad in ["", "25:00", "7", "ab:cd", "12:60"] {
            assert_eq!(parse_time(bad), Err(ScheduleError::BadTime), "{bad}");
        }
    }

    /// Issue 24: the worker ignored done, skipped and snoozed nights and the start day.
    #[test]
    fn the_workers_plan_leaves_out_done_and_skipped_nights_and_moves_snoozed_ones() {
        let zone = london;
        let day = 20_790;
        let mut reminders = Reminders::default();
        let id = reminders
            .upsert(Reminder {
                id: 0,
                since_day: day,
                ..bedtime(22 * 60)
            })
            .unwrap();
        let now = at(day, 18, 0);
        let nights = |r: &Reminders| -> Vec<i64> {
            r.worker_plan(now, 3, &zone).iter().map(|n| n.day).collect()
        };
        assert_eq!(
            nights(&reminders),
            [day, day + 1, day + 2],
            "not before its first day"
        );
        // Done early, in Tonight's check-in at 18:00: tonight is not shown.
        reminders.record(id, day, Outcome::Done, now);
        assert_eq!(nights(&reminders), [day + 1, day + 2]);
        reminders.record(id, day + 1, Outcome::Skipped, now);
        assert_eq!(nights(&reminders), [day + 2]);
        // A snoozed night is shown when the snooze ends, not at its time.
        reminders.snooze(id, day + 2, 30, at(day + 2, 22, 0));
        let plan = reminders.worker_plan(now, 3, &zone);
        assert_eq!(plan[0].at, at(day + 2, 22, 30));
        // Switched off: nothing.
        reminders.list[0].enabled = false;
        assert!(reminders.worker_plan(now, 3, &zone).is_empty());
    }

    /// Issue 24's trace: reminder 2 done at 22:05 and deleted; a new reminder got id 2 and
    /// showed "Done" that night.
    #[test]
    fn a_deleted_reminders_record_goes_with_it_and_its_id_is_never_reused() {
        let draft = |label: &str, time: u16| Reminder {
            id: 0,
            label: label.into(),
            ..bedtime(time)
        };
        let mut reminders = Reminders::default();
        let first = reminders.upsert(draft("Heels", 21 * 60)).unwrap();
        let second = reminders.upsert(draft("Toes", 22 * 60)).unwrap();
        reminders.record(second, 100, Outcome::Done, 0);
        reminders.remove(second);
        assert!(reminders.log.is_empty(), "its done night went with it");
        let third = reminders.upsert(draft("Soles", 22 * 60)).unwrap();
        assert_ne!(
            third, second,
            "a new reminder never takes a deleted one's id"
        );
        assert!(third > first);
        assert!(!reminders.log.iter().any(|e| e.reminder == third));
    }

    #[test]
    fn the_migration_drops_records_that_passed_to_a_reused_id_and_stores_the_next_id() {
        // Reminder 2 was deleted after a done night (day 100) and a new reminder 2 was made
        // on day 101; reminder 3 was deleted and left its log behind.
        let v2 = serde_json::json!({
            "list": [
                { "id": 1, "label": "Heels", "t": 1260, "d": 127, "on": true, "from": 90 },
                { "id": 2, "label": "Soles", "t": 1320, "d": 127, "on": true, "from": 101 }
            ],
            "log": [[1, 95, 1, 0], [2, 100, 1, 0], [2, 101, 0, 0], [3, 99, 1, 0]],
            "snoozes": [{ "reminder": 3, "day": 99, "until": 0 }],
            "notify": false
        });
        let v3 = migrate_v2_to_v3(v2).unwrap();
        let reminders: Reminders = serde_json::from_value(v3).unwrap();
        let kept: Vec<(u32, i64)> = reminders.log.iter().map(|e| (e.reminder, e.day)).collect();
        assert_eq!(kept, [(1, 95), (2, 101)]);
        assert!(reminders.snoozes.is_empty());
        assert_eq!(reminders.next_id, 4, "past every id the data named");
        assert!(migrate_v2_to_v3(serde_json::json!([1, 2])).is_err());
    }

    /// Issue 24: an import took what the form refuses (a 1 MB label, carriage returns, a
    /// time of 5000 minutes, 300 reminders, an id of u32::MAX).
    #[test]
    fn a_list_is_refused_for_anything_the_form_would_refuse() {
        let good = Reminders {
            list: vec![Reminder {
                id: 1,
                ..bedtime(22 * 60)
            }],
            ..Reminders::default()
        };
        assert_eq!(good.check(), Ok(()));
        let with = |change: fn(&mut Reminder)| {
            let mut list = good.clone();
            change(&mut list.list[0]);
            list.check()
        };
        assert_eq!(
            with(|r| r.label = "x".repeat(1_000_000)),
            Err(ScheduleError::LabelTooLong)
        );
        assert_eq!(
            with(|r| r.label = "Heels\r\nX-EVIL:1".into()),
            Err(ScheduleError::ControlInLabel)
        );
        assert_eq!(with(|r| r.time = 5000), Err(ScheduleError::BadTime));
        assert_eq!(with(|r| r.id = u32::MAX), Err(ScheduleError::SameId));
        let mut many = good.clone();
        many.list = (1..=300)
            .map(|id| Reminder {
                id,
                ..bedtime(22 * 60)
            })
            .collect();
        assert_eq!(many.check(), Err(ScheduleError::TooMany));
    }

    #[test]
    fn log_entries_are_four_numbers_and_v1_objects_migrate() {
        let entry = LogEntry {
            reminder: 1,
            day: 20_786,
            outcome: Outcome::Done,
            at: 1_795_995_000_000,
        };
        assert_eq!(
            serde_json::to_string(&entry).unwrap(),
            "[1,20786,1,29933250]"
        );
        let v1 = serde_json::json!({ "list": [], "log": [{ "r": 1, "day": 20786, "o": "skip", "at": 1_795_995_000_000i64 }] });
        let v2 = migrate_v1_to_v2(v1).unwrap();
        assert_eq!(v2["log"][0], serde_json::json!([1, 20786, 0, 29933250]));
        let back: Reminders = serde_json::from_value(v2).unwrap();
        assert_eq!(back.log[0].outcome, Outcome::Skipped);
        assert!(migrate_v1_to_v2(serde_json::json!({ "log": [{ "r": 1 }] })).is_err());
    }

    #[test]
    fn fifty_reminders_fit_and_the_fifty_first_is_refused() {
        let mut state = Reminders::default();
        for i in 0..50u16 {
            let r = Reminder {
                id: 0,
                label: format!("R{i}"),
                time: i * 10,
                days: EVERY_DAY,
                enabled: true,
                since_day: 0,
            };
            assert!(state.upsert(r).is_ok());
        }
        let extra = Reminder {
            id: 0,
            label: "One more".into(),
            time: 5,
            days: EVERY_DAY,
            enabled: true,
            since_day: 0,
        };
        assert_eq!(state.upsert(extra), Err(ScheduleError::TooMany));
        assert_eq!(state.list.len(), 50);
        let ids: std::collections::HashSet<_> = state.list.iter().map(|r| r.id).collect();
        assert_eq!(ids.len(), 50);
    }

    /// Issue 25: two tabs. An edit saved over another tab's edit lost it, and an edit of a
    /// reminder deleted in another tab brought it back.
    #[test]
    fn an_edit_is_saved_only_over_the_reminder_it_was_read_from() {
        let mut state = Reminders::default();
        let id = state
            .upsert(Reminder {
                id: 0,
                ..bedtime(22 * 60)
            })
            .unwrap();
        let read = state.list[0].clone();
        let mine = Reminder {
            time: 21 * 60,
            ..read.clone()
        };
        // Another tab renames it meanwhile.
        let mut theirs = read.clone();
        theirs.label = "Heels, theirs".into();
        state.upsert(theirs.clone()).unwrap();
        assert_eq!(
            state.update_if_unchanged(&read, mine.clone()),
            Err(ScheduleError::ChangedElsewhere)
        );
        assert_eq!(state.list, [theirs.clone()]);
        // Read again, the edit goes in.
        assert_eq!(state.update_if_unchanged(&theirs, mine.clone()), Ok(id));
        assert_eq!(state.list[0].time, 21 * 60);
        // Deleted in another tab: neither path brings it back.
        let read = state.list[0].clone();
        state.remove(id);
        assert_eq!(
            state.update_if_unchanged(&read, mine.clone()),
            Err(ScheduleError::Gone)
        );
        assert_eq!(state.upsert(mine), Err(ScheduleError::Gone));
        assert!(state.list.is_empty());
    }

    #[test]
    fn editing_keeps_the_id() {
        let mut state = Reminders::default();
        let id = state
            .upsert(Reminder {
                id: 0,
                ..bedtime(22 * 60)
            })
            .unwrap();
        let edited = Reminder {
            id,
            label: "Heels".into(),
            time: 21 * 60,
            ..bedtime(0)
        };
        assert_eq!(state.upsert(edited), Ok(id));
        assert_eq!(state.list.len(), 1);
        assert_eq!(state.list[0].time_text(), "21:00");
    }
}
