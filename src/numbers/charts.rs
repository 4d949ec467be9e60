//! What each chart shows, read from the story's figures: pure data, no drawing.
//!
//! Every mark carries the citations behind it; a value the reports do not give
//! (the rest of the world's users) is marked derived, and never averaged.

use crate::content::{story, Citation, Date, Figure, Lang, Reported, Story, Unit};
use crate::i18n::{format_date, format_value};

/// Which chart: also its id in the page and its CSV file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartId {
    UsersByCountry,
    LeakedItems,
    JapanUsers,
}

impl ChartId {
    pub const ALL: [ChartId; 3] = [
        ChartId::UsersByCountry,
        ChartId::LeakedItems,
        ChartId::JapanUsers,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ChartId::UsersByCountry => "users-by-country",
            ChartId::LeakedItems => "leaked-items",
            ChartId::JapanUsers => "japan-users",
        }
    }

    /// The chart's data for a language (labels and numbers in that language's form).
    pub fn chart(self, lang: Lang) -> Chart {
        let story = story();
        match self {
            ChartId::UsersByCountry => users_by_country(story, lang),
            ChartId::LeakedItems => by_report(story, self, "leaked-items", lang),
            ChartId::JapanUsers => by_report(story, self, "line-users-japan", lang),
        }
    }
}

/// How values are drawn: bars from zero (parts of one total), or dots on a
/// shared axis (one report's value beside another's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    Bars,
    Dots,
}

/// One value placed in a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub value: f64,
    /// Short words beside the mark ("as many as · November 2023").
    pub note: String,
    /// How the report qualifies the value, in full.
    pub qualifier: String,
    pub as_of: Option<Date>,
    /// The report that gives it (`None` for a derived value).
    pub source: Option<&'static str>,
    pub cites: Vec<&'static Citation>,
    /// The figure the value belongs to, so citation markers can show each report's value.
    pub figure: Option<&'static Figure>,
    /// Computed by the explainer from reported values (analysis), not reported.
    pub derived: bool,
}

/// One row: a country, or one report's values (in the order the report gives them,
/// so several marks in a row read as a revision over time).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub label: String,
    /// The report's number when the row is one report's values: its label is then
    /// the report's own (English) name, and other languages name it by number.
    pub report: Option<usize>,
    pub marks: Vec<Mark>,
}

