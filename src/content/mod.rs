//! The content model: one validated story that every view, language and export reads.
//!
//! `build.rs` validates `content/*.json` and embeds a compact binary copy; the app
//! decodes it once, on first use.

pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod validate;

pub use model::*;

use std::sync::OnceLock;

static STORY_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/story.postcard"));

/// The story, decoded on first use. The bytes were validated at build time.
pub fn story() -> &'static Story {
    static STORY: OnceLock<Story> = OnceLock::new();
    STORY.get_or_init(|| {
        postcard::from_bytes(STORY_BYTES).expect("story.postcard was written by build.rs")
    })
}
