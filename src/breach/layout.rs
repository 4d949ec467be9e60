//! Where everything on the breach diagram goes: the path's nodes in order, the
//! companies' sides as labelled bands (the trust boundaries the intruder crossed),
//! and the links between nodes. Left to right when the container is wide enough,
//! top to bottom when it is not. Pure: the component measures its width and draws.

use crate::content::{BreachLink, BreachNode, Zone};
use crate::diagram::{text_width, wrap_text, Point, Rect};
use std::collections::VecDeque;

/// Containers at least this wide get the left-to-right layout: below it, five nodes
/// in a row are too narrow for words like "Subcontractor's".
pub const HORIZONTAL_MIN_WIDTH: f64 = 860.0;
/// Nodes of the top-to-bottom layout are at most this wide, centred.
const VERTICAL_NODE_MAX_PX: f64 = 460.0;
/// Narrower containers are laid out at this width (the SVG then scales down).
pub const MIN_WIDTH: f64 = 260.0;

pub const NODE_FONT_PX: f64 = 14.0;
pub const NODE_LINE_PX: f64 = 18.0;
pub const BAND_FONT_PX: f64 = 13.0;
/// Band labels are bold, wider than `text_width` estimates for regular text (and
/// fallback fonts such as DejaVu Sans are wider still).
const BAND_BOLD: f64 = 1.25;
pub const BAND_LINE_PX: f64 = 16.0;
/// Height of the row at the top of a node that shows the intruder or "not reached".
pub const BADGE_ROW_PX: f64 = 24.0;
/// Side of the square that marks a link's middle (where a cut shows its ✕).
pub const MARKER_PX: f64 = 20.0;

/// Outer margin.
const PAD: f64 = 8.0;
/// Padding inside a band, around its label and nodes.
const BAND_PAD: f64 = 10.0;
/// Space between consecutive nodes: room for a link, its arrowhead and its marker.
const GAP: f64 = 48.0;
/// Extra space between bands in the vertical layout.
const BAND_GAP: f64 = 16.0;
/// Padding inside a node around its label.
const NODE_PAD: f64 = 8.0;
/// Distance between lanes of links that skip nodes.
const LANE: f64 = 22.0;
/// Half the thickness of a link's hit area (so it is at least 24 px across).
const HIT_HALF: f64 = 16.0;
/// The same for a link in a lane, which has less room.
const LANE_HIT_HALF: f64 = 12.0;
/// Distance from the nodes to the first lane.
const LANE_OFFSET: f64 = 14.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    Horizontal,
    Vertical,
}

