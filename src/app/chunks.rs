//! Code splitting: each story section and the presenter is a wasm chunk of its own, fetched
//! when it is needed, so a phone's first load carries only the app, the content and the
//! story's first screen (issue 9: 200 KB brotli).
//!
//! A `#[lazy]` function below is where tools/wasm-split cuts the wasm: what only it reaches
//! goes into its chunk. [`Lazy`] shows a part once its chunk is in; until then, in its
//! place, the section's heading and introduction (from the main module, so anchors and the
//! page's outline are right at once). A part is fetched when
//! - its view, or the presenter, is what the URL asks for ([`preload_first_screen`] has it
//!   in before the app mounts, so nothing flashes);
//! - its placeholder is on the screen;
//! - the reader shows intent to read on (scrolls, presses a key or taps, or the URL names
//!   a fragment) or to print: then every part is fetched, so none is missing when reached.
//!
//! `<html data-ready>` waits for every fetch asked for ([`idle`]).

use super::browser;
use super::section_lang::SectionLanguage;
use super::use_app;
use crate::url::{UrlState, View};
use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;
use std::cell::Cell;
use wasm_bindgen::{closure::Closure, JsCast};

/// What loads as a chunk of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Ownership,
    Breach,
    Guidance,
    Timeline,
    Numbers,
    Sources,
    Glossary,
    Presenter,
}

const PART_COUNT: usize = 8;

impl Part {
    /// The story's sections, top to bottom.
    pub const SECTIONS: [Part; 7] = [
        Part::Ownership,
        Part::Breach,
        Part::Guidance,
        Part::Timeline,
        Part::Numbers,
        Part::Sources,
        Part::Glossary,
    ];

    /// The section a view shows (the story is not a part: it is in the main module).
    pub fn of_view(view: View) -> Option<Part> {
        Some(match view {
            View::Story => return None,
            View::Ownership => Part::Ownership,
            View::Breach => Part::Breach,
            View::Guidance => Part::Guidance,
            View::Timeline => Part::Timeline,
            View::Numbers => Part::Numbers,
            View::Sources => Part::Sources,
            View::Glossary => Part::Glossary,
        })
    }

    /// Whether the part's view starts with a list that fills the first screen, built one
    /// item per task, which queues the shell's swap itself (`page::swap_shell_after_first_items`).
    pub fn first_screen_is_a_list(self) -> bool {
        matches!(self, Part::Timeline | Part::Glossary)
    }

    /// The parts the first screen of `url` shows, which the app waits for before mounting.
    pub fn first_screen(url: &UrlState) -> Option<Part> {
        if url.present {
            Some(Part::Presenter)
        } else {
            Part::of_view(url.view)
        }
    }

    /// The section's element id (and view key); the presenter has none.
    pub fn section_id(self) -> &'static str {
        match self {
            Part::Ownership => "ownership",
            Part::Breach => "breach",
            Part::Guidance => "guidance",
            Part::Timeline => "timeline",
            Part::Numbers => "numbers",
            Part::Sources => "sources",
            Part::Glossary => "glossary",
            Part::Presenter => "present",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// Fetches and instantiates the part's chunk (at once if it is in already).
    async fn fetch(self) -> Result<(), SplitLoaderError> {
        match self {
            Part::Ownership => fetch_ownership().await,
            Part::Breach => fetch_breach().await,
            Part::Guidance => fetch_guidance().await,
            Part::Timeline => fetch_timeline().await,
            Part::Numbers => fetch_numbers().await,
            Part::Sources => fetch_sources().await,
            Part::Glossary => fetch_glossary().await,
            Part::Presenter => fetch_presenter().await,
        }
    }

    /// The part's view; ready at its first poll once [`Part::fetch`] has succeeded (the
    /// split point's wrapper is async only to fetch the chunk).
    async fn render(self) -> Result<AnyView, SplitLoaderError> {
        match self {
            Part::Ownership => ownership().await,
            Part::Breach => breach().await,
            Part::Guidance => guidance().await,
            Part::Timeline => timeline().await,
            Part::Numbers => numbers().await,
            Part::Sources => sources().await,
            Part::Glossary => glossary().await,
            Part::Presenter => presenter().await,
        }
    }
}

#[leptos::wasm_split::wasm_split(ownership, wasm_split_path = ::leptos::wasm_split, preload(fetch_ownership), fallible)]
fn ownership() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::ownership::OwnershipSection /> }.into_any())
}

