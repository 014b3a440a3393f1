mod child;
mod emergency;
mod history;
mod intro;
mod question;
mod result;
mod review;
mod tonight;

pub use history::QuizHistory;
pub use result::QuizResultPage;

use super::flow::Position;
use super::QuizState;
use crate::platform::document;
use leptos::prelude::*;

#[derive(Clone, Copy, PartialEq)]
enum Screen {
    Intro,
    Emergency,
    Question,
    Review,
    Child,
}

/// `/quiz`: the intro, the current question, or the review, whichever the saved progress
/// says; an emergency answer's page first, until the person chooses to carry on.
#[component]
pub fn QuizPage() -> impl IntoView {
    document::set_title("Symptom check");
    let quiz = QuizState::expect();
    let seen = RwSignal::new(false);
    provide_context(emergency::EmergencySeen(seen));
    let screen = Memo::new(move |_| {
        quiz.progress
            .with(|progress| match progress.as_ref().map(|p| &p.position) {
                None => Screen::Intro,
                Some(_) if !seen.get() && progress.as_ref().is_some_and(|p| p.emergency()) => {
                    Screen::Emergency
                }
                Some(Position::Review)
                    if progress.as_ref().is_some_and(|p| p.answers.is_child()) =>
                {
                    Screen::Child
                }
                Some(Position::Review) => Screen::Review,
                Some(Position::Question(_)) => Screen::Question,
            })
    });
    move || match screen.get() {
        Screen::Intro => view! { <intro::QuizIntro/> }.into_any(),
        Screen::Emergency => view! { <emergency::EmergencyPage/> }.into_any(),
        Screen::Question => view! { <question::QuestionScreen/> }.into_any(),
        Screen::Review => view! { <review::ReviewScreen/> }.into_any(),
        Screen::Child => view! { <child::ChildScreen/> }.into_any(),
    }
}
