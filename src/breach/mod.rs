//! How they got in: the breach path step by step, and the controls the reports name.
//!
//! The explorer (diagram, stepper, controls what-if, link details, "Download data")
//! comes first; the same story as text follows as the accessible alternative. All
//! state lives in the URL (`step`, `controls`, `link`, and `req` from the guidance
//! section); the logic is in the pure modules below.

pub mod diagram;
pub mod layout;
pub mod reach;
pub mod state;
pub mod stix;

use crate::app::later::Later;
use crate::app::{use_app, SectionFrame};
use crate::citation::{ClaimCites, FigureValue};
use crate::content::{story, BreachStep, Control, Id, Requirement};
use crate::guidance::links::requirements_for_breach_link;
use crate::guidance::status_label;
use crate::i18n::format_date;
use crate::url::{UrlState, View};
use diagram::{BreachDiagram, DiagramState};
use leptos::prelude::*;

#[component]
pub fn BreachSection() -> impl IntoView {
    view! {
        <SectionFrame id="breach">
            // In tasks of their own: the explorer (it lays the page out to read the
            // diagram's width), then what is below it.
            <Later><BreachExplorer /></Later>
            <Later><Context2021 /></Later>
            <Later><BreachText /></Later>
        </SectionFrame>
    }
}

/// The explorer's reactive state, derived from the URL; shared by the section and the
/// presenter's slides.
/// Also returns the step as the stepper shows it (its dots and buttons), which the diagram
/// and the words follow a frame behind, and the number of steps.
fn explorer_state() -> (DiagramState, Memo<u16>, u16) {
    let app = use_app();
    let story = story();
    let total = story.breach_steps.len() as u16;
    let step = Memo::new(move |_| app.step.get().clamp(1, total.max(1)));
    // The step is drawn a frame after the stepper's dots and buttons move: the frame after
    // a tap then has none of the diagram's classes (a closure per box and line), their
    // style and its paint, nor the words' layout; they follow some 16 ms later.
    let drawn = crate::app::later::a_frame_behind(step).into();
    let reach = Memo::new(move |_| {
        app.controls.with(|controls| {
            reach::reach(
                &story.breach_nodes,
                &story.breach_links,
                &story.controls,
                controls,
            )
        })
    });
    // What the controls change is drawn a frame after the toggle: the frame after a tap
    // draws the checkbox alone, without the layout and paint of the diagram's classes and
    // labels, the verdicts and the step panels' notes (on the story page at 4×, p50 about
    // 18 → 9 ms); they follow some 16 ms later.
    let reach = crate::app::later::a_frame_behind(reach).into();
    let targeted = Memo::new(move |_| {
        app.req
            .with(|req| state::links_targeted_by(story, req.as_deref()))
    });
    (
        DiagramState {
            step: drawn,
            reach,
            targeted,
        },
        step,
        total,
    )
}

/// The live verdict of the controls what-if, in the reader's language.
fn verdict_text(reach: Signal<reach::Reach>) -> Signal<String> {
    let app = use_app();
    let story = story();
    Signal::derive(move || {
        reach.with(|r| reach::verdict(r, &story.breach_nodes, &story.controls, app.lang.get()))
    })
}

/// A presenter slide: the diagram at the URL's step, and that step told in plain words.
#[component]
pub fn BreachStepSlide() -> impl IntoView {
    let (diagram, _, _) = explorer_state();
    view! {
        <div class="breach-slide">
            <BreachDiagram diagram=diagram />
            <StepPanel step=diagram.step reach=diagram.reach />
        </div>
    }
}

/// A presenter slide: the controls what-if with its live verdict.
#[component]
pub fn ControlsSlide() -> impl IntoView {
    let (diagram, _, _) = explorer_state();
    let verdict = verdict_text(diagram.reach);
    view! {
        <div class="breach-slide">
            <BreachDiagram diagram=diagram />
            <p class="verdict" aria-live="polite">
                <span class="analysis-badge">{crate::tx!(analysis)}</span>
                " "
                <span class="verdict-text">{verdict}</span>
            </p>
            <WhatIf verdict=verdict />
        </div>
    }
}

