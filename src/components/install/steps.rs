//! The steps that add the app to the home screen, the way this browser does it.

use super::state::InstallState;
use crate::components::pictures::{add_to_home_screen, safari_share};
use crate::components::Figure;
use legs_core::install::Way;
use leptos::prelude::*;

/// The browser's prompt where it has one, its steps (with pictures on Safari) otherwise.
#[component]
pub fn HowToAdd(state: InstallState) -> impl IntoView {
    move || {
        match state.way() {
        Way::Installed => view! {
            <p role="status"><strong>"Installed."</strong>" You are using Legs at Night from your home screen."</p>
        }
        .into_any(),
        Way::Prompt => view! { <InstallButton state/> }.into_any(),
        Way::SafariPhone => view! { <SafariSteps tablet=false/> }.into_any(),
        Way::SafariTablet => view! { <SafariSteps tablet=true/> }.into_any(),
        Way::OpenInSafari => view! {
            <p>"This page is open inside another app, which cannot add it to your home screen. Safari can."</p>
            <ol class="install-steps">
                <li>"Tap the menu (⋯) or the compass button, then "<strong>"Open in Safari"</strong>". Or copy the address and paste it into Safari."</li>
                <li>"In Safari, tap "<strong>"Share"</strong>", then "<strong>"Add to Home Screen"</strong>"."</li>
            </ol>
        }
        .into_any(),
        Way::SafariComputer => view! {
            <p>"On a Mac, in Safari: open the "<strong>"File"</strong>" menu and choose "<strong>"Add to Dock"</strong>". On an iPhone or iPad, open this page in Safari and add it from the Share button."</p>
        }
        .into_any(),
        Way::FirefoxAndroid => view! {
            <ol class="install-steps">
                <li>"Tap the menu, "<strong>"⋮"</strong>"."</li>
                <li>"Tap "<strong>"Install"</strong>" or "<strong>"Add to Home screen"</strong>"."</li>
            </ol>
        }
        .into_any(),
        Way::ChromiumMenu => view! {
            <ol class="install-steps">
                <li>"Open the browser's menu, "<strong>"⋮"</strong>"."</li>
                <li>"Tap "<strong>"Install app"</strong>" or "<strong>"Add to Home screen"</strong>"."</li>
            </ol>
        }
        .into_any(),
        Way::Cannot => view! {
            <p>"This browser cannot add apps to the home screen. Open this page in Chrome on an Android phone, or in Safari on an iPhone or iPad, and add it from there."</p>
        }
        .into_any(),
    }
    }
}

#[component]
fn InstallButton(state: InstallState) -> impl IntoView {
    view! {
        <button type="button" class="button wide" on:click=move |_| state.prompt()>"Install"</button>
        {move || state.failed.get().map(|error| view! {
            <p class="form-error" role="alert">
                {format!("The browser did not show its install window ({error}). Its menu, ⋮, has Install app too.")}
            </p>
        })}
    }
}

/// The two taps, drawn where Share sits on this device.
#[component]
fn SafariSteps(tablet: bool) -> impl IntoView {
    if let Err(error) = crate::platform::install::link_startup_image() {
        leptos::logging::warn!("{error}");
    }
    let place = if tablet {
        "at the top right, beside the address"
    } else {
        "in the bar at the bottom of the screen"
    };
    view! {
        <ol class="install-steps">
            <li>
                "Tap "<strong>"Share"</strong>{format!(", the square with an arrow, {place}. If you do not see it, tap ⋯ first.")}
                <Figure picture=safari_share(tablet)/>
            </li>
            <li>
                "Scroll down the list and tap "<strong>"Add to Home Screen"</strong>"."
                <Figure picture=add_to_home_screen()/>
            </li>
            <li>"Tap "<strong>"Add"</strong>". The app's icon is now on your home screen."</li>
        </ol>
    }
}
