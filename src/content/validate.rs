//! Reads `content/*.json` into a [`Story`] and refuses anything a reader must never see:
//! dangling references, claims without citations, malformed dates or percentages,
//! stakes that sum past 100 %.
//!
//! Compiled into `build.rs` too (see `model.rs`), so a broken content file fails the
//! build with a message that names the file, the record and the field.

use super::model::*;
use serde::de::DeserializeOwned;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One thing wrong with the content, located precisely enough to fix it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    /// The record's id, or `#index` when it has none yet.
    pub record: String,
    /// Path of the field inside the record, e.g. `reported[1].value`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: record {:?}, field `{}`: {}",
            self.file, self.record, self.field, self.message
        )
    }
}

/// Loads and validates content files given as `(file name, JSON text)`.
///
/// Each file is a JSON object whose keys are [`Story`] fields (`"claims"`,
/// `"figures"`, …) holding arrays of records; `"hook"` holds one object.
pub fn load_story(files: &[(String, String)]) -> Result<Story, Vec<ContentError>> {
    let mut reader = Reader::default();
    for (file, text) in files {
        reader.read_file(file, text);
    }
    if !reader.errors.is_empty() {
        return Err(reader.errors);
    }
    let Reader { story, origins, .. } = reader;
    let errors = Checker::new(&story, &origins).check();
    if errors.is_empty() {
        Ok(story)
    } else {
        Err(errors)
    }
}

/// Which file each record came from, by (kind, id).
type Origins = HashMap<(&'static str, String), String>;

#[derive(Default)]
struct Reader {
    story: Story,
    origins: Origins,
    errors: Vec<ContentError>,
}

impl Reader {
    fn read_file(&mut self, file: &str, text: &str) {
        let error = |message: String| ContentError {
            file: file.to_string(),
            record: String::new(),
            field: String::new(),
            message,
        };
        let value: serde_json::Value = match serde_json::from_str(text) {
            Ok(value) => value,
            Err(e) => return self.errors.push(error(format!("not valid JSON: {e}"))),
        };
        let serde_json::Value::Object(sections) = value else {
            return self
                .errors
                .push(error("the file must hold one JSON object".into()));
        };
        for (key, value) in sections {
            match key.as_str() {
                "sources" => self.records(file, "sources", value, |s, r| s.sources.push(r)),
                "claims" => self.records(file, "claims", value, |s, r| s.claims.push(r)),
                "figures" => self.records(file, "figures", value, |s, r| s.figures.push(r)),
                "entities" => self.records(file, "entities", value, |s, r| s.entities.push(r)),
                "relations" => self.records(file, "relations", value, |s, r| s.relations.push(r)),
                "breach_nodes" => {
                    self.records(file, "breach_nodes", value, |s, r| s.breach_nodes.push(r))
                }
                "breach_links" => {
                    self.records(file, "breach_links", value, |s, r| s.breach_links.push(r))
                }
                "breach_steps" => {
                    self.records(file, "breach_steps", value, |s, r| s.breach_steps.push(r))
                }
                "controls" => self.records(file, "controls", value, |s, r| s.controls.push(r)),
                "guidances" => self.records(file, "guidances", value, |s, r| s.guidances.push(r)),
                "requirements" => {
                    self.records(file, "requirements", value, |s, r| s.requirements.push(r))
                }
                "events" => self.records(file, "events", value, |s, r| s.events.push(r)),
                "terms" => self.records(file, "terms", value, |s, r| s.terms.push(r)),
                "disagreements" => {
                    self.records(file, "disagreements", value, |s, r| s.disagreements.push(r))
                }
                "questions" => self.records(file, "questions", value, |s, r| s.questions.push(r)),
                "hook" => match parse_record::<Hook>(value) {
                    Ok(hook) if self.story.hook.is_none() => {
                        self.origins.insert(("hook", "hook".into()), file.into());
                        self.story.hook = Some(hook)
                    }
                    Ok(_) => self.errors.push(ContentError {
                        record: "hook".into(),
                        ..error("the hook is defined twice".into())
                    }),
                    Err((field, message)) => self.errors.push(ContentError {
                        record: "hook".into(),
                        field,
                        ..error(message)
                    }),
                },
                other => self
                    .errors
                    .push(error(format!("unknown section {other:?}"))),
            }
        }
    }

    /// Parses an array of records of one kind, noting where each came from.
    fn records<T: DeserializeOwned>(
        &mut self,
        file: &str,
        kind: &'static str,
        value: serde_json::Value,
        mut push: impl FnMut(&mut Story, T),
    ) {
        let serde_json::Value::Array(items) = value else {
            return self.errors.push(ContentError {
                file: file.into(),
                record: String::new(),
                field: kind.into(),
                message: "must be an array of records".into(),
            });
        };
        for (index, item) in items.into_iter().enumerate() {
            let id = item
                .get("id")
                .and_then(|id| id.as_str())
                .map(str::to_string);
            let record = id.clone().unwrap_or_else(|| format!("#{index}"));
            match parse_record::<T>(item) {
                Ok(parsed) => {
                    if let Some(id) = id {
                        if let Some(first) = self.origins.get(&(kind, id.clone())) {
                            self.errors.push(ContentError {
                                file: file.into(),
                                record,
                                field: "id".into(),
                                message: format!("duplicate id in {kind} (first in {first})"),
                            });
                            continue;
                        }
                        self.origins.insert((kind, id), file.into());
                    }
                    push(&mut self.story, parsed);
                }
                Err((field, message)) => self.errors.push(ContentError {
                    file: file.into(),
                    record,
                    field,
                    message,
                }),
            }
        }
    }
}

/// Deserializes one record, reporting the path of the offending field.
fn parse_record<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        // A missing field is reported at the record level; name it as the field.
        let field = match (path.as_str(), missing_field(&inner)) {
            (".", Some(missing)) => missing,
            (_, Some(missing)) => format!("{path}.{missing}"),
            _ => path,
        };
        (field, inner)
    })
}

