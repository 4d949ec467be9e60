//! Tests of the URL contract against a small hand-built story, so that they do
//! not move when `content/*.json` changes.

use super::*;
use crate::content::{
    BreachLink, BreachStep, Control, Country, Entity, EntityKind, Relation, RelationKind,
    Requirement, Status, Text, Theme,
};
use proptest::prelude::*;

const CONTROL_IDS: [&str; 4] = ["mfa", "segmentation", "edr", "access-review"];
const ENTITY_IDS: [&str; 4] = ["ly", "naver", "softbank", "a-holdings"];
const RELATION_IDS: [&str; 2] = ["softbank-a-holdings", "naver-a-holdings"];
const REQUIREMENT_IDS: [&str; 3] = ["mar-1", "mar-2", "apr-1"];
const LINK_IDS: [&str; 2] = ["pc-to-cloud", "cloud-to-ly"];
const STEPS: usize = 5;
const LIMITS: Limits = Limits { slides: 12 };

fn text(en: &str) -> Text {
    Text {
        en: en.to_owned(),
        ja: String::new(),
        ko: String::new(),
    }
}

fn story() -> Story {
    Story {
        controls: CONTROL_IDS
            .iter()
            .map(|id| Control {
                id: (*id).to_owned(),
                name: text(id),
                reported: text("reported"),
                status: Status::Done,
                cuts: vec![],
                rationale: text("rationale"),
                claims: vec![],
            })
            .collect(),
        entities: ENTITY_IDS
            .iter()
            .map(|id| Entity {
                id: (*id).to_owned(),
                kind: EntityKind::Company,
                name: text(id),
                country: Country::Japan,
                role: text("role"),
                claims: vec![],
            })
            .collect(),
        relations: RELATION_IDS
            .iter()
            .map(|id| {
                let (from, to) = id.split_once('-').unwrap();
                Relation {
                    id: (*id).to_owned(),
                    kind: RelationKind::Ownership,
                    from: from.to_owned(),
                    to: to.to_owned(),
                    label: text(id),
                    share: None,
                    claims: vec![],
                }
            })
            .collect(),
        requirements: REQUIREMENT_IDS
            .iter()
            .map(|id| Requirement {
                id: (*id).to_owned(),
                guidance: "guidance".to_owned(),
                number: String::new(),
                parent: None,
                text: text(id),
                theme: Theme::Security,
                status: Status::Unclear,
                response: Text::default(),
                breach_links: vec![],
                relations: vec![],
                controls: vec![],
                claims: vec![],
            })
            .collect(),
        breach_links: LINK_IDS
            .iter()
            .map(|id| BreachLink {
                id: (*id).to_owned(),
                from: "from".to_owned(),
                to: "to".to_owned(),
                label: text(id),
                claims: vec![],
            })
            .collect(),
        breach_steps: (1..=STEPS)
            .map(|n| BreachStep {
                id: format!("step-{n}"),
                title: text("step"),
                body: text("body"),
                links: vec![],
                nodes: vec![],
                date: None,
                claims: vec![],
                techniques: vec![],
            })
            .collect(),
        ..Story::default()
    }
}

fn parse(query: &str) -> UrlState {
    UrlState::parse(query, &story(), &LIMITS)
}

fn canonical(query: &str) -> String {
    parse(query).to_query()
}

// ---------------------------------------------------------------- unit tests

#[test]
fn empty_query_is_the_default_state() {
    assert_eq!(parse(""), UrlState::default());
    assert_eq!(parse("?"), UrlState::default());
    assert_eq!(parse("&&&"), UrlState::default());
    assert_eq!(UrlState::default().to_query(), "");
}

#[test]
fn every_view_round_trips_and_story_is_omitted() {
    for view in View::ALL {
        assert_eq!(View::from_key(view.key()), Some(view));
        let state = UrlState {
            view,
            ..UrlState::default()
        };
        let query = state.to_query();
        if view == View::Story {
            assert_eq!(query, "");
        } else {
            assert_eq!(query, format!("?view={}", view.key()));
        }
        assert_eq!(parse(&query), state);
    }
    assert_eq!(canonical("view=story"), "");
}

