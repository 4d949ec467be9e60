//! A language switch on the story page re-renders every text of every section: about
//! 17,000 nodes, a third of a second on a phone. The reader sees one or two sections at a
//! time, so [`SectionLanguage`] gives a section a language of its own: the reader's, at
//! once while the section is on or near the screen; for the others, a moment later, each
//! in a task of its own once the browser is idle (`later::when_idle`), so the switch
//! paints what the reader looks at first, the rest catches up before they can scroll to
//! it, and a catch-up never holds up the frame of the reader's next tap.
//!
//! Everything in a section reads its language through `use_app().lang` (`tx!` too), so
//! the section's copy of the app state, with its own `lang`, is all it takes.

use super::{later, use_app, AppState};
use crate::content::Lang;
use leptos::prelude::*;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// How far outside the screen a section still counts as near. None: the sections far
/// from it have all caught up within a few tenths of a second, before a reader can
/// scroll to one, and the switch's first frame is then as small as it gets.
const NEAR_MARGIN: &str = "0px";

/// What a section shows when the reader's language becomes `reader`: switch now, or
/// catch up later (pure, so the rule is unit-tested).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Switch {
    Unchanged,
    Now,
    Later,
}

pub fn switch(shown: Lang, reader: Lang, near_screen: bool) -> Switch {
    if shown == reader {
        Switch::Unchanged
    } else if near_screen {
        Switch::Now
    } else {
        Switch::Later
    }
}

/// Renders `children` (the story section whose element has the id `id`) in the section's
/// own language.
#[component]
pub fn SectionLanguage(id: &'static str, children: Children) -> impl IntoView {
    let app = use_app();
    let shown = ArcRwSignal::new(app.lang.get_untracked());
    // Until the observer first reports, count the section as near: a switch then costs
    // what it did before, and is never late.
    let near = StoredValue::new(true);
    observe_nearness(id, near);

    let reader = app.lang;
    let catching_up = Arc::new(AtomicBool::new(false));
    Effect::new({
        let shown = shown.clone();
        move |_| {
            let lang = reader.get();
            match switch(shown.get_untracked(), lang, near.get_value()) {
                Switch::Unchanged => {}
                Switch::Now => shown.set(lang),
                // One catch-up at a time: it takes the reader's language when it runs.
                Switch::Later if !catching_up.swap(true, Ordering::Relaxed) => {
                    let shown = shown.clone();
                    let catching_up = catching_up.clone();
                    later::when_idle(move || {
                        catching_up.store(false, Ordering::Relaxed);
                        if let Some(lang) = reader.try_get_untracked() {
                            if shown.get_untracked() != lang {
                                shown.set(lang);
                            }
                        }
                    });
                }
                Switch::Later => {}
            }
        }
    });

    let lang = Memo::new(move |_| shown.get()).into();
    super::with_state(AppState { lang, ..app }, children)
}

/// Keeps `near` true while the element `id` is on the screen or within [`NEAR_MARGIN`]
/// of it.
fn observe_nearness(id: &'static str, near: StoredValue<bool>) {
    Effect::new(move |_| {
        let Some(element) = super::browser::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
        else {
            return;
        };
        super::browser::observe_on_screen(&element, NEAR_MARGIN, move |on_screen| {
            near.set_value(on_screen)
        });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_section_near_the_screen_switches_at_once() {
        assert_eq!(switch(Lang::En, Lang::Ja, true), Switch::Now);
    }

    #[test]
    fn a_section_far_from_the_screen_catches_up_later() {
        assert_eq!(switch(Lang::En, Lang::Ko, false), Switch::Later);
    }

    #[test]
    fn a_section_already_in_the_language_does_nothing() {
        assert_eq!(switch(Lang::Ja, Lang::Ja, true), Switch::Unchanged);
        assert_eq!(switch(Lang::Ja, Lang::Ja, false), Switch::Unchanged);
    }
}
