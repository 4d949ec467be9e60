//! What the ownership diagram draws, derived from the story: which entities are nodes,
//! which relations are edges, how each edge is labelled, and the one derived item
//! (the rest of LY's shares), which is analysis and never a story record.

use super::stakes::{Parent, Range, Split};
use crate::content::{Entity, EntityKind, Lang, Relation, RelationKind, Story};
use crate::i18n::format_date;

/// Ids the ownership maths hangs on: the two parents, their joint venture, and LY.
pub const SOFTBANK: &str = "softbank";
pub const NAVER: &str = "naver";
pub const VENTURE: &str = "a-holdings";
pub const LY: &str = "ly";

/// The derived node: LY's shares not held by A Holdings. Not a story id, so the URL
/// cannot carry it; it is selected in memory only.
pub const REST_NODE: &str = "rest-of-ly";
/// The derived edge from the rest of the shares to LY.
pub const REST_EDGE: &str = "rest-of-ly-shares";

/// How an edge is drawn: the legend has one entry per family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EdgeFamily {
    /// Solid, labelled with the percentage.
    Ownership,
    /// Dash-dot: a unit or affiliate of.
    GroupTie,
    /// Dashed: outsourcing, subcontracting, a shared system, running a service.
    Service,
    /// Dotted: guidance and requests from the ministry.
    Regulatory,
}

impl EdgeFamily {
    pub fn of(kind: RelationKind) -> EdgeFamily {
        match kind {
            RelationKind::Ownership => EdgeFamily::Ownership,
            RelationKind::Affiliate => EdgeFamily::GroupTie,
            RelationKind::Regulatory => EdgeFamily::Regulatory,
            RelationKind::Outsourcing
            | RelationKind::SharedSystem
            | RelationKind::Subcontracts
            | RelationKind::Operates
            | RelationKind::Office => EdgeFamily::Service,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            EdgeFamily::Ownership => "ownership",
            EdgeFamily::GroupTie => "group",
            EdgeFamily::Service => "service",
            EdgeFamily::Regulatory => "regulatory",
        }
    }

    pub const ALL: [EdgeFamily; 4] = [
        EdgeFamily::Ownership,
        EdgeFamily::GroupTie,
        EdgeFamily::Service,
        EdgeFamily::Regulatory,
    ];

    pub fn legend(self, lang: crate::content::Lang) -> &'static str {
        match self {
            EdgeFamily::Ownership => crate::tr!(lang, legend.ownership),
            EdgeFamily::GroupTie => crate::tr!(lang, legend.group_tie),
            EdgeFamily::Service => crate::tr!(lang, legend.service),
            EdgeFamily::Regulatory => crate::tr!(lang, legend.regulatory),
        }
    }
}

/// A box on the diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub id: String,
    /// None for the derived node.
    pub entity: Option<&'static Entity>,
    /// Named in the reports but tied to nothing on the diagram: drawn in a row of its own.
    pub context: bool,
}

/// A line on the diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub id: String,
    pub from: String,
    pub to: String,
    pub family: EdgeFamily,
    /// None for the derived edge.
    pub relation: Option<&'static Relation>,
}

impl Edge {
    /// A shared system belongs to both sides: no arrowhead.
    pub fn directed(&self) -> bool {
        self.relation
            .is_none_or(|r| r.kind != RelationKind::SharedSystem)
    }

    /// The parent whose stake in A Holdings this line is, if it is one of the two: its
    /// share, label and name follow the what-if split; no other line's do.
    pub fn split_parent(&self) -> Option<Parent> {
        let relation = self.relation?;
        if relation.kind != RelationKind::Ownership || relation.to != VENTURE {
            return None;
        }
        if relation.from == SOFTBANK {
            Some(Parent::SoftBank)
        } else if relation.from == NAVER {
            Some(Parent::Naver)
        } else {
            None
        }
    }
}

/// Everything the diagram draws. Built once; labels depend on language and stake.
#[derive(Clone, Debug, PartialEq)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

