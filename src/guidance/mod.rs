//! What Tokyo demanded: both administrative guidances, every requirement and bullet,
//! what LY had done about each, and what each aims at in the other two diagrams.
//!
//! Selecting a requirement sets `req` in the URL, so the ownership and breach
//! diagrams (on the story page, or in their own views) highlight its targets; a
//! selection made there (`select`) lists here the requirements aimed at it.

pub mod filters;
pub mod links;
pub mod targets;

use crate::app::later::{settled, Later};
use crate::app::{use_app, Picked, SectionFrame};
use crate::citation::ClaimCites;
use crate::content::{story, Guidance, Lang, Requirement, Status, Theme};
use crate::i18n::format_date;
use crate::url::View;
use filters::{shown_message, status_counts, status_key, theme_counts, theme_key, Filters};
use leptos::prelude::*;

pub fn status_label(status: Status, lang: Lang) -> &'static str {
    match status {
        Status::Done => crate::tr!(lang, status.done),
        Status::Partial => crate::tr!(lang, status.partial),
        Status::WithinAYear => crate::tr!(lang, status.within_a_year),
        Status::OverTwoYears => crate::tr!(lang, status.over_two_years),
        Status::Unclear => crate::tr!(lang, status.unclear),
        Status::Demanded => crate::tr!(lang, status.demanded),
    }
}

pub fn theme_label(theme: Theme, lang: Lang) -> &'static str {
    match theme {
        Theme::Security => crate::tr!(lang, theme.security),
        Theme::Contractors => crate::tr!(lang, theme.contractors),
        Theme::Governance => crate::tr!(lang, theme.governance),
        Theme::Users => crate::tr!(lang, theme.users),
    }
}

/// The requirements of one guidance, numbered measures with their bullets beneath.
pub fn requirement_tree(guidance: &str) -> Vec<(&'static Requirement, Vec<&'static Requirement>)> {
    let story = story();
    story
        .requirements
        .iter()
        .filter(|r| r.guidance == guidance && r.parent.is_none())
        .map(|top| {
            let children = story
                .requirements
                .iter()
                .filter(|r| r.parent.as_deref() == Some(top.id.as_str()))
                .collect();
            (top, children)
        })
        .collect()
}

/// A requirement named in a line: its guidance's date, its number, and the start of
/// its text ("16 April 2024 (2): Accelerate consideration of a fundamental…").
pub fn requirement_short(requirement: &Requirement, lang: Lang) -> String {
    const MAX_CHARS: usize = 72;
    let text = requirement.text.get(lang);
    let short = if text.chars().count() <= MAX_CHARS {
        text.to_string()
    } else {
        let cut: String = text.chars().take(MAX_CHARS).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
        format!("{}…", cut.trim_end_matches([',', ';', ':']))
    };
    let date = story()
        .guidance(&requirement.guidance)
        .map(|g| format_date(g.date, lang))
        .unwrap_or_default();
    if requirement.number.is_empty() {
        format!("{date}: {short}")
    } else {
        format!("{date} {}: {short}", requirement.number)
    }
}

#[component]
pub fn GuidanceSection() -> impl IntoView {
    let state = use_app();
    let story = story();
    let filters = RwSignal::new(Filters::default());
    // What the diagrams have selected, a frame behind them: the frame after a tap on a
    // diagram draws the diagram's own change, and this section (on the story page, far
    // from it) follows some 16 ms later (the notice and the marks it rebuilds were about
    // 2 ms of that frame at 4x).
    let picked = state.picked_behind;
    // Which requirements the diagrams' selection is aimed at: worked out once, not per item.
    let aimed: Memo<Vec<&'static str>> = Memo::new(move |_| {
        picked.with(|p| {
            aimed_at(p, Lang::En)
                .map(|(_, _, requirements)| requirements.iter().map(|r| r.id.as_str()).collect())
                .unwrap_or_default()
        })
    });
    // In its own view, a requirement given by the link is scrolled to (not in an
    // embed, where scrolling could move the host page), once the requirements have
    // rendered (they come in pieces, see `Later`).
    Effect::new(move |scrolled: Option<bool>| {
        if scrolled == Some(true) || !settled() {
            return false;
        }
        let (view, embed, req) = state
            .url
            .with_untracked(|u| (u.view, u.embed, u.req.clone()));
        if view == View::Guidance && !embed {
            if let Some(element) = req.and_then(|id| {
                web_sys::window()?
                    .document()?
                    .get_element_by_id(&format!("req-{id}"))
            }) {
                element.scroll_into_view();
            }
        }
        true
    });
    view! {
        <SectionFrame id="guidance">
            // Below the introduction, each in a task of its own: the filters and notices,
            // then a block at a time, after the one before and all its requirements.
            <Later>
                <FilterBar filters=filters />
                <AimedAtNotice picked=picked />
                <SelectionAnnouncement />
            </Later>
            {story.guidances.iter().map(|g| view! { <Later><GuidanceBlock guidance=g filters=filters aimed=aimed /></Later> }).collect_view()}
        </SectionFrame>
    }
}

