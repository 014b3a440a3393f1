use crate::platform::files;
use crate::storage::StorageError;
use leptos::prelude::*;

#[derive(Clone, PartialEq)]
struct Notice {
    text: String,
    /// A file the user can save: the raw value of quarantined data.
    download: Option<(String, String)>,
    /// Stays until the situation changes (no storage at all), no Dismiss button.
    persistent: bool,
}

/// Messages the user must see: storage problems and the like. Every one is also logged.
#[derive(Clone, Copy)]
pub struct Notices {
    messages: RwSignal<Vec<Notice>>,
}

impl Notices {
    pub fn provide() -> Self {
        let notices = Notices {
            messages: RwSignal::new(Vec::new()),
        };
        provide_context(notices);
        notices
    }

    fn push(&self, notice: Notice) {
        leptos::logging::warn!("{}", notice.text);
        self.messages.update(|messages| {
            if !messages.iter().any(|m| m.text == notice.text) {
                messages.push(notice);
            }
        });
    }

    pub fn report(&self, error: &dyn std::fmt::Display) {
        self.push(Notice {
            text: error.to_string(),
            download: None,
            persistent: false,
        });
    }

    /// Storage errors get what they need: the raw value to download, or a warning that stays.
    pub fn report_storage(&self, error: &StorageError) {
        let (download, persistent) = match error {
            StorageError::Unreadable {
                quarantine, raw, ..
            } => (Some((format!("{quarantine}.txt"), raw.clone())), false),
            StorageError::Unavailable => (None, true),
            _ => (None, false),
        };
        self.push(Notice {
            text: error.to_string(),
            download,
            persistent,
        });
    }

    fn dismiss(&self, index: usize) {
        self.messages.update(|messages| {
            if index < messages.len() {
                messages.remove(index);
            }
        });
    }
}

#[component]
pub fn NoticeList() -> impl IntoView {
    let notices = expect_context::<Notices>();
    let items = move || {
        notices.messages.with(|messages| {
            messages
                .iter()
                .cloned()
                .enumerate()
                .map(|(index, notice)| {
                    let download = notice.download.map(|(name, raw)| {
                        let save = move |_| {
                            if let Err(error) = files::download_text(&name, &raw, "text/plain") {
                                notices.report(&error);
                            }
                        };
                        view! { <button type="button" class="notice-action" on:click=save>"Download the original"</button> }
                    });
                    let dismiss = (!notice.persistent).then(|| {
                        view! { <button type="button" class="notice-action" on:click=move |_| notices.dismiss(index)>"Dismiss"</button> }
                    });
                    view! {
                        <li class="notice" class:persistent=notice.persistent>
                            <span>{notice.text}</span>
                            <span class="notice-actions">{download}{dismiss}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    // The live region wraps the list: a `role` on the `<ul>` itself would take away its
    // list semantics, and screen readers (and axe) then find list items outside a list.
    view! { <div role="status" aria-live="polite"><ul class="notices">{items}</ul></div> }
}
