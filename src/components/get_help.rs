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
    view! {
        <aside class="get-help" aria-labelledby="get-help-title">
            <h2 id="get-help-title">"When to get help"</h2>
            <ul>{lines}</ul>
        </aside>
    }
}
