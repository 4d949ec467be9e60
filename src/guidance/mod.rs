//! What Tokyo demanded: both administrative guidances, every requirement, and what LY
//! had done about each.

pub mod links;

use crate::app::{use_app, SectionFrame};
use crate::citation::ClaimCites;
use crate::content::{story, Guidance, Requirement, Status, Theme};
use crate::i18n::format_date;
use leptos::prelude::*;

pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Done => "Done",
        Status::Partial => "In part",
        Status::WithinAYear => "Planned within a year",
        Status::OverTwoYears => "More than two years away",
        Status::Unclear => "Unclear",
        Status::Demanded => "Demanded, no response yet",
    }
}

pub fn theme_label(theme: Theme) -> &'static str {
    match theme {
        Theme::Security => "Security measures",
        Theme::Contractors => "Contractor management",
        Theme::Governance => "Group governance",
        Theme::Users => "Users",
    }
}

/// The requirements of one guidance, numbered measures with their bullets beneath.
pub fn requirement_tree(guidance: &str) -> Vec<(&'static Requirement, Vec<&'static Requirement>)> {
    let story = story();
    story
        .requirements
        .iter()
        .filter(|r| r.guidance == guidance && r.parent.is_none())
        .map(|top| {
            let children = story
                .requirements
                .iter()
                .filter(|r| r.parent.as_deref() == Some(top.id.as_str()))
                .collect();
            (top, children)
        })
        .collect()
}

#[component]
pub fn GuidanceSection() -> impl IntoView {
    let story = story();
    view! {
        <SectionFrame
            id="guidance"
            title="What Tokyo demanded"
            intro="Japan's communications ministry issued two rounds of administrative guidance; the second found LY's answers to the first too slow and too vague."
        >
            {story.guidances.iter().map(|g| view! { <GuidanceBlock guidance=g /> }).collect_view()}
        </SectionFrame>
    }
}

#[component]
fn GuidanceBlock(guidance: &'static Guidance) -> impl IntoView {
    let state = use_app();
    let items = requirement_tree(&guidance.id)
        .into_iter()
        .map(|(top, children)| {
            view! {
                <li>
                    <RequirementItem requirement=top />
                    {(!children.is_empty()).then(|| view! {
                        <ul class="bullets">
                            {children.into_iter().map(|r| view! { <li><RequirementItem requirement=r /></li> }).collect_view()}
                        </ul>
                    })}
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="guidance" id=format!("guidance-{}", guidance.id)>
            <h3>
                <time datetime=guidance.date.iso()>{move || format_date(guidance.date, state.lang.get())}</time>
                ": "
                {move || guidance.title.get(state.lang.get())}
            </h3>
            <p>{move || guidance.summary.get(state.lang.get())} <ClaimCites claims=&guidance.claims /></p>
            {guidance.report_due.map(|due| view! {
                <p class="due">"Report due: " <time datetime=due.iso()>{move || format_date(due, state.lang.get())}</time></p>
            })}
            <ol class="requirements">{items}</ol>
        </article>
    }
}

#[component]
fn RequirementItem(requirement: &'static Requirement) -> impl IntoView {
    let state = use_app();
    view! {
        <div class="requirement" id=format!("req-{}", requirement.id)>
            <p>
                {(!requirement.number.is_empty()).then(|| view! { <span class="req-number">{requirement.number.as_str()}</span> " " })}
                {move || requirement.text.get(state.lang.get())}
                <ClaimCites claims=&requirement.claims />
            </p>
            <p class="req-meta">
                <span class="status" data-status=format!("{:?}", requirement.status).to_lowercase()>{status_label(requirement.status)}</span>
                " · "
                <span class="theme">{theme_label(requirement.theme)}</span>
                " · "
                {move || requirement.response.get(state.lang.get())}
            </p>
        </div>
    }
}
