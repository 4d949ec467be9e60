//! Where the ownership diagram's boxes, lines and labels go, for a container width.
//!
//! Narrow containers (phones) get a vertical stack of at most two boxes a row; wide
//! ones get horizontal tiers: owners, then what they own, then LY and its services.
//! Each box has a slot (row, column) per arrangement; the rows' heights follow the
//! wrapped text. A line is straight when nothing is in its way, else it runs down a
//! lane beside the boxes. Labels are placed along their line where they hit no box
//! and no other label. Pure: the tests check there are no overlaps at every width.

use crate::diagram::{text_width, wrap_text, Point, Rect};

/// Below this container width the diagram stacks vertically.
pub const STACK_BELOW: f64 = 600.0;

pub const TITLE_PX: f64 = 14.0;
pub const TITLE_LINE: f64 = 18.0;
pub const CAPTION_PX: f64 = 12.0;
pub const CAPTION_LINE: f64 = 16.0;
pub const LABEL_PX: f64 = 12.0;
pub const LABEL_LINE: f64 = 15.0;
pub const BADGE_W: f64 = 28.0;
pub const BADGE_H: f64 = 18.0;
/// The shared width estimate is for a regular weight; titles and labels are bold, and
/// wide fallback fonts (DejaVu Sans) run wider still: boxes are sized for those.
const BOLD_SCALE: f64 = 1.22;
const PAD: f64 = 8.0;
const BADGE_GAP: f64 = 6.0;
/// Space between the last title line and the badge row.
const BADGE_TOP_GAP: f64 = 4.0;
const LABEL_PAD_X: f64 = 4.0;
/// Makes a one-line label 24 px tall: it is a button, and 24 px is the smallest target.
const LABEL_PAD_Y: f64 = 4.5;
const MARGIN: f64 = 4.0;
const LANE_GAP: f64 = 12.0;
/// Parallel lines between the same two boxes sit this far apart.
const PARALLEL_GAP: f64 = 12.0;
/// Lines keep this far from boxes they do not touch.
const CLEARANCE: f64 = 6.0;
/// Space for the caption above the row of boxes tied to nothing.
const CONTEXT_CAPTION: f64 = 28.0;

/// The caption over the boxes the reports name but the diagram ties to nothing.
pub const CONTEXT_TITLE: &str = "Also named in the reports";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Narrow: one or two boxes a row, top to bottom.
    Stacked,
    /// Wide: tiers of up to four boxes.
    Tiered,
}

/// A box to place.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeSpec {
    pub id: String,
    pub badge: String,
    pub title: String,
    pub caption: String,
    /// Tied to nothing on the diagram: goes to the row at the bottom.
    pub context: bool,
}

