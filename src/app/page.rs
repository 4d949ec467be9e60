//! The story page, top to bottom, or the one view the URL asks for.

use super::chunks::{Lazy, Part};
use super::later::Later;
use super::use_app;
use crate::citation::{ClaimCites, FigureValue};
use crate::content::story;
use crate::url::View;
use leptos::prelude::*;

#[component]
pub fn Page() -> impl IntoView {
    let state = use_app();
    let view_key = state.view;
    // Embedding is decided by the link the host page used; it does not change while reading.
    let embedded = state.url.with_untracked(|u| u.embed);
    let presenting = state.present;
    // Built anew only between the story and a view, not from one view to another.
    let single_view = Memo::new(move |_| view_key.get() != View::Story && !presenting.get());
    // The main part is built anew only when the view changes in place (a view switch, Back
    // or Forward): the builds after the first.
    let built_before = StoredValue::new(false);
    view! {
        <a class="skip-link" href="#story" lang=move || state.lang.get().code()>{move || crate::tr!(state.lang.get(), skip)}</a>
        // The first screen (the masthead, then the hook or the view) builds in pieces behind
        // the static shell, which gives way to it in one task (`ShellSwap`).
        {(!embedded).then(|| view! {
            <Later>
                <header class="masthead" lang=move || state.lang.get().code()>
                    <p class="kicker">{move || crate::tr!(state.lang.get(), kicker)}</p>
                    <super::LanguageSwitcher />
                    // From a single view to the others and to the whole story.
                    {move || single_view.get().then(|| view! { <super::view_switch::ViewSwitcher /> })}
                </header>
            </Later>
        })}
        // No `lang` of its own: each part inside carries one (see the root's in `app`).
        <main id="story" data-view=move || if presenting.get() { "present" } else { view_key.get().key() }>
            // One view, an embed or a slide other than the title has no visible <h1>: screen
            // reader users still get the explainer's name as the page's first heading.
            {move || {
                let own_h1 = if presenting.get() {
                    state.slide.get() == 1
                } else {
                    view_key.get() == View::Story
                };
                (!own_h1).then(|| view! { <h1 class="visually-hidden" lang=move || state.lang.get().code()>{move || crate::tr!(state.lang.get(), hook.title)}</h1> })
            }}
            {move || {
            let switched = built_before.get_value();
            built_before.set_value(true);
            if presenting.get() {
                view! { <ShellSwap /> <Lazy part=Part::Presenter /> }.into_any()
            } else { match view_key.get() {
                // The hook is the first screen; each section after it renders in a task of
                // its own (`Later`), so the page never blocks input for long, from a chunk
                // of its own (`Lazy`), so the first load carries only the hook.
                View::Story => view! {
                    <Later><Hook /></Later>
                    <ShellSwap />
                    <Later><Lazy part=Part::Ownership in_story=true /></Later>
                    <Later><Lazy part=Part::Breach in_story=true /></Later>
                    <Later><Lazy part=Part::Guidance in_story=true /></Later>
                    <Later><Lazy part=Part::Timeline in_story=true /></Later>
                    <Later><Lazy part=Part::Numbers in_story=true /></Later>
                    <Later><Lazy part=Part::Sources in_story=true /></Later>
                    <Later><Lazy part=Part::Glossary in_story=true /></Later>
                }.into_any(),
                // A piece of its own after the page's (each is the first run of much code,
                // which V8 compiles as it first runs). The swap is in the same piece, after
                // the view's first screen and before the view's own pieces: the first of
                // them measures the page.
                // A view whose first screen is a list builds it one item per task and
                // queues the swap after those items itself (`swap_shell_after_first_items`);
                // this one, after the whole list, only backs that up.
                // Switched to in place, the view's first piece is built in the task it
                // comes in (a frame after the click, see `AppState::view`).
                view => match Part::of_view(view) {
                    Some(part) if part.first_screen_is_a_list() => view! { <Later now=switched><Lazy part=part /><ShellSwap /></Later> }.into_any(),
                    Some(part) => view! { <Later now=switched><Lazy part=part /><ShellSwapNow /></Later> }.into_any(),
                    None => view! { <ShellSwap /> }.into_any(),
                },
            }}}}
        </main>
        // After the sections, so that nothing on screen is pushed down as they arrive.
        <Later last=true><PrintFooter /></Later>
        <Later last=true>{if embedded {
            view! { <EmbedFooter /> }.into_any()
        } else {
            view! {
                <footer class="colophon" lang=move || state.lang.get().code()>
                    <p>
                        {move || crate::tr!(state.lang.get(), footer.before)}
                        <a href=move || if view_key.get() == View::Story { "#sources".to_string() } else { state.href_to(View::Sources, "") }>{move || crate::tr!(state.lang.get(), footer.sources)}</a>
                        {move || crate::tr!(state.lang.get(), footer.after)}
                    </p>
                </footer>
            }.into_any()
        }}</Later>
    }
}

