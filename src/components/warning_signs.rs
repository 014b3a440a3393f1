use crate::clinical::warning_signs::{self, WarningSign};
use crate::clinical::Urgency;
use crate::components::call_links::CallLinksSoon;
use crate::platform::{document, idle};
use leptos::prelude::*;

/// "Get help now if…": the one list of warning signs, grouped by what to do, for a glance
/// at bedtime: the emergency signs, and the rest behind "More warning signs". The quiz
/// asks the same signs (see `clinical::warning_signs`).
#[component]
pub fn WarningSigns() -> impl IntoView {
    // The numbers to tap come when the end of the emergency list, where they go, nears the
    // screen (`CallLinksSoon`).
    let near = RwSignal::new(false);
    let look = move || {
        if !near.get_untracked() && document::is_near_view(".warning-signs ul", 200.0) {
            near.set(true);
        }
    };
    let scrolling = window_event_listener_untyped("scroll", move |_| look());
    on_cleanup(move || scrolling.remove());
    leptos::task::spawn_local(async move {
        idle::next_task().await;
        look();
    });
    view! {
        <aside class="warning-signs" aria-labelledby="warning-signs-title">
            <h2 id="warning-signs-title">"Get help now if…"</h2>
            <SignGroup urgency=Urgency::Emergency heading="Call the emergency number:" words="999 in the UK, 112 in Europe, 911 in the US." near/>
            // The signs that need help today, not an ambulance: one tap away, so that the
            // emergency list stays short enough to read at the largest text.
            <details class="more-signs">
                <summary>"More warning signs"</summary>
                <SignGroup urgency=Urgency::Urgent heading="Get medical help now, not tomorrow:" words="The urgent-care line (NHS 111 in the UK) or the out-of-hours service." near/>
            </details>
        </aside>
    }
}

#[component]
fn SignGroup(
    urgency: Urgency,
    heading: &'static str,
    words: &'static str,
    near: RwSignal<bool>,
) -> impl IntoView {
    let line = |sign: &'static WarningSign| {
        view! {
            <li>
                {sign.text}
                {(!sign.meanwhile.is_empty()).then(|| view! { <span class="meanwhile">": "{sign.meanwhile}</span> })}
            </li>
        }
    };
    view! {
        <p class="warning-group"><strong>{heading}</strong></p>
        <ul>{warning_signs::at(urgency).map(line).collect_view()}</ul>
        <CallLinksSoon urgency words near/>
    }
}
