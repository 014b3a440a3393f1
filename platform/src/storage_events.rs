//! The `storage` event: another tab of the app changed local storage.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Calls `changed(key)` whenever another tab writes or removes a key (`None`: cleared all),
/// while the reactive owner that asked lives.
pub fn on_other_tab_change(changed: impl Fn(Option<String>) + 'static) {
    let listener = window_event_listener_untyped("storage", move |event| {
        if let Ok(event) = event.dyn_into::<web_sys::StorageEvent>() {
            changed(event.key());
        }
    });
    on_cleanup(move || listener.remove());
}
