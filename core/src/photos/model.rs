//! Foot photos as data: what each one shows, the timeline of an area, which two to
//! compare, sizes and space. Pure Rust, tested natively; the pictures themselves live in
//! `storage::photos`.

use crate::foot_check::model::{Area, Foot};
use crate::storage::keys::Key;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The long edge of a kept photo: enough to see a crack's edges when zoomed in, small
/// enough that a year of nightly photos fits on a phone.
pub const LONG_EDGE: u32 = 1600;
/// The long edge of the small copy shown in lists.
pub const THUMB_EDGE: u32 = 320;
pub const JPEG_QUALITY: f64 = 0.85;

/// One photo's description. The id is the time it was taken, in ms, made unique.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Photo {
    pub id: u64,
    pub foot: Foot,
    pub area: Area,
    /// The foot check it was taken during, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub check: Option<u64>,
    pub width: u32,
    pub height: u32,
    /// Size of the kept picture and of its small copy, in bytes.
    pub bytes: u64,
    pub thumb_bytes: u64,
}

impl Photo {
    pub fn spot(&self) -> (Foot, Area) {
        (self.foot, self.area)
    }

    /// "Left foot, heel", for labels and alt text.
    pub fn place(&self) -> String {
        place(self.foot, self.area)
    }
}

pub fn place(foot: Foot, area: Area) -> String {
    format!("{}, {}", foot.name(), area.name().to_lowercase())
}

/// The two pictures kept of each photo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PictureSize {
    /// The photo itself, at most `LONG_EDGE` on its long side.
    Full,
    /// The small copy the strips show, at most `THUMB_EDGE`.
    Small,
}

impl PictureSize {
    pub const BOTH: [PictureSize; 2] = [PictureSize::Full, PictureSize::Small];

    /// Its field in a stored photo record: the names every database so far was written with.
    pub fn field(self) -> &'static str {
        match self {
            PictureSize::Full => "image",
            PictureSize::Small => "thumb",
        }
    }

    /// Its width and height in pixels.
    pub fn pixels(self, photo: &Photo) -> (u32, u32) {
        match self {
            PictureSize::Full => (photo.width, photo.height),
            PictureSize::Small => fit(photo.width, photo.height, THUMB_EDGE),
        }
    }
}

/// The size to draw a `width` x `height` picture so its long edge is at most `edge`,
/// keeping its shape; never enlarged, never zero.
pub fn fit(width: u32, height: u32, edge: u32) -> (u32, u32) {
    let long = width.max(height);
    if long <= edge || long == 0 {
        return (width.max(1), height.max(1));
    }
    let scale = f64::from(edge) / f64::from(long);
    let side = |n: u32| ((f64::from(n) * scale).round() as u32).clamp(1, edge);
    (side(width), side(height))
}

/// An id for a photo taken at `now_ms` that no photo in `taken` has: two photos in the
/// same millisecond (a picker returning several files) must not replace each other.
pub fn fresh_id(now_ms: u64, taken: &[Photo]) -> u64 {
    let mut id = now_ms;
    while taken.iter().any(|p| p.id == id) {
        id += 1;
    }
    id
}

/// An area's photos, newest first.
pub fn timeline(photos: &[Photo], spot: (Foot, Area)) -> Vec<&Photo> {
    let mut found: Vec<&Photo> = photos.iter().filter(|p| p.spot() == spot).collect();
    found.sort_by_key(|p| std::cmp::Reverse(p.id));
    found
}

/// Every area that has photos, in the guide's order, with how many.
pub fn areas_with_photos(photos: &[Photo]) -> Vec<((Foot, Area), usize)> {
    let mut counts: BTreeMap<(Foot, Area), usize> = BTreeMap::new();
    for photo in photos {
        *counts.entry(photo.spot()).or_default() += 1;
    }
    counts.into_iter().collect()
}

/// The photo to compare `id` with: the one of the same area taken just before it, or,
/// for the area's first photo, the one just after.
pub fn compare_with(photos: &[Photo], id: u64) -> Option<&Photo> {
    let photo = photos.iter().find(|p| p.id == id)?;
    let line = timeline(photos, photo.spot());
    let at = line.iter().position(|p| p.id == id)?;
    line.get(at + 1)
        .or_else(|| at.checked_sub(1).and_then(|i| line.get(i)))
        .copied()
}

/// Bytes the photos take, pictures and small copies together.
pub fn space_used(photos: &[Photo]) -> u64 {
    photos.iter().map(|p| p.bytes + p.thumb_bytes).sum()
}

/// "1 photo takes 320 KB.", "3 photos take 960 KB."
pub fn space_sentence(photos: &[Photo]) -> String {
    let size = format_bytes(space_used(photos));
    match photos.len() {
        1 => format!("1 photo takes {size}."),
        count => format!("{count} photos take {size}."),
    }
}

