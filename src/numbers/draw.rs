//! Charts as SVG: a pure layout for the width the chart gets (every label placed,
//! nothing overlapping, at 360 px as at 1280 px), then plotters draws it with its
//! SVG backend into a string.
//!
//! Text reaches the SVG only through plotters, which escapes `<`, `>`, `&` and
//! quotes in text and attributes (see `plotters-svg`'s `escape_and_push`); the one
//! attribute written here, the aria-label, goes through [`escape_xml`]. All text
//! comes from the story model, never from the reader.

use super::charts::{Chart, ChartKind, Mark};
use crate::content::{Lang, Unit};
use crate::diagram::{escape_xml, text_width, wrap_text, Point, Rect};
use crate::i18n::{format_number, format_value};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Narrowest and widest widths a chart is laid out for, in CSS px.
pub const MIN_WIDTH: f64 = 280.0;
pub const MAX_WIDTH: f64 = 760.0;

const PAD: f64 = 8.0;
const LABEL_PX: f64 = 14.0;
const VALUE_PX: f64 = 13.0;
const NOTE_PX: f64 = 12.0;
const TICK_PX: f64 = 12.0;
const LINE_GAP: f64 = 4.0;
const BAR_HEIGHT: f64 = 18.0;
const ROW_GAP: f64 = 14.0;
const DOT_RADIUS: f64 = 6.0;
const NOTE_MAX_WIDTH: f64 = 230.0;
/// Bold text runs wider than the estimate for regular text.
const BOLD_WIDTH: f64 = 1.2;

/// Colours for the light and dark themes (the stylesheet's ink, rule and Okabe–Ito blue).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub ink: RGBColor,
    pub soft: RGBColor,
    pub rule: RGBColor,
    pub mark: RGBColor,
    /// Text drawn on a mark (inside a bar).
    pub on_mark: RGBColor,
}

pub fn palette(dark: bool) -> Palette {
    if dark {
        Palette {
            ink: RGBColor(0xec, 0xeb, 0xe8),
            soft: RGBColor(0xb9, 0xb6, 0xb0),
            rule: RGBColor(0x5a, 0x60, 0x68),
            mark: RGBColor(0x56, 0xb4, 0xe9),
            on_mark: RGBColor(0x12, 0x14, 0x17),
        }
    } else {
        Palette {
            ink: RGBColor(0x1a, 0x1a, 0x1a),
            soft: RGBColor(0x4a, 0x4a, 0x4a),
            rule: RGBColor(0xb0, 0xab, 0xa2),
            mark: RGBColor(0x00, 0x72, 0xb2),
            on_mark: RGBColor(0xff, 0xff, 0xff),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Ink,
    Soft,
    OnMark,
}

/// One line of text, positioned by its top edge.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub text: String,
    pub x: f64,
    pub top: f64,
    pub anchor: Anchor,
    pub px: f64,
    pub bold: bool,
    pub tone: Tone,
    /// A report's own name, kept in English (marked `lang="en"` in the SVG).
    pub english: bool,
}

impl Label {
    /// The box the text occupies (by the generous width estimate).
    pub fn rect(&self) -> Rect {
        let width = text_width(&self.text, self.px) * if self.bold { BOLD_WIDTH } else { 1.0 };
        let left = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - width / 2.0,
            Anchor::End => self.x - width,
        };
        Rect::new(left, self.top, width, self.px * 1.2)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub rect: Rect,
    /// Derived values are drawn as an outline, not a solid bar.
    pub derived: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Dot {
    pub center: Point,
    /// An earlier figure the report later revised: drawn hollow.
    pub hollow: bool,
}

/// Everything a chart draws, in CSS px.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub labels: Vec<Label>,
    pub bars: Vec<Bar>,
    pub dots: Vec<Dot>,
    /// Revisions within a report: from the earlier value to the later.
    pub arrows: Vec<(Point, Point)>,
    /// Thin lines: grid segments, tracks and tick marks.
    pub rules: Vec<(Point, Point)>,
}

impl Layout {
    pub fn text(&self) -> Vec<&str> {
        self.labels.iter().map(|l| l.text.as_str()).collect()
    }
}

/// A round step near `span / count`: 1, 2, 2.5 or 5 times a power of ten.
pub fn nice_step(span: f64, count: f64) -> f64 {
    let raw = (span / count).max(f64::MIN_POSITIVE);
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|step| *step >= raw * 0.999)
        .unwrap_or(10.0 * power)
}

