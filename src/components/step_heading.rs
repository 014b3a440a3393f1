use crate::platform::document;
use leptos::html::H1;
use leptos::prelude::*;

/// The heading of one step of a guided routine (the check, the foot check, the check-in).
/// It takes focus when its step appears, so keyboards and screen readers start there.
#[component]
pub fn StepHeading(#[prop(into)] text: String) -> impl IntoView {
    let heading = NodeRef::<H1>::new();
    Effect::new(move || {
        if let Some(heading) = heading.get() {
            document::focus_at_top(&heading);
        }
    });
    view! { <h1 tabindex="-1" node_ref=heading>{text}</h1> }
}
