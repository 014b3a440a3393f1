//! When a reminder happens: its days and local time, turned into instants across
//! daylight-saving changes and travel, and the checks on what a person types. Pure: time is
//! milliseconds since the epoch, and the time zone is a function from an instant to its UTC
//! offset, so those changes are tested with fixed tables, never the test machine's zone.
//! What was done with each occurrence, and so whether one is due, is in `due`.

use serde::{Deserialize, Serialize};

pub const MINUTE_MS: i64 = 60_000;
pub const DAY_MS: i64 = 24 * 60 * MINUTE_MS;
pub const MAX_REMINDERS: usize = 50;
pub const MAX_LABEL: usize = 60;

/// Time zones are plain date arithmetic, below every feature and the platform's clock.
pub use crate::dates::Zone;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reminder {
    pub id: u32,
    pub label: String,
    /// Minutes after local midnight.
    #[serde(rename = "t")]
    pub time: u16,
    /// Bit 0 = Monday … bit 6 = Sunday.
    #[serde(rename = "d")]
    pub days: u8,
    #[serde(rename = "on")]
    pub enabled: bool,
    /// The local day it was created: earlier days were never scheduled, so never missed.
    #[serde(rename = "from", default)]
    pub since_day: i64,
}

pub const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
pub const EVERY_DAY: u8 = 0b111_1111;

/// Local day number (days since 1970-01-01 in local time) of an instant.
pub fn local_day(utc_ms: i64, zone: &impl Zone) -> i64 {
    (utc_ms + i64::from(zone.offset_minutes(utc_ms)) * MINUTE_MS).div_euclid(DAY_MS)
}

/// 0 = Monday for a day number (1970-01-01 was a Thursday).
pub fn weekday(day: i64) -> u32 {
    (day + 3).rem_euclid(7) as u32
}

/// The instant a local wall-clock time happens. In a spring-forward gap the time that
/// does not exist is moved forward by the jump; in a fall-back overlap the first one wins.
pub fn instant_of(day: i64, minutes: u16, zone: &impl Zone) -> i64 {
    let wall = day * DAY_MS + i64::from(minutes) * MINUTE_MS;
    let before = wall - i64::from(zone.offset_minutes(wall - DAY_MS / 2)) * MINUTE_MS;
    let after = wall - i64::from(zone.offset_minutes(wall + DAY_MS / 2)) * MINUTE_MS;
    for candidate in [before.min(after), before.max(after)] {
        if candidate + i64::from(zone.offset_minutes(candidate)) * MINUTE_MS == wall {
            return candidate;
        }
    }
    // The wall time fell in a gap: the later offset gives the moment just after the jump.
    before.max(after)
}

impl Reminder {
    pub fn runs_on(&self, day: i64) -> bool {
        self.enabled && day >= self.since_day && self.days & (1 << weekday(day)) != 0
    }

    pub fn occurrence(&self, day: i64, zone: &impl Zone) -> i64 {
        instant_of(day, self.time, zone)
    }

    /// The next time it is due strictly after `now`.
    pub fn next_due(&self, now: i64, zone: &impl Zone) -> Option<i64> {
        let today = local_day(now, zone);
        (today - 1..today + 9)
            .filter(|day| self.runs_on(*day))
            .map(|day| self.occurrence(day, zone))
            .find(|at| *at > now)
    }

    pub fn time_text(&self) -> String {
        format!("{:02}:{:02}", self.time / 60, self.time % 60)
    }

    /// The same time, days and name (case and outer spaces aside): one reminder twice,
    /// which the form refuses and a merge skips.
    pub fn same_schedule(&self, other: &Reminder) -> bool {
        self.time == other.time
            && self.days == other.days
            && self.label.trim().eq_ignore_ascii_case(other.label.trim())
    }

