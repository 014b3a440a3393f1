//! Taking a photo: the camera on a phone, a file picker elsewhere.

use super::model::place;
use super::PhotosState;
use crate::foot_check::model::{Area, Foot};
use crate::platform::files;
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// How to take a photo worth comparing next week. Open until the first photo is kept.
#[component]
fn Guidance() -> impl IntoView {
    view! {
        <ul class="plain-list photo-tips">
            <li>"Use good light: daylight or a bright lamp, without the flash shining back off the skin."</li>
            <li>"Rest the foot on a dark towel, so the edges of the skin stand out."</li>
            <li>"Hold the phone under the foot, or ask someone to take it; the camera's timer helps when you are alone."</li>
            <li>"Take the same area from the same distance each time, so photos can be compared."</li>
            <li>"Between the toes: spread them gently for the photo, and keep that skin dry. Never put cream there."</li>
            <li>"The photo stays on this phone. It is made smaller, and the location and other hidden details a camera adds are removed before it is kept."</li>
        </ul>
    }
}

/// A button that takes (or picks) photos of `spot`, tagged with the check in progress.
#[component]
pub fn TakePhoto(
    #[prop(into)] spot: Signal<(Foot, Area)>,
    #[prop(optional, into)] check: Signal<Option<u64>>,
) -> impl IntoView {
    let state = PhotosState::expect();
    let input = NodeRef::<Input>::new();
    let busy = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Result<String, String>>);
    let chosen = move |_| {
        let Some(input) = input.get() else { return };
        let picked = files::chosen(&input);
        input.set_value("");
        if picked.is_empty() {
            return;
        }
        busy.set(true);
        outcome.set(None);
        let (spot, check) = (spot.get_untracked(), check.get_untracked());
        spawn_local(async move {
            let mut saved = 0;
            let mut failure = None;
            for file in &picked {
                match state.add(file, spot, check).await {
                    Ok(_) => saved += 1,
                    Err(error) => {
                        leptos::logging::warn!("{error}");
                        failure = Some(error.to_string());
                        break;
                    }
                }
            }
            busy.set(false);
            let place = place(spot.0, spot.1).to_lowercase();
            outcome.set(Some(match failure {
                None if saved == 1 => Ok(format!("Photo kept: {place}.")),
                None => Ok(format!("{saved} photos kept: {place}.")),
                Some(error) if saved > 0 => Err(format!("{saved} kept, then: {error}")),
                Some(error) => Err(error),
            }));
        });
    };
    view! {
        <div class="take-photo">
            // Folded from the first photo on: open on every step, it was most of each step's
            // screens at the largest text.
            <details class="photo-tips"><summary>"How to take a clear photo"</summary><Guidance/></details>
            <input id="photo-input" class="visually-hidden" type="file" accept="image/*" capture="environment" multiple
                node_ref=input on:change=chosen disabled=move || busy.get()/>
            <label class="button secondary file-button" for="photo-input">
                {move || if busy.get() { "Keeping the photo…".to_string() } else { format!("Take a photo: {}", place(spot.get().0, spot.get().1).to_lowercase()) }}
            </label>
            {move || outcome.get().map(|result| match result {
                Ok(message) => view! { <p role="status" class="photo-saved">{message}</p> }.into_any(),
                Err(message) => view! { <p role="alert" class="form-error">{message}</p> }.into_any(),
            })}
        </div>
    }
}

/// Chooses the foot and area first: for photos taken outside the foot check.
#[component]
pub fn TakePhotoOfAnyArea() -> impl IntoView {
    let foot = RwSignal::new(Foot::Left);
    let area = RwSignal::new(Area::Heel);
    let feet = Foot::BOTH.map(
        |f| view! { <option value=f.name() selected=move || foot.get() == f>{f.name()}</option> },
    );
    let areas = Area::ALL.map(
        |a| view! { <option value=a.name() selected=move || area.get() == a>{a.name()}</option> },
    );
    view! {
        <div class="photo-spot">
            <label for="photo-foot">"Foot"</label>
            <select id="photo-foot" on:change=move |e| {
                let name = event_target_value(&e);
                if let Some(f) = Foot::BOTH.into_iter().find(|f| f.name() == name) { foot.set(f) }
            }>{feet.collect_view()}</select>
            <label for="photo-area">"Area"</label>
            <select id="photo-area" on:change=move |e| {
                let name = event_target_value(&e);
                if let Some(a) = Area::ALL.into_iter().find(|a| a.name() == name) { area.set(a) }
            }>{areas.collect_view()}</select>
        </div>
        <TakePhoto spot=Signal::derive(move || (foot.get(), area.get()))/>
    }
}
