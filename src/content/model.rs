//! The story model: every fact the explainer shows, with its citations.
//!
//! This file is compiled twice: into the app, and into `build.rs`, which reads
//! `content/*.json` into these types, validates them and hands the app a compact
//! binary copy. So it depends on `serde` alone and names nothing else of the crate.
//!
//! Serde attributes stay within what a non-self-describing format (postcard)
//! can round-trip: no `untagged`, no internally tagged enums, no skipped fields.

use serde::{Deserialize, Serialize};

/// Identifier of a record, unique within its kind (e.g. `"ly"`, `"leak-items"`).
pub type Id = String;

/// A language the explainer speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Lang {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "ja")]
    Ja,
    #[serde(rename = "ko")]
    Ko,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ja, Lang::Ko];

    /// The BCP 47 tag, as used in `<html lang>` and the `lang` URL key.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
            Lang::Ko => "ko",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }
}

/// Text the reader sees, per language. English is required; a missing
/// translation falls back to English until the translation lands.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Text {
    pub en: String,
    #[serde(default)]
    pub ja: String,
    #[serde(default)]
    pub ko: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        let text = match lang {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
            Lang::Ko => &self.ko,
        };
        if text.is_empty() {
            &self.en
        } else {
            text
        }
    }
}

/// A date as precise as the reports make it.
///
/// Written in content as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the validator
/// rejects anything else, so the app can trust the parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    /// 1–12, or 0 when the report gives only the year.
    pub month: u8,
    /// 1–31, or 0 when the report gives only the month.
    pub day: u8,
}

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (Gregorian, day checked against the month).
    pub fn parse(text: &str) -> Result<Date, String> {
        let parts: Vec<&str> = text.split('-').collect();
        let number = |part: &str, width: usize, what: &str| -> Result<u32, String> {
            if part.len() != width || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("{what} must be {width} digits in {text:?}"));
            }
            part.parse::<u32>().map_err(|e| e.to_string())
        };
        if parts.is_empty() || parts.len() > 3 {
            return Err(format!("{text:?} is not YYYY, YYYY-MM or YYYY-MM-DD"));
        }
        let year = number(parts[0], 4, "year")? as u16;
        let month = match parts.get(1) {
            Some(part) => number(part, 2, "month")? as u8,
            None => 0,
        };
        let day = match parts.get(2) {
            Some(part) => number(part, 2, "day")? as u8,
            None => 0,
        };
        if parts.len() >= 2 && !(1..=12).contains(&month) {
            return Err(format!("month {month} out of range in {text:?}"));
        }
        if parts.len() == 3 && (day == 0 || day > days_in_month(year, month)) {
            return Err(format!("day {day} out of range in {text:?}"));
        }
        Ok(Date { year, month, day })
    }

    /// ISO 8601 form at the date's own precision.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (0, _) => format!("{:04}", self.year),
            (m, 0) => format!("{:04}-{:02}", self.year, m),
            (m, d) => format!("{:04}-{:02}-{:02}", self.year, m, d),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

pub fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 0,
    }
}

/// One of the five reports.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub id: Id,
    /// File name under `shared/sources/` (used by tests only; never shipped).
    pub file: String,
    /// Title as the report's text states it.
    pub title: String,
    /// Publication as the text states it, or empty when the text names none.
    pub publication: String,
    pub author: String,
    /// The date exactly as the text states it (e.g. "Mar. 08, 2024").
    pub date_as_stated: String,
    /// Publication date when the text states one precisely.
    pub date: Option<Date>,
    /// What is and is not known about this report's provenance.
    pub note: Text,
}

/// A pointer into a report: which one, and a short verbatim quote from it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    pub source: Id,
    /// Verbatim from the report (English, as published).
    pub quote: String,
}

/// A statement the explainer makes, with the reports that support it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: Id,
    pub text: Text,
    pub cites: Vec<Citation>,
}

/// What a number counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    #[serde(rename = "percent")]
    Percent,
    #[serde(rename = "items")]
    Items,
    #[serde(rename = "users")]
    Users,
    #[serde(rename = "people")]
    People,
    #[serde(rename = "yen")]
    Yen,
    #[serde(rename = "months")]
    Months,
    #[serde(rename = "years")]
    Years,
}

