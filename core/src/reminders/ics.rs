//! "Add to my calendar": an RFC 5545 iCalendar file, one weekly event per reminder, in
//! local time with a VTIMEZONE built from the device's own offsets, an alarm at the
//! time, and stable UIDs so importing again updates instead of duplicating.

use super::schedule::{instant_of, weekday, Reminder, Zone, DAY_MS, MINUTE_MS};
use crate::dates::civil_from_days;

const BYDAY: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// A TEXT value: backslash, semicolon and comma escaped, a line break as `\n`, and every
/// other control character dropped, so nothing in a name can start a line of its own
/// (a lenient calendar would read it as a property).
fn escape(text: &str) -> String {
    text.chars()
        .filter(|c| *c == '\n' || !c.is_control())
        .collect::<String>()
        .replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds lines longer than 75 octets, as the RFC requires.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for ch in line.chars() {
        if width + ch.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += ch.len_utf8();
    }
    out.push_str("\r\n");
    out
}

fn date_time(day: i64, minutes: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!(
        "{y:04}{m:02}{d:02}T{:02}{:02}00",
        minutes / 60,
        minutes % 60
    )
}

fn offset_text(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    format!("{sign}{:02}{:02}", minutes.abs() / 60, minutes.abs() % 60)
}

/// The yearly rule of a transition on `day`: "the nth (or last) weekday of the month".
fn yearly_rule(day: i64) -> String {
    let (_, month, date) = civil_from_days(day);
    let (_, next_month, _) = civil_from_days(day + 7);
    let nth = if next_month != month {
        -1
    } else {
        (i64::from(date) - 1) / 7 + 1
    };
    format!(
        "FREQ=YEARLY;BYMONTH={month};BYDAY={nth}{}",
        BYDAY[weekday(day) as usize]
    )
}

/// Offset changes during the year after `from_day`: (day, local minutes of the change, from, to).
fn transitions(zone: &impl Zone, from_day: i64) -> Vec<(i64, i64, i32, i32)> {
    let mut found = Vec::new();
    let start = from_day * DAY_MS;
    let mut previous = zone.offset_minutes(start);
    // Hourly steps find every change; real zones change on the hour or half hour.
    for hour in 1..(366 * 24) {
        let at = start + hour * 60 * MINUTE_MS;
        let offset = zone.offset_minutes(at);
        if offset != previous {
            let local = at + i64::from(previous) * MINUTE_MS;
            found.push((
                local.div_euclid(DAY_MS),
                local.rem_euclid(DAY_MS) / MINUTE_MS,
                previous,
                offset,
            ));
            previous = offset;
        }
    }
    found
}

fn vtimezone(tzid: &str, zone: &impl Zone, today: i64) -> String {
    let mut out = format!("BEGIN:VTIMEZONE\r\nTZID:{}\r\n", escape(tzid));
    let changes = transitions(zone, today);
    if changes.is_empty() {
        let offset = offset_text(zone.offset_minutes(today * DAY_MS));
        out += &format!("BEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:{offset}\r\nTZOFFSETTO:{offset}\r\nEND:STANDARD\r\n");
    }
    for (day, minutes, from, to) in changes {
        let kind = if to > from { "DAYLIGHT" } else { "STANDARD" };
        out += &format!(
            "BEGIN:{kind}\r\nDTSTART:{}\r\nRRULE:{}\r\nTZOFFSETFROM:{}\r\nTZOFFSETTO:{}\r\nEND:{kind}\r\n",
            date_time(day, minutes),
            yearly_rule(day),
            offset_text(from),
            offset_text(to)
        );
    }
    out + "END:VTIMEZONE\r\n"
}

