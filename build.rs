//! Validates the story content and hands the app a compact, pre-checked copy.
//!
//! `content/*.json` is read into the same model the app uses (`src/content/model.rs`),
//! checked by the same validator (`src/content/validate.rs`), and written to
//! `$OUT_DIR/story.postcard`. A broken content file fails the build, naming the
//! file, the record and the field, so it can never reach a reader.

#[allow(dead_code)]
#[path = "src/content/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/content/validate.rs"]
mod validate;

use std::path::Path;

fn main() {
    let content_dir = Path::new("content");
    println!("cargo:rerun-if-changed=content");
    let mut files = Vec::new();
    let mut entries: Vec<_> = std::fs::read_dir(content_dir)
        .expect("content/ folder")
        .map(|entry| entry.expect("content entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    entries.sort();
    for path in entries {
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("readable content file");
        files.push((path.display().to_string(), text));
    }
    let story = match validate::load_story(&files) {
        Ok(story) => story,
        Err(errors) => {
            for error in &errors {
                println!("cargo:warning={error}");
            }
            let list: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
            panic!("content validation failed:\n{}", list.join("\n"));
        }
    };
    let bytes = postcard::to_allocvec(&story).expect("story serialises");
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("story.postcard");
    std::fs::write(out, bytes).expect("write story.postcard");

    generate_ui_strings();
}

/// The interface's languages; English is the reference every other file must match.
const LOCALES: [&str; 3] = ["en", "ja", "ko"];

/// Compiles `locales/*.json` into typed keys (leptos_i18n) after checking that every
/// language has exactly the keys English has: leptos_i18n only warns about a missing key,
/// and a missing translation must never reach a reader.
fn generate_ui_strings() {
    println!("cargo:rerun-if-changed=locales");
    let key_sets: Vec<(String, std::collections::BTreeSet<String>)> = LOCALES
        .iter()
        .map(|locale| {
            let path = format!("locales/{locale}.json");
            println!("cargo:rerun-if-changed={path}");
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let json: serde_json::Value =
                serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
            let mut keys = std::collections::BTreeSet::new();
            collect_keys(&json, "", &mut keys, &path);
            (path, keys)
        })
        .collect();
    let (reference_path, reference) = &key_sets[0];
    let mut problems = Vec::new();
    for (path, keys) in &key_sets[1..] {
        for missing in reference.difference(keys) {
            problems.push(format!(
                "{path}: missing key `{missing}` (present in {reference_path})"
            ));
        }
        for extra in keys.difference(reference) {
            problems.push(format!("{path}: key `{extra}` is not in {reference_path}"));
        }
    }
    if !problems.is_empty() {
        panic!(
            "UI strings differ between languages:\n  {}",
            problems.join("\n  ")
        );
    }

    let cfg = leptos_i18n_build::Config::new("en")
        .and_then(|cfg| cfg.add_locale("ja"))
        .and_then(|cfg| cfg.add_locale("ko"))
        .expect("locale config")
        // `td_string!(…, name = value)` interpolates into a plain String.
        .parse_options(leptos_i18n_build::ParseOptions::new().interpolate_display(true));
    let translations = leptos_i18n_build::TranslationsInfos::parse(cfg).expect("locales parse");
    translations.emit_diagnostics();
    translations.rerun_if_locales_changed();
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("i18n");
    translations
        .generate_i18n_module(out)
        .expect("generate i18n module");
}

/// Every leaf key path of a locale file; an empty string is as bad as a missing key.
fn collect_keys(
    value: &serde_json::Value,
    prefix: &str,
    keys: &mut std::collections::BTreeSet<String>,
    path: &str,
) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                let full = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                collect_keys(child, &full, keys, path);
            }
        }
        serde_json::Value::String(text) if text.trim().is_empty() => {
            panic!("{path}: key `{prefix}` is empty")
        }
        _ => {
            keys.insert(prefix.to_string());
        }
    }
}
