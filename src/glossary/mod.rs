//! Glossary and questions for a class.

use crate::app::later::{Later, FIRST_SCREEN_ITEMS};
use crate::app::page::swap_shell_after_first_items;
use crate::app::{use_app, SectionFrame};
use crate::citation::ClaimCites;
use crate::content::story;
use leptos::prelude::*;

#[component]
pub fn GlossarySection() -> impl IntoView {
    let state = use_app();
    let story = story();
    let terms = story
        .terms
        .iter()
        .enumerate()
        .map(|(index, term)| {
            // One task per term: the list is long.
            swap_shell_after_first_items(index);
            view! { <Later>
                <div class="term" id=format!("term-{}", term.id)>
                    <dt>{move || term.term.get(state.lang.get())}</dt>
                    <dd>{move || term.definition.get(state.lang.get())} <ClaimCites claims=&term.claims /></dd>
                </div>
            </Later> }
        })
        .collect_view();
    view! {
        <SectionFrame id="glossary">
            <dl class="glossary" data-first-screen=FIRST_SCREEN_ITEMS>{terms}</dl>
            // After the terms, so that they arrive above it rather than push it down.
            <Later>
                <h3>{crate::tx!(glossary.questions)}</h3>
                <Questions />
            </Later>
        </SectionFrame>
    }
}

/// The discussion questions, for class.
#[component]
fn Questions() -> impl IntoView {
    let state = use_app();
    let questions = story()
        .questions
        .iter()
        .map(|question| {
            view! {
                <li id=format!("question-{}", question.id)>
                    {move || question.text.get(state.lang.get())}
                    <ClaimCites claims=&question.claims />
                </li>
            }
        })
        .collect_view();
    view! { <ol class="questions">{questions}</ol> }
}