/// One report's value for a figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reported {
    pub value: f64,
    pub cite: Citation,
    /// How the report qualifies it ("as many as", "over", "may have been").
    pub qualifier: Text,
    /// When the figure was said or was true, as the report dates it.
    pub as_of: Option<Date>,
}

/// A number, with every report's value. Disputed when the reports' values differ.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    pub id: Id,
    pub label: Text,
    pub unit: Unit,
    pub reported: Vec<Reported>,
    /// Why the values differ, where the reports explain it.
    #[serde(default)]
    pub note: Text,
}

/// Country as the reports state it. Shown as a text badge, never by colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Country {
    #[serde(rename = "JP")]
    Japan,
    #[serde(rename = "KR")]
    Korea,
    #[serde(rename = "CN")]
    China,
    /// The reports do not say.
    #[serde(rename = "unstated")]
    Unstated,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EntityKind {
    #[serde(rename = "company")]
    Company,
    #[serde(rename = "joint-venture")]
    JointVenture,
    #[serde(rename = "service")]
    Service,
    #[serde(rename = "government")]
    Government,
    #[serde(rename = "person")]
    Person,
    #[serde(rename = "group")]
    Group,
    #[serde(rename = "shareholders")]
    Shareholders,
}

/// A company, service, authority, person or group the reports name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: Id,
    pub kind: EntityKind,
    pub name: Text,
    pub country: Country,
    /// One line on who this is in the story.
    pub role: Text,
    pub claims: Vec<Id>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RelationKind {
    /// Holds shares; carries a figure (percent).
    #[serde(rename = "ownership")]
    Ownership,
    /// Is a unit or affiliate of.
    #[serde(rename = "affiliate")]
    Affiliate,
    /// Does outsourced work (development, operation, maintenance) for.
    #[serde(rename = "outsourcing")]
    Outsourcing,
    /// Shares a system with.
    #[serde(rename = "shared-system")]
    SharedSystem,
    /// Operates a service.
    #[serde(rename = "operates")]
    Operates,
    /// Works for, as a subcontractor.
    #[serde(rename = "subcontracts")]
    Subcontracts,
    /// Regulates, guides or requests.
    #[serde(rename = "regulatory")]
    Regulatory,
    /// Holds an office in.
    #[serde(rename = "office")]
    Office,
}

/// A directed relation: `from` holds / serves / regulates `to`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub id: Id,
    pub kind: RelationKind,
    pub from: Id,
    pub to: Id,
    pub label: Text,
    /// For ownership: the figure (percent) of `to` that `from` holds.
    pub share: Option<Id>,
    pub claims: Vec<Id>,
}

/// A side of the trust boundaries the breach crossed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Zone {
    #[serde(rename = "naver-side")]
    NaverSide,
    #[serde(rename = "shared")]
    Shared,
    #[serde(rename = "ly-side")]
    LySide,
}

/// A place the intruder reached (a system or asset).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BreachNode {
    pub id: Id,
    pub label: Text,
    pub zone: Zone,
    /// The company that runs it, if the reports say.
    pub owner: Option<Id>,
    pub claims: Vec<Id>,
}

/// A hop between two breach nodes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BreachLink {
    pub id: Id,
    pub from: Id,
    pub to: Id,
    pub label: Text,
    pub claims: Vec<Id>,
}

/// An ATT&CK technique: analysis, not reported fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Technique {
    /// e.g. "T1199".
    pub id: String,
    pub name: String,
    pub tactic: String,
    /// Why this step maps to this technique.
    pub why: Text,
}

/// One step of the breach path, in order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BreachStep {
    pub id: Id,
    pub title: Text,
    pub body: Text,
    /// Links this step crosses (highlighted while it is shown).
    pub links: Vec<Id>,
    /// Nodes this step involves.
    pub nodes: Vec<Id>,
    pub date: Option<Date>,
    pub claims: Vec<Id>,
    pub techniques: Vec<Technique>,
}

/// Status of a measure as the reports give it (as of LY's 1 April 2024 report).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    #[serde(rename = "done")]
    Done,
    /// Some of it done, the rest still open.
    #[serde(rename = "partial")]
    Partial,
    /// Planned within about a year.
    #[serde(rename = "within-a-year")]
    WithinAYear,
    /// More than two years away.
    #[serde(rename = "over-two-years")]
    OverTwoYears,
    /// The reports do not show a plan or a date.
    #[serde(rename = "unclear")]
    Unclear,
    /// Demanded; the reports give no response yet.
    #[serde(rename = "demanded")]
    Demanded,
}

