//! The numbers: three charts drawn from the story's figures (each with its data table
//! and a CSV download), then every figure the reports give, each report's value side
//! by side.

pub mod charts;
pub mod draw;

use crate::app::later::Later;
use crate::app::{use_app, SectionFrame};
use crate::citation::{source_number, CiteMarker};
use crate::content::story;
use crate::i18n::{format_date, format_value};
use charts::{chart_csv, report_label, Chart, ChartId, ChartKind};
use leptos::prelude::*;

#[component]
pub fn NumbersSection() -> impl IntoView {
    view! {
        <SectionFrame id="numbers">
            {ChartId::ALL.into_iter().map(|id| view! { <Later><ChartFigure id=id /></Later> }).collect_view()}
            // After the charts, so that they arrive above it rather than push it down.
            <Later>
                <h3 id="numbers-all">{crate::tx!(numbers_ui.every_figure)}</h3>
                <FiguresTable />
            </Later>
        </SectionFrame>
    }
}

/// What a chart's caption says about how to read it.
fn reading_note(chart: &Chart, lang: crate::content::Lang) -> &'static str {
    match (chart.id, chart.kind) {
        (ChartId::UsersByCountry, _) => crate::tr!(lang, numbers.note_countries),
        (ChartId::LeakedItems, _) => crate::tr!(lang, numbers.note_leaked),
        (_, _) => crate::tr!(lang, numbers.note_japan),
    }
}

/// Width to lay a chart out for: the container's, in steps of 8 px (so small
/// changes do not redraw), or a desktop width before the container is measured.
fn chart_width(measured: f64) -> f64 {
    if measured < 1.0 {
        640.0
    } else {
        (measured / 8.0).floor() * 8.0
    }
}

#[component]
fn ChartFigure(id: ChartId) -> impl IntoView {
    let state = use_app();
    let canvas = NodeRef::<leptos::html::Div>::new();
    let measured = crate::diagram::container_width(canvas);

    let chart = Memo::new(move |_| id.chart(state.lang.get()));
    let width = Memo::new(move |_| measured.get().map(chart_width));
    // Drawn once the width is known: plotters redraws the whole chart for any change.
    let svg = Memo::new(move |_| {
        let (lang, dark, width) = (state.lang.get(), state.dark.get(), width.get());
        width
            .map(|width| chart.with(|chart| draw::render_svg(chart, lang, dark, width)))
            .unwrap_or_default()
    });
    let title_id = format!("chart-{}-title", id.key());
    let labelled_by = title_id.clone();
    let differ = chart.with_untracked(|c| c.kind == ChartKind::Dots && c.values_differ());
    let download = move |_| {
        let csv = chart.with_untracked(chart_csv);
        download_text(&format!("line-breach-{}.csv", id.key()), &csv);
    };
    view! {
        <figure class="chart" id=format!("chart-{}", id.key()) aria-labelledby=labelled_by>
            <figcaption>
                <span class="chart-title" id=title_id>{move || chart.with(|c| c.title.clone())}</span>
                {differ.then(|| view! { <span class="disputed-badge">{crate::tx!(reports_differ)}</span> })}
                <span class="chart-note">{move || chart.with(|c| reading_note(c, state.lang.get()))}</span>
            </figcaption>
            <div class="chart-canvas" node_ref=canvas inner_html=move || svg.get()></div>
            <ChartTable chart=chart />
            <crate::export::PictureDownloads selector=format!("#chart-{} .chart-canvas svg", id.key()) file_stem=format!("line-breach-{}", id.key()) label="Chart" />
            <button type="button" class="csv-download" on:click=download>
                {crate::tx!(numbers.download_csv)}
                <span class="visually-hidden">{move || chart.with(|c| format!(": {}", c.title))}</span>
            </button>
        </figure>
    }
}

