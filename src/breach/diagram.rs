//! The breach path as an SVG diagram: the companies' sides as bands, the systems as
//! nodes, the hops as links, and the intruder moving one hop per step. It measures
//! its container, asks `layout` where things go, and draws; every state-dependent
//! look is a class, so stepping and switching controls update attributes only.

use super::layout::{layout, polyline_data, BreachLayout, LinkLine, NodeBox, MARKER_PX};
use super::reach::Reach;
use super::state;
use crate::app::later::{InPieces, Later};
use crate::app::use_app;
use crate::content::{story, BreachLink, Id, Lang, Zone};
use leptos::prelude::*;

/// Band labels: the sides of the trust boundaries.
pub fn zone_label(zone: Zone, lang: Lang) -> &'static str {
    match zone {
        Zone::NaverSide => crate::tr!(lang, breach_ui.zone_naver),
        Zone::Shared => crate::tr!(lang, breach_ui.zone_shared),
        Zone::LySide => crate::tr!(lang, breach_ui.zone_ly),
    }
}

/// Everything the diagram shows that changes while the reader explores.
#[derive(Clone, Copy)]
pub struct DiagramState {
    /// 1-based step drawn: in the explorer, a frame behind the stepper (see
    /// `explorer_state`).
    pub step: Signal<u16>,
    /// Where the intruder gets with the controls on: a frame behind the controls (the
    /// frame after a toggle draws the checkbox alone; see `explorer_state`).
    pub reach: Signal<Reach>,
    /// Links the selected requirement targets.
    pub targeted: Memo<Vec<Id>>,
}

/// The accessible name of a link: where it goes, what it is, what cuts it.
fn link_name(link: &BreachLink, lang: Lang, cut_by: &[String]) -> String {
    let story = story();
    let node = |id: &str| {
        story
            .breach_node(id)
            .map_or_else(|| id.to_owned(), |n| n.label.get(lang).to_owned())
    };
    let mut name = crate::tr!(
        lang,
        breach_ui.link_name,
        from = node(&link.from),
        to = node(&link.to),
        label = link.label.get(lang)
    )
    .to_string();
    if !cut_by.is_empty() {
        let controls = cut_by.join(crate::tr!(lang, breach_ui.list_sep));
        name.push_str(&crate::tr!(lang, breach_ui.cut_by, controls = controls).to_string());
    }
    name
}

/// `in_pieces`: its zones, its links, its nodes and the intruder are each built in a task
/// of their own, after the one that measures it and lays it out (the section's explorer,
/// where all at once was the longest task of the view's start); a slide draws at once (see
/// [`InPieces`]). Either way a redraw (a new width or language) is at once.
#[component]
pub fn BreachDiagram(diagram: DiagramState, #[prop(optional)] in_pieces: bool) -> impl IntoView {
    let app = use_app();
    let story = story();
    let container = NodeRef::<leptos::html::Div>::new();
    let measured = crate::diagram::container_width(container);

    // Laid out once the container's width is known (the diagram is redrawn as a whole).
    let shape = Memo::new(move |_| {
        let lang = app.lang.get();
        let width = measured.get()?;
        Some(layout(
            &story.breach_nodes,
            &story.breach_links,
            crate::diagram::layout_width(width),
            |node| node.label.get(lang).to_owned(),
            |zone| zone_label(zone, lang).to_owned(),
        ))
    });

    // Swipe left or right on a touch screen to step (vertical swipes still scroll).
    let swipe_start = StoredValue::new(None::<(i32, i32)>);
    let total = story.breach_steps.len() as u16;
    let on_pointer_down = move |ev: web_sys::PointerEvent| {
        if ev.pointer_type() == "touch" {
            swipe_start.set_value(Some((ev.client_x(), ev.client_y())));
        }
    };
    let on_pointer_up = move |ev: web_sys::PointerEvent| {
        let Some((x, y)) = swipe_start.get_value() else {
            return;
        };
        swipe_start.set_value(None);
        let (dx, dy) = (ev.client_x() - x, ev.client_y() - y);
        if dx.abs() >= 48 && dx.abs() > 2 * dy.abs() {
            // The step asked for, not the one drawn: two swipes within a frame take two steps.
            let current = app.step.get_untracked().clamp(1, total.max(1));
            let next = if dx < 0 {
                state::next_step(current, total)
            } else {
                state::previous_step(current)
            };
            app.update(|u| u.step = state::step_key(next));
        }
    };

    // The drawing and its pieces are made with the explorer, so that the pieces are queued
    // before what comes below it (they fill in once the width is known). Until then the
    // drawing has no size (nor viewBox), so that it cannot widen what it is measured in.
    let pieces = InPieces::new(!in_pieces);
    let drawn = move |draw: fn(&BreachLayout) -> String| {
        move || shape.with(|shape| shape.as_ref().map(draw))
    };
    let size = move |side: fn(&BreachLayout) -> f64| {
        move || shape.with(|shape| format!("{:.0}", shape.as_ref().map_or(0.0, side)))
    };
    let drawing = view! {
        <div class="breach-canvas" node_ref=container>
            <svg
                class="breach-diagram"
                data-orientation=drawn(|shape| format!("{:?}", shape.orientation).to_lowercase())
                width=size(|shape| shape.width)
                height=size(|shape| shape.height)
                viewBox=drawn(|shape| format!("0 0 {:.0} {:.0}", shape.width, shape.height))
                role="group"
                aria-label=crate::tx!(breach_ui.diagram_aria)
                data-building=pieces.building()
                on:pointerdown=on_pointer_down
                on:pointerup=on_pointer_up
                on:pointercancel=move |_| swipe_start.set_value(None)
            >
                <defs>
                    <marker id="breach-arrow" class="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="11" markerHeight="11" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" />
                    </marker>
                </defs>
                <Later now=pieces.now()>{move || shape.with(|shape| shape.as_ref().map(bands))}</Later>
                <g class="links">
                    <Later now=pieces.now()>{each_of(shape, |shape| &shape.links, link_view, diagram)}</Later>
                </g>
                <g class="nodes">
                    <Later now=pieces.now()>{each_of(shape, |shape| &shape.nodes, node_view, diagram)}</Later>
                </g>
                <Later now=pieces.now()>{move || shape.get().map(|shape| intruder_view(shape, diagram))}</Later>
            </svg>
        </div>
    };
    pieces.show_when_built();
    drawing
}