/// A line to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct EdgeSpec {
    pub id: String,
    pub from: String,
    pub to: String,
    /// One entry per line of the label.
    pub label: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NodeBox {
    pub id: String,
    pub rect: Rect,
    pub badge: Rect,
    pub title_lines: Vec<String>,
    /// Left edge of the title.
    pub title_x: f64,
    /// Baseline of the first title line.
    pub title_y: f64,
    pub caption: String,
    pub caption_x: f64,
    pub caption_y: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct EdgeLine {
    pub id: String,
    pub from: String,
    pub to: String,
    /// A polyline from the source's border to the target's border.
    pub points: Vec<Point>,
    pub label: Rect,
    /// The text the label was placed for (a what-if value at its widest, "100%": the
    /// diagram draws the current value in the same place).
    pub label_lines: Vec<String>,
    /// True when the line runs down a lane instead of straight across.
    pub routed: bool,
}

impl EdgeLine {
    /// The SVG `points` attribute.
    pub fn svg_points(&self) -> String {
        self.points
            .iter()
            .map(|p| format!("{:.1},{:.1}", p.x, p.y))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Baseline of each label line, centred in the label box.
    pub fn label_baselines(&self) -> Vec<f64> {
        (0..self.label_lines.len())
            .map(|i| self.label.y + LABEL_PAD_Y + LABEL_LINE * (i as f64) + LABEL_PX)
            .collect()
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub mode: Mode,
    pub nodes: Vec<NodeBox>,
    pub edges: Vec<EdgeLine>,
    /// Where the "also named" caption's baseline starts, if there is such a row.
    pub context_caption: Option<Point>,
}

/// Where a box goes in one arrangement: a row, and a column (fractions centre a box
/// between two columns).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Slot {
    row: usize,
    col: f64,
}

/// The stacked arrangement: two columns. The two lanes on the left carry the ministry's
/// guidance to LY and the rest of LY's shares, which nothing straight can reach.
const STACKED_SLOTS: &[(&str, usize, f64)] = &[
    ("mic", 0, 0.5),
    ("softbank", 1, 0.0),
    ("naver", 1, 1.0),
    ("a-holdings", 2, 0.0),
    ("naver-cloud", 3, 1.0),
    ("ly", 4, 0.0),
    ("subcontractor", 4, 1.0),
    ("line", 5, 0.0),
    ("yahoo", 5, 1.0),
    ("rest-of-ly", 6, 0.5),
];

/// The tiered arrangement: four columns. Owners of A Holdings on top; the owners of LY
/// (A Holdings and the rest) below; LY under Naver, so Naver's outsourcing line runs
/// straight down between A Holdings and Naver Cloud; the ministry bottom left.
const TIERED_SLOTS: &[(&str, usize, f64)] = &[
    ("softbank", 0, 1.0),
    ("naver", 0, 2.0),
    ("rest-of-ly", 1, 0.0),
    ("a-holdings", 1, 1.5),
    ("naver-cloud", 1, 3.0),
    ("ly", 2, 2.0),
    ("subcontractor", 2, 3.0),
    ("mic", 3, 0.0),
    ("line", 3, 1.5),
    ("yahoo", 3, 2.5),
];

impl Mode {
    pub fn for_width(width: f64) -> Mode {
        if width < STACK_BELOW {
            Mode::Stacked
        } else {
            Mode::Tiered
        }
    }

    fn columns(self) -> usize {
        match self {
            Mode::Stacked => 2,
            Mode::Tiered => 4,
        }
    }

    fn slots(self) -> &'static [(&'static str, usize, f64)] {
        match self {
            Mode::Stacked => STACKED_SLOTS,
            Mode::Tiered => TIERED_SLOTS,
        }
    }

    fn row_gap(self) -> f64 {
        match self {
            Mode::Stacked => 60.0,
            Mode::Tiered => 64.0,
        }
    }

    fn max_node_width(self) -> f64 {
        match self {
            Mode::Stacked => 190.0,
            Mode::Tiered => 210.0,
        }
    }
}

/// Lays the diagram out for a container `width` px wide (at least 280 is used).
pub fn layout(width: f64, nodes: &[NodeSpec], edges: &[EdgeSpec]) -> Layout {
    let width = width.max(280.0);
    let mode = Mode::for_width(width);
    // First pass without lanes tells how many lanes the second pass must make room for.
    let first = place(width, mode, nodes, edges, 0);
    let lanes = first.edges.iter().filter(|e| e.routed).count();
    if lanes == 0 {
        first
    } else {
        place(width, mode, nodes, edges, lanes)
    }
}

