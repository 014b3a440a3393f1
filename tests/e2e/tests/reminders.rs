//! Reminders in the browser: create, edit, delete and reload; due on Home at a controlled
//! time; Done feeds the streak; a notification through the service worker.

use e2e::cdp::{Browser, Page};
use e2e::server::StaticServer;
use e2e::ui::{click_button, pick};
use serde_json::json;
use std::time::Duration;

const DAY: i64 = 86_400_000;
/// 2026-11-29, a Sunday, in London (GMT in winter).
const TODAY: i64 = 20_786;

/// Starts the browser in London time with the clock set to `at` (and running from there).
fn start_at(at: i64) -> (StaticServer, Browser, Page) {
    let server = StaticServer::start(&e2e::dist_dir());
    let mut browser = Browser::launch().unwrap();
    let page = browser.new_page().unwrap();
    page.call(
        &mut browser,
        "Emulation.setTimezoneOverride",
        json!({ "timezoneId": "Europe/London" }),
    )
    .unwrap();
    let clock = format!(
        "(() => {{ const start = performance.now(); const base = {at}; const RealDate = Date;
            Date.now = () => base + (performance.now() - start); }})();"
    );
    page.call(
        &mut browser,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": clock }),
    )
    .unwrap();
    (server, browser, page)
}

fn set_value(page: &Page, browser: &mut Browser, selector: &str, value: &str) {
    let script = format!(
        "(() => {{ const el = document.querySelector({selector:?}); el.value = {value:?}; el.dispatchEvent(new Event('input', {{ bubbles: true }})); return el.value; }})()"
    );
    assert_eq!(page.eval(browser, &script).unwrap(), json!(value));
}

/// Notifications allowed for the app, as if the person had said yes before.
fn allow_notifications(browser: &mut Browser, origin: &str) {
    browser
        .call(
            None,
            "Browser.grantPermissions",
            json!({ "origin": origin, "permissions": ["notifications"] }),
        )
        .unwrap();
}

/// The form's save button, whose words restate the schedule ("Save: 21:30, Mon-Fri").
fn save_reminder(page: &Page, browser: &mut Browser) {
    page.click(browser, ".reminder-form button[type=submit]")
        .unwrap();
}

fn add_bedtime_reminder(page: &Page, browser: &mut Browser, origin: &str) {
    page.open(browser, &format!("{origin}/reminders")).unwrap();
    click_button(page, browser, "Add a reminder");
    page.wait_for(
        browser,
        "document.querySelector('.reminder-form')",
        Duration::from_secs(3),
    )
    .unwrap();
    save_reminder(page, browser);
    page.wait_for(
        browser,
        "document.querySelectorAll('.reminder-row').length === 1",
        Duration::from_secs(3),
    )
    .unwrap();
}

/// The app at `at` with notifications allowed, a bedtime reminder saved and the service
/// worker ready.
fn with_a_bedtime_reminder(at: i64) -> (StaticServer, Browser, Page) {
    let (server, mut browser, page) = start_at(at);
    allow_notifications(&mut browser, &server.origin());
    add_bedtime_reminder(&page, &mut browser, &server.origin());
    page.eval(
        &mut browser,
        "navigator.serviceWorker.ready.then(() => true)",
    )
    .unwrap();
    (server, browser, page)
}

fn stored(page: &Page, browser: &mut Browser) -> String {
    page.eval(browser, "localStorage.getItem('lan.reminders') || ''")
        .unwrap()
        .as_str()
        .unwrap_or("")
        .to_string()
}

