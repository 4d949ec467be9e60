//! Ownership arithmetic: look-through stakes and the capital what-if verdict.
//!
//! Everything here is analysis, not reported fact: the reports give the stakes, this
//! module multiplies them and applies stated control thresholds. Pure, so each rule
//! is a native test.

/// A share in percent that may be one value or, where reports differ, a span.
/// Never averaged: arithmetic carries both ends through.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub min: f64,
    pub max: f64,
}

impl Range {
    pub fn new(a: f64, b: f64) -> Range {
        Range {
            min: a.min(b),
            max: a.max(b),
        }
    }

    pub fn exact(value: f64) -> Range {
        Range::new(value, value)
    }

    /// The span of a set of reported values (empty: 0).
    pub fn of(values: impl IntoIterator<Item = f64>) -> Range {
        let mut iter = values.into_iter();
        let Some(first) = iter.next() else {
            return Range::exact(0.0);
        };
        iter.fold(Range::exact(first), |r, v| {
            Range::new(r.min.min(v), r.max.max(v))
        })
    }

    pub fn is_exact(&self) -> bool {
        rounded(self.min) == rounded(self.max)
    }

    /// `self` percent of `other` percent: a holder's look-through share.
    pub fn percent_of(self, other: Range) -> Range {
        Range::new(self.min * other.min / 100.0, self.max * other.max / 100.0)
    }

    /// What the rest of the shares come to: 100 − this (the ends swap).
    pub fn remainder(self) -> Range {
        Range::new(100.0 - self.max, 100.0 - self.min)
    }

    /// "32.2–32.25%", or "50%" when exact.
    pub fn format(&self) -> String {
        if self.is_exact() {
            format!("{}%", format_percent(self.min))
        } else {
            format!("{}–{}%", format_percent(self.min), format_percent(self.max))
        }
    }
}

/// Rounds to two decimals: enough for a product of two one-decimal percentages.
fn rounded(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// A percentage without its unit, to at most two decimals, without trailing zeros
/// (50 → "50", 32.25 → "32.25", 35.6 → "35.6").
pub fn format_percent(value: f64) -> String {
    let text = format!("{:.2}", rounded(value));
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
}

/// More than this percent of the shares is taken as control (analysis: one share,
/// one vote, no other agreements; the reports say nothing about voting rights).
pub const CONTROL_THRESHOLD: f64 = 50.0;

/// The two owners of the joint venture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Parent {
    SoftBank,
    Naver,
}

/// The capital split of the joint venture (A Holdings) the what-if shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Split {
    /// SoftBank's percent of A Holdings, 0–100; Naver holds the rest.
    pub softbank: f64,
}

impl Split {
    /// The split the reports give: 50:50.
    pub const REPORTED: Split = Split { softbank: 50.0 };

    pub fn new(softbank_percent: f64) -> Split {
        Split {
            softbank: softbank_percent.clamp(0.0, 100.0),
        }
    }

    pub fn share(&self, parent: Parent) -> f64 {
        match parent {
            Parent::SoftBank => self.softbank,
            Parent::Naver => 100.0 - self.softbank,
        }
    }

    pub fn is_reported(&self) -> bool {
        rounded(self.softbank) == Split::REPORTED.softbank
    }
}

/// One parent's indirect economic interest in LY through the joint venture.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LookThrough {
    pub parent: Parent,
    /// The parent's percent of the joint venture.
    pub share_of_venture: f64,
    /// The joint venture's percent of LY (a span where reports differ).
    pub venture_share_of_ly: Range,
    /// The product: the parent's look-through percent of LY.
    pub share_of_ly: Range,
}

impl LookThrough {
    /// The arithmetic written out: "50% × 64.4–64.5% = 32.2–32.25%".
    pub fn arithmetic(&self) -> String {
        format!(
            "{} × {} = {}",
            Range::exact(self.share_of_venture).format(),
            self.venture_share_of_ly.format(),
            self.share_of_ly.format()
        )
    }
}

/// Each parent's look-through interest in LY, SoftBank first.
pub fn look_through(split: Split, venture_share_of_ly: Range) -> [LookThrough; 2] {
    [Parent::SoftBank, Parent::Naver].map(|parent| {
        let share = split.share(parent);
        LookThrough {
            parent,
            share_of_venture: share,
            venture_share_of_ly,
            share_of_ly: Range::exact(share).percent_of(venture_share_of_ly),
        }
    })
}

