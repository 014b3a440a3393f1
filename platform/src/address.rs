//! The address bar, the history and the page's links, for the app's own router.

use crate::PlatformError;
use wasm_bindgen::{JsCast, JsValue};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The address bar's path ("/" when it cannot be read).
pub fn pathname() -> String {
    window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_else(|| "/".into())
}

/// Path, query and hash as the address bar shows them.
pub fn shown() -> String {
    let Some(location) = window().map(|w| w.location()) else {
        return String::new();
    };
    [location.pathname(), location.search(), location.hash()]
        .into_iter()
        .map(|part| part.unwrap_or_default())
        .collect()
}

/// Puts `url` in the address bar: a new history entry, or in place of the current one.
pub fn record(url: &str, in_place: bool) -> Result<(), PlatformError> {
    let history = window()
        .ok_or(PlatformError::Unsupported("a window"))?
        .history()
        .map_err(|e| PlatformError::failed("reading the history", e))?;
    let recorded = if in_place {
        history.replace_state_with_url(&JsValue::NULL, "", Some(url))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(url))
    };
    recorded.map_err(|e| PlatformError::failed("recording the page in the history", e))
}

pub fn scroll_to_top() {
    if let Some(window) = window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// A link of this origin, as the router decides about it.
pub struct Link {
    pub pathname: String,
    pub search: String,
    pub hash: String,
    /// `target` names another window or tab.
    pub opens_elsewhere: bool,
    /// `rel="external"`.
    pub external: bool,
    pub download: bool,
}

impl Link {
    /// The same document as the one shown (a jump within the page when it has a hash).
    pub fn is_this_page(&self) -> bool {
        window().map(|w| w.location()).is_some_and(|location| {
            location.pathname().is_ok_and(|p| p == self.pathname)
                && location.search().is_ok_and(|s| s == self.search)
        })
    }
}

/// The link at or around `target`, when it leads into this origin.
pub fn link_at(target: Option<web_sys::EventTarget>) -> Option<Link> {
    let element: web_sys::Element = target?.dyn_into().ok()?;
    let anchor: web_sys::HtmlAnchorElement = element.closest("a[href]").ok()??.dyn_into().ok()?;
    let origin = window()?.location().origin().ok()?;
    (anchor.origin() == origin).then(|| Link {
        pathname: anchor.pathname(),
        search: anchor.search(),
        hash: anchor.hash(),
        opens_elsewhere: !anchor.target().is_empty() && anchor.target() != "_self",
        external: anchor
            .get_attribute("rel")
            .is_some_and(|rel| rel.split_whitespace().any(|r| r == "external")),
        download: anchor.has_attribute("download"),
    })
}
