//! Storage benchmark: ten years of nightly use (a diary entry, a foot check and two
//! reminder completions a day), encoded exactly as the app stores it. Prints the stored
//! bytes, then the app's start-up time (to its `lan-app-mounted` mark) in headless
//! Chromium with that data against an empty profile, measured in the same run.
//! Run: `cargo run -p e2e --bin storage_bench` after a release build (scripts/bench does both).

use e2e::cdp::Browser;
use e2e::server::StaticServer;
use legs_core::diary::model::{Entry, FeetToday, Helper, Place, Position};
use legs_core::foot_check::model::{Area, Draft, Foot, FootCheck, Mark, Temperature};
use legs_core::reminders::due::{Outcome, Reminders};
use legs_core::reminders::schedule::{Reminder, EVERY_DAY};
use legs_core::storage::{envelope, keys};
use std::time::Duration;

const DAYS: i64 = 3_652;
const FIRST_DAY: i64 = 20_786 - DAYS;
const RUNS: usize = 7;

/// A small deterministic generator, so every run stores the same bytes.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below
    }
}

fn synthetic() -> Vec<(&'static str, String)> {
    let mut rng = Lcg(42);
    let mut diary = Vec::new();
    let mut checks = Vec::new();
    let mut reminders = Reminders {
        list: vec![
            Reminder {
                id: 1,
                label: "Heels before bed".into(),
                time: 22 * 60,
                days: EVERY_DAY,
                enabled: true,
                since_day: FIRST_DAY,
            },
            Reminder {
                id: 2,
                label: "Soles after shower".into(),
                time: 8 * 60,
                days: EVERY_DAY,
                enabled: true,
                since_day: FIRST_DAY,
            },
        ],
        notify: true,
        ..Default::default()
    };
    for day in FIRST_DAY..FIRST_DAY + DAYS {
        let night_ms = day * 86_400_000 + 22 * 3_600_000;
        diary.push(Entry {
            night: day,
            pain: Some(rng.next(8) as u8),
            places: if rng.next(3) == 0 {
                vec![Place::HeelSkin, Place::Feet]
            } else {
                vec![Place::HeelSkin]
            },
            positions: if rng.next(2) == 0 {
                vec![Position::OnSide]
            } else {
                vec![]
            },
            helped: if rng.next(2) == 0 {
                vec![Helper::Emollient]
            } else {
                vec![]
            },
            feet: Some(if rng.next(4) == 0 {
                FeetToday::Cracks
            } else {
                FeetToday::Fine
            }),
            moisturized: rng.next(5) != 0,
            warnings: vec![],
            note: if rng.next(10) == 0 {
                "Woke up twice, heel stinging.".into()
            } else {
                String::new()
            },
        });
        let mut draft = Draft::new();
        for foot in Foot::BOTH {
            for area in Area::ALL {
                let mark = match rng.next(20) {
                    0 => vec![Mark::DryFlaky, Mark::Crack],
                    1 | 2 => vec![Mark::DryFlaky],
                    _ => vec![Mark::Fine],
                };
                draft.insert((foot, area), mark);
            }
        }
        checks.push(FootCheck::from_draft(
            night_ms as u64,
            Some(Temperature::Same),
            false,
            rng.next(3) == 0,
            &draft,
        ));
        reminders.record(1, day, Outcome::Done, night_ms + 300_000);
        reminders.record(2, day, Outcome::Done, night_ms - 14 * 3_600_000);
    }
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
