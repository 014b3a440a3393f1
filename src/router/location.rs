//! The current page as a signal, kept in step with the address bar.

use super::route::{app_path, Route};
use crate::platform::address;
use leptos::ev;
use leptos::prelude::*;

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
        // Without history the page still changes; only Back will not return here.
        if let Err(error) = address::record(&url, address::shown() == url) {
            leptos::logging::warn!("{error}");
        }
        self.path.set(path);
        // A new page starts at its top, as after a load.
        address::scroll_to_top();
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
    let pathname = address::pathname();
    app_path(base, &pathname).unwrap_or(pathname)
}

/// The page of the app that the link at (or around) `target` leads to, if it is one.
pub fn link_route(target: Option<web_sys::EventTarget>, base: &str) -> Option<Route> {
    let link = address::link_at(target)?;
    Some(Route::parse(&app_path(base, &link.pathname())?))
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
    let link = address::link_at(event.target())?;
    if link.opens_elsewhere() || link.is_external() || link.is_download() {
        return None;
    }
    let hash = link.hash();
    if !hash.is_empty() && link.is_this_page() {
        return None;
    }
    let path = app_path(base, &link.pathname())?;
    Some(format!("{path}{}{hash}", link.search()))
}
