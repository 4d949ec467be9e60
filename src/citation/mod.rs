//! Citation markers: the small superscript button beside every fact and figure that
//! reveals which report says it, when, and in what words.

use crate::app::use_app;
use crate::content::{story, Citation, Figure, Id, Story};
use crate::i18n::format_value;
use crate::url::View;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};
use wasm_bindgen::JsCast;

/// A report's number in the sources list (1-based), as markers show it.
pub fn source_number(story: &Story, source: &str) -> usize {
    story
        .sources
        .iter()
        .position(|s| s.id == source)
        .map_or(0, |i| i + 1)
}

/// The citations behind a list of claims, in order, without repeats.
pub fn claim_citations(story: &'static Story, claims: &[Id]) -> Vec<&'static Citation> {
    let mut cites: Vec<&'static Citation> = Vec::new();
    for claim in claims.iter().filter_map(|id| story.claim(id)) {
        for cite in &claim.cites {
            if !cites.contains(&cite) {
                cites.push(cite);
            }
        }
    }
    cites
}

/// The marker's text: the distinct report numbers, ascending ("2,4").
pub fn marker_label(story: &Story, cites: &[&Citation]) -> String {
    let mut numbers: Vec<usize> = cites
        .iter()
        .map(|c| source_number(story, &c.source))
        .collect();
    numbers.sort_unstable();
    numbers.dedup();
    numbers
        .iter()
        .map(|n| n.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// How far (px) to move a popover from its centred place under the marker so that it
/// stays `margin` inside the screen: centred under a marker near the screen's edge it
/// would run off it. Negative moves it left; a popover wider than the room stays centred
/// on the screen.
pub fn popover_shift(marker_center: f64, pop_width: f64, viewport: f64, margin: f64) -> f64 {
    let room = viewport - 2.0 * margin;
    if pop_width >= room {
        return viewport / 2.0 - marker_center;
    }
    let left = marker_center - pop_width / 2.0;
    let right = marker_center + pop_width / 2.0;
    if left < margin {
        margin - left
    } else if right > viewport - margin {
        viewport - margin - right
    } else {
        0.0
    }
}

/// The shift for the marker `button`, from its place on screen and the popover's CSS
/// width, `min(22rem, 100vw - 2rem)` (style.css, `.cite-pop`).
fn shift_for(button: &web_sys::Element) -> f64 {
    let Some(window) = crate::app::browser::window() else {
        return 0.0;
    };
    let Some(root) = crate::app::browser::document_element() else {
        return 0.0;
    };
    let rem = window
        .get_computed_style(&root)
        .ok()
        .flatten()
        .and_then(|style| style.get_property_value("font-size").ok())
        // Whole pixels are enough here, and parsing an f64 would add ~15 KB of wasm.
        .and_then(|size| size.split(['.', 'p']).next()?.parse::<u32>().ok())
        .map_or(16.0, f64::from);
    let viewport = f64::from(root.client_width());
    let rect = button.get_bounding_client_rect();
    let center = rect.left() + rect.width() / 2.0;
    let width = (22.0 * rem).min(viewport - 2.0 * rem);
    popover_shift(center, width, viewport, rem / 2.0)
}

fn next_id() -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("cite-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A citation marker for the claims behind a record.
#[component]
pub fn ClaimCites(claims: &'static [Id]) -> impl IntoView {
    let cites = claim_citations(story(), claims);
    view! { <CiteMarker cites=cites figure=None /> }
}

/// A citation marker; with `figure`, each citation also shows that report's value.
#[component]
pub fn CiteMarker(cites: Vec<&'static Citation>, figure: Option<&'static Figure>) -> impl IntoView {
    let state = use_app();
    let story = story();
    if cites.is_empty() {
        return ().into_any();
    }
    let open = RwSignal::new(false);
    let shift = RwSignal::new(0.0_f64);
    let id = next_id();
    let label = marker_label(story, &cites);
    // Built only while open: the story page has about 200 markers, and their hidden
    // quotes were half of its DOM nodes, built at mount and re-rendered by every
    // language switch.
    let items = move || {
        cites
            .iter()
            .map(|&cite| {
                let source = story.source(&cite.source);
                let title = source.map_or("", |s| s.title.as_str());
                let publication = source.map_or("", |s| s.publication.as_str());
                let date = source.map_or("", |s| s.date_as_stated.as_str());
                let number = source_number(story, &cite.source);
                let fragment = format!("#source-{}", cite.source);
                let href = move || match state.view.get() {
                    View::Story | View::Sources => fragment.clone(),
                    _ => state.href_to(View::Sources, &fragment),
                };
                let value = figure.and_then(|f| {
                    f.reported
                        .iter()
                        .find(|r| r.cite == *cite)
                        .map(|r| (r.value, f.unit))
                });
                view! {
                    <span class="cite-item">
                        {value.map(|(v, unit)| view! {
                            <strong class="cite-value">{move || format_value(v, unit, state.lang.get())}</strong>
                            " "
                        })}
                        // Bibliographic text stays as the report gives it, in English.
                        <span lang="en">
                            <a href=href>{format!("[{number}] {title}")}</a>
                            {(!publication.is_empty()).then(|| format!(", {publication}"))}
                            {format!(" ({date})")}
                        </span>
                        ": "
                        <q lang="en">{cite.quote.as_str()}</q>
                    </span>
                }
            })
            .collect_view()
    };
    let pop_id = id.clone();
    view! {
        <sup class="cite-wrap">
            <button
                type="button"
                class="cite"
                aria-expanded=move || open.get().to_string()
                aria-controls=id.clone()
                on:click=move |ev| {
                    if !open.get_untracked() {
                        if let Some(button) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                            shift.set(shift_for(&button));
                        }
                    }
                    open.update(|o| *o = !*o);
                }
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        open.set(false);
                    }
                }
            >
                // The visible numbers stay part of the accessible name ("Sources 1,2").
                <span class="visually-hidden">{crate::tx!(cite.sources)}</span>
                {label}
            </button>
            <span
                class="cite-pop"
                id=pop_id
                role="note"
                hidden=move || !open.get()
                // Only while open: a closed popover carries no inline style, which the
                // prerendered shell (and its style-src CSP) could not hold.
                style:--pop-shift=move || open.get().then(|| format!("{:.1}px", shift.get()))
            >
                {move || open.get().then(|| view! {
                    {items()}
                    <button type="button" class="cite-close" aria-label=crate::tx!(close) on:click=move |_| open.set(false)>
                        "×"
                    </button>
                })}
            </span>
        </sup>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::story;

    #[test]
    fn markers_number_reports_in_source_order_without_repeats() {
        let story = story();
        let cites = claim_citations(story, &["a-holdings-jv".into(), "country-naver".into()]);
        // urges (2), joongang (4), rebeat (3); urges again is not repeated.
        assert_eq!(marker_label(story, &cites), "2,3,4");
    }

    #[test]
    fn popovers_stay_on_screen() {
        // Room to centre: no shift.
        assert_eq!(popover_shift(200.0, 300.0, 412.0, 8.0), 0.0);
        // Near the right edge: moved left until its right side is 8 px in.
        assert_eq!(popover_shift(380.0, 300.0, 412.0, 8.0), 404.0 - 530.0);
        // Near the left edge: moved right.
        assert_eq!(popover_shift(20.0, 300.0, 412.0, 8.0), 8.0 - (20.0 - 150.0));
        // Wider than the room: centred on the screen.
        assert_eq!(popover_shift(380.0, 400.0, 412.0, 8.0), 206.0 - 380.0);
    }

    #[test]
    fn unknown_claims_cite_nothing() {
        assert!(claim_citations(story(), &["no-such-claim".into()]).is_empty());
    }
}

/// A figure as the reader sees it: the value (or the span, when reports differ),
/// its citation marker, and a "reports differ" note.
#[component]
pub fn FigureValue(figure: &'static Figure) -> impl IntoView {
    let state = use_app();
    let values: Vec<f64> = figure.reported.iter().map(|r| r.value).collect();
    let unit = figure.unit;
    let cites: Vec<&'static Citation> = figure.reported.iter().map(|r| &r.cite).collect();
    let disputed = figure.is_disputed();
    view! {
        <span class="figure-wrap">
            <span class="figure">
                {move || crate::i18n::format_figure_value(&values, unit, state.lang.get())}
            </span>
            <CiteMarker cites=cites figure=Some(figure) />
            {disputed.then(|| view! { <span class="disputed-badge">{crate::tx!(reports_differ)}</span> })}
        </span>
    }
}
