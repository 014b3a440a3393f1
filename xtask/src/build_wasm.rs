//! The app's wasm, split into one chunk per page (Trunk's `pre_build` hook).
//!
//! Trunk 0.21 can run wasm-bindgen but cannot split a module (trunk-rs/trunk#1022), and
//! the split needs the linker's relocations, which wasm-bindgen drops. So this step does
//! what Trunk's `rel="rust"` would, with the split in the middle:
//! cargo (with `--emit-relocs` and `--cfg lazy_routes`) -> split -> wasm-bindgen ->
//! wasm-opt, into `target/wasm-pkg`, which `index.html` copies to `pkg/`.

use crate::Result;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const CRATE: &str = "legs-at-night";
/// The module through which the main wasm loads its chunks.
const LINK_NAME: &str = "./__wasm_split.js";

pub struct Options {
    pub project: PathBuf,
    pub release: bool,
}

pub fn run(options: &Options) -> Result<()> {
    let target_dir = options.project.join("target").join("split");
    let out = options.project.join("target").join("wasm-pkg");
    let linked = cargo_build(options, &target_dir)?;
    if out.exists() {
        std::fs::remove_dir_all(&out)?;
    }
    std::fs::create_dir_all(&out)?;
    let split_main = target_dir.join(format!("{CRATE}-split.wasm"));
    let chunks = split(&linked, &split_main, &out)?;
    let loader = out.join(LINK_NAME.trim_start_matches("./"));
    std::fs::write(
        &loader,
        yielding_loader(&std::fs::read_to_string(&loader)?)?,
    )?;
    bindgen(&split_main, &out)?;
    let main_wasm = out.join(format!("{CRATE}_bg.wasm"));
    std::fs::write(out.join("boot.js"), BOOT)?;
    if options.release {
        for wasm in chunks.iter().chain([&main_wasm]) {
            optimize(wasm)?;
        }
        minify_scripts(&out)?;
    }
    for leftover in ["legs-at-night.d.ts", "legs-at-night_bg.wasm.d.ts"] {
        let _ = std::fs::remove_file(out.join(leftover));
    }
    println!(
        "build-wasm: main module and {} chunks in {}",
        chunks.len(),
        out.display()
    );
    Ok(())
}

/// Starts the app. Written as `boot.js` into the package; the post-build step puts it
/// inline into every page (`post_build::with_boot_inline`), with the package's hashed folder
/// name where `__LAN_PKG__` stands: a module script file is a request Lighthouse counts as
/// render-blocking, and one more round trip before the first paint on a slow network. A
/// prerendered page served for another address (a host's fallback page) is cleared first,
/// so the wrong page never shows while the app loads. A prerendered page is painted before
/// the app's files are even asked for: they would otherwise share the slow first seconds
/// of a phone's connection with the page's own HTML. The main module and the page's chunk
/// (named by the page, `data-chunk`) then download side by side.
pub const BOOT: &str = r#"const body = document.body;
const bare = (path) => path.replace(/\/+$/, '');
const page = body.dataset.prerendered;
const painted = page !== undefined && bare(new URL(page, document.baseURI).pathname) === bare(location.pathname);
if (page !== undefined && !painted) {
  body.replaceChildren();
}
// Resolves once the browser reports the page's largest paint (or its first, where largest
// is not reported), so the app's downloads never hold that paint up.
const afterFirstPaint = () => new Promise((resolve) => {
  const kinds = (window.PerformanceObserver && PerformanceObserver.supportedEntryTypes) || [];
  const kind = ['largest-contentful-paint', 'paint'].find((k) => kinds.includes(k));
  if (kind) {
    new PerformanceObserver((_, observer) => { observer.disconnect(); resolve(); })
      .observe({ type: kind, buffered: true });
  } else {
    requestAnimationFrame(() => setTimeout(resolve));
  }
  // Nothing is painted in a hidden tab, nor reported in some engines: start regardless.
  setTimeout(resolve, 1000);
});
if (painted) {
  await afterFirstPaint();
}
// Chrome asks for a linked manifest as soon as the page has loaded, before a slow
// network has painted it: linked now, it waits for the paint like the app's files.
document.head.append(Object.assign(document.createElement('link'), {
  rel: 'manifest', href: 'manifest.webmanifest',
}));
const chunk = painted && body.dataset.chunk;
if (chunk) {
  const preload = Object.assign(document.createElement('link'), {
    rel: 'preload', as: 'fetch', href: chunk, type: 'application/wasm', crossOrigin: 'anonymous',
  });
  document.head.append(preload);
}
// From the page's <base>, written out: WebKit resolves an inline module's import from the
// page's own address instead.
const pkg = new URL('__LAN_PKG__/', document.baseURI);
const { default: init } = await import(new URL('legs-at-night.js', pkg).href);
await init({ module_or_path: new URL('legs-at-night_bg.wasm', pkg) });
"#;