/// A security control the reports name, modelled as cutting breach links.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Control {
    pub id: Id,
    pub name: Text,
    /// What the reports say about it.
    pub reported: Text,
    pub status: Status,
    /// Links this control would cut (analysis).
    pub cuts: Vec<Id>,
    /// Why it cuts those links (analysis).
    pub rationale: Text,
    pub claims: Vec<Id>,
}

/// One administrative guidance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Guidance {
    pub id: Id,
    pub date: Date,
    pub title: Text,
    pub issuer: Id,
    pub recipient: Id,
    /// Date by which LY must report back, if the reports give one.
    pub report_due: Option<Date>,
    pub summary: Text,
    pub claims: Vec<Id>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Theme {
    #[serde(rename = "security")]
    Security,
    #[serde(rename = "contractors")]
    Contractors,
    #[serde(rename = "governance")]
    Governance,
    #[serde(rename = "users")]
    Users,
}

/// A numbered measure or bullet of a guidance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Requirement {
    pub id: Id,
    pub guidance: Id,
    /// The number as the guidance prints it ("(1)"), or empty for bullets and
    /// for March items, which the reports describe without numbering.
    pub number: String,
    /// The numbered measure this bullet belongs to.
    pub parent: Option<Id>,
    pub text: Text,
    pub theme: Theme,
    pub status: Status,
    /// What LY's 1 April 2024 report said, as the reports relate it.
    pub response: Text,
    /// Breach links this requirement would cut.
    pub breach_links: Vec<Id>,
    /// Ownership-diagram relations it targets.
    pub relations: Vec<Id>,
    /// Controls it demands.
    pub controls: Vec<Id>,
    pub claims: Vec<Id>,
}

/// Which part of the explainer an event belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Section {
    #[serde(rename = "ownership")]
    Ownership,
    #[serde(rename = "breach")]
    Breach,
    #[serde(rename = "guidance")]
    Guidance,
    #[serde(rename = "numbers")]
    Numbers,
}

/// A dated (or explicitly undated) event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: Id,
    /// None when the reports give only a weekday or no date at all.
    pub date: Option<Date>,
    /// How the reports date it when `date` cannot (e.g. "a Wednesday").
    #[serde(default)]
    pub when_as_stated: Text,
    pub title: Text,
    pub section: Section,
    pub claims: Vec<Id>,
}

/// A term a reader may not know.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Term {
    pub id: Id,
    pub term: Text,
    /// The explainer's own plain definition.
    pub definition: Text,
    /// Where the reports use it.
    pub claims: Vec<Id>,
}

/// Where the reports tell the story differently and the difference is not one number.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Disagreement {
    pub id: Id,
    pub topic: Text,
    /// Each report's version.
    pub versions: Vec<Version>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub text: Text,
    pub cite: Citation,
}

/// A question for a class.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: Id,
    pub text: Text,
    /// Facts the question rests on.
    pub claims: Vec<Id>,
}

/// The opening of the story page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hook {
    pub claim: Id,
    /// The three key numbers.
    pub figures: Vec<Id>,
}

/// The whole story. One instance feeds every view, language and export.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Story {
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
    pub figures: Vec<Figure>,
    pub entities: Vec<Entity>,
    pub relations: Vec<Relation>,
    pub breach_nodes: Vec<BreachNode>,
    pub breach_links: Vec<BreachLink>,
    pub breach_steps: Vec<BreachStep>,
    pub controls: Vec<Control>,
    pub guidances: Vec<Guidance>,
    pub requirements: Vec<Requirement>,
    pub events: Vec<Event>,
    pub terms: Vec<Term>,
    pub disagreements: Vec<Disagreement>,
    pub questions: Vec<Question>,
    pub hook: Option<Hook>,
}

impl Source {
    /// How to name the report in a short line: its publication, or its title when
    /// the text names no publication.
    pub fn publication_or_title(&self) -> &str {
        if self.publication.is_empty() {
            &self.title
        } else {
            &self.publication
        }
    }
}

