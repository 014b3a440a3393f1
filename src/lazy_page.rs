//! Pages that load their code on first use.
//!
//! The release build (`xtask build-wasm`, with `--cfg lazy_routes`) cuts every page but
//! Home into wasm chunks of their own, so a first visit downloads the shell and Home
//! only; the service worker then caches the chunks for offline use. Other builds (tests,
//! `cargo check`) have no splitter, so there the same pages are rendered directly.

use leptos::prelude::*;

/// `lazy_page!(module: Wrapper => Page)` defines the component `Wrapper`, which renders
/// `Page` from the chunk `module` where chunks exist; `module::preload()` fetches and
/// instantiates that chunk ahead of time.
#[macro_export]
macro_rules! lazy_page {
    ($module:ident: $wrapper:ident => $page:ident) => {
        #[cfg(lazy_routes)]
        pub mod $module {
            use super::*;

            #[leptos::wasm_split::wasm_split(
                                                        $module,
                                                        wasm_split_path = ::leptos::wasm_split,
                                                        fallible,
                                                        preload(preload)
                                                    )]
            pub fn code() -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
                Ok(view! { <$page/> }.into_any())
            }
        }

        #[component]
        pub fn $wrapper() -> impl IntoView {
            #[cfg(lazy_routes)]
            {
                let page = Suspend::new(async {
                    $module::code().await.unwrap_or_else(|error| {
                        leptos::logging::error!("page code did not load: {error:?}");
                        view! { <$crate::lazy_page::PageLoadFailed/> }.into_any()
                    })
                });
                view! {
                    <Suspense fallback=$crate::lazy_page::PageLoading>{page}</Suspense>
                }
            }
            #[cfg(not(lazy_routes))]
            {
                view! { <$page/> }
            }
        }
    };
}

/// Shown while a page's chunk downloads; the stylesheet delays it so that a load from
/// the cache does not flash it.
#[component]
pub fn PageLoading() -> impl IntoView {
    view! { <p class="page-loading" role="status">"Loading…"</p> }
}

/// A chunk can fail to download on a first visit without signal, before the service
/// worker has cached it: say so, and offer the way to try again.
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
        </section>
    }
}
