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
        // Only a browser without a document fails here: the prerendered page stays.
        let Some(root) = platform::document::off_page_root() else {
            return;
        };
        // Built off the page, in tasks of its own: the shell, then the page (`lazy_page`)
        // and its lower parts (`components::InNextTask`), while the prerendered page stays
        // on screen; then shown whole, in one step. Built in one task, a page and the shell
        // took 50-70 ms at full speed: a tap blocked for a quarter second on a slow phone
        // (issue 28).
        STARTING.set(true);
        leptos::mount::mount_to(root.clone(), app::App).forget();
        for _ in 0..TASKS_BEFORE_SHOWN {
            platform::idle::next_task().await;
            if PARTS_TO_COME.get() == 0 {
                break;
            }
        }
        platform::document::show_app(&root);
        STARTING.set(false);
        // Lets the storage benchmark measure start-up, data loading included.
        platform::document::mark("lan-app-mounted");
    });
}

/// The most tasks the app waits for its page's parts before showing itself regardless:
/// a page whose code is still on its way shows "Loading…" like any other.
const TASKS_BEFORE_SHOWN: u8 = 8;

thread_local! {
    static STARTING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    static PARTS_TO_COME: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A part of the page that a later task draws, while the app is being built off the page
/// (`start`): the app waits for it before it is shown, so the page never appears without
/// it. Held until dropped; `None` once the app is on screen.
pub fn hold_start() -> Option<StartHold> {
    STARTING.get().then(|| {
        PARTS_TO_COME.set(PARTS_TO_COME.get() + 1);
        StartHold
    })
}

/// See `hold_start`.
pub struct StartHold;

impl Drop for StartHold {
    fn drop(&mut self) {
        PARTS_TO_COME.set(PARTS_TO_COME.get().saturating_sub(1));
    }
}