/// The value axis: from zero for bars; around the values, with room, for dots.
/// Returns (low, high, step).
pub fn axis_domain(kind: ChartKind, values: &[f64]) -> (f64, f64, f64) {
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !min.is_finite() || !max.is_finite() {
        return (0.0, 1.0, 0.25);
    }
    match kind {
        ChartKind::Bars => {
            let step = nice_step(max, 4.0);
            (0.0, (max / step).ceil() * step, step)
        }
        ChartKind::Dots => {
            let pad = ((max - min) * 0.1).max(max.abs() * 0.01);
            let (low, high) = (min - pad, max + pad);
            let step = nice_step(high - low, 4.0);
            (
                (low / step).floor() * step,
                (high / step).ceil() * step,
                step,
            )
        }
    }
}

/// A tick's words: short ("25M", "2,500万"), since ticks sit close together.
pub fn tick_label(value: f64, lang: Lang) -> String {
    if value == 0.0 {
        return "0".to_string();
    }
    match lang {
        Lang::En if value.abs() >= 1e6 => format!("{}M", format_number(value / 1e6)),
        Lang::En if value.abs() >= 1e3 => format!("{}k", format_number(value / 1e3)),
        Lang::Ja if value.abs() >= 1e4 => format!("{}万", format_number(value / 1e4)),
        Lang::Ko if value.abs() >= 1e4 => format!("{}만", format_number(value / 1e4)),
        _ => format_number(value),
    }
}

struct Scale {
    low: f64,
    high: f64,
    left: f64,
    right: f64,
}

impl Scale {
    fn x(&self, value: f64) -> f64 {
        self.left + (value - self.low) / (self.high - self.low) * (self.right - self.left)
    }
}