#[component]
fn FilterBar(filters: RwSignal<Filters>) -> impl IntoView {
    let requirements = &story().requirements;
    let total = requirements.len();
    let shown = Memo::new(move |_| filters.with(|f| f.shown(requirements)));
    let status_chips = status_counts(requirements)
        .into_iter()
        .map(|(status, count)| {
            let pressed = move || filters.with(|f| f.statuses.contains(&status)).to_string();
            view! {
                <button
                    type="button"
                    class="chip"
                    data-status=status_key(status)
                    aria-pressed=pressed
                    on:click=move |_| filters.update(|f| f.toggle_status(status))
                >
                    {move || status_label(status, crate::i18n::current_lang())}
                    <span class="chip-count">{format!(" ({count})")}</span>
                </button>
            }
        })
        .collect_view();
    let theme_chips = theme_counts(requirements)
        .into_iter()
        .map(|(theme, count)| {
            let pressed = move || filters.with(|f| f.themes.contains(&theme)).to_string();
            view! {
                <button
                    type="button"
                    class="chip"
                    data-theme=theme_key(theme)
                    aria-pressed=pressed
                    on:click=move |_| filters.update(|f| f.toggle_theme(theme))
                >
                    {move || theme_label(theme, crate::i18n::current_lang())}
                    <span class="chip-count">{format!(" ({count})")}</span>
                </button>
            }
        })
        .collect_view();
    view! {
        <fieldset class="req-filters">
            <legend>{crate::tx!(guidance.filter)}</legend>
            <div class="chip-group" role="group" aria-labelledby="req-filter-status">
                <span class="chip-group-label" id="req-filter-status">{crate::tx!(guidance.status_as_of)}</span>
                {status_chips}
            </div>
            <div class="chip-group" role="group" aria-labelledby="req-filter-theme">
                <span class="chip-group-label" id="req-filter-theme">{crate::tx!(guidance.theme)}</span>
                {theme_chips}
            </div>
            <div class="filter-footer">
                <p class="filter-count" role="status">{move || shown_message(shown.get(), total, crate::i18n::current_lang())}</p>
                <button
                    type="button"
                    class="clear-filters"
                    disabled=move || filters.with(Filters::is_empty)
                    on:click=move |_| filters.update(Filters::clear)
                >
                    {crate::tx!(guidance.clear_filters)}
                </button>
            </div>
        </fieldset>
    }
}

/// Says which requirement is selected, for screen readers: the card's own change (a
/// pressed button, a panel below) is otherwise silent.
#[component]
fn SelectionAnnouncement() -> impl IntoView {
    let state = use_app();
    let message = move || {
        let lang = state.lang.get();
        state.req.with(|req| {
            req.as_deref()
                .and_then(|id| story().requirements.iter().find(|r| r.id == id))
                .map(|r| {
                    crate::tr!(
                        lang,
                        guidance.selected_requirement,
                        req = requirement_short(r, lang)
                    )
                })
                .unwrap_or_default()
        })
    };
    view! { <p class="visually-hidden req-announcement" role="status">{message}</p> }
}

/// The requirements aimed at what the diagrams have selected, with which diagram and
/// what it is called.
fn aimed_at(
    picked: &Picked,
    lang: Lang,
) -> Option<(targets::Diagram, String, Vec<&'static Requirement>)> {
    targets::aimed_at_parts(picked.link.as_deref(), picked.select.as_deref(), lang)
}

