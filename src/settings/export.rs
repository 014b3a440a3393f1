//! Settings -> Your data -> Export: what the backup will hold, said before it is saved.

use crate::components::Notices;
use crate::platform::{clock, files};
use crate::storage::{self, backup, photos as photo_store};
use leptos::prelude::*;
use leptos::task::spawn_local_scoped;

/// A backup ready to save, and what it holds, shown before the file is saved.
#[derive(Clone)]
struct ReadyExport {
    name: String,
    json: String,
    zip: Option<web_sys::Blob>,
    holds: Vec<String>,
    missing: Vec<String>,
    /// About what is in the file, but only a newer version of the app can import.
    notes: Vec<String>,
}

/// The backup as one file: JSON, or a zip holding that JSON and the photos. Read from what
/// storage holds, so nothing a page has not loaded (or cannot read) is silently left out.
async fn prepare_export(now: f64) -> Result<ReadyExport, String> {
    let day = crate::dates::format_iso_day(now, clock::offset_minutes_at(now));
    let built = storage::stored_backup(now).map_err(|e| e.to_string())?;
    let mut holds = match backup::parse(&built.text) {
        Ok((contents, _)) => summary_lines(&backup::summarize(&contents)),
        Err(_) => built
            .included
            .iter()
            .map(|key| key.label.to_string())
            .collect(),
    };
    let mut missing: Vec<String> = built
        .left_out
        .iter()
        .map(|(key, reason)| format!("{}: {reason}.", key.label))
        .collect();
    let notes = built
        .newer
        .iter()
        .map(|key| {
            format!("{} is in the file as a newer version of the app wrote it: only that version can import it.", key.label)
        })
        .collect();
    if built.set_aside > 0 {
        holds.push(format!(
            "{} unreadable copies the app set aside, as they were",
            built.set_aside
        ));
    }
    let zip = match photo_store::pack_backup(&built.text).await {
        Ok(Some((zip, count))) => {
            holds.push(format!("{count} foot photos"));
            Some(zip)
        }
        Ok(None) => {
            holds.push("no foot photos".into());
            None
        }
        Err(photo_store::PhotoStoreError::Unavailable) => {
            missing.push("Foot photos: the photo store could not be opened, so any photos taken here are not in this file.".into());
            None
        }
        Err(error) => {
            missing.push(format!(
                "Foot photos: {error} Any photos taken here are not in this file."
            ));
            None
        }
    };
    let extension = if zip.is_some() { "zip" } else { "json" };
    Ok(ReadyExport {
        name: format!("legs-at-night-backup-{day}.{extension}"),
        json: built.text,
        zip,
        holds,
        missing,
        notes,
    })
}

pub(super) fn summary_lines(summary: &backup::Summary) -> Vec<String> {
    let mut lines = vec![
        format!("{} symptom check results", summary.results),
        format!("{} foot checks", summary.foot_checks),
        format!("{} diary nights", summary.nights),
        format!("{} reminders", summary.reminders),
    ];
    if summary.has_settings {
        lines.push("your settings".into());
    }
    lines
}

fn save_export(ready: &ReadyExport) -> Result<(), String> {
    match &ready.zip {
        Some(zip) => files::download_blob(&ready.name, zip),
        None => files::download_text(&ready.name, &ready.json, "application/json"),
    }
    .map_err(|e| e.to_string())
}

#[component]
pub(super) fn ExportButton() -> impl IntoView {
    let notices = expect_context::<Notices>();
    let busy = RwSignal::new(false);
    let ready = RwSignal::new(None::<ReadyExport>);
    let saved = RwSignal::new(None::<String>);
    let export = move |_| {
        busy.set(true);
        saved.set(None);
        spawn_local_scoped(async move {
            match prepare_export(clock::now_ms()).await {
                Ok(file) => ready.set(Some(file)),
                Err(error) => notices.report(&format!("Export failed: {error}")),
            }
            busy.set(false);
        });
    };
    let save = move |_| {
        let Some(file) = ready.get_untracked() else {
            return;
        };
        match save_export(&file) {
            Ok(()) => saved.set(Some(format!("Saved {}.", file.name))),
            Err(error) => notices.report(&format!("Export failed: {error}")),
        }
        ready.set(None);
    };
    view! {
        <button type="button" class="button" disabled=move || busy.get() on:click=export>
            {move || if busy.get() { "Preparing the file…" } else { "Export my data" }}
        </button>
        {move || ready.get().map(|file| view! {
            <div class="export-preview" role="status">
                <crate::components::FocusedHeading text="The backup file will hold:" sub=true/>
                <ul class="plain-list">{file.holds.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                {file.notes.into_iter().map(|line| view! { <p class="note">{line}</p> }).collect_view()}
                {(!file.missing.is_empty()).then(|| view! {
                    <div class="note">
                        <p><strong>"Not included:"</strong></p>
                        <ul>{file.missing.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                    </div>
                })}
                <div class="quiz-actions">
                    <button type="button" class="button secondary" on:click=move |_| ready.set(None)>"Cancel"</button>
                    <button type="button" class="button" on:click=save>"Save the file"</button>
                </div>
            </div>
        })}
        {move || saved.get().map(|message| view! { <p role="status">{message}</p> })}
        <p class="small">"With photos, the backup is a zip file: it holds the data and each photo as a picture you can open on a computer."</p>
    }
}
