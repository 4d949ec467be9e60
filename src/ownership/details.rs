//! The details panel: what the reports say about the selected company or tie, with
//! a citation on every fact, the ties in and out, the people, and what the ministry
//! demanded about it.

use super::graph::{
    edge_label, edge_sentence, graph, venture_stake, Edge, LY, NAVER, REST_EDGE, REST_NODE,
    SOFTBANK, VENTURE,
};
use super::stakes::{look_through, Parent, Range, Split};
use super::OwnershipState;
use crate::app::{country_badge, use_app};
use crate::citation::{CiteMarker, ClaimCites};
use crate::content::{story, Entity, Figure, Id, Relation, RelationKind, Requirement};
use crate::guidance::links::{requirements_for_entity, requirements_for_relation};
use crate::i18n::format_value;
use crate::url::{UrlState, View};
use leptos::prelude::*;

const DISAGREEMENT: &str = "who-holds-ly";

#[component]
pub fn DetailsPanel(own: OwnershipState) -> impl IntoView {
    let state = use_app();
    // Announces a selection, not a what-if step: the slider speaks its own value and the
    // verdict, and a selected parent line's title would otherwise be read out at each step.
    // With the panel, a frame after the tap (its text is laid out too, hidden or not).
    let status = move || {
        let lang = state.lang.get();
        own.selected_behind.get().map_or_else(
            || crate::tr!(lang, details.none_selected).to_string(),
            |id| {
                crate::tr!(
                    lang,
                    details.status,
                    title = title_of(&id, lang, own.split.get_untracked())
                )
            },
        )
    };
    let top = NodeRef::<leptos::html::Span>::new();
    Effect::new(move |_| {
        if let Some(top) = top.get() {
            let on_screen = own.details_top_on_screen;
            // In the upper four fifths of the screen: the reader sees the title change.
            crate::app::browser::observe_on_screen(&top, "0px 0px -20% 0px", move |seen| {
                on_screen.set_value(seen)
            });
        }
    });
    // Every panel built stays, hidden while another is shown: showing a built panel is a
    // restyle, where building one is up to 218 elements (LY's). Hidden panels hold their
    // language and what-if, and keep their layout (`KeptPanel`). Once the reader goes on
    // and the page has settled, the panels not asked for yet are built too, one per frame
    // (each is laid out in it), so a first tap on a box shows one.
    //
    // The panel shows a selection a frame after the diagram does: the frame after a tap
    // then draws the diagram's answer without the panel's style, layout and paint, a
    // third of it, and the panel follows a frame (some 16 ms) later.
    let showing = own.selected_behind;
    let selectables = selectables();
    let prebuilt = RwSignal::new(0_usize);
    let built = Memo::new(move |built: Option<&Vec<Selection>>| {
        let built: &[Selection] = built.map_or(&[], Vec::as_slice);
        let prebuilt = &selectables[..prebuilt.get().min(selectables.len())];
        showing.with(|selected| with_built(built, selected, prebuilt))
    });
    Effect::new(move |started: Option<bool>| {
        // Untracked once started: the effect then never runs again.
        if started == Some(true) {
            return true;
        }
        if !(crate::app::chunks::reader_went_on() && crate::app::later::settled()) {
            return false;
        }
        crate::app::later::when_idle(move || prebuild_next(prebuilt, selectables.len()));
        true
    });
    view! {
        <aside id="own-details" class="own-details" aria-labelledby=TITLE_ID>
            // Where the panel starts: on the screen, a new selection needs no scroll.
            <span class="own-details-top" aria-hidden="true" node_ref=top></span>
            <p class="visually-hidden" role="status">{status}</p>
            <For
                each=move || built.get()
                key=Clone::clone
                children=move |selection| view! { <KeptPanel selection showing own /> }
            />
        </aside>
    }
}

/// What the panel shows: a box or line, or (None) the hint to select one.
type Selection = Option<String>;

/// The title's id, on the shown panel's title only (the panel is labelled by it).
const TITLE_ID: &str = "own-details-title";

/// The title's `id` attribute: [`TITLE_ID`] while its panel is shown.
fn title_id(shown: Memo<bool>) -> impl Fn() -> Option<&'static str> + Copy + Send + Sync + 'static {
    move || shown.get().then_some(TITLE_ID)
}

/// `built` with `selected` and then `prebuilt` added at the end, each unless it is there
/// already (a panel is built once, and keeps its place).
fn with_built(built: &[Selection], selected: &Selection, prebuilt: &[Selection]) -> Vec<Selection> {
    let mut built = built.to_vec();
    for selection in std::iter::once(selected).chain(prebuilt) {
        if !built.contains(selection) {
            built.push(selection.clone());
        }
    }
    built
}

