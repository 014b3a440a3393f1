//! What the install offer and Settings know: how this browser adds the app, and what the
//! person answered before.

use crate::components::Notices;
use crate::persisted::{Persisted, Stored};
use crate::platform::{clock, install, persistence};
use crate::storage;
use legs_core::install::{Browser, Record, Way};
use leptos::prelude::*;

pub struct InstallKey;

impl Stored for InstallKey {
    type Value = Record;
    const KEY: &'static storage::Key = &storage::INSTALL;
}

#[derive(Clone, Copy)]
pub struct InstallState {
    pub record: Persisted<InstallKey>,
    /// The browser's own prompt is kept; it may arrive after the page is up.
    prompt_ready: RwSignal<bool>,
    /// The prompt failed: said on the card, with the menu's way as the fallback.
    pub failed: RwSignal<Option<String>>,
}

impl InstallState {
    /// For one card: its listeners go with it.
    pub fn new() -> Self {
        let state = InstallState {
            record: Persisted::load(expect_context::<Notices>()),
            prompt_ready: RwSignal::new(install::prompt_ready()),
            failed: RwSignal::new(None),
        };
        let ready = state.prompt_ready;
        let handles = [
            window_event_listener_untyped("beforeinstallprompt", move |_| ready.set(true)),
            window_event_listener_untyped("appinstalled", move |_| state.installed()),
        ];
        on_cleanup(move || handles.into_iter().for_each(|handle| handle.remove()));
        state
    }

    /// How this browser adds the app, now.
    pub fn way(&self) -> Way {
        with_browser(self.prompt_ready.get(), |browser| browser.way())
    }

    /// Safari may delete the app's data after days without a visit.
    pub fn may_lose_data(&self) -> bool {
        with_browser(false, |browser| browser.may_lose_data())
    }

    pub fn may_offer(&self) -> bool {
        let way = self.way();
        self.record
            .with(|record| record.may_offer(way, clock::now_ms() as i64))
    }

    pub fn not_now(&self) {
        self.record
            .change(|record| record.not_now_ms = Some(clock::now_ms() as i64));
    }

    /// The browser's prompt, then its answer kept: yes is installed, no is "Not now".
    pub fn prompt(&self) {
        let state = *self;
        leptos::task::spawn_local_scoped(async move {
            match install::prompt().await {
                Ok(install::PromptAnswer::Accepted) => state.installed(),
                Ok(install::PromptAnswer::Dismissed) => state.not_now(),
                Err(error) => {
                    leptos::logging::warn!("{error}");
                    state.failed.set(Some(error.to_string()));
                }
            }
            state.prompt_ready.set(install::prompt_ready());
        });
    }

    /// Installed: kept, and the browser asked to keep the data (it grants that more
    /// readily to an installed app).
    fn installed(&self) {
        if self.record.with_untracked(|r| r.installed_ms.is_some()) {
            return;
        }
        self.record
            .change(|record| record.installed_ms = Some(clock::now_ms() as i64));
        self.keep_data();
    }

    /// Asks the browser to keep the data when space runs short, unless it already does:
    /// installed, and with something worth keeping saved, is when it says yes.
    pub fn keep_data(&self) {
        leptos::task::spawn_local(async {
            if persistence::is_persisted().await.unwrap_or(false) {
                return;
            }
            if let Err(error) = persistence::request().await {
                leptos::logging::warn!("{error}");
            }
        });
    }
}

/// What the browser says about itself, with whether its own prompt is kept.
fn with_browser<T>(prompt_ready: bool, answer: impl FnOnce(&Browser) -> T) -> T {
    let (user_agent, touch_points) = install::user_agent_and_touch_points();
    answer(&Browser {
        user_agent: &user_agent,
        touch_points,
        standalone: install::standalone(),
        prompt_ready,
    })
}