/// Lays out a chart for `width` CSS px (clamped to [`MIN_WIDTH`], [`MAX_WIDTH`]).
pub fn layout(chart: &Chart, lang: Lang, width: f64) -> Layout {
    let width = width.clamp(MIN_WIDTH, MAX_WIDTH).floor();
    let values: Vec<f64> = chart.marks().map(|m| m.value).collect();
    let (low, high, step) = axis_domain(chart.kind, &values);
    let scale = Scale {
        low,
        high,
        left: PAD,
        right: width - PAD,
    };
    let mut out = Layout {
        width,
        ..Layout::default()
    };
    let mut y = PAD;
    let mut bands: Vec<(f64, f64)> = Vec::new();
    for row in &chart.rows {
        let derived = row.marks.iter().any(|m| m.derived);
        let title = if derived {
            crate::tr!(lang, charts.derived_row, label = row.label.as_str()).to_string()
        } else {
            row.label.clone()
        };
        for line in wrap_text(&title, (width - 2.0 * PAD) / BOLD_WIDTH, LABEL_PX) {
            out.labels.push(Label {
                text: line,
                x: PAD,
                top: y,
                anchor: Anchor::Start,
                px: LABEL_PX,
                bold: true,
                tone: Tone::Ink,
                english: row.report.is_some(),
            });
            y += LABEL_PX * 1.2 + 2.0;
        }
        y += LINE_GAP;
        match chart.kind {
            ChartKind::Bars => {
                for mark in &row.marks {
                    y = bar_row(&mut out, &scale, chart.unit, lang, mark, y, &mut bands);
                }
            }
            ChartKind::Dots => {
                y = dot_row(
                    &mut out, &scale, chart.unit, lang, &row.marks, y, &mut bands,
                )
            }
        }
        y += ROW_GAP;
    }
    // Ticks: grid segments across each band, labels under the last one.
    let ticks: Vec<f64> = {
        let mut ticks = Vec::new();
        let mut value = low;
        while value <= high + step * 1e-6 {
            ticks.push(value);
            value += step;
        }
        ticks
    };
    for &value in &ticks {
        let x = scale.x(value);
        for &(top, bottom) in &bands {
            out.rules.push((Point::new(x, top), Point::new(x, bottom)));
        }
    }
    let tick_top = y - ROW_GAP + 6.0;
    let mut last_right = f64::NEG_INFINITY;
    for (i, &value) in ticks.iter().enumerate() {
        let anchor = if i == 0 {
            Anchor::Start
        } else if i == ticks.len() - 1 {
            Anchor::End
        } else {
            Anchor::Middle
        };
        let label = Label {
            text: tick_label(value, lang),
            x: scale.x(value),
            top: tick_top,
            anchor,
            px: TICK_PX,
            bold: false,
            tone: Tone::Soft,
            english: false,
        };
        // Drop a tick label that would touch the one before (narrow widths).
        let rect = label.rect();
        if rect.x >= last_right + 4.0 {
            last_right = rect.right();
            out.labels.push(label);
        }
    }
    let mut note_top = tick_top + TICK_PX * 1.2 + 4.0;
    for line in wrap_text(&chart.axis_note, width - 2.0 * PAD, NOTE_PX) {
        out.labels.push(Label {
            text: line,
            x: PAD,
            top: note_top,
            anchor: Anchor::Start,
            px: NOTE_PX,
            bold: false,
            tone: Tone::Soft,
            english: false,
        });
        note_top += NOTE_PX * 1.2 + 2.0;
    }
    out.height = (note_top + PAD).ceil();
    // A grid line never runs through a label.
    let boxes: Vec<Rect> = out.labels.iter().map(|l| l.rect().inflate(2.0)).collect();
    out.rules.retain(|(from, to)| {
        let segment = Rect::new(
            from.x.min(to.x),
            from.y.min(to.y),
            (to.x - from.x).abs(),
            (to.y - from.y).abs(),
        );
        from.y == to.y || !boxes.iter().any(|b| b.overlaps(&segment))
    });
    out
}

/// One bar and its value label; returns the y below it.
fn bar_row(
    out: &mut Layout,
    scale: &Scale,
    unit: Unit,
    lang: Lang,
    mark: &Mark,
    y: f64,
    bands: &mut Vec<(f64, f64)>,
) -> f64 {
    let left = scale.x(0.0);
    let right = scale.x(mark.value);
    out.bars.push(Bar {
        rect: Rect::new(left, y, right - left, BAR_HEIGHT),
        derived: mark.derived,
    });
    bands.push((y, y + BAR_HEIGHT));
    let text = format_value(mark.value, unit, lang);
    let text_w = text_width(&text, VALUE_PX) * BOLD_WIDTH;
    let top = y + (BAR_HEIGHT - VALUE_PX * 1.2) / 2.0;
    // Past the bar's end when it fits there; else inside it (a derived outline bar
    // has no fill to write on, so its label always goes outside or below).
    let label = if right + 6.0 + text_w <= scale.right {
        Label {
            text,
            x: right + 6.0,
            top,
            anchor: Anchor::Start,
            px: VALUE_PX,
            bold: true,
            tone: Tone::Ink,
            english: false,
        }
    } else if !mark.derived && text_w + 12.0 <= right - left {
        Label {
            text,
            x: right - 6.0,
            top,
            anchor: Anchor::End,
            px: VALUE_PX,
            bold: true,
            tone: Tone::OnMark,
            english: false,
        }
    } else {
        Label {
            text,
            x: left,
            top: y + BAR_HEIGHT + 2.0,
            anchor: Anchor::Start,
            px: VALUE_PX,
            bold: true,
            tone: Tone::Ink,
            english: false,
        }
    };
    let below = label.rect().bottom().max(y + BAR_HEIGHT);
    out.labels.push(label);
    below
}