/// Everything the diagram can select, boxes then lines, and the hint (no selection).
fn selectables() -> &'static [Selection] {
    static SELECTABLES: std::sync::OnceLock<Vec<Selection>> = std::sync::OnceLock::new();
    SELECTABLES.get_or_init(|| {
        let graph = graph();
        let boxes = graph.nodes.iter().map(|node| Some(node.id.clone()));
        let lines = graph.edges.iter().map(|edge| Some(edge.id.clone()));
        std::iter::once(None).chain(boxes).chain(lines).collect()
    })
}

/// Builds one more of the panels not asked for yet, and the next after the frame that
/// lays this one out: one panel's layout per frame. Each is built in the browser's idle
/// time (a panel takes up to 30 ms on a slow phone, and the reader is tapping by then): a
/// tap's frame never waits for one (`later::when_idle`). Nothing once the panels are gone
/// (the reader switched to another view meanwhile).
fn prebuild_next(prebuilt: RwSignal<usize>, total: usize) {
    let built = prebuilt.try_update(|n| {
        *n += 1;
        *n
    });
    if built.is_some_and(|built| built < total) {
        crate::app::later::when_idle_after_next_frame(move || prebuild_next(prebuilt, total));
    }
}

/// One built panel, shown while its selection is `showing` (the reader's, a frame
/// behind). Hidden, it keeps its layout (`content-visibility: hidden`, style.css), so
/// showing it again lays out nothing; one built hidden is laid out once first, for a
/// frame, clipped to nothing, for a first tap to find its layout there too. Hidden or
/// warming, it is `visibility: hidden`: out of sight, the tab order and the accessibility
/// tree.
#[component]
fn KeptPanel(
    selection: Selection,
    showing: Signal<Selection>,
    own: OwnershipState,
) -> impl IntoView {
    let key = selection.clone().unwrap_or_default();
    let shown = Memo::new({
        let selection = selection.clone();
        move |_| showing.with(|showing| *showing == selection)
    });
    let warming = RwSignal::new(!shown.get_untracked());
    if warming.get_untracked() {
        crate::app::later::after_next_frame(move || warming.set(false));
    }
    let warming = move || warming.get() && !shown.get();
    let own = own.held_while_hidden(shown);
    let content = crate::app::with_state(own.app, move || match selection {
        None => view! {
            <h3 id=title_id(shown)>{crate::tx!(details.title)}</h3>
            <p class="own-details-hint">
                {crate::tx!(details.hint)}
            </p>
        }
        .into_any(),
        Some(id) => details_for(&id, own, shown).into_any(),
    });
    view! {
        <div
            class="own-panel"
            class:own-panel-warming=warming
            data-selection=key
            hidden=move || !shown.get()
        >
            {content}
        </div>
    }
}

fn title_of(id: &str, lang: crate::content::Lang, split: Split) -> String {
    let story = story();
    if let Some(entity) = story.entity(id) {
        return entity.name.get(lang).to_string();
    }
    if id == REST_NODE {
        return crate::tr!(lang, own_detail.other_shareholders).into();
    }
    graph()
        .edge(id)
        .map(|edge| edge_sentence(edge, story, lang, split))
        .unwrap_or_default()
}

fn details_for(id: &str, own: OwnershipState, shown: Memo<bool>) -> AnyView {
    let story = story();
    if id == REST_NODE || id == REST_EDGE {
        return view! { <RestDetails own=own shown /> }.into_any();
    }
    if let Some(entity) = story.entity(id) {
        return view! { <EntityDetails entity=entity own=own shown /> }.into_any();
    }
    if let Some(edge) = graph().edge(id) {
        return view! { <EdgeDetails edge=edge own=own shown /> }.into_any();
    }
    ().into_any()
}

fn clear_button(own: OwnershipState) -> impl IntoView {
    view! {
        <button type="button" class="own-button-link own-clear" on:click=move |_| own.clear()>
            {crate::tx!(details.clear)}
        </button>
    }
}

/// Each claim's text with its own citation marker.
fn claim_list(claims: &'static [Id]) -> impl IntoView {
    let state = use_app();
    let story = story();
    let items = claims
        .iter()
        .filter_map(|id| story.claim(id).map(|claim| (id, claim)))
        .map(|(id, claim)| {
            view! {
                <li>
                    {move || claim.text.get(state.lang.get())}
                    <ClaimCites claims=std::slice::from_ref(id) />
                </li>
            }
        })
        .collect_view();
    view! { <ul class="own-claims">{items}</ul> }
}

