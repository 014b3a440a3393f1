//! The smoke run in three engines over W3C WebDriver: Chromium, Firefox ESR and WebKitGTK.
//! Each engine: every route in both themes, a whole symptom check, a foot check kept over
//! a reload, a reminder kept over a reload and its calendar file, the honest status panel,
//! and the service worker serving every route once the server is gone.

use e2e::server::StaticServer;
use e2e::ui::CRACKED_HEELS_ANSWERS;
use e2e::webdriver::{Engine, Session};
use serde_json::json;
use std::path::PathBuf;
use std::time::Duration;

fn shot_path(engine: Engine, theme: &str, name: &str) -> PathBuf {
    e2e::workspace_root().join(format!(
        "tests/e2e/screenshots/engines/{}/{theme}/{name}.png",
        engine.name()
    ))
}

fn file_name(route: &str) -> String {
    match route.trim_matches('/').replace('/', "-") {
        name if name.is_empty() => "home".into(),
        name => name,
    }
}

async fn set_theme(s: &Session, theme: &str) {
    let value = json!({ "schema": 1, "data": { "theme": theme, "text_size": "standard" } });
    s.eval(&format!(
        "localStorage.setItem('lan.settings', {:?}); return true;",
        value.to_string()
    ))
    .await
    .unwrap();
}

async fn notices(s: &Session) -> Vec<String> {
    let value = s
        .eval("return [...document.querySelectorAll('.notices .notice')].map(n => n.textContent)")
        .await
        .unwrap();
    serde_json::from_value(value).unwrap_or_default()
}

async fn every_route_renders(s: &Session, origin: &str, theme: &str) {
    for (route, expected) in e2e::routes() {
        s.goto(&format!("{origin}{route}")).await.unwrap();
        let heading = s.heading().await.unwrap_or_else(|e| panic!("{route}: {e}"));
        assert!(
            heading.contains(expected),
            "{} {route}: heading {heading:?} lacks {expected:?}",
            s.engine.name()
        );
        let shown = notices(s).await;
        assert!(shown.is_empty(), "{} {route}: {shown:?}", s.engine.name());
        let misfits = s.eval(&format!("return {}", e2e::MISFITS)).await.unwrap();
        assert_eq!(misfits, json!([]), "{} {route} ({theme})", s.engine.name());
        s.screenshot(&shot_path(s.engine, theme, &file_name(&route)))
            .await
            .unwrap();
    }
}

/// The drawings are inline SVG: each one has to draw something, in the theme's colours, in
/// every engine.
async fn the_pictures_draw(s: &Session, origin: &str, theme: &str) {
    s.goto(&format!("{origin}/learn/skin_fissures"))
        .await
        .unwrap();
    let drawn = "const drawings = [...document.querySelectorAll('figure.picture svg > g')];
        return drawings.length >= 2 && drawings.every(g => g.getBBox().width > 100 && g.getBBox().height > 40)";
    s.wait_for(drawn, Duration::from_secs(10))
        .await
        .unwrap_or_else(|e| {
            panic!(
                "{} ({theme}): the pictures did not draw: {e}",
                s.engine.name()
            )
        });
    s.eval("document.querySelector('figure.picture').scrollIntoView(); return true")
        .await
        .unwrap();
    s.screenshot(&shot_path(s.engine, theme, "pictures"))
        .await
        .unwrap();
}

