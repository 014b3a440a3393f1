//! The built app in real headless Chromium at 412x915: every route, offline, install,
//! update and accessibility. Run against `dist/` (or `$LAN_DIST`) after a release build.

use e2e::cdp::{Browser, Page};
use e2e::server::StaticServer;
use serde_json::json;
use std::path::PathBuf;
use std::time::Duration;

fn screenshot_dir() -> PathBuf {
    e2e::workspace_root().join("tests/e2e/screenshots")
}

fn file_name(route: &str) -> String {
    let name = route.trim_matches('/').replace('/', "-");
    if name.is_empty() {
        "home".into()
    } else {
        name
    }
}

fn start() -> (StaticServer, Browser, Page) {
    e2e::start_app()
}

fn heading(page: &Page, browser: &mut Browser) -> String {
    page.text(browser, "main h1").expect("read heading")
}

/// Makes the system setting light or dark; the app's Auto theme follows it.
fn prefer_color_scheme(page: &Page, browser: &mut Browser, theme: &str) {
    page.call(
        browser,
        "Emulation.setEmulatedMedia",
        json!({ "features": [{ "name": "prefers-color-scheme", "value": theme }] }),
    )
    .unwrap();
}

/// Waits until the service worker has installed and controls this page.
fn wait_until_controlled(page: &Page, browser: &mut Browser) {
    page.eval(browser, "navigator.serviceWorker.ready.then(() => true)")
        .expect("service worker ready");
    page.reload(browser).expect("reload");
    page.wait_for(
        browser,
        "navigator.serviceWorker.controller",
        Duration::from_secs(10),
    )
    .expect("page controlled after one reload");
}

#[test]
fn every_route_renders_without_errors_and_stays_on_its_origin() {
    let (server, mut browser, page) = start();
    for theme in ["light", "dark"] {
        prefer_color_scheme(&page, &mut browser, theme);
        for (route, expected) in e2e::routes() {
            browser.take_events();
            page.open(&mut browser, &format!("{}{route}", server.origin()))
                .unwrap_or_else(|e| panic!("{route}: {e}"));
            browser.pump(Duration::from_millis(300)).unwrap();
            let title = heading(&page, &mut browser);
            assert!(
                title.contains(expected),
                "{route}: heading {title:?} lacks {expected:?}"
            );
            let events = browser.take_events();
            let problems = page.problems(&events);
            assert!(problems.is_empty(), "{route} ({theme}): {problems:#?}");
            for url in page.requested_urls(&events) {
                assert!(
                    url.starts_with(&server.origin()) || url.starts_with("data:"),
                    "{route} requested another origin: {url}"
                );
            }
            page.screenshot(
                &mut browser,
                &screenshot_dir().join(format!("{theme}/{}.png", file_name(&route))),
            )
            .unwrap();
        }
    }
    // Control: an error on the page must be caught by the same check.
    page.eval(&mut browser, "console.error('control error')")
        .unwrap();
    browser.pump(Duration::from_millis(200)).unwrap();
    assert_eq!(page.problems(&browser.take_events()).len(), 1);
    let served = server.requests.lock().unwrap().len();
    assert!(served > 0, "the server saw no requests");
}

