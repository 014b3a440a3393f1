use super::content::{section_for, Section, INTRO, SECTIONS};
use super::warnings::{self, Explanation, EXPLANATIONS};
use crate::clinical::positions::suited_to;
use crate::clinical::Condition;
use crate::components::pictures::diagram;
use crate::components::{Figure, GetHelpBox, HowToLie, InNextTask, WarningSigns};
use crate::not_found::NotFound;
use crate::platform::document;
use crate::router::A;
use crate::router::{use_params_map, LearnPage};
use leptos::prelude::*;

fn href(section: &Section) -> String {
    format!("/learn/{}", section.condition.id())
}

/// The contents list of some sections.
fn contents(which: impl Fn(Condition) -> bool) -> impl IntoView {
    SECTIONS
        .iter()
        .filter(|section| which(section.condition))
        .map(|section| {
            view! {
                <li>
                    <A href=href(section)>{section.title}</A>
                    <p class="small">{section.summary}</p>
                </li>
            }
        })
        .collect_view()
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
                <ol>{contents(|c| Condition::EXPLAINED.contains(&c))}</ol>
                <h3>"Also common at night"</h3>
                <ul>{contents(|c| Condition::ALSO_COMMON.contains(&c))}</ul>
                <h3>"When it cannot wait"</h3>
                <ul>
                    <li>
                        <A href=format!("/learn/{}", warnings::PAGE)>"Warning signs, and what they mean"</A>
                        <p class="small">"A clot, pressure on the spinal nerves, a leg suddenly cold, an infection."</p>
                    </li>
                </ul>
            </nav>
            <WarningSigns/>
        </article>
    }
}

#[component]
pub fn LearnSection() -> impl IntoView {
    let params = use_params_map();
    let page = Memo::new(move |_| params.read().learn_page());
    move || match page.get() {
        Some(LearnPage::WarningSigns) => view! { <WarningSignsPage/> }.into_any(),
        Some(LearnPage::Cause(condition)) => match section_for(condition.id()) {
            Some(section) => view! { <SectionPage section/> }.into_any(),
            None => view! { <NotFound/> }.into_any(),
        },
        None => view! { <NotFound/> }.into_any(),
    }
}

/// `/learn/warning-signs`: every "has to be ruled out now" on a result links to a part here.
#[component]
fn WarningSignsPage() -> impl IntoView {
    document::set_title("Warning signs");
    view! {
        <article class="page learn">
            <p class="breadcrumb"><A href="/learn">"‹ All causes"</A></p>
            <h1>"Warning signs, and what they mean"</h1>
            <p>{warnings::INTRO}</p>
            <WarningSigns/>
            {EXPLANATIONS.iter().map(|e| view! { <WarningPart explanation=e/> }).collect_view()}
        </article>
    }
}

#[component]
fn WarningPart(explanation: &'static Explanation) -> impl IntoView {
    let part = NodeRef::<leptos::html::Section>::new();
    // A link from a result names its part: open there, with the keyboard there too.
    // The next frame: a page loaded with its chunk is attached to the document only then.
    Effect::new(move || {
        if let Some(part) = part.get() {
            request_animation_frame(move || document::scroll_to_if_named(&part));
        }
    });
    view! {
        <section class="warning-part" id=explanation.warning.anchor() tabindex="-1" node_ref=part aria-labelledby=format!("{}-title", explanation.warning.anchor())>
            <h2 id=format!("{}-title", explanation.warning.anchor())>{explanation.title}</h2>
            <p class="note call-now"><strong>{explanation.call_now}</strong></p>
            <crate::components::CallLinks urgency=crate::clinical::Urgency::Emergency/>
            {explanation.paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
        </section>
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
            // Below the first screenful, in tasks of their own: a section drawn in one
            // took 11-20 ms, past 50 on a phone's slower CPU (issue 28).
            <InNextTask>
                {diagram(section.condition).map(|picture| view! { <Figure picture/> })}
                <h2>"What you can try tonight"</h2>
                <ul>{section.try_tonight.iter().map(|tip| view! { <li>{tip.text}</li> }).collect_view()}</ul>
            </InNextTask>
            <InNextTask>
                <HowToLie positions=suited_to(section.condition).to_vec() title="How to lie tonight"/>
                <GetHelpBox advice=section.get_help/>
                <nav class="pager" aria-label="More causes">
                    {previous.map(|p| view! { <A href=href(p)>{format!("‹ {}", p.title)}</A> })}
                    {next.map(|n| view! { <A href=href(n)>{format!("{} ›", n.title)}</A> })}
                </nav>
            </InNextTask>
        </article>
    }
}
