//! The "Download data" export of the breach path validates against the official
//! schemas kept beside the project in `../shared/schemas/attack-flow-2.0/`: every
//! Attack Flow object against the Attack Flow 2.0 schema, every standard STIX object
//! against its OASIS STIX 2.1 schema, and the bundle's own fields against the
//! bundle schema. The schemas' `$ref`s name raw.githubusercontent.com URLs; a
//! retriever maps them to the local copies, so nothing touches the network.

use jsonschema::{Retrieve, Uri, Validator};
use line_breach_explainer::breach::stix::attack_flow_json;
use line_breach_explainer::content::story;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn schema_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/schemas/attack-flow-2.0")
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Serves the OASIS STIX 2.1 schemas from `oasis-open/` for the URLs they are known by
/// (both the `stix2.1` and the `master` branch), and refuses anything else.
struct LocalSchemas;

impl Retrieve for LocalSchemas {
    fn retrieve(
        &self,
        uri: &Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let uri = uri.as_str();
        let prefixes = [
            "raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/",
            "raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/master/schemas/",
        ];
        let rest = uri
            .strip_prefix("https://")
            .or_else(|| uri.strip_prefix("http://"))
            .and_then(|rest| prefixes.iter().find_map(|p| rest.strip_prefix(p)))
            .ok_or_else(|| format!("no local copy of {uri}"))?;
        let path = schema_dir().join("oasis-open").join(rest);
        if rest.contains("..") || !path.is_file() {
            return Err(format!("no local copy of {uri}").into());
        }
        Ok(read_json(&path))
    }
}

fn validator(schema: &Value) -> Validator {
    jsonschema::options()
        .with_retriever(LocalSchemas)
        .build(schema)
        .unwrap_or_else(|e| panic!("schema does not compile: {e}"))
}

fn attack_flow_validator() -> Validator {
    validator(&read_json(
        &schema_dir().join("attack-flow-schema-2.0.0.json"),
    ))
}

/// A validator for one OASIS schema file, e.g. `sdos/identity.json`.
fn oasis_validator(relative: &str) -> Validator {
    validator(&read_json(&schema_dir().join("oasis-open").join(relative)))
}

fn errors(validator: &Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn exported() -> Value {
    serde_json::from_str(&attack_flow_json(story())).expect("the export is JSON")
}

fn is_attack_flow_type(kind: &str) -> bool {
    matches!(
        kind,
        "attack-flow" | "attack-action" | "attack-asset" | "attack-condition" | "attack-operator"
    )
}

#[test]
fn every_attack_flow_object_validates_against_the_attack_flow_schema() {
    let validator = attack_flow_validator();
    let bundle = exported();
    let mut checked = 0;
    let mut failures = Vec::new();
    for object in bundle["objects"].as_array().unwrap() {
        if !is_attack_flow_type(object["type"].as_str().unwrap()) {
            continue;
        }
        checked += 1;
        for error in errors(&validator, object) {
            failures.push(format!("{}: {error}", object["id"]));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    let story = story();
    assert_eq!(
        checked,
        1 + story.breach_steps.len() + story.breach_nodes.len()
    );
}

#[test]
fn every_standard_stix_object_validates_against_its_oasis_schema() {
    let bundle = exported();
    let mut failures = Vec::new();
    for object in bundle["objects"].as_array().unwrap() {
        let kind = object["type"].as_str().unwrap();
        if is_attack_flow_type(kind) {
            continue;
        }
        let schema = match kind {
            "identity" => "sdos/identity.json",
            "extension-definition" => "common/extension-definition.json",
            other => panic!("no schema chosen for {other}"),
        };
        for error in errors(&oasis_validator(schema), object) {
            failures.push(format!("{}: {error}", object["id"]));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_bundle_has_a_valid_type_id_and_objects() {
    // The OASIS bundle schema also checks every object; objects of types it does not
    // list (the Attack Flow objects and the extension definition) satisfy both of its
    // "core" alternatives, which its `oneOf` then rejects, even in the maintainers' own
    // example. So the bundle's own fields are checked here, and
    // the objects one by one above.
    let bundle_schema = read_json(&schema_dir().join("oasis-open/common/bundle.json"));
    let mut shape = bundle_schema.clone();
    shape["properties"]["objects"] = json!({ "type": "array", "minItems": 1 });
    let validator = validator(&shape);
    let bundle = exported();
    let failures = errors(&validator, &bundle);
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(bundle["type"], "bundle");
}

#[test]
fn the_maintainers_example_passes_the_same_checks() {
    // Guards the test itself: what it demands, the reference example meets.
    let validator = attack_flow_validator();
    let example = read_json(&schema_dir().join("attack-flow-example.json"));
    for object in example["objects"].as_array().unwrap() {
        if is_attack_flow_type(object["type"].as_str().unwrap()) {
            assert_eq!(
                errors(&validator, object),
                Vec::<String>::new(),
                "{}",
                object["id"]
            );
        }
    }
}

#[test]
fn the_full_bundle_schema_rejects_even_the_maintainers_example() {
    // Documents why the bundle is not validated whole (see above); if a future schema
    // accepts the example, validate the export whole too.
    let validator = oasis_validator("common/bundle.json");
    let example = read_json(&schema_dir().join("attack-flow-example.json"));
    assert!(!errors(&validator, &example).is_empty());
}

#[test]
fn a_broken_object_is_caught() {
    // And the check is not vacuous: a flow without its scope, or with an id that is
    // not a STIX id, fails.
    let validator = attack_flow_validator();
    let bundle = exported();
    let flow = bundle["objects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["type"] == "attack-flow")
        .unwrap()
        .clone();
    let mut no_scope = flow.clone();
    no_scope.as_object_mut().unwrap().remove("scope");
    assert!(!errors(&validator, &no_scope).is_empty());
    let mut bad_id = flow.clone();
    bad_id["id"] = json!("attack-flow--not-a-uuid");
    assert!(!errors(&validator, &bad_id).is_empty());
    let mut bad_scope = flow.clone();
    bad_scope["scope"] = json!("breach");
    assert!(!errors(&validator, &bad_scope).is_empty());
    let mut no_extension = flow;
    no_extension.as_object_mut().unwrap().remove("extensions");
    assert!(!errors(&validator, &no_extension).is_empty());
}