impl Figure {
    /// True when the reports give different values.
    pub fn is_disputed(&self) -> bool {
        self.reported
            .windows(2)
            .any(|pair| pair[0].value != pair[1].value)
    }

    pub fn min(&self) -> f64 {
        self.reported
            .iter()
            .map(|r| r.value)
            .fold(f64::INFINITY, f64::min)
    }

    pub fn max(&self) -> f64 {
        self.reported
            .iter()
            .map(|r| r.value)
            .fold(f64::NEG_INFINITY, f64::max)
    }
}

macro_rules! finders {
    ($($fn_name:ident: $field:ident -> $ty:ty),* $(,)?) => {
        impl Story {
            $(
                pub fn $fn_name(&self, id: &str) -> Option<&$ty> {
                    self.$field.iter().find(|record| record.id == id)
                }
            )*
        }
    };
}

finders! {
    source: sources -> Source,
    claim: claims -> Claim,
    figure: figures -> Figure,
    entity: entities -> Entity,
    relation: relations -> Relation,
    breach_node: breach_nodes -> BreachNode,
    breach_link: breach_links -> BreachLink,
    breach_step: breach_steps -> BreachStep,
    control: controls -> Control,
    guidance: guidances -> Guidance,
    requirement: requirements -> Requirement,
    event: events -> Event,
    term: terms -> Term,
}

#[cfg(test)]
mod tests {
    use super::{days_in_month, Date};
    use proptest::prelude::*;

    #[test]
    fn a_date_is_read_at_the_precision_the_report_gives() {
        assert_eq!(
            Date::parse("2023"),
            Ok(Date {
                year: 2023,
                month: 0,
                day: 0
            })
        );
        assert_eq!(
            Date::parse("2023-10"),
            Ok(Date {
                year: 2023,
                month: 10,
                day: 0
            })
        );
        assert_eq!(
            Date::parse("2024-03-05"),
            Ok(Date {
                year: 2024,
                month: 3,
                day: 5
            })
        );
        assert_eq!(Date::parse("2024-02-29").map(|d| d.day), Ok(29));
    }

    #[test]
    fn what_is_no_date_is_refused() {
        for text in [
            "",
            "24",
            "2024-3",
            "2024-13",
            "2024-00",
            "2024-03-00",
            "2023-02-29",
            "2024-04-31",
            "2024-03-05-01",
            "２０２４",
            "2024-1a",
            "-2024",
        ] {
            assert!(Date::parse(text).is_err(), "{text:?}");
        }
    }

    #[test]
    fn a_date_is_its_text_in_json_and_in_the_compiled_story() {
        let date = Date::parse("2024-03-05").unwrap();
        assert_eq!(serde_json::to_string(&date).unwrap(), r#""2024-03-05""#);
        assert_eq!(
            serde_json::from_str::<Date>(r#""2024-03-05""#).unwrap(),
            date
        );
        let bytes = postcard::to_allocvec(&date).unwrap();
        assert_eq!(postcard::from_bytes::<Date>(&bytes).unwrap(), date);
        // What is read back is checked as the content files are.
        let impossible = postcard::to_allocvec("2023-02-29").unwrap();
        assert!(postcard::from_bytes::<Date>(&impossible).is_err());
    }

    proptest! {
        #[test]
        fn every_date_reads_back_the_same_from_either_form(
            year in 1000u16..=9999,
            month in 0u8..=12,
            day_seed in 0u8..=31,
        ) {
            let day = if month == 0 { 0 } else { day_seed % (days_in_month(year, month) + 1) };
            let date = Date { year, month, day };
            prop_assert_eq!(Date::parse(&date.iso()), Ok(date));
            let json = serde_json::to_string(&date).unwrap();
            prop_assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), date);
            let bytes = postcard::to_allocvec(&date).unwrap();
            prop_assert_eq!(postcard::from_bytes::<Date>(&bytes).unwrap(), date);
        }

        #[test]
        fn any_text_parses_to_a_real_date_or_is_refused(text in "\\PC{0,12}|[0-9]{4}(-[0-9]{2}){0,2}") {
            if let Ok(date) = Date::parse(&text) {
                prop_assert!(date.month <= 12);
                prop_assert!(date.day == 0 || date.day <= days_in_month(date.year, date.month));
                prop_assert_eq!(date.iso(), text);
            }
        }
    }
}
