//! Settings -> Your data: storage status, export, import, delete everything.

use super::state::SettingsState;
use crate::components::photos::PhotosState;
use crate::components::{ConfirmFirst, Notices, Question};
use crate::foot_check::FootCheckState;
use crate::platform::{clock, files, persistence};
use crate::quiz::QuizState;
use crate::reminders::RemindersState;
use crate::storage::{self, archive, backup, photos as photo_store};
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;

fn current_contents() -> backup::Contents {
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
fn reload_everything() {
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
            <StorageStatus/>
            <ExportButton/>
            <ImportFlow/>
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

/// The backup as one file: JSON, or a zip holding that JSON and the photos.
async fn export_file(now: f64) -> Result<(), String> {
    let day = crate::dates::format_iso_day(now, clock::offset_minutes_at(now));
    let text = backup::export(&current_contents(), now).map_err(|e| e.to_string())?;
    match photo_store::pack_backup(&text).await? {
        Some(zip) => files::download_blob(&format!("legs-at-night-backup-{day}.zip"), &zip),
        None => files::download_text(
            &format!("legs-at-night-backup-{day}.json"),
            &text,
            "application/json",
        ),
    }
    .map_err(|e| e.to_string())
}

#[component]
fn ExportButton() -> impl IntoView {
    let notices = expect_context::<Notices>();
    let busy = RwSignal::new(false);
    let export = move |_| {
        busy.set(true);
        spawn_local_scoped(async move {
            if let Err(error) = export_file(clock::now_ms()).await {
                notices.report(&format!("Export failed: {error}"));
            }
            busy.set(false);
        });
    };
    view! {
        <button type="button" class="button" disabled=move || busy.get() on:click=export>
            {move || if busy.get() { "Preparing the file…" } else { "Export my data" }}
        </button>
        <p class="small">"With photos, the backup is a zip file: it holds the data and each photo as a picture you can open on a computer."</p>
    }
}

#[derive(Clone, PartialEq)]
enum ImportStage {
    Idle,
    /// The backup's data and how many photos came with it (kept aside: they are big).
    Preview(backup::Contents, usize),
    Done(String),
    Failed(String),
}

/// A chosen file as a backup: a zip with photos, or the plain JSON.
fn read_backup(
    bytes: &[u8],
) -> Result<(backup::Contents, Vec<archive::UnpackedPhoto>), backup::ImportError> {
    if archive::is_archive(bytes) {
        let unpacked = archive::unpack(bytes)?;
        let (contents, _) = backup::parse(&unpacked.backup)?;
        return Ok((contents, unpacked.photos));
    }
    if bytes.len() > backup::MAX_IMPORT_BYTES {
        return Err(backup::ImportError::TooLarge(bytes.len()));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| backup::ImportError::NotJson("it is not text".into()))?;
    backup::parse(text).map(|(contents, _)| (contents, Vec::new()))
}

/// Writes the data, then the photos; if the photos fail, the data is put back as it was.
async fn import(
    incoming: backup::Contents,
    photos: Vec<archive::UnpackedPhoto>,
    merge: bool,
) -> Result<String, String> {
    let before = current_contents();
    // Read from storage, not the page's list: that may not have loaded yet.
    let here = photo_store::list()
        .await
        .map(|listing| listing.photos)
        .unwrap_or_default();
    let final_contents = if merge {
        backup::merge(&before, &incoming)
    } else {
        incoming
    };
    let untouched = storage::write_backup(&final_contents).map_err(|e| e.to_string())?;
    let incoming: Vec<_> = photos.iter().map(|p| p.photo.clone()).collect();
    let wanted = legs_core::photos::model::ids_to_import(&here, &incoming, !merge);
    let photos: Vec<_> = photos
        .into_iter()
        .filter(|p| wanted.contains(&p.photo.id))
        .collect();
    if !photos.is_empty() || !merge {
        match photo_store::restore(&photos, !merge).await {
            Ok(()) => {}
            // Nothing to put and nowhere to put it: the data alone is the import.
            Err(photo_store::PhotoStoreError::Unavailable) if photos.is_empty() => {}
            Err(error) => {
                let _ = storage::write_backup(&before);
                return Err(error.to_string());
            }
        }
    }
    Ok(format!(
        "Imported. You now have {} saved results and {} new photos.{}",
        final_contents.quiz_results.len(),
        photos.len(),
        left_as_it_was(&untouched)
    ))
}

/// What a key holds, in a person's words, from its declaration.
fn key_words(name: &str) -> &'static str {
    crate::storage::keys::by_name(name).map_or("some of the data", |key| key.words)
}

fn keys_in_words(keys: &[&str]) -> String {
    keys.iter()
        .map(|k| key_words(k))
        .collect::<Vec<_>>()
        .join(", ")
}

/// " Left as it was, …: the night diary.", for keys a newer version of the app wrote.
fn left_as_it_was(keys: &[&str]) -> String {
    if keys.is_empty() {
        return String::new();
    }
    format!(
        " Left as it was, because a newer version of the app wrote it: {}.",
        keys_in_words(keys)
    )
}

#[component]
fn ImportFlow() -> impl IntoView {
    let stage = RwSignal::new(ImportStage::Idle);
    let photos = StoredValue::new(Vec::<archive::UnpackedPhoto>::new());
    let merge = RwSignal::new(true);
    let input = NodeRef::<Input>::new();
    let chosen = move |_| {
        let Some(input) = input.get() else { return };
        spawn_local_scoped(async move {
            let next = match files::read_chosen_bytes(&input, archive::MAX_ARCHIVE_BYTES).await {
                Ok(None) => ImportStage::Idle,
                Ok(Some(bytes)) => match read_backup(&bytes) {
                    Ok((contents, found)) => {
                        let count = found.len();
                        photos.set_value(found);
                        ImportStage::Preview(contents, count)
                    }
                    Err(error) => ImportStage::Failed(format!("{error} Nothing was changed.")),
                },
                Err(error) => ImportStage::Failed(format!("{error}. Nothing was changed.")),
            };
            input.set_value("");
            stage.set(next);
        })
    };
    let confirm = move |_| {
        let ImportStage::Preview(incoming, _) = stage.get_untracked() else {
            return;
        };
        let found = std::mem::take(&mut *photos.write_value());
        spawn_local_scoped(async move {
            stage.set(match import(incoming, found, merge.get_untracked()).await {
                Ok(message) => {
                    reload_everything();
                    ImportStage::Done(message)
                }
                Err(error) => ImportStage::Failed(format!("{error} Nothing was changed.")),
            });
        });
    };
    view! {
        <div class="import">
            <label class="file-label" for="import-file">"Import a backup file"</label>
            <input id="import-file" type="file" accept="application/json,.json,application/zip,.zip" node_ref=input on:change=chosen/>
            {move || match stage.get() {
                ImportStage::Idle => ().into_any(),
                ImportStage::Failed(message) => view! { <p class="form-error" role="alert">{message}</p> }.into_any(),
                ImportStage::Done(message) => view! { <p role="status">{message}</p> }.into_any(),
                ImportStage::Preview(contents, photos) => view! { <ImportPreview contents photos merge/> }
                    .into_any(),
            }}
            <Show when=move || matches!(stage.get(), ImportStage::Preview(..))>
                <div class="quiz-actions">
                    <button type="button" class="button secondary" on:click=move |_| { photos.set_value(Vec::new()); stage.set(ImportStage::Idle) }>"Cancel"</button>
                    <button type="button" class="button" on:click=confirm>"Import"</button>
                </div>
            </Show>
        </div>
    }
}

#[component]
fn ImportPreview(
    contents: backup::Contents,
    photos: usize,
    merge: RwSignal<bool>,
) -> impl IntoView {
    let summary = backup::summarize(&contents);
    let span = match (summary.first_ms, summary.last_ms) {
        (Some(first), Some(last)) => format!(
            " (from {} to {})",
            clock::format_local(first),
            clock::format_local(last)
        ),
        _ => String::new(),
    };
    view! {
        <div class="import-preview" role="status">
            <p>"This file holds"{span}":"</p>
            <ul class="plain-list">
                <li>{format!("{} symptom check results", summary.results)}</li>
                <li>{format!("{} foot checks", summary.foot_checks)}</li>
                <li>{format!("{} diary nights", summary.nights)}</li>
                <li>{format!("{} reminders", summary.reminders)}</li>
                <li>{format!("{photos} foot photos")}</li>
                {summary.has_settings.then(|| view! { <li>"display settings"</li> })}
            </ul>
            {
                let newer = storage::keys_from_a_newer_version();
                (!newer.is_empty()).then(|| view! {
                    <p class="note">{format!("Not imported: {}. A newer version of the app wrote it here; this version cannot read it, so it leaves it as it is.", keys_in_words(&newer))}</p>
                })
            }
            <fieldset class="choice-group">
                <legend>"How to import"</legend>
                <label class="choice">
                    <input type="radio" name="import-mode" prop:checked=move || merge.get() on:change=move |_| merge.set(true)/>
                    <span>"Merge: keep what is here and add what is new"</span>
                </label>
                <label class="choice">
                    <input type="radio" name="import-mode" prop:checked=move || !merge.get() on:change=move |_| merge.set(false)/>
                    <span>"Replace: what is here now is removed"</span>
                </label>
            </fieldset>
        </div>
    }
}

const DELETE_ALL: Question = Question {
    ask: "Delete all my data",
    question: "Delete every result, setting, photo and saved answer from this browser?",
    detail: "This cannot be undone. Export a backup first if you may want it back.",
    keep: "Keep my data",
    confirm: "Delete everything",
};

#[component]
fn DeleteAll() -> impl IntoView {
    let notices = expect_context::<Notices>();
    let done = RwSignal::new(None::<String>);
    let delete = move |()| {
        // The service worker's copy of the schedule goes too.
        leptos::task::spawn_local(async {
            let _ = crate::platform::notifications::clear_worker_copy().await;
        });
        match storage::delete_all() {
            Ok(count) => {
                // The settings go back to their defaults at once, photos or not.
                reload_everything();
                spawn_local_scoped(async move {
                    // Photos are in IndexedDB; a browser without it has none to delete.
                    match photo_store::delete_all().await {
                        Ok(()) | Err(photo_store::PhotoStoreError::Unavailable) => {
                            done.set(Some(format!("Deleted. Nothing of yours is left in this browser ({count} stored items and every photo removed).")));
                        }
                        Err(error) => notices.report(&format!(
                            "Your data was deleted, but the photos were not: {error}"
                        )),
                    }
                    if let Some(photos) = PhotosState::loaded() {
                        photos.reload(None);
                    }
                });
            }
            Err(error) => notices.report_storage(&error),
        }
    };
    view! {
        <div class="delete-all">
            <ConfirmFirst question=DELETE_ALL on_confirm=delete/>
            {move || done.get().map(|message| view! { <p role="status">{message}</p> })}
        </div>
    }
}
