//! `/tonight`: the one-minute bedtime routine, every step skippable, in the night theme
//! unless the person chose Light.

use super::model::{FeetToday, Helper, Place, Position, WORRYING_FEET};
use super::state::{DiaryState, NightOverride};
use super::stats::nudges;
use crate::clinical::assess;
use crate::clinical::warning_signs;
use crate::components::{GetHelpBox, InNextTask, InstallOffer, StepHeading, UrgencyBanner};
use crate::platform::clock::DeviceZone;
use crate::platform::document;
use crate::reminders::due::Outcome;
use crate::reminders::RemindersState;
use crate::router::A;
use leptos::prelude::*;

#[component]
pub fn TonightPage() -> impl IntoView {
    document::set_title("Tonight's check-in");
    let state = DiaryState::expect();
    let night = expect_context::<NightOverride>();
    night.0.set(true);
    on_cleanup(move || night.0.set(false));
    state.begin();
    move || match state.step.get() {
        0 => view! { <LegsStep/> }.into_any(),
        1 => view! { <FeetStep/> }.into_any(),
        2 => view! { <MoistureStep/> }.into_any(),
        _ => view! { <SleepWell/> }.into_any(),
    }
}

/// Whether tonight's routine asks the moisturising step: after skin or foot answers, or
/// when a moisturising reminder exists.
fn moisturising_applies() -> bool {
    let state = DiaryState::expect();
    let reminders = RemindersState::expect();
    state.draft.with(|d| d.moisturising_applies()) || reminders.data.with(|d| !d.list.is_empty())
}

#[component]
fn Heading(text: &'static str) -> impl IntoView {
    let state = DiaryState::expect();
    let steps = move || if moisturising_applies() { 3 } else { 2 };
    view! {
        <p class="step" aria-live="polite">{move || format!("Step {} of {}", state.step.get() + 1, steps())}</p>
        <StepHeading text/>
    }
}

/// A group of checkboxes bound to a list field of the draft.
fn toggles<T: Copy + PartialEq + Send + Sync + 'static>(
    legend: &'static str,
    options: &'static [T],
    label: fn(T) -> &'static str,
    field: fn(&mut super::model::Entry) -> &mut Vec<T>,
) -> impl IntoView {
    let state = DiaryState::expect();
    let boxes = options
        .iter()
        .map(|option| {
            let option = *option;
            view! {
                <label class="choice">
                    <input type="checkbox"
                        prop:checked=move || state.draft.with(|d| field(&mut d.clone()).contains(&option))
                        on:change=move |_| state.draft.update(|d| {
                            let list = field(d);
                            if let Some(i) = list.iter().position(|x| *x == option) { list.remove(i); } else { list.push(option); }
                        })/>
                    <span>{label(option)}</span>
                </label>
            }
        })
        .collect_view();
    view! { <fieldset class="choice-group"><legend>{legend}</legend>{boxes}</fieldset> }
}

#[component]
fn NextButtons() -> impl IntoView {
    let state = DiaryState::expect();
    // After the feet, the routine ends here when moisturising is not asked.
    let ends_here = move || state.step.get() == 1 && !moisturising_applies();
    let next = move || {
        if ends_here() {
            state.finish(false);
        } else {
            state.step.update(|s| *s += 1);
        }
    };
    let label = move || if ends_here() { "Done" } else { "Next" };
    view! {
        <div class="quiz-actions step-bar">
            <button type="button" class="button secondary" hidden=move || state.step.get() == 0 on:click=move |_| state.step.update(|s| *s = s.saturating_sub(1))>"Back"</button>
            <button type="button" class="button" on:click=move |_| next()>{label}</button>
        </div>
        <p class="small">"Every step can be skipped: Next moves on."</p>
    }
}

