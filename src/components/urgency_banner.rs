use crate::clinical::Urgency;
use crate::router::A;
use leptos::prelude::*;

/// The result's urgency: a word label, the headline, what to do, and why. Colour is only
/// a second signal beside the words.
///
/// `action` replaces the urgency's own action where the page knows better (self-care with
/// nothing to try); `call_instead` says when to call the emergency number instead of the
/// urgent-care line; `learn_more` gives, for each reason in order, where it is explained.
#[component]
pub fn UrgencyBanner(
    urgency: Urgency,
    reasons: Vec<String>,
    #[prop(optional)] action: Option<&'static str>,
    #[prop(optional)] call_instead: Vec<&'static str>,
    #[prop(optional)] learn_more: Vec<Option<String>>,
) -> impl IntoView {
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
    let links = learn_more.into_iter().chain(std::iter::repeat(None));
    let reasons = reasons
        .into_iter()
        .zip(links)
        .map(|(reason, link)| {
            view! {
                <li>
                    {reason}
                    {link.map(|href| view! { " " <A href=href>"What this means"</A> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class=format!("urgency-banner urgency-{}", urgency.id()) role=role aria-label="How urgent">
            <p class="urgency-label">{label}</p>
            <h2>{urgency.headline()}</h2>
            <p>{action.unwrap_or(urgency.action())}</p>
            <crate::components::CallLinks urgency/>
            {(!call_instead.is_empty()).then(|| view! {
                <div class="call-instead">
                    <p><strong>"When to call the emergency number instead"</strong></p>
                    <ul>{call_instead.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                </div>
            })}
            <ul>{reasons}</ul>
        </section>
    }
}
