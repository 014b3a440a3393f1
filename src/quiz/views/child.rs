use crate::quiz::QuizState;
use leptos::prelude::*;

/// SPEC v3: the check is for adults. For a child it does not run; it says what to do.
#[component]
pub fn ChildScreen() -> impl IntoView {
    let quiz = QuizState::expect();
    view! {
        <section class="page quiz-child">
            <h1>"This check is for adults"</h1>
            <section class="urgency-banner urgency-soon" role="region" aria-label="How urgent">
                <p class="urgency-label">"In the next few days"</p>
                <h2>"A child with leg pain at night needs a doctor's look"</h2>
                <p>"Book an appointment with the child's doctor for the coming days. Growing pains are common, but a doctor should be the one to say so."</p>
            </section>
            <section class="urgency-banner urgency-urgent" role="region" aria-label="When to get help now">
                <p class="urgency-label">"Urgent"</p>
                <h2>"Get medical help now, not tomorrow, if the child:"</h2>
                <ul>
                    <li>"limps, or will not put weight on the leg"</li>
                    <li>"has a fever"</li>
                    <li>"has a joint that is hot, red or swollen"</li>
                    <li>"is woken by the pain every night"</li>
                </ul>
                <p>"Call the urgent-care line or the out-of-hours service. If the child seems very unwell, call the emergency number."</p>
                <crate::components::CallLinks urgency=crate::clinical::Urgency::Urgent/>
            </section>
            <div class="quiz-actions">
                <button type="button" class="button secondary" on:click=move |_| quiz.step(|p| p.edit("age"))>"Change my answer"</button>
                <button type="button" class="button" on:click=move |_| quiz.discard()>"Close the check"</button>
            </div>
        </section>
    }
}
