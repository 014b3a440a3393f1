use crate::platform::document;
use leptos::html::{H2, H3};
use leptos::prelude::*;

/// A heading that takes the focus and comes into view when it appears, so a keyboard, a
/// screen reader or a thumb lands on what was just opened below the button that opened it.
/// `sub` makes it an `<h3>`, for what opens inside a section.
#[component]
pub fn FocusedHeading(#[prop(into)] text: String, #[prop(optional)] sub: bool) -> impl IntoView {
    let show = |heading: &web_sys::HtmlElement| {
        document::focus(heading);
        heading.scroll_into_view();
    };
    if sub {
        let heading = NodeRef::<H3>::new();
        heading.on_load(move |heading| show(&heading));
        view! { <h3 tabindex="-1" node_ref=heading>{text}</h3> }.into_any()
    } else {
        let heading = NodeRef::<H2>::new();
        heading.on_load(move |heading| show(&heading));
        view! { <h2 tabindex="-1" node_ref=heading>{text}</h2> }.into_any()
    }
}