    pub fn days_text(&self) -> String {
        match self.days {
            EVERY_DAY => "Every day".into(),
            WEEKDAYS_ONLY => "Mon-Fri".into(),
            WEEKENDS_ONLY => "Weekends".into(),
            days => WEEKDAYS
                .iter()
                .enumerate()
                .filter(|(i, _)| days & (1 << i) != 0)
                .map(|(_, d)| *d)
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

pub const WEEKDAYS_ONLY: u8 = 0b001_1111;
pub const WEEKENDS_ONLY: u8 = 0b110_0000;

/// What the form offers first for the days. Ticking seven boxes to mean "weekdays" untick
/// the ones meant (all start ticked), so the common schedules are one tap, and "Choose
/// days" starts with none ticked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayChoice {
    EveryDay,
    Weekdays,
    Weekends,
    Choose,
}

impl DayChoice {
    pub const ALL: [DayChoice; 4] = [
        DayChoice::EveryDay,
        DayChoice::Weekdays,
        DayChoice::Weekends,
        DayChoice::Choose,
    ];

    pub fn label(self) -> &'static str {
        match self {
            DayChoice::EveryDay => "Every day",
            DayChoice::Weekdays => "Weekdays (Mon-Fri)",
            DayChoice::Weekends => "Weekends (Sat and Sun)",
            DayChoice::Choose => "Choose days",
        }
    }

    /// The choice that shows `days`: a preset where one matches.
    pub fn of(days: u8) -> DayChoice {
        match days & EVERY_DAY {
            EVERY_DAY => DayChoice::EveryDay,
            WEEKDAYS_ONLY => DayChoice::Weekdays,
            WEEKENDS_ONLY => DayChoice::Weekends,
            _ => DayChoice::Choose,
        }
    }

    /// The days it stands for when picked; "Choose days" starts empty.
    pub fn days(self) -> u8 {
        match self {
            DayChoice::EveryDay => EVERY_DAY,
            DayChoice::Weekdays => WEEKDAYS_ONLY,
            DayChoice::Weekends => WEEKENDS_ONLY,
            DayChoice::Choose => 0,
        }
    }
}

/// The form's save button, restating what it will save: "Save: 21:30, Mon-Fri". Without a
/// valid time or any day it is the plain "Save reminder" (saving then says what is missing).
pub fn save_label(time: &str, days: u8) -> String {
    let Ok(minutes) = parse_time(time) else {
        return "Save reminder".into();
    };
    if days & EVERY_DAY == 0 {
        return "Save reminder".into();
    }
    let reminder = Reminder {
        id: 0,
        label: String::new(),
        time: minutes,
        days,
        enabled: true,
        since_day: 0,
    };
    let days = match days & EVERY_DAY {
        EVERY_DAY => "every day".to_string(),
        WEEKENDS_ONLY => "weekends".to_string(),
        _ => reminder.days_text(),
    };
    format!("Save: {}, {days}", reminder.time_text())
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("Give the reminder a name, for example \"Heels before bed\".")]
    NoLabel,
    #[error("Keep the name under 60 characters.")]
    LabelTooLong,
    #[error("Pick at least one day.")]
    NoDays,
    #[error("Enter a time as hours and minutes, for example 22:00.")]
    BadTime,
    #[error("You already have this reminder at the same time and days.")]
    Duplicate,
    #[error("You have 50 reminders, the most the app keeps. Remove one to add another.")]
    TooMany,
    #[error("Use letters, numbers and punctuation in the name: no line breaks or tabs.")]
    ControlInLabel,
    #[error("Two reminders have the same number.")]
    SameId,
    #[error("This reminder was deleted in another tab or window, so it was not saved again.")]
    Gone,
    #[error("This reminder was changed in another tab or window meanwhile. Here it is as it is now: make your change again if you still want it.")]
    ChangedElsewhere,
}

/// The highest reminder id a stored list may hold: far past what a person makes, far
/// below where the next id would overflow.
pub const MAX_ID: u32 = 1_000_000;

impl Reminder {
    /// What the form checks, for any reminder from anywhere (the form, an import): a name
    /// of 1 to 60 characters without line breaks or tabs, a day, a time within the day.
    pub fn check(&self) -> Result<(), ScheduleError> {
        let label = self.label.trim();
        if label.is_empty() {
            return Err(ScheduleError::NoLabel);
        }
        if label.chars().count() > MAX_LABEL {
            return Err(ScheduleError::LabelTooLong);
        }
        if label.chars().any(char::is_control) {
            return Err(ScheduleError::ControlInLabel);
        }
        if self.days & EVERY_DAY == 0 {
            return Err(ScheduleError::NoDays);
        }
        if self.time >= 24 * 60 {
            return Err(ScheduleError::BadTime);
        }
        Ok(())
    }
}

/// "22:05" -> minutes after midnight.
pub fn parse_time(text: &str) -> Result<u16, ScheduleError> {
    let (h, m) = text.trim().split_once(':').ok_or(ScheduleError::BadTime)?;
    let h: u16 = h.parse().map_err(|_| ScheduleError::BadTime)?;
    let m: u16 = m
        .get(..2)
        .unwrap_or(m)
        .parse()
        .map_err(|_| ScheduleError::BadTime)?;
    if h > 23 || m > 59 {
        return Err(ScheduleError::BadTime);
    }
    Ok(h * 60 + m)
}