fn place(width: f64, mode: Mode, nodes: &[NodeSpec], edges: &[EdgeSpec], lanes: usize) -> Layout {
    let lane_space = if lanes > 0 {
        lanes as f64 * LANE_GAP + 2.0
    } else {
        0.0
    };
    let left = MARGIN + lane_space;
    let right = width - MARGIN;
    let columns = mode.columns();
    let col_width = (right - left) / columns as f64;
    let node_max = (col_width * 2.0 - 16.0).min(mode.max_node_width());
    let node_max_in_col = (col_width - 10.0).min(mode.max_node_width());

    // Slots: the arrangement's table; anything not in it (or tied to nothing) goes to
    // the bottom rows, `columns` to a row.
    let table = mode.slots();
    let main_rows = table.iter().map(|(_, r, _)| r + 1).max().unwrap_or(0);
    let mut slots: Vec<(usize, Slot)> = Vec::new();
    let mut extra = 0usize;
    for (i, node) in nodes.iter().enumerate() {
        let known = table
            .iter()
            .find(|(id, _, _)| *id == node.id)
            .filter(|_| !node.context);
        let slot = match known {
            Some(&(_, row, col)) => Slot { row, col },
            None => {
                let slot = Slot {
                    row: main_rows + extra / columns,
                    col: (extra % columns) as f64,
                };
                extra += 1;
                slot
            }
        };
        slots.push((i, slot));
    }
    let rows = main_rows + extra.div_ceil(columns);

    // Size each box: wrap the title to the widest box the slot allows, then shrink to fit.
    let centred = |slot: &Slot| slot.col.fract() != 0.0;
    let sized: Vec<(Vec<String>, f64, f64)> = slots
        .iter()
        .map(|(i, slot)| {
            let node = &nodes[*i];
            // A box alone in its row may use two columns' width in the stacked mode.
            let alone = slots.iter().filter(|(_, s)| s.row == slot.row).count() == 1;
            let max = if mode == Mode::Stacked && alone && centred(slot) {
                node_max
            } else {
                node_max_in_col
            };
            // The title takes the box's full width; the badge and caption share a row below.
            let lines = wrap_text(&node.title, (max - 2.0 * PAD) / BOLD_SCALE, TITLE_PX);
            let widest = lines
                .iter()
                .map(|l| text_width(l, TITLE_PX) * BOLD_SCALE)
                .chain([BADGE_W + BADGE_GAP + text_width(&node.caption, CAPTION_PX) * 1.1])
                .fold(0.0, f64::max);
            let needed = widest + 2.0 * PAD;
            // A word longer than the box may widen it up to its column.
            let column_max = if mode == Mode::Stacked && alone && centred(slot) {
                col_width * 2.0 - 8.0
            } else {
                col_width - 6.0
            };
            let w = needed.clamp(96.0_f64.min(max), max.max(column_max.min(needed)));
            let h = 2.0 * PAD + lines.len() as f64 * TITLE_LINE + BADGE_TOP_GAP + BADGE_H;
            (lines, w, h)
        })
        .collect();

    // Row heights and tops.
    let mut row_h = vec![0.0f64; rows];
    for ((_, slot), (_, _, h)) in slots.iter().zip(&sized) {
        row_h[slot.row] = row_h[slot.row].max(*h);
    }
    // A gap holds the labels of the short lines between its two rows: more than two
    // such lines get more room.
    let row_of = |id: &str| {
        slots
            .iter()
            .find(|(i, _)| nodes[*i].id == id)
            .map(|(_, s)| s.row)
    };
    let gap_after = |r: usize| {
        let short = edges
            .iter()
            .filter(|e| {
                let (Some(a), Some(b)) = (row_of(&e.from), row_of(&e.to)) else {
                    return false;
                };
                a.min(b) == r && a.max(b) == r + 1
            })
            .count();
        mode.row_gap() + short.saturating_sub(2) as f64 * (LABEL_LINE + 2.0 * LABEL_PAD_Y + 8.0)
    };
    let mut row_top = vec![0.0f64; rows];
    let mut y = MARGIN + 4.0;
    let mut context_caption = None;
    let mut last_gap = 0.0;
    for r in 0..rows {
        if r == main_rows && extra > 0 {
            y -= last_gap / 2.0;
            context_caption = Some(Point::new(left, y + 14.0));
            y += CONTEXT_CAPTION;
        }
        row_top[r] = y;
        last_gap = if r + 1 < main_rows {
            gap_after(r)
        } else {
            mode.row_gap() * 0.5
        };
        y += row_h[r] + last_gap;
    }
    let height = y - last_gap + MARGIN + 8.0;

    let col_center = |col: f64| left + (col + 0.5) * col_width;
    let boxes: Vec<NodeBox> = slots
        .iter()
        .zip(sized)
        .map(|((i, slot), (lines, w, h))| {
            let node = &nodes[*i];
            let cx = col_center(slot.col).clamp(left + w / 2.0, right - w / 2.0);
            let cy = row_top[slot.row] + row_h[slot.row] / 2.0;
            let rect = Rect::centered(Point::new(cx, cy), w, h);
            let badge = Rect::new(
                rect.x + PAD,
                rect.y + PAD + lines.len() as f64 * TITLE_LINE + BADGE_TOP_GAP,
                BADGE_W,
                BADGE_H,
            );
            let title_x = rect.x + PAD;
            let title_y = rect.y + PAD + TITLE_PX - 1.0;
            let caption_x = badge.right() + BADGE_GAP;
            let caption_y = badge.y + BADGE_H / 2.0 + CAPTION_PX / 3.0;
            NodeBox {
                id: node.id.clone(),
                rect,
                badge,
                title_lines: lines,
                title_x,
                title_y,
                caption: node.caption.clone(),
                caption_x,
                caption_y,
            }
        })
        .collect();

    let lines = route(&boxes, edges, left, lanes);
    let mut layout = Layout {
        width,
        height,
        mode,
        nodes: boxes,
        edges: lines,
        context_caption,
    };
    place_labels(&mut layout);
    layout
}

