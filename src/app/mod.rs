//! The shell: reads the URL once, keeps the address bar canonical, applies language and
//! theme to `<html>`, and renders the story page or one view of it.

pub mod browser;
pub mod page;

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

/// View state shared by every component: the URL is the single source of truth,
/// language and theme are derived from it and the browser.
#[derive(Clone, Copy)]
pub struct AppState {
    pub url: RwSignal<UrlState>,
    pub lang: Memo<Lang>,
    pub dark: Memo<bool>,
}

impl AppState {
    /// Changes the URL state; the address bar follows.
    pub fn update(&self, change: impl FnOnce(&mut UrlState)) {
        self.url.update(change);
    }

    /// A link to another view that keeps language, theme and embed settings.
    pub fn href_to(&self, view: View, fragment: &str) -> String {
        let current = self.url.get_untracked();
        let target = UrlState {
            view,
            lang: current.lang,
            theme: current.theme,
            embed: current.embed,
            ..UrlState::default()
        };
        let query = target.to_query();
        let query = if query.is_empty() {
            "?".to_string()
        } else {
            query
        };
        format!("{query}{fragment}")
    }
    /// The whole story, outside any frame, at the current view's section.
    pub fn full_explainer_href(&self) -> String {
        let current = self.url.get();
        let target = UrlState {
            lang: current.lang,
            theme: current.theme,
            ..UrlState::default()
        };
        let fragment = match current.view {
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
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

#[component]
pub fn App() -> impl IntoView {
    let initial = UrlState::parse(&browser::location_search(), story(), &url_limits());
    let url = RwSignal::new(initial);
    let browser_lang = browser::preferred_lang();
    let lang = Memo::new(move |_| url.with(|u| u.lang).unwrap_or(browser_lang));

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
    let dark = Memo::new(move |_| match url.with(|u| u.theme) {
        ThemeChoice::Dark => true,
        ThemeChoice::Light => false,
        ThemeChoice::Auto => system_dark.get(),
    });

    let state = AppState { url, lang, dark };
    provide_context(state);
    crate::embed::start(&url.get_untracked());

    // The address bar always shows the canonical form of the state.
    Effect::new(move |_| {
        let query = url.with(|u| u.to_query());
        browser::replace_query(&query);
    });
    Effect::new(move |_| {
        if let Some(root) = browser::document_element() {
            let _ = root.set_attribute("lang", lang.get().code());
            let _ = root.set_attribute("data-theme", if dark.get() { "dark" } else { "light" });
            let _ = root.set_attribute("data-embed", if url.with(|u| u.embed) { "1" } else { "0" });
            let _ = root.set_attribute(
                "data-present",
                if url.with(|u| u.present) { "1" } else { "0" },
            );
            let _ = root.set_attribute("data-ready", "1");
        }
    });

    // leptos_i18n follows the app's language; it neither detects nor stores one itself
    // (no cookie feature; `<html lang>` is set above).
    view! {
        <crate::i18n::i18n::I18nContextProvider set_lang_attr_on_html=false set_dir_attr_on_html=false enable_cookie=false>
            <LocaleFollower />
            <page::Page />
        </crate::i18n::i18n::I18nContextProvider>
    }
}

/// Keeps leptos_i18n's locale equal to `AppState.lang`.
#[component]
fn LocaleFollower() -> impl IntoView {
    let state = use_app();
    let i18n = crate::i18n::i18n::use_i18n();
    Effect::new(move |_| i18n.set_locale(crate::i18n::locale(state.lang.get())));
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
                        aria-current=move || (state.lang.get() == lang).then_some("true")
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
        <section id=id class="story-section" aria-labelledby=labelled_by>
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
