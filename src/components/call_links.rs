//! The numbers to call, as links a thumb can tap: the region's own (Settings, "Where you
//! live"), with a line saying which region they are for and where to change it.

use crate::clinical::Urgency;
use crate::router::A;
use crate::settings::region::Line;
use crate::settings::{Region, SettingsState};
use leptos::prelude::*;

/// A line as a button that dials it, or in words where it has no one number.
fn call(line: Line, class: &'static str) -> AnyView {
    match line.dial {
        Some(dial) => {
            view! { <a class=class href=format!("tel:{dial}")>{format!("Call {}", line.name)}</a> }
                .into_any()
        }
        None => view! { <p class="call-words">{format!("Call {}.", line.name)}</p> }.into_any(),
    }
}

/// What to call for `urgency`: the emergency number for an emergency; for help "now, not
/// tomorrow" (and a practice that is closed) the urgent line, and the emergency number
/// beside it. Nothing for the other levels. Used by pages in chunks only: Home's first
/// load does not carry the table (its warning signs say "the emergency number" in words).
#[component]
pub fn CallLinks(urgency: Urgency) -> impl IntoView {
    match urgency {
        Urgency::Emergency => view! { <RegionLinks which=EMERGENCY/> }.into_any(),
        Urgency::Urgent | Urgency::NextDay => view! { <RegionLinks which=URGENT/> }.into_any(),
        _ => ().into_any(),
    }
}

const EMERGENCY: u8 = 2;
const URGENT: u8 = 1;

#[component]
fn RegionLinks(which: u8) -> impl IntoView {
    // Always there in the app; a widget shown on its own (a test) falls back to the guess.
    let settings = use_context::<SettingsState>();
    let chosen = move || settings.is_some_and(|s| s.region_chosen());
    move || {
        let region = settings.map_or_else(SettingsState::guessed_region, |s| s.help_region());
        let numbers = region.numbers();
        let links = if which == EMERGENCY {
            call(numbers.emergency, "button call-button")
        } else {
            view! {
                {call(numbers.urgent, "button call-button urgent-call")}
                <p class="small">"In an emergency: "{call(numbers.emergency, "call-inline")}</p>
            }
            .into_any()
        };
        let whose = if chosen() {
            format!("Numbers for {}. ", region.name())
        } else {
            format!("Numbers for {}, guessed from this phone. ", region.name())
        };
        view! {
            <div class="call-links">
                {links}
                {(!numbers.note.is_empty()).then(|| view! { <p class="small">{numbers.note}</p> })}
                <p class="small region-line">{whose}<A href="/settings">"Change where you live"</A></p>
            </div>
        }
    }
}

/// Only the emergency number's button, for a bar that must stay one line high. (In the
/// quiz's chunk, which Home's first load does not carry.)
#[component]
pub fn EmergencyCallButton() -> impl IntoView {
    let settings = SettingsState::expect();
    move || {
        let emergency = settings.help_region().numbers().emergency;
        call(emergency, "button call-button")
    }
}

/// The region's numbers in words, for a text that leaves the app (the doctor's summary).
pub fn numbers_in_words(region: Region) -> String {
    let numbers = region.numbers();
    format!(
        "Numbers to call ({}): emergency {}; urgent help {}.",
        region.name(),
        numbers.emergency.name,
        numbers.urgent.name
    )
}
