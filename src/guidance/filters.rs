//! Filtering the requirements by status and theme. Within a group the choices add up
//! (done or partial); across groups they narrow (partial and about security). No
//! choice in a group means every value of it.

use crate::content::{Requirement, Status, Theme};

/// Statuses in the order the filter offers them: from done to not yet answered.
pub const STATUS_ORDER: [Status; 6] = [
    Status::Done,
    Status::Partial,
    Status::WithinAYear,
    Status::OverTwoYears,
    Status::Unclear,
    Status::Demanded,
];

pub const THEME_ORDER: [Theme; 4] = [
    Theme::Security,
    Theme::Contractors,
    Theme::Governance,
    Theme::Users,
];

/// A status as a stable key for markup and styles (`data-status="within-a-year"`).
pub fn status_key(status: Status) -> &'static str {
    match status {
        Status::Done => "done",
        Status::Partial => "partial",
        Status::WithinAYear => "within-a-year",
        Status::OverTwoYears => "over-two-years",
        Status::Unclear => "unclear",
        Status::Demanded => "demanded",
    }
}

pub fn theme_key(theme: Theme) -> &'static str {
    match theme {
        Theme::Security => "security",
        Theme::Contractors => "contractors",
        Theme::Governance => "governance",
        Theme::Users => "users",
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    pub statuses: Vec<Status>,
    pub themes: Vec<Theme>,
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        self.statuses.is_empty() && self.themes.is_empty()
    }

    pub fn toggle_status(&mut self, status: Status) {
        toggle(&mut self.statuses, status);
    }

    pub fn toggle_theme(&mut self, theme: Theme) {
        toggle(&mut self.themes, theme);
    }

    pub fn clear(&mut self) {
        *self = Filters::default();
    }

    pub fn matches(&self, requirement: &Requirement) -> bool {
        (self.statuses.is_empty() || self.statuses.contains(&requirement.status))
            && (self.themes.is_empty() || self.themes.contains(&requirement.theme))
    }

    /// How many of `requirements` the filters let through.
    pub fn shown<'a>(&self, requirements: impl IntoIterator<Item = &'a Requirement>) -> usize {
        requirements.into_iter().filter(|r| self.matches(r)).count()
    }
}

fn toggle<T: PartialEq>(list: &mut Vec<T>, value: T) {
    if let Some(i) = list.iter().position(|v| *v == value) {
        list.remove(i);
    } else {
        list.push(value);
    }
}

/// The statuses the requirements have, in filter order, with how many have each.
/// A status no requirement has is not offered (it could only show nothing).
pub fn status_counts<'a>(
    requirements: impl IntoIterator<Item = &'a Requirement> + Clone,
) -> Vec<(Status, usize)> {
    STATUS_ORDER
        .into_iter()
        .map(|status| {
            let count = requirements
                .clone()
                .into_iter()
                .filter(|r| r.status == status)
                .count();
            (status, count)
        })
        .filter(|(_, count)| *count > 0)
        .collect()
}

pub fn theme_counts<'a>(
    requirements: impl IntoIterator<Item = &'a Requirement> + Clone,
) -> Vec<(Theme, usize)> {
    THEME_ORDER
        .into_iter()
        .map(|theme| {
            let count = requirements
                .clone()
                .into_iter()
                .filter(|r| r.theme == theme)
                .count();
            (theme, count)
        })
        .filter(|(_, count)| *count > 0)
        .collect()
}

/// The words of the live region: how many requirements are shown.
pub fn shown_message(shown: usize, total: usize, lang: crate::content::Lang) -> String {
    if shown == total {
        crate::tr!(lang, guidance.showing_all, total = total)
    } else {
        crate::tr!(lang, guidance.showing_some, shown = shown, total = total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::story;

    fn all() -> &'static [Requirement] {
        &story().requirements
    }

    #[test]
    fn no_filter_shows_every_requirement() {
        assert_eq!(Filters::default().shown(all()), all().len());
    }

    #[test]
    fn statuses_add_up_and_themes_narrow() {
        let mut filters = Filters::default();
        filters.toggle_status(Status::Unclear);
        let unclear = filters.shown(all());
        filters.toggle_status(Status::Partial);
        let unclear_or_partial = filters.shown(all());
        assert!(unclear_or_partial > unclear);
        filters.toggle_theme(Theme::Governance);
        let narrowed = filters.shown(all());
        assert!(narrowed < unclear_or_partial);
        assert!(all()
            .iter()
            .filter(|r| filters.matches(r))
            .all(|r| r.theme == Theme::Governance
                && matches!(r.status, Status::Unclear | Status::Partial)));
    }

    #[test]
    fn toggling_twice_and_clearing_bring_every_requirement_back() {
        let mut filters = Filters::default();
        filters.toggle_theme(Theme::Users);
        filters.toggle_theme(Theme::Users);
        assert!(filters.is_empty());
        filters.toggle_status(Status::OverTwoYears);
        filters.toggle_theme(Theme::Security);
        filters.clear();
        assert_eq!(filters.shown(all()), all().len());
    }

    #[test]
    fn network_separation_is_the_requirement_more_than_two_years_away() {
        let mut filters = Filters::default();
        filters.toggle_status(Status::OverTwoYears);
        let ids: Vec<&str> = all()
            .iter()
            .filter(|r| filters.matches(r))
            .map(|r| r.id.as_str())
            .collect();
        assert_eq!(ids, vec!["a-1-plans"]);
    }

    #[test]
    fn only_statuses_some_requirement_has_are_offered() {
        let counts = status_counts(all());
        assert!(counts.iter().all(|(_, n)| *n > 0));
        assert_eq!(counts.iter().map(|(_, n)| n).sum::<usize>(), all().len());
        let themes = theme_counts(all());
        assert_eq!(themes.len(), 4, "every theme has requirements");
    }

    #[test]
    fn the_live_region_counts_what_is_shown() {
        assert_eq!(
            shown_message(16, 16, crate::content::Lang::En),
            "Showing all 16 requirements"
        );
        assert_eq!(
            shown_message(3, 16, crate::content::Lang::Ja),
            "16件中3件の要求を表示"
        );
        assert_eq!(
            shown_message(3, 16, crate::content::Lang::En),
            "Showing 3 of 16 requirements"
        );
        assert_eq!(
            shown_message(3, 16, crate::content::Lang::Ko),
            "요구 사항 16건 중 3건 표시"
        );
    }
}
