//! "Download data": the breach path as a STIX 2.1 bundle of MITRE Attack Flow 2.0
//! objects, for analysts' tools (Attack Flow Builder, STIX libraries).
//!
//! * One `attack-flow` (scope `incident`), one `attack-action` per step, chained by
//!   `effect_refs`, and one `attack-asset` per system the intruder reached. The path
//!   is a single chain, so no `attack-operator` (which joins branches) is needed.
//! * Every action and asset carries its citations as `external_references` (report,
//!   date as stated, verbatim quote). ATT&CK technique ids are the explainer's
//!   analytical mapping, and each description says so.
//! * Deterministic: ids are UUIDv5 (SHA-1, RFC 9562) of a fixed namespace and the
//!   content id, and `created`/`modified` are the latest report date at midnight UTC,
//!   so the same content always exports the same bytes.
//! * The extension definition is referenced, and included, exactly as the Attack
//!   Flow maintainers' example bundle does.

use crate::content::{Claim, Id, Lang, Story};
use serde::Serialize;
use std::collections::BTreeMap;

/// The name the downloaded file gets.
pub const EXPORT_FILE_NAME: &str = "line-breach-attack-flow.json";

/// The Attack Flow 2.0 extension definition's id, as the maintainers publish it.
pub const ATTACK_FLOW_EXTENSION_ID: &str =
    "extension-definition--fb9c968a-745b-4ade-9b25-c324172197f4";
/// MITRE's Center for Threat-Informed Defense, which created the extension definition.
const MITRE_IDENTITY_ID: &str = "identity--d673f8cb-c168-42da-8ed4-0cb26725f86c";
/// When the extension definition was created (from the maintainers' definition).
const EXTENSION_TIMESTAMP: &str = "2022-08-02T19:34:35.143Z";

/// Namespace of this explainer's STIX ids (a random v4 UUID, fixed once).
const ID_NAMESPACE: [u8; 16] = [
    0x3c, 0x0e, 0x5f, 0x0a, 0x8e, 0x4b, 0x4a, 0x52, 0x9d, 0x61, 0x1f, 0x7c, 0x52, 0x2e, 0x08, 0xb4,
];

/// A STIX bundle.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bundle {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: String,
    pub objects: Vec<StixObject>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ExternalReference {
    pub source_name: String,
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'static str>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Extension {
    pub extension_type: &'static str,
}

/// The objects this export writes, tagged by their STIX `type`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum StixObject {
    ExtensionDefinition {
        id: &'static str,
        spec_version: &'static str,
        name: &'static str,
        description: &'static str,
        created: &'static str,
        modified: &'static str,
        created_by_ref: &'static str,
        schema: &'static str,
        version: &'static str,
        extension_types: Vec<&'static str>,
        external_references: Vec<ExternalReference>,
    },
    Identity {
        spec_version: &'static str,
        id: &'static str,
        created_by_ref: &'static str,
        created: &'static str,
        modified: &'static str,
        name: &'static str,
        identity_class: &'static str,
    },
    AttackFlow {
        spec_version: &'static str,
        id: String,
        created: String,
        modified: String,
        name: String,
        description: String,
        scope: &'static str,
        start_refs: Vec<String>,
        external_references: Vec<ExternalReference>,
        extensions: BTreeMap<&'static str, Extension>,
    },
    AttackAction {
        spec_version: &'static str,
        id: String,
        created: String,
        modified: String,
        name: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        technique_id: Option<String>,
        description: String,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        asset_refs: Vec<String>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        effect_refs: Vec<String>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        external_references: Vec<ExternalReference>,
        extensions: BTreeMap<&'static str, Extension>,
    },
    AttackAsset {
        spec_version: &'static str,
        id: String,
        created: String,
        modified: String,
        name: String,
        description: String,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        external_references: Vec<ExternalReference>,
        extensions: BTreeMap<&'static str, Extension>,
    },
}

impl StixObject {
    pub fn id(&self) -> &str {
        match self {
            StixObject::ExtensionDefinition { id, .. } | StixObject::Identity { id, .. } => id,
            StixObject::AttackFlow { id, .. }
            | StixObject::AttackAction { id, .. }
            | StixObject::AttackAsset { id, .. } => id,
        }
    }
}