#[leptos::wasm_split::wasm_split(breach, wasm_split_path = ::leptos::wasm_split, preload(fetch_breach), fallible)]
fn breach() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::breach::BreachSection /> }.into_any())
}

#[leptos::wasm_split::wasm_split(guidance, wasm_split_path = ::leptos::wasm_split, preload(fetch_guidance), fallible)]
fn guidance() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::guidance::GuidanceSection /> }.into_any())
}

#[leptos::wasm_split::wasm_split(timeline, wasm_split_path = ::leptos::wasm_split, preload(fetch_timeline), fallible)]
fn timeline() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::timeline::TimelineSection /> }.into_any())
}

#[leptos::wasm_split::wasm_split(numbers, wasm_split_path = ::leptos::wasm_split, preload(fetch_numbers), fallible)]
fn numbers() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::numbers::NumbersSection /> }.into_any())
}

#[leptos::wasm_split::wasm_split(sources, wasm_split_path = ::leptos::wasm_split, preload(fetch_sources), fallible)]
fn sources() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::sources::SourcesSection /> }.into_any())
}

#[leptos::wasm_split::wasm_split(glossary, wasm_split_path = ::leptos::wasm_split, preload(fetch_glossary), fallible)]
fn glossary() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::glossary::GlossarySection /> }.into_any())
}

#[leptos::wasm_split::wasm_split(presenter, wasm_split_path = ::leptos::wasm_split, preload(fetch_presenter), fallible)]
fn presenter() -> Result<AnyView, SplitLoaderError> {
    Ok(view! { <crate::present::Presenter /> }.into_any())
}

/// Where each part's chunk stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fetch {
    NotAsked,
    Pending,
    Done,
    /// The fetch failed (offline, say); asking again retries.
    Failed,
}

/// Every part's fetch, and whether the reader has shown intent to read on (pure state, so
/// the rules are unit-tested; the browser part is the thread-local below).
#[derive(Debug)]
struct Chunks {
    fetch: [Fetch; PART_COUNT],
    intent: bool,
}

impl Chunks {
    const fn new() -> Self {
        Chunks {
            fetch: [Fetch::NotAsked; PART_COUNT],
            intent: false,
        }
    }

    /// Marks `part` as asked for; true if it was not yet, or failed (the caller starts the
    /// fetch).
    fn ask(&mut self, part: Part) -> bool {
        let slot = &mut self.fetch[part.index()];
        let start = matches!(*slot, Fetch::NotAsked | Fetch::Failed);
        if start {
            *slot = Fetch::Pending;
        }
        start
    }

    fn finish(&mut self, part: Part, fetched: bool) {
        self.fetch[part.index()] = if fetched { Fetch::Done } else { Fetch::Failed };
    }

    fn of(&self, part: Part) -> Fetch {
        self.fetch[part.index()]
    }

    fn idle(&self) -> bool {
        !self.fetch.contains(&Fetch::Pending)
    }
}

