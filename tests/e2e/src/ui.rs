//! Steps a person takes in the app, shared by the suites.

use crate::cdp::{Browser, Page};
use serde_json::{json, Value};
use std::path::Path;
use std::time::Duration;

/// Clicks each choice whose label contains the text and checks it ends up `want`.
pub fn toggle(page: &Page, browser: &mut Browser, labels: &[&str], want: bool) {
    for label in labels {
        let script = format!(
            "(() => {{ const l = [...document.querySelectorAll('label.choice')].find(l => l.textContent.includes({label:?}));
                 if (!l) return 'missing'; l.querySelector('input').click(); return l.querySelector('input').checked; }})()"
        );
        let checked = page.eval(browser, &script).unwrap();
        assert_eq!(checked, json!(want), "choice {label:?}");
    }
}

pub fn pick(page: &Page, browser: &mut Browser, labels: &[&str]) {
    toggle(page, browser, labels, true);
}

pub fn heading(page: &Page, browser: &mut Browser) -> String {
    page.text(browser, "main h1").unwrap()
}

/// Clicks the enabled button or link in `main` whose text is exactly `text`.
pub fn click_button(page: &Page, browser: &mut Browser, text: &str) {
    let script = format!(
        "(() => {{ const b = [...document.querySelectorAll('main button, main a')].find(b => b.textContent.trim() === {text:?});
             if (!b || b.disabled) return false; b.click(); return true; }})()"
    );
    assert_eq!(
        page.eval(browser, &script).unwrap(),
        json!(true),
        "button {text:?}"
    );
}

/// Answers the current question and waits for the next heading.
pub fn answer(page: &Page, browser: &mut Browser, labels: &[&str]) {
    let before = heading(page, browser);
    pick(page, browser, labels);
    click_button(page, browser, "Next");
    page.wait_for(
        browser,
        &format!("document.querySelector('main h1') && document.querySelector('main h1').textContent !== {before:?}"),
        Duration::from_secs(5),
    )
    .unwrap_or_else(|e| panic!("after answering {labels:?} on {before:?}: {e}"));
}

/// The adults-only question's answer for an adult, the check's first screen.
pub const ADULT: &str = "Yes, 16 or over";

/// Opens the check and starts it: returns on the adults-only question.
pub fn open_quiz(page: &Page, browser: &mut Browser, origin: &str) {
    page.open(browser, &format!("{origin}/quiz")).unwrap();
    click_button(page, browser, "Start the check");
    page.wait_for(
        browser,
        "document.querySelector('fieldset.question')",
        Duration::from_secs(5),
    )
    .unwrap();
}

/// Opens the check and answers the adults-only question for an adult: returns on the first
/// warning-sign screen.
pub fn begin_quiz(page: &Page, browser: &mut Browser, origin: &str) {
    open_quiz(page, browser, origin);
    answer(page, browser, &[ADULT]);
}

/// Clicks `button` and waits for the next screen (a new heading).
pub fn next_screen(page: &Page, browser: &mut Browser, button: &str) {
    let before = heading(page, browser);
    click_button(page, browser, button);
    page.wait_for(
        browser,
        &format!("document.querySelector('main h1').textContent !== {before:?}"),
        Duration::from_secs(5),
    )
    .unwrap_or_else(|e| panic!("after {before:?}: {e}"));
}

/// Answers each question in turn, then opens the result and waits for its banner.
pub fn answer_all_and_see_result(page: &Page, browser: &mut Browser, answers: &[&[&str]]) {
    for labels in answers {
        answer(page, browser, labels);
    }
    assert_eq!(heading(page, browser), "Check your answers");
    click_button(page, browser, "See my result");
    page.wait_for(
        browser,
        "document.querySelector('.urgency-banner')",
        Duration::from_secs(5),
    )
    .unwrap();
}

/// The answers, screen by screen after the adults-only question, of a person with cracked
/// heels and nothing worse.
pub const CRACKED_HEELS_ANSWERS: [&[&str]; 15] = [
    &["None of these"],
    &["None of these"],
    &["A sharp, stinging spot"],
    &["Both legs"],
    &["Pain, burning"],
    &["Not sure"],
    &["At night in general"],
    &["Neither of these"],
    &["No"],
    &["No, or not sure"],
    &["My feet do not hurt when I stand"],
    &["Cracks in the skin"],
    &["No"],
    &["It is new"],
    &["None of these"],
];

/// Answers each question by what its heading asks (the first entry whose text the heading
/// contains) until "Check your answers": for a path whose branches a test need not spell out.
pub fn answer_by_heading(page: &Page, browser: &mut Browser, answers: &[(&str, &[&str])]) {
    for _ in 0..40 {
        let asked = heading(page, browser);
        if asked == "Check your answers" {
            return;
        }
        let (_, labels) = answers
            .iter()
            .find(|(asks, _)| asked.contains(asks))
            .unwrap_or_else(|| panic!("no answer for {asked:?}"));
        answer(page, browser, labels);
    }
    panic!("the check did not end");
}

