use crate::{csp, icons, prerender, Result};
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

const VERSION_PLACEHOLDER: &str = "__LAN_VERSION__";
const PRECACHE_PLACEHOLDER: &str = "__LAN_PRECACHE__";

/// The deploy files the build fills in with the policy and writes beside the app (static
/// hosts read `_headers` from there; the nginx site is included from there). Neither is
/// part of the app, so the worker does not precache them.
pub const DEPLOY_FILES: [&str; 2] = ["_headers", "nginx.conf"];

pub fn run(dir: &Path) -> Result<()> {
    icons::render_all(&dir.join("icons"))?;
    icons::render_startup_images(&dir.join("icons"))?;
    strip_comment_lines(&dir.join("theme.js"))?;
    let index_path = dir.join("index.html");
    let index = std::fs::read_to_string(&index_path)?;
    let index = with_hashed_package(dir, &index)?;
    let index = with_first_paint_inline(dir, &index)?;
    let index = with_boot_inline(dir, &index)?;
    let index = with_icon_inline(dir, &index)?;
    let hashes = inline_hashes(&index);
    std::fs::write(&index_path, with_policy(&index, &csp::meta(&hashes))?)?;
    // Trunk runs this in its staging folder: the templates are found from the workspace.
    let deploy = Path::new(env!("CARGO_MANIFEST_DIR")).join("../deploy");
    for file in DEPLOY_FILES {
        let template = std::fs::read_to_string(deploy.join(file))
            .map_err(|e| format!("deploy/{file}: {e}"))?;
        std::fs::write(
            dir.join(file),
            with_policy(&template, &csp::header(&hashes))?,
        )?;
    }
    // From the finished page, and before the worker, whose list must name the new files.
    prerender::run(dir)?;
    // Last, so that the version covers the final bytes of every other file.
    write_service_worker(dir)?;
    Ok(())
}

/// Renames `pkg/` (the wasm, its chunks and their JS, which refer to each other by
/// relative names) to `pkg-<content hash>/`, so every file in it can be cached forever
/// and a new release is a new folder; `index.html` is pointed at the new name.
pub fn with_hashed_package(dir: &Path, html: &str) -> Result<String> {
    let package = dir.join("pkg");
    if !package.is_dir() {
        return Err("the build has no pkg/ folder (did xtask build-wasm run?)".into());
    }
    let name = format!("pkg-{}", content_hash(&package)?);
    std::fs::rename(&package, dir.join(&name))?;
    let pointed = html
        .replace("\"pkg/", &format!("\"{name}/"))
        .replace("=pkg/", &format!("={name}/"));
    if !pointed.contains(&format!("{name}/boot.js")) {
        return Err("index.html does not load pkg/boot.js".into());
    }
    Ok(pointed)
}

/// The first 16 hex digits of the sha256 over every file's path and bytes in `dir`.
fn content_hash(dir: &Path) -> Result<String> {
    let mut files = list_files(dir)?;
    files.sort();
    content_hash_of(dir, &files)
}