/// The whole calendar. `tzid` is the device's zone name (e.g. "Europe/London").
pub fn calendar(reminders: &[Reminder], tzid: &str, zone: &impl Zone, now: i64) -> String {
    let today = (now + i64::from(zone.offset_minutes(now)) * MINUTE_MS).div_euclid(DAY_MS);
    let stamp = {
        let day = now.div_euclid(DAY_MS);
        let (y, m, d) = civil_from_days(day);
        let secs = now.rem_euclid(DAY_MS) / 1000;
        format!(
            "{y:04}{m:02}{d:02}T{:02}{:02}{:02}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        )
    };
    let mut out = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Legs at Night//Reminders//EN\r\nCALSCALE:GREGORIAN\r\n");
    out += &vtimezone(tzid, zone, today);
    for reminder in reminders.iter().filter(|r| r.enabled && r.days != 0) {
        let first = (today..today + 7)
            .find(|day| reminder.runs_on(*day))
            .unwrap_or(today);
        let days: Vec<&str> = (0..7)
            .filter(|i| reminder.days & (1 << i) != 0)
            .map(|i| BYDAY[i])
            .collect();
        // Checks that the local time exists on the first day (not inside a DST gap).
        let _ = instant_of(first, reminder.time, zone);
        for line in [
            "BEGIN:VEVENT".to_string(),
            format!("UID:reminder-{}@legs-at-night.app", reminder.id),
            format!("DTSTAMP:{stamp}"),
            format!(
                "DTSTART;TZID={}:{}",
                escape(tzid),
                date_time(first, i64::from(reminder.time))
            ),
            "DURATION:PT5M".to_string(),
            format!("RRULE:FREQ=WEEKLY;BYDAY={}", days.join(",")),
            format!("SUMMARY:{}", escape(&reminder.label)),
            "DESCRIPTION:Heavy emollient on soles and heels - never between the toes.".to_string(),
            "BEGIN:VALARM".to_string(),
            "ACTION:DISPLAY".to_string(),
            format!("DESCRIPTION:{}", escape(&reminder.label)),
            "TRIGGER:PT0M".to_string(),
            "END:VALARM".to_string(),
            "END:VEVENT".to_string(),
        ] {
            out += &fold(&line);
        }
    }
    out + "END:VCALENDAR\r\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reminders::schedule::EVERY_DAY;

    fn london(ms: i64) -> i32 {
        let hour = 3_600_000;
        if (20_541 * DAY_MS + hour..20_751 * DAY_MS + hour).contains(&ms) {
            60
        } else {
            0
        }
    }

    #[test]
    fn transitions_become_yearly_rules() {
        assert_eq!(yearly_rule(20_541), "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        let changes = transitions(&london, 20_454);
        assert_eq!(changes, vec![(20_541, 60, 0, 60), (20_751, 120, 60, 0)]);
    }

    #[test]
    fn lines_are_folded_and_text_escaped() {
        let long = "x".repeat(100);
        let folded = fold(&long);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75));
        assert_eq!(escape("a, b; c"), "a\\, b\\; c");
        // Issue 24: a carriage return in a name reached the file as a line of its own.
        assert_eq!(escape("Heels\r\nX-EVIL:1\t\u{0}"), "Heels\\nX-EVIL:1");
    }

    #[test]
    fn one_event_per_enabled_reminder_with_a_stable_uid() {
        let reminders = vec![
            Reminder {
                id: 3,
                label: "Heels, before bed".into(),
                time: 22 * 60,
                days: EVERY_DAY,
                enabled: true,
                since_day: 0,
            },
            Reminder {
                id: 4,
                label: "Off".into(),
                time: 60,
                days: EVERY_DAY,
                enabled: false,
                since_day: 0,
            },
        ];
        let ics = calendar(&reminders, "Europe/London", &london, 20_786 * DAY_MS);
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
        assert!(ics.contains("UID:reminder-3@legs-at-night.app"));
        assert!(ics.contains("SUMMARY:Heels\\, before bed"));
        assert!(ics.contains("DTSTART;TZID=Europe/London:20261129T220000"));
        assert_eq!(
            ics,
            calendar(&reminders, "Europe/London", &london, 20_786 * DAY_MS)
        );
    }
}
