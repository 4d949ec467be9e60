//! Every citation quotes its report verbatim. The reports live beside the project in
//! `../shared/sources/` on every development and CI machine; the app never ships them.

use line_breach_explainer::content::{story, Citation};
use std::path::PathBuf;

fn sources_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/sources")
}

/// Whitespace differs between captures of a page; words must not.
fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn all_citations() -> Vec<(String, &'static Citation)> {
    let story = story();
    let mut cites: Vec<(String, &Citation)> = Vec::new();
    for claim in &story.claims {
        cites.extend(
            claim
                .cites
                .iter()
                .map(|c| (format!("claim {}", claim.id), c)),
        );
    }
    for figure in &story.figures {
        cites.extend(
            figure
                .reported
                .iter()
                .map(|r| (format!("figure {}", figure.id), &r.cite)),
        );
    }
    for disagreement in &story.disagreements {
        cites.extend(
            disagreement
                .versions
                .iter()
                .map(|v| (format!("disagreement {}", disagreement.id), &v.cite)),
        );
    }
    cites
}

#[test]
fn every_quote_occurs_in_the_cited_report() {
    let story = story();
    let mut missing = Vec::new();
    for (record, cite) in all_citations() {
        let source = story.source(&cite.source).expect("validated reference");
        let path = sources_dir().join(&source.file);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        if !normalise(&text).contains(&normalise(&cite.quote)) {
            missing.push(format!("{record}: {:?} not in {}", cite.quote, source.file));
        }
    }
    assert!(
        missing.is_empty(),
        "quotes not found verbatim:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_report_is_cited() {
    let story = story();
    let cites = all_citations();
    for source in &story.sources {
        assert!(
            cites.iter().any(|(_, c)| c.source == source.id),
            "{} is never cited",
            source.id
        );
    }
}

#[test]
fn sources_describe_the_five_reports_in_the_shared_folder() {
    let story = story();
    assert_eq!(story.sources.len(), 5);
    for source in &story.sources {
        let text = std::fs::read_to_string(sources_dir().join(&source.file)).unwrap();
        assert!(
            normalise(&text).contains(&normalise(&source.title)),
            "title of {}",
            source.id
        );
        if !source.author.is_empty() {
            // Bylines are sometimes set in capitals ("BY LEE JAE-LIM").
            let byline = source.author.to_lowercase();
            assert!(
                text.to_lowercase().contains(&byline),
                "author of {}",
                source.id
            );
        }
    }
}

#[test]
fn disputed_figures_are_the_ones_the_reports_disagree_on() {
    let story = story();
    let disputed: Vec<&str> = story
        .figures
        .iter()
        .filter(|f| f.is_disputed())
        .map(|f| f.id.as_str())
        .collect();
    for id in ["leaked-items", "a-holdings-stake-in-ly", "line-users-japan"] {
        assert!(disputed.contains(&id), "{id} should be disputed");
    }
    let leak = story.figure("leaked-items").unwrap();
    let values: Vec<f64> = leak.reported.iter().map(|r| r.value).collect();
    for expected in [440_000.0, 510_000.0, 520_000.0] {
        assert!(values.contains(&expected));
    }
}
