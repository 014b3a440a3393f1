pub mod archive;
pub mod backup;
pub mod envelope;
pub mod keys;
pub mod stored_backup;
pub mod transfer;

pub use keys::{Key, DIARY, FOOT_CHECKS, QUIZ_PROGRESS, QUIZ_RESULTS, REMINDERS, SETTINGS};