/// The bundle for the story's breach path.
pub fn attack_flow_bundle(story: &Story) -> Bundle {
    let lang = Lang::En;
    let timestamp = export_timestamp(story);
    let extensions = || {
        BTreeMap::from([(
            ATTACK_FLOW_EXTENSION_ID,
            Extension {
                extension_type: "new-sdo",
            },
        )])
    };
    let action_id = |step: &str| stix_id("attack-action", step);
    let asset_id = |node: &str| stix_id("attack-asset", node);

    let mut objects = vec![extension_definition(), mitre_identity()];
    objects.push(StixObject::AttackFlow {
        spec_version: "2.1",
        id: stix_id("attack-flow", "breach-path"),
        created: timestamp.clone(),
        modified: timestamp.clone(),
        name: "How an outsider reached LINE through Naver Cloud (2023)".to_owned(),
        description: "The path of the 2023 LINE data breach as five news reports of March and \
            April 2024 describe it, step by step, from a Naver Cloud subcontractor's infected \
            computer to LY's personal data. Every step cites its reports; ATT&CK technique ids \
            are the explainer's analytical mapping, not reported fact."
            .to_owned(),
        scope: "incident",
        start_refs: story
            .breach_steps
            .first()
            .map(|step| action_id(&step.id))
            .into_iter()
            .collect(),
        external_references: story
            .sources
            .iter()
            .map(|source| ExternalReference {
                source_name: source.title.clone(),
                description: [
                    source.publication.as_str(),
                    source.author.as_str(),
                    source.date_as_stated.as_str(),
                ]
                .iter()
                .filter(|part| !part.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("; "),
                url: None,
            })
            .collect(),
        extensions: extensions(),
    });

    for (i, step) in story.breach_steps.iter().enumerate() {
        let technique = (step.techniques.len() == 1).then(|| &step.techniques[0]);
        let mut description = format!(
            "Step {} of {}: {}. {}",
            i + 1,
            story.breach_steps.len(),
            step.title.get(lang),
            step.body.get(lang)
        );
        if let Some(date) = step.date {
            description.push_str(&format!(" Date as reported: {}.", date.iso()));
        }
        for t in &step.techniques {
            description.push_str(&format!(
                " ATT&CK mapping (analysis by the explainer, not stated in the reports): {} {} \
                 ({}): {}",
                t.id,
                t.name,
                t.tactic,
                t.why.get(lang)
            ));
        }
        objects.push(StixObject::AttackAction {
            spec_version: "2.1",
            id: action_id(&step.id),
            created: timestamp.clone(),
            modified: timestamp.clone(),
            name: technique.map_or_else(|| step.title.get(lang).to_owned(), |t| t.name.clone()),
            technique_id: technique.map(|t| t.id.clone()),
            description,
            asset_refs: step.nodes.iter().map(|node| asset_id(node)).collect(),
            effect_refs: story
                .breach_steps
                .get(i + 1)
                .map(|next| action_id(&next.id))
                .into_iter()
                .collect(),
            external_references: citations(story, &step.claims),
            extensions: extensions(),
        });
    }

    for node in &story.breach_nodes {
        let facts: Vec<&str> = node
            .claims
            .iter()
            .filter_map(|id| story.claim(id))
            .map(|claim| claim.text.get(lang))
            .collect();
        objects.push(StixObject::AttackAsset {
            spec_version: "2.1",
            id: asset_id(&node.id),
            created: timestamp.clone(),
            modified: timestamp.clone(),
            name: node.label.get(lang).to_owned(),
            description: facts.join(" "),
            external_references: citations(story, &node.claims),
            extensions: extensions(),
        });
    }

    Bundle {
        kind: "bundle",
        id: stix_id("bundle", "breach-path"),
        objects,
    }
}

/// The bundle as the downloaded file holds it (pretty-printed JSON).
pub fn attack_flow_json(story: &Story) -> String {
    serde_json::to_string_pretty(&attack_flow_bundle(story)).expect("plain data serialises")
}

/// Citations of the claims, one external reference per report quote, without repeats.
fn citations(story: &Story, claims: &[Id]) -> Vec<ExternalReference> {
    let mut references: Vec<ExternalReference> = Vec::new();
    for cite in claims
        .iter()
        .filter_map(|id| story.claim(id))
        .flat_map(|claim: &Claim| &claim.cites)
    {
        let Some(source) = story.source(&cite.source) else {
            continue;
        };
        let reference = ExternalReference {
            source_name: format!(
                "{} ({})",
                source.publication_or_title(),
                source.date_as_stated
            ),
            description: format!("{}: “{}”", source.title, cite.quote),
            url: None,
        };
        if !references.contains(&reference) {
            references.push(reference);
        }
    }
    references
}

/// `created` and `modified` of the exported objects: the latest date a report
/// states, at midnight UTC (STIX wants millisecond precision).
pub fn export_timestamp(story: &Story) -> String {
    let latest = story.sources.iter().filter_map(|s| s.date).max();
    match latest {
        Some(date) => format!(
            "{:04}-{:02}-{:02}T00:00:00.000Z",
            date.year,
            date.month.max(1),
            date.day.max(1)
        ),
        None => "2024-01-01T00:00:00.000Z".to_owned(),
    }
}

/// A stable STIX id: `kind--` and the UUIDv5 of `kind:key` in this explainer's namespace.
pub fn stix_id(kind: &str, key: &str) -> String {
    format!(
        "{kind}--{}",
        uuid_v5(&ID_NAMESPACE, format!("{kind}:{key}").as_bytes())
    )
}

/// A name-based UUID, version 5 (SHA-1), in its hyphenated lower-case form.
pub fn uuid_v5(namespace: &[u8; 16], name: &[u8]) -> String {
    let mut input = namespace.to_vec();
    input.extend_from_slice(name);
    let hash = sha1(&input);
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&hash[..16]);
    bytes[6] = (bytes[6] & 0x0f) | 0x50;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// SHA-1 (FIPS 180-4). Used only to derive UUIDv5 ids, not for security.
fn sha1(data: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xEFCD_AB89,
        0x98BA_DCFE,
        0x1032_5476,
        0xC3D2_E1F0,
    ];
    let mut message = data.to_vec();
    let bit_length = (data.len() as u64).wrapping_mul(8);
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&bit_length.to_be_bytes());
    for block in message.chunks(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, &word) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let temp = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(word);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = temp;
        }
        for (state, value) in h.iter_mut().zip([a, b, c, d, e]) {
            *state = state.wrapping_add(value);
        }
    }
    let mut out = [0u8; 20];
    for (i, word) in h.iter().enumerate() {
        out[i * 4..i * 4 + 4].copy_from_slice(&word.to_be_bytes());
    }
    out
}

