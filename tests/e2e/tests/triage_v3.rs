//! SPEC v3 through the real screens, at 412x915: night cramps, restless legs, sciatica down
//! both legs from the path that once skipped the question, the page for a child, and a
//! diary night whose answers are the pattern of poor blood flow.

use e2e::cdp::{Browser, Page};
use e2e::ui::{self, answer, answer_all_and_see_result, click_button, heading, pick};
use serde_json::json;
use std::time::Duration;

fn shot(page: &Page, browser: &mut Browser, name: &str) {
    e2e::checked_screenshot(page, browser, "triage-v3", name);
}

fn pictures(page: &Page, browser: &mut Browser, within: &str) -> Vec<String> {
    let script = format!(
        "[...document.querySelectorAll('{within} figure[data-picture]')].map(f => f.dataset.picture)"
    );
    page.eval(browser, &script)
        .unwrap()
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_night_cramp_check_ends_on_night_cramps_at_home_with_the_stretch_picture() {
    let (server, mut browser, page) = e2e::start_app();
    ui::begin_quiz(&page, &mut browser, &server.origin());
    answer_all_and_see_result(
        &page,
        &mut browser,
        &[
            &["None of these"],
            &["None of these"],
            &["Calf"],
            &["Both legs"],
            &["A cramp"],
            &["Stretching the muscle"],
            &["Not sure"],
            &["At night in general"],
            &["Neither of these"],
            &["No"],
            &["No, or not sure"],
            &["None of these"],
            &["None of these"],
            &["It is new"],
            &["None of these"],
        ],
    );
    let banner = page.text(&mut browser, ".urgency-banner").unwrap();
    assert!(banner.contains("Look after it at home"), "{banner}");
    let top = page.text(&mut browser, ".causes li summary").unwrap();
    assert!(top.starts_with("Night cramps"), "{top}");
    assert!(
        pictures(&page, &mut browser, ".causes li:first-child").contains(&"cause-cramps".into())
    );
    let body = page.text(&mut browser, "main").unwrap();
    assert!(
        body.contains("pull your toes up towards your knee"),
        "{body}"
    );
    let positions = pictures(&page, &mut browser, ".how-to-lie");
    assert_eq!(
        positions.first().map(String::as_str),
        Some("posture-loose-covers"),
        "{positions:?}"
    );
    shot(&page, &mut browser, "night-cramps");
    assert!(page.problems(&browser.take_events()).is_empty());
}

#[test]
fn a_restless_legs_check_ends_on_soon_with_the_iron_blood_test_named() {
    let (server, mut browser, page) = e2e::start_app();
    ui::begin_quiz(&page, &mut browser, &server.origin());
    answer_all_and_see_result(
        &page,
        &mut browser,
        &[
            &["None of these"],
            &["None of these"],
            &["Not sure"],
            &["Both legs"],
            &["An urge to move my legs"],
            &[
                "Moving or walking eases it",
                "It starts when I sit or lie still",
            ],
            &["Not sure"],
            &["At night in general"],
            &["Neither of these"],
            &["No"],
            &["No, or not sure"],
            &["None of these"],
            &["None of these"],
            &["For months or years"],
            &["None of these"],
        ],
    );
    let banner = page.text(&mut browser, ".urgency-banner").unwrap();
    assert!(
        banner.contains("See a doctor in the next few days"),
        "{banner}"
    );
    let top = page.text(&mut browser, ".causes li summary").unwrap();
    assert!(top.starts_with("Restless legs"), "{top}");
    let body = page.text(&mut browser, "main").unwrap();
    assert!(body.contains("blood test for iron"), "{body}");
    assert!(!body.contains("Look after it at home"), "{body}");
    shot(&page, &mut browser, "restless-legs");
    assert!(page.problems(&browser.take_events()).is_empty());
}

/// Lower back and calf, "both legs": before SPEC v3 the both-legs question was asked only
/// for the buttock-down-the-leg answer, so this path never reached it.
#[test]
fn sciatica_down_both_legs_from_back_and_calf_ends_on_the_emergency_advice() {
    let (server, mut browser, page) = e2e::start_app();
    ui::begin_quiz(&page, &mut browser, &server.origin());
    answer(&page, &mut browser, &["None of these"]);
    answer(&page, &mut browser, &["None of these"]);
    answer(&page, &mut browser, &["Lower back", "Calf"]);
    answer(&page, &mut browser, &["Both legs"]);
    assert!(
        heading(&page, &mut browser).contains("into both legs"),
        "the both-legs question is asked"
    );
    pick(&page, &mut browser, &["Yes"]);
    page.wait_for(
        &mut browser,
        "document.querySelector('.urgency-emergency')",
        Duration::from_secs(3),
    )
    .expect("the emergency advice at once");
    ui::carry_on_after_emergency(&page, &mut browser, "into both legs");
    click_button(&page, &mut browser, "Next");
    for labels in [
        &["Pain, burning"][..],
        &["A dull ache"],
        &["In any position"],
        &["Neither of these"],
        &["No"],
        &["No, or not sure"],
        &["None of these"],
        &["None of these"],
        &["None of these"],
        &["It is new"],
    ] {
        assert!(
            page.text(&mut browser, ".urgency-emergency")
                .unwrap()
                .contains("Call the emergency number now"),
            "the advice stays on top"
        );
        answer(&page, &mut browser, labels);
    }
    answer(&page, &mut browser, &["None of these"]);
    assert_eq!(heading(&page, &mut browser), "Check your answers");
    let review = page.text(&mut browser, ".urgency-emergency").unwrap();
    assert!(
        review.contains("Call the emergency number now"),
        "the review keeps the advice on top: {review}"
    );
    shot(&page, &mut browser, "both-legs-review");
    click_button(&page, &mut browser, "See my result");
    page.wait_for(
        &mut browser,
        "document.querySelector('.urgency-banner')",
        Duration::from_secs(5),
    )
    .unwrap();
    let banner = page.text(&mut browser, ".urgency-banner").unwrap();
    assert!(banner.contains("Call the emergency number now"), "{banner}");
    let top = page.text(&mut browser, ".causes li summary").unwrap();
    assert!(top.starts_with("Pressure on the nerves"), "{top}");
    // The warning links to what it means.
    let link = page
        .eval(
            &mut browser,
            "[...document.querySelectorAll('.urgency-banner a')].map(a => a.getAttribute('href'))",
        )
        .unwrap();
    assert!(
        link.as_array()
            .is_some_and(|l| l.contains(&json!("/learn/warning-signs#cauda-equina"))),
        "{link}"
    );
    shot(&page, &mut browser, "both-legs-result");
    page.click(
        &mut browser,
        ".urgency-banner a[href='/learn/warning-signs#cauda-equina']",
    )
    .unwrap();
    page.wait_for(
        &mut browser,
        "document.querySelector('#cauda-equina')",
        Duration::from_secs(5),
    )
    .expect("the warning-signs page with its part");
    assert!(page
        .text(&mut browser, "#cauda-equina")
        .unwrap()
        .contains("bladder"));
    // Opened at its part, not at the top of the page.
    page.wait_for(
        &mut browser,
        "(() => { const top = document.querySelector('#cauda-equina').getBoundingClientRect().top;
                  return top >= 0 && top < 250 && document.activeElement.id === 'cauda-equina'; })()",
        Duration::from_secs(3),
    )
    .expect("the part in view");
    shot(&page, &mut browser, "warning-signs");
    assert!(page.problems(&browser.take_events()).is_empty());
}

