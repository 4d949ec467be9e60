//! The shell: reads the URL once, keeps the address bar canonical, applies language and
//! theme to `<html>`, and renders the story page or one view of it.

pub mod browser;
pub mod chunks;
pub mod later;
pub mod page;
pub mod section_lang;
pub mod view_switch;

use crate::content::{story, Lang};
use crate::url::{Limits, ThemeChoice, UrlState, View};
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};

/// Bounds for the URL parser that the story does not hold.
pub fn url_limits() -> Limits {
    Limits {
        slides: crate::present::slide_count(),
    }
}

/// View state shared by every component, as a struct of signals: one signal per part of
/// the URL state, so changing one part (a selection) re-runs only what reads that part.
/// `url` puts the parts back together, for the address bar and for links that carry the
/// whole state; language and theme are derived from it and the browser.
#[derive(Clone, Copy)]
pub struct AppState {
    parts: UrlParts,
    /// The whole state (re-runs its readers on any change: use the parts where you can).
    pub url: Memo<UrlState>,
    /// The language the page is drawn in: the reader's, a frame behind it. The frame after
    /// a tap on the language switcher draws the switcher's answer alone; the texts follow
    /// in the task after it (the story page's on screen then, the rest when idle, see
    /// `section_lang`).
    pub lang: Signal<Lang>,
    /// The language the reader asked for (the switcher's current one).
    pub lang_asked: Memo<Lang>,
    pub dark: Memo<bool>,
    /// The view on screen: the URL's view, a frame behind it. The frame after a click on
    /// the list of views draws the list's answer alone; the view is swapped in a task
    /// after it (some tens of milliseconds on a phone), and the page is not ready
    /// meanwhile. Everything inside the page reads this one.
    pub view: ReadSignal<View>,
    /// The view the URL asks for (the list's current link; a switch compares with it).
    pub view_asked: ReadSignal<View>,
    pub embed: ReadSignal<bool>,
    pub present: ReadSignal<bool>,
    pub select: ReadSignal<Option<String>>,
    /// SoftBank's percent of A Holdings in the what-if (reported unless set).
    pub stake: Memo<u8>,
    /// The 1-based breach step (not yet clamped to the story's steps).
    pub step: Memo<u16>,
    pub controls: ReadSignal<Vec<String>>,
    pub link: ReadSignal<Option<String>>,
    pub req: ReadSignal<Option<String>>,
    /// The 1-based presenter slide (not yet clamped to the deck).
    pub slide: Memo<u16>,
    /// What the diagrams have selected, a frame behind them: for a part far from the
    /// diagrams (the guidance's list of what is aimed at a selection), which then follows
    /// a tap in a task after the frame that shows the diagram's answer. One for the page,
    /// as `link` and `select` are.
    pub picked_behind: Signal<Picked>,
}

/// What the two diagrams have selected: the breach path's `link` and the ownership's
/// `select` (the URL's parts of the same names).
#[derive(Clone, Debug, PartialEq)]
pub struct Picked {
    pub link: Option<String>,
    pub select: Option<String>,
}

/// The URL state's parts, one signal each (fields as in [`UrlState`]).
#[derive(Clone, Copy)]
struct UrlParts {
    view: RwSignal<View>,
    lang: RwSignal<Option<Lang>>,
    theme: RwSignal<ThemeChoice>,
    embed: RwSignal<bool>,
    present: RwSignal<bool>,
    select: RwSignal<Option<String>>,
    stake: RwSignal<Option<u8>>,
    step: RwSignal<Option<u16>>,
    controls: RwSignal<Vec<String>>,
    link: RwSignal<Option<String>>,
    req: RwSignal<Option<String>>,
    slide: RwSignal<Option<u16>>,
    passthrough: RwSignal<Vec<(String, String)>>,
}

