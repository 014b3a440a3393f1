//! Issue 27: adding the app to the home screen, the way each phone does it. Chromium's
//! install prompt is a synthetic `beforeinstallprompt` (a real one is held back, so the
//! test decides when it comes and what the person answers); the other phones are their
//! user agents.

use e2e::cdp::{Browser, Page};
use e2e::server::StaticServer;
use serde_json::{json, Value};
use std::time::Duration;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// 1 December 2026, noon UTC.
const START_MS: i64 = 1_796_126_400_000;

const IPHONE: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1";
const IPAD: &str = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Safari/605.1.15";
const IPHONE_INSTAGRAM: &str = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/22F76 Instagram 380.0.0.28.104";

/// Before the page's own scripts: the clock at `at`, and every real install prompt held
/// back; `with_prompt`, after load, a synthetic one whose `prompt()` counts its calls and
/// whose answer is `sessionStorage['test.answer']` (else "accepted").
fn prepare(page: &Page, browser: &mut Browser, at: i64, with_prompt: bool) {
    let script = format!(
        "(() => {{
            const start = performance.now(); const base = {at};
            Date.now = () => base + (performance.now() - start);
            addEventListener('beforeinstallprompt', (e) => {{ if (!e.synthetic) e.stopImmediatePropagation(); }}, true);
            if ({with_prompt}) addEventListener('load', () => {{
                const e = new Event('beforeinstallprompt', {{ cancelable: true }});
                e.synthetic = true;
                e.prompt = () => {{ sessionStorage.setItem('test.prompted', Number(sessionStorage.getItem('test.prompted') || 0) + 1); return Promise.resolve(); }};
                Object.defineProperty(e, 'userChoice', {{ get: () => Promise.resolve({{ outcome: sessionStorage.getItem('test.answer') || 'accepted', platform: 'web' }}) }});
                dispatchEvent(e);
            }});
        }})();"
    );
    page.call(
        browser,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": script }),
    )
    .unwrap();
}

fn start_at(at: i64, with_prompt: bool) -> (StaticServer, Browser, Page) {
    let server = StaticServer::start(&e2e::dist_dir());
    let mut browser = Browser::launch().unwrap();
    let page = browser.new_page().unwrap();
    prepare(&page, &mut browser, at, with_prompt);
    (server, browser, page)
}

