//! Build steps shared by the `xtask` command and the end-to-end tests (which rebuild the
//! service worker to test the update flow).

pub mod build_wasm;
pub mod icons;
pub mod post_build;
pub mod sizes;

pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;
