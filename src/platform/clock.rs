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
    crate::dates::format_local(ms, offset_minutes_at(ms))
}

/// The device's own time zone, for the reminder schedule.
pub struct DeviceZone;

impl crate::dates::Zone for DeviceZone {
    fn offset_minutes(&self, utc_ms: i64) -> i32 {
        offset_minutes_at(utc_ms as f64)
    }
}

/// Calls `tick` every `period_ms` for the life of the page.
pub fn every(period_ms: i32, tick: impl Fn() + 'static) {
    use wasm_bindgen::prelude::*;
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::<dyn Fn()>::new(tick);
    if window
        .set_interval_with_callback_and_timeout_and_arguments_0(
            callback.as_ref().unchecked_ref(),
            period_ms,
        )
        .is_ok()
    {
        callback.forget();
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