#[test]
fn chromium_finds_the_app_installable_and_the_worker_controls_after_one_reload() {
    let (server, mut browser, page) = start();
    page.open(&mut browser, &format!("{}/", server.origin()))
        .unwrap();
    wait_until_controlled(&page, &mut browser);
    let answer = page
        .call(&mut browser, "Page.getInstallabilityErrors", json!({}))
        .unwrap();
    let errors = answer["installabilityErrors"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(errors.is_empty(), "installability errors: {errors:#?}");
    let manifest = page
        .call(&mut browser, "Page.getAppManifest", json!({}))
        .unwrap();
    let parse_errors = manifest["errors"].as_array().cloned().unwrap_or_default();
    assert!(
        parse_errors.is_empty(),
        "manifest errors: {parse_errors:#?}"
    );
}

#[test]
fn every_route_renders_offline_after_the_first_visit() {
    let (mut server, mut browser, page) = start();
    page.open(&mut browser, &format!("{}/", server.origin()))
        .unwrap();
    wait_until_controlled(&page, &mut browser);
    let origin = server.origin();
    server.stop();
    // Nothing answers on the port any more: only the service worker can serve the app.
    for (route, expected) in e2e::routes() {
        browser.take_events();
        page.open(&mut browser, &format!("{origin}{route}"))
            .unwrap_or_else(|e| panic!("offline {route}: {e}"));
        let title = heading(&page, &mut browser);
        assert!(
            title.contains(expected),
            "offline {route}: heading {title:?}"
        );
        let problems = page.problems(&browser.take_events());
        assert!(problems.is_empty(), "offline {route}: {problems:#?}");
        // The drawings are in the page itself: they draw offline with it.
        page.wait_for(
            &mut browser,
            "[...document.querySelectorAll('figure.picture svg > g')].every(g => g.getBBox().width > 100)",
            Duration::from_secs(5),
        )
        .unwrap_or_else(|e| panic!("offline {route}: a picture did not draw: {e}"));
    }
}

#[test]
fn the_offline_badge_follows_the_network() {
    let (server, mut browser, page) = start();
    page.open(&mut browser, &format!("{}/", server.origin()))
        .unwrap();
    assert!(page
        .text(&mut browser, ".offline-badge")
        .unwrap()
        .is_empty());
    let conditions = |offline: bool| json!({ "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 });
    page.call(
        &mut browser,
        "Network.emulateNetworkConditions",
        conditions(true),
    )
    .unwrap();
    page.wait_for(
        &mut browser,
        "document.querySelector('.offline-badge')",
        Duration::from_secs(5),
    )
    .unwrap();
    assert!(page
        .text(&mut browser, ".offline-badge")
        .unwrap()
        .contains("Offline"));
    page.call(
        &mut browser,
        "Network.emulateNetworkConditions",
        conditions(false),
    )
    .unwrap();
    page.wait_for(
        &mut browser,
        "!document.querySelector('.offline-badge')",
        Duration::from_secs(5),
    )
    .unwrap();
}

/// A copy of the build served from a folder of its own (a test may change its files), with
/// Settings open and the worker in control.
fn controlled_copy(name: &str) -> (std::path::PathBuf, StaticServer, Browser, Page) {
    let served = e2e::fresh_dir(name);
    e2e::copy_tree(&e2e::dist_dir(), &served).unwrap();
    let server = StaticServer::start(&served);
    let mut browser = Browser::launch().unwrap();
    let page = browser.new_page().unwrap();
    page.open(&mut browser, &format!("{}/settings", server.origin()))
        .unwrap();
    wait_until_controlled(&page, &mut browser);
    (served, server, browser, page)
}

const CACHE_NAMES: &str =
    "caches.keys().then(keys => keys.filter(k => k.startsWith('lan-shell-')).sort())";

#[test]
fn a_rebuilt_worker_waits_for_consent_then_reload_lands_on_it() {
    let (served, _server, mut browser, page) = controlled_copy("served");
    let old_caches = page.eval(&mut browser, CACHE_NAMES).unwrap();
    assert_eq!(old_caches.as_array().map(Vec::len), Some(1), "{old_caches}");

    // A new release: the page changes, and the worker is regenerated from the template
    // exactly as the build hook does it.
    release_a_new_version(&served);

    page.eval(
        &mut browser,
        "navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => true)",
    )
    .unwrap();
    page.wait_for(
        &mut browser,
        "document.querySelector('.update-banner')",
        Duration::from_secs(15),
    )
    .expect("update banner");
    let banner = page.text(&mut browser, ".update-banner").unwrap();
    assert!(
        banner.contains("Update available") && banner.contains("Reload"),
        "{banner}"
    );
    // Not swapped under the user: the old version still serves the page.
    browser.pump(Duration::from_millis(500)).unwrap();
    let marker = "(document.querySelector('meta[name=lan-release]') || {}).content || ''";
    assert_eq!(page.eval(&mut browser, marker).unwrap(), json!(""));

    page.click(&mut browser, ".update-banner button").unwrap();
    page.wait_for(
        &mut browser,
        &format!("document.querySelector('main h1') && {marker} === '2'"),
        Duration::from_secs(15),
    )
    .expect("reload lands on the new version");
    page.wait_for(
        &mut browser,
        "!document.querySelector('.update-banner')",
        Duration::from_secs(5),
    )
    .unwrap();
    let new_caches = page.eval(&mut browser, CACHE_NAMES).unwrap();
    assert_eq!(
        new_caches.as_array().map(Vec::len),
        Some(1),
        "old cache kept: {new_caches}"
    );
    assert_ne!(new_caches, old_caches);
    let _ = std::fs::remove_dir_all(&served);
}

/// A new release, as the build would write it, in `served`: every page changes, and the
/// worker is regenerated from the template with the new files' list and hashes.
fn release_a_new_version(served: &std::path::Path) {
    for page_file in e2e::html_files(served) {
        let html = std::fs::read_to_string(&page_file).unwrap();
        // <title> survives minification (optional tags like <head> may not).
        let changed = html.replacen(
            "<title>",
            "<meta name=\"lan-release\" content=\"2\"><title>",
            1,
        );
        assert_ne!(
            changed, html,
            "the release marker must change {page_file:?}"
        );
        std::fs::write(&page_file, changed).unwrap();
    }
    let template = std::fs::read_to_string(e2e::workspace_root().join("public/sw.js")).unwrap();
    xtask::post_build::write_service_worker_from(served, &template).unwrap();
}

const PORTAL: &str =
    "<!doctype html><title>Station Wi-Fi</title><h1>Sign in to Station Wi-Fi to continue</h1>";

/// Issue 25: an update that installed while a captive portal answered every file with its
/// login page (200, text/html) cached those pages as the app, and every route then showed
/// the portal, online, after Reload, with no way out but deleting everything. The worker
/// now checks every file against the hash the build listed and fails the install instead:
/// the running version stays, and no update is offered.
#[test]
fn an_update_through_a_captive_portal_leaves_the_running_version_working() {
    let (served, server, mut browser, page) = controlled_copy("portal");
    let old_caches = page.eval(&mut browser, CACHE_NAMES).unwrap();

    release_a_new_version(&served);
    // The new worker itself gets through; every other file is the portal's page.
    for file in xtask::post_build::list_files(&served).unwrap() {
        if file != "sw.js" {
            std::fs::write(served.join(&file), PORTAL).unwrap();
        }
    }
    page.eval(
        &mut browser,
        "navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => true)",
    )
    .unwrap();
    page.wait_for(
        &mut browser,
        "navigator.serviceWorker.getRegistration().then(r => !r.installing)",
        Duration::from_secs(30),
    )
    .expect("the new worker's install ends");
    // Old code: the portal's pages installed, and the banner offered them.
    let waiting = page
        .eval(
            &mut browser,
            "navigator.serviceWorker.getRegistration().then(r => !!r.waiting)",
        )
        .unwrap();
    if waiting == json!(true) {
        // As a person would: tap Reload, and see what they get.
        let _ = page.wait_for(
            &mut browser,
            "document.querySelector('.update-banner')",
            Duration::from_secs(5),
        );
        let _ = page.click(&mut browser, ".update-banner button");
        browser.pump(Duration::from_secs(3)).unwrap();
        panic!(
            "a version made of portal pages was installed; after Reload the page shows: {:?}",
            page.eval(&mut browser, "document.body.innerText").unwrap()
        );
    }
    assert!(page
        .eval(&mut browser, "!document.querySelector('.update-banner')")
        .unwrap()
        .as_bool()
        .unwrap());
    page.reload(&mut browser).unwrap();
    for route in ["/settings", "/learn/neuropathy", "/quiz"] {
        page.open(&mut browser, &format!("{}{route}", server.origin()))
            .unwrap();
        let body = page.text(&mut browser, "body").unwrap();
        assert!(!body.contains("Station Wi-Fi"), "{route}: {body}");
    }
    assert_eq!(page.eval(&mut browser, CACHE_NAMES).unwrap(), old_caches);
    let _ = std::fs::remove_dir_all(&served);
}

/// Issue 25: a cached file damaged later was served forever. The worker checks what it
/// serves against the build's hash, fetches a damaged file again and repairs the cache.
#[test]
fn a_damaged_cached_page_chunk_is_fetched_again_and_the_cache_repaired() {
    let (server, mut browser, page) = start();
    page.open(&mut browser, &format!("{}/", server.origin()))
        .unwrap();
    wait_until_controlled(&page, &mut browser);
    page.eval(&mut browser, "caches.keys().then(keys => Promise.all(keys.map(k => caches.open(k).then(c => c.keys())))).then(() => true)").unwrap();
    // Wait for the whole precache: the quiz's chunk among it.
    page.wait_for(
        &mut browser,
        "caches.keys().then(keys => caches.open(keys.find(k => k.startsWith('lan-shell-')))).then(c => c.keys()).then(rs => rs.some(r => r.url.endsWith('split_quiz_pages.wasm')))",
        Duration::from_secs(20),
    )
    .unwrap();
    let damage = "caches.keys().then(keys => caches.open(keys.find(k => k.startsWith('lan-shell-')))).then(async c => {
        const request = (await c.keys()).find(r => r.url.endsWith('split_quiz_pages.wasm'));
        await c.put(request, new Response(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 2, 3]), { headers: { 'Content-Type': 'application/wasm' } }));
        return (await (await c.match(request)).arrayBuffer()).byteLength; })";
    assert_eq!(page.eval(&mut browser, damage).unwrap(), json!(11));
    page.reload(&mut browser).unwrap();
    page.click(&mut browser, ".bottom-nav a[href$='/quiz']")
        .unwrap();
    page.wait_for(
        &mut browser,
        "document.querySelector('main h1')?.textContent.includes('Symptom check')",
        Duration::from_secs(20),
    )
    .unwrap_or_else(|_| panic!("{}", heading(&page, &mut browser)));
    let size = "caches.keys().then(keys => caches.open(keys.find(k => k.startsWith('lan-shell-')))).then(async c => {
        const request = (await c.keys()).find(r => r.url.endsWith('split_quiz_pages.wasm'));
        return (await (await c.match(request)).arrayBuffer()).byteLength; })";
    let pkg = std::fs::read_dir(e2e::dist_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("pkg-"))
        .unwrap();
    let real = std::fs::metadata(pkg.join("split_quiz_pages.wasm"))
        .unwrap()
        .len();
    assert_eq!(
        page.eval(&mut browser, size).unwrap(),
        json!(real),
        "the cache was not repaired"
    );
}

