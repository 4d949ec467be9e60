//! The ownership diagram as SVG: boxes for the companies, lines for their ties. It
//! measures its container, asks `layout` where things go, and draws. Selection, the
//! requirement highlight and the what-if change classes and labels only.
//!
//! Lines are drawn first (below the boxes) and are not focusable; each line's label is
//! its button, placed in the DOM right after the box it starts from, so Tab reads a
//! company, then its ties, then the next company.

use super::graph::{edge_sentence, graph, node_title, EdgeFamily, Emphasis, Node};
use super::layout::{
    layout, Direction, EdgeLine, Layout, NodeBox, CAPTION_PX, LABEL_PX, TITLE_LINE, TITLE_PX,
};
use super::OwnershipState;
use crate::app::later::{InPieces, Later};
use crate::app::use_app;
use crate::content::{story, Country, EntityKind, Lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub fn node_dom_id(id: &str) -> String {
    format!("own-node-{id}")
}

pub fn edge_dom_id(id: &str) -> String {
    format!("own-edge-{id}")
}

fn country_words(country: Country, lang: Lang) -> &'static str {
    match country {
        Country::Japan => crate::tr!(lang, country.japan),
        Country::Korea => crate::tr!(lang, country.korea),
        Country::China => crate::tr!(lang, country.china),
        Country::Unstated => crate::tr!(lang, own_diagram.country_unstated),
    }
}

/// The data-country attribute (drives the border style): JP, KR, CN, unstated, or
/// derived for the analysis node.
fn country_key(node: &Node) -> &'static str {
    match node.entity.map(|e| e.country) {
        None => "derived",
        Some(Country::Japan) => "JP",
        Some(Country::Korea) => "KR",
        Some(Country::China) => "CN",
        Some(Country::Unstated) => "unstated",
    }
}

/// A box's accessible name: what it shows (title, badge, kind), then the country in
/// words. The visible text comes first and whole, as speech-input users say it.
///
/// `title` is the title as drawn: its wrapped lines joined by spaces, exactly the text
/// the box shows (a CJK title wrapped in two lines reads "NAVERクラウドの サーバー").
pub fn node_name(node: &Node, title: &str, lang: Lang) -> String {
    let caption = super::graph::node_caption(node, lang);
    match node.entity {
        Some(entity) => format!(
            "{title} {} {caption}. {}",
            crate::app::country_badge(entity.country),
            country_words(entity.country, lang),
        ),
        None => format!("{title} – {caption}"),
    }
}

/// A line's accessible name: its visible label, then the sentence it stands for.
fn edge_name(edge: &super::graph::Edge, lang: Lang, split: super::stakes::Split) -> String {
    let story = story();
    let label = super::graph::edge_label(edge, story, lang, split).join(" ");
    format!("{label}: {}", edge_sentence(edge, story, lang, split))
}

fn focus_by_id(id: &str) {
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        if let Ok(svg) = element.dyn_into::<web_sys::SvgElement>() {
            let _ = svg.focus();
        }
    }
}

/// Enter or Space selects, Escape clears, arrows move to the nearest box that way.
fn on_item_key(
    ev: web_sys::KeyboardEvent,
    id: &'static str,
    shape: Memo<Layout>,
    own: OwnershipState,
) {
    let key = ev.key();
    match key.as_str() {
        "Enter" | " " | "Spacebar" => {
            ev.prevent_default();
            own.select(id);
        }
        "Escape" => {
            if own.selected.get_untracked().is_some() {
                ev.prevent_default();
                own.clear();
            }
        }
        _ => {
            if let Some(direction) = Direction::from_key(&key) {
                ev.prevent_default();
                if let Some(next) = shape.with_untracked(|l| l.neighbour(id, direction)) {
                    focus_by_id(&node_dom_id(&next));
                }
            }
        }
    }
}

