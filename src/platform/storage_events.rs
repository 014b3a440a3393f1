//! The `storage` event: another tab of the app changed local storage.

use wasm_bindgen::prelude::*;

/// Calls `changed(key)` whenever another tab writes or removes a key (`None`: cleared all).
pub fn on_other_tab_change(changed: impl Fn(Option<String>) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let listener =
        Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
            changed(event.key())
        });
    if window
        .add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref())
        .is_ok()
    {
        // Listens for the life of the page.
        listener.forget();
    }
}