/// The reverse link: what a diagram has selected, and the requirements aimed at it.
#[component]
fn AimedAtNotice(picked: Signal<Picked>) -> impl IntoView {
    let state = use_app();
    move || {
        let lang = state.lang.get();
        let (diagram, words, requirements) = picked.with(|p| aimed_at(p, lang))?;
        let count = requirements.len();
        let items = requirements
            .into_iter()
            .map(|requirement| {
                let id = requirement.id.clone();
                view! {
                    <li>
                        <a
                            href=format!("#req-{}", requirement.id)
                            on:click=move |_| state.update(|u| u.req = Some(id.clone()))
                        >
                            {requirement_short(requirement, lang)}
                        </a>
                    </li>
                }
            })
            .collect_view();
        let (where_, clear): (&str, fn(&mut crate::url::UrlState)) = match diagram {
            targets::Diagram::Breach => (crate::tr!(lang, guidance.selected_breach), |u| {
                u.link = None
            }),
            targets::Diagram::Ownership => (crate::tr!(lang, guidance.selected_ownership), |u| {
                u.select = None
            }),
        };
        Some(view! {
            <div class="aimed-at">
                <p>
                    {where_}
                    <strong>{words}</strong>
                    ". "
                    {match count {
                        0 => crate::tr!(lang, guidance.aims_none).to_string(),
                        1 => crate::tr!(lang, guidance.aims_one).to_string(),
                        n => crate::tr!(lang, guidance.aims_many, n = n),
                    }}
                </p>
                {(count > 0).then(|| view! { <ul>{items}</ul> })}
                <button type="button" class="link-button" on:click=move |_| state.update(clear)>
                    {crate::tx!(guidance.clear_selection)}
                </button>
            </div>
        })
    }
}

#[component]
fn GuidanceBlock(
    guidance: &'static Guidance,
    filters: RwSignal<Filters>,
    aimed: Memo<Vec<&'static str>>,
) -> impl IntoView {
    let state = use_app();
    let tree = requirement_tree(&guidance.id);
    let all: Vec<&'static Requirement> = tree
        .iter()
        .flat_map(|(top, children)| std::iter::once(*top).chain(children.iter().copied()))
        .collect();
    let none_shown = move || filters.with(|f| !all.iter().any(|r| f.matches(r)));
    // One task per requirement (with its sub-requirements): the list is long.
    let items = tree
        .into_iter()
        .map(|(top, subs)| {
            view! { <Later><RequirementTree top=top subs=subs.clone() filters=filters aimed=aimed /></Later> }
        })
        .collect_view();
    view! {
        <article class="guidance" id=format!("guidance-{}", guidance.id)>
            <h3>
                <time datetime=guidance.date.iso()>{move || format_date(guidance.date, state.lang.get())}</time>
                ": "
                {move || guidance.title.get(state.lang.get())}
            </h3>
            <p>{move || guidance.summary.get(state.lang.get())} <ClaimCites claims=&guidance.claims /></p>
            {guidance.report_due.map(|due| view! {
                <p class="due">{crate::tx!(guidance_ui.report_due)} <time datetime=due.iso()>{move || format_date(due, state.lang.get())}</time></p>
            })}
            <p class="no-match" hidden=move || !none_shown()>{crate::tx!(guidance_ui.no_match)}</p>
            <ol class="requirements">{items}</ol>
        </article>
    }
}

