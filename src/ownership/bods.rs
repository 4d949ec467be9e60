//! The ownership as Beneficial Ownership Data Standard (BODS 0.4) statements: the
//! "Download data" export.
//!
//! One entity statement per company in an ownership or group tie, then one
//! relationship statement per tie, all about LY (the declaration subject). Disputed
//! shares are `minimum`/`maximum` ranges with an annotation naming each report's
//! value; the rest of LY's shares is a derived range held by an unspecified party.
//! Each statement's `source` names the reports behind it. The what-if is not exported:
//! this is the data as reported. `tests/bods_export.rs` validates the output against
//! the official schema.

use super::graph::{venture_stake, LY};
use super::stakes::{format_percent, Range};
use crate::content::{Country, Entity, Id, Lang, Relation, RelationKind, Story};
use serde::Serialize;

pub const BODS_VERSION: &str = "0.4";
pub const FILE_NAME: &str = "line-ownership-bods.json";
const PUBLISHER: &str = "LINE breach explainer";
/// The derived relationship's record id (not a story record).
pub const REST_RECORD: &str = "rest-of-ly-shares";

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    pub statement_id: String,
    pub statement_date: String,
    pub publication_details: PublicationDetails,
    pub source: Source,
    pub declaration_subject: String,
    pub record_id: String,
    pub record_type: &'static str,
    pub record_status: &'static str,
    pub record_details: RecordDetails,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<Annotation>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicationDetails {
    pub publication_date: String,
    pub bods_version: &'static str,
    pub publisher: Publisher,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Publisher {
    pub name: &'static str,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    #[serde(rename = "type")]
    pub kind: Vec<&'static str>,
    pub description: String,
    pub asserted_by: Vec<Agent>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Agent {
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum RecordDetails {
    Entity(EntityDetails),
    Relationship(RelationshipDetails),
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EntityDetails {
    pub is_component: bool,
    pub entity_type: EntityType,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jurisdiction: Option<Jurisdiction>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityType {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub details: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Jurisdiction {
    pub name: &'static str,
    pub code: &'static str,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RelationshipDetails {
    pub is_component: bool,
    pub subject: String,
    pub interested_party: Party,
    pub interests: Vec<Interest>,
}

/// A record id, or why the party cannot be named.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Party {
    Record(String),
    Unspecified {
        reason: &'static str,
        description: String,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Interest {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub direct_or_indirect: &'static str,
    pub beneficial_ownership_or_control: bool,
    pub details: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share: Option<Share>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Share {
    Exact { exact: f64 },
    Span { minimum: f64, maximum: f64 },
}

impl Share {
    pub fn of(range: Range) -> Share {
        // Rounded: 100 − 64.4 must read 35.6, not 35.599999999999994.
        let round = |v: f64| (v * 100.0).round() / 100.0;
        if range.is_exact() {
            Share::Exact {
                exact: round(range.min),
            }
        } else {
            Share::Span {
                minimum: round(range.min),
                maximum: round(range.max),
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Annotation {
    pub statement_pointer_target: String,
    pub motivation: &'static str,
    pub description: String,
}

/// The date the export speaks as of: the latest dated report (the story is told as of
/// the reports, not of today).
pub fn as_of(story: &Story) -> String {
    story
        .sources
        .iter()
        .filter_map(|s| s.date)
        .filter(|d| d.month != 0 && d.day != 0)
        .max()
        .map_or_else(|| "2024-04-20".to_string(), |d| d.iso())
}

/// A stable 32-hex-digit statement id (BODS asks for 32–64 characters): two FNV-1a
/// hashes of the record id and the date, so the same export always has the same ids.
pub fn statement_id(record: &str, date: &str) -> String {
    let fnv = |seed: u64| {
        let mut hash: u64 = seed;
        for byte in format!("line-breach-explainer/{record}/{date}").bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        hash
    };
    format!(
        "{:016x}{:016x}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x8422_2325_cbf2_9ce4)
    )
}

fn jurisdiction(country: Country) -> Option<Jurisdiction> {
    match country {
        Country::Japan => Some(Jurisdiction {
            name: "Japan",
            code: "JP",
        }),
        Country::Korea => Some(Jurisdiction {
            name: "South Korea",
            code: "KR",
        }),
        Country::China => Some(Jurisdiction {
            name: "China",
            code: "CN",
        }),
        Country::Unstated => None,
    }
}

/// The reports behind some claims (and figures), as a BODS source.
fn source_for(story: &Story, claims: &[Id], extra: &[&crate::content::Citation]) -> Source {
    let mut ids: Vec<&str> = Vec::new();
    let cites = claims
        .iter()
        .filter_map(|id| story.claim(id))
        .flat_map(|c| c.cites.iter())
        .chain(extra.iter().copied());
    for cite in cites {
        if !ids.contains(&cite.source.as_str()) {
            ids.push(&cite.source);
        }
    }
    // In the order of the sources list, as the explainer numbers them.
    ids.sort_by_key(|id| story.sources.iter().position(|s| s.id == *id));
    let reports: Vec<&crate::content::Source> =
        ids.iter().filter_map(|id| story.source(id)).collect();
    let described: Vec<String> = reports
        .iter()
        .map(|s| {
            let by = if s.publication.is_empty() {
                "publication not named in the text".to_string()
            } else {
                s.publication.clone()
            };
            format!("“{}” ({by}; {})", s.title, s.date_as_stated)
        })
        .collect();
    Source {
        kind: vec!["thirdParty"],
        description: format!(
            "News reports, as quoted in the explainer's sources section: {}.",
            described.join("; ")
        ),
        asserted_by: reports
            .iter()
            .map(|s| Agent {
                name: s.publication_or_title().to_string(),
            })
            .collect(),
    }
}

fn statement(
    story: &Story,
    record_id: &str,
    record_type: &'static str,
    source: Source,
    record_details: RecordDetails,
    annotations: Vec<Annotation>,
) -> Statement {
    let date = as_of(story);
    Statement {
        statement_id: statement_id(record_id, &date),
        statement_date: date.clone(),
        publication_details: PublicationDetails {
            publication_date: date,
            bods_version: BODS_VERSION,
            publisher: Publisher { name: PUBLISHER },
        },
        source,
        declaration_subject: LY.to_string(),
        record_id: record_id.to_string(),
        record_type,
        record_status: "new",
        record_details,
        annotations,
    }
}

/// Relations the export carries: holdings, and group ties (a unit of).
fn exported_relations(story: &Story) -> Vec<&Relation> {
    story
        .relations
        .iter()
        .filter(|r| matches!(r.kind, RelationKind::Ownership | RelationKind::Affiliate))
        .collect()
}

fn entity_statement(story: &Story, entity: &Entity) -> Statement {
    let details = EntityDetails {
        is_component: false,
        entity_type: EntityType {
            kind: "registeredEntity",
            details: entity.role.get(Lang::En).to_string(),
        },
        name: entity.name.get(Lang::En).to_string(),
        jurisdiction: jurisdiction(entity.country),
    };
    statement(
        story,
        &entity.id,
        "entity",
        source_for(story, &entity.claims, &[]),
        RecordDetails::Entity(details),
        Vec::new(),
    )
}

fn relationship_statement(story: &Story, relation: &Relation) -> Statement {
    let figure = relation.share.as_deref().and_then(|id| story.figure(id));
    let figure_cites: Vec<&crate::content::Citation> =
        figure.map_or_else(Vec::new, |f| f.reported.iter().map(|r| &r.cite).collect());
    let names = |id: &str| {
        story
            .entity(id)
            .map_or_else(|| id.to_string(), |e| e.name.get(Lang::En).to_string())
    };
    let details = format!(
        "{} {} {}",
        names(&relation.from),
        relation.label.get(Lang::En),
        names(&relation.to)
    );
    let interest = match relation.kind {
        RelationKind::Ownership => Interest {
            kind: "shareholding",
            direct_or_indirect: "unknown",
            beneficial_ownership_or_control: false,
            details,
            share: figure.map(|f| Share::of(Range::of(f.reported.iter().map(|r| r.value)))),
        },
        _ => Interest {
            kind: "unknownInterest",
            direct_or_indirect: "unknown",
            beneficial_ownership_or_control: false,
            details,
            share: None,
        },
    };
    let mut annotations = Vec::new();
    if let Some(figure) = figure.filter(|f| f.is_disputed()) {
        let values: Vec<String> = figure
            .reported
            .iter()
            .map(|r| {
                let report = story
                    .source(&r.cite.source)
                    .map_or(r.cite.source.as_str(), |s| s.publication_or_title());
                let qualifier = r.qualifier.get(Lang::En);
                let qualifier = if qualifier.is_empty() {
                    String::new()
                } else {
                    format!(", {qualifier}")
                };
                format!("{}% ({report}{qualifier})", format_percent(r.value))
            })
            .collect();
        annotations.push(Annotation {
            statement_pointer_target: "/recordDetails/interests/0/share".into(),
            motivation: "commenting",
            description: format!(
                "The reports differ; the share is given as the range of their figures, never averaged: {}.",
                values.join("; ")
            ),
        });
    }
    if relation.to == LY && relation.kind == RelationKind::Ownership {
        if let Some(disagreement) = story.disagreements.iter().find(|d| d.id == "who-holds-ly") {
            let versions: Vec<String> = disagreement
                .versions
                .iter()
                .map(|v| {
                    let report = story
                        .source(&v.cite.source)
                        .map_or(v.cite.source.as_str(), |s| s.publication_or_title());
                    format!("{report}: {}", v.text.get(Lang::En))
                })
                .collect();
            annotations.push(Annotation {
                statement_pointer_target: String::new(),
                motivation: "commenting",
                description: format!(
                    "{}: the reports tell it differently. {}",
                    disagreement.topic.get(Lang::En),
                    versions.join(" ")
                ),
            });
        }
    }
    statement(
        story,
        &relation.id,
        "relationship",
        source_for(story, &relation.claims, &figure_cites),
        RecordDetails::Relationship(RelationshipDetails {
            is_component: false,
            subject: relation.to.clone(),
            interested_party: Party::Record(relation.from.clone()),
            interests: vec![interest],
        }),
        annotations,
    )
}

/// The rest of LY's shares: derived (100 − A Holdings' stake), held by parties the
/// reports do not name.
fn rest_statement(story: &Story) -> Option<Statement> {
    let (relation, stake) = venture_stake(story)?;
    let rest = stake.remainder();
    let figure = relation.share.as_deref().and_then(|id| story.figure(id))?;
    let cites: Vec<&crate::content::Citation> = figure.reported.iter().map(|r| &r.cite).collect();
    Some(statement(
        story,
        REST_RECORD,
        "relationship",
        source_for(story, &[], &cites),
        RecordDetails::Relationship(RelationshipDetails {
            is_component: false,
            subject: LY.to_string(),
            interested_party: Party::Unspecified {
                reason: "informationUnknownToPublisher",
                description: "Other shareholders of LY: the reports do not say who holds the shares that A Holdings does not.".into(),
            },
            interests: vec![Interest {
                kind: "shareholding",
                direct_or_indirect: "unknown",
                beneficial_ownership_or_control: false,
                details: format!(
                    "The rest of LY's shares, {}: derived by the explainer as 100% minus A Holdings' reported {}; not a reported figure (analysis).",
                    rest.format(),
                    stake.format()
                ),
                share: Some(Share::of(rest)),
            }],
        }),
        vec![Annotation {
            statement_pointer_target: "/recordDetails/interests/0/share".into(),
            motivation: "transformation",
            description: format!(
                "Derived, not reported: 100% − {} (A Holdings' stake in LY, as the reports give it) = {}.",
                stake.format(),
                rest.format()
            ),
        }],
    ))
}

/// Every statement, entities before the relationships that name them.
pub fn statements(story: &Story) -> Vec<Statement> {
    let relations = exported_relations(story);
    let mut entity_ids: Vec<&str> = Vec::new();
    for relation in &relations {
        for id in [relation.from.as_str(), relation.to.as_str()] {
            if !entity_ids.contains(&id) {
                entity_ids.push(id);
            }
        }
    }
    let mut out: Vec<Statement> = story
        .entities
        .iter()
        .filter(|e| entity_ids.contains(&e.id.as_str()))
        .map(|e| entity_statement(story, e))
        .collect();
    out.extend(relations.iter().map(|r| relationship_statement(story, r)));
    out.extend(rest_statement(story));
    out
}

/// The export as pretty-printed JSON.
pub fn export_json(story: &Story) -> String {
    serde_json::to_string_pretty(&statements(story)).expect("statements serialise")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::story;

    fn find<'a>(all: &'a [Statement], id: &str) -> &'a Statement {
        all.iter().find(|s| s.record_id == id).unwrap()
    }

    #[test]
    fn disputed_stake_is_exported_as_a_range_with_each_report() {
        let all = statements(story());
        let s = find(&all, "a-holdings-owns-ly");
        let RecordDetails::Relationship(details) = &s.record_details else {
            panic!("relationship expected")
        };
        assert_eq!(
            details.interests[0].share,
            Some(Share::Span {
                minimum: 64.4,
                maximum: 64.5
            })
        );
        assert!(s.annotations[0].description.contains("64.4%"));
        assert!(s.annotations[0].description.contains("64.5%"));
        assert!(s
            .annotations
            .iter()
            .any(|a| a.description.contains("The Readable")));
    }

    #[test]
    fn joint_venture_halves_are_exact() {
        let all = statements(story());
        let RecordDetails::Relationship(d) = &find(&all, "naver-owns-a-holdings").record_details
        else {
            panic!()
        };
        assert_eq!(d.interests[0].share, Some(Share::Exact { exact: 50.0 }));
        assert_eq!(d.subject, "a-holdings");
        assert_eq!(d.interested_party, Party::Record("naver".into()));
    }

    #[test]
    fn rest_of_ly_is_an_unspecified_party_with_a_derived_range() {
        let all = statements(story());
        let RecordDetails::Relationship(d) = &find(&all, REST_RECORD).record_details else {
            panic!()
        };
        assert_eq!(
            d.interests[0].share,
            Some(Share::Span {
                minimum: 35.5,
                maximum: 35.6
            })
        );
        assert!(matches!(d.interested_party, Party::Unspecified { .. }));
    }

    #[test]
    fn entities_come_before_relationships_that_name_them() {
        let all = statements(story());
        let first_relationship = all
            .iter()
            .position(|s| s.record_type == "relationship")
            .unwrap();
        assert!(all[..first_relationship]
            .iter()
            .all(|s| s.record_type == "entity"));
        for id in ["softbank", "naver", "a-holdings", "ly", "naver-cloud"] {
            assert!(
                all[..first_relationship].iter().any(|s| s.record_id == id),
                "{id}"
            );
        }
    }

    #[test]
    fn statement_ids_are_stable_unique_and_long_enough() {
        let all = statements(story());
        let mut ids: Vec<&str> = all.iter().map(|s| s.statement_id.as_str()).collect();
        assert!(ids.iter().all(|id| (32..=64).contains(&id.len())));
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), all.len());
        assert_eq!(statements(story()), all);
    }

    #[test]
    fn sources_name_the_reports_without_urls() {
        let all = statements(story());
        let s = find(&all, "a-holdings-owns-ly");
        let names: Vec<&str> = s
            .source
            .asserted_by
            .iter()
            .map(|a| a.name.as_str())
            .collect();
        assert!(names.contains(&"Korea JoongAng Daily"), "{names:?}");
        assert!(s
            .source
            .description
            .contains("Tokyo traces Line security failure"));
    }
}
