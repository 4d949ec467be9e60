//! Presenter mode (`?present=1&slide=N`): one idea per slide, large type, for a class.
//! Keys: → ↓ Space PageDown next (clickers send PageDown / PageUp), ← ↑ PageUp previous,
//! Home / End, F full screen, Esc leaves. The slide number lives in the URL.

pub mod deck;

use crate::app::{use_app, AppState};
use crate::citation::{ClaimCites, FigureValue};
use crate::content::story;
use crate::guidance::status_label;
use crate::i18n::format_date;
use crate::url::UrlState;
use deck::{deck, next_slide, presenter_key, PresenterKey, Slide};
use leptos::ev;
use leptos::prelude::*;

/// Number of slides, for the URL parser's bounds.
pub fn slide_count() -> u16 {
    deck(story()).len() as u16
}

/// What entering a slide sets in the shared state, so the diagrams show the right moment.
fn enter(state: &mut UrlState, slide: Slide) {
    match slide {
        Slide::BreachStep(index) => {
            state.step = (index > 0).then_some(index as u16 + 1);
            state.controls.clear();
        }
        Slide::Controls => state.step = Some(story().breach_steps.len() as u16),
        _ => {}
    }
}

fn go(app: AppState, key: PresenterKey) {
    let count = slide_count();
    match key {
        PresenterKey::Leave => app.update(|u| {
            u.present = false;
            u.slide = None;
        }),
        PresenterKey::FullScreen => {
            if let Some(root) = crate::app::browser::document_element() {
                let _ = root.request_fullscreen();
            }
        }
        _ => {
            let current = app.url.with_untracked(|u| u.slide_number());
            let target = next_slide(current, key, count);
            let slide = deck(story())[target as usize - 1];
            app.update(|u| {
                u.slide = (target > 1).then_some(target);
                enter(u, slide);
            });
        }
    }
}

#[component]
pub fn Presenter() -> impl IntoView {
    let app = use_app();
    let slides = deck(story());
    let count = slides.len() as u16;
    let number = Memo::new(move |_| app.slide.get().clamp(1, count.max(1)));
    // Keys act anywhere on the page while presenting; modified keys are the browser's.
    let keys = window_event_listener(ev::keydown, move |event| {
        if event.alt_key() || event.ctrl_key() || event.meta_key() {
            return;
        }
        if let Some(key) = presenter_key(&event.key()) {
            event.prevent_default();
            go(app, key);
        }
    });
    on_cleanup(move || keys.remove());
    let slide_view = move || {
        let slide = deck(story())[number.get() as usize - 1];
        render_slide(slide)
    };
    view! {
        <div class="presenter" lang=move || app.lang.get().code() role="region" aria-roledescription=crate::tx!(present.deck) aria-label=crate::tx!(present.mode)>
            <div class="slide" aria-live="polite">{slide_view}</div>
            <crate::app::LanguageSwitcher />
            <nav class="presenter-nav" aria-label=crate::tx!(present.slides)>
                <button type="button" on:click=move |_| go(app, PresenterKey::Previous) disabled=move || { number.get() <= 1 }>{crate::tx!(present.previous)}</button>
                <span class="slide-count" aria-live="polite">{move || format!("{} / {count}", number.get())}</span>
                <button type="button" on:click=move |_| go(app, PresenterKey::Next) disabled=move || { number.get() >= count }>{crate::tx!(present.next)}</button>
                <button type="button" on:click=move |_| go(app, PresenterKey::FullScreen)>{crate::tx!(present.full_screen)}</button>
                <button type="button" on:click=move |_| go(app, PresenterKey::Leave)>{crate::tx!(present.leave)}</button>
            </nav>
        </div>
    }
}

