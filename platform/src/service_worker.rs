//! Registers `sw.js` and reports when a new version is waiting. The new version is only
//! activated when the user asks (`apply_update`), never under their feet.

use super::PlatformError;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

fn container() -> Result<ServiceWorkerContainer, PlatformError> {
    let navigator = web_sys::window()
        .ok_or(PlatformError::Unsupported("a window"))?
        .navigator();
    // Absent on plain http (other than localhost) and in some private modes.
    let present = js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false);
    if present {
        Ok(navigator.service_worker())
    } else {
        Err(PlatformError::Unsupported(
            "offline support (service workers)",
        ))
    }
}

/// Registers the worker; `update_waiting` turns true once a new version has installed
/// while an older one controls the page.
pub fn register(script_url: String, update_waiting: WriteSignal<bool>) {
    let container = match container() {
        Ok(container) => container,
        Err(error) => {
            leptos::logging::warn!("{error}");
            return;
        }
    };
    leptos::task::spawn_local(async move {
        match JsFuture::from(container.register(&script_url)).await {
            Ok(registration) => watch(&container, registration.unchecked_into(), update_waiting),
            Err(error) => leptos::logging::error!(
                "{}",
                PlatformError::failed("installing offline support", error)
            ),
        }
    });
}

fn watch(
    container: &ServiceWorkerContainer,
    registration: ServiceWorkerRegistration,
    update_waiting: WriteSignal<bool>,
) {
    let has_controller = {
        let container = container.clone();
        move || container.controller().is_some()
    };
    if registration.waiting().is_some() && has_controller() {
        update_waiting.set(true);
    }
    let on_update_found = {
        let registration = registration.clone();
        Closure::<dyn Fn()>::new(move || {
            let Some(installing) = registration.installing() else {
                return;
            };
            let worker = installing.clone();
            let has_controller = has_controller.clone();
            let on_state_change = Closure::<dyn Fn()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed && has_controller() {
                    update_waiting.set(true);
                }
            });
            installing.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
            on_state_change.forget();
        })
    };
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}

/// Asks the waiting worker to take over; the page reloads once it controls the page.
pub async fn apply_update() -> Result<(), PlatformError> {
    let container = container()?;
    let registration: ServiceWorkerRegistration = JsFuture::from(
        container
            .ready()
            .map_err(|error| PlatformError::failed("finding the new version", error))?,
    )
    .await
    .map_err(|error| PlatformError::failed("finding the new version", error))?
    .unchecked_into();
    let Some(waiting) = registration.waiting() else {
        super::document::reload();
        return Ok(());
    };
    let on_controller_change = Closure::<dyn Fn()>::new(super::document::reload);
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    on_controller_change.forget();
    let message = js_sys::Object::new();
    js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into())
        .map_err(|error| PlatformError::failed("preparing the update", error))?;
    waiting
        .post_message(&message)
        .map_err(|error| PlatformError::failed("starting the new version", error))
}
