//! The reminder history: a 30-day calendar, the current streak and the share done. Pure.

use super::due::{Outcome, Reminders};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayMark {
    /// Nothing was scheduled that day.
    Free,
    AllDone,
    /// Some scheduled applications were done.
    Partly,
    Skipped,
    Missed,
    /// Today, not finished yet.
    Pending,
}

#[derive(Debug, Clone, PartialEq)]
pub struct History {
    /// Oldest first, the last entry is today.
    pub days: Vec<(i64, DayMark)>,
    /// Scheduled days in a row, up to today, with every application done.
    pub streak: u32,
    pub scheduled: u32,
    pub done: u32,
}

impl History {
    pub fn share_done(&self) -> Option<u32> {
        (self.scheduled > 0).then(|| (self.done * 100 + self.scheduled / 2) / self.scheduled)
    }
}

/// Reminders count for the days they existed in the log or are scheduled now; a day that
/// was scheduled and has no log entry was missed (the app need not have been opened).
pub fn history(reminders: &Reminders, today: i64, days: u32) -> History {
    let mut out = Vec::new();
    let (mut scheduled, mut done) = (0, 0);
    for day in today - i64::from(days) + 1..=today {
        let due: Vec<u32> = reminders
            .list
            .iter()
            .filter(|r| r.runs_on(day))
            .map(|r| r.id)
            .collect();
        let outcome = |id: u32| {
            reminders
                .log
                .iter()
                .rev()
                .find(|e| e.reminder == id && e.day == day)
                .map(|e| e.outcome)
        };
        let done_today = due
            .iter()
            .filter(|id| outcome(**id) == Some(Outcome::Done))
            .count() as u32;
        let skipped = due
            .iter()
            .filter(|id| outcome(**id) == Some(Outcome::Skipped))
            .count() as u32;
        let counted = due.len() as u32 - skipped;
        let mark = if due.is_empty() {
            DayMark::Free
        } else if done_today == counted && counted > 0 {
            DayMark::AllDone
        } else if counted == 0 {
            DayMark::Skipped
        } else if day == today {
            DayMark::Pending
        } else if done_today > 0 {
            DayMark::Partly
        } else {
            DayMark::Missed
        };
        if day != today || mark == DayMark::AllDone {
            scheduled += counted;
            done += done_today;
        }
        out.push((day, mark));
    }
    let streak = out
        .iter()
        .rev()
        .skip_while(|(_, mark)| *mark == DayMark::Pending)
        .filter(|(_, mark)| !matches!(mark, DayMark::Free | DayMark::Skipped))
        .take_while(|(_, mark)| *mark == DayMark::AllDone)
        .count() as u32;
    History {
        days: out,
        streak,
        scheduled,
        done,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reminders::schedule::{Reminder, EVERY_DAY};

    fn state(done_days: &[i64]) -> Reminders {
        let mut r = Reminders {
            list: vec![Reminder {
                id: 1,
                label: "Heels".into(),
                time: 22 * 60,
                days: EVERY_DAY,
                enabled: true,
                since_day: 0,
            }],
            ..Default::default()
        };
        for day in done_days {
            r.record(1, *day, Outcome::Done, day * 86_400_000);
        }
        r
    }

    #[test]
    fn streak_counts_back_from_today_or_last_night() {
        let h = history(&state(&[97, 98, 99]), 100, 30);
        assert_eq!(h.streak, 3, "today still pending does not break it");
        assert_eq!(h.days.last(), Some(&(100, DayMark::Pending)));
        let h = history(&state(&[97, 98, 99, 100]), 100, 30);
        assert_eq!(h.streak, 4, "done today extends it");
        let h = history(&state(&[96, 98, 99]), 100, 30);
        assert_eq!(h.streak, 2, "a missed night ends it");
    }

    #[test]
    fn share_done_over_the_window_excludes_an_unfinished_today() {
        let h = history(&state(&[91, 93, 95, 97, 99]), 100, 10);
        assert_eq!(h.scheduled, 9);
        assert_eq!(h.done, 5);
        assert_eq!(h.share_done(), Some(56));
        assert_eq!(
            h.days.iter().filter(|(_, m)| *m == DayMark::Missed).count(),
            4
        );
    }

    #[test]
    fn skipped_nights_neither_count_nor_break_the_streak() {
        let mut r = state(&[97, 99]);
        r.record(1, 98, Outcome::Skipped, 0);
        let h = history(&r, 100, 5);
        assert_eq!(h.streak, 2);
        assert_eq!(h.days[3], (99, DayMark::AllDone));
        assert_eq!(h.days[2], (98, DayMark::Skipped));
    }

    #[test]
    fn nights_before_a_reminder_existed_are_not_missed() {
        let mut r = state(&[100]);
        r.list[0].since_day = 100;
        let h = history(&r, 100, 30);
        assert_eq!(h.share_done(), Some(100));
        assert_eq!(
            h.days.iter().filter(|(_, m)| *m == DayMark::Missed).count(),
            0
        );
        assert_eq!(h.streak, 1);
    }

    #[test]
    fn no_reminders_means_free_days_and_no_share() {
        let h = history(&Reminders::default(), 100, 30);
        assert!(h.days.iter().all(|(_, m)| *m == DayMark::Free));
        assert_eq!(h.share_done(), None);
        assert_eq!(h.streak, 0);
    }
}
