//! The messages an embedded explainer exchanges with the page around it.
//!
//! Outgoing: the content height, in every format newsroom pages already listen for
//! (pym.js, Datawrapper, AMP, and the JSON string Flourish and Medium use).
//! Incoming: only pym.js's `width` message and AMP's replies are understood; anything
//! else is ignored. Pure functions, property-tested: arbitrary input never panics.

use std::fmt::Write;

/// pym.js joins message parts with this delimiter.
const PYM_DELIMITER: &str = "xPYMx";

/// Longest message we bother to parse; pym's are a few dozen bytes.
const MAX_MESSAGE_BYTES: usize = 1024;

/// One outgoing message: either a string (posted as is) or a structured object, held as
/// its JSON text (posted as the object it parses to). Written by hand: a JSON library in
/// the main wasm module would cost more than these three messages.
#[derive(Clone, Debug, PartialEq)]
pub enum Outgoing {
    Text(String),
    Object(String),
}

/// Everything that tells the parent page the explainer's height.
pub fn height_messages(
    height: u32,
    child_id: Option<&str>,
    embed_id: &str,
    src: &str,
) -> Vec<Outgoing> {
    let mut messages = Vec::with_capacity(4);
    if let Some(id) = child_id {
        messages.push(Outgoing::Text(pym_message(
            id,
            "height",
            &height.to_string(),
        )));
    }
    messages.push(Outgoing::Object(format!(
        r#"{{"datawrapper-height":{{{}:{height}}}}}"#,
        json_string(embed_id)
    )));
    messages.push(Outgoing::Object(format!(
        r#"{{"sentinel":"amp","type":"embed-size","height":{height}}}"#
    )));
    messages.push(Outgoing::Text(format!(
        r#"{{"context":"iframe.resize","src":{},"height":{height}}}"#,
        json_string(src)
    )));
    messages
}

/// `text` as a JSON string literal (quotes, backslashes and control characters escaped).
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `pym` + `xPYMx` + child id + `xPYMx` + type + `xPYMx` + message, as pym.js builds it.
pub fn pym_message(child_id: &str, kind: &str, message: &str) -> String {
    ["pym", child_id, kind, message].join(PYM_DELIMITER)
}

/// A message from the parent page that the explainer acts on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Incoming {
    /// pym.js tells the child its width; the child answers with its height.
    PymWidth(u32),
}

/// Reads a string message from the parent. `child_id` is the id pym gave this frame;
/// messages for other frames, malformed ones and unknown kinds are ignored.
pub fn parse_incoming(data: &str, child_id: Option<&str>) -> Option<Incoming> {
    if data.len() > MAX_MESSAGE_BYTES {
        return None;
    }
    let child_id = child_id?;
    let mut parts = data.split(PYM_DELIMITER);
    if parts.next()? != "pym" || parts.next()? != child_id {
        return None;
    }
    let kind = parts.next()?;
    let value = parts.next()?;
    if parts.next().is_some() {
        return None;
    }
    match kind {
        "width" => parse_px(value).map(Incoming::PymWidth),
        _ => None,
    }
}

/// A pixel count as pym sends it: digits, perhaps with a fraction ("640" or "640.5").
fn parse_px(text: &str) -> Option<u32> {
    let whole = text.split('.').next()?;
    if whole.is_empty() || whole.len() > 6 || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let fraction_ok = text[whole.len()..]
        .strip_prefix('.')
        .map_or(text.len() == whole.len(), |f| {
            !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit())
        });
    if !fraction_ok {
        return None;
    }
    whole.parse().ok()
}

