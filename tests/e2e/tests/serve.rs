//! The main job itself: `scripts/serve`, run as a newcomer runs it, in a fresh copy of the
//! tree (the files a clone of it would have: tracked and new ones, nothing git ignores, so
//! no `dist/`, no screenshots, no bench folders), must answer on its port with the app, a
//! deep link and the worker.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A copy of the files a clone of the tree as it stands would have, removed on drop.
struct FreshCopy {
    dir: PathBuf,
}

impl FreshCopy {
    fn new() -> FreshCopy {
        let repo = e2e::workspace_root().canonicalize().unwrap();
        let listed = Command::new("git")
            .args([
                "ls-files",
                "-z",
                "--cached",
                "--others",
                "--exclude-standard",
            ])
            .current_dir(&repo)
            .output()
            .expect("git ls-files");
        assert!(listed.status.success(), "git ls-files failed");
        let dir = e2e::fresh_dir("fresh-copy");
        for name in listed.stdout.split(|b| *b == 0).filter(|n| !n.is_empty()) {
            let name = String::from_utf8_lossy(name).to_string();
            let from = repo.join(&name);
            // A tracked file deleted in the working tree is not part of it.
            if !from.is_file() {
                continue;
            }
            let to = dir.join(&name);
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(&from, &to).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
        // Only the compiled dependencies come along, hard-linked, to spare a ten-minute
        // rebuild: Cargo rebuilds the app itself, and every path is the copy's own.
        let split = repo.join("target/split");
        if split.is_dir() {
            std::fs::create_dir_all(dir.join("target")).unwrap();
            let _ = Command::new("cp")
                .args(["-al", &split.display().to_string()])
                .arg(dir.join("target/split"))
                .status();
        }
        FreshCopy { dir }
    }
}

impl Drop for FreshCopy {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// `scripts/serve` in its own process group, so that stopping it stops Trunk too.
struct Serving {
    child: Child,
    log: PathBuf,
}

impl Serving {
    fn start(copy: &Path, port: u16) -> Serving {
        let log = e2e::fresh_dir("serve-log").join("serve.log");
        let file = std::fs::File::create(&log).unwrap();
        let child = Command::new("bash")
            .arg("scripts/serve")
            .current_dir(copy)
            .env("PORT", port.to_string())
            .stdin(Stdio::null())
            .stdout(file.try_clone().unwrap())
            .stderr(file)
            .process_group(0)
            .spawn()
            .expect("start scripts/serve");
        Serving { child, log }
    }

    fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-TERM", "--", &format!("-{}", self.child.id())])
            .status();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap()
}

#[test]
fn scripts_serve_serves_the_app_from_a_fresh_copy_of_the_tree() {
    let copy = FreshCopy::new();
    for absent in ["dist", "tests/e2e/screenshots", "bench/baseline/dist"] {
        assert!(!copy.dir.join(absent).exists(), "{absent} in a fresh copy");
    }
    let port = free_port();
    let mut serving = Serving::start(&copy.dir, port);
    // The first build of the copy: the app crate and the wasm steps, not the dependencies.
    let deadline = Instant::now() + Duration::from_secs(20 * 60);
    let home = loop {
        if let Some(status) = serving.child.try_wait().unwrap() {
            panic!("scripts/serve stopped ({status}):\n{}", serving.log());
        }
        // Trunk keeps serving (nothing) after a failed build, waiting for a fix.
        let log = serving.log();
        assert!(
            !log.contains("error from build pipeline"),
            "the build failed:\n{log}"
        );
        if let Ok(answer) = e2e::http_get(port, "/") {
            if answer.status == 200 {
                break answer;
            }
        }
        assert!(
            Instant::now() < deadline,
            "nothing served in 20 min:\n{}",
            serving.log()
        );
        std::thread::sleep(Duration::from_secs(2));
    };
    let log = serving.log();
    assert!(
        log.contains(&format!("open http://127.0.0.1:{port}/")),
        "the URL to open is not printed:\n{log}"
    );
    assert!(
        home.content_type.starts_with("text/html"),
        "{}",
        home.content_type
    );
    // The boot script is inline and names the main module in the hashed package.
    assert!(home.body.contains("legs-at-night.js"), "{}", home.body);
    assert!(
        !home.body.contains("__LAN_SCRIPT_HASHES__"),
        "the post-build step did not run:\n{}",
        home.body
    );

    // Trunk's server may add the slash a folder's index.html wants; the router ignores it.
    let mut deep = e2e::http_get(port, "/learn/neuropathy").unwrap();
    if (300..400).contains(&deep.status) {
        assert_eq!(deep.location, "/learn/neuropathy/", "redirected elsewhere");
        deep = e2e::http_get(port, "/learn/neuropathy/").unwrap();
    }
    assert_eq!(deep.status, 200, "deep link: {}", deep.body);
    assert!(
        deep.body.contains("legs-at-night.js"),
        "deep link: {}",
        deep.body
    );

    let worker = e2e::http_get(port, "/sw.js").unwrap();
    assert_eq!(worker.status, 200);
    assert!(
        worker.content_type.contains("javascript"),
        "sw.js as {}",
        worker.content_type
    );
    assert!(
        worker.body.contains("legs-at-night_bg") && worker.body.contains("addEventListener"),
        "sw.js lacks its precache list:\n{}",
        worker.body
    );

    // A second serve on the same port says what to do, and leaves the first one alone.
    let second = Command::new("bash")
        .arg("scripts/serve")
        .current_dir(&copy.dir)
        .env("PORT", port.to_string())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&second.stderr);
    assert!(!second.status.success(), "a second serve on a taken port");
    assert!(
        said.contains(&format!("Port {port} is already in use")) && said.contains("PORT="),
        "{said}"
    );
    assert_eq!(e2e::http_get(port, "/").unwrap().status, 200);
}
