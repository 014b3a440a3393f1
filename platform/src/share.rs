//! Print, copy and share: each may be missing or refused, and says so as an error.

use super::PlatformError;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

fn navigator() -> Result<web_sys::Navigator, PlatformError> {
    Ok(web_sys::window()
        .ok_or(PlatformError::Unsupported("a window"))?
        .navigator())
}

/// Calls `target.method(arg)` if the browser has it; `Unsupported(what)` otherwise.
async fn call_promise(
    target: &JsValue,
    method: &str,
    arg: &JsValue,
    what: &'static str,
) -> Result<(), PlatformError> {
    let function = js_sys::Reflect::get(target, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or(PlatformError::Unsupported(what))?;
    let promise = function
        .call1(target, arg)
        .map_err(|e| PlatformError::failed(what, e))?
        .dyn_into::<js_sys::Promise>()
        .map_err(|e| PlatformError::failed(what, e))?;
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| PlatformError::failed(what, e))
}

pub fn print() -> Result<(), PlatformError> {
    web_sys::window()
        .ok_or(PlatformError::Unsupported("printing"))?
        .print()
        .map_err(|e| PlatformError::failed("printing", e))
}

pub async fn copy_text(text: &str) -> Result<(), PlatformError> {
    let clipboard = js_sys::Reflect::get(&navigator()?.into(), &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined())
        .ok_or(PlatformError::Unsupported("copying to the clipboard"))?;
    call_promise(
        &clipboard,
        "writeText",
        &text.into(),
        "copying to the clipboard",
    )
    .await
}

pub fn can_share() -> bool {
    navigator()
        .ok()
        .and_then(|n| js_sys::Reflect::get(&n, &"share".into()).ok())
        .is_some_and(|f| f.is_function())
}

pub async fn share_text(title: &str, text: &str) -> Result<(), PlatformError> {
    let data = js_sys::Object::new();
    for (key, value) in [("title", title), ("text", text)] {
        js_sys::Reflect::set(&data, &key.into(), &value.into())
            .map_err(|e| PlatformError::failed("sharing", e))?;
    }
    call_promise(&navigator()?.into(), "share", &data, "sharing").await
}

/// Shares files through the system's share sheet, where the browser can share files:
/// `Unsupported` tells the caller to offer a download instead.
pub async fn share_files(
    title: &str,
    files: &[(String, web_sys::Blob)],
) -> Result<(), PlatformError> {
    let what = "sharing";
    let list = js_sys::Array::new();
    for (name, blob) in files {
        let options = web_sys::FilePropertyBag::new();
        options.set_type(&blob.type_());
        let file = web_sys::File::new_with_blob_sequence_and_options(
            &js_sys::Array::of1(blob),
            name,
            &options,
        )
        .map_err(|e| PlatformError::failed(what, e))?;
        list.push(&file);
    }
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"files".into(), &list)
        .and_then(|_| js_sys::Reflect::set(&data, &"title".into(), &title.into()))
        .map_err(|e| PlatformError::failed(what, e))?;
    let navigator: JsValue = navigator()?.into();
    let can_share = js_sys::Reflect::get(&navigator, &"canShare".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&navigator, &data).ok())
        .is_some_and(|answer| answer.is_truthy());
    if !can_share {
        return Err(PlatformError::Unsupported("sharing photos"));
    }
    call_promise(&navigator, "share", &data, what).await
}
