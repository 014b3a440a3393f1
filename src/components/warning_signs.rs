use crate::clinical::warning_signs::{self, WarningSign};
use crate::clinical::Urgency;
use leptos::prelude::*;

/// "Get help now if…": the one list of warning signs, grouped by what to do, for a glance
/// at bedtime: the emergency signs, and the rest behind "More warning signs". The quiz
/// asks the same signs (see `clinical::warning_signs`).
#[component]
pub fn WarningSigns() -> impl IntoView {
    view! {
        <aside class="warning-signs" aria-labelledby="warning-signs-title">
            <h2 id="warning-signs-title">"Get help now if…"</h2>
            <SignGroup urgency=Urgency::Emergency heading="Call the emergency number (999 in the UK, 112 in Europe, 911 in the US):"/>
            // The signs that need help today, not an ambulance: one tap away, so that the
            // emergency list stays short enough to read at the largest text.
            <details class="more-signs">
                <summary>"More warning signs"</summary>
                <SignGroup urgency=Urgency::Urgent heading="Get medical help now, not tomorrow (the urgent-care line, NHS 111 in the UK, or the out-of-hours service):"/>
            </details>
        </aside>
    }
}

#[component]
fn SignGroup(urgency: Urgency, heading: &'static str) -> impl IntoView {
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
    }
}
