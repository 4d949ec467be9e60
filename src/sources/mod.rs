//! Sources, disagreements and method: the five reports, every place they differ, and
//! how the explainer tells the story.

use crate::app::later::Later;
use crate::app::{use_app, SectionFrame};
use crate::citation::{source_number, CiteMarker};
use crate::content::{story, Disagreement, Figure};
use crate::i18n::format_value;
use leptos::prelude::*;

/// Figures on which the reports give different values.
pub fn disputed_figures() -> Vec<&'static Figure> {
    story().figures.iter().filter(|f| f.is_disputed()).collect()
}

#[component]
pub fn SourcesSection() -> impl IntoView {
    let state = use_app();
    let story = story();
    let reports = story
        .sources
        .iter()
        .map(|source| {
            view! {
                <li id=format!("source-{}", source.id) class="source">
                    <span class="source-number">{format!("[{}]", source_number(story, &source.id))}</span>
                    " "
                    // Bibliographic text stays as the report gives it, in English.
                    <span lang="en">
                        <cite>{source.title.as_str()}</cite>
                        {(!source.publication.is_empty()).then(|| format!(". {}", source.publication))}
                        {(!source.author.is_empty()).then(|| format!(". {}", source.author))}
                        {format!(". {}.", source.date_as_stated)}
                    </span>
                    <span class="source-note">" " {move || source.note.get(state.lang.get())}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <SectionFrame id="sources">
            <h3>{crate::tx!(sources.reports)}</h3>
            <ol class="sources">{reports}</ol>
            // Below the first screen, in pieces of their own (`Later`): each disagreement
            // has several citation markers, and all at once made one long task. Each group
            // with its heading, so nothing arrives above what is already there.
            <Later>
                <h3>{crate::tx!(sources.figures_differ)}</h3>
                <div class="disagreements">
                    {disputed_figures()
                        .into_iter()
                        .map(|figure| view! { <Later><DisputedFigure figure=figure /></Later> })
                        .collect_view()}
                </div>
            </Later>
            <Later>
                <h3>{crate::tx!(sources.accounts_differ)}</h3>
                <div class="disagreements">
                    {story
                        .disagreements
                        .iter()
                        .map(|disagreement| view! { <Later><DifferingAccounts disagreement=disagreement /></Later> })
                        .collect_view()}
                </div>
            </Later>
            <Later>
                <h3>{crate::tx!(sources.method)}</h3>
                <p class="method">
                    {crate::tx!(sources.method_before)}
                    <span class="analysis-badge">{crate::tx!(analysis)}</span>
                    {crate::tx!(sources.method_after)}
                </p>
            </Later>
        </SectionFrame>
    }
}

/// One figure the reports give different values for: each report's value, side by side.
#[component]
fn DisputedFigure(figure: &'static Figure) -> impl IntoView {
    let state = use_app();
    let story = story();
    let versions = figure
        .reported
        .iter()
        .map(|reported| {
            let value = reported.value;
            let unit = figure.unit;
            let source = story.source(&reported.cite.source);
            view! {
                <li class="version">
                    <strong>{move || format_value(value, unit, state.lang.get())}</strong>
                    {move || {
                        let qualifier = reported.qualifier.get(state.lang.get());
                        (!qualifier.is_empty()).then(|| format!(" ({qualifier})"))
                    }}
                    " — "{source.map(|s| view! { <span lang="en">{s.publication_or_title()}</span> })}
                    <CiteMarker cites=vec![&reported.cite] figure=Some(figure) />
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="disagreement" id=format!("disagreement-{}", figure.id)>
            <h4>{move || figure.label.get(state.lang.get())}</h4>
            <ul class="versions">{versions}</ul>
            <p class="disagreement-note">{move || figure.note.get(state.lang.get())}</p>
        </div>
    }
}

/// One point on which the reports tell different stories: each account with its report.
#[component]
fn DifferingAccounts(disagreement: &'static Disagreement) -> impl IntoView {
    let state = use_app();
    let story = story();
    let versions = disagreement
        .versions
        .iter()
        .map(|version| {
            let source = story.source(&version.cite.source);
            view! {
                <li class="version">
                    {move || version.text.get(state.lang.get())}
                    " — "{source.map(|s| view! { <span lang="en">{s.publication_or_title()}</span> })}
                    <CiteMarker cites=vec![&version.cite] figure=None />
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="disagreement" id=format!("disagreement-{}", disagreement.id)>
            <h4>{move || disagreement.topic.get(state.lang.get())}</h4>
            <ul class="versions">{versions}</ul>
        </div>
    }
}
