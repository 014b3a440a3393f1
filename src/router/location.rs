//! The current page as a signal, kept in step with the address bar.

use super::route::{app_path, Route};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// The router's state, provided as context by [`provide_router`].
#[derive(Clone, Copy)]
pub struct Router {
    base: StoredValue<String>,
    /// The app path (base removed) of the page shown, without query or hash.
    path: RwSignal<String>,
    route: Memo<Route>,
}

/// Kept for call sites written against `leptos_router`; there are no options here.
#[derive(Clone, Copy, Default)]
pub struct NavigateOptions;

/// Starts routing under `base` (`""` or `"/sub"`): reads the address bar, follows the
/// back and forward buttons, and turns clicks on the app's own links into page changes
/// without a reload.
pub fn provide_router(base: String) -> Router {
    let path = RwSignal::new(current_app_path(&base));
    let router = Router {
        base: StoredValue::new(base),
        path,
        route: Memo::new(move |_| path.with(|p| Route::parse(p))),
    };
    provide_context(router);
    let back_and_forward = window_event_listener(ev::popstate, move |_| {
        router
            .path
            .set(router.base.with_value(|base| current_app_path(base)));
    });
    let link_clicks = window_event_listener(ev::click, move |event| {
        if let Some(to) = router.base.with_value(|base| own_link_target(&event, base)) {
            event.prevent_default();
            router.navigate(&to);
        }
    });
    // An app mounted again (as the component tests do) must not leave a second router
    // answering the same clicks.
    on_cleanup(move || {
        back_and_forward.remove();
        link_clicks.remove();
    });
    router
}

impl Router {
    pub fn route(&self) -> Memo<Route> {
        self.route
    }

    pub fn path(&self) -> ReadSignal<String> {
        self.path.read_only()
    }

    /// `href` as the browser needs it: the app path under the base.
    pub fn full_href(&self, app_href: &str) -> String {
        self.base.with_value(|base| format!("{base}{app_href}"))
    }

    /// Shows the page at `to` (an app path, maybe with query or hash) and records it in
    /// the history, so Back returns here; going to the address already shown adds no
    /// entry, as a browser does for a link to the current page.
    pub fn navigate(&self, to: &str) {
        let path = to.split(['?', '#']).next().unwrap_or(to).to_string();
        let url = self.full_href(to);
        let location = window().location();
        let shown = [location.pathname(), location.search(), location.hash()]
            .into_iter()
            .map(|part| part.unwrap_or_default())
            .collect::<String>();
        // Without history the page still changes; only Back will not return here.
        let recorded = window().history().and_then(|history| {
            if shown == url {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
            } else {
                history.push_state_with_url(&JsValue::NULL, "", Some(&url))
            }
        });
        if let Err(error) = recorded {
            leptos::logging::warn!("recording the page in the history failed: {error:?}");
        }
        self.path.set(path);
        // A new page starts at its top, as after a load.
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

pub fn use_navigate() -> impl Fn(&str, NavigateOptions) + Clone {
    let router = expect_context::<Router>();
    move |to, _| router.navigate(to)
}

/// The current page, whose parameters (`:id`, `:condition`) pages read.
pub fn use_params_map() -> Memo<Route> {
    expect_context::<Router>().route()
}

/// The page the address bar shows now, before any router exists (the start-up needs it).
pub fn current_route(base: &str) -> Route {
    Route::parse(&current_app_path(base))
}

fn current_app_path(base: &str) -> String {
    let pathname = window()
        .location()
        .pathname()
        .unwrap_or_else(|_| "/".into());
    app_path(base, &pathname).unwrap_or(pathname)
}

/// The page of the app that the link at (or around) `target` leads to, if it is one.
pub fn link_route(target: Option<web_sys::EventTarget>, base: &str) -> Option<Route> {
    let anchor = same_origin_link(target?)?;
    Some(Route::parse(&app_path(base, &anchor.pathname())?))
}

/// The link at (or around) `target`, when it points into this origin.
fn same_origin_link(target: web_sys::EventTarget) -> Option<web_sys::HtmlAnchorElement> {
    let element: web_sys::Element = target.dyn_into().ok()?;
    let anchor: web_sys::HtmlAnchorElement = element.closest("a[href]").ok()??.dyn_into().ok()?;
    (anchor.origin() == window().location().origin().ok()?).then_some(anchor)
}

/// The app path a click should go to without a reload, or `None` when the browser must
/// handle it: modified or non-primary clicks, downloads, other windows, other origins,
/// paths outside the app, and jumps within the same page.
fn own_link_target(event: &ev::MouseEvent, base: &str) -> Option<String> {
    if event.default_prevented()
        || event.button() != 0
        || event.meta_key()
        || event.ctrl_key()
        || event.shift_key()
        || event.alt_key()
    {
        return None;
    }
    let anchor = same_origin_link(event.target()?)?;
    let other_window = !anchor.target().is_empty() && anchor.target() != "_self";
    let external = anchor
        .get_attribute("rel")
        .is_some_and(|rel| rel.split_whitespace().any(|r| r == "external"));
    if other_window || external || anchor.has_attribute("download") {
        return None;
    }
    let location = window().location();
    let same_document = anchor.pathname() == location.pathname().ok()?
        && anchor.search() == location.search().ok()?;
    if same_document && !anchor.hash().is_empty() {
        return None;
    }
    let path = app_path(base, &anchor.pathname())?;
    Some(format!("{path}{}{}", anchor.search(), anchor.hash()))
}
