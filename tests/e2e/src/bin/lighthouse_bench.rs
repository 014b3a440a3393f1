//! Lighthouse (npm `lighthouse`, its default mobile preset: simulated slow 4G and a 4x
//! slower CPU; fresh profile each run) on every prerendered page of the app, each opened by
//! its address, beside two references measured in the same run: a static HTML page holding
//! the Learn text (the limit) and the bare Leptos hello world of `bench/baseline`. The pages
//! take turns, run after run; the table shows medians, and the last line says whether every
//! page meets issue 28's targets.
//!
//! `cargo run -p e2e --bin lighthouse_bench -- [runs]` after `trunk build --release` of both
//! (scripts/bench-lighthouse does all of it).

use e2e::server::StaticServer;
use legs_core::learn::content::{INTRO, SECTIONS};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

struct Sample {
    performance: f64,
    others: [f64; 3],
    lcp_ms: f64,
    tbt_ms: f64,
    cls: f64,
    requests: f64,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The Learn text as one plain page: what a reader could see with no app at all.
fn write_static_article(dir: &Path) {
    let mut body = String::from("<h1>Why legs hurt in bed</h1>\n");
    for paragraph in INTRO {
        body += &format!("<p>{}</p>\n", escape(paragraph));
    }
    for section in SECTIONS {
        body += &format!("<h2>{}</h2>\n", escape(section.title));
        for paragraph in section.paragraphs {
            body += &format!("<p>{}</p>\n", escape(paragraph));
        }
    }
    let page = format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"description\" content=\"The Learn text as a static page\">\
         <title>Why legs hurt in bed</title></head><body>{body}</body></html>"
    );
    std::fs::write(dir.join("index.html"), page).expect("write the static page");
}

fn lighthouse(url: &str, out: &Path) -> Sample {
    let chrome_flags = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --disable-quic";
    let status = Command::new(std::env::var("LIGHTHOUSE").unwrap_or("lighthouse".into()))
        .args([url, "--quiet", "--output", "json", "--output-path"])
        .arg(out)
        .arg(format!("--chrome-flags={chrome_flags}"))
        .env(
            "CHROME_PATH",
            std::env::var("CHROMIUM").unwrap_or("/usr/bin/chromium".into()),
        )
        .status()
        .expect("run lighthouse (scripts/bench-lighthouse installs it)");
    assert!(status.success(), "lighthouse failed on {url}");
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(out).expect("report")).expect("json");
    if let Some(error) = report.get("runtimeError") {
        panic!("lighthouse on {url}: {error}");
    }
    let score = |category: &str| {
        report["categories"][category]["score"]
            .as_f64()
            .unwrap_or(0.0)
            * 100.0
    };
    let audit = |id: &str| {
        report["audits"][id]["numericValue"]
            .as_f64()
            .unwrap_or(f64::NAN)
    };
    Sample {
        performance: score("performance"),
        others: [
            score("accessibility"),
            score("best-practices"),
            score("seo"),
        ],
        lcp_ms: audit("largest-contentful-paint"),
        tbt_ms: audit("total-blocking-time"),
        cls: audit("cumulative-layout-shift"),
        requests: report["audits"]["network-requests"]["details"]["items"]
            .as_array()
            .map(|items| items.len() as f64)
            .unwrap_or(f64::NAN),
    }
}

/// Every page the build prerendered (a folder's `index.html`), by its address.
fn prerendered_routes(dist: &Path) -> Vec<String> {
    fn walk(dir: &Path, route: &str, routes: &mut Vec<String>) {
        if dir.join("index.html").is_file() {
            routes.push(if route.is_empty() {
                "/".into()
            } else {
                route.into()
            });
        }
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            if entry.path().is_dir() {
                let name = entry.file_name().to_string_lossy().into_owned();
                walk(&entry.path(), &format!("{route}/{name}"), routes);
            }
        }
    }
    let mut routes = Vec::new();
    walk(dist, "", &mut routes);
    routes.sort();
    routes
}

/// Issue 28's targets for every prerendered page, against the static page's LCP.
const TARGETS: &str = "performance >= 99, LCP <= 1.15x the static page, TBT <= 50 ms, \
    accessibility, best practices and SEO 100";

