//! Who owns LINE: the companies, their stakes, and the outsourcing and regulatory ties,
//! as an interactive diagram with a details panel, the capital what-if, a BODS export,
//! and the text version below as the accessible alternative.
//!
//! The maths (`stakes`), what is drawn (`graph`), where it goes (`layout`) and the export
//! (`bods`) are plain Rust with native tests; the components here only wire them up.

pub mod bods;
mod details;
mod diagram;
pub mod graph;
pub mod layout;
pub mod stakes;
mod whatif;

use crate::app::later::Later;
use crate::app::{country_badge, use_app, AppState, SectionFrame};
use crate::citation::{ClaimCites, FigureValue};
use crate::content::{story, EntityKind, Relation, RelationKind};
use crate::present::deck::OwnershipStage;
use graph::{graph, EdgeFamily, Emphasis, REST_EDGE, REST_NODE};
use leptos::prelude::*;
use stakes::Split;

/// Relation kinds drawn on the ownership diagram, in the legend's order.
pub const DIAGRAM_KINDS: [RelationKind; 6] = [
    RelationKind::Ownership,
    RelationKind::Affiliate,
    RelationKind::Outsourcing,
    RelationKind::SharedSystem,
    RelationKind::Subcontracts,
    RelationKind::Regulatory,
];

pub fn kind_heading(kind: RelationKind, lang: crate::content::Lang) -> &'static str {
    match kind {
        RelationKind::Ownership => crate::tr!(lang, kind.ownership),
        RelationKind::Affiliate => crate::tr!(lang, kind.affiliate),
        RelationKind::Outsourcing => crate::tr!(lang, kind.outsourcing),
        RelationKind::SharedSystem => crate::tr!(lang, kind.shared_system),
        RelationKind::Subcontracts => crate::tr!(lang, kind.subcontracts),
        RelationKind::Regulatory => crate::tr!(lang, kind.regulatory),
        RelationKind::Operates => crate::tr!(lang, kind.operates),
        RelationKind::Office => crate::tr!(lang, kind.office),
    }
}

/// The ownership view's state. Selection of story records lives in the URL (`select`);
/// the derived items (the rest of LY's shares) are not story records, so their
/// selection is held here and never written to the URL.
#[derive(Clone, Copy)]
pub struct OwnershipState {
    app: AppState,
    derived: RwSignal<Option<&'static str>>,
    /// The selected box or line (a story id, or a derived id).
    pub selected: Memo<Option<String>>,
    /// `selected`, a frame behind: what the rest of the diagram and the details panel
    /// show. The frame after a tap draws the tapped item's answer alone, and the dimmed
    /// and lit items and the panel follow some 16 ms later (`Graph::emphasis_in_passing`).
    pub selected_behind: Signal<Option<String>>,
    /// Whether an item is `selected`, per item: a new selection tells only the item tapped
    /// and the one selected before, where a memo per item of `selected` itself re-ran all
    /// 55 items' emphasis in the tap's task.
    selected_now: StoredValue<Selector<Option<String>>>,
    /// SoftBank's share of A Holdings in the what-if (the URL's `stake`): the slider's own
    /// value, its number and the line under it.
    pub slider_split: Memo<Split>,
    /// The split as what follows from it shows it (the diagram's two lines, the verdict,
    /// the look-through stakes, the details): a frame behind the slider. The frame after a
    /// drag's step draws the slider and its number without the layout and paint of those
    /// (on the story page at 4×, p50 about 18.5 → 15.5 ms in paired runs: the slider and
    /// its texts still lay the page out); they follow some 16 ms later.
    pub split: Signal<Split>,
    /// Whether the what-if is on (the split is not the reported one): it changes only
    /// when a drag leaves or comes back to 50:50.
    pub what_if: Memo<bool>,
    /// Lines the selected requirement (`req`) targets.
    pub highlighted: Memo<Vec<String>>,
    /// Whether the diagram is in its narrow, stacked arrangement.
    pub stacked: RwSignal<bool>,
    /// Whether the top of the details panel is on the screen (kept by the panel).
    pub details_top_on_screen: StoredValue<bool>,
    /// On a presenter slide: how much of the diagram is built up so far.
    pub stage: Option<OwnershipStage>,
}

