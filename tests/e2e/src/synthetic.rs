//! Years of nightly use, made up the same way every run: a diary entry, a foot check and two
//! moisturising reminders done each night. The benchmarks store it (`storage_bench`) or
//! import it through the app (`year_bench`).

use legs_core::diary::model::{Entry, FeetToday, Helper, Place, Position};
use legs_core::foot_check::model::{Area, Draft, Foot, FootCheck, Mark, Temperature};
use legs_core::reminders::due::{Outcome, Reminders};
use legs_core::reminders::schedule::{Reminder, EVERY_DAY};

/// A small deterministic generator, so every run stores the same bytes.
pub struct Lcg(pub u64);
impl Lcg {
    pub fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

pub struct Nights {
    pub diary: Vec<Entry>,
    pub checks: Vec<FootCheck>,
    pub reminders: Reminders,
}

/// Today, in days since 1970 (UTC), for data that ends last night.
pub fn today() -> i64 {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970");
    (now.as_millis() / 86_400_000) as i64
}

/// The evening of `day` (days since 1970), 22:00 UTC, in ms.
pub fn night_ms(day: i64) -> i64 {
    day * 86_400_000 + 22 * 3_600_000
}

/// `days` nights ending the day before `last_day`.
pub fn nights(last_day: i64, days: i64) -> Nights {
    let first_day = last_day - days;
    let mut rng = Lcg(42);
    let mut diary = Vec::new();
    let mut checks = Vec::new();
    let mut reminders = Reminders {
        list: vec![
            Reminder {
                id: 1,
                label: "Heels before bed".into(),
                time: 22 * 60,
                days: EVERY_DAY,
                enabled: true,
                since_day: first_day,
            },
            Reminder {
                id: 2,
                label: "Soles after shower".into(),
                time: 8 * 60,
                days: EVERY_DAY,
                enabled: true,
                since_day: first_day,
            },
        ],
        notify: true,
        ..Default::default()
    };
    for day in first_day..last_day {
        let night_ms = night_ms(day);
        diary.push(Entry {
            night: day,
            pain: Some(rng.next(8) as u8),
            places: if rng.next(3) == 0 {
                vec![Place::HeelSkin, Place::Feet]
            } else {
                vec![Place::HeelSkin]
            },
            positions: if rng.next(2) == 0 {
                vec![Position::OnSide]
            } else {
                vec![]
            },
            helped: if rng.next(2) == 0 {
                vec![Helper::Emollient]
            } else {
                vec![]
            },
            feet: Some(if rng.next(4) == 0 {
                FeetToday::Cracks
            } else {
                FeetToday::Fine
            }),
            moisturized: rng.next(5) != 0,
            warnings: vec![],
            note: if rng.next(10) == 0 {
                "Woke up twice, heel stinging.".into()
            } else {
                String::new()
            },
        });
        let mut draft = Draft::new();
        for foot in Foot::BOTH {
            for area in Area::ALL {
                let mark = match rng.next(20) {
                    0 => vec![Mark::DryFlaky, Mark::Crack],
                    1 | 2 => vec![Mark::DryFlaky],
                    _ => vec![Mark::Fine],
                };
                draft.insert((foot, area), mark);
            }
        }
        checks.push(FootCheck::from_draft(
            night_ms as u64,
            Some(Temperature::Same),
            false,
            rng.next(3) == 0,
            &draft,
        ));
        reminders.record(1, day, Outcome::Done, night_ms + 300_000);
        reminders.record(2, day, Outcome::Done, night_ms - 14 * 3_600_000);
    }
    Nights {
        diary,
        checks,
        reminders,
    }
}
