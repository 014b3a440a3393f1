use super::tonight::{MoreForTonight, TonightCard};
use crate::clinical::{Condition, RankedCondition, Urgency};
use crate::components::pictures::diagram;
use crate::components::{Figure, GetHelpBox, InstallOffer, UrgencyBanner};
use crate::learn::section_for;
use crate::platform::{clock, document, share};
use crate::quiz::escalation::explained;
use crate::quiz::result::{compare, doctor_summary, reason_text, SavedResult};
use crate::quiz::tonight::{beside, CIRCULATION_CHECK};
use crate::quiz::QuizState;
use crate::router::use_params_map;
use crate::router::A;
use leptos::prelude::*;

/// `/quiz/result/:id`: a saved result.
#[component]
pub fn QuizResultPage() -> impl IntoView {
    document::set_title("Your result");
    let quiz = QuizState::expect();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().result_id().map(|id| id.0));
    let found = Memo::new(move |_| {
        let id = id.get()?;
        quiz.results.with(|results| {
            let index = results.iter().position(|r| r.id == id)?;
            let previous = index.checked_sub(1).map(|i| results[i].clone());
            Some((results[index].clone(), previous))
        })
    });
    move || match found.get() {
        Some((result, previous)) => view! { <ResultView result previous/> }.into_any(),
        None => view! {
            <section class="page">
                <h1>"Result not found"</h1>
                <p>"It may have been deleted. "<A href="/quiz/history">"See past results"</A></p>
            </section>
        }
        .into_any(),
    }
}

#[component]
fn ResultView(result: SavedResult, previous: Option<SavedResult>) -> impl IntoView {
    let (assessment, saved_as) = result.checked();
    let reasons = assessment
        .reasons
        .iter()
        .map(reason_text)
        .collect::<Vec<_>>();
    let learn_more = assessment
        .reasons
        .iter()
        .map(|r| explained(r).map(|e| e.href()))
        .collect::<Vec<_>>();
    let plan = beside(&assessment);
    let fit = fit_labels(&assessment.ranked);
    let when = clock::format_local(result.taken_ms());
    view! {
        <article class="page quiz-result">
            <h1>"Your result"</h1>
            {result.outdated().then(|| view! { <OutdatedNote/> })}
            {saved_as.map(|saved| view! { <RaisedNote saved/> })}
            <UrgencyBanner urgency=assessment.urgency reasons action=plan.action call_instead=plan.call_instead.clone() learn_more/>
            {plan.circulation_check.then(|| view! { <p class="note circulation-check">{CIRCULATION_CHECK}</p> })}
            <TonightCard plan=plan.clone() fit=fit.clone()/>
            <p class="small">{format!("Symptom check of {when}.")}</p>
            <p class="disclaimer"><strong>"This is not a diagnosis."</strong>" It shows which common causes fit your answers. A doctor who examines you can tell more."</p>
            <RankedList ranked=assessment.ranked.clone()/>
            <MoreForTonight plan=plan.clone() fit/>
            {(!plan.get_help.is_empty()).then(|| view! { <GetHelpBox advice=plan.get_help/> })}
            {previous.map(|previous| view! { <Comparison earlier=previous later=result.clone()/> })}
            <DoctorSummary result=result.clone() when/>
            // Not while the advice is to get help today: that comes first.
            {(assessment.urgency < Urgency::Urgent).then(|| view! { <InstallOffer/> })}
            <nav class="result-links" aria-label="More">
                <A href="/quiz/history">"Past results"</A>
                <A href="/quiz">"Take the check again"</A>
            </nav>
        </article>
    }
}

/// "Fits well", "Could fit"… for each ranked cause, to label the advice with.
fn fit_labels(ranked: &[RankedCondition]) -> Vec<(Condition, &'static str)> {
    ranked
        .iter()
        .map(|r| (r.condition, r.likelihood.label()))
        .collect()
}

/// A result decided by older rules is shown as it was, with the offer to check again.
/// The result was saved with less urgent advice than its own answers call for.
#[component]
fn RaisedNote(saved: crate::clinical::Urgency) -> impl IntoView {
    view! {
        <p class="note raised" role="note">
            {format!("This result was saved with the advice “{}”, but its own answers call for the advice above. The saved copy may have been changed or damaged: follow the advice above.", saved.headline())}
        </p>
    }
}

#[component]
fn OutdatedNote() -> impl IntoView {
    view! {
        <p class="note outdated" role="note">
            "This result is shown as it was worked out then. The check has since been improved, above all for signs that need help quickly. "
            <A href="/quiz">"Take the check again"</A>
        </p>
    }
}

