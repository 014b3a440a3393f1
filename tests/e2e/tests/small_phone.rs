//! The phones many people have: 360x740 with the text size at "Largest", in both themes,
//! beside the 412x915 runs of the other suites. Nothing may spill sideways, the bottom
//! navigation's labels must fit their tabs, and a focused heading must not hide under the
//! sticky header.

use e2e::cdp::{Browser, Page};
use serde_json::{json, Value};
use std::time::Duration;

fn phone(page: &Page, browser: &mut Browser, width: u32, height: u32) {
    page.call(
        browser,
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": true }),
    )
    .unwrap();
}

fn misfits(page: &Page, browser: &mut Browser) -> Vec<String> {
    serde_json::from_value(page.eval(browser, e2e::MISFITS).unwrap()).unwrap_or_default()
}

/// Adds what does not fit the screen, under `label`, to a test's list of failures.
fn note_misfits(page: &Page, browser: &mut Browser, label: &str, failures: &mut Vec<String>) {
    let problems = misfits(page, browser);
    if !problems.is_empty() {
        failures.push(format!("{label}: {problems:?}"));
    }
}

#[test]
fn every_route_fits_a_360_phone_at_the_largest_text_in_both_themes() {
    let (server, mut browser, page) = e2e::start_app();
    let origin = server.origin();
    for (width, height, size) in [
        (360, 740, "largest"),
        (412, 915, "largest"),
        (360, 740, "large"),
        (360, 740, "standard"),
        (412, 915, "standard"),
    ] {
        phone(&page, &mut browser, width, height);
        for theme in ["dark", "light"] {
            page.open(&mut browser, &format!("{origin}/")).unwrap();
            e2e::ui::store_settings(&page, &mut browser, theme, size);
            for (route, expected) in e2e::routes() {
                page.open(&mut browser, &format!("{origin}{route}"))
                    .unwrap();
                let title = page.text(&mut browser, "main h1").unwrap();
                assert!(title.contains(expected), "{route}: {title:?}");
                let problems = misfits(&page, &mut browser);
                assert!(
                    problems.is_empty(),
                    "{route} at {width}x{height}, {size}, {theme}: {problems:#?}"
                );
                let name = match route.trim_matches('/').replace('/', "-") {
                    n if n.is_empty() => "home".to_string(),
                    n => n,
                };
                page.screenshot(
                    &mut browser,
                    &e2e::workspace_root().join(format!(
                        "tests/e2e/screenshots/{width}x{height}-{size}/{theme}/{name}.png"
                    )),
                )
                .unwrap();
            }
        }
    }
}

/// How far the focused element's top lies below the sticky header's bottom (negative:
/// hidden under it).
fn focus_clearance(page: &Page, browser: &mut Browser) -> Value {
    page.eval(
        browser,
        "(() => { const f = document.activeElement; const bar = document.querySelector('.top-bar');
             if (!f || f === document.body) return 'nothing focused';
             return f.getBoundingClientRect().top - bar.getBoundingClientRect().bottom; })()",
    )
    .unwrap()
}

#[test]
fn a_focused_question_heading_is_never_under_the_sticky_header() {
    let (server, mut browser, page) = e2e::start_app();
    let origin = server.origin();
    phone(&page, &mut browser, 360, 740);
    page.open(&mut browser, &format!("{origin}/")).unwrap();
    e2e::ui::store_settings(&page, &mut browser, "dark", "largest");
    page.open(&mut browser, &format!("{origin}/quiz")).unwrap();
    // As a thumb does: scroll down to the button, then press it.
    page.eval(
        &mut browser,
        "window.scrollTo(0, document.body.scrollHeight)",
    )
    .unwrap();
    e2e::ui::click_button(&page, &mut browser, "Start the check");
    page.wait_for(
        &mut browser,
        "document.querySelector('fieldset.question') && document.activeElement.tagName === 'H1'",
        Duration::from_secs(5),
    )
    .unwrap();
    let clearance = focus_clearance(&page, &mut browser);
    assert!(
        clearance.as_f64().is_some_and(|gap| gap >= 0.0),
        "the focused heading is {clearance} px below the header"
    );
    // And on a later question, reached from the bottom of a long one.
    e2e::ui::answer(&page, &mut browser, &[e2e::ui::ADULT]);
    e2e::ui::pick(&page, &mut browser, &["None of these"]);
    page.eval(
        &mut browser,
        "window.scrollTo(0, document.body.scrollHeight)",
    )
    .unwrap();
    e2e::ui::click_button(&page, &mut browser, "Next");
    page.wait_for(
        &mut browser,
        "document.activeElement.tagName === 'H1' && document.activeElement.textContent.includes('apply to you now')",
        Duration::from_secs(5),
    )
    .unwrap();
    let clearance = focus_clearance(&page, &mut browser);
    assert!(
        clearance.as_f64().is_some_and(|gap| gap >= 0.0),
        "second question: the focused heading is {clearance} px below the header"
    );
    page.screenshot(
        &mut browser,
        &e2e::workspace_root().join("tests/e2e/screenshots/360x740-largest/dark/quiz-focused.png"),
    )
    .unwrap();
}

