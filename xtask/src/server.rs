//! A static file server for the built app, with the single-page fallback a real host
//! needs. `stop()` closes the port, which is how the suite cuts the network.
//! `start_like_a_host` also keeps connections open and gzips, as every real host does, for
//! the Lighthouse benchmark: its simulated slow network charges a new connection's
//! round trips and every uncompressed byte, which a real host never makes a visitor pay.
//! It compresses every file once, before it answers, as a host serving precompressed
//! files or a CDN's cache does: compressing each response on the fly ran on the same two
//! cores as the measured browser and stretched its tasks at random (issue 28).

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

pub struct StaticServer {
    pub port: u16,
    stopped: Arc<AtomicBool>,
    accept_loop: Option<JoinHandle<()>>,
    pub requests: Arc<Mutex<Vec<String>>>,
}

impl StaticServer {
    pub fn start(root: &Path) -> StaticServer {
        Self::start_on(root, 0)
    }

    pub fn start_on(root: &Path, port: u16) -> StaticServer {
        Self::start_with(root, port, false)
    }

    /// Keep-alive connections and gzip for clients that accept it.
    pub fn start_like_a_host(root: &Path) -> StaticServer {
        Self::start_with(root, 0, true)
    }

    fn start_with(root: &Path, port: u16, like_a_host: bool) -> StaticServer {
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind 127.0.0.1");
        listener
            .set_nonblocking(true)
            .expect("nonblocking listener");
        let port = listener.local_addr().expect("local addr").port();
        let stopped = Arc::new(AtomicBool::new(false));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let root = root.to_path_buf();
        let gzipped = Arc::new(if like_a_host {
            compress_all(&root)
        } else {
            HashMap::new()
        });
        let accept_loop = {
            let stopped = stopped.clone();
            let requests = requests.clone();
            std::thread::spawn(move || {
                while !stopped.load(Ordering::SeqCst) {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            let root = root.clone();
                            let requests = requests.clone();
                            let stopped = stopped.clone();
                            let gzipped = gzipped.clone();
                            std::thread::spawn(move || {
                                let host = like_a_host.then_some(&*gzipped);
                                serve(stream, &root, &requests, host, &stopped)
                            });
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(5)),
                    }
                }
            })
        };
        StaticServer {
            port,
            stopped,
            accept_loop: Some(accept_loop),
            requests,
        }
    }

    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Closes the listening socket: from now on every request to the origin is refused.
    pub fn stop(&mut self) {
        self.stopped.store(true, Ordering::SeqCst);
        if let Some(handle) = self.accept_loop.take() {
            let _ = handle.join();
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        _ => "application/octet-stream",
    }
}

fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    if path.split('/').any(|segment| segment == "..") {
        return None;
    }
    let candidate = root.join(path.trim_start_matches('/'));
    if candidate.is_file() {
        return Some(candidate);
    }
    // Routes of the single-page app have no file extension: they get the index.html of
    // the app they lie in (the nearest folder up that has one), so an app copied into a
    // sub-folder is served as a host would serve it under a sub-path.
    let last = path.rsplit('/').next().unwrap_or("");
    if last.contains('.') {
        return None;
    }
    candidate
        .ancestors()
        .take_while(|dir| dir.starts_with(root))
        .map(|dir| dir.join("index.html"))
        .find(|index| index.is_file())
}

/// Every file under `root`, gzipped, by its path.
fn compress_all(root: &Path) -> HashMap<PathBuf, Vec<u8>> {
    crate::post_build::list_files(root)
        .unwrap_or_default()
        .into_iter()
        .map(|relative| root.join(relative))
        .filter_map(|path| {
            let body = std::fs::read(&path).ok()?;
            Some((path, gzip(&body)))
        })
        .collect()
}

const GZIP_HEADERS: &str = "Content-Encoding: gzip\r\nVary: Accept-Encoding\r\n";

