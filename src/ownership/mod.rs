//! Who owns LINE: the companies, their stakes, and the outsourcing and regulatory ties.

use crate::app::{country_badge, use_app, SectionFrame};
use crate::citation::{ClaimCites, FigureValue};
use crate::content::{story, EntityKind, Relation, RelationKind};
use leptos::prelude::*;

/// Relation kinds drawn on the ownership diagram, in the legend's order.
pub const DIAGRAM_KINDS: [RelationKind; 6] = [
    RelationKind::Ownership,
    RelationKind::Affiliate,
    RelationKind::Outsourcing,
    RelationKind::SharedSystem,
    RelationKind::Subcontracts,
    RelationKind::Regulatory,
];

pub fn kind_heading(kind: RelationKind) -> &'static str {
    match kind {
        RelationKind::Ownership => "Ownership",
        RelationKind::Affiliate => "Group ties",
        RelationKind::Outsourcing => "Outsourcing",
        RelationKind::SharedSystem => "Shared systems",
        RelationKind::Subcontracts => "Subcontracting",
        RelationKind::Regulatory => "Regulation",
        RelationKind::Operates => "Services",
        RelationKind::Office => "People",
    }
}

#[component]
pub fn OwnershipSection() -> impl IntoView {
    let state = use_app();
    let story = story();
    let companies = story
        .entities
        .iter()
        .filter(|e| !matches!(e.kind, EntityKind::Person))
        .map(|entity| {
            view! {
                <li class="entity" id=format!("entity-{}", entity.id)>
                    <span class="country-badge" data-country=country_badge(entity.country)>{country_badge(entity.country)}</span>
                    " "
                    <strong>{move || entity.name.get(state.lang.get())}</strong>
                    ": "
                    {move || entity.role.get(state.lang.get())}
                    <ClaimCites claims=&entity.claims />
                </li>
            }
        })
        .collect_view();
    let groups = DIAGRAM_KINDS
        .iter()
        .chain([RelationKind::Operates, RelationKind::Office].iter())
        .map(|&kind| {
            let relations: Vec<&'static Relation> =
                story.relations.iter().filter(|r| r.kind == kind).collect();
            view! {
                <h3>{kind_heading(kind)}</h3>
                <ul class="relations" data-kind=format!("{kind:?}").to_lowercase()>
                    {relations.into_iter().map(relation_item).collect_view()}
                </ul>
            }
        })
        .collect_view();
    view! {
        <SectionFrame
            id="ownership"
            title="Who owns LINE"
            intro="LINE's operator, LY, is controlled through a joint venture that a Japanese and a Korean company own in equal halves; the Korean side also ran much of its technology."
        >
            <h3>"Companies and authorities"</h3>
            <ul class="entities">{companies}</ul>
            {groups}
        </SectionFrame>
    }
}

fn relation_item(relation: &'static Relation) -> impl IntoView {
    let state = use_app();
    let story = story();
    let name = move |id: &str| {
        story
            .entity(id)
            .map_or("", |e| e.name.get(state.lang.get()))
    };
    let from = relation.from.as_str();
    let to = relation.to.as_str();
    let share = relation.share.as_deref().and_then(|id| story.figure(id));
    view! {
        <li class="relation" id=format!("relation-{}", relation.id)>
            {move || name(from)} " "
            {move || relation.label.get(state.lang.get())} " "
            {move || name(to)}
            {share.map(|figure| view! { ": " <FigureValue figure=figure /> })}
            <ClaimCites claims=&relation.claims />
        </li>
    }
}
