//! `/foot-check`: the guided routine, one step a screen.

use super::advice::advise;
use super::map::FootMap;
use super::model::{rest_of_foot_fine, toggle_mark, Area, Foot, Mark, Step, Temperature};
use super::FootCheckState;
use crate::components::photos::AreaPhotos;
use crate::components::{InstallOffer, StepHeading, UrgencyBanner};
use crate::platform::document;
use crate::router::A;
use leptos::prelude::*;

#[component]
pub fn FootCheckPage() -> impl IntoView {
    document::set_title("Foot check");
    let state = FootCheckState::expect();
    let step = Memo::new(move |_| state.current_step());
    move || match step.get() {
        Step::Prepare => view! { <Prepare/> }.into_any(),
        Step::Temperature => view! { <Temperature/> }.into_any(),
        Step::TouchTest => view! { <super::touch_step::TouchTestStep/> }.into_any(),
        Step::Look(foot, area) => view! { <Look foot area/> }.into_any(),
        Step::Summary => view! { <Summary/> }.into_any(),
    }
}

#[component]
fn StepCount() -> impl IntoView {
    let state = FootCheckState::expect();
    let total = Step::all().len() - 1;
    view! {
        <p class="step" aria-live="polite">{move || format!("Step {} of {total}", state.step.get())}</p>
        <progress max=total value=move || state.step.get() aria-hidden="true"></progress>
    }
}

#[component]
pub(super) fn Nav(#[prop(into)] can_go_on: Signal<bool>) -> impl IntoView {
    let state = FootCheckState::expect();
    view! {
        <div class="quiz-actions step-bar">
            <button type="button" class="button secondary" on:click=move |_| state.go(-1)>"Back"</button>
            <button type="button" class="button" disabled=move || !can_go_on.get() on:click=move |_| state.go(1)>"Next"</button>
        </div>
    }
}

#[component]
fn Prepare() -> impl IntoView {
    let state = FootCheckState::expect();
    view! {
        <section class="page foot-check">
            <StepHeading text="Foot check".to_string()/>
            <p class="lead">"Two minutes, both feet, one area at a time. Before you start:"</p>
            <ul class="plain-list">
                <li>"Take off socks and shoes."</li>
                <li>"Sit where the light is good; put on your reading glasses if you use them."</li>
                <li>"Put a hand mirror on the floor to see your soles. If you cannot see them, ask someone to look for you, or take a photo with your phone at each area."</li>
            </ul>
            <label class="choice">
                <input type="checkbox" prop:checked=move || state.diabetes.get() on:change=move |_| state.diabetes.update(|d| *d = !*d)/>
                <span>"I have diabetes (the advice takes it into account)"</span>
            </label>
            <button type="button" class="button wide" on:click=move |_| state.go(1)>"Start the foot check"</button>
            <p><A href="/foot-check/history">"Past checks and foot map"</A></p>
        </section>
    }
}

