//! `/reminders`: the list, the form, and the record of nights.

use super::alerts::{AlertOffer, Alerts, CalendarExport, NotificationSettings, StatusPanel};
use super::due::Status;
use super::schedule::{
    parse_time, save_label, DayChoice, Reminder, ScheduleError, EVERY_DAY, WEEKDAYS,
};
use super::stats::{history, DayMark};
use super::RemindersState;
use crate::components::{ConfirmFirst, InNextTask, InstallOffer, Question};
use crate::platform::clock::{self, DeviceZone};
use crate::platform::document;
use leptos::prelude::*;

#[component]
pub fn RemindersPage() -> impl IntoView {
    document::set_title("Reminders");
    let editing = RwSignal::new(None::<Reminder>);
    // The reminder just saved: its card comes into view, schedule and all.
    let saved = RwSignal::new(None::<u32>);
    Alerts::provide();
    view! {
        <section class="page reminders">
            <h1>"Moisturising reminders"</h1>
            <CareTips/>
            <crate::components::DueReminders/>
            <ReminderList editing saved/>
            <AlertOffer/>
            {move || match editing.get() {
                Some(draft) => view! { <ReminderForm draft editing saved/> }.into_any(),
                None => view! {
                    <button type="button" class="button wide" on:click=move |_| editing.set(Some(Reminder { id: 0, label: "Heels before bed".into(), time: 22 * 60, days: EVERY_DAY, enabled: true, since_day: 0 }))>
                        "Add a reminder"
                    </button>
                }.into_any(),
            }}
            // After what a new reminder needs (alerts, the form), not before it.
            <Show when=move || RemindersState::expect().data.with(|d| !d.list.is_empty())>
                <InstallOffer/>
            </Show>
            // Below the first screenful: a task of their own after the rest (issue 28).
            <InNextTask>
                <HistoryCalendar/>
                <NotificationSettings/>
                <CalendarExport/>
                <StatusPanel/>
            </InNextTask>
        </section>
    }
}

#[component]
fn CareTips() -> impl IntoView {
    view! {
        <aside class="care-tips" aria-labelledby="care-title">
            <h2 id="care-title">"How to moisturise cracked heels"</h2>
            <ul>
                <li>"Use a heavy emollient (a thick, greasy cream or ointment) every day, best at bedtime."</li>
                <li>"Rub it into the soles and heels. "<strong>"Never between the toes"</strong>": damp skin there invites athlete's foot."</li>
                <li>"Cotton socks overnight keep it on your skin and off the sheets."</li>
                <li>"With diabetes: do not soak your feet, and let a podiatrist treat deep cracks."</li>
            </ul>
        </aside>
    }
}

#[component]
fn ReminderList(
    editing: RwSignal<Option<Reminder>>,
    saved: RwSignal<Option<u32>>,
) -> impl IntoView {
    let state = RemindersState::expect();
    let rows = move || state.data.with(|d| d.list.clone());
    view! {
        <h2>"Your reminders"</h2>
        <Show when=move || state.data.with(|d| d.list.is_empty())>
            <p>"No reminders yet. Add one for bedtime."</p>
        </Show>
        <ul class="card-list reminder-list">
            <For each=rows key=|r| format!("{r:?}") let:reminder>
                <ReminderRow reminder editing saved/>
            </For>
        </ul>
    }
}

const DELETE_REMINDER: Question = Question {
    ask: "Delete",
    question: "Delete this reminder?",
    detail: "Its record of done and skipped nights goes with it.",
    keep: "Keep",
    confirm: "Delete",
};

#[component]
fn ReminderRow(
    reminder: Reminder,
    editing: RwSignal<Option<Reminder>>,
    saved: RwSignal<Option<u32>>,
) -> impl IntoView {
    let state = RemindersState::expect();
    let id = reminder.id;
    let alerts = Alerts::expect();
    let row = NodeRef::<leptos::html::Li>::new();
    row.on_load(move |row| {
        if saved.get_untracked() == Some(id) {
            row.scroll_into_view();
            document::focus(&row);
        }
    });
    let status_text = {
        let reminder = reminder.clone();
        move || match state.status(&reminder) {
            Status::Upcoming { at } => format!("Next: {}", clock::format_local(at as f64)),
            Status::DueNow { .. } => "Due now".into(),
            Status::Overdue { .. } => "Overdue".into(),
            Status::Snoozed { until, .. } => format!("Snoozed until {}", clock::time_of_day(until)),
            Status::Done { at, .. } => format!("Done tonight at {}", clock::time_of_day(at)),
            Status::Skipped { .. } => "Skipped tonight".into(),
            Status::Off => "Off".into(),
        }
    };
    let edit = reminder.clone();
    let enabled = reminder.enabled;
    let label = reminder.label.clone();
    view! {
        <li class="card reminder-row" tabindex="-1" node_ref=row>
            <strong>{format!("{} at {}", reminder.label, reminder.time_text())}</strong>
            <span>{reminder.days_text()}</span>
            <span class="small" role="status">{status_text}</span>
            <Show when=move || enabled && !alerts.on.get()>
                <span class="will-not-alert">"Will not alert you: notifications are off."</span>
            </Show>
            <div class="row-actions">
                <label class="inline-check">
                    <input type="checkbox" prop:checked=enabled on:change=move |_| state.set_enabled(id, !enabled)/>
                    <span>"On"<span class="visually-hidden">{format!(": {label}")}</span></span>
                </label>
                <button type="button" class="link-button" on:click=move |_| editing.set(Some(edit.clone()))>"Edit"</button>
                <ConfirmFirst
                    question=DELETE_REMINDER
                    on_confirm=move |()| state.remove(id)
                    ask_class="link-button"
                    ask_context=format!(": {}", reminder.label)
                />
            </div>
        </li>
    }
}

