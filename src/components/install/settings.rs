//! Settings' part: installed or not, and how to add the app from this browser.

use super::offer::SafariMayDelete;
use super::state::InstallState;
use super::steps::HowToAdd;
use leptos::prelude::*;

#[component]
pub fn InSettings() -> impl IntoView {
    let state = InstallState::new();
    let installed_here = move || {
        let recorded = state.record.with(|r| r.installed_ms.is_some());
        (recorded && !matches!(state.way(), legs_core::install::Way::Installed)).then(|| {
            view! {
                <p role="status"><strong>"Installed on this phone."</strong>" Open it from its icon on your home screen."</p>
            }
        })
    };
    view! {
        <section class="install" aria-labelledby="install-title">
            <h2 id="install-title">"On your home screen"</h2>
            {installed_here}
            <HowToAdd state/>
        </section>
    }
}

/// In the data section: Safari's warning, on Safari only, while not installed.
#[component]
pub fn DataWarning() -> impl IntoView {
    let state = InstallState::new();
    state
        .may_lose_data()
        .then(|| view! { <SafariMayDelete in_settings=true/> })
}
