//! Moisturising reminders: schedules (`schedule`) and due logic (`due`), history, calendar export (pure), the
//! state kept through `storage`, the screens, and the notification glue.

pub use legs_core::reminders::{due, ics, schedule, stats};
mod alerts;
mod state;
mod views;

pub use state::RemindersState;
pub use views::RemindersPage;