/// Who controls the joint venture under the stated threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VentureControl {
    /// One parent holds more than half.
    Sole(Parent),
    /// Exactly half each: neither can decide alone.
    Joint,
}

/// Whether the joint venture controls LY under the stated threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LyControl {
    /// More than half of LY on every report's figure.
    Majority,
    /// Half or less on every report's figure.
    NoMajority,
    /// The reports' figures fall on both sides of the threshold.
    Unclear,
}

/// The what-if's answer: who controls A Holdings, and so LY.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub venture: VentureControl,
    pub ly: LyControl,
}

pub fn verdict(split: Split, venture_share_of_ly: Range) -> Verdict {
    let softbank = rounded(split.share(Parent::SoftBank));
    let naver = rounded(split.share(Parent::Naver));
    let venture = if softbank > CONTROL_THRESHOLD {
        VentureControl::Sole(Parent::SoftBank)
    } else if naver > CONTROL_THRESHOLD {
        VentureControl::Sole(Parent::Naver)
    } else {
        VentureControl::Joint
    };
    let ly = if venture_share_of_ly.min > CONTROL_THRESHOLD {
        LyControl::Majority
    } else if venture_share_of_ly.max <= CONTROL_THRESHOLD {
        LyControl::NoMajority
    } else {
        LyControl::Unclear
    };
    Verdict { venture, ly }
}

/// Names the verdict needs, as the story spells them.
#[derive(Clone, Copy, Debug)]
pub struct Names<'a> {
    pub softbank: &'a str,
    pub naver: &'a str,
    pub venture: &'a str,
    pub ly: &'a str,
}

impl Names<'_> {
    fn parent(&self, parent: Parent) -> &str {
        match parent {
            Parent::SoftBank => self.softbank,
            Parent::Naver => self.naver,
        }
    }
}

