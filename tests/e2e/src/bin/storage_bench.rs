//! Storage benchmark: ten years of nightly use (a diary entry, a foot check and two
//! reminder completions a day), encoded exactly as the app stores it. Prints the stored
//! bytes, then the app's start-up time (to its `lan-app-mounted` mark) in headless
//! Chromium with that data against an empty profile, measured in the same run.
//! Run: `cargo run -p e2e --bin storage_bench` after a release build (scripts/bench does both).

use e2e::cdp::Browser;
use e2e::server::StaticServer;
use legs_core::storage::{envelope, keys};
use std::time::Duration;

const DAYS: i64 = 3_652;
const FIRST_DAY: i64 = 20_786 - DAYS;
const RUNS: usize = 7;

fn synthetic() -> Vec<(&'static str, String)> {
    let e2e::synthetic::Nights {
        diary,
        checks,
        reminders,
    } = e2e::synthetic::nights(FIRST_DAY + DAYS, DAYS);
    vec![
        (
            keys::DIARY.name,
            envelope::encode(keys::DIARY.schema, &diary).unwrap(),
        ),
        (
            keys::FOOT_CHECKS.name,
            envelope::encode(keys::FOOT_CHECKS.schema, &checks).unwrap(),
        ),
        (
            keys::REMINDERS.name,
            envelope::encode(keys::REMINDERS.schema, &reminders).unwrap(),
        ),
    ]
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values[values.len() / 2]
}

/// Marks `lan-diary-shown` when the diary page is in the document; installed by DevTools
/// before the app's own scripts, so it sees the first render of the page's chunk.
const DIARY_SHOWN_MARK: &str = "new MutationObserver((_, observer) => {
    if (document.querySelector('main .page.diary h1')) {
        performance.mark('lan-diary-shown');
        observer.disconnect();
    }
}).observe(document, { childList: true, subtree: true });";

/// ms from navigation start to `mark`, for each of `RUNS` loads of `url`. Home renders
/// as the app mounts (`lan-app-mounted`); other pages come after their chunk.
fn startup_times(page: &e2e::cdp::Page, browser: &mut Browser, url: &str, mark: &str) -> Vec<f64> {
    (0..RUNS)
        .map(|_| {
            page.open(browser, url).expect("open");
            mark_time(page, browser, mark)
        })
        .collect()
}

/// When the performance mark `name` was set, in ms since navigation, once it is.
fn mark_time(page: &e2e::cdp::Page, browser: &mut Browser, name: &str) -> f64 {
    page.wait_for(
        browser,
        &format!("performance.getEntriesByName('{name}').length > 0"),
        Duration::from_secs(20),
    )
    .expect(name);
    page.eval(
        browser,
        &format!("performance.getEntriesByName('{name}')[0].startTime"),
    )
    .unwrap()
    .as_f64()
    .unwrap_or(f64::NAN)
}

/// ms from a tap on Home's diary link to the diary on screen, `wait` after Home appeared.
fn tap_to_diary(page: &e2e::cdp::Page, browser: &mut Browser, home: &str, wait: Duration) -> f64 {
    let times: Vec<f64> = (0..RUNS)
        .map(|_| {
            page.open(browser, home).expect("open Home");
            browser.pump(wait).expect("wait");
            let tapped = page
                .eval(
                    browser,
                    "(() => { const t = performance.now();
                        document.querySelector('main a[href$=\"/diary\"]').click(); return t; })()",
                )
                .unwrap()
                .as_f64()
                .unwrap_or(f64::NAN);
            let shown = mark_time(page, browser, "lan-diary-shown");
            shown - tapped
        })
        .collect();
    median(times)
}

fn main() {
    let data = synthetic();
    let total: usize = data.iter().map(|(_, v)| v.len()).sum();
    println!("ten years of nightly use ({DAYS} days):");
    for (key, value) in &data {
        println!("  {key:<18} {:>9} bytes", value.len());
    }
    println!(
        "  {:<18} {:>9} bytes ({:.2} MB; budget 1 MB: {})",
        "total",
        total,
        total as f64 / 1e6,
        if total < 1_000_000 { "met" } else { "NOT met" }
    );

    let server = StaticServer::start(&e2e::dist_dir());
    let mut browser = Browser::launch().expect("Chromium");
    let page = browser.new_page().expect("tab");
    page.call(
        &mut browser,
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({ "source": DIARY_SHOWN_MARK }),
    )
    .expect("install the diary mark");
    let home = format!("{}/", server.origin());
    let diary = format!("{}/diary", server.origin());
    // A returning user: the worker has installed and serves every file from its cache.
    page.open(&mut browser, &home).expect("first visit");
    page.eval(
        &mut browser,
        "navigator.serviceWorker.ready.then(() => true)",
    )
    .expect("service worker ready");
    let measure = |page: &e2e::cdp::Page, browser: &mut Browser| {
        (
            median(startup_times(page, browser, &home, "lan-app-mounted")),
            median(startup_times(page, browser, &diary, "lan-diary-shown")),
        )
    };
    let (empty_home, empty_diary) = measure(&page, &mut browser);
    for (key, value) in &data {
        page.eval(
            &mut browser,
            &format!("localStorage.setItem({key:?}, {value:?}); true"),
        )
        .expect("store");
    }
    let (full_home, full_diary) = measure(&page, &mut browser);
    let rows = page
        .eval(
            &mut browser,
            "document.querySelectorAll('.diary-table tbody tr').length",
        )
        .unwrap();
    println!(
        "start-up with the worker installed, ms from navigation to the page shown, median of {RUNS} loads:"
    );
    println!("                      Home   /diary ({rows} rows)");
    println!("  empty profile     {empty_home:>6.1} {empty_diary:>8.1}");
    println!("  ten years of data {full_home:>6.1} {full_diary:>8.1}");
    println!(
        "  ratio             {:>6.2} {:>8.2}",
        full_home / empty_home,
        full_diary / empty_diary
    );
    let cold = tap_to_diary(&page, &mut browser, &home, Duration::ZERO);
    let warm = tap_to_diary(&page, &mut browser, &home, Duration::from_secs(4));
    println!("tap on Home's diary link to the diary shown (ten years of data), median of {RUNS}:");
    println!("  at once after start {cold:>8.1} ms");
    println!("  4 s after start     {warm:>8.1} ms (pages loaded ahead in the background)");
}
