//! Moisturising reminders: schedules (`schedule`) and due logic (`due`), history, calendar export (pure), the
//! state kept through `storage`, the screens, and the notification glue.

pub mod due;
pub mod ics;
mod on_start;
pub mod schedule;
mod state;
pub mod stats;
mod views;

pub use on_start::{start_if_wanted, DueRemindersOnHome};
pub use state::RemindersState;
pub use views::{DueReminders, RemindersPage};
