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
/// beside it. Nothing for the other levels. Used by pages in chunks; Home has `CallLinksSoon`.
#[component]
pub fn CallLinks(urgency: Urgency) -> impl IntoView {
    match urgency {
        Urgency::Emergency => view! { <RegionLinks which=EMERGENCY/> }.into_any(),
        Urgency::Urgent | Urgency::NextDay => view! { <RegionLinks which=URGENT/> }.into_any(),
        _ => ().into_any(),
    }
}

/// The links from the Learn pages' chunk, for Home's warning signs: in the first load, the
/// region's table, its guess and the settings' writer were 9 KB gzip (measured). They come
/// once `near` (the box near the screen, `WarningSigns`): Home's start fetches no other
/// page's code, and the page as prerendered and as taken over stays the same. Until then
/// (and when the chunk cannot come, offline on a first visit), `words` say the common
/// numbers.
#[component]
pub fn CallLinksSoon(urgency: Urgency, words: &'static str, near: RwSignal<bool>) -> impl IntoView {
    let words_only = move || view! { <p class="small">{words}</p> };
    move || {
        if !near.get() {
            return words_only().into_any();
        }
        let links = Suspend::new(async move {
            links_code(urgency == Urgency::Emergency)
                .await
                .unwrap_or_else(|error| {
                    leptos::logging::warn!("the numbers to call did not load: {error:?}");
                    words_only().into_any()
                })
        });
        view! { <Suspense fallback=words_only>{links}</Suspense> }.into_any()
    }
}

#[cfg(lazy_routes)]
#[leptos::wasm_split::wasm_split(learn_pages, wasm_split_path = ::leptos::wasm_split, fallible)]
fn links_code(emergency: bool) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(links_now(emergency))
}

#[cfg(not(lazy_routes))]
#[allow(clippy::unused_async)]
async fn links_code(emergency: bool) -> Result<AnyView, std::convert::Infallible> {
    Ok(links_now(emergency))
}

fn links_now(emergency: bool) -> AnyView {
    let which = if emergency { EMERGENCY } else { URGENT };
    view! { <RegionLinks which/> }.into_any()
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
            format!(
                "Numbers for {}, guessed from this phone. Is that where you live? ",
                region.name()
            )
        };
        // The guess, confirmed in one tap, is a choice: the question does not come again.
        let confirm = (!chosen()).then(|| {
            let keep = move |_| {
                if let Some(settings) = settings {
                    settings.change(|s| s.region = Some(region));
                }
            };
            view! { <button type="button" class="link-button" on:click=keep>"Yes"</button>" · " }
        });
        view! {
            <div class="call-links">
                {links}
                {(!numbers.note.is_empty()).then(|| view! { <p class="small">{numbers.note}</p> })}
                <p class="small region-line">{whose}{confirm}<A href="/settings">"Change where you live"</A></p>
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
