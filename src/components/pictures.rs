//! The app's pictures: a diagram of each cause and a drawing of each position for the night.
//!
//! The drawings are SVG files beside this module, drawn in `currentColor` and two theme
//! colours given by class (`fill-soft`, `soft`, `accent`: the stylesheet gives them the
//! theme's border and accent colours), and built into the wasm to be drawn inline. So they
//! follow the light and night themes, grow with the text size, and come in the prerendered
//! HTML itself: they draw with JavaScript off and with the page's first paint, and cost no
//! request. Fetched from their own files (through `<use href>`, as before), they were
//! requests that ended before the first paint, which Lighthouse's simulated slow network
//! counted against the Learn page's largest paint (1.40x the static page instead of 1.22x).
//! Built in, they travel with the code of the pages that show them (a small chunk that the
//! Learn, quiz and bedtime pages share, about 3 KB gzip), not in the first load. Classes,
//! not `style` attributes: the page's CSP allows no inline style.

use crate::clinical::positions::Position;
use crate::clinical::Condition;
use leptos::prelude::*;

/// One drawing: its name, its SVG file's text and what it shows, in words, for those who
/// cannot see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picture {
    pub file: &'static str,
    svg: &'static str,
    pub shows: &'static str,
}

/// `("name", "what it shows")` as a `Picture` with `pictures/name.svg` built in.
macro_rules! picture {
    ($file:literal, $shows:expr) => {
        Picture {
            file: $file,
            svg: include_str!(concat!("pictures/", $file, ".svg")),
            shows: $shows,
        }
    };
}

impl Picture {
    /// The drawing's group (`<g …>…</g>`) without the file's `<svg>` wrapper, to be drawn
    /// inside the page's own `<svg>`; empty for a file without one, which a test forbids.
    fn art(&self) -> &'static str {
        let svg = self.svg;
        match (svg.find("<g"), svg.rfind("</g>")) {
            (Some(start), Some(end)) if start < end => &svg[start..end + "</g>".len()],
            _ => "",
        }
    }
}

/// The diagram that explains a cause.
pub fn diagram(condition: Condition) -> Option<Picture> {
    Some(match condition {
        Condition::NerveCompression => picture!("cause-nerve", "A row of spine bones seen from the side, as when lying down. The nerve leaves through the gap between two of them; arrows show that gap narrowing, and the nerve runs on towards the leg, where the pain is felt."),
        Condition::Neuropathy => picture!("cause-neuropathy", "Two feet and a hand. Zigzag marks around the toes stand for burning and tingling; fainter marks at the fingertips show that the hands can feel it too."),
        Condition::JointAndMuscle => picture!("cause-joints", "Left: lying on the back, an arrow presses on the lower back where its curve flattens. Right: lying on the side, a circle marks the pressure on the hip and outer thigh."),
        Condition::SpinalStenosis => picture!("cause-stenosis", "Left: standing, with zigzag marks of pain in the back and legs. Right: sitting and leaning forward, with a tick, because that eases it. Lying down eases it too, so it does not explain pain that starts in bed."),
        Condition::ArterialRestPain => picture!("cause-arteries", "Left: a leg hanging over the edge of the bed, with an arrow showing gravity helping blood down to the foot. Right: a leg raised on pillows; a dashed line and a cross show blood failing to climb up to the foot."),
        Condition::VenousInsufficiency => picture!("cause-veins", "Left: a vein with one valve that closes and one that leaks, letting blood fall back down. Right: legs raised on pillows, with an arrow showing blood draining back towards the body."),
        Condition::SkinFissures => picture!("cause-heel", "Left: standing, the body's weight presses a crack in the heel closed. Right: lying in bed, the heel swells a little and the crack opens, which hurts."),
        Condition::NightCramps => picture!("cause-cramps", "Left: the calf stretch, standing with both hands on a wall, the back leg straight and its heel on the floor; an arc marks the stretched calf. Right: during a cramp in bed, sitting with the leg straight and pulling the toes up towards the knee."),
        Condition::RestlessLegs => picture!("cause-restless", "Left: lying in bed, with wavy marks above the legs for the urge to move them. Right: the same person up and walking, which eases it for as long as they keep moving."),
        _ => return None,
    })
}

/// The drawing of a position.
pub fn drawing(position: Position) -> Picture {
    match position {
        Position::BackPillowUnderKnees => picture!("posture-back-knees", "Lying on the back, with a pillow under the knees."),
        Position::SidePillowBetweenKnees => picture!("posture-side-pillow", "Lying on the side, knees bent, with a pillow between them."),
        Position::LegsLevelOrHanging => picture!("posture-legs-hanging", "Half sitting up with the head of the bed propped up, legs hanging over the edge; arrows show blood flowing down to the feet."),
        Position::LegsRaised => picture!("posture-legs-raised", "Lying on the back, legs resting on two pillows; an arrow shows blood draining towards the body."),
        Position::CoversOffFeet => picture!("posture-covers-off", "Lying on the back, with a frame at the foot end that keeps the covers off the feet; a hot-water bottle is crossed out."),
        Position::SocksAfterCream => picture!("posture-socks-cream", "A heel with dots of moisturiser, then the same foot in a sock."),
        Position::LooseCovers => picture!("posture-loose-covers", "Lying on the back, with the covers loose over the feet so the toes can point up; an arrow shows the toes free to point up."),
    }
}

