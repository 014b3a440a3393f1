//! `/reminders`: the list, the form, and the record of nights.

use super::due::Status;
use super::ics;
use super::schedule::{parse_time, Reminder, ScheduleError, EVERY_DAY, WEEKDAYS};
use super::stats::{history, DayMark};
use super::RemindersState;
use crate::components::{ConfirmFirst, Notices, Question};
use crate::platform::clock::{self, DeviceZone};
use crate::platform::{document, files, notifications};
use leptos::prelude::*;

#[component]
pub fn RemindersPage() -> impl IntoView {
    document::set_title("Reminders");
    let editing = RwSignal::new(None::<Reminder>);
    view! {
        <section class="page reminders">
            <h1>"Moisturising reminders"</h1>
            <CareTips/>
            <crate::components::DueReminders/>
            <ReminderList editing/>
            {move || match editing.get() {
                Some(draft) => view! { <ReminderForm draft editing/> }.into_any(),
                None => view! {
                    <button type="button" class="button wide" on:click=move |_| editing.set(Some(Reminder { id: 0, label: "Heels before bed".into(), time: 22 * 60, days: EVERY_DAY, enabled: true, since_day: 0 }))>
                        "Add a reminder"
                    </button>
                }.into_any(),
            }}
            <HistoryCalendar/>
            <NotificationSettings/>
            <CalendarExport/>
            <StatusPanel/>
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
fn ReminderList(editing: RwSignal<Option<Reminder>>) -> impl IntoView {
    let state = RemindersState::expect();
    let rows = move || state.data.with(|d| d.list.clone());
    view! {
        <h2>"Your reminders"</h2>
        <Show when=move || state.data.with(|d| d.list.is_empty())>
            <p>"No reminders yet. Add one for bedtime."</p>
        </Show>
        <ul class="card-list reminder-list">
            <For each=rows key=|r| format!("{r:?}") let:reminder>
                <ReminderRow reminder editing/>
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
fn ReminderRow(reminder: Reminder, editing: RwSignal<Option<Reminder>>) -> impl IntoView {
    let state = RemindersState::expect();
    let id = reminder.id;
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
        <li class="card reminder-row">
            <strong>{format!("{} at {}", reminder.label, reminder.time_text())}</strong>
            <span>{reminder.days_text()}</span>
            <span class="small" role="status">{status_text}</span>
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
fn ReminderForm(draft: Reminder, editing: RwSignal<Option<Reminder>>) -> impl IntoView {
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
            Ok(_) => editing.set(None),
            // Said already; the list below shows the reminders as they are now.
            Err(ScheduleError::Gone | ScheduleError::ChangedElsewhere) => editing.set(None),
            Err(problem) => error.set(Some(problem.to_string())),
        }
    };
    let day_boxes = WEEKDAYS
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
        .collect_view();
    view! {
        <form class="reminder-form" on:submit=save novalidate>
            <h2>{heading}</h2>
            <label for="reminder-label">"Name"</label>
            <input id="reminder-label" type="text" maxlength="80" prop:value=move || label.get() on:input=move |e| label.set(event_target_value(&e))/>
            <label for="reminder-time">"Time"</label>
            <input id="reminder-time" type="time" prop:value=move || time.get() on:input=move |e| time.set(event_target_value(&e))/>
            <fieldset class="days">
                <legend>"Days"</legend>
                {day_boxes}
            </fieldset>
            {move || error.get().map(|message| view! { <p class="form-error" role="alert">{message}</p> })}
            <div class="quiz-actions">
                <button type="button" class="button secondary" on:click=move |_| editing.set(None)>"Cancel"</button>
                <button type="submit" class="button">"Save reminder"</button>
            </div>
        </form>
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

#[component]
fn NotificationSettings() -> impl IntoView {
    let state = RemindersState::expect();
    let notices = expect_context::<Notices>();
    let permission = RwSignal::new(notifications::permission());
    let toggle = move |_| {
        let on = !state.data.with_untracked(|d| d.notify);
        state.set_notify(on);
        if on && permission.get_untracked().as_deref() == Some("default") {
            leptos::task::spawn_local(async move {
                match notifications::request_permission().await {
                    Ok(answer) => permission.set(Some(answer)),
                    Err(error) => notices.report(&error),
                }
                state.tick();
            });
        } else {
            // A reminder due now pops up at once, not at the clock's next tick.
            state.tick();
        }
    };
    view! {
        <section aria-labelledby="notify-title">
            <h2 id="notify-title">"Notifications"</h2>
            <p>"When the app is open, or its background helper is awake, it can pop up a reminder; where the browser allows, with Done and Snooze buttons on it (see below). We only ask your permission after you turn this on."</p>
            <label class="choice">
                <input type="checkbox" prop:checked=move || state.data.with(|d| d.notify) on:change=toggle/>
                <span>"Show notifications for due reminders"</span>
            </label>
            {move || (permission.get().as_deref() == Some("denied")).then(|| view! {
                <p class="form-error">"Notifications are blocked for this site. Allow them in the browser's site settings to use this."</p>
            })}
        </section>
    }
}

#[component]
fn CalendarExport() -> impl IntoView {
    let state = RemindersState::expect();
    let notices = expect_context::<Notices>();
    let nothing_to_export = move || state.data.with(|d| d.list.is_empty());
    let export = move |_| {
        let now = clock::now_ms() as i64;
        let text = state.data.with_untracked(|d| {
            ics::calendar(&d.list, &notifications::time_zone_name(), &DeviceZone, now)
        });
        if let Err(error) =
            files::download_text("legs-at-night-reminders.ics", &text, "text/calendar")
        {
            notices.report(&error);
        }
    };
    view! {
        <section aria-labelledby="calendar-title">
            <h2 id="calendar-title">"Your calendar can remind you too"</h2>
            <p>"A browser cannot wake a closed app at an exact time. Your phone's calendar can: add the reminders to it as repeating events with an alert."</p>
            <button type="button" class="button secondary" on:click=export
                prop:disabled=nothing_to_export aria-describedby="calendar-why">"Add to my calendar"</button>
            <p id="calendar-why" class="small">{move || if nothing_to_export() {
                "Nothing to add yet: make a reminder first, then it can go to your calendar."
            } else {
                "After importing, open one event and check that it still has its alert: some calendars drop alerts on import. Importing again updates the events instead of doubling them."
            }}</p>
        </section>
    }
}

#[component]
fn StatusPanel() -> impl IntoView {
    let abilities = notifications::capabilities();
    let yes_no = |ok: bool| if ok { "Yes" } else { "No" };
    let permission = match abilities.notifications.as_deref() {
        Some("granted") => "Allowed: reminders pop up while the app or its helper is running.",
        Some("denied") => "Blocked in the browser's settings.",
        Some(_) => "Not asked yet: turn them on above.",
        None => "This browser has no notifications.",
    };
    view! {
        <section class="status-panel" aria-labelledby="status-title">
            <h2 id="status-title">"What works in this browser"</h2>
            <dl>
                <dt>"Notifications"</dt><dd>{permission}</dd>
                <dt>"Done and Snooze buttons"</dt><dd>{if abilities.actions { "Yes, on the notification itself." } else { "No: this browser shows the notification without buttons. Tap it to open your reminders and mark it there." }}</dd>
                <dt>"Installed to the home screen"</dt><dd>{yes_no(abilities.installed)}{if abilities.installed { "" } else { ": install it from the browser menu for the best chance of reminders." }}</dd>
                <dt>"Number on the app icon"</dt><dd>{if abilities.badge { "Yes: the icon shows how many are due." } else { "No: this browser cannot put a number on the icon." }}</dd>
                <dt>"Background checks"</dt><dd>{if abilities.periodic_sync { "Possible: the browser may check now and then, at times it chooses." } else { "No: reminders appear only while the app is open. The calendar is the sure way." }}</dd>
            </dl>
        </section>
    }
}
