//! When: every dated event the reports give, in order, each linked to its section.

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

pub fn section_view(section: Section) -> (View, &'static str) {
    match section {
        Section::Ownership => (View::Ownership, "ownership"),
        Section::Breach => (View::Breach, "breach"),
        Section::Guidance => (View::Guidance, "guidance"),
        Section::Numbers => (View::Numbers, "numbers"),
    }
}

#[component]
pub fn TimelineSection() -> impl IntoView {
    let state = use_app();
    let items = chronological()
        .into_iter()
        .map(|event| {
            let (view, anchor) = section_view(event.section);
            let href = move || {
                if state.url.with(|u| u.view) == View::Story {
                    format!("#{anchor}")
                } else {
                    state.href_to(view, "")
                }
            };
            view! {
                <li class="event" id=format!("event-{}", event.id)>
                    {match event.date {
                        Some(date) => view! { <time class="event-date" datetime=date.iso()>{move || format_date(date, state.lang.get())}</time> }.into_any(),
                        None => view! { <span class="event-date undated">{move || event.when_as_stated.get(state.lang.get())}</span> }.into_any(),
                    }}
                    <p>
                        {move || event.title.get(state.lang.get())}
                        <ClaimCites claims=&event.claims />
                        " "
                        <a class="event-section" href=href>{format!("→ {anchor}")}</a>
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <SectionFrame id="timeline" title="When it happened" intro="From a 2021 warning sign to the ministry's deadline of 1 July 2024, as the reports date it.">
            <ol class="timeline">{items}</ol>
        </SectionFrame>
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
}
