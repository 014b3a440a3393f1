//! Lighthouse (npm `lighthouse`, its default mobile preset: simulated slow 4G and a 4x
//! slower CPU; fresh profile each run) on the app's Home, a Learn page and the quiz, each
//! opened by its address, beside two references measured in the same run: a static HTML
//! page holding the Learn text (the limit) and the bare Leptos hello world of
//! `bench/baseline`. The pages take turns, run after run, and the table shows medians.
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
    for (label, origin) in &builds {
        for path in ["/", "/learn/arterial_rest_pain", "/quiz"] {
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
    for ((name, _), runs) in pages.iter().zip(&samples) {
        let m = |f: fn(&Sample) -> f64| median(runs.iter().map(f).collect());
        let lcp = m(|s| s.lcp_ms);
        println!(
            "| {name} | {:.0} | {:.0} / {:.0} / {:.0} | {:.2} s | {:.2}× | {:.0} ms | {:.3} | {:.0} |",
            m(|s| s.performance),
            m(|s| s.others[0]),
            m(|s| s.others[1]),
            m(|s| s.others[2]),
            lcp / 1000.0,
            lcp / static_lcp,
            m(|s| s.tbt_ms),
            m(|s| s.cls),
            m(|s| s.requests),
        );
    }
}
