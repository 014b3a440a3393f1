//! The app's pictures: a diagram of each cause and a drawing of each position for the night.
//!
//! The drawings are SVG files in `public/pictures/`, drawn in `currentColor` and two theme
//! colours (`--pic-accent`, `--pic-soft`), and shown through `<use href>`. So they follow
//! the light and night themes, grow with the text size, read with JavaScript off in the
//! prerendered pages, and are fetched only by a page that shows one, never by the first
//! load; inlined in the wasm they would sit in the main module's data, which the split
//! cannot move to a page's chunk.

use crate::clinical::positions::Position;
use crate::clinical::Condition;
use leptos::prelude::*;

/// One drawing: its file and what it shows, in words, for those who cannot see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picture {
    pub file: &'static str,
    pub shows: &'static str,
}

/// The diagram that explains a cause.
pub fn diagram(condition: Condition) -> Option<Picture> {
    let (file, shows) = match condition {
        Condition::NerveCompression => ("cause-nerve", "A row of spine bones seen from the side, as when lying down. The nerve leaves through the gap between two of them; arrows show that gap narrowing, and the nerve runs on towards the leg, where the pain is felt."),
        Condition::Neuropathy => ("cause-neuropathy", "Two feet and a hand. Zigzag marks around the toes stand for burning and tingling; fainter marks at the fingertips show that the hands can feel it too."),
        Condition::JointAndMuscle => ("cause-joints", "Left: lying on the back, an arrow presses on the lower back where its curve flattens. Right: lying on the side, a circle marks the pressure on the hip and outer thigh."),
        Condition::SpinalStenosis => ("cause-stenosis", "Left: standing, with zigzag marks of pain in the back and legs. Right: sitting and leaning forward, with a tick, because that eases it. Lying down eases it too, so it does not explain pain that starts in bed."),
        Condition::ArterialRestPain => ("cause-arteries", "Left: a leg hanging over the edge of the bed, with an arrow showing gravity helping blood down to the foot. Right: a leg raised on pillows; a dashed line and a cross show blood failing to climb up to the foot."),
        Condition::VenousInsufficiency => ("cause-veins", "Left: a vein with one valve that closes and one that leaks, letting blood fall back down. Right: legs raised on pillows, with an arrow showing blood draining back towards the body."),
        Condition::SkinFissures => ("cause-heel", "Left: standing, the body's weight presses a crack in the heel closed. Right: lying in bed, the heel swells a little and the crack opens, which hurts."),
        _ => return None,
    };
    Some(Picture { file, shows })
}

/// The drawing of a position.
pub fn drawing(position: Position) -> Picture {
    let (file, shows) = match position {
        Position::BackPillowUnderKnees => ("posture-back-knees", "Lying on the back, with a pillow under the knees."),
        Position::SidePillowBetweenKnees => ("posture-side-pillow", "Lying on the side, knees bent, with a pillow between them."),
        Position::LegsLevelOrHanging => ("posture-legs-hanging", "Half sitting up with the head of the bed propped up, legs hanging over the edge; arrows show blood flowing down to the feet."),
        Position::LegsRaised => ("posture-legs-raised", "Lying on the back, legs resting on two pillows; an arrow shows blood draining towards the body."),
        Position::CoversOffFeet => ("posture-covers-off", "Lying on the back, with a frame at the foot end that keeps the covers off the feet; a hot-water bottle is crossed out."),
        Position::SocksAfterCream => ("posture-socks-cream", "A heel with dots of moisturiser, then the same foot in a sock."),
    };
    Picture { file, shows }
}

/// A drawing with its caption. The caption says what the drawing shows, so the image
/// itself is named by it rather than described twice to a screen reader.
#[component]
pub fn Figure(picture: Picture, #[prop(optional)] caption: Option<&'static str>) -> impl IntoView {
    let id = format!("picture-{}", picture.file);
    view! {
        <figure class="picture">
            <svg class="picture-art" viewBox="0 0 240 120" role="img" aria-labelledby=id.clone()>
                <use_ href=format!("pictures/{}.svg#art", picture.file)/>
            </svg>
            <figcaption id=id>{caption.unwrap_or(picture.shows)}</figcaption>
        </figure>
    }
}

/// "How to lie tonight": a drawing and a sentence for each position.
#[component]
pub fn HowToLie(positions: Vec<Position>, title: &'static str) -> impl IntoView {
    (!positions.is_empty()).then(|| {
        view! {
            <section class="how-to-lie" aria-labelledby="how-to-lie-title">
                <h2 id="how-to-lie-title">{title}</h2>
                <ul class="positions">
                    {positions
                        .into_iter()
                        .map(|position| {
                            let picture = drawing(position);
                            view! {
                                <li>
                                    <Figure picture caption=picture.shows/>
                                    <p>{position.advice()}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_explained_cause_and_every_position_has_its_own_drawing() {
        let mut files: Vec<_> = Condition::EXPLAINED
            .iter()
            .map(|c| diagram(*c).expect("a diagram").file)
            .chain(Position::ALL.iter().map(|p| drawing(*p).file))
            .collect();
        let count = files.len();
        files.sort();
        files.dedup();
        assert_eq!(files.len(), count, "two pictures share a file");
        assert!(Condition::RED_FLAGS.iter().all(|c| diagram(*c).is_none()));
    }

    #[test]
    fn every_drawing_file_exists_themes_through_css_and_stays_small() {
        let files = Condition::EXPLAINED
            .iter()
            .filter_map(|c| diagram(*c))
            .chain(Position::ALL.iter().map(|p| drawing(*p)));
        for picture in files {
            let path = format!(
                "{}/public/pictures/{}.svg",
                env!("CARGO_MANIFEST_DIR"),
                picture.file
            );
            let svg = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            assert!(svg.contains(r#"id="art""#), "{path}: no #art to use");
            assert!(svg.contains(r#"viewBox="0 0 240 120""#), "{path}");
            // Colours come from the theme: no fixed colour, above all no white block at night.
            for fixed in ["#", "white", "rgb("] {
                assert!(!svg.contains(fixed), "{path} has a fixed colour ({fixed})");
            }
            // Far under the 4 KB gzip each may take; the raw size bounds it without a gzip.
            assert!(svg.len() <= 4096, "{path} is {} bytes", svg.len());
            assert!(picture.shows.len() > 20, "{path}: say what it shows");
        }
    }
}
