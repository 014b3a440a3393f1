use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// A signal that is `false` while the browser says it has no network.
pub fn online_signal() -> ReadSignal<bool> {
    let window = web_sys::window();
    let initially = window
        .as_ref()
        .map(|window| window.navigator().on_line())
        .unwrap_or(true);
    let (online, set_online) = signal(initially);
    if let Some(window) = window {
        for (event, value) in [("online", true), ("offline", false)] {
            let listener = Closure::<dyn Fn()>::new(move || set_online.set(value));
            if window
                .add_event_listener_with_callback(event, listener.as_ref().unchecked_ref())
                .is_ok()
            {
                // Listens for the life of the page.
                listener.forget();
            }
        }
    }
    online
}
