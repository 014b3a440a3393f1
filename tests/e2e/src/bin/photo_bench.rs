//! Photo benchmark: a year of nightly photos (365), each a 12-megapixel picture the size a
//! phone camera makes, kept through the app's own file input in headless Chromium; then
//! the Photos section listed, a year's small pictures shown, and one photo opened. Prints
//! the times (store once; list, show and open as the median of `RUNS` page loads), the
//! page's JavaScript heap, and the space the photos take.
//! Run: `cargo run -p e2e --bin photo_bench` after a release build (scripts/bench-photos).

use e2e::cdp::{Browser, Page};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;

const PHOTOS: usize = 365;
const RUNS: usize = 3;

/// A 4032 x 3024 BMP with skin-like tones, broad shapes and fine grain, so that its JPEG
/// copies are about as large as a real photo's (a flat test card would compress to nothing).
fn phone_picture(dir: &Path) -> PathBuf {
    let path = dir.join("sole.bmp");
    let mut seed = 7u32;
    e2e::write_bmp(&path, 4032, 3024, |x, y| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let grain = ((seed >> 16) % 24) as i32 - 12;
        let shade = (((x as f32 / 300.0).sin() + (y as f32 / 220.0).cos()) * 30.0) as i32;
        let channel = |base: i32| (base + shade + grain).clamp(0, 255) as u8;
        [channel(120), channel(150), channel(200)]
    });
    path
}

fn eval(page: &Page, browser: &mut Browser, script: &str) -> Value {
    page.eval(browser, script)
        .unwrap_or_else(|e| panic!("{script}: {e}"))
}

/// Space the site's data takes, in bytes.
fn usage(page: &Page, browser: &mut Browser) -> f64 {
    eval(
        page,
        browser,
        "navigator.storage.estimate().then(e => e.usage)",
    )
    .as_f64()
    .unwrap_or(0.0)
}

/// Milliseconds from now in the page until `condition` holds, checked every frame.
const UNTIL: &str = "new Promise(done => { const start = performance.now();
  const look = () => (CONDITION) ? done(performance.now() - start) : requestAnimationFrame(look);
  ACTION; look(); })";

fn time_until(page: &Page, browser: &mut Browser, action: &str, condition: &str) -> f64 {
    let script = UNTIL
        .replace("CONDITION", condition)
        .replace("ACTION", action);
    eval(page, browser, &script).as_f64().unwrap_or(f64::NAN)
}

/// Installed before every page load: the moment each picture finishes loading, so that
/// "the first 30 shown" is timed from the app's start even when it is over before the test
/// gets to look.
const RECORD_LOADS: &str =
    "document.addEventListener('load', e => { e.target.__loadedAt = performance.now(); }, true);";

/// Milliseconds from the app's start (its `lan-app-mounted` mark) until `count` pictures in
/// `selector` have loaded.
fn from_app_start(page: &Page, browser: &mut Browser, selector: &str, count: usize) -> f64 {
    // `complete` comes a moment before the load event that stamps the time.
    let condition = format!(
        "{} && [...document.querySelectorAll({selector:?})].every(i => i.__loadedAt !== undefined)",
        all_loaded(selector, count)
    );
    let script = format!(
        "new Promise(done => {{ const look = () => ({condition})
            ? done(Math.max(...[...document.querySelectorAll({selector:?})].map(i => i.__loadedAt))
                - performance.getEntriesByName('lan-app-mounted')[0].startTime)
            : requestAnimationFrame(look); look(); }})"
    );
    eval(page, browser, &script).as_f64().unwrap_or(f64::NAN)
}

fn all_loaded(selector: &str, count: usize) -> String {
    format!(
        "document.querySelectorAll({selector:?}).length === {count} && [...document.querySelectorAll({selector:?})].every(i => i.complete && i.naturalWidth > 0)"
    )
}