/// Where a ray from `inside` towards `toward` leaves `rect`.
fn exit_point(rect: &Rect, inside: Point, toward: Point) -> Point {
    let (dx, dy) = (toward.x - inside.x, toward.y - inside.y);
    let mut t = f64::INFINITY;
    if dx > 0.0 {
        t = t.min((rect.right() - inside.x) / dx);
    } else if dx < 0.0 {
        t = t.min((rect.x - inside.x) / dx);
    }
    if dy > 0.0 {
        t = t.min((rect.bottom() - inside.y) / dy);
    } else if dy < 0.0 {
        t = t.min((rect.y - inside.y) / dy);
    }
    if !t.is_finite() {
        return inside;
    }
    Point::new(inside.x + dx * t, inside.y + dy * t)
}

/// True when the segment `a`–`b` passes through `rect` (Liang–Barsky clipping).
pub fn segment_hits(a: Point, b: Point, rect: &Rect) -> bool {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let mut t0: f64 = 0.0;
    let mut t1: f64 = 1.0;
    for (p, q) in [
        (-dx, a.x - rect.x),
        (dx, rect.right() - a.x),
        (-dy, a.y - rect.y),
        (dy, rect.bottom() - a.y),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return false;
            }
        } else {
            let r = q / p;
            if p < 0.0 {
                t0 = t0.max(r);
            } else {
                t1 = t1.min(r);
            }
        }
    }
    t0 < t1
}

