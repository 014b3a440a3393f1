//! Adding the app to the home screen: the offer after something worth keeping (a finished
//! check, a check-in, a reminder), and Settings' steps and status. A chunk of its own, not
//! a page's: four pages show it, and the first load must not carry it.

mod offer;
mod settings;
mod state;
mod steps;

use leptos::prelude::*;

/// Which part to draw; a plain number crosses the split.
#[derive(Clone, Copy)]
#[repr(u8)]
enum Part {
    Offer,
    Settings,
    DataWarning,
}

#[cfg(lazy_routes)]
#[leptos::wasm_split::wasm_split(
    install,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_install)
)]
fn code(part: u8) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(code_now(part))
}

#[cfg(not(lazy_routes))]
#[allow(clippy::unused_async)]
async fn code(part: u8) -> Result<AnyView, std::convert::Infallible> {
    Ok(code_now(part))
}

/// Fetches and starts the install code ahead, for Settings, which shows it at its top.
#[cfg(lazy_routes)]
pub async fn preload() -> Result<(), leptos::wasm_split::SplitLoaderError> {
    preload_install().await
}

fn code_now(part: u8) -> AnyView {
    if part == Part::Offer as u8 {
        view! { <offer::Offer/> }.into_any()
    } else if part == Part::Settings as u8 {
        view! { <settings::InSettings/> }.into_any()
    } else {
        view! { <settings::DataWarning/> }.into_any()
    }
}

fn loaded(part: Part) -> impl IntoView {
    let view = Suspend::new(async move {
        code(part as u8).await.unwrap_or_else(|error| {
            leptos::logging::warn!("the install part did not load: {error:?}");
            ().into_any()
        })
    });
    // In an element of its own: a part that comes later, with nothing in its place until
    // then, was put before the reminders' alert offer instead of after the form.
    view! { <div class="install-part"><Suspense fallback=|| ()>{view}</Suspense></div> }
}

/// The offer, where something worth keeping was just saved. Running installed, the same
/// moment asks the browser to keep the data (`offer::Offer`).
#[component]
pub fn InstallOffer() -> impl IntoView {
    loaded(Part::Offer)
}

#[component]
pub fn InstallInSettings() -> impl IntoView {
    loaded(Part::Settings)
}

/// Safari's warning that it may delete the data, for Settings' data section.
#[component]
pub fn SafariDataWarning() -> impl IntoView {
    loaded(Part::DataWarning)
}
