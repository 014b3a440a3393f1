//! Issue 27: the numbers to call are where the person lives, and each is a link to tap.
//! Home's warning box gets its links from the Learn pages' chunk, just after the page is
//! up (the table in the first load would pass the 165 KB ceiling); until then, words.

use e2e::cdp::{Browser, Page};
use serde_json::{json, Value};
use std::time::Duration;

/// The table, as the issue states it: the region's code, its emergency link and its
/// urgent line's link (None where the line has no one number).
const TABLE: [(&str, &str, Option<&str>); 7] = [
    ("gb", "tel:999", Some("tel:111")),
    ("ie", "tel:112", None),
    ("us", "tel:911", None),
    ("ca", "tel:911", Some("tel:811")),
    ("au", "tel:000", Some("tel:1800022222")),
    ("nz", "tel:111", Some("tel:0800611116")),
    ("other", "tel:112", None),
];

/// The tel: links of the warning-signs page, whose every part says when to call.
fn warning_page_links(page: &Page, browser: &mut Browser, origin: &str) -> Value {
    page.open(browser, &format!("{origin}/learn/warning-signs"))
        .unwrap();
    page.wait_for(
        browser,
        "document.querySelector('.call-links a[href^=\"tel:\"]')",
        Duration::from_secs(5),
    )
    .unwrap();
    e2e::ui::tel_links(page, browser, "main")
}

/// Home's warning signs: the emergency group's links, then the urgent group's. They come
/// once the box is near the screen (words until then).
fn home_links(page: &Page, browser: &mut Browser, origin: &str) -> Vec<String> {
    page.open(browser, &format!("{origin}/")).unwrap();
    page.wait_for(
        browser,
        "document.querySelector('.warning-signs')",
        Duration::from_secs(5),
    )
    .unwrap();
    assert_eq!(
        page.eval(
            browser,
            "document.querySelectorAll('.warning-signs .call-links').length"
        )
        .unwrap(),
        json!(0),
        "links before the box is near the screen"
    );
    page.eval(
        browser,
        "document.querySelector('.warning-signs').scrollIntoView({ block: 'end' })",
    )
    .unwrap();
    page.wait_for(
        browser,
        "document.querySelectorAll('.warning-signs .call-links').length === 2",
        Duration::from_secs(5),
    )
    .unwrap();
    e2e::ui::tel_links(page, browser, ".warning-signs")
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|l| l[0].as_str().map(String::from))
        .collect()
}

/// The links of the screen for a child, which sends to the urgent line.
fn child_screen_links(page: &Page, browser: &mut Browser, origin: &str) -> Value {
    e2e::ui::open_quiz(page, browser, origin);
    e2e::ui::answer(page, browser, &["No, under 16"]);
    e2e::ui::tel_links(page, browser, "main")
}

#[test]
fn each_region_puts_its_own_numbers_on_the_warnings_as_links_to_tap() {
    let (server, mut browser, page) = e2e::start_app();
    let origin = server.origin();
    for (code, emergency, urgent) in TABLE {
        page.open(&mut browser, &format!("{origin}/")).unwrap();
        page.eval(&mut browser, "localStorage.clear()").unwrap();
        e2e::ui::store_region(&page, &mut browser, code);
        let links = warning_page_links(&page, &mut browser, &origin);
        let hrefs: Vec<&str> = links
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|l| l[0].as_str())
            .collect();
        // Each part's emergency number, and the warning box's urgent line.
        assert!(
            hrefs.iter().filter(|h| **h == emergency).count() >= 5
                && hrefs.iter().all(|h| *h == emergency || Some(*h) == urgent),
            "{code}: {links}"
        );
        let text = page.text(&mut browser, "main").unwrap();
        assert!(text.contains("Change where you live"), "{code}");
        // Home: the emergency number, then the urgent line (where it has one number) and
        // the emergency number again beside it.
        let mut expected = vec![emergency];
        expected.extend(urgent);
        expected.push(emergency);
        assert_eq!(
            home_links(&page, &mut browser, &origin),
            expected,
            "{code} on Home"
        );
        // The urgent line (where it has one number), then the emergency number.
        let child = child_screen_links(&page, &mut browser, &origin);
        let mut expected: Vec<&str> = urgent.into_iter().collect();
        expected.push(emergency);
        let hrefs: Vec<&str> = child
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|l| l[0].as_str())
            .collect();
        assert_eq!(hrefs, expected, "{code}: {child}");
    }
    e2e::checked_screenshot(&page, &mut browser, "help-numbers", "child-other");
}

