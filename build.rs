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
}