#[test]
fn axe_finds_no_wcag_a_or_aa_violations_on_any_route_in_either_theme() {
    let axe_path = e2e::workspace_root().join("tests/e2e/node_modules/axe-core/axe.min.js");
    let axe = std::fs::read_to_string(&axe_path)
        .unwrap_or_else(|e| panic!("{}: {e} (run npm ci in tests/e2e)", axe_path.display()));
    let (server, mut browser, page) = start();
    // Control: the harness must see a real violation before its silence means anything.
    page.open(&mut browser, &format!("{}/", server.origin()))
        .unwrap();
    page.eval(&mut browser, &axe).expect("inject axe-core");
    let control = page
        .eval(
            &mut browser,
            "document.querySelector('main').append(Object.assign(document.createElement('img'), { src: 'icons/icon-192.png' }));
             axe.run(document).then(r => r.violations.map(v => v.id))",
        )
        .unwrap();
    assert!(
        control.to_string().contains("image-alt"),
        "axe missed an image without alt: {control}"
    );
    let mut failures = Vec::new();
    for theme in ["light", "dark"] {
        prefer_color_scheme(&page, &mut browser, theme);
        for (route, _) in e2e::routes() {
            page.open(&mut browser, &format!("{}{route}", server.origin()))
                .unwrap();
            page.eval(&mut browser, &axe).expect("inject axe-core");
            let violations = page
                .eval(
                    &mut browser,
                    "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
                        .then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))",
                )
                .unwrap();
            let checked = page
                .eval(&mut browser, "typeof axe.run === 'function'")
                .unwrap();
            assert_eq!(checked, json!(true));
            for violation in violations.as_array().cloned().unwrap_or_default() {
                failures.push(format!("{theme} {route}: {violation}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "axe violations:\n{}",
        failures.join("\n")
    );
}

#[test]
fn theme_and_text_size_choices_survive_a_reload() {
    let (server, mut browser, page) = start();
    page.open(&mut browser, &format!("{}/settings", server.origin()))
        .unwrap();
    let root = |attr: &str| format!("document.documentElement.getAttribute('{attr}')");
    assert_eq!(
        page.eval(&mut browser, &root("data-theme")).unwrap(),
        json!("auto")
    );
    let pick = |group: &str, label: &str| {
        format!(
            "[...[...document.querySelectorAll('fieldset')]
                .find(f => f.querySelector('legend').textContent === '{group}')
                .querySelectorAll('label')]
                .find(l => l.textContent.includes('{label}')).click()"
        )
    };
    page.eval(&mut browser, &pick("Theme", "Night")).unwrap();
    page.eval(&mut browser, &pick("Text size", "Largest"))
        .unwrap();
    page.wait_for(
        &mut browser,
        &format!("{} === 'dark'", root("data-theme")),
        Duration::from_secs(3),
    )
    .unwrap();
    page.reload(&mut browser).unwrap();
    assert_eq!(
        page.eval(&mut browser, &root("data-theme")).unwrap(),
        json!("dark")
    );
    assert_eq!(
        page.eval(&mut browser, &root("data-text-size")).unwrap(),
        json!("largest")
    );
    let base = page
        .eval(
            &mut browser,
            "getComputedStyle(document.documentElement).fontSize",
        )
        .unwrap();
    assert_eq!(base, json!("24px"));
    let checked = page
        .eval(
            &mut browser,
            "document.querySelector('input[name=theme]:checked').parentElement.textContent",
        )
        .unwrap();
    assert!(
        checked.as_str().unwrap_or("").contains("Night"),
        "{checked}"
    );
}

/// Every page but Home is a wasm chunk fetched when the page first opens. On a first visit
/// that loses signal before the worker has cached them, the page must say so (not crash,
/// not stay blank) and come back once the chunks can load.
#[test]
fn a_page_whose_code_cannot_download_says_so_and_recovers() {
    let (server, mut browser, page) = start();
    page.call(
        &mut browser,
        "Network.setBypassServiceWorker",
        json!({ "bypass": true }),
    )
    .unwrap();
    let block = |urls: serde_json::Value| json!({ "urls": urls });
    page.call(
        &mut browser,
        "Network.setBlockedURLs",
        block(json!(["*/chunk_*", "*/split_*"])),
    )
    .unwrap();
    page.open(&mut browser, &format!("{}/", server.origin()))
        .unwrap();
    assert!(heading(&page, &mut browser).contains("Tonight"));
    page.click(&mut browser, ".bottom-nav a[href$='/quiz']")
        .unwrap();
    page.wait_for(
        &mut browser,
        "document.querySelector('main [role=alert] h1')",
        Duration::from_secs(10),
    )
    .expect("a message instead of the page");
    assert!(heading(&page, &mut browser).contains("could not load"));
    // The shell is still alive: the navigation still answers.
    assert!(page
        .text(&mut browser, ".bottom-nav")
        .unwrap()
        .contains("Home"));
    e2e::checked_screenshot(&page, &mut browser, "pwa", "page-could-not-load");
    prefer_color_scheme(&page, &mut browser, "dark");
    e2e::checked_screenshot(&page, &mut browser, "pwa", "page-could-not-load-night");

    // Issue 25: with a page's code unable to start, export (a page itself) was impossible.
    // This screen saves a copy of the data with code of its own: here the quiz's chunk
    // alone cannot load.
    page.call(
        &mut browser,
        "Network.setBlockedURLs",
        block(json!(["*/split_quiz_pages*"])),
    )
    .unwrap();
    page.eval(
        &mut browser,
        "localStorage.setItem('lan.diary', '{\"schema\":1,\"data\":[{\"n\":20790,\"p\":3}]}')",
    )
    .unwrap();
    let downloads = e2e::fresh_dir("page-failed-copy");
    e2e::ui::allow_downloads(&mut browser, &downloads);
    e2e::ui::click_button(&page, &mut browser, "Save a copy of my data");
    let copy = e2e::ui::downloaded(&downloads, "json", Duration::from_secs(10), |text| {
        text.trim_ascii_end().ends_with(b"}")
    });
    let copy: serde_json::Value = serde_json::from_slice(&copy).unwrap();
    assert_eq!(copy["data"]["diary"][0]["n"], 20790, "{copy}");
    let said = page.text(&mut browser, "main [role=alert]").unwrap();
    assert!(said.contains("It holds the night diary"), "{said}");
    let _ = std::fs::remove_dir_all(&downloads);

    page.call(&mut browser, "Network.setBlockedURLs", block(json!([])))
        .unwrap();
    e2e::ui::click_button(&page, &mut browser, "Try again");
    page.wait_for(
        &mut browser,
        "document.querySelector('main h1')?.textContent.includes('Symptom check')",
        Duration::from_secs(20),
    )
    .expect("the page after trying again");
}

/// Waits until the page heading contains `words`.
fn wait_heading(page: &Page, browser: &mut Browser, words: &str) -> Result<(), String> {
    page.wait_for(
        browser,
        &format!("document.querySelector('main h1')?.textContent.includes({words:?})"),
        Duration::from_secs(10),
    )
}

/// The app's own router: a link changes the page without reloading it (the page's state
/// survives), marks the current tab, starts the new page at its top, and Back and
/// Forward move through the pages visited.
#[test]
fn links_change_the_page_in_place_and_back_and_forward_follow() {
    let (server, mut browser, page) = start();
    let origin = server.origin();
    page.open(&mut browser, &format!("{origin}/learn")).unwrap();
    page.eval(
        &mut browser,
        "window.samePage = true; window.scrollTo(0, 400); true",
    )
    .unwrap();
    page.click(&mut browser, ".bottom-nav a[href$='/reminders']")
        .unwrap();
    wait_heading(&page, &mut browser, "Moisturising reminders").unwrap();
    let state = page
        .eval(
            &mut browser,
            "({ same: window.samePage === true, path: location.pathname, top: window.scrollY,
                current: document.querySelector('.bottom-nav [aria-current=page]')?.textContent })",
        )
        .unwrap();
    assert_eq!(state["same"], json!(true), "the page reloaded: {state}");
    assert_eq!(state["path"], json!("/reminders"));
    assert_eq!(state["top"], json!(0), "{state}");
    assert!(
        state["current"].as_str().unwrap_or("").contains("Remind"),
        "{state}"
    );
    // The tab of the page already shown adds no history entry.
    let entries = page.eval(&mut browser, "history.length").unwrap();
    page.click(&mut browser, ".bottom-nav a[href$='/reminders']")
        .unwrap();
    browser.pump(Duration::from_millis(200)).unwrap();
    assert_eq!(page.eval(&mut browser, "history.length").unwrap(), entries);

    page.eval(&mut browser, "history.back(); true").unwrap();
    wait_heading(&page, &mut browser, "Why legs hurt in bed")
        .expect("Back shows the previous page");
    page.eval(&mut browser, "history.forward(); true").unwrap();
    wait_heading(&page, &mut browser, "Moisturising reminders").expect("Forward shows it again");
    // A link inside a page, with a parameter, and the same page still.
    page.click(&mut browser, ".bottom-nav a[href$='/learn']")
        .unwrap();
    wait_heading(&page, &mut browser, "Why legs hurt in bed").unwrap();
    page.click(&mut browser, "main a[href$='/learn/neuropathy']")
        .unwrap();
    wait_heading(&page, &mut browser, "neuropathy").unwrap();
    assert_eq!(
        page.eval(&mut browser, "window.samePage === true").unwrap(),
        json!(true)
    );
}

