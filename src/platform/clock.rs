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