/// The offer's text once it has had time to come; empty when it stays away.
fn offer(page: &Page, browser: &mut Browser) -> String {
    let _ = page.wait_for(
        browser,
        "document.querySelector('.install-offer')",
        Duration::from_secs(3),
    );
    page.eval(
        browser,
        "(document.querySelector('.install-offer') || {}).textContent || ''",
    )
    .unwrap()
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// Waits for the offer to leave the page.
fn offer_gone(page: &Page, browser: &mut Browser, when: &str) {
    page.wait_for(
        browser,
        "!document.querySelector('.install-offer')",
        Duration::from_secs(5),
    )
    .unwrap_or_else(|e| panic!("the offer stays {when}: {e}"));
}

fn stored_record(page: &Page, browser: &mut Browser) -> Value {
    let raw = page
        .eval(browser, "localStorage.getItem('lan.install')")
        .unwrap();
    raw.as_str()
        .and_then(|raw| serde_json::from_str::<Value>(raw).ok())
        .map(|stored| stored["data"].clone())
        .unwrap_or(Value::Null)
}

fn phone(page: &Page, browser: &mut Browser, width: u32, height: u32, scale: u32) {
    page.call(
        browser,
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": scale, "mobile": true }),
    )
    .unwrap();
}

/// Both themes and both phone sizes, the offer scrolled into view.
fn screenshots(page: &Page, browser: &mut Browser, selector: &str, name: &str) {
    for theme in ["light", "dark"] {
        page.call(
            browser,
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": theme }] }),
        )
        .unwrap();
        for (width, height) in [(360, 740), (412, 915)] {
            phone(page, browser, width, height, 1);
            page.eval(
                browser,
                &format!(
                    "document.querySelector({selector:?}).scrollIntoView({{ block: 'start' }})"
                ),
            )
            .unwrap();
            e2e::checked_screenshot(page, browser, "install", &format!("{name}-{width}-{theme}"));
        }
    }
    page.call(
        browser,
        "Emulation.setEmulatedMedia",
        json!({ "features": [] }),
    )
    .unwrap();
}

#[test]
fn the_offer_comes_after_a_finished_check_and_install_calls_the_browsers_prompt() {
    let (server, mut browser, page) = start_at(START_MS, true);
    let origin = server.origin();
    page.open(&mut browser, &format!("{origin}/")).unwrap();
    page.wait_for(
        &mut browser,
        "window.lanInstallPrompt",
        Duration::from_secs(5),
    )
    .expect("theme.js keeps the prompt");
    assert_eq!(
        offer(&page, &mut browser),
        "",
        "no offer on the first screen"
    );
    e2e::ui::finish_cracked_heels_quiz(&page, &mut browser, &origin);
    let text = offer(&page, &mut browser);
    assert!(text.contains("home screen"), "{text}");
    assert!(!text.contains("Safari"), "{text}");
    screenshots(&page, &mut browser, ".install-offer", "offer-chromium");
    e2e::ui::click_button(&page, &mut browser, "Install");
    page.wait_for(
        &mut browser,
        "sessionStorage.getItem('test.prompted') === '1'",
        Duration::from_secs(5),
    )
    .expect("Install calls the browser's prompt");
    offer_gone(&page, &mut browser, "once installed");
    let record = stored_record(&page, &mut browser);
    assert!(
        record["installed_ms"].as_i64().unwrap_or(0) >= START_MS,
        "{record}"
    );
    // Settings says so, and offers nothing more.
    page.open(&mut browser, &format!("{origin}/settings"))
        .unwrap();
    page.wait_for(
        &mut browser,
        "document.querySelector('section.install')",
        Duration::from_secs(5),
    )
    .unwrap();
    let said = page.text(&mut browser, "section.install").unwrap();
    assert!(said.contains("Installed on this phone"), "{said}");
}

#[test]
fn not_now_keeps_the_offer_away_for_thirty_days() {
    let (server, mut browser, page) = start_at(START_MS, true);
    let origin = server.origin();
    e2e::ui::finish_cracked_heels_quiz(&page, &mut browser, &origin);
    let result = page.eval(&mut browser, "location.pathname").unwrap();
    let result = result.as_str().unwrap().to_string();
    assert!(!offer(&page, &mut browser).is_empty());
    e2e::ui::click_button(&page, &mut browser, "Not now");
    offer_gone(&page, &mut browser, "after the answer");
    assert_eq!(
        page.eval(&mut browser, "sessionStorage.getItem('test.prompted')")
            .unwrap(),
        Value::Null,
        "Not now shows no prompt"
    );
    // Away the same day and 29 days on; back after 30.
    for (days, shown) in [(0, false), (29, false), (31, true)] {
        prepare(&page, &mut browser, START_MS + days * DAY_MS, true);
        page.open(&mut browser, &format!("{origin}{result}"))
            .unwrap();
        page.wait_for(
            &mut browser,
            "document.querySelector('main h1')",
            Duration::from_secs(5),
        )
        .unwrap();
        assert_eq!(
            !offer(&page, &mut browser).is_empty(),
            shown,
            "{days} days after Not now"
        );
    }
    // The browser's own prompt, declined: away again for 30 days.
    page.eval(
        &mut browser,
        "sessionStorage.setItem('test.answer', 'dismissed')",
    )
    .unwrap();
    e2e::ui::click_button(&page, &mut browser, "Install");
    offer_gone(&page, &mut browser, "after the answer");
    let record = stored_record(&page, &mut browser);
    assert!(
        record["not_now_ms"].as_i64().unwrap_or(0) >= START_MS + 31 * DAY_MS,
        "{record}"
    );
    assert_eq!(record["installed_ms"], Value::Null, "{record}");
}

/// Installed, the app shows no offer and asks the browser to keep its data instead.
#[test]
fn running_installed_shows_no_offer_and_asks_to_keep_the_data() {
    let (server, mut browser, page) = start_at(START_MS, true);
    let standalone = "(() => {
        const real = window.matchMedia.bind(window);
        window.matchMedia = (q) => q.includes('display-mode: standalone')
            ? { matches: true, media: q, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {} }
            : real(q);
        navigator.storage.persisted = () => Promise.resolve(false);
        navigator.storage.persist = () => { sessionStorage.setItem('test.persist', 'asked'); return Promise.resolve(true); };
    })();";
    page.call(
        &mut browser,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": standalone }),
    )
    .unwrap();
    let origin = server.origin();
    e2e::ui::finish_cracked_heels_quiz(&page, &mut browser, &origin);
    assert_eq!(offer(&page, &mut browser), "");
    page.wait_for(
        &mut browser,
        "sessionStorage.getItem('test.persist') === 'asked'",
        Duration::from_secs(5),
    )
    .expect("installed, the app asks for persistent storage");
    page.open(&mut browser, &format!("{origin}/settings"))
        .unwrap();
    page.wait_for(
        &mut browser,
        "document.querySelector('section.install')",
        Duration::from_secs(5),
    )
    .unwrap();
    let said = page.text(&mut browser, "section.install").unwrap();
    assert!(said.contains("Installed."), "{said}");
}