/// "820 KB", "1.4 MB", "2.1 GB": sizes as a phone's settings show them.
pub fn format_bytes(bytes: u64) -> String {
    const KB: f64 = 1000.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} bytes")
    } else if b < KB * KB {
        format!("{:.0} KB", b / KB)
    } else if b < KB * KB * KB {
        format!("{:.1} MB", b / (KB * KB))
    } else {
        format!("{:.1} GB", b / (KB * KB * KB))
    }
}

/// Zoom levels the buttons step through; a pinch may land anywhere between the ends.
pub const ZOOM_STEPS: [f64; 5] = [1.0, 1.5, 2.0, 3.0, 4.0];

pub fn clamp_zoom(zoom: f64) -> f64 {
    if zoom.is_finite() {
        zoom.clamp(ZOOM_STEPS[0], ZOOM_STEPS[ZOOM_STEPS.len() - 1])
    } else {
        ZOOM_STEPS[0]
    }
}

/// The next step in (`closer`) or out from `zoom`.
pub fn zoom_step(zoom: f64, closer: bool) -> f64 {
    let next = if closer {
        ZOOM_STEPS.iter().find(|s| **s > zoom + 1e-9)
    } else {
        ZOOM_STEPS.iter().rev().find(|s| **s < zoom - 1e-9)
    };
    next.copied().unwrap_or_else(|| clamp_zoom(zoom))
}

/// Where to scroll, along one axis, so that the point `focus` pixels into the visible
/// frame shows the same spot of the photo after the zoom goes from `from` to `to`: the
/// frame's centre for the buttons, the fingers' midpoint for a pinch. Without it the
/// browser keeps the scroll offset, and zooming pulls the picture to its top-left corner.
pub fn scroll_keeping(scroll: f64, focus: f64, from: f64, to: f64) -> f64 {
    let measurable = from > 0.0 && to > 0.0 && scroll.is_finite() && focus.is_finite();
    if !measurable {
        return scroll.max(0.0);
    }
    ((scroll + focus) * to / from - focus).max(0.0)
}

/// The slider's line, in percent of the picture's width from its left edge, for a pointer
/// at `x` over a picture from `left` to `left + width`: the line follows the finger.
pub fn line_at(x: f64, left: f64, width: f64) -> u32 {
    let measurable = width > 0.0 && x.is_finite() && left.is_finite();
    if !measurable {
        return 50;
    }
    (((x - left) / width * 100.0).round().clamp(0.0, 100.0)) as u32
}

/// The ids of the `incoming` photos an import puts in: with `replace` all of them (what is
/// here goes), otherwise only those this device does not have, so its own copy wins.
pub fn ids_to_import(here: &[Photo], incoming: &[Photo], replace: bool) -> Vec<u64> {
    incoming
        .iter()
        .map(|p| p.id)
        .filter(|id| replace || !here.iter().any(|p| p.id == *id))
        .collect()
}

/// The description kept beside each photo in IndexedDB (`meta`); bump it and append a
/// migration when `Photo` changes. Exported in the zip's `photos.json`, not as a part.
pub const META_KEY: Key = Key {
    name: "lan.photos",
    schema: 1,
    migrations: &[],
    label: "Your foot photos",
    words: "the foot photos",
    backup_part: None,
};

#[cfg(test)]
mod tests {
    use super::*;

    fn photo(id: u64, foot: Foot, area: Area) -> Photo {
        Photo {
            id,
            foot,
            area,
            check: None,
            width: 1600,
            height: 1200,
            bytes: 300_000,
            thumb_bytes: 20_000,
        }
    }

    #[test]
    fn pictures_shrink_to_the_long_edge_and_keep_their_shape() {
        assert_eq!(fit(4032, 3024, 1600), (1600, 1200));
        assert_eq!(fit(3024, 4032, 1600), (1200, 1600));
        assert_eq!(fit(800, 600, 1600), (800, 600), "never enlarged");
        assert_eq!(fit(10_000, 3, 1600), (1600, 1), "never zero");
        assert_eq!(fit(0, 0, 1600), (1, 1));
    }

    #[test]
    fn ids_stay_unique_within_one_millisecond() {
        let taken = vec![
            photo(5, Foot::Left, Area::Heel),
            photo(6, Foot::Left, Area::Heel),
        ];
        assert_eq!(fresh_id(5, &taken), 7);
        assert_eq!(fresh_id(9, &taken), 9);
    }

    #[test]
    fn an_area_timeline_is_its_own_photos_newest_first() {
        let photos = vec![
            photo(1, Foot::Left, Area::Heel),
            photo(2, Foot::Right, Area::Heel),
            photo(3, Foot::Left, Area::Heel),
            photo(4, Foot::Left, Area::Sole),
        ];
        let ids: Vec<u64> = timeline(&photos, (Foot::Left, Area::Heel))
            .iter()
            .map(|p| p.id)
            .collect();
        assert_eq!(ids, [3, 1]);
        assert_eq!(
            areas_with_photos(&photos),
            [
                ((Foot::Left, Area::Heel), 2),
                ((Foot::Left, Area::Sole), 1),
                ((Foot::Right, Area::Heel), 1)
            ]
        );
    }