/// A report's dots on one track, each with its value and the report's words above
/// it (below it, when two would collide); returns the y below the row.
fn dot_row(
    out: &mut Layout,
    scale: &Scale,
    unit: Unit,
    lang: Lang,
    marks: &[Mark],
    y: f64,
    bands: &mut Vec<(f64, f64)>,
) -> f64 {
    // Notes wrap to a short measure so two reports' words can sit side by side.
    let note_width = NOTE_MAX_WIDTH.min(scale.right - scale.left);
    // Each mark's labels, stacked from a top of zero.
    let groups: Vec<(f64, Vec<Label>)> = marks
        .iter()
        .map(|mark| {
            let x = scale.x(mark.value);
            let mut lines = vec![(
                format_value(mark.value, unit, lang),
                VALUE_PX,
                true,
                Tone::Ink,
            )];
            lines.extend(
                wrap_text(&mark.note, note_width, NOTE_PX)
                    .into_iter()
                    .map(|line| (line, NOTE_PX, false, Tone::Soft)),
            );
            let mut top = 0.0;
            let labels = lines
                .into_iter()
                .map(|(text, px, bold, tone)| {
                    let label = clamp_label(
                        Label {
                            text,
                            x,
                            top,
                            anchor: Anchor::Middle,
                            px,
                            bold,
                            tone,
                            english: false,
                        },
                        scale.left,
                        scale.right,
                    );
                    top += px * 1.2 + 1.0;
                    label
                })
                .collect();
            (x, labels)
        })
        .collect();
    let extent = |labels: &[Label]| {
        labels.iter().map(Label::rect).fold(
            (f64::INFINITY, f64::NEG_INFINITY, 0.0f64),
            |(l, r, b), rect| (l.min(rect.x), r.max(rect.right()), b.max(rect.bottom())),
        )
    };
    // Above the track unless it would touch a group already there.
    let mut above: Vec<(f64, f64)> = Vec::new();
    let lanes: Vec<bool> = groups
        .iter()
        .map(|(_, labels)| {
            let (left, right, _) = extent(labels);
            let free = above
                .iter()
                .all(|&(l, r)| right + 6.0 <= l || left >= r + 6.0);
            if free {
                above.push((left, right));
            }
            free
        })
        .collect();
    let height_of = |labels: &[Label]| extent(labels).2;
    let above_height = groups
        .iter()
        .zip(&lanes)
        .filter(|(_, is_above)| **is_above)
        .map(|((_, labels), _)| height_of(labels))
        .fold(0.0, f64::max);
    let track_y = y + above_height + 4.0 + DOT_RADIUS;
    let below_top = track_y + DOT_RADIUS + 4.0;
    let mut bottom = track_y + DOT_RADIUS;
    for (i, ((x, labels), is_above)) in groups.into_iter().zip(lanes).enumerate() {
        // Above: the group's last line sits just over its dot.
        let shift = if is_above {
            track_y - DOT_RADIUS - 4.0 - height_of(&labels)
        } else {
            below_top
        };
        for mut label in labels {
            label.top += shift;
            bottom = bottom.max(label.rect().bottom());
            out.labels.push(label);
        }
        let center = Point::new(x, track_y);
        if let Some(previous) = out.dots.last().filter(|_| i > 0) {
            out.arrows.push((previous.center, center));
        }
        out.dots.push(Dot {
            center,
            hollow: i + 1 < marks.len(),
        });
    }
    out.rules.push((
        Point::new(scale.left, track_y),
        Point::new(scale.right, track_y),
    ));
    bands.push((track_y - 4.0, track_y + 4.0));
    bottom
}