#[component]
fn RankedList(ranked: Vec<RankedCondition>) -> impl IntoView {
    if ranked.is_empty() {
        return view! {
            <h2>"What may be causing it"</h2>
            <p>"We cannot tell from these answers: none of them describes a symptom this check can match. If the pain goes on, see a doctor."</p>
        }
        .into_any();
    }
    let items = ranked
        .into_iter()
        .map(|r| {
            let why: Vec<_> = r.supporting.iter().map(|f| f.in_your_words()).collect();
            let against: Vec<_> = r.against.iter().map(|f| f.in_your_words()).collect();
            let learn = section_for(r.condition.id()).map(|_| format!("/learn/{}", r.condition.id()));
            view! {
                <li class="cause">
                    <details>
                        <summary>
                            <span class="cause-name">{r.condition.name()}</span>
                            <span class="badge">{r.likelihood.label()}</span>
                            <span class="cause-why">"You said " {why.join("; ")} "."</span>
                        </summary>
                        {diagram(r.condition).map(|picture| view! { <Figure picture/> })}
                        {(!against.is_empty()).then(|| view! { <p class="small">"What points away: you said " {against.join("; ")} "."</p> })}
                        {(r.condition == Condition::SpinalStenosis).then(|| view! {
                            <p class="note">"Spinal stenosis usually gets better when you sit or lie down and worse when you stand or walk. So it does not explain pain that starts once you are in bed."</p>
                        })}
                        {learn.map(|href| view! { <A href=href>"Read more about this"</A> })}
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <h2>"What may be causing it"</h2>
        <p class="small">"Best fit first. Tap a cause for more."</p>
        <ol class="causes">{items}</ol>
    }
    .into_any()
}

#[component]
fn Comparison(earlier: SavedResult, later: SavedResult) -> impl IntoView {
    let diff = compare(&earlier, &later);
    let list = |findings: &[crate::clinical::Finding]| {
        findings
            .iter()
            .map(|f| f.in_your_words())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let top = |c: Option<Condition>| c.map(Condition::name).unwrap_or("nothing matched");
    view! {
        <section class="comparison" aria-labelledby="compare-title">
            <h2 id="compare-title">{format!("Compared with your check of {}", clock::format_local(earlier.taken_ms()))}</h2>
            <ul>
                <li>{format!("Best fit then: {}; now: {}.", top(diff.top_before), top(diff.top_now))}</li>
                {diff.urgency_changed.then(|| view! { <li>{format!("Advice then: {}.", earlier.checked().0.urgency.headline())}</li> })}
                {(!diff.gained.is_empty()).then(|| view! { <li>{format!("New since then: {}.", list(&diff.gained))}</li> })}
                {(!diff.lost.is_empty()).then(|| view! { <li>{format!("No longer: {}.", list(&diff.lost))}</li> })}
            </ul>
        </section>
    }
}

/// The last 30 nights of the diary and the latest foot check, for the doctor's page.
fn diary_and_feet() -> String {
    let diary = crate::diary::DiaryState::expect();
    let feet = crate::foot_check::FootCheckState::expect();
    let mut out = String::from("\nNight diary, last 30 nights:\n");
    let lines = diary.entries.with_untracked(|e| {
        crate::diary::stats::summary_lines(e, crate::platform::clock::tonight())
    });
    if lines.is_empty() {
        out += "- no entries\n";
    }
    for line in lines {
        out += &format!("- {line}\n");
    }
    out += "\nLatest foot check: ";
    out += &feet.checks.with_untracked(|checks| match checks.last() {
        None => "none\n".to_string(),
        Some(check) => {
            let notes: Vec<String> = check
                .notes
                .iter()
                .map(|r| {
                    format!(
                        "{} {}: {}",
                        r.foot.name().to_lowercase(),
                        r.area.name().to_lowercase(),
                        r.marks
                            .iter()
                            .map(|m| m.label().to_lowercase())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                })
                .collect();
            let found = if notes.is_empty() {
                "all areas fine".to_string()
            } else {
                notes.join("; ")
            };
            let touch = check
                .touch
                .map(|t| format!("; {}", t.summary()))
                .unwrap_or_default();
            format!(
                "{} ({found}){touch}\n",
                clock::format_local(check.id as f64)
            )
        }
    });
    out
}

#[component]
fn DoctorSummary(result: SavedResult, when: String) -> impl IntoView {
    let region = crate::settings::SettingsState::expect().help_region();
    let numbers = crate::components::call_links::numbers_in_words(region);
    let text = StoredValue::new(
        doctor_summary(&result, &when) + &diary_and_feet() + "\n" + &numbers + "\n",
    );
    let status = RwSignal::new(String::new());
    let report = move |outcome: Result<(), crate::platform::PlatformError>, done: &str| {
        status.set(match outcome {
            Ok(()) => done.to_string(),
            Err(error) => format!("That did not work: {error}."),
        });
    };
    let preview = NodeRef::<leptos::html::Details>::new();
    // The printout is the page: open the summary first, or paper would get it folded.
    let print = move |_| {
        if let Some(preview) = preview.get_untracked() {
            preview.set_open(true);
        }
        report(share::print(), "");
    };
    let copy = move |_| {
        leptos::task::spawn_local(async move {
            let outcome = share::copy_text(&text.get_value()).await;
            report(outcome, "Copied. Paste it into a message or note.");
        })
    };
    let send = move |_| {
        leptos::task::spawn_local(async move {
            let outcome = share::share_text("Symptom check", &text.get_value()).await;
            report(outcome, "Shared.");
        })
    };
    view! {
        <section class="doctor" aria-labelledby="doctor-title">
            <h2 id="doctor-title">"For your doctor"</h2>
            <p>"A one-page summary of your answers and this result."</p>
            <details class="summary-preview" node_ref=preview>
                <summary>"Show the summary"</summary>
                <pre class="summary-text" tabindex="0" role="region" aria-label="Summary for your doctor">{text.get_value()}</pre>
            </details>
            <div class="doctor-actions">
                <button type="button" class="button secondary" on:click=print>"Print"</button>
                <button type="button" class="button secondary" on:click=copy>"Copy as text"</button>
                <Show when=share::can_share>
                    <button type="button" class="button secondary" on:click=send>"Share"</button>
                </Show>
            </div>
            <p class="small" role="status">{move || status.get()}</p>
        </section>
    }
}
