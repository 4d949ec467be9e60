//! The width a diagram has to fill, measured from its container so that the pure layout
//! code can lay it out for exactly that width.
//!
//! The first measurement is read as the container mounts, in the same task: the diagram is
//! then drawn once, at the right width, before anything is painted (drawn a frame later,
//! it would push down what follows it: a layout shift). After that a `ResizeObserver`
//! reports changes (window resizes, rotation, column changes) after the browser's own
//! layout, so they never force one.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

/// A phone's width: what a diagram is laid out for when its container has no width
/// (hidden, or not laid out).
pub const FALLBACK_WIDTH: f64 = 328.0;

/// The container's content width in CSS pixels: `None` until the container is mounted
/// (diagrams draw nothing before), then updated when it changes by a pixel or more.
/// A hidden container measures 0.
pub fn container_width(container: NodeRef<leptos::html::Div>) -> RwSignal<Option<f64>> {
    let measured = RwSignal::new(None::<f64>);
    Effect::new(move |_| {
        let Some(element) = container.get() else {
            return;
        };
        if measured.get_untracked().is_none() {
            measured.set(Some(f64::from(element.client_width())));
        }
        let on_resize = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() else {
                return;
            };
            let width = entry.content_rect().width();
            if measured
                .get_untracked()
                .is_none_or(|old| (old - width).abs() >= 1.0)
            {
                measured.set(Some(width));
            }
        });
        let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
            // No ResizeObserver: draw at the fallback width rather than not at all.
            measured.set(Some(0.0));
            return;
        };
        observer.observe(&element);
        crate::app::browser::disconnect_on_cleanup(
            observer,
            on_resize,
            web_sys::ResizeObserver::disconnect,
        );
    });
    measured
}

/// The width to lay a diagram out for: the measured one, or the fallback for 0.
pub fn layout_width(measured: f64) -> f64 {
    if measured > 0.0 {
        measured
    } else {
        FALLBACK_WIDTH
    }
}