/// A photo goes through the engine's own image decoding, canvas JPEG and IndexedDB, and is
/// still there after a reload: each engine keeps blobs in its own way.
async fn a_photo_is_kept_and_shown_after_a_reload(s: &Session, origin: &str) {
    let file = e2e::fresh_dir(&format!("{}-photo", s.engine.name())).join("heel.bmp");
    e2e::write_bmp(&file, 800, 600, |x, y| {
        [(x % 256) as u8, (y % 256) as u8, 160]
    });
    s.goto(&format!("{origin}/foot-check/history"))
        .await
        .unwrap();
    s.choose_file("#photo-input", &file).await.unwrap();
    let saved = s
        .wait_for(
            "const p = document.querySelector('.take-photo [role=status], .take-photo [role=alert]');
            return p && p.textContent",
            Duration::from_secs(20),
        )
        .await
        .unwrap();
    assert!(
        saved.as_str().unwrap_or("").starts_with("Photo kept"),
        "{}: {saved}",
        s.engine.name()
    );
    // The small copy is 320 px on its long edge: decoded, scaled and stored by the engine.
    let small_copy_shown = "const img = document.querySelector('#photos .photo-strip img');
        return !!img && img.complete && img.naturalWidth === 320 && img.naturalHeight === 240";
    for moment in ["kept", "after a reload"] {
        s.wait_for(small_copy_shown, Duration::from_secs(10))
            .await
            .unwrap_or_else(|e| panic!("{}: photo {moment}: {e}", s.engine.name()));
        if moment == "kept" {
            s.reload().await.unwrap();
        }
    }
    s.eval("document.querySelector('#photos').scrollIntoView(); return true")
        .await
        .unwrap();
    s.screenshot(&shot_path(s.engine, "light", "photo"))
        .await
        .unwrap();
}

async fn next(s: &Session) {
    let before = s.heading().await.unwrap();
    s.click_button("Next").await.unwrap();
    s.wait_for(
        &format!("return document.querySelector('main h1').textContent.trim() !== {before:?}"),
        Duration::from_secs(10),
    )
    .await
    .unwrap_or_else(|e| panic!("after {before:?}: {e}"));
}

async fn a_whole_symptom_check(s: &Session, origin: &str) {
    s.goto(&format!("{origin}/quiz")).await.unwrap();
    s.click_button("Start the check").await.unwrap();
    for labels in std::iter::once(&[e2e::ui::ADULT][..]).chain(CRACKED_HEELS_ANSWERS) {
        for label in labels {
            s.pick(label).await.unwrap();
        }
        next(s).await;
    }
    assert_eq!(s.heading().await.unwrap(), "Check your answers");
    s.click_button("See my result").await.unwrap();
    let banner = s
        .wait_for(
            "const b = document.querySelector('.urgency-banner'); return b && b.textContent",
            Duration::from_secs(10),
        )
        .await
        .unwrap();
    let top = s
        .eval("return document.querySelector('.causes li summary').textContent")
        .await
        .unwrap();
    assert!(
        top.as_str().unwrap_or("").contains("Cracked heel skin"),
        "{}: top cause {top}, banner {banner}",
        s.engine.name()
    );
    s.screenshot(&shot_path(s.engine, "light", "quiz-result"))
        .await
        .unwrap();
}

async fn a_foot_check_is_kept_over_a_reload(s: &Session, origin: &str) {
    s.goto(&format!("{origin}/foot-check")).await.unwrap();
    s.click_button("Start the foot check").await.unwrap();
    s.pick("Both feel the same").await.unwrap();
    next(s).await;
    s.pick("Skip it").await.unwrap();
    next(s).await;
    for _ in 0..12 {
        let area = s.heading().await.unwrap();
        let mark = if area == "Left foot: heel" {
            "A crack"
        } else {
            "Looks fine"
        };
        s.pick(mark).await.unwrap();
        next(s).await;
    }
    assert_eq!(s.heading().await.unwrap(), "What now");
    s.click_button("Save this check").await.unwrap();
    s.wait_for(
        "return document.querySelector('main [role=status]')",
        Duration::from_secs(5),
    )
    .await
    .unwrap();
    s.goto(&format!("{origin}/foot-check/history"))
        .await
        .unwrap();
    s.reload().await.unwrap();
    let list = s
        .wait_for(
            "const l = document.querySelector('.area-list'); return l && l.textContent",
            Duration::from_secs(10),
        )
        .await
        .unwrap();
    assert!(
        list.as_str()
            .unwrap_or("")
            .contains("Left foot, heel: A crack"),
        "{}: {list}",
        s.engine.name()
    );
}