fn missing_field(message: &str) -> Option<String> {
    let rest = message.strip_prefix("missing field `")?;
    Some(rest.split('`').next()?.to_string())
}

/// Longest citation quote: a citation quotes, it does not reproduce.
pub const MAX_QUOTE_CHARS: usize = 320;

struct Checker<'a> {
    story: &'a Story,
    origins: &'a Origins,
    errors: Vec<ContentError>,
    ids: HashMap<&'static str, HashSet<&'a str>>,
}

impl<'a> Checker<'a> {
    fn new(story: &'a Story, origins: &'a Origins) -> Self {
        let mut ids: HashMap<&'static str, HashSet<&'a str>> = HashMap::new();
        let mut add = |kind: &'static str, list: Vec<&'a str>| {
            ids.insert(kind, list.into_iter().collect());
        };
        add(
            "sources",
            story.sources.iter().map(|r| r.id.as_str()).collect(),
        );
        add(
            "claims",
            story.claims.iter().map(|r| r.id.as_str()).collect(),
        );
        add(
            "figures",
            story.figures.iter().map(|r| r.id.as_str()).collect(),
        );
        add(
            "entities",
            story.entities.iter().map(|r| r.id.as_str()).collect(),
        );
        add(
            "relations",
            story.relations.iter().map(|r| r.id.as_str()).collect(),
        );
        add(
            "breach_nodes",
            story.breach_nodes.iter().map(|r| r.id.as_str()).collect(),
        );
        add(
            "breach_links",
            story.breach_links.iter().map(|r| r.id.as_str()).collect(),
        );
        add(
            "controls",
            story.controls.iter().map(|r| r.id.as_str()).collect(),
        );
        add(
            "guidances",
            story.guidances.iter().map(|r| r.id.as_str()).collect(),
        );
        add(
            "requirements",
            story.requirements.iter().map(|r| r.id.as_str()).collect(),
        );
        Checker {
            story,
            origins,
            errors: Vec::new(),
            ids,
        }
    }