#[test]
fn a_link_to_another_view_keeps_language_theme_and_embedding_only() {
    let here = parse("view=ownership&lang=ko&theme=dark&select=naver&stake=70&step=3&req=mar-2");
    assert_eq!(
        here.in_view(View::Breach).to_query(),
        "?view=breach&lang=ko&theme=dark"
    );
    assert_eq!(here.in_view(View::Story).to_query(), "?lang=ko&theme=dark");
    assert_eq!(
        parse("embed=1&view=timeline")
            .in_view(View::Sources)
            .to_query(),
        "?view=sources&embed=1"
    );
}

#[test]
fn leading_question_mark_is_optional() {
    assert_eq!(parse("view=breach"), parse("?view=breach"));
    assert_eq!(parse("view=breach").view, View::Breach);
    // Only one `?` is the separator; a second belongs to the key.
    assert_eq!(parse("??view=breach").view, View::Story);
}

#[test]
fn canonical_form_orders_keys_and_omits_defaults() {
    let query = "parentUrl=https%3A%2F%2Fnews.example%2Fa&slide=3&req=mar-2&link=cloud-to-ly\
                 &controls=edr,mfa&step=4&stake=70&select=naver&present=1&embed=1&theme=dark\
                 &lang=ja&view=ownership&childId=frame-1";
    assert_eq!(
        canonical(query),
        "?view=ownership&lang=ja&theme=dark&embed=1&present=1&select=naver&stake=70&step=4\
         &controls=mfa,edr&link=cloud-to-ly&req=mar-2&slide=3\
         &parentUrl=https%3A%2F%2Fnews.example%2Fa&childId=frame-1"
    );
    // Defaults written out explicitly are omitted.
    assert_eq!(
        canonical("view=story&theme=auto&embed=0&present=0&stake=50&step=1&slide=1&controls="),
        ""
    );
    assert_eq!(canonical("stake=050&step=01"), "");
}

#[test]
fn lang_is_absent_unless_given_validly() {
    for lang in Lang::ALL {
        let state = parse(&format!("lang={}", lang.code()));
        assert_eq!(state.lang, Some(lang));
        assert_eq!(state.to_query(), format!("?lang={}", lang.code()));
    }
    for bad in [
        "lang=",
        "lang=fr",
        "lang=EN",
        "lang=en-US",
        "lang",
        "lang=%FF",
    ] {
        assert_eq!(parse(bad).lang, None, "{bad}");
        assert_eq!(canonical(bad), "", "{bad}");
    }
}

#[test]
fn theme_accepts_light_dark_auto_and_omits_auto() {
    assert_eq!(parse("theme=light").theme, ThemeChoice::Light);
    assert_eq!(parse("theme=dark").theme, ThemeChoice::Dark);
    assert_eq!(parse("theme=auto").theme, ThemeChoice::Auto);
    assert_eq!(canonical("theme=auto"), "");
    assert_eq!(parse("theme=Dark").theme, ThemeChoice::Auto);
    for theme in ThemeChoice::ALL {
        assert_eq!(ThemeChoice::from_key(theme.key()), Some(theme));
    }
}

#[test]
fn only_the_value_1_turns_booleans_on() {
    assert!(parse("embed=1").embed);
    assert!(parse("present=1").present);
    for value in ["", "0", "true", "yes", "01", "1 ", "+1", "%31%31", "on"] {
        let state = parse(&format!("embed={value}&present={value}"));
        assert!(!state.embed, "{value:?}");
        assert!(!state.present, "{value:?}");
    }
    assert!(!parse("embed").embed);
    // `%31` is `1`.
    assert!(parse("embed=%31").embed);
}

#[test]
fn hostile_values_fall_back_to_defaults() {
    let hostile = [
        "view=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "view=javascript:alert(1)",
        "view=Breach",
        "view=breach%00",
        "lang=ja%0D%0ASet-Cookie:x",
        "theme=dark;background:url(x)",
        "select=%22%3E%3Cimg%20src%3Dx%3E",
        "select=../../etc/passwd",
        "select=NAVER",
        "stake=-1",
        "stake=101",
        "stake=1e2",
        "stake=50.5",
        "stake=%2B70",
        "stake=%2070",
        "stake=99999999999999999999999999999999",
        "step=0",
        "step=6",
        "step=-2",
        "step=2.0",
        "step=NaN",
        "step=0x2",
        "controls=%3Cscript%3E",
        "controls=,,,",
        "controls=MFA",
        "req=mar-1%00",
        "req=constructor",
        "link=%3Cscript%3E",
        "link=PC-TO-CLOUD",
        "link=pc-to-cloud%20",
        "link=mfa",
        "slide=0",
        "slide=13",
        "slide=65536",
        "slide=18446744073709551617",
        "embed=%FF",
        "view=%C3%28",
        "view=%",
        "view=%zz",
    ];
    for query in hostile {
        assert_eq!(parse(query), UrlState::default(), "{query}");
        assert_eq!(canonical(query), "", "{query}");
    }
}

