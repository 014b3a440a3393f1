//! The size report of `scripts/bench`: every file raw, gzip -9 and brotli q11.

use crate::Result;
use std::io::Write;
use std::path::Path;

#[derive(Default, Clone, Copy)]
struct Size {
    raw: usize,
    gzip: usize,
    brotli: usize,
}

impl std::ops::AddAssign for Size {
    fn add_assign(&mut self, other: Size) {
        self.raw += other.raw;
        self.gzip += other.gzip;
        self.brotli += other.brotli;
    }
}

fn measure(bytes: &[u8]) -> Result<Size> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes)?;
    let gzip = gz.finish()?.len();
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut br, &params)?;
    Ok(Size {
        raw: bytes.len(),
        gzip,
        brotli: br.len(),
    })
}

/// What a first visit downloads before the page is usable: the page (with its style, its
/// early scripts and its icon inline), its code and the manifest. Screenshots and the icon
/// files are fetched only by the service worker or the installer.
/// The per-page chunks (`chunk_*`, `split_*`) come later, when a page first opens.
fn is_first_load(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let in_package = path.starts_with("pkg-") || path.starts_with("pkg/");
    let top_level = !path.contains('/');
    let chunk = name.starts_with("chunk_") || name.starts_with("split_");
    path == "index.html"
        || path == "manifest.webmanifest"
        || path.ends_with(".css")
        || (path.ends_with(".js") || path.ends_with(".wasm"))
            && (top_level || in_package)
            && path != "sw.js"
            && !chunk
}

/// Issue 14's ceiling on the first load, in gzip bytes.
pub const FIRST_LOAD_CEILING: usize = 165_000;

/// The gzip bytes of a build's first load, for the test that keeps it under the ceiling.
pub fn first_load_gzip(dir: &Path) -> Result<usize> {
    let files = crate::post_build::list_files(dir)?;
    let mut gzip = 0;
    for path in files.iter().filter(|path| is_first_load(path)) {
        gzip += measure(&std::fs::read(dir.join(path))?)?.gzip;
    }
    Ok(gzip)
}

fn report(label: &str, dir: &Path) -> Result<Size> {
    let mut files = crate::post_build::list_files(dir)?;
    files.sort();
    println!("\n{label}: {}", dir.display());
    println!("{:<44} {:>9} {:>9} {:>9}", "file", "raw", "gzip", "brotli");
    let (mut total, mut first) = (Size::default(), Size::default());
    for path in &files {
        let size = measure(&std::fs::read(dir.join(path))?)?;
        let mark = if is_first_load(path) { "*" } else { " " };
        println!(
            "{mark}{path:<43} {:>9} {:>9} {:>9}",
            size.raw, size.gzip, size.brotli
        );
        total += size;
        if is_first_load(path) {
            first += size;
        }
    }
    println!(
        "{:<44} {:>9} {:>9} {:>9}",
        "total (every file)", total.raw, total.gzip, total.brotli
    );
    println!(
        "{:<44} {:>9} {:>9} {:>9}",
        "first load (* files)", first.raw, first.gzip, first.brotli
    );
    Ok(first)
}

pub fn run(dist: &Path, baseline: Option<std::path::PathBuf>) -> Result<()> {
    let app = report("app", dist)?;
    if let Some(baseline) = baseline {
        let base = report("baseline (bare Leptos hello world)", &baseline)?;
        println!(
            "\nfirst load gzip: app {} B, baseline {} B, ratio {:.2}",
            app.gzip,
            base.gzip,
            app.gzip as f64 / base.gzip.max(1) as f64
        );
    }
    println!(
        "first load gzip: {:.1} KB (ceiling {} KB, issue #14)",
        app.gzip as f64 / 1000.0,
        FIRST_LOAD_CEILING / 1000
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::is_first_load;

    #[test]
    fn chunks_and_install_only_files_are_not_first_load() {
        for first in [
            "index.html",
            "main-4f7f6508f66b4272.css",
            "pkg-0123456789abcdef/legs-at-night.js",
            "pkg-0123456789abcdef/legs-at-night_bg.wasm",
            "pkg-0123456789abcdef/__wasm_split.js",
            "baseline-0123456789abcdef_bg.wasm",
        ] {
            assert!(is_first_load(first), "{first}");
        }
        for later in [
            "sw.js",
            "pkg-0123456789abcdef/chunk_12.wasm",
            "pkg-0123456789abcdef/split_quiz_page_code.wasm",
            "icons/icon-512.png",
            // Inline in the page; the file is the manifest's.
            "icons/icon.svg",
            "screenshots/home-narrow.png",
        ] {
            assert!(!is_first_load(later), "{later}");
        }
    }
}