impl Row {
    /// How the row is named in running text in `lang`: a report's English name stays
    /// in English only for English readers; others read "報告 [2]".
    pub fn spoken_label(&self, lang: Lang) -> String {
        match self.report {
            Some(number) if lang != Lang::En => {
                format!("{} [{number}]", crate::tr!(lang, charts.report))
            }
            _ => self.label.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub id: ChartId,
    pub kind: ChartKind,
    pub title: String,
    pub unit: Unit,
    pub rows: Vec<Row>,
    /// Words for the value axis ("LINE users, as of September 2022").
    pub axis_note: String,
}

impl Chart {
    pub fn marks(&self) -> impl Iterator<Item = &Mark> {
        self.rows.iter().flat_map(|row| row.marks.iter())
    }

    /// True when the marks give more than one value for what the chart counts.
    pub fn values_differ(&self) -> bool {
        let mut values = self.marks().map(|m| m.value);
        match values.next() {
            Some(first) => values.any(|v| v != first),
            None => false,
        }
    }

    /// A one-paragraph summary, for the SVG's aria-label.
    pub fn summary(&self, lang: Lang) -> String {
        let rows: Vec<String> = self
            .rows
            .iter()
            .map(|row| {
                let values: Vec<String> = row
                    .marks
                    .iter()
                    .map(|mark| {
                        let value = format_value(mark.value, self.unit, lang);
                        if mark.note.is_empty() {
                            value
                        } else {
                            format!("{value} ({})", mark.note)
                        }
                    })
                    .collect();
                format!(
                    "{}: {}",
                    row.spoken_label(lang),
                    values.join(crate::tr!(lang, charts.then))
                )
            })
            .collect();
        let differ = if self.kind == ChartKind::Dots && self.values_differ() {
            crate::tr!(lang, charts.differ)
        } else {
            ""
        };
        format!("{}. {}.{differ}", self.title, rows.join("; "))
    }
}

/// How a report is named in a chart row: its number and publication (or title).
pub fn report_label(story: &Story, source: &str) -> String {
    let number = crate::citation::source_number(story, source);
    match story.source(source) {
        Some(s) => format!("[{number}] {}", s.publication_or_title()),
        None => format!("[{number}]"),
    }
}

/// The words beside a mark: the report's qualifier, with the date unless the
/// qualifier already names it.
fn mark_note(reported: &Reported, lang: Lang) -> String {
    let qualifier = reported.qualifier.get(lang).replace("; ", ", ");
    let qualifier = qualifier.trim();
    let date = reported.as_of.map(|d| format_date(d, lang));
    match date {
        Some(date) if !qualifier.contains(&date) && !qualifier.is_empty() => {
            format!("{qualifier} · {date}")
        }
        Some(date) if qualifier.is_empty() => date,
        _ => qualifier.to_string(),
    }
}

fn mark_from(figure: &'static Figure, reported: &'static Reported, lang: Lang) -> Mark {
    Mark {
        value: reported.value,
        note: mark_note(reported, lang),
        qualifier: reported.qualifier.get(lang).to_string(),
        as_of: reported.as_of,
        source: Some(reported.cite.source.as_str()),
        cites: vec![&reported.cite],
        figure: Some(figure),
        derived: false,
    }
}

/// The countries whose LINE users one report counts, as of September 2022.
const COUNTRY_FIGURES: [&str; 4] = [
    "line-users-japan",
    "line-users-thailand",
    "line-users-taiwan",
    "line-users-indonesia",
];

/// A charted country's name in `lang`, by its figure id.
fn country_label(figure: &str, lang: Lang) -> &'static str {
    match figure {
        "line-users-japan" => crate::tr!(lang, charts.japan),
        "line-users-thailand" => crate::tr!(lang, charts.thailand),
        "line-users-taiwan" => crate::tr!(lang, charts.taiwan),
        _ => crate::tr!(lang, charts.indonesia),
    }
}
const GLOBAL_FIGURE: &str = "line-users-global";

/// The value of `figure` as of September 2022, when the global count was taken.
fn september_2022(
    story: &'static Story,
    figure: &str,
) -> Option<(&'static Figure, &'static Reported)> {
    let figure = story.figure(figure)?;
    let as_of = story.figure(GLOBAL_FIGURE)?.reported.first()?.as_of;
    let reported = figure.reported.iter().find(|r| r.as_of == as_of)?;
    Some((figure, reported))
}

/// LINE users outside the four named countries: the global count less the four
/// countries', all as of September 2022 from the same report. `None` if any is missing.
pub fn rest_of_world(story: &'static Story) -> Option<f64> {
    let (_, global) = september_2022(story, GLOBAL_FIGURE)?;
    let mut rest = global.value;
    for id in COUNTRY_FIGURES {
        rest -= september_2022(story, id)?.1.value;
    }
    Some(rest)
}

fn users_by_country(story: &'static Story, lang: Lang) -> Chart {
    let mut rows: Vec<Row> = COUNTRY_FIGURES
        .iter()
        .filter_map(|id| {
            let (figure, reported) = september_2022(story, id)?;
            let mut mark = mark_from(figure, reported, lang);
            mark.note = String::new();
            Some(Row {
                label: country_label(id, lang).to_string(),
                report: None,
                marks: vec![mark],
            })
        })
        .collect();
    let global = september_2022(story, GLOBAL_FIGURE);
    if let (Some(rest), Some((global_figure, global_reported))) = (rest_of_world(story), global) {
        let mut cites = vec![&global_reported.cite];
        cites.extend(
            COUNTRY_FIGURES
                .iter()
                .filter_map(|id| september_2022(story, id))
                .map(|(_, r)| &r.cite),
        );
        rows.push(Row {
            label: crate::tr!(lang, charts.rest).to_string(),
            report: None,
            marks: vec![Mark {
                value: rest,
                note: crate::tr!(lang, charts.derived).to_string(),
                qualifier: crate::tr!(
                    lang,
                    charts.derived_qualifier,
                    global = format_value(global_reported.value, Unit::Users, lang)
                )
                .to_string(),
                as_of: global_reported.as_of,
                source: None,
                cites,
                figure: Some(global_figure),
                derived: true,
            }],
        });
    }
    let as_of = global
        .and_then(|(_, r)| r.as_of)
        .map(|d| format_date(d, lang))
        .unwrap_or_default();
    Chart {
        id: ChartId::UsersByCountry,
        kind: ChartKind::Bars,
        title: crate::tr!(lang, charts.users_title, date = as_of).to_string(),
        unit: Unit::Users,
        rows,
        axis_note: crate::tr!(lang, charts.users_axis).to_string(),
    }
}

/// One row per report that gives `figure`, in the sources' order; within a row,
/// dated values first, in date order, then the report's undated ones as written.
fn by_report(story: &'static Story, id: ChartId, figure_id: &str, lang: Lang) -> Chart {
    let figure = story
        .figure(figure_id)
        .expect("validated content holds the charted figures");
    let rows = story
        .sources
        .iter()
        .filter_map(|source| {
            let mut reported: Vec<&'static Reported> = figure
                .reported
                .iter()
                .filter(|r| r.cite.source == source.id)
                .collect();
            if reported.is_empty() {
                return None;
            }
            // Stable: undated values keep the report's own order, after the dated ones.
            reported.sort_by_key(|r| (r.as_of.is_none(), r.as_of));
            Some(Row {
                label: report_label(story, &source.id),
                report: Some(crate::citation::source_number(story, &source.id)),
                marks: reported
                    .into_iter()
                    .map(|r| mark_from(figure, r, lang))
                    .collect(),
            })
        })
        .collect();
    let (title, axis_note) = match id {
        ChartId::LeakedItems => (
            crate::tr!(lang, charts.leaked_title),
            crate::tr!(lang, charts.leaked_axis),
        ),
        _ => (
            crate::tr!(lang, charts.japan_title),
            crate::tr!(lang, charts.japan_axis),
        ),
    };
    Chart {
        id,
        kind: ChartKind::Dots,
        title: title.to_string(),
        unit: figure.unit,
        rows,
        axis_note: axis_note.to_string(),
    }
}

/// The chart as CSV: one line per mark, every field quoted where it must be.
pub fn chart_csv(chart: &Chart) -> String {
    let story = story();
    let mut lines = vec![csv_line(&[
        "row",
        "value",
        "unit",
        "qualifier",
        "as_of",
        "derived",
        "report",
        "quote",
    ])];
    for row in &chart.rows {
        for mark in &row.marks {
            let report = mark
                .source
                .map(|s| report_label(story, s))
                .unwrap_or_default();
            let quotes: Vec<&str> = mark.cites.iter().map(|c| c.quote.as_str()).collect();
            let value = if mark.value.fract() == 0.0 {
                format!("{}", mark.value as i64)
            } else {
                mark.value.to_string()
            };
            let fields = [
                row.label.clone(),
                value,
                unit_key(chart.unit).to_string(),
                mark.qualifier.clone(),
                mark.as_of.map(|d| d.iso()).unwrap_or_default(),
                if mark.derived { "yes" } else { "no" }.to_string(),
                report,
                quotes.join(" | "),
            ];
            let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
            lines.push(csv_line(&refs));
        }
    }
    lines.join("\r\n") + "\r\n"
}

fn unit_key(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "percent",
        Unit::Items => "items",
        Unit::Users => "users",
        Unit::People => "people",
        Unit::Yen => "yen",
        Unit::Months => "months",
        Unit::Years => "years",
    }
}