#[test]
fn numbers_are_bounded_by_story_and_limits() {
    assert_eq!(parse("stake=0").stake, Some(0));
    assert_eq!(parse("stake=100").stake, Some(100));
    assert_eq!(parse("stake=50").stake, None);
    assert_eq!(parse("stake=50").stake_percent(), 50);
    assert_eq!(parse("stake=0").stake_percent(), 0);
    assert_eq!(parse("step=5").step, Some(5));
    assert_eq!(parse("step=5").step_number(), 5);
    assert_eq!(parse("step=1").step, None);
    assert_eq!(parse("step=1").step_number(), 1);
    assert_eq!(parse("slide=12").slide, Some(12));
    assert_eq!(parse("slide=12").slide_number(), 12);
    assert_eq!(parse("slide=1").slide_number(), 1);
    let no_slides = Limits { slides: 0 };
    assert_eq!(UrlState::parse("slide=2", &story(), &no_slides).slide, None);
    let no_steps = Story::default();
    assert_eq!(UrlState::parse("step=2", &no_steps, &LIMITS).step, None);
}

#[test]
fn select_must_name_an_entity_or_a_relation() {
    assert_eq!(parse("select=ly").select.as_deref(), Some("ly"));
    assert_eq!(
        parse("select=softbank-a-holdings").select.as_deref(),
        Some("softbank-a-holdings")
    );
    // A control or requirement id is not selectable.
    assert_eq!(parse("select=mfa").select, None);
    assert_eq!(parse("select=mar-1").select, None);
    assert_eq!(parse("select=").select, None);
}

#[test]
fn req_must_name_a_requirement() {
    assert_eq!(parse("req=apr-1").req.as_deref(), Some("apr-1"));
    assert_eq!(parse("req=ly").req, None);
    assert_eq!(parse("req=").req, None);
}

#[test]
fn link_must_name_a_breach_link() {
    assert_eq!(
        parse("link=cloud-to-ly").link.as_deref(),
        Some("cloud-to-ly")
    );
    assert_eq!(canonical("link=cloud-to-ly"), "?link=cloud-to-ly");
    // Neither a node-like id, a control, a requirement nor an entity is a link.
    for other in ["from", "mfa", "mar-1", "ly", ""] {
        assert_eq!(parse(&format!("link={other}")).link, None, "{other}");
    }
    assert_eq!(
        parse("link=pc-to-cloud&link=cloud-to-ly").link.as_deref(),
        Some("pc-to-cloud")
    );
}

#[test]
fn controls_keep_story_order_and_drop_unknown_ids() {
    let state = parse("controls=access-review,nope,mfa,edr,mfa,,EDR");
    assert_eq!(state.controls, ["mfa", "edr", "access-review"]);
    assert_eq!(state.to_query(), "?controls=mfa,edr,access-review");
    // An encoded comma separates too.
    assert_eq!(
        parse("controls=edr%2Csegmentation").controls,
        ["segmentation", "edr"]
    );
    assert_eq!(canonical("controls=nope,other"), "");
}

#[test]
fn first_of_repeated_keys_wins() {
    assert_eq!(parse("view=breach&view=guidance").view, View::Breach);
    assert_eq!(parse("stake=10&stake=20").stake, Some(10));
    assert_eq!(parse("controls=mfa&controls=edr").controls, ["mfa"]);
    // The first occurrence decides even when it is invalid.
    assert_eq!(parse("view=nope&view=breach").view, View::Story);
    assert_eq!(parse("lang=&lang=ko").lang, None);
    // Keys are recognised after decoding, so an encoded repeat is a repeat.
    assert_eq!(parse("view=timeline&%76iew=numbers").view, View::Timeline);
    assert_eq!(
        parse("childId=a&childId=b").passthrough,
        [("childId".to_owned(), "a".to_owned())]
    );
}

