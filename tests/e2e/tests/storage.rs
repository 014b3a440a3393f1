//! What happens to the user's data in a real browser: unreadable values, blocked and full
//! storage, export and import, delete, and a second tab.

use e2e::cdp::{Browser, Page};
use e2e::server::StaticServer;
use e2e::ui::{self, app_storage, click_button, set_file};
use serde_json::json;
use std::time::Duration;

fn start() -> (StaticServer, Browser, Page) {
    e2e::start_app()
}

fn set_item(page: &Page, browser: &mut Browser, key: &str, value: &str) {
    page.eval(
        browser,
        &format!("localStorage.setItem({key:?}, {value:?})"),
    )
    .unwrap();
}

fn get_item(page: &Page, browser: &mut Browser, key: &str) -> Option<String> {
    page.eval(browser, &format!("localStorage.getItem({key:?})"))
        .unwrap()
        .as_str()
        .map(String::from)
}

fn choose_theme(page: &Page, browser: &mut Browser, label: &str) {
    ui::pick(page, browser, &[label]);
}

#[test]
fn garbage_under_each_key_is_set_aside_byte_for_byte_and_the_app_still_starts() {
    let (server, mut browser, page) = start();
    page.open(&mut browser, &format!("{}/", server.origin()))
        .unwrap();
    let garbage = [
        (
            "lan.settings",
            "{\"schema\":1,\"data\":{\"theme\":\"plaid\"}}",
        ),
        ("lan.quiz.progress", "not json at all \u{1F9B6}"),
        (
            "lan.quiz.results",
            "{\"schema\":1,\"data\":[{\"id\":\"x\"}]",
        ),
        (
            "lan.footchecks",
            "{\"schema\":2,\"data\":[{\"id\":1,\"seen\":\"all\"}]}",
        ),
        ("lan.reminders", "[1,2,3]"),
        (
            "lan.diary",
            "{\"schema\":1,\"data\":[{\"n\":1,\"p\":\"ten\"}]}",
        ),
    ];
    for (key, value) in garbage {
        set_item(&page, &mut browser, key, value);
    }
    browser.take_events();
    page.reload(&mut browser).unwrap();
    assert_eq!(ui::heading(&page, &mut browser), "Tonight");
    // Home reads only what it shows; each feature reads its data with its first page. The
    // reminders (stored here, so read at start) arrive with their code, just after the page.
    let count_notices = |page: &Page, browser: &mut Browser| {
        page.eval(browser, "document.querySelectorAll('.notice').length")
            .unwrap()
    };
    page.wait_for(
        &mut browser,
        "document.querySelectorAll('.notice').length >= 2",
        Duration::from_secs(5),
    )
    .expect("the settings' and the reminders' notices");
    assert_eq!(count_notices(&page, &mut browser), json!(2));
    for (key, value) in &garbage[1..4] {
        assert_eq!(
            get_item(&page, &mut browser, key).as_deref(),
            Some(*value),
            "{key} not read yet"
        );
    }
    assert_eq!(
        get_item(&page, &mut browser, "lan.diary").as_deref(),
        Some(garbage[5].1)
    );
    for (link, then_read) in [
        (".bottom-nav a[href$='/quiz']", 4),
        (".bottom-nav a[href$='/foot-check']", 5),
        (".top-bar a", 5),
        ("main a[href$='/diary']", 6),
    ] {
        page.click(&mut browser, link).unwrap();
        page.wait_for(
            &mut browser,
            &format!("document.querySelectorAll('.notice').length === {then_read}"),
            Duration::from_secs(5),
        )
        .unwrap_or_else(|e| panic!("after {link}: {e}"));
    }
    for (key, value) in garbage {
        assert_eq!(
            get_item(&page, &mut browser, &format!("{key}.quarantine.1")).as_deref(),
            Some(value),
            "{key}"
        );
        assert_eq!(
            get_item(&page, &mut browser, key),
            None,
            "{key} starts empty"
        );
    }
    assert_eq!(count_notices(&page, &mut browser), json!(garbage.len()));
    assert!(page
        .text(&mut browser, ".notices")
        .unwrap()
        .contains("Download the original"));
    let exceptions: Vec<_> = page
        .problems(&browser.take_events())
        .into_iter()
        .filter(|p| p.starts_with("exception"))
        .collect();
    assert!(exceptions.is_empty(), "{exceptions:#?}");
    page.screenshot(
        &mut browser,
        &e2e::workspace_root().join("tests/e2e/screenshots/storage/quarantine.png"),
    )
    .unwrap();

    // A second bad value later does not overwrite the first copy.
    set_item(&page, &mut browser, "lan.settings", "again broken");
    page.reload(&mut browser).unwrap();
    assert_eq!(
        get_item(&page, &mut browser, "lan.settings.quarantine.2").as_deref(),
        Some("again broken")
    );
    assert_eq!(
        get_item(&page, &mut browser, "lan.settings.quarantine.1").as_deref(),
        Some(garbage[0].1)
    );
}