/// The relations one build-up stage shows, each with its figure and citations.
#[component]
fn OwnershipStageList(stage: deck::OwnershipStage) -> impl IntoView {
    let app = use_app();
    let story = story();
    let name = move |id: &str| story.entity(id).map_or("", |e| e.name.get(app.lang.get()));
    let items = story
        .relations
        .iter()
        .filter(|r| {
            story
                .entity(&r.to)
                .is_some_and(|to| stage.shows(r.kind, to.kind))
        })
        .map(|relation| {
            let share = relation.share.as_deref().and_then(|id| story.figure(id));
            let (from, to) = (relation.from.as_str(), relation.to.as_str());
            view! {
                <li>
                    <strong>{move || name(from)}</strong> " "
                    {move || relation.label.get(app.lang.get())} " "
                    <strong>{move || name(to)}</strong>
                    {share.map(|figure| view! { ": " <FigureValue figure=figure /> })}
                    <ClaimCites claims=&relation.claims />
                </li>
            }
        })
        .collect_view();
    view! { <ul class="slide-list">{items}</ul> }
}

fn render_slide(slide: Slide) -> AnyView {
    let app = use_app();
    let story = story();
    match slide {
        Slide::Title => {
            let hook = story
                .hook
                .as_ref()
                .expect("validated: the story has a hook");
            let claim = story.claim(&hook.claim).expect("validated reference");
            view! {
                <h1>{crate::tx!(hook.title)}</h1>
                <p class="lede">{move || claim.text.get(app.lang.get())} <ClaimCites claims=std::slice::from_ref(&hook.claim) /></p>
                <crate::app::page::KeyNumbers figures=&hook.figures />
            }
            .into_any()
        }
        Slide::Ownership(stage) => view! {
            <h2>{move || crate::i18n::section_title("ownership", app.lang.get())}</h2>
            <crate::ownership::OwnershipSlide stage=stage />
            <OwnershipStageList stage=stage />
        }
        .into_any(),
        Slide::BreachStep(index) => view! {
            <h2>{move || format!("{} · {} / {}", crate::i18n::section_title("breach", app.lang.get()), index + 1, story.breach_steps.len())}</h2>
            <crate::breach::BreachStepSlide />
        }
        .into_any(),
        Slide::Controls => view! {
            <h2>{crate::tx!(present.controls)}</h2>
            <crate::breach::ControlsSlide />
        }
        .into_any(),
        Slide::Guidance(index) => {
            let guidance = &story.guidances[index];
            let items = crate::guidance::requirement_tree(&guidance.id)
                .into_iter()
                .map(|(top, _)| {
                    view! {
                        <li>
                            {(!top.number.is_empty()).then(|| format!("{} ", top.number))}
                            {move || top.text.get(app.lang.get())}
                            <ClaimCites claims=&top.claims />
                            " "
                            <span class="status" data-status=format!("{:?}", top.status).to_lowercase()>{move || status_label(top.status, app.lang.get())}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h2>
                    {move || crate::i18n::section_title("guidance", app.lang.get())}
                    " · "
                    <time datetime=guidance.date.iso()>{move || format_date(guidance.date, app.lang.get())}</time>
                </h2>
                <ul class="slide-list">{items}</ul>
            }
            .into_any()
        }
        Slide::Timeline => {
            let items = crate::timeline::chronological()
                .into_iter()
                .map(|event| {
                    view! {
                        <li>
                            <strong>{move || match event.date {
                                Some(date) => format_date(date, app.lang.get()),
                                None => event.when_as_stated.get(app.lang.get()).to_string(),
                            }}</strong>
                            " · "
                            {move || event.title.get(app.lang.get())}
                            <ClaimCites claims=&event.claims />
                        </li>
                    }
                })
                .collect_view();
            view! { <h2>{move || crate::i18n::section_title("timeline", app.lang.get())}</h2> <ol class="slide-list slide-timeline">{items}</ol> }
                .into_any()
        }
        Slide::Questions => {
            let items = story
                .questions
                .iter()
                .map(|q| view! { <li>{move || q.text.get(app.lang.get())} <ClaimCites claims=&q.claims /></li> })
                .collect_view();
            view! { <h2>{crate::tx!(glossary.questions)}</h2> <ol class="slide-list">{items}</ol> }
                .into_any()
        }
    }
}
