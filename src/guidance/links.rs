//! The links between the three diagrams: which breach links and ownership relations a
//! requirement targets, and the reverse. Derived from the content, never typed twice.

use crate::content::{story, Requirement};

/// Requirements aimed at a breach link.
pub fn requirements_for_breach_link(link: &str) -> Vec<&'static Requirement> {
    story()
        .requirements
        .iter()
        .filter(|r| r.breach_links.iter().any(|l| l == link))
        .collect()
}

/// Requirements aimed at an ownership-diagram relation.
pub fn requirements_for_relation(relation: &str) -> Vec<&'static Requirement> {
    story()
        .requirements
        .iter()
        .filter(|r| r.relations.iter().any(|l| l == relation))
        .collect()
}

/// Requirements touching an entity: those aimed at any relation from or to it.
pub fn requirements_for_entity(entity: &str) -> Vec<&'static Requirement> {
    let story = story();
    story
        .requirements
        .iter()
        .filter(|r| {
            r.relations.iter().any(|id| {
                story
                    .relation(id)
                    .is_some_and(|rel| rel.from == entity || rel.to == entity)
            })
        })
        .collect()
}

/// Requirements that demand a control.
pub fn requirements_for_control(control: &str) -> Vec<&'static Requirement> {
    story()
        .requirements
        .iter()
        .filter(|r| r.controls.iter().any(|c| c == control))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_separation_demand_targets_the_shared_to_ly_link() {
        let ids: Vec<&str> = requirements_for_breach_link("shared-to-ly")
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        assert!(ids.contains(&"a-1-plans"), "{ids:?}");
    }

    #[test]
    fn capital_review_targets_the_a_holdings_stake() {
        let ids: Vec<&str> = requirements_for_relation("a-holdings-owns-ly")
            .iter()
            .map(|r| r.id.as_str())
            .collect();
        assert!(
            ids.contains(&"m-capital") && ids.contains(&"a-2-capital"),
            "{ids:?}"
        );
    }

    #[test]
    fn naver_is_touched_by_the_capital_requirements() {
        assert!(requirements_for_entity("naver")
            .iter()
            .any(|r| r.id == "m-capital"));
    }

    #[test]
    fn every_requirement_links_to_something_or_is_about_users() {
        for r in &story().requirements {
            assert!(
                !r.breach_links.is_empty() || !r.relations.is_empty() || !r.controls.is_empty(),
                "{} links to nothing",
                r.id
            );
        }
    }
}