/// Before a choice, the numbers follow the browser's time zone, then its language; the
/// page says they were guessed. A choice in Settings then holds through a reload.
#[test]
fn the_numbers_follow_the_phone_until_a_region_is_chosen_and_the_choice_is_kept() {
    let (server, mut browser, page) = e2e::start_app();
    let origin = server.origin();
    for (zone, locale, dial) in [
        ("Australia/Sydney", "en-US", "tel:000"),
        ("Europe/London", "en-US", "tel:999"),
        ("America/Toronto", "fr-CA", "tel:911"),
        ("Europe/Berlin", "de-DE", "tel:112"),
    ] {
        page.call(
            &mut browser,
            "Emulation.setTimezoneOverride",
            json!({ "timezoneId": zone }),
        )
        .unwrap();
        page.call(
            &mut browser,
            "Emulation.setLocaleOverride",
            json!({ "locale": locale }),
        )
        .unwrap();
        page.open(&mut browser, &format!("{origin}/")).unwrap();
        page.eval(&mut browser, "localStorage.clear()").unwrap();
        let links = warning_page_links(&page, &mut browser, &origin);
        assert_eq!(links[0][0], json!(dial), "{zone} {locale}: {links}");
        let line = page.text(&mut browser, ".region-line").unwrap();
        assert!(line.contains("guessed from this phone"), "{line}");
        // Canada's urgent line is 811.
        if zone == "America/Toronto" {
            let child = child_screen_links(&page, &mut browser, &origin);
            assert_eq!(child[0][0], json!("tel:811"), "{child}");
        }
    }
    // Chosen in Settings: the numbers follow the choice, whatever the phone says, after a
    // reload too.
    page.open(&mut browser, &format!("{origin}/settings"))
        .unwrap();
    page.wait_for(
        &mut browser,
        "document.querySelector('input[name=region]')",
        Duration::from_secs(5),
    )
    .unwrap();
    let note = page.text(&mut browser, ".settings [role=status]").unwrap();
    assert!(note.contains("guessed"), "{note}");
    e2e::ui::pick(&page, &mut browser, &["New Zealand"]);
    e2e::checked_screenshot(&page, &mut browser, "help-numbers", "settings-new-zealand");
    page.reload(&mut browser).unwrap();
    let links = warning_page_links(&page, &mut browser, &origin);
    assert_eq!(links[0][0], json!("tel:111"), "{links}");
    let line = page.text(&mut browser, ".region-line").unwrap();
    assert!(line.starts_with("Numbers for New Zealand."), "{line}");
    let stored = page
        .eval(&mut browser, "localStorage.getItem('lan.settings')")
        .unwrap();
    assert!(
        stored
            .as_str()
            .unwrap_or_default()
            .contains(r#""region":"nz""#),
        "{stored}"
    );
}

/// The first warning a person sees asks, once, whether the guess is right: "Yes" makes it
/// the choice (the question goes, everywhere); not answering leaves the guess in use.
#[test]
fn the_guess_is_confirmed_in_one_tap_on_the_first_warning() {
    let (server, mut browser, page) = e2e::start_app();
    let origin = server.origin();
    page.call(
        &mut browser,
        "Emulation.setTimezoneOverride",
        json!({ "timezoneId": "Australia/Sydney" }),
    )
    .unwrap();
    page.open(&mut browser, &format!("{origin}/")).unwrap();
    page.eval(&mut browser, "localStorage.clear()").unwrap();
    assert_eq!(home_links(&page, &mut browser, &origin)[0], "tel:000");
    let line = page
        .text(&mut browser, ".warning-signs .region-line")
        .unwrap();
    assert!(line.contains("Is that where you live?"), "{line}");
    e2e::checked_screenshot(&page, &mut browser, "help-numbers", "home-guessed");
    page.click(&mut browser, ".warning-signs .region-line button")
        .unwrap();
    page.wait_for(
        &mut browser,
        "!document.querySelector('.region-line button')",
        Duration::from_secs(5),
    )
    .expect("the question goes once answered");
    let line = page
        .text(&mut browser, ".warning-signs .region-line")
        .unwrap();
    assert!(line.starts_with("Numbers for Australia."), "{line}");
    let stored = page
        .eval(&mut browser, "localStorage.getItem('lan.settings')")
        .unwrap();
    assert!(
        stored
            .as_str()
            .unwrap_or_default()
            .contains(r#""region":"au""#),
        "{stored}"
    );
    // Chosen, it holds when the phone's zone says otherwise.
    page.call(
        &mut browser,
        "Emulation.setTimezoneOverride",
        json!({ "timezoneId": "Europe/London" }),
    )
    .unwrap();
    assert_eq!(home_links(&page, &mut browser, &origin)[0], "tel:000");
}