fn content_hash_of(dir: &Path, sorted_files: &[String]) -> Result<String> {
    let mut hash = Sha256::new();
    for path in sorted_files {
        hash.update(path.as_bytes());
        hash.update(Sha256::digest(std::fs::read(dir.join(path))?));
    }
    Ok(hash.finalize()[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// The sha256 of every inline `<script>` and `<style>`, as CSP sources, so the policy
/// needs no `'unsafe-inline'` for them.
pub fn inline_hashes(html: &str) -> csp::Inline {
    let hashed = |bodies: Vec<&str>| {
        bodies
            .into_iter()
            .map(|body| {
                let digest = Sha256::digest(body.as_bytes());
                format!(
                    "'sha256-{}'",
                    base64::engine::general_purpose::STANDARD.encode(digest)
                )
            })
            .collect()
    };
    csp::Inline {
        scripts: hashed(inline_bodies(html, "script")),
        styles: hashed(inline_bodies(html, "style")),
    }
}

/// Issue 28: the first paint needs the HTML alone. The stylesheet (one, 6 KB gzip) and
/// `theme.js` go into the page as `<style>` and `<script>`, allowed by their hashes, and
/// their files go: a second round trip before anything could paint, on a slow network
/// the longest wait of a first visit.
fn with_first_paint_inline(dir: &Path, html: &str) -> Result<String> {
    let mut html = html.to_string();
    let (tag, href) = element_with(&html, "<link", "rel=stylesheet")
        .ok_or("index.html links no stylesheet to put inline")?;
    let css_path = dir.join(href.trim_start_matches('/'));
    let css = std::fs::read_to_string(&css_path).map_err(|e| format!("{href}: {e}"))?;
    if css.contains("</style") {
        return Err(format!("{href} closes a <style>: it cannot go inline").into());
    }
    html = html.replacen(&tag, &format!("<style>{}</style>", css.trim_end()), 1);
    std::fs::remove_file(css_path)?;
    let (tag, src) = element_with(&html, "<script", "theme.js")
        .ok_or("index.html loads no theme.js to put inline")?;
    let script_path = dir.join(src.trim_start_matches('/'));
    let script = std::fs::read_to_string(&script_path)?;
    if script.contains("</script") {
        return Err("theme.js closes a <script>: it cannot go inline".into());
    }
    let whole = format!("{tag}</script>");
    if !html.contains(&whole) {
        return Err("theme.js's <script> is not empty".into());
    }
    html = html.replacen(
        &whole,
        &format!("<script>{}</script>", script.trim_end()),
        1,
    );
    std::fs::remove_file(script_path)?;
    Ok(html)
}

/// The boot script goes inline too: as a file it was the one request before the first
/// paint that Lighthouse's simulation counts as blocking it (a module script is fetched
/// at high priority), 0.15 s of a slow phone network. Inline it cannot use its own
/// address, so it names the hashed package folder, relative to the page's `<base>`.
fn with_boot_inline(dir: &Path, html: &str) -> Result<String> {
    const FOLDER_PLACEHOLDER: &str = "__LAN_PKG__";
    let (tag, src) = element_with(html, "<script", "/boot.js")
        .ok_or("index.html loads no boot.js to put inline")?;
    let whole = format!("{tag}</script>");
    if !html.contains(&whole) {
        return Err("boot.js's <script> is not empty".into());
    }
    let folder = src
        .trim_start_matches('/')
        .strip_suffix("/boot.js")
        .ok_or("boot.js is not at the top of its package")?;
    let path = dir.join(folder).join("boot.js");
    let script = std::fs::read_to_string(&path).map_err(|e| format!("{src}: {e}"))?;
    if !script.contains(FOLDER_PLACEHOLDER) || script.contains("import.meta") {
        return Err(
            format!("{src} must name its folder as {FOLDER_PLACEHOLDER} to go inline").into(),
        );
    }
    if script.contains("</script") {
        return Err("boot.js closes a <script>: it cannot go inline".into());
    }
    let script = script.replace(FOLDER_PLACEHOLDER, folder);
    std::fs::remove_file(path)?;
    Ok(html.replacen(
        &whole,
        &format!("<script type=module>{}</script>", script.trim_end()),
        1,
    ))
}

/// The app's icon, as the favicon and as the brand in the top bar (drawn by the stylesheet),
/// becomes a `data:` URL: as a file it was a request ending before the first paint, which
/// Lighthouse's simulated slow network counts against that paint (0.2 s of it). The file
/// stays for the manifest and the rendered PNGs.
fn with_icon_inline(dir: &Path, html: &str) -> Result<String> {
    const ICON: &str = "icons/icon.svg";
    if !html.contains(ICON) {
        return Err(format!("the page names no {ICON} to put inline").into());
    }
    let svg = std::fs::read_to_string(dir.join(ICON)).map_err(|e| format!("{ICON}: {e}"))?;
    let url = svg_data_url(&svg);
    let mut out = String::with_capacity(html.len() + 2 * url.len());
    let mut rest = html;
    while let Some(at) = rest.find(ICON) {
        let before = &rest[..at];
        out.push_str(before);
        // Unquoted, as the minifier leaves an attribute or a CSS url(): quoted now.
        if before.ends_with('=') || before.ends_with('(') {
            out.push_str(&format!("\"{url}\""));
        } else {
            out.push_str(&url);
        }
        rest = &rest[at + ICON.len()..];
    }
    out.push_str(rest);
    Ok(out)
}

/// An SVG as a `data:` URL that needs no quoting rules of its own inside `"…"`: one line,
/// without the source's comments, its double quotes single, and `%`, `#`, `<`, `>`, and
/// spaces percent-encoded.
fn svg_data_url(svg: &str) -> String {
    let mut source = String::new();
    let mut rest = svg;
    while let Some(start) = rest.find("<!--") {
        source.push_str(&rest[..start]);
        rest = rest[start..]
            .find("-->")
            .map_or("", |end| &rest[start + end + 3..]);
    }
    source.push_str(rest);
    let one_line = source.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut url = String::from("data:image/svg+xml,");
    for c in one_line.replace("> <", "><").chars() {
        match c {
            '"' => url.push('\''),
            '%' | '#' | '<' | '>' | ' ' => url.push_str(&format!("%{:02X}", c as u32)),
            c if c.is_ascii() => url.push(c),
            c => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    url.push_str(&format!("%{byte:02X}"));
                }
            }
        }
    }
    url
}

/// The first opening tag `<name …>` that contains `marker`, and its `href` or `src`
/// (quoted or not, as the minifier left it).
fn element_with(html: &str, open: &str, marker: &str) -> Option<(String, String)> {
    let mut rest = html;
    while let Some(start) = rest.find(open) {
        let tag_end = rest[start..].find('>')? + start + 1;
        let tag = &rest[start..tag_end];
        if tag.contains(marker) {
            let url = ["href=", "src="].iter().find_map(|name| {
                let value = &tag[tag.find(name)? + name.len()..];
                let value = value.trim_start_matches('"');
                let end = value.find(['"', ' ', '>'])?;
                Some(value[..end].to_string())
            })?;
            return Some((tag.to_string(), url));
        }
        rest = &rest[tag_end..];
    }
    None
}

/// Writes `policy` where a page or deploy file has the policy's placeholder. The release
/// build's minifier drops the quotes around an attribute without spaces, as the
/// placeholder is: those come back, or the policy's spaces would end the attribute.
pub fn with_policy(text: &str, policy: &str) -> Result<String> {
    let unquoted = format!("={}", csp::PLACEHOLDER);
    if text.contains(&unquoted) {
        return Ok(text.replacen(&unquoted, &format!("=\"{policy}\""), 1));
    }
    if !text.contains(csp::PLACEHOLDER) {
        return Err(format!("no {} for the Content-Security-Policy", csp::PLACEHOLDER).into());
    }
    Ok(text.replacen(csp::PLACEHOLDER, policy, 1))
}

/// The bodies of the inline `<script>` (those without `src`) or `<style>` elements.
fn inline_bodies<'a>(html: &'a str, element: &str) -> Vec<&'a str> {
    let (open, close) = (format!("<{element}"), format!("</{element}>"));
    let mut bodies = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find(&open) {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else {
            break;
        };
        let tag = &after[..tag_end];
        let body_start = &after[tag_end + 1..];
        let Some(end) = body_start.find(&close) else {
            break;
        };
        if !tag.contains(" src=") {
            bodies.push(&body_start[..end]);
        }
        rest = &body_start[end..];
    }
    bodies
}