impl UrlParts {
    fn new(url: UrlState) -> UrlParts {
        UrlParts {
            view: RwSignal::new(url.view),
            lang: RwSignal::new(url.lang),
            theme: RwSignal::new(url.theme),
            embed: RwSignal::new(url.embed),
            present: RwSignal::new(url.present),
            select: RwSignal::new(url.select),
            stake: RwSignal::new(url.stake),
            step: RwSignal::new(url.step),
            controls: RwSignal::new(url.controls),
            link: RwSignal::new(url.link),
            req: RwSignal::new(url.req),
            slide: RwSignal::new(url.slide),
            passthrough: RwSignal::new(url.passthrough),
        }
    }

    /// The whole state (tracked: wrap in `untrack` to read without subscribing).
    fn read(&self) -> UrlState {
        let parts = self;
        UrlState {
            view: parts.view.get(),
            lang: parts.lang.get(),
            theme: parts.theme.get(),
            embed: parts.embed.get(),
            present: parts.present.get(),
            select: parts.select.get(),
            stake: parts.stake.get(),
            step: parts.step.get(),
            controls: parts.controls.get(),
            link: parts.link.get(),
            req: parts.req.get(),
            slide: parts.slide.get(),
            passthrough: parts.passthrough.get(),
        }
    }

    /// Sets the parts that differ from `url`; the others' readers do not re-run.
    fn write(&self, url: UrlState) {
        fn set<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
            if signal.with_untracked(|current| *current != value) {
                signal.set(value);
            }
        }
        set(self.view, url.view);
        set(self.lang, url.lang);
        set(self.theme, url.theme);
        set(self.embed, url.embed);
        set(self.present, url.present);
        set(self.select, url.select);
        set(self.stake, url.stake);
        set(self.step, url.step);
        set(self.controls, url.controls);
        set(self.link, url.link);
        set(self.req, url.req);
        set(self.slide, url.slide);
        set(self.passthrough, url.passthrough);
    }
}

impl AppState {
    fn new(initial: UrlState, browser_lang: Lang, system_dark: RwSignal<bool>) -> AppState {
        let parts = UrlParts::new(initial);
        let url = Memo::new(move |_| parts.read());
        let lang_asked = Memo::new(move |_| parts.lang.get().unwrap_or(browser_lang));
        let lang = later::a_frame_behind(lang_asked).into();
        let dark = Memo::new(move |_| match parts.theme.get() {
            ThemeChoice::Dark => true,
            ThemeChoice::Light => false,
            ThemeChoice::Auto => system_dark.get(),
        });
        AppState {
            parts,
            url,
            lang,
            lang_asked,
            dark,
            view: later::a_frame_behind_unsettled(Memo::new(move |_| parts.view.get())),
            view_asked: parts.view.read_only(),
            embed: parts.embed.read_only(),
            present: parts.present.read_only(),
            select: parts.select.read_only(),
            stake: Memo::new(move |_| parts.stake.get().unwrap_or(crate::url::REPORTED_STAKE)),
            step: Memo::new(move |_| parts.step.get().unwrap_or(1)),
            controls: parts.controls.read_only(),
            link: parts.link.read_only(),
            req: parts.req.read_only(),
            slide: Memo::new(move |_| parts.slide.get().unwrap_or(1)),
            picked_behind: later::a_frame_behind(Memo::new(move |_| Picked {
                link: parts.link.get(),
                select: parts.select.get(),
            }))
            .into(),
        }
    }

    /// Changes the URL state; the address bar follows.
    pub fn update(&self, change: impl FnOnce(&mut UrlState)) {
        later::owe_frame();
        let mut url = untrack(|| self.parts.read());
        change(&mut url);
        self.parts.write(url);
    }