fn js_heap_mb(page: &Page, browser: &mut Browser) -> f64 {
    let metrics = page
        .call(browser, "Performance.getMetrics", json!({}))
        .unwrap_or_default();
    metrics["metrics"]
        .as_array()
        .and_then(|m| m.iter().find(|m| m["name"] == "JSHeapUsedSize"))
        .and_then(|m| m["value"].as_f64())
        .unwrap_or(f64::NAN)
        / 1e6
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

fn main() {
    let dir = xtask::fresh_dir("photo-bench");
    let picture = phone_picture(&dir);
    let picture_bytes = std::fs::metadata(&picture).map(|m| m.len()).unwrap_or(0);
    let (server, mut browser, page) = e2e::start_app();
    let history = format!("{}/foot-check/history", server.origin());
    page.open(&mut browser, &history).expect("open the history");
    let _ = page.call(&mut browser, "Performance.enable", json!({}));
    let before = usage(&page, &mut browser);

    // Store: one pick of 365 pictures, as from a phone's gallery.
    eval(
        &page,
        &mut browser,
        "window.__benchStart = performance.now(); true",
    );
    let files = vec![picture.display().to_string(); PHOTOS];
    e2e::ui::set_files(&page, &mut browser, "#photo-input", &files);
    page.wait_for(
        &mut browser,
        &format!("document.querySelector('.photo-saved') && document.querySelector('.photo-saved').textContent.startsWith('{PHOTOS} photos kept')"),
        Duration::from_secs(3_600),
    )
    .expect("all photos kept");
    let store_ms = eval(
        &page,
        &mut browser,
        "performance.now() - window.__benchStart",
    )
    .as_f64()
    .unwrap_or(f64::NAN);
    let after = usage(&page, &mut browser);
    let own = eval(
        &page,
        &mut browser,
        "document.querySelector('.space-used').textContent",
    );

    let (mut list, mut show_all, mut open, mut heap) = (vec![], vec![], vec![], vec![]);
    page.call(
        &mut browser,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": RECORD_LOADS }),
    )
    .expect("record picture loads");
    for _ in 0..RUNS {
        page.open(&mut browser, &history)
            .expect("reopen the history");
        // From the app's start to the first 30 small pictures of the area on screen.
        list.push(from_app_start(
            &page,
            &mut browser,
            "#photos .photo-strip img",
            30,
        ));
        show_all.push(time_until(
            &page,
            &mut browser,
            "[...document.querySelectorAll('#photos button')].find(b => b.textContent.startsWith('Show all')).click()",
            &all_loaded("#photos .photo-strip img", PHOTOS),
        ));
        open.push(time_until(
            &page,
            &mut browser,
            "document.querySelector('#photos .photo-thumb').click()",
            &all_loaded(".zoom-frame img", 1),
        ));
        heap.push(js_heap_mb(&page, &mut browser));
    }
    let app_up = eval(
        &page,
        &mut browser,
        "performance.getEntriesByName('lan-app-mounted')[0]?.startTime ?? NaN",
    );
    println!("Photo benchmark: {PHOTOS} photos, each picked as a 4032 x 3024 picture ({:.1} MB), headless Chromium, this machine", picture_bytes as f64 / 1e6);
    println!(
        "store all {PHOTOS}: {:.1} s ({:.0} ms a photo)",
        store_ms / 1000.0,
        store_ms / PHOTOS as f64
    );
    println!("space: the app counts: {}", own.as_str().unwrap_or("?"));
    println!(
        "space: the browser counts {:.1} MB more ({:.0} KB a photo)",
        (after - before) / 1e6,
        (after - before) / 1e3 / PHOTOS as f64
    );
    println!(
        "median of {RUNS} page loads, after the app is up (it mounted at {app_up} ms in the last):"
    );
    println!(
        "  list, first 30 small pictures shown: {:.0} ms",
        median(list)
    );
    println!(
        "  show all {PHOTOS} small pictures: {:.0} ms",
        median(show_all)
    );
    println!("  open one photo full size: {:.0} ms", median(open));
    println!("  JS heap after all that: {:.1} MB", median(heap));
}