/// Sciatica that fits well, with pain severe enough to keep the person from lying still:
/// poor blood flow then "fits a little" (issue 26, item 7).
pub const SEVERE_SCIATICA: &[(&str, &[&str])] = &[
    ("since this pain started", &["None of these"]),
    ("apply to you now", &["None of these"]),
    ("Where do you feel it", &["From the buttock"]),
    ("one leg or both", &["One leg only"]),
    ("run down from your back", &["No"]),
    ("most like", &["Pain, burning"]),
    ("feel like", &["A dull ache", "Severe"]),
    ("hands", &["No"]),
    ("When is it worse", &["In any position"]),
    ("legs are up", &["Neither of these"]),
    ("hang down", &["No"]),
    ("leaning forward", &["No, or not sure"]),
    ("during the day", &["None of these"]),
    ("feet and ankles", &["None of these"]),
    ("back and hips", &["None of these"]),
    ("How long", &["For months"]),
    ("Last: do any", &["None of these"]),
];

/// A whole check with the answers for cracked heels; returns on the result page.
pub fn finish_cracked_heels_quiz(page: &Page, browser: &mut Browser, origin: &str) {
    begin_quiz(page, browser, origin);
    answer_all_and_see_result(page, browser, &CRACKED_HEELS_ANSWERS);
}

