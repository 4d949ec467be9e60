//! What a requirement aims at, in the other two diagrams, and where each target's
//! link takes the reader: the breach step that crosses a link, the selected
//! ownership edge, a control switched on in the what-if. Pure, so it is tested natively.

use crate::content::{story, BreachLink, Control, Lang, Relation, Requirement};
use crate::url::{UrlState, View};

/// One hop of the breach path, and whether a requirement aims at it.
#[derive(Clone, Debug, PartialEq)]
pub struct PathHop {
    pub link: &'static BreachLink,
    pub targeted: bool,
    /// The 1-based breach step that crosses this link.
    pub step: Option<u16>,
}

/// The whole breach path in order, each hop marked if `requirement` aims at it.
pub fn breach_path(requirement: &Requirement) -> Vec<PathHop> {
    story()
        .breach_links
        .iter()
        .map(|link| PathHop {
            link,
            targeted: requirement.breach_links.contains(&link.id),
            step: step_crossing(&link.id),
        })
        .collect()
}

/// The first breach step (1-based) that crosses `link`.
pub fn step_crossing(link: &str) -> Option<u16> {
    story()
        .breach_steps
        .iter()
        .position(|step| step.links.iter().any(|l| l == link))
        .and_then(|i| u16::try_from(i + 1).ok())
}

pub fn relations(requirement: &Requirement) -> Vec<&'static Relation> {
    requirement
        .relations
        .iter()
        .filter_map(|id| story().relation(id))
        .collect()
}

pub fn controls(requirement: &Requirement) -> Vec<&'static Control> {
    requirement
        .controls
        .iter()
        .filter_map(|id| story().control(id))
        .collect()
}

/// A hop in words: "Subcontractor's PC, infected with malware → Naver Cloud's server".
pub fn hop_words(link: &BreachLink, lang: Lang) -> String {
    let story = story();
    let name = |id: &str| {
        story
            .breach_node(id)
            .map_or(id.to_string(), |n| n.label.get(lang).to_string())
    };
    format!("{} → {}", name(&link.from), name(&link.to))
}

/// A relation as a sentence: "Naver Corp owns half of A Holdings".
pub fn relation_sentence(relation: &Relation, lang: Lang) -> String {
    let story = story();
    let name = |id: &str| {
        story
            .entity(id)
            .map_or(id.to_string(), |e| e.name.get(lang).to_string())
    };
    format!(
        "{} {} {}",
        name(&relation.from),
        relation.label.get(lang),
        name(&relation.to)
    )
}

/// `controls` with `id` added, in the story's order (as the URL keeps them).
pub fn with_control(controls: &[String], id: &str) -> Vec<String> {
    story()
        .controls
        .iter()
        .filter(|c| c.id == id || controls.contains(&c.id))
        .map(|c| c.id.clone())
        .collect()
}

/// The query for another single view, keeping everything else the reader set
/// (the selected requirement, language, theme, embedding).
fn view_query(current: &UrlState, view: View, change: impl FnOnce(&mut UrlState)) -> String {
    let mut target = current.clone();
    target.view = view;
    change(&mut target);
    let query = target.to_query();
    if query.is_empty() {
        "?".to_string()
    } else {
        query
    }
}

/// The breach view with `link` selected, at the step that crosses it.
pub fn breach_href(current: &UrlState, link: &str) -> String {
    view_query(current, View::Breach, |u| {
        u.step = step_crossing(link).filter(|&s| s > 1);
        u.link = Some(link.to_string());
    })
}

/// The ownership view with `relation` selected.
pub fn ownership_href(current: &UrlState, relation: &str) -> String {
    view_query(current, View::Ownership, |u| {
        u.select = Some(relation.to_string())
    })
}

/// The breach view with `control` switched on in the what-if.
pub fn control_href(current: &UrlState, control: &str) -> String {
    view_query(current, View::Breach, |u| {
        u.controls = with_control(&u.controls, control)
    })
}

/// Which diagram a selection was made in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Diagram {
    Ownership,
    Breach,
}

/// What the diagrams have selected, in words, with the requirements aimed at it: the
/// reverse of a requirement's targets. A breach link (`link`) comes before an
/// ownership selection (`select`) when both are set.
pub fn aimed_at(
    url: &UrlState,
    lang: Lang,
) -> Option<(Diagram, String, Vec<&'static Requirement>)> {
    aimed_at_parts(url.link.as_deref(), url.select.as_deref(), lang)
}

/// [`aimed_at`] from the two parts of the URL state it reads.
pub fn aimed_at_parts(
    link: Option<&str>,
    select: Option<&str>,
    lang: Lang,
) -> Option<(Diagram, String, Vec<&'static Requirement>)> {
    if let Some(link) = link.and_then(|id| story().breach_link(id)) {
        let requirements = super::links::requirements_for_breach_link(&link.id);
        return Some((Diagram::Breach, hop_words(link, lang), requirements));
    }
    let (words, requirements) = aimed_at_selection(select?, lang)?;
    Some((Diagram::Ownership, words, requirements))
}