/// A company's side of the path: a labelled band behind its nodes.
#[derive(Clone, Debug, PartialEq)]
pub struct BandBox {
    pub zone: Zone,
    pub rect: Rect,
    pub label_lines: Vec<String>,
    /// Top-left of the label's block; the first baseline is `label_rect.y + BAND_FONT_PX`.
    pub label_rect: Rect,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NodeBox {
    pub id: String,
    pub zone: Zone,
    pub rect: Rect,
    /// The row at the top of the node for the intruder marker or "not reached".
    pub badge: Rect,
    pub label_lines: Vec<String>,
    /// The block the label's lines fill; the first baseline is `label_rect.y + NODE_FONT_PX`.
    pub label_rect: Rect,
}

impl NodeBox {
    /// Where the intruder marker sits when it is at this node.
    pub fn intruder_anchor(&self) -> Point {
        Point::new(
            self.badge.x + MARKER_PX / 2.0 + 2.0,
            self.badge.y + self.badge.height / 2.0,
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct LinkLine {
    pub id: String,
    pub from: String,
    pub to: String,
    /// The link's route, from the source node's border to the target's.
    pub points: Vec<Point>,
    /// The middle of the route, where a cut is marked.
    pub mid: Point,
    /// The square around `mid` that a cut marker fills.
    pub marker: Rect,
    /// The area that reacts to pointer and shows focus (at least 24 px across).
    pub hit: Rect,
}

impl LinkLine {
    /// The route as SVG path data.
    pub fn path_data(&self) -> String {
        polyline_data(&self.points)
    }

    /// The route drawn with a gap of `gap` px around its middle, for a cut link:
    /// the part before the gap and the part after it.
    pub fn split_around_mid(&self, gap: f64) -> (Vec<Point>, Vec<Point>) {
        let half = gap / 2.0;
        let mut before = Vec::new();
        let mut after = Vec::new();
        let mut walked = 0.0;
        let total = route_length(&self.points);
        let (cut_start, cut_end) = (total / 2.0 - half, total / 2.0 + half);
        for pair in self.points.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let length = distance(a, b);
            let at = |d: f64| {
                let t = if length == 0.0 { 0.0 } else { d / length };
                Point::new(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t)
            };
            let (start, end) = (walked, walked + length);
            if start < cut_start {
                if before.is_empty() {
                    before.push(a);
                }
                before.push(at(cut_start.min(end) - start));
            }
            if end > cut_end {
                if after.is_empty() {
                    after.push(at(cut_end.max(start) - start));
                }
                after.push(b);
            }
            walked = end;
        }
        (before, after)
    }
}

/// SVG path data for a polyline.
pub fn polyline_data(points: &[Point]) -> String {
    points
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{}{:.1},{:.1}", if i == 0 { "M" } else { "L" }, p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ")
}

fn distance(a: Point, b: Point) -> f64 {
    ((b.x - a.x).powi(2) + (b.y - a.y).powi(2)).sqrt()
}

fn route_length(points: &[Point]) -> f64 {
    points.windows(2).map(|p| distance(p[0], p[1])).sum()
}

/// The point halfway along a route.
fn route_middle(points: &[Point]) -> Point {
    let half = route_length(points) / 2.0;
    let mut walked = 0.0;
    for pair in points.windows(2) {
        let length = distance(pair[0], pair[1]);
        if walked + length >= half && length > 0.0 {
            let t = (half - walked) / length;
            return Point::new(
                pair[0].x + (pair[1].x - pair[0].x) * t,
                pair[0].y + (pair[1].y - pair[0].y) * t,
            );
        }
        walked += length;
    }
    points.first().copied().unwrap_or(Point::new(0.0, 0.0))
}

#[derive(Clone, Debug, PartialEq)]
pub struct BreachLayout {
    pub width: f64,
    pub height: f64,
    pub orientation: Orientation,
    pub bands: Vec<BandBox>,
    pub nodes: Vec<NodeBox>,
    pub links: Vec<LinkLine>,
}

impl BreachLayout {
    pub fn node(&self, id: &str) -> Option<&NodeBox> {
        self.nodes.iter().find(|node| node.id == id)
    }