/// A requirement and its sub-requirements, each hidden when the filters exclude it (the
/// parent stays while a child matches).
#[component]
fn RequirementTree(
    top: &'static Requirement,
    subs: Vec<&'static Requirement>,
    filters: RwSignal<Filters>,
    aimed: Memo<Vec<&'static str>>,
) -> impl IntoView {
    let family = subs.clone();
    let child_matches = move || filters.with(|f| family.iter().any(|r| f.matches(r)));
    let top_matches = move || filters.with(|f| f.matches(top));
    let visible = move || top_matches() || child_matches();
    view! {
        <li hidden=move || !visible()>
            <RequirementItem requirement=top filters=filters aimed=aimed />
            {(!subs.is_empty()).then(|| view! {
                <ul class="bullets">
                    {subs.into_iter().map(|r| view! {
                        <li hidden=move || !filters.with(|f| f.matches(r))>
                            <RequirementItem requirement=r filters=filters aimed=aimed />
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </li>
    }
}

#[component]
fn RequirementItem(
    requirement: &'static Requirement,
    filters: RwSignal<Filters>,
    aimed: Memo<Vec<&'static str>>,
) -> impl IntoView {
    let state = use_app();
    let id = requirement.id.as_str();
    let selected = Memo::new(move |_| state.req.with(|req| req.as_deref() == Some(id)));
    // Shown only as the heading of a matching bullet: it does not match itself.
    let context = move || filters.with(|f| !f.matches(requirement));
    let aimed = Memo::new(move |_| aimed.with(|ids| ids.contains(&id)));
    let panel_id = format!("targets-{id}");
    let controls = targets::controls(requirement);
    let measures = (!controls.is_empty()).then(|| {
        view! {
            <div class="req-fact">
                <dt>{crate::tx!(guidance.measures)}</dt>
                <dd>
                    <ul class="req-controls">
                        {controls.into_iter().map(|control| view! {
                            <li>
                                {move || control.name.get(state.lang.get())}
                                " "
                                <span class="status" data-status=status_key(control.status)>{move || status_label(control.status, crate::i18n::current_lang())}</span>
                                <ClaimCites claims=&control.claims />
                            </li>
                        }).collect_view()}
                    </ul>
                </dd>
            </div>
        }
    });
    let toggle = move |_| {
        let now = selected.get_untracked();
        state.update(|u| u.req = (!now).then(|| id.to_string()));
    };
    view! {
        <div
            class="requirement"
            class:selected=move || selected.get()
            class:context=context
            class:aimed=move || aimed.get()
            id=format!("req-{id}")
            data-status=status_key(requirement.status)
            data-theme=theme_key(requirement.theme)
        >
            <p class="req-text">
                {(!requirement.number.is_empty()).then(|| view! { <span class="req-number">{requirement.number.as_str()}</span> " " })}
                {move || requirement.text.get(state.lang.get())}
                <ClaimCites claims=&requirement.claims />
            </p>
            <p class="req-badges">
                {move || selected.get().then(|| view! { <span class="selected-badge">{crate::tx!(guidance.selected)}</span> })}
                {move || aimed.get().then(|| view! { <span class="aimed-badge">{crate::tx!(guidance.aims_selection)}</span> })}
            </p>
            <dl class="req-facts">
                <div class="req-fact">
                    <dt>{crate::tx!(guidance.status)}</dt>
                    <dd><span class="status" data-status=status_key(requirement.status)>{move || status_label(requirement.status, crate::i18n::current_lang())}</span></dd>
                </div>
                <div class="req-fact">
                    <dt>{crate::tx!(guidance.theme)}</dt>
                    <dd class="theme">{move || theme_label(requirement.theme, crate::i18n::current_lang())}</dd>
                </div>
                <div class="req-fact">
                    <dt>{crate::tx!(guidance.ly_report)}</dt>
                    <dd>{move || requirement.response.get(state.lang.get())}</dd>
                </div>
                {measures}
            </dl>
            <button
                type="button"
                class="req-select"
                aria-pressed=move || selected.get().to_string()
                aria-controls=panel_id.clone()
                on:click=toggle
            >
                {crate::tx!(guidance.show_targets)}
            </button>
            <div id=panel_id class="req-targets-slot">
                {move || selected.get().then(|| view! { <TargetsPanel requirement=requirement /> })}
            </div>
        </div>
    }
}

/// The selected requirement's targets, each a link into the diagram that shows it.
#[component]
fn TargetsPanel(requirement: &'static Requirement) -> impl IntoView {
    let state = use_app();
    let in_story = move || state.view.get() == View::Story;
    let path = targets::breach_path(requirement);
    let any_hop = path.iter().any(|hop| hop.targeted);
    let hops = path
        .into_iter()
        .map(|hop| {
            let link_id = hop.link.id.as_str();
            let step = hop.step;
            let href = move || {
                if in_story() {
                    "#breach".to_string()
                } else {
                    state.url.with(|u| targets::breach_href(u, link_id))
                }
            };
            let on_click = move |_| {
                if in_story() {
                    state.update(|u| {
                        u.step = step.filter(|&s| s > 1);
                        u.link = Some(link_id.to_string());
                    });
                }
            };
            view! {
                <li class="hop" data-targeted=hop.targeted.to_string() data-link=link_id>
                    <a href=href on:click=on_click>{move || targets::hop_words(hop.link, state.lang.get())}</a>
                    <span class="hop-flag">{if hop.targeted { "targeted" } else { "not targeted" }}</span>
                    <span class="hop-detail">{move || hop.link.label.get(state.lang.get()).to_string()}</span>
                </li>
            }
        })
        .collect_view();
    let relations = targets::relations(requirement);
    let no_relations = relations.is_empty();
    let relation_items = relations
        .into_iter()
        .map(|relation| {
            let relation_id = relation.id.as_str();
            let href = move || {
                if in_story() {
                    "#ownership".to_string()
                } else {
                    state.url.with(|u| targets::ownership_href(u, relation_id))
                }
            };
            let on_click = move |_| {
                if in_story() {
                    state.update(|u| u.select = Some(relation_id.to_string()));
                }
            };
            view! {
                <li data-relation=relation_id>
                    <a href=href on:click=on_click>{move || targets::relation_sentence(relation, state.lang.get())}</a>
                </li>
            }
        })
        .collect_view();
    let controls = targets::controls(requirement);
    let any_control = !controls.is_empty();
    let control_items = controls
        .into_iter()
        .map(|control| {
            let control_id = control.id.as_str();
            let href = move || {
                if in_story() {
                    "#breach".to_string()
                } else {
                    state.url.with(|u| targets::control_href(u, control_id))
                }
            };
            let on_click = move |_| {
                if in_story() {
                    state.update(|u| u.controls = targets::with_control(&u.controls, control_id));
                }
            };
            view! {
                <li data-control=control_id>
                    <a href=href on:click=on_click>
                        {move || crate::tr!(state.lang.get(), guidance.switch_on, control = control.name.get(state.lang.get()))}
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="req-targets" role="group" aria-label=crate::tx!(guidance.what_targets)>
            <p class="req-targets-title">
                <strong>{crate::tx!(guidance.targets)}</strong>
                " "
                <span class="analysis-badge">{crate::tx!(analysis)}</span>
                {crate::tx!(guidance.targets_note)}
            </p>
            <h4>{crate::tx!(guidance.on_path)}</h4>
            {if any_hop {
                view! { <ol class="path-map">{hops}</ol> }.into_any()
            } else {
                view! { <p class="none">{crate::tx!(guidance.no_hop)}</p> }.into_any()
            }}
            <h4>{crate::tx!(guidance.in_ownership)}</h4>
            {if no_relations {
                view! { <p class="none">{crate::tx!(guidance.no_tie)}</p> }.into_any()
            } else {
                view! { <ul class="relation-targets">{relation_items}</ul> }.into_any()
            }}
            {any_control.then(|| view! {
                <h4>{crate::tx!(guidance.controls)}</h4>
                <ul class="control-targets">{control_items}</ul>
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_guidances_hold_every_measure_and_bullet() {
        let march = requirement_tree("march-5");
        assert_eq!(march.len(), 6, "the March items the reports describe");
        let april = requirement_tree("april-16");
        let numbers: Vec<&str> = april.iter().map(|(top, _)| top.number.as_str()).collect();
        assert_eq!(numbers, vec!["(1)", "(2)", "(3)"]);
        let bullets: Vec<usize> = april.iter().map(|(_, children)| children.len()).collect();
        assert_eq!(bullets, vec![3, 3, 1]);
    }

    #[test]
    fn every_requirement_has_a_status_a_response_and_a_citation() {
        for requirement in &story().requirements {
            assert!(!status_label(requirement.status, Lang::Ko).is_empty());
            assert!(!requirement.response.en.is_empty(), "{}", requirement.id);
            assert!(
                !crate::citation::claim_citations(story(), &requirement.claims).is_empty(),
                "{} is uncited",
                requirement.id
            );
        }
    }

    #[test]
    fn short_names_cut_long_text_at_a_word() {
        let requirement = story().requirement("a-2").unwrap();
        let short = requirement_short(requirement, Lang::En);
        assert!(
            short.starts_with("16 April 2024 (2): Accelerate"),
            "{short}"
        );
        assert!(
            short.ends_with('…') && short.chars().count() < 110,
            "{short}"
        );
        let soc = story().requirement("m-soc").unwrap();
        assert_eq!(
            requirement_short(soc, Lang::En),
            "5 March 2024: Establish an independent Security Operations Center (SOC) within Japan."
        );
    }
}