fn cargo_build(options: &Options, target_dir: &Path) -> Result<PathBuf> {
    let mut cargo = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cargo
        .current_dir(&options.project)
        .args(["build", "--offline", "--target", "wasm32-unknown-unknown"])
        .args(["-p", CRATE, "--bin", CRATE])
        .env("CARGO_TARGET_DIR", target_dir)
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env("RUSTFLAGS", "-Clink-args=--emit-relocs --cfg lazy_routes");
    if options.release {
        cargo.arg("--release");
    }
    run_tool(&mut cargo)?;
    let profile = if options.release { "release" } else { "debug" };
    Ok(target_dir
        .join("wasm32-unknown-unknown")
        .join(profile)
        .join(format!("{CRATE}.wasm")))
}

fn split(linked: &Path, split_main: &Path, out: &Path) -> Result<Vec<PathBuf>> {
    let input = std::fs::read(linked)?;
    let main_module = format!("./{CRATE}.js");
    let mut split_options = wasm_split_cli_support::Options::new(&input);
    split_options.output_dir = out;
    split_options.main_out_path = split_main;
    split_options.main_module = &main_module;
    split_options.link_name = LINK_NAME;
    let result = wasm_split_cli_support::transform(split_options)
        .map_err(|error| format!("splitting the wasm failed: {error}"))?;
    Ok(result.split_modules)
}

/// The splitter's loader asks for every file of a chunk in one loop: on Settings, 33
/// `fetch()` calls made one task of 25 ms, 100 ms on a phone's 4x slower CPU, all of it
/// blocking time (issue 28). This gives every file a task of its own; the files still
/// download side by side. A first patch yielded once 5 ms had passed, but one `fetch()`
/// alone took 5-16 ms in Lighthouse's traces, so a task of two reached 22 ms. A message
/// to itself, not a timer: browsers hold a timer set from a timer's callback back 4 ms
/// once five deep, which a group's 20 files would pay in turn. The build fails if a new
/// splitter writes the loop differently, rather than ship it unchanged without a word.
fn yielding_loader(loader: &str) -> Result<String> {
    const LOOP: &str = "const parallelStuff = deps.map(d => d());";
    const YIELDING: &str = "const parallelStuff = [];
        for (const d of deps) {
            parallelStuff.push(d());
            await nextTask();
        }";
    // One channel for the module's life: WebKit may collect a channel that nothing holds
    // before its message arrives, and the load would then never go on.
    const NEXT_TASK: &str = "// Added by xtask (build_wasm.rs): resolves in a new task.
const taskChannel = new MessageChannel();
const waitingForTask = [];
taskChannel.port1.onmessage = () => waitingForTask.shift()();
function nextTask() {
    return new Promise((resolve) => {
        waitingForTask.push(resolve);
        taskChannel.port2.postMessage(0);
    });
}
";
    if loader.matches(LOOP).count() != 1 {
        return Err(
            "the splitter's loader changed: xtask cannot make it yield (build_wasm.rs)".into(),
        );
    }
    Ok(format!("{NEXT_TASK}{}", loader.replace(LOOP, YIELDING)))
}

fn bindgen(split_main: &Path, out: &Path) -> Result<()> {
    run_tool(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--keep-lld-exports", "--out-name", CRATE])
            .arg("--out-dir")
            .arg(out)
            .arg(split_main),
    )
}

