//! The one source of time for features, so tests can reason about it in one place.

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// This device's offset east of UTC, in minutes, at the given moment.
pub fn offset_minutes_at(ms: f64) -> i32 {
    // JavaScript reports minutes *west* of UTC.
    -(js_sys::Date::new(&ms.into()).get_timezone_offset() as i32)
}

/// "29 Nov 2026, 23:05" in the device's local time.
pub fn format_local(ms: f64) -> String {
    legs_core::dates::format_local(ms, offset_minutes_at(ms))
}

/// The night the diary is filling now, in the device's time: the evening's date, until 6 the
/// next morning.
pub fn tonight() -> i64 {
    let now = now_ms();
    legs_core::diary::model::night_of(now as i64, offset_minutes_at(now))
}

/// "23:05" in the device's local time.
pub fn time_of_day(ms: i64) -> String {
    let text = format_local(ms as f64);
    text.rsplit(", ").next().unwrap_or(&text).to_string()
}

/// The device's own time zone, for the reminder schedule.
pub struct DeviceZone;

impl legs_core::dates::Zone for DeviceZone {
    fn offset_minutes(&self, utc_ms: i64) -> i32 {
        offset_minutes_at(utc_ms as f64)
    }
}

/// Calls `tick` every `period_ms` while the reactive owner that asked lives: the interval
/// is cleared with it (Leptos's own helper), so a state made again never ticks twice.
pub fn every(period_ms: u64, tick: impl Fn() + 'static) {
    use leptos::prelude::{on_cleanup, set_interval_with_handle};
    match set_interval_with_handle(tick, std::time::Duration::from_millis(period_ms)) {
        Ok(handle) => on_cleanup(move || handle.clear()),
        Err(error) => leptos::logging::warn!(
            "{}",
            crate::PlatformError::failed("starting a clock", error)
        ),
    }
}

/// Calls `done` once, `delay_ms` from now.
pub fn after(delay_ms: i32, done: impl FnOnce() + 'static) {
    use wasm_bindgen::prelude::*;
    if let Some(window) = web_sys::window() {
        let callback = Closure::once_into_js(done);
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            callback.unchecked_ref(),
            delay_ms,
        );
    }
}
