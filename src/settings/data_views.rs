//! Settings -> Your data: storage status, export, import, delete everything.

use super::state::SettingsState;
use crate::components::Notices;
use crate::foot_check::FootCheckState;
use crate::platform::{clock, files, persistence};
use crate::quiz::QuizState;
use crate::reminders::RemindersState;
use crate::storage::{self, backup};
use leptos::html::Input;
use leptos::prelude::*;

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
        wasm_bindgen_futures::spawn_local(async move {
            persisted.set(Some(
                persistence::is_persisted().await.map_err(|e| e.to_string()),
            ));
        })
    };
    check();
    let ask = move |_| {
        wasm_bindgen_futures::spawn_local(async move {
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

#[component]
fn ExportButton() -> impl IntoView {
    let notices = expect_context::<Notices>();
    let export = move |_| {
        let now = clock::now_ms();
        let day = crate::dates::format_iso_day(now, clock::offset_minutes_at(now));
        let outcome = backup::export(&current_contents(), now)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                files::download_text(
                    &format!("legs-at-night-backup-{day}.json"),
                    &text,
                    "application/json",
                )
                .map_err(|e| e.to_string())
            });
        if let Err(error) = outcome {
            notices.report(&format!("Export failed: {error}"));
        }
    };
    view! { <button type="button" class="button" on:click=export>"Export my data"</button> }
}

#[derive(Clone, PartialEq)]
enum ImportStage {
    Idle,
    Preview(backup::Contents),
    Done(String),
    Failed(String),
}

#[component]
fn ImportFlow() -> impl IntoView {
    let stage = RwSignal::new(ImportStage::Idle);
    let merge = RwSignal::new(true);
    let input = NodeRef::<Input>::new();
    let chosen = move |_| {
        let Some(input) = input.get() else { return };
        wasm_bindgen_futures::spawn_local(async move {
            let next = match files::read_chosen_text(&input, backup::MAX_IMPORT_BYTES).await {
                Ok(None) => ImportStage::Idle,
                Ok(Some(text)) => match backup::parse(&text) {
                    Ok((contents, _)) => ImportStage::Preview(contents),
                    Err(error) => ImportStage::Failed(format!("{error} Nothing was changed.")),
                },
                Err(error) => ImportStage::Failed(format!("{error}. Nothing was changed.")),
            };
            input.set_value("");
            stage.set(next);
        })
    };
    let confirm = move |_| {
        let ImportStage::Preview(incoming) = stage.get_untracked() else {
            return;
        };
        let final_contents = if merge.get_untracked() {
            backup::merge(&current_contents(), &incoming)
        } else {
            incoming
        };
        stage.set(match storage::write_backup(&final_contents) {
            Ok(()) => {
                reload_everything();
                ImportStage::Done(format!(
                    "Imported. You now have {} saved results.",
                    final_contents.quiz_results.len()
                ))
            }
            Err(error) => ImportStage::Failed(format!("{error} Nothing was changed.")),
        });
    };
    view! {
        <div class="import">
            <label class="file-label" for="import-file">"Import a backup file"</label>
            <input id="import-file" type="file" accept="application/json,.json" node_ref=input on:change=chosen/>
            {move || match stage.get() {
                ImportStage::Idle => ().into_any(),
                ImportStage::Failed(message) => view! { <p class="form-error" role="alert">{message}</p> }.into_any(),
                ImportStage::Done(message) => view! { <p role="status">{message}</p> }.into_any(),
                ImportStage::Preview(contents) => view! { <ImportPreview contents merge/> }
                    .into_any(),
            }}
            <Show when=move || matches!(stage.get(), ImportStage::Preview(_))>
                <div class="quiz-actions">
                    <button type="button" class="button secondary" on:click=move |_| stage.set(ImportStage::Idle)>"Cancel"</button>
                    <button type="button" class="button" on:click=confirm>"Import"</button>
                </div>
            </Show>
        </div>
    }
}

#[component]
fn ImportPreview(contents: backup::Contents, merge: RwSignal<bool>) -> impl IntoView {
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
                {summary.has_settings.then(|| view! { <li>"display settings"</li> })}
            </ul>
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

#[component]
fn DeleteAll() -> impl IntoView {
    let notices = expect_context::<Notices>();
    let confirming = RwSignal::new(false);
    let done = RwSignal::new(None::<String>);
    let delete = move |_| {
        // The service worker's copy of the schedule goes too.
        wasm_bindgen_futures::spawn_local(async {
            let _ = crate::platform::notifications::clear_worker_copy().await;
        });
        match storage::delete_all() {
            Ok(count) => {
                reload_everything();
                done.set(Some(format!("Deleted. Nothing of yours is left in this browser ({count} stored items removed).")));
            }
            Err(error) => notices.report_storage(&error),
        }
        confirming.set(false);
    };
    view! {
        <div class="delete-all">
            <Show
                when=move || confirming.get()
                fallback=move || view! { <button type="button" class="button danger" on:click=move |_| confirming.set(true)>"Delete all my data"</button> }
            >
                <div role="group" aria-labelledby="delete-question">
                    <p id="delete-question"><strong>"Delete every result, setting and saved answer from this browser?"</strong>" This cannot be undone. Export a backup first if you may want it back."</p>
                    <div class="quiz-actions">
                        <button type="button" class="button secondary" on:click=move |_| confirming.set(false)>"Keep my data"</button>
                        <button type="button" class="button danger" on:click=delete>"Delete everything"</button>
                    </div>
                </div>
            </Show>
            {move || done.get().map(|message| view! { <p role="status">{message}</p> })}
        </div>
    }
}