/// wasm-bindgen's glue, the splitter's loader and the boot script are first-load scripts
/// written to be read (87 KB, 13 KB gzip; the boot script, inline in every page, 1.0 KB
/// gzip and 0.6 KB minified): Trunk minifies only the scripts it builds, and these it copies.
/// npm's terser, as binaryen's wasm-opt comes from npm (`scripts/install-tools`).
fn minify_scripts(out: &Path) -> Result<()> {
    for name in [
        format!("{CRATE}.js"),
        LINK_NAME.trim_start_matches("./").to_string(),
        "boot.js".to_string(),
    ] {
        let script = out.join(name);
        run_tool(
            Command::new("terser")
                .arg(&script)
                .args(["--module", "--compress", "--mangle", "-o"])
                .arg(&script),
        )?;
    }
    Ok(())
}

fn optimize(wasm: &Path) -> Result<()> {
    // The features rustc enables by default for wasm32-unknown-unknown.
    let mut wasm_opt = Command::new("wasm-opt");
    wasm_opt
        .args(["-Oz", "--enable-bulk-memory"])
        .args(["--enable-nontrapping-float-to-int", "--enable-sign-ext"])
        .args(["--enable-mutable-globals", "--enable-multivalue"])
        .args(["--enable-reference-types"]);
    // Rust puts the 1 MB stack first in memory, growing down towards address 0, so only a
    // stack about to overflow would touch the low 1 KB this lets wasm-opt fold addresses
    // with; and no browser reads the two sections the others drop. 0.6 KB gzip off the
    // first load, measured on the main module.
    wasm_opt.args([
        "--low-memory-unused",
        "--strip-producers",
        "--strip-target-features",
    ]);
    // A profiling build: function names stay, so a browser profile can name what is slow.
    if std::env::var_os("LAN_KEEP_WASM_NAMES").is_some() {
        wasm_opt.arg("-g");
    }
    wasm_opt.arg(wasm).arg("-o").arg(wasm);
    // The splitter keeps a names subsection that binaryen does not know and reports once
    // per module, which would bury anything else wasm-opt says.
    run_tool_hiding(&mut wasm_opt, Some("unknown name subsection"))
}

fn run_tool(command: &mut Command) -> Result<()> {
    run_tool_hiding(command, None)
}

/// Runs `command`, passing its error output on except the lines that contain `noise`.
fn run_tool_hiding(command: &mut Command, noise: Option<&str>) -> Result<()> {
    let name = command.get_program().to_string_lossy().into_owned();
    let status = match noise {
        None => command.status(),
        Some(noise) => command.stderr(Stdio::piped()).output().map(|output| {
            String::from_utf8_lossy(&output.stderr)
                .lines()
                .filter(|line| !line.contains(noise))
                .for_each(|line| eprintln!("{line}"));
            output.status
        }),
    }
    .map_err(|error| format!("could not run {name}: {error} (run scripts/install-tools)"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{name} failed: {status}").into())
    }
}

#[cfg(test)]
mod tests {
    use super::yielding_loader;

    /// The loop as wasm_split_cli_support 0.2.4 writes it (`snippets/split_wasm.js`).
    const LOADER: &str = "function makeLoad(fetcher, deps) {
    const loader = async () => {
        const parallelStuff = deps.map(d => d());
        const instantiate = fetcher();
        await Promise.all(parallelStuff);";

    #[test]
    fn the_loader_hands_the_thread_back_between_files() {
        let patched = yielding_loader(LOADER).expect("the loop is found");
        assert!(!patched.contains("deps.map(d => d())"));
        let after_each = patched
            .find("parallelStuff.push(d());")
            .expect("one file at a time");
        assert!(patched[after_each..]
            .starts_with("parallelStuff.push(d());\n            await nextTask();"));
        assert!(patched.contains("function nextTask()"));
    }

    #[test]
    fn a_loader_written_differently_stops_the_build() {
        let other = LOADER.replace("deps.map(d => d())", "deps.map((d) => d())");
        assert!(yielding_loader(&other).is_err());
    }
}