    /// A link to another view that keeps language, theme and embed settings (tracked: a
    /// link built before a language switch must not lead back to the old language).
    pub fn href_to(&self, view: View, fragment: &str) -> String {
        // Only the parts a link keeps are read: a slider's drag re-runs no link.
        let here = UrlState {
            lang: self.parts.lang.get(),
            theme: self.parts.theme.get(),
            embed: self.parts.embed.get(),
            ..UrlState::default()
        };
        let query = here.in_view(view).to_query();
        let query = if query.is_empty() {
            "?".to_string()
        } else {
            query
        };
        format!("{query}{fragment}")
    }
    /// The whole story, outside any frame, at the current view's section.
    pub fn full_explainer_href(&self) -> String {
        let (lang, theme) = self.url.with(|u| (u.lang, u.theme));
        let target = UrlState {
            lang,
            theme,
            ..UrlState::default()
        };
        let fragment = match self.view.get() {
            View::Story => String::new(),
            view => format!("#{}", view.key()),
        };
        let query = target.to_query();
        let query = if query.is_empty() {
            "./".to_string()
        } else {
            query
        };
        format!("{query}{fragment}")
    }

    /// The same state for something the reader cannot see while `shown` is false: its
    /// language and whole URL stay as they were until it is shown again, so a hidden
    /// part of the page re-renders nothing on a switch and catches up when shown.
    pub fn held_while_hidden(self, shown: Memo<bool>) -> AppState {
        AppState {
            lang: held_while_hidden(shown, self.lang).into(),
            url: held_while_hidden(shown, self.url),
            ..self
        }
    }
}

/// `value`, except that while `shown` is false it keeps the value it last had when shown
/// (and its readers do not re-run).
pub fn held_while_hidden<T>(
    shown: Memo<bool>,
    value: impl Get<Value = T> + Send + Sync + 'static,
) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |held: Option<&T>| match held {
        Some(held) if !shown.get() => held.clone(),
        _ => value.get(),
    })
}

/// Builds a part of the page under `state` instead of the app's: what it renders reads
/// `use_app()` (and `tx!`) from there, in a reactive owner of its own.
pub fn with_state<V>(state: AppState, build: impl FnOnce() -> V) -> impl IntoView
where
    V: IntoView + 'static,
{
    let owner = Owner::current()
        .expect("a reactive owner for the part")
        .child();
    let part = owner.with(|| {
        provide_context(state);
        build()
    });
    leptos::tachys::reactive_graph::OwnedView::new_with_owner(part, owner)
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// The app starts in three tasks, each a `<Later>` piece: the mount itself, the app's state
/// and effects ([`Started`]), and the page's first piece. Each runs
/// a few hundred wasm functions for the first time, which the browser compiles as they are
/// first called; in one task they were the load's longest (TBT, see BENCHMARKS.md).
#[component]
pub fn App() -> impl IntoView {
    view! { <later::Later><Started /></later::Later> }
}

/// The app's state, provided to everything below, and the effects that keep the address bar
/// and `<html>` in step with it.
#[component]
fn Started() -> impl IntoView {
    let initial = UrlState::parse(&browser::location_search(), story(), &url_limits());
    let browser_lang = browser::preferred_lang();
    let system_dark = RwSignal::new(false);
    if let Some(query) = browser::prefers_dark() {
        system_dark.set(query.matches());
        let listener = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
            move |event: web_sys::MediaQueryListEvent| {
                system_dark.set(event.matches());
            },
        );
        let _ = query.add_event_listener_with_callback("change", listener.as_ref().unchecked_ref());
        // The listener lives as long as the page.
        listener.forget();
    }
    let state = AppState::new(initial, browser_lang, system_dark);
    let (url, lang, dark) = (state.url, state.lang, state.dark);
    provide_context(state);
    crate::embed::start(&url.get_untracked());

    // The address bar always shows the canonical form of the state: at once on start, and
    // a moment after each change, outside the frame that shows it.
    Effect::new(move |first: Option<()>| {
        let query = url.with(|u| u.to_query());
        if first.is_none() {
            browser::replace_query(&query);
        } else {
            browser::replace_query_soon(query);
        }
    });
    // Only on a change: rewriting an attribute of <html> restyles the whole page.
    Effect::new(move |_| {
        let attributes = [
            ("data-theme", if dark.get() { "dark" } else { "light" }),
            ("data-embed", if state.embed.get() { "1" } else { "0" }),
            ("data-present", if state.present.get() { "1" } else { "0" }),
            // Once every piece of the page has rendered (see `later`) and every chunk asked
            // for is in (see `chunks`).
            (
                "data-ready",
                if later::settled() && chunks::idle() {
                    "1"
                } else {
                    "0"
                },
            ),
        ];
        for (name, value) in attributes {
            browser::set_root_attribute(name, value);
        }
    });
    // A new `lang` on <html> restyles every element drawn, whatever language it is in:
    // about half of a switch's frame on the story page. The page's parts carry their own
    // `lang` (`Page`, `SectionFrame`, `SectionLanguage`) and switch with their texts
    // (`AppState::lang`, a frame after the switcher), so the root follows after the frame
    // that shows them, in a task of its own.
    Effect::new(move |started: Option<()>| {
        let code = lang.get().code();
        if started.is_none() {
            browser::set_root_attribute("lang", code);
        } else {
            later::after_next_frame(move || {
                browser::set_root_attribute("lang", lang.get_untracked().code())
            });
        }
    });

    // No leptos_i18n context: every string is looked up for a language given
    // (`tr!(lang, key)`, `td_string!` underneath), so there is no locale of its own to keep
    // in step, and none of its locale parsing in the wasm.
    view! { <later::Later><page::Page /></later::Later> }
}