    pub fn link(&self, id: &str) -> Option<&LinkLine> {
        self.links.iter().find(|link| link.id == id)
    }
}

/// Indices of `nodes` along the path: breadth-first from the start node (the first
/// one no link points to), then any node not on the path, in story order.
pub fn path_order(nodes: &[BreachNode], links: &[BreachLink]) -> Vec<usize> {
    let index = |id: &str| nodes.iter().position(|node| node.id == id);
    let mut order: Vec<usize> = Vec::with_capacity(nodes.len());
    let start = super::reach::start_node(nodes, links).and_then(|node| index(&node.id));
    let mut queue: VecDeque<usize> = start.into_iter().collect();
    order.extend(start);
    while let Some(at) = queue.pop_front() {
        for link in links.iter().filter(|link| link.from == nodes[at].id) {
            if let Some(next) = index(&link.to) {
                if !order.contains(&next) {
                    order.push(next);
                    queue.push_back(next);
                }
            }
        }
    }
    for i in 0..nodes.len() {
        if !order.contains(&i) {
            order.push(i);
        }
    }
    order
}

/// Lays out the diagram for a container `width` px wide, with node labels in the
/// reader's language (`label`) and band labels from `zone_label`.
pub fn layout(
    nodes: &[BreachNode],
    links: &[BreachLink],
    width: f64,
    label: impl Fn(&BreachNode) -> String,
    zone_label: impl Fn(Zone) -> String,
) -> BreachLayout {
    let width = width.max(MIN_WIDTH);
    let order = path_order(nodes, links);
    // Runs of consecutive nodes on the same side make one band each.
    let mut runs: Vec<(Zone, Vec<usize>)> = Vec::new();
    for &i in &order {
        match runs.last_mut() {
            Some((zone, members)) if *zone == nodes[i].zone => members.push(i),
            _ => runs.push((nodes[i].zone, vec![i])),
        }
    }
    let position = |id: &str| {
        order
            .iter()
            .position(|&i| nodes[i].id == id)
            .unwrap_or(usize::MAX)
    };
    // Links between neighbours on the path are drawn straight; any other link gets
    // its own lane beside the path.
    let skipping: Vec<&BreachLink> = links
        .iter()
        .filter(|link| position(&link.to) != position(&link.from).wrapping_add(1))
        .collect();
    if width >= HORIZONTAL_MIN_WIDTH {
        horizontal(
            nodes,
            links,
            &order,
            &runs,
            &skipping,
            width,
            &label,
            &zone_label,
        )
    } else {
        vertical(nodes, links, &runs, &skipping, width, &label, &zone_label)
    }
}

fn label_block(lines: &[String], x: f64, y: f64, font: f64, line: f64) -> Rect {
    let widest = lines
        .iter()
        .map(|l| text_width(l, font))
        .fold(0.0, f64::max);
    Rect::new(x, y, widest, lines.len() as f64 * line)
}

/// The area around the segment `a`–`b` that reacts to the pointer, `2 * half` across.
fn hit_around(a: Point, b: Point, half: f64) -> Rect {
    let x = a.x.min(b.x);
    let y = a.y.min(b.y);
    let w = (a.x - b.x).abs();
    let h = (a.y - b.y).abs();
    if w >= h {
        Rect::new(x, y - half, w, 2.0 * half)
    } else {
        Rect::new(x - half, y, 2.0 * half, h)
    }
}

#[allow(clippy::too_many_arguments)]
fn horizontal(
    nodes: &[BreachNode],
    links: &[BreachLink],
    order: &[usize],
    runs: &[(Zone, Vec<usize>)],
    skipping: &[&BreachLink],
    width: f64,
    label: &impl Fn(&BreachNode) -> String,
    zone_label: &impl Fn(Zone) -> String,
) -> BreachLayout {
    let count = order.len().max(1) as f64;
    let node_width = (width - 2.0 * (PAD + BAND_PAD) - (count - 1.0) * GAP) / count;
    let node_x = |k: usize| PAD + BAND_PAD + k as f64 * (node_width + GAP);
    let node_lines: Vec<Vec<String>> = order
        .iter()
        .map(|&i| wrap_text(&label(&nodes[i]), node_width - 2.0 * NODE_PAD, NODE_FONT_PX))
        .collect();
    let max_lines = node_lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let node_height = BADGE_ROW_PX + max_lines as f64 * NODE_LINE_PX + 2.0 * NODE_PAD;

    // Bands: one column of nodes each; labels share one row so the nodes align.
    let mut band_labels: Vec<Vec<String>> = Vec::new();
    let mut k = 0;
    let mut band_spans: Vec<(usize, usize)> = Vec::new();
    for (zone, members) in runs {
        let first = k;
        let last = k + members.len() - 1;
        k += members.len();
        let inner = node_x(last) + node_width - node_x(first);
        band_labels.push(wrap_text(
            &zone_label(*zone),
            inner,
            BAND_FONT_PX * BAND_BOLD,
        ));
        band_spans.push((first, last));
    }
    let label_rows = band_labels.iter().map(Vec::len).max().unwrap_or(1);
    let label_height = label_rows as f64 * BAND_LINE_PX;
    let node_y = PAD + BAND_PAD + label_height + 8.0;
    let lanes_top = node_y + node_height + BAND_PAD;
    let lanes_height = if skipping.is_empty() {
        0.0
    } else {
        LANE_OFFSET + skipping.len() as f64 * LANE
    };
    let band_height = lanes_top + lanes_height - PAD;

    let bands = runs
        .iter()
        .zip(band_labels)
        .zip(&band_spans)
        .map(|(((zone, _), lines), &(first, last))| {
            let x = node_x(first) - BAND_PAD;
            let rect = Rect::new(
                x,
                PAD,
                node_x(last) + node_width + BAND_PAD - x,
                band_height,
            );
            let label_rect = label_block(
                &lines,
                x + BAND_PAD,
                PAD + BAND_PAD,
                BAND_FONT_PX * BAND_BOLD,
                BAND_LINE_PX,
            );
            BandBox {
                zone: *zone,
                rect,
                label_lines: lines,
                label_rect,
            }
        })
        .collect();

    let boxes: Vec<NodeBox> = order
        .iter()
        .zip(node_lines)
        .enumerate()
        .map(|(k, (&i, lines))| {
            let rect = Rect::new(node_x(k), node_y, node_width, node_height);
            node_box(&nodes[i], rect, lines)
        })
        .collect();

    let mut lane = 0;
    let line_links = links
        .iter()
        .filter_map(|link| {
            let from = boxes.iter().position(|b| b.id == link.from)?;
            let to = boxes.iter().position(|b| b.id == link.to)?;
            let (a, b) = (&boxes[from].rect, &boxes[to].rect);
            let points = if to == from + 1 {
                let y = a.y + a.height / 2.0;
                vec![Point::new(a.right(), y), Point::new(b.x, y)]
            } else {
                // Below the nodes, in a lane of its own.
                let y = lanes_top + LANE_OFFSET + lane as f64 * LANE;
                lane += 1;
                let (ax, bx) = (a.center().x + 8.0, b.center().x - 8.0);
                vec![
                    Point::new(ax, a.bottom()),
                    Point::new(ax, y),
                    Point::new(bx, y),
                    Point::new(bx, b.bottom()),
                ]
            };
            Some(link_line(
                link,
                points,
                skipping.iter().any(|s| s.id == link.id),
            ))
        })
        .collect();

    BreachLayout {
        width,
        height: PAD + band_height + PAD,
        orientation: Orientation::Horizontal,
        bands,
        nodes: boxes,
        links: line_links,
    }
}

#[allow(clippy::too_many_arguments)]
fn vertical(
    nodes: &[BreachNode],
    links: &[BreachLink],
    runs: &[(Zone, Vec<usize>)],
    skipping: &[&BreachLink],
    width: f64,
    label: &impl Fn(&BreachNode) -> String,
    zone_label: &impl Fn(Zone) -> String,
) -> BreachLayout {
    // Lanes for links that skip nodes run down the right-hand side.
    let lanes_width = if skipping.is_empty() {
        0.0
    } else {
        LANE_OFFSET + skipping.len() as f64 * LANE
    };
    let room = width - 2.0 * (PAD + BAND_PAD) - lanes_width;
    let node_width = room.min(VERTICAL_NODE_MAX_PX);
    let node_x = PAD + BAND_PAD + (room - node_width) / 2.0;
    let centre_x = node_x + node_width / 2.0;
    // Band labels stay left of the links, which run down the middle.
    let label_width = centre_x - MARKER_PX / 2.0 - 6.0 - (PAD + BAND_PAD);

    let mut y = PAD;
    let mut bands = Vec::new();
    let mut boxes: Vec<NodeBox> = Vec::new();
    for (zone, members) in runs {
        let top = y;
        let lines = wrap_text(&zone_label(*zone), label_width, BAND_FONT_PX * BAND_BOLD);
        let label_rect = label_block(
            &lines,
            PAD + BAND_PAD,
            top + BAND_PAD,
            BAND_FONT_PX * BAND_BOLD,
            BAND_LINE_PX,
        );
        y = label_rect.bottom() + 8.0;
        for (m, &i) in members.iter().enumerate() {
            if m > 0 {
                y += GAP;
            }
            let lines = wrap_text(&label(&nodes[i]), node_width - 2.0 * NODE_PAD, NODE_FONT_PX);
            let height = BADGE_ROW_PX + lines.len().max(1) as f64 * NODE_LINE_PX + 2.0 * NODE_PAD;
            let rect = Rect::new(node_x, y, node_width, height);
            boxes.push(node_box(&nodes[i], rect, lines));
            y += height;
        }
        y += BAND_PAD;
        bands.push(BandBox {
            zone: *zone,
            rect: Rect::new(PAD, top, width - 2.0 * PAD, y - top),
            label_lines: lines,
            label_rect,
        });
        y += BAND_GAP;
    }
    let height = y - BAND_GAP + PAD;

    let mut lane = 0;
    let line_links = links
        .iter()
        .filter_map(|link| {
            let from = boxes.iter().position(|b| b.id == link.from)?;
            let to = boxes.iter().position(|b| b.id == link.to)?;
            let (a, b) = (&boxes[from].rect, &boxes[to].rect);
            let points = if to == from + 1 {
                vec![Point::new(centre_x, a.bottom()), Point::new(centre_x, b.y)]
            } else {
                let x = a.right() + LANE_OFFSET + lane as f64 * LANE;
                lane += 1;
                let (ay, by) = (a.center().y + 8.0, b.center().y - 8.0);
                vec![
                    Point::new(a.right(), ay),
                    Point::new(x, ay),
                    Point::new(x, by),
                    Point::new(b.right(), by),
                ]
            };
            Some(link_line(
                link,
                points,
                skipping.iter().any(|s| s.id == link.id),
            ))
        })
        .collect();

    BreachLayout {
        width,
        height,
        orientation: Orientation::Vertical,
        bands,
        nodes: boxes,
        links: line_links,
    }
}

fn node_box(node: &BreachNode, rect: Rect, lines: Vec<String>) -> NodeBox {
    let badge = Rect::new(
        rect.x + 4.0,
        rect.y + 2.0,
        rect.width - 8.0,
        BADGE_ROW_PX - 2.0,
    );
    let label_rect = label_block(
        &lines,
        rect.x + NODE_PAD,
        rect.y + BADGE_ROW_PX + NODE_PAD,
        NODE_FONT_PX,
        NODE_LINE_PX,
    );
    NodeBox {
        id: node.id.clone(),
        zone: node.zone,
        rect,
        badge,
        label_lines: lines,
        label_rect,
    }
}

fn link_line(link: &BreachLink, points: Vec<Point>, in_lane: bool) -> LinkLine {
    let mid = route_middle(&points);
    // A straight link reacts along its whole length; a laned one along its long middle leg.
    let hit = if in_lane && points.len() == 4 {
        hit_around(points[1], points[2], LANE_HIT_HALF)
    } else {
        hit_around(points[0], points[points.len() - 1], HIT_HALF)
    };
    LinkLine {
        id: link.id.clone(),
        from: link.from.clone(),
        to: link.to.clone(),
        marker: Rect::centered(mid, MARKER_PX, MARKER_PX),
        mid,
        points,
        hit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{story, Lang, Text};
    use crate::diagram::no_overlaps;

    /// Widths the diagram gets at 360, 768 and 1280 px viewports (302, 694, 1062),
    /// the viewport widths themselves, others around the layout switch, and a tiny one.
    const WIDTHS: [f64; 12] = [
        240.0, 296.0, 302.0, 328.0, 360.0, 694.0, 768.0, 859.0, 860.0, 1062.0, 1088.0, 1280.0,
    ];

    fn zone_name(zone: Zone) -> String {
        match zone {
            Zone::NaverSide => "Naver Cloud's side",
            Zone::Shared => "Shared by both",
            Zone::LySide => "LY's side (LINE)",
        }
        .to_owned()
    }

    fn story_layout(width: f64, lang: Lang) -> BreachLayout {
        let story = story();
        layout(
            &story.breach_nodes,
            &story.breach_links,
            width,
            |node| node.label.get(lang).to_owned(),
            zone_name,
        )
    }

    fn inside(outer: &Rect, inner: &Rect) -> bool {
        inner.x >= outer.x - 0.01
            && inner.y >= outer.y - 0.01
            && inner.right() <= outer.right() + 0.01
            && inner.bottom() <= outer.bottom() + 0.01
    }

    /// Every check the diagram needs to read cleanly at one width.
    fn assert_readable(layout: &BreachLayout) {
        let canvas = Rect::new(0.0, 0.0, layout.width, layout.height);
        let w = layout.width;
        // Labels and nodes never overlap one another.
        let mut solid: Vec<Rect> = layout.nodes.iter().map(|n| n.rect).collect();
        solid.extend(layout.bands.iter().map(|b| b.label_rect));
        solid.extend(layout.links.iter().map(|l| l.marker));
        assert!(no_overlaps(&solid), "overlap at {w}: {solid:?}");
        for node in &layout.nodes {
            assert!(
                inside(&node.rect, &node.label_rect),
                "{} label spills at {w}",
                node.id
            );
            assert!(
                inside(&node.rect, &node.badge),
                "{} badge spills at {w}",
                node.id
            );
            assert!(
                !node.badge.overlaps(&node.label_rect),
                "{} badge over label at {w}",
                node.id
            );
            assert!(inside(&canvas, &node.rect), "{} off canvas at {w}", node.id);
            let band = layout
                .bands
                .iter()
                .find(|b| b.rect.contains(node.rect.center()));
            assert!(band.is_some_and(|b| b.zone == node.zone && inside(&b.rect, &node.rect)));
        }
        for band in &layout.bands {
            assert!(
                inside(&band.rect, &band.label_rect),
                "band label spills at {w}"
            );
            assert!(inside(&canvas, &band.rect), "band off canvas at {w}");
        }
        assert!(no_overlaps(
            &layout.bands.iter().map(|b| b.rect).collect::<Vec<_>>()
        ));
        for link in &layout.links {
            // Hit areas are big enough to touch and stay off the nodes.
            assert!(
                link.hit.width >= 24.0 && link.hit.height >= 24.0,
                "{} hit at {w}",
                link.id
            );
            for node in &layout.nodes {
                assert!(
                    !link.hit.overlaps(&node.rect),
                    "{} hit over {} at {w}",
                    link.id,
                    node.id
                );
            }
            // Lines never run through a band's label.
            let line_box = link.points[1..]
                .iter()
                .fold(
                    Rect::new(link.points[0].x, link.points[0].y, 0.0, 0.0),
                    |r, p| r.union(&Rect::new(p.x, p.y, 0.0, 0.0)),
                )
                .inflate(2.0);
            for band in &layout.bands {
                assert!(
                    !line_box.overlaps(&band.label_rect),
                    "{} crosses a band label at {w}",
                    link.id
                );
            }
            assert!(
                inside(&canvas, &link.hit),
                "{} hit off canvas at {w}",
                link.id
            );
        }
    }

    #[test]
    fn nothing_overlaps_at_phone_tablet_and_desktop_widths_in_every_language() {
        for lang in Lang::ALL {
            for width in WIDTHS {
                assert_readable(&story_layout(width, lang));
            }
        }
    }

    #[test]
    fn narrow_containers_stack_the_path_and_wide_ones_lay_it_out_in_a_row() {
        assert_eq!(
            story_layout(328.0, Lang::En).orientation,
            Orientation::Vertical
        );
        assert_eq!(
            story_layout(720.0, Lang::En).orientation,
            Orientation::Vertical
        );
        assert_eq!(
            story_layout(860.0, Lang::En).orientation,
            Orientation::Horizontal
        );
        let wide = story_layout(1088.0, Lang::En);
        let xs: Vec<f64> = wide.nodes.iter().map(|n| n.rect.x).collect();
        assert!(xs.windows(2).all(|p| p[0] < p[1]), "{xs:?}");
        let narrow = story_layout(328.0, Lang::En);
        let ys: Vec<f64> = narrow.nodes.iter().map(|n| n.rect.y).collect();
        assert!(ys.windows(2).all(|p| p[0] < p[1]), "{ys:?}");
    }

    #[test]
    fn nodes_follow_the_path_and_sides_become_three_bands() {
        let layout = story_layout(1088.0, Lang::En);
        let ids: Vec<&str> = layout.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "subcontractor-pc",
                "naver-cloud-server",
                "shared-system",
                "ly-internal",
                "personal-data"
            ]
        );
        let zones: Vec<Zone> = layout.bands.iter().map(|b| b.zone).collect();
        assert_eq!(zones, [Zone::NaverSide, Zone::Shared, Zone::LySide]);
        assert_eq!(layout.links.len(), story().breach_links.len());
    }