thread_local! {
    static CHUNKS: std::cell::RefCell<Chunks> = const { std::cell::RefCell::new(Chunks::new()) };
    /// Bumped whenever a fetch starts or ends, or intent is shown: readers re-check.
    static CHANGED: ArcTrigger = ArcTrigger::new();
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

fn changed() {
    CHANGED.with(|changed| changed.notify());
}

/// True when no fetch that was asked for is still running (reactive).
pub fn idle() -> bool {
    CHANGED.with(|changed| changed.track());
    CHUNKS.with(|chunks| chunks.borrow().idle())
}

fn fetch_of(part: Part) -> Fetch {
    CHUNKS.with(|chunks| chunks.borrow().of(part))
}

/// Whether the reader has gone on (scrolled, pressed a key, tapped or clicked; reactive):
/// work that would compete with the page's load, and that nobody needs before, waits for it.
pub fn reader_went_on() -> bool {
    listen_for_intent();
    intent()
}

/// True once the reader has shown intent to read on (reactive).
fn intent() -> bool {
    CHANGED.with(|changed| changed.track());
    CHUNKS.with(|chunks| chunks.borrow().intent)
}

fn show_intent() {
    let first = CHUNKS.with(|chunks| !std::mem::replace(&mut chunks.borrow_mut().intent, true));
    if first {
        changed();
    }
}

/// Starts fetching every section's chunk not fetched yet: a reader reaching for the list
/// of views (`view_switch`) then waits for no network when switching.
pub fn fetch_every_section() {
    for part in Part::SECTIONS {
        ask(part);
    }
}

/// Starts fetching `part` unless it is fetched or being fetched already.
fn ask(part: Part) {
    if !CHUNKS.with(|chunks| chunks.borrow_mut().ask(part)) {
        return;
    }
    changed();
    wasm_bindgen_futures::spawn_local(async move {
        let fetched = part.fetch().await.is_ok();
        CHUNKS.with(|chunks| chunks.borrow_mut().finish(part, fetched));
        changed();
    });
}

/// Fetches the part the URL's first screen shows, then calls `mount`; at once when the
/// first screen is the story's (its top is in the main module).
pub fn preload_first_screen(url: &UrlState, mount: impl FnOnce() + 'static) {
    match Part::first_screen(url) {
        None => mount(),
        // Not Leptos' spawner: it is set up when the app mounts.
        // A failed fetch mounts the app all the same: the part then offers a retry.
        Some(part) => wasm_bindgen_futures::spawn_local(async move {
            CHUNKS.with(|chunks| chunks.borrow_mut().ask(part));
            let fetched = part.fetch().await.is_ok();
            CHUNKS.with(|chunks| chunks.borrow_mut().finish(part, fetched));
            mount();
        }),
    }
}

/// Listens, once per page, for the first sign that the reader goes on: a scroll, a key, a
/// tap or click, or printing. A fragment in the URL counts as one (the page must reach it).
fn listen_for_intent() {
    if LISTENING.with(|listening| listening.replace(true)) {
        return;
    }
    if browser::window()
        .and_then(|w| w.location().hash().ok())
        .is_some_and(|hash| hash.len() > 1)
    {
        show_intent();
        return;
    }
    let Some(window) = browser::window() else {
        return;
    };
    // Lives as long as the page: the listeners go when they have fired once.
    let on_intent = Closure::<dyn Fn()>::new(show_intent).into_js_value();
    let options = web_sys::AddEventListenerOptions::new();
    options.set_passive(true);
    options.set_once(true);
    for event in [
        "scroll",
        "wheel",
        "keydown",
        "pointerdown",
        "touchstart",
        "beforeprint",
    ] {
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
            event,
            on_intent.unchecked_ref(),
            &options,
        );
    }
}

/// A part of the page, shown once its chunk is in. `in_story`: a story section, which keeps
/// its own language ([`SectionLanguage`]).
#[component]
pub fn Lazy(part: Part, #[prop(optional)] in_story: bool) -> impl IntoView {
    let fetch = RwSignal::new(fetch_of(part));
    let loaded = Memo::new(move |_| fetch.get() == Fetch::Done);
    let placeholder = NodeRef::<leptos::html::Section>::new();
    if fetch.get_untracked() != Fetch::Done {
        listen_for_intent();
        let on_screen = RwSignal::new(false);
        observe_screen(placeholder, on_screen, loaded);
        Effect::new(move |_| {
            // A failed fetch waits for the reader's retry.
            let wanted = intent() || on_screen.get() || !in_story;
            if wanted && fetch.get_untracked() == Fetch::NotAsked {
                ask(part);
            }
            // Only on a change: setting it to Done again would render the section anew.
            let now = fetch_of(part);
            if fetch.get_untracked() != now {
                fetch.set(now);
            }
        });
    }
    move || {
        if loaded.get() {
            if in_story {
                // Built inside: the section reads its own language from the context
                // `SectionLanguage` provides.
                view! { <SectionLanguage id=part.section_id()>{render_now(part)}</SectionLanguage> }
                    .into_any()
            } else {
                render_now(part).into_any()
            }
        } else {
            let failed = Signal::derive(move || fetch.get() == Fetch::Failed);
            view! { <Placeholder part=part failed=failed node_ref=placeholder /> }.into_any()
        }
    }
}

/// The part's view, built untracked and at once (its chunk is in, so the future is ready).
/// Not a `Suspend`: that would make every signal the section reads as it is built a reason
/// to build it anew (a language switch, a selection...).
fn render_now(part: Part) -> Option<AnyView> {
    untrack(|| ready_now(part.render())).and_then(Result::ok)
}

