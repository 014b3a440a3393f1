//! Every key the app stores, with its current schema and the migrations from older ones.
//! Bump `schema` and append a migration whenever a stored shape changes; the fixture test
//! in `tests/storage_fixtures.rs` keeps every earlier version loadable.

use super::envelope::Migration;

pub struct Key {
    pub name: &'static str,
    pub schema: u32,
    pub migrations: &'static [Migration],
}

pub const PREFIX: &str = "lan.";

pub const SETTINGS: Key = Key {
    name: "lan.settings",
    schema: 1,
    migrations: &[],
};

pub const QUIZ_PROGRESS: Key = Key {
    name: "lan.quiz.progress",
    // 2: SPEC v3's questions: legs up and hanging down as two questions.
    schema: 2,
    migrations: &[crate::quiz::flow::migrate_progress_v1_to_v2],
};

pub const QUIZ_RESULTS: Key = Key {
    name: "lan.quiz.results",
    schema: 1,
    migrations: &[],
};

pub const FOOT_CHECKS: Key = Key {
    name: "lan.footchecks",
    // 2: notes as arrays instead of objects. 3: the temperature as same, one warmer or
    // one colder (was true or false), and whether a colder foot eases hanging down.
    // 4: whether a colder foot came suddenly, and the touch-the-toes test.
    schema: 4,
    migrations: &[
        crate::foot_check::model::migrate_v1_to_v2,
        crate::foot_check::model::migrate_v2_to_v3,
        crate::foot_check::model::migrate_v3_to_v4,
    ],
};

pub const REMINDERS: Key = Key {
    name: "lan.reminders",
    // 2: log entries as four numbers, the tap time to the minute. 3: the next id, so ids
    // are never reused, and the records that passed to a reused id dropped.
    schema: 3,
    migrations: &[
        crate::reminders::due::migrate_v1_to_v2,
        crate::reminders::due::migrate_v2_to_v3,
    ],
};

pub const DIARY: Key = Key {
    name: "lan.diary",
    schema: 1,
    migrations: &[],
};

pub const ALL: [&Key; 6] = [
    &SETTINGS,
    &QUIZ_PROGRESS,
    &QUIZ_RESULTS,
    &FOOT_CHECKS,
    &REMINDERS,
    &DIARY,
];

pub fn by_name(name: &str) -> Option<&'static Key> {
    ALL.into_iter().find(|key| key.name == name)
}
