//! The result's advice for tonight: the card under the urgency, with at most three things
//! to do for the cause whose advice leads, and the rest further down, each labelled with
//! the cause it is for and how well that cause fits.

use crate::clinical::Condition;
use crate::components::HowToLie;
use crate::quiz::tonight::{Beside, ForCause};
use leptos::prelude::*;

/// "For Pinched nerve (sciatica), fits well".
fn for_cause(cause: Condition, fit: &[(Condition, &'static str)]) -> String {
    let fit = fit
        .iter()
        .find(|(ranked, _)| *ranked == cause)
        .map(|(_, label)| format!(", {}", label.to_lowercase()))
        .unwrap_or_default();
    format!("For {}{fit}", cause.name())
}

/// Tonight's card: the first screenful's answer to "what do I do now".
#[component]
pub fn TonightCard(plan: Beside, fit: Vec<(Condition, &'static str)>) -> impl IntoView {
    let first = plan.first_tips().to_vec();
    if first.is_empty() && plan.caution.is_none() {
        return ().into_any();
    }
    let title = if plan.warning_only {
        "While you get help"
    } else {
        "Tonight"
    };
    let label = first.first().map(|tip| for_cause(tip.cause, &fit));
    view! {
        <section class="card tonight-card" aria-labelledby="tonight-card-title">
            <h2 id="tonight-card-title">{title}</h2>
            {label.map(|label| view! { <p class="for-cause">{label}</p> })}
            <ol class="tonight-tips">
                {first.into_iter().map(|tip| view! { <li>{tip.what}</li> }).collect_view()}
            </ol>
            // After the best fit's steps, which it does not contradict: they never raise the legs.
            {plan.caution.map(|caution| view! { <p class="caution"><strong>{caution}</strong></p> })}
            {plan.help_now.map(|line| view! { <p class="help-now"><strong>"Get help now: "</strong>{line}</p> })}
        </section>
    }
    .into_any()
}

/// The tips after the card's and the positions, grouped by cause in the order they fit.
#[component]
pub fn MoreForTonight(plan: Beside, fit: Vec<(Condition, &'static str)>) -> impl IntoView {
    let more = plan.more_tips().to_vec();
    let groups = group_by_cause(&more)
        .into_iter()
        .map(|(cause, tips)| {
            view! {
                <p class="for-cause">{for_cause(cause, &fit)}</p>
                <ul>{tips.into_iter().map(|tip| view! { <li>{tip}</li> }).collect_view()}</ul>
            }
        })
        .collect_view();
    let (positions, causes): (Vec<_>, Vec<_>) = plan
        .positions
        .iter()
        .map(|p| (p.what, Some(for_cause(p.cause, &fit))))
        .unzip();
    let title = if plan.warning_only {
        "How to hold your legs meanwhile"
    } else {
        "How to lie tonight"
    };
    view! {
        {(!more.is_empty()).then(|| view! { <h2>"More to try tonight"</h2> {groups} })}
        <HowToLie positions causes title/>
    }
}

/// Consecutive tips of one cause together; the tips are already in the order of fit.
fn group_by_cause(tips: &[ForCause<&'static str>]) -> Vec<(Condition, Vec<&'static str>)> {
    let mut groups: Vec<(Condition, Vec<&'static str>)> = Vec::new();
    for tip in tips {
        match groups.last_mut() {
            Some((cause, group)) if *cause == tip.cause => group.push(tip.what),
            _ => groups.push((tip.cause, vec![tip.what])),
        }
    }
    groups
}
