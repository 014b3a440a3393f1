//! The pure core of Legs at Night: what the app decides and keeps, without a browser.
//! Everything here runs and is tested natively; the app crate renders it and the platform
//! crate stores it. Nothing here may depend on Leptos, web-sys or js-sys: `scripts/test`
//! checks that with `cargo tree`.

pub mod clinical;
pub mod dates;
pub mod diary;
pub mod foot_check;
pub mod install;
pub mod learn;
pub mod photos;
pub mod quiz;
pub mod reminders;
pub mod settings;
pub mod storage;
