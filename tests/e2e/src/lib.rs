//! Harness for the end-to-end suite: a static server for `dist/` on 127.0.0.1 that can be
//! cut off and a small DevTools-protocol client for Debian's headless Chromium (both from
//! `xtask`, whose prerendering uses them too), and a WebDriver session for three engines.

pub use xtask::{cdp, fresh_dir, server};
pub mod synthetic;
pub mod ui;
pub mod webdriver;

use std::io::{BufRead, Read, Write};
use std::path::PathBuf;

pub const CONDITIONS: [&str; 9] = [
    "nerve_compression",
    "neuropathy",
    "joint_and_muscle",
    "spinal_stenosis",
    "arterial_rest_pain",
    "venous_insufficiency",
    "skin_fissures",
    "night_cramps",
    "restless_legs",
];

/// Every fixed route: (path, words its page heading must contain).
pub fn routes() -> Vec<(String, &'static str)> {
    let mut routes = vec![
        ("/".to_string(), "Tonight"),
        ("/learn".to_string(), "Why legs hurt in bed"),
        ("/settings".to_string(), "Settings"),
        ("/quiz".to_string(), "Symptom check"),
        ("/quiz/history".to_string(), "Past results"),
        ("/quiz/result/12345".to_string(), "Result not found"),
        ("/foot-check".to_string(), "Foot check"),
        ("/foot-check/history".to_string(), "Past foot checks"),
        ("/reminders".to_string(), "Moisturising reminders"),
        ("/tonight".to_string(), "Your legs tonight"),
        ("/diary".to_string(), "Night diary"),
        ("/no/such/page".to_string(), "could not find"),
        ("/learn/warning-signs".to_string(), "Warning signs"),
    ];
    let headings = [
        "pinched nerve",
        "neuropathy",
        "Joints and tight muscles",
        "not a lying-down pain",
        "rest pain",
        "Vein disease",
        "Cracked heel skin",
        "Night cramps",
        "Restless legs",
    ];
    for (id, heading) in CONDITIONS.iter().zip(headings) {
        routes.push((format!("/learn/{id}"), heading));
    }
    routes
}

/// The built app under test: `$LAN_DIST`, or `dist/` at the workspace root.
pub fn dist_dir() -> PathBuf {
    std::env::var_os("LAN_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("dist"))
}

pub fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Everything that does not fit: the page wider than the screen, a nav label wider than
/// its tab, two tabs overlapping, the end of the page hidden under the navigation. An
/// expression: CDP evaluates it as it is, WebDriver after `return `.
pub const MISFITS: &str = r#"(() => {
    const problems = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) {
        const wide = [...document.querySelectorAll('main *')]
            .filter(el => el.getBoundingClientRect().right > width + 0.5)
            .slice(0, 3).map(el => el.tagName + '.' + el.className);
        problems.push('page is ' + document.documentElement.scrollWidth + ' px wide for ' + width + ': ' + wide.join(', '));
    }
    const tabs = [...document.querySelectorAll('.bottom-nav a')];
    tabs.forEach((tab, i) => {
        const box = tab.getBoundingClientRect();
        for (const part of tab.querySelectorAll('span')) {
            const r = part.getBoundingClientRect();
            if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5) {
                problems.push('nav label "' + tab.textContent + '" spills out of its tab');
            }
        }
        const next = tabs[i + 1];
        if (next) {
            const n = next.getBoundingClientRect();
            // Neighbours share an edge; sub-pixel column widths may put them a hair apart or in.
            const overlap = Math.min(box.right, n.right) - Math.max(box.left, n.left) > 0.5 && Math.min(box.bottom, n.bottom) - Math.max(box.top, n.top) > 0.5;
            if (overlap) problems.push('tabs "' + tab.textContent + '" and "' + next.textContent + '" overlap');
        }
        if (box.right > width + 0.5) problems.push('tab "' + tab.textContent + '" is off screen');
    });
    // Scrolled to the end, the page's last words clear the navigation, which sits on the
    // bottom edge of the screen.
    window.scrollTo(0, document.documentElement.scrollHeight);
    // In a task the navigation is hidden behind "Leave", and the page runs to the screen's edge.
    const navBar = document.querySelector('.bottom-nav');
    const nav = navBar && navBar.getClientRects().length ? navBar.getBoundingClientRect() : { top: innerHeight, bottom: innerHeight };
    // What a closed disclosure holds has boxes in Chrome but is not on the page.
    const folded = el => { const d = el.closest('details:not([open])'); return d && d !== el && !el.closest('summary'); };
    const last = [...document.querySelectorAll('main *')].filter(el => el.getClientRects().length && !folded(el)).pop();
    if (last && last.getBoundingClientRect().bottom > nav.top + 0.5) problems.push('the end of the page is under the navigation');
    if (Math.abs(nav.bottom - innerHeight) > 1) problems.push('the navigation ends at ' + nav.bottom + ', not the bottom of the screen (' + innerHeight + ')');
    // A link that stands alone in its line (a paragraph's only element), and the import's
    // file label, are targets a thumb must hit: 44 px high (issue 26).
    for (const target of document.querySelectorAll('main p > a:only-child, main .file-label')) {
        const r = target.getBoundingClientRect();
        if (r.height && r.height < 43.5) problems.push('"' + target.textContent.trim() + '" is ' + r.height.toFixed(1) + ' px high');
    }
    window.scrollTo(0, 0);
    return problems;
})()"#;

