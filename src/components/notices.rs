use leptos::prelude::*;

/// Messages the user must see: storage problems and the like. Every one is also logged.
#[derive(Clone, Copy)]
pub struct Notices {
    messages: RwSignal<Vec<String>>,
}

impl Notices {
    pub fn provide() -> Self {
        let notices = Notices {
            messages: RwSignal::new(Vec::new()),
        };
        provide_context(notices);
        notices
    }

    pub fn report(&self, error: &dyn std::fmt::Display) {
        let text = error.to_string();
        leptos::logging::warn!("{text}");
        self.messages.update(|messages| {
            if !messages.contains(&text) {
                messages.push(text);
            }
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
                .enumerate()
                .map(|(index, text)| {
                    view! {
                        <li class="notice">
                            <span>{text.clone()}</span>
                            <button type="button" class="notice-dismiss" on:click=move |_| notices.dismiss(index)>
                                "Dismiss"
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! { <ul class="notices" role="status" aria-live="polite">{items}</ul> }
}