/// Each report's value of a figure, with its citation: never averaged.
fn reported_values(figure: &'static Figure) -> impl IntoView {
    let state = use_app();
    let story = story();
    let items = figure
        .reported
        .iter()
        .map(|reported| {
            let publication = story
                .source(&reported.cite.source)
                .map_or("", |s| s.publication_or_title());
            view! {
                <li>
                    <strong class="figure">{move || format_value(reported.value, figure.unit, state.lang.get())}</strong>
                    {move || {
                        let q = reported.qualifier.get(state.lang.get());
                        if q.is_empty() { String::new() } else { format!(" ({q})") }
                    }}
                    " — "<span lang="en">{publication}</span>
                    <CiteMarker cites=vec![&reported.cite] figure=Some(figure) />
                </li>
            }
        })
        .collect_view();
    view! { <ul class="own-reported">{items}</ul> }
}

/// Who holds LY, as each report tells it: A Holdings' stake (per report), the derived
/// rest, and the reports that tell the ownership differently.
fn stake_dispute() -> Option<impl IntoView> {
    let state = use_app();
    let story = story();
    let (relation, stake) = venture_stake(story)?;
    let figure = story.figure(relation.share.as_deref()?)?;
    let disagreement = story.disagreements.iter().find(|d| d.id == DISAGREEMENT);
    let versions = disagreement.map(|d| {
        let items = d
            .versions
            .iter()
            .map(|version| {
                let publication = story
                    .source(&version.cite.source)
                    .map_or("", |s| s.publication_or_title());
                view! {
                    <li class="version">
                        <strong lang="en">{publication}</strong>": "
                        {move || version.text.get(state.lang.get())}
                        <CiteMarker cites=vec![&version.cite] figure=None />
                    </li>
                }
            })
            .collect_view();
        view! {
            <h5>{move || d.topic.get(state.lang.get())}{crate::tx!(own_detail.tell_differently)}</h5>
            <ul class="versions">{items}</ul>
        }
    });
    Some(view! {
        <div class="own-dispute">
            <h4>
                {move || figure.label.get(state.lang.get())}
                " "
                <span class="disputed-badge">{crate::tx!(reports_differ)}</span>
            </h4>
            {reported_values(figure)}
            {move || {
                let note = figure.note.get(state.lang.get());
                (!note.is_empty()).then(|| view! { <p class="own-note">{note.to_string()}</p> })
            }}
            <p class="own-analysis">
                <span class="analysis-badge">{crate::tx!(analysis)}</span>
                {crate::tx!(own_detail.rest_of)}
                {stake.format()}
                " = "
                <strong>{stake.remainder().format()}</strong>
                {crate::tx!(own_detail.rest_note)}
            </p>
            {versions}
        </div>
    })
}

/// A parent's look-through interest in LY, with the arithmetic written out.
fn look_through_block(parent: Parent, own: OwnershipState) -> Option<impl IntoView> {
    let story = story();
    let (_, stake) = venture_stake(story)?;
    let row = move |split: Split| {
        look_through(split, stake)
            .into_iter()
            .find(|l| l.parent == parent)
            .expect("both parents")
    };
    Some(view! {
        <div class="own-lookthrough">
            <h4>{crate::tx!(own_detail.indirect)} <span class="analysis-badge">{crate::tx!(analysis)}</span></h4>
            <p>
                {crate::tx!(own_detail.indirect_how)}
                <strong class="own-arithmetic">{move || row(own.split.get()).arithmetic()}</strong>
                {move || {
                    let split = own.split.get();
                    (!split.is_reported()).then(|| {
                        crate::tr!(crate::i18n::current_lang(), own_detail.as_reported, value = row(Split::REPORTED).arithmetic()).to_string()
                    })
                }}
                {crate::tx!(own_detail.indirect_note)}
            </p>
        </div>
    })
}