/// Issue 26: at 360 px and Largest text, ticking an emergency sign added a red banner
/// 2,074 px above the viewport. In both themes the emergency page takes the screen, its
/// heading focused, its call button inside the viewport; the later screens keep the call.
#[test]
fn an_emergency_tick_at_the_largest_text_shows_the_call_button_in_view() {
    for (width, height, size, theme) in [
        (360, 740, "largest", "light"),
        (360, 740, "largest", "dark"),
        (412, 915, "standard", "light"),
        (412, 915, "standard", "dark"),
    ] {
        let (server, mut browser, page) = e2e::start_app();
        let origin = server.origin();
        phone(&page, &mut browser, width, height);
        page.open(&mut browser, &format!("{origin}/")).unwrap();
        e2e::ui::store_settings(&page, &mut browser, theme, size);
        e2e::ui::begin_quiz(&page, &mut browser, &origin);
        // As a thumb does: the sign ticked well down the list.
        e2e::ui::pick(&page, &mut browser, &["Chest pain"]);
        page.wait_for(
            &mut browser,
            "document.activeElement?.tagName === 'H1' && document.activeElement.textContent === 'Call the emergency number now'",
            Duration::from_secs(5),
        )
        .expect("the emergency page, its heading focused");
        let in_view = page
            .eval(
                &mut browser,
                "(() => { const r = document.querySelector('main a.call-button').getBoundingClientRect();
                    const nav = document.querySelector('.bottom-nav');
                    const floor = nav.getClientRects().length ? nav.getBoundingClientRect().top : window.innerHeight;
                    const header = document.querySelector('.top-bar').getBoundingClientRect();
                    return r.top >= header.bottom && r.bottom <= floor; })()",
            )
            .unwrap();
        assert_eq!(
            in_view,
            json!(true),
            "{theme}: the call button is out of view"
        );
        assert!(misfits(&page, &mut browser).is_empty(), "{theme}");
        e2e::checked_screenshot(
            &page,
            &mut browser,
            "small-phone",
            &format!("emergency-{width}-{size}-{theme}"),
        );
        e2e::ui::click_button(
            &page,
            &mut browser,
            "I have called: carry on with the questions",
        );
        page.wait_for(
            &mut browser,
            "document.querySelector('.emergency-bar a.call-button') && document.querySelector('fieldset.question')",
            Duration::from_secs(5),
        )
        .expect("the question, with the call kept on top");
    }
}

