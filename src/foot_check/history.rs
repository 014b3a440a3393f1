//! `/foot-check/history`: the latest check on the map, each area's timeline, a chart of
//! areas needing attention, and every saved check.

use super::map::{severity_class, FootMap};
use super::model::{Area, Foot, FootCheck};
use super::FootCheckState;
use crate::components::photos::{PhotoStrip, PhotosSection};
use crate::components::{ConfirmFirst, InNextTask, Question, TableScroll};
use crate::platform::{clock, document};
use crate::router::A;
use leptos::prelude::*;

const DAY_MS: f64 = 24.0 * 3_600_000.0;

const CHECKS_FIRST_SHOWN: usize = 30;

#[component]
pub fn FootCheckHistory() -> impl IntoView {
    document::set_title("Past foot checks");
    let state = FootCheckState::expect();
    let latest = Memo::new(move |_| state.checks.with(|c| c.last().cloned()));
    let picked = RwSignal::new(None::<(Foot, Area)>);
    let worst = move |(foot, area): (Foot, Area)| {
        latest.with(|l| l.as_ref().and_then(|c| c.worst(foot, area)))
    };
    view! {
        <section class="page foot-history">
            <h1>"Past foot checks"</h1>
            <Show
                when=move || latest.with(Option::is_some)
                fallback=|| view! {
                    <p>"No foot checks saved yet. "<A href="/foot-check">"Do your first check"</A></p>
                    <PhotosSection/>
                }
            >
                <h2>"Latest check on the map"</h2>
                <p class="small">"Tap an area to see its history. Green: fine; yellow: care at home; orange: see someone soon; red: today."</p>
                <FootMap worst=worst on_pick=Callback::new(move |spot| picked.set(Some(spot)))/>
                <AreaList worst=worst picked/>
                {move || picked.get().map(|(foot, area)| view! { <AreaTimeline foot area/> })}
                // Below the map and its list, out of the first screenful.
                <InNextTask><AttentionChart/><CheckList/></InNextTask>
                // Each area's newest pictures: a task of its own after the chart and list.
                <InNextTask><PhotosSection/></InNextTask>
            </Show>
        </section>
    }
}

