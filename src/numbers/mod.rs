//! The numbers: every figure the reports give, each report's value side by side.

use crate::app::{use_app, SectionFrame};
use crate::citation::{source_number, CiteMarker};
use crate::content::story;
use crate::i18n::{format_date, format_value};
use leptos::prelude::*;

#[component]
pub fn NumbersSection() -> impl IntoView {
    let state = use_app();
    let story = story();
    let rows = story
        .figures
        .iter()
        .map(|figure| {
            let reports = figure
                .reported
                .iter()
                .map(|reported| {
                    let source = story.source(&reported.cite.source);
                    let value = reported.value;
                    let unit = figure.unit;
                    view! {
                        <li>
                            <span class="figure">{move || format_value(value, unit, state.lang.get())}</span>
                            {move || {
                                let qualifier = reported.qualifier.get(state.lang.get());
                                (!qualifier.is_empty()).then(|| format!(" ({qualifier})"))
                            }}
                            {reported.as_of.map(|d| view! { ", " <time datetime=d.iso()>{move || format_date(d, state.lang.get())}</time> })}
                            " — "
                            {format!("report {}", source_number(story, &reported.cite.source))}
                            {source.map(|s| format!(", {}", s.publication_or_title()))}
                            <CiteMarker cites=vec![&reported.cite] figure=Some(figure) />
                        </li>
                    }
                })
                .collect_view();
            view! {
                <tr id=format!("figure-{}", figure.id)>
                    <th scope="row">
                        {move || figure.label.get(state.lang.get())}
                        {figure.is_disputed().then(|| view! { <span class="disputed-badge">"reports differ"</span> })}
                    </th>
                    <td><ul class="reported">{reports}</ul></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <SectionFrame id="numbers" title="The numbers" intro="Every figure the reports give, with each report's value; where they differ, all values are shown.">
            <div class="table-scroll">
                <table class="figures">
                    <caption>"Figures as reported"</caption>
                    <thead><tr><th scope="col">"Figure"</th><th scope="col">"Value, by report"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </SectionFrame>
    }
}