/// Straight lines where nothing is in the way, lanes on the left or right otherwise.
fn route(boxes: &[NodeBox], edges: &[EdgeSpec], left: f64, lanes: usize) -> Vec<EdgeLine> {
    let find = |id: &str| boxes.iter().find(|b| b.id == id);
    let mut lane_used = 0usize;
    let mut out = Vec::new();
    for edge in edges {
        let (Some(a), Some(b)) = (find(&edge.from), find(&edge.to)) else {
            continue;
        };
        // Parallel lines between the same pair are spread apart.
        let pair: Vec<&EdgeSpec> = edges
            .iter()
            .filter(|e| {
                (e.from == edge.from && e.to == edge.to) || (e.from == edge.to && e.to == edge.from)
            })
            .collect();
        let index = pair.iter().position(|e| e.id == edge.id).unwrap_or(0);
        let offset = (index as f64 - (pair.len() as f64 - 1.0) / 2.0) * PARALLEL_GAP;
        let (ca, cb) = (a.rect.center(), b.rect.center());
        let len = ((cb.x - ca.x).powi(2) + (cb.y - ca.y).powi(2))
            .sqrt()
            .max(1.0);
        let normal = Point::new(-(cb.y - ca.y) / len, (cb.x - ca.x) / len);
        let sa = Point::new(ca.x + normal.x * offset, ca.y + normal.y * offset);
        let sb = Point::new(cb.x + normal.x * offset, cb.y + normal.y * offset);
        let start = exit_point(&a.rect, sa, sb);
        let end = exit_point(&b.rect, sb, sa);
        let blocked = boxes
            .iter()
            .filter(|o| o.id != a.id && o.id != b.id)
            .any(|o| segment_hits(start, end, &o.rect.inflate(CLEARANCE)));
        // A lane is on the left: only boxes with nothing to their left can reach it.
        let leftmost = |n: &NodeBox| {
            !boxes.iter().any(|o| {
                o.id != n.id
                    && o.rect.right() <= n.rect.x
                    && o.rect.y < n.rect.bottom()
                    && n.rect.y < o.rect.bottom()
            })
        };
        let lane = blocked && leftmost(a) && leftmost(b);
        if !lane || lanes == 0 {
            out.push(EdgeLine {
                id: edge.id.clone(),
                from: edge.from.clone(),
                to: edge.to.clone(),
                points: vec![start, end],
                label: Rect::new(0.0, 0.0, 0.0, 0.0),
                label_lines: edge.label.clone(),
                routed: lane,
            });
            continue;
        }
        // A lane left of every box: out of the source's left side, down (or up), and
        // into the target's left side. Inner lanes first.
        let lane_x = left - 2.0 - LANE_GAP * (lane_used as f64 + 0.5);
        lane_used += 1;
        // Several lanes into one box arrive at different heights.
        let ya = ca.y + lane_attach_offset(boxes, edges, a, edge);
        let yb = cb.y + lane_attach_offset(boxes, edges, b, edge);
        let points = vec![
            Point::new(a.rect.x, ya),
            Point::new(lane_x, ya),
            Point::new(lane_x, yb),
            Point::new(b.rect.x, yb),
        ];
        out.push(EdgeLine {
            id: edge.id.clone(),
            from: edge.from.clone(),
            to: edge.to.clone(),
            points,
            label: Rect::new(0.0, 0.0, 0.0, 0.0),
            label_lines: edge.label.clone(),
            routed: true,
        });
    }
    out
}

/// How far from a box's middle a lane line attaches, so lanes into one box stay apart.
/// Only edges that must run down a lane count (judged as in [`route`]).
fn lane_attach_offset(
    boxes: &[NodeBox],
    edges: &[EdgeSpec],
    node: &NodeBox,
    edge: &EdgeSpec,
) -> f64 {
    let find = |id: &str| boxes.iter().find(|b| b.id == id);
    let needs_lane = |e: &EdgeSpec| {
        let (Some(a), Some(b)) = (find(&e.from), find(&e.to)) else {
            return false;
        };
        let (start, end) = (
            a.rect.border_toward(b.rect.center()),
            b.rect.border_toward(a.rect.center()),
        );
        let leftmost = |n: &NodeBox| {
            !boxes.iter().any(|o| {
                o.id != n.id
                    && o.rect.right() <= n.rect.x
                    && o.rect.y < n.rect.bottom()
                    && n.rect.y < o.rect.bottom()
            })
        };
        leftmost(a)
            && leftmost(b)
            && boxes
                .iter()
                .filter(|o| o.id != a.id && o.id != b.id)
                .any(|o| segment_hits(start, end, &o.rect.inflate(CLEARANCE)))
    };
    let touching: Vec<&EdgeSpec> = edges
        .iter()
        .filter(|e| e.from == node.id || e.to == node.id)
        .filter(|e| needs_lane(e))
        .collect();
    let index = touching.iter().position(|e| e.id == edge.id).unwrap_or(0);
    (index as f64 - (touching.len() as f64 - 1.0) / 2.0) * PARALLEL_GAP
}

fn label_size(lines: &[String]) -> (f64, f64) {
    let w = lines
        .iter()
        .map(|l| text_width(l, LABEL_PX) * BOLD_SCALE)
        .fold(0.0, f64::max)
        + 2.0 * LABEL_PAD_X;
    let h = lines.len() as f64 * LABEL_LINE + 2.0 * LABEL_PAD_Y;
    (w, h)
}

