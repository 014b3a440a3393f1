//! The foot map: both soles drawn in SVG, each area coloured by what was last seen there.
//! The picture is for eyes and fingers; `AreaList` says the same in words.

use super::model::{Area, Foot, Mark};
use leptos::prelude::*;

/// Shapes of one sole in a 140 x 280 box; the right foot is the mirror image.
fn shape(area: Area) -> &'static str {
    match area {
        Area::Toes => "M22 40 a14 14 0 1 1 28 0 a14 14 0 1 1 -28 0 M54 28 a11 11 0 1 1 22 0 a11 11 0 1 1 -22 0 M80 30 a10 10 0 1 1 20 0 a10 10 0 1 1 -20 0 M103 36 a9 9 0 1 1 18 0 a9 9 0 1 1 -18 0 M122 48 a8 8 0 1 1 16 0 a8 8 0 1 1 -16 0",
        Area::BetweenToes => "M20 58 L132 58 L128 68 L22 70 Z",
        Area::Ball => "M18 74 Q76 60 130 72 Q134 100 122 118 Q70 128 22 116 Q12 96 18 74 Z",
        Area::Sole => "M26 122 Q70 132 118 122 Q108 160 104 196 Q70 204 40 196 Q36 160 26 122 Z",
        Area::Heel => "M40 202 Q72 210 104 202 Q112 240 92 262 Q70 276 50 262 Q30 240 40 202 Z",
        Area::Top => "M118 150 a14 14 0 1 1 28 0 a14 14 0 1 1 -28 0",
    }
}

pub fn severity_class(mark: Option<Mark>) -> &'static str {
    match mark.map(Mark::severity) {
        None => "area-unseen",
        Some(0) => "area-fine",
        Some(1) => "area-care",
        Some(2) => "area-soon",
        _ => "area-urgent",
    }
}

/// `worst(foot, area)` colours each area; `highlight` outlines the one being looked at;
/// `on_pick` makes areas tappable; `locator` draws it small, to show where a step is.
#[component]
pub fn FootMap(
    #[prop(into)] worst: Callback<(Foot, Area), Option<Mark>>,
    #[prop(optional)] highlight: Option<(Foot, Area)>,
    #[prop(optional, into)] on_pick: Option<Callback<(Foot, Area)>>,
    #[prop(optional)] locator: bool,
) -> impl IntoView {
    let foot_group = move |foot: Foot| {
        let transform = match foot {
            Foot::Left => "translate(150 10) scale(-1 1)",
            Foot::Right => "translate(170 10)",
        };
        let areas = Area::ALL
            .iter()
            .map(|area| {
                let area = *area;
                let class = move || {
                    let mut class = format!("map-area {}", severity_class(worst.run((foot, area))));
                    if highlight == Some((foot, area)) {
                        class.push_str(" area-highlight");
                    }
                    class
                };
                view! {
                    <path d=shape(area) class=class on:click=move |_| {
                        if let Some(pick) = on_pick {
                            pick.run((foot, area));
                        }
                    }/>
                }
            })
            .collect_view();
        view! {
            <g transform=transform>
                <path class="map-outline" d="M20 40 Q10 120 30 200 Q40 280 72 280 Q104 280 110 200 Q140 120 136 50 Q100 10 20 40 Z"/>
                {areas}
            </g>
        }
    };
    view! {
        <svg class=if locator { "foot-map locator" } else { "foot-map" } viewBox="0 0 320 300" aria-hidden="true" focusable="false">
            {foot_group(Foot::Left)}
            {foot_group(Foot::Right)}
            <text x="80" y="298" class="map-label">"Left sole"</text>
            <text x="240" y="298" class="map-label">"Right sole"</text>
        </svg>
    }
}
