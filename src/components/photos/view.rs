//! The open photo: enlarged with zoom, or side by side with another of the same area.

use super::model::{self, Photo, PictureSize};
use super::strip::{caption, Picture};
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
    let zoom = RwSignal::new(1.0_f64);
    let other = state.photos.with_untracked(|list| {
        list.as_deref()
            .and_then(|l| model::compare_with(l, photo.id).map(|p| p.id))
    });
    let id = photo.id;
    let picture = photo.clone();
    view! {
        <section class="photo-viewer" aria-label="Photo">
            <FocusedHeading text=caption(&photo)/>
            <Pinch zoom>
                <div class="zoomed" style:width=move || format!("{}%", zoom.get() * 100.0)>
                    <Picture photo=picture which=PictureSize::Full/>
                </div>
            </Pinch>
            <div class="zoom-buttons" role="group" aria-label="Zoom">
                <button type="button" class="button secondary" disabled=move || { zoom.get() <= 1.0 } on:click=move |_| zoom.update(|z| *z = model::zoom_step(*z, false))>"Zoom out"</button>
                <output aria-live="polite">{move || format!("{:.1}×", zoom.get())}</output>
                <button type="button" class="button secondary" disabled=move || { zoom.get() >= 4.0 } on:click=move |_| zoom.update(|z| *z = model::zoom_step(*z, true))>"Zoom in"</button>
            </div>
            <div class="photo-actions">
                {other.map(|other| view! { <button type="button" class="button" on:click=move |_| state.open.set(Some((id, Some(other))))>"Compare with another date"</button> })}
                <ShareButton photo=photo.clone()/>
                <DeleteButton id/>
                <button type="button" class="button secondary" on:click=move |_| state.open.set(None)>"Close"</button>
            </div>
        </section>
    }
}

/// Two fingers change the zoom; one finger scrolls the enlarged photo as usual.
#[component]
fn Pinch(zoom: RwSignal<f64>, children: Children) -> impl IntoView {
    let pointers = StoredValue::new(Vec::<(i32, f64, f64)>::new());
    let start = StoredValue::new(None::<(f64, f64)>);
    let spread = |p: &[(i32, f64, f64)]| match p {
        [a, b, ..] => (a.1 - b.1).hypot(a.2 - b.2),
        _ => 0.0,
    };
    let down = move |e: web_sys::PointerEvent| {
        pointers.update_value(|p| {
            p.push((
                e.pointer_id(),
                f64::from(e.client_x()),
                f64::from(e.client_y()),
            ))
        });
        if pointers.with_value(Vec::len) == 2 {
            start.set_value(Some((
                pointers.with_value(|p| spread(p)),
                zoom.get_untracked(),
            )));
        }
    };
    let moved = move |e: web_sys::PointerEvent| {
        pointers.update_value(|p| {
            if let Some(pointer) = p.iter_mut().find(|q| q.0 == e.pointer_id()) {
                *pointer = (
                    e.pointer_id(),
                    f64::from(e.client_x()),
                    f64::from(e.client_y()),
                );
            }
        });
        if let Some((from, at)) = start.get_value() {
            let now = pointers.with_value(|p| spread(p));
            if from > 0.0 && now > 0.0 {
                zoom.set(model::clamp_zoom(at * now / from));
            }
        }
    };
    let up = move |e: web_sys::PointerEvent| {
        pointers.update_value(|p| p.retain(|q| q.0 != e.pointer_id()));
        start.set_value(None);
    };
    view! {
        <div class="zoom-frame" tabindex="0" aria-label="Enlarged photo; scroll to move around"
            on:pointerdown=down on:pointermove=moved on:pointerup=up on:pointercancel=up>
            {children()}
        </div>
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

#[component]
fn Compare(earlier: Photo, later: Photo) -> impl IntoView {
    let state = PhotosState::expect();
    let slider = RwSignal::new(false);
    let reveal = RwSignal::new(50u32);
    let when = |p: &Photo| clock::format_local(p.id as f64);
    let heading = format!(
        "{}: {} and {}",
        earlier.place(),
        when(&earlier),
        when(&later)
    );
    let side_by_side = {
        let (earlier, later) = (earlier.clone(), later.clone());
        move || {
            view! {
                <div class="compare-pair">
                    <figure><Picture photo=earlier.clone() which=PictureSize::Full/><figcaption>{when(&earlier)}</figcaption></figure>
                    <figure><Picture photo=later.clone() which=PictureSize::Full/><figcaption>{when(&later)}</figcaption></figure>
                </div>
            }
        }
    };
    let overlaid = move || {
        view! {
            <div class="compare-slider">
                <Picture photo=earlier.clone() which=PictureSize::Full/>
                <div class="compare-later" style:clip-path=move || format!("inset(0 0 0 {}%)", 100 - reveal.get())>
                    <Picture photo=later.clone() which=PictureSize::Full/>
                </div>
            </div>
            <label for="compare-reveal">{format!("Slide right to show more of {}", when(&later))}</label>
            <input id="compare-reveal" type="range" min="0" max="100" prop:value=move || reveal.get().to_string()
                on:input=move |e| reveal.set(event_target_value(&e).parse().unwrap_or(50))/>
            <p class="small">{format!("Left of the line: {}. Right of it: {}.", when(&earlier), when(&later))}</p>
        }
    };
    view! {
        <section class="photo-viewer photo-compare" aria-label="Two photos compared">
            <FocusedHeading text=heading/>
            <div class="segmented" role="group" aria-label="How to compare">
                <button type="button" class="button secondary" aria-pressed=move || (!slider.get()).to_string() on:click=move |_| slider.set(false)>"Side by side"</button>
                <button type="button" class="button secondary" aria-pressed=move || slider.get().to_string() on:click=move |_| slider.set(true)>"Slider"</button>
            </div>
            {move || if slider.get() { overlaid().into_any() } else { side_by_side().into_any() }}
            <button type="button" class="button secondary" on:click=move |_| state.open.set(None)>"Close"</button>
        </section>
    }
}