/// The point at fraction `t` of a polyline's length.
fn point_along(points: &[Point], t: f64) -> Point {
    let seg_len = |a: Point, b: Point| ((b.x - a.x).powi(2) + (b.y - a.y).powi(2)).sqrt();
    let total: f64 = points.windows(2).map(|w| seg_len(w[0], w[1])).sum();
    let mut remaining = total * t;
    for w in points.windows(2) {
        let l = seg_len(w[0], w[1]);
        if remaining <= l && l > 0.0 {
            let f = remaining / l;
            return Point::new(
                w[0].x + (w[1].x - w[0].x) * f,
                w[0].y + (w[1].y - w[0].y) * f,
            );
        }
        remaining -= l;
    }
    *points.last().unwrap_or(&Point::new(0.0, 0.0))
}

/// Puts each label on its line where it overlaps no box, no other label and stays on
/// the canvas. Ownership labels (the percentages) are placed first, so they get the
/// best spots.
fn place_labels(layout: &mut Layout) {
    let is_share = |lines: &[String]| lines.first().is_some_and(|l| l.ends_with('%'));
    let mut order: Vec<usize> = (0..layout.edges.len()).collect();
    // Shares first, then lines down a lane (the fewest free spots), then the rest.
    order.sort_by_key(|&i| {
        let edge = &layout.edges[i];
        (!is_share(&edge.label_lines), !edge.routed)
    });
    let obstacles: Vec<Rect> = layout
        .nodes
        .iter()
        .map(|n| n.rect.inflate(3.0))
        .chain(layout.context_caption.map(caption_rect))
        .collect();
    let mut placed: Vec<Rect> = Vec::new();
    const TS: [f64; 13] = [
        0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.12, 0.88, 0.06, 0.94,
    ];
    for i in order {
        let (w, h) = label_size(&layout.edges[i].label_lines);
        let points = layout.edges[i].points.clone();
        // A label on a lane sits on the lane line, reading to its right, so it is seen
        // to belong to that line and not to the boxes beside it.
        let on_lane = if layout.edges[i].routed {
            (-3.0, -h / 2.0)
        } else {
            (-w / 2.0, -h / 2.0)
        };
        let mut chosen = None;
        'search: for t in TS {
            let p = point_along(&points, t);
            for (ax, ay) in [
                on_lane,
                (-w / 2.0, -h / 2.0),
                (6.0, -h / 2.0),
                (-w - 6.0, -h / 2.0),
                (-w / 2.0, -h - 4.0),
                (-w / 2.0, 4.0),
                (6.0, -h - 2.0),
                (-w - 6.0, 2.0),
            ] {
                let r = Rect::new(p.x + ax, p.y + ay, w, h);
                let on_canvas = r.x >= 0.0
                    && r.right() <= layout.width
                    && r.y >= 0.0
                    && r.bottom() <= layout.height;
                if on_canvas
                    && obstacles.iter().all(|o| !o.overlaps(&r))
                    && placed.iter().all(|o| !o.inflate(2.0).overlaps(&r))
                {
                    chosen = Some(r);
                    break 'search;
                }
            }
        }
        let rect = chosen.unwrap_or_else(|| {
            let p = point_along(&points, 0.5);
            Rect::new(p.x - w / 2.0, p.y - h / 2.0, w, h)
        });
        placed.push(rect);
        layout.edges[i].label = rect;
    }
}

/// The space the "also named" caption takes (set in capitals, bold, spaced out).
fn caption_rect(baseline_start: Point) -> Rect {
    let width = text_width(&CONTEXT_TITLE.to_uppercase(), 13.0) * BOLD_SCALE
        + 0.03 * 13.0 * CONTEXT_TITLE.len() as f64;
    Rect::new(baseline_start.x, baseline_start.y - 14.0, width, 18.0)
}

/// A direction for arrow-key moves between boxes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

impl Direction {
    pub fn from_key(key: &str) -> Option<Direction> {
        match key {
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            "ArrowLeft" => Some(Direction::Left),
            "ArrowRight" => Some(Direction::Right),
            _ => None,
        }
    }
}

impl Layout {
    pub fn node(&self, id: &str) -> Option<&NodeBox> {
        self.nodes.iter().find(|n| n.id == id)
    }

    pub fn edge(&self, id: &str) -> Option<&EdgeLine> {
        self.edges.iter().find(|e| e.id == id)
    }

