//! The due and overdue reminder cards (on Home and on Remind) and the reminders at start:
//! the clock behind notifications, kept out of the main module. Most people who open Home
//! have no reminders, and for them this code (the schedule, its stored types and serde for
//! them) is never downloaded; for the others it loads right after the page is up.

use crate::platform::clock;
use crate::reminders::due::{Outcome, Status};
use crate::reminders::schedule::Reminder;
use crate::reminders::RemindersState;
use leptos::prelude::*;

/// Makes the reminders' state, which starts their clock, and with `with_cards` the due cards.
/// In the setting-up chunk with the Remind page: a split of its own would cut every other
/// page's code into more shared files (each set of splits sharing code gets its own file).
#[cfg(lazy_routes)]
#[leptos::wasm_split::wasm_split(
    setup_pages,
    wasm_split_path = ::leptos::wasm_split,
    fallible
)]
fn start(with_cards: bool) -> Result<Option<AnyView>, leptos::wasm_split::SplitLoaderError> {
    Ok(start_now(with_cards))
}

#[cfg(not(lazy_routes))]
#[allow(clippy::unused_async)]
async fn start(with_cards: bool) -> Result<Option<AnyView>, std::convert::Infallible> {
    Ok(start_now(with_cards))
}

fn start_now(with_cards: bool) -> Option<AnyView> {
    RemindersState::expect();
    with_cards.then(|| view! { <DueReminders/> }.into_any())
}

/// Starts the reminders' clock (notifications, the badge) on any page, when this visit
/// has reminders; nothing otherwise.
pub fn start_if_wanted() {
    if !RemindersState::wanted() {
        return;
    }
    // Scoped: the state is made under the app's owner, where its context lives.
    leptos::task::spawn_local_scoped(async {
        if let Err(error) = start(false).await {
            leptos::logging::warn!("reminders did not start: {error:?}");
        }
    });
}

/// Home's due and overdue reminders, once their code is here; nothing, and no download,
/// for a person without reminders.
#[component]
pub fn DueRemindersOnHome() -> impl IntoView {
    if !RemindersState::wanted() {
        return ().into_any();
    }
    let cards = Suspend::new(async {
        start(true).await.unwrap_or_else(|error| {
            leptos::logging::warn!("due reminders did not load: {error:?}");
            None
        })
    });
    view! { <Suspense fallback=|| ()>{cards}</Suspense> }.into_any()
}

/// Due and overdue reminders with Done, Snooze and Skip: shown on Home and on Remind.
#[component]
pub fn DueReminders() -> impl IntoView {
    let state = RemindersState::expect();
    let due = move || {
        state.data.with(|data| {
            data.list
                .iter()
                .filter_map(|r| {
                    let status = state.status(r);
                    status.needs_action().then(|| (r.clone(), status))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <For each=due key=|(r, status)| (r.id, format!("{status:?}")) let:item>
            <DueCard reminder=item.0 status=item.1/>
        </For>
    }
}

#[component]
fn DueCard(reminder: Reminder, status: Status) -> impl IntoView {
    let state = RemindersState::expect();
    let (day, at, overdue) = match status {
        Status::DueNow { day, at } => (day, at, false),
        Status::Overdue { day, at } => (day, at, true),
        _ => return ().into_any(),
    };
    let id = reminder.id;
    let when = if overdue {
        format!("Overdue since {}", clock::time_of_day(at))
    } else {
        format!("Due now ({})", clock::time_of_day(at))
    };
    view! {
        <section class="card due-card" aria-label=format!("Reminder: {}", reminder.label)>
            <h2>{reminder.label.clone()}</h2>
            <p>{when}". Soles and heels only, never between the toes."</p>
            <div class="due-actions">
                <button type="button" class="button" on:click=move |_| state.record(id, day, Outcome::Done)>"Done"</button>
                <button type="button" class="button secondary" on:click=move |_| state.snooze(id, day, 15)>"Snooze 15 min"</button>
                <button type="button" class="button secondary" on:click=move |_| state.snooze(id, day, 60)>"Snooze 1 hour"</button>
                <button type="button" class="link-button" on:click=move |_| state.record(id, day, Outcome::Skipped)>"Skip tonight"</button>
            </div>
        </section>
    }
    .into_any()
}