    #[test]
    fn the_layout_fills_the_container_width() {
        for width in WIDTHS {
            let layout = story_layout(width, Lang::En);
            assert_eq!(layout.width, width.max(MIN_WIDTH));
            let right = layout
                .bands
                .iter()
                .map(|b| b.rect.right())
                .fold(0.0, f64::max);
            assert!(
                (right - (layout.width - PAD)).abs() < 0.01,
                "{width}: {right}"
            );
        }
    }

    #[test]
    fn long_cjk_and_latin_labels_still_do_not_overlap() {
        let mut nodes = story().breach_nodes.clone();
        for node in &mut nodes {
            node.label = Text {
                en: format!(
                    "{} {}",
                    node.label.en, "with a much longer description attached"
                ),
                ja: "委託先の従業員のパソコンがマルウェアに感染し社内システムに不正アクセスされた"
                    .to_owned(),
                ko: String::new(),
            };
        }
        for lang in [Lang::En, Lang::Ja] {
            for width in WIDTHS {
                let layout = layout(
                    &nodes,
                    &story().breach_links,
                    width,
                    |node| node.label.get(lang).to_owned(),
                    |zone| format!("{} — {}", zone_name(zone), "a very long side name to wrap"),
                );
                assert_readable(&layout);
            }
        }
    }