/// The map in words, and the keyboard's way to pick an area.
#[component]
fn AreaList(
    worst: impl Fn((Foot, Area)) -> Option<super::model::Mark> + Copy + Send + Sync + 'static,
    picked: RwSignal<Option<(Foot, Area)>>,
) -> impl IntoView {
    let rows = Foot::BOTH
        .iter()
        .flat_map(|foot| Area::ALL.iter().map(move |area| (*foot, *area)))
        .map(|(foot, area)| {
            let label = move || worst((foot, area)).map(|m| m.label()).unwrap_or("not looked at");
            view! {
                <li class=move || severity_class(worst((foot, area)))>
                    <button type="button" class="link-button" on:click=move |_| picked.set(Some((foot, area)))>
                        {format!("{}, {}", foot.name(), area.name().to_lowercase())}
                    </button>
                    ": " {label}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="area-list" aria-label="Latest check, area by area">{rows}</ul> }
}

#[component]
fn AreaTimeline(foot: Foot, area: Area) -> impl IntoView {
    let state = FootCheckState::expect();
    let entries = move || {
        state.checks.with(|checks| {
            checks
                .iter()
                .rev()
                .filter(|c| !c.marks(foot, area).is_empty())
                .take(14)
                .map(|c| {
                    (
                        clock::format_local(c.id as f64),
                        c.marks(foot, area)
                            .iter()
                            .map(|m| m.label())
                            .collect::<Vec<_>>()
                            .join(", "),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="timeline" aria-live="polite">
            <h2>{format!("{}, {}: last checks", foot.name(), area.name().to_lowercase())}</h2>
            <ul class="plain-list">{move || entries().into_iter().map(|(when, what)| view! { <li><strong>{when}</strong>": "{what}</li> }).collect_view()}</ul>
            // Up to 30 pictures, each read from storage: the tap that opens the timeline
            // paints its words first (with a year of photos the strip in the same task
            // made that tap 88-128 ms at 4x CPU).
            <InNextTask><PhotoStrip spot=(foot, area)/></InNextTask>
        </section>
    }
}

/// Bars of "areas needing attention" per check over the last 30 or 90 days, drawn in
/// SVG here, with the same numbers in a table.
#[component]
fn AttentionChart() -> impl IntoView {
    let state = FootCheckState::expect();
    let days = RwSignal::new(30u32);
    let points = move || {
        let now = clock::now_ms();
        let since = now - f64::from(days.get()) * DAY_MS;
        state.checks.with(|checks| {
            checks
                .iter()
                .filter(|c| c.id as f64 >= since)
                .map(|c: &FootCheck| (c.id as f64, c.areas_needing_attention()))
                .collect::<Vec<_>>()
        })
    };
    let bars = move || {
        let now = clock::now_ms();
        let span = f64::from(days.get()) * DAY_MS;
        points()
            .into_iter()
            .map(|(at, count)| {
                let x = 30.0 + 280.0 * (1.0 - (now - at) / span).clamp(0.0, 1.0);
                let height = 100.0 * count as f64 / 12.0;
                view! { <rect class="bar" x=format!("{:.1}", x - 2.0) y=format!("{:.1}", 110.0 - height) width="4" height=format!("{height:.1}")/> }
            })
            .collect_view()
    };
    view! {
        <section aria-labelledby="chart-title">
            <h2 id="chart-title">"Areas needing attention"</h2>
            <div class="segmented" role="group" aria-label="Period">
                <button type="button" class="button secondary" aria-pressed=move || (days.get() == 30).to_string() on:click=move |_| days.set(30)>"30 days"</button>
                <button type="button" class="button secondary" aria-pressed=move || (days.get() == 90).to_string() on:click=move |_| days.set(90)>"90 days"</button>
            </div>
            <svg class="chart" viewBox="0 0 320 130" aria-hidden="true" focusable="false">
                <line x1="30" y1="110" x2="310" y2="110" class="axis"/>
                <line x1="30" y1="10" x2="30" y2="110" class="axis"/>
                <text x="24" y="14" class="axis-label" text-anchor="end">"12"</text>
                <text x="24" y="112" class="axis-label" text-anchor="end">"0"</text>
                <text x="30" y="126" class="axis-label">{move || format!("{} days ago", days.get())}</text>
                <text x="310" y="126" class="axis-label" text-anchor="end">"today"</text>
                {bars}
            </svg>
            <TableScroll label="Areas needing attention per check">
                <table class="data-table">
                    <caption class="visually-hidden">"Areas needing attention per check"</caption>
                    <thead><tr><th scope="col">"Check"</th><th scope="col">"Areas needing attention"</th></tr></thead>
                    <tbody>{move || points().into_iter().rev().map(|(at, n)| view! { <tr><td>{clock::format_local(at)}</td><td>{n}</td></tr> }).collect_view()}</tbody>
                </table>
            </TableScroll>
        </section>
    }
}

/// What changed between a check and the one before it, area by area.
fn differences(earlier: &FootCheck, later: &FootCheck) -> Vec<String> {
    Foot::BOTH
        .iter()
        .flat_map(|foot| Area::ALL.iter().map(move |area| (*foot, *area)))
        .filter_map(|(foot, area)| {
            let (before, after) = (earlier.marks(foot, area), later.marks(foot, area));
            let words = |marks: &[super::model::Mark]| {
                if marks.is_empty() {
                    "not looked at".to_string()
                } else {
                    marks
                        .iter()
                        .map(|m| m.label().to_lowercase())
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            (before != after).then(|| {
                format!(
                    "{}, {}: {} → {}",
                    foot.name(),
                    area.name().to_lowercase(),
                    words(&before),
                    words(&after)
                )
            })
        })
        .collect()
}

#[component]
fn Compare(id: u64) -> impl IntoView {
    let state = FootCheckState::expect();
    let lines = move || {
        state.checks.with(|checks| {
            let index = checks.iter().position(|c| c.id == id)?;
            let earlier = checks.get(index.checked_sub(1)?)?;
            Some((
                clock::format_local(earlier.id as f64),
                differences(earlier, &checks[index]),
            ))
        })
    };
    move || match lines() {
        None => view! { <p class="small">"No earlier check to compare with."</p> }.into_any(),
        Some((when, changes)) if changes.is_empty() => {
            view! { <p class="small">{format!("Same as the check of {when}.")}</p> }.into_any()
        }
        Some((when, changes)) => view! {
            <div class="compare">
                <p class="small">{format!("Since the check of {when}:")}</p>
                <ul>{changes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
            </div>
        }
        .into_any(),
    }
}

const DELETE_CHECK: Question = Question {
    ask: "Delete",
    question: "Delete this check?",
    detail: "Its answers cannot be brought back; photos taken during it stay.",
    keep: "Keep",
    confirm: "Delete",
};

#[component]
fn CheckList() -> impl IntoView {
    let state = FootCheckState::expect();
    let comparing = RwSignal::new(None::<u64>);
    let all = RwSignal::new(false);
    let total = Memo::new(move |_| state.checks.with(Vec::len));
    view! {
        <h2>"All checks"</h2>
        <ul class="card-list">
            {move || {
                // The newest first, and a month of them until asked: a year of cards made
                // opening this page a 290 ms tap on a phone's slower CPU (issue 28).
                let shown = if all.get() { usize::MAX } else { CHECKS_FIRST_SHOWN };
                state.checks.with(|checks| {
                    checks
                        .iter()
                        .rev()
                        .take(shown)
                        .map(|c| {
                            let id = c.id;
                            let when = clock::format_local(c.id as f64);
                            view! {
                                <li class="card check-row">
                                    <strong>{when.clone()}</strong>
                                    <span>{c.attention_summary()}</span>
                                    {c.touch.map(|t| view! { <span class="touch-result">{t.summary()}</span> })}
                                    <button type="button" class="link-button" on:click=move |_| comparing.set(Some(id))>
                                        "Compare with the one before"<span class="visually-hidden">{format!(": the check of {when}")}</span>
                                    </button>
                                    <ConfirmFirst
                                        question=DELETE_CHECK
                                        on_confirm=move |()| state.delete(id)
                                        ask_class="link-button"
                                        ask_context=format!(" the check of {when}")
                                    />
                                    {move || (comparing.get() == Some(id)).then(|| view! { <Compare id/> })}
                                </li>
                            }
                        })
                        .collect_view()
                })
            }}
        </ul>
        <Show when=move || { !all.get() && total.get() > CHECKS_FIRST_SHOWN }>
            <button type="button" class="button secondary" on:click=move |_| all.set(true)>
                {move || format!("Show all {} checks", total.get())}
            </button>
        </Show>
    }
}
