//! Every PNG icon comes from `icons/icon.svg`, so the sizes can never drift apart.

use crate::Result;
use resvg::tiny_skia::{Color, Pixmap, Transform};
use resvg::usvg::{Options, Tree};
use std::path::Path;

/// The icon background, used to fill the full square of maskable and Apple icons.
const BACKGROUND: (u8, u8, u8) = (0x2a, 0x21, 0x40);

struct Variant {
    file: &'static str,
    size: u32,
    /// Share of the square the artwork takes; the rest is background. Maskable icons keep
    /// their artwork inside the 80% safe circle, Apple rounds its own corners.
    artwork_scale: f32,
    full_bleed: bool,
}

const VARIANTS: [Variant; 5] = [
    // The manifest's shortcuts (a long press on the home-screen icon).
    Variant {
        file: "icon-96.png",
        size: 96,
        artwork_scale: 1.0,
        full_bleed: false,
    },
    Variant {
        file: "icon-192.png",
        size: 192,
        artwork_scale: 1.0,
        full_bleed: false,
    },
    Variant {
        file: "icon-512.png",
        size: 512,
        artwork_scale: 1.0,
        full_bleed: false,
    },
    Variant {
        file: "icon-maskable-512.png",
        size: 512,
        artwork_scale: 0.72,
        full_bleed: true,
    },
    Variant {
        file: "apple-touch-icon-180.png",
        size: 180,
        artwork_scale: 0.86,
        full_bleed: true,
    },
];

pub fn render_all(icons_dir: &Path) -> Result<()> {
    let svg = std::fs::read(icons_dir.join("icon.svg"))?;
    let tree = Tree::from_data(&svg, &Options::default())?;
    for variant in &VARIANTS {
        let png = render(&tree, variant)?;
        std::fs::write(icons_dir.join(variant.file), png)?;
    }
    Ok(())
}

fn render(tree: &Tree, variant: &Variant) -> Result<Vec<u8>> {
    let mut pixmap = Pixmap::new(variant.size, variant.size).ok_or("icon size must not be zero")?;
    if variant.full_bleed {
        let (r, g, b) = BACKGROUND;
        pixmap.fill(Color::from_rgba8(r, g, b, 255));
    }
    let side = variant.size as f32 * variant.artwork_scale;
    let scale = side / tree.size().width().max(tree.size().height());
    let offset = (variant.size as f32 - side) / 2.0;
    let transform = Transform::from_scale(scale, scale).post_translate(offset, offset);
    resvg::render(tree, transform, &mut pixmap.as_mut());
    Ok(pixmap.encode_png()?)
}

/// iOS shows a start-up image while an app added to the home screen opens, only one of the
/// exact size of the screen: the common iPhones', portrait, as (width, height, pixel ratio)
/// in CSS pixels. `index.html` links each with the media query that picks it.
pub const STARTUP_SCREENS: [(u32, u32, u32); 10] = [
    (440, 956, 3),
    (402, 874, 3),
    (430, 932, 3),
    (393, 852, 3),
    (428, 926, 3),
    (390, 844, 3),
    (375, 812, 3),
    (414, 896, 3),
    (414, 896, 2),
    (375, 667, 2),
];

pub fn startup_file((width, height, ratio): (u32, u32, u32)) -> String {
    format!("startup-{}x{}.png", width * ratio, height * ratio)
}

/// The icon on the app's night background, as the app itself opens (the manifest's
/// `background_color`), so the start is not a white flash at bedtime.
pub fn render_startup_images(icons_dir: &Path) -> Result<()> {
    let svg = std::fs::read(icons_dir.join("icon.svg"))?;
    let tree = Tree::from_data(&svg, &Options::default())?;
    for screen in STARTUP_SCREENS {
        let (width, height, ratio) = screen;
        let (width, height) = (width * ratio, height * ratio);
        let mut pixmap = Pixmap::new(width, height).ok_or("screen size must not be zero")?;
        let (r, g, b) = STARTUP_BACKGROUND;
        pixmap.fill(Color::from_rgba8(r, g, b, 255));
        let side = 128.0 * ratio as f32;
        let scale = side / tree.size().width().max(tree.size().height());
        let transform = Transform::from_scale(scale, scale)
            .post_translate((width as f32 - side) / 2.0, (height as f32 - side) / 2.0);
        resvg::render(&tree, transform, &mut pixmap.as_mut());
        std::fs::write(icons_dir.join(startup_file(screen)), pixmap.encode_png()?)?;
    }
    Ok(())
}

/// The manifest's `background_color`.
const STARTUP_BACKGROUND: (u8, u8, u8) = (0x1b, 0x17, 0x12);