#[test]
fn a_reminder_can_be_created_edited_refused_and_deleted_and_survives_a_reload() {
    let (server, mut browser, page) = start_at(TODAY * DAY + 12 * 3_600_000);
    add_bedtime_reminder(&page, &mut browser, &server.origin());
    page.reload(&mut browser).unwrap();
    let row = page.text(&mut browser, ".reminder-row").unwrap();
    assert!(
        row.contains("Heels before bed at 22:00") && row.contains("Every day"),
        "{row}"
    );
    assert!(row.contains("Next: 29 Nov 2026, 22:00"), "{row}");

    click_button(&page, &mut browser, "Edit");
    set_value(&page, &mut browser, "#reminder-time", "21:30");
    pick(&page, &mut browser, &[]);
    let before = stored(&page, &mut browser);
    // Bad input: no name, then no days; a clear message and nothing changed.
    set_value(&page, &mut browser, "#reminder-label", "   ");
    save_reminder(&page, &mut browser);
    assert!(page
        .text(&mut browser, ".form-error")
        .unwrap()
        .contains("Give the reminder a name"));
    set_value(&page, &mut browser, "#reminder-label", "Heels");
    // "Choose days" starts with none ticked.
    pick(&page, &mut browser, &["Choose days"]);
    save_reminder(&page, &mut browser);
    assert!(page
        .text(&mut browser, ".form-error")
        .unwrap()
        .contains("Pick at least one day"));
    assert_eq!(stored(&page, &mut browser), before);
    page.eval(&mut browser, "document.querySelectorAll('.day-box input')[5].click(); document.querySelectorAll('.day-box input')[6].click()").unwrap();
    page.screenshot(
        &mut browser,
        &e2e::workspace_root().join("tests/e2e/screenshots/reminders/form.png"),
    )
    .unwrap();
    save_reminder(&page, &mut browser);
    page.wait_for(
        &mut browser,
        "!document.querySelector('.reminder-form')",
        Duration::from_secs(3),
    )
    .unwrap();
    page.reload(&mut browser).unwrap();
    let row = page.text(&mut browser, ".reminder-row").unwrap();
    assert!(
        row.contains("Heels at 21:30") && row.contains("Weekends"),
        "{row}"
    );

    // Asked first: "Keep" keeps it, with the focus back on its button; "Delete" deletes.
    let delete = ".reminder-row .row-actions > .link-button:last-of-type";
    e2e::ui::ask_then_keep(&page, &mut browser, delete);
    page.click(&mut browser, delete).unwrap();
    page.wait_for(
        &mut browser,
        "document.querySelector('.reminder-row .confirm .button.danger')",
        Duration::from_secs(3),
    )
    .unwrap();
    page.click(&mut browser, ".reminder-row .confirm .button.danger")
        .unwrap();
    page.wait_for(
        &mut browser,
        "document.querySelectorAll('.reminder-row').length === 0",
        Duration::from_secs(3),
    )
    .unwrap();
    page.reload(&mut browser).unwrap();
    assert_eq!(
        page.eval(
            &mut browser,
            "document.querySelectorAll('.reminder-row').length"
        )
        .unwrap(),
        json!(0)
    );
    let violations = e2e::axe_violations(&page, &mut browser);
    assert!(violations.is_empty(), "{violations:#?}");
}