    #[test]
    fn a_photo_compares_with_the_one_before_or_else_the_one_after() {
        let photos = vec![
            photo(1, Foot::Left, Area::Heel),
            photo(2, Foot::Right, Area::Heel),
            photo(3, Foot::Left, Area::Heel),
            photo(5, Foot::Left, Area::Heel),
        ];
        assert_eq!(compare_with(&photos, 5).map(|p| p.id), Some(3));
        assert_eq!(compare_with(&photos, 3).map(|p| p.id), Some(1));
        assert_eq!(compare_with(&photos, 1).map(|p| p.id), Some(3));
        assert_eq!(compare_with(&photos, 2), None, "alone in its area");
        assert_eq!(compare_with(&photos, 99), None);
    }

    #[test]
    fn space_counts_both_copies_and_reads_like_a_phone() {
        let photos = vec![photo(1, Foot::Left, Area::Heel); 3];
        assert_eq!(space_used(&photos), 960_000);
        assert_eq!(format_bytes(999), "999 bytes");
        assert_eq!(format_bytes(960_000), "960 KB");
        assert_eq!(format_bytes(116_800_000), "116.8 MB");
        assert_eq!(format_bytes(2_100_000_000), "2.1 GB");
        assert_eq!(space_sentence(&photos), "3 photos take 960 KB.");
        assert_eq!(space_sentence(&photos[..1]), "1 photo takes 320 KB.");
    }

    #[test]
    fn zoom_steps_stop_at_both_ends_and_a_pinch_is_clamped() {
        assert_eq!(zoom_step(1.0, true), 1.5);
        assert_eq!(zoom_step(1.7, true), 2.0, "from a pinch, to the next step");
        assert_eq!(zoom_step(4.0, true), 4.0);
        assert_eq!(zoom_step(1.7, false), 1.5);
        assert_eq!(zoom_step(1.0, false), 1.0);
        assert_eq!(clamp_zoom(9.0), 4.0);
        assert_eq!(clamp_zoom(0.2), 1.0);
        assert_eq!(clamp_zoom(f64::NAN), 1.0);
    }

    #[test]
    fn merge_adds_only_new_ids_and_replace_takes_all_incoming() {
        let here = vec![
            photo(1, Foot::Left, Area::Heel),
            photo(2, Foot::Left, Area::Heel),
        ];
        let incoming = vec![
            photo(2, Foot::Right, Area::Toes),
            photo(3, Foot::Left, Area::Heel),
        ];
        assert_eq!(
            ids_to_import(&here, &incoming, false),
            [3],
            "this device's photo 2 wins"
        );
        assert_eq!(ids_to_import(&here, &incoming, true), [2, 3]);
        assert_eq!(ids_to_import(&[], &incoming, false), [2, 3]);
    }

    #[test]
    fn the_description_round_trips_through_json() {
        let mut p = photo(7, Foot::Right, Area::Ball);
        p.check = Some(6);
        let text = serde_json::to_string(&p).unwrap();
        assert_eq!(serde_json::from_str::<Photo>(&text).unwrap(), p);
        let without_check = serde_json::to_string(&photo(8, Foot::Left, Area::Heel)).unwrap();
        assert!(!without_check.contains("check"), "{without_check}");
    }

    /// Issue 26, item 15: zoom pulled the picture to the top-left corner.
    #[test]
    fn zoom_keeps_the_spot_under_the_centre_or_the_fingers() {
        // A 300 px frame at 1x, not scrolled: its centre (150) is the photo's middle.
        // At 2x the photo is 600 px wide; its middle is at 300, so scroll by 150.
        assert_eq!(scroll_keeping(0.0, 150.0, 1.0, 2.0), 150.0);
        // And back out: the middle stays, the scroll returns to 0.
        assert_eq!(scroll_keeping(150.0, 150.0, 2.0, 1.0), 0.0);
        // A pinch 30 px into the frame keeps that spot under the fingers.
        let scroll = scroll_keeping(100.0, 30.0, 1.5, 3.0);
        assert_eq!((scroll + 30.0) / 3.0, (100.0 + 30.0) / 1.5);
        // Nothing strange in, nothing strange out.
        assert_eq!(scroll_keeping(40.0, f64::NAN, 1.0, 2.0), 40.0);
        assert_eq!(scroll_keeping(40.0, 10.0, 0.0, 2.0), 40.0);
    }

    #[test]
    fn the_slider_line_follows_the_finger() {
        assert_eq!(line_at(110.0, 10.0, 200.0), 50);
        assert_eq!(line_at(10.0, 10.0, 200.0), 0);
        assert_eq!(line_at(500.0, 10.0, 200.0), 100);
        assert_eq!(line_at(-5.0, 10.0, 200.0), 0);
        assert_eq!(line_at(60.0, 10.0, 0.0), 50);
    }
}
