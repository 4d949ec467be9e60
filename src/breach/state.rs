//! The breach explorer's view state as plain functions: moving through the steps,
//! switching controls, and what the diagram highlights. The URL holds the state
//! (`step`, `controls`, `link`, `req`); these functions read and change it.

use super::reach::Reach;
use crate::content::{BreachStep, Id, Story};

/// The step shown after `key` is pressed on step `current` (1-based) of `total`, or
/// `None` for keys the stepper leaves alone (so the page still scrolls with them).
pub fn step_after_key(key: &str, current: u16, total: u16) -> Option<u16> {
    if total == 0 {
        return None;
    }
    let current = current.clamp(1, total);
    match key {
        "ArrowRight" => Some(next_step(current, total)),
        "ArrowLeft" => Some(previous_step(current)),
        "Home" => Some(1),
        "End" => Some(total),
        _ => None,
    }
}

pub fn next_step(current: u16, total: u16) -> u16 {
    current.saturating_add(1).min(total.max(1))
}

pub fn previous_step(current: u16) -> u16 {
    current.saturating_sub(1).max(1)
}

/// The URL value for a 1-based step: the first step is the default (`None`).
pub fn step_key(step: u16) -> Option<u16> {
    (step > 1).then_some(step)
}

/// The enabled controls after switching `id` on or off, in story order, without
/// repeats or unknown ids (the canonical form the URL keeps).
pub fn toggle_control(story: &Story, enabled: &[Id], id: &str, on: bool) -> Vec<Id> {
    story
        .controls
        .iter()
        .filter(|control| {
            if control.id == id {
                on
            } else {
                enabled.contains(&control.id)
            }
        })
        .map(|control| control.id.clone())
        .collect()
}

/// The node the intruder has got to at this step: the last node the step names, or,
/// when the controls stop it earlier, the furthest node it reaches.
pub fn intruder_node<'a>(step: &'a BreachStep, reach: &'a Reach) -> Option<&'a str> {
    let target = step.nodes.last()?;
    if reach.reaches(target) {
        Some(target.as_str())
    } else {
        reach.furthest.as_deref()
    }
}

/// The step (1-based) at which the intruder arrives at `node`: the first step whose
/// last node it is.
pub fn step_arriving_at(story: &Story, node: &str) -> Option<u16> {
    story
        .breach_steps
        .iter()
        .position(|step| step.nodes.last().is_some_and(|last| last == node))
        .and_then(|index| u16::try_from(index + 1).ok())
}

/// Nodes the story has reached by step `number` (1-based): those of steps 1..=number.
pub fn nodes_seen_by(story: &Story, number: u16) -> Vec<Id> {
    let mut seen: Vec<Id> = Vec::new();
    for step in story.breach_steps.iter().take(usize::from(number)) {
        for node in &step.nodes {
            if !seen.contains(node) {
                seen.push(node.clone());
            }
        }
    }
    seen
}

/// Links the story has crossed by step `number` (1-based): those of steps 1..=number.
pub fn links_crossed_by(story: &Story, number: u16) -> Vec<Id> {
    let mut crossed: Vec<Id> = Vec::new();
    for step in story.breach_steps.iter().take(usize::from(number)) {
        for link in &step.links {
            if !crossed.contains(link) {
                crossed.push(link.clone());
            }
        }
    }
    crossed
}

/// Breach links the selected requirement targets (linked views: picking a demand in
/// the guidance section marks the links it is aimed at).
pub fn links_targeted_by(story: &Story, requirement: Option<&str>) -> Vec<Id> {
    requirement
        .and_then(|id| story.requirement(id))
        .map(|requirement| requirement.breach_links.clone())
        .unwrap_or_default()
}

/// Controls that cut `link`, in story order.
pub fn controls_cutting<'a>(story: &'a Story, link: &str) -> Vec<&'a crate::content::Control> {
    story
        .controls
        .iter()
        .filter(|control| control.cuts.iter().any(|cut| cut == link))
        .collect()
}

