//! The width a diagram has to fill: measured from its container on mount and on every
//! window resize, so the pure layout code can lay it out for exactly that width.

use leptos::prelude::*;

/// A phone's width: what a diagram is laid out for until the first measurement.
pub const INITIAL_WIDTH: f64 = 328.0;

/// The container's width in CSS pixels, updated when it changes by a pixel or more.
pub fn container_width(container: NodeRef<leptos::html::Div>) -> RwSignal<f64> {
    let measured = RwSignal::new(INITIAL_WIDTH);
    let measure = move || {
        if let Some(element) = container.get_untracked() {
            let width = f64::from(element.client_width());
            if width > 0.0 && (width - measured.get_untracked()).abs() >= 1.0 {
                measured.set(width);
            }
        }
    };
    Effect::new(move |_| {
        if container.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    measured
}