#[component]
pub fn OwnershipDiagram(own: OwnershipState) -> impl IntoView {
    let app = use_app();
    let story = story();
    let graph = graph();
    let container = NodeRef::<leptos::html::Div>::new();
    let measured = crate::diagram::container_width(container);

    // Nothing is drawn until the container is measured, which happens as it mounts, in
    // the same task (before any paint): the diagram is then built once, at its width,
    // instead of at a guessed width and moved. Later widths move only what they must.
    let drawn = Memo::new(move |_| measured.get().is_some());
    let shape = Memo::new(move |_| {
        let lang = app.lang.get();
        let (nodes, edges) = super::graph::specs(graph, story, lang);
        let width = measured
            .get()
            .map_or(crate::diagram::FALLBACK_WIDTH, crate::diagram::layout_width);
        layout(width, &nodes, &edges)
    });
    Effect::new(move |_| {
        if drawn.get() {
            own.stacked
                .set(shape.with(|l| l.mode == super::layout::Mode::Stacked));
        }
    });
    let mode = move || {
        drawn.get().then(|| {
            shape.with(|l| {
                if l.mode == super::layout::Mode::Stacked {
                    "stacked"
                } else {
                    "tiered"
                }
            })
        })
    };
    view! {
        <div class="own-diagram" node_ref=container data-mode=mode>
            // The drawing a task after the measure and the layout (off a slide, where it
            // is hidden until whole anyway): together they were the view's longest task.
            {move || drawn.get().then(|| view! { <Later now=own.stage.is_some()><DiagramSvg shape=shape own=own /></Later> })}
        </div>
    }
}

/// The drawing itself, once its width is known. In the section, its lines and its two
/// halves of boxes are built in a task each, hidden until whole ([`InPieces`]): all at once
/// was the longest task of the ownership view's start. On a slide it is built at once: each
/// slide draws it anew, and a presenter stepping through would see it blink.
#[component]
fn DiagramSvg(shape: Memo<Layout>, own: OwnershipState) -> impl IntoView {
    let graph = graph();
    let pieces = InPieces::new(own.stage.is_some());
    let half = graph.nodes.len().div_ceil(2);

    let width = move || shape.with(|l| l.width);
    let height = move || shape.with(|l| l.height);
    let caption = move || {
        shape.with(|l| {
            l.context_caption.map(|p| {
                view! {
                    <text class="own-context-caption" x=p.x y=p.y>
                        {crate::tx!(own_diagram.context_title)}
                    </text>
                }
            })
        })
    };
    let families = EdgeFamily::ALL
        .iter()
        .map(|family| {
            let key = family.key();
            view! {
                <marker
                    id=format!("own-arrow-{key}")
                    class="own-arrow"
                    data-family=key
                    viewBox="0 0 10 10"
                    refX="9"
                    refY="5"
                    markerWidth="7"
                    markerHeight="7"
                    orient="auto-start-reverse"
                >
                    <path d="M0,0 L10,5 L0,10 z" />
                </marker>
            }
        })
        .collect_view();

    let drawing = view! {
        <svg
            class="own-svg"
            role="group"
            aria-label=crate::tx!(own_diagram.aria)
            data-building=pieces.building()
            width=width
            height=height
            viewBox=move || format!("0 0 {:.0} {:.0}", width(), height())
        >
            <defs>{families}</defs>
            <g class="own-edges"><Later now=pieces.now()>{edge_lines(shape, own)}</Later></g>
            {caption}
            <g class="own-items">
                <Later now=pieces.now()>{node_items(&graph.nodes[..half], shape, own)}</Later>
                <Later now=pieces.now()>{node_items(&graph.nodes[half..], shape, own)}</Later>
            </g>
        </svg>
    };
    pieces.show_when_built();
    drawing
}

/// Every tie's line (below the boxes; not focusable: each line's label is its button).
fn edge_lines(shape: Memo<Layout>, own: OwnershipState) -> impl IntoView {
    let story = story();
    graph()
        .edges
        .iter()
        .map(|edge| {
            let id: &'static str = edge.id.as_str();
            let line = Memo::new(move |_| shape.with(|l| l.edge(id).cloned()));
            let points =
                move || line.with(|l| l.as_ref().map(EdgeLine::svg_points).unwrap_or_default());
            let share_width = move || {
                super::graph::edge_share(edge, story, own.split_for(edge))
                    .map(|share| format!("{:.1}px", super::graph::share_line_width(share)))
            };
            let emphasis = own.emphasis_of(id);
            let marker = edge
                .directed()
                .then(|| format!("url(#own-arrow-{})", edge.family.key()));
            view! {
                <g
                    class="own-edge"
                    data-edge=id
                    data-family=edge.family.key()
                    data-derived=edge.relation.is_none().then_some("1")
                    class:selected=move || emphasis.get() == Emphasis::Selected
                    class:related=move || emphasis.get() == Emphasis::Related
                    class:dim=move || emphasis.get() == Emphasis::Dimmed
                    class:req-target=move || own.highlighted.with(|h| h.iter().any(|e| e == id))
                    class:stage-hidden=own.edge_hidden(id)
                    style:--own-share-width=share_width
                >
                    <polyline class="own-edge-halo" points=points />
                    <polyline class="own-edge-line" points=points marker-end=marker />
                    <polyline class="own-edge-hit" points=points on:click=move |_| own.select(id) />
                </g>
            }
        })
        .collect_view()
}