    #[test]
    fn links_that_skip_nodes_get_lanes_of_their_own() {
        let story = story();
        let mut links = story.breach_links.clone();
        links.push(BreachLink {
            id: "shortcut".to_owned(),
            from: "naver-cloud-server".to_owned(),
            to: "ly-internal".to_owned(),
            label: Text::default(),
            claims: vec![],
        });
        for width in WIDTHS {
            let layout = layout(
                &story.breach_nodes,
                &links,
                width,
                |n| n.label.en.clone(),
                zone_name,
            );
            assert_readable(&layout);
            assert_eq!(layout.link("shortcut").unwrap().points.len(), 4);
        }
    }

    #[test]
    fn a_cut_link_is_drawn_in_two_parts_around_its_marker() {
        let layout = story_layout(1088.0, Lang::En);
        let link = layout.link("naver-cloud-to-shared").unwrap();
        let (before, after) = link.split_around_mid(MARKER_PX + 8.0);
        let end_of_before = *before.last().unwrap();
        let start_of_after = after[0];
        assert!((start_of_after.x - end_of_before.x - (MARKER_PX + 8.0)).abs() < 0.01);
        assert_eq!(before[0], link.points[0]);
        assert_eq!(*after.last().unwrap(), *link.points.last().unwrap());
    }

    #[test]
    fn path_data_is_an_svg_polyline() {
        assert_eq!(
            polyline_data(&[Point::new(0.0, 1.0), Point::new(2.26, 3.0)]),
            "M0.0,1.0 L2.3,3.0"
        );
    }
}
