//! The open photo: enlarged with zoom, or side by side with another of the same area.

use super::compare::Compare;
use super::model::{self, Photo, PictureSize};
use super::strip::caption;
use super::zoom::ZoomablePhoto;
use super::PhotosState;
use crate::components::{ConfirmFirst, FocusedHeading, Question};
use crate::platform::{clock, files, share};
use crate::storage::photos as store;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Shows whatever `PhotosState::open` names; one per page.
#[component]
pub fn PhotoViewer() -> impl IntoView {
    let state = PhotosState::expect();
    let find = move |id: u64| {
        state
            .photos
            .with(|list| list.as_ref()?.iter().find(|p| p.id == id).cloned())
    };
    move || match state.open.get() {
        Some((id, None)) => find(id).map(|photo| view! { <Enlarged photo/> }.into_any()),
        Some((a, Some(b))) => find(a).zip(find(b)).map(|(a, b)| {
            let (earlier, later) = if a.id < b.id { (a, b) } else { (b, a) };
            view! { <Compare earlier later/> }.into_any()
        }),
        None => None,
    }
}

#[component]
fn Enlarged(photo: Photo) -> impl IntoView {
    let state = PhotosState::expect();
    let other = state.photos.with_untracked(|list| {
        list.as_deref()
            .and_then(|l| model::compare_with(l, photo.id).map(|p| p.id))
    });
    let id = photo.id;
    let picture = photo.clone();
    view! {
        <section class="photo-viewer" aria-label="Photo">
            <FocusedHeading text=caption(&photo)/>
            <ZoomablePhoto photo=picture/>
            <div class="photo-actions">
                {other.map(|other| view! { <button type="button" class="button" on:click=move |_| state.open.set(Some((id, Some(other))))>"Compare with another date"</button> })}
                <ShareButton photo=photo.clone()/>
                <DeleteButton id/>
                <button type="button" class="button secondary" on:click=move |_| state.open.set(None)>"Close"</button>
            </div>
        </section>
    }
}

#[component]
fn ShareButton(photo: Photo) -> impl IntoView {
    let message = RwSignal::new(None::<String>);
    let name = format!(
        "foot-photo-{}-{}.jpg",
        crate::dates::format_iso_day(photo.id as f64, clock::offset_minutes_at(photo.id as f64)),
        photo.id
    );
    let id = photo.id;
    let title = caption(&photo);
    let share_it = move |_| {
        let (name, title) = (name.clone(), title.clone());
        spawn_local(async move {
            let outcome = match store::picture(id, PictureSize::Full).await {
                Ok(Some(image)) => match share::share_files(&title, &[(name.clone(), image.clone())]).await {
                    Err(crate::platform::PlatformError::Unsupported(_)) => files::download_blob(&name, &image)
                        .map(|_| Some("This browser cannot share photos, so it was saved to your downloads instead.".to_string()))
                        .map_err(|e| e.to_string()),
                    other => other.map(|_| None).map_err(|e| e.to_string()),
                },
                Ok(None) => Err("this photo is no longer stored".into()),
                Err(error) => Err(error.to_string()),
            };
            message.set(match outcome {
                Ok(note) => note,
                Err(error) => Some(format!("Not shared: {error}")),
            });
        });
    };
    view! {
        <button type="button" class="button secondary" on:click=share_it>"Share or save"</button>
        <p role="status" class="small">{move || message.get()}</p>
    }
}

const DELETE_PHOTO: Question = Question {
    ask: "Delete this photo",
    question: "Delete this photo?",
    detail: "It cannot be brought back.",
    keep: "Keep it",
    confirm: "Delete",
};

#[component]
fn DeleteButton(id: u64) -> impl IntoView {
    let state = PhotosState::expect();
    let failed = RwSignal::new(None::<String>);
    let delete = move |()| {
        spawn_local(async move {
            if let Err(error) = state.delete(id).await {
                failed.set(Some(error.to_string()));
            }
        });
    };
    view! {
        <ConfirmFirst question=DELETE_PHOTO on_confirm=delete ask_class="button secondary"/>
        {move || failed.get().map(|message| view! { <p role="alert" class="form-error">{message}</p> })}
    }
}