/// A piece of the drawing: each of the items `items` picks from the shape, drawn by `draw`
/// (nothing until the shape is known).
fn each_of<T: 'static>(
    shape: Memo<Option<BreachLayout>>,
    items: fn(&BreachLayout) -> &[T],
    draw: fn(&T, DiagramState) -> AnyView,
    diagram: DiagramState,
) -> impl Fn() -> Option<AnyView> + Clone + Send + Sync + 'static {
    move || {
        shape.with(|shape| {
            shape.as_ref().map(|shape| {
                items(shape)
                    .iter()
                    .map(|item| draw(item, diagram))
                    .collect_view()
                    .into_any()
            })
        })
    }
}

fn bands(shape: &BreachLayout) -> impl IntoView {
    shape
        .bands
        .iter()
        .map(|band| {
            let r = band.rect;
            let l = band.label_rect;
            let lines = band
                .label_lines
                .iter()
                .enumerate()
                .map(|(i, line)| {
                    let y = l.y + i as f64 * super::layout::BAND_LINE_PX + 12.0;
                    // A space after each line keeps the words apart in the text content
            // that assistive technology reads.
            view! { <tspan x=format!("{:.1}", l.x) y=format!("{y:.1}")>{format!("{line} ")}</tspan> }
                })
                .collect_view();
            view! {
                <g class="band" data-zone=format!("{:?}", band.zone).to_lowercase()>
                    <rect class="band-box" x=r.x y=r.y width=r.width height=r.height rx="6" />
                    <text class="band-label">{lines}</text>
                </g>
            }
        })
        .collect_view()
}

fn link_view(line: &LinkLine, diagram: DiagramState) -> AnyView {
    let app = use_app();
    let story = story();
    let Some(link) = story.breach_link(&line.id) else {
        return ().into_any();
    };
    let id = link.id.as_str();
    let is_cut = move || diagram.reach.with(|r| r.is_cut(id));
    let in_step = move || {
        let number = diagram.step.get();
        story
            .breach_steps
            .get(usize::from(number) - 1)
            .is_some_and(|step| step.links.iter().any(|l| l == id))
    };
    let crossed = move || {
        state::links_crossed_by(story, diagram.step.get())
            .iter()
            .any(|l| l == id)
    };
    let selected = move || app.link.with(|link| link.as_deref() == Some(id));
    let targeted = move || diagram.targeted.with(|t| t.iter().any(|l| l == id));
    let name = move || {
        let enabled = diagram.reach.with(|r| r.enabled.clone());
        let on: Vec<String> = state::controls_cutting(story, id)
            .iter()
            .filter(|c| enabled.contains(&c.id))
            .map(|c| c.name.get(app.lang.get()).to_owned())
            .collect();
        let mut name = link_name(link, app.lang.get(), &on);
        if targeted() {
            name.push_str(crate::tr!(app.lang.get(), breach_ui.targeted));
        }
        name
    };
    let toggle = move || {
        app.update(|u| {
            u.link = if u.link.as_deref() == Some(id) {
                None
            } else {
                Some(id.to_owned())
            }
        })
    };
    let whole = line.path_data();
    let (before, after) = line.split_around_mid(MARKER_PX + 6.0);
    let (before, after) = (polyline_data(&before), polyline_data(&after));
    let hit = line.hit;
    let m = line.mid;
    let half = MARKER_PX / 2.0 - 4.0;
    let cross = format!(
        "M{:.1},{:.1} L{:.1},{:.1} M{:.1},{:.1} L{:.1},{:.1}",
        m.x - half,
        m.y - half,
        m.x + half,
        m.y + half,
        m.x - half,
        m.y + half,
        m.x + half,
        m.y - half
    );
    view! {
        <g
            class="link"
            data-link=id
            class:cut=is_cut
            class:in-step=in_step
            class:crossed=crossed
            class:selected=selected
            class:targeted=targeted
            role="button"
            tabindex="0"
            aria-pressed=move || selected().to_string()
            aria-label=name
            on:click=move |_| toggle()
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    toggle();
                }
            }
        >
            <rect class="link-hit" x=hit.x y=hit.y width=hit.width height=hit.height rx="4" />
            <path class="link-halo" d=whole.clone() />
            <path class="link-line link-whole" d=whole marker-end="url(#breach-arrow)" />
            <path class="link-line link-split" d=before />
            <path class="link-line link-split" d=after marker-end="url(#breach-arrow)" />
            <g class="cut-mark">
                <rect x=m.x - MARKER_PX / 2.0 y=m.y - MARKER_PX / 2.0 width=MARKER_PX height=MARKER_PX rx="3" />
                <path d=cross />
            </g>
        </g>
    }
    .into_any()
}