#[test]
fn unknown_keys_are_dropped_but_pym_keys_survive() {
    let query = "utm_source=x&initialWidth=640&fbclid=abc&parentTitle=LINE+%26+Naver\
                 &view=breach&childId=explainer&PARENTURL=x&parentUrl=https%3A%2F%2Fex.com%2F%3Fa%3D1";
    let state = parse(query);
    assert_eq!(
        state.passthrough,
        [
            ("initialWidth".to_owned(), "640".to_owned()),
            ("parentTitle".to_owned(), "LINE & Naver".to_owned()),
            ("childId".to_owned(), "explainer".to_owned()),
            ("parentUrl".to_owned(), "https://ex.com/?a=1".to_owned()),
        ]
    );
    assert_eq!(state.passthrough_value("parentTitle"), Some("LINE & Naver"));
    assert_eq!(state.passthrough_value("utm_source"), None);
    assert_eq!(
        state.to_query(),
        "?view=breach&initialWidth=640&parentTitle=LINE%20%26%20Naver&childId=explainer\
         &parentUrl=https%3A%2F%2Fex.com%2F%3Fa%3D1"
    );
    assert_eq!(canonical("utm_source=x&foo&=bar&%FF=1"), "");
}

#[test]
fn pym_values_are_kept_verbatim_including_empty_and_unicode() {
    let state = parse("childId=&parentTitle=%E3%83%A9%E3%82%A4%E3%83%B3+%ED%95%9C");
    assert_eq!(
        state.passthrough,
        [
            ("childId".to_owned(), String::new()),
            ("parentTitle".to_owned(), "ライン 한".to_owned()),
        ]
    );
    assert_eq!(parse(&state.to_query()), state);
    // A raw (unencoded) non-ASCII value is taken as is and re-encoded.
    assert_eq!(
        canonical("parentTitle=ライン"),
        "?parentTitle=%E3%83%A9%E3%82%A4%E3%83%B3"
    );
}

#[test]
fn values_longer_than_512_bytes_are_malformed() {
    let at_limit = "a".repeat(MAX_VALUE_BYTES);
    let over = "a".repeat(MAX_VALUE_BYTES + 1);
    assert_eq!(
        parse(&format!("parentUrl={at_limit}")).passthrough_value("parentUrl"),
        Some(at_limit.as_str())
    );
    assert_eq!(parse(&format!("parentUrl={over}")).passthrough, []);
    // The limit counts decoded bytes: 512 encoded bytes take 1536 characters.
    let encoded_at_limit = "%41".repeat(MAX_VALUE_BYTES);
    assert_eq!(
        parse(&format!("childId={encoded_at_limit}"))
            .passthrough_value("childId")
            .map(str::len),
        Some(MAX_VALUE_BYTES)
    );
    let encoded_over = "%41".repeat(MAX_VALUE_BYTES + 1);
    assert_eq!(parse(&format!("childId={encoded_over}")).passthrough, []);
    // A long controls list is malformed as a whole, even if it starts validly.
    let long_controls = format!("controls=mfa,{}", "x,".repeat(300));
    assert_eq!(parse(&long_controls).controls, Vec::<String>::new());
    // A dropped first occurrence still counts as the first.
    let state = parse(&format!("childId={over}&childId=short"));
    assert_eq!(state.passthrough, []);
}

#[test]
fn percent_decoding_follows_form_encoding() {
    assert_eq!(decode("a+b%20c", 64).as_deref(), Some("a b c"));
    assert_eq!(decode("%e3%83%a9", 64).as_deref(), Some("ラ"));
    // A `%` without two hex digits stays literal, as in browsers.
    assert_eq!(decode("100%", 64).as_deref(), Some("100%"));
    assert_eq!(decode("%zz%4", 64).as_deref(), Some("%zz%4"));
    assert_eq!(decode("%%41", 64).as_deref(), Some("%A"));
    // A `%` before a multi-byte character does not split it.
    assert_eq!(decode("%é", 64).as_deref(), Some("%é"));
    // Bytes that are not UTF-8 make the text malformed.
    assert_eq!(decode("%FF", 64), None);
    assert_eq!(decode("%E3%83", 64), None);
    assert_eq!(decode("%C0%AF", 64), None);
    // Length limit, in decoded bytes.
    assert_eq!(decode("abc", 3).as_deref(), Some("abc"));
    assert_eq!(decode("abcd", 3), None);
    assert_eq!(decode("%41%42%43", 3).as_deref(), Some("ABC"));
}

