//! The controls what-if: how far an intruder gets along the breach path when some
//! of the controls the reports name are in place.
//!
//! Analysis, not reported fact: which link each control cuts is the explainer's
//! model (`Control::cuts` in the content). The computation itself is plain graph
//! reachability: a breadth-first search from the start node over the links no
//! enabled control cuts.

use crate::content::{BreachLink, BreachNode, Control, Id, Lang};
use std::collections::VecDeque;

/// Where the intruder gets with a given set of controls on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reach {
    /// Node ids the intruder reaches, nearest first (breadth-first order), the
    /// start node included.
    pub reached: Vec<Id>,
    /// The reached node furthest (in hops) from the start; ties go to the node
    /// earlier in the story. `None` only when there are no nodes.
    pub furthest: Option<Id>,
    /// Links cut by the enabled controls, in story order.
    pub cut_links: Vec<Id>,
    /// Cut links that leave a reached node: where the intruder was stopped.
    pub blocking_links: Vec<Id>,
    /// The enabled controls (known ids only), in story order.
    pub enabled: Vec<Id>,
}

impl Reach {
    pub fn reaches(&self, node: &str) -> bool {
        self.reached.iter().any(|id| id == node)
    }

    pub fn is_cut(&self, link: &str) -> bool {
        self.cut_links.iter().any(|id| id == link)
    }

    /// True when the intruder gets to every node (no control stopped it).
    pub fn reaches_all(&self, nodes: &[BreachNode]) -> bool {
        nodes.iter().all(|node| self.reaches(&node.id))
    }
}

/// Where the intruder starts: the first node (in story order) that no link points to,
/// or the first node when every node has an incoming link.
pub fn start_node<'a>(nodes: &'a [BreachNode], links: &[BreachLink]) -> Option<&'a BreachNode> {
    nodes
        .iter()
        .find(|node| !links.iter().any(|link| link.to == node.id))
        .or_else(|| nodes.first())
}

/// Links the enabled controls cut, in story order. Unknown control ids cut nothing.
pub fn cut_links(links: &[BreachLink], controls: &[Control], enabled: &[Id]) -> Vec<Id> {
    links
        .iter()
        .filter(|link| {
            controls
                .iter()
                .filter(|control| enabled.contains(&control.id))
                .any(|control| control.cuts.contains(&link.id))
        })
        .map(|link| link.id.clone())
        .collect()
}

/// How far the intruder gets from the start node when the `enabled` controls are on.
pub fn reach(
    nodes: &[BreachNode],
    links: &[BreachLink],
    controls: &[Control],
    enabled: &[Id],
) -> Reach {
    let cut = cut_links(links, controls, enabled);
    let enabled_known: Vec<Id> = controls
        .iter()
        .filter(|control| enabled.contains(&control.id))
        .map(|control| control.id.clone())
        .collect();
    let Some(start) = start_node(nodes, links) else {
        return Reach {
            reached: Vec::new(),
            furthest: None,
            cut_links: cut,
            blocking_links: Vec::new(),
            enabled: enabled_known,
        };
    };
    // Breadth-first, recording each node's distance in hops.
    let mut reached: Vec<(Id, usize)> = vec![(start.id.clone(), 0)];
    let mut queue = VecDeque::from([(start.id.as_str(), 0usize)]);
    while let Some((at, distance)) = queue.pop_front() {
        for link in links.iter().filter(|link| link.from == at) {
            if cut.contains(&link.id) || reached.iter().any(|(id, _)| *id == link.to) {
                continue;
            }
            reached.push((link.to.clone(), distance + 1));
            queue.push_back((link.to.as_str(), distance + 1));
        }
    }
    let max_distance = reached.iter().map(|(_, d)| *d).max().unwrap_or(0);
    let furthest = nodes
        .iter()
        .find(|node| {
            reached
                .iter()
                .any(|(id, d)| *id == node.id && *d == max_distance)
        })
        .map(|node| node.id.clone());
    let blocking_links = links
        .iter()
        .filter(|link| cut.contains(&link.id) && reached.iter().any(|(id, _)| *id == link.from))
        .map(|link| link.id.clone())
        .collect();
    Reach {
        reached: reached.into_iter().map(|(id, _)| id).collect(),
        furthest,
        cut_links: cut,
        blocking_links,
        enabled: enabled_known,
    }
}