impl Verdict {
    /// The verdict in plain words, in `lang`.
    pub fn sentence(
        &self,
        split: Split,
        venture_share_of_ly: Range,
        names: Names,
        lang: crate::content::Lang,
    ) -> String {
        let Names { venture, ly, .. } = names;
        let stake = venture_share_of_ly.format();
        let venture_part = match self.venture {
            VentureControl::Sole(parent) => {
                let other = match parent {
                    Parent::SoftBank => Parent::Naver,
                    Parent::Naver => Parent::SoftBank,
                };
                crate::tr!(
                    lang,
                    verdict.sole,
                    holder = names.parent(parent),
                    share = Range::exact(split.share(parent)).format(),
                    venture = venture,
                    other = names.parent(other),
                    other_share = Range::exact(split.share(other)).format()
                )
                .to_string()
            }
            VentureControl::Joint => crate::tr!(
                lang,
                verdict.joint,
                softbank = names.softbank,
                naver = names.naver,
                venture = venture
            )
            .to_string(),
        };
        let ly_part = match (self.ly, self.venture) {
            (LyControl::Majority, VentureControl::Sole(parent)) => crate::tr!(
                lang,
                verdict.ly_sole,
                venture = venture,
                stake = stake.clone(),
                ly = ly,
                holder = names.parent(parent)
            )
            .to_string(),
            (LyControl::Majority, VentureControl::Joint) => crate::tr!(
                lang,
                verdict.ly_joint,
                venture = venture,
                stake = stake.clone(),
                ly = ly
            )
            .to_string(),
            (LyControl::NoMajority, _) => crate::tr!(
                lang,
                verdict.ly_none,
                venture = venture,
                stake = stake.clone(),
                ly = ly
            )
            .to_string(),
            (LyControl::Unclear, _) => crate::tr!(
                lang,
                verdict.ly_unclear,
                venture = venture,
                stake = stake.clone(),
                ly = ly
            )
            .to_string(),
        };
        format!("{venture_part} {ly_part}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Lang;

    const REPORTED_LY: Range = Range {
        min: 64.4,
        max: 64.5,
    };

    const NAMES: Names = Names {
        softbank: "SoftBank",
        naver: "Naver",
        venture: "A Holdings",
        ly: "LY",
    };

    #[test]
    fn reported_split_gives_each_parent_a_third_of_ly_on_both_figures() {
        let [softbank, naver] = look_through(Split::REPORTED, REPORTED_LY);
        assert_eq!(softbank.share_of_ly.format(), "32.2–32.25%");
        assert_eq!(naver.share_of_ly.format(), "32.2–32.25%");
        assert_eq!(softbank.arithmetic(), "50% × 64.4–64.5% = 32.2–32.25%");
    }

    #[test]
    fn slider_moves_look_through_interest_to_softbank() {
        let [softbank, naver] = look_through(Split::new(60.0), REPORTED_LY);
        assert_eq!(softbank.arithmetic(), "60% × 64.4–64.5% = 38.64–38.7%");
        assert_eq!(naver.arithmetic(), "40% × 64.4–64.5% = 25.76–25.8%");
    }

    #[test]
    fn look_through_interests_add_up_to_the_venture_stake() {
        for softbank in 0..=100 {
            let [a, b] = look_through(Split::new(softbank as f64), REPORTED_LY);
            assert!((a.share_of_ly.min + b.share_of_ly.min - 64.4).abs() < 1e-9);
            assert!((a.share_of_ly.max + b.share_of_ly.max - 64.5).abs() < 1e-9);
        }
    }

    #[test]
    fn rest_of_ly_is_the_complement_of_the_disputed_stake() {
        assert_eq!(REPORTED_LY.remainder().format(), "35.5–35.6%");
        assert_eq!(Range::exact(64.5).remainder().format(), "35.5%");
    }

    #[test]
    fn equal_halves_mean_joint_control() {
        let v = verdict(Split::REPORTED, REPORTED_LY);
        assert_eq!(v.venture, VentureControl::Joint);
        assert_eq!(v.ly, LyControl::Majority);
        let text = v.sentence(Split::REPORTED, REPORTED_LY, NAMES, Lang::En);
        assert!(text.contains("jointly"), "{text}");
    }

    #[test]
    fn slider_moves_control_to_softbank() {
        let v = verdict(Split::new(51.0), REPORTED_LY);
        assert_eq!(v.venture, VentureControl::Sole(Parent::SoftBank));
        let text = v.sentence(Split::new(51.0), REPORTED_LY, NAMES, Lang::En);
        assert!(
            text.contains("SoftBank controls LY through A Holdings"),
            "{text}"
        );
    }

    #[test]
    fn slider_moves_control_to_naver_the_other_way() {
        let v = verdict(Split::new(40.0), REPORTED_LY);
        assert_eq!(v.venture, VentureControl::Sole(Parent::Naver));
        assert!(v
            .sentence(Split::new(40.0), REPORTED_LY, NAMES, Lang::En)
            .contains("Naver holds 60% of A Holdings"));
    }

    #[test]
    fn verdict_speaks_japanese_and_korean() {
        let ja = Names {
            softbank: "ソフトバンク",
            naver: "NAVER",
            venture: "Aホールディングス",
            ly: "LY",
        };
        let text = verdict(Split::REPORTED, REPORTED_LY).sentence(
            Split::REPORTED,
            REPORTED_LY,
            ja,
            Lang::Ja,
        );
        assert!(text.contains("共同で支配する"), "{text}");
        let ko = Names {
            softbank: "소프트뱅크",
            naver: "네이버",
            venture: "A홀딩스",
            ly: "LY",
        };
        let text = verdict(Split::new(51.0), REPORTED_LY).sentence(
            Split::new(51.0),
            REPORTED_LY,
            ko,
            Lang::Ko,
        );
        assert!(
            text.contains("소프트뱅크가 A홀딩스를 통해 LY를 지배한다"),
            "{text}"
        );
    }

    #[test]
    fn threshold_is_more_than_half_not_half() {
        assert_eq!(
            verdict(Split::new(50.0), Range::exact(50.0)).ly,
            LyControl::NoMajority
        );
        assert_eq!(
            verdict(Split::new(50.0), Range::new(49.0, 51.0)).ly,
            LyControl::Unclear
        );
    }

    #[test]
    fn split_is_clamped_to_a_percentage() {
        assert_eq!(Split::new(130.0).share(Parent::Naver), 0.0);
        assert_eq!(Split::new(-5.0).share(Parent::SoftBank), 0.0);
    }

    #[test]
    fn percentages_print_without_trailing_zeros() {
        assert_eq!(format_percent(50.0), "50");
        assert_eq!(format_percent(32.25), "32.25");
        assert_eq!(format_percent(0.1 + 0.2), "0.3");
        assert_eq!(format_percent(0.0), "0");
    }
}
