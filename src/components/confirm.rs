//! A step that cannot be undone, behind one question.

use crate::platform::document;
use leptos::html::Button;
use leptos::prelude::*;

/// The words of a question before a step that cannot be undone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// The button that asks ("Delete all photos").
    pub ask: &'static str,
    /// The question itself, in bold, then what follows from it.
    pub question: &'static str,
    pub detail: &'static str,
    /// The answer that changes nothing ("Keep them"), and the one that acts.
    pub keep: &'static str,
    pub confirm: &'static str,
}

/// A button that asks `question` before `on_confirm` runs. The answer that changes nothing
/// takes the focus when the question shows, and the asking button gets it back after an
/// answer (where it is still shown): the button a keyboard was on disappears each time,
/// and focus would otherwise fall back to the top of the page.
#[component]
pub fn ConfirmFirst(
    question: Question,
    #[prop(into)] on_confirm: Callback<()>,
    /// `button danger` for a whole collection, `button secondary` for a single item.
    #[prop(default = "button danger")]
    ask_class: &'static str,
    /// Said to screen readers after the asking button's words, where a list repeats them
    /// ("Delete" the result of 3 March, 22:10).
    #[prop(optional, into)]
    ask_context: Option<String>,
    /// The question in words that change with the moment ("Clear your 4 answers?"), in
    /// place of `question.question`.
    #[prop(optional, into)]
    asked: Option<Signal<String>>,
) -> impl IntoView {
    let asking = RwSignal::new(false);
    let was_asked = StoredValue::new(false);
    let ask_button = NodeRef::<Button>::new();
    let keep_button = NodeRef::<Button>::new();
    Effect::new(move || {
        if let Some(button) = keep_button.get() {
            document::focus(&button);
        }
    });
    Effect::new(move || {
        if let Some(button) = ask_button.get() {
            if was_asked.get_value() {
                document::focus(&button);
            }
        }
    });
    let ask = move |_| {
        was_asked.set_value(true);
        asking.set(true);
    };
    let confirm = move |_| {
        asking.set(false);
        on_confirm.run(());
    };
    view! {
        <Show
            when=move || asking.get()
            fallback=move || view! {
                <button type="button" class=ask_class node_ref=ask_button on:click=ask>
                    {question.ask}
                    {ask_context.clone().map(|context| view! { <span class="visually-hidden">{context}</span> })}
                </button>
            }
        >
            <div class="confirm" role="group" aria-label=move || asked.map_or(question.question.to_string(), |asked| asked.get())>
                <p><strong>{move || asked.map_or(question.question.to_string(), |asked| asked.get())}</strong>" "{question.detail}</p>
                <div class="quiz-actions">
                    <button type="button" class="button secondary" node_ref=keep_button on:click=move |_| asking.set(false)>
                        {question.keep}
                    </button>
                    <button type="button" class="button danger" on:click=confirm>{question.confirm}</button>
                </div>
            </div>
        </Show>
    }
}
