//! The shell: router, layout, navigation, theme, offline badge and update banner.

use crate::components::{NoticeList, Notices};
use crate::diary::{DiaryPage, DiaryState, NightOverride, TonightPage};
use crate::foot_check::{FootCheckHistory, FootCheckPage, FootCheckState};
use crate::home::Home;
use crate::lazy_page;
use crate::learn::{LearnIndex, LearnSection};
use crate::not_found::NotFound;
use crate::platform::{document, idle, network, service_worker, storage_events};
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

/// The code of the page the address shows, loaded before the app replaces that page's
/// prerendered HTML: otherwise the reader would see "Loading…" where the text was. The
/// prerendered page preloads the same chunk, so this mostly waits for a download already
/// under way. A failure is left to the page, which says so when it renders.
pub async fn load_current_page() {
    #[cfg(lazy_routes)]
    {
        let loaded = match crate::router::current_route(&document::base_path()) {
            Route::Home | Route::NotFound => Ok(()),
            Route::Quiz => quiz_page::preload().await,
            Route::QuizResult(_) => quiz_result_page::preload().await,
            Route::QuizHistory => quiz_history_page::preload().await,
            Route::FootCheck => foot_check_page::preload().await,
            Route::FootCheckHistory => foot_check_history_page::preload().await,
            Route::Reminders => reminders_page::preload().await,
            Route::Tonight => tonight_page::preload().await,
            Route::Diary => diary_page::preload().await,
            Route::LearnIndex => learn_index_page::preload().await,
            Route::LearnSection(_) => learn_section_page::preload().await,
            Route::Settings => settings_page::preload().await,
        };
        if loaded.is_err() {
            leptos::logging::warn!("the page's own code did not load ahead");
        }
    }
}

/// Once the page has loaded, fetches and starts the other pages' code, one page per idle
/// moment of the browser and the likeliest first, so a tap on any of them does not wait
/// for it, and the page the person opened never waits for them.
#[cfg(lazy_routes)]
fn warm_up_pages() {
    macro_rules! one_by_one {
        ($($module:ident),*) => {$(
            idle::idle().await;
            // A failure only loses the head start: the page loads, or says it cannot, when opened.
            if $module::preload().await.is_err() {
                leptos::logging::warn!("could not load {} ahead", stringify!($module));
            }
        )*};
    }
    leptos::task::spawn_local(async {
        idle::loaded().await;
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
    });
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
    // The offline copy downloads every file of the app: it waits until the page is up and
    // the browser idle.
    let worker_url = format!("{base}/sw.js");
    leptos::task::spawn_local(async move {
        idle::loaded().await;
        idle::idle().await;
        service_worker::register(worker_url, set_update_waiting);
    });

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
