//! Prerendering: every fixed page of the built app gets an HTML file of its own with the
//! page's content already in `<body>`, so a first visit shows it before the wasm has
//! arrived, a Learn page reads with JavaScript off, and links work from the start.
//!
//! The pages are snapshots of the real app, rendered by headless Chromium from the built
//! files with an empty profile (so default theme and text size, no stored data): the same
//! components, the same wasm, nothing to keep in step with a second, server-side rendering
//! of components that call browser APIs. The pages are found by following the app's own
//! links from Home, so a new page is prerendered as soon as something links to it. Pages
//! with an id in their address (a saved result) stay with the shell.
//!
//! Each file also names its page's own wasm chunk (`data-chunk`), which the boot script fetches
//! beside the main module once the page is painted, instead of after it.

use crate::cdp::Browser;
use crate::server::StaticServer;
use crate::Result;
use serde_json::Value;
use std::collections::{BTreeMap, VecDeque};
use std::path::Path;

/// The page every host serves for an unknown address, and the service worker too.
pub const NOT_FOUND_FILE: &str = "404.html";
/// The empty page the app starts from for addresses that have no file of their own.
pub const SHELL_FILE: &str = "shell.html";
const NOT_FOUND_PROBE: &str = "__prerender_not_found__";

struct Snapshot {
    title: String,
    body: String,
    /// The page's own chunk, relative to the base (`pkg-…/split_…_page.wasm`), if lazy.
    chunk: Option<String>,
    links: Vec<String>,
}

/// `<base href>` of the built page: `/` unless built with `--public-url`.
pub fn base_href(html: &str) -> String {
    html.split("<base href=")
        .nth(1)
        .map(|rest| {
            rest.trim_start_matches(['"', '\''])
                .split(['"', '\'', '>', ' '])
                .next()
                .unwrap_or("/")
                .to_string()
        })
        .unwrap_or_else(|| "/".into())
}

/// Where the page for `route` (relative to the base, no leading slash) is written.
pub fn file_for(route: &str) -> String {
    match route.trim_matches('/') {
        "" => "index.html".into(),
        NOT_FOUND_PROBE => NOT_FOUND_FILE.into(),
        path => format!("{path}/index.html"),
    }
}

/// Addresses worth a file: inside the app, no query, no digits (ids of saved records).
fn is_fixed_page(route: &str) -> bool {
    !route.contains(['?', '#', '.']) && !route.chars().any(|c| c.is_ascii_digit())
}

/// `shell` with the snapshot's title, body and chunk name put in. The body names its
/// route, so the start-up can tell a page served for another address (a host's fallback)
/// and clear it at once rather than show the wrong page until the app is up.
pub fn page_html(
    shell: &str,
    route: &str,
    title: &str,
    body: &str,
    chunk: Option<&str>,
) -> Result<String> {
    let (head, rest) = shell
        .split_once("<body>")
        .ok_or("index.html has no <body>")?;
    let (_, tail) = rest
        .split_once("</body>")
        .ok_or("index.html has no </body>")?;
    let title = title.replace('&', "&amp;").replace('<', "&lt;");
    let head = head.replacen(
        "<title>Legs at Night</title>",
        &format!("<title>{title}</title>"),
        1,
    );
    let chunk = chunk
        .map(|chunk| format!(" data-chunk=\"{chunk}\""))
        .unwrap_or_default();
    Ok(format!(
        "{head}<body data-prerendered=\"{route}\"{chunk}>{body}</body>{tail}"
    ))
}

