//! Language: how numbers, dates and units are written in each language the explainer speaks.
//!
//! Pure functions, so every form is unit-tested without a browser.

mod format;

pub use format::{format_date, format_figure_value, format_number, format_value};
