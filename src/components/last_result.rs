//! Home's card with the last symptom check's advice: how soon, and the first thing to do
//! tonight. Its code (the result's rules, their stored types and serde) comes with the
//! quiz's chunk, after Home is up, and only for a person who has a result: Home's first
//! load stays as it was.

use crate::platform::clock;
use crate::quiz::result::SavedResult;
use crate::quiz::tonight::beside;
use crate::quiz::QuizState;
use crate::router::A;
use leptos::prelude::*;

#[cfg(lazy_routes)]
#[leptos::wasm_split::wasm_split(
    quiz_pages,
    wasm_split_path = ::leptos::wasm_split,
    fallible
)]
fn card() -> Result<Option<AnyView>, leptos::wasm_split::SplitLoaderError> {
    Ok(card_now())
}

#[cfg(not(lazy_routes))]
#[allow(clippy::unused_async)]
async fn card() -> Result<Option<AnyView>, std::convert::Infallible> {
    Ok(card_now())
}

fn card_now() -> Option<AnyView> {
    let quiz = QuizState::expect();
    let latest = quiz
        .results
        .with_untracked(|results| results.iter().max_by_key(|r| r.id).cloned())?;
    Some(view! { <LastResultCard result=latest/> }.into_any())
}

/// The last check's advice, once there is one; nothing, and no download, before that.
#[component]
pub fn LastResultOnHome() -> impl IntoView {
    if !QuizState::has_results() {
        return ().into_any();
    }
    let card = Suspend::new(async {
        card().await.unwrap_or_else(|error| {
            leptos::logging::warn!("the last result did not load: {error:?}");
            None
        })
    });
    view! { <Suspense fallback=|| ()>{card}</Suspense> }.into_any()
}

/// How soon, and tonight's first step: the same advice the result page leads with,
/// decided again from the saved answers (`SavedResult::checked`).
#[component]
fn LastResultCard(result: SavedResult) -> impl IntoView {
    let (assessment, _) = result.checked();
    let plan = beside(&assessment);
    let urgency = assessment.urgency;
    // Under a warning the action is what to do tonight; otherwise the best fit's first step.
    let tonight = match plan.first_tips().first() {
        Some(tip) if !plan.warning_only => tip.what,
        _ => plan.action,
    };
    let when = clock::format_local(result.taken_ms());
    view! {
        <section class=format!("card last-result urgency-{}", urgency.id()) aria-labelledby="last-result-title">
            <h2 id="last-result-title">"Your last check"</h2>
            <p class="last-result-urgency"><strong>{urgency.headline()}</strong></p>
            <p>{tonight}</p>
            <p class="small">{format!("Symptom check of {when}. ")}
                <A href=format!("/quiz/result/{}", result.id)>"See the whole result"</A>
            </p>
        </section>
    }
}
