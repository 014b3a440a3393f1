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
                    let top = r
                        .assessment
                        .top()
                        .map(|c| c.name())
                        .unwrap_or("No clear match");
                    (
                        r.id,
                        clock::format_local(r.taken_ms()),
                        top,
                        r.assessment.urgency.headline(),
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

#[component]
fn HistoryRow(id: u64, when: String, top: &'static str, urgency: &'static str) -> impl IntoView {
    let quiz = QuizState::expect();
    let confirming = RwSignal::new(false);
    let delete_label = format!(" the result of {when}");
    view! {
        <li class="card history-row">
            <A href=format!("/quiz/result/{id}")>
                <strong>{when}</strong>
                <span>{format!("{top}. {urgency}.")}</span>
            </A>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="link-button" on:click=move |_| confirming.set(true)>
                        "Delete"<span class="visually-hidden">{delete_label.clone()}</span>
                    </button>
                }
            >
                <span role="group" aria-label="Confirm delete">
                    "Delete this result? "
                    <button type="button" class="button danger" on:click=move |_| quiz.delete(id)>"Delete"</button>
                    <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>"Keep"</button>
                </span>
            </Show>
        </li>
    }
}