/// Deployed under a sub-path (what `trunk build --public-url /legs/` writes: the `<base>`
/// and Trunk's own asset links): pages, links, chunks and the worker all stay under it.
#[test]
fn the_app_works_under_a_sub_path() {
    let root = e2e::fresh_dir("subpath");
    let app = root.join("legs");
    e2e::copy_tree(&e2e::dist_dir(), &app).unwrap();
    // Every page: the shell and each prerendered one (whose links a real --public-url build
    // would also carry under /legs/).
    for page_file in e2e::html_files(&app) {
        let html = std::fs::read_to_string(&page_file).unwrap();
        assert!(
            html.contains("<base href=/>"),
            "Trunk's base tag changed form"
        );
        let html = html
            .replace("<base href=/>", "<base href=/legs/>")
            .replace("href=/main-", "href=/legs/main-")
            .replace("href=\"/", "href=\"/legs/");
        std::fs::write(&page_file, html).unwrap();
    }
    // As that build would: the worker lists the pages as they now are (it checks each).
    let template = std::fs::read_to_string(e2e::workspace_root().join("public/sw.js")).unwrap();
    xtask::post_build::write_service_worker_from(&app, &template).unwrap();
    let server = StaticServer::start(&root);
    let mut browser = Browser::launch().unwrap();
    let page = browser.new_page().unwrap();
    let origin = server.origin();

    page.open(&mut browser, &format!("{origin}/legs/")).unwrap();
    assert!(heading(&page, &mut browser).contains("Tonight"));
    let quiz_link = page
        .eval(
            &mut browser,
            "document.querySelector('.bottom-nav a[href$=\"quiz\"]').getAttribute('href')",
        )
        .unwrap();
    assert_eq!(quiz_link, json!("/legs/quiz"));
    page.click(&mut browser, ".bottom-nav a[href='/legs/quiz']")
        .unwrap();
    page.wait_for(
        &mut browser,
        "document.querySelector('main h1')?.textContent.includes('Symptom check') && location.pathname === '/legs/quiz'",
        Duration::from_secs(10),
    )
    .unwrap();
    page.open(&mut browser, &format!("{origin}/legs/learn/neuropathy"))
        .unwrap();
    wait_heading(&page, &mut browser, "neuropathy").unwrap();
    let scope = page
        .eval(
            &mut browser,
            "navigator.serviceWorker.ready.then(r => new URL(r.scope).pathname)",
        )
        .unwrap();
    assert_eq!(scope, json!("/legs/"));
    let problems = page.problems(&browser.take_events());
    assert!(problems.is_empty(), "{problems:#?}");
    let outside: Vec<String> = server
        .requests
        .lock()
        .unwrap()
        .iter()
        .filter(|path| !path.starts_with("/legs/"))
        .cloned()
        .collect();
    assert!(outside.is_empty(), "requests outside /legs/: {outside:?}");
    drop(browser);
    let _ = std::fs::remove_dir_all(&root);
}

