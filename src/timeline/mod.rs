//! When: every dated event the reports give, in order, each linked to its section.
//! The list is one tab stop; arrow keys, Home and End move between events. On wide
//! screens a time scale above it shows when they fall (a pointer aid: the list is
//! the accessible version).

pub mod scale;

use crate::app::later::{Later, FIRST_SCREEN_ITEMS};
use crate::app::page::swap_shell_after_first_items;
use crate::app::{use_app, SectionFrame};
use crate::citation::ClaimCites;
use crate::content::{story, Event, Section};
use crate::i18n::format_date;
use crate::url::View;
use leptos::prelude::*;

/// Events in time order; undated events after the dated ones they follow in the content.
pub fn chronological() -> Vec<&'static Event> {
    let mut events: Vec<&'static Event> = story().events.iter().collect();
    // Stable sort: an undated event keeps its place after the event written before it.
    let mut last = None;
    let mut keyed: Vec<_> = events
        .drain(..)
        .map(|event| {
            if event.date.is_some() {
                last = event.date;
            }
            (event.date.or(last), event.date.is_none(), event)
        })
        .collect();
    keyed.sort_by_key(|(date, undated, _)| (*date, *undated));
    keyed.into_iter().map(|(_, _, event)| event).collect()
}

/// The view and anchor of the section an event belongs to.
pub fn section_target(section: Section) -> (View, &'static str) {
    match section {
        Section::Ownership => (View::Ownership, "ownership"),
        Section::Breach => (View::Breach, "breach"),
        Section::Guidance => (View::Guidance, "guidance"),
        Section::Numbers => (View::Numbers, "numbers"),
    }
}

/// Where a key press moves the focus in a list of `len` events, if anywhere.
pub fn next_event(current: usize, key: &str, len: usize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let last = len - 1;
    let target = match key {
        "ArrowDown" | "ArrowRight" => (current + 1).min(last),
        "ArrowUp" | "ArrowLeft" => current.saturating_sub(1),
        "Home" => 0,
        "End" => last,
        _ => return None,
    };
    Some(target)
}

#[component]
pub fn TimelineSection() -> impl IntoView {
    let state = use_app();
    let events = chronological();
    let count = events.len();
    let active = RwSignal::new(0usize);
    let items: Vec<NodeRef<leptos::html::Li>> = (0..count).map(|_| NodeRef::new()).collect();
    let focus_items = items.clone();
    // Before the events: its drawing is a piece of its own, queued ahead of theirs.
    let scale = view! { <TimeScale events=events.clone() items=items.clone() active=active /> };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        // Only when an event itself has the focus: keys inside a citation stay its own.
        let on_item = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| el.class_list().contains("event"));
        if !on_item {
            return;
        }
        if let Some(next) = next_event(active.get_untracked(), &ev.key(), count) {
            ev.prevent_default();
            active.set(next);
            if let Some(item) = focus_items[next].get_untracked() {
                let _ = item.focus();
            }
        }
    };
    let rows = events
        .into_iter()
        .zip(items)
        .enumerate()
        .map(|(index, (event, node))| {
            let (view, anchor) = section_target(event.section);
            let href = move || {
                if state.view.get() == View::Story {
                    format!("#{anchor}")
                } else {
                    state.href_to(view, "")
                }
            };
            // One task per event: the list is long.
            swap_shell_after_first_items(index);
            view! { <Later>
                <li
                    class="event"
                    id=format!("event-{}", event.id)
                    data-section=anchor
                    node_ref=node
                    tabindex=move || if active.get() == index { "0" } else { "-1" }
                    on:focusin=move |_| active.set(index)
                >
                    {match event.date {
                        Some(date) => view! { <time class="event-date" datetime=date.iso()>{move || format_date(date, state.lang.get())}</time> }.into_any(),
                        None => view! { <span class="event-date undated">{move || event.when_as_stated.get(state.lang.get())}</span> }.into_any(),
                    }}
                    <p class="event-title">
                        {move || event.title.get(state.lang.get())}
                        <ClaimCites claims=&event.claims />
                    </p>
                    <a class="event-section" href=href>
                        <span class="visually-hidden">{crate::tx!(timeline.go_to)}</span>
                        {move || crate::i18n::section_title(anchor, state.lang.get())}
                        <span aria-hidden="true">" →"</span>
                    </a>
                </li>
            </Later> }
        })
        .collect_view();
    view! {
        <SectionFrame id="timeline">
            <p class="timeline-hint" id="timeline-hint">
                {crate::tx!(timeline.hint)}
            </p>
            {scale}
            <ol class="timeline" data-first-screen=FIRST_SCREEN_ITEMS aria-label=crate::tx!(timeline.events_aria) aria-describedby="timeline-hint" on:keydown=on_keydown>
                {rows}
            </ol>
        </SectionFrame>
    }
}

