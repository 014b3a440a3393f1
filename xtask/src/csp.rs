//! The one Content-Security-Policy of the app. The build writes it into the page's meta tag
//! and into the deploy files (`_headers` for static hosts, the nginx site), so the policies
//! a browser enforces together can never disagree: the hand copies in `deploy/` once lacked
//! `blob:` in `img-src`, which blocked every photo on a host set up as the docs said.

/// Where the policy goes: the meta tag of `index.html` and the `deploy/` templates.
pub const PLACEHOLDER: &str = "__LAN_CSP__";

/// Every directive, in the order written.
const DIRECTIVES: &[(&str, &str)] = &[
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    // Photos are shown from blob: URLs, the drawings' fallbacks from data: URLs.
    ("img-src", "'self' data: blob:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("manifest-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'none'"),
];

/// Directives only a header can carry: a meta tag ignores them.
const HEADER_ONLY: &[(&str, &str)] = &[("frame-ancestors", "'none'")];

/// The page's inline `<script>` and `<style>` elements, as CSP hash sources.
#[derive(Debug, Clone, Default)]
pub struct Inline {
    pub scripts: Vec<String>,
    pub styles: Vec<String>,
}

fn written(directives: &[(&str, &str)], inline: &Inline) -> String {
    directives
        .iter()
        .map(|(name, value)| {
            let hashes = match *name {
                "script-src" => &inline.scripts,
                "style-src" => &inline.styles,
                _ => return format!("{name} {value}"),
            };
            match hashes.is_empty() {
                true => format!("{name} {value}"),
                false => format!("{name} {value} {}", hashes.join(" ")),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The policy of the page's meta tag, allowing the page's inline scripts and styles by
/// their hashes.
pub fn meta(inline: &Inline) -> String {
    written(DIRECTIVES, inline)
}

/// The policy of the deploy files' header: the meta policy and what only a header carries.
pub fn header(inline: &Inline) -> String {
    let all: Vec<(&str, &str)> = DIRECTIVES.iter().chain(HEADER_ONLY).copied().collect();
    written(&all, inline)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn directive<'a>(policy: &'a str, name: &str) -> Option<&'a str> {
        policy
            .split("; ")
            .find(|d| d.split(' ').next() == Some(name))
    }

    #[test]
    fn the_header_is_the_meta_policy_and_frame_ancestors() {
        let hashes = Inline {
            scripts: vec!["'sha256-abc'".to_string()],
            styles: vec!["'sha256-def'".to_string()],
        };
        let meta = meta(&hashes);
        let header = header(&hashes);
        assert!(header.starts_with(&meta), "{header}");
        assert_eq!(
            directive(&header, "frame-ancestors"),
            Some("frame-ancestors 'none'")
        );
        assert_eq!(directive(&meta, "frame-ancestors"), None);
        assert_eq!(
            directive(&meta, "script-src"),
            Some("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc'")
        );
        assert_eq!(
            directive(&meta, "style-src"),
            Some("style-src 'self' 'sha256-def'")
        );
    }

    #[test]
    fn photos_from_blob_urls_are_allowed_everywhere() {
        for policy in [meta(&Inline::default()), header(&Inline::default())] {
            assert_eq!(
                directive(&policy, "img-src"),
                Some("img-src 'self' data: blob:"),
                "{policy}"
            );
        }
    }

    /// The deploy files in the repository are templates: every policy in them is the one
    /// the build writes, never a hand copy.
    #[test]
    fn the_deploy_templates_carry_the_placeholder_and_no_policy_of_their_own() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        for file in ["deploy/_headers", "deploy/nginx.conf", "index.html"] {
            let text = std::fs::read_to_string(root.join(file)).unwrap();
            assert_eq!(text.matches(PLACEHOLDER).count(), 1, "{file}");
            assert!(
                !text.contains("default-src"),
                "{file} has a policy of its own"
            );
        }
    }

    /// Issue 25: neither deploy file set HSTS or `X-Frame-Options`. (That nginx sends them
    /// with every file is checked through a real nginx: `tests/e2e/tests/photos.rs`.)
    #[test]
    fn both_deploy_files_set_hsts_and_forbid_framing() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        for file in ["deploy/_headers", "deploy/nginx.conf"] {
            let text = std::fs::read_to_string(root.join(file)).unwrap();
            for header in [
                "Strict-Transport-Security",
                "X-Frame-Options",
                "Permissions-Policy",
            ] {
                assert!(text.contains(header), "{file} lacks {header}");
            }
        }
    }
}