/// The output of a future that is ready at its first poll, or `None`.
fn ready_now<T>(future: impl std::future::Future<Output = T>) -> Option<T> {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut context) {
        std::task::Poll::Ready(output) => Some(output),
        std::task::Poll::Pending => None,
    }
}

/// The section's heading and introduction, held in the main module, where the section
/// will be; if its chunk could not be fetched, a way to try again.
#[component]
fn Placeholder(
    part: Part,
    failed: Signal<bool>,
    node_ref: NodeRef<leptos::html::Section>,
) -> impl IntoView {
    let state = use_app();
    let id = part.section_id();
    let lang = state.lang;
    view! {
        <section id=id class="story-section chunk-pending" lang=move || lang.get().code() aria-busy=move || (!failed.get()).to_string() node_ref=node_ref>
            {(part != Part::Presenter).then(|| view! {
                <div class="section-head">
                    <h2>{move || crate::i18n::section_title(id, lang.get())}</h2>
                </div>
                <p class="intro">{move || crate::i18n::section_intro(id, lang.get())}</p>
            })}
            <p class="chunk-loading" role="status">
                {move || if failed.get() {
                    crate::tr!(lang.get(), loading_failed)
                } else {
                    crate::tr!(lang.get(), loading)
                }}
            </p>
            // Printing fetches every part, but the print being made may start before they
            // arrive: then the paper says so.
            <p class="print-only">{move || crate::tr!(lang.get(), loading_print)}</p>
            {move || failed.get().then(|| view! {
                <button type="button" class="chunk-retry" on:click=move |_| ask(part)>
                    {move || crate::tr!(lang.get(), loading_retry)}
                </button>
            })}
        </section>
    }
}

/// Sets `on_screen` once the placeholder comes on the screen. Stops once it has been seen
/// or the part is in (the placeholder is then gone): the re-run either causes disconnects
/// the observer, which would otherwise check a detached element at every frame of the
/// page's life.
fn observe_screen(
    target: NodeRef<leptos::html::Section>,
    on_screen: RwSignal<bool>,
    loaded: Memo<bool>,
) {
    Effect::new(move |_| {
        if on_screen.get() || loaded.get() {
            return;
        }
        let Some(element) = target.get() else {
            return;
        };
        let observing = browser::observe_on_screen(&element, "0px", move |seen| {
            if seen {
                on_screen.set(true);
            }
        });
        if !observing {
            // No observer: fetch now rather than never.
            on_screen.set(true);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_part_is_fetched_once() {
        let mut chunks = Chunks::new();
        assert!(chunks.ask(Part::Breach));
        assert!(!chunks.ask(Part::Breach));
        chunks.finish(Part::Breach, true);
        assert!(!chunks.ask(Part::Breach));
        assert_eq!(chunks.of(Part::Breach), Fetch::Done);
    }

    #[test]
    fn a_failed_part_is_fetched_again_when_asked() {
        let mut chunks = Chunks::new();
        chunks.ask(Part::Numbers);
        chunks.finish(Part::Numbers, false);
        assert_eq!(chunks.of(Part::Numbers), Fetch::Failed);
        // A failure is not a fetch in flight: the page is ready, showing the retry.
        assert!(chunks.idle());
        assert!(chunks.ask(Part::Numbers));
        assert!(!chunks.idle());
    }

    #[test]
    fn idle_waits_for_every_fetch_asked_for() {
        let mut chunks = Chunks::new();
        assert!(chunks.idle());
        chunks.ask(Part::Ownership);
        chunks.ask(Part::Glossary);
        assert!(!chunks.idle());
        chunks.finish(Part::Ownership, true);
        assert!(!chunks.idle());
        chunks.finish(Part::Glossary, true);
        assert!(chunks.idle());
    }

    #[test]
    fn every_view_but_the_story_is_a_part_with_its_id() {
        for part in Part::SECTIONS {
            let view = View::from_key(part.section_id()).expect("a section id is a view key");
            assert_eq!(Part::of_view(view), Some(part));
        }
        assert_eq!(Part::of_view(View::Story), None);
    }

    #[test]
    fn parts_index_their_own_slot() {
        let mut seen = [false; PART_COUNT];
        for part in Part::SECTIONS.into_iter().chain([Part::Presenter]) {
            assert!(!std::mem::replace(&mut seen[part.index()], true));
        }
        assert!(seen.iter().all(|&s| s));
    }
}
