//! What a notification's address (`/reminders?act=done&r=…&day=…`) may do. Anyone can type
//! or craft such a link, so it acts only for a reminder that exists, on the night that is
//! due, overdue or snoozed now; otherwise it changes nothing, and says why.

use super::due::{Reminders, Status};
use super::schedule::Zone;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LinkRefusal {
    #[error("That link is for a reminder that is not on this phone, so nothing was marked.")]
    NoSuchReminder,
    #[error("“{0}” was already marked done for that night.")]
    AlreadyDone(String),
    #[error("That link is for a night of “{0}” that is not due now, so nothing was marked. Mark it here when it is due.")]
    NotDueNow(String),
}

impl Reminders {
    /// The reminder's label when a link may act on `reminder` for `day` at `now`.
    pub fn check_link(
        &self,
        reminder: u32,
        day: i64,
        now: i64,
        zone: &impl Zone,
    ) -> Result<String, LinkRefusal> {
        let found = self
            .list
            .iter()
            .find(|r| r.id == reminder)
            .ok_or(LinkRefusal::NoSuchReminder)?;
        match self.status(found, now, zone) {
            Status::DueNow { day: due, .. }
            | Status::Overdue { day: due, .. }
            | Status::Snoozed { day: due, .. }
                if due == day =>
            {
                Ok(found.label.clone())
            }
            Status::Done { day: done, .. } if done == day => {
                Err(LinkRefusal::AlreadyDone(found.label.clone()))
            }
            _ => Err(LinkRefusal::NotDueNow(found.label.clone())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reminders::due::Outcome;
    use crate::reminders::schedule::test_support::*;

    fn one_at_ten() -> Reminders {
        Reminders {
            list: vec![bedtime(22 * 60)],
            ..Default::default()
        }
    }

    #[test]
    fn a_link_acts_for_the_night_due_now_only() {
        let reminders = one_at_ten();
        let day = 20_000;
        let label = reminders.list[0].label.clone();
        assert_eq!(
            reminders.check_link(1, day, at(day, 22, 5), &utc),
            Ok(label.clone())
        );
        // Overdue after midnight still counts for last night.
        assert_eq!(
            reminders.check_link(1, day, at(day + 1, 1, 0), &utc),
            Ok(label.clone())
        );
        // Issue 25: tomorrow's night, or one before it is due, was marked done.
        assert_eq!(
            reminders.check_link(1, day + 1, at(day, 22, 5), &utc),
            Err(LinkRefusal::NotDueNow(label.clone()))
        );
        assert_eq!(
            reminders.check_link(1, day, at(day, 21, 0), &utc),
            Err(LinkRefusal::NotDueNow(label.clone()))
        );
        assert_eq!(
            reminders.check_link(7, day, at(day, 22, 5), &utc),
            Err(LinkRefusal::NoSuchReminder)
        );
    }

    #[test]
    fn a_night_already_done_is_said_so() {
        let mut reminders = one_at_ten();
        let day = 20_000;
        reminders.record(1, day, Outcome::Done, at(day, 22, 1));
        assert!(matches!(
            reminders.check_link(1, day, at(day, 22, 5), &utc),
            Err(LinkRefusal::AlreadyDone(_))
        ));
    }
}