impl OwnershipState {
    pub fn new(app: AppState) -> OwnershipState {
        let derived = RwSignal::new(None::<&'static str>);
        // A story id in the URL wins: another section may select something meanwhile.
        let selected = Memo::new(move |_| {
            app.select
                .get()
                .or_else(|| derived.get().map(str::to_string))
        });
        let selected_behind = crate::app::later::a_frame_behind(selected).into();
        let selected_now = StoredValue::new(Selector::new(move || selected.get()));
        let slider_split = Memo::new(move |_| Split::new(f64::from(app.stake.get())));
        let split: Signal<Split> = crate::app::later::a_frame_behind(slider_split).into();
        let what_if = Memo::new(move |_| split.with(|s| !s.is_reported()));
        let highlighted = Memo::new(move |_| {
            app.req.with(|req| {
                req.as_deref()
                    .map(|req| graph().edges_for_requirement(story(), req))
                    .unwrap_or_default()
            })
        });
        OwnershipState {
            app,
            derived,
            selected,
            selected_behind,
            selected_now,
            slider_split,
            split,
            what_if,
            highlighted,
            stacked: RwSignal::new(false),
            details_top_on_screen: StoredValue::new(false),
            stage: None,
        }
    }

    /// The same diagram, built up only as far as a presenter slide's stage.
    pub fn at_stage(self, stage: OwnershipStage) -> OwnershipState {
        OwnershipState {
            stage: Some(stage),
            ..self
        }
    }

    /// The same state for a part the reader cannot see while `shown` is false (a built
    /// details panel kept for later): its language, URL and what-if stay as they were.
    pub fn held_while_hidden(self, shown: Memo<bool>) -> OwnershipState {
        OwnershipState {
            app: self.app.held_while_hidden(shown),
            split: crate::app::held_while_hidden(shown, self.split).into(),
            ..self
        }
    }

    /// Hidden (not removed: the layout stays put as the slides build it up).
    pub fn edge_hidden(&self, id: &str) -> bool {
        let Some(stage) = self.stage else {
            return false;
        };
        !stage_shows_edge(stage, id)
    }

    pub fn node_hidden(&self, id: &str) -> bool {
        let Some(stage) = self.stage else {
            return false;
        };
        let graph = graph();
        let context = graph.node(id).is_some_and(|n| n.context);
        if context {
            return stage != OwnershipStage::Dependence;
        }
        !graph
            .edges_of(id)
            .iter()
            .any(|edge| stage_shows_edge(stage, &edge.id))
    }

    pub fn select(&self, id: &str) {
        if id == REST_NODE || id == REST_EDGE {
            let id = if id == REST_NODE {
                REST_NODE
            } else {
                REST_EDGE
            };
            self.app.update(|u| u.select = None);
            self.derived.set(Some(id));
        } else {
            self.derived.set(None);
            let id = id.to_string();
            self.app.update(|u| u.select = Some(id));
        }
    }

    /// A tap or click: on a phone the details are below the diagram, so bring them into
    /// view, unless their top is on the screen already: then the reader sees them change,
    /// the page stays put, and the frame is spared a scroll and the layout it forces.
    pub fn select_by_pointer(&self, id: &str) {
        self.select(id);
        if self.stacked.get_untracked() && !self.details_top_on_screen.get_value() {
            crate::app::later::at_next_frame(|| {
                if let Some(panel) = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id("own-details"))
                {
                    let options = web_sys::ScrollIntoViewOptions::new();
                    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                    panel.scroll_into_view_with_scroll_into_view_options(&options);
                }
            });
        }
    }

    pub fn clear(&self) {
        self.derived.set(None);
        self.app.update(|u| u.select = None);
    }

    pub fn set_stake(&self, softbank_percent: u8) {
        let value = softbank_percent.min(100);
        self.app.update(|u| {
            u.stake = (value != crate::url::REPORTED_STAKE).then_some(value);
        });
    }

    /// The what-if split as `edge`'s texts and width need it: read (and so followed) only
    /// for the two lines it changes, so a slider step re-renders those lines' names and
    /// widths, not every line's. Any split gives the other lines the same result.
    pub fn split_for(&self, edge: &graph::Edge) -> Split {
        if edge.split_parent().is_some() {
            self.split.get()
        } else {
            self.split.get_untracked()
        }
    }

    /// How the box or line `id` looks given the selection, as a memo of its own: a
    /// selection then re-runs the attributes of only the items whose emphasis changed
    /// (about a fifth of them), not four closures on each of the diagram's 55 items. In
    /// the tap's own task only the two items whose `selected_now` changed re-run; the rest
    /// follow `selected_behind` a frame later ([`Graph::emphasis_in_passing`] says how).
    pub fn emphasis_of(&self, id: &'static str) -> Memo<Emphasis> {
        let (selected_now, before) = (self.selected_now, self.selected_behind);
        let key = Some(id.to_string());
        Memo::new(move |_| {
            let is_now = selected_now.with_value(|now| now.selected(&key));
            before.with(|before| graph().emphasis_given_now(is_now, before.as_deref(), id))
        })
    }
}

/// Whether a stage shows a line: by the relation's kind and the kind of what it points at.
/// The derived rest of LY's shares counts as an ownership line into a company.
fn stage_shows_edge(stage: OwnershipStage, id: &str) -> bool {
    let story = story();
    let Some(edge) = graph().edge(id) else {
        return false;
    };
    let kind = edge.relation.map_or(RelationKind::Ownership, |r| r.kind);
    let target = story
        .entity(&edge.to)
        .map_or(EntityKind::Company, |e| e.kind);
    stage.shows(kind, target)
}