/// Zones, instants and a reminder to test with, shared by the tests of `schedule` and `due`.
#[cfg(test)]
pub(super) mod test_support {
    use super::*;

    pub const HOUR: i64 = 60 * MINUTE_MS;
    /// 2026-03-29 00:00 UTC, the day Europe/London moves to summer time at 01:00 UTC.
    pub const SPRING_DAY: i64 = 20_541;

    pub fn utc(_: i64) -> i32 {
        0
    }

    /// Europe/London for 2026: +60 between 2026-03-29 01:00 UTC and 2026-10-25 01:00 UTC.
    pub fn london(ms: i64) -> i32 {
        let spring = SPRING_DAY * DAY_MS + HOUR;
        let autumn = 20_751 * DAY_MS + HOUR;
        if (spring..autumn).contains(&ms) {
            60
        } else {
            0
        }
    }

    pub fn at(day: i64, h: i64, m: i64) -> i64 {
        day * DAY_MS + h * HOUR + m * MINUTE_MS
    }

    pub fn bedtime(time: u16) -> Reminder {
        Reminder {
            id: 1,
            label: "Heels before bed".into(),
            time,
            days: EVERY_DAY,
            enabled: true,
            since_day: 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    #[test]
    fn weekdays_count_from_monday() {
        assert_eq!(weekday(0), 3, "1970-01-01 was a Thursday");
        assert_eq!(weekday(SPRING_DAY), 6, "2026-03-29 is a Sunday");
    }

    #[test]
    fn local_wall_time_holds_across_the_spring_and_autumn_changes() {
        let r = bedtime(22 * 60);
        // The evening before the change 22:00 local is 22:00 UTC; after it, 21:00 UTC.
        assert_eq!(
            r.occurrence(SPRING_DAY - 1, &london),
            at(SPRING_DAY - 1, 22, 0)
        );
        assert_eq!(r.occurrence(SPRING_DAY, &london), at(SPRING_DAY, 21, 0));
        assert_eq!(
            r.next_due(at(SPRING_DAY, 12, 0), &london),
            Some(at(SPRING_DAY, 21, 0))
        );
        // After the autumn change it is 22:00 UTC again.
        assert_eq!(r.occurrence(20_751, &london), at(20_751, 22, 0));
    }

    #[test]
    fn a_time_inside_the_spring_gap_moves_to_just_after_it() {
        // 01:30 local does not exist on 2026-03-29 in London (01:00 -> 02:00).
        let r = bedtime(90);
        let when = r.occurrence(SPRING_DAY, &london);
        assert_eq!(
            when,
            at(SPRING_DAY, 1, 30),
            "02:30 BST, the first moment after the jump"
        );
        assert_eq!(london(when), 60);
    }

    #[test]
    fn weekday_only_reminders_skip_the_weekend() {
        let r = Reminder {
            days: 0b001_1111,
            ..bedtime(22 * 60)
        };
        // 2026-03-28 is a Saturday: next due is Monday 30th.
        assert_eq!(
            r.next_due(at(SPRING_DAY - 1, 12, 0), &utc),
            Some(at(SPRING_DAY + 1, 22, 0))
        );
        assert_eq!(r.days_text(), "Mon-Fri");
    }

    /// Issue 26: with all seven days ticked at the start, tapping Mon-Fri to mean weekdays
    /// saved "Weekends". The presets give the days meant, "Choose days" starts empty, and
    /// the save button says what it will save.
    #[test]
    fn day_choices_give_the_days_they_name_and_the_button_restates_them() {
        assert_eq!(DayChoice::Weekdays.days(), WEEKDAYS_ONLY);
        assert_eq!(DayChoice::Choose.days(), 0);
        for choice in DayChoice::ALL {
            if choice != DayChoice::Choose {
                assert_eq!(DayChoice::of(choice.days()), choice);
            }
        }
        assert_eq!(DayChoice::of(0b000_0101), DayChoice::Choose);
        assert_eq!(save_label("21:30", WEEKDAYS_ONLY), "Save: 21:30, Mon-Fri");
        assert_eq!(save_label("22:00", EVERY_DAY), "Save: 22:00, every day");
        assert_eq!(save_label("22:00", 0b000_0101), "Save: 22:00, Mon, Wed");
        assert_eq!(save_label("22:00", 0), "Save reminder");
        assert_eq!(save_label("", EVERY_DAY), "Save reminder");
    }
}
