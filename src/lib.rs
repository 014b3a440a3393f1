//! Legs at Night: an offline-first helper for legs and feet that hurt in bed.
//!
//! Pure modules (`clinical`, the `model` files of each feature, `storage::envelope`) hold
//! the logic and are tested natively; the views only render and dispatch.

pub mod app;
// The pure core under the names the app always used, so `crate::clinical::…` reads the same.
pub use legs_core::{clinical, dates};
// The browser layer likewise: `crate::platform::…` and `crate::storage::…`.
pub use legs_platform::{self as platform, storage};
pub mod components;
pub mod diary;
pub mod foot_check;
pub mod home;
pub mod lazy_page;
pub mod lazy_state;
pub mod learn;
pub mod not_found;
pub mod persisted;
pub mod quiz;
pub mod reminders;
pub mod router;
pub mod settings;

/// Entry point used by `main.rs`; kept in the library so browser tests can mount the same app.
pub fn start() {
    console_error_panic_hook::set_once();
    // The one task not spawned through Leptos: its spawner is set up by the mount below.
    wasm_bindgen_futures::spawn_local(async {
        // Compiling the main module, loading the page's chunk and rendering are each a
        // long step on a slow phone; one task each keeps the page answering taps between.
        platform::idle::next_task().await;
        app::load_current_page().await;
        platform::idle::next_task().await;
        // In the same task as the mount: the browser never paints the emptied page.
        platform::document::clear_prerendered_body();
        leptos::mount::mount_to_body(app::App);
        // Lets the storage benchmark measure start-up, data loading included.
        platform::document::mark("lan-app-mounted");
    });
}
