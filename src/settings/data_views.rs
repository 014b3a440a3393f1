//! Settings -> Your data: storage status, export, import, delete everything.

use super::state::SettingsState;
use crate::components::photos::PhotosState;
use crate::components::{ConfirmFirst, Notices, Question};
use crate::foot_check::FootCheckState;
use crate::platform::persistence;
use crate::quiz::QuizState;
use crate::reminders::RemindersState;
use crate::storage::{self, backup, photos as photo_store};
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;

pub(super) fn current_contents() -> backup::Contents {
    let settings = SettingsState::expect();
    let quiz = QuizState::expect();
    backup::Contents {
        settings: Some(settings.current.get_untracked()),
        quiz_results: quiz.results.get_untracked(),
        foot_checks: FootCheckState::expect().checks.get_untracked(),
        reminders: Some(RemindersState::expect().data.get_untracked())
            .filter(|r| *r != Default::default()),
        diary: crate::diary::DiaryState::expect().entries.get_untracked(),
    }
}

/// After storage changed under the app (import, delete), every feature re-reads it.
pub(super) fn reload_everything() {
    SettingsState::expect().reload(None);
    RemindersState::expect().reload(None);
    // States not loaded yet read the new data when they load.
    if let Some(quiz) = QuizState::loaded() {
        quiz.reload(None);
    }
    if let Some(feet) = FootCheckState::loaded() {
        feet.reload(None);
    }
    if let Some(diary) = crate::diary::DiaryState::loaded() {
        diary.reload(None);
    }
    if let Some(photos) = PhotosState::loaded() {
        photos.reload(None);
    }
}

#[component]
pub fn DataSection() -> impl IntoView {
    view! {
        <section aria-labelledby="data-title">
            <h2 id="data-title">"Your data"</h2>
            <crate::components::SafariDataWarning/>
            <StorageStatus/>
            <super::export::ExportButton/>
            <super::set_aside::SetAside/>
            <super::import::ImportFlow/>
            <DeleteAll/>
        </section>
    }
}

#[component]
fn StorageStatus() -> impl IntoView {
    let persisted = RwSignal::new(None::<Result<bool, String>>);
    let check = move || {
        leptos::task::spawn_local(async move {
            persisted.set(Some(
                persistence::is_persisted().await.map_err(|e| e.to_string()),
            ));
        })
    };
    check();
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            persisted.set(Some(
                persistence::request().await.map_err(|e| e.to_string()),
            ));
        })
    };
    let status = move || {
        match persisted.get() {
        None => "Checking…".to_string(),
        Some(Ok(true)) => "This browser has promised to keep the app's data, even when the phone runs short of space.".into(),
        Some(Ok(false)) => "The browser may clear the app's data if the phone runs short of space.".into(),
        Some(Err(error)) => format!("Unknown: {error}."),
    }
    };
    let available = storage::is_available();
    view! {
        <p>{if available { "Your data is kept in this browser on this device." } else { "This browser is not keeping any data: what you enter is lost when the tab closes." }}</p>
        <p role="status">{status}</p>
        <Show when=move || matches!(persisted.get(), Some(Ok(false)))>
            <button type="button" class="button secondary" on:click=ask>"Ask the browser to keep it"</button>
        </Show>
        <p class="small">"Export a backup now and then: it is the only copy outside this browser."</p>
    }
}

const DELETE_ALL: Question = Question {
    ask: "Delete all my data",
    question: "Delete every result, setting, photo and saved answer from this browser?",
    detail: "This cannot be undone. Export a backup first if you may want it back.",
    keep: "Keep my data",
    confirm: "Delete everything",
};

/// What "Delete all my data" did with the photos: each case is said as it is, and a
/// photo store that could not be opened is never reported as emptied.
async fn delete_photos() -> Result<(), String> {
    let outcome = photo_store::delete_all().await;
    if let Some(photos) = PhotosState::loaded() {
        photos.reload(None);
    }
    outcome.map_err(|error| match error {
        photo_store::PhotoStoreError::Unavailable => {
            "The photo store could not be opened, so any foot photos kept here were not deleted."
                .to_string()
        }
        other => format!("The photos were not deleted: {other}"),
    })
}

#[component]
fn DeleteAll() -> impl IntoView {
    let notices = expect_context::<Notices>();
    let done = RwSignal::new(None::<String>);
    let photos_left = RwSignal::new(None::<String>);
    let delete_the_photos = move |items: Option<usize>| {
        spawn_local_scoped(async move {
            let data = items.map_or(String::new(), |count| {
                format!("Deleted your results, checks, reminders, diary and settings ({count} stored items). ")
            });
            match delete_photos().await {
                Ok(()) => {
                    photos_left.set(None);
                    done.set(Some(format!("{data}Every foot photo was deleted. Nothing of yours is left in this browser.")));
                }
                Err(reason) => {
                    done.set(Some(data));
                    photos_left.set(Some(reason));
                }
            }
        });
    };
    let delete = move |()| {
        // The service worker's copy of the schedule goes too.
        leptos::task::spawn_local(async {
            let _ = crate::platform::notifications::clear_worker_copy().await;
        });
        match storage::delete_all() {
            Ok(count) => {
                // The settings go back to their defaults at once, photos or not.
                reload_everything();
                delete_the_photos(Some(count));
            }
            Err(error) => notices.report_storage(&error),
        }
    };
    view! {
        <div class="delete-all">
            <ConfirmFirst question=DELETE_ALL on_confirm=delete/>
            {move || done.get().filter(|m| !m.is_empty()).map(|message| view! { <p role="status">{message}</p> })}
            {move || photos_left.get().map(|reason| view! {
                <div role="alert">
                    <p class="form-error">{reason}</p>
                    <button type="button" class="button" on:click=move |_| delete_the_photos(None)>"Try deleting the photos again"</button>
                </div>
            })}
        </div>
    }
}