impl Graph {
    /// Entities other than people, the derived node after LY, and every relation
    /// between them except offices (people appear in their organisation's details).
    pub fn from_story(story: &'static Story) -> Graph {
        let on_diagram = |entity: &Entity| entity.kind != EntityKind::Person;
        let edges: Vec<Edge> = story
            .relations
            .iter()
            .filter(|r| r.kind != RelationKind::Office)
            .filter(|r| {
                [&r.from, &r.to]
                    .iter()
                    .all(|id| story.entity(id).is_some_and(on_diagram))
            })
            .map(|r| Edge {
                id: r.id.clone(),
                from: r.from.clone(),
                to: r.to.clone(),
                family: EdgeFamily::of(r.kind),
                relation: Some(r),
            })
            .chain(venture_stake(story).is_some().then(|| Edge {
                id: REST_EDGE.into(),
                from: REST_NODE.into(),
                to: LY.into(),
                family: EdgeFamily::Ownership,
                relation: None,
            }))
            .collect();
        let tied = |id: &str| edges.iter().any(|e| e.from == id || e.to == id);
        let mut nodes = Vec::new();
        for entity in story.entities.iter().filter(|e| on_diagram(e)) {
            nodes.push(Node {
                id: entity.id.clone(),
                entity: Some(entity),
                context: !tied(&entity.id),
            });
            if entity.id == LY && venture_stake(story).is_some() {
                nodes.push(Node {
                    id: REST_NODE.into(),
                    entity: None,
                    context: false,
                });
            }
        }
        Graph { nodes, edges }
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    pub fn edge(&self, id: &str) -> Option<&Edge> {
        self.edges.iter().find(|e| e.id == id)
    }

    /// The edges a requirement targets, by id (those on this diagram).
    pub fn edges_for_requirement(&self, story: &Story, requirement: &str) -> Vec<String> {
        story.requirement(requirement).map_or_else(Vec::new, |r| {
            r.relations
                .iter()
                .filter(|id| self.edge(id).is_some())
                .cloned()
                .collect()
        })
    }
}

/// How an item (box or line) looks given the current selection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emphasis {
    /// Nothing on the diagram is selected.
    Normal,
    Selected,
    /// Tied to the selection: a line of the selected box, a box at either end of the
    /// selected line, or a box one line away from the selected box.
    Related,
    /// Everything else while something is selected.
    Dimmed,
}

impl Graph {
    pub fn emphasis(&self, selected: Option<&str>, item: &str) -> Emphasis {
        let Some(selected) = selected.filter(|s| self.node(s).is_some() || self.edge(s).is_some())
        else {
            return Emphasis::Normal;
        };
        if selected == item {
            return Emphasis::Selected;
        }
        let related = if let Some(edge) = self.edge(selected) {
            edge.from == item || edge.to == item
        } else if let Some(edge) = self.edge(item) {
            edge.from == selected || edge.to == selected
        } else {
            self.edges.iter().any(|e| {
                (e.from == selected && e.to == item) || (e.to == selected && e.from == item)
            })
        };
        if related {
            Emphasis::Related
        } else {
            Emphasis::Dimmed
        }
    }

    /// How `item` looks in the frame after the selection moves from `before` to `now`:
    /// the item tapped answers at once (selected; the one selected before, no longer), and
    /// the rest keep how `before` left them until the frame after, when `before` catches up
    /// with `now` and this is [`Graph::emphasis`] again. That first frame then restyles two
    /// items, not the forty a new selection dims or lights.
    pub fn emphasis_in_passing(
        &self,
        now: Option<&str>,
        before: Option<&str>,
        item: &str,
    ) -> Emphasis {
        self.emphasis_given_now(now == Some(item), before, item)
    }

    /// [`Graph::emphasis_in_passing`], told only whether `item` is the one selected now:
    /// all a selection has to tell an item in its first frame (`OwnershipState` keeps that
    /// per item, so a tap re-runs two items, not all).
    pub fn emphasis_given_now(&self, is_now: bool, before: Option<&str>, item: &str) -> Emphasis {
        if is_now {
            return Emphasis::Selected;
        }
        match self.emphasis(before, item) {
            Emphasis::Selected => Emphasis::Normal,
            emphasis => emphasis,
        }
    }

    /// The lines touching a box, outgoing first.
    pub fn edges_of(&self, node: &str) -> Vec<&Edge> {
        self.edges
            .iter()
            .filter(|e| e.from == node)
            .chain(self.edges.iter().filter(|e| e.to == node))
            .collect()
    }
}