fn requirement_links(requirements: Vec<&'static Requirement>) -> impl IntoView {
    let state = use_app();
    if requirements.is_empty() {
        return view! { <p class="own-note">{crate::tx!(own_detail.no_requirement)}</p> }
            .into_any();
    }
    let items = requirements
        .into_iter()
        .map(|requirement| {
            let id = requirement.id.clone();
            let href = move || {
                state.url.with(|u| {
                    if u.view == View::Story {
                        format!("#req-{}", requirement.id)
                    } else {
                        let target = UrlState {
                            view: View::Guidance,
                            lang: u.lang,
                            theme: u.theme,
                            embed: u.embed,
                            req: Some(requirement.id.clone()),
                            ..UrlState::default()
                        };
                        target.to_query()
                    }
                })
            };
            view! {
                <li>
                    <a
                        href=href
                        on:click=move |_| {
                            if state.url.with_untracked(|u| u.view == View::Story) {
                                let id = id.clone();
                                state.update(|u| u.req = Some(id));
                            }
                        }
                    >
                        {move || crate::guidance::requirement_short(requirement, state.lang.get())}
                    </a>
                    <ClaimCites claims=&requirement.claims />
                </li>
            }
        })
        .collect_view();
    view! { <ul class="own-reqs">{items}</ul> }.into_any()
}