#[component]
fn ReminderForm(
    draft: Reminder,
    editing: RwSignal<Option<Reminder>>,
    saved: RwSignal<Option<u32>>,
) -> impl IntoView {
    let state = RemindersState::expect();
    let label = RwSignal::new(draft.label.clone());
    let time = RwSignal::new(draft.time_text());
    let days = RwSignal::new(draft.days);
    let error = RwSignal::new(None::<String>);
    let heading = if draft.id == 0 {
        "New reminder"
    } else {
        "Edit reminder"
    };
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let original = (draft.id != 0).then_some(&draft);
        let outcome = parse_time(&time.get_untracked()).and_then(|minutes| {
            state.save(
                original,
                Reminder {
                    id: draft.id,
                    label: label.get_untracked(),
                    time: minutes,
                    days: days.get_untracked(),
                    enabled: draft.enabled,
                    since_day: 0,
                },
            )
        });
        match outcome {
            Ok(id) => {
                saved.set(Some(id));
                editing.set(None);
            }
            // Said already; the list below shows the reminders as they are now.
            Err(ScheduleError::Gone | ScheduleError::ChangedElsewhere) => editing.set(None),
            Err(problem) => error.set(Some(problem.to_string())),
        }
    };
    let save_label = move || time.with(|time| save_label(time, days.get()));
    view! {
        <form class="reminder-form" on:submit=save novalidate>
            <crate::components::FocusedHeading text=heading/>
            <label for="reminder-label">"Name"</label>
            <input id="reminder-label" type="text" maxlength="80" prop:value=move || label.get() on:input=move |e| label.set(event_target_value(&e))/>
            <label for="reminder-time">"Time"</label>
            <input id="reminder-time" type="time" prop:value=move || time.get() on:input=move |e| time.set(event_target_value(&e))/>
            <DaysField days/>
            {move || error.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
            <div class="quiz-actions">
                <button type="button" class="button secondary" on:click=move |_| editing.set(None)>"Cancel"</button>
                <button type="submit" class="button">{save_label}</button>
            </div>
        </form>
    }
}

/// The days as the common schedules first, one tap each; "Choose days" shows the seven
/// boxes, none ticked.
#[component]
fn DaysField(days: RwSignal<u8>) -> impl IntoView {
    let choice = RwSignal::new(DayChoice::of(days.get_untracked()));
    let options = DayChoice::ALL
        .iter()
        .map(|&option| {
            let pick = move |_| {
                choice.set(option);
                days.set(option.days());
            };
            view! {
                <label class="choice">
                    <input type="radio" name="reminder-days" prop:checked=move || choice.get() == option on:change=pick/>
                    <span>{option.label()}</span>
                </label>
            }
        })
        .collect_view();
    let day_boxes = move || {
        WEEKDAYS
            .iter()
            .enumerate()
            .map(|(i, name)| {
                view! {
                    <label class="day-box">
                        <input type="checkbox" prop:checked=move || days.get() & (1 << i) != 0 on:change=move |_| days.update(|d| *d ^= 1 << i)/>
                        <span>{*name}</span>
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="choice-group days-choice">
            <legend>"Days"</legend>
            {options}
            <Show when=move || choice.get() == DayChoice::Choose>
                <div class="days" role="group" aria-label="Days to remind">{day_boxes}</div>
            </Show>
        </fieldset>
    }
}

#[component]
fn HistoryCalendar() -> impl IntoView {
    let state = RemindersState::expect();
    let summary = Memo::new(move |_| {
        let now = state.now.get();
        let today = super::schedule::local_day(now, &DeviceZone);
        state.data.with(|data| history(data, today, 30))
    });
    let cells = move || {
        summary.with(|h| {
            h.days
                .iter()
                .map(|(day, mark)| {
                    let (class, word) = match mark {
                        DayMark::Free => ("free", "nothing scheduled"),
                        DayMark::AllDone => ("done", "done"),
                        DayMark::Partly => ("partly", "partly done"),
                        DayMark::Skipped => ("skipped", "skipped"),
                        DayMark::Missed => ("missed", "missed"),
                        DayMark::Pending => ("pending", "not yet"),
                    };
                    let (_, _, date) = crate::dates::civil_from_days(*day);
                    view! { <li class=format!("cal-day cal-{class}") title=word><span aria-hidden="true">{date}</span><span class="visually-hidden">{format!("{date}: {word}")}</span></li> }
                })
                .collect_view()
        })
    };
    view! {
        <section aria-labelledby="history-title">
            <h2 id="history-title">"Last 30 days"</h2>
            <p role="status">{move || summary.with(|h| {
                let share = h.share_done().map(|p| format!("{p}% of scheduled applications done")).unwrap_or_else(|| "Nothing scheduled yet".into());
                format!("Streak: {} nights. {share}.", h.streak)
            })}</p>
            <ol class="calendar">{cells}</ol>
            <p class="small">"Filled: done. Ring: missed. Dash: skipped."</p>
        </section>
    }
}
