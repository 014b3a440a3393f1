use leptos::prelude::*;

/// A table that may be wider than a narrow phone at large text: it scrolls on its own,
/// not the whole page, and takes focus so a keyboard can scroll it too.
#[component]
pub fn TableScroll(label: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="table-scroll" role="region" aria-label=label tabindex="0">{children()}</div>
    }
}