/// Buttons for the ties of a box, each selecting that tie.
fn tie_buttons(edges: Vec<&'static Edge>, own: OwnershipState) -> impl IntoView {
    let state = use_app();
    let items = edges
        .into_iter()
        .map(|edge| {
            let id = edge.id.as_str();
            view! {
                <li data-family=edge.family.key()>
                    <button type="button" class="own-button-link" on:click=move |_| own.select(id)>
                        {move || edge_sentence(edge, story(), state.lang.get(), own.split_for(edge))}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="own-ties">{items}</ul> }
}

fn country_line(entity: &Entity, lang: crate::content::Lang) -> &'static str {
    match entity.country {
        crate::content::Country::Japan => crate::tr!(lang, country.japan),
        crate::content::Country::Korea => crate::tr!(lang, country.korea),
        crate::content::Country::China => crate::tr!(lang, country.china),
        crate::content::Country::Unstated => crate::tr!(lang, country.unstated),
    }
}

#[component]
fn EntityDetails(entity: &'static Entity, own: OwnershipState, shown: Memo<bool>) -> impl IntoView {
    let state = use_app();
    let story = story();
    let id = entity.id.as_str();
    let people: Vec<(&'static Relation, &'static Entity)> = story
        .relations
        .iter()
        .filter(|r| r.kind == RelationKind::Office && r.to == id)
        .filter_map(|r| story.entity(&r.from).map(|person| (r, person)))
        .collect();
    let people = (!people.is_empty()).then(|| {
        let items = people
            .into_iter()
            .map(|(office, person)| {
                view! {
                    <li>
                        <strong>{move || person.name.get(state.lang.get())}</strong>
                        ", "
                        {move || office.label.get(state.lang.get())}
                        " "
                        {move || entity.name.get(state.lang.get())}
                        <ClaimCites claims=&office.claims />
                        {claim_list(&person.claims)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h4>{crate::tx!(kind.office)}</h4>
            <ul class="own-people">{items}</ul>
        }
    });
    // Where a person is selected (by link), name their organisation's ties instead.
    let ties = graph().edges_of(id);
    let ties = (!ties.is_empty()).then(|| {
        view! {
            <h4>{crate::tx!(details.ties)}</h4>
            {tie_buttons(ties, own)}
        }
    });
    let special = match id {
        VENTURE | LY => Some(stake_dispute().into_any()),
        SOFTBANK => Some(look_through_block(Parent::SoftBank, own).into_any()),
        NAVER => Some(look_through_block(Parent::Naver, own).into_any()),
        _ => None,
    };
    view! {
        <h3 id=title_id(shown)>
            <span class="country-badge" data-country=country_badge(entity.country)>{country_badge(entity.country)}</span>
            " "
            {move || entity.name.get(state.lang.get())}
        </h3>
        <p class="own-details-role">
            {move || entity.role.get(state.lang.get())}
            ". "
            <span class="own-country">{crate::tx!(own_detail.country)}{move || country_line(entity, state.lang.get())}</span>
            "."
        </p>
        <h4>{crate::tx!(breach.reports_say)}</h4>
        {claim_list(&entity.claims)}
        {special}
        {ties}
        {people}
        <h4>{crate::tx!(details.ministry)}</h4>
        {requirement_links(requirements_for_entity(id))}
        {clear_button(own)}
    }
}

#[component]
fn EdgeDetails(edge: &'static Edge, own: OwnershipState, shown: Memo<bool>) -> impl IntoView {
    let state = use_app();
    let story = story();
    let relation = edge.relation.expect("story edges have a relation");
    let figure = relation.share.as_deref().and_then(|id| story.figure(id));
    let is_parent_stake = edge.split_parent().is_some();
    let share = figure.map(|figure| {
        let what_if = move || {
            is_parent_stake.then_some(()).and_then(|()| {
                let split = own.split.get();
                (!split.is_reported()).then(|| {
                    let label = edge_label(edge, story, state.lang.get(), split);
                    view! {
                        <p class="own-analysis">
                            <span class="analysis-badge">{crate::tx!(analysis)}</span>
                            {crate::tx!(own_detail.whatif_shown)} <strong>{label[0].clone()}</strong>
                            {crate::tx!(own_detail.reports_give)}
                        </p>
                    }
                })
            })
        };
        // LY's owners: the dispute block lists each report's value itself.
        if relation.to == LY {
            return stake_dispute().into_any();
        }
        view! {
            <h4>{move || figure.label.get(state.lang.get())}</h4>
            {reported_values(figure)}
            {what_if}
        }
        .into_any()
    });
    let name = move |id: &str| {
        story
            .entity(id)
            .map_or_else(String::new, |e| e.name.get(state.lang.get()).to_string())
    };
    let from = relation.from.as_str();
    let to = relation.to.as_str();
    view! {
        <h3 id=title_id(shown)>{move || edge_sentence(edge, story, state.lang.get(), own.split_for(edge))}</h3>
        <p class="own-details-role" data-family=edge.family.key()>{move || edge.family.legend(crate::i18n::current_lang())}</p>
        {share}
        <h4>{crate::tx!(breach.reports_say)}</h4>
        {claim_list(&relation.claims)}
        <h4>{crate::tx!(details.ends)}</h4>
        <ul class="own-ties">
            <li>{crate::tx!(own_detail.from)}<button type="button" class="own-button-link" on:click=move |_| own.select(from)>{move || name(from)}</button></li>
            <li>{crate::tx!(own_detail.to)}<button type="button" class="own-button-link" on:click=move |_| own.select(to)>{move || name(to)}</button></li>
        </ul>
        <h4>{crate::tx!(details.ministry)}</h4>
        {requirement_links(requirements_for_relation(&relation.id))}
        {clear_button(own)}
    }
}

/// The derived node and line: analysis, with its arithmetic and the reports it rests on.
#[component]
fn RestDetails(own: OwnershipState, shown: Memo<bool>) -> impl IntoView {
    let story = story();
    let stake = venture_stake(story).map_or(Range::exact(0.0), |(_, r)| r);
    view! {
        <h3 id=title_id(shown)>{crate::tx!(own_detail.other_shareholders)}" " <span class="analysis-badge">{crate::tx!(analysis)}</span></h3>
        <p class="own-details-role">
            {crate::tx!(own_detail.rest_role)}
        </p>
        <p class="own-arithmetic-line">
            "100% − " {stake.format()} {crate::tx!(own_detail.a_stake)}
            <strong class="own-arithmetic">{stake.remainder().format()}</strong>
        </p>
        {stake_dispute()}
        <h4>{crate::tx!(details.ties)}</h4>
        {tie_buttons(graph().edges_of(REST_NODE), own)}
        {clear_button(own)}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_selection_is_built_once_and_kept() {
        let none: Selection = None;
        let ly: Selection = Some(LY.to_string());
        let built = with_built(&[], &none, &[]);
        assert_eq!(built, vec![None]);
        let built = with_built(&built, &ly, &[]);
        assert_eq!(built, vec![None, ly.clone()]);
        // Back to a panel already built: nothing new.
        assert_eq!(with_built(&built, &none, &[]), built);
        assert_eq!(with_built(&built, &ly, &[]), built);
    }

    #[test]
    fn prebuilt_panels_come_after_the_ones_asked_for_and_are_not_built_twice() {
        let ly: Selection = Some(LY.to_string());
        let naver: Selection = Some(NAVER.to_string());
        let built = with_built(&[None], &ly, &[None, naver.clone(), ly.clone()]);
        assert_eq!(built, vec![None, ly.clone(), naver.clone()]);
        assert_eq!(with_built(&built, &naver, &[None, naver.clone()]), built);
    }

    #[test]
    fn every_box_and_line_of_the_diagram_can_be_prebuilt_once() {
        let all = selectables();
        let graph = graph();
        assert_eq!(all.len(), 1 + graph.nodes.len() + graph.edges.len());
        for node in &graph.nodes {
            assert!(all.contains(&Some(node.id.clone())), "{}", node.id);
        }
        let unique: std::collections::HashSet<_> = all.iter().collect();
        assert_eq!(unique.len(), all.len(), "no selection twice");
    }
}
