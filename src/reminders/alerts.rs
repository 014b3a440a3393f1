//! Whether a reminder will actually alert the person: notifications (asked for only when
//! turned on), the calendar, and what this browser can do. Until alerts are on, each card
//! says it will not alert, and an offer sits right under the list.

use super::ics;
use super::RemindersState;
use crate::components::Notices;
use crate::platform::clock::{self, DeviceZone};
use crate::platform::{files, notifications};
use leptos::prelude::*;

/// The page's view of notifications: the browser's permission and the person's switch.
#[derive(Clone, Copy)]
pub struct Alerts {
    permission: RwSignal<Option<String>>,
    /// Notifications are switched on and allowed.
    pub on: Memo<bool>,
}

impl Alerts {
    pub fn provide() -> Alerts {
        let state = RemindersState::expect();
        let permission = RwSignal::new(notifications::permission());
        let on = Memo::new(move |_| {
            state.data.with(|d| d.notify) && permission.get().as_deref() == Some("granted")
        });
        let alerts = Alerts { permission, on };
        provide_context(alerts);
        alerts
    }

    pub fn expect() -> Alerts {
        expect_context::<Alerts>()
    }

    /// Switches notifications on or off; on asks the browser's permission the first time.
    fn switch(&self, on: bool) {
        let state = RemindersState::expect();
        let notices = expect_context::<Notices>();
        let permission = self.permission;
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
    }
}

fn export_calendar() {
    let state = RemindersState::expect();
    let now = clock::now_ms() as i64;
    let text = state.data.with_untracked(|d| {
        ics::calendar(
            &d.list,
            &crate::platform::locale::time_zone_name(),
            &DeviceZone,
            now,
        )
    });
    if let Err(error) = files::download_text("legs-at-night-reminders.ics", &text, "text/calendar")
    {
        expect_context::<Notices>().report(&error);
    }
}

/// Right under the list once a reminder exists and until alerts are on: the two ways to be
/// alerted, where the person has just saved, not six screens further down.
#[component]
pub fn AlertOffer() -> impl IntoView {
    let state = RemindersState::expect();
    let alerts = Alerts::expect();
    let wanted = move || !alerts.on.get() && state.data.with(|d| !d.list.is_empty());
    let blocked = move || alerts.permission.get().as_deref() == Some("denied");
    view! {
        <Show when=wanted>
            <section class="card alert-offer" aria-labelledby="alert-offer-title">
                <h2 id="alert-offer-title">"Your reminders will not alert you yet"</h2>
                <p>{move || if blocked() {
                    "Notifications are blocked for this site: allow them in the browser's site settings, or add the reminders to your calendar."
                } else {
                    "Turn on notifications, or add the reminders to your phone's calendar, which can alert you even when the app is closed."
                }}</p>
                <div class="quiz-actions">
                    <button type="button" class="button" hidden=blocked on:click=move |_| alerts.switch(true)>"Turn on notifications"</button>
                    <button type="button" class="button secondary" on:click=move |_| export_calendar()>"Add to my calendar"</button>
                </div>
            </section>
        </Show>
    }
}

#[component]
pub fn NotificationSettings() -> impl IntoView {
    let state = RemindersState::expect();
    let alerts = Alerts::expect();
    let toggle = move |_| alerts.switch(!state.data.with_untracked(|d| d.notify));
    view! {
        <section aria-labelledby="notify-title">
            <h2 id="notify-title">"Notifications"</h2>
            <p>"When the app is open, or its background helper is awake, it can pop up a reminder; where the browser allows, with Done and Snooze buttons on it (see below). We only ask your permission after you turn this on."</p>
            <label class="choice">
                <input type="checkbox" prop:checked=move || state.data.with(|d| d.notify) on:change=toggle/>
                <span>"Show notifications for due reminders"</span>
            </label>
            {move || (alerts.permission.get().as_deref() == Some("denied")).then(|| view! {
                <p class="form-error">"Notifications are blocked for this site. Allow them in the browser's site settings to use this."</p>
            })}
        </section>
    }
}

#[component]
pub fn CalendarExport() -> impl IntoView {
    let state = RemindersState::expect();
    let nothing_to_export = move || state.data.with(|d| d.list.is_empty());
    view! {
        <section aria-labelledby="calendar-title">
            <h2 id="calendar-title">"Your calendar can remind you too"</h2>
            <p>"A browser cannot wake a closed app at an exact time. Your phone's calendar can: add the reminders to it as repeating events with an alert."</p>
            <button type="button" class="button secondary" on:click=move |_| export_calendar()
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
pub fn StatusPanel() -> impl IntoView {
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
                <dt>"Installed to the home screen"</dt><dd>{yes_no(abilities.installed)}{if abilities.installed { "" } else { ": add it to your home screen (Settings, On your home screen) for the best chance of reminders." }}</dd>
                <dt>"Number on the app icon"</dt><dd>{if abilities.badge { "Yes: the icon shows how many are due." } else { "No: this browser cannot put a number on the icon." }}</dd>
                <dt>"Background checks"</dt><dd>{if abilities.periodic_sync { "Possible: the browser may check now and then, at times it chooses." } else { "No: reminders appear only while the app is open. The calendar is the sure way." }}</dd>
            </dl>
        </section>
    }
}