fn as_device(page: &Page, browser: &mut Browser, user_agent: &str, touch_points: u32) {
    page.call(
        browser,
        "Emulation.setUserAgentOverride",
        json!({ "userAgent": user_agent }),
    )
    .unwrap();
    page.call(
        browser,
        "Emulation.setTouchEmulationEnabled",
        json!({ "enabled": touch_points > 0, "maxTouchPoints": touch_points.max(1) }),
    )
    .unwrap();
}

fn drawn_pictures(page: &Page, browser: &mut Browser, within: &str) -> Value {
    page.eval(
        browser,
        &format!(
            "[...document.querySelectorAll('{within} figure.picture')].map(f => f.dataset.picture)"
        ),
    )
    .unwrap()
}

#[test]
fn an_iphone_gets_safaris_two_taps_with_pictures_and_the_data_warning() {
    let (server, mut browser, page) = start_at(START_MS, false);
    let origin = server.origin();
    as_device(&page, &mut browser, IPHONE, 5);
    phone(&page, &mut browser, 393, 852, 3);
    e2e::ui::finish_cracked_heels_quiz(&page, &mut browser, &origin);
    let text = offer(&page, &mut browser);
    assert!(text.contains("Add to Home Screen"), "{text}");
    assert!(text.contains("Safari may delete"), "{text}");
    assert!(text.contains("bar at the bottom"), "{text}");
    assert!(!text.contains("Install"), "no prompt on Safari: {text}");
    assert_eq!(
        drawn_pictures(&page, &mut browser, ".install-offer"),
        json!(["install-share-phone", "install-add-to-home"])
    );
    // The start-up image for this screen is linked, and the build has it.
    let startup = page
        .eval(
            &mut browser,
            "document.querySelector('link[rel=apple-touch-startup-image]').href",
        )
        .unwrap();
    assert!(
        startup
            .as_str()
            .unwrap()
            .ends_with("/icons/startup-1179x2556.png"),
        "{startup}"
    );
    let fetched = page
        .eval(
            &mut browser,
            &format!("fetch({startup}).then(r => r.status + ' ' + r.headers.get('content-type'))"),
        )
        .unwrap();
    assert_eq!(fetched, json!("200 image/png"));
    screenshots(&page, &mut browser, ".install-offer", "offer-iphone");
    // Settings: the same steps, and the warning in the data section.
    page.open(&mut browser, &format!("{origin}/settings"))
        .unwrap();
    page.wait_for(&mut browser, "document.querySelectorAll('.safari-data').length === 1 && document.querySelector('section.install figure')", Duration::from_secs(5))
        .unwrap();
    let data = page
        .text(&mut browser, "section[aria-labelledby=data-title]")
        .unwrap();
    assert!(data.contains("Safari may delete"), "{data}");
    screenshots(&page, &mut browser, "section.install", "settings-iphone");
}

#[test]
fn an_ipad_sees_share_at_the_top_and_an_apps_browser_is_sent_to_safari() {
    let (server, mut browser, page) = start_at(START_MS, false);
    let origin = server.origin();
    as_device(&page, &mut browser, IPAD, 5);
    page.open(&mut browser, &format!("{origin}/settings"))
        .unwrap();
    page.wait_for(
        &mut browser,
        "document.querySelector('section.install figure')",
        Duration::from_secs(5),
    )
    .unwrap();
    assert_eq!(
        drawn_pictures(&page, &mut browser, "section.install"),
        json!(["install-share-tablet", "install-add-to-home"])
    );
    assert!(page
        .text(&mut browser, "section.install")
        .unwrap()
        .contains("at the top right"));
    as_device(&page, &mut browser, IPHONE_INSTAGRAM, 5);
    page.open(&mut browser, &format!("{origin}/settings"))
        .unwrap();
    page.wait_for(
        &mut browser,
        "document.querySelector('section.install ol')",
        Duration::from_secs(5),
    )
    .unwrap();
    let said = page.text(&mut browser, "section.install").unwrap();
    assert!(said.contains("Open in Safari"), "{said}");
    assert!(said.contains("inside another app"), "{said}");
    screenshots(
        &page,
        &mut browser,
        "section.install",
        "settings-in-app-browser",
    );
}
