//! The iframe code a newsroom pastes into its article: the current state of one view,
//! embedded, with a title, lazy loading and our sizer script.

use crate::diagram::escape_xml;
use crate::url::{UrlState, View};

/// Initial iframe height before the first height message arrives.
pub const INITIAL_HEIGHT: u32 = 720;

/// `page_url` is the explainer's address without query or fragment
/// (e.g. `https://news.example/line/`).
pub fn embed_code(page_url: &str, state: &UrlState, view: View, title: &str) -> String {
    let embedded = UrlState {
        view,
        embed: true,
        present: false,
        slide: None,
        passthrough: Vec::new(),
        ..state.clone()
    };
    let src = format!("{page_url}{}", embedded.to_query());
    let script = format!("{}embed.js", directory_of(page_url));
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" data-line-explainer width=\"100%\" height=\"{INITIAL_HEIGHT}\" style=\"width:100%;border:0\"></iframe>\n<script src=\"{}\" async></script>",
        escape_xml(&src),
        escape_xml(title),
        escape_xml(&script),
    )
}

/// The folder part of a page address: `https://a.example/x/index.html` → `https://a.example/x/`.
fn directory_of(page_url: &str) -> &str {
    match page_url.rfind('/') {
        Some(i) => &page_url[..=i],
        None => page_url,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embed_code_carries_the_current_state_of_the_view() {
        let state = UrlState {
            stake: Some(60),
            controls: vec!["two-factor".into()],
            present: true,
            slide: Some(3),
            passthrough: vec![("childId".into(), "x".into())],
            ..UrlState::default()
        };
        let code = embed_code(
            "https://news.example/line/",
            &state,
            View::Ownership,
            "Who owns LINE",
        );
        assert!(code.contains("src=\"https://news.example/line/?view=ownership&amp;embed=1&amp;stake=60&amp;controls=two-factor\""), "{code}");
        assert!(code.contains("title=\"Who owns LINE\""));
        assert!(code.contains("loading=\"lazy\""));
        assert!(code.contains("<script src=\"https://news.example/line/embed.js\" async></script>"));
        assert!(!code.contains("present") && !code.contains("slide") && !code.contains("childId"));
    }

    #[test]
    fn titles_cannot_break_out_of_the_attribute() {
        let code = embed_code(
            "https://a.example/",
            &UrlState::default(),
            View::Breach,
            "\"><script>alert(1)</script>",
        );
        assert!(!code.contains("<script>alert"));
        assert!(code.contains("&quot;&gt;&lt;script&gt;"));
    }

    #[test]
    fn script_sits_beside_an_index_page() {
        let code = embed_code(
            "https://a.example/x/index.html",
            &UrlState::default(),
            View::Story,
            "t",
        );
        assert!(code.contains("https://a.example/x/embed.js"));
    }
}
