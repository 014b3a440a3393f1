//! The touch-the-toes step of the foot check: skippable, since it needs a second person.

use super::state::FootCheckState;
use super::touch_test::{TouchTest, TOUCHES};
use crate::components::pictures::{touch_test, Figure};
use crate::components::StepHeading;
use leptos::prelude::*;

#[component]
pub fn TouchTestStep() -> impl IntoView {
    let state = FootCheckState::expect();
    let doing = move || state.touch.get().is_some_and(|t| t.is_some());
    let choose = move |run: bool| state.touch.set(Some(run.then(TouchTest::default)));
    view! {
        <section class="page foot-check">
            <p class="step" aria-live="polite">"Optional step"</p>
            <fieldset class="question">
                <legend><StepHeading text="Touch the toes".to_string()/></legend>
                <p class="hint">"This needs a second person. Close your eyes. They rest one fingertip lightly, for one or two seconds, on the tip of each ringed toe, and you say \"yes\" when you feel it. No pressing, poking or tapping."</p>
                <Figure picture=touch_test()/>
                <label class="choice">
                    <input type="radio" name="touch" prop:checked=doing on:change=move |_| choose(true)/>
                    <span>"We are doing it now"</span>
                </label>
                <label class="choice">
                    <input type="radio" name="touch" prop:checked=move || state.touch.get() == Some(None) on:change=move |_| choose(false)/>
                    <span>"Skip it: no one to help, or not today"</span>
                </label>
            </fieldset>
            <Show when=doing>
                <ToeAnswers/>
            </Show>
            <super::routine::Nav can_go_on=Signal::derive(move || state.touch.get().is_some())/>
        </section>
    }
}

/// One box a toe, ticked by the helper when the person did not feel the touch.
#[component]
fn ToeAnswers() -> impl IntoView {
    let state = FootCheckState::expect();
    let missed = move || {
        state
            .touch
            .get()
            .flatten()
            .map_or(0, |t| t.not_felt_count())
    };
    let boxes = TOUCHES
        .iter()
        .enumerate()
        .map(|(index, (foot, toe))| {
            let not_felt = move || state.touch.get().flatten().is_some_and(|t| !t.felt(index));
            let toggle = move |_| {
                state.touch.update(|touch| {
                    if let Some(Some(test)) = touch {
                        test.set(index, !test.felt(index));
                    }
                })
            };
            view! {
                <label class="choice">
                    <input type="checkbox" prop:checked=not_felt on:change=toggle/>
                    <span>{format!("{}, {}: not felt", foot.name(), toe.name())}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choice-group">
            <legend>"Tick each toe they did not feel. Leave the ones they felt."</legend>
            {boxes}
        </fieldset>
        <p role="status" class="small">{move || match missed() {
            0 => "All six felt so far.".to_string(),
            1 => "1 toe not felt.".to_string(),
            n => format!("{n} toes not felt: the feet have lost some protective feeling."),
        }}</p>
    }
}
