use crate::platform::document;
use crate::router::A;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    document::set_title("Page not found");
    view! {
        <section class="page not-found">
            <h1>"We could not find that page"</h1>
            <p>"The link may be old, or mistyped. Nothing is lost: your data stays on this device."</p>
            <p><A href="/"><span class="button">"Go to the home page"</span></A></p>
        </section>
    }
}