/// Issue 26: at 360 px and Largest text, "Check your answers" opened mid-page, its Change
/// links wandered with each answer's length, the page scrolled sideways, and "See my
/// result" beside "Back" became a tall oval with its words spilling out. It opens at the
/// top with its heading focused, "Change" keeps one column, and each button takes the
/// full width.
#[test]
fn check_your_answers_fits_a_360_phone_at_the_largest_text() {
    let (server, mut browser, page) = e2e::start_app();
    let origin = server.origin();
    phone(&page, &mut browser, 360, 740);
    page.open(&mut browser, &format!("{origin}/")).unwrap();
    e2e::ui::store_settings(&page, &mut browser, "dark", "largest");
    e2e::ui::begin_quiz(&page, &mut browser, &origin);
    for labels in e2e::ui::CRACKED_HEELS_ANSWERS {
        e2e::ui::answer(&page, &mut browser, labels);
    }
    page.wait_for(
        &mut browser,
        "document.activeElement?.tagName === 'H1' && document.activeElement.textContent === 'Check your answers'",
        Duration::from_secs(5),
    )
    .expect("the review's heading has the focus");
    let top = page
        .eval(
            &mut browser,
            "document.querySelector('main h1').getBoundingClientRect().top >= document.querySelector('.top-bar').getBoundingClientRect().bottom - 1",
        )
        .unwrap();
    assert_eq!(top, json!(true), "the review opens at its heading");
    let layout = page
        .eval(
            &mut browser,
            "(() => {
                const lefts = [...document.querySelectorAll('.answer-row dd button')].map(b => Math.round(b.getBoundingClientRect().left));
                const actions = document.querySelector('.quiz-review .quiz-actions').getBoundingClientRect().width;
                const widths = [...document.querySelectorAll('.quiz-review .quiz-actions .button')].map(b => Math.round(b.getBoundingClientRect().width));
                return [new Set(lefts).size, widths.every(w => Math.abs(w - actions) < 1)];
            })()",
        )
        .unwrap();
    assert_eq!(
        layout,
        json!([1, true]),
        "one Change column, full-width buttons"
    );
    assert!(
        misfits(&page, &mut browser).is_empty(),
        "{:?}",
        misfits(&page, &mut browser)
    );
    e2e::checked_screenshot(
        &page,
        &mut browser,
        "small-phone",
        "review-360-largest-dark",
    );
}

/// Where the urgency's headline and the first thing to try tonight end, in page pixels
/// from the top, and the screen's height. The old page's first tip was the list under
/// "What you can try tonight", so a build from before the card measures too.
const ANSWER_DEPTH: &str = "(() => {
    const bottom = el => el ? Math.round(el.getBoundingClientRect().bottom + window.scrollY) : null;
    const oldTips = [...document.querySelectorAll('main h2')].find(h => h.textContent.includes('try tonight'));
    const tip = document.querySelector('.tonight-tips li') || oldTips?.nextElementSibling?.querySelector('li');
    return [bottom(document.querySelector('.urgency-banner h2')), bottom(tip), window.innerHeight];
})()";

/// Words in `main` before its first disclosure ("more"), and all the words it shows:
/// neither hidden text nor what a closed disclosure holds beyond its summary.
pub const WORDS: &str = "(() => {
    const main = document.querySelector('main');
    const more = main.querySelector('details');
    const count = text => (text.match(/\\S+/g) || []).length;
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    let before = 0, shown = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const closed = parent.closest('details:not([open])');
        if (closed && !parent.closest('summary')) continue;
        if (parent.getClientRects().length === 0) continue;
        const words = count(node.textContent);
        shown += words;
        if (!more || more.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_PRECEDING) before += words;
    }
    return [before, shown];
})()";