#[test]
fn a_due_reminder_shows_on_home_notifies_and_done_starts_the_streak() {
    let (server, mut browser, page) =
        with_a_bedtime_reminder(TODAY * DAY + 22 * 3_600_000 + 5 * 60_000);
    pick(
        &page,
        &mut browser,
        &["Show notifications for due reminders"],
    );
    page.wait_for(
        &mut browser,
        "navigator.serviceWorker.ready.then(r => r.getNotifications()).then(n => n.some(x =>
            x.title === 'Heels before bed' && x.actions.map(a => a.action).join() === 'done,snooze' && x.data.day === 20786))",
        Duration::from_secs(10),
    )
    .expect("a notification with Done and Snooze through the service worker");
    // The reminders' clock (notifications, the badge) runs on every page, not only where
    // reminders are shown: opened straight at a Learn page, the app loads them at start.
    page.open(
        &mut browser,
        &format!("{}/learn/neuropathy", server.origin()),
    )
    .unwrap();
    page.wait_for(
        &mut browser,
        "performance.getEntriesByType('resource')
            .some(e => e.name.endsWith('/split_setup_pages.wasm'))",
        Duration::from_secs(5),
    )
    .expect("the reminders' code loads at start on a Learn page");
    page.screenshot(
        &mut browser,
        &e2e::workspace_root().join("tests/e2e/screenshots/reminders/reminders.png"),
    )
    .unwrap();

    page.open(&mut browser, &format!("{}/", server.origin()))
        .unwrap();
    // The due cards come with the reminders' own code, just after Home itself.
    page.wait_for(
        &mut browser,
        "document.querySelector('.due-card')",
        Duration::from_secs(5),
    )
    .expect("the due card on Home");
    let card = page.text(&mut browser, ".due-card").unwrap();
    assert!(
        card.contains("Heels before bed") && card.contains("Due now (22:00)"),
        "{card}"
    );
    page.screenshot(
        &mut browser,
        &e2e::workspace_root().join("tests/e2e/screenshots/reminders/home-due.png"),
    )
    .unwrap();
    click_button(&page, &mut browser, "Done");
    page.wait_for(
        &mut browser,
        "!document.querySelector('.due-card')",
        Duration::from_secs(3),
    )
    .unwrap();

    page.open(&mut browser, &format!("{}/reminders", server.origin()))
        .unwrap();
    let summary = page.text(&mut browser, "#history-title + p").unwrap();
    assert!(
        summary.contains("Streak: 1 nights") && summary.contains("100%"),
        "{summary}"
    );
    assert!(page
        .text(&mut browser, ".reminder-row")
        .unwrap()
        .contains("Done tonight at 22:0"));
    let saved = stored(&page, &mut browser);
    assert!(
        saved.contains(&format!("\"log\":[[1,{TODAY},1,")),
        "{saved}"
    );
    let violations = e2e::axe_violations(&page, &mut browser);
    assert!(violations.is_empty(), "{violations:#?}");
}

#[test]
fn a_tapped_notification_action_arrives_through_the_url() {
    let (server, mut browser, page) = start_at(TODAY * DAY + 22 * 3_600_000 + 5 * 60_000);
    add_bedtime_reminder(&page, &mut browser, &server.origin());
    page.open(
        &mut browser,
        &format!("{}/reminders?act=snooze&r=1&day={TODAY}", server.origin()),
    )
    .unwrap();
    page.wait_for(
        &mut browser,
        "document.querySelector('.reminder-row').textContent.includes('Snoozed until 22:2')",
        Duration::from_secs(3),
    )
    .unwrap();
    assert_eq!(
        page.eval(&mut browser, "location.search").unwrap(),
        json!(""),
        "the action is used once"
    );
}

/// Issue 26: the form opened with all seven days ticked, so tapping Mon-Fri to mean
/// weekdays saved "Weekends", below the fold. "Weekdays" is one tap, the button says what
/// it will save, and the saved card comes into view with its schedule.
#[test]
fn a_weekdays_reminder_is_one_tap_restated_on_the_button_and_shown_when_saved() {
    let (server, mut browser, page) = start_at(TODAY * DAY + 12 * 3_600_000);
    page.open(&mut browser, &format!("{}/reminders", server.origin()))
        .unwrap();
    click_button(&page, &mut browser, "Add a reminder");
    page.wait_for(
        &mut browser,
        "document.querySelector('.reminder-form')",
        Duration::from_secs(3),
    )
    .unwrap();
    set_value(&page, &mut browser, "#reminder-time", "21:30");
    pick(&page, &mut browser, &["Weekdays (Mon-Fri)"]);
    let button = page
        .text(&mut browser, ".reminder-form button[type=submit]")
        .unwrap();
    assert_eq!(button, "Save: 21:30, Mon-Fri");
    e2e::checked_screenshot(&page, &mut browser, "reminders", "weekdays-form");
    save_reminder(&page, &mut browser);
    page.wait_for(
        &mut browser,
        "document.querySelector('.reminder-row')",
        Duration::from_secs(3),
    )
    .unwrap();
    let row = page.text(&mut browser, ".reminder-row").unwrap();
    assert!(row.contains("at 21:30") && row.contains("Mon-Fri"), "{row}");
    let in_view = page
        .eval(
            &mut browser,
            "(() => { const r = document.querySelector('.reminder-row').getBoundingClientRect();
                return r.top >= 0 && r.bottom <= innerHeight && document.activeElement === document.querySelector('.reminder-row'); })()",
        )
        .unwrap();
    assert_eq!(in_view, json!(true), "the saved card is not in view");
    assert!(stored(&page, &mut browser).contains("\"d\":31"));
}