#[test]
fn a_child_gets_its_own_page_and_nothing_is_saved() {
    let (server, mut browser, page) = e2e::start_app();
    ui::open_quiz(&page, &mut browser, &server.origin());
    assert_eq!(heading(&page, &mut browser), "Are you 16 or over?");
    answer(&page, &mut browser, &["No, under 16"]);
    assert_eq!(heading(&page, &mut browser), "This check is for adults");
    let body = page.text(&mut browser, "main").unwrap();
    for words in [
        "coming days",
        "limps",
        "fever",
        "hot, red or swollen",
        "every night",
    ] {
        assert!(body.contains(words), "{words:?}: {body}");
    }
    shot(&page, &mut browser, "child");
    let results = page
        .eval(&mut browser, "localStorage.getItem('lan.quiz.results')")
        .unwrap();
    assert_eq!(results, json!(null), "no result is saved for a child");
    // A mistaken tap can be undone: back to the question, and on as an adult.
    click_button(&page, &mut browser, "Change my answer");
    page.wait_for(
        &mut browser,
        "document.querySelector('main h1').textContent === 'Are you 16 or over?'",
        Duration::from_secs(3),
    )
    .unwrap();
    answer(&page, &mut browser, &[ui::ADULT]);
    assert!(heading(&page, &mut browser).contains("since this pain started"));
    assert!(page.problems(&browser.take_events()).is_empty());
}

#[test]
fn a_diary_night_eased_by_hanging_the_legs_down_shows_the_rest_pain_warning() {
    let (server, mut browser, page) = e2e::start_app();
    ui::start_check_in(&page, &mut browser, &server.origin());
    assert!(page
        .text(&mut browser, "main")
        .unwrap()
        .contains("Stretching my calf or foot"));
    let before = page
        .eval(
            &mut browser,
            "document.querySelectorAll('.urgency-banner').length",
        )
        .unwrap();
    assert_eq!(before, json!(0));
    pick(&page, &mut browser, &["Hanging my legs down"]);
    page.wait_for(
        &mut browser,
        "document.querySelector('.urgency-banner')",
        Duration::from_secs(3),
    )
    .expect("the rest-pain warning");
    let banner = page.text(&mut browser, ".urgency-banner").unwrap();
    for words in [
        "Get medical help now, not tomorrow",
        "poor blood flow",
        "Do not raise your legs",
        "When to call the emergency number instead",
    ] {
        assert!(banner.contains(words), "{words:?}: {banner}");
    }
    assert_eq!(
        page.eval(
            &mut browser,
            "document.querySelectorAll('.urgency-banner').length"
        )
        .unwrap(),
        json!(1),
        "once"
    );
    page.eval(
        &mut browser,
        "document.querySelector('.urgency-banner').scrollIntoView({ block: 'start' })",
    )
    .unwrap();
    shot(&page, &mut browser, "diary-rest-pain");
    assert!(page.problems(&browser.take_events()).is_empty());
}