/// The interactive part: diagram, stepper, what-if, link details, download.
#[component]
fn BreachExplorer() -> impl IntoView {
    let app = use_app();
    let (diagram, step, total) = explorer_state();
    let reach = diagram.reach;
    let targeted = diagram.targeted;
    let go = move |number: u16| app.update(|u| u.step = state::step_key(number));
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.alt_key() || ev.ctrl_key() || ev.meta_key() || ev.shift_key() {
            return;
        }
        if let Some(number) = state::step_after_key(&ev.key(), step.get_untracked(), total) {
            ev.prevent_default();
            go(number);
        }
    };
    let verdict = verdict_text(reach);
    // The step as the diagram and the words tell it (the stepper's line and the step's
    // panel), a frame behind the dots and buttons.
    let told = diagram.step;

    view! {
        <div class="breach-explorer">
            <div
                class="breach-stage"
                tabindex="0"
                role="group"
                aria-roledescription=crate::tx!(breach.stepper)
                aria-label=crate::tx!(breach.stepper_label)
                on:keydown=on_keydown
            >
                <BreachDiagram diagram=diagram in_pieces=true />
                // In tasks of their own, as the diagram's pieces (queued before these) and
                // what is below the stage: all in one was the longest task of the view's start.
                <Later>
                    <Legend />
                    <p class="verdict" aria-live="polite">
                        <span class="analysis-badge">{crate::tx!(analysis)}</span>
                        " "
                        <span class="verdict-text">{verdict}</span>
                    </p>
                    <TargetedNote targeted=targeted />
                </Later>
                <Later>
                    <Stepper step=step told=told total=total />
                    <StepPanel step=told reach=reach />
                </Later>
            </div>
            <Later><LinkDetails /></Later>
            <Later><WhatIf verdict=verdict /></Later>
            <Later><DownloadData /></Later>
        </div>
    }
}

/// What the shapes and marks of the diagram mean (never colour alone).
#[component]
fn Legend() -> impl IntoView {
    view! {
        <ul class="breach-legend">
            <li><span class="key key-band" aria-hidden="true"></span>{crate::tx!(breach_ui.legend_band)}</li>
            <li><span class="key key-step" aria-hidden="true"></span>{crate::tx!(breach_ui.legend_step)}</li>
            <li><span class="key key-cut" aria-hidden="true">"✕"</span>{crate::tx!(breach_ui.legend_cut)}</li>
            <li><span class="key key-link" aria-hidden="true"></span>{crate::tx!(breach_ui.legend_link)}</li>
        </ul>
    }
}

/// When a requirement is selected in the guidance section, which links it targets.
#[component]
fn TargetedNote(targeted: Memo<Vec<Id>>) -> impl IntoView {
    let app = use_app();
    let story = story();
    move || {
        // The requirement alone: the whole URL would re-run this at every step and toggle.
        let requirement = app
            .req
            .with(|req| req.as_deref().and_then(|id| story.requirement(id)))?;
        let links = targeted.get();
        if links.is_empty() {
            return None;
        }
        let lang = app.lang.get();
        let names: Vec<String> = links
            .iter()
            .filter_map(|id| story.breach_link(id))
            .map(|link| link.label.get(lang).to_owned())
            .collect();
        Some(view! {
            <p class="targeted-note">
                <span class="targeted-key" aria-hidden="true"></span>
                {crate::tx!(breach.marked_before)}
                <a href=requirement_href(requirement)>{requirement_name(requirement, lang)}</a>
                {crate::tx!(breach.marked_after)}
                {names.join("; ")}
                "."
            </p>
        })
    }
}

