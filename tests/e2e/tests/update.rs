//! An update never loses data. The previous release (`scripts/build-previous-release`, a
//! pinned commit from before SPEC v3) is served and filled, through its own import, with
//! every kind of data: settings, a saved result, foot checks with a photo, a reminder with
//! a done night, diary nights. Then this build replaces it on the same origin, the person
//! accepts "Update available - Reload", and this build's own export must hold every item as
//! this build's migrations make it from what the old one stored, the photo byte for byte.

use base64::Engine;
use e2e::cdp::{Browser, Page};
use e2e::server::StaticServer;
use e2e::ui::{allow_downloads, click_button, downloaded_zip, pick, set_file, stored_photos};
use legs_core::storage::{archive, keys};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

fn previous_dist() -> PathBuf {
    e2e::workspace_root().join("target/previous-release/dist")
}

fn wait(page: &Page, browser: &mut Browser, script: &str, seconds: u64) {
    page.wait_for(browser, script, Duration::from_secs(seconds))
        .unwrap_or_else(|e| panic!("{script}: {e}"));
}

fn serve_copy_of(dist: &Path, served: &Path) {
    if served.exists() {
        std::fs::remove_dir_all(served).unwrap();
    }
    e2e::copy_tree(dist, served).unwrap();
}

/// A JPEG the browser encodes, as a phone's camera would hand it over.
fn jpeg(page: &Page, browser: &mut Browser, width: u32, height: u32) -> Vec<u8> {
    let script = format!(
        "(async () => {{
          const canvas = new OffscreenCanvas({width}, {height});
          const c = canvas.getContext('2d');
          c.fillStyle = '#c8a082'; c.fillRect(0, 0, {width}, {height});
          c.fillStyle = '#7a3b2e'; c.fillRect({width} / 4, {height} / 3, {width} / 2, {height} / 6);
          const bytes = new Uint8Array(await (await canvas.convertToBlob({{ type: 'image/jpeg', quality: 0.8 }})).arrayBuffer());
          let binary = ''; for (const b of bytes) binary += String.fromCharCode(b);
          return btoa(binary);
        }})()"
    );
    let encoded = page.eval(browser, &script).unwrap();
    base64::engine::general_purpose::STANDARD
        .decode(encoded.as_str().unwrap())
        .unwrap()
}

/// Each part as the previous release stores and exports it, in its own (older) schema:
/// the shapes of the fixtures in `core/tests/fixtures/storage`, on nights near today.
fn old_parts(tonight: i64) -> Vec<(&'static keys::Key, u32, &'static str, Value)> {
    let results = std::fs::read_to_string(
        e2e::workspace_root().join("core/tests/fixtures/storage/lan.quiz.results-v1.json"),
    )
    .unwrap();
    let results: Value = serde_json::from_str(&results).unwrap();
    let results: Value = serde_json::from_str(results["stored"].as_str().unwrap()).unwrap();
    vec![
        (
            &keys::SETTINGS,
            1,
            "settings",
            json!({ "theme": "dark", "text_size": "large" }),
        ),
        (
            &keys::QUIZ_RESULTS,
            1,
            "quiz_results",
            results["data"].clone(),
        ),
        (
            &keys::FOOT_CHECKS,
            3,
            "foot_checks",
            json!([
                { "id": 1796081400000u64, "temp": "one_colder", "hang": true, "dm": true,
                  "seen": 4095, "notes": [["L", "heel", ["deep"]]] },
                { "id": 1796167800000u64, "temp": "one_warmer", "seen": 4095 }
            ]),
        ),
        (
            &keys::REMINDERS,
            2,
            "reminders",
            json!({
                "list": [{ "id": 1, "label": "Heels before bed", "t": 1320, "d": 127,
                           "on": true, "from": tonight - 10 }],
                // Done the night before last at 22:05, skipped last night.
                "log": [[1, tonight - 2, 0, (tonight - 2) * 1440 + 1325],
                        [1, tonight - 1, 1, (tonight - 1) * 1440 + 1330]],
                "snoozes": [],
                "notify": false
            }),
        ),
        (
            &keys::DIARY,
            1,
            "diary",
            json!([
                { "n": tonight - 2, "p": 4, "w": ["heel"], "pos": ["side"], "h": ["cream"],
                  "f": "cracks", "m": true, "t": "Stinging heel" },
                { "n": tonight - 1, "p": 2, "m": false }
            ]),
        ),
    ]
}

/// What this build's migrations make of a part stored in an older schema.
fn migrated(key: &keys::Key, schema: u32, data: &Value) -> Value {
    let stored = json!({ "schema": schema, "data": data }).to_string();
    key.read_as_json(&stored)
        .unwrap_or_else(|e| panic!("{}: {e}", key.name))
}