/// `gzipped`: answering like a host, with these compressed files (others are compressed
/// as they are asked for).
fn serve(
    stream: TcpStream,
    root: &Path,
    requests: &Mutex<Vec<String>>,
    gzipped: Option<&HashMap<PathBuf, Vec<u8>>>,
    stopped: &AtomicBool,
) {
    let like_a_host = gzipped.is_some();
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(&stream);
    // One request per connection, unless like a host; a stopped server answers no more.
    while !stopped.load(Ordering::SeqCst) {
        let mut request_line = String::new();
        if !matches!(reader.read_line(&mut request_line), Ok(n) if n > 0) {
            return;
        }
        let mut accepts_gzip = false;
        loop {
            let mut header = String::new();
            match reader.read_line(&mut header) {
                Ok(0) | Err(_) => break,
                Ok(_) if header.trim().is_empty() => break,
                Ok(_) => {
                    let header = header.to_ascii_lowercase();
                    accepts_gzip |=
                        header.starts_with("accept-encoding:") && header.contains("gzip");
                }
            }
        }
        if stopped.load(Ordering::SeqCst) {
            return;
        }
        let mut parts = request_line.split_whitespace();
        let (method, url_path) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
        if let Ok(mut log) = requests.lock() {
            log.push(url_path.to_string());
        }
        let compressed = gzipped.filter(|_| accepts_gzip);
        // A file compressed at the start is sent as it was then, without reading it again.
        let found = resolve(root, url_path).and_then(|path| {
            let body = match compressed.and_then(|gzipped| gzipped.get(&path)) {
                Some(cached) => Cow::Borrowed(cached.as_slice()),
                None => Cow::Owned(std::fs::read(&path).ok()?),
            };
            Some((path, body))
        });
        let connection = if like_a_host { "keep-alive" } else { "close" };
        let response = match found {
            Some((path, body)) => {
                let (body, encoding) = match (compressed, body) {
                    (Some(_), Cow::Owned(read)) => (Cow::Owned(gzip(&read)), GZIP_HEADERS),
                    (Some(_), cached) => (cached, GZIP_HEADERS),
                    (None, body) => (body, ""),
                };
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\n{encoding}Cache-Control: no-cache\r\nX-Content-Type-Options: nosniff\r\nConnection: {connection}\r\n\r\n",
                    content_type(&path),
                    body.len()
                );
                let mut bytes = head.into_bytes();
                if method != "HEAD" {
                    bytes.extend_from_slice(&body);
                }
                bytes
            }
            None => format!(
                "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: {connection}\r\n\r\n"
            )
            .into_bytes(),
        };
        let mut stream = &stream;
        if stream.write_all(&response).is_err() || stream.flush().is_err() || !like_a_host {
            return;
        }
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    match encoder.write_all(bytes).and_then(|()| encoder.finish()) {
        Ok(compressed) => compressed,
        Err(_) => bytes.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::StaticServer;
    use std::io::{Read, Write};

    /// Asks for `path` as a browser does and returns the body as sent, and whether it was
    /// gzipped.
    fn ask(server: &StaticServer, path: &str) -> (Vec<u8>, bool) {
        let mut stream = std::net::TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut head = Vec::new();
        while !head.ends_with(b"\r\n\r\n") {
            let mut byte = [0u8];
            stream.read_exact(&mut byte).unwrap();
            head.push(byte[0]);
        }
        let head = String::from_utf8(head).unwrap().to_ascii_lowercase();
        let length: usize = head
            .lines()
            .find_map(|line| line.strip_prefix("content-length: "))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        let mut body = vec![0; length];
        stream.read_exact(&mut body).unwrap();
        (body, head.contains("content-encoding: gzip"))
    }

    #[test]
    fn like_a_host_every_file_is_gzipped_before_the_first_request() {
        let root = crate::fresh_dir("server-gzip");
        std::fs::create_dir_all(root.join("pkg")).unwrap();
        let chunk = "(module) ".repeat(200);
        std::fs::write(root.join("pkg/chunk.wasm"), &chunk).unwrap();
        let server = StaticServer::start_like_a_host(&root);
        // Changed after the start: a server compressing on request would send this.
        std::fs::write(root.join("pkg/chunk.wasm"), "changed").unwrap();
        let (body, gzipped) = ask(&server, "/pkg/chunk.wasm");
        assert!(gzipped);
        let mut unzipped = String::new();
        flate2::read::GzDecoder::new(&body[..])
            .read_to_string(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, chunk, "compressed when the server started");
    }
}
