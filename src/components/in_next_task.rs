//! Lower parts of a page, drawn a task after the rest.

use crate::platform::document;
use leptos::prelude::*;

/// Renders `children` in a task of its own after the page's. On a phone's slower CPU a
/// page drawn in one task blocks a tap for its whole length (issue 28): the parts below
/// the first screenful wait for the next task, so the first stays short.
/// Not in the shell: there it would bring 3.8 KB gzip of generic view code into the
/// first download (measured). In pages only, whose chunks share its code.
#[component]
pub fn InNextTask(children: ChildrenFn) -> impl IntoView {
    // Opened at a named part (Tonight links to `#photos`): all at once, so it is there.
    let shown = RwSignal::new(document::names_a_part());
    if !shown.get_untracked() {
        // A first visit shows the app once this is in: never a page that grows below.
        let held = crate::hold_start();
        leptos::task::spawn_local_scoped(async move {
            crate::platform::idle::next_task().await;
            shown.set(true);
            drop(held);
        });
    }
    view! { <Show when=move || shown.get()>{children()}</Show> }
}
