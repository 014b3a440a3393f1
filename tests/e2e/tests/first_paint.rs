//! What the page looks like before the app's code has run: the stored theme and text size
//! must already apply, so a night-theme reader is never flashed with a light page.

use serde_json::json;
use std::time::Duration;

/// Opens `url` with every wasm download refused, so only the HTML, the CSS and the small
/// scripts run: what a reader sees while the app is still on its way.
fn open_without_the_app(page: &e2e::cdp::Page, browser: &mut e2e::cdp::Browser, url: &str) {
    page.call(browser, "Page.navigate", json!({ "url": url }))
        .unwrap();
    page.wait_for(
        browser,
        "document.readyState === 'complete'",
        Duration::from_secs(10),
    )
    .unwrap();
}

fn root_and_background(
    page: &e2e::cdp::Page,
    browser: &mut e2e::cdp::Browser,
) -> serde_json::Value {
    page.eval(
        browser,
        "[document.documentElement.dataset.theme, document.documentElement.dataset.textSize,
          getComputedStyle(document.body).backgroundColor, document.body.hasAttribute('data-prerendered')]",
    )
    .unwrap()
}

#[test]
fn the_stored_night_theme_and_text_size_apply_before_the_app_starts() {
    let (server, mut browser, page) = e2e::start_app();
    let origin = server.origin();
    page.open(&mut browser, &format!("{origin}/")).unwrap();
    e2e::ui::store_settings(&page, &mut browser, "dark", "largest");
    page.call(
        &mut browser,
        "Network.setBlockedURLs",
        json!({ "urls": ["*.wasm"] }),
    )
    .unwrap();
    open_without_the_app(&page, &mut browser, &format!("{origin}/learn"));
    // Still the prerendered page: the app did not run, so the page itself applied them.
    assert_eq!(
        root_and_background(&page, &mut browser),
        json!(["dark", "largest", "rgb(27, 23, 18)", true])
    );

    // Whatever is stored, the page keeps its defaults and throws nothing.
    for garbage in [
        "[",
        "null",
        "{\"data\":{\"theme\":\"<b>\",\"text_size\":7}}",
        "{\"data\":null}",
    ] {
        page.eval(
            &mut browser,
            &format!("localStorage.setItem('lan.settings', {garbage:?})"),
        )
        .unwrap();
        browser.take_events();
        open_without_the_app(&page, &mut browser, &format!("{origin}/learn"));
        let seen = root_and_background(&page, &mut browser);
        assert_eq!(seen[0], json!("auto"), "{garbage}: {seen}");
        assert_eq!(seen[1], json!("standard"), "{garbage}: {seen}");
        let thrown: Vec<String> = page
            .problems(&browser.take_events())
            .into_iter()
            .filter(|p| p.contains("theme.js"))
            .collect();
        assert!(thrown.is_empty(), "{garbage}: {thrown:?}");
    }
}

/// Issue 14's ceiling, held by a test rather than a printed figure: this session's pages,
/// the region's numbers and the install code must come in chunks, not in the first load.
#[test]
fn the_first_load_stays_within_its_ceiling() {
    let gzip = xtask::sizes::first_load_gzip(&e2e::dist_dir()).unwrap();
    assert!(
        gzip <= xtask::sizes::FIRST_LOAD_CEILING,
        "the first load is {gzip} B gzip, over the ceiling of {} B",
        xtask::sizes::FIRST_LOAD_CEILING
    );
}