/// The Attack Flow extension definition, as the maintainers publish it.
fn extension_definition() -> StixObject {
    StixObject::ExtensionDefinition {
        id: ATTACK_FLOW_EXTENSION_ID,
        spec_version: "2.1",
        name: "Attack Flow",
        description: "Extends STIX 2.1 with features to create Attack Flows.",
        created: EXTENSION_TIMESTAMP,
        modified: EXTENSION_TIMESTAMP,
        created_by_ref: MITRE_IDENTITY_ID,
        schema: "https://center-for-threat-informed-defense.github.io/attack-flow/stix/attack-flow-schema-2.0.0.json",
        version: "2.0.0",
        extension_types: vec!["new-sdo"],
        external_references: vec![
            ExternalReference {
                source_name: "Documentation".to_owned(),
                description: "Documentation for Attack Flow".to_owned(),
                url: Some("https://center-for-threat-informed-defense.github.io/attack-flow"),
            },
            ExternalReference {
                source_name: "GitHub".to_owned(),
                description: "Source code repository for Attack Flow".to_owned(),
                url: Some("https://github.com/center-for-threat-informed-defense/attack-flow"),
            },
        ],
    }
}

/// The identity the extension definition names as its creator.
fn mitre_identity() -> StixObject {
    StixObject::Identity {
        spec_version: "2.1",
        id: MITRE_IDENTITY_ID,
        created_by_ref: MITRE_IDENTITY_ID,
        created: EXTENSION_TIMESTAMP,
        modified: EXTENSION_TIMESTAMP,
        name: "MITRE Center for Threat-Informed Defense",
        identity_class: "organization",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::story;
    use serde_json::Value;

    fn exported() -> Value {
        serde_json::from_str(&attack_flow_json(story())).unwrap()
    }

    fn of_type<'a>(bundle: &'a Value, kind: &str) -> Vec<&'a Value> {
        bundle["objects"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|o| o["type"] == kind)
            .collect()
    }

    #[test]
    fn sha1_matches_the_standard_test_vectors() {
        let hex = |bytes: [u8; 20]| bytes.iter().map(|b| format!("{b:02x}")).collect::<String>();
        assert_eq!(
            hex(sha1(b"abc")),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(hex(sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assert_eq!(
            hex(sha1(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        );
    }

    #[test]
    fn uuid_v5_matches_the_reference_implementation() {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        let dns = [
            0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4,
            0x30, 0xc8,
        ];
        assert_eq!(
            uuid_v5(&dns, b"python.org"),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d"
        );
    }

    #[test]
    fn the_export_is_the_same_every_time() {
        assert_eq!(attack_flow_json(story()), attack_flow_json(story()));
        assert_eq!(
            stix_id("attack-action", "infected"),
            stix_id("attack-action", "infected")
        );
        assert_ne!(
            stix_id("attack-action", "infected"),
            stix_id("attack-asset", "infected")
        );
    }

    #[test]
    fn ids_are_unique_and_stix_shaped() {
        let bundle = attack_flow_bundle(story());
        let mut ids: Vec<&str> = bundle.objects.iter().map(StixObject::id).collect();
        for id in &ids {
            let (kind, uuid) = id.split_once("--").unwrap();
            assert!(!kind.is_empty());
            assert_eq!(uuid.len(), 36, "{id}");
            assert!(matches!(uuid.as_bytes()[14], b'1'..=b'5'), "{id}");
            assert!(
                matches!(uuid.as_bytes()[19], b'8' | b'9' | b'a' | b'b'),
                "{id}"
            );
        }
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count);
    }

    #[test]
    fn one_flow_with_an_action_per_step_and_an_asset_per_node() {
        let bundle = exported();
        let story = story();
        let flows = of_type(&bundle, "attack-flow");
        assert_eq!(flows.len(), 1);
        assert_eq!(flows[0]["scope"], "incident");
        assert_eq!(
            of_type(&bundle, "attack-action").len(),
            story.breach_steps.len()
        );
        assert_eq!(
            of_type(&bundle, "attack-asset").len(),
            story.breach_nodes.len()
        );
        assert!(of_type(&bundle, "attack-operator").is_empty());
        assert_eq!(
            flows[0]["start_refs"][0],
            stix_id("attack-action", &story.breach_steps[0].id)
        );
    }

    #[test]
    fn actions_chain_in_step_order_and_every_reference_resolves() {
        let bundle = exported();
        let ids: Vec<&str> = bundle["objects"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["id"].as_str().unwrap())
            .collect();
        let actions = of_type(&bundle, "attack-action");
        for pair in actions.windows(2) {
            assert_eq!(pair[0]["effect_refs"][0], pair[1]["id"]);
        }
        assert!(actions.last().unwrap().get("effect_refs").is_none());
        for object in bundle["objects"].as_array().unwrap() {
            for key in ["effect_refs", "asset_refs", "start_refs"] {
                for reference in object[key].as_array().into_iter().flatten() {
                    assert!(ids.contains(&reference.as_str().unwrap()), "{reference}");
                }
            }
        }
    }

    #[test]
    fn techniques_are_exported_and_labelled_as_analysis() {
        let bundle = exported();
        let story = story();
        for (action, step) in of_type(&bundle, "attack-action")
            .iter()
            .zip(&story.breach_steps)
        {
            let description = action["description"].as_str().unwrap();
            match step.techniques.as_slice() {
                [] => assert!(action.get("technique_id").is_none()),
                [one] => {
                    assert_eq!(action["technique_id"], one.id.as_str());
                    assert_eq!(action["name"], one.name.as_str());
                    assert!(
                        description.contains("analysis by the explainer"),
                        "{description}"
                    );
                }
                _ => {}
            }
            assert!(description.contains(step.title.get(Lang::En)));
        }
    }

    #[test]
    fn every_step_and_system_carries_its_citations() {
        let bundle = exported();
        for object in of_type(&bundle, "attack-action")
            .into_iter()
            .chain(of_type(&bundle, "attack-asset"))
        {
            let references = object["external_references"].as_array().unwrap();
            assert!(!references.is_empty(), "{}", object["id"]);
            assert!(references
                .iter()
                .all(|r| r["description"].as_str().unwrap().contains('“')));
        }
        let discovery = of_type(&bundle, "attack-action")[3]["description"]
            .as_str()
            .unwrap();
        assert!(discovery.contains("2023-10-09"), "{discovery}");
    }

    #[test]
    fn objects_are_stamped_with_the_latest_report_date() {
        assert_eq!(export_timestamp(story()), "2024-04-20T00:00:00.000Z");
        let bundle = exported();
        for action in of_type(&bundle, "attack-action") {
            assert_eq!(action["created"], "2024-04-20T00:00:00.000Z");
            assert_eq!(action["modified"], action["created"]);
        }
    }

    #[test]
    fn the_extension_is_referenced_as_the_maintainers_do() {
        let bundle = exported();
        let definition = of_type(&bundle, "extension-definition");
        assert_eq!(definition.len(), 1);
        assert_eq!(definition[0]["id"], ATTACK_FLOW_EXTENSION_ID);
        for kind in ["attack-flow", "attack-action", "attack-asset"] {
            for object in of_type(&bundle, kind) {
                assert_eq!(
                    object["extensions"][ATTACK_FLOW_EXTENSION_ID]["extension_type"],
                    "new-sdo"
                );
                assert_eq!(object["spec_version"], "2.1");
            }
        }
    }
}
