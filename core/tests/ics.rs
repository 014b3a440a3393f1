//! The calendar export read back by an independent iCalendar parser (the `ical` crate).
#![cfg(not(target_arch = "wasm32"))]

use legs_core::reminders::ics::calendar;
use legs_core::reminders::schedule::{Reminder, DAY_MS};

/// Europe/London for 2026-2027 as a fixed table: summer time from the last Sunday of
/// March to the last Sunday of October, changing at 01:00 UTC.
fn london(ms: i64) -> i32 {
    let hour = 3_600_000;
    let summers = [(20_541, 20_751), (20_905, 21_122)];
    let summer = summers
        .iter()
        .any(|(from, to)| (from * DAY_MS + hour..to * DAY_MS + hour).contains(&ms));
    if summer {
        60
    } else {
        0
    }
}

fn property<'a>(
    properties: &'a [ical::property::Property],
    name: &str,
) -> Option<&'a ical::property::Property> {
    properties.iter().find(|p| p.name == name)
}

#[test]
fn the_export_parses_as_weekly_events_with_alarms_time_zone_and_stable_uids() {
    let reminders = vec![
        Reminder {
            id: 7,
            label: "Heels, before bed".into(),
            time: 22 * 60,
            days: 0b111_1111,
            enabled: true,
            since_day: 0,
        },
        Reminder {
            id: 9,
            label: "Weekend soles".into(),
            time: 21 * 60 + 30,
            days: 0b110_0000,
            enabled: true,
            since_day: 0,
        },
    ];
    let now = 20_786 * DAY_MS + 12 * 3_600_000;
    let text = calendar(&reminders, "Europe/London", &london, now);
    let mut parser = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    let calendar = parser.next().expect("one calendar").expect("parses");
    assert!(parser.next().is_none());

    assert_eq!(calendar.timezones.len(), 1);
    let zone = &calendar.timezones[0];
    assert_eq!(
        property(&zone.properties, "TZID").and_then(|p| p.value.as_deref()),
        Some("Europe/London")
    );
    assert_eq!(zone.transitions.len(), 2, "summer and winter rules");
    assert!(text.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"));
    assert!(text.contains("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"));

    assert_eq!(calendar.events.len(), 2);
    for (event, (uid, byday)) in calendar.events.iter().zip([
        ("reminder-7@legs-at-night.app", "MO,TU,WE,TH,FR,SA,SU"),
        ("reminder-9@legs-at-night.app", "SA,SU"),
    ]) {
        assert_eq!(
            property(&event.properties, "UID").and_then(|p| p.value.as_deref()),
            Some(uid)
        );
        let rrule = property(&event.properties, "RRULE")
            .and_then(|p| p.value.clone())
            .unwrap();
        assert_eq!(rrule, format!("FREQ=WEEKLY;BYDAY={byday}"));
        let start = property(&event.properties, "DTSTART").unwrap();
        let params = start.params.clone().unwrap_or_default();
        assert!(
            params
                .iter()
                .any(|(k, v)| k == "TZID" && v == &vec!["Europe/London".to_string()]),
            "{params:?}"
        );
        assert_eq!(event.alarms.len(), 1, "an alert at the time");
        assert_eq!(
            property(&event.alarms[0].properties, "TRIGGER").and_then(|p| p.value.as_deref()),
            Some("PT0M")
        );
    }
    let first_start =
        property(&calendar.events[0].properties, "DTSTART").and_then(|p| p.value.clone());
    assert_eq!(first_start.as_deref(), Some("20261129T220000"));
    let summary = property(&calendar.events[0].properties, "SUMMARY")
        .and_then(|p| p.value.clone())
        .unwrap();
    assert!(summary.starts_with("Heels"), "{summary}");
}
