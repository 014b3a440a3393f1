//! Build steps that Trunk cannot do itself, run as its `post_build` hook and by `scripts/bench`.
//!
//! `post-build [DIR]`: in Trunk's staging directory (or DIR), render the PNG icons from the
//! one SVG, hash the inline loader script into the CSP, and write the service worker's
//! precache list and version from the built files' content.
//! `sizes DIR [BASELINE_DIR]`: print raw, gzip and brotli bytes of every file.

use std::path::PathBuf;
use std::process::ExitCode;
use xtask::{post_build, sizes};

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
        Some("sizes") => match args.get(1) {
            Some(dir) => sizes::run(&PathBuf::from(dir), args.get(2).map(PathBuf::from)),
            None => Err("usage: xtask sizes DIST_DIR [BASELINE_DIST_DIR]".into()),
        },
        _ => Err("usage: xtask post-build [DIR] | xtask sizes DIST_DIR [BASELINE_DIST_DIR]".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}
