//! Three engines over W3C WebDriver, through the `fantoccini` client: Chromium with
//! chromedriver, Firefox ESR with geckodriver, and WebKitGTK's MiniBrowser with
//! WebKitWebDriver (under `xvfb-run`: MiniBrowser has no headless mode and needs a display).
//! The DevTools client in `cdp` stays for what only Chromium can tell (installability,
//! console events, network emulation); this one is for what every engine must do.

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Map, Value};
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub type Result<T> = std::result::Result<T, String>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
    WebKit,
}

const MINIBROWSER: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

impl Engine {
    pub fn name(self) -> &'static str {
        match self {
            Engine::Chromium => "chromium",
            Engine::Firefox => "firefox",
            Engine::WebKit => "webkit",
        }
    }

    fn driver(self, port: u16, downloads: &Path, profile: &Path) -> Command {
        let mut command = match self {
            Engine::Chromium => {
                let mut c = Command::new("chromedriver");
                c.arg(format!("--port={port}"));
                c
            }
            Engine::Firefox => {
                let mut c = Command::new("geckodriver");
                c.args(["--port", &port.to_string()]);
                c
            }
            Engine::WebKit => {
                // MiniBrowser takes no download folder or profile option: it keeps its data
                // in the XDG folders and saves downloads to the XDG download folder, so a
                // fresh set of those is its fresh profile.
                let dirs = format!("XDG_DOWNLOAD_DIR=\"{}\"\n", downloads.display());
                let _ = std::fs::write(profile.join("user-dirs.dirs"), dirs);
                let mut c = Command::new("xvfb-run");
                c.args(["-a", "WebKitWebDriver", &format!("--port={port}")])
                    .env("XDG_CONFIG_HOME", profile)
                    .env("XDG_DATA_HOME", profile.join("data"))
                    .env("XDG_CACHE_HOME", profile.join("cache"));
                c
            }
        };
        // Its own process group, so that dropping the session also ends xvfb-run's children.
        command
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        command
    }

    /// Downloads go to `downloads` without a prompt where the driver lets us say so.
    fn capabilities(self, downloads: &Path, profile: &Path) -> Map<String, Value> {
        let folder = downloads.display().to_string();
        let value = match self {
            Engine::Chromium => json!({
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": "/usr/bin/chromium",
                    "args": [
                        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-quic",
                        format!("--user-data-dir={}", profile.display()),
                        "--window-size=412,915",
                    ],
                    "prefs": {
                        "download.default_directory": folder,
                        "download.prompt_for_download": false,
                    },
                },
            }),
            Engine::Firefox => json!({
                "browserName": "firefox",
                "moz:firefoxOptions": {
                    "binary": "/usr/bin/firefox-esr",
                    "args": ["-headless"],
                    "prefs": {
                        "browser.download.folderList": 2,
                        "browser.download.dir": folder,
                        "browser.download.useDownloadDir": true,
                        "browser.download.always_ask_before_handling_new_types": false,
                        "browser.helperApps.neverAsk.saveToDisk": "text/calendar",
                        "app.update.enabled": false,
                        "network.connectivity-service.enabled": false,
                        "browser.shell.checkDefaultBrowser": false,
                    },
                },
            }),
            Engine::WebKit => json!({
                "browserName": "MiniBrowser",
                "webkitgtk:browserOptions": { "binary": MINIBROWSER, "args": ["--automation"] },
            }),
        };
        match value {
            Value::Object(map) => map,
            _ => Map::new(),
        }
    }
}

/// A browser session and the driver process behind it; dropping it ends both.
pub struct Session {
    pub engine: Engine,
    pub client: Client,
    pub downloads: PathBuf,
    /// The page's size in CSS pixels (see `fit_viewport`).
    pub viewport: (i64, i64),
    driver: Child,
}

fn free_port() -> Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| e.to_string())
}

