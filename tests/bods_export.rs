//! The ownership export validates against the official BODS 0.4 schema, read from
//! `../shared/schemas/bods-0.4/` with no network: the schemas' `urn:` references
//! are served from those files by a retriever.

use jsonschema::{Retrieve, Uri};
use line_breach_explainer::content::story;
use line_breach_explainer::ownership::bods::{export_json, statements};
use serde_json::Value;
use std::path::PathBuf;

fn schema_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/schemas/bods-0.4")
}

fn read_schema(file: &str) -> Value {
    let path = schema_dir().join(file);
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    serde_json::from_str(&text).expect("schema is JSON")
}

/// Maps the schema ids (`urn:entity`, `urn:components`, …) to their files.
struct LocalSchemas;

impl Retrieve for LocalSchemas {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let file = match uri.as_str().trim_end_matches('#') {
            "urn:statement" => "statement.json",
            "urn:components" => "components.json",
            "urn:entity" => "entity-record.json",
            "urn:person" => "person-record.json",
            "urn:relationship" => "relationship-record.json",
            other => return Err(format!("no local schema for {other}").into()),
        };
        Ok(read_schema(file))
    }
}

fn validator() -> jsonschema::Validator {
    jsonschema::options()
        .with_retriever(LocalSchemas)
        .should_validate_formats(true)
        .build(&read_schema("statement.json"))
        .expect("the BODS schema compiles")
}

fn errors(instance: &Value) -> Vec<String> {
    validator()
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn ownership_export_validates_against_bods_0_4() {
    let exported: Value = serde_json::from_str(&export_json(story())).expect("export is JSON");
    assert!(exported.as_array().is_some_and(|a| !a.is_empty()));
    let found = errors(&exported);
    assert!(
        found.is_empty(),
        "BODS validation errors:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_schema_check_catches_a_broken_statement() {
    // Guard against a validator that accepts anything (e.g. unresolved references).
    let mut exported: Value = serde_json::from_str(&export_json(story())).unwrap();
    let relationship = exported
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|s| s["recordType"] == "relationship")
        .unwrap();
    relationship["recordDetails"]["interests"][0]["share"]["minimum"] = Value::from(120);
    relationship["recordDetails"]["interests"][0]["type"] = Value::from("ownsALot");
    let found = errors(&exported);
    assert!(found.len() >= 2, "{found:?}");
    let mut broken_entity: Value = serde_json::from_str(&export_json(story())).unwrap();
    broken_entity[0]["recordDetails"]
        .as_object_mut()
        .unwrap()
        .remove("entityType");
    assert!(!errors(&broken_entity).is_empty());
}

#[test]
fn every_statement_points_at_the_reports() {
    for statement in statements(story()) {
        assert!(
            !statement.source.asserted_by.is_empty(),
            "{}",
            statement.record_id
        );
        assert_eq!(statement.source.kind, vec!["thirdParty"]);
    }
}
