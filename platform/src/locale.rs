//! Where the browser thinks it is: its language tag and time zone. Either may be missing or
//! wrong (a phone set up abroad, a privacy setting); callers treat them as a guess.

/// The device's time-zone name ("Europe/London"); "UTC" when the browser will not say.
pub fn time_zone_name() -> String {
    option(&resolved_options(), "timeZone").unwrap_or_else(|| "UTC".into())
}

/// The browser's language tag ("en-GB", as its date formatting resolves it: the language
/// the person set, narrowed to what the browser supports; empty when there is none) and
/// its time zone ("UTC" when it will not say), read from one formatter.
///
/// Read once a visit: it is the region's guess, asked by every warning and Settings as they
/// render, and each new `Intl.DateTimeFormat` loads locale data; on Settings' start they
/// took 35 ms of a phone's slower CPU (4x throttled, issue 28).
pub fn language_and_time_zone() -> (String, String) {
    thread_local! {
        static READ: std::cell::OnceCell<(String, String)> = const { std::cell::OnceCell::new() };
    }
    READ.with(|read| {
        read.get_or_init(|| {
            let options = resolved_options();
            (
                option(&options, "locale").unwrap_or_default(),
                option(&options, "timeZone").unwrap_or_else(|| "UTC".into()),
            )
        })
        .clone()
    })
}

/// The default date format's resolved options.
fn resolved_options() -> js_sys::Object {
    js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options()
}

fn option(options: &js_sys::Object, name: &str) -> Option<String> {
    js_sys::Reflect::get(options, &name.into())
        .ok()
        .and_then(|value| value.as_string())
}