/// A presenter slide: the diagram built up to `stage`, without the explorer's controls.
#[component]
pub fn OwnershipSlide(stage: OwnershipStage) -> impl IntoView {
    let own = OwnershipState::new(use_app()).at_stage(stage);
    view! { <div class="ownership-slide"><diagram::OwnershipDiagram own=own /></div> }
}

/// The ownership as text: every company and every relation, for readers who do not use
/// the diagram (and for print).
#[component]
fn OwnershipText() -> impl IntoView {
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
                <h4>{move || kind_heading(kind, crate::i18n::current_lang())}</h4>
                <ul class="relations" data-kind=format!("{kind:?}").to_lowercase()>
                    {relations.into_iter().map(relation_item).collect_view()}
                </ul>
            }
        })
        .collect_view();
    view! {
        <section class="own-text" aria-labelledby="own-text-title">
            <h3 id="own-text-title">{crate::tx!(ownership.as_text)}</h3>
            <h4>{crate::tx!(ownership.companies)}</h4>
            <ul class="entities">{companies}</ul>
            {groups}
        </section>
    }
}

#[component]
pub fn OwnershipSection() -> impl IntoView {
    let state = use_app();
    let own = OwnershipState::new(state);
    view! {
        <SectionFrame id="ownership">
            <div class="own-figure">
                <Legend />
                <RequirementNotice own=own />
                // Each in a task of its own: the diagram (it lays the page out to read its
                // width), then what is beside and below it.
                <div class="own-grid">
                    <Later><diagram::OwnershipDiagram own=own /></Later>
                    <div class="own-side">
                        <Later><details::DetailsPanel own=own /></Later>
                        <Later><whatif::CapitalWhatIf own=own /></Later>
                    </div>
                </div>
                <Later><DownloadData /></Later>
            </div>
            <Later><OwnershipText /></Later>
        </SectionFrame>
    }
}

/// What each box border and line style means. Shapes and words, not colour alone.
#[component]
fn Legend() -> impl IntoView {
    let lines = EdgeFamily::ALL
        .iter()
        .map(|family| {
            view! {
                <li class="own-legend-item">
                    <svg class="own-legend-swatch" width="40" height="12" aria-hidden="true" data-family=family.key()>
                        <line x1="2" y1="6" x2="38" y2="6" />
                    </svg>
                    {move || family.legend(crate::i18n::current_lang())}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="own-legend">
            <h3 class="visually-hidden">{crate::tx!(ownership.legend)}</h3>
            <ul class="own-legend-list">
                {lines}
                <li class="own-legend-item">
                    <span class="country-badge" data-country="JP">"JP"</span>
                    {crate::tx!(ownership.legend_japan)}
                </li>
                <li class="own-legend-item">
                    <span class="country-badge" data-country="KR">"KR"</span>
                    {crate::tx!(ownership.legend_korea)}
                </li>
                <li class="own-legend-item">
                    <span class="country-badge">"–"</span>
                    {crate::tx!(ownership.legend_unstated)}
                </li>
            </ul>
        </div>
    }
}

/// When a requirement is selected (in the guidance section or by link), say which ties
/// of this diagram it targets; they are highlighted.
#[component]
fn RequirementNotice(own: OwnershipState) -> impl IntoView {
    let state = use_app();
    move || {
        let lang = state.lang.get();
        let req = state.req.get()?;
        let requirement = story().requirement(&req)?;
        let count = own.highlighted.with(Vec::len);
        let what = match count {
            0 => crate::tr!(lang, ownership.targets_none).to_string(),
            1 => crate::tr!(lang, ownership.targets_one).to_string(),
            n => crate::tr!(lang, ownership.targets_many, n = n),
        };
        Some(view! {
            <p class="own-req-notice" role="status">
                <span class="own-req-mark" aria-hidden="true">"◆"</span>
                {crate::tx!(ownership.req_selected)}
                <strong>{crate::guidance::requirement_short(requirement, lang)}</strong>
                ". " {what} " "
                <button type="button" class="own-button-link" on:click=move |_| state.update(|u| u.req = None)>
                    {crate::tx!(clear)}
                </button>
            </p>
        })
    }
}

/// "Download data": the ownership as BODS 0.4 statements.
#[component]
fn DownloadData() -> impl IntoView {
    view! {
        <p class="own-download">
            <button
                type="button"
                class="own-download-button"
                on:click=move |_| crate::export::save_json(bods::FILE_NAME, &bods::export_json(story()))
            >
                {crate::tx!(ownership.download)}
            </button>
            {crate::tx!(ownership.download_note)}
        </p>
        <p class="own-download">
            <crate::export::PictureDownloads selector="#ownership .own-svg".into() file_stem="line-ownership".into() label="Diagram" />
        </p>
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
