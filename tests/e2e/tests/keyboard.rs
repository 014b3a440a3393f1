//! The keyboard only: Tab to move, Space to tick, Enter to press buttons.

use e2e::cdp::{Browser, Page};
use e2e::server::StaticServer;
use serde_json::json;
use std::time::Duration;

/// Tabs forward until the focused element's description contains `target`.
fn tab_to(page: &Page, browser: &mut Browser, target: &str) {
    let mut seen = Vec::new();
    for _ in 0..60 {
        page.press(browser, "Tab").unwrap();
        let focused = page.focused(browser).unwrap();
        if focused.contains(target) {
            return;
        }
        seen.push(focused);
    }
    panic!("Tab never reached {target:?}; went through {seen:#?}");
}

#[test]
fn the_quiz_can_be_started_answered_and_finished_with_the_keyboard_alone() {
    let server = StaticServer::start(&e2e::dist_dir());
    let mut browser = Browser::launch().unwrap();
    let page = browser.new_page().unwrap();
    page.open(&mut browser, &format!("{}/quiz", server.origin()))
        .unwrap();

    tab_to(&page, &mut browser, "BUTTON:Start the check");
    page.press(&mut browser, "Enter").unwrap();
    page.wait_for(
        &mut browser,
        "document.querySelector('fieldset.question')",
        Duration::from_secs(5),
    )
    .unwrap();
    assert!(
        page.focused(&mut browser).unwrap().starts_with("H1:"),
        "focus starts on the question"
    );

    // Each question: tab to the last choice ("None of these" / "Not sure"…), tick it, go on.
    // The adults-only question first, answered for an adult (its first choice).
    let exits = [
        "Yes, 16 or over",
        "None of these",
        "None of these",
        "Not sure",
        "Not sure",
        "Not sure",
        "Not sure",
        "Not sure",
        "Not sure",
        "Not sure",
        "No, or not sure",
        "None of these",
        "None of these",
        "Not sure",
        "None of these",
    ];
    for (number, exit) in exits.iter().enumerate() {
        let heading = page.text(&mut browser, "main h1").unwrap();
        let radios = page
            .eval(
                &mut browser,
                "document.querySelector('fieldset.question input').type === 'radio'",
            )
            .unwrap();
        if radios == json!(true) {
            // A radio group is one Tab stop; the arrow keys move and tick within it.
            tab_to(&page, &mut browser, "INPUT:");
            for _ in 0..6 {
                if page.focused(&mut browser).unwrap().contains(exit) {
                    break;
                }
                page.press(&mut browser, "ArrowDown").unwrap();
            }
            assert!(
                page.focused(&mut browser).unwrap().contains(exit),
                "{heading}"
            );
            // The arrows tick as they move; Space ticks the first choice, where they did not.
            page.press(&mut browser, " ").unwrap();
        } else {
            tab_to(&page, &mut browser, &format!("INPUT:{exit}"));
            page.press(&mut browser, " ").unwrap();
        }
        tab_to(&page, &mut browser, "BUTTON:Next");
        page.press(&mut browser, "Enter").unwrap();
        page.wait_for(
            &mut browser,
            &format!("document.querySelector('main h1').textContent !== {heading:?}"),
            Duration::from_secs(5),
        )
        .unwrap_or_else(|e| panic!("question {} ({heading}): {e}", number + 1));
    }
    assert_eq!(
        page.text(&mut browser, "main h1").unwrap(),
        "Check your answers"
    );
    tab_to(&page, &mut browser, "BUTTON:See my result");
    page.press(&mut browser, "Enter").unwrap();
    page.wait_for(
        &mut browser,
        "document.querySelector('.urgency-banner')",
        Duration::from_secs(5),
    )
    .unwrap();
    let banner = page.text(&mut browser, ".urgency-banner").unwrap();
    assert!(banner.contains("Look after it at home"), "{banner}");
    assert!(page
        .text(&mut browser, "main")
        .unwrap()
        .contains("We cannot tell from these answers"));
}

/// Waits up to a second for the focus to land on an element whose description starts with
/// `expected` (the app moves it once the new buttons are on screen).
fn focus_lands_on(page: &Page, browser: &mut Browser, expected: &str) {
    let mut focused = String::new();
    for _ in 0..20 {
        focused = page.focused(browser).unwrap();
        if focused.starts_with(expected) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("focus is on {focused:?}, not {expected:?}");
}

/// The button a keyboard pressed disappears behind the question: focus goes to the answer
/// that changes nothing, and back to the button after it, never to the top of the page.
#[test]
fn a_question_before_deleting_keeps_the_keyboard_on_its_answers() {
    let server = StaticServer::start(&e2e::dist_dir());
    let mut browser = Browser::launch().unwrap();
    let page = browser.new_page().unwrap();
    page.open(&mut browser, &format!("{}/settings", server.origin()))
        .unwrap();
    page.eval(
        &mut browser,
        "localStorage.setItem('lan.probe', 'kept'); true",
    )
    .unwrap();

    tab_to(&page, &mut browser, "BUTTON:Delete all my data");
    page.press(&mut browser, "Enter").unwrap();
    focus_lands_on(&page, &mut browser, "BUTTON:Keep my data");
    page.press(&mut browser, "Enter").unwrap();
    focus_lands_on(&page, &mut browser, "BUTTON:Delete all my data");
    assert_eq!(
        page.eval(&mut browser, "localStorage.getItem('lan.probe')")
            .unwrap(),
        json!("kept"),
        "keeping deletes nothing"
    );

    page.press(&mut browser, "Enter").unwrap();
    focus_lands_on(&page, &mut browser, "BUTTON:Keep my data");
    page.press(&mut browser, "Tab").unwrap();
    focus_lands_on(&page, &mut browser, "BUTTON:Delete everything");
    page.press(&mut browser, "Enter").unwrap();
    page.wait_for(
        &mut browser,
        "[...document.querySelectorAll('.delete-all [role=status]')].some(s => s.textContent.startsWith('Deleted'))",
        Duration::from_secs(5),
    )
    .unwrap();
    assert_eq!(
        page.eval(&mut browser, "localStorage.getItem('lan.probe')")
            .unwrap(),
        json!(null)
    );
}
