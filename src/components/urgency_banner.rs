use crate::clinical::Urgency;
use leptos::prelude::*;

/// The result's urgency: a word label, the headline, what to do, and why. Colour is only
/// a second signal beside the words.
#[component]
pub fn UrgencyBanner(urgency: Urgency, reasons: Vec<String>) -> impl IntoView {
    let label = match urgency {
        Urgency::Emergency => "Emergency",
        Urgency::Urgent => "Urgent",
        Urgency::NextDay => "Next working day",
        Urgency::Soon => "In the next few days",
        Urgency::SelfCare => "Self-care",
    };
    let role = if urgency == Urgency::Emergency {
        "alert"
    } else {
        "region"
    };
    view! {
        <section class=format!("urgency-banner urgency-{}", urgency.id()) role=role aria-label="How urgent">
            <p class="urgency-label">{label}</p>
            <h2>{urgency.headline()}</h2>
            <p>{urgency.action()}</p>
            <ul>{reasons.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}</ul>
        </section>
    }
}
