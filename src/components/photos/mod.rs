//! Photos of the soles and heels, kept on the device: the phone as the mirror a person
//! may not be able to use. The model is pure; the pictures are in `storage::photos`.
//!
//! Not in the bedtime chunk (issue 28): the photo code (IndexedDB, the pictures' resizing,
//! the viewer, the comparison) is downloaded when a photo part is first shown, not with the
//! bedtime pages that show one; the foot-check history fetches it before it takes over. It
//! joins the setting-up pages' chunk, which holds the photo store and the backup zip
//! already: as a split of its own it cut the code every group shares into more files
//! (Settings 32 -> 50 files to start), and Settings' and Remind's blocking time went from
//! about 60 to 180-200 ms in Lighthouse.

pub use legs_core::photos::model;
mod compare;
mod section;
mod state;
mod strip;
mod take;
mod view;
mod zoom;

use crate::foot_check::model::{Area, Foot};
use leptos::prelude::*;
pub use state::{PhotoError, PhotosState};

/// Which photo part to draw, with what it shows; crosses the split by value.
#[derive(Clone, Copy)]
enum Part {
    Area {
        spot: Signal<(Foot, Area)>,
        check: Signal<Option<u64>>,
    },
    Strip {
        spot: Signal<(Foot, Area)>,
    },
    Section,
    AnyArea,
}

#[cfg(lazy_routes)]
#[leptos::wasm_split::wasm_split(
    setup_pages,
    wasm_split_path = ::leptos::wasm_split,
    fallible,
    preload(preload_photos)
)]
fn code(part: Part) -> Result<AnyView, leptos::wasm_split::SplitLoaderError> {
    Ok(code_now(part))
}

#[cfg(not(lazy_routes))]
#[allow(clippy::unused_async)]
async fn code(part: Part) -> Result<AnyView, std::convert::Infallible> {
    Ok(code_now(part))
}

/// Fetches and starts the photo code ahead, where a page shows photos from its start.
#[cfg(lazy_routes)]
pub async fn preload() -> Result<(), leptos::wasm_split::SplitLoaderError> {
    preload_photos().await
}

fn code_now(part: Part) -> AnyView {
    match part {
        Part::Area { spot, check } => view! {
            <strip::AreaPhotos spot check/>
            <view::PhotoViewer/>
        }
        .into_any(),
        Part::Strip { spot } => view! { <strip::PhotoStrip spot/> }.into_any(),
        Part::Section => view! { <section::PhotosSection/> }.into_any(),
        Part::AnyArea => view! { <take::TakePhotoOfAnyArea/> }.into_any(),
    }
}

fn loaded(part: Part) -> impl IntoView {
    let view = Suspend::new(async move {
        code(part).await.unwrap_or_else(|error| {
            leptos::logging::warn!("the photo code did not load: {error:?}");
            view! {
                <p role="alert" class="form-error">
                    "Photos could not load. Check the signal, then open this page again."
                </p>
            }
            .into_any()
        })
    });
    view! { <div class="photo-part"><Suspense fallback=|| ()>{view}</Suspense></div> }
}

/// An area's photos with a way to add one, and the open photo: the foot check's step.
#[component]
pub fn AreaPhotos(
    #[prop(into)] spot: Signal<(Foot, Area)>,
    #[prop(optional, into)] check: Signal<Option<u64>>,
) -> impl IntoView {
    loaded(Part::Area { spot, check })
}

/// An area's photos in a row, newest first.
#[component]
pub fn PhotoStrip(#[prop(into)] spot: Signal<(Foot, Area)>) -> impl IntoView {
    loaded(Part::Strip { spot })
}

/// The foot-check history's "Photos": every area's photos, space used, delete all.
#[component]
pub fn PhotosSection() -> impl IntoView {
    loaded(Part::Section)
}

/// Taking a photo outside the foot check: the foot and area chosen first.
#[component]
pub fn TakePhotoOfAnyArea() -> impl IntoView {
    loaded(Part::AnyArea)
}
