//! The layer rule the compiler cannot see: a feature never reaches into another feature's
//! views. From another feature it may use the pure core (its models, re-exported under the
//! feature's name) and its state (`…State`); a widget two pages share lives in `components/`.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

const FEATURES: [&str; 7] = [
    "diary",
    "foot_check",
    "home",
    "learn",
    "quiz",
    "reminders",
    "settings",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            found.push(path);
        }
    }
    found
}

/// The first name after `crate::{feature}::` in each use of another feature, with the names
/// inside a `{…}` group each counted.
fn names_used_from(text: &str, feature: &str) -> Vec<String> {
    let pattern = format!("crate::{feature}::");
    let mut names = Vec::new();
    for (at, _) in text.match_indices(&pattern) {
        let rest = &text[at + pattern.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inside = group.split('}').next().unwrap_or_default();
            names.extend(
                inside
                    .split(',')
                    .map(|name| {
                        name.trim()
                            .split("::")
                            .next()
                            .unwrap_or_default()
                            .to_string()
                    })
                    .filter(|name| !name.is_empty()),
            );
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            names.push(name);
        }
    }
    names
}

/// What the pure core offers under a feature's name: its module files and what its
/// `mod.rs` re-exports.
fn is_core(feature: &str, name: &str) -> bool {
    let dir = root().join("core/src").join(feature);
    if dir.join(format!("{name}.rs")).exists() {
        return true;
    }
    let listing = fs::read_to_string(dir.join("mod.rs")).unwrap_or_default();
    listing
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .any(|word| word == name)
}

fn crossings(feature: &str) -> Vec<String> {
    let mut wrong = Vec::new();
    for file in rust_files(&root().join("src").join(feature)) {
        let text = fs::read_to_string(&file).unwrap_or_default();
        for other in FEATURES.iter().filter(|other| **other != feature) {
            for name in names_used_from(&text, other) {
                if !(name.ends_with("State") || is_core(other, &name)) {
                    wrong.push(format!("{}: crate::{other}::{name}", file.display()));
                }
            }
        }
    }
    wrong
}

#[test]
fn no_feature_reaches_into_another_features_views() {
    let wrong: Vec<String> = FEATURES.iter().flat_map(|f| crossings(f)).collect();
    assert!(
        wrong.is_empty(),
        "move these into components/ or the core:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_scanner_sees_a_view_taken_from_another_feature() {
    let text = "use crate::quiz::{QuizState, QuizPage};\n<crate::reminders::DueCard/>";
    assert_eq!(names_used_from(text, "quiz"), ["QuizState", "QuizPage"]);
    assert_eq!(names_used_from(text, "reminders"), ["DueCard"]);
    assert!(!is_core("quiz", "QuizPage"));
    assert!(is_core("quiz", "flow"));
}

#[test]
fn the_scanner_reads_every_feature_folder() {
    for feature in FEATURES {
        assert!(
            !rust_files(&root().join("src").join(feature)).is_empty(),
            "src/{feature} has no Rust files: is FEATURES up to date?"
        );
    }
}
