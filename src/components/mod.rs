//! Widgets shared by several features.

pub mod call_links;
pub mod choice_group;
pub mod confirm;
pub mod due_reminders;
pub mod focused_heading;
pub mod get_help;
pub mod in_next_task;
pub mod install;
pub mod last_result;
pub mod notices;
pub mod photos;
pub mod pictures;
pub mod step_heading;
pub mod table_scroll;
pub mod urgency_banner;
pub mod warning_signs;

pub use call_links::{CallLinks, EmergencyCallButton};
pub use choice_group::ChoiceGroup;
pub use confirm::{ConfirmFirst, Question};
pub use due_reminders::{DueReminders, DueRemindersOnHome};
pub use focused_heading::FocusedHeading;
pub use get_help::GetHelpBox;
pub use in_next_task::InNextTask;
pub use install::{InstallInSettings, InstallOffer, SafariDataWarning};
pub use last_result::LastResultOnHome;
pub use notices::{NoticeList, Notices};
pub use pictures::{Figure, HowToLie};
pub use step_heading::StepHeading;
pub use table_scroll::TableScroll;
pub use urgency_banner::UrgencyBanner;
pub use warning_signs::WarningSigns;