/// The story's diagram, built once.
pub fn graph() -> &'static Graph {
    static GRAPH: std::sync::OnceLock<Graph> = std::sync::OnceLock::new();
    GRAPH.get_or_init(|| Graph::from_story(crate::content::story()))
}

/// The ownership relation from the joint venture to LY, and its reported span.
pub fn venture_stake(story: &Story) -> Option<(&Relation, Range)> {
    let relation = story.relations.iter().find(|r| {
        r.kind == RelationKind::Ownership && r.from == VENTURE && r.to == LY && r.share.is_some()
    })?;
    let figure = story.figure(relation.share.as_deref()?)?;
    Some((relation, Range::of(figure.reported.iter().map(|r| r.value))))
}

/// A short kind caption under a node's name ("joint venture", "service").
pub fn node_caption(node: &Node, lang: Lang) -> &'static str {
    match node.entity.map(|e| e.kind) {
        None => crate::tr!(lang, own_diagram.derived),
        Some(EntityKind::Company) => crate::tr!(lang, own_diagram.company),
        Some(EntityKind::JointVenture) => crate::tr!(lang, own_diagram.joint_venture),
        Some(EntityKind::Service) => crate::tr!(lang, own_diagram.service),
        Some(EntityKind::Government) => crate::tr!(lang, own_diagram.government),
        Some(EntityKind::Person) => crate::tr!(lang, own_diagram.person),
        Some(EntityKind::Group) => crate::tr!(lang, own_diagram.group),
        Some(EntityKind::Shareholders) => crate::tr!(lang, own_diagram.shareholders),
    }
}

/// The node's title in `lang`.
pub fn node_title(node: &Node, lang: Lang) -> String {
    match node.entity {
        Some(entity) => entity.name.get(lang).to_string(),
        None => crate::tr!(lang, own_diagram.rest_title).into(),
    }
}

/// The share an ownership edge carries: the what-if split for the parents' stakes, the
/// reported span for A Holdings' stake, the derived rest. None for other ties.
pub fn edge_share(edge: &Edge, story: &Story, split: Split) -> Option<Range> {
    let Some(relation) = edge.relation else {
        return venture_stake(story).map(|(_, r)| r.remainder());
    };
    if relation.kind != RelationKind::Ownership {
        return None;
    }
    if let Some(parent) = edge.split_parent() {
        return Some(Range::exact(split.share(parent)));
    }
    let figure = story.figure(relation.share.as_deref()?)?;
    Some(Range::of(figure.reported.iter().map(|r| r.value)))
}

/// Stroke width of an ownership line: thicker for a bigger share (1 px at 0 %, 6 px at
/// 100 %), so moving the what-if slider visibly shifts weight between the parents.
pub fn share_line_width(share: Range) -> f64 {
    1.0 + share.min.clamp(0.0, 100.0) * 0.05
}

/// The text on an edge: the percentage for ownership (what-if values marked, the
/// disputed span marked), a short kind name otherwise. One entry per line.
pub fn edge_label(edge: &Edge, story: &Story, lang: Lang, split: Split) -> Vec<String> {
    let Some(relation) = edge.relation else {
        let rest = venture_stake(story).map_or(Range::exact(0.0), |(_, r)| r.remainder());
        return vec![rest.format(), crate::tr!(lang, edge.derived).into()];
    };
    match relation.kind {
        RelationKind::Ownership => {
            if let Some(parent) = edge.split_parent() {
                let value = Range::exact(split.share(parent)).format();
                // Two lines either way, so that the slider leaving or coming back to the
                // reported split changes text, not the layout.
                let note = if split.is_reported() {
                    crate::tr!(lang, edge.as_reported)
                } else {
                    crate::tr!(lang, edge.what_if)
                };
                return vec![value, note.into()];
            }
            let figure = relation.share.as_deref().and_then(|id| story.figure(id));
            match figure {
                Some(f) => {
                    let span = Range::of(f.reported.iter().map(|r| r.value));
                    if f.is_disputed() {
                        vec![span.format(), crate::tr!(lang, reports_differ).into()]
                    } else {
                        vec![span.format()]
                    }
                }
                None => vec![crate::tr!(lang, edge.share_not_reported).into()],
            }
        }
        RelationKind::Affiliate => vec![crate::tr!(lang, edge.unit_of).into()],
        RelationKind::Outsourcing => vec![crate::tr!(lang, edge.outsourcing).into()],
        RelationKind::SharedSystem => vec![crate::tr!(lang, edge.shared_system).into()],
        RelationKind::Subcontracts => vec![crate::tr!(lang, edge.subcontractor).into()],
        RelationKind::Operates => vec![crate::tr!(lang, edge.operates).into()],
        RelationKind::Office => vec![relation.label.get(lang).to_string()],
        RelationKind::Regulatory => {
            let dates: Vec<String> = story
                .guidances
                .iter()
                .filter(|g| g.issuer == relation.from && g.recipient == relation.to)
                .map(|g| format_date(g.date, lang))
                .collect();
            if dates.is_empty() {
                vec![crate::tr!(lang, edge.request).into()]
            } else {
                let mut lines = vec![crate::tr!(lang, edge.guidance).to_string()];
                lines.extend(dates);
                lines
            }
        }
    }
}

