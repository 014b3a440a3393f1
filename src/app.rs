//! The shell: router, layout, navigation, theme, offline badge and update banner.

use crate::components::{NoticeList, Notices};
use crate::diary::{DiaryPage, DiaryState, NightOverride, TonightPage};
use crate::foot_check::{FootCheckHistory, FootCheckPage, FootCheckState};
use crate::home::Home;
use crate::lazy_pages;
use crate::learn::{LearnIndex, LearnSection};
use crate::not_found::NotFound;
use crate::platform::{document, idle, network, service_worker, storage_events};
use crate::quiz::{QuizHistory, QuizPage, QuizResultPage, QuizState};
use crate::reminders::{RemindersPage, RemindersState};
use crate::router::{provide_router, Route, A};
use crate::settings::{SettingsPage, SettingsState};
use leptos::ev;
use leptos::prelude::*;

// Home is in the first download; every other page is in the chunk of its group: pages
// that one visit tends to use together. Few groups on purpose: every set of groups that
// shares code gets a file of its own, and each file costs a first visit a request and a
// main-thread fetch() (six groups made 38 files and a 70 ms task on a slow phone).
lazy_pages!(quiz_pages {
    LazyQuizPage => QuizPage,
    LazyQuizResultPage => QuizResultPage,
    LazyQuizHistory => QuizHistory,
});
// Bedtime: the check-in, its diary and the full foot check.
lazy_pages!(night_pages {
    LazyTonightPage => TonightPage,
    LazyDiaryPage => DiaryPage,
    LazyFootCheckPage => FootCheckPage,
    LazyFootCheckHistory => FootCheckHistory,
});
lazy_pages!(learn_pages {
    LazyLearnIndex => LearnIndex,
    LazyLearnSection => LearnSection,
});
// The two pages that set things up.
lazy_pages!(setup_pages {
    LazyRemindersPage => RemindersPage,
    LazySettingsPage => SettingsPage,
});

/// The code of the page the address shows, loaded before the app replaces that page's
/// prerendered HTML: otherwise the reader would see "Loading…" where the text was.
/// The boot script (inline in the page) has already started the same download beside the main module's, so this
/// mostly waits for it. A failure is left to the page, which says so when it renders.
pub async fn load_current_page() {
    let route = crate::router::current_route(&document::base_path());
    if load_page_code(&route).await.is_err() {
        leptos::logging::warn!("the page's own code did not load ahead");
    }
}

/// Fetches and starts the code of `route`'s page; at once where there are no chunks.
#[cfg_attr(not(lazy_routes), allow(clippy::unused_async))]
async fn load_page_code(route: &Route) -> Result<(), leptos::wasm_split::SplitLoaderError> {
    #[cfg(lazy_routes)]
    {
        match route {
            Route::Home | Route::NotFound => Ok(()),
            Route::Quiz | Route::QuizResult(_) | Route::QuizHistory => quiz_pages::preload().await,
            Route::Tonight | Route::Diary | Route::FootCheck => night_pages::preload().await,
            // Its photos show from the start: their code too, or they would come after.
            Route::FootCheckHistory => {
                night_pages::preload().await?;
                crate::components::photos::preload().await
            }
            Route::Reminders => setup_pages::preload().await,
            // Its install steps show at its top: their code downloads beside the page's,
            // or the steps would appear after the page and push it down.
            Route::Settings => {
                wasm_bindgen_futures::spawn_local(async {
                    if let Err(error) = crate::components::install::preload().await {
                        leptos::logging::warn!("the install code did not load ahead: {error:?}");
                    }
                });
                setup_pages::preload().await
            }
            Route::LearnIndex | Route::LearnSection(_) => learn_pages::preload().await,
        }
    }
    #[cfg(not(lazy_routes))]
    {
        let _ = route;
        Ok(())
    }
}