    /// The box an arrow key moves to from the box or edge label `from`: the nearest
    /// one in that direction, preferring those in line with it.
    pub fn neighbour(&self, from: &str, direction: Direction) -> Option<String> {
        let origin = self
            .node(from)
            .map(|n| n.rect.center())
            .or_else(|| self.edge(from).map(|e| e.label.center()))?;
        self.nodes
            .iter()
            .filter(|n| n.id != from)
            .filter_map(|n| {
                let c = n.rect.center();
                let (along, across) = match direction {
                    Direction::Right => (c.x - origin.x, c.y - origin.y),
                    Direction::Left => (origin.x - c.x, c.y - origin.y),
                    Direction::Down => (c.y - origin.y, c.x - origin.x),
                    Direction::Up => (origin.y - c.y, c.x - origin.x),
                };
                (along > 1.0).then_some((along + 2.0 * across.abs(), n))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, n)| n.id.clone())
    }

    /// Boxes and label rectangles that overlap, by id: empty for a good layout.
    pub fn overlaps(&self) -> Vec<(String, String)> {
        let mut items: Vec<(String, Rect)> = self
            .nodes
            .iter()
            .map(|n| (n.id.clone(), n.rect))
            .chain(
                self.edges
                    .iter()
                    .map(|e| (format!("label:{}", e.id), e.label)),
            )
            .collect();
        if let Some(p) = self.context_caption {
            items.push(("caption".into(), caption_rect(p)));
        }
        let mut found = Vec::new();
        for (i, (a, ra)) in items.iter().enumerate() {
            for (b, rb) in &items[i + 1..] {
                if ra.overlaps(rb) {
                    found.push((a.clone(), b.clone()));
                }
            }
        }
        found
    }

