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

/// A link of this origin, read as the router asks (each part only when asked).
pub struct Link(web_sys::HtmlAnchorElement);

impl Link {
    pub fn pathname(&self) -> String {
        self.0.pathname()
    }

    pub fn search(&self) -> String {
        self.0.search()
    }

    pub fn hash(&self) -> String {
        self.0.hash()
    }

    /// `target` names another window or tab.
    pub fn opens_elsewhere(&self) -> bool {
        let target = self.0.target();
        !target.is_empty() && target != "_self"
    }

    /// `rel="external"`.
    pub fn is_external(&self) -> bool {
        self.0
            .get_attribute("rel")
            .is_some_and(|rel| rel.split_whitespace().any(|r| r == "external"))
    }

    pub fn is_download(&self) -> bool {
        self.0.has_attribute("download")
    }

    /// The same document as the one shown (a jump within the page when it has a hash).
    pub fn is_this_page(&self) -> bool {
        window().map(|w| w.location()).is_some_and(|location| {
            location.pathname().is_ok_and(|p| p == self.0.pathname())
                && location.search().is_ok_and(|s| s == self.0.search())
        })
    }
}

/// The link at or around `target`, when it leads into this origin.
pub fn link_at(target: Option<web_sys::EventTarget>) -> Option<Link> {
    let element: web_sys::Element = target?.dyn_into().ok()?;
    let anchor: web_sys::HtmlAnchorElement = element.closest("a[href]").ok()??.dyn_into().ok()?;
    (anchor.origin() == window()?.location().origin().ok()?).then_some(Link(anchor))
}
