use crate::components::StepHeading;
use crate::quiz::QuizState;
use crate::router::A;
use leptos::prelude::*;

#[component]
pub fn QuizIntro() -> impl IntoView {
    let quiz = QuizState::expect();
    let has_results = move || quiz.results.with(|r| !r.is_empty());
    view! {
        <section class="page quiz-intro">
            // Takes the focus: after "Start again" it would otherwise be lost with its button.
            <StepHeading text="Symptom check"/>
            <p class="lead">"About two minutes, one question at a time. We ask about warning signs first, then about your pain, and show which causes fit your answers and how soon to get help."</p>
            <ul class="plain-list">
                <li>"Your answers stay on this phone."</li>
                <li>"You can go back and change any answer."</li>
                <li>"This is not a diagnosis. If you are worried, talk to a doctor."</li>
            </ul>
            <button type="button" class="button wide" on:click=move |_| quiz.start()>"Start the check"</button>
            <Show when=has_results>
                <p><A href="/quiz/history">"See past results"</A></p>
            </Show>
        </section>
    }
}