/// Loads a page's code when the person shows they are about to open it (a finger or
/// pointer on its link, or keyboard focus), not all pages at start: on a first visit those
/// downloads and compiles would compete with the page being read, and the worker's cache
/// makes a later page quick anyway. Pointing lands a good 100 ms before the click.
fn load_pages_on_intent() {
    let base = StoredValue::new(document::base_path());
    let started = StoredValue::new(Vec::<Route>::new());
    let on_intent = move |target: Option<web_sys::EventTarget>| {
        let Some(route) = base.with_value(|base| crate::router::link_route(target, base)) else {
            return;
        };
        if started.with_value(|started| started.contains(&route)) {
            return;
        }
        started.update_value(|started| started.push(route.clone()));
        leptos::task::spawn_local(async move {
            // A failure only loses the head start: the page loads, or says it cannot, when opened.
            if let Err(error) = load_page_code(&route).await {
                // Not `{route:?}`: a derived Debug of every route and cause would join the
                // first load for this one line.
                leptos::logging::warn!("could not load a page's code ahead: {error:?}");
            }
        });
    };
    let handles = [
        window_event_listener(ev::pointerover, move |event| on_intent(event.target())),
        window_event_listener(ev::pointerdown, move |event| on_intent(event.target())),
        window_event_listener(ev::focusin, move |event| on_intent(event.target())),
    ];
    on_cleanup(move || handles.into_iter().for_each(|handle| handle.remove()));
}

#[component]
pub fn App() -> impl IntoView {
    let notices = Notices::provide();
    let settings = SettingsState::provide(notices);
    // Every feature loads with the first page that needs it; the reminders also at start
    // when some are stored, for their notifications.
    RemindersState::provide_lazily();
    QuizState::provide_lazily();
    FootCheckState::provide_lazily();
    DiaryState::provide_lazily();
    crate::components::photos::PhotosState::provide_lazily();
    let night = NightOverride(RwSignal::new(false));
    provide_context(night);
    if !crate::storage::is_available() {
        notices.report_storage(&crate::storage::StorageError::Unavailable);
    }
    storage_events::on_other_tab_change(move |key| {
        settings.reload(key.as_deref());
    });
    // Mirrors the chosen theme and size onto <html>, where the stylesheet reads them.
    Effect::new(move || {
        settings.current.with(|current| {
            for (name, value) in [
                (
                    "data-theme",
                    // The bedtime routine dims the page unless the person chose Light: a
                    // choice made in Settings outranks the app's guess.
                    if night.0.get() && current.theme == crate::settings::ThemeChoice::Auto {
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
    load_pages_on_intent();
    crate::components::due_reminders::start_if_wanted();
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
        <TopBar route/>
        <UpdateBanner visible=update_waiting/>
        <NoticeList/>
        <main id="main">{page}</main>
        // Always there: in a task the stylesheet hides it, a cheaper switch than a `<Show>`
        // around it (which cost the first load 3.5 KB gzip).
        <BottomNav/>
    }
}

/// A signal with a slash through it. As markup, not as `view!` elements, which cost the
/// first load more code than the drawing is worth.
const OFFLINE_ICON: &str = r#"<svg viewBox="0 0 24 24" width="22" height="22" fill="none" stroke="currentColor" stroke-width="2"><path d="M2 9a15 15 0 0 1 20 0M5 13a10 10 0 0 1 14 0M9 16a5 5 0 0 1 6 0M12 20v0M3 3l18 18" stroke-linecap="round"/></svg>"#;

#[component]
fn TopBar(route: Memo<Route>) -> impl IntoView {
    let online = network::online_signal();
    view! {
        <header class="top-bar">
            <A href="/">
                <span class="brand">
                    // Drawn by the stylesheet, where the build puts the icon inline: an
                    // image file would be a request before the first paint.
                    <span class="brand-icon"></span>
                    <span class="brand-name">"Legs at Night"</span>
                </span>
            </A>
            <span class="top-bar-end">
                // An icon, not a pill of words: at the largest text the words wrapped the
                // header onto two rows above every page.
                <Show when=move || !online.get()>
                    <span class="offline-badge" role="status">
                        <span class="offline-icon" aria-hidden="true" inner_html=OFFLINE_ICON></span>
                        <span class="visually-hidden">"Offline: everything still works"</span>
                    </span>
                </Show>
                // Hidden, not unmounted, off a task: a `<Show>` here cost the first load 1.5 KB.
                <span class="leave-slot" hidden=move || !route.with(Route::is_task_flow)>
                    <A href="/"><span class="leave">"Leave"</span></A>
                </span>
            </span>
        </header>
    }
}

#[component]
fn UpdateBanner(visible: ReadSignal<bool>) -> impl IntoView {
    let notices = expect_context::<Notices>();
    let reload = move |_| {
        leptos::task::spawn_local(async move {
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
