//! Shared primitives for the SVG diagrams: geometry, text measuring and wrapping,
//! and escaping for SVG/XML built as strings (exports). Pure, unit-tested.

mod geometry;
mod measure;
mod text;

pub use geometry::{Point, Rect};
pub use measure::{container_width, layout_width, FALLBACK_WIDTH};
pub use text::{escape_xml, text_width, wrap_text};

/// True when no two rectangles overlap (touching edges allowed): layouts use it in tests.
pub fn no_overlaps(rects: &[Rect]) -> bool {
    rects
        .iter()
        .enumerate()
        .all(|(i, a)| rects[i + 1..].iter().all(|b| !a.overlaps(b)))
}
