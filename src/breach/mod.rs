//! How they got in: the breach path step by step, and the controls the reports name.

use crate::app::{use_app, SectionFrame};
use crate::citation::{ClaimCites, FigureValue};
use crate::content::story;
use crate::guidance::status_label;
use crate::i18n::format_date;
use leptos::prelude::*;

#[component]
pub fn BreachSection() -> impl IntoView {
    let state = use_app();
    let story = story();
    let steps = story
        .breach_steps
        .iter()
        .map(|step| {
            view! {
                <li class="breach-step" id=format!("step-{}", step.id)>
                    <h3>{move || step.title.get(state.lang.get())}</h3>
                    {step.date.map(|date| view! {
                        <p class="step-date"><time datetime=date.iso()>{move || format_date(date, state.lang.get())}</time></p>
                    })}
                    <p>{move || step.body.get(state.lang.get())} <ClaimCites claims=&step.claims /></p>
                    {(!step.techniques.is_empty()).then(|| view! {
                        <p class="analysis">
                            <span class="analysis-badge">"Analysis"</span>
                            " ATT&CK: "
                            {step.techniques.iter().map(|t| view! {
                                <span class="technique"><code>{t.id.as_str()}</code>" "{t.name.as_str()}</span>" "
                            }).collect_view()}
                        </p>
                    })}
                </li>
            }
        })
        .collect_view();
    let leaked = story.figure("leaked-items");
    let controls = story
        .controls
        .iter()
        .map(|control| {
            view! {
                <tr>
                    <th scope="row">{move || control.name.get(state.lang.get())}</th>
                    <td><span class="status" data-status=format!("{:?}", control.status).to_lowercase()>{status_label(control.status)}</span></td>
                    <td>{move || control.reported.get(state.lang.get())} <ClaimCites claims=&control.claims /></td>
                </tr>
            }
        })
        .collect_view();
    // The 2021 incident is context, told by the timeline event that records it.
    let context = story.event("incident-2021");
    view! {
        <SectionFrame
            id="breach"
            title="How they got in"
            intro="The intruder did not break into LINE directly: it came through a subcontractor of Naver Cloud and a system both companies shared."
        >
            <ol class="breach-steps">{steps}</ol>
            {leaked.map(|figure| view! {
                <p class="breach-count">"Items of personal data leaked: " <FigureValue figure=figure /></p>
            })}
            {context.map(|event| view! {
                <aside class="context">
                    <h3>"Context: 2021"</h3>
                    <p>{move || event.title.get(state.lang.get())} <ClaimCites claims=&event.claims /></p>
                </aside>
            })}
            <h3>"The controls the reports name"</h3>
            <div class="table-scroll">
                <table class="controls">
                    <caption>"Status as of LY's report of 1 April 2024"</caption>
                    <thead><tr><th scope="col">"Control"</th><th scope="col">"Status"</th><th scope="col">"What the reports say"</th></tr></thead>
                    <tbody>{controls}</tbody>
                </table>
            </div>
        </SectionFrame>
    }
}