fn node_view(node: &NodeBox, diagram: DiagramState) -> AnyView {
    let app = use_app();
    let story = story();
    let Some(record) = story.breach_node(&node.id) else {
        return ().into_any();
    };
    let id = record.id.as_str();
    let in_step = move || {
        let number = diagram.step.get();
        story
            .breach_steps
            .get(usize::from(number) - 1)
            .is_some_and(|step| step.nodes.iter().any(|n| n == id))
    };
    let seen = move || {
        state::nodes_seen_by(story, diagram.step.get())
            .iter()
            .any(|n| n == id)
    };
    let unreached = move || diagram.reach.with(|r| !r.reaches(id));
    let arriving = state::step_arriving_at(story, id);
    let go = move || {
        if let Some(number) = arriving {
            app.update(|u| u.step = state::step_key(number));
        }
    };
    // The name starts with the label as drawn (its lines joined by spaces), so the
    // visible text is always part of it, in every language.
    let drawn = node.label_lines.join(" ");
    let name = move || {
        let label = drawn.clone();
        let mut name = match arriving {
            Some(number) => crate::tr!(
                app.lang.get(),
                breach_ui.go_to_step,
                label = label,
                n = number
            )
            .to_string(),
            None => label.to_owned(),
        };
        if unreached() {
            name.push_str(crate::tr!(app.lang.get(), breach_ui.not_reached));
        }
        name
    };
    let r = node.rect;
    let b = node.badge;
    let l = node.label_rect;
    let lines = node
        .label_lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let y = l.y + i as f64 * super::layout::NODE_LINE_PX + 13.5;
            // A space after each line keeps the words apart in the text content
            // that assistive technology reads.
            view! { <tspan x=format!("{:.1}", l.x) y=format!("{y:.1}")>{format!("{line} ")}</tspan> }
        })
        .collect_view();
    // The "not reached" badge sits beside the button, not in it, so the button's
    // visible text stays its label (its name says "not reached" in words).
    view! {
        <g
            class="node"
            data-node=id
            class:in-step=in_step
            class:seen=seen
            class:unreached=unreached
        >
            <g
                class="node-button"
                role="button"
                tabindex="0"
                aria-label=name
                on:click=move |_| go()
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Enter" || ev.key() == " " {
                        ev.prevent_default();
                        go();
                    }
                }
            >
                <rect class="node-box" x=r.x y=r.y width=r.width height=r.height rx="4" />
                <text class="node-label">{lines}</text>
            </g>
            <text class="node-badge" aria-hidden="true" x=b.right() - 4.0 y=b.y + b.height / 2.0 + 4.0 text-anchor="end">{crate::tx!(breach_ui.not_reached_badge)}</text>
        </g>
    }
    .into_any()
}

fn intruder_view(shape: BreachLayout, diagram: DiagramState) -> impl IntoView {
    let story = story();
    let position = Memo::new(move |_| {
        let number = diagram.step.get();
        let node = story
            .breach_steps
            .get(usize::from(number) - 1)
            .and_then(|step| {
                diagram
                    .reach
                    .with(|r| state::intruder_node(step, r).map(str::to_owned))
            });
        node.and_then(|id| shape.node(&id).map(NodeBox::intruder_anchor))
    });
    // The hop is animated only once the marker has been drawn where it starts, so a
    // new layout (first render, or a resize, which reuses this element) does not make
    // it fly across. Two frames: the first one's style pass still moves it.
    let settled = RwSignal::new(false);
    crate::app::later::at_next_frame(move || {
        crate::app::later::at_next_frame(move || settled.set(true))
    });
    view! {
        <g
            class="intruder"
            class:settled=settled
            aria-hidden="true"
            // Set through the CSSOM (the page's CSP refuses style attributes), as a CSS
            // transform so that a transition can animate the hop.
            style:display=move || if position.with(Option::is_some) { "inline" } else { "none" }
            style:transform=move || {
                position
                    .get()
                    .map(|p| format!("translate({:.1}px, {:.1}px)", p.x, p.y))
                    .unwrap_or_default()
            }
        >
            <circle r="8" />
            <circle class="intruder-eye" r="3" />
            <text x="13" y="4">{crate::tx!(breach_ui.intruder)}</text>
        </g>
    }
}