/// One CSV record (RFC 4180): a field holding a comma, a quote or a line break is
/// quoted, and its quotes doubled.
pub fn csv_line(fields: &[&str]) -> String {
    fields
        .iter()
        .map(|field| {
            if field.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", field.replace('"', "\"\""))
            } else {
                (*field).to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(chart: &Chart) -> Vec<(String, Vec<f64>)> {
        chart
            .rows
            .iter()
            .map(|r| (r.label.clone(), r.marks.iter().map(|m| m.value).collect()))
            .collect()
    }

    #[test]
    fn users_by_country_gives_the_four_countries_and_the_derived_rest() {
        let chart = ChartId::UsersByCountry.chart(Lang::En);
        assert_eq!(
            values(&chart),
            vec![
                ("Japan".to_string(), vec![93e6]),
                ("Thailand".to_string(), vec![53e6]),
                ("Taiwan".to_string(), vec![22e6]),
                ("Indonesia".to_string(), vec![8e6]),
                ("Rest of the world".to_string(), vec![18e6]),
            ]
        );
        assert_eq!(chart.title, "LINE users by country, as of September 2022");
    }

    #[test]
    fn the_rest_of_the_world_is_marked_derived_and_cites_every_input() {
        let chart = ChartId::UsersByCountry.chart(Lang::En);
        let rest = &chart.rows.last().unwrap().marks[0];
        assert!(rest.derived);
        assert!(rest.qualifier.contains("Analysis"));
        assert_eq!(rest.cites.len(), 5);
        assert!(chart.rows[..4].iter().all(|r| !r.marks[0].derived));
    }

    #[test]
    fn leaked_items_show_each_reports_count_without_averaging() {
        let chart = ChartId::LeakedItems.chart(Lang::En);
        let all: Vec<f64> = chart.marks().map(|m| m.value).collect();
        let mut distinct = all.clone();
        distinct.sort_by(f64::total_cmp);
        distinct.dedup();
        assert_eq!(distinct, vec![440_000.0, 510_000.0, 520_000.0]);
        assert!(chart.values_differ());
        // Every mark is one report's own value.
        assert!(chart.marks().all(|m| m.source.is_some() && !m.derived));
    }

    #[test]
    fn lys_revision_reads_in_time_order_within_its_report() {
        let chart = ChartId::LeakedItems.chart(Lang::En);
        let urges = chart
            .rows
            .iter()
            .find(|r| r.label.starts_with("[2]"))
            .expect("report 2 gives the revision");
        let counts: Vec<f64> = urges.marks.iter().map(|m| m.value).collect();
        assert_eq!(counts, vec![440_000.0, 510_000.0]);
        assert!(
            urges.marks[0].note.contains("November 2023"),
            "{:?}",
            urges.marks[0].note
        );
    }

    #[test]
    fn rows_follow_the_sources_order() {
        let chart = ChartId::LeakedItems.chart(Lang::En);
        let numbers: Vec<&str> = chart.rows.iter().map(|r| &r.label[..3]).collect();
        assert_eq!(numbers, vec!["[1]", "[2]", "[3]", "[4]"]);
    }

    #[test]
    fn japan_users_show_each_reports_figure() {
        let chart = ChartId::JapanUsers.chart(Lang::En);
        let mut all: Vec<f64> = chart.marks().map(|m| m.value).collect();
        all.sort_by(f64::total_cmp);
        assert_eq!(all, vec![93e6, 95e6, 96e6]);
        assert_eq!(chart.kind, ChartKind::Dots);
    }

    #[test]
    fn summary_names_every_row_and_says_reports_differ() {
        let chart = ChartId::LeakedItems.chart(Lang::En);
        let summary = chart.summary(Lang::En);
        assert!(summary.contains("440,000 items"), "{summary}");
        assert!(summary.contains("520,000 items"), "{summary}");
        assert!(summary.ends_with("The reports differ."), "{summary}");
    }

    #[test]
    fn summaries_in_japanese_and_korean_name_reports_by_number() {
        for lang in [Lang::Ja, Lang::Ko] {
            let chart = ChartId::LeakedItems.chart(lang);
            let summary = chart.summary(lang);
            let english = summary
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|word| word.len() >= 3 && *word != "LINE")
                .collect::<Vec<_>>();
            assert!(english.is_empty(), "{lang:?}: {summary}");
            assert!(summary.contains(" [1]"), "{summary}");
        }
    }

    #[test]
    fn csv_quotes_fields_with_commas_and_quotes() {
        assert_eq!(
            csv_line(&["a", "b,c", "say \"hi\"", "x\ny"]),
            "a,\"b,c\",\"say \"\"hi\"\"\",\"x\ny\""
        );
    }

    #[test]
    fn csv_has_a_header_and_one_line_per_mark() {
        let chart = ChartId::LeakedItems.chart(Lang::En);
        let csv = chart_csv(&chart);
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(
            lines[0],
            "row,value,unit,qualifier,as_of,derived,report,quote"
        );
        assert_eq!(lines.len(), 1 + chart.marks().count());
        assert!(lines.iter().any(|l| l.contains(",440000,items,")), "{csv}");
    }

    #[test]
    fn csv_marks_the_derived_value() {
        let csv = chart_csv(&ChartId::UsersByCountry.chart(Lang::En));
        let rest = csv
            .lines()
            .find(|l| l.starts_with("Rest of the world"))
            .unwrap();
        assert!(rest.contains(",18000000,users,"), "{rest}");
        assert!(rest.contains(",yes,"), "{rest}");
    }
}
