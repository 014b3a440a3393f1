//! Two photos of one area compared: side by side, or one over the other with a line
//! between them that follows the thumb, on the slider or on the picture itself.

use super::model::{self, Photo, PictureSize};
use super::strip::Picture;
use super::PhotosState;
use crate::components::FocusedHeading;
use crate::platform::clock;
use leptos::html::Div;
use leptos::prelude::*;

fn when(photo: &Photo) -> String {
    clock::format_local(photo.id as f64)
}

#[component]
pub fn Compare(earlier: Photo, later: Photo) -> impl IntoView {
    let state = PhotosState::expect();
    let slider = RwSignal::new(false);
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
    let overlaid = move || view! { <Overlaid earlier=earlier.clone() later=later.clone()/> };
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

/// The later photo over the earlier one, shown right of the line. The line is where the
/// thumb is: on the slider under the picture, or dragged on the picture itself.
#[component]
fn Overlaid(earlier: Photo, later: Photo) -> impl IntoView {
    let line = RwSignal::new(50_u32);
    let picture = NodeRef::<Div>::new();
    let dragging = StoredValue::new(false);
    let follow = move |e: &web_sys::PointerEvent| {
        if let Some(picture) = picture.get_untracked() {
            let edge = picture.get_bounding_client_rect();
            line.set(model::line_at(
                f64::from(e.client_x()),
                edge.left(),
                edge.width(),
            ));
        }
    };
    let down = move |e: web_sys::PointerEvent| {
        dragging.set_value(true);
        // Keeps the drag when the finger slides off the picture's edge.
        if let Some(picture) = picture.get_untracked() {
            if let Err(error) = picture.set_pointer_capture(e.pointer_id()) {
                leptos::logging::warn!("no pointer capture: {error:?}");
            }
        }
        follow(&e);
    };
    let moved = move |e: web_sys::PointerEvent| {
        if dragging.get_value() {
            follow(&e);
        }
    };
    let up = move |_: web_sys::PointerEvent| dragging.set_value(false);
    let sides = format!(
        "Left of the line: {}. Right of it: {}.",
        when(&earlier),
        when(&later)
    );
    view! {
        <div class="compare-slider" node_ref=picture
            on:pointerdown=down on:pointermove=moved on:pointerup=up on:pointercancel=up>
            <Picture photo=earlier which=PictureSize::Full/>
            <div class="compare-later" style:clip-path=move || format!("inset(0 0 0 {}%)", line.get())>
                <Picture photo=later which=PictureSize::Full/>
            </div>
            <div class="compare-line" aria-hidden="true" style:left=move || format!("{}%", line.get())>
                <span class="compare-handle"></span>
            </div>
        </div>
        <label for="compare-reveal">"Move the line"</label>
        <input id="compare-reveal" type="range" min="0" max="100" prop:value=move || line.get().to_string()
            aria-valuetext=move || format!("{} percent from the left", line.get())
            on:input=move |e| line.set(event_target_value(&e).parse().unwrap_or(50))/>
        <p class="small">{sides}</p>
    }
}