#[component]
fn LegsStep() -> impl IntoView {
    let state = DiaryState::expect();
    let warnings = move || state.draft.with(|d| d.warnings.clone());
    view! {
        <section class="page tonight">
            <Heading text="Your legs tonight"/>
            <PainScore/>
            {toggles("Where", &Place::ALL, Place::label, |d| &mut d.places)}
            {toggles("Worse when", &Position::ALL, Position::label, |d| &mut d.positions)}
            // Below the first screenful: a task of its own, so the tap that opens tonight's
            // check-in is answered sooner (issue 28).
            <InNextTask>
                {toggles("What helped", &Helper::ALL, Helper::label, |d| &mut d.helped)}
                {toggles("Any of these tonight?", warning_signs::NIGHTLY, warning_signs::nightly_label, |d| &mut d.warnings)}
                {move || {
                    let found = warnings();
                    (!found.is_empty()).then(|| {
                        let urgency = assess(&found).urgency;
                        view! { <UrgencyBanner urgency reasons=vec!["You ticked a warning sign.".to_string()]/> }
                    })
                }}
                <Show when=move || state.draft.with(|d| d.rest_pain_sign())>
                    <RestPainWarning/>
                </Show>
                <label for="note" class="note-label">"Note (optional)"</label>
                <textarea id="note" rows="2" maxlength="500" prop:value=move || state.draft.with(|d| d.note.clone())
                    on:input=move |e| { let text = event_target_value(&e); state.draft.update(|d| d.note = text); }></textarea>
                <NextButtons/>
            </InNextTask>
        </section>
    }
}

/// A night worse with the legs raised, or eased by hanging them down: the pattern of poor
/// blood flow, with its action and when to call the emergency number instead.
#[component]
fn RestPainWarning() -> impl IntoView {
    let state = DiaryState::expect();
    let urgency = move || state.draft.with(|d| assess(&d.findings()).urgency);
    view! {
        {move || view! {
            <UrgencyBanner
                urgency=urgency()
                reasons=vec![
                    "Pain that gets worse the longer your legs are up, or eases when you hang them down, can mean poor blood flow to the legs. It needs checking now: left alone it can lead to wounds that do not heal.".to_string(),
                    "Do not raise your legs tonight: keep them level or let them hang down.".to_string(),
                ]
                call_instead=vec!["Call the emergency number if a leg suddenly turns cold, white, blue or numb, or you cannot move it."]
                learn_more=vec![Some("/learn/arterial_rest_pain".to_string())]
            />
        }}
    }
}