    fn fail(&mut self, kind: &'static str, record: &str, field: &str, message: String) {
        let file = self
            .origins
            .get(&(kind, record.to_string()))
            .cloned()
            .unwrap_or_else(|| "content".into());
        self.errors.push(ContentError {
            file,
            record: record.into(),
            field: field.into(),
            message,
        });
    }

    /// `field` must name an existing record of `target` kind.
    fn reference(
        &mut self,
        kind: &'static str,
        record: &str,
        field: &str,
        target: &'static str,
        id: &str,
    ) {
        if !self.ids[target].contains(id) {
            self.fail(
                kind,
                record,
                field,
                format!("refers to unknown {target} id {id:?}"),
            );
        }
    }

    fn references(
        &mut self,
        kind: &'static str,
        record: &str,
        field: &str,
        target: &'static str,
        ids: &[Id],
    ) {
        for (index, id) in ids.iter().enumerate() {
            self.reference(kind, record, &format!("{field}[{index}]"), target, id);
        }
    }

    /// Records that state facts must point at claims.
    fn cited(&mut self, kind: &'static str, record: &str, claims: &[Id]) {
        if claims.is_empty() {
            self.fail(
                kind,
                record,
                "claims",
                "states facts but cites no claim".into(),
            );
        }
        self.references(kind, record, "claims", "claims", claims);
    }

    fn citation(&mut self, kind: &'static str, record: &str, field: &str, cite: &Citation) {
        self.reference(
            kind,
            record,
            &format!("{field}.source"),
            "sources",
            &cite.source,
        );
        let chars = cite.quote.chars().count();
        if cite.quote.trim().is_empty() {
            self.fail(
                kind,
                record,
                &format!("{field}.quote"),
                "the quote is empty".into(),
            );
        } else if chars > MAX_QUOTE_CHARS {
            self.fail(
                kind,
                record,
                &format!("{field}.quote"),
                format!("the quote has {chars} characters; keep it under {MAX_QUOTE_CHARS}"),
            );
        }
    }

    fn text(&mut self, kind: &'static str, record: &str, field: &str, text: &Text) {
        if text.en.trim().is_empty() {
            self.fail(
                kind,
                record,
                &format!("{field}.en"),
                "English text is required".into(),
            );
            return;
        }
        // Every reader gets the whole story: a Japanese or Korean gap is as broken as an
        // English one (the app's English fallback is for robustness, not for content).
        for (suffix, translated) in [("ja", &text.ja), ("ko", &text.ko)] {
            if translated.trim().is_empty() {
                self.fail(
                    kind,
                    record,
                    &format!("{field}.{suffix}"),
                    format!("the {suffix} translation is missing"),
                );
            }
        }
    }

    fn id(&mut self, kind: &'static str, id: &str) {
        let well_formed = !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if !well_formed {
            self.fail(
                kind,
                id,
                "id",
                "ids are lowercase letters, digits and '-'".into(),
            );
        }
    }

