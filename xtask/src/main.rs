//! Build steps that Trunk cannot do itself, run as its `post_build` hook and by `scripts/bench`.
//!
//! `post-build [DIR]`: in Trunk's staging directory (or DIR), render the PNG icons from the
//! one SVG, put the stylesheet, `theme.js` and the boot script inline into the page, write
//! the one CSP allowing them by their hashes into the page and the deploy files (`csp.rs`), prerender
//! every fixed page in headless Chromium (`prerender.rs`), and write the service worker's
//! precache list and version from the built files' content.
//! `build-wasm [--release]`: the app's wasm split into per-page chunks, in
//! `target/wasm-pkg` (Trunk's `pre_build` hook; see `build_wasm.rs`).
//! `prerender DIR`: the prerendering step alone, on a built folder that has none yet.
//! `sizes DIR [BASELINE_DIR]`: print raw, gzip and brotli bytes of every file.

use std::path::PathBuf;
use std::process::ExitCode;
use xtask::{build_wasm, post_build, sizes};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("post-build") => {
            let dir = args
                .get(1)
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from));
            match dir {
                Some(dir) => post_build::run(&dir),
                None => Err("post-build needs a directory or TRUNK_STAGING_DIR".into()),
            }
        }
        Some("build-wasm") => build_wasm::run(&build_wasm::Options {
            project: std::env::var_os("TRUNK_SOURCE_DIR")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from(".")),
            // Trunk tells its hooks the profile; by hand, `--release` asks for it.
            release: std::env::var("TRUNK_PROFILE").is_ok_and(|p| p == "release")
                || args.iter().any(|a| a == "--release"),
        }),
        Some("prerender") => match args.get(1) {
            Some(dir) => xtask::prerender::run(&PathBuf::from(dir)).map(|_| ()),
            None => Err("usage: xtask prerender DIST_DIR".into()),
        },
        Some("sizes") => match args.get(1) {
            Some(dir) => sizes::run(&PathBuf::from(dir), args.get(2).map(PathBuf::from)),
            None => Err("usage: xtask sizes DIST_DIR [BASELINE_DIST_DIR]".into()),
        },
        _ => Err("usage: xtask build-wasm [--release] | xtask post-build [DIR] | xtask sizes DIST_DIR [BASELINE_DIST_DIR]".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}
