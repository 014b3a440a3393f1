//! Pages that load their code on first use.
//!
//! The release build (`xtask build-wasm`, with `--cfg lazy_routes`) cuts every page but
//! Home into wasm chunks, one per group of pages used together, so a first visit
//! downloads the shell and Home only; the service worker then caches the chunks for
//! offline use. Other builds (tests,
//! `cargo check`) have no splitter, so there the same pages are rendered directly.

use leptos::prelude::*;

/// `lazy_pages!(module { Wrapper => Page, … })` defines a component `Wrapper` for each
/// `Page`, which renders `Page` from the chunk `module` where chunks exist;
/// `module::preload()` fetches and instantiates that chunk ahead of time. Pages that are
/// used together share one chunk: each split point multiplies the small chunks that hold
/// the code two or more splits share (the quiz alone needed 73 files as three splits),
/// and every file is a request and a compile on a phone's first visit.
#[macro_export]
macro_rules! lazy_pages {
    ($module:ident { $($wrapper:ident => $page:ident),+ $(,)? }) => {
        #[cfg(lazy_routes)]
        pub mod $module {
            use super::*;

            /// Which page of the chunk to render; a plain number crosses the split.
            #[allow(non_camel_case_types, clippy::enum_variant_names)]
            #[repr(u8)]
            pub enum Which { $($page),+ }

            #[leptos::wasm_split::wasm_split(
                                                        $module,
                                                        wasm_split_path = ::leptos::wasm_split,
                                                        fallible,
                                                        preload(preload)
                                                    )]
            pub fn code(which: u8) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
                $(
                    if which == Which::$page as u8 {
                        return Ok(view! { <$page/> }.into_any());
                    }
                )+
                Ok(view! { <$crate::lazy_page::PageLoadFailed/> }.into_any())
            }
        }

        $(
            #[component]
            pub fn $wrapper() -> impl IntoView {
                #[cfg(lazy_routes)]
                {
                    view! {
                        <$crate::lazy_page::LazyPage load=|| Box::pin($module::code($module::Which::$page as u8))/>
                    }
                }
                #[cfg(not(lazy_routes))]
                {
                    view! { <$page/> }
                }
            }
        )+
    };
}

/// A page's code, as its chunk's loader gives it (`lazy_pages!`).
#[cfg(lazy_routes)]
pub type PageCode = std::pin::Pin<
    Box<
        dyn std::future::Future<Output = Result<AnyView, leptos::wasm_split::SplitLoaderError>>
            + Send,
    >,
>;

/// Renders the page that `load` brings from its chunk: one component for every page, so
/// the first download holds its code once, not once per page.
#[cfg(lazy_routes)]
#[component]
pub fn LazyPage(load: fn() -> PageCode) -> impl IntoView {
    // While the app starts, the page in a task after the shell's (`crate::start`).
    let held = crate::hold_start();
    let page = Suspend::new(async move {
        if held.is_some() {
            next_task().await;
        }
        let page = load().await.unwrap_or_else(|error| {
            leptos::logging::error!("page code did not load: {error:?}");
            view! { <PageLoadFailed/> }.into_any()
        });
        drop(held);
        page
    });
    view! { <Suspense fallback=PageLoading>{page}</Suspense> }
}

/// Resolves in a new task, as a future a `Suspend` can hold: the browser's own (the
/// platform's `next_task`) is not `Send`.
#[cfg(lazy_routes)]
async fn next_task() {
    let (done, later) = futures_channel::oneshot::channel();
    leptos::task::spawn_local(async move {
        crate::platform::idle::next_task().await;
        let _ = done.send(());
    });
    let _ = later.await;
}

/// Shown while a page's chunk downloads; the stylesheet delays it so that a load from
/// the cache does not flash it.
#[component]
pub fn PageLoading() -> impl IntoView {
    view! { <p class="page-loading" role="status">"Loading…"</p> }
}

/// A chunk can fail to download on a first visit without signal, before the service
/// worker has cached it: say so, and offer the way to try again. Settings' export is a
/// page too, so this screen can save a copy of the data on its own.
#[component]
pub fn PageLoadFailed() -> impl IntoView {
    let retry = |_| crate::platform::document::reload();
    view! {
        <section class="page" role="alert">
            <h1>"This page could not load"</h1>
            <p>
                "Part of the app has not reached this phone yet, probably because the "
                "connection dropped. Your data is safe. Try again when you have signal; "
                "after one complete visit everything works offline."
            </p>
            <button type="button" class="button" on:click=retry>"Try again"</button>
            <SaveACopy/>
        </section>
    }
}

/// Saves what local storage holds as a backup file. Its code is a chunk of its own, not a
/// page's (and not the first load's: that would cost every visit 4 KB gzip for a rare
/// moment), so a page's chunk that cannot start leaves it working.
#[component]
fn SaveACopy() -> impl IntoView {
    let said = RwSignal::new(None::<String>);
    let save = move |_| {
        leptos::task::spawn_local(async move {
            said.set(Some(copy_code().await.unwrap_or_else(|error| {
                leptos::logging::error!("the copy's code did not load: {error:?}");
                "No copy was saved: this part of the app has not reached this phone yet. Try again when you have signal.".to_string()
            })));
        })
    };
    view! {
        <button type="button" class="button secondary" on:click=save>"Save a copy of my data"</button>
        <p role="status">{move || said.get()}</p>
    }
}

#[cfg(lazy_routes)]
#[leptos::wasm_split::wasm_split(rescue_copy, wasm_split_path = ::leptos::wasm_split, fallible)]
fn copy_code() -> Result<String, leptos::wasm_split::SplitLoaderError> {
    Ok(save_a_copy())
}

#[cfg(not(lazy_routes))]
#[allow(clippy::unused_async)]
async fn copy_code() -> Result<String, String> {
    Ok(save_a_copy())
}

fn save_a_copy() -> String {
    use crate::platform::{clock, files};
    let now = clock::now_ms();
    let built = match crate::storage::stored_backup(now) {
        Ok(built) => built,
        Err(error) => return format!("No copy was saved: {error}"),
    };
    let day = crate::dates::format_iso_day(now, clock::offset_minutes_at(now));
    let name = format!("legs-at-night-backup-{day}.json");
    if let Err(error) = files::download_text(&name, &built.text, "application/json") {
        return format!("No copy was saved: {error}");
    }
    let held = if built.included.is_empty() {
        "nothing yet".to_string()
    } else {
        let words: Vec<&str> = built.included.iter().map(|key| key.words).collect();
        words.join(", ")
    };
    let mut said = format!("Saved {name}. It holds {held}. Photos are not in it: export them from Settings when the app loads again.");
    for (key, reason) in &built.left_out {
        said.push_str(&format!(" Not in it: {}, because {reason}.", key.words));
    }
    said
}