    fn check(mut self) -> Vec<ContentError> {
        let story = self.story;
        for source in &story.sources {
            self.id("sources", &source.id);
            if source.title.trim().is_empty() {
                self.fail(
                    "sources",
                    &source.id,
                    "title",
                    "a source needs its title".into(),
                );
            }
        }
        for claim in &story.claims {
            self.id("claims", &claim.id);
            self.text("claims", &claim.id, "text", &claim.text);
            if claim.cites.is_empty() {
                self.fail(
                    "claims",
                    &claim.id,
                    "cites",
                    "a claim needs at least one citation".into(),
                );
            }
            for (i, cite) in claim.cites.iter().enumerate() {
                self.citation("claims", &claim.id, &format!("cites[{i}]"), cite);
            }
        }
        for figure in &story.figures {
            self.check_figure(figure);
        }
        for entity in &story.entities {
            self.id("entities", &entity.id);
            self.text("entities", &entity.id, "name", &entity.name);
            self.cited("entities", &entity.id, &entity.claims);
        }
        for relation in &story.relations {
            self.check_relation(relation);
        }
        self.check_stake_sums();
        for node in &story.breach_nodes {
            self.id("breach_nodes", &node.id);
            self.text("breach_nodes", &node.id, "label", &node.label);
            if let Some(owner) = &node.owner {
                self.reference("breach_nodes", &node.id, "owner", "entities", owner);
            }
            self.cited("breach_nodes", &node.id, &node.claims);
        }
        for link in &story.breach_links {
            self.id("breach_links", &link.id);
            self.reference("breach_links", &link.id, "from", "breach_nodes", &link.from);
            self.reference("breach_links", &link.id, "to", "breach_nodes", &link.to);
            self.cited("breach_links", &link.id, &link.claims);
        }
        for step in &story.breach_steps {
            self.id("breach_steps", &step.id);
            self.text("breach_steps", &step.id, "title", &step.title);
            self.references(
                "breach_steps",
                &step.id,
                "links",
                "breach_links",
                &step.links,
            );
            self.references(
                "breach_steps",
                &step.id,
                "nodes",
                "breach_nodes",
                &step.nodes,
            );
            self.cited("breach_steps", &step.id, &step.claims);
            for (i, technique) in step.techniques.iter().enumerate() {
                let valid = technique
                    .id
                    .strip_prefix('T')
                    .map(|rest| {
                        let (main, sub) = rest.split_once('.').unwrap_or((rest, "000"));
                        main.len() == 4
                            && sub.len() == 3
                            && main.bytes().chain(sub.bytes()).all(|b| b.is_ascii_digit())
                    })
                    .unwrap_or(false);
                if !valid {
                    self.fail(
                        "breach_steps",
                        &step.id,
                        &format!("techniques[{i}].id"),
                        format!(
                            "{:?} is not an ATT&CK technique id (T1234 or T1234.001)",
                            technique.id
                        ),
                    );
                }
            }
        }
        for control in &story.controls {
            self.id("controls", &control.id);
            self.text("controls", &control.id, "name", &control.name);
            self.references(
                "controls",
                &control.id,
                "cuts",
                "breach_links",
                &control.cuts,
            );
            self.cited("controls", &control.id, &control.claims);
        }
        for guidance in &story.guidances {
            self.id("guidances", &guidance.id);
            self.reference(
                "guidances",
                &guidance.id,
                "issuer",
                "entities",
                &guidance.issuer,
            );
            self.reference(
                "guidances",
                &guidance.id,
                "recipient",
                "entities",
                &guidance.recipient,
            );
            self.cited("guidances", &guidance.id, &guidance.claims);
        }
        for requirement in &story.requirements {
            self.check_requirement(requirement);
        }
        for event in &story.events {
            self.id("events", &event.id);
            self.text("events", &event.id, "title", &event.title);
            if event.date.is_none() {
                self.text("events", &event.id, "when_as_stated", &event.when_as_stated);
            }
            self.cited("events", &event.id, &event.claims);
        }
        for term in &story.terms {
            self.id("terms", &term.id);
            self.text("terms", &term.id, "definition", &term.definition);
            self.references("terms", &term.id, "claims", "claims", &term.claims);
        }
        for disagreement in &story.disagreements {
            self.id("disagreements", &disagreement.id);
            if disagreement.versions.len() < 2 {
                self.fail(
                    "disagreements",
                    &disagreement.id,
                    "versions",
                    "a disagreement needs at least two reports' versions".into(),
                );
            }
            for (i, version) in disagreement.versions.iter().enumerate() {
                self.citation(
                    "disagreements",
                    &disagreement.id,
                    &format!("versions[{i}].cite"),
                    &version.cite,
                );
            }
        }
        for question in &story.questions {
            self.id("questions", &question.id);
            self.text("questions", &question.id, "text", &question.text);
            self.references(
                "questions",
                &question.id,
                "claims",
                "claims",
                &question.claims,
            );
        }
        match &story.hook {
            Some(hook) => {
                self.reference("hook", "hook", "claim", "claims", &hook.claim);
                self.references("hook", "hook", "figures", "figures", &hook.figures);
            }
            None => self.fail("hook", "hook", "hook", "the story needs a hook".into()),
        }
        self.errors
    }

