use super::emergency::EmergencyAdvice;
use crate::components::{ConfirmFirst, Question as Asked, StepHeading};
use crate::quiz::questions::{Kind, Question};
use crate::quiz::QuizState;
use leptos::prelude::*;

#[component]
pub fn QuestionScreen() -> impl IntoView {
    let quiz = QuizState::expect();
    let current = Memo::new(move |_| {
        quiz.progress
            .with(|p| p.as_ref().and_then(|p| p.current()).map(|q| q.id))
    });
    view! {
        <section class="page quiz">
            <EmergencyAdvice/>
            {move || {
                current
                    .get()
                    .and_then(crate::quiz::questions::question)
                    .map(|question| view! { <QuestionBody question/> })
            }}
        </section>
    }
}

#[component]
fn QuestionBody(question: &'static Question) -> impl IntoView {
    let quiz = QuizState::expect();
    let step = move || {
        quiz.progress
            .with(|p| p.as_ref().map(|p| p.step()).unwrap_or((1, 1)))
    };
    let can_advance = move || {
        quiz.progress
            .with(|p| p.as_ref().is_some_and(|p| p.can_advance()))
    };
    let is_first = move || step().0 == 1;
    let done = move || {
        quiz.progress
            .with(|p| p.as_ref().map_or(0.0, |p| p.share_done()))
    };
    let input_type = if question.kind == Kind::Single {
        "radio"
    } else {
        "checkbox"
    };
    let choices = question
        .choices
        .iter()
        .map(|choice| {
            let checked = move || {
                quiz.progress.with(|p| {
                    p.as_ref().is_some_and(|p| {
                        p.answers.chosen(question.id).iter().any(|c| c == choice.id)
                    })
                })
            };
            view! {
                <label class="choice">
                    <input
                        type=input_type
                        name=question.id
                        value=choice.id
                        prop:checked=checked
                        on:change=move |_| quiz.step(|p| p.choose(choice.id))
                    />
                    <span>{choice.label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        // No "of N": the number of questions grows as answers open follow-ups, and a count
        // that jumps from 11 to 13 to 12 says the check is going backwards.
        <p class="step" aria-live="polite">{move || format!("Question {}", step().0)}</p>
        <progress max="100" value=move || (done() * 100.0).round() aria-label="How far through the check"></progress>
        <fieldset class="question">
            <legend><StepHeading text=question.title/></legend>
            <p class="hint">{question.hint}</p>
            {choices}
        </fieldset>
        <div class="quiz-actions step-bar">
            <button type="button" class="button secondary" hidden=is_first on:click=move |_| quiz.step(|p| p.back())>"Back"</button>
            <button type="button" class="button" disabled=move || !can_advance() on:click=move |_| quiz.step(|p| p.advance())>"Next"</button>
        </div>
        <Show when=move || !can_advance()>
            <p class="small">"Pick an answer to go on."</p>
        </Show>
        <StartAgain/>
    }
}

const START_AGAIN: Asked = Asked {
    ask: "Start again",
    question: "Clear your answers?",
    detail: "The check starts again from the first question. Saved results are kept.",
    keep: "Keep my answers",
    confirm: "Clear and start again",
};

/// "Start again", away from Next and asked first: one slip of the thumb must not clear a
/// check half done at night.
#[component]
fn StartAgain() -> impl IntoView {
    let quiz = QuizState::expect();
    let asked = Signal::derive(move || {
        let given = quiz.progress.with(|p| {
            p.as_ref().map_or(0, |p| {
                p.answers
                    .asked()
                    .iter()
                    .filter(|q| !p.answers.chosen(q.id).is_empty())
                    .count()
            })
        });
        match given {
            1 => "Clear your 1 answer?".to_string(),
            n => format!("Clear your {n} answers?"),
        }
    });
    view! {
        <div class="start-again">
            <ConfirmFirst question=START_AGAIN asked on_confirm=move |()| quiz.discard() ask_class="button secondary"/>
        </div>
    }
}