/// A PNG's width and height, from its header.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let int = |at: usize| Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    (bytes.starts_with(b"\x89PNG")).then_some(())?;
    Some((int(16)?, int(20)?))
}

/// Issue 27: a long press on the icon offers the three bedtime tasks; the install sheet has
/// two screenshots; every picture the manifest names is in the build at its stated size.
#[test]
fn the_manifest_has_shortcuts_and_two_screenshots_that_exist() {
    let dist = e2e::dist_dir();
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dist.join("manifest.webmanifest")).unwrap())
            .unwrap();
    let shortcuts: Vec<&str> = manifest["shortcuts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["url"].as_str().unwrap())
        .collect();
    assert_eq!(shortcuts, ["./tonight", "./foot-check", "./quiz"]);
    for url in &shortcuts {
        let page = dist.join(url.trim_start_matches("./")).join("index.html");
        assert!(page.is_file(), "{url}: no prerendered page");
    }
    let screenshots = manifest["screenshots"].as_array().unwrap();
    assert_eq!(screenshots.len(), 2);
    let pictures = manifest["icons"]
        .as_array()
        .unwrap()
        .iter()
        .chain(screenshots)
        .chain(
            manifest["shortcuts"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|s| s["icons"].as_array().unwrap()),
        );
    for picture in pictures {
        let src = picture["src"].as_str().unwrap();
        let bytes = std::fs::read(dist.join(src)).unwrap_or_else(|e| panic!("{src}: {e}"));
        if let Some((width, height)) = png_size(&bytes) {
            assert_eq!(
                picture["sizes"],
                json!(format!("{width}x{height}")),
                "{src}"
            );
        } else {
            assert!(src.ends_with(".svg"), "{src} is neither PNG nor SVG");
        }
    }
}
