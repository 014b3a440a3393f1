//! The prerendered pages (`xtask::prerender`): each fixed page's content is in the HTML as
//! served, a Learn page reads fully with JavaScript off, a page preloads its own chunk, and
//! the app takes the page over without changing what is on screen.

use e2e::cdp::{Browser, Page};
use e2e::server::StaticServer;
use legs_at_night::learn::content::SECTIONS;
use serde_json::json;
use std::time::Duration;

/// The text of the first `<h1>…</h1>` in raw HTML, tags dropped.
fn first_heading(html: &str) -> Option<String> {
    let start = html.find("<h1")?;
    let after = &html[start..];
    let body = &after[after.find('>')? + 1..after.find("</h1>")?];
    let mut text = String::new();
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    Some(text.replace("&amp;", "&").replace("&#x27;", "'"))
}

#[test]
fn every_fixed_page_has_its_heading_in_the_html_as_served() {
    let server = StaticServer::start(&e2e::dist_dir());
    for (route, expected) in e2e::routes() {
        // A saved result has no page of its own; an unknown address gets 404.html below.
        if route.starts_with("/quiz/result/") || route == "/no/such/page" {
            continue;
        }
        let answer = e2e::http_get(server.port, &route).unwrap();
        assert_eq!(answer.status, 200, "{route}");
        let heading = first_heading(&answer.body)
            .unwrap_or_else(|| panic!("{route}: no <h1> in the HTML as served"));
        assert!(
            heading.contains(expected),
            "{route}: served heading {heading:?} lacks {expected:?}"
        );
        assert!(
            answer.body.contains("data-prerendered"),
            "{route}: not a prerendered page"
        );
    }
    let not_found = std::fs::read_to_string(e2e::dist_dir().join("404.html")).unwrap();
    assert!(first_heading(&not_found).is_some_and(|h| h.contains("could not find")));
    // A page that loads its own code asks for it beside the main module.
    let learn = e2e::http_get(server.port, "/learn/neuropathy")
        .unwrap()
        .body;
    assert!(
        learn.contains("split_learn_section_page.wasm as=fetch"),
        "no preload of the page's chunk"
    );
    let home = e2e::http_get(server.port, "/").unwrap().body;
    assert!(!home.contains("split_"), "Home is in the main module");
}

fn main_text(page: &Page, browser: &mut Browser) -> String {
    page.eval(browser, "document.querySelector('main').innerText")
        .unwrap()
        .as_str()
        .unwrap_or("")
        .to_string()
}

#[test]
fn a_learn_page_reads_fully_with_javascript_off() {
    let server = StaticServer::start(&e2e::dist_dir());
    let mut browser = Browser::launch().unwrap();
    let page = browser.new_page().unwrap();
    page.call(
        &mut browser,
        "Emulation.setScriptExecutionDisabled",
        json!({ "value": true }),
    )
    .unwrap();
    for section in SECTIONS {
        let id = e2e::CONDITIONS
            .iter()
            .find(|id| section.condition.id() == **id)
            .expect("a Learn page per condition");
        page.call(
            &mut browser,
            "Page.navigate",
            json!({ "url": format!("{}/learn/{id}", server.origin()) }),
        )
        .unwrap();
        page.wait_for(
            &mut browser,
            "document.readyState === 'complete' && document.querySelector('main h1')",
            Duration::from_secs(10),
        )
        .unwrap();
        // Scripts are off, so this reads the page exactly as the server sent it.
        let text = main_text(&page, &mut browser);
        assert!(text.contains(section.title), "{id}: {text}");
        for paragraph in section.paragraphs {
            assert!(text.contains(paragraph), "{id} lacks {paragraph:?}");
        }
        for tip in section.try_tonight {
            assert!(text.contains(tip.text), "{id} lacks the tip {:?}", tip.text);
        }
    }
    // The links work without the app: a real page load to the contents.
    let to_contents = page
        .eval(
            &mut browser,
            "[...document.querySelectorAll('main a')].map(a => a.getAttribute('href'))",
        )
        .unwrap();
    assert!(
        to_contents
            .as_array()
            .is_some_and(|links| links.contains(&json!("/learn"))),
        "{to_contents}"
    );
}

#[test]
fn the_app_takes_over_a_page_without_changing_what_is_on_screen() {
    let server = StaticServer::start(&e2e::dist_dir());
    let mut browser = Browser::launch().unwrap();
    let page = browser.new_page().unwrap();
    for route in ["/", "/learn/arterial_rest_pain", "/quiz", "/settings"] {
        let url = format!("{}{route}", server.origin());
        page.call(
            &mut browser,
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": true }),
        )
        .unwrap();
        page.call(&mut browser, "Page.navigate", json!({ "url": url }))
            .unwrap();
        page.wait_for(
            &mut browser,
            "document.readyState === 'complete'",
            Duration::from_secs(10),
        )
        .unwrap();
        let before = main_text(&page, &mut browser);
        page.call(
            &mut browser,
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": false }),
        )
        .unwrap();
        page.open(&mut browser, &url).unwrap();
        let after = main_text(&page, &mut browser);
        assert_eq!(before, after, "{route}: the app shows other text");
        let shift = page
            .eval(
                &mut browser,
                "new Promise(done => { let total = 0;
                    new PerformanceObserver(list => { for (const e of list.getEntries()) total += e.value; })
                        .observe({ type: 'layout-shift', buffered: true });
                    setTimeout(() => done(total), 500); })",
            )
            .unwrap();
        // Settings checks its storage status after it starts ("Checking…", then the
        // answer and a button), with or without a prerendered page: a small shift there.
        if route != "/settings" {
            assert_eq!(shift, json!(0), "{route}: layout shift");
        }
    }
}