/// The previous release's backup: the JSON parts, the photo's description and pictures.
fn old_backup(
    parts: &[(&keys::Key, u32, &str, Value)],
    photo: &Value,
    image: &[u8],
    thumb: &[u8],
) -> Vec<u8> {
    let schemas: serde_json::Map<String, Value> = parts
        .iter()
        .map(|(key, schema, _, _)| (key.name.to_string(), json!(schema)))
        .collect();
    let data: serde_json::Map<String, Value> = parts
        .iter()
        .map(|(_, _, part, value)| (part.to_string(), value.clone()))
        .collect();
    let backup =
        json!({ "app": "legs-at-night", "exported_ms": 1.8e12, "schemas": schemas, "data": data });
    let id = photo["id"].as_u64().unwrap();
    let entries: [(String, Vec<u8>); 4] = [
        (
            archive::BACKUP_ENTRY.into(),
            backup.to_string().into_bytes(),
        ),
        (
            archive::PHOTOS_ENTRY.into(),
            json!({ "schema": keys::PHOTO_META.schema, "data": [photo] })
                .to_string()
                .into_bytes(),
        ),
        (archive::image_entry(id), image.to_vec()),
        (archive::thumb_entry(id), thumb.to_vec()),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        zip.start_file(name, stored).unwrap();
        zip.write_all(&bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

fn app_keys(page: &Page, browser: &mut Browser) -> Value {
    page.eval(
        browser,
        "Object.fromEntries(Object.keys(localStorage).filter(k => k.startsWith('lan.')).sort().map(k => [k, JSON.parse(localStorage.getItem(k)).schema]))",
    )
    .unwrap()
}

const CACHES: &str =
    "caches.keys().then(keys => keys.filter(k => k.startsWith('lan-shell-')).sort())";

#[test]
fn an_update_from_the_previous_release_keeps_every_item_and_every_photo_byte() {
    let previous = previous_dist();
    assert!(
        previous.join("index.html").exists(),
        "no previous release at {previous:?}: run scripts/build-previous-release first"
    );
    let served = e2e::fresh_dir("update-served");
    serve_copy_of(&previous, &served);
    let server = StaticServer::start(&served);
    let origin = server.origin();
    let mut browser = Browser::launch().unwrap();
    let page = browser.new_page().unwrap();
    page.open(&mut browser, &format!("{origin}/settings"))
        .unwrap();
    page.eval(
        &mut browser,
        "navigator.serviceWorker.ready.then(() => true)",
    )
    .unwrap();
    page.reload(&mut browser).unwrap();
    wait(
        &page,
        &mut browser,
        "navigator.serviceWorker.controller",
        10,
    );
    let old_caches = page.eval(&mut browser, CACHES).unwrap();

    // Filled through the previous release's own import, as a person restoring a backup.
    let offset = page
        // `|| 0`: minus zero has no JSON form, and the protocol sends it as none.
        .eval(&mut browser, "-new Date().getTimezoneOffset() || 0")
        .unwrap()
        .as_f64()
        .expect("the time zone offset") as i64;
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let tonight = legs_core::diary::model::night_of(now_ms, offset as i32);
    let parts = old_parts(tonight);
    let (image, thumb) = (
        jpeg(&page, &mut browser, 640, 480),
        jpeg(&page, &mut browser, 160, 120),
    );
    let photo = json!({ "id": 1796081500000u64, "foot": "L", "area": "heel",
                        "check": 1796081400000u64, "width": 640, "height": 480,
                        "bytes": image.len(), "thumb_bytes": thumb.len() });
    let files = e2e::fresh_dir("update-files");
    let zip_path = files.join("backup.zip");
    std::fs::write(&zip_path, old_backup(&parts, &photo, &image, &thumb)).unwrap();
    set_file(&page, &mut browser, "#import-file", &zip_path);
    wait(
        &page,
        &mut browser,
        "document.querySelector('.import-preview')",
        15,
    );
    pick(
        &page,
        &mut browser,
        &["Replace: what is here now is removed"],
    );
    click_button(&page, &mut browser, "Import");
    wait(
        &page,
        &mut browser,
        "['lan.settings','lan.quiz.results','lan.footchecks','lan.reminders','lan.diary'].every(k => localStorage.getItem(k))",
        15,
    );
    let photos_before = stored_photos(&page, &mut browser);
    assert_eq!(photos_before.len(), 1, "the old release kept no photo");
    assert_eq!(
        app_keys(&page, &mut browser),
        json!({ "lan.diary": 1, "lan.footchecks": 3, "lan.quiz.results": 1,
                "lan.reminders": 2, "lan.settings": 1 }),
        "the previous release did not store its own schemas"
    );

    // The new release goes up on the same origin; the person accepts it.
    serve_copy_of(&e2e::dist_dir(), &served);
    page.eval(
        &mut browser,
        "navigator.serviceWorker.getRegistration().then(r => r.update()).then(() => true)",
    )
    .unwrap();
    wait(
        &page,
        &mut browser,
        "document.querySelector('.update-banner button')",
        30,
    );
    page.click(&mut browser, ".update-banner button").unwrap();
    wait(
        &page,
        &mut browser,
        &format!(
            "document.querySelector('main h1') && caches.keys().then(keys => {{ const shells = keys.filter(k => k.startsWith('lan-shell-')); return shells.length === 1 && !{old_caches}.includes(shells[0]); }})"
        ),
        30,
    );

    // Every item, as this build's migrations make it, in this build's own export.
    let downloads = e2e::fresh_dir("update-downloads");
    allow_downloads(&mut browser, &downloads);
    page.open(&mut browser, &format!("{origin}/settings"))
        .unwrap();
    e2e::ui::export_data(&page, &mut browser);
    let zip_bytes = downloaded_zip(&downloads);
    let mut exported = zip::ZipArchive::new(std::io::Cursor::new(zip_bytes)).unwrap();
    let mut backup = String::new();
    exported
        .by_name(archive::BACKUP_ENTRY)
        .unwrap()
        .read_to_string(&mut backup)
        .unwrap();
    let backup: Value = serde_json::from_str(&backup).unwrap();
    for (key, schema, part, old) in &parts {
        let expected = migrated(key, *schema, old);
        assert_eq!(
            backup["data"][part], expected,
            "{} after the update",
            key.name
        );
        assert_eq!(
            backup["schemas"][key.name],
            json!(key.schema),
            "{}",
            key.name
        );
    }
    // And what a person would miss, checked without this build's migrations: a lossy
    // migration passes the comparison above, not this.
    let data = &backup["data"];
    let ids = |part: &str| -> Vec<Value> {
        data[part]
            .as_array()
            .into_iter()
            .flatten()
            .map(|item| item["id"].clone())
            .collect()
    };
    let old_ids = |part: &str| -> Vec<Value> {
        let (_, _, _, old) = parts.iter().find(|(_, _, p, _)| *p == part).unwrap();
        old.as_array()
            .unwrap()
            .iter()
            .map(|item| item["id"].clone())
            .collect()
    };
    assert_eq!(ids("quiz_results"), old_ids("quiz_results"));
    assert_eq!(ids("foot_checks"), old_ids("foot_checks"));
    assert!(
        data["foot_checks"][0].to_string().contains("deep"),
        "{}",
        data["foot_checks"]
    );
    // Settings gained where the person lives (schema 2), not chosen yet.
    assert_eq!(
        data["settings"],
        json!({ "theme": "dark", "text_size": "large", "region": null })
    );
    let nights: Vec<Value> = data["diary"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| json!([n["n"], n["p"]]))
        .collect();
    assert_eq!(nights, [json!([tonight - 2, 4]), json!([tonight - 1, 2])]);
    assert_eq!(data["diary"][0]["t"], json!("Stinging heel"));
    assert_eq!(
        data["reminders"]["list"][0]["label"],
        json!("Heels before bed")
    );
    let logged: Vec<Value> = data["reminders"]["log"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| json!([e[0], e[1], e[2]]))
        .collect();
    assert_eq!(
        logged,
        [json!([1, tonight - 2, 0]), json!([1, tonight - 1, 1])],
        "the done and skipped nights"
    );

    let mut image_after = Vec::new();
    exported
        .by_name(&archive::image_entry(1796081500000))
        .unwrap()
        .read_to_end(&mut image_after)
        .unwrap();
    assert!(
        image_after == image,
        "the photo's picture changed in the update"
    );
    let mut thumb_after = Vec::new();
    exported
        .by_name(&archive::thumb_entry(1796081500000))
        .unwrap()
        .read_to_end(&mut thumb_after)
        .unwrap();
    assert!(
        thumb_after == thumb,
        "the photo's small picture changed in the update"
    );
    assert_eq!(stored_photos(&page, &mut browser), photos_before);

    // And the person sees them: the reminder with its record, the diary's note.
    page.open(&mut browser, &format!("{origin}/reminders"))
        .unwrap();
    wait(
        &page,
        &mut browser,
        "document.body.textContent.includes('Heels before bed')",
        15,
    );
    page.open(&mut browser, &format!("{origin}/diary")).unwrap();
    wait(
        &page,
        &mut browser,
        "document.body.textContent.includes('Stinging heel')",
        15,
    );
    assert_eq!(
        page.eval(&mut browser, "document.documentElement.dataset.theme || ''")
            .unwrap(),
        json!("dark"),
        "the display settings did not survive"
    );
    let _ = std::fs::remove_dir_all(&served);
}
