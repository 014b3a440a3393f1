use leptos::prelude::*;

/// A signal that is `false` while the browser says it has no network. Its two listeners go
/// with the reactive owner that asked.
pub fn online_signal() -> ReadSignal<bool> {
    let initially = web_sys::window()
        .map(|window| window.navigator().on_line())
        .unwrap_or(true);
    let (online, set_online) = signal(initially);
    for (event, value) in [("online", true), ("offline", false)] {
        let listener = window_event_listener_untyped(event, move |_| set_online.set(value));
        on_cleanup(move || listener.remove());
    }
    online
}