/// The dated events on a time axis; clicking a bar moves to its event in the list. The
/// box is drawn with the list (its `viewBox` sets its height, so nothing below moves), its
/// drawing in a task of its own: the first run of its code would otherwise lengthen the
/// view's first task, and a phone does not show the scale at all (style.css).
#[component]
fn TimeScale(
    events: Vec<&'static Event>,
    items: Vec<NodeRef<leptos::html::Li>>,
    active: RwSignal<usize>,
) -> impl IntoView {
    let layout = scale::layout(&events);
    let view_box = format!("0 0 {} {}", scale::WIDTH, layout.height);
    let drawing = move || scale_drawing(layout.clone(), &events, &items, active);
    view! {
        <svg class="time-scale" viewBox=view_box aria-hidden="true" focusable="false">
            <Later>{drawing.clone()}</Later>
        </svg>
    }
}

/// The axis, its years and a bar per dated event.
fn scale_drawing(
    layout: scale::Scale,
    events: &[&'static Event],
    items: &[NodeRef<leptos::html::Li>],
    active: RwSignal<usize>,
) -> impl IntoView {
    let axis_y = layout.axis_y;
    let years = layout
        .years
        .into_iter()
        .map(|(x, year)| {
            view! {
                <line class="time-tick" x1=x y1=axis_y - 4.0 x2=x y2=axis_y + 4.0 />
                <text class="time-year" class:time-year-first={x < 24.0} x=x y=axis_y + 18.0>{year}</text>
            }
        })
        .collect_view();
    let bars = layout
        .marks
        .into_iter()
        .map(|mark| {
            let index = mark.index;
            let (_, section) = section_target(events[index].section);
            let item = items[index];
            view! {
                <rect
                    class="time-bar"
                    class:active=move || active.get() == index
                    data-section=section
                    x=mark.bar.x
                    y=mark.bar.y
                    width=mark.bar.width
                    height=mark.bar.height
                    rx="2"
                    on:click=move |_| {
                        active.set(index);
                        if let Some(li) = item.get_untracked() {
                            let _ = li.focus();
                        }
                    }
                />
            }
        })
        .collect_view();
    view! {
        <line class="time-axis" x1="12" y1=axis_y x2=scale::WIDTH - 12.0 y2=axis_y />
        {years}
        {bars}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeline_runs_from_2021_to_the_july_deadline() {
        let events = chronological();
        assert_eq!(events.first().unwrap().id, "incident-2021");
        assert_eq!(events.last().unwrap().id, "deadline-july-1");
        let dates: Vec<_> = events.iter().filter_map(|e| e.date).collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn undated_events_follow_the_event_before_them() {
        let ids: Vec<&str> = chronological().iter().map(|e| e.id.as_str()).collect();
        let revised = ids.iter().position(|id| *id == "count-revised").unwrap();
        assert_eq!(ids[revised - 1], "disclosed");
    }

    #[test]
    fn timeline_holds_every_event_the_issue_names() {
        let ids: Vec<&str> = chronological().iter().map(|e| e.id.as_str()).collect();
        for id in [
            "incident-2021",
            "discovered",
            "disclosed",
            "count-revised",
            "guidance-march-5",
            "statements-march-6",
            "report-april-1",
            "guidance-april-16",
            "deadline-july-1",
        ] {
            assert!(ids.contains(&id), "{id} missing from {ids:?}");
        }
        assert_eq!(ids.len(), story().events.len());
    }

    #[test]
    fn arrow_keys_move_one_event_and_stop_at_the_ends() {
        assert_eq!(next_event(0, "ArrowDown", 5), Some(1));
        assert_eq!(next_event(4, "ArrowDown", 5), Some(4));
        assert_eq!(next_event(0, "ArrowUp", 5), Some(0));
        assert_eq!(next_event(3, "ArrowLeft", 5), Some(2));
        assert_eq!(next_event(2, "ArrowRight", 5), Some(3));
    }

    #[test]
    fn home_and_end_jump_to_the_first_and_last_event() {
        assert_eq!(next_event(3, "Home", 5), Some(0));
        assert_eq!(next_event(0, "End", 5), Some(4));
        assert_eq!(next_event(0, "Enter", 5), None);
        assert_eq!(next_event(0, "End", 0), None);
    }

    #[test]
    fn every_event_links_to_a_story_section() {
        for event in chronological() {
            let (view, anchor) = section_target(event.section);
            assert_eq!(view.key(), anchor);
        }
    }
}
