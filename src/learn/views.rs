use super::content::{section_for, Section, INTRO, SECTIONS};
use crate::clinical::positions::suited_to;
use crate::components::pictures::diagram;
use crate::components::{Figure, GetHelpBox, HowToLie, WarningSigns};
use crate::not_found::NotFound;
use crate::platform::document;
use crate::router::use_params_map;
use crate::router::A;
use leptos::either::Either;
use leptos::prelude::*;

fn href(section: &Section) -> String {
    format!("/learn/{}", section.condition.id())
}

#[component]
pub fn LearnIndex() -> impl IntoView {
    document::set_title("Learn");
    view! {
        <article class="page learn">
            <h1>"Why legs hurt in bed"</h1>
            {INTRO.iter().map(|paragraph| view! { <p>{*paragraph}</p> }).collect_view()}
            <nav aria-labelledby="contents-title" class="contents">
                <h2 id="contents-title">"Contents"</h2>
                <ol>
                    {SECTIONS
                        .iter()
                        .map(|section| {
                            view! {
                                <li>
                                    <A href=href(section)>{section.title}</A>
                                    <p class="small">{section.summary}</p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </nav>
            <WarningSigns/>
        </article>
    }
}

#[component]
pub fn LearnSection() -> impl IntoView {
    let params = use_params_map();
    let section = move || params.read().param("condition").and_then(section_for);
    move || match section() {
        Some(section) => Either::Left(view! { <SectionPage section/> }),
        None => Either::Right(view! { <NotFound/> }),
    }
}

#[component]
fn SectionPage(section: &'static Section) -> impl IntoView {
    document::set_title(section.title);
    let position = SECTIONS
        .iter()
        .position(|candidate| candidate.condition == section.condition)
        .unwrap_or(0);
    let previous = position.checked_sub(1).and_then(|i| SECTIONS.get(i));
    let next = SECTIONS.get(position + 1);
    view! {
        <article class="page learn">
            <p class="breadcrumb"><A href="/learn">"‹ All causes"</A></p>
            <h1>{section.title}</h1>
            {section.paragraphs.iter().map(|paragraph| view! { <p>{*paragraph}</p> }).collect_view()}
            {diagram(section.condition).map(|picture| view! { <Figure picture/> })}
            <h2>"What you can try tonight"</h2>
            <ul>{section.try_tonight.iter().map(|tip| view! { <li>{tip.text}</li> }).collect_view()}</ul>
            <HowToLie positions=suited_to(section.condition).to_vec() title="How to lie tonight"/>
            <GetHelpBox advice=section.get_help/>
            <nav class="pager" aria-label="More causes">
                {previous.map(|p| view! { <A href=href(p)>{format!("‹ {}", p.title)}</A> })}
                {next.map(|n| view! { <A href=href(n)>{format!("{} ›", n.title)}</A> })}
            </nav>
        </article>
    }
}