    /// Lines that pass through a box other than their own two ends.
    pub fn lines_through_boxes(&self) -> Vec<(String, String)> {
        let mut found = Vec::new();
        for edge in &self.edges {
            for node in &self.nodes {
                if node.id == edge.from || node.id == edge.to {
                    continue;
                }
                if edge
                    .points
                    .windows(2)
                    .any(|w| segment_hits(w[0], w[1], &node.rect))
                {
                    found.push((edge.id.clone(), node.id.clone()));
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{story, Lang};
    use crate::ownership::graph::Graph;
    use crate::ownership::graph::{edge_label, label_to_place, specs};
    use crate::ownership::stakes::Split;

    fn story_layout(width: f64) -> Layout {
        let graph = Graph::from_story(story());
        let (nodes, edges) = specs(&graph, story(), Lang::En);
        layout(width, &nodes, &edges)
    }

    fn assert_clean(width: f64) {
        let l = story_layout(width);
        assert!(l.overlaps().is_empty(), "at {width}px: {:?}", l.overlaps());
        assert!(
            l.lines_through_boxes().is_empty(),
            "at {width}px: {:?}",
            l.lines_through_boxes()
        );
        for n in &l.nodes {
            assert!(
                n.rect.x >= 0.0 && n.rect.right() <= width,
                "{} off canvas at {width}",
                n.id
            );
            assert!(
                n.rect.bottom() <= l.height,
                "{} below the canvas at {width}",
                n.id
            );
        }
        for e in &l.edges {
            assert!(
                e.label.x >= 0.0 && e.label.right() <= width + 0.01,
                "label {} off canvas at {width}: {:?}",
                e.id,
                e.label
            );
        }
    }

    #[test]
    fn no_overlaps_on_a_phone() {
        assert_clean(360.0);
        assert_clean(328.0);
    }

    #[test]
    fn no_overlaps_on_a_tablet() {
        assert_clean(768.0);
    }

    #[test]
    fn no_overlaps_on_a_wide_screen() {
        assert_clean(1280.0);
    }

    #[test]
    fn no_overlaps_at_any_width() {
        // One layout for the what-if on and off (graph::specs).
        for width in (280..=1600).step_by(8) {
            assert_clean(width as f64);
        }
    }

    #[test]
    fn every_what_if_value_fits_the_label_placed_for_it() {
        // The layout places the two parent lines' labels once for the whole slider, the
        // reported split too (graph::label_to_place); each label they can show must fit.
        let graph = Graph::from_story(story());
        let parents: Vec<_> = graph
            .edges
            .iter()
            .filter(|e| e.split_parent().is_some())
            .collect();
        assert_eq!(parents.len(), 2);
        for lang in Lang::ALL {
            for edge in &parents {
                for softbank in 0..=100u8 {
                    let split = Split::new(f64::from(softbank));
                    let shown = edge_label(edge, story(), lang, split);
                    let placed = label_to_place(edge, story(), lang);
                    assert_eq!(shown.len(), placed.len(), "{} at {softbank}", edge.id);
                    assert!(
                        label_size(&shown).0 <= label_size(&placed).0,
                        "{} at {softbank} in {lang:?}: {shown:?} wider than {placed:?}",
                        edge.id
                    );
                }
            }
        }
    }

    #[test]
    fn phones_stack_and_wide_screens_use_tiers() {
        assert_eq!(story_layout(360.0).mode, Mode::Stacked);
        assert_eq!(story_layout(768.0).mode, Mode::Tiered);
        let wide = story_layout(1280.0);
        let y = |id: &str| wide.node(id).unwrap().rect.center().y;
        // Owners above what they own, in tiers.
        assert_eq!(y("softbank"), y("naver"));
        assert!(y("softbank") < y("a-holdings") && y("a-holdings") < y("ly"));
        let narrow = story_layout(360.0);
        assert!(narrow.height > wide.height, "the stack is the taller");
    }

    #[test]
    fn every_node_and_edge_of_the_graph_is_placed() {
        let graph = Graph::from_story(story());
        for width in [360.0, 1280.0] {
            let l = story_layout(width);
            for n in &graph.nodes {
                assert!(l.node(&n.id).is_some(), "{} at {width}", n.id);
            }
            for e in &graph.edges {
                assert!(l.edge(&e.id).is_some(), "{} at {width}", e.id);
            }
        }
    }

    #[test]
    fn parallel_lines_do_not_coincide() {
        let l = story_layout(1280.0);
        let a = l.edge("naver-cloud-serves-ly").unwrap();
        let b = l.edge("shared-internal-system").unwrap();
        assert_ne!(a.points, b.points);
    }

    #[test]
    fn lines_start_and_end_on_their_boxes() {
        let l = story_layout(1280.0);
        for e in &l.edges {
            let from = l.node(&e.from).unwrap().rect.inflate(0.5);
            let to = l.node(&e.to).unwrap().rect.inflate(0.5);
            assert!(from.contains(e.points[0]), "{} starts off its box", e.id);
            assert!(
                to.contains(*e.points.last().unwrap()),
                "{} ends off its box",
                e.id
            );
        }
    }

    #[test]
    fn arrow_keys_move_to_the_box_in_that_direction() {
        let l = story_layout(1280.0);
        assert_eq!(
            l.neighbour("softbank", Direction::Right).as_deref(),
            Some("naver")
        );
        assert_eq!(
            l.neighbour("naver", Direction::Left).as_deref(),
            Some("softbank")
        );
        assert_eq!(
            l.neighbour("a-holdings", Direction::Up)
                .as_deref()
                .map(|id| id == "softbank" || id == "naver"),
            Some(true)
        );
        assert_eq!(l.neighbour("softbank", Direction::Up), None);
    }

    #[test]
    fn edge_labels_are_big_enough_to_tap() {
        for width in [360.0, 1280.0] {
            for e in &story_layout(width).edges {
                assert!(
                    e.label.height >= 24.0 && e.label.width >= 24.0,
                    "{} at {width}",
                    e.id
                );
            }
        }
    }

    #[test]
    fn segment_hit_test_matches_geometry() {
        let r = Rect::new(10.0, 10.0, 10.0, 10.0);
        assert!(segment_hits(
            Point::new(0.0, 15.0),
            Point::new(30.0, 15.0),
            &r
        ));
        assert!(!segment_hits(
            Point::new(0.0, 0.0),
            Point::new(30.0, 5.0),
            &r
        ));
        assert!(!segment_hits(
            Point::new(0.0, 15.0),
            Point::new(5.0, 15.0),
            &r
        ));
    }
}
