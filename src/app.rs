//! The shell: router, layout, navigation, theme, offline badge and update banner.

use crate::components::{NoticeList, Notices};
use crate::diary::{DiaryPage, DiaryState, NightOverride, TonightPage};
use crate::foot_check::{FootCheckHistory, FootCheckPage, FootCheckState};
use crate::home::Home;
use crate::lazy_page;
use crate::learn::{LearnIndex, LearnSection};
use crate::not_found::NotFound;
use crate::platform::{document, network, service_worker, storage_events};
use crate::quiz::{QuizHistory, QuizPage, QuizResultPage, QuizState};
use crate::reminders::{RemindersPage, RemindersState};
use crate::router::{provide_router, Route, A};
use crate::settings::{SettingsPage, SettingsState};
use leptos::prelude::*;

// Home is in the first download; every other page is a chunk of its own.
lazy_page!(quiz_page: LazyQuizPage => QuizPage);
lazy_page!(quiz_result_page: LazyQuizResultPage => QuizResultPage);
lazy_page!(quiz_history_page: LazyQuizHistory => QuizHistory);
lazy_page!(foot_check_page: LazyFootCheckPage => FootCheckPage);
lazy_page!(foot_check_history_page: LazyFootCheckHistory => FootCheckHistory);
lazy_page!(reminders_page: LazyRemindersPage => RemindersPage);
lazy_page!(tonight_page: LazyTonightPage => TonightPage);
lazy_page!(diary_page: LazyDiaryPage => DiaryPage);
lazy_page!(learn_index_page: LazyLearnIndex => LearnIndex);
lazy_page!(learn_section_page: LazyLearnSection => LearnSection);
lazy_page!(settings_page: LazySettingsPage => SettingsPage);

/// Once Home is up, fetches and starts the other pages' code in the background, one page
/// at a time and the likeliest first, so a tap on any of them does not wait for it (the
/// service worker downloads the same files for offline use anyway).
#[cfg(lazy_routes)]
fn warm_up_pages() {
    macro_rules! one_by_one {
        ($($module:ident),*) => {$(
            // A failure only loses the head start: the page loads, or says it cannot, when opened.
            if $module::preload().await.is_err() {
                leptos::logging::warn!("could not load {} ahead", stringify!($module));
            }
        )*};
    }
    set_timeout(
        || {
            leptos::task::spawn_local(async {
                one_by_one!(
                    tonight_page,
                    quiz_page,
                    diary_page,
                    foot_check_page,
                    reminders_page,
                    learn_index_page,
                    learn_section_page,
                    quiz_result_page,
                    settings_page,
                    quiz_history_page,
                    foot_check_history_page
                );
            })
        },
        std::time::Duration::from_secs(1),
    );
}

#[component]
pub fn App() -> impl IntoView {
    let notices = Notices::provide();
    let settings = SettingsState::provide(notices);
    // Home shows the reminders; the other features load with the first page that needs them.
    let reminders = RemindersState::provide(notices);
    QuizState::provide_lazily();
    FootCheckState::provide_lazily();
    DiaryState::provide_lazily();
    let night = NightOverride(RwSignal::new(false));
    provide_context(night);
    if !crate::storage::is_available() {
        notices.report_storage(&crate::storage::StorageError::Unavailable);
    }
    storage_events::on_other_tab_change(move |key| {
        settings.reload(key.as_deref());
        reminders.reload(key.as_deref());
    });
    // Mirrors the chosen theme and size onto <html>, where the stylesheet reads them.
    Effect::new(move || {
        settings.current.with(|current| {
            for (name, value) in [
                (
                    "data-theme",
                    if night.0.get() {
                        "dark"
                    } else {
                        current.theme.attribute()
                    },
                ),
                ("data-text-size", current.text_size.attribute()),
            ] {
                if let Err(error) = document::set_root_attribute(name, value) {
                    leptos::logging::warn!("{error}");
                }
            }
        })
    });
    #[cfg(lazy_routes)]
    warm_up_pages();
    let base = document::base_path();
    let (update_waiting, set_update_waiting) = signal(false);
    service_worker::register(format!("{base}/sw.js"), set_update_waiting);

    let route = provide_router(base).route();
    let page = move || {
        route.with(|route| match route {
            Route::Home => view! { <Home/> }.into_any(),
            Route::Quiz => view! { <LazyQuizPage/> }.into_any(),
            Route::QuizResult(_) => view! { <LazyQuizResultPage/> }.into_any(),
            Route::QuizHistory => view! { <LazyQuizHistory/> }.into_any(),
            Route::FootCheck => view! { <LazyFootCheckPage/> }.into_any(),
            Route::FootCheckHistory => view! { <LazyFootCheckHistory/> }.into_any(),
            Route::Reminders => view! { <LazyRemindersPage/> }.into_any(),
            Route::Tonight => view! { <LazyTonightPage/> }.into_any(),
            Route::Diary => view! { <LazyDiaryPage/> }.into_any(),
            Route::LearnIndex => view! { <LazyLearnIndex/> }.into_any(),
            Route::LearnSection(_) => view! { <LazyLearnSection/> }.into_any(),
            Route::Settings => view! { <LazySettingsPage/> }.into_any(),
            Route::NotFound => view! { <NotFound/> }.into_any(),
        })
    };
    view! {
        <TopBar/>
        <UpdateBanner visible=update_waiting/>
        <NoticeList/>
        <main id="main">{page}</main>
        <BottomNav/>
    }
}

#[component]
fn TopBar() -> impl IntoView {
    let online = network::online_signal();
    view! {
        <header class="top-bar">
            <A href="/">
                <span class="brand">
                    <img src="icons/icon.svg" alt="" width="28" height="28"/>
                    "Legs at Night"
                </span>
            </A>
            <Show when=move || !online.get()>
                <span class="offline-badge" role="status">"Offline: everything still works"</span>
            </Show>
        </header>
    }
}

#[component]
fn UpdateBanner(visible: ReadSignal<bool>) -> impl IntoView {
    let notices = expect_context::<Notices>();
    let reload = move |_| {
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(error) = service_worker::apply_update().await {
                notices.report(&error);
            }
        })
    };
    view! {
        <Show when=move || visible.get()>
            <div class="update-banner" role="status">
                <span>"Update available"</span>
                <button type="button" class="button" on:click=reload>"Reload"</button>
            </div>
        </Show>
    }
}

#[component]
fn BottomNav() -> impl IntoView {
    // (route, icon, label); Home is exact so it is not "current" on every page.
    const ITEMS: [(&str, &str, &str); 6] = [
        ("/", "☾", "Home"),
        ("/quiz", "✓", "Check"),
        ("/foot-check", "◍", "Feet"),
        ("/reminders", "◷", "Remind"),
        ("/learn", "❏", "Learn"),
        ("/settings", "⚙", "Settings"),
    ];
    let links = ITEMS
        .into_iter()
        .map(|(href, icon, label)| {
            view! {
                <A href=href exact=href == "/">
                    <span class="nav-icon" aria-hidden="true">{icon}</span>
                    <span>{label}</span>
                </A>
            }
        })
        .collect_view();
    view! { <nav class="bottom-nav" aria-label="Main">{links}</nav> }
}
