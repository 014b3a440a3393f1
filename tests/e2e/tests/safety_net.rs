//! The clinical review's traces (issue 12) as whole checks in Chromium: each once ended
//! on "look after it at home" or "book an appointment" and must now lead with help now,
//! with no self-care box and nothing that suggests raising the legs.

use e2e::cdp::{Browser, Page};
use e2e::ui::{self, answer_all_and_see_result};
use serde_json::json;
use std::time::Duration;

fn shot(page: &Page, browser: &mut Browser, name: &str) {
    e2e::checked_screenshot(page, browser, "safety-net", name);
}

/// Runs a whole check and checks what a warning result may show beside it.
fn trace(answers: &[&[&str]], first_cause: &str, name: &str) {
    let (server, mut browser, page) = e2e::start_app();
    ui::begin_quiz(&page, &mut browser, &server.origin());
    answer_all_and_see_result(&page, &mut browser, answers);
    let banner = page.text(&mut browser, ".urgency-banner").unwrap();
    assert!(
        banner.contains("Get medical help now, not tomorrow"),
        "{banner}"
    );
    assert!(banner.contains("Because "), "the rule's reason: {banner}");
    let top = page.text(&mut browser, ".causes li summary").unwrap();
    assert!(top.starts_with(first_cause), "{top}");
    let body = page.text(&mut browser, "main").unwrap();
    for forbidden in ["Look after it at home", "Raise your legs", "raise the leg"] {
        assert!(
            !body.contains(forbidden),
            "{forbidden:?} on the page: {body}"
        );
    }
    let self_care_box = page
        .eval(&mut browser, "document.querySelector('.get-help') !== null")
        .unwrap();
    assert_eq!(self_care_box, json!(false), "no 'when to get help' box");
    shot(&page, &mut browser, name);
    assert!(page.problems(&browser.take_events()).is_empty());
}

#[test]
fn diabetes_with_burning_feet_eased_hanging_down_and_cold_feet_is_urgent() {
    trace(
        &[
            &["None of these"],
            &["None of these"],
            &["Feet or toes"],
            &["Both legs"],
            &["Pain, burning"],
            &["Burning", "Numbness, tingling"],
            &["No"],
            &["At night in general"],
            &["Neither of these"],
            &["Yes"],
            &["No, or not sure"],
            &["None of these"],
            &["Feet that are cold or pale"],
            &["It is new"],
            &["Diabetes"],
        ],
        "Nerve damage",
        "neuropathy-with-rest-pain",
    );
}

#[test]
fn outer_hip_pain_with_feet_eased_hanging_cold_feet_and_smoking_is_urgent() {
    trace(
        &[
            &["None of these"],
            &["None of these"],
            &["Outside of the hip", "Feet or toes"],
            &["Both legs"],
            &["Pain, burning"],
            &["A dull ache"],
            &["Lying on my side"],
            &["Neither of these"],
            &["Yes"],
            &["No, or not sure"],
            &["None of these"],
            &["Feet that are cold or pale"],
            &["None of these"],
            &["It is new"],
            &["I smoke"],
        ],
        "Poor blood flow",
        "hip-with-rest-pain",
    );
}

/// SPEC v3's classic pair with hip pain once ended on "Look after it at home".
#[test]
fn worse_with_the_legs_up_and_eased_hanging_down_with_hip_pain_is_urgent() {
    trace(
        &[
            &["None of these"],
            &["None of these"],
            &["Outside of the hip"],
            &["Both legs"],
            &["Pain, burning"],
            &["A dull ache"],
            &["Lying on my side"],
            &["It hurts more, the longer"],
            &["Yes"],
            &["No, or not sure"],
            &["None of these"],
            &["None of these"],
            &["None of these"],
            &["It is new"],
            &["None of these"],
        ],
        "Poor blood flow",
        "classic-pair-with-hip",
    );
}

#[test]
fn calf_pain_heaviness_and_evening_swelling_in_one_leg_put_a_clot_first() {
    trace(
        &[
            &["None of these"],
            &["None of these"],
            &["Calf"],
            &["One leg only"],
            &["Pain, burning"],
            &["Heavy, tired legs"],
            &["Not sure"],
            &["Neither of these"],
            &["No"],
            &["No, or not sure"],
            &["They get heavier"],
            &["Ankles that swell"],
            &["It is new"],
            &["None of these"],
        ],
        "A blood clot in a leg vein (DVT)",
        "one-leg-clot",
    );
}