#[test]
fn percent_encoding_keeps_only_unreserved_characters() {
    let mut out = String::new();
    encode_into(&mut out, "Az09-._~ !\"#$%&'()*+,/:;=?@[]^`{|}é");
    assert_eq!(
        out,
        "Az09-._~%20%21%22%23%24%25%26%27%28%29%2A%2B%2C%2F%3A%3B%3D%3F%40%5B%5D%5E%60%7B%7C%7D%C3%A9"
    );
}

#[test]
fn state_built_by_hand_is_normalized_against_the_story() {
    let state = UrlState {
        select: Some("nope".to_owned()),
        stake: Some(50),
        step: Some(99),
        controls: vec!["edr".to_owned(), "mfa".to_owned(), "edr".to_owned()],
        link: Some("nope".to_owned()),
        req: Some(String::new()),
        slide: Some(1),
        ..UrlState::default()
    };
    assert_eq!(
        state.to_query(),
        "?select=nope&step=99&controls=edr,mfa,edr&link=nope"
    );
    let normalized = state.normalized(&story(), &LIMITS);
    assert_eq!(
        normalized,
        UrlState {
            controls: vec!["mfa".to_owned(), "edr".to_owned()],
            ..UrlState::default()
        }
    );
}

#[test]
fn huge_inputs_parse_quickly_to_bounded_state() {
    let repeated = "controls=mfa,edr&parentUrl=x&view=breach&".repeat(50_000);
    let state = parse(&repeated);
    assert_eq!(state.view, View::Breach);
    assert_eq!(state.controls, ["mfa", "edr"]);
    assert_eq!(state.passthrough.len(), 1);
    let one_long_value = format!("view={}", "%".repeat(2_000_000));
    assert_eq!(parse(&one_long_value), UrlState::default());
    let one_long_key = format!("{}=1", "k".repeat(2_000_000));
    assert_eq!(parse(&one_long_key), UrlState::default());
}

// ----------------------------------------------------------- property tests

/// Query-shaped text: known keys, pym keys and junk, with valid, invalid and
/// percent-encoded values, joined by `&` (and sometimes by nothing at all).
fn query_like() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        prop::sample::select(Key::ALL.map(Key::name).to_vec()).prop_map(str::to_owned),
        prop::sample::select(PYM_KEYS.to_vec()).prop_map(str::to_owned),
        Just("%76iew".to_owned()),
        "[a-zA-Z%+=?&]{0,8}",
        any::<String>(),
    ];
    let ids: Vec<&str> = CONTROL_IDS
        .iter()
        .chain(&ENTITY_IDS)
        .chain(&RELATION_IDS)
        .chain(&REQUIREMENT_IDS)
        .chain(&LINK_IDS)
        .copied()
        .collect();
    let value = prop_oneof![
        prop::sample::select(View::ALL.map(View::key).to_vec()).prop_map(str::to_owned),
        prop::sample::select(vec!["en", "ja", "ko", "light", "dark", "auto", "1", "0"])
            .prop_map(str::to_owned),
        prop::sample::select(ids.clone()).prop_map(str::to_owned),
        prop::collection::vec(prop::sample::select(ids), 0..6).prop_map(|ids| ids.join(",")),
        (0u32..200).prop_map(|n| n.to_string()),
        "[0-9]{0,25}",
        "(%[0-9a-fA-FzZ]{0,2}|[+,=?é한]|[a-z]{1,3})*",
        "[a-z]{500,520}",
        any::<String>(),
    ];
    let pair = prop_oneof![
        (key.clone(), value).prop_map(|(key, value)| format!("{key}={value}")),
        key,
    ];
    (
        any::<bool>(),
        prop::collection::vec(pair, 0..12),
        prop::sample::select(vec!["&", "&", "&", "&&", ""]),
    )
        .prop_map(|(question, pairs, separator)| {
            let body = pairs.join(separator);
            if question {
                format!("?{body}")
            } else {
                body
            }
        })
}