/// Issue 26, item 6: the result page was about 900 words; "What you can try tonight"
/// started on the 7th screen at 360 Largest (3rd at 412 Standard). The urgency and the
/// first thing to try tonight are inside the first 1.5 screens at 360 Largest, and fewer
/// than 350 words come before the first "more" at 412 Standard; the first tip is the
/// best fit's (sciatica), not poor blood flow's, which only fits a little.
#[test]
fn the_result_puts_the_urgency_and_tonight_first() {
    let (server, mut browser, page) = e2e::start_app();
    let origin = server.origin();
    page.open(&mut browser, &format!("{origin}/")).unwrap();
    e2e::ui::begin_quiz(&page, &mut browser, &origin);
    e2e::ui::answer_by_heading(&page, &mut browser, e2e::ui::SEVERE_SCIATICA);
    e2e::ui::click_button(&page, &mut browser, "See my result");
    page.wait_for(
        &mut browser,
        "document.querySelector('.urgency-banner')",
        Duration::from_secs(5),
    )
    .unwrap();
    let result = page.eval(&mut browser, "location.href").unwrap();
    let result = result.as_str().unwrap().to_string();
    let mut failures = Vec::new();
    for (width, height, size) in [(360, 740, "largest"), (412, 915, "standard")] {
        phone(&page, &mut browser, width, height);
        for theme in ["dark", "light"] {
            e2e::ui::store_settings(&page, &mut browser, theme, size);
            page.open(&mut browser, &result).unwrap();
            page.wait_for(
                &mut browser,
                "document.querySelector('.urgency-banner')",
                Duration::from_secs(5),
            )
            .unwrap();
            let depth = page.eval(&mut browser, ANSWER_DEPTH).unwrap();
            let words = page.eval(&mut browser, WORDS).unwrap();
            println!("result at {width}x{height} {size} {theme}: [urgency, first tip, screen] px {depth}; [words before the first more, words shown] {words}");
            let screens = height as f64 * 1.5;
            if size == "largest"
                && !(depth[0].as_f64().is_some_and(|y| y <= screens)
                    && depth[1].as_f64().is_some_and(|y| y <= screens))
            {
                failures.push(format!("{theme}: urgency and first tip end at {depth} px, past 1.5 screens ({screens})"));
            }
            if size == "standard" && words[0].as_u64().is_none_or(|n| n >= 350) {
                failures.push(format!(
                    "{theme}: {} words before the first \"more\"",
                    words[0]
                ));
            }
            note_misfits(
                &page,
                &mut browser,
                &format!("{width} {size} {theme}"),
                &mut failures,
            );
            e2e::checked_screenshot(
                &page,
                &mut browser,
                "small-phone",
                &format!("result-{width}-{size}-{theme}"),
            );
            // The causes, the first one opened, as a person who taps "More" sees them.
            page.eval(
                &mut browser,
                "(() => { const row = document.querySelector('.causes details'); if (row) row.open = true; document.querySelector('main h2:nth-of-type(2)').scrollIntoView(); })()",
            )
            .unwrap();
            e2e::checked_screenshot(
                &page,
                &mut browser,
                "small-phone",
                &format!("result-{width}-{size}-{theme}-causes"),
            );
            page.screenshot_whole_page(
                &mut browser,
                &e2e::workspace_root().join(format!(
                    "tests/e2e/screenshots/small-phone/result-{width}-{size}-{theme}-whole.png"
                )),
            )
            .unwrap();
        }
    }
    let card = page.text(&mut browser, ".tonight-card").unwrap_or_default();
    if !card.contains("For Pinched nerve (sciatica), fits well") {
        failures.push(format!("the card's tips are not sciatica's: {card:?}"));
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Issue 26, item 8: Home's "Get help now if" listed 18 signs (7 screens at Largest), and
/// a finished check's advice was two taps away. Home shows the last result's urgency and
/// its first step for tonight, the emergency signs, and the other signs behind one "More
/// warning signs".
#[test]
fn home_shows_the_last_advice_and_the_emergency_signs_first() {
    let (server, mut browser, page) = e2e::start_app();
    let origin = server.origin();
    page.open(&mut browser, &format!("{origin}/")).unwrap();
    let before = page.eval(&mut browser, WORDS).unwrap();
    println!("home at 412x915 standard light before any check: [words before the first more, words shown] {before}");
    e2e::ui::begin_quiz(&page, &mut browser, &origin);
    e2e::ui::answer_by_heading(&page, &mut browser, e2e::ui::SEVERE_SCIATICA);
    e2e::ui::click_button(&page, &mut browser, "See my result");
    page.wait_for(
        &mut browser,
        "document.querySelector('.tonight-tips li')",
        Duration::from_secs(5),
    )
    .unwrap();
    let first_tip = page.text(&mut browser, ".tonight-tips li").unwrap();
    let mut failures = Vec::new();
    for (width, height, size) in [(360, 740, "largest"), (412, 915, "standard")] {
        phone(&page, &mut browser, width, height);
        for theme in ["dark", "light"] {
            e2e::ui::store_settings(&page, &mut browser, theme, size);
            page.open(&mut browser, &format!("{origin}/")).unwrap();
            if page
                .wait_for(
                    &mut browser,
                    "document.querySelector('.last-result')",
                    Duration::from_secs(5),
                )
                .is_err()
            {
                failures.push(format!(
                    "{width} {size} {theme}: no card with the last result"
                ));
                continue;
            }
            let card = page.text(&mut browser, ".last-result").unwrap();
            for words in [
                "See a doctor in the next few days",
                first_tip.as_str(),
                "See the whole result",
            ] {
                if !card.contains(words) {
                    failures.push(format!("{theme}: the card lacks {words:?}: {card:?}"));
                }
            }
            let signs = page
                .eval(
                    &mut browser,
                    "(() => { const box = document.querySelector('.warning-signs');
                        const shown = [...box.querySelectorAll('li')].filter(li => !li.closest('details:not([open])')).length;
                        const more = box.querySelector('details:not([open]) summary')?.textContent;
                        const emergency = box.querySelector('ul').children.length;
                        const folded = box.querySelectorAll('details li').length;
                        return [shown, more || null, Math.round(box.getBoundingClientRect().height), emergency, folded]; })()",
                )
                .unwrap();
            let words = page.eval(&mut browser, WORDS).unwrap();
            println!("home at {width}x{height} {size} {theme}: [signs shown, disclosure, box px, emergency signs, folded signs] {signs}; [words before the first more, words shown] {words} (before a check: {before})");
            // Shown: exactly the emergency signs; the others behind "More warning signs".
            if signs[0] != signs[3]
                || signs[1] != json!("More warning signs")
                || signs[4].as_u64() < Some(1)
            {
                failures.push(format!("{theme}: warning signs {signs}"));
            }
            note_misfits(
                &page,
                &mut browser,
                &format!("{width} {size} {theme}"),
                &mut failures,
            );
            e2e::checked_screenshot(
                &page,
                &mut browser,
                "small-phone",
                &format!("home-{width}-{size}-{theme}"),
            );
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Issue 26, item 9: at 360 Largest the header and the two-row navigation took 199 of 740
/// px (267 offline, the offline pill wrapping the header), and the first question showed
/// no answer. In the check, the foot check and the check-in the navigation is behind a
/// "Leave" in the header, Next rides in a bar at the bottom, and offline is an icon.
#[test]
fn task_flows_get_the_screen_with_leave_and_a_next_bar() {
    let (server, mut browser, page) = e2e::start_app();
    let origin = server.origin();
    phone(&page, &mut browser, 360, 740);
    let mut failures = Vec::new();
    for theme in ["dark", "light"] {
        page.open(&mut browser, &format!("{origin}/")).unwrap();
        page.eval(&mut browser, "localStorage.clear()").unwrap();
        e2e::ui::store_settings(&page, &mut browser, theme, "largest");
        e2e::ui::open_quiz(&page, &mut browser, &origin);
        let fit = |page: &Page, browser: &mut Browser| {
            page.eval(
                browser,
                "(() => { const bar = document.querySelector('.step-bar').getBoundingClientRect();
                    const first = document.querySelector('label.choice').getBoundingClientRect();
                    const header = document.querySelector('.top-bar').getBoundingClientRect();
                    return { nav: document.querySelector('.bottom-nav').getClientRects().length > 0,
                             leave: !!document.querySelector('.leave-slot:not([hidden])'),
                             first_answer_shown: first.top >= header.bottom && first.bottom <= bar.top,
                             bar_in_view: bar.top >= header.bottom && bar.bottom <= window.innerHeight + 0.5,
                             header: Math.round(header.height) }; })()",
            )
            .unwrap()
        };
        let first = fit(&page, &mut browser);
        println!("{theme}, first question: {first}");
        let wanted =
            json!({ "nav": false, "leave": true, "first_answer_shown": true, "bar_in_view": true });
        for (key, value) in wanted.as_object().unwrap() {
            if &first[key] != value {
                failures.push(format!("{theme}, first question: {key} is {}", first[key]));
            }
        }
        // A long question: Next stays in reach without scrolling to the end.
        e2e::ui::answer(&page, &mut browser, &[e2e::ui::ADULT]);
        let long = fit(&page, &mut browser);
        if long["bar_in_view"] != json!(true) {
            failures.push(format!(
                "{theme}: the Next bar is out of view on a long question: {long}"
            ));
        }
        e2e::checked_screenshot(
            &page,
            &mut browser,
            "small-phone",
            &format!("task-quiz-360-largest-{theme}"),
        );
        // Offline: an icon named for screen readers, the header still one row.
        page.call(
            &mut browser,
            "Network.emulateNetworkConditions",
            json!({ "offline": true, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
        )
        .unwrap();
        page.wait_for(
            &mut browser,
            "document.querySelector('.offline-badge')",
            Duration::from_secs(5),
        )
        .unwrap();
        let offline = fit(&page, &mut browser);
        let named = page
            .text(&mut browser, ".offline-badge .visually-hidden")
            .unwrap();
        if offline["header"] != first["header"] || named != "Offline: everything still works" {
            failures.push(format!(
                "{theme}: offline header {} px (online {}), named {named:?}",
                offline["header"], first["header"]
            ));
        }
        e2e::checked_screenshot(
            &page,
            &mut browser,
            "small-phone",
            &format!("task-quiz-offline-360-largest-{theme}"),
        );
        page.call(
            &mut browser,
            "Network.emulateNetworkConditions",
            json!({ "offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
        )
        .unwrap();
        // The foot check and the check-in are tasks too; Learn is not.
        for (route, task) in [("/foot-check", true), ("/tonight", true), ("/learn", false)] {
            page.open(&mut browser, &format!("{origin}{route}"))
                .unwrap();
            let shown = page
                .eval(&mut browser, "[document.querySelector('.bottom-nav').getClientRects().length > 0, !!document.querySelector('.leave-slot:not([hidden])')]")
                .unwrap();
            if shown != json!([!task, task]) {
                failures.push(format!("{theme} {route}: [navigation, Leave] {shown}"));
            }
        }
        // Leave goes home, where the navigation is back.
        page.open(&mut browser, &format!("{origin}/tonight"))
            .unwrap();
        page.eval(
            &mut browser,
            "document.querySelector('.top-bar .leave').click()",
        )
        .unwrap();
        if page
            .wait_for(
                &mut browser,
                "location.pathname === '/' && document.querySelector('.bottom-nav').getClientRects().length > 0",
                Duration::from_secs(5),
            )
            .is_err()
        {
            failures.push(format!("{theme}: Leave did not go home"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Issue 26, item 10: a foot-check area step was about 6 screens at Largest, the photo
/// guidance open on every step. The choices come right under the heading, the first one
/// inside the first screen, and the guidance is folded.
#[test]
fn a_foot_check_step_puts_its_choices_first() {
    let (server, mut browser, page) = e2e::start_app();
    let origin = server.origin();
    let mut failures = Vec::new();
    for (width, height, size) in [(360, 740, "largest"), (412, 915, "standard")] {
        phone(&page, &mut browser, width, height);
        for theme in ["dark", "light"] {
            page.open(&mut browser, &format!("{origin}/")).unwrap();
            e2e::ui::store_settings(&page, &mut browser, theme, size);
            page.open(&mut browser, &format!("{origin}/foot-check"))
                .unwrap();
            e2e::ui::click_button(&page, &mut browser, "Start the foot check");
            e2e::ui::pick(&page, &mut browser, &["Not sure"]);
            e2e::ui::next_screen(&page, &mut browser, "Next");
            e2e::ui::pick(&page, &mut browser, &["Skip it"]);
            e2e::ui::next_screen(&page, &mut browser, "Next");
            assert_eq!(e2e::ui::heading(&page, &mut browser), "Left foot: heel");
            // The photo part comes from its own chunk, a moment after the step.
            page.wait_for(
                &mut browser,
                "document.querySelector('.photo-tips')",
                Duration::from_secs(10),
            )
            .expect("the photo guidance");
            let layout = page
                .eval(
                    &mut browser,
                    "(() => { const first = document.querySelector('label.choice').getBoundingClientRect();
                        // (A build from before the bar: the navigation's top.)
                        const bar = (document.querySelector('.step-bar') || document.querySelector('.bottom-nav')).getBoundingClientRect();
                        const guidance = document.querySelector('.photo-tips');
                        return { first_choice_in_view: first.bottom <= bar.top,
                                 guidance_folded: !!guidance && !guidance.open,
                                 screens: +(document.documentElement.scrollHeight / innerHeight).toFixed(1) }; })()",
                )
                .unwrap();
            let words = page.eval(&mut browser, WORDS).unwrap();
            println!("foot check, left heel, at {width}x{height} {size} {theme}: {layout}; [words before the first more, words shown] {words}");
            if layout["first_choice_in_view"] != json!(true)
                || layout["guidance_folded"] != json!(true)
            {
                failures.push(format!("{width} {size} {theme}: {layout}"));
            }
            note_misfits(
                &page,
                &mut browser,
                &format!("{width} {size} {theme}"),
                &mut failures,
            );
            e2e::checked_screenshot(
                &page,
                &mut browser,
                "small-phone",
                &format!("foot-step-{width}-{size}-{theme}"),
            );
            page.eval(&mut browser, "localStorage.clear()").unwrap();
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