/// One sentence naming an edge for screen readers and the details heading.
pub fn edge_sentence(edge: &Edge, story: &Story, lang: Lang, split: Split) -> String {
    let name = |id: &str| -> String {
        story.entity(id).map_or_else(
            || crate::tr!(lang, own_detail.other_shareholders).into(),
            |e| e.name.get(lang).into(),
        )
    };
    // A what-if share is not the reports' "owns half of": the sentence says it is a what-if.
    let what_if = edge.split_parent().is_some() && !split.is_reported();
    if let Some(relation) = edge.relation.filter(|_| what_if) {
        let label = edge_label(edge, story, lang, split);
        return crate::tr!(
            lang,
            edge.what_if_sentence,
            owner = name(&relation.from),
            share = label[0].as_str(),
            venture = name(&relation.to)
        )
        .to_string();
    }
    match edge.relation {
        Some(relation) => {
            let label = edge_label(edge, story, lang, split);
            let share = if relation.kind == RelationKind::Ownership {
                format!(" ({})", label.join(", "))
            } else {
                String::new()
            };
            format!(
                "{} {} {}{share}",
                name(&relation.from),
                relation.label.get(lang),
                name(&relation.to)
            )
        }
        None => {
            let label = edge_label(edge, story, lang, split);
            crate::tr!(
                lang,
                edge.rest_sentence,
                ly = name(LY),
                share = label[0].as_str()
            )
            .to_string()
        }
    }
}

/// The layout's input: one spec per node and edge, with the texts in `lang`. It needs
/// nothing of the what-if: the two parent lines' labels are placed for every value they
/// can show ([`label_to_place`]), so a slider drag, also to and from the reported split,
/// changes two labels' text and never moves a box or a label.
pub fn specs(
    graph: &Graph,
    story: &Story,
    lang: Lang,
) -> (Vec<super::layout::NodeSpec>, Vec<super::layout::EdgeSpec>) {
    let nodes = graph
        .nodes
        .iter()
        .map(|node| super::layout::NodeSpec {
            id: node.id.clone(),
            badge: node
                .entity
                .map_or("–", |e| crate::app::country_badge(e.country))
                .to_string(),
            title: node_title(node, lang),
            caption: node_caption(node, lang).to_string(),
            context: node.context,
        })
        .collect();
    let edges = graph
        .edges
        .iter()
        .map(|edge| super::layout::EdgeSpec {
            id: edge.id.clone(),
            from: edge.from.clone(),
            to: edge.to.clone(),
            label: label_to_place(edge, story, lang),
        })
        .collect();
    (nodes, edges)
}