#[test]
fn data_from_a_newer_version_is_left_untouched() {
    let (server, mut browser, page) = start();
    page.open(&mut browser, &format!("{}/settings", server.origin()))
        .unwrap();
    let newer = "{\"schema\":99,\"data\":{\"theme\":\"dark\",\"sparkle\":true}}";
    set_item(&page, &mut browser, "lan.settings", newer);
    page.reload(&mut browser).unwrap();
    assert!(page
        .text(&mut browser, ".notices")
        .unwrap()
        .contains("newer version"));
    choose_theme(&page, &mut browser, "Light");
    browser.pump(Duration::from_millis(200)).unwrap();
    assert_eq!(
        get_item(&page, &mut browser, "lan.settings").as_deref(),
        Some(newer)
    );
}

#[test]
fn blocked_storage_runs_in_memory_with_a_warning_that_stays() {
    let (server, mut browser, page) = start();
    page.call(
        &mut browser,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });" }),
    )
    .unwrap();
    page.open(&mut browser, &format!("{}/", server.origin()))
        .unwrap();
    let warning = page.text(&mut browser, ".notice.persistent").unwrap();
    assert!(warning.contains("not keeping data"), "{warning}");
    let dismiss = page
        .eval(
            &mut browser,
            "!!document.querySelector('.notice.persistent button')",
        )
        .unwrap();
    assert_eq!(dismiss, json!(false), "no way to dismiss it");
    // The quiz still works, in memory.
    ui::begin_quiz(&page, &mut browser, &server.origin());
    ui::answer(&page, &mut browser, &["None of these"]);
    assert!(ui::heading(&page, &mut browser).contains("Do any of these"));
}

#[test]
fn full_storage_says_so_and_keeps_the_previous_value() {
    let (server, mut browser, page) = start();
    page.open(&mut browser, &format!("{}/settings", server.origin()))
        .unwrap();
    choose_theme(&page, &mut browser, "Night");
    let before = get_item(&page, &mut browser, "lan.settings").unwrap();
    assert!(before.contains("dark"));
    let filled = ui::fill_local_storage(&page, &mut browser);
    assert_eq!(filled, json!("QuotaExceededError"));
    choose_theme(&page, &mut browser, "Light");
    page.wait_for(
        &mut browser,
        "document.querySelector('.notice')",
        Duration::from_secs(3),
    )
    .unwrap();
    assert!(page.text(&mut browser, ".notice").unwrap().contains("full"));
    assert_eq!(
        get_item(&page, &mut browser, "lan.settings").as_deref(),
        Some(before.as_str())
    );
}

#[test]
fn export_then_import_gives_identical_data_and_bad_files_change_nothing() {
    let (server, mut browser, page) = start();
    ui::finish_cracked_heels_quiz(&page, &mut browser, &server.origin());
    page.open(&mut browser, &format!("{}/settings", server.origin()))
        .unwrap();
    choose_theme(&page, &mut browser, "Night");
    let original = app_storage(&page, &mut browser);
    assert_eq!(original.len(), 2, "{original:?}");

    let downloads = e2e::fresh_dir("downloads");
    e2e::ui::allow_downloads(&mut browser, &downloads);
    click_button(&page, &mut browser, "Export my data");
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let exported = loop {
        let found = std::fs::read_dir(&downloads)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.extension().is_some_and(|x| x == "json"));
        // Chromium may create the file before it has finished writing it.
        let complete = found
            .as_ref()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .filter(|t| t.trim_end().ends_with('}'));
        if let (Some(found), Some(text)) = (found, complete) {
            break (found, text);
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no complete export file"
        );
        browser.pump(Duration::from_millis(100)).unwrap();
    };
    let (exported, text) = exported;
    assert!(text.contains("\"app\": \"legs-at-night\""), "{text}");

    // Bad files: a clear error and nothing changed.
    let bad_dir = e2e::fresh_dir("bad-files");
    let newer = text.replace("\"lan.quiz.results\": 1", "\"lan.quiz.results\": 42");
    assert_ne!(newer, text);
    for (name, content, message) in [
        ("notes.json", "this is not json", "not a JSON backup"),
        (
            "other.json",
            "{\"app\":\"other\",\"exported_ms\":1,\"schemas\":{},\"data\":{}}",
            "not a Legs at Night backup",
        ),
        ("newer.json", newer.as_str(), "Update the app"),
    ] {
        let path = bad_dir.join(name);
        std::fs::write(&path, content).unwrap();
        // Wait for this file's message, not the one the previous file left.
        let previous = page.text(&mut browser, ".form-error").unwrap();
        set_file(&page, &mut browser, "#import-file", &path);
        page.wait_for(
            &mut browser,
            &format!("document.querySelector('.form-error') && document.querySelector('.form-error').textContent.trim() !== {previous:?}"),
            Duration::from_secs(5),
        )
        .unwrap();
        let error = page.text(&mut browser, ".form-error").unwrap();
        assert!(
            error.contains(message) && error.contains("Nothing was changed"),
            "{name}: {error}"
        );
        assert_eq!(
            app_storage(&page, &mut browser),
            original,
            "{name} changed storage"
        );
    }

    // Delete everything, then import the export: identical data.
    click_button(&page, &mut browser, "Delete all my data");
    click_button(&page, &mut browser, "Delete everything");
    page.wait_for(
        &mut browser,
        "Object.keys(localStorage).filter(k => k.startsWith('lan.')).length === 0",
        Duration::from_secs(3),
    )
    .unwrap();
    assert_eq!(
        page.eval(
            &mut browser,
            "document.documentElement.getAttribute('data-theme')"
        )
        .unwrap(),
        json!("auto")
    );

    set_file(&page, &mut browser, "#import-file", &exported);
    page.wait_for(
        &mut browser,
        "document.querySelector('.import-preview')",
        Duration::from_secs(5),
    )
    .unwrap();
    let preview = page.text(&mut browser, ".import-preview").unwrap();
    assert!(
        preview.contains("1 symptom check results")
            && preview.contains("0 foot checks")
            && preview.contains("0 diary nights")
            && preview.contains("display settings"),
        "{preview}"
    );
    page.screenshot(
        &mut browser,
        &e2e::workspace_root().join("tests/e2e/screenshots/storage/import-preview.png"),
    )
    .unwrap();
    ui::pick(&page, &mut browser, &["Replace"]);
    click_button(&page, &mut browser, "Import");
    page.wait_for(
        &mut browser,
        // The import finishes after the photos are stored: wait for its own message.
        "[...document.querySelectorAll('.import [role=status]')].some(s => s.textContent.startsWith('Imported'))",
        Duration::from_secs(5),
    )
    .unwrap();
    assert_eq!(app_storage(&page, &mut browser), original);
    assert_eq!(
        page.eval(
            &mut browser,
            "document.documentElement.getAttribute('data-theme')"
        )
        .unwrap(),
        json!("dark")
    );
    let _ = std::fs::remove_dir_all(&downloads);
    let _ = std::fs::remove_dir_all(&bad_dir);
}