/// `text` with its first letter upper-cased, for a content fragment ("personal data
/// leaks") shown as a sentence of its own.
pub fn sentence_start(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "Step 2 of 5: The malware reaches Naver Cloud": what the live region announces.
pub fn step_announcement(
    number: u16,
    total: u16,
    title: &str,
    lang: crate::content::Lang,
) -> String {
    crate::tr!(
        lang,
        breach_ui.step_announcement,
        n = number,
        total = total,
        title = title
    )
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::breach::reach::reach;
    use crate::content::story;

    #[test]
    fn arrow_keys_move_one_step_and_stop_at_the_ends() {
        assert_eq!(step_after_key("ArrowRight", 1, 5), Some(2));
        assert_eq!(step_after_key("ArrowRight", 5, 5), Some(5));
        assert_eq!(step_after_key("ArrowLeft", 3, 5), Some(2));
        assert_eq!(step_after_key("ArrowLeft", 1, 5), Some(1));
        assert_eq!(step_after_key("Home", 4, 5), Some(1));
        assert_eq!(step_after_key("End", 1, 5), Some(5));
    }

    #[test]
    fn vertical_arrows_and_other_keys_are_left_to_the_page() {
        for key in ["ArrowUp", "ArrowDown", "PageDown", " ", "Tab", "a"] {
            assert_eq!(step_after_key(key, 2, 5), None, "{key}");
        }
        assert_eq!(step_after_key("ArrowRight", 1, 0), None);
    }

    #[test]
    fn first_step_is_the_default_in_the_url() {
        assert_eq!(step_key(1), None);
        assert_eq!(step_key(3), Some(3));
    }

    #[test]
    fn toggling_keeps_story_order_and_drops_unknown_ids() {
        let story = story();
        let enabled = toggle_control(story, &["soc-japan".to_owned()], "two-factor", true);
        assert_eq!(enabled, ["two-factor", "soc-japan"]);
        let enabled = toggle_control(story, &enabled, "soc-japan", false);
        assert_eq!(enabled, ["two-factor"]);
        let enabled = toggle_control(story, &["bogus".to_owned()], "two-factor", true);
        assert_eq!(enabled, ["two-factor"]);
    }

    #[test]
    fn the_intruder_stops_where_the_controls_stop_it() {
        let story = story();
        let data_step = story.breach_step("data-leaked").unwrap();
        let open = reach(
            &story.breach_nodes,
            &story.breach_links,
            &story.controls,
            &[],
        );
        assert_eq!(intruder_node(data_step, &open), Some("personal-data"));
        let guarded = reach(
            &story.breach_nodes,
            &story.breach_links,
            &story.controls,
            &["two-factor".to_owned()],
        );
        assert_eq!(
            intruder_node(data_step, &guarded),
            Some("naver-cloud-server")
        );
        let first = &story.breach_steps[0];
        assert_eq!(intruder_node(first, &guarded), Some("subcontractor-pc"));
    }

    #[test]
    fn stepping_on_reveals_the_path_one_hop_at_a_time() {
        let story = story();
        assert_eq!(nodes_seen_by(story, 1), ["subcontractor-pc"]);
        assert!(links_crossed_by(story, 1).is_empty());
        assert_eq!(
            nodes_seen_by(story, 2),
            ["subcontractor-pc", "naver-cloud-server"]
        );
        assert_eq!(links_crossed_by(story, 5).len(), story.breach_links.len());
        assert_eq!(nodes_seen_by(story, 5).len(), story.breach_nodes.len());
    }

    #[test]
    fn each_node_is_reached_at_one_step() {
        let story = story();
        assert_eq!(step_arriving_at(story, "subcontractor-pc"), Some(1));
        assert_eq!(step_arriving_at(story, "personal-data"), Some(5));
        assert_eq!(step_arriving_at(story, "nowhere"), None);
    }

    #[test]
    fn a_selected_requirement_marks_its_links() {
        let story = story();
        assert_eq!(
            links_targeted_by(story, Some("m-soc")),
            ["ly-to-data".to_owned()]
        );
        assert!(links_targeted_by(story, Some("m-capital")).is_empty());
        assert!(links_targeted_by(story, None).is_empty());
    }

    #[test]
    fn both_separations_cut_the_link_into_ly() {
        let ids: Vec<&str> = controls_cutting(story(), "shared-to-ly")
            .iter()
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(ids, ["auth-separation", "network-separation"]);
    }

    #[test]
    fn a_fragment_shown_alone_starts_with_a_capital() {
        assert_eq!(sentence_start("personal data leaks"), "Personal data leaks");
        assert_eq!(sentence_start("個人情報"), "個人情報");
        assert_eq!(sentence_start(""), "");
    }

    #[test]
    fn the_live_region_names_the_step() {
        assert_eq!(
            step_announcement(
                2,
                5,
                "The malware reaches Naver Cloud",
                crate::content::Lang::En
            ),
            "Step 2 of 5: The malware reaches Naver Cloud"
        );
    }
}