/// English / 日本語 / 한국어: each label in its own language; switching keeps every other
/// part of the state, since it changes only `lang` in the one URL state.
#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let state = use_app();
    let options = [Lang::En, Lang::Ja, Lang::Ko]
        .into_iter()
        .map(|lang| {
            let label = match lang {
                Lang::En => crate::tr!(Lang::En, language.en),
                Lang::Ja => crate::tr!(Lang::Ja, language.ja),
                Lang::Ko => crate::tr!(Lang::Ko, language.ko),
            };
            view! {
                <li>
                    <button
                        type="button"
                        class="lang-option"
                        lang=lang.code()
                        data-lang=lang.code()
                        aria-current=move || (state.lang_asked.get() == lang).then_some("true")
                        on:click=move |_| state.update(|u| u.lang = Some(lang))
                    >
                        {label}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="lang-switcher" aria-label=move || crate::tr!(state.lang.get(), language.label)>
            <ul>{options}</ul>
        </nav>
    }
}

/// The frame every section shares: an anchor, a heading, and one plain sentence that
/// says what the reader will learn.
#[component]
pub fn SectionFrame(id: &'static str, children: Children) -> impl IntoView {
    let heading_id = format!("{id}-title");
    let labelled_by = heading_id.clone();
    let state = use_app();
    let (embedded, presenting) = state.url.with_untracked(|u| (u.embed, u.present));
    let embeddable = View::from_key(id).filter(|_| !embedded && !presenting);
    view! {
        // Its own language: on the story page a section far from the screen catches up
        // with a language switch a moment later (`section_lang`).
        <section id=id class="story-section" aria-labelledby=labelled_by lang=move || state.lang.get().code()>
            <div class="section-head">
                <h2 id=heading_id>{move || crate::i18n::section_title(id, state.lang.get())}</h2>
                {embeddable.map(|view| view! { <crate::embed::EmbedButton view=view /> })}
            </div>
            <p class="intro">{move || crate::i18n::section_intro(id, state.lang.get())}</p>
            {children()}
        </section>
    }
}

/// A country as a text badge (never colour alone).
pub fn country_badge(country: crate::content::Country) -> &'static str {
    use crate::content::Country;
    match country {
        Country::Japan => "JP",
        Country::Korea => "KR",
        Country::China => "CN",
        Country::Unstated => "–",
    }
}
