//! Runs every vignette in tests/vignettes/ and, when VIGNETTES_DIR is set, every one there
//! too, through the triage engine, and checks `top`, `urgency`, `also` and `not` as SPEC
//! defines them (`top` may be a string, `null`, a list of acceptable ids, or left out).
//! Prints one line `vignettes: N passed, M failed`.
#![cfg(not(target_arch = "wasm32"))]

use legs_core::clinical::{assess, Condition, Finding, Urgency};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct Vignette {
    id: String,
    findings: Vec<String>,
    expect: Expect,
}

#[derive(Deserialize)]
struct Expect {
    /// Absent: not checked. `null`: the engine must say it cannot tell. A string or a list
    /// of strings: the condition ranked first, or any one of them.
    #[serde(default, deserialize_with = "present")]
    top: Option<Top>,
    urgency: String,
    #[serde(default)]
    also: Vec<String>,
    #[serde(default)]
    not: Vec<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Top {
    CannotTell(()),
    One(String),
    AnyOf(Vec<String>),
}

/// Tells a `top` that is there but `null` (`Some(CannotTell)`) from one left out (`None`).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Top>, D::Error> {
    Top::deserialize(d).map(Some)
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
}

/// Returns the reasons a vignette fails; empty when it passes.
fn check(path: &Path) -> Vec<String> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => return vec![format!("unreadable: {e}")],
    };
    let vignette: Vignette = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => return vec![format!("not a vignette: {e}")],
    };
    let mut problems = Vec::new();
    let mut findings = Vec::new();
    for id in &vignette.findings {
        match Finding::from_id(id) {
            Some(finding) => findings.push(finding),
            None => problems.push(format!("unknown finding {id}")),
        }
    }
    let condition = |id: &str| Condition::from_id(id);
    let assessment = assess(&findings);
    let acceptable: Option<Vec<&str>> = match &vignette.expect.top {
        None => None,
        Some(Top::CannotTell(())) => Some(Vec::new()),
        Some(Top::One(id)) => Some(vec![id.as_str()]),
        Some(Top::AnyOf(ids)) => Some(ids.iter().map(String::as_str).collect()),
    };
    if let Some(acceptable) = acceptable {
        let mut expected = Vec::new();
        for id in &acceptable {
            match condition(id) {
                Some(c) => expected.push(c),
                None => problems.push(format!("unknown top condition {id}")),
            }
        }
        let top = assessment.top();
        let fits = match top {
            None => acceptable.is_empty(),
            Some(top) => expected.contains(&top),
        };
        if !fits {
            let wanted = if acceptable.is_empty() {
                "cannot tell".to_string()
            } else {
                acceptable.join(" or ")
            };
            problems.push(format!("top {top:?}, expected {wanted}"));
        }
    }
    match Urgency::from_id(&vignette.expect.urgency) {
        Some(expected) if expected == assessment.urgency => {}
        Some(expected) => problems.push(format!(
            "urgency {:?}, expected {expected:?}",
            assessment.urgency
        )),
        None => problems.push("unknown urgency".into()),
    }
    for id in &vignette.expect.also {
        match condition(id) {
            Some(c) if assessment.ranks(c) => {}
            _ => problems.push(format!("{id} not ranked")),
        }
    }
    let first_three: Vec<Condition> = assessment
        .ranked
        .iter()
        .take(3)
        .map(|r| r.condition)
        .collect();
    for id in &vignette.expect.not {
        match condition(id) {
            Some(c) if first_three.contains(&c) => {
                problems.push(format!("{id} in the first three"))
            }
            Some(_) => {}
            None => problems.push(format!("unknown condition {id}")),
        }
    }
    problems
        .into_iter()
        .map(|p| format!("{}: {p}", vignette.id))
        .collect()
}

#[test]
fn vignettes() {
    let mut dirs = vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/vignettes")];
    if let Some(extra) = std::env::var_os("VIGNETTES_DIR") {
        dirs.push(PathBuf::from(extra));
    }
    let (mut passed, mut failed) = (0, 0);
    for dir in &dirs {
        for path in files_in(dir) {
            let problems = check(&path);
            if problems.is_empty() {
                passed += 1;
            } else {
                failed += 1;
                for problem in problems {
                    println!("FAIL {}: {problem}", path.display());
                }
            }
        }
    }
    println!("vignettes: {passed} passed, {failed} failed");
    assert!(
        passed >= 20,
        "expected at least 20 vignettes, found {passed}"
    );
    assert_eq!(failed, 0, "{failed} vignette(s) failed");
}