/// The id Datawrapper-style parents use to find this frame (`datawrapper-chart-<id>`).
pub fn embed_id(view_key: &str) -> String {
    format!("line-explainer-{view_key}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    fn parsed(message: &Outgoing) -> Value {
        let (Outgoing::Text(text) | Outgoing::Object(text)) = message;
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn height_goes_out_in_all_four_formats_when_pym_is_present() {
        let messages = height_messages(
            812,
            Some("ownership-graphic"),
            "line-explainer-ownership",
            "https://n.example/x/?embed=1",
        );
        assert_eq!(messages.len(), 4);
        assert_eq!(
            messages[0],
            Outgoing::Text("pymxPYMxownership-graphicxPYMxheightxPYMx812".into())
        );
        assert!(matches!(messages[1], Outgoing::Object(_)));
        assert_eq!(
            parsed(&messages[1]),
            json!({"datawrapper-height": {"line-explainer-ownership": 812}})
        );
        assert!(matches!(messages[2], Outgoing::Object(_)));
        assert_eq!(
            parsed(&messages[2]),
            json!({"sentinel": "amp", "type": "embed-size", "height": 812})
        );
        // Flourish and Medium listen for the JSON text itself.
        assert!(matches!(messages[3], Outgoing::Text(_)));
        assert_eq!(
            parsed(&messages[3]),
            json!({"context": "iframe.resize", "src": "https://n.example/x/?embed=1", "height": 812})
        );
    }

    #[test]
    fn without_pym_the_pym_message_is_left_out() {
        let messages = height_messages(100, None, "id", "src");
        assert_eq!(messages.len(), 3);
        assert!(!messages
            .iter()
            .any(|m| matches!(m, Outgoing::Text(t) if t.starts_with("pym"))));
    }

    #[test]
    fn pym_width_message_for_this_frame_is_understood() {
        assert_eq!(
            parse_incoming("pymxPYMxg1xPYMxwidthxPYMx640", Some("g1")),
            Some(Incoming::PymWidth(640))
        );
        assert_eq!(
            parse_incoming("pymxPYMxg1xPYMxwidthxPYMx640.5", Some("g1")),
            Some(Incoming::PymWidth(640))
        );
    }

    #[test]
    fn messages_for_other_frames_or_kinds_are_ignored() {
        assert_eq!(
            parse_incoming("pymxPYMxother xPYMxwidthxPYMx640", Some("g1")),
            None
        );
        assert_eq!(
            parse_incoming("pymxPYMxg1xPYMxnavigateToxPYMxhttp://evil", Some("g1")),
            None
        );
        assert_eq!(
            parse_incoming("pymxPYMxg1xPYMxwidthxPYMx-5", Some("g1")),
            None
        );
        assert_eq!(
            parse_incoming("pymxPYMxg1xPYMxwidthxPYMx640xPYMxextra", Some("g1")),
            None
        );
        assert_eq!(parse_incoming("pymxPYMxg1xPYMxwidthxPYMx640", None), None);
        assert_eq!(
            parse_incoming("{\"context\":\"iframe.resize\"}", Some("g1")),
            None
        );
    }

    proptest! {
        #[test]
        fn arbitrary_messages_never_panic(data in ".{0,2000}", id in "[a-z0-9-]{0,12}") {
            let _ = parse_incoming(&data, Some(&id));
            let _ = parse_incoming(&data, None);
        }

        #[test]
        fn widths_round_trip(width in 0u32..999_999, id in "[a-zA-Z0-9_-]{1,20}") {
            let message = pym_message(&id, "width", &width.to_string());
            prop_assert_eq!(parse_incoming(&message, Some(&id)), Some(Incoming::PymWidth(width)));
        }

        #[test]
        fn every_message_is_valid_json_for_any_src_and_id(src in ".{0,300}", id in ".{0,40}", height in 0u32..100_000) {
            let messages = height_messages(height, None, &id, &src);
            let flourish = parsed(&messages[2]);
            prop_assert_eq!(flourish["src"].as_str().unwrap(), src.as_str());
            prop_assert_eq!(flourish["height"].as_u64(), Some(u64::from(height)));
            prop_assert_eq!(parsed(&messages[0])["datawrapper-height"][id.as_str()].as_u64(), Some(u64::from(height)));
        }
    }
}
