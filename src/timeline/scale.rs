//! The time scale shown above the event list on wide screens: each dated event as a
//! bar as wide as the reports' precision (a year, a month or a day), stacked so no
//! two bars touch. Undated events stay in the list only.

use crate::content::{days_in_month, Date, Event};
use crate::diagram::Rect;

/// Width of the scale's drawing, in SVG units (it scales to its container).
pub const WIDTH: f64 = 680.0;
const PAD: f64 = 12.0;
const LANE: f64 = 16.0;
const BAR: f64 = 10.0;
/// A day-precise event is still wide enough to see and to click.
const MIN_BAR: f64 = 8.0;
const AXIS_GAP: f64 = 10.0;

/// Months since January of `first_year`, to the start of `date`'s interval and to its end.
pub fn month_span(date: Date, first_year: u16) -> (f64, f64) {
    let year = f64::from(date.year - first_year) * 12.0;
    match (date.month, date.day) {
        (0, _) => (year, year + 12.0),
        (m, 0) => {
            let start = year + f64::from(m - 1);
            (start, start + 1.0)
        }
        (m, d) => {
            let days = f64::from(days_in_month(date.year, m));
            let start = year + f64::from(m - 1) + f64::from(d - 1) / days;
            (start, start + 1.0 / days)
        }
    }
}

/// One event on the scale: its index in the event list and its bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub index: usize,
    pub bar: Rect,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scale {
    pub height: f64,
    pub marks: Vec<Mark>,
    /// Each year's tick: its x and its label.
    pub years: Vec<(f64, String)>,
    pub axis_y: f64,
}

/// Lays out the dated events of `events` (in list order) across [`WIDTH`].
pub fn layout(events: &[&Event]) -> Scale {
    let dated: Vec<(usize, Date)> = events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.date.map(|d| (i, d)))
        .collect();
    let (Some(first), Some(last)) = (
        dated.iter().map(|(_, d)| d.year).min(),
        dated
            .iter()
            .map(|(_, d)| month_span(*d, 0).1)
            .reduce(f64::max),
    ) else {
        return Scale {
            height: 0.0,
            marks: Vec::new(),
            years: Vec::new(),
            axis_y: 0.0,
        };
    };
    // Through the end of the last event's month.
    let months = (last - f64::from(first) * 12.0).ceil().max(1.0);
    let x = |month: f64| PAD + month / months * (WIDTH - 2.0 * PAD);
    let mut lanes: Vec<f64> = Vec::new(); // right edge of the last bar in each lane
    let mut marks = Vec::new();
    for (index, date) in dated {
        let (start, end) = month_span(date, first);
        let left = x(start);
        let width = (x(end) - left).max(MIN_BAR);
        let lane = match lanes.iter().position(|&right| right + 2.0 <= left) {
            Some(lane) => lane,
            None => {
                lanes.push(f64::NEG_INFINITY);
                lanes.len() - 1
            }
        };
        lanes[lane] = left + width;
        marks.push(Mark {
            index,
            bar: Rect::new(left, PAD + lane as f64 * LANE, width, BAR),
        });
    }
    let axis_y = PAD + lanes.len() as f64 * LANE + AXIS_GAP / 2.0;
    let years = (0..=((months / 12.0).floor() as u16))
        .map(|k| (x(f64::from(k) * 12.0), (first + k).to_string()))
        .filter(|(tick, _)| *tick <= WIDTH - PAD)
        .collect();
    Scale {
        height: axis_y + AXIS_GAP + 16.0,
        marks,
        years,
        axis_y,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagram::no_overlaps;
    use crate::timeline::chronological;

    #[test]
    fn a_bar_is_as_wide_as_the_reports_precision() {
        let year = month_span(Date::parse("2021").unwrap(), 2021);
        let month = month_span(Date::parse("2023-10").unwrap(), 2021);
        let day = month_span(Date::parse("2023-10-09").unwrap(), 2021);
        assert_eq!(year, (0.0, 12.0));
        assert_eq!(month, (33.0, 34.0));
        assert!(day.0 > month.0 && day.1 < month.1);
    }

    #[test]
    fn every_dated_event_has_a_bar_and_no_two_bars_touch() {
        let events = chronological();
        let scale = layout(&events);
        let dated = events.iter().filter(|e| e.date.is_some()).count();
        assert_eq!(scale.marks.len(), dated);
        let bars: Vec<Rect> = scale.marks.iter().map(|m| m.bar.inflate(0.9)).collect();
        assert!(no_overlaps(&bars));
        assert!(scale
            .marks
            .iter()
            .all(|m| m.bar.right() <= WIDTH && m.bar.x >= 0.0));
    }

    #[test]
    fn the_scale_runs_in_time_order_from_2021() {
        let events = chronological();
        let scale = layout(&events);
        assert_eq!(scale.years.first().map(|(_, y)| y.as_str()), Some("2021"));
        assert_eq!(scale.years.last().map(|(_, y)| y.as_str()), Some("2024"));
        let starts: Vec<f64> = scale.marks.iter().map(|m| m.bar.x).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
    }
}
