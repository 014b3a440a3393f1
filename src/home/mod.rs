//! Home ("Tonight"): where to start at bedtime, and the warning signs always in reach.

use crate::components::{LastResultOnHome, Notices, WarningSigns};
use crate::learn::SECTIONS;
use crate::platform::document;
use crate::quiz::QuizState;
use crate::router::A;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    document::set_title("Tonight");
    view! {
        <section class="page home">
            <h1>"Tonight"</h1>
            <p class="lead">
                "Legs or feet hurting now that you are lying down? Find the pattern that fits, and what you can try tonight."
            </p>
            <LastResultOnHome/>
            <div class="tonight-start">
                <A href="/tonight"><span class="button wide">"Start tonight's check-in"</span></A>
                <p class="small">"One minute: how your legs are, a look at your feet, moisturise. "<A href="/diary">"Your diary"</A></p>
            </div>
            <crate::components::DueRemindersOnHome/>
            <QuizCard/>
            <WarningSigns/>
            <h2>"What could it be?"</h2>
            <ul class="card-list">
                {SECTIONS
                    .iter()
                    .map(|section| {
                        view! {
                            <li>
                                <A href=format!("/learn/{}", section.condition.id())>
                                    <span class="card">
                                        <strong>{section.title}</strong>
                                        <span>{section.summary}</span>
                                    </span>
                                </A>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="small">"Everything you enter stays on this phone. Works without a signal."</p>
        </section>
    }
}

/// Start the symptom check, or pick it up where it was left.
#[component]
fn QuizCard() -> impl IntoView {
    let notices = expect_context::<Notices>();
    let navigate = crate::router::use_navigate();
    // Read on each visit to Home, without loading the quiz (see `LazyState`).
    let in_progress = QuizState::in_progress;
    let start_again = move |_| {
        QuizState::discard_anywhere(notices);
        navigate("/quiz", Default::default());
    };
    view! {
        <section class="card quiz-card" aria-labelledby="quiz-card-title">
            <h2 id="quiz-card-title">"Symptom check"</h2>
            {move || {
                if in_progress() {
                    let start_again = start_again.clone();
                    view! {
                        <p>"You have a check in progress. Your answers so far are saved."</p>
                        <div class="home-actions">
                            <A href="/quiz"><span class="button">"Resume the check"</span></A>
                            <button type="button" class="button secondary" on:click=start_again>"Start again"</button>
                        </div>
                    }
                    .into_any()
                } else {
                    view! {
                        <p>"Answer a few questions, one at a time, to see which causes fit and how soon to get help."</p>
                        <div class="home-actions"><A href="/quiz"><span class="button">"Start the check"</span></A></div>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}