/// Every `lan.*` key and value in local storage, sorted.
pub fn app_storage(page: &Page, browser: &mut Browser) -> Vec<(String, String)> {
    let value = page
        .eval(
            browser,
            "Object.keys(localStorage).filter(k => k.startsWith('lan.')).sort().map(k => [k, localStorage.getItem(k)])",
        )
        .unwrap();
    value
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|row| {
                    (
                        row[0].as_str().unwrap_or("").to_string(),
                        row[1].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Chooses `files` in the file input at `selector`, as a person picking them would.
pub fn set_files(page: &Page, browser: &mut Browser, selector: &str, files: &[String]) {
    let document = page.call(browser, "DOM.getDocument", json!({})).unwrap();
    let node = page
        .call(
            browser,
            "DOM.querySelector",
            json!({ "nodeId": document["root"]["nodeId"], "selector": selector }),
        )
        .unwrap();
    page.call(
        browser,
        "DOM.setFileInputFiles",
        json!({ "nodeId": node["nodeId"], "files": files }),
    )
    .unwrap();
}

pub fn set_file(page: &Page, browser: &mut Browser, selector: &str, path: &std::path::Path) {
    set_files(page, browser, selector, &[path.display().to_string()]);
}

/// Lets the browser save downloads, without asking, into `dir`.
pub fn allow_downloads(browser: &mut Browser, dir: &std::path::Path) {
    browser
        .call(
            None,
            "Browser.setDownloadBehavior",
            json!({ "behavior": "allow", "downloadPath": dir.display().to_string() }),
        )
        .unwrap();
}

/// Presses `ask` (a button with a question behind it, `components::ConfirmFirst`), checks
/// the focus lands on the answer that changes nothing, gives that answer, and checks the
/// focus is back on `ask`.
pub fn ask_then_keep(page: &Page, browser: &mut Browser, ask: &str) {
    page.click(browser, ask).unwrap();
    page.wait_for(
        browser,
        "document.activeElement.matches('.confirm .button.secondary')",
        Duration::from_secs(3),
    )
    .unwrap_or_else(|e| panic!("the question behind {ask} did not take the focus: {e}"));
    page.click(browser, ".confirm .button.secondary").unwrap();
    page.wait_for(
        browser,
        &format!("document.activeElement.matches({ask:?})"),
        Duration::from_secs(3),
    )
    .unwrap_or_else(|e| panic!("the focus did not come back to {ask}: {e}"));
}

/// What IndexedDB holds: each record's id, description, picture type and size, the
/// picture's bytes in base64, and a hash of its decoded pixels.
const STORED: &str = "new Promise((done, fail) => {
  const open = indexedDB.open('legs-at-night');
  open.onerror = () => fail(open.error);
  open.onsuccess = () => {
    const all = open.result.transaction('photos').objectStore('photos').getAll();
    all.onsuccess = async () => {
      const out = [];
      for (const r of all.result) {
        const bytes = new Uint8Array(await r.image.arrayBuffer());
        let binary = ''; for (const b of bytes) binary += String.fromCharCode(b);
        const bitmap = await createImageBitmap(r.image);
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const context = canvas.getContext('2d'); context.drawImage(bitmap, 0, 0);
        const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
        let hash = 0; for (let i = 0; i < pixels.length; i++) hash = (hash * 31 + pixels[i]) >>> 0;
        out.push({ id: r.id, meta: JSON.parse(r.meta), type: r.image.type, base64: btoa(binary),
                   width: bitmap.width, height: bitmap.height, pixels: hash });
      }
      open.result.close();
      done(out);
    };
  };
})";

pub fn stored_photos(page: &Page, browser: &mut Browser) -> Vec<Value> {
    page.eval(browser, STORED)
        .unwrap()
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// The bytes of the first file in `dir` ending in `.extension` that `complete` accepts:
/// Chromium may create a download before it has finished writing it.
pub fn downloaded(
    dir: &Path,
    extension: &str,
    within: Duration,
    complete: impl Fn(&[u8]) -> bool,
) -> Vec<u8> {
    let deadline = std::time::Instant::now() + within;
    loop {
        let found = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|x| x == extension));
        if let Some(bytes) = found
            .and_then(|f| std::fs::read(f).ok())
            .filter(|b| complete(b))
        {
            return bytes;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no complete .{extension} in {dir:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A zip is complete once its end-of-directory record is there.
pub fn downloaded_zip(dir: &Path) -> Vec<u8> {
    downloaded(dir, "zip", Duration::from_secs(30), |bytes| {
        bytes.windows(4).rev().take(200).any(|w| w == b"PK\x05\x06")
    })
}

/// Fills this origin's local storage until not one more character fits, as a phone whose
/// space ran out; returns the error's name (`QuotaExceededError`).
pub fn fill_local_storage(page: &Page, browser: &mut Browser) -> Value {
    page.eval(
        browser,
        "(() => { let name = ''; for (const size of [1 << 20, 1 << 16, 1 << 10, 64, 1]) {
             try { for (let i = 0; ; i++) localStorage.setItem('filler-' + size + '-' + i, 'x'.repeat(size)); }
             catch (e) { name = e.name; } }
             // Grow one value until not a single character more fits.
             let grown = localStorage.getItem('filler-1-0') || '';
             // With no room even for its name, the last filler may not exist yet.
             try { localStorage.setItem('filler-1-0', grown); } catch (e) { return name; }
             for (;;) { try { localStorage.setItem('filler-1-0', grown + 'x'); grown += 'x'; } catch (e) { break; } }
             return name; })()",
    )
    .unwrap()
}

/// Settings' export: "Export my data" shows what the file will hold; "Save the file" saves
/// it. Returns the preview's text.
pub fn export_data(page: &Page, browser: &mut Browser) -> String {
    click_button(page, browser, "Export my data");
    page.wait_for(
        browser,
        "document.querySelector('.export-preview button:last-child')",
        std::time::Duration::from_secs(15),
    )
    .expect("what the backup will hold");
    let preview = page.text(browser, ".export-preview").unwrap();
    click_button(page, browser, "Save the file");
    preview
}

/// Settings' import with the preview shown: picks "Merge" or "Replace" and imports; Replace
/// first says what it deletes, and that question is answered "Replace and delete". Returns
/// that question's text ("" for Merge).
pub fn import_as(page: &Page, browser: &mut Browser, mode: &str) -> String {
    pick(page, browser, &[mode]);
    click_button(page, browser, "Import");
    if !mode.starts_with("Replace") {
        return String::new();
    }
    page.wait_for(
        browser,
        "document.querySelector('.confirm-replace button.danger')",
        std::time::Duration::from_secs(10),
    )
    .expect("Replace says what it deletes first");
    let question = page.text(browser, ".confirm-replace").unwrap();
    crate::checked_screenshot(page, browser, "storage", "replace-asks-first");
    click_button(page, browser, "Replace and delete");
    question
}

/// From the next page load on, `indexedDB` throws as a browser that refuses it does
/// (Firefox's old private mode, site data turned off) while `sessionStorage`'s
/// `lan-test-block-idb` is "1"; `set_indexed_db_blocked` flips it in the page.
pub fn can_block_indexed_db(page: &Page, browser: &mut Browser) {
    let source = "(() => { const real = window.indexedDB;
        Object.defineProperty(window, 'indexedDB', { configurable: true, get() {
            if (sessionStorage.getItem('lan-test-block-idb') === '1') {
                throw new DOMException('IndexedDB is blocked by the test', 'SecurityError');
            }
            return real;
        } }); })();";
    page.call(
        browser,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": source }),
    )
    .unwrap();
}

pub fn set_indexed_db_blocked(page: &Page, browser: &mut Browser, blocked: bool) {
    let value = if blocked { "1" } else { "0" };
    page.eval(
        browser,
        &format!("sessionStorage.setItem('lan-test-block-idb', '{value}')"),
    )
    .unwrap();
}