/// The app with `stored` as the saved results, open at result `id`.
fn open_saved_result(stored: &str, id: u64) -> (e2e::server::StaticServer, Browser, Page) {
    let (server, mut browser, page) = e2e::start_app();
    page.open(&mut browser, &format!("{}/", server.origin()))
        .unwrap();
    page.eval(
        &mut browser,
        &format!("localStorage.setItem('lan.quiz.results', {stored:?})"),
    )
    .unwrap();
    page.open(
        &mut browser,
        &format!("{}/quiz/result/{id}", server.origin()),
    )
    .unwrap();
    page.wait_for(
        &mut browser,
        "document.querySelector('.urgency-banner')",
        Duration::from_secs(5),
    )
    .unwrap();
    (server, browser, page)
}

/// A result saved by an earlier build (real JSON from the fixture, written by the rules of
/// 3a5858a~1) opens as it was decided, and says the check has improved.
#[test]
fn a_result_saved_under_the_old_rules_opens_with_a_note_and_an_offer_to_check_again() {
    let fixture = std::fs::read_to_string(
        e2e::workspace_root().join("core/tests/fixtures/storage/lan.quiz.results-v1.json"),
    )
    .unwrap();
    let fixture: serde_json::Value = serde_json::from_str(&fixture).unwrap();
    let stored = fixture["stored"].as_str().unwrap();
    let (_server, mut browser, page) = open_saved_result(stored, 1_764_000_000_000);
    let note = page.text(&mut browser, ".outdated").unwrap();
    assert!(note.contains("has since been improved"), "{note}");
    assert!(note.contains("Take the check again"), "{note}");
    // As decided then, not as today's rules would decide it.
    let banner = page.text(&mut browser, ".urgency-banner").unwrap();
    assert!(
        banner.contains("See a doctor in the next few days"),
        "{banner}"
    );
    shot(&page, &mut browser, "old-result");
    assert!(page.problems(&browser.take_events()).is_empty());
}

/// Issue 25: a stored verdict was trusted over its own answers: an imported result showed
/// "Look after it at home" beside chest pain in its own list of answers. The answers decide
/// a higher urgency, so that is shown, with a note; the past results list agrees.
#[test]
fn a_saved_result_whose_answers_call_for_more_urgent_help_shows_that_with_a_note() {
    use legs_core::clinical::Urgency;
    use legs_core::quiz::flow::Progress;
    use legs_core::quiz::result::SavedResult;
    use legs_core::storage::{envelope, keys};
    let mut progress = Progress::new(0.0);
    for step in [["adult"], ["chest"]] {
        for choice in step {
            progress.choose(choice);
        }
        progress.advance();
    }
    let id = 1_764_000_000_000u64;
    let mut tampered = SavedResult::new(id as f64, progress.answers);
    assert_eq!(tampered.assessment.urgency, Urgency::Emergency);
    tampered.assessment.urgency = Urgency::SelfCare;
    tampered.assessment.reasons.clear();
    tampered.assessment.red_flags.clear();
    let stored = envelope::encode(keys::QUIZ_RESULTS.schema, &vec![tampered]).unwrap();

    let (server, mut browser, page) = open_saved_result(&stored, id);
    let banner = page.text(&mut browser, ".urgency-banner").unwrap();
    assert!(banner.contains("Call the emergency number now"), "{banner}");
    let note = page.text(&mut browser, ".raised").unwrap();
    assert!(
        note.contains("was saved with the advice “Look after it at home”"),
        "{note}"
    );
    assert!(!page
        .text(&mut browser, "main")
        .unwrap()
        .contains("Look after it at home\n"));
    shot(&page, &mut browser, "raised-result");
    page.open(&mut browser, &format!("{}/quiz/history", server.origin()))
        .unwrap();
    page.wait_for(
        &mut browser,
        "document.querySelector('.history-row')",
        Duration::from_secs(5),
    )
    .unwrap();
    let row = page.text(&mut browser, ".history-row").unwrap();
    assert!(row.contains("Call the emergency number now"), "{row}");
}
