use crate::components::{ConfirmFirst, Question};
use crate::platform::{clock, document};
use crate::quiz::QuizState;
use crate::router::A;
use leptos::prelude::*;

/// `/quiz/history`: every saved result, newest first, to open or delete.
#[component]
pub fn QuizHistory() -> impl IntoView {
    document::set_title("Past results");
    let quiz = QuizState::expect();
    let rows = move || {
        quiz.results.with(|results| {
            results
                .iter()
                .rev()
                .map(|r| {
                    let (assessment, _) = r.checked();
                    let top = assessment
                        .top()
                        .map(|c| c.name())
                        .unwrap_or("No clear match");
                    (
                        r.id,
                        clock::format_local(r.taken_ms()),
                        top,
                        assessment.urgency.headline(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="page history">
            <h1>"Past results"</h1>
            <Show when=move || quiz.results.with(Vec::is_empty)>
                <p>"No saved results yet. "<A href="/quiz">"Take the symptom check"</A></p>
            </Show>
            <ul class="card-list">
                {move || rows().into_iter().map(|(id, when, top, urgency)| view! { <HistoryRow id when top urgency/> }).collect_view()}
            </ul>
        </section>
    }
}

const DELETE_RESULT: Question = Question {
    ask: "Delete",
    question: "Delete this result?",
    detail: "It cannot be brought back.",
    keep: "Keep",
    confirm: "Delete",
};

#[component]
fn HistoryRow(id: u64, when: String, top: &'static str, urgency: &'static str) -> impl IntoView {
    let quiz = QuizState::expect();
    let ask_context = format!(" the result of {when}");
    view! {
        <li class="card history-row">
            <A href=format!("/quiz/result/{id}")>
                <strong>{when}</strong>
                <span>{format!("{top}. {urgency}.")}</span>
            </A>
            <ConfirmFirst
                question=DELETE_RESULT
                on_confirm=move |()| quiz.delete(id)
                ask_class="link-button"
                ask_context
            />
        </li>
    }
}