/// Puts a photo record straight into the app's IndexedDB store, creating it as the app does.
pub fn put_photo_record(page: &Page, browser: &mut Browser, id: u64) {
    let script = format!(
        "new Promise((done, fail) => {{ const o = indexedDB.open('legs-at-night', 1);
            o.onupgradeneeded = () => {{ o.result.createObjectStore('photos', {{ keyPath: 'id' }});
                o.result.createObjectStore('photos-set-aside', {{ autoIncrement: true }}); }};
            o.onsuccess = () => {{ const tx = o.result.transaction('photos', 'readwrite');
                tx.objectStore('photos').put({{ id: {id}, taken: {id}, area: 'left_heel' }});
                tx.oncomplete = () => {{ o.result.close(); done(true); }}; tx.onerror = () => fail(String(tx.error)); }};
            o.onerror = () => fail(String(o.error)); }})"
    );
    assert_eq!(page.eval(browser, &script).unwrap(), json!(true));
}

/// How many records the app's photo store holds, kept or set aside as unreadable.
pub fn photo_record_count(page: &Page, browser: &mut Browser) -> u64 {
    page.eval(
        browser,
        "new Promise(done => { const o = indexedDB.open('legs-at-night');
            o.onsuccess = () => { const db = o.result;
                if (!db.objectStoreNames.contains('photos')) { db.close(); return done(0); }
                const t = db.transaction(['photos', 'photos-set-aside']);
                const a = t.objectStore('photos').count(), b = t.objectStore('photos-set-aside').count();
                t.oncomplete = () => { db.close(); done(a.result + b.result); }; };
            o.onerror = () => done(-1); })",
    )
    .unwrap()
    .as_u64()
    .expect("a count")
}

/// Chooses `file` in Settings' import and waits for its preview; returns the preview's text.
pub fn preview_import(page: &Page, browser: &mut Browser, file: &Path) -> String {
    set_file(page, browser, "#import-file", file);
    page.wait_for(
        browser,
        "document.querySelector('.import-preview')",
        Duration::from_secs(5),
    )
    .expect("the import's preview");
    page.text(browser, ".import-preview").unwrap()
}

/// After `import_as`: waits for the import's own message and returns the section's text.
pub fn imported(page: &Page, browser: &mut Browser) -> String {
    page.wait_for(
        browser,
        "[...document.querySelectorAll('.import [role=status]')].some(s => s.textContent.startsWith('Imported'))",
        Duration::from_secs(5),
    )
    .expect("the import's message");
    page.text(browser, ".import").unwrap()
}

/// On the emergency page: "I have called: carry on with the questions", then waits for the
/// question whose heading holds `heading_words`.
pub fn carry_on_after_emergency(page: &Page, browser: &mut Browser, heading_words: &str) {
    click_button(page, browser, "I have called: carry on with the questions");
    page.wait_for(
        browser,
        &format!("document.querySelector('main h1')?.textContent.includes({heading_words:?})"),
        Duration::from_secs(3),
    )
    .expect("the question again");
}

/// Stores the display settings as the app does (`lan.settings`, schema 1); the next page
/// load applies them.
pub fn store_settings(page: &Page, browser: &mut Browser, theme: &str, text_size: &str) {
    let value = json!({ "schema": 1, "data": { "theme": theme, "text_size": text_size } });
    put_settings(page, browser, &value);
}

/// Stores where the person lives (`lan.settings`, schema 2), at the default display; the
/// next page load uses that region's numbers.
pub fn store_region(page: &Page, browser: &mut Browser, code: &str) {
    let value = json!({ "schema": 2, "data": { "theme": "auto", "text_size": "standard", "region": code } });
    put_settings(page, browser, &value);
}

fn put_settings(page: &Page, browser: &mut Browser, value: &Value) {
    page.eval(
        browser,
        &format!(
            "localStorage.setItem('lan.settings', {:?})",
            value.to_string()
        ),
    )
    .unwrap();
}

/// Every `tel:` link in `within`, as [href, text].
pub fn tel_links(page: &Page, browser: &mut Browser, within: &str) -> Value {
    page.eval(
        browser,
        &format!(
            "[...document.querySelectorAll({:?})].map(a => [a.getAttribute('href'), a.textContent.trim()])",
            format!("{within} a[href^='tel:']")
        ),
    )
    .unwrap()
}

/// From Home, opens tonight's check-in and waits for its first step.
pub fn start_check_in(page: &Page, browser: &mut Browser, origin: &str) {
    page.open(browser, &format!("{origin}/")).unwrap();
    click_button(page, browser, "Start tonight's check-in");
    page.wait_for(
        browser,
        "document.querySelector('.pain-score')",
        Duration::from_secs(5),
    )
    .expect("the check-in's first step");
}