/// What the layout places for a line's label: the widest it can be at any split. For a
/// split parent, its value as "100%" (the slider's values are whole percents, 0 to 100)
/// over the wider of its two notes ("as reported", "what-if").
pub fn label_to_place(edge: &Edge, story: &Story, lang: Lang) -> Vec<String> {
    let mut label = edge_label(edge, story, lang, Split::REPORTED);
    if edge.split_parent().is_some() {
        let what_if = edge_label(edge, story, lang, Split::new(100.0));
        label[0] = Range::exact(100.0).format();
        let width = |line: &String| crate::diagram::text_width(line, 1.0);
        if width(&what_if[1]) > width(&label[1]) {
            label[1] = what_if[1].clone();
        }
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::story;

    #[test]
    fn diagram_shows_every_organisation_and_no_person() {
        let graph = Graph::from_story(story());
        for entity in &story().entities {
            let shown = graph.node(&entity.id).is_some();
            assert_eq!(shown, entity.kind != EntityKind::Person, "{}", entity.id);
        }
        for id in [
            SOFTBANK,
            NAVER,
            VENTURE,
            LY,
            "line",
            "yahoo",
            "naver-cloud",
            "subcontractor",
            "mic",
        ] {
            assert!(!graph.node(id).unwrap().context, "{id} has edges");
        }
    }

    #[test]
    fn every_relation_between_organisations_is_an_edge() {
        let graph = Graph::from_story(story());
        for relation in &story().relations {
            assert_eq!(
                graph.edge(&relation.id).is_some(),
                relation.kind != RelationKind::Office,
                "{}",
                relation.id
            );
        }
    }

    #[test]
    fn rest_of_ly_is_derived_from_the_disputed_stake() {
        let graph = Graph::from_story(story());
        let rest = graph.edge(REST_EDGE).unwrap();
        assert_eq!(
            edge_label(rest, story(), Lang::En, Split::REPORTED),
            vec!["35.5–35.6%", "derived"]
        );
        assert!(graph.node(REST_NODE).unwrap().entity.is_none());
    }

    #[test]
    fn disputed_stake_says_the_reports_differ() {
        let graph = Graph::from_story(story());
        let edge = graph.edge("a-holdings-owns-ly").unwrap();
        assert_eq!(
            edge_label(edge, story(), Lang::En, Split::REPORTED),
            vec!["64.4–64.5%", "reports differ"]
        );
    }

    #[test]
    fn what_if_split_is_marked_on_the_parent_edges() {
        let graph = Graph::from_story(story());
        let softbank = graph.edge("softbank-owns-a-holdings").unwrap();
        let naver = graph.edge("naver-owns-a-holdings").unwrap();
        assert_eq!(
            edge_label(softbank, story(), Lang::En, Split::REPORTED),
            vec!["50%", "as reported"]
        );
        assert_eq!(
            edge_label(softbank, story(), Lang::En, Split::new(60.0)),
            vec!["60%", "what-if"]
        );
        assert_eq!(
            edge_label(naver, story(), Lang::En, Split::new(60.0)),
            vec!["40%", "what-if"]
        );
    }

    #[test]
    fn a_what_if_sentence_gives_the_what_if_share_and_not_the_reported_words() {
        let graph = Graph::from_story(story());
        let softbank = graph.edge("softbank-owns-a-holdings").unwrap();
        assert_eq!(
            edge_sentence(softbank, story(), Lang::En, Split::REPORTED),
            "SoftBank Corp owns half of A Holdings (50%, as reported)"
        );
        assert_eq!(
            edge_sentence(softbank, story(), Lang::En, Split::new(49.0)),
            "In the what-if, SoftBank Corp holds 49% of A Holdings (analysis)"
        );
        let naver = graph.edge("naver-owns-a-holdings").unwrap();
        for lang in Lang::ALL {
            let sentence = edge_sentence(naver, story(), lang, Split::new(49.0));
            assert!(sentence.contains("51%"), "{sentence}");
        }
    }

    #[test]
    fn only_the_two_parent_lines_follow_the_split() {
        // OwnershipState::split_for follows the split for these lines only: every other
        // line's label, name and share must be the same whatever the split.
        let graph = Graph::from_story(story());
        let following: Vec<&str> = graph
            .edges
            .iter()
            .filter(|edge| edge.split_parent().is_some())
            .map(|edge| edge.id.as_str())
            .collect();
        assert_eq!(
            following,
            vec!["softbank-owns-a-holdings", "naver-owns-a-holdings"]
        );
        for edge in graph.edges.iter().filter(|e| e.split_parent().is_none()) {
            for lang in [Lang::En, Lang::Ja, Lang::Ko] {
                for split in [Split::new(0.0), Split::new(37.0), Split::new(100.0)] {
                    let story = story();
                    assert_eq!(
                        edge_label(edge, story, lang, split),
                        edge_label(edge, story, lang, Split::REPORTED),
                        "{}",
                        edge.id
                    );
                    assert_eq!(
                        edge_sentence(edge, story, lang, split),
                        edge_sentence(edge, story, lang, Split::REPORTED),
                        "{}",
                        edge.id
                    );
                    assert_eq!(
                        edge_share(edge, story, split),
                        edge_share(edge, story, Split::REPORTED),
                        "{}",
                        edge.id
                    );
                }
            }
        }
    }

    #[test]
    fn bigger_stakes_draw_thicker_lines() {
        let graph = Graph::from_story(story());
        let softbank = graph.edge("softbank-owns-a-holdings").unwrap();
        let width = |split| share_line_width(edge_share(softbank, story(), split).unwrap());
        assert!(width(Split::new(80.0)) > width(Split::REPORTED));
        assert!(width(Split::REPORTED) > width(Split::new(20.0)));
        assert_eq!(width(Split::new(0.0)), 1.0);
        assert!(edge_share(
            graph.edge("ly-runs-line").unwrap(),
            story(),
            Split::REPORTED
        )
        .is_none());
    }

    #[test]
    fn ministry_edge_carries_both_guidance_dates() {
        let graph = Graph::from_story(story());
        let edge = graph.edge("mic-guides-ly").unwrap();
        assert_eq!(
            edge_label(edge, story(), Lang::En, Split::REPORTED),
            vec!["guidance", "5 March 2024", "16 April 2024"]
        );
    }

    #[test]
    fn selecting_a_company_lights_its_ties_and_dims_the_rest() {
        let graph = Graph::from_story(story());
        let sel = Some(NAVER);
        assert_eq!(graph.emphasis(sel, NAVER), Emphasis::Selected);
        assert_eq!(
            graph.emphasis(sel, "naver-owns-a-holdings"),
            Emphasis::Related
        );
        assert_eq!(graph.emphasis(sel, VENTURE), Emphasis::Related);
        assert_eq!(graph.emphasis(sel, "naver-cloud"), Emphasis::Related);
        assert_eq!(graph.emphasis(sel, "yahoo"), Emphasis::Dimmed);
        assert_eq!(graph.emphasis(sel, "ly-runs-yahoo"), Emphasis::Dimmed);
    }

    #[test]
    fn selecting_a_line_lights_both_ends() {
        let graph = Graph::from_story(story());
        let sel = Some("a-holdings-owns-ly");
        assert_eq!(graph.emphasis(sel, VENTURE), Emphasis::Related);
        assert_eq!(graph.emphasis(sel, LY), Emphasis::Related);
        assert_eq!(graph.emphasis(sel, SOFTBANK), Emphasis::Dimmed);
    }

    #[test]
    fn in_passing_only_the_items_selected_then_and_now_change() {
        let graph = Graph::from_story(story());
        let ids: Vec<&str> = graph
            .nodes
            .iter()
            .map(|n| n.id.as_str())
            .chain(graph.edges.iter().map(|e| e.id.as_str()))
            .collect();
        let selections: Vec<Option<&str>> = std::iter::once(None)
            .chain(ids.iter().copied().map(Some))
            .collect();
        for &before in &selections {
            for &now in &selections {
                for &item in &ids {
                    let passing = graph.emphasis_in_passing(now, before, item);
                    if now == before {
                        assert_eq!(
                            passing,
                            graph.emphasis(now, item),
                            "settled: {now:?} {item}"
                        );
                    } else if now == Some(item) {
                        assert_eq!(passing, Emphasis::Selected, "{before:?} -> {now:?}: {item}");
                    } else if before == Some(item) {
                        assert_eq!(passing, Emphasis::Normal, "{before:?} -> {now:?}: {item}");
                    } else {
                        assert_eq!(
                            passing,
                            graph.emphasis(before, item),
                            "{before:?} -> {now:?}: {item}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn a_selection_off_the_diagram_dims_nothing() {
        let graph = Graph::from_story(story());
        assert_eq!(graph.emphasis(Some("idezawa"), LY), Emphasis::Normal);
        assert_eq!(graph.emphasis(None, LY), Emphasis::Normal);
    }

    #[test]
    fn capital_requirement_highlights_the_stakes() {
        let graph = Graph::from_story(story());
        let ids = graph.edges_for_requirement(story(), "m-capital");
        assert!(ids.contains(&"a-holdings-owns-ly".to_string()), "{ids:?}");
    }
}
