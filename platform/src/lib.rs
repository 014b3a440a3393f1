//! Thin, fallible wrappers over browser APIs, and `storage`, the one owner of what the app
//! keeps. Features call these, never web-sys directly, so that a phone that says "no" gives
//! an error value instead of a crash. This crate depends on the pure core, never on the app.

pub mod address;
pub mod clock;
pub mod document;
pub mod files;
pub mod idle;
pub mod images;
pub mod install;
pub mod locale;
pub mod network;
pub mod notifications;
pub mod persistence;
pub mod service_worker;
pub mod share;
pub mod storage;
pub mod storage_events;

#[derive(Debug, thiserror::Error)]
pub enum PlatformError {
    #[error("this browser does not offer {0}")]
    Unsupported(&'static str),
    #[error("{what} failed: {detail}")]
    Failed { what: &'static str, detail: String },
}

impl PlatformError {
    pub(crate) fn failed(what: &'static str, error: wasm_bindgen::JsValue) -> Self {
        let detail = js_sys::Reflect::get(&error, &"message".into())
            .ok()
            .and_then(|message| message.as_string())
            .or_else(|| error.as_string())
            .unwrap_or_else(|| format!("{error:?}"));
        PlatformError::Failed { what, detail }
    }
}