#[component]
fn Temperature() -> impl IntoView {
    let state = FootCheckState::expect();
    let options = [
        (Some(Temperature::Same), "Both feel the same"),
        (Some(Temperature::OneWarmer), "One foot is warmer"),
        (Some(Temperature::OneColder), "One foot is colder or paler"),
        (None, "Not sure"),
    ];
    let choices = options
        .into_iter()
        .map(|(value, label)| {
            view! {
                <label class="choice">
                    <input type="radio" name="temperature" prop:checked=move || state.temperature.get() == Some(value)
                        on:change=move |_| state.temperature.set(Some(value))/>
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    let colder = move || state.temperature.get() == Some(Some(Temperature::OneColder));
    view! {
        <section class="page foot-check">
            <StepCount/>
            <fieldset class="question">
                <legend><StepHeading text="Feel both feet".to_string()/></legend>
                <p class="hint">"Lay the back of your hand on one foot, then the other. Does one feel warmer, or colder and paler, than the other?"</p>
                {choices}
            </fieldset>
            <Show when=colder>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || state.colder_came_suddenly.get()
                        on:change=move |e| state.colder_came_suddenly.set(event_target_checked(&e))/>
                    <span>"It became colder or paler suddenly, within the last hours"</span>
                </label>
                <label class="choice">
                    <input type="checkbox" prop:checked=move || state.cold_foot_eases_hanging.get()
                        on:change=move |e| state.cold_foot_eases_hanging.set(event_target_checked(&e))/>
                    <span>"In bed that foot hurts, and it eases when I hang it over the edge"</span>
                </label>
            </Show>
            <Nav can_go_on=Signal::derive(move || state.temperature.get().is_some())/>
        </section>
    }
}

#[component]
fn Look(foot: Foot, area: Area) -> impl IntoView {
    let state = FootCheckState::expect();
    let marks = move || {
        state
            .draft
            .with(|d| d.get(&(foot, area)).cloned().unwrap_or_default())
    };
    let choices = Mark::ALL
        .iter()
        .filter(|mark| area != Area::BetweenToes || !matches!(mark, Mark::HardSkin))
        .map(|mark| {
            let mark = *mark;
            view! {
                <label class="choice">
                    <input type="checkbox" prop:checked=move || marks().contains(&mark)
                        on:change=move |_| state.draft.update(|d| toggle_mark(d.entry((foot, area)).or_default(), mark))/>
                    <span>{mark.label()}</span>
                </label>
            }
        })
        .collect_view();
    let worst = move |(f, a): (Foot, Area)| {
        state.draft.with(|d| {
            d.get(&(f, a))
                .and_then(|m| m.iter().copied().max_by_key(|m| m.severity()))
        })
    };
    // The map only shows where this step is: a tap on it used to jump steps unasked.
    view! {
        <section class="page foot-check">
            <div class="step-head">
                <div><StepCount/></div>
                <FootMap worst=worst highlight=(foot, area) locator=true/>
            </div>
            <fieldset class="question">
                <legend><StepHeading text=format!("{}: {}", foot.name(), area.name().to_lowercase())/></legend>
                <p class="hint">{area.instruction()}</p>
                {choices}
            </fieldset>
            <FootLooksFine foot/>
            <AreaPhotos spot=(foot, area) check=Signal::derive(move || Some(state.started.get()))/>
            <Nav can_go_on=Signal::derive(move || !marks().is_empty())/>
        </section>
    }
}

/// "Everything on this foot looks fine": the foot's unrecorded areas fine, on to the next
/// foot. Once something is marked on it, "the rest" of it.
#[component]
fn FootLooksFine(foot: Foot) -> impl IntoView {
    let state = FootCheckState::expect();
    let marked = move || {
        state.draft.with(|draft| {
            draft
                .iter()
                .any(|((f, _), marks)| *f == foot && marks.iter().any(|m| *m != Mark::Fine))
        })
    };
    let label = move || {
        if marked() {
            "The rest of this foot looks fine"
        } else {
            "Everything on this foot looks fine"
        }
    };
    let all_fine = move |_| {
        state.draft.update(|draft| rest_of_foot_fine(draft, foot));
        state.step.set(Step::after_foot(foot));
    };
    view! {
        <button type="button" class="button secondary wide all-fine" on:click=all_fine>{label}</button>
    }
}

#[component]
fn Summary() -> impl IntoView {
    let state = FootCheckState::expect();
    let check = Memo::new(move |_| state.recorded(0));
    let advice = move || {
        let mut current = check.get();
        current.id = state
            .saved
            .get()
            .unwrap_or_else(|| crate::platform::clock::now_ms() as u64);
        state.checks.with(|earlier| advise(&current, earlier))
    };
    view! {
        <section class="page foot-check">
            <StepHeading text="What now".to_string()/>
            {move || {
                let advice = advice();
                let reasons = advice.items.iter().filter(|i| i.urgency() == advice.urgency).map(|i| i.text()).collect();
                let offers_reminder = advice.items.iter().any(|i| i.offers_reminder());
                view! {
                    <UrgencyBanner urgency=advice.urgency reasons/>
                    // The most urgent items are in the banner; the rest follow once.
                    <ul class="advice">
                        {advice.items.iter().filter(|i| i.urgency() != advice.urgency).map(|i| view! { <li>{i.text()}</li> }).collect_view()}
                    </ul>
                    {offers_reminder.then(|| view! { <ReminderOffer/> })}
                }
            }}
            <h2>"What you recorded"</h2>
            <ul class="plain-list">
                {move || check.with(|check| check.recorded_lines())
                    .into_iter()
                    .map(|line| view! { <li>{line}</li> })
                    .collect_view()}
            </ul>
            <Show
                when=move || state.saved.get().is_some()
                fallback=move || view! {
                    <div class="quiz-actions">
                        <button type="button" class="button secondary" on:click=move |_| state.go(-1)>"Back"</button>
                        <button type="button" class="button" on:click=move |_| { state.save(); }>"Save this check"</button>
                    </div>
                }
            >
                <p role="status"><strong>"Saved."</strong>" See you tomorrow."</p>
                <p><A href="/foot-check/history">"Past checks and foot map"</A></p>
                <button type="button" class="button secondary" on:click=move |_| state.restart()>"Start a new check"</button>
                <InstallOffer/>
            </Show>
        </section>
    }
}

/// "Set a moisturising reminder": a bedtime reminder every day, unless one exists already.
#[component]
fn ReminderOffer() -> impl IntoView {
    let reminders = crate::reminders::RemindersState::expect();
    let message = RwSignal::new(None::<String>);
    let has_one = move || reminders.data.with(|d| !d.list.is_empty());
    let add = move |_| {
        let draft = crate::reminders::schedule::Reminder {
            id: 0,
            label: "Heels before bed".into(),
            time: 22 * 60,
            days: crate::reminders::schedule::EVERY_DAY,
            enabled: true,
            since_day: 0,
        };
        message.set(Some(match reminders.save(None, draft) {
            Ok(_) => "Done: a reminder every night at 22:00. Change it on the Remind page.".into(),
            Err(error) => error.to_string(),
        }));
    };
    view! {
        <div class="reminder-offer">
            <Show
                when=has_one
                fallback=move || view! { <button type="button" class="button secondary" on:click=add>"Set a moisturising reminder"</button> }
            >
                <p>"You have a moisturising reminder. "<A href="/reminders">"See your reminders"</A></p>
            </Show>
            <p role="status">{move || message.get()}</p>
        </div>
    }
}
