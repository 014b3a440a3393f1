//! `navigator.storage.persist()`: asks the browser not to clear the app's data when the
//! device runs short of space.

use super::PlatformError;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn manager() -> Result<web_sys::StorageManager, PlatformError> {
    let navigator = web_sys::window()
        .ok_or(PlatformError::Unsupported("a window"))?
        .navigator();
    let present =
        js_sys::Reflect::get(&navigator, &"storage".into()).is_ok_and(|s| !s.is_undefined());
    if present {
        Ok(navigator.storage())
    } else {
        Err(PlatformError::Unsupported("persistent storage"))
    }
}

async fn answer(
    promise: Result<js_sys::Promise, wasm_bindgen::JsValue>,
    what: &'static str,
) -> Result<bool, PlatformError> {
    let promise = promise.map_err(|e| PlatformError::failed(what, e))?;
    let value = JsFuture::from(promise)
        .await
        .map_err(|e| PlatformError::failed(what, e))?;
    value
        .dyn_into::<js_sys::Boolean>()
        .map(|b| b.value_of())
        .map_err(|e| PlatformError::failed(what, e))
}

/// Whether the browser has already granted persistent storage.
pub async fn is_persisted() -> Result<bool, PlatformError> {
    answer(manager()?.persisted(), "checking persistent storage").await
}

pub async fn request() -> Result<bool, PlatformError> {
    answer(manager()?.persist(), "asking for persistent storage").await
}

/// How much the site's data takes and how much the browser allows it, in bytes.
pub async fn estimate() -> Result<(u64, u64), PlatformError> {
    let what = "measuring the space used";
    let promise = manager()?
        .estimate()
        .map_err(|e| PlatformError::failed(what, e))?;
    let estimate = JsFuture::from(promise)
        .await
        .map_err(|e| PlatformError::failed(what, e))?;
    let number = |name: &str| {
        js_sys::Reflect::get(&estimate, &name.into())
            .ok()
            .and_then(|v| v.as_f64())
            .map(|v| v as u64)
    };
    match (number("usage"), number("quota")) {
        (Some(usage), Some(quota)) => Ok((usage, quota)),
        _ => Err(PlatformError::Unsupported("measuring the space used")),
    }
}