/// Issue 26: a reminder saved with notifications off never alerted, and nothing near it
/// said so; the switch was six screens further down. Each card says it will not alert, and
/// the offer to turn notifications on (or use the calendar) sits right under the list.
#[test]
fn a_reminder_says_it_will_not_alert_until_notifications_are_on() {
    let (server, mut browser, page) = start_at(TODAY * DAY + 12 * 3_600_000);
    allow_notifications(&mut browser, &server.origin());
    add_bedtime_reminder(&page, &mut browser, &server.origin());
    let row = page.text(&mut browser, ".reminder-row").unwrap();
    assert!(
        row.contains("Will not alert you: notifications are off"),
        "{row}"
    );
    let offer = page.text(&mut browser, ".alert-offer").unwrap();
    assert!(
        offer.contains("Turn on notifications") && offer.contains("Add to my calendar"),
        "{offer}"
    );
    let gap = page
        .eval(
            &mut browser,
            "document.querySelector('.alert-offer').getBoundingClientRect().top - document.querySelector('.reminder-list').getBoundingClientRect().bottom",
        )
        .unwrap()
        .as_f64()
        .unwrap();
    let between = page.eval(&mut browser, "[...document.querySelector('.reminders').children].map(c => c.tagName + '.' + c.className + ':' + Math.round(c.getBoundingClientRect().height)).join(' | ')").unwrap();
    assert!(
        gap < 200.0,
        "the offer is {gap} px below the list: {between}"
    );
    e2e::checked_screenshot(&page, &mut browser, "reminders", "will-not-alert");
    click_button(&page, &mut browser, "Turn on notifications");
    page.wait_for(
        &mut browser,
        "!document.querySelector('.alert-offer') && !document.querySelector('.will-not-alert')",
        Duration::from_secs(5),
    )
    .expect("the warnings go once notifications are on");
}

/// The text of every notice shown.
fn notices(page: &Page, browser: &mut Browser) -> String {
    page.eval(
        browser,
        "[...document.querySelectorAll('.notices li')].map(n => n.textContent).join(' | ')",
    )
    .unwrap()
    .as_str()
    .unwrap_or("")
    .to_string()
}

/// Issue 25: `/reminders?act=done&r=…&day=…` marked made-up reminders and future nights
/// done, so the next evening's reminder never appeared. A link acts only on a night due
/// now, and says what it did or why it did nothing.
#[test]
fn a_link_marks_only_a_night_that_is_due_now_and_says_what_it_did() {
    let (server, mut browser, page) = start_at(TODAY * DAY + 22 * 3_600_000 + 5 * 60_000);
    add_bedtime_reminder(&page, &mut browser, &server.origin());
    let origin = server.origin();
    for (link, said) in [
        (format!("r=1&day={}", TODAY + 1), "not due now"),
        (format!("r=99&day={TODAY}"), "not on this phone"),
    ] {
        page.open(&mut browser, &format!("{origin}/reminders?act=done&{link}"))
            .unwrap();
        page.wait_for(
            &mut browser,
            &format!("document.querySelector('.notices')?.textContent.includes({said:?})"),
            Duration::from_secs(5),
        )
        .unwrap_or_else(|_| panic!("{link}: {}", notices(&page, &mut browser)));
        let saved = stored(&page, &mut browser);
        assert!(
            saved.contains("\"log\":[]") || !saved.contains("\"log\""),
            "{link} logged a night: {saved}"
        );
    }
    page.open(
        &mut browser,
        &format!("{origin}/reminders?act=done&r=1&day={TODAY}"),
    )
    .unwrap();
    page.wait_for(
        &mut browser,
        "document.querySelector('.notices')?.textContent.includes('done for tonight')",
        Duration::from_secs(5),
    )
    .unwrap_or_else(|_| panic!("{}", notices(&page, &mut browser)));
    assert!(
        stored(&page, &mut browser).contains(&format!("\"log\":[[1,{TODAY},1,")),
        "tonight's night was not marked"
    );
}

