//! Moving between the explainer's parts from a single view (`?view=…`, not embedded): a
//! list of links in the masthead, to the whole story and to every view. A plain click
//! switches the view in place (the wasm, the chunks already fetched and the language stay)
//! and adds a history entry, so Back returns to the view before; any other click (a new
//! tab, a copied link) follows the link, which names the same page.
//!
//! A view switched to starts at the top, and the keyboard's focus moves to its heading, as
//! it would on a new page. Its chunk is usually in by then: the chunks of every view are
//! fetched as soon as a pointer or the focus reaches the list.

use super::{browser, url_limits, use_app, AppState};
use crate::content::{story, Lang};
use crate::url::{UrlState, View};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn ViewSwitcher() -> impl IntoView {
    let state = use_app();
    follow_history(state);
    let links = View::ALL
        .into_iter()
        .map(|view| {
            view! {
                <li>
                    <a
                        href=move || state.href_to(view, "")
                        data-view=view.key()
                        aria-current=move || (state.view_asked.get() == view).then_some("page")
                        on:click=move |event| on_click(&event, state, view)
                    >
                        {move || label(view, state.lang.get())}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        // A pointer over the list or the focus in it: the other views' chunks come now,
        // before the click that needs one.
        <nav
            class="view-switch"
            aria-label=move || crate::tr!(state.lang.get(), views.label)
            on:pointerover=|_| super::chunks::fetch_every_section()
            on:focusin=|_| super::chunks::fetch_every_section()
        >
            <ul>{links}</ul>
        </nav>
    }
}

/// A view's name in the list: its section's title, or "The whole story".
fn label(view: View, lang: Lang) -> &'static str {
    match view {
        View::Story => crate::tr!(lang, views.story),
        view => crate::i18n::section_title(view.key(), lang),
    }
}

fn on_click(event: &web_sys::MouseEvent, state: AppState, view: View) {
    let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
    if !is_switch_in_place(event.button(), modified, event.default_prevented()) {
        return;
    }
    event.prevent_default();
    if state.view_asked.get_untracked() != view {
        switch_to(state, view);
    }
}

/// Whether a click on a view's link switches the view in place: a plain click of the main
/// button that nothing else has handled. A modified or middle click is the browser's (a
/// new tab or window, a download).
fn is_switch_in_place(button: i16, modified: bool, handled: bool) -> bool {
    button == 0 && !modified && !handled
}

/// Shows `view` in place of the current one, with a history entry of its own.
fn switch_to(state: AppState, view: View) {
    let target = state.url.with_untracked(|url| url.in_view(view));
    browser::push_query_soon(target.to_query());
    state.update(|url| *url = target);
    // The view is swapped in a frame later (`AppState::view`): until then the page stays
    // where the reader left it.
    when_built(view, Arrival::AtTop, HEADING_WAIT_FRAMES);
}

/// Follows Back and Forward between views switched in place, once per page (the list is
/// built again when the reader comes back from the whole story): an entry of another view
/// shows that view, in the state its address holds. An entry of the same view (a jump to
/// a fragment) changes nothing: the address bar may not have caught up with the latest
/// change yet (`browser::replace_query_soon`), and the state is newer.
fn follow_history(state: AppState) {
    thread_local! {
        static FOLLOWING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if FOLLOWING.with(|following| following.replace(true)) {
        return;
    }
    browser::on_history_pop(move || {
        let url = UrlState::parse(&browser::location_search(), story(), &url_limits());
        if url.view != state.view_asked.get_untracked() {
            let view = url.view;
            state.update(|current| *current = url);
            when_built(view, Arrival::AsScrolled, HEADING_WAIT_FRAMES);
        }
    });
}

/// How long the focus waits for a switched-to view's heading: its chunk may still be on
/// its way (about two seconds at 60 frames a second).
const HEADING_WAIT_FRAMES: u8 = 120;

/// Where a view switched to is shown from.
#[derive(Clone, Copy)]
enum Arrival {
    /// Its top, as a new page (a click on the list).
    AtTop,
    /// Wherever the page is scrolled to (Back and Forward: the browser may restore a
    /// place of its own).
    AsScrolled,
}

/// Once `view`'s heading is built, shows the view from its top if `arrival` says so, and
/// moves the focus to the heading: a screen reader then reads the new view's name, and
/// Tab goes on from there. Checked as each frame starts, so the first frame with the new
/// view shows it from the top.
fn when_built(view: View, arrival: Arrival, frames_left: u8) {
    let heading = browser::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(&heading_id(view)))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    match heading {
        Some(heading) => {
            if matches!(arrival, Arrival::AtTop) {
                browser::scroll_to_top();
            }
            // Focusable by script only, not in the tab order. The view starts at the top,
            // where its heading is: the focus has nothing to scroll into view.
            let _ = heading.set_attribute("tabindex", "-1");
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = heading.focus_with_options(&options);
        }
        None if frames_left > 0 => {
            super::later::at_next_frame(move || when_built(view, arrival, frames_left - 1))
        }
        None => {}
    }
}

/// The id of `view`'s heading: the story's title, or the section's.
fn heading_id(view: View) -> String {
    match view {
        View::Story => "hook-title".to_string(),
        view => format!("{}-title", view.key()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_plain_unhandled_main_click_switches_in_place() {
        assert!(is_switch_in_place(0, false, false));
        // Ctrl-, Cmd-, Shift- or Alt-click: a new tab, a window, a download.
        assert!(!is_switch_in_place(0, true, false));
        // The middle button opens a tab.
        assert!(!is_switch_in_place(1, false, false));
        assert!(!is_switch_in_place(0, false, true));
    }

    #[test]
    fn every_view_has_a_label_and_a_heading_in_every_language() {
        for lang in [Lang::En, Lang::Ja, Lang::Ko] {
            for view in View::ALL {
                assert!(!label(view, lang).is_empty());
            }
            assert_ne!(label(View::Story, lang), label(View::Glossary, lang));
        }
        assert_eq!(label(View::Story, Lang::En), "The whole story");
        assert_eq!(heading_id(View::Story), "hook-title");
        assert_eq!(heading_id(View::Timeline), "timeline-title");
    }
}
