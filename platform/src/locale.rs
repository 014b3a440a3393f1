//! Where the browser thinks it is: its language tag and time zone. Either may be missing or
//! wrong (a phone set up abroad, a privacy setting); callers treat them as a guess.

/// The device's time-zone name ("Europe/London"); "UTC" when the browser will not say.
pub fn time_zone_name() -> String {
    resolved("timeZone").unwrap_or_else(|| "UTC".into())
}

/// The browser's language tag ("en-GB") as its date formatting resolves it: the language
/// the person set, narrowed to what the browser supports; empty when there is none.
pub fn language() -> String {
    resolved("locale").unwrap_or_default()
}

/// One of the default date format's resolved options.
fn resolved(option: &str) -> Option<String> {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    js_sys::Reflect::get(&format.resolved_options(), &option.into())
        .ok()
        .and_then(|value| value.as_string())
}
