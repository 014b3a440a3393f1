//! Notifications, the app badge and periodic background sync: every one optional, each
//! call says plainly when the browser does not offer it.

use super::PlatformError;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn window() -> Result<web_sys::Window, PlatformError> {
    web_sys::window().ok_or(PlatformError::Unsupported("a window"))
}

async fn call(
    target: &JsValue,
    method: &str,
    args: &[JsValue],
    what: &'static str,
) -> Result<JsValue, PlatformError> {
    let function: js_sys::Function = get(target, method)
        .and_then(|f| f.dyn_into().ok())
        .ok_or(PlatformError::Unsupported(what))?;
    let array = args.iter().collect::<js_sys::Array>();
    let result = function
        .apply(target, &array)
        .map_err(|e| PlatformError::failed(what, e))?;
    match result.dyn_into::<js_sys::Promise>() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .map_err(|e| PlatformError::failed(what, e)),
        Err(value) => Ok(value),
    }
}

/// "granted", "denied", "default", or None where there are no notifications at all.
pub fn permission() -> Option<String> {
    let notification = get(&window().ok()?.into(), "Notification")?;
    get(&notification, "permission")?.as_string()
}

pub async fn request_permission() -> Result<String, PlatformError> {
    let notification = get(&window()?.into(), "Notification")
        .ok_or(PlatformError::Unsupported("notifications"))?;
    let answer = call(
        &notification,
        "requestPermission",
        &[],
        "asking to show notifications",
    )
    .await?;
    Ok(answer.as_string().unwrap_or_default())
}

async fn registration() -> Result<JsValue, PlatformError> {
    let navigator: JsValue = window()?.navigator().into();
    let container =
        get(&navigator, "serviceWorker").ok_or(PlatformError::Unsupported("a service worker"))?;
    let ready = get(&container, "ready").ok_or(PlatformError::Unsupported("a service worker"))?;
    JsFuture::from(ready.unchecked_into::<js_sys::Promise>())
        .await
        .map_err(|e| PlatformError::failed("finding the service worker", e))
}

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), value);
    }
    object.into()
}

/// Shows a notification through the service worker registration (Android requires it),
/// with Done and Snooze actions; `data` goes back to the worker when it is tapped.
pub async fn show(
    title: &str,
    body: &str,
    tag: &str,
    data: &[(&str, f64)],
) -> Result<(), PlatformError> {
    let data: Vec<(&str, JsValue)> = data
        .iter()
        .map(|(name, value)| (*name, (*value).into()))
        .collect();
    let registration = registration().await?;
    let actions = js_sys::Array::of2(
        &object(&[("action", "done".into()), ("title", "Done".into())]),
        &object(&[
            ("action", "snooze".into()),
            ("title", "Snooze 15 min".into()),
        ]),
    );
    let options = object(&[
        ("body", body.into()),
        ("tag", tag.into()),
        ("icon", "icons/icon-192.png".into()),
        ("badge", "icons/icon-192.png".into()),
        ("actions", actions.into()),
        ("data", object(&data)),
    ]);
    call(
        &registration,
        "showNotification",
        &[title.into(), options],
        "showing a notification",
    )
    .await
    .map(|_| ())
}

pub async fn set_badge(count: usize) -> Result<(), PlatformError> {
    let navigator: JsValue = window()?.navigator().into();
    if count == 0 {
        call(&navigator, "clearAppBadge", &[], "the app badge")
            .await
            .map(|_| ())
    } else {
        call(
            &navigator,
            "setAppBadge",
            &[(count as f64).into()],
            "the app badge",
        )
        .await
        .map(|_| ())
    }
}

/// What this browser offers right now, for the honest status panel.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Capabilities {
    pub notifications: Option<String>,
    pub installed: bool,
    /// Buttons on the notification itself (`Notification.maxActions` > 0): Chromium and
    /// recent Firefox have them; WebKit shows the notification without them.
    pub actions: bool,
    pub badge: bool,
    pub periodic_sync: bool,
}

pub fn capabilities() -> Capabilities {
    let Ok(window) = window() else {
        return Capabilities::default();
    };
    let navigator: JsValue = window.navigator().into();
    let installed = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    let periodic_sync = get(&window.clone().into(), "ServiceWorkerRegistration")
        .and_then(|class| get(&class, "prototype"))
        .is_some_and(|prototype| {
            js_sys::Reflect::has(&prototype, &"periodicSync".into()).unwrap_or(false)
        });
    let actions = get(&window.clone().into(), "Notification")
        .and_then(|class| get(&class, "maxActions"))
        .and_then(|max| max.as_f64())
        .is_some_and(|max| max > 0.0);
    Capabilities {
        notifications: permission(),
        installed,
        actions,
        badge: get(&navigator, "setAppBadge").is_some(),
        periodic_sync,
    }
}

const DATA_CACHE: &str = "lan-data";

/// Gives the service worker a copy of the schedule (it cannot read local storage) and asks
/// for periodic background sync: best effort, only installed apps on Chromium get it.
pub async fn share_schedule_with_worker(schedule_json: &str) -> Result<(), PlatformError> {
    let caches =
        get(&window()?.into(), "caches").ok_or(PlatformError::Unsupported("Cache Storage"))?;
    let cache = call(
        &caches,
        "open",
        &[DATA_CACHE.into()],
        "saving the schedule for the worker",
    )
    .await?;
    let response = web_sys::Response::new_with_opt_str(Some(schedule_json))
        .map_err(|e| PlatformError::failed("saving the schedule", e))?;
    call(
        &cache,
        "put",
        &["reminders.json".into(), response.into()],
        "saving the schedule for the worker",
    )
    .await?;
    let registration = registration().await?;
    let sync = get(&registration, "periodicSync")
        .ok_or(PlatformError::Unsupported("periodic background sync"))?;
    let options = object(&[("minInterval", (15.0 * 60_000.0).into())]);
    call(
        &sync,
        "register",
        &["lan-reminders".into(), options],
        "periodic background sync",
    )
    .await
    .map(|_| ())
}

/// Removes the worker's copy of user data (part of "delete all my data").
pub async fn clear_worker_copy() -> Result<(), PlatformError> {
    let caches =
        get(&window()?.into(), "caches").ok_or(PlatformError::Unsupported("Cache Storage"))?;
    call(
        &caches,
        "delete",
        &[DATA_CACHE.into()],
        "clearing the worker's copy",
    )
    .await
    .map(|_| ())
}

/// Whether the address carries a tapped notification's action; takes nothing.
pub fn has_notification_action() -> bool {
    window()
        .ok()
        .and_then(|window| window.location().search().ok())
        .and_then(|search| web_sys::UrlSearchParams::new_with_str(&search).ok())
        .is_some_and(|params| params.has("act"))
}

/// Reads and removes `?act=…&r=…&day=…` that a tapped notification opened the app with.
pub fn take_notification_action() -> Option<(String, u32, i64)> {
    let window = window().ok()?;
    let search = window.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    let action = params.get("act")?;
    let reminder = params.get("r")?.parse().ok()?;
    let day = params.get("day")?.parse().ok()?;
    if let (Ok(history), Ok(path)) = (window.history(), window.location().pathname()) {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&path));
    }
    Some((action, reminder, day))
}
