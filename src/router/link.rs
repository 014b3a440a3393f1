//! `<A>`: a link to a page of the app.

use super::location::Router;
use super::route::is_current;
use leptos::prelude::*;

/// A link to the app path `href`, under the app's base, marked `aria-current="page"` on
/// its page (and, unless `exact`, the pages below it).
#[component]
pub fn A(
    #[prop(into)] href: String,
    #[prop(optional)] exact: bool,
    children: Children,
) -> impl IntoView {
    let router = expect_context::<Router>();
    let full_href = router.full_href(&href);
    let current = move || {
        router
            .path()
            .with(|path| is_current(&href, path, exact))
            .then_some("page")
    };
    view! { <a href=full_href aria-current=current>{children()}</a> }
}
