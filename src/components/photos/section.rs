//! The foot-check history's "Photos": every area's photos, space used, delete all.

use super::model::{self, place};
use super::strip::PhotoStrip;
use super::take::TakePhotoOfAnyArea;
use super::view::PhotoViewer;
use super::PhotosState;
use crate::components::{ConfirmFirst, Question};
use crate::platform::persistence;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn PhotosSection() -> impl IntoView {
    let state = PhotosState::expect();
    let areas = Memo::new(move |_| {
        state.photos.with(|list| {
            list.as_deref()
                .map(model::areas_with_photos)
                .unwrap_or_default()
        })
    });
    view! {
        <section id="photos" aria-labelledby="photos-title">
            <h2 id="photos-title">"Photos"</h2>
            <p class="small">"A photo shows what words cannot: whether a crack is closing. Photos never leave this phone unless you share them."</p>
            {move || state.problem.get().map(|problem| view! { <p role="alert" class="form-error">{problem}</p> })}
            <TakePhotoOfAnyArea/>
            <PhotoViewer/>
            <For each=move || areas.get() key=|(spot, count)| (*spot, *count) let:area>
                <h3>{format!("{} ({})", place(area.0 .0, area.0 .1), area.1)}</h3>
                <PhotoStrip spot=area.0/>
            </For>
            <SpaceUsed/>
            <DeleteAllPhotos/>
        </section>
    }
}

/// What the photos take, and what the browser lets the app keep in all: said once there is
/// a photo. With none it is a sentence of zeros, and one that grew when the browser
/// answered, after the page was painted: the largest paint of a first visit, 4 s late in
/// Lighthouse's simulation.
#[component]
fn SpaceUsed() -> impl IntoView {
    let state = PhotosState::expect();
    let count = Memo::new(move |_| state.photos.with(|p| p.as_ref().map_or(0, Vec::len)));
    view! {
        <Show when=move || { count.get() > 0 }>
            <SpaceLine count/>
        </Show>
    }
}

#[component]
fn SpaceLine(count: Memo<usize>) -> impl IntoView {
    let state = PhotosState::expect();
    let allowed = LocalResource::new(move || {
        count.track();
        async { persistence::estimate().await.map_err(|e| e.to_string()) }
    });
    let photos_line = move || {
        state.photos.with(|list| {
            let list = list.as_deref().unwrap_or_default();
            model::space_sentence(list)
        })
    };
    let browser_line = move || match allowed.get() {
        None => String::new(),
        Some(Ok((usage, quota))) => format!(
            " All the app's data takes {}; this browser lets it use up to {}.",
            model::format_bytes(usage),
            model::format_bytes(quota)
        ),
        Some(Err(error)) => format!(" How much space the browser allows is unknown: {error}."),
    };
    view! { <p class="space-used" role="status">{photos_line}{browser_line}</p> }
}

const DELETE_ALL_PHOTOS: Question = Question {
    ask: "Delete all photos",
    question: "Delete every photo from this phone?",
    detail: "They cannot be brought back. Export a backup first to keep a copy.",
    keep: "Keep them",
    confirm: "Delete all photos",
};

#[component]
fn DeleteAllPhotos() -> impl IntoView {
    let state = PhotosState::expect();
    let message = RwSignal::new(None::<Result<String, String>>);
    let any = move || {
        state
            .photos
            .with(|p| p.as_ref().is_some_and(|p| !p.is_empty()))
    };
    let delete = move |()| {
        spawn_local(async move {
            message.set(Some(match state.delete_all().await {
                Ok(()) => Ok("Every photo was deleted.".into()),
                Err(error) => Err(error.to_string()),
            }));
        });
    };
    view! {
        <Show when=any>
            <ConfirmFirst question=DELETE_ALL_PHOTOS on_confirm=delete/>
        </Show>
        {move || message.get().map(|m| match m {
            Ok(text) => view! { <p role="status">{text}</p> }.into_any(),
            Err(text) => view! { <p role="alert" class="form-error">{text}</p> }.into_any(),
        })}
    }
}
