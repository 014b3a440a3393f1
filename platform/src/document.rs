use super::PlatformError;
use wasm_bindgen::JsCast;

/// Sets an attribute on `<html>`; the stylesheet keys the theme and text size on these.
pub fn set_root_attribute(name: &str, value: &str) -> Result<(), PlatformError> {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
        .ok_or(PlatformError::Unsupported("a document"))?;
    root.set_attribute(name, value)
        .map_err(|error| PlatformError::failed("setting the page theme", error))
}

/// The path the app is served under (from `<base href>`), without a trailing slash:
/// `""` at the site root, `"/legs"` under a sub-path.
pub fn base_path() -> String {
    let base = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.base_uri().ok().flatten())
        .and_then(|uri| web_sys_url_path(&uri))
        .unwrap_or_default();
    base.trim_end_matches('/').to_string()
}

fn web_sys_url_path(uri: &str) -> Option<String> {
    let after_scheme = uri.split_once("://")?.1;
    let path = after_scheme
        .find('/')
        .map(|i| &after_scheme[i..])
        .unwrap_or("/");
    Some(path.split(['?', '#']).next().unwrap_or("/").to_string())
}

pub fn reload() {
    if let Some(window) = web_sys::window() {
        if let Err(error) = window.location().reload() {
            leptos::logging::error!("{}", PlatformError::failed("reloading", error));
        }
    }
}

/// Sets the tab title, so every screen is named for screen readers and history.
pub fn set_title(page: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(&format!("{page} · Legs at Night"));
    }
}

/// Starts the page at its top and puts focus on `element`, the heading of a step that just
/// appeared: a new step reads like a new page, and its heading is never left under the
/// sticky header (focus alone scrolls only as far as the edge the header covers).
pub fn focus_at_top(element: &web_sys::HtmlElement) {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
    focus(element);
}

/// Brings `element` into view when the address names it (`#id`): a page drawn by the app
/// after the browser looked for the fragment would otherwise open at its top.
pub fn scroll_to_if_named(element: &web_sys::HtmlElement) {
    let named =
        named_part().is_some_and(|hash| hash.strip_prefix('#') == Some(element.id().as_str()));
    if named {
        element.scroll_into_view();
        focus(element);
    }
}

/// The part of the page the address names (`#id`, with its `#`), if it names one.
pub fn named_part() -> Option<String> {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .filter(|hash| hash.len() > 1)
}

/// Whether the address names a part of the page (`#id`).
pub fn names_a_part() -> bool {
    named_part().is_some()
}

/// Moves the keyboard focus to `element` where it is; a failure only costs the move.
pub fn focus(element: &web_sys::HtmlElement) {
    if let Err(error) = element.focus() {
        leptos::logging::warn!("{}", PlatformError::failed("moving focus", error));
    }
}

/// Marks a moment in the page's performance timeline (the benchmarks read it).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Empties a prerendered `<body>` (see `xtask::prerender`) for the app to render the same
/// page into, and drops the mark that tells a page still waiting for the app.
pub fn clear_prerendered_body() {
    let Some(body) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.body())
    else {
        return;
    };
    if body.has_attribute("data-prerendered") {
        body.set_inner_html("");
        if let Err(error) = body.remove_attribute("data-prerendered") {
            leptos::logging::warn!("{}", PlatformError::failed("starting the app", error));
        }
    }
}

/// The element the app is built in (`#app`, styled to add no box of its own), outside the
/// page at first, over more than one task, while the prerendered page stays on screen
/// (`show_app` puts it in).
pub fn off_page_root() -> Option<web_sys::HtmlElement> {
    let made = web_sys::window()?.document()?.create_element("div");
    let root = made
        .and_then(|root| root.set_attribute("id", "app").map(|()| root))
        .map_err(|error| {
            leptos::logging::warn!("{}", PlatformError::failed("starting the app", error));
        })
        .ok()?;
    root.dyn_into().ok()
}

/// Puts the app's `root` (`off_page_root`) into the `<body>` in place of the prerendered
/// page, in one step, so no paint ever shows half of either. The browser looked for the
/// address's `#part` before the app's page existed: the part is brought into view.
pub fn show_app(root: &web_sys::HtmlElement) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(body) = document.body() else {
        return;
    };
    clear_prerendered_body();
    if let Err(error) = body.append_child(root) {
        leptos::logging::warn!("{}", PlatformError::failed("starting the app", error));
        return;
    }
    // `#part` is a selector for the element of that id; any other fragment finds nothing.
    let named = named_part().and_then(|hash| document.query_selector(&hash).ok().flatten());
    if let Some(element) = named {
        element.scroll_into_view();
    }
}

/// Whether the end of the first element `selector` finds is on the screen or within
/// `margin` CSS pixels below it.
pub fn is_near_view(selector: &str, margin: f64) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let height = window
        .inner_height()
        .ok()
        .and_then(|height| height.as_f64())
        .unwrap_or(0.0);
    window
        .document()
        .and_then(|document| document.query_selector(selector).ok().flatten())
        .is_some_and(|element| element.get_bounding_client_rect().bottom() < height + margin)
}