/// "a", "a and b", "a, b and c".
fn join_names(names: &[String], lang: Lang) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!(
            "{}{}{last}",
            init.join(crate::tr!(lang, breach_ui.list_sep)),
            crate::tr!(lang, breach_ui.and)
        ),
    }
}

/// A control's name as it reads inside a sentence: its first letter lower-cased
/// unless the first word is an acronym ("SOC ...").
fn in_sentence(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(name.chars().skip(1)).collect()
        }
        _ => name.to_owned(),
    }
}

/// The what-if's verdict in one sentence: which controls are on and where the
/// intruder ends up ("With two-factor authentication on, the intruder stops at
/// “Naver Cloud's server”."). Node labels are quoted: they name boxes on the diagram.
pub fn verdict(reach: &Reach, nodes: &[BreachNode], controls: &[Control], lang: Lang) -> String {
    let label = |id: &str| {
        nodes
            .iter()
            .find(|node| node.id == id)
            .map_or_else(|| id.to_owned(), |node| node.label.get(lang).to_owned())
    };
    let Some(furthest) = reach.furthest.as_deref() else {
        return crate::tr!(lang, breach_ui.no_path).to_owned();
    };
    let names: Vec<String> = controls
        .iter()
        .filter(|control| reach.enabled.contains(&control.id))
        .map(|control| match lang {
            Lang::En => in_sentence(control.name.get(lang)),
            _ => control.name.get(lang).to_owned(),
        })
        .collect();
    let place = label(furthest);
    match (names.is_empty(), reach.reaches_all(nodes)) {
        (true, _) => crate::tr!(lang, breach_ui.reach_none, place = place).to_string(),
        (false, true) => crate::tr!(
            lang,
            breach_ui.reach_still,
            controls = join_names(&names, lang),
            place = place
        )
        .to_string(),
        (false, false) => crate::tr!(
            lang,
            breach_ui.reach_stops,
            controls = join_names(&names, lang),
            place = place
        )
        .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{story, Text, Zone};
    use proptest::prelude::*;

    fn on(ids: &[&str]) -> Vec<Id> {
        ids.iter().map(|id| (*id).to_owned()).collect()
    }

    fn story_reach(ids: &[&str]) -> Reach {
        let story = story();
        reach(
            &story.breach_nodes,
            &story.breach_links,
            &story.controls,
            &on(ids),
        )
    }

    fn story_verdict(ids: &[&str]) -> String {
        let story = story();
        verdict(
            &story_reach(ids),
            &story.breach_nodes,
            &story.controls,
            Lang::En,
        )
    }

    #[test]
    fn verdict_speaks_japanese_and_korean() {
        let story = story();
        let reach = story_reach(&["two-factor"]);
        let ja = verdict(&reach, &story.breach_nodes, &story.controls, Lang::Ja);
        assert!(ja.ends_with("で止まる。"), "{ja}");
        let ko = verdict(&reach, &story.breach_nodes, &story.controls, Lang::Ko);
        assert!(
            ko.starts_with("켠 통제: ") && ko.ends_with("에서 멈춘다."),
            "{ko}"
        );
    }

    #[test]
    fn the_intruder_starts_at_the_subcontractors_pc() {
        let story = story();
        let start = start_node(&story.breach_nodes, &story.breach_links).unwrap();
        assert_eq!(start.id, "subcontractor-pc");
    }

    #[test]
    fn no_controls_reach_the_personal_data() {
        let reach = story_reach(&[]);
        assert_eq!(reach.furthest.as_deref(), Some("personal-data"));
        assert!(reach.reaches_all(&story().breach_nodes));
        assert!(reach.cut_links.is_empty());
        assert!(reach.blocking_links.is_empty());
        let verdict = story_verdict(&[]);
        assert!(verdict.starts_with("With no control on, the intruder reaches"));
        assert!(verdict.contains("Personal data"), "{verdict}");
    }

    #[test]
    fn two_factor_stops_the_intruder_at_naver_cloud() {
        let reach = story_reach(&["two-factor"]);
        assert_eq!(reach.furthest.as_deref(), Some("naver-cloud-server"));
        assert_eq!(reach.reached, ["subcontractor-pc", "naver-cloud-server"]);
        assert_eq!(reach.blocking_links, ["naver-cloud-to-shared"]);
        assert_eq!(
            story_verdict(&["two-factor"]),
            "With two-factor authentication on, the intruder stops at “Naver Cloud's server”."
        );
    }

    #[test]
    fn soc_alone_stops_exfiltration_but_not_entry() {
        let reach = story_reach(&["soc-japan"]);
        assert!(reach.reaches("ly-internal"));
        assert!(!reach.reaches("personal-data"));
        assert_eq!(reach.furthest.as_deref(), Some("ly-internal"));
        let verdict = story_verdict(&["soc-japan"]);
        assert!(verdict.contains("SOC"), "{verdict}");
        assert!(
            verdict.contains("stops at “LY's internal systems"),
            "{verdict}"
        );
    }

    #[test]
    fn either_separation_keeps_the_intruder_in_the_shared_system() {
        for control in ["auth-separation", "network-separation"] {
            let reach = story_reach(&[control]);
            assert_eq!(
                reach.furthest.as_deref(),
                Some("shared-system"),
                "{control}"
            );
            assert_eq!(reach.blocking_links, ["shared-to-ly"], "{control}");
        }
    }

    #[test]
    fn contractor_management_keeps_the_intruder_on_the_subcontractors_pc() {
        let reach = story_reach(&["contractor-management"]);
        assert_eq!(reach.reached, ["subcontractor-pc"]);
        assert_eq!(reach.furthest.as_deref(), Some("subcontractor-pc"));
    }

    #[test]
    fn the_earliest_cut_decides_where_the_intruder_stops() {
        let reach = story_reach(&["soc-japan", "two-factor"]);
        assert_eq!(reach.furthest.as_deref(), Some("naver-cloud-server"));
        // Both links are cut, but only the first one the intruder meets stops it.
        assert_eq!(reach.cut_links, ["naver-cloud-to-shared", "ly-to-data"]);
        assert_eq!(reach.blocking_links, ["naver-cloud-to-shared"]);
        assert_eq!(
            story_verdict(&["soc-japan", "two-factor"]),
            "With two-factor authentication and independent security operations centre (SOC) \
             in Japan on, the intruder stops at “Naver Cloud's server”."
        );
    }

    #[test]
    fn unknown_control_ids_cut_nothing() {
        let reach = story_reach(&["no-such-control"]);
        assert!(reach.cut_links.is_empty());
        assert!(reach.enabled.is_empty());
        assert_eq!(reach.furthest.as_deref(), Some("personal-data"));
    }

    #[test]
    fn names_join_into_a_sentence() {
        let names = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_names(&names(&["a"]), Lang::En), "a");
        assert_eq!(join_names(&names(&["a", "b"]), Lang::En), "a and b");
        assert_eq!(join_names(&names(&["a", "b", "c"]), Lang::En), "a, b and c");
        assert_eq!(
            in_sentence("Two-factor authentication"),
            "two-factor authentication"
        );
        assert_eq!(in_sentence("SOC in Japan"), "SOC in Japan");
    }

    #[test]
    fn an_empty_model_reaches_nothing() {
        let reach = reach(&[], &[], &[], &[]);
        assert!(reach.reached.is_empty());
        assert_eq!(reach.furthest, None);
        assert_eq!(
            verdict(&reach, &[], &[], Lang::En),
            "There is no path to follow."
        );
    }

    // ------------------------------------------------------ property tests

    fn node(i: usize) -> BreachNode {
        BreachNode {
            id: format!("n{i}"),
            label: Text {
                en: format!("Node {i}"),
                ..Text::default()
            },
            zone: Zone::Shared,
            owner: None,
            claims: vec![],
        }
    }

    /// A random model: up to 7 nodes, random links between them (cycles allowed),
    /// and up to 5 controls, each cutting a random set of links.
    fn model() -> impl Strategy<Value = (Vec<BreachNode>, Vec<BreachLink>, Vec<Control>)> {
        (1usize..=7)
            .prop_flat_map(|n| {
                (
                    Just(n),
                    prop::collection::vec((0..n, 0..n), 0..12),
                    prop::collection::vec(prop::collection::vec(0usize..12, 0..4), 0..5),
                )
            })
            .prop_map(|(n, pairs, cut_sets)| {
                let nodes: Vec<BreachNode> = (0..n).map(node).collect();
                let links: Vec<BreachLink> = pairs
                    .iter()
                    .enumerate()
                    .map(|(i, (from, to))| BreachLink {
                        id: format!("l{i}"),
                        from: format!("n{from}"),
                        to: format!("n{to}"),
                        label: Text::default(),
                        claims: vec![],
                    })
                    .collect();
                let controls = cut_sets
                    .iter()
                    .enumerate()
                    .map(|(i, cuts)| Control {
                        id: format!("c{i}"),
                        name: Text {
                            en: format!("Control {i}"),
                            ..Text::default()
                        },
                        reported: Text::default(),
                        status: crate::content::Status::Unclear,
                        cuts: cuts.iter().map(|l| format!("l{l}")).collect(),
                        rationale: Text::default(),
                        claims: vec![],
                    })
                    .collect();
                (nodes, links, controls)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn enabling_more_controls_never_lets_the_intruder_reach_further(
            (nodes, links, controls) in model(),
            fewer_mask in prop::collection::vec(any::<bool>(), 5),
            extra_mask in prop::collection::vec(any::<bool>(), 5),
        ) {
            let ids = |mask: &dyn Fn(usize) -> bool| -> Vec<Id> {
                controls.iter().enumerate().filter(|(i, _)| mask(*i)).map(|(_, c)| c.id.clone()).collect()
            };
            let fewer = ids(&|i| fewer_mask[i]);
            let more = ids(&|i| fewer_mask[i] || extra_mask[i]);
            let with_fewer = reach(&nodes, &links, &controls, &fewer);
            let with_more = reach(&nodes, &links, &controls, &more);
            for id in &with_more.reached {
                prop_assert!(with_fewer.reaches(id), "{id} reached only with more controls on");
            }
            prop_assert!(with_more.reached.len() <= with_fewer.reached.len());
        }

        #[test]
        fn the_start_is_always_reached_and_nothing_is_reached_twice(
            (nodes, links, controls) in model(),
            mask in prop::collection::vec(any::<bool>(), 5),
        ) {
            let enabled: Vec<Id> = controls.iter().enumerate().filter(|(i, _)| mask[*i]).map(|(_, c)| c.id.clone()).collect();
            let result = reach(&nodes, &links, &controls, &enabled);
            let start = start_node(&nodes, &links).unwrap();
            prop_assert_eq!(&result.reached[0], &start.id);
            let mut sorted = result.reached.clone();
            sorted.sort();
            sorted.dedup();
            prop_assert_eq!(sorted.len(), result.reached.len());
            prop_assert!(result.furthest.as_ref().is_some_and(|f| result.reaches(f)));
        }
    }
}
