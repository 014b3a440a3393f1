//! Photos as small pictures in a row: an area's timeline, newest first.

use super::model::{self, place, Photo, PictureSize};
use super::take::TakePhoto;
use super::PhotosState;
use crate::foot_check::model::{Area, Foot};
use crate::platform::{clock, files::ObjectUrl};
use crate::storage::photos as store;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// "Left foot, heel, 30 Nov 2026, 23:05": the words for a photo.
pub fn caption(photo: &Photo) -> String {
    format!(
        "{}, {}",
        photo.place(),
        clock::format_local(photo.id as f64)
    )
}

/// One of a photo's pictures, read from storage when shown and released when gone.
#[component]
pub fn Picture(
    photo: Photo,
    which: PictureSize,
    #[prop(optional)] class: &'static str,
) -> impl IntoView {
    let url = RwSignal::new(None::<Result<ObjectUrl, String>>);
    let id = photo.id;
    spawn_local(async move {
        let found = match store::picture(id, which).await {
            Ok(Some(blob)) => ObjectUrl::new(&blob).map_err(|e| e.to_string()),
            Ok(None) => Err("this photo is no longer stored".into()),
            Err(error) => Err(error.to_string()),
        };
        // The page may have moved on; the address is then dropped, and so given back.
        let _ = url.try_set(Some(found));
    });
    let alt = caption(&photo);
    let (width, height) = which.pixels(&photo);
    move || {
        url.with(|url| match url {
            Some(Ok(url)) => view! { <img class=class src=url.as_str().to_string() alt=alt.clone() width=width height=height decoding="async"/> }.into_any(),
            Some(Err(why)) => view! { <span class="picture-missing">{format!("Photo not shown: {why}")}</span> }.into_any(),
            None => view! { <span class="picture-loading" style:aspect-ratio=format!("{width} / {height}")></span> }.into_any(),
        })
    }
}

/// How many photos a strip shows before "Show all": a month of nightly photos, without
/// reading a year's small pictures just to open the page.
const FIRST_SHOWN: usize = 30;

/// The photos of `spot`, newest first, each opening in the viewer.
#[component]
pub fn PhotoStrip(#[prop(into)] spot: Signal<(Foot, Area)>) -> impl IntoView {
    let state = PhotosState::expect();
    let all = RwSignal::new(false);
    let total = Memo::new(move |_| {
        state.photos.with(|list| {
            list.as_deref()
                .map_or(0, |l| model::timeline(l, spot.get()).len())
        })
    });
    let photos = Memo::new(move |_| {
        let shown = if all.get() { usize::MAX } else { FIRST_SHOWN };
        state.photos.with(|list| {
            list.as_deref()
                .map(|list| {
                    model::timeline(list, spot.get())
                        .into_iter()
                        .take(shown)
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    view! {
        <Show when=move || photos.with(|p| !p.is_empty())>
            <ul class="photo-strip" aria-label=move || format!("Photos of the {}", place(spot.get().0, spot.get().1).to_lowercase())>
                <For each=move || photos.get() key=|photo| photo.id let:photo>
                    <li>
                        <button type="button" class="photo-thumb" on:click={ let id = photo.id; move |_| state.open.set(Some((id, None))) }>
                            <Picture photo=photo.clone() which=PictureSize::Small/>
                            <span class="photo-date">{clock::format_local(photo.id as f64)}</span>
                        </button>
                    </li>
                </For>
            </ul>
            <Show when=move || { !all.get() && total.get() > FIRST_SHOWN }>
                <button type="button" class="button secondary" on:click=move |_| all.set(true)>
                    {move || format!("Show all {} photos", total.get())}
                </button>
            </Show>
        </Show>
    }
}

/// An area's photos with a way to add one: where the area is being looked at.
#[component]
pub fn AreaPhotos(
    #[prop(into)] spot: Signal<(Foot, Area)>,
    #[prop(optional, into)] check: Signal<Option<u64>>,
) -> impl IntoView {
    view! {
        <div class="area-photos">
            <TakePhoto spot check/>
            <PhotoStrip spot/>
        </div>
    }
}
