use super::emergency::EmergencyAdvice;
use crate::components::StepHeading;
use crate::quiz::result::answer_lines;
use crate::quiz::QuizState;
use crate::router::use_navigate;
use leptos::prelude::*;

#[component]
pub fn ReviewScreen() -> impl IntoView {
    let quiz = QuizState::expect();
    let navigate = use_navigate();
    let rows = move || {
        quiz.progress.with(|p| {
            let Some(p) = p else { return Vec::new() };
            p.answers
                .asked()
                .into_iter()
                .zip(answer_lines(&p.answers))
                .map(|(question, (title, labels))| (question.id, title, labels.join(", ")))
                .collect::<Vec<_>>()
        })
    };
    let see_result = move |_| {
        if let Some(id) = quiz.finish() {
            navigate(&format!("/quiz/result/{id}"), Default::default());
        }
    };
    view! {
        <section class="page quiz-review">
            <EmergencyAdvice/>
            <StepHeading text="Check your answers"/>
            <dl class="answers">
                {move || {
                    rows()
                        .into_iter()
                        .map(|(id, title, answer)| {
                            view! {
                                <div class="answer-row">
                                    <dt>{title}</dt>
                                    <dd>
                                        <span>{answer}</span>
                                        <button type="button" class="link-button" on:click=move |_| quiz.step(|p| p.edit(id))>
                                            "Change"<span class="visually-hidden">{format!(" answer to: {title}")}</span>
                                        </button>
                                    </dd>
                                </div>
                            }
                        })
                        .collect_view()
                }}
            </dl>
            <div class="quiz-actions">
                <button type="button" class="button secondary" on:click=move |_| quiz.step(|p| p.back())>"Back"</button>
                <button type="button" class="button" on:click=see_result>"See my result"</button>
            </div>
        </section>
    }
}