/// Where the helper touches in the touch-the-toes test.
pub fn touch_test() -> Picture {
    picture!("touch-test-toes", "Both feet seen from above. Rings mark the three toes to touch on each foot: the big toe, the middle toe and the little toe.")
}

/// Safari's Share button, where it sits on an iPhone (the bar at the bottom) or an iPad
/// (beside the address, at the top).
pub fn safari_share(tablet: bool) -> Picture {
    if tablet {
        picture!("install-share-tablet", "An iPad screen. At the top right, beside the address, the Share button, a square with an arrow pointing up, is circled.")
    } else {
        picture!("install-share-phone", "An iPhone screen. In the bar at the bottom, the Share button, a square with an arrow pointing up, is circled.")
    }
}

/// The line "Add to Home Screen" in Safari's Share list.
pub fn add_to_home_screen() -> Picture {
    picture!("install-add-to-home", "Safari's Share list, with the line Add to Home Screen, beside a square with a plus, circled.")
}

/// A drawing, named by what it shows: a screen reader reads the description, which on
/// a small screen at night would be a paragraph nobody needs who can see the drawing.
#[component]
pub fn Figure(picture: Picture) -> impl IntoView {
    view! {
        <figure class="picture" data-picture=picture.file>
            <svg
                class="picture-art"
                viewBox="0 0 240 120"
                role="img"
                aria-label=picture.shows
                inner_html=picture.art()
            ></svg>
        </figure>
    }
}

/// "How to lie tonight": a drawing and a sentence for each position; `causes`, where
/// given, says whom each position is for.
#[component]
pub fn HowToLie(
    positions: Vec<Position>,
    #[prop(optional)] causes: Vec<Option<String>>,
    title: &'static str,
) -> impl IntoView {
    let causes = causes.into_iter().chain(std::iter::repeat(None));
    (!positions.is_empty()).then(|| {
        view! {
            <section class="how-to-lie" aria-labelledby="how-to-lie-title">
                <h2 id="how-to-lie-title">{title}</h2>
                <ul class="positions">
                    {positions
                        .into_iter()
                        .zip(causes)
                        .map(|(position, cause)| {
                            view! {
                                <li>
                                    <Figure picture=drawing(position)/>
                                    {cause.map(|cause| view! { <p class="for-cause">{cause}</p> })}
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
            .chain(&Condition::ALSO_COMMON)
            .map(|c| diagram(*c).expect("a diagram").file)
            .chain(Position::ALL.iter().map(|p| drawing(*p).file))
            .chain([touch_test().file])
            .chain(
                [
                    safari_share(false),
                    safari_share(true),
                    add_to_home_screen(),
                ]
                .map(|p| p.file),
            )
            .collect();
        let count = files.len();
        files.sort();
        files.dedup();
        assert_eq!(files.len(), count, "two pictures share a file");
        assert!(Condition::RED_FLAGS.iter().all(|c| diagram(*c).is_none()));
    }

    /// The classes the stylesheet gives a colour or a line to (`.picture-art …`).
    const STYLED_CLASSES: [&str; 6] = [
        "fill-soft",
        "soft",
        "accent",
        "dash-short",
        "dash-long",
        "wide",
    ];

    #[test]
    fn every_drawing_draws_inline_themes_through_css_and_stays_small() {
        let pictures = Condition::EXPLAINED
            .iter()
            .chain(&Condition::ALSO_COMMON)
            .filter_map(|c| diagram(*c))
            .chain(Position::ALL.iter().map(|p| drawing(*p)))
            .chain([touch_test()])
            .chain([
                safari_share(false),
                safari_share(true),
                add_to_home_screen(),
            ]);
        for picture in pictures {
            let name = picture.file;
            let art = picture.art();
            assert!(
                art.starts_with("<g ") && art.ends_with("</g>"),
                "{name}: no drawing group"
            );
            assert_eq!(
                art.matches("<g").count(),
                1,
                "{name}: one group, drawn as a whole"
            );
            assert!(picture.svg.contains(r#"viewBox="0 0 240 120""#), "{name}");
            // Inline in the page: an id could repeat, and the CSP blocks `style` attributes.
            for banned in [" id=", " style=", "<script", "<style"] {
                assert!(!art.contains(banned), "{name} has {banned:?}");
            }
            // Colours come from the theme: no fixed colour, above all no white block at night.
            for fixed in ["#", "white", "rgb("] {
                assert!(
                    !picture.svg.contains(fixed),
                    "{name} has a fixed colour ({fixed})"
                );
            }
            for classes in art.split(r#"class=""#).skip(1) {
                let classes = classes.split('"').next().unwrap_or_default();
                for class in classes.split_whitespace() {
                    assert!(
                        STYLED_CLASSES.contains(&class),
                        "{name}: no style for {class:?}"
                    );
                }
            }
            // Each is compiled into the chunk of every page that draws it: keep them small.
            assert!(
                picture.svg.len() <= 1024,
                "{name} is {} bytes",
                picture.svg.len()
            );
            assert!(picture.shows.len() > 20, "{name}: say what it shows");
        }
    }

    #[test]
    fn a_file_without_a_drawing_group_draws_nothing_rather_than_its_wrapper() {
        let empty = Picture {
            file: "empty",
            svg: r#"<svg viewBox="0 0 240 120"></svg>"#,
            shows: "nothing",
        };
        assert_eq!(empty.art(), "");
    }
}