async fn a_reminder_is_kept_and_goes_to_the_calendar(s: &Session, origin: &str) {
    s.goto(&format!("{origin}/reminders")).await.unwrap();
    let export = "//main//button[normalize-space(.)='Add to my calendar']";
    let why = s
        .wait_for(
            &format!(
                "const b = document.evaluate(\"{export}\", document, null, 9, null).singleNodeValue;
                 return b && [b.disabled, document.getElementById(b.getAttribute('aria-describedby')).textContent]"
            ),
            Duration::from_secs(10),
        )
        .await
        .unwrap();
    assert_eq!(
        why[0],
        json!(true),
        "{}: export with no reminder",
        s.engine.name()
    );
    assert!(
        why[1]
            .as_str()
            .unwrap_or("")
            .contains("make a reminder first"),
        "{why}"
    );
    s.click_button("Add a reminder").await.unwrap();
    s.click_button("Save: 22:00, every day").await.unwrap();
    s.wait_for(
        "return document.querySelectorAll('.reminder-row').length === 1",
        Duration::from_secs(5),
    )
    .await
    .unwrap();
    s.reload().await.unwrap();
    let row = s
        .wait_for(
            "const r = document.querySelector('.reminder-row'); return r && r.textContent",
            Duration::from_secs(10),
        )
        .await
        .unwrap();
    assert!(
        row.as_str()
            .unwrap_or("")
            .contains("Heels before bed at 22:00"),
        "{}: {row}",
        s.engine.name()
    );
    s.click(export).await.unwrap();
    let file = s.downloads.join("legs-at-night-reminders.ics");
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    let text = loop {
        match std::fs::read_to_string(&file) {
            Ok(text) if text.contains("END:VCALENDAR") => break text,
            _ if std::time::Instant::now() > deadline => panic!(
                "{}: no calendar file in {} ({:?})",
                s.engine.name(),
                s.downloads.display(),
                std::fs::read_dir(&s.downloads).map(|d| d
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name())
                    .collect::<Vec<_>>())
            ),
            _ => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    };
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 1, "{text}");
    assert!(text.contains("SUMMARY:Heels before bed"), "{text}");
}

/// What the status panel says of each ability, by its row title.
async fn status_panel(s: &Session, origin: &str) -> Vec<(String, String)> {
    s.goto(&format!("{origin}/reminders")).await.unwrap();
    let rows = s
        .wait_for(
            "const p = document.querySelector('.status-panel'); return p && [...p.querySelectorAll('dt')].map(dt => [dt.textContent, dt.nextElementSibling.textContent])",
            Duration::from_secs(10),
        )
        .await
        .unwrap();
    serde_json::from_value(rows).unwrap()
}

/// The panel must say what this engine really offers. Today: the icon number and background
/// checks are Chromium's alone; buttons on a notification are Chromium's and, since it
/// reports `Notification.maxActions` of 2, Firefox's; WebKitGTK has none of the three.
async fn the_status_panel_is_honest(s: &Session, origin: &str) {
    let rows = status_panel(s, origin).await;
    let said = |title: &str| {
        rows.iter()
            .find(|(dt, _)| dt == title)
            .map(|(_, dd)| dd.clone())
            .unwrap_or_else(|| panic!("{}: no row {title:?} in {rows:?}", s.engine.name()))
    };
    let chromium = s.engine == Engine::Chromium;
    let expect = |title: &str, yes: &str, no: &str, has: bool| {
        let text = said(title);
        let want = if has { yes } else { no };
        assert!(
            text.starts_with(want),
            "{}: {title:?} says {text:?}, expected {want:?}",
            s.engine.name()
        );
    };
    let buttons = s.engine != Engine::WebKit;
    expect("Done and Snooze buttons", "Yes", "No", buttons);
    expect("Number on the app icon", "Yes", "No", chromium);
    expect("Background checks", "Possible", "No", chromium);
    expect("Installed to the home screen", "Yes", "No", false);
    s.eval(
        "document.querySelector('.status-panel').scrollIntoView({ block: 'end' }); return true;",
    )
    .await
    .unwrap();
    s.screenshot(&shot_path(s.engine, "light", "status-panel"))
        .await
        .unwrap();
}

