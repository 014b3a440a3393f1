//! Settings -> Your data -> Import: the preview, Merge or Replace (which asks first), and
//! the import itself, every key or none.

use super::data_views::{current_contents, reload_everything};
use super::export::summary_lines;
use crate::platform::{clock, files};
use crate::storage::{self, archive, backup, photos as photo_store};
use leptos::html::Input;
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;

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
    let (final_contents, reminders) = if merge {
        backup::merge(&before, &incoming)
    } else {
        (incoming, Default::default())
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
        "Imported. You now have {} saved results and {} new photos.{}{}",
        final_contents.quiz_results.len(),
        photos.len(),
        reminders_merged(&reminders),
        left_as_it_was(&untouched)
    ))
}

/// " Reminders: 2 added, 1 already here, 1 left out (50 is the most).", after a merge.
fn reminders_merged(count: &legs_core::reminders::merge::MergeCount) -> String {
    if *count == Default::default() {
        return String::new();
    }
    let mut parts = vec![format!("{} added", count.added)];
    if count.duplicates > 0 {
        parts.push(format!("{} already here", count.duplicates));
    }
    if count.over_limit > 0 {
        parts.push(format!(
            "{} left out, because 50 is the most the app keeps",
            count.over_limit
        ));
    }
    format!(" Reminders: {}.", parts.join(", "))
}

/// What "Replace" deletes, in words, photos included: asked before anything changes.
async fn what_replace_deletes() -> String {
    let here = backup::summarize(&current_contents());
    let photos = match photo_store::list().await {
        Ok(listing) => format!("{} foot photos", listing.photos.len()),
        Err(_) => "any foot photos kept here".to_string(),
    };
    let mut lines = summary_lines(&here);
    lines.push(photos);
    format!(
        "Replace deletes what is here now: {}. The backup's data takes its place. This cannot be undone.",
        lines.join(", ")
    )
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
pub(super) fn ImportFlow() -> impl IntoView {
    let stage = RwSignal::new(ImportStage::Idle);
    let photos = StoredValue::new(Vec::<archive::UnpackedPhoto>::new());
    let merge = RwSignal::new(true);
    let input = NodeRef::<Input>::new();
    let chosen = move |_| {
        let Some(input) = input.get() else { return };
        spawn_local_scoped(async move {
            let next = match files::read_chosen_bytes_as(&input, backup::max_import_bytes).await {
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
    let replace_asked = RwSignal::new(None::<String>);
    let import_now = move || {
        replace_asked.set(None);
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
    // Replace deletes: it says what, and asks, before anything changes.
    let ask_or_import = move |_| {
        if merge.get_untracked() {
            import_now();
            return;
        }
        spawn_local_scoped(async move { replace_asked.set(Some(what_replace_deletes().await)) });
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
                    <button type="button" class="button" on:click=ask_or_import>"Import"</button>
                </div>
            </Show>
            {move || replace_asked.get().filter(|_| !merge.get()).map(|deletes| view! {
                <div class="confirm-replace" role="alert">
                    <crate::components::FocusedHeading text="Replace deletes your data here" sub=true/>
                    <p>{deletes}</p>
                    <div class="quiz-actions">
                        <button type="button" class="button secondary" on:click=move |_| replace_asked.set(None)>"Keep my data"</button>
                        <button type="button" class="button danger" on:click=move |_| import_now()>"Replace and delete"</button>
                    </div>
                </div>
            })}
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
                {summary_lines(&summary).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                <li>{format!("{photos} foot photos")}</li>
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
