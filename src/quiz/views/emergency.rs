use crate::clinical::{Urgency, UrgencyReason};
use crate::components::UrgencyBanner;
use crate::quiz::escalation::explained;
use crate::quiz::result::reason_text;
use crate::quiz::QuizState;
use leptos::prelude::*;

/// Shown at once on an emergency answer, and kept above every later screen of the same
/// check, the review of answers included (SPEC v3).
#[component]
pub fn EmergencyAdvice() -> impl IntoView {
    let quiz = QuizState::expect();
    let emergency = Memo::new(move |_| {
        quiz.progress
            .with(|p| p.as_ref().is_some_and(|p| p.emergency()))
    });
    let warnings = move || {
        quiz.progress.with(|p| {
            p.as_ref()
                .map(|p| p.answers.assessment().reasons)
                .unwrap_or_default()
                .into_iter()
                .filter(|r| {
                    matches!(
                        r,
                        UrgencyReason::RedFlag(_)
                            | UrgencyReason::ChestPain
                            | UrgencyReason::SafetyNet(..)
                    )
                })
                .map(|r| (reason_text(&r), explained(&r).map(|e| e.href())))
                .unzip::<_, _, Vec<_>, Vec<_>>()
        })
    };
    view! {
        <Show when=move || emergency.get()>
            {move || {
                let (reasons, learn_more) = warnings();
                view! { <UrgencyBanner urgency=Urgency::Emergency reasons learn_more/> }
            }}
            <p class="small">"You can finish the questions afterwards, but do not wait to get help."</p>
        </Show>
    }
}