/// Issue 27: Settings says how this browser adds the app. WebKit (Safari's engine, and
/// its storage policy) warns that the data may go after days without a visit; Firefox on
/// a computer says it cannot add it, and which browsers can; Chromium does neither.
async fn settings_say_how_to_add_the_app(s: &Session, origin: &str) {
    s.goto(&format!("{origin}/settings")).await.unwrap();
    let said = s
        .wait_for(
            "const part = document.querySelector('section.install'); return part && part.children.length > 1 && part.textContent",
            Duration::from_secs(10),
        )
        .await
        .unwrap_or_else(|e| panic!("{}: no install part: {e}", s.engine.name()));
    let said = said.as_str().unwrap_or_default().to_string();
    let warning = s
        .eval("const w = document.querySelector('.safari-data'); return w ? w.textContent : ''")
        .await
        .unwrap();
    let warning = warning.as_str().unwrap_or_default();
    let name = s.engine.name();
    match s.engine {
        Engine::WebKit => {
            assert!(warning.contains("Safari may delete"), "{name}: {warning:?}");
            assert!(said.contains("Add to Dock"), "{name}: {said}");
        }
        Engine::Firefox => {
            assert!(warning.is_empty(), "{name}: {warning:?}");
            assert!(said.contains("cannot add apps"), "{name}: {said}");
        }
        Engine::Chromium => {
            assert!(warning.is_empty(), "{name}: {warning:?}");
            assert!(said.contains("Install"), "{name}: {said}");
        }
    }
    s.eval("document.querySelector('section.install').scrollIntoView(); return true;")
        .await
        .unwrap();
    s.screenshot(&shot_path(s.engine, "light", "settings-install"))
        .await
        .unwrap();
}

async fn the_worker_serves_every_route_offline(s: &Session, server: &mut StaticServer) {
    let origin = server.origin();
    s.goto(&format!("{origin}/")).await.unwrap();
    // Polled rather than `serviceWorker.ready`: WebKitGTK's `ready`, asked the moment a
    // page has loaded, can stay pending for good although the worker is active.
    s.wait_for(
        "return navigator.serviceWorker.getRegistration().then(r => !!(r && r.active && r.active.state === 'activated'))",
        Duration::from_secs(30),
    )
    .await
    .unwrap_or_else(|e| panic!("no active worker: {e}"));
    s.reload().await.unwrap();
    s.wait_for(
        "return !!navigator.serviceWorker.controller",
        Duration::from_secs(15),
    )
    .await
    .unwrap_or_else(|e| panic!("not controlled after one reload: {e}"));
    server.stop();
    for (route, expected) in e2e::routes() {
        s.goto(&format!("{origin}{route}")).await.unwrap();
        let heading = s
            .heading()
            .await
            .unwrap_or_else(|e| panic!("offline {route}: {e}"));
        assert!(heading.contains(expected), "offline {route}: {heading:?}");
    }
}

async fn smoke(engine: Engine) {
    let mut server = StaticServer::start(&e2e::dist_dir());
    let origin = server.origin();
    let s = Session::start(engine).await.unwrap();
    for theme in ["light", "dark"] {
        s.goto(&format!("{origin}/")).await.unwrap();
        set_theme(&s, theme).await;
        every_route_renders(&s, &origin, theme).await;
        the_pictures_draw(&s, &origin, theme).await;
    }
    set_theme(&s, "light").await;
    a_whole_symptom_check(&s, &origin).await;
    a_foot_check_is_kept_over_a_reload(&s, &origin).await;
    a_photo_is_kept_and_shown_after_a_reload(&s, &origin).await;
    a_reminder_is_kept_and_goes_to_the_calendar(&s, &origin).await;
    the_status_panel_is_honest(&s, &origin).await;
    settings_say_how_to_add_the_app(&s, &origin).await;
    the_worker_serves_every_route_offline(&s, &mut server).await;
    println!(
        "{}: smoke run passed at a {}x{} viewport",
        engine.name(),
        s.viewport.0,
        s.viewport.1
    );
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn smoke_run_in_chromium() {
    smoke(Engine::Chromium).await;
}

#[tokio::test(flavor = "current_thread")]
async fn smoke_run_in_firefox() {
    smoke(Engine::Firefox).await;
}

#[tokio::test(flavor = "current_thread")]
async fn smoke_run_in_webkit() {
    smoke(Engine::WebKit).await;
}