    fn check_figure(&mut self, figure: &Figure) {
        self.id("figures", &figure.id);
        self.text("figures", &figure.id, "label", &figure.label);
        if figure.reported.is_empty() {
            self.fail(
                "figures",
                &figure.id,
                "reported",
                "a figure needs at least one reported value".into(),
            );
        }
        for (i, reported) in figure.reported.iter().enumerate() {
            let field = format!("reported[{i}].value");
            let value = reported.value;
            if !value.is_finite() || value < 0.0 {
                self.fail(
                    "figures",
                    &figure.id,
                    &field,
                    format!("{value} is not a non-negative number"),
                );
            } else if figure.unit == Unit::Percent && value > 100.0 {
                self.fail(
                    "figures",
                    &figure.id,
                    &field,
                    format!("percentage {value} is outside 0–100"),
                );
            }
            self.citation(
                "figures",
                &figure.id,
                &format!("reported[{i}].cite"),
                &reported.cite,
            );
        }
    }

    fn check_relation(&mut self, relation: &Relation) {
        let id = relation.id.as_str();
        self.id("relations", id);
        self.reference("relations", id, "from", "entities", &relation.from);
        self.reference("relations", id, "to", "entities", &relation.to);
        self.cited("relations", id, &relation.claims);
        match (&relation.kind, &relation.share) {
            (RelationKind::Ownership, None) => self.fail(
                "relations",
                id,
                "share",
                "an ownership relation needs a share figure".into(),
            ),
            (RelationKind::Ownership, Some(share)) => {
                self.reference("relations", id, "share", "figures", share);
                if let Some(figure) = self.story.figure(share) {
                    if figure.unit != Unit::Percent {
                        self.fail(
                            "relations",
                            id,
                            "share",
                            format!("figure {share:?} is not a percentage"),
                        );
                    }
                }
            }
            (_, Some(_)) => self.fail(
                "relations",
                id,
                "share",
                "only ownership relations carry a share".into(),
            ),
            (_, None) => {}
        }
    }

    /// No company can have more than 100 % of its shares held, even at the
    /// highest figure any report gives.
    fn check_stake_sums(&mut self) {
        let story = self.story;
        let mut held: Vec<(&str, f64, &str)> = Vec::new(); // (subject, total, last relation)
        for relation in &story.relations {
            let Some(share) = relation.share.as_deref().and_then(|id| story.figure(id)) else {
                continue;
            };
            if share.reported.is_empty() {
                continue;
            }
            match held
                .iter_mut()
                .find(|(subject, _, _)| *subject == relation.to)
            {
                Some(entry) => {
                    entry.1 += share.max();
                    entry.2 = &relation.id;
                }
                None => held.push((&relation.to, share.max(), &relation.id)),
            }
        }
        for (subject, total, relation) in held {
            if total > 100.0 + 1e-9 {
                self.fail(
                    "relations",
                    relation,
                    "share",
                    format!("stakes in {subject:?} sum to {total} %, past 100 %"),
                );
            }
        }
    }

    fn check_requirement(&mut self, requirement: &Requirement) {
        let id = requirement.id.as_str();
        self.id("requirements", id);
        self.text("requirements", id, "text", &requirement.text);
        self.reference(
            "requirements",
            id,
            "guidance",
            "guidances",
            &requirement.guidance,
        );
        if let Some(parent) = &requirement.parent {
            self.reference("requirements", id, "parent", "requirements", parent);
            if let Some(parent) = self.story.requirement(parent) {
                if parent.guidance != requirement.guidance {
                    self.fail(
                        "requirements",
                        id,
                        "parent",
                        "the parent belongs to another guidance".into(),
                    );
                }
            }
        }
        self.references(
            "requirements",
            id,
            "breach_links",
            "breach_links",
            &requirement.breach_links,
        );
        self.references(
            "requirements",
            id,
            "relations",
            "relations",
            &requirement.relations,
        );
        self.references(
            "requirements",
            id,
            "controls",
            "controls",
            &requirement.controls,
        );
        self.cited("requirements", id, &requirement.claims);
    }
}