/// Opens the edit form of the first reminder.
fn open_edit(page: &Page, browser: &mut Browser) {
    click_button(page, browser, "Edit");
    page.wait_for(
        browser,
        "document.querySelector('.reminder-form')",
        Duration::from_secs(3),
    )
    .unwrap();
}

/// Issue 25, two tabs: an edit saved over another tab's edit lost it, and an edit of a
/// reminder another tab had deleted brought it back. Each save checks the reminder is
/// still as the form read it, and otherwise says so and shows it as it is.
#[test]
fn an_edit_never_undoes_another_tabs_edit_or_deletion() {
    let (server, mut browser, first) = start_at(TODAY * DAY + 12 * 3_600_000);
    let origin = server.origin();
    add_bedtime_reminder(&first, &mut browser, &origin);
    let second = browser.new_page().unwrap();
    second
        .open(&mut browser, &format!("{origin}/reminders"))
        .unwrap();
    second
        .wait_for(
            &mut browser,
            "document.querySelectorAll('.reminder-row').length === 1",
            Duration::from_secs(5),
        )
        .unwrap();

    open_edit(&first, &mut browser);
    open_edit(&second, &mut browser);
    set_value(
        &second,
        &mut browser,
        "#reminder-label",
        "Heels, from the other tab",
    );
    save_reminder(&second, &mut browser);
    second
        .wait_for(
            &mut browser,
            "!document.querySelector('.reminder-form')",
            Duration::from_secs(3),
        )
        .unwrap();
    set_value(&first, &mut browser, "#reminder-time", "21:30");
    save_reminder(&first, &mut browser);
    first
        .wait_for(
            &mut browser,
            "document.querySelector('.notices')?.textContent.includes('changed in another tab')",
            Duration::from_secs(5),
        )
        .unwrap_or_else(|_| {
            panic!(
                "notices: {:?}; stored: {}; console: {:?}",
                notices(&first, &mut browser),
                stored(&first, &mut browser),
                first.problems(&browser.take_events())
            )
        });
    let saved = stored(&first, &mut browser);
    assert!(
        saved.contains("Heels, from the other tab") && saved.contains("\"t\":1320"),
        "the other tab's edit was lost: {saved}"
    );
    first
        .wait_for(
            &mut browser,
            "document.querySelector('.reminder-row')?.textContent.includes('from the other tab')",
            Duration::from_secs(5),
        )
        .expect("the list shows the reminder as it is now");

    open_edit(&first, &mut browser);
    let delete = ".reminder-row .row-actions > .link-button:last-of-type";
    second.click(&mut browser, delete).unwrap();
    second
        .wait_for(
            &mut browser,
            "document.querySelector('.reminder-row .confirm .button.danger')",
            Duration::from_secs(3),
        )
        .unwrap();
    second
        .click(&mut browser, ".reminder-row .confirm .button.danger")
        .unwrap();
    second
        .wait_for(
            &mut browser,
            "document.querySelectorAll('.reminder-row').length === 0",
            Duration::from_secs(5),
        )
        .unwrap();
    save_reminder(&first, &mut browser);
    first
        .wait_for(
            &mut browser,
            "document.querySelector('.notices')?.textContent.includes('deleted in another tab')",
            Duration::from_secs(5),
        )
        .unwrap_or_else(|_| panic!("{}", notices(&first, &mut browser)));
    assert!(
        !stored(&first, &mut browser).contains("Heels"),
        "the deleted reminder came back"
    );
}