fn snapshot(browser: &mut Browser, url: &str, base: &str) -> Result<Snapshot> {
    let page = browser.new_page()?;
    if let Err(error) = page.open(browser, url) {
        let events = browser.take_events();
        return Err(format!("{error}; the page said: {:?}", page.problems(&events)).into());
    }
    // A lazy page shows "Loading…" until its chunk runs; wait for the page itself.
    page.wait_for(
        browser,
        "!document.querySelector('.page-loading') && document.querySelector('main h1')",
        std::time::Duration::from_secs(20),
    )?;
    let found = page.eval(
        browser,
        &format!(
            "(() => {{
                const base = {base:?};
                const chunk = performance.getEntriesByType('resource').map(e => new URL(e.name).pathname)
                    .find(p => /split_\\w+\\.wasm$/.test(p));
                const links = [...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))
                    .filter(h => h.startsWith(base)).map(h => h.slice(base.length));
                // The install part says what this browser does: never the build machine's.
                document.querySelectorAll('.install-part').forEach(part => part.replaceChildren());
                return {{ title: document.title, body: document.body.innerHTML,
                         chunk: chunk ? chunk.slice(base.length) : null, links }};
            }})()"
        ),
    )?;
    let _ = page.call(browser, "Page.close", serde_json::json!({}));
    let text = |key: &str| found[key].as_str().unwrap_or("").to_string();
    Ok(Snapshot {
        title: text("title"),
        body: text("body"),
        chunk: found["chunk"].as_str().map(String::from),
        links: found["links"]
            .as_array()
            .map(|links| {
                links
                    .iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default(),
    })
}

/// Prerenders every fixed page of the build in `dir`, writes `shell.html` (the page as
/// built, empty) beside them, and returns the files written.
pub fn run(dir: &Path) -> Result<Vec<String>> {
    let shell = std::fs::read_to_string(dir.join("index.html"))?;
    if shell.contains("data-prerendered") {
        return Err("index.html is already prerendered (was the build step run twice?)".into());
    }
    std::fs::write(dir.join(SHELL_FILE), &shell)?;
    let base = base_href(&shell);
    // Served under its base, as a host would serve it.
    let root = crate::fresh_dir("prerender");
    let mount = root.join(base.trim_matches('/'));
    if let Some(parent) = mount.parent() {
        std::fs::create_dir_all(parent)?;
    }
    if base.trim_matches('/').is_empty() {
        std::fs::remove_dir(&root)?;
        std::os::unix::fs::symlink(dir.canonicalize()?, &root)?;
    } else {
        std::os::unix::fs::symlink(dir.canonicalize()?, &mount)?;
    }
    let server = StaticServer::start(&root);
    let mut browser = Browser::launch().map_err(|e| {
        format!("prerendering needs Chromium ({e}); scripts/install-tools installs it")
    })?;
    // Home and the not-found page start the walk; past results are linked only once a
    // result exists, which an empty profile has not.
    let mut pending: VecDeque<String> = VecDeque::from([
        "".to_string(),
        NOT_FOUND_PROBE.into(),
        "quiz/history".into(),
    ]);
    let mut pages: BTreeMap<String, Snapshot> = BTreeMap::new();
    while let Some(route) = pending.pop_front() {
        if pages.contains_key(&route) {
            continue;
        }
        let url = format!("{}{base}{route}", server.origin());
        let shot = snapshot(&mut browser, &url, &base).map_err(|e| format!("{url}: {e}"))?;
        for link in &shot.links {
            let link = link.trim_end_matches('/').to_string();
            if is_fixed_page(&link) && !pages.contains_key(&link) {
                pending.push_back(link);
            }
        }
        pages.insert(route, shot);
    }
    drop(browser);
    drop(server);
    let _ = std::fs::remove_file(&root).or_else(|_| std::fs::remove_dir_all(&root));
    let mut written = Vec::new();
    for (route, shot) in &pages {
        let file = file_for(route);
        let path = dir.join(&file);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let html = page_html(
            &shell,
            route,
            &shot.title,
            &shot.body,
            shot.chunk.as_deref(),
        )?;
        std::fs::write(&path, html)?;
        written.push(file);
    }
    println!("prerender: {} pages", written.len());
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHELL: &str = "<!doctype html><html><head><title>Legs at Night</title><base href=/></head><body><noscript>x</noscript></body></html>";

    #[test]
    fn a_page_gets_its_title_body_and_chunk_name() {
        let html = page_html(
            SHELL,
            "learn",
            "Learn · Legs at Night",
            "<main><h1>Learn</h1></main>",
            Some("pkg-1/split_learn_pages.wasm"),
        )
        .unwrap();
        assert!(
            html.contains("<title>Learn · Legs at Night</title>"),
            "{html}"
        );
        assert!(html.contains(
            "<body data-prerendered=\"learn\" data-chunk=\"pkg-1/split_learn_pages.wasm\"><main><h1>Learn</h1></main></body>"
        ));
        assert!(
            !html.contains("rel=preload"),
            "nothing of the app's is fetched before the page is painted"
        );
        assert!(
            !html.contains("<noscript>x</noscript>"),
            "the snapshot's body replaces it"
        );
    }

    #[test]
    fn files_are_named_so_hosts_serve_them_for_the_address() {
        assert_eq!(file_for(""), "index.html");
        assert_eq!(file_for("learn/neuropathy"), "learn/neuropathy/index.html");
        assert_eq!(file_for(NOT_FOUND_PROBE), "404.html");
    }

    #[test]
    fn saved_records_and_files_are_not_fixed_pages() {
        assert!(is_fixed_page("learn/neuropathy"));
        assert!(is_fixed_page(""));
        assert!(!is_fixed_page("quiz/result/1764460800000"));
        assert!(!is_fixed_page("reminders?act=done"));
        assert!(!is_fixed_page("icons/icon.svg"));
    }

    #[test]
    fn the_base_is_read_in_either_form() {
        assert_eq!(base_href("<base href=/>"), "/");
        assert_eq!(base_href("<base href=\"/legs/\">"), "/legs/");
        assert_eq!(base_href("<head></head>"), "/");
    }
}
