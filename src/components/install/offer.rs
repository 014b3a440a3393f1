//! The offer to add the app to the home screen, after something worth keeping was saved.

use super::state::InstallState;
use super::steps::HowToAdd;
use crate::router::A;
use legs_core::install::Way;
use leptos::prelude::*;

/// Once, dismissible, and not again for 30 days after "Not now"; never when the app runs
/// installed or the browser cannot add it.
#[component]
pub fn Offer() -> impl IntoView {
    let state = InstallState::new();
    if matches!(state.way(), Way::Installed) {
        state.keep_data();
    }
    let shown = Memo::new(move |_| state.may_offer());
    move || {
        shown.get().then(|| {
            view! {
                <section class="card install-offer" aria-labelledby="install-offer-title">
                    <h2 id="install-offer-title">"Keep Legs at Night on your home screen"</h2>
                    <p>"It opens with one tap, like your other apps, and works with no signal."</p>
                    {state.may_lose_data().then(|| view! { <SafariMayDelete/> })}
                    <HowToAdd state/>
                    <button type="button" class="button secondary" on:click=move |_| state.not_now()>"Not now"</button>
                </section>
            }
        })
    }
}

/// Safari's storage policy, said plainly where the person saves something; `in_settings`,
/// above the backup's own button.
#[component]
pub fn SafariMayDelete(#[prop(optional)] in_settings: bool) -> impl IntoView {
    let backup = if in_settings {
        view! { "A backup keeps a copy too: Export my data, below." }.into_any()
    } else {
        view! { "A backup keeps a copy too: "<A href="/settings">"Settings, Your data"</A>"." }
            .into_any()
    };
    view! {
        <p class="note safari-data">
            <strong>"Safari may delete what you save here"</strong>
            " if you do not open the app for some days. On your home screen it stays. "
            {backup}
        </p>
    }
}