/// What the ownership diagram has selected (`select`), in words, and the requirements
/// aimed at it.
pub fn aimed_at_selection(select: &str, lang: Lang) -> Option<(String, Vec<&'static Requirement>)> {
    let story = story();
    if let Some(relation) = story.relation(select) {
        let requirements = super::links::requirements_for_relation(select);
        return Some((relation_sentence(relation, lang), requirements));
    }
    let entity = story.entity(select)?;
    Some((
        entity.name.get(lang).to_string(),
        super::links::requirements_for_entity(select),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::url_limits;

    fn parsed(query: &str) -> UrlState {
        UrlState::parse(query, story(), &url_limits())
    }

    #[test]
    fn network_separation_targets_the_hop_into_lys_systems() {
        let requirement = story().requirement("a-1-plans").unwrap();
        let path = breach_path(requirement);
        assert_eq!(path.len(), story().breach_links.len());
        let targeted: Vec<&str> = path
            .iter()
            .filter(|h| h.targeted)
            .map(|h| h.link.id.as_str())
            .collect();
        assert_eq!(targeted, vec!["shared-to-ly"]);
    }

    #[test]
    fn each_hop_knows_the_step_that_crosses_it() {
        assert_eq!(step_crossing("pc-to-naver-cloud"), Some(2));
        assert_eq!(step_crossing("ly-to-data"), Some(5));
        assert_eq!(step_crossing("no-such-link"), None);
    }

    #[test]
    fn relations_read_as_sentences() {
        let relation = story().relation("naver-owns-a-holdings").unwrap();
        assert_eq!(
            relation_sentence(relation, Lang::En),
            "Naver Corp owns half of A Holdings"
        );
    }

    #[test]
    fn an_ownership_target_opens_the_ownership_view_with_the_edge_selected_and_keeps_the_requirement(
    ) {
        let current = parsed("?view=guidance&lang=ja&embed=1&req=m-capital");
        let href = ownership_href(&current, "a-holdings-owns-ly");
        let target = parsed(&href);
        assert_eq!(target.view, View::Ownership);
        assert_eq!(target.select.as_deref(), Some("a-holdings-owns-ly"));
        assert_eq!(target.req.as_deref(), Some("m-capital"));
        assert!(target.embed);
        assert_eq!(target.lang, Some(Lang::Ja));
    }

    #[test]
    fn a_breach_target_opens_the_step_that_crosses_the_link() {
        let current = parsed("?view=guidance&req=a-1-plans");
        let target = parsed(&breach_href(&current, "shared-to-ly"));
        assert_eq!(target.view, View::Breach);
        assert_eq!(target.link.as_deref(), Some("shared-to-ly"));
        assert_eq!(target.step, Some(4));
        assert_eq!(target.req.as_deref(), Some("a-1-plans"));
    }

    #[test]
    fn a_control_target_switches_the_control_on_in_story_order() {
        let current = parsed("?view=guidance&controls=soc-japan&req=m-security");
        let target = parsed(&control_href(&current, "two-factor"));
        assert_eq!(target.view, View::Breach);
        assert_eq!(
            target.controls,
            vec!["two-factor".to_string(), "soc-japan".to_string()]
        );
        assert_eq!(
            with_control(&target.controls, "two-factor"),
            target.controls,
            "no repeats"
        );
    }

    #[test]
    fn a_selected_edge_lists_the_requirements_aimed_at_it() {
        let (words, requirements) = aimed_at_selection("a-holdings-owns-ly", Lang::En).unwrap();
        assert_eq!(words, "A Holdings owns most of LY Corporation (LINE Yahoo)");
        let ids: Vec<&str> = requirements.iter().map(|r| r.id.as_str()).collect();
        assert!(
            ids.contains(&"m-capital") && ids.contains(&"a-2-capital"),
            "{ids:?}"
        );
        assert!(aimed_at_selection("naver", Lang::En).is_some());
        assert!(aimed_at_selection("nothing", Lang::En).is_none());
    }

    #[test]
    fn a_selected_breach_link_lists_the_requirements_aimed_at_it() {
        let url = parsed("?view=guidance&select=naver&link=shared-to-ly");
        let (diagram, _, requirements) = aimed_at(&url, Lang::En).unwrap();
        assert_eq!(diagram, Diagram::Breach, "the breach link is named first");
        assert!(requirements.iter().any(|r| r.id == "a-1-plans"));
        assert_eq!(aimed_at(&parsed("?view=guidance"), Lang::En), None);
    }
}