impl Session {
    /// Starts the engine's driver on a free port, opens a session and sizes the viewport
    /// to a 412x915 phone (the window is widened by whatever the browser's own frame takes).
    pub async fn start(engine: Engine) -> Result<Session> {
        let port = free_port()?;
        let downloads = crate::fresh_dir(&format!("{}-downloads", engine.name()));
        let profile = crate::fresh_dir(&format!("{}-profile", engine.name()));
        let mut driver = engine
            .driver(port, &downloads, &profile)
            .spawn()
            .map_err(|e| {
                format!(
                    "cannot start the {} driver: {e} (run scripts/install-tools)",
                    engine.name()
                )
            })?;
        let deadline = Instant::now() + Duration::from_secs(30);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                let _ = driver.kill();
                return Err(format!(
                    "the {} driver did not listen within 30 s",
                    engine.name()
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(engine.capabilities(&downloads, &profile))
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .map_err(|e| format!("{}: no session: {e}", engine.name()))?;
        let mut session = Session {
            engine,
            client,
            downloads,
            driver,
            viewport: (0, 0),
        };
        session.viewport = session.fit_viewport(412, 915).await?;
        Ok(session)
    }

    /// Sets the window so that the page itself gets `width` x `height` CSS pixels, or as
    /// near as the engine goes: headless Firefox makes no window narrower than 500 px, and
    /// MiniBrowser's toolbar keeps its window a little wider than a phone. Returns the size
    /// the page got.
    pub async fn fit_viewport(&self, width: i64, height: i64) -> Result<(i64, i64)> {
        let (mut w, mut h) = (width, height);
        let mut got = (0, 0);
        for _ in 0..3 {
            self.client
                .set_window_size(w as u32, h as u32)
                .await
                .map_err(|e| format!("set window size: {e}"))?;
            let inner = self.eval("return [innerWidth, innerHeight]").await?;
            got = (
                inner[0].as_i64().unwrap_or(0),
                inner[1].as_i64().unwrap_or(0),
            );
            if got == (width, height) {
                break;
            }
            w += width - got.0;
            h += height - got.1;
        }
        Ok(got)
    }

    /// Runs a script body (it must `return` its value) in the page.
    pub async fn eval(&self, body: &str) -> Result<Value> {
        self.client
            .execute(body, vec![])
            .await
            .map_err(|e| format!("{}: script failed: {e}\n{body}", self.engine.name()))
    }

    /// Waits until the script body returns something truthy.
    pub async fn wait_for(&self, body: &str, timeout: Duration) -> Result<Value> {
        let deadline = Instant::now() + timeout;
        loop {
            let value = self.eval(body).await?;
            if truthy(&value) {
                return Ok(value);
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "{}: not true within {timeout:?}: {body}",
                    self.engine.name()
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Opens `url` and waits for the app to be up (a prerendered page shows at once, but
    /// its buttons do nothing until the app has taken it over).
    pub async fn goto(&self, url: &str) -> Result<()> {
        self.client
            .goto(url)
            .await
            .map_err(|e| format!("{}: open {url}: {e}", self.engine.name()))?;
        self.heading().await.map(|_| ())
    }

    /// A person's reload. Not the driver's Refresh: Firefox's bypasses the cache, and with
    /// it the service worker, as Shift+Reload does.
    pub async fn reload(&self) -> Result<()> {
        self.eval(
            "window.__lanBeforeReload = true; setTimeout(() => location.reload(), 0); return true;",
        )
        .await?;
        self.wait_across_navigation(
            "return !window.__lanBeforeReload && document.readyState === 'complete'",
            Duration::from_secs(20),
        )
        .await?;
        self.heading().await.map(|_| ())
    }

    /// Like `wait_for`, but a script that fails is "not yet": while the old page unloads,
    /// WebKit's driver fails a running script ("Callback was not called before the unload
    /// event") instead of answering for the new page.
    async fn wait_across_navigation(&self, body: &str, timeout: Duration) -> Result<Value> {
        let deadline = Instant::now() + timeout;
        loop {
            let last = match self.eval(body).await {
                Ok(value) if truthy(&value) => return Ok(value),
                Ok(value) => value.to_string(),
                Err(e) => e,
            };
            if Instant::now() > deadline {
                return Err(format!(
                    "{}: not true within {timeout:?} (last: {last}): {body}",
                    self.engine.name()
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// The text of `main h1` once the app has rendered one (not the prerendered page).
    pub async fn heading(&self) -> Result<String> {
        let value = self
            .wait_across_navigation(
                "const h = document.querySelector('main h1');
                 return !document.body.hasAttribute('data-prerendered') && h && h.textContent.trim();",
                Duration::from_secs(15),
            )
            .await?;
        Ok(value.as_str().unwrap_or("").to_string())
    }

    /// Clicks, as a person would (the driver checks it is visible and not covered).
    pub async fn click(&self, xpath: &str) -> Result<()> {
        let element = self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::XPath(xpath))
            .await
            .map_err(|e| format!("{}: find {xpath}: {e}", self.engine.name()))?;
        // Drivers scroll a target only until it touches the bottom edge, which the sticky
        // navigation covers; a thumb taps it mid-screen.
        let target = serde_json::to_value(&element).map_err(|e| e.to_string())?;
        self.client
            .execute(
                "arguments[0].scrollIntoView({ block: 'center' }); return true;",
                vec![target],
            )
            .await
            .map_err(|e| format!("{}: scroll to {xpath}: {e}", self.engine.name()))?;
        element
            .click()
            .await
            .map_err(|e| format!("{}: click {xpath}: {e}", self.engine.name()))
    }

    /// The enabled button or link in `main` that reads exactly `text`.
    pub async fn click_button(&self, text: &str) -> Result<()> {
        self.click(&format!(
            "//main//*[(self::button and not(@disabled)) or self::a][normalize-space(.)={}]",
            xpath_literal(text)
        ))
        .await
    }

    /// The choice (checkbox or radio label) whose text contains `label`.
    pub async fn pick(&self, label: &str) -> Result<()> {
        self.click(&format!(
            "//main//label[contains(concat(' ', @class, ' '), ' choice ')][contains(., {})]",
            xpath_literal(label)
        ))
        .await
    }

    /// Picks `file` in the file input `css`, as a person choosing a photo would.
    pub async fn choose_file(&self, css: &str, file: &Path) -> Result<()> {
        let input = self
            .client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(Locator::Css(css))
            .await
            .map_err(|e| format!("{}: find {css}: {e}", self.engine.name()))?;
        input
            .send_keys(&file.display().to_string())
            .await
            .map_err(|e| format!("{}: choose a file in {css}: {e}", self.engine.name()))
    }

    pub async fn screenshot(&self, path: &Path) -> Result<()> {
        let png = self
            .client
            .screenshot()
            .await
            .map_err(|e| format!("{}: screenshot: {e}", self.engine.name()))?;
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|e| e.to_string())?;
        }
        std::fs::write(path, png).map_err(|e| e.to_string())
    }

    /// Ends the browser session, then the driver.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // The whole group: xvfb-run's Xvfb and WebKitWebDriver, or the driver alone.
        let _ = Command::new("kill")
            .args(["-TERM", "--", &format!("-{}", self.driver.id())])
            .status();
        let _ = self.driver.wait();
    }
}

/// Quotes text for an XPath expression (XPath 1.0 has no escapes).
fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        format!("'{text}'")
    } else if !text.contains('"') {
        format!("\"{text}\"")
    } else {
        let parts: Vec<String> = text.split('\'').map(|p| format!("'{p}'")).collect();
        format!("concat({})", parts.join(", \"'\", "))
    }
}

/// JavaScript's truthiness, for the values a script returns.
fn truthy(value: &Value) -> bool {
    !matches!(value, Value::Null | Value::Bool(false)) && value != &json!(0) && value != &json!("")
}

#[cfg(test)]
mod tests {
    use super::{truthy, xpath_literal};
    use serde_json::json;

    #[test]
    fn only_what_javascript_calls_true_ends_a_wait() {
        for falsy in [json!(null), json!(false), json!(0), json!("")] {
            assert!(!truthy(&falsy), "{falsy}");
        }
        for true_ in [
            json!(true),
            json!(1),
            json!("Tonight"),
            json!([]),
            json!({}),
        ] {
            assert!(truthy(&true_), "{true_}");
        }
    }

    #[test]
    fn xpath_literals_quote_every_kind_of_text() {
        assert_eq!(xpath_literal("Next"), "'Next'");
        assert_eq!(xpath_literal("I don't"), "\"I don't\"");
        assert_eq!(xpath_literal("a'b\"c"), "concat('a', \"'\", 'b\"c')");
    }
}
