//! Waiting for the page to be loaded and the browser to be idle, so that work the person
//! did not ask for (the offline copy) never competes with the page they opened, and for a
//! new task, so long steps of the start-up do not run as one long task.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Longest wait for an idle moment: on a page that never rests, the work still happens.
const IDLE_TIMEOUT_MS: u32 = 4000;
/// Where the browser has no `requestIdleCallback` (Safari), a short pause stands in.
const FALLBACK_PAUSE_MS: i32 = 300;

/// Resolves once the `load` event has fired (at once if it already has).
pub async fn loaded() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let complete = window
        .document()
        .is_some_and(|document| document.ready_state() == "complete");
    if complete {
        return;
    }
    let promise = Promise::new(&mut |resolve, _| {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        if window
            .add_event_listener_with_callback_and_add_event_listener_options(
                "load", &resolve, &options,
            )
            .is_err()
        {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves in the browser's next idle period.
pub async fn idle() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let request = Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    let promise = Promise::new(&mut |resolve, _| {
        let asked = match &request {
            Some(request) => {
                let options = js_sys::Object::new();
                let _ = Reflect::set(&options, &"timeout".into(), &IDLE_TIMEOUT_MS.into());
                request.call2(&window, &resolve, &options).is_ok()
            }
            None => false,
        };
        if !asked {
            resolve_after(&window, &resolve, FALLBACK_PAUSE_MS);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves in a new task of the event loop, so the browser may handle input and paint
/// between two long steps instead of running them as one long task.
pub async fn next_task() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let promise = Promise::new(&mut |resolve, _| resolve_after(&window, &resolve, 0));
    let _ = JsFuture::from(promise).await;
}

/// Calls `resolve` after `ms`, or at once if the browser refuses the timer: a wait must
/// never hang the work behind it.
fn resolve_after(window: &web_sys::Window, resolve: &Function, ms: i32) {
    if window
        .set_timeout_with_callback_and_timeout_and_arguments_0(resolve, ms)
        .is_err()
    {
        let _ = resolve.call0(&JsValue::NULL);
    }
}
