//! Build steps shared by the `xtask` command and the end-to-end tests (which rebuild the
//! service worker to test the update flow). The static server and the DevTools client live
//! here because the build uses them too: it prerenders every fixed page in Chromium.

pub mod build_wasm;
pub mod cdp;
pub mod csp;
pub mod icons;
pub mod post_build;
pub mod prerender;
pub mod server;
pub mod sizes;

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// A fresh, empty folder under the system temp dir, removed by the caller's guard.
pub fn fresh_dir(label: &str) -> std::path::PathBuf {
    use std::sync::atomic::{AtomicU32, Ordering};
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let dir = std::env::temp_dir().join(format!(
        "lan-{label}-{}-{}-{nanos}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}
