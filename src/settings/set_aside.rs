//! Settings -> Your data: the values the app could not read and moved aside. The notice at
//! the time offers each once; here they stay on offer until saved or removed.

use crate::components::Notices;
use crate::platform::files;
use crate::storage;
use leptos::prelude::*;

/// "A copy of the night diary that could not be read", from the set-aside key's name.
fn describe(name: &str) -> String {
    let words = name
        .split(".quarantine")
        .next()
        .and_then(storage::keys::by_name)
        .map_or("some of the app's data", |key| key.words);
    format!("A copy of {words} that could not be read")
}

#[component]
pub fn SetAside() -> impl IntoView {
    let notices = expect_context::<Notices>();
    let values = RwSignal::new(storage::set_aside_values());
    let saved = RwSignal::new(None::<String>);
    let remove = move |name: String| match storage::remove_set_aside(&name) {
        Ok(()) => values.set(storage::set_aside_values()),
        Err(error) => notices.report_storage(&error),
    };
    let rows = move || {
        values
            .get()
            .into_iter()
            .map(|(name, raw)| {
                let file = format!("{name}.txt");
                let save = move |_| match files::download_text(&file, &raw, "text/plain") {
                    Ok(()) => saved.set(Some(format!("Saved as {file}."))),
                    Err(error) => notices.report(&error),
                };
                let forget = name.clone();
                view! {
                    <li class="card">
                        <p>{describe(&name)}</p>
                        <div class="quiz-actions">
                            <button type="button" class="button secondary" on:click=save>"Download it"</button>
                            <button type="button" class="button secondary" on:click=move |_| remove(forget.clone())>"Remove it from the app"</button>
                        </div>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || values.with(|v| !v.is_empty())>
            <div class="set-aside">
                <h3>"Set aside as unreadable"</h3>
                <p>"The app could not read these, so it kept them unchanged instead of deleting them. Exports include them. Download one to keep it as a file, or remove it."</p>
                <ul class="card-list">{rows}</ul>
                <p role="status">{move || saved.get()}</p>
            </div>
        </Show>
    }
}
