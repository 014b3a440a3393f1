use crate::clinical::{Urgency, UrgencyReason};
use crate::components::{CallLinks, EmergencyCallButton, StepHeading};
use crate::quiz::escalation::explained;
use crate::quiz::result::reason_text;
use crate::quiz::QuizState;
use crate::router::A;
use leptos::prelude::*;

/// Whether the person has seen the emergency page during this visit to the check and chosen
/// to carry on. Not stored: after a reload the page shows again first.
#[derive(Clone, Copy)]
pub struct EmergencySeen(pub RwSignal<bool>);

/// Why the check's answers make it an emergency, each with where it is explained.
fn warnings(quiz: QuizState) -> Vec<(String, Option<String>)> {
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
            .collect()
    })
}

/// An emergency answer takes the whole screen at once, the moment it is ticked: what to do,
/// one large call button, and the way back to the questions (SPEC v3: the advice comes
/// before any further question). The heading takes the focus.
#[component]
pub fn EmergencyPage() -> impl IntoView {
    let quiz = QuizState::expect();
    let seen = expect_context::<EmergencySeen>().0;
    let reasons = move || {
        warnings(quiz)
            .into_iter()
            .map(|(reason, link)| {
                view! {
                    <li>{reason}{link.map(|href| view! { " " <A href=href>"What this means"</A> })}</li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="page emergency-page urgency-emergency" role="alert">
            <p class="urgency-label">"Emergency"</p>
            <StepHeading text="Call the emergency number now"/>
            <CallLinks urgency=Urgency::Emergency/>
            <p>"One of your answers is a warning sign that needs help straight away. Do not wait for the morning."</p>
            <ul>{reasons}</ul>
            <button type="button" class="button secondary wide" on:click=move |_| seen.set(true)>
                "I have called: carry on with the questions"
            </button>
        </section>
    }
}

/// On every later screen of the same check, the review included: the call stays one tap
/// away, and the page with the reasons one more.
#[component]
pub fn EmergencyAdvice() -> impl IntoView {
    let quiz = QuizState::expect();
    let seen = expect_context::<EmergencySeen>().0;
    let emergency = Memo::new(move |_| {
        quiz.progress
            .with(|p| p.as_ref().is_some_and(|p| p.emergency()))
    });
    view! {
        <Show when=move || emergency.get()>
            <div class="emergency-bar urgency-emergency" role="alert">
                <strong>"Call the emergency number now"</strong>
                <EmergencyCallButton/>
                <button type="button" class="link-button" on:click=move |_| seen.set(false)>"Why"</button>
            </div>
        </Show>
    }
}