/// Any query: shaped like one, or any string, or any bytes read lossily.
fn any_query() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => query_like(),
        1 => any::<String>(),
        1 => prop::collection::vec(any::<u8>(), 0..256)
            .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
    ]
}

/// A valid, canonical state built from the story's ids.
fn valid_state() -> impl Strategy<Value = UrlState> {
    let select_ids: Vec<&str> = ENTITY_IDS.iter().chain(&RELATION_IDS).copied().collect();
    let passthrough_value = prop_oneof![
        any::<String>(),
        "[ -~]{0,40}",
        Just("a".repeat(MAX_VALUE_BYTES)),
        Just("é".repeat(MAX_VALUE_BYTES / 2)),
    ];
    let passthrough = (
        prop::collection::vec(passthrough_value, PYM_KEYS.len()),
        Just(PYM_KEYS.to_vec()).prop_shuffle(),
        0..=PYM_KEYS.len(),
    )
        .prop_map(|(values, keys, count)| {
            keys.into_iter()
                .zip(values)
                .take(count)
                .map(|(key, value)| (key.to_owned(), value))
                .collect::<Vec<_>>()
        });
    let head = (
        prop::sample::select(View::ALL.to_vec()),
        prop::option::of(prop::sample::select(Lang::ALL.to_vec())),
        prop::sample::select(ThemeChoice::ALL.to_vec()),
        any::<bool>(),
        any::<bool>(),
    );
    let body = (
        prop::option::of(prop::sample::select(select_ids).prop_map(str::to_owned)),
        prop::option::of((0u8..=100).prop_filter("50 is the default", |&n| n != REPORTED_STAKE)),
        prop::option::of(2..=STEPS as u16),
        prop::collection::vec(any::<bool>(), CONTROL_IDS.len()),
        prop::option::of(prop::sample::select(LINK_IDS.to_vec()).prop_map(str::to_owned)),
        prop::option::of(prop::sample::select(REQUIREMENT_IDS.to_vec()).prop_map(str::to_owned)),
        prop::option::of(2..=LIMITS.slides),
    );
    (head, body, passthrough).prop_map(
        |(
            (view, lang, theme, embed, present),
            (select, stake, step, mask, link, req, slide),
            passthrough,
        )| UrlState {
            view,
            lang,
            theme,
            embed,
            present,
            select,
            stake,
            step,
            controls: CONTROL_IDS
                .iter()
                .zip(mask)
                .filter(|(_, on)| *on)
                .map(|(id, _)| (*id).to_owned())
                .collect(),
            link,
            req,
            slide,
            passthrough: passthrough
                .into_iter()
                .filter(|(_, value)| value.len() <= MAX_VALUE_BYTES)
                .collect(),
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parsing_any_string_never_panics(query in any::<String>()) {
        let state = parse(&query);
        let _ = state.to_query();
    }

    #[test]
    fn parsing_any_bytes_read_lossily_never_panics(
        bytes in prop::collection::vec(any::<u8>(), 0..1024),
    ) {
        let query = String::from_utf8_lossy(&bytes);
        let _ = parse(&query).to_query();
    }

    #[test]
    fn parsed_states_round_trip(query in any_query()) {
        let state = parse(&query);
        prop_assert_eq!(parse(&state.to_query()), state);
    }

    #[test]
    fn canonical_form_is_a_fixed_point(query in any_query()) {
        let once = canonical(&query);
        prop_assert_eq!(canonical(&once), once);
    }

    #[test]
    fn canonical_form_is_never_longer_than_its_bounds(query in any_query()) {
        // 12 known keys with short values, 4 pym values of at most 512 bytes
        // that encode to at most 3 characters a byte.
        let bound = 12 * 64 + PYM_KEYS.len() * (16 + 3 * MAX_VALUE_BYTES);
        prop_assert!(canonical(&query).len() <= bound);
    }

    #[test]
    fn valid_states_round_trip(state in valid_state()) {
        let query = state.to_query();
        prop_assert_eq!(&parse(&query), &state);
        prop_assert_eq!(state.normalized(&story(), &LIMITS), state);
    }
}
