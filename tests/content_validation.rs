//! The content validator refuses each kind of broken input with a message that names
//! the file, the record and the field. Each test breaks a copy of the real content in
//! one way and checks the message.

use line_breach_explainer::content::validate::{load_story, ContentError};
use serde_json::{json, Value};
use std::path::Path;

fn real_content() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            let name = format!("content/{}", p.file_name().unwrap().to_string_lossy());
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Applies `edit` to the parsed JSON of `file` and validates the result.
fn validate_with(file: &str, edit: impl FnOnce(&mut Value)) -> Vec<ContentError> {
    let mut files = real_content();
    let entry = files.iter_mut().find(|(name, _)| name == file).unwrap();
    let mut value: Value = serde_json::from_str(&entry.1).unwrap();
    edit(&mut value);
    entry.1 = value.to_string();
    load_story(&files).expect_err("broken content must be rejected")
}

fn find<'a>(errors: &'a [ContentError], record: &str, field: &str) -> &'a ContentError {
    errors
        .iter()
        .find(|e| e.record == record && e.field == field)
        .unwrap_or_else(|| panic!("no error for {record}/{field} in {errors:#?}"))
}

#[test]
fn the_real_content_is_valid() {
    let story = load_story(&real_content()).unwrap_or_else(|errors| {
        panic!(
            "{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert_eq!(story.sources.len(), 5);
}

#[test]
fn missing_translation_names_file_record_and_language() {
    let errors = validate_with("content/claims.json", |v| {
        v["claims"][0]["text"]["ja"] = json!("");
        v["claims"][0]["text"]["ko"] = json!("  ");
    });
    let record = errors
        .iter()
        .find(|e| e.field == "text.ja")
        .expect("a missing Japanese text is reported")
        .record
        .clone();
    let ja = find(&errors, &record, "text.ja");
    assert_eq!(ja.file, "content/claims.json");
    assert!(ja.message.contains("ja translation is missing"), "{ja}");
    find(&errors, &record, "text.ko");
}

#[test]
fn dangling_reference_names_file_record_and_field() {
    let errors = validate_with("content/entities.json", |v| {
        v["relations"][0]["to"] = json!("no-such-company");
    });
    let error = find(&errors, "softbank-owns-a-holdings", "to");
    assert_eq!(error.file, "content/entities.json");
    assert!(
        error
            .message
            .contains("unknown entities id \"no-such-company\""),
        "{error}"
    );
    let shown = error.to_string();
    assert!(
        shown.starts_with("content/entities.json: record \"softbank-owns-a-holdings\", field `to`"),
        "{shown}"
    );
}

#[test]
fn dangling_claim_reference_is_reported_with_its_index() {
    let errors = validate_with("content/breach.json", |v| {
        v["controls"][0]["claims"] = json!(["two-factor-done", "ghost-claim"]);
    });
    let error = find(&errors, "two-factor", "claims[1]");
    assert!(error.message.contains("ghost-claim"), "{error}");
}

#[test]
fn claim_without_citation_is_rejected() {
    let errors = validate_with("content/claims.json", |v| {
        v["claims"][1]["cites"] = json!([]);
    });
    let error = find(&errors, "discovered", "cites");
    assert_eq!(error.file, "content/claims.json");
    assert!(error.message.contains("at least one citation"), "{error}");
}

#[test]
fn record_citing_no_claim_is_rejected() {
    let errors = validate_with("content/entities.json", |v| {
        v["entities"][0]["claims"] = json!([]);
    });
    let error = find(&errors, "softbank", "claims");
    assert!(error.message.contains("cites no claim"), "{error}");
}

#[test]
fn citation_of_unknown_report_is_rejected() {
    let errors = validate_with("content/claims.json", |v| {
        v["claims"][1]["cites"][0]["source"] = json!("tabloid");
    });
    let error = find(&errors, "discovered", "cites[0].source");
    assert!(
        error.message.contains("unknown sources id \"tabloid\""),
        "{error}"
    );
}

#[test]
fn malformed_date_is_rejected_with_its_path() {
    let errors = validate_with("content/events.json", |v| {
        v["events"][3]["date"] = json!("2023-02-30");
    });
    let error = find(&errors, "discovered", "date");
    assert_eq!(error.file, "content/events.json");
    assert!(error.message.contains("day 30 out of range"), "{error}");
}

#[test]
fn date_in_another_format_is_rejected() {
    let errors = validate_with("content/figures.json", |v| {
        v["figures"][0]["reported"][0]["as_of"] = json!("Nov 2023");
    });
    let error = find(&errors, "leaked-items", "reported[0].as_of");
    assert!(error.message.contains("year must be 4 digits"), "{error}");
}

#[test]
fn percentage_past_100_is_rejected() {
    let errors = validate_with("content/figures.json", |v| {
        v["figures"][1]["reported"][2]["value"] = json!(164.4);
    });
    let error = find(&errors, "a-holdings-stake-in-ly", "reported[2].value");
    assert!(error.message.contains("outside 0–100"), "{error}");
}

#[test]
fn negative_figure_is_rejected() {
    let errors = validate_with("content/figures.json", |v| {
        v["figures"][0]["reported"][0]["value"] = json!(-1);
    });
    find(&errors, "leaked-items", "reported[0].value");
}

#[test]
fn stakes_summing_past_100_percent_are_rejected() {
    let errors = validate_with("content/figures.json", |v| {
        // SoftBank 50 % + Naver 60 % of A Holdings.
        v["figures"][2]["reported"][0]["value"] = json!(60);
    });
    let error = errors
        .iter()
        .find(|e| e.field == "share" && e.message.contains("past 100 %"))
        .unwrap_or_else(|| panic!("{errors:#?}"));
    assert_eq!(error.file, "content/entities.json");
    assert!(
        error.message.contains("\"a-holdings\" sum to 110"),
        "{error}"
    );
}

#[test]
fn ownership_without_share_is_rejected() {
    let errors = validate_with("content/entities.json", |v| {
        v["relations"][2]["share"] = Value::Null;
    });
    find(&errors, "a-holdings-owns-ly", "share");
}

#[test]
fn missing_field_is_named() {
    let errors = validate_with("content/entities.json", |v| {
        v["entities"][3].as_object_mut().unwrap().remove("country");
    });
    let error = find(&errors, "ly", "country");
    assert!(error.message.contains("missing field `country`"), "{error}");
}

#[test]
fn unknown_enum_value_is_named() {
    let errors = validate_with("content/breach.json", |v| {
        v["controls"][0]["status"] = json!("maybe");
    });
    let error = find(&errors, "two-factor", "status");
    assert!(error.message.contains("unknown variant `maybe`"), "{error}");
}

#[test]
fn duplicate_id_is_rejected() {
    let errors = validate_with("content/claims.json", |v| {
        let first = v["claims"][0].clone();
        v["claims"].as_array_mut().unwrap().push(first);
    });
    let error = find(&errors, "hook", "id");
    assert!(error.message.contains("duplicate id"), "{error}");
}

#[test]
fn invalid_json_names_the_file() {
    let mut files = real_content();
    files
        .iter_mut()
        .find(|(n, _)| n == "content/glossary.json")
        .unwrap()
        .1 = "{ not json".into();
    let errors = load_story(&files).unwrap_err();
    assert!(errors
        .iter()
        .any(|e| e.file == "content/glossary.json" && e.message.contains("not valid JSON")));
}

#[test]
fn overlong_quote_is_rejected() {
    let errors = validate_with("content/claims.json", |v| {
        v["claims"][1]["cites"][0]["quote"] = json!("x".repeat(400));
    });
    find(&errors, "discovered", "cites[0].quote");
}

#[test]
fn invalid_attack_technique_id_is_rejected() {
    let errors = validate_with("content/breach.json", |v| {
        v["breach_steps"][1]["techniques"][0]["id"] = json!("TA0001");
    });
    find(&errors, "naver-cloud", "techniques[0].id");
}

mod arbitrary_input {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Whatever bytes a content file holds, loading reports errors and never panics.
        #[test]
        fn arbitrary_bytes_in_a_content_file_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let mut files = real_content();
            files[0].1 = String::from_utf8_lossy(&bytes).into_owned();
            let _ = load_story(&files);
        }

        /// Valid JSON of any shape in any section is rejected or accepted, never a panic.
        #[test]
        fn arbitrary_json_in_every_section_never_panics(
            section in prop::sample::select(vec!["sources", "claims", "figures", "entities", "relations", "breach_nodes",
                "breach_links", "breach_steps", "controls", "guidances", "requirements", "events", "terms",
                "disagreements", "questions", "hook", "other"]),
            value in arbitrary_json(),
        ) {
            let mut files = real_content();
            files.push(("content/zz-fuzz.json".into(), json!({ section: value }).to_string()));
            let _ = load_story(&files);
        }

        /// A real record with one field replaced by arbitrary JSON: rejected with a located
        /// message or accepted, never a panic.
        #[test]
        fn mutated_records_never_panic(index in 0usize..12, field in "[a-z_]{1,12}", value in arbitrary_json()) {
            let errors = std::panic::catch_unwind(|| {
                let mut files = real_content();
                let entry = files.iter_mut().find(|(n, _)| n == "content/breach.json").unwrap();
                let mut parsed: Value = serde_json::from_str(&entry.1).unwrap();
                if let Some(record) = parsed["breach_steps"].get_mut(index % 5) {
                    record[field.as_str()] = value.clone();
                }
                entry.1 = parsed.to_string();
                load_story(&files).err()
            });
            prop_assert!(errors.is_ok(), "the loader panicked");
            if let Ok(Some(errors)) = errors {
                prop_assert!(errors.iter().all(|e| !e.file.is_empty()), "{errors:?}");
            }
        }
    }

    fn arbitrary_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
            ".{0,20}".prop_map(Value::from),
        ];
        leaf.prop_recursive(3, 24, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::from),
                prop::collection::btree_map("[a-z_]{1,8}", inner, 0..5)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }
}