fn misses_targets(sample: &Sample, static_lcp: f64) -> Vec<&'static str> {
    let mut missed = Vec::new();
    if sample.performance < 99.0 {
        missed.push("performance");
    }
    if sample.lcp_ms > 1.15 * static_lcp {
        missed.push("LCP");
    }
    if sample.tbt_ms > 50.0 {
        missed.push("TBT");
    }
    if sample.others.iter().any(|score| *score < 100.0) {
        missed.push("a11y / best practices / SEO");
    }
    missed
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(|a, b| a.total_cmp(b));
    values[values.len() / 2]
}

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(3);
    let root = e2e::workspace_root();
    let baseline = root.join("bench/baseline/dist");
    assert!(
        baseline.join("index.html").is_file(),
        "build bench/baseline first (scripts/bench-lighthouse does)"
    );
    let article = e2e::fresh_dir("static-article");
    write_static_article(&article);
    let reports = e2e::fresh_dir("lighthouse");
    let mut servers = vec![
        StaticServer::start_like_a_host(&article),
        StaticServer::start_like_a_host(&baseline),
        StaticServer::start_like_a_host(&e2e::dist_dir()),
    ];
    let mut pages = vec![
        (
            "static article page".to_string(),
            format!("{}/", servers[0].origin()),
        ),
        (
            "Leptos hello world".into(),
            format!("{}/", servers[1].origin()),
        ),
    ];
    // `LAN_BEFORE_DIST`: an older build, measured in the same run for a before/after.
    let mut builds = vec![("app", servers[2].origin())];
    if let Some(before) = std::env::var_os("LAN_BEFORE_DIST") {
        servers.push(StaticServer::start_like_a_host(std::path::Path::new(
            &before,
        )));
        builds.insert(0, ("before", servers[3].origin()));
    }
    // `LAN_ROUTES`: some pages only (space-separated), for a quicker look.
    let routes = match std::env::var("LAN_ROUTES") {
        Ok(list) => list.split_whitespace().map(String::from).collect(),
        Err(_) => prerendered_routes(&e2e::dist_dir()),
    };
    let references = pages.len();
    for (label, origin) in &builds {
        for path in &routes {
            pages.push((format!("{label} `{path}`"), format!("{origin}{path}")));
        }
    }
    let mut samples: Vec<Vec<Sample>> = pages.iter().map(|_| Vec::new()).collect();
    for run in 0..runs {
        for (i, (name, url)) in pages.iter().enumerate() {
            eprintln!("run {}/{runs}: {name}", run + 1);
            samples[i].push(lighthouse(url, &reports.join(format!("{i}-{run}.json"))));
        }
    }
    let static_lcp = median(samples[0].iter().map(|s| s.lcp_ms).collect());
    println!("Lighthouse mobile preset, median of {runs} interleaved runs");
    println!("| page | performance | a11y / best practices / SEO | LCP | LCP ÷ static | TBT | CLS | requests |");
    println!("|---|---|---|---|---|---|---|---|");
    let mut missed = Vec::new();
    for (i, ((name, _), runs)) in pages.iter().zip(&samples).enumerate() {
        let m = |f: fn(&Sample) -> f64| median(runs.iter().map(f).collect());
        let medians = Sample {
            performance: m(|s| s.performance),
            others: [m(|s| s.others[0]), m(|s| s.others[1]), m(|s| s.others[2])],
            lcp_ms: m(|s| s.lcp_ms),
            tbt_ms: m(|s| s.tbt_ms),
            cls: m(|s| s.cls),
            requests: m(|s| s.requests),
        };
        println!(
            "| {name} | {:.0} | {:.0} / {:.0} / {:.0} | {:.2} s | {:.2}× | {:.0} ms | {:.3} | {:.0} |",
            medians.performance,
            medians.others[0],
            medians.others[1],
            medians.others[2],
            medians.lcp_ms / 1000.0,
            medians.lcp_ms / static_lcp,
            medians.tbt_ms,
            medians.cls,
            medians.requests,
        );
        let misses = misses_targets(&medians, static_lcp);
        if i >= references && !misses.is_empty() {
            missed.push(format!("{name} ({})", misses.join(", ")));
        }
    }
    println!();
    if missed.is_empty() {
        println!("Every page measured meets the targets ({TARGETS}).");
    } else {
        println!("Targets ({TARGETS}) missed by: {}.", missed.join("; "));
    }
}