/// Keeps a centred label inside [left, right] by anchoring it to the edge it would cross.
fn clamp_label(mut label: Label, left: f64, right: f64) -> Label {
    let rect = label.rect();
    if rect.x < left {
        label.anchor = Anchor::Start;
        label.x = left;
    } else if rect.right() > right {
        label.anchor = Anchor::End;
        label.x = right;
    }
    label
}

/// The chart as an SVG document string, `width` CSS px wide, with `role="img"` and
/// an aria-label summarising every value.
pub fn render_svg(chart: &Chart, lang: Lang, dark: bool, width: f64) -> String {
    let layout = layout(chart, lang, width);
    let colours = palette(dark);
    let mut svg = String::new();
    {
        let size = (layout.width as u32, layout.height as u32);
        let root = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        // Drawing into a String cannot fail; a failed element would only be missing.
        let _ = draw(&root, &layout, &colours);
        let _ = root.present();
    }
    // plotters cannot set attributes on text, so report names get their `lang` here.
    for label in layout.labels.iter().filter(|label| label.english) {
        let text = format!(">\n{}\n</text>", escape_xml(&label.text));
        svg = svg.replacen(&text, &format!(" lang=\"en\"{text}"), 1);
    }
    let summary = escape_xml(&chart.summary(lang));
    svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{summary}\" class=\"chart-svg\" "),
        1,
    )
}