/// Every `.html` file below `dir`: the shell and each prerendered page.
pub fn html_files(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = xtask::post_build::list_files(dir)
        .expect("list the built files")
        .into_iter()
        .filter(|path| path.ends_with(".html"))
        .map(|path| dir.join(path))
        .collect();
    found.sort();
    found
}

/// Copies a directory tree (the update test serves and then changes a copy of dist/).
pub fn copy_tree(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// Runs axe-core (from tests/e2e/node_modules) on the page and returns the WCAG 2.x A/AA
/// violations, one line each.
pub fn axe_violations(page: &cdp::Page, browser: &mut cdp::Browser) -> Vec<String> {
    let axe_path = workspace_root().join("tests/e2e/node_modules/axe-core/axe.min.js");
    let axe = std::fs::read_to_string(&axe_path)
        .unwrap_or_else(|e| panic!("{}: {e} (run npm ci in tests/e2e)", axe_path.display()));
    let loaded = page
        .eval(browser, "typeof axe !== 'undefined'")
        .unwrap_or_default();
    if loaded != serde_json::Value::Bool(true) {
        page.eval(browser, &axe).expect("inject axe-core");
    }
    let violations = page
        .eval(
            browser,
            "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
                .then(r => r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', ')))",
        )
        .expect("axe.run");
    violations
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// The built app served on 127.0.0.1 and a fresh headless Chromium with one phone-sized tab.
pub fn start_app() -> (server::StaticServer, cdp::Browser, cdp::Page) {
    let dist = dist_dir();
    assert!(
        dist.join("index.html").is_file(),
        "no build at {}: run `trunk build --release` first",
        dist.display()
    );
    let server = server::StaticServer::start(&dist);
    let mut browser = cdp::Browser::launch().expect("launch Chromium");
    let page = browser.new_page().expect("open a tab");
    (server, browser, page)
}

/// Screenshots the screen into tests/e2e/screenshots/<folder>/<name>.png and checks it
/// with axe-core on the way.
pub fn checked_screenshot(page: &cdp::Page, browser: &mut cdp::Browser, folder: &str, name: &str) {
    let path = workspace_root().join(format!("tests/e2e/screenshots/{folder}/{name}.png"));
    page.screenshot(browser, &path).unwrap();
    let violations = axe_violations(page, browser);
    assert!(violations.is_empty(), "{folder}/{name}: {violations:#?}");
}

/// An HTTP answer as served, before any browser touches it.
pub struct Answer {
    pub status: u16,
    pub content_type: String,
    /// Where a redirect points.
    pub location: String,
    /// Every header, names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// A plain HTTP/1.1 GET to 127.0.0.1.
pub fn http_get(port: u16, path: &str) -> std::io::Result<Answer> {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(std::time::Duration::from_secs(30)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/html,*/*\r\nConnection: close\r\n\r\n"
    )?;
    let mut reader = std::io::BufReader::new(stream);
    let mut status_line = String::new();
    reader.read_line(&mut status_line)?;
    let status = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut content_type = String::new();
    let mut location = String::new();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            if name.eq_ignore_ascii_case("content-type") {
                content_type = value.trim().to_string();
            }
            if name.eq_ignore_ascii_case("location") {
                location = value.trim().to_string();
            }
        }
    }
    let mut body = Vec::new();
    reader.read_to_end(&mut body)?;
    Ok(Answer {
        status,
        content_type,
        location,
        headers,
        body: String::from_utf8_lossy(&body).to_string(),
    })
}

/// Writes a 24-bit BMP of `width` x `height` whose pixel at (x, y) is `pixel(x, y)` as
/// [blue, green, red]: a picture every browser decodes, with no image library.
pub fn write_bmp(
    path: &std::path::Path,
    width: u32,
    height: u32,
    mut pixel: impl FnMut(u32, u32) -> [u8; 3],
) {
    let row = (width * 3).div_ceil(4) * 4;
    let size = 54 + row * height;
    let mut bytes = Vec::with_capacity(size as usize);
    bytes.extend(b"BM");
    bytes.extend(size.to_le_bytes());
    bytes.extend([0u8; 4]);
    bytes.extend(54u32.to_le_bytes());
    bytes.extend(40u32.to_le_bytes());
    bytes.extend(width.to_le_bytes());
    bytes.extend(height.to_le_bytes());
    bytes.extend(1u16.to_le_bytes());
    bytes.extend(24u16.to_le_bytes());
    bytes.extend([0u8; 24]);
    for y in 0..height {
        for x in 0..width {
            bytes.extend(pixel(x, y));
        }
        bytes.extend(std::iter::repeat_n(0u8, (row - width * 3) as usize));
    }
    std::fs::write(path, bytes).expect("write the picture");
}
