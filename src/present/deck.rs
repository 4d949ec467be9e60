//! The presenter's slides, one idea each, derived from the story: the hook, the ownership
//! built up in three stages, each breach step, the controls what-if, each guidance, the
//! timeline and the questions for discussion.

use crate::content::{EntityKind, RelationKind, Story};

/// How much of the ownership diagram a slide shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnershipStage {
    /// SoftBank and Naver own A Holdings half each.
    JointVenture,
    /// … which owns most of LY, which runs LINE and Yahoo.
    Control,
    /// … while Naver Cloud runs LY's systems, the shared system, the subcontractor, the ministry.
    Dependence,
}

impl OwnershipStage {
    pub const ALL: [OwnershipStage; 3] = [
        OwnershipStage::JointVenture,
        OwnershipStage::Control,
        OwnershipStage::Dependence,
    ];

    /// Whether a relation of this kind, pointing at an entity of `target` kind, is shown.
    pub fn shows(self, kind: RelationKind, target: EntityKind) -> bool {
        match self {
            OwnershipStage::JointVenture => {
                kind == RelationKind::Ownership && target == EntityKind::JointVenture
            }
            OwnershipStage::Control => {
                matches!(kind, RelationKind::Ownership | RelationKind::Operates)
            }
            OwnershipStage::Dependence => kind != RelationKind::Office,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    Title,
    Ownership(OwnershipStage),
    /// Index into `story.breach_steps`.
    BreachStep(usize),
    Controls,
    /// Index into `story.guidances`.
    Guidance(usize),
    Timeline,
    Questions,
}

pub fn deck(story: &Story) -> Vec<Slide> {
    let mut slides = vec![Slide::Title];
    slides.extend(OwnershipStage::ALL.map(Slide::Ownership));
    slides.extend((0..story.breach_steps.len()).map(Slide::BreachStep));
    slides.push(Slide::Controls);
    slides.extend((0..story.guidances.len()).map(Slide::Guidance));
    slides.push(Slide::Timeline);
    if !story.questions.is_empty() {
        slides.push(Slide::Questions);
    }
    slides
}

/// What a key press does in presenter mode. Clickers send PageDown / PageUp.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresenterKey {
    Next,
    Previous,
    First,
    Last,
    FullScreen,
    Leave,
}

pub fn presenter_key(key: &str) -> Option<PresenterKey> {
    Some(match key {
        "ArrowRight" | "ArrowDown" | " " | "Spacebar" | "PageDown" => PresenterKey::Next,
        "ArrowLeft" | "ArrowUp" | "PageUp" => PresenterKey::Previous,
        "Home" => PresenterKey::First,
        "End" => PresenterKey::Last,
        "f" | "F" => PresenterKey::FullScreen,
        "Escape" | "Esc" => PresenterKey::Leave,
        _ => return None,
    })
}

/// The slide a key leads to (1-based, clamped to the deck).
pub fn next_slide(current: u16, key: PresenterKey, count: u16) -> u16 {
    let count = count.max(1);
    match key {
        PresenterKey::Next => (current + 1).min(count),
        PresenterKey::Previous => current.saturating_sub(1).max(1),
        PresenterKey::First => 1,
        PresenterKey::Last => count,
        PresenterKey::FullScreen | PresenterKey::Leave => current.clamp(1, count),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::story;

    #[test]
    fn deck_tells_the_story_in_reading_order() {
        let slides = deck(story());
        assert_eq!(slides.first(), Some(&Slide::Title));
        assert_eq!(slides[1], Slide::Ownership(OwnershipStage::JointVenture));
        let breach: Vec<_> = slides
            .iter()
            .filter(|s| matches!(s, Slide::BreachStep(_)))
            .collect();
        assert_eq!(breach.len(), story().breach_steps.len());
        assert_eq!(slides.last(), Some(&Slide::Questions));
        let controls = slides.iter().position(|s| *s == Slide::Controls).unwrap();
        let last_step = slides
            .iter()
            .rposition(|s| matches!(s, Slide::BreachStep(_)))
            .unwrap();
        assert_eq!(
            controls,
            last_step + 1,
            "the what-if follows the last breach step"
        );
    }

    #[test]
    fn ownership_is_built_up_one_stage_at_a_time() {
        let story = story();
        let shown = |stage: OwnershipStage| {
            story
                .relations
                .iter()
                .filter(|r| {
                    let target = story.entity(&r.to).map(|e| e.kind).unwrap();
                    stage.shows(r.kind, target)
                })
                .count()
        };
        let counts = OwnershipStage::ALL.map(shown);
        assert_eq!(counts[0], 2, "SoftBank and Naver into A Holdings");
        assert!(counts[0] < counts[1] && counts[1] < counts[2], "{counts:?}");
    }

    #[test]
    fn clicker_keys_move_through_the_deck_and_stop_at_its_ends() {
        assert_eq!(presenter_key("PageDown"), Some(PresenterKey::Next));
        assert_eq!(presenter_key("PageUp"), Some(PresenterKey::Previous));
        assert_eq!(presenter_key(" "), Some(PresenterKey::Next));
        assert_eq!(presenter_key("x"), None);
        assert_eq!(next_slide(1, PresenterKey::Previous, 10), 1);
        assert_eq!(next_slide(10, PresenterKey::Next, 10), 10);
        assert_eq!(next_slide(4, PresenterKey::Next, 10), 5);
        assert_eq!(next_slide(4, PresenterKey::Last, 10), 10);
        assert_eq!(next_slide(4, PresenterKey::First, 10), 1);
    }
}
