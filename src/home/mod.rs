//! Home ("Tonight"): where to start at bedtime, and the warning signs always in reach.

use crate::learn::{SECTIONS, WARNING_SIGNS};
use crate::platform::document;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Home() -> impl IntoView {
    document::set_title("Tonight");
    view! {
        <section class="page home">
            <h1>"Tonight"</h1>
            <p class="lead">
                "Legs or feet hurting now that you are lying down? Find the pattern that fits, and what you can try tonight."
            </p>
            <WarningSigns/>
            <h2>"What could it be?"</h2>
            <ul class="card-list">
                {SECTIONS
                    .iter()
                    .map(|section| {
                        view! {
                            <li>
                                <A href=format!("/learn/{}", section.condition.id())>
                                    <span class="card">
                                        <strong>{section.title}</strong>
                                        <span>{section.summary}</span>
                                    </span>
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="small">"Everything you enter stays on this phone. Works without a signal."</p>
        </section>
    }
}

/// The red flags, worded for a glance: these are the reasons not to wait until morning.
#[component]
pub fn WarningSigns() -> impl IntoView {
    view! {
        <aside class="warning-signs" aria-labelledby="warning-signs-title">
            <h2 id="warning-signs-title">"Get help now if…"</h2>
            <ul>{WARNING_SIGNS.iter().map(|sign| view! { <li>{*sign}</li> }).collect_view()}</ul>
        </aside>
    }
}