/// The worker's copy of the reminders at this moment, as the page left it for it.
fn workers_plan(page: &Page, browser: &mut Browser) -> serde_json::Value {
    page.eval(
        browser,
        "caches.open('lan-data').then(c => c.match('reminders.json')).then(r => r ? r.json() : null)",
    )
    .unwrap()
}

/// Issue 24: the service worker had a weaker copy of the due logic of its own, which
/// ignored done, skipped and snoozed nights. Now the page hands it the nights already
/// decided, and the worker shows only what that plan says is due.
#[test]
fn the_worker_shows_only_what_the_page_decided_is_due() {
    let (server, mut browser, page) = with_a_bedtime_reminder(TODAY * DAY + 21 * 3_600_000);
    let nights = |plan: &serde_json::Value| -> Vec<i64> {
        plan["due"]
            .as_array()
            .map(|due| due.iter().filter_map(|n| n["day"].as_i64()).collect())
            .unwrap_or_default()
    };
    page.wait_for(
        &mut browser,
        &format!("caches.open('lan-data').then(c => c.match('reminders.json')).then(r => r && r.json()).then(p => !!p && p.due.some(n => n.day === {TODAY}))"),
        Duration::from_secs(5),
    )
    .expect("tonight in the worker's plan");
    // Done early, at 21:00, in Tonight's check-in: tonight leaves the worker's plan.
    page.eval(
        &mut browser,
        &format!("(() => {{ const s = JSON.parse(localStorage.getItem('lan.reminders')); s.data.log.push([1, {TODAY}, 1, Math.floor(Date.now() / 60000)]); localStorage.setItem('lan.reminders', JSON.stringify(s)); }})()"),
    )
    .unwrap();
    page.reload(&mut browser).unwrap();
    page.wait_for(
        &mut browser,
        &format!("caches.open('lan-data').then(c => c.match('reminders.json')).then(r => r && r.json()).then(p => !!p && !p.due.some(n => n.day === {TODAY}))"),
        Duration::from_secs(5),
    )
    .expect("a night done early leaves the plan");
    let plan = workers_plan(&page, &mut browser);
    assert_eq!(nights(&plan)[0], TODAY + 1, "{plan}");

    // The worker's path: a plan with one notice due a minute ago (by the worker's own
    // clock) and one later; a periodic sync shows the first only.
    let real_now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as i64;
    let test_plan = json!({ "made": real_now, "due": [
        { "at": real_now - 60_000, "id": 1, "day": 1, "label": "Due a minute ago" },
        { "at": real_now + 3_600_000, "id": 1, "day": 2, "label": "Due in an hour" }
    ] });
    page.eval(
        &mut browser,
        &format!("caches.open('lan-data').then(c => c.put('reminders.json', new Response({:?}))).then(() => true)", test_plan.to_string()),
    )
    .unwrap();
    page.call(&mut browser, "ServiceWorker.enable", json!({}))
        .unwrap();
    let mut registration = None;
    for _ in 0..20 {
        registration = browser.take_events().iter().find_map(|event| {
            (event["method"] == "ServiceWorker.workerRegistrationUpdated")
                .then(|| {
                    event["params"]["registrations"][0]["registrationId"]
                        .as_str()
                        .map(String::from)
                })
                .flatten()
        });
        if registration.is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
        let _ = page.eval(&mut browser, "1");
    }
    let registration = registration.expect("the worker's registration id");
    page.call(
        &mut browser,
        "ServiceWorker.dispatchPeriodicSyncEvent",
        json!({ "origin": server.origin(), "registrationId": registration, "tag": "lan-reminders" }),
    )
    .unwrap();
    page.wait_for(
        &mut browser,
        "navigator.serviceWorker.ready.then(r => r.getNotifications()).then(n => n.some(x => x.title === 'Due a minute ago'))",
        Duration::from_secs(5),
    )
    .expect("the worker shows what its plan says is due");
    let later = page
        .eval(
            &mut browser,
            "navigator.serviceWorker.ready.then(r => r.getNotifications()).then(n => n.some(x => x.title === 'Due in an hour'))",
        )
        .unwrap();
    assert_eq!(later, json!(false), "nothing before its time");
}