/// Where the first screen ends: the pieces queued before this point (see `later`) have
/// built it behind the static shell, and the next task puts it in the shell's place. A
/// piece of its own, so that no one task builds the whole first screen (each would block
/// input for as long), and no frame shows both or neither.
#[component]
fn ShellSwap() -> impl IntoView {
    super::later::defer(super::browser::show_app_for_shell);
}

/// For a list that is a view's first screen, built one item per task (`<Later>`): called
/// as each item's piece is created, before the item at `index`, it queues the swap after
/// the items that fill a phone's first screen (the static shell holds those, see
/// `FIRST_SCREEN_ITEMS`) and before the rest. Where the shell is gone already (the list is
/// on the story page, or a slide) the swap does nothing.
pub fn swap_shell_after_first_items(index: usize) {
    if index == super::later::FIRST_SCREEN_ITEMS {
        super::later::defer(super::browser::show_app_for_shell);
    }
}

/// The same swap, in the current task: after what is built before it in this piece.
#[component]
fn ShellSwapNow() -> impl IntoView {
    super::browser::show_app_for_shell();
}

/// Only on paper: the address of what was printed, and (for a single view) the reports
/// the citation numbers refer to.
#[component]
fn PrintFooter() -> impl IntoView {
    let state = use_app();
    // From the state, not the address bar, which follows it a moment later; a frame after
    // the change, as what is only on paper need not be in the frame after a tap.
    let url = super::later::a_frame_behind(state.url);
    let href = move || crate::app::browser::href_with_query(&url.with(|u| u.to_query()));
    let reports = story()
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let details = [
                s.publication.as_str(),
                s.author.as_str(),
                s.date_as_stated.as_str(),
            ]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(", ");
            view! { <li>{format!("[{}] {}. {details}.", i + 1, s.title)}</li> }
        })
        .collect_view();
    view! {
        <footer class="print-only print-footer" lang=move || state.lang.get().code()>
            {move || (!matches!(state.view.get(), View::Story | View::Sources)).then(|| view! {
                <h2>{crate::tr!(state.lang.get(), footer.sources)}</h2>
                <p>{crate::tr!(state.lang.get(), footer.superscript)}</p>
            })}
            <ol class="print-reports">{reports}</ol>
            <p>{move || crate::tr!(state.lang.get(), footer.printed)} <span class="print-url">{href}</span></p>
        </footer>
    }
}

/// In an embed: a way out to the whole explainer, and the sources in one line.
#[component]
fn EmbedFooter() -> impl IntoView {
    let state = use_app();
    let sources = story()
        .sources
        .iter()
        .map(|s| s.publication_or_title())
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <footer class="embed-footer" lang=move || state.lang.get().code()>
            <super::LanguageSwitcher />
            <a href=move || state.full_explainer_href() target="_blank" rel="noopener">{move || crate::tr!(state.lang.get(), footer.open_full)}</a>
            <p class="embed-sources">{move || crate::tr!(state.lang.get(), footer.sources_colon)} <span lang="en">{sources}</span></p>
        </footer>
    }
}

/// The three key numbers of the hook, each with its label, value and citation.
#[component]
pub fn KeyNumbers(figures: &'static [crate::content::Id]) -> impl IntoView {
    let state = use_app();
    let story = story();
    let items = figures
        .iter()
        .filter_map(|id| story.figure(id))
        .map(|figure| {
            view! {
                <li class="key-number">
                    <span class="key-label">{move || figure.label.get(state.lang.get())}</span>
                    <FigureValue figure=figure />
                </li>
            }
        })
        .collect_view();
    view! { <ul class="key-numbers">{items}</ul> }
}

/// The opening: what happened in one sentence, and three key numbers.
#[component]
fn Hook() -> impl IntoView {
    let state = use_app();
    let story = story();
    let hook = story
        .hook
        .as_ref()
        .expect("validated: the story has a hook");
    let claim = story.claim(&hook.claim).expect("validated reference");
    view! {
        <section id="hook" aria-labelledby="hook-title" lang=move || state.lang.get().code()>
            <h1 id="hook-title">{move || crate::tr!(state.lang.get(), hook.title)}</h1>
            <h2 class="visually-hidden">{move || crate::tr!(state.lang.get(), hook.what)}</h2>
            <p class="lede">
                {move || claim.text.get(state.lang.get())}
                <ClaimCites claims=std::slice::from_ref(&hook.claim) />
            </p>
            <KeyNumbers figures=&hook.figures />
        </section>
    }
}