#[test]
fn a_change_in_another_tab_shows_up_without_a_reload() {
    let (server, mut browser, first) = start();
    let second = browser.new_page().unwrap();
    first
        .open(&mut browser, &format!("{}/settings", server.origin()))
        .unwrap();
    second
        .open(&mut browser, &format!("{}/quiz/history", server.origin()))
        .unwrap();
    choose_theme(&first, &mut browser, "Night");
    second
        .wait_for(
            &mut browser,
            "document.documentElement.getAttribute('data-theme') === 'dark'",
            Duration::from_secs(5),
        )
        .expect("theme follows in the other tab");
    ui::finish_cracked_heels_quiz(&first, &mut browser, &server.origin());
    second
        .wait_for(
            &mut browser,
            "document.querySelectorAll('.history-row').length === 1",
            Duration::from_secs(5),
        )
        .expect("the new result shows in the other tab");
}

/// Issue 24: with the diary holding data from a newer version of the app, an import (merge
/// or replace) removed the diary key and said "Imported.". An import never touches a key it
/// cannot read as its own version, and says so before and after.
#[test]
fn an_import_leaves_a_key_from_a_newer_version_as_it_is_and_says_so() {
    for mode in ["Merge", "Replace"] {
        let (server, mut browser, page) = start();
        page.open(&mut browser, &format!("{}/settings", server.origin()))
            .unwrap();
        let newer = "{\"schema\":99,\"data\":{\"nights\":\"in a shape from the future\"}}";
        set_item(&page, &mut browser, "lan.diary", newer);
        page.reload(&mut browser).unwrap();
        let dir = e2e::fresh_dir("newer-key-import");
        let backup = dir.join("backup.json");
        std::fs::write(
            &backup,
            r#"{"app":"legs-at-night","exported_ms":1,"schemas":{"lan.diary":1},"data":{"diary":[{"n":20790,"p":3}],"quiz_results":[]}}"#,
        )
        .unwrap();
        set_file(&page, &mut browser, "#import-file", &backup);
        page.wait_for(
            &mut browser,
            "document.querySelector('.import-preview')",
            Duration::from_secs(5),
        )
        .unwrap();
        let preview = page.text(&mut browser, ".import-preview").unwrap();
        assert!(
            preview.contains("Not imported: the night diary"),
            "{preview}"
        );
        ui::pick(&page, &mut browser, &[mode]);
        click_button(&page, &mut browser, "Import");
        page.wait_for(
            &mut browser,
            "[...document.querySelectorAll('.import [role=status]')].some(s => s.textContent.startsWith('Imported'))",
            Duration::from_secs(5),
        )
        .unwrap();
        let message = page.text(&mut browser, ".import").unwrap();
        assert!(message.contains("Left as it was"), "{mode}: {message}");
        assert_eq!(
            get_item(&page, &mut browser, "lan.diary").as_deref(),
            Some(newer),
            "{mode} touched the newer diary"
        );
    }
}