/// The chart's data as a table: every value with its citation, and how the report
/// qualifies and dates it. Three columns, so it reads at 360 px.
#[component]
fn ChartTable(chart: Memo<Chart>) -> impl IntoView {
    let state = use_app();
    let story = story();
    let rows = move || {
        let lang = state.lang.get();
        chart.with(|chart| {
            let unit = chart.unit;
            let by_country = chart.kind == ChartKind::Bars;
            chart
                .rows
                .iter()
                .flat_map(|row| {
                    // One header per row, spanning a report's several values.
                    let span = row.marks.len().to_string();
                    row.marks.iter().enumerate().map(move |(i, mark)| {
                        let span = span.clone();
                        // Countries name their report here; report rows are named by it.
                        let report = match (by_country, mark.source) {
                            (true, Some(source)) => Some(report_label(story, source)),
                            (true, None) => Some(crate::tr!(state.lang.get_untracked(), numbers.derived).to_string()),
                            (false, _) => None,
                        };
                        let mark = mark.clone();
                        let dated = mark
                            .as_of
                            .filter(|d| !mark.qualifier.contains(&format_date(*d, lang)));
                        view! {
                            <tr>
                                {(i == 0).then(|| view! { <th scope="row" rowspan=span lang=row.report.map(|_| "en")>{row.label.clone()}</th> })}
                                <td class="num">
                                    <span class="figure">{format_value(mark.value, unit, lang)}</span>
                                    <CiteMarker cites=mark.cites.clone() figure=mark.figure />
                                    {mark.derived.then(|| view! { " " <span class="analysis-badge">{crate::tx!(analysis)}</span> })}
                                </td>
                                <td>
                                    {mark.qualifier.clone()}
                                    {dated.map(|d| view! { ", " <time datetime=d.iso()>{format_date(d, lang)}</time> })}
                                    {report.map(|r| view! { <span class="chart-data-source" lang="en">{r}</span> })}
                                </td>
                            </tr>
                        }
                    })
                })
                .collect_view()
        })
    };
    view! {
        <div class="table-scroll">
            <table class="chart-data">
                <caption>{move || chart.with(|c| crate::tr!(state.lang.get(), numbers_ui.data_caption, title = c.title.as_str()).to_string())}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || if chart.with(|c| c.kind == ChartKind::Bars) { crate::tr!(state.lang.get(), numbers.country) } else { crate::tr!(state.lang.get(), numbers.report) }}</th>
                        <th scope="col">{crate::tx!(numbers.value)}</th>
                        <th scope="col">{crate::tx!(numbers.as_reported)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// Offers `text` as a CSV download. UTF-8 with a byte-order mark, so spreadsheet
/// programs read the quotes' curly punctuation correctly.
fn download_text(file_name: &str, text: &str) {
    crate::export::save_text(
        file_name,
        "text/csv;charset=utf-8",
        &format!("\u{feff}{text}"),
    );
}

/// Every figure, each report's value side by side.
#[component]
fn FiguresTable() -> impl IntoView {
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
                            {move || crate::tr!(state.lang.get(), numbers.report_n, n = source_number(story, &reported.cite.source))}
                            {source.map(|s| view! { ", " <span lang="en">{s.publication_or_title()}</span> })}
                            <CiteMarker cites=vec![&reported.cite] figure=Some(figure) />
                        </li>
                    }
                })
                .collect_view();
            view! {
                <tr id=format!("figure-{}", figure.id)>
                    <th scope="row">
                        {move || figure.label.get(state.lang.get())}
                        {figure.is_disputed().then(|| view! { <span class="disputed-badge">{crate::tx!(reports_differ)}</span> })}
                    </th>
                    <td><ul class="reported">{reports}</ul></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="figures">
                <caption>{crate::tx!(numbers.figures_caption)}</caption>
                <thead><tr><th scope="col">{crate::tx!(numbers.figure)}</th><th scope="col">{crate::tx!(numbers.value_by_report)}</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_redraw_only_in_steps_of_eight_pixels() {
        assert_eq!(chart_width(361.0), 360.0);
        assert_eq!(chart_width(367.5), 360.0);
        assert_eq!(chart_width(0.0), 640.0);
    }
}
