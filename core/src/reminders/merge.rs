//! Merging a backup's reminders into this phone's: "keep what is here and add what is new".

use super::due::{LogEntry, Reminders};
use super::schedule::{Reminder, MAX_REMINDERS};
use std::collections::BTreeMap;

/// What a merge did with the backup's reminders, for the message after an import.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct MergeCount {
    pub added: usize,
    /// The same time, days and name as one kept here.
    pub duplicates: usize,
    /// Left out: the app keeps at most `MAX_REMINDERS`.
    pub over_limit: usize,
}

impl Reminders {
    /// Adds `incoming`'s reminders to these, each under a new id (a number from another
    /// phone means nothing here, and reusing one would mix two reminders' nights), none
    /// past the limit and none that repeats one kept here; their done and skipped nights
    /// come along to the reminder they now belong to, without replacing a night logged here.
    pub fn merge_in(&mut self, incoming: &Reminders) -> MergeCount {
        let mut count = MergeCount::default();
        let mut ids: BTreeMap<u32, u32> = BTreeMap::new();
        for reminder in &incoming.list {
            if let Some(kept) = self.list.iter().find(|r| r.same_schedule(reminder)) {
                ids.insert(reminder.id, kept.id);
                count.duplicates += 1;
                continue;
            }
            if self.list.len() >= MAX_REMINDERS {
                count.over_limit += 1;
                continue;
            }
            let id = self.take_next_id();
            self.list.push(Reminder {
                id,
                ..reminder.clone()
            });
            ids.insert(reminder.id, id);
            count.added += 1;
        }
        for entry in &incoming.log {
            let Some(&reminder) = ids.get(&entry.reminder) else {
                continue;
            };
            if !self
                .log
                .iter()
                .any(|e| e.reminder == reminder && e.day == entry.day)
            {
                self.log.push(LogEntry {
                    reminder,
                    ..entry.clone()
                });
            }
        }
        count
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reminders::due::Outcome;
    use crate::reminders::schedule::test_support::*;

    fn named(id: u32, label: &str, time: u16) -> Reminder {
        Reminder {
            id,
            label: label.into(),
            ..bedtime(time)
        }
    }

    /// Issue 25: "Merge" dropped every reminder of the backup that the preview counted.
    #[test]
    fn merge_adds_new_reminders_under_new_ids_and_skips_the_same_schedule() {
        let mut here = Reminders {
            list: vec![named(1, "Heels before bed", 22 * 60)],
            next_id: 2,
            ..Default::default()
        };
        let mut backup = Reminders {
            list: vec![
                named(1, "Soles", 21 * 60),
                named(2, "heels before bed ", 22 * 60),
            ],
            ..Default::default()
        };
        backup.record(1, 20_000, Outcome::Done, 5);
        backup.record(2, 20_000, Outcome::Skipped, 6);
        here.record(1, 20_000, Outcome::Done, 7);
        let count = here.merge_in(&backup);
        assert_eq!(
            count,
            MergeCount {
                added: 1,
                duplicates: 1,
                over_limit: 0
            }
        );
        assert_eq!(here.list.len(), 2);
        assert_eq!(here.list[1].id, 2);
        assert_eq!(here.list[1].label, "Soles");
        assert_eq!(here.next_id, 3);
        // "Soles"' done night follows it to its new id; the night logged here stays.
        let log: Vec<(u32, i64, Outcome)> = here
            .log
            .iter()
            .map(|e| (e.reminder, e.day, e.outcome))
            .collect();
        assert_eq!(
            log,
            [(1, 20_000, Outcome::Done), (2, 20_000, Outcome::Done)]
        );
        assert!(here.check().is_ok());
    }

    #[test]
    fn merge_stops_at_the_limit_and_counts_what_it_left_out() {
        let mut here = Reminders {
            list: (1..=49)
                .map(|i| named(i, &format!("R{i}"), i as u16))
                .collect(),
            next_id: 50,
            ..Default::default()
        };
        let backup = Reminders {
            list: (1..=3)
                .map(|i| named(i, &format!("New {i}"), 1000 + i as u16))
                .collect(),
            ..Default::default()
        };
        let count = here.merge_in(&backup);
        assert_eq!((count.added, count.over_limit), (1, 2));
        assert_eq!(here.list.len(), MAX_REMINDERS);
        assert!(here.check().is_ok());
    }
}
