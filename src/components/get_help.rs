use crate::clinical::Urgency;
use leptos::prelude::*;

/// "When to get help": each line carries its urgency in words as well as colour.
#[component]
pub fn GetHelpBox(advice: &'static [(Urgency, &'static str)]) -> impl IntoView {
    let lines = advice
        .iter()
        .map(|(urgency, text)| {
            view! {
                <li class=format!("urgency urgency-{}", urgency.id())>
                    <strong>{urgency.headline()}": "</strong>
                    {*text}
                </li>
            }
        })
        .collect_view();
    // The numbers for the most urgent line, where it calls for a number.
    let most = advice.iter().map(|(urgency, _)| *urgency).max();
    view! {
        <aside class="get-help" aria-labelledby="get-help-title">
            <h2 id="get-help-title">"When to get help"</h2>
            <ul>{lines}</ul>
            {most.filter(|u| *u >= Urgency::NextDay).map(|urgency| view! { <crate::components::CallLinks urgency/> })}
        </aside>
    }
}
