//! Glossary and questions for a class.

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
        .map(|term| {
            view! {
                <div class="term" id=format!("term-{}", term.id)>
                    <dt>{move || term.term.get(state.lang.get())}</dt>
                    <dd>{move || term.definition.get(state.lang.get())} <ClaimCites claims=&term.claims /></dd>
                </div>
            }
        })
        .collect_view();
    let questions = story
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
    view! {
        <SectionFrame id="glossary">
            <dl class="glossary">{terms}</dl>
            <h3>{crate::tx!(glossary.questions)}</h3>
            <ol class="questions">{questions}</ol>
        </SectionFrame>
    }
}
