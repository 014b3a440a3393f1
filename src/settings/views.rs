use super::model::{TextSize, ThemeChoice};
use super::state::SettingsState;
use super::Region;
use crate::components::{ChoiceGroup, InNextTask};
use crate::platform::document;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    document::set_title("Settings");
    let state = SettingsState::expect();
    let theme = Signal::derive(move || state.current.with(|s| s.theme));
    let text_size = Signal::derive(move || state.current.with(|s| s.text_size));
    view! {
        <section class="page settings">
            <h1>"Settings"</h1>
            <ChoiceGroup
                legend="Theme"
                name="theme"
                options=ThemeChoice::ALL.iter().map(|t| (*t, t.label())).collect()
                selected=theme
                on_choose=move |choice| state.change(|s| s.theme = choice)
            />
            <ChoiceGroup
                legend="Text size"
                name="text-size"
                options=TextSize::ALL.iter().map(|t| (*t, t.label())).collect()
                selected=text_size
                on_choose=move |choice| state.change(|s| s.text_size = choice)
            />
            // The rest in tasks of their own: the page drawn in one took 18-36 ms (issue 28).
            <InNextTask>
                <WhereYouLive/>
                <crate::components::InstallInSettings/>
            </InNextTask>
            <InNextTask>
                <super::data_views::DataSection/>
                <About/>
            </InNextTask>
        </section>
    }
}

/// The numbers every warning offers to call follow this choice; until it is made they
/// follow the phone's own region, which the page says.
#[component]
fn WhereYouLive() -> impl IntoView {
    let state = SettingsState::expect();
    let chosen = Signal::derive(move || state.current.with(|s| s.region));
    let guessed = move || {
        (!state.region_chosen()).then(|| {
            let region = state.help_region();
            format!(
                "Not chosen yet: warnings use the numbers for {}, guessed from this phone's settings.",
                region.name()
            )
        })
    };
    view! {
        <ChoiceGroup
            legend="Where you live, for the numbers to call"
            name="region"
            options=Region::ALL.iter().map(|r| (Some(*r), r.name())).collect()
            selected=chosen
            on_choose=move |choice| state.change(|s| s.region = choice)
        />
        <p class="small" role="status">{guessed}</p>
    }
}

#[component]
fn About() -> impl IntoView {
    view! {
        <section class="about" aria-labelledby="about-title">
            <h2 id="about-title">"About and privacy"</h2>
            <p><strong>"Everything stays on this device."</strong>
                " What you enter is kept in this browser's storage on this phone. Nothing is sent anywhere: the app has no account, no tracking, no adverts and makes no network requests after it is installed."</p>
            <p>"Once opened, the app works fully offline. On your home screen (above) it opens like any other app."</p>
            <p>"Legs at Night explains common causes of leg and foot pain at night. It is not a diagnosis and does not replace a doctor. If something feels wrong, or you are worried, get medical advice."</p>
            <p class="small">"Version " {env!("CARGO_PKG_VERSION")}</p>
        </section>
    }
}