fn px(value: f64) -> i32 {
    value.round() as i32
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    layout: &Layout,
    colours: &Palette,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let thin = ShapeStyle {
        color: colours.rule.to_rgba(),
        filled: false,
        stroke_width: 1,
    };
    for (from, to) in &layout.rules {
        root.draw(&PathElement::new(
            vec![(px(from.x), px(from.y)), (px(to.x), px(to.y))],
            thin,
        ))?;
    }
    for bar in &layout.bars {
        let corners = [
            (px(bar.rect.x), px(bar.rect.y)),
            (px(bar.rect.right()), px(bar.rect.bottom())),
        ];
        let style = ShapeStyle {
            color: colours.mark.to_rgba(),
            filled: !bar.derived,
            stroke_width: 2,
        };
        root.draw(&Rectangle::new(corners, style))?;
    }
    let mark_line = ShapeStyle {
        color: colours.mark.to_rgba(),
        filled: false,
        stroke_width: 2,
    };
    for (from, to) in &layout.arrows {
        // Stop short of both dots, and draw a small head at the later value.
        let dir = if to.x >= from.x { 1.0 } else { -1.0 };
        let start = from.x + dir * (DOT_RADIUS + 3.0);
        let end = to.x - dir * (DOT_RADIUS + 3.0);
        if (end - start) * dir > 6.0 {
            let y = from.y;
            root.draw(&PathElement::new(
                vec![(px(start), px(y)), (px(end), px(y))],
                mark_line,
            ))?;
            root.draw(&PathElement::new(
                vec![
                    (px(end - dir * 6.0), px(y - 5.0)),
                    (px(end), px(y)),
                    (px(end - dir * 6.0), px(y + 5.0)),
                ],
                mark_line,
            ))?;
        }
    }
    for dot in &layout.dots {
        let style = ShapeStyle {
            color: colours.mark.to_rgba(),
            filled: !dot.hollow,
            stroke_width: 2,
        };
        root.draw(&Circle::new(
            (px(dot.center.x), px(dot.center.y)),
            DOT_RADIUS as i32,
            style,
        ))?;
    }
    for label in &layout.labels {
        let colour = match label.tone {
            Tone::Ink => colours.ink,
            Tone::Soft => colours.soft,
            Tone::OnMark => colours.on_mark,
        };
        // plotters writes font-size as size / 1.24.
        let font = FontDesc::new(
            FontFamily::SansSerif,
            label.px * 1.24,
            if label.bold {
                FontStyle::Bold
            } else {
                FontStyle::Normal
            },
        );
        let h = match label.anchor {
            Anchor::Start => HPos::Left,
            Anchor::Middle => HPos::Center,
            Anchor::End => HPos::Right,
        };
        let style = font.color(&colour).pos(Pos::new(h, VPos::Top));
        root.draw(&Text::new(
            label.text.as_str(),
            (px(label.x), px(label.top)),
            style,
        ))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::no_overlaps;
    use crate::numbers::charts::ChartId;

    const WIDTHS: [f64; 3] = [360.0, 640.0, 1280.0];

    #[test]
    fn steps_are_round_numbers() {
        assert_eq!(nice_step(93e6, 4.0), 25e6);
        assert_eq!(nice_step(96_000.0, 4.0), 25_000.0);
        assert_eq!(nice_step(3.6e6, 4.0), 1e6);
    }

    #[test]
    fn bars_start_at_zero_and_dots_frame_the_values() {
        assert_eq!(
            axis_domain(ChartKind::Bars, &[93e6, 8e6]),
            (0.0, 100e6, 25e6)
        );
        let (low, high, _) = axis_domain(ChartKind::Dots, &[440_000.0, 520_000.0]);
        assert!(low < 440_000.0 && high > 520_000.0, "{low}..{high}");
        assert!(low > 0.0, "a dot axis need not start at zero (and says so)");
    }

    #[test]
    fn ticks_read_short_in_each_language() {
        assert_eq!(tick_label(25e6, Lang::En), "25M");
        assert_eq!(tick_label(425_000.0, Lang::En), "425k");
        assert_eq!(tick_label(25e6, Lang::Ja), "2,500万");
        assert_eq!(tick_label(450_000.0, Lang::Ko), "45만");
    }

    #[test]
    fn no_label_overlaps_another_at_phone_and_desktop_widths() {
        for id in ChartId::ALL {
            for lang in Lang::ALL {
                let chart = id.chart(lang);
                for width in WIDTHS {
                    let layout = layout(&chart, lang, width);
                    let rects: Vec<Rect> = layout.labels.iter().map(Label::rect).collect();
                    assert!(
                        no_overlaps(&rects),
                        "{} at {width}px in {lang:?}: {:#?}",
                        id.key(),
                        layout.labels
                    );
                }
            }
        }
    }

    #[test]
    fn everything_stays_inside_the_chart() {
        for id in ChartId::ALL {
            let chart = id.chart(Lang::En);
            for width in WIDTHS {
                let layout = layout(&chart, Lang::En, width);
                for label in &layout.labels {
                    let r = label.rect();
                    assert!(
                        r.x >= 0.0
                            && r.right() <= layout.width + 0.5
                            && r.bottom() <= layout.height,
                        "{} at {width}px: {label:?} outside {}x{}",
                        id.key(),
                        layout.width,
                        layout.height
                    );
                }
                for bar in &layout.bars {
                    assert!(bar.rect.right() <= layout.width - PAD + 0.5);
                }
            }
        }
    }

    fn assert_no_label_over(layout: &Layout, area: &Rect, what: &str) {
        for label in &layout.labels {
            assert!(!label.rect().overlaps(area), "{label:?} covers {what}");
        }
    }

    #[test]
    fn grid_lines_never_cross_a_label() {
        for id in ChartId::ALL {
            for width in WIDTHS {
                let layout = layout(&id.chart(Lang::En), Lang::En, width);
                for (from, to) in layout.rules.iter().filter(|(f, t)| f.x == t.x) {
                    let segment = Rect::new(from.x, from.y.min(to.y), 0.0, (to.y - from.y).abs());
                    assert_no_label_over(&layout, &segment, &format!("a grid line at {width}px"));
                }
            }
        }
    }

    #[test]
    fn value_labels_never_cover_a_dot() {
        for id in [ChartId::LeakedItems, ChartId::JapanUsers] {
            let chart = id.chart(Lang::En);
            for width in WIDTHS {
                let layout = layout(&chart, Lang::En, width);
                for dot in &layout.dots {
                    let dot_box = Rect::centered(dot.center, DOT_RADIUS * 2.0, DOT_RADIUS * 2.0);
                    assert_no_label_over(&layout, &dot_box, &format!("a dot at {width}px"));
                }
            }
        }
    }

    #[test]
    fn every_value_and_row_is_labelled() {
        let chart = ChartId::UsersByCountry.chart(Lang::En);
        let layout = layout(&chart, Lang::En, 360.0);
        let text = layout.text().join("\n");
        for expected in [
            "Japan",
            "Thailand",
            "Taiwan",
            "Indonesia",
            "Rest of the world",
            "93 million",
            "18 million",
            "Analysis",
        ] {
            assert!(text.contains(expected), "{expected} missing from {text}");
        }
        assert_eq!(layout.bars.len(), 5);
        assert!(layout.bars[4].derived && !layout.bars[0].derived);
    }

    #[test]
    fn a_revised_count_is_drawn_as_an_arrow_from_the_first_figure() {
        let layout = layout(&ChartId::LeakedItems.chart(Lang::En), Lang::En, 360.0);
        assert_eq!(layout.arrows.len(), 1);
        let (from, to) = layout.arrows[0];
        assert!(to.x > from.x, "440,000 → 510,000 points right");
        assert_eq!(layout.dots.iter().filter(|d| d.hollow).count(), 1);
    }

    #[test]
    fn users_by_country_svg_contains_its_labels_and_role() {
        let svg = render_svg(
            &ChartId::UsersByCountry.chart(Lang::En),
            Lang::En,
            false,
            360.0,
        );
        assert!(
            svg.starts_with("<svg role=\"img\" aria-label=\""),
            "{}",
            &svg[..80]
        );
        for expected in [
            "Japan",
            "Thailand",
            "Taiwan",
            "Indonesia",
            "Rest of the world",
            "93 million",
            "53 million",
        ] {
            assert!(svg.contains(expected), "{expected} missing");
        }
        assert!(svg.contains("width=\"360\""));
    }

    #[test]
    fn leaked_items_svg_shows_every_reports_count() {
        let svg = render_svg(
            &ChartId::LeakedItems.chart(Lang::En),
            Lang::En,
            false,
            640.0,
        );
        for expected in [
            "440,000 items",
            "510,000 items",
            "520,000 items",
            "The Readable",
            "News Rebeat",
            "axis does not start at zero",
        ] {
            assert!(svg.contains(expected), "{expected} missing");
        }
    }

    #[test]
    fn report_names_are_marked_english_in_every_language() {
        for lang in [Lang::En, Lang::Ja, Lang::Ko] {
            let svg = render_svg(&ChartId::LeakedItems.chart(lang), lang, false, 360.0);
            let named = svg.matches(" lang=\"en\">\n[").count();
            assert!(named >= 3, "{lang:?}: {named} report names marked");
        }
    }

    #[test]
    fn japan_users_svg_shows_each_reports_figure_in_japanese() {
        let svg = render_svg(&ChartId::JapanUsers.chart(Lang::Ja), Lang::Ja, false, 360.0);
        for expected in ["9,300万人", "9,500万人", "9,600万人"] {
            assert!(svg.contains(expected), "{expected} missing");
        }
    }

    #[test]
    fn dark_charts_use_light_ink() {
        let chart = ChartId::JapanUsers.chart(Lang::En);
        let light = render_svg(&chart, Lang::En, false, 360.0);
        let dark = render_svg(&chart, Lang::En, true, 360.0);
        assert!(
            light.contains("#1A1A1A") || light.contains("#1a1a1a"),
            "light ink"
        );
        assert!(
            dark.contains("#ECEBE8") || dark.contains("#ecebe8"),
            "dark ink"
        );
    }

    #[test]
    fn markup_in_text_is_escaped() {
        let mut chart = ChartId::JapanUsers.chart(Lang::En);
        chart.rows[0].label = "<script>&".to_string();
        let svg = render_svg(&chart, Lang::En, false, 360.0);
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;&amp;"));
    }
}
