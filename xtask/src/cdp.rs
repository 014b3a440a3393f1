//! A small DevTools-protocol client: one browser WebSocket, flat sessions per page.
//! Enough for navigation, evaluation, screenshots, installability and event capture.

use serde_json::{json, Value};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

pub type Result<T> = std::result::Result<T, String>;

pub const PHONE_WIDTH: u32 = 412;
pub const PHONE_HEIGHT: u32 = 915;

pub struct Browser {
    child: Child,
    socket: WebSocket<MaybeTlsStream<TcpStream>>,
    next_id: u64,
    events: Vec<Value>,
    profile: PathBuf,
}

fn chromium_path() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_string())
}

impl Browser {
    /// Starts headless Chromium with its own fresh, normal (not incognito) profile:
    /// Chromium only judges installability in such a profile.
    pub fn launch() -> Result<Browser> {
        let profile = crate::fresh_dir("profile");
        let child = Command::new(chromium_path())
            .args([
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--disable-features=Translate,OptimizationHints,MediaRouter",
                "--remote-debugging-port=0",
                &format!("--window-size={PHONE_WIDTH},{PHONE_HEIGHT}"),
                &format!("--user-data-dir={}", profile.display()),
                "about:blank",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", chromium_path()))?;
        let port_file = profile.join("DevToolsActivePort");
        let deadline = Instant::now() + Duration::from_secs(30);
        let (port, path) = loop {
            if let Ok(text) = std::fs::read_to_string(&port_file) {
                let mut lines = text.lines();
                if let (Some(port), Some(path)) = (lines.next(), lines.next()) {
                    break (port.to_string(), path.to_string());
                }
            }
            if Instant::now() > deadline {
                return Err("Chromium did not open its DevTools port within 30 s".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let (socket, _) = tungstenite::connect(format!("ws://127.0.0.1:{port}{path}"))
            .map_err(|e| format!("DevTools connection failed: {e}"))?;
        if let MaybeTlsStream::Plain(stream) = socket.get_ref() {
            stream
                .set_read_timeout(Some(Duration::from_millis(100)))
                .map_err(|e| e.to_string())?;
        }
        Ok(Browser {
            child,
            socket,
            next_id: 0,
            events: Vec::new(),
            profile,
        })
    }

    /// Sends a command and waits for its answer, keeping every event that arrives meanwhile.
    pub fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Result<Value> {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({ "id": id, "method": method, "params": params });
        if let Some(session) = session {
            message["sessionId"] = json!(session);
        }
        self.socket
            .send(Message::text(message.to_string()))
            .map_err(|e| format!("{method}: send failed: {e}"))?;
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if Instant::now() > deadline {
                return Err(format!("{method}: no answer within 60 s"));
            }
            let Some(message) = self.read_one()? else {
                continue;
            };
            if message.get("id").and_then(Value::as_u64) == Some(id) {
                if let Some(error) = message.get("error") {
                    return Err(format!("{method}: {error}"));
                }
                return Ok(message.get("result").cloned().unwrap_or(Value::Null));
            }
            if message.get("method").is_some() {
                self.events.push(message);
            }
        }
    }

    fn read_one(&mut self) -> Result<Option<Value>> {
        match self.socket.read() {
            Ok(Message::Text(text)) => serde_json::from_str(text.as_str())
                .map(Some)
                .map_err(|e| e.to_string()),
            Ok(_) => Ok(None),
            Err(tungstenite::Error::Io(e))
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                Ok(None)
            }
            Err(e) => Err(format!("DevTools connection lost: {e}")),
        }
    }

    /// Reads whatever events are waiting, for up to `wait`.
    pub fn pump(&mut self, wait: Duration) -> Result<()> {
        let deadline = Instant::now() + wait;
        while Instant::now() < deadline {
            if let Some(message) = self.read_one()? {
                if message.get("method").is_some() {
                    self.events.push(message);
                }
            }
        }
        Ok(())
    }

    pub fn take_events(&mut self) -> Vec<Value> {
        std::mem::take(&mut self.events)
    }

    /// Opens a new tab at phone size with console, log and network events switched on.
    pub fn new_page(&mut self) -> Result<Page> {
        let target = self.call(None, "Target.createTarget", json!({ "url": "about:blank" }))?;
        let target_id = target["targetId"]
            .as_str()
            .ok_or("no targetId")?
            .to_string();
        let attached = self.call(
            None,
            "Target.attachToTarget",
            json!({ "targetId": target_id, "flatten": true }),
        )?;
        let session = attached["sessionId"]
            .as_str()
            .ok_or("no sessionId")?
            .to_string();
        for domain in [
            "Page.enable",
            "Runtime.enable",
            "Log.enable",
            "Network.enable",
        ] {
            self.call(Some(&session), domain, json!({}))?;
        }
        self.call(
            Some(&session),
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": PHONE_WIDTH, "height": PHONE_HEIGHT, "deviceScaleFactor": 1, "mobile": true }),
        )?;
        Ok(Page { session, target_id })
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        // Helper processes may still be closing files in the profile for a moment.
        for _ in 0..20 {
            if std::fs::remove_dir_all(&self.profile).is_ok() || !self.profile.exists() {
                break;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

pub struct Page {
    pub session: String,
    pub target_id: String,
}

/// The app has rendered a page: a heading, and no prerendered page still waiting for it.
pub const APP_IS_UP: &str = "document.readyState === 'complete' && document.querySelector('main h1') && !document.body.hasAttribute('data-prerendered')";

impl Page {
    pub fn call(&self, browser: &mut Browser, method: &str, params: Value) -> Result<Value> {
        browser.call(Some(&self.session), method, params)
    }

    /// Evaluates an expression (awaiting a promise) and returns its JSON value.
    pub fn eval(&self, browser: &mut Browser, expression: &str) -> Result<Value> {
        let answer = self.call(
            browser,
            "Runtime.evaluate",
            json!({ "expression": expression, "returnByValue": true, "awaitPromise": true }),
        )?;
        if let Some(details) = answer.get("exceptionDetails") {
            return Err(format!("`{expression}` threw: {details}"));
        }
        Ok(answer["result"]["value"].clone())
    }

    /// Polls a boolean expression until it holds. A promise is awaited first: `!!promise`
    /// alone is always true, which made every wait on a promise pass at once.
    pub fn wait_for(
        &self,
        browser: &mut Browser,
        condition: &str,
        timeout: Duration,
    ) -> Result<()> {
        let deadline = Instant::now() + timeout;
        loop {
            let value = self.eval(
                browser,
                &format!("Promise.resolve(({condition})).then(value => !!value)"),
            );
            if let Ok(Value::Bool(true)) = value {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "timed out after {timeout:?} waiting for `{condition}` (last: {value:?})"
                ));
            }
            browser.pump(Duration::from_millis(100))?;
        }
    }

    /// Navigates and waits until the app has rendered a page heading (a prerendered page
    /// has one at once: the wait is for the app to have taken it over).
    pub fn open(&self, browser: &mut Browser, url: &str) -> Result<()> {
        let answer = self.call(browser, "Page.navigate", json!({ "url": url }))?;
        if let Some(error) = answer.get("errorText").and_then(Value::as_str) {
            return Err(format!("navigating to {url}: {error}"));
        }
        self.wait_for(browser, APP_IS_UP, Duration::from_secs(20))
    }

    pub fn reload(&self, browser: &mut Browser) -> Result<()> {
        self.call(browser, "Page.reload", json!({}))?;
        browser.pump(Duration::from_millis(300))?;
        self.wait_for(browser, APP_IS_UP, Duration::from_secs(20))
    }

    pub fn screenshot(&self, browser: &mut Browser, path: &std::path::Path) -> Result<()> {
        self.capture(browser, path, json!({ "format": "png" }))
    }

    /// The whole page, past the screen's bottom: to look at a long page's order at once.
    pub fn screenshot_whole_page(
        &self,
        browser: &mut Browser,
        path: &std::path::Path,
    ) -> Result<()> {
        self.capture(
            browser,
            path,
            json!({ "format": "png", "captureBeyondViewport": true }),
        )
    }

    fn capture(&self, browser: &mut Browser, path: &std::path::Path, params: Value) -> Result<()> {
        use base64::Engine;
        let shot = self.call(browser, "Page.captureScreenshot", params)?;
        let data = shot["data"].as_str().ok_or("no screenshot data")?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(data)
            .map_err(|e| e.to_string())?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        std::fs::write(path, bytes).map_err(|e| e.to_string())
    }

    pub fn text(&self, browser: &mut Browser, selector: &str) -> Result<String> {
        let value = self.eval(
            browser,
            &format!("(document.querySelector({selector:?}) || {{}}).textContent || ''"),
        )?;
        Ok(value.as_str().unwrap_or_default().trim().to_string())
    }

    /// Presses a key as a keyboard would (Tab, Enter, " " for Space, ArrowDown…).
    pub fn press(&self, browser: &mut Browser, key: &str) -> Result<()> {
        let (code, key_code, text) = match key {
            "Tab" => ("Tab", 9, ""),
            "Enter" => ("Enter", 13, "\r"),
            " " => ("Space", 32, " "),
            "ArrowDown" => ("ArrowDown", 40, ""),
            other => return Err(format!("no key mapping for {other}")),
        };
        for kind in ["keyDown", "keyUp"] {
            let mut params = json!({ "type": kind, "key": key, "code": code, "windowsVirtualKeyCode": key_code });
            if kind == "keyDown" && !text.is_empty() {
                params["text"] = json!(text);
            }
            self.call(browser, "Input.dispatchKeyEvent", params)?;
        }
        Ok(())
    }

    /// Describes the focused element: its tag and text, for keyboard tests.
    pub fn focused(&self, browser: &mut Browser) -> Result<String> {
        let value = self.eval(
            browser,
            "(() => { const e = document.activeElement; if (!e) return ''; const label = e.closest('label');
               return e.tagName + ':' + ((label || e).textContent || '').trim(); })()",
        )?;
        Ok(value.as_str().unwrap_or_default().to_string())
    }

    pub fn click(&self, browser: &mut Browser, selector: &str) -> Result<()> {
        let clicked = self.eval(
            browser,
            &format!("(() => {{ const el = document.querySelector({selector:?}); if (!el) return false; el.click(); return true; }})()"),
        )?;
        if clicked == Value::Bool(true) {
            Ok(())
        } else {
            Err(format!("nothing to click at {selector}"))
        }
    }

    /// Console errors, uncaught exceptions, and browser log errors (CSP violations,
    /// failed loads) among `events` that belong to this page.
    pub fn problems(&self, events: &[Value]) -> Vec<String> {
        events
            .iter()
            .filter(|event| event["sessionId"].as_str() == Some(&self.session))
            .filter_map(|event| {
                let params = &event["params"];
                match event["method"].as_str()? {
                    "Runtime.exceptionThrown" => {
                        Some(format!("exception: {}", params["exceptionDetails"]))
                    }
                    "Runtime.consoleAPICalled" if params["type"] == "error" => {
                        Some(format!("console.error: {}", params["args"]))
                    }
                    "Log.entryAdded" if params["entry"]["level"] == "error" => Some(format!(
                        "log: {} {}",
                        params["entry"]["text"], params["entry"]["url"]
                    )),
                    _ => None,
                }
            })
            .collect()
    }

    /// Every URL this page asked for, from the Network domain.
    pub fn requested_urls(&self, events: &[Value]) -> Vec<String> {
        events
            .iter()
            .filter(|event| event["sessionId"].as_str() == Some(&self.session))
            .filter(|event| event["method"] == "Network.requestWillBeSent")
            .filter_map(|event| event["params"]["request"]["url"].as_str().map(String::from))
            .collect()
    }
}
