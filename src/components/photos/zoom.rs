//! The enlarged photo's zoom: two buttons and a pinch. Each keeps its spot of the photo in
//! place (the frame's centre, or the point between the fingers); one finger scrolls the
//! enlarged photo as usual.

use super::model::{self, Photo, PictureSize};
use super::strip::Picture;
use leptos::html::Div;
use leptos::prelude::*;

#[component]
pub fn ZoomablePhoto(photo: Photo) -> impl IntoView {
    let zoom = RwSignal::new(1.0_f64);
    let frame = NodeRef::<Div>::new();
    // `focus`: pixels into the frame (x, y) that stay on the same spot; None, its centre.
    let zoom_to = move |to: f64, focus: Option<(f64, f64)>| {
        let (from, to) = (zoom.get_untracked(), model::clamp_zoom(to));
        let Some(frame) = frame.get_untracked() else {
            zoom.set(to);
            return;
        };
        let (x, y) = focus.unwrap_or((
            f64::from(frame.client_width()) / 2.0,
            f64::from(frame.client_height()) / 2.0,
        ));
        let left = model::scroll_keeping(f64::from(frame.scroll_left()), x, from, to);
        let top = model::scroll_keeping(f64::from(frame.scroll_top()), y, from, to);
        zoom.set(to);
        // Once the new size is laid out: scrolled before, the browser would clamp it.
        request_animation_frame(move || {
            frame.set_scroll_left(left.round() as i32);
            frame.set_scroll_top(top.round() as i32);
        });
    };
    view! {
        <Pinch frame zoom zoom_to>
            <div class="zoomed" style:width=move || format!("{}%", zoom.get() * 100.0)>
                <Picture photo which=PictureSize::Full/>
            </div>
        </Pinch>
        <div class="zoom-buttons" role="group" aria-label="Zoom">
            <button type="button" class="button secondary" disabled=move || { zoom.get() <= 1.0 } on:click=move |_| zoom_to(model::zoom_step(zoom.get_untracked(), false), None)>"Zoom out"</button>
            <output aria-live="polite">{move || format!("{:.1}×", zoom.get())}</output>
            <button type="button" class="button secondary" disabled=move || { zoom.get() >= 4.0 } on:click=move |_| zoom_to(model::zoom_step(zoom.get_untracked(), true), None)>"Zoom in"</button>
        </div>
    }
}

/// A pointer's id and where it is on the screen.
type Pointer = (i32, f64, f64);

fn spread(pointers: &[Pointer]) -> f64 {
    match pointers {
        [a, b, ..] => (a.1 - b.1).hypot(a.2 - b.2),
        _ => 0.0,
    }
}

/// Two fingers change the zoom around the point between them.
#[component]
fn Pinch(
    frame: NodeRef<Div>,
    zoom: RwSignal<f64>,
    zoom_to: impl Fn(f64, Option<(f64, f64)>) + Copy + 'static,
    children: Children,
) -> impl IntoView {
    let pointers = StoredValue::new(Vec::<Pointer>::new());
    let start = StoredValue::new(None::<(f64, f64)>);
    let at = |e: &web_sys::PointerEvent| {
        (
            e.pointer_id(),
            f64::from(e.client_x()),
            f64::from(e.client_y()),
        )
    };
    let down = move |e: web_sys::PointerEvent| {
        pointers.update_value(|p| p.push(at(&e)));
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
                *pointer = at(&e);
            }
        });
        let (Some((from, zoom_then)), Some(frame)) = (start.get_value(), frame.get_untracked())
        else {
            return;
        };
        let (now, middle) = pointers.with_value(|p| match p.as_slice() {
            [a, b, ..] => (spread(p), Some(((a.1 + b.1) / 2.0, (a.2 + b.2) / 2.0))),
            _ => (0.0, None),
        });
        if let (true, Some((x, y))) = (from > 0.0 && now > 0.0, middle) {
            let edge = frame.get_bounding_client_rect();
            zoom_to(
                zoom_then * now / from,
                Some((x - edge.left(), y - edge.top())),
            );
        }
    };
    let up = move |e: web_sys::PointerEvent| {
        pointers.update_value(|p| p.retain(|q| q.0 != e.pointer_id()));
        start.set_value(None);
    };
    view! {
        <div class="zoom-frame" tabindex="0" aria-label="Enlarged photo; scroll to move around" node_ref=frame
            on:pointerdown=down on:pointermove=moved on:pointerup=up on:pointercancel=up>
            {children()}
        </div>
    }
}