/// Boxes, each followed by the labels of the ties it starts (Tab reads a company, then
/// its ties, then the next company).
fn node_items(nodes: &'static [Node], shape: Memo<Layout>, own: OwnershipState) -> impl IntoView {
    let graph = graph();
    nodes
        .iter()
        .map(|node| {
            let outgoing = graph
                .edges
                .iter()
                .filter(|e| e.from == node.id)
                .map(|edge| view! { <EdgeLabel edge_id=edge.id.as_str() shape=shape own=own /> })
                .collect_view();
            view! {
                <NodeItem node=node shape=shape own=own />
                {outgoing}
            }
        })
        .collect_view()
}

#[component]
fn NodeItem(node: &'static Node, shape: Memo<Layout>, own: OwnershipState) -> impl IntoView {
    let app = use_app();
    let id: &'static str = node.id.as_str();
    let emphasis = own.emphasis_of(id);
    let placed = Memo::new(move |_| shape.with(|l| l.node(id).cloned()));
    let get = move |f: fn(&NodeBox) -> f64| move || placed.with(|b| b.as_ref().map_or(0.0, f));
    let badge = node
        .entity
        .map_or("–", |e| crate::app::country_badge(e.country));
    let lines = move || {
        placed.with(|b| {
            b.as_ref().map(|b| {
                b.title_lines
                    .iter()
                    .enumerate()
                    .map(|(i, line)| {
                        view! {
                            // The trailing space is not drawn (SVG strips it) but keeps the
                            // words apart in the text that assistive technology reads.
                            <tspan x=b.title_x y=b.title_y + i as f64 * TITLE_LINE>{format!("{line} ")}</tspan>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let double_border = node.entity.is_some_and(|e| e.country == Country::Korea);
    let inner = move || {
        placed.with(|b| {
            b.as_ref().filter(|_| double_border).map(|b| {
                let r = b.rect.inflate(-4.0);
                view! {
                    <rect class="own-node-inner" x=r.x y=r.y width=r.width height=r.height rx="8" />
                }
            })
        })
    };
    let service = node.entity.is_some_and(|e| e.kind == EntityKind::Service);
    view! {
        <g
            class="own-node"
            id=node_dom_id(id)
            role="button"
            tabindex="0"
            data-node=id
            data-country=country_key(node)
            data-context=node.context.then_some("1")
            data-service=service.then_some("1")
            class:stage-hidden=own.node_hidden(id)
            aria-pressed=move || (emphasis.get() == Emphasis::Selected).to_string()
            aria-label=move || {
                let lang = app.lang.get();
                let title = placed
                    .with(|b| b.as_ref().map(|b| b.title_lines.join(" ")))
                    .unwrap_or_else(|| node_title(node, lang));
                node_name(node, &title, lang)
            }
            class:selected=move || emphasis.get() == Emphasis::Selected
            class:related=move || emphasis.get() == Emphasis::Related
            class:dim=move || emphasis.get() == Emphasis::Dimmed
            on:click=move |_| own.select_by_pointer(id)
            on:keydown=move |ev| on_item_key(ev, id, shape, own)
        >
            <rect
                class="own-focus-ring"
                x=move || get(|b| b.rect.x - 5.0)()
                y=move || get(|b| b.rect.y - 5.0)()
                width=move || get(|b| b.rect.width + 10.0)()
                height=move || get(|b| b.rect.height + 10.0)()
                rx="6"
            />
            <rect
                class="own-node-box"
                x=get(|b| b.rect.x)
                y=get(|b| b.rect.y)
                width=get(|b| b.rect.width)
                height=get(|b| b.rect.height)
            />
            {inner}
            <text class="own-title" aria-hidden="true" font-size=TITLE_PX>{lines}</text>
            <rect
                class="own-badge-box"
                x=get(|b| b.badge.x)
                y=get(|b| b.badge.y)
                width=get(|b| b.badge.width)
                height=get(|b| b.badge.height)
            />
            <text
                class="own-badge"
                aria-hidden="true"
                x=move || get(|b| b.badge.center().x)()
                y=move || get(|b| b.badge.y + b.badge.height / 2.0 + 3.5)()
                text-anchor="middle"
            >
                {format!(" {badge} ")}
            </text>
            <text class="own-caption" aria-hidden="true" x=get(|b| b.caption_x) y=get(|b| b.caption_y) font-size=CAPTION_PX>
                {move || placed.with(|b| b.as_ref().map(|b| format!(" {}", b.caption)))}
            </text>
        </g>
    }
}

#[component]
fn EdgeLabel(edge_id: &'static str, shape: Memo<Layout>, own: OwnershipState) -> impl IntoView {
    let app = use_app();
    let story = story();
    let edge = graph().edge(edge_id).expect("edge of the graph");
    let emphasis = own.emphasis_of(edge_id);
    let placed = Memo::new(move |_| shape.with(|l| l.edge(edge_id).cloned()));
    let rect = move |f: fn(&EdgeLine) -> f64| move || placed.with(|e| e.as_ref().map_or(0.0, f));
    // The text as shown: for the two parent lines it follows the slider, in the place
    // the layout keeps for all its values, so a drag rewrites text nodes only.
    let text = Memo::new(move |_| {
        super::graph::edge_label(edge, story, app.lang.get(), own.split_for(edge))
    });
    let lines = move || {
        placed.with(|e| {
            e.as_ref().map(|e| {
                let x = e.label.center().x;
                e.label_baselines()
                    .into_iter()
                    .enumerate()
                    .map(|(i, y)| {
                        // The first line is the value; further lines qualify it.
                        let note = i > 0;
                        let line = move || text.with(|t| t.get(i).map(|line| format!("{line} ")));
                        view! { <tspan x=x y=y class:own-label-note=note>{line}</tspan> }
                    })
                    .collect_view()
            })
        })
    };
    let disputed = edge
        .relation
        .and_then(|r| r.share.as_deref())
        .and_then(|id| story.figure(id))
        .is_some_and(|f| f.is_disputed());
    let follows_split = edge.split_parent().is_some();
    view! {
        <g
            class="own-label"
            id=edge_dom_id(edge_id)
            role="button"
            tabindex="0"
            data-edge=edge_id
            data-family=edge.family.key()
            data-disputed=disputed.then_some("1")
            data-derived=edge.relation.is_none().then_some("1")
            data-what-if=move || (follows_split && own.what_if.get()).then_some("1")
            aria-pressed=move || (emphasis.get() == Emphasis::Selected).to_string()
            aria-label=move || edge_name(edge, app.lang.get(), own.split_for(edge))
            class:selected=move || emphasis.get() == Emphasis::Selected
            class:related=move || emphasis.get() == Emphasis::Related
            class:dim=move || emphasis.get() == Emphasis::Dimmed
            class:req-target=move || own.highlighted.with(|h| h.iter().any(|e| e == edge_id))
            class:stage-hidden=own.edge_hidden(edge_id)
            on:click=move |_| own.select_by_pointer(edge_id)
            on:keydown=move |ev| on_item_key(ev, edge_id, shape, own)
        >
            <rect
                class="own-focus-ring"
                x=move || rect(|e| e.label.x - 3.0)()
                y=move || rect(|e| e.label.y - 3.0)()
                width=move || rect(|e| e.label.width + 6.0)()
                height=move || rect(|e| e.label.height + 6.0)()
                rx="5"
            />
            <rect
                class="own-label-box"
                x=rect(|e| e.label.x)
                y=rect(|e| e.label.y)
                width=rect(|e| e.label.width)
                height=rect(|e| e.label.height)
                rx="3"
            />
            <text class="own-label-text" aria-hidden="true" text-anchor="middle" font-size=LABEL_PX>{lines}</text>
        </g>
    }
}