/// Previous / next, the progress through the steps, and the live announcement. The
/// buttons and dots follow `step`; the announcement follows `told` (a frame behind).
#[component]
fn Stepper(step: Memo<u16>, told: Signal<u16>, total: u16) -> impl IntoView {
    let app = use_app();
    let story = story();
    let go = move |number: u16| app.update(|u| u.step = state::step_key(number));
    let announcement = move || {
        let number = told.get();
        let title = story
            .breach_steps
            .get(usize::from(number) - 1)
            .map_or("", |s| s.title.get(app.lang.get()));
        state::step_announcement(number, total, title, app.lang.get())
    };
    let dots = (1..=total)
        .map(|number| {
            let title = move || {
                story
                    .breach_steps
                    .get(usize::from(number) - 1)
                    .map_or(String::new(), |s| {
                        crate::tr!(
                            app.lang.get(),
                            breach.step_title,
                            n = number,
                            title = s.title.get(app.lang.get())
                        )
                    })
            };
            view! {
                <li>
                    <button
                        type="button"
                        class="step-dot"
                        class:done=move || { number < step.get() }
                        aria-current=move || (number == step.get()).then_some("step")
                        on:click=move |_| go(number)
                    >
                        // The name comes from the hidden title, not aria-label: a label that
                        // glues the number to a word ("1단계") no longer contains the visible "1".
                        <span aria-hidden="true">{number}</span>
                        <span class="visually-hidden">{title}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="stepper">
            <button
                type="button"
                class="step-prev"
                disabled=move || { step.get() <= 1 }
                on:click=move |_| go(state::previous_step(step.get_untracked()))
            >
                <span aria-hidden="true">"←"</span>
                <span class="step-word">{crate::tx!(breach_ui.previous)}</span>
            </button>
            <p class="step-status" aria-live="polite" aria-atomic="true">{announcement}</p>
            <ol class="step-dots" aria-label=crate::tx!(breach_ui.steps)>{dots}</ol>
            <button
                type="button"
                class="step-next"
                disabled=move || { step.get() >= total }
                on:click=move |_| go(state::next_step(step.get_untracked(), total))
            >
                <span class="step-word">{crate::tx!(breach_ui.next)}</span>
                <span aria-hidden="true">"→"</span>
            </button>
        </div>
    }
}

/// Every step in plain words, with its citations, date and ATT&CK mapping, stacked in one
/// place with only the current one shown: a step then changes which panel is visible, not
/// the page's layout (the place is as tall as the longest step, so what is below never
/// jumps), and nothing is rebuilt.
#[component]
fn StepPanel(step: Signal<u16>, reach: Signal<reach::Reach>) -> impl IntoView {
    let story = story();
    let total = story.breach_steps.len();
    let panels = story
        .breach_steps
        .iter()
        .zip(1u16..)
        .map(|(record, number)| {
            let current = Memo::new(move |_| step.get() == number);
            view! { <OneStep record=record number=number total=total current=current reach=reach /> }
        })
        .collect_view();
    view! { <div class="step-panels">{panels}</div> }
}

#[component]
fn OneStep(
    record: &'static BreachStep,
    number: u16,
    total: usize,
    current: Memo<bool>,
    reach: Signal<reach::Reach>,
) -> impl IntoView {
    let app = use_app();
    let story = story();
    // Where the path stops short of this step, when the controls what-if cuts it.
    let stopped = Memo::new(move |_| {
        reach.with(|r| {
            let target = record.nodes.last()?;
            if r.reaches(target) {
                return None;
            }
            let furthest = r.furthest.as_deref()?;
            story.breach_node(furthest)
        })
    });
    view! {
        <article class="step-panel" class:current=current data-step=record.id.as_str()>
            <p class="step-kicker">
                {move || crate::tr!(app.lang.get(), breach.step_of, n = number, total = total)}
                {record.date.map(|date| view! {
                    " · "
                    <time class="step-date" datetime=date.iso()>{move || format_date(date, app.lang.get())}</time>
                })}
            </p>
            <h3>{move || record.title.get(app.lang.get())}</h3>
            <p>{move || record.body.get(app.lang.get())} <ClaimCites claims=&record.claims /></p>
            // Always there, hidden while the path is not cut short: a control's toggle then
            // changes an attribute and a text, and builds or drops no element in the panels.
            <p class="stopped-note" hidden=move || stopped.with(Option::is_none)>
                <span class="analysis-badge">{crate::tx!(analysis)}</span>
                {move || {
                    let lang = app.lang.get();
                    stopped.get().map_or(String::new(), |node| {
                        crate::tr!(lang, breach.stopped, node = node.label.get(lang)).to_string()
                    })
                }}
            </p>
            <TechniqueNote step=record />
        </article>
    }
}

#[component]
fn TechniqueNote(step: &'static BreachStep) -> impl IntoView {
    let app = use_app();
    (!step.techniques.is_empty()).then(|| {
        view! {
            <div class="analysis techniques">
                <span class="analysis-badge">{crate::tx!(analysis)}</span>
                {crate::tx!(breach.attck_note)}
                <ul>
                    {step.techniques.iter().map(|t| view! {
                        <li class="technique">
                            // ATT&CK's own technique and tactic names stay as MITRE writes them.
                            <span lang="en"><code>{t.id.as_str()}</code>" "<strong>{t.name.as_str()}</strong>
                            {format!(" ({})", t.tactic)}</span>": "
                            {move || t.why.get(app.lang.get())}
                        </li>
                    }).collect_view()}
                </ul>
            </div>
        }
    })
}

/// How a requirement is named in links: its number, or the start of its text.
fn requirement_name(requirement: &Requirement, lang: crate::content::Lang) -> String {
    let story = story();
    let date = story
        .guidance(&requirement.guidance)
        .map(|g| format_date(g.date, lang));
    let text = requirement.text.get(lang);
    let short: String = if text.chars().count() > 90 {
        let cut: String = text.chars().take(88).collect();
        format!("{}…", cut.trim_end())
    } else {
        text.to_owned()
    };
    match (requirement.number.is_empty(), date) {
        (false, Some(date)) => crate::tr!(
            lang,
            breach_ui.requirement_of,
            number = requirement.number.as_str(),
            date = date,
            short = short
        )
        .to_string(),
        (true, Some(date)) => {
            crate::tr!(lang, breach_ui.requirement_date, date = date, short = short).to_string()
        }
        _ => short,
    }
}

/// Where a requirement is shown: its anchor in the story, or the guidance view with it
/// selected when only one view is on screen.
fn requirement_href(requirement: &Requirement) -> String {
    let app = use_app();
    let current = app.url.get_untracked();
    if current.view == View::Story {
        format!("#req-{}", requirement.id)
    } else {
        let target = UrlState {
            view: View::Guidance,
            lang: current.lang,
            theme: current.theme,
            embed: current.embed,
            req: Some(requirement.id.clone()),
            ..UrlState::default()
        };
        target.to_query()
    }
}

/// The selected link: what it is, its citations, the controls that cut it, and the
/// ministry's demands aimed at it.
#[component]
fn LinkDetails() -> impl IntoView {
    let app = use_app();
    let story = story();
    move || {
        let id = app.link.get()?;
        let link = story.breach_link(&id)?;
        let lang = app.lang.get();
        let node = |id: &str| story.breach_node(id).map_or("", |n| n.label.get(lang));
        let cutters: Vec<&'static Control> = state::controls_cutting(story, &link.id);
        let demands = requirements_for_breach_link(&link.id);
        let in_story = app.url.with_untracked(|u| u.view == View::Story);
        Some(view! {
            <section class="link-details" aria-labelledby="link-details-title" data-link=link.id.as_str()>
                <h3 id="link-details-title">
                    {crate::tx!(breach.selected_link)} {node(&link.from)} " → " {node(&link.to)}
                </h3>
                <p>{move || state::sentence_start(link.label.get(app.lang.get()))} "." <ClaimCites claims=&link.claims /></p>
                <p class="link-cutters">
                    <span class="analysis-badge">{crate::tx!(analysis)}</span>
                    {if cutters.is_empty() {
                        crate::tr!(lang, breach.no_cutter).to_owned()
                    } else {
                        crate::tr!(
                            lang,
                            breach.cut_by,
                            cutters = cutters.iter().map(|c| c.name.get(lang)).collect::<Vec<_>>().join("; ")
                        )
                    }}
                </p>
                <h4>{crate::tx!(breach.ministry_demanded)}</h4>
                {if demands.is_empty() {
                    view! { <p>{crate::tx!(breach.no_demand)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="link-demands">
                            {demands.into_iter().map(|requirement| {
                                let req_id = requirement.id.clone();
                                view! {
                                    <li>
                                        <a
                                            href=requirement_href(requirement)
                                            on:click=move |_| {
                                                if in_story {
                                                    let req_id = req_id.clone();
                                                    app.update(|u| u.req = Some(req_id));
                                                }
                                            }
                                        >
                                            {requirement_name(requirement, lang)}
                                        </a>
                                        " "
                                        <span class="status" data-status=format!("{:?}", requirement.status).to_lowercase()>
                                            {move || status_label(requirement.status, crate::i18n::current_lang())}
                                        </span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
                <button type="button" class="link-close" on:click=move |_| app.update(|u| u.link = None)>
                    {crate::tx!(close)}
                </button>
            </section>
        })
    }
}

/// The controls the reports name, as toggles that cut links in the model.
#[component]
fn WhatIf(verdict: Signal<String>) -> impl IntoView {
    let app = use_app();
    let story = story();
    let items = story
        .controls
        .iter()
        .map(|control| {
            let id = control.id.as_str();
            let input_id = format!("control-{id}");
            let on = move || app.controls.with(|controls| controls.iter().any(|c| c == id));
            let cuts = move || -> Vec<String> {
                let lang = app.lang.get();
                control
                    .cuts
                    .iter()
                    .filter_map(|l| story.breach_link(l))
                    .map(|l| l.label.get(lang).to_owned())
                    .collect()
            };
            view! {
                <li class="control-item" data-control=id>
                    <div class="control-head">
                        <input
                            type="checkbox"
                            id=input_id.clone()
                            prop:checked=on
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                app.update(|u| {
                                    u.controls = state::toggle_control(story, &u.controls, id, checked);
                                });
                            }
                        />
                        <label for=input_id>
                            <span class="control-name">{move || control.name.get(app.lang.get())}</span>
                            " "
                            <span class="status" data-status=format!("{:?}", control.status).to_lowercase()>
                                {move || status_label(control.status, crate::i18n::current_lang())}
                            </span>
                        </label>
                    </div>
                    <p class="control-reported">
                        {crate::tx!(breach.reported)} {move || control.reported.get(app.lang.get())}
                        <ClaimCites claims=&control.claims />
                    </p>
                    <p class="control-rationale">
                        <span class="analysis-badge">{crate::tx!(analysis)}</span>
                        " " {move || control.rationale.get(app.lang.get())}
                        {move || crate::tr!(app.lang.get(), breach.cuts, links = cuts().join(crate::tr!(app.lang.get(), breach_ui.list_sep)))}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="whatif">
            <legend>
                {crate::tx!(breach.whatif)}
                <span class="analysis-badge">{crate::tx!(analysis)}</span>
            </legend>
            <p class="whatif-note">
                {crate::tx!(breach.whatif_note)}
            </p>
            <ul class="control-list">{items}</ul>
            <p class="whatif-verdict">{move || verdict.get()}</p>
        </fieldset>
    }
}

/// "Download data": the path as a STIX 2.1 bundle of Attack Flow objects, made when asked
/// for (as the ownership's BODS file), not while the view starts.
#[component]
fn DownloadData() -> impl IntoView {
    view! {
        <p class="download-data">
            <button
                type="button"
                class="download-link"
                on:click=move |_| crate::export::save_json(stix::EXPORT_FILE_NAME, &stix::attack_flow_json(story()))
            >
                {crate::tx!(breach.download_data)}
            </button>
            {crate::tx!(breach.download_note)}
        </p>
        <p class="download-data">
            <crate::export::PictureDownloads selector="#breach svg.breach-diagram".into() file_stem="line-breach-path".into() label="Diagram" />
        </p>
    }
}

/// The 2021 incident, told by the timeline event that records it: context for both
/// the diagram and the text.
#[component]
fn Context2021() -> impl IntoView {
    let app = use_app();
    story().event("incident-2021").map(|event| {
        view! {
            <aside class="context">
                <h3>{crate::tx!(breach.context_2021)}</h3>
                <p>{move || event.title.get(app.lang.get())} <ClaimCites claims=&event.claims /></p>
            </aside>
        }
    })
}

/// The same path as text: the accessible alternative to the diagram.
#[component]
fn BreachText() -> impl IntoView {
    let state = use_app();
    let story = story();
    let steps = story
        .breach_steps
        .iter()
        .map(|step| {
            view! {
                <li class="breach-step" id=format!("step-{}", step.id)>
                    <h4>{move || step.title.get(state.lang.get())}</h4>
                    {step.date.map(|date| view! {
                        <p class="step-date"><time datetime=date.iso()>{move || format_date(date, state.lang.get())}</time></p>
                    })}
                    <p>{move || step.body.get(state.lang.get())} <ClaimCites claims=&step.claims /></p>
                    {(!step.techniques.is_empty()).then(|| view! {
                        <p class="analysis">
                            <span class="analysis-badge">{crate::tx!(analysis)}</span>
                            " ATT&CK: "
                            {step.techniques.iter().map(|t| view! {
                                <span class="technique" lang="en"><code>{t.id.as_str()}</code>" "{t.name.as_str()}</span>" "
                            }).collect_view()}
                        </p>
                    })}
                </li>
            }
        })
        .collect_view();
    let leaked = story.figure("leaked-items");
    view! {
        <div class="breach-text">
            <h3>{crate::tx!(breach.path_in_words)}</h3>
            <ol class="breach-steps">{steps}</ol>
            {leaked.map(|figure| view! {
                <p class="breach-count">{crate::tx!(breach_ui.items_leaked)} <FigureValue figure=figure /></p>
            })}
            // In a task of its own: with the steps, one was too long.
            <Later><ControlsTable /></Later>
        </div>
    }
}

/// Each security control the reports name, and what they say of it.
#[component]
fn ControlsTable() -> impl IntoView {
    let state = use_app();
    let controls = story()
        .controls
        .iter()
        .map(|control| {
            view! {
                <tr>
                    <th scope="row">{move || control.name.get(state.lang.get())}</th>
                    <td><span class="status" data-status=format!("{:?}", control.status).to_lowercase()>{move || status_label(control.status, crate::i18n::current_lang())}</span></td>
                    <td>{move || control.reported.get(state.lang.get())} <ClaimCites claims=&control.claims /></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h3>{crate::tx!(breach.controls_named)}</h3>
        <div class="table-scroll">
            <table class="controls">
                <caption>{crate::tx!(breach.status_caption)}</caption>
                <thead><tr><th scope="col">{crate::tx!(breach.control)}</th><th scope="col">{crate::tx!(guidance.status)}</th><th scope="col">{crate::tx!(breach.reports_say)}</th></tr></thead>
                <tbody>{controls}</tbody>
            </table>
        </div>
    }
}
