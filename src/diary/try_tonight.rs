//! "Try tonight" in the check-in: the positions that suit the latest symptom check's
//! result, chosen by the same rules as the result page (no leg raising with rest pain).

use crate::components::HowToLie;
use crate::quiz::tonight::beside;
use crate::quiz::QuizState;
use crate::router::A;
use leptos::prelude::*;

#[component]
pub fn TryTonight() -> impl IntoView {
    let quiz = QuizState::expect();
    let latest = quiz.results.with_untracked(|results| {
        results.iter().max_by_key(|result| result.id).map(|result| {
            beside(&result.checked().0)
                .positions
                .into_iter()
                .map(|p| p.what)
                .collect::<Vec<_>>()
        })
    });
    match latest {
        Some(positions) if !positions.is_empty() => view! {
            <HowToLie positions title="Try tonight"/>
            <p class="small">"From your latest symptom check. "<A href="/quiz">"Check again"</A></p>
        }
        .into_any(),
        Some(_) => ().into_any(),
        None => view! {
            <p class="small">"The "<A href="/quiz">"symptom check"</A>" can suggest positions that suit your pattern."</p>
        }
        .into_any(),
    }
}
