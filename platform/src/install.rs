//! What the browser says about installing the app, and its own install prompt.
//!
//! Chromium fires `beforeinstallprompt` once, early, maybe before the wasm has started:
//! `theme.js` keeps the event as `window.lanInstallPrompt` (and stops the browser's own
//! banner on the first screen), so the app can offer it later, after something worth
//! keeping.

use super::PlatformError;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

const KEPT_PROMPT: &str = "lanInstallPrompt";

fn window() -> Result<web_sys::Window, PlatformError> {
    web_sys::window().ok_or(PlatformError::Unsupported("a window"))
}

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &name.into())
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
}

/// The user agent, the touch points, and whether the app runs from the home screen.
pub fn user_agent_and_touch_points() -> (String, u32) {
    window()
        .map(|window| {
            let navigator = window.navigator();
            (
                navigator.user_agent().unwrap_or_default(),
                navigator.max_touch_points().max(0) as u32,
            )
        })
        .unwrap_or_default()
}

/// Running from the home screen: `display-mode: standalone` (or fullscreen), or Safari's
/// own `navigator.standalone`.
pub fn standalone() -> bool {
    let Ok(window) = window() else {
        return false;
    };
    let matches = |query: &str| {
        window
            .match_media(query)
            .ok()
            .flatten()
            .is_some_and(|list| list.matches())
    };
    let ios_standalone = get(&window.navigator().into(), "standalone")
        .and_then(|value| value.as_bool())
        .unwrap_or(false);
    ios_standalone || matches("(display-mode: standalone)") || matches("(display-mode: fullscreen)")
}

fn kept_prompt() -> Option<JsValue> {
    window()
        .ok()
        .and_then(|window| get(&window.into(), KEPT_PROMPT))
}

/// The browser's install prompt is kept and not used yet.
pub fn prompt_ready() -> bool {
    kept_prompt().is_some()
}

/// What the person answered in the browser's own prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptAnswer {
    Accepted,
    Dismissed,
}

/// Shows the browser's install prompt and waits for the answer. A prompt serves once, so
/// it is dropped either way.
pub async fn prompt() -> Result<PromptAnswer, PlatformError> {
    let what = "the install prompt";
    let event = kept_prompt().ok_or(PlatformError::Unsupported("an install prompt"))?;
    if let Ok(window) = window() {
        let _ = js_sys::Reflect::set(&window, &KEPT_PROMPT.into(), &JsValue::NULL);
    }
    let show = get(&event, "prompt")
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or(PlatformError::Unsupported("an install prompt"))?;
    let shown = show
        .call0(&event)
        .map_err(|e| PlatformError::failed(what, e))?;
    if let Ok(promise) = shown.dyn_into::<js_sys::Promise>() {
        JsFuture::from(promise)
            .await
            .map_err(|e| PlatformError::failed(what, e))?;
    }
    let choice = get(&event, "userChoice")
        .and_then(|c| c.dyn_into::<js_sys::Promise>().ok())
        .ok_or(PlatformError::Unsupported("an install answer"))?;
    let choice = JsFuture::from(choice)
        .await
        .map_err(|e| PlatformError::failed(what, e))?;
    let accepted = get(&choice, "outcome").and_then(|o| o.as_string()) == Some("accepted".into());
    Ok(if accepted {
        PromptAnswer::Accepted
    } else {
        PromptAnswer::Dismissed
    })
}

/// iOS shows a start-up image while a home-screen app opens, but only one linked with
/// exactly the screen's size in pixels. The build renders them for the common iPhones
/// (`xtask/src/icons.rs`); this links the one for this screen, when the app shows the
/// steps that add it, so no first load carries a list of links for other phones.
pub fn link_startup_image() -> Result<(), PlatformError> {
    let window = window()?;
    let screen =
        get(&window.clone().into(), "screen").ok_or(PlatformError::Unsupported("a screen size"))?;
    let side = |name: &str| get(&screen, name).and_then(|v| v.as_f64()).unwrap_or(0.0);
    let ratio = window.device_pixel_ratio();
    let (width, height) = (side("width") * ratio, side("height") * ratio);
    let document = window
        .document()
        .ok_or(PlatformError::Unsupported("a document"))?;
    let href = format!(
        "icons/startup-{}x{}.png",
        width.min(height).round(),
        width.max(height).round()
    );
    let failed = |e| PlatformError::failed("linking the start-up image", e);
    let link = document.create_element("link").map_err(failed)?;
    link.set_attribute("rel", "apple-touch-startup-image")
        .map_err(failed)?;
    link.set_attribute("href", &href).map_err(failed)?;
    let head = document
        .query_selector("head")
        .map_err(failed)?
        .ok_or(PlatformError::Unsupported("a document head"))?;
    head.append_child(&link).map_err(failed)?;
    Ok(())
}