/// `theme.js` is in every first load, before the first paint: its comments, which explain
/// it in the source, would be a third of its bytes there. Only whole-line `//` comments go,
/// which cannot be inside a string or a regular expression.
fn strip_comment_lines(path: &Path) -> Result<()> {
    let source = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    std::fs::write(path, without_comment_lines(&source))?;
    Ok(())
}

fn without_comment_lines(source: &str) -> String {
    source
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .map(|line| format!("{}\n", line.trim_start()))
        .collect()
}

fn write_service_worker(dir: &Path) -> Result<()> {
    let sw_path = dir.join("sw.js");
    let template = std::fs::read_to_string(&sw_path)?;
    write_service_worker_from(dir, &template)
}

/// Writes `dir/sw.js` from the `public/sw.js` template with the version and precache
/// list of the files now in `dir`.
pub fn write_service_worker_from(dir: &Path, template: &str) -> Result<()> {
    let sw_path = dir.join("sw.js");
    let mut files = list_files(dir)?;
    files.retain(|path| {
        path != "sw.js" && !DEPLOY_FILES.contains(&path.as_str()) && !is_startup_image(path)
    });
    files.sort();
    // The worker's own code counts too: a new worker must never fill, or on a failed
    // install delete, the cache the running one serves from.
    let version = content_hash_of(dir, &files)?;
    let version: String = Sha256::digest(format!("{version}{template}"))[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    // Each file with its sha256 and size: the worker checks what it caches against them,
    // so a captive portal's login page or a truncated download is never kept as the app.
    let mut precache = Vec::with_capacity(files.len());
    for path in &files {
        let bytes = std::fs::read(dir.join(path))?;
        let digest: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        precache.push(format!("[\"./{path}\", \"{digest}\", {}]", bytes.len()));
    }
    let precache = format!("[\n  {}\n]", precache.join(",\n  "));
    if !template.contains(VERSION_PLACEHOLDER) || !template.contains(PRECACHE_PLACEHOLDER) {
        return Err("sw.js lacks its placeholders (was it built twice?)".into());
    }
    let sw = template
        .replacen(VERSION_PLACEHOLDER, &version, 1)
        .replacen(PRECACHE_PLACEHOLDER, &precache, 1);
    std::fs::write(&sw_path, sw)?;
    println!(
        "service worker: version {version}, {} files precached",
        files.len()
    );
    Ok(())
}

/// iOS reads its start-up image once, when the app is added to the home screen: a megabyte
/// of them in every phone's cache, for one of them on some phones, would be waste.
fn is_startup_image(path: &str) -> bool {
    path.starts_with("icons/startup-")
}

/// Relative paths with `/` separators of every file below `dir`.
pub fn list_files(dir: &Path) -> Result<Vec<String>> {
    let mut found = Vec::new();
    let mut pending: Vec<PathBuf> = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(dir)?;
                let parts: Vec<_> = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect();
                found.push(parts.join("/"));
            }
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_early_script_loses_its_comment_lines_and_keeps_its_code() {
        let source =
            "// why\n(function () {\n  // more why\n  var url = \"https://x\"; // kept\n})();\n";
        assert_eq!(
            super::without_comment_lines(source),
            "(function () {\nvar url = \"https://x\"; // kept\n})();\n"
        );
    }

    use super::*;

    #[test]
    fn the_stylesheet_and_theme_script_go_inline_and_their_files_go() {
        let dir = std::env::temp_dir().join(format!("lan-inline-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("main-1.css"), "body{color:red}\n").unwrap();
        std::fs::write(dir.join("theme.js"), "run();\n").unwrap();
        let html = r#"<meta content=__LAN_CSP__><link href=/main-1.css integrity=sha384-x rel=stylesheet><script src=theme.js></script><script src=pkg/boot.js type=module></script>"#;
        let out = with_first_paint_inline(&dir, html).unwrap();
        assert_eq!(
            out,
            "<meta content=__LAN_CSP__><style>body{color:red}</style><script>run();</script><script src=pkg/boot.js type=module></script>"
        );
        assert!(!dir.join("main-1.css").exists() && !dir.join("theme.js").exists());
        let hashes = inline_hashes(&out);
        let css =
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"body{color:red}"));
        assert_eq!(hashes.styles, [format!("'sha256-{css}'")]);
        assert_eq!(hashes.scripts.len(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_boot_script_goes_inline_naming_its_package_folder() {
        let dir = std::env::temp_dir().join(format!("lan-boot-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("pkg-1")).unwrap();
        std::fs::write(
            dir.join("pkg-1/boot.js"),
            "await import('./__LAN_PKG__/app.js');\n",
        )
        .unwrap();
        let html = "<style>x</style><script src=pkg-1/boot.js type=module></script></head>";
        let out = with_boot_inline(&dir, html).unwrap();
        assert_eq!(
            out,
            "<style>x</style><script type=module>await import('./pkg-1/app.js');</script></head>"
        );
        assert!(!dir.join("pkg-1/boot.js").exists());
        assert_eq!(inline_hashes(&out).scripts.len(), 1);
        // A boot script still finding its files from its own address would break inline.
        std::fs::write(dir.join("pkg-1/boot.js"), "new URL('a', import.meta.url)").unwrap();
        assert!(with_boot_inline(&dir, html).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_icon_goes_inline_as_a_data_url_in_the_link_and_the_style() {
        let dir = std::env::temp_dir().join(format!("lan-icon-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("icons")).unwrap();
        std::fs::write(
            dir.join("icons/icon.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <!-- why -->\n  <rect fill=\"#2a2140\" width=\"5%\"/>\n</svg>\n",
        )
        .unwrap();
        let html = r#"<link href=icons/icon.svg rel=icon><style>.b{background:url(icons/icon.svg)}</style>"#;
        let url = "data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%3E%3Crect%20fill='%232a2140'%20width='5%25'/%3E%3C/svg%3E";
        assert_eq!(
            with_icon_inline(&dir, html).unwrap(),
            format!(r#"<link href="{url}" rel=icon><style>.b{{background:url("{url}")}}</style>"#)
        );
        assert!(with_icon_inline(&dir, "<link rel=icon>").is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn hashes_only_inline_scripts() {
        let html = r#"<meta content="__LAN_CSP__"><script src="a.js"></script><script type="module">boot()</script>"#;
        let out = with_policy(html, &csp::meta(&inline_hashes(html))).unwrap();
        let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(b"boot()"));
        assert!(out.contains(&format!("'sha256-{expected}'")), "{out}");
        assert!(!out.contains(csp::PLACEHOLDER));
        assert_eq!(out.matches("sha256-").count(), 1);
    }

    #[test]
    fn a_minified_attribute_without_quotes_gets_them_back() {
        let minified = "<meta content=__LAN_CSP__ http-equiv=Content-Security-Policy>";
        let out = with_policy(minified, "default-src 'self'; img-src blob:").unwrap();
        assert_eq!(
            out,
            "<meta content=\"default-src 'self'; img-src blob:\" http-equiv=Content-Security-Policy>"
        );
    }

    #[test]
    fn the_package_folder_is_named_by_its_content() {
        let dist = std::env::temp_dir().join(format!("lan-pkg-test-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        std::fs::create_dir_all(dist.join("pkg")).unwrap();
        std::fs::write(dist.join("pkg/boot.js"), "import './a.js';").unwrap();
        let html = r#"<link href="pkg/a.js"><script src=pkg/boot.js type=module></script>"#;
        let first = with_hashed_package(&dist, html).unwrap();
        let folder = first
            .split("src=")
            .nth(1)
            .unwrap()
            .split('/')
            .next()
            .unwrap()
            .to_string();
        assert!(folder.starts_with("pkg-") && folder.len() == 20, "{first}");
        assert!(first.contains(&format!(r#""{folder}/a.js""#)), "{first}");
        assert!(dist.join(&folder).join("boot.js").is_file());
        assert!(!dist.join("pkg").exists());

        // Other bytes, other folder.
        std::fs::rename(dist.join(&folder), dist.join("pkg")).unwrap();
        std::fs::write(dist.join("pkg/boot.js"), "import './b.js';").unwrap();
        let second = with_hashed_package(&dist, html).unwrap();
        assert!(!second.contains(&folder), "{second}");
        std::fs::remove_dir_all(&dist).unwrap();
    }

    #[test]
    fn refuses_a_build_without_its_package() {
        let dist = std::env::temp_dir().join(format!("lan-nopkg-test-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap();
        assert!(with_hashed_package(&dist, "<script src=pkg/boot.js></script>").is_err());
        std::fs::remove_dir_all(&dist).unwrap();
    }

    #[test]
    fn refuses_html_without_the_placeholder() {
        assert!(with_policy("<script>x</script>", "default-src 'self'").is_err());
    }
}
