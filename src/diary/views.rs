//! `/diary`: the pain chart (SVG drawn here), the same numbers in a table, patterns and nudges.

use super::state::DiaryState;
use super::stats::{
    moisture_pattern, nudges, series, what_went_with_lower_pain, MIN_NIGHTS_PER_SIDE,
};
use crate::components::TableScroll;
use crate::platform::{clock, document};
use crate::router::A;
use leptos::prelude::*;

fn night_label(night: i64) -> String {
    let (_, month, day) = crate::dates::civil_from_days(night);
    format!("{day}/{month}")
}

#[component]
pub fn DiaryPage() -> impl IntoView {
    document::set_title("Diary");
    let state = DiaryState::expect();
    let nights = RwSignal::new(14i64);
    let last = clock::tonight();
    view! {
        <section class="page diary">
            <h1>"Night diary"</h1>
            <p><A href="/tonight"><span class="button">"Tonight's check-in"</span></A></p>
            {move || state.entries.with(|entries| nudges(entries, last)).into_iter().map(|n| view! { <p class="note">{n.text()}</p> }).collect_view()}
            <div class="segmented" role="group" aria-label="Nights shown">
                {[14i64, 30, 90].into_iter().map(|n| view! {
                    <button type="button" class="button secondary" aria-pressed=move || (nights.get() == n).to_string() on:click=move |_| nights.set(n)>{format!("{n} nights")}</button>
                }).collect_view()}
            </div>
            <Show when=move || state.entries.with(|entries| !entries.is_empty()) fallback=|| view! {
                <p class="empty-diary">"No nights recorded yet. Tonight's check-in takes about a minute and starts your diary."</p>
            }>
                <PainChart nights last/>
                {move || state.entries.with(|entries| moisture_pattern(entries, last, nights.get())).map(|p| view! { <p class="pattern">{p.sentence()}</p> })}
                <WhatHelped nights last/>
                <PainTable nights last/>
            </Show>
        </section>
    }
}

/// What went with lower pain, from the person's own nights: an observation with its
/// counts, shown only once there are enough nights with and without.
#[component]
fn WhatHelped(nights: RwSignal<i64>, last: i64) -> impl IntoView {
    let state = DiaryState::expect();
    let patterns = move || {
        state
            .entries
            .with(|entries| what_went_with_lower_pain(entries, last, nights.get()))
    };
    view! {
        <section class="what-helped" aria-labelledby="what-helped-title">
            <h2 id="what-helped-title">"What went with lower pain"</h2>
            {move || {
                let found = patterns();
                if found.is_empty() {
                    view! { <p class="small">{format!("Nothing to show yet: this needs at least {MIN_NIGHTS_PER_SIDE} nights with something you ticked under \"What helped\" and {MIN_NIGHTS_PER_SIDE} nights without it, in the nights shown.")}</p> }.into_any()
                } else {
                    view! {
                        <ul>{found.into_iter().map(|p| view! { <li>{p.sentence()}</li> }).collect_view()}</ul>
                        <p class="small">"These are nights that went together in your diary, not proof of what eases the pain. Other things change from night to night too."</p>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn PainChart(nights: RwSignal<i64>, last: i64) -> impl IntoView {
    let state = DiaryState::expect();
    let marks = move || {
        let n = nights.get();
        let width = 280.0 / n as f64;
        state.entries.with(|entries| {
            series(entries, last, n)
                .into_iter()
                .enumerate()
                .filter_map(|(i, (_, entry))| entry.map(|e| (i, e.clone())))
                .map(|(i, e)| {
                    let x = 30.0 + i as f64 * width;
                    let height = 10.0 * f64::from(e.pain.unwrap_or(0));
                    let letters = (n <= 30).then(|| e.positions.iter().map(|p| p.letter()).collect::<String>());
                    // A night without a score is a hollow mark on the axis, not a 0.
                    let bar = match e.pain {
                        Some(_) => view! { <rect class="bar" x=format!("{:.1}", x + width * 0.15) y=format!("{:.1}", 110.0 - height) width=format!("{:.1}", width * 0.7) height=format!("{height:.1}")/> }.into_any(),
                        None => view! { <rect class="not-recorded" x=format!("{:.1}", x + width * 0.15) y="104" width=format!("{:.1}", width * 0.7) height="6"/> }.into_any(),
                    };
                    view! {
                        {bar}
                        {e.moisturized.then(|| view! { <circle class="moist" cx=format!("{:.1}", x + width / 2.0) cy="118" r="2.5"/> })}
                        {letters.map(|l| view! { <text class="pos" x=format!("{:.1}", x + width / 2.0) y=format!("{:.1}", 106.0 - height) text-anchor="middle">{l}</text> })}
                    }
                })
                .collect_view()
        })
    };
    view! {
        <svg class="chart pain-chart" viewBox="0 0 320 135" aria-hidden="true" focusable="false">
            <line x1="30" y1="110" x2="310" y2="110" class="axis"/>
            <line x1="30" y1="10" x2="30" y2="110" class="axis"/>
            <text x="24" y="14" class="axis-label" text-anchor="end">"10"</text>
            <text x="24" y="112" class="axis-label" text-anchor="end">"0"</text>
            <text x="30" y="132" class="axis-label">{move || night_label(last - nights.get() + 1)}</text>
            <text x="310" y="132" class="axis-label" text-anchor="end">{night_label(last)}</text>
            {marks}
        </svg>
        <p class="small">"Bars: pain. Hollow mark: pain not recorded. Dot: moisturised. Letters: worse on back (B), side (S), legs raised (R)."</p>
    }
}

#[component]
fn PainTable(nights: RwSignal<i64>, last: i64) -> impl IntoView {
    let state = DiaryState::expect();
    let rows = move || {
        state.entries.with(|entries| {
            series(entries, last, nights.get())
                .into_iter()
                .rev()
                .filter_map(|(night, entry)| entry.map(|e| (night, e.clone())))
                .map(|(night, e)| {
                    let positions = e
                        .positions
                        .iter()
                        .map(|p| p.label())
                        .collect::<Vec<_>>()
                        .join(", ");
                    view! {
                        <tr>
                            <td>{night_label(night)}</td>
                            <td>{e.pain.map_or("Not recorded".to_string(), |pain| pain.to_string())}</td>
                            <td>{if e.moisturized { "Yes" } else { "No" }}</td>
                            <td>{positions}</td>
                            <td>{e.note}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <TableScroll label="The same nights as a table">
            <table class="data-table diary-table">
                <caption>"The same nights as a table"</caption>
                <thead><tr><th scope="col">"Night"</th><th scope="col">"Pain"</th><th scope="col">"Moisturised"</th><th scope="col">"Worse when"</th><th scope="col">"Your note"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
    }
}