#[component]
fn FeetStep() -> impl IntoView {
    let state = DiaryState::expect();
    let photo_opened = RwSignal::new(false);
    let choices = FeetToday::ALL
        .iter()
        .map(|option| {
            let option = *option;
            view! {
                <label class="choice">
                    <input type="radio" name="feet" prop:checked=move || state.draft.with(|d| d.feet == Some(option))
                        on:change=move |_| state.draft.update(|d| d.feet = Some(option))/>
                    <span>{option.label()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <section class="page tonight">
            <Heading text="A quick look at your feet"/>
            <fieldset class="choice-group"><legend>"Soles and heels tonight"</legend>{choices}</fieldset>
            <Show when=move || state.draft.with(|d| d.feet == Some(FeetToday::Worrying))>
                <GetHelpBox advice=WORRYING_FEET/>
                <p class="note">"Then, if you can, do the full foot check to record where: "<A href="/foot-check">"full foot check"</A></p>
            </Show>
            <p><A href="/foot-check">"Or do the full two-minute foot check"</A></p>
            // The photo code downloads when this opens, not with tonight's questions.
            <details class="tonight-photo" on:toggle=move |_| photo_opened.set(true)>
                <summary>"Take a photo of a heel or sole"</summary>
                <Show when=move || photo_opened.get()>
                    <crate::components::photos::TakePhotoOfAnyArea/>
                </Show>
                <p><A href="/foot-check/history#photos">"See and compare your photos"</A></p>
            </details>
            <NextButtons/>
        </section>
    }
}

#[component]
fn MoistureStep() -> impl IntoView {
    let state = DiaryState::expect();
    let reminders = RemindersState::expect();
    let done = move |_| {
        let now = reminders.now.get_untracked();
        let due = reminders
            .data
            .with_untracked(|data| data.done_by_moisturising_now(now, &DeviceZone));
        for (id, day) in due {
            reminders.record(id, day, Outcome::Done);
        }
        state.finish(true);
    };
    view! {
        <section class="page tonight">
            <Heading text="Moisturise"/>
            <p class="lead">"Rub a heavy emollient into your soles and heels. Never between the toes. Cotton socks help it stay on."</p>
            <div class="quiz-actions">
                <button type="button" class="button" on:click=done>"Done"</button>
                <button type="button" class="button secondary" on:click=move |_| state.finish(false)>"Not tonight"</button>
            </div>
            <button type="button" class="link-button" on:click=move |_| state.step.set(1)>"Back"</button>
        </section>
    }
}

/// Pain as numbers to tap, none chosen at first: a step left alone is "not recorded", never
/// 0. Tapping the chosen number again clears it.
#[component]
fn PainScore() -> impl IntoView {
    let state = DiaryState::expect();
    let pain = move || state.draft.with(|d| d.pain);
    let said = move || match pain() {
        Some(score) => format!("{score} out of 10"),
        None => "not set: tap a number".to_string(),
    };
    let buttons = (0..=10u8)
        .map(|score| {
            let tap = move |_| {
                state.draft.update(|d| {
                    d.pain = if d.pain == Some(score) { None } else { Some(score) };
                })
            };
            view! {
                <button type="button" class="pain-number" aria-pressed=move || (pain() == Some(score)).to_string() on:click=tap>
                    {score}
                </button>
            }
        })
        .collect_view();
    view! {
        <fieldset class="pain-score">
            <legend>"Pain now: " <strong class="pain-value">{said}</strong></legend>
            <div class="pain-numbers">{buttons}</div>
            <p class="small">"0 = no pain, 10 = the worst you can imagine. Skip it if you would rather not say."</p>
        </fieldset>
    }
}

#[component]
fn SleepWell() -> impl IntoView {
    let state = DiaryState::expect();
    let entry = state.draft.get_untracked();
    let asked_to_moisturise = untrack(moisturising_applies);
    let advice = state
        .entries
        .with_untracked(|entries| nudges(entries, entry.night));
    view! {
        <section class="page tonight">
            <StepHeading text="Sleep well"/>
            <ul class="plain-list summary">
                <li>{entry.pain.map_or("Pain not recorded".to_string(), |pain| format!("Pain {pain} out of 10"))}</li>
                {(!entry.places.is_empty()).then(|| view! { <li>{entry.places.iter().map(|p| p.label()).collect::<Vec<_>>().join(", ")}</li> })}
                {(entry.moisturized || asked_to_moisturise).then(|| view! {
                    <li>{if entry.moisturized { "Feet moisturised" } else { "No moisturising tonight" }}</li>
                })}
            </ul>
            {advice.into_iter().map(|nudge| view! { <p class="note">{nudge.text()}</p> }).collect_view()}
            <SavedOrNot/>
            <p><A href="/diary">"See your diary"</A></p>
            {move || matches!(state.saved.get(), Some(Ok(()))).then(|| view! { <InstallOffer/> })}
            <super::try_tonight::TryTonight/>
        </section>
    }
}

/// Whether tonight's answers are in the diary, as the write went: a full or blocked
/// storage is said plainly, with what still holds.
#[component]
fn SavedOrNot() -> impl IntoView {
    let state = DiaryState::expect();
    move || {
        match state.saved.get() {
        Some(Err(reason)) => view! {
            <div class="form-error" role="alert">
                <p><strong>"Not saved in your diary."</strong></p>
                <p>{reason}</p>
                <p>"Tonight's answers are on this screen until the app is closed. Free some space, then run the check-in again to keep them."</p>
            </div>
        }
        .into_any(),
        _ => view! { <p role="status">"Saved in your diary. A second check-in tonight updates this one."</p> }.into_any(),
    }
    }
}
