//! The URL contract: every piece of view state lives in the query string.
//!
//! Pure Rust (no `web-sys`), so it is tested natively. The browser glue reads
//! `location.search`, hands it to [`UrlState::parse`] and writes
//! [`UrlState::to_query`] back with `history.replaceState`.
//!
//! # Keys, in canonical order
//!
//! | key        | values                                                   | default (omitted)      |
//! |------------|----------------------------------------------------------|------------------------|
//! | `view`     | `ownership` `breach` `guidance` `timeline` `numbers` `sources` `glossary` | whole story |
//! | `lang`     | `en` `ja` `ko`                                           | follow the browser     |
//! | `theme`    | `light` `dark` `auto`                                    | `auto`                 |
//! | `embed`    | `1`                                                      | off                    |
//! | `present`  | `1`                                                      | off                    |
//! | `select`   | id of an entity or a relation of the story               | nothing selected       |
//! | `stake`    | SoftBank's percent of A Holdings, `0`–`100`              | as reported (`50`)     |
//! | `step`     | breach step, `1`..=number of steps                       | `1`                    |
//! | `controls` | comma-separated control ids                              | none                   |
//! | `link`     | id of a breach link (the selected hop of the breach path) | nothing selected      |
//! | `req`      | id of a requirement                                      | nothing selected       |
//! | `slide`    | presenter slide, `1`..=[`Limits::slides`]                | `1`                    |
//!
//! After them come pym.js's keys (`childId`, `initialWidth`, `parentTitle`,
//! `parentUrl`), kept as given, in the order they first appeared.
//!
//! # Parsing rules
//!
//! * The query is `application/x-www-form-urlencoded`: pairs split on `&`, key and
//!   value split on the first `=`, `+` is a space, `%XX` is a byte. A `%` not
//!   followed by two hex digits stays a literal `%` (as browsers do). A key or
//!   value whose bytes are not UTF-8 is malformed.
//! * Keys and values are case-sensitive (`view=Breach` is not a view).
//! * The first occurrence of a key decides, even when its value is invalid; later
//!   occurrences are ignored.
//! * A missing, unknown, malformed or hostile value falls back to the default, so the
//!   key is omitted from the canonical form. A value longer than
//!   [`MAX_VALUE_BYTES`] (after decoding) is malformed.
//! * Integers are plain ASCII digits (leading zeros allowed; no sign, space or point).
//! * Every key is parsed whatever the view: the whole-story view shows every section,
//!   and keeping state lets a reader switch views and come back.
//! * Unknown keys are dropped.
//!
//! The parsed state is already canonical: a value equal to its default is stored
//! as the default (`stake=50` parses to `stake: None`), so
//! `parse(to_query(parse(q))) == parse(q)` for every `q`.

use crate::content::{Lang, Story};

#[cfg(test)]
mod tests;

/// Longest value, in bytes after percent-decoding, that the parser accepts.
/// A longer value is malformed (and a longer pym.js value is dropped).
pub const MAX_VALUE_BYTES: usize = 512;

/// SoftBank's reported share of A Holdings, in percent: the `stake` the
/// capital what-if shows when the URL gives none.
pub const REPORTED_STAKE: u8 = 50;

/// pym.js's query keys, which survive canonicalisation verbatim.
pub const PYM_KEYS: [&str; 4] = ["childId", "initialWidth", "parentTitle", "parentUrl"];

/// Longest key, in bytes after decoding, worth looking at (all keys are short).
const MAX_KEY_BYTES: usize = 32;

/// Which part of the explainer is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// The whole story, every section in order (no `view` key).
    #[default]
    Story,
    Ownership,
    Breach,
    Guidance,
    Timeline,
    Numbers,
    Sources,
    Glossary,
}

impl View {
    pub const ALL: [View; 8] = [
        View::Story,
        View::Ownership,
        View::Breach,
        View::Guidance,
        View::Timeline,
        View::Numbers,
        View::Sources,
        View::Glossary,
    ];

    /// The value of the `view` key. `View::Story` is `"story"`, but the canonical
    /// URL omits the key for it.
    pub fn key(self) -> &'static str {
        match self {
            View::Story => "story",
            View::Ownership => "ownership",
            View::Breach => "breach",
            View::Guidance => "guidance",
            View::Timeline => "timeline",
            View::Numbers => "numbers",
            View::Sources => "sources",
            View::Glossary => "glossary",
        }
    }

    /// The view a `view` value names (case-sensitive). `"story"` is accepted as
    /// the whole story.
    pub fn from_key(key: &str) -> Option<View> {
        View::ALL.into_iter().find(|view| view.key() == key)
    }
}

/// The colour theme the reader chose.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ThemeChoice {
    /// Follow the system (`prefers-color-scheme`).
    #[default]
    Auto,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::Auto, ThemeChoice::Light, ThemeChoice::Dark];

    /// The value of the `theme` key.
    pub fn key(self) -> &'static str {
        match self {
            ThemeChoice::Auto => "auto",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    pub fn from_key(key: &str) -> Option<ThemeChoice> {
        ThemeChoice::ALL
            .into_iter()
            .find(|theme| theme.key() == key)
    }
}

/// Bounds the parser needs that the story does not hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Limits {
    /// Number of presenter slides; `slide` must be in `1..=slides`.
    pub slides: u16,
}

/// All view state, as the query string carries it.
///
/// A state returned by [`UrlState::parse`] is canonical: each `Option` is `None`
/// when the value is the default, and ids exist in the story. States built by
/// hand can be brought to that form with [`UrlState::normalized`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct UrlState {
    pub view: View,
    /// `None`: follow the browser's languages.
    pub lang: Option<Lang>,
    pub theme: ThemeChoice,
    /// Embedded in another page: no site chrome.
    pub embed: bool,
    /// Presenter mode.
    pub present: bool,
    /// Id of the selected ownership entity or relation.
    pub select: Option<String>,
    /// SoftBank's percent of A Holdings in the capital what-if, `0..=100`;
    /// `None`: as reported ([`REPORTED_STAKE`]).
    pub stake: Option<u8>,
    /// 1-based breach step; `None`: the first.
    pub step: Option<u16>,
    /// Ids of the controls switched on, in the story's order, without repeats.
    pub controls: Vec<String>,
    /// Id of the selected breach link.
    pub link: Option<String>,
    /// Id of the selected requirement.
    pub req: Option<String>,
    /// 1-based presenter slide; `None`: the first.
    pub slide: Option<u16>,
    /// pym.js keys and their decoded values, in the order they appeared.
    pub passthrough: Vec<(String, String)>,
}

/// The known keys, in canonical order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Key {
    View,
    Lang,
    Theme,
    Embed,
    Present,
    Select,
    Stake,
    Step,
    Controls,
    Link,
    Req,
    Slide,
}

impl Key {
    const ALL: [Key; 12] = [
        Key::View,
        Key::Lang,
        Key::Theme,
        Key::Embed,
        Key::Present,
        Key::Select,
        Key::Stake,
        Key::Step,
        Key::Controls,
        Key::Link,
        Key::Req,
        Key::Slide,
    ];

    fn name(self) -> &'static str {
        match self {
            Key::View => "view",
            Key::Lang => "lang",
            Key::Theme => "theme",
            Key::Embed => "embed",
            Key::Present => "present",
            Key::Select => "select",
            Key::Stake => "stake",
            Key::Step => "step",
            Key::Controls => "controls",
            Key::Link => "link",
            Key::Req => "req",
            Key::Slide => "slide",
        }
    }

    fn from_name(name: &str) -> Option<Key> {
        Key::ALL.into_iter().find(|key| key.name() == name)
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

impl UrlState {
    /// Reads a query string, with or without its leading `?`.
    ///
    /// Never panics. Memory is bounded: values are decoded only for the first
    /// occurrence of a known key, and never beyond [`MAX_VALUE_BYTES`].
    pub fn parse(query: &str, story: &Story, limits: &Limits) -> UrlState {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut state = UrlState::default();
        let mut seen_keys: u16 = 0;
        let mut seen_pym: u8 = 0;
        for pair in query.split('&') {
            if pair.is_empty() {
                continue;
            }
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let Some(name) = decode(raw_key, MAX_KEY_BYTES) else {
                continue;
            };
            if let Some(key) = Key::from_name(&name) {
                if seen_keys & key.bit() != 0 {
                    continue;
                }
                seen_keys |= key.bit();
                if let Some(value) = decode(raw_value, MAX_VALUE_BYTES) {
                    state.apply(key, &value, story, limits);
                }
            } else if let Some(index) = PYM_KEYS.iter().position(|pym| *pym == name) {
                if seen_pym & (1 << index) != 0 {
                    continue;
                }
                seen_pym |= 1 << index;
                if let Some(value) = decode(raw_value, MAX_VALUE_BYTES) {
                    state.passthrough.push((name, value));
                }
            }
        }
        state
    }

    /// Sets the field `key` from its decoded value, if the value is valid and
    /// not the default.
    fn apply(&mut self, key: Key, value: &str, story: &Story, limits: &Limits) {
        match key {
            Key::View => self.view = View::from_key(value).unwrap_or_default(),
            Key::Lang => self.lang = Lang::from_code(value),
            Key::Theme => self.theme = ThemeChoice::from_key(value).unwrap_or_default(),
            Key::Embed => self.embed = value == "1",
            Key::Present => self.present = value == "1",
            Key::Select => {
                let exists = story.entity(value).is_some() || story.relation(value).is_some();
                self.select = exists.then(|| value.to_owned());
            }
            Key::Stake => {
                self.stake = parse_uint(value, 100)
                    .map(|n| n as u8)
                    .filter(|&n| n != REPORTED_STAKE);
            }
            Key::Step => {
                let steps = u16::try_from(story.breach_steps.len()).unwrap_or(u16::MAX);
                self.step = parse_index(value, steps);
            }
            Key::Controls => {
                let wanted: Vec<&str> = value.split(',').filter(|id| !id.is_empty()).collect();
                self.controls = story
                    .controls
                    .iter()
                    .filter(|control| wanted.contains(&control.id.as_str()))
                    .map(|control| control.id.clone())
                    .collect();
            }
            Key::Link => {
                self.link = story.breach_link(value).is_some().then(|| value.to_owned());
            }
            Key::Req => {
                self.req = story.requirement(value).is_some().then(|| value.to_owned());
            }
            Key::Slide => self.slide = parse_index(value, limits.slides),
        }
    }

    /// The canonical query: `""` when every field is the default, else
    /// `"?k=v&k=v"` with the keys in canonical order, defaults omitted and
    /// everything but unreserved characters (and the commas of `controls`)
    /// percent-encoded.
    ///
    /// Serialises what it is given; only [`UrlState::parse`] checks ids and
    /// bounds against the story.
    pub fn to_query(&self) -> String {
        let mut out = String::new();
        let mut put = |key: &str, value: &str| {
            out.push(if out.is_empty() { '?' } else { '&' });
            encode_into(&mut out, key);
            out.push('=');
            out.push_str(value);
        };
        let encoded = |value: &str| {
            let mut text = String::new();
            encode_into(&mut text, value);
            text
        };
        if self.view != View::Story {
            put(Key::View.name(), self.view.key());
        }
        if let Some(lang) = self.lang {
            put(Key::Lang.name(), lang.code());
        }
        if self.theme != ThemeChoice::Auto {
            put(Key::Theme.name(), self.theme.key());
        }
        if self.embed {
            put(Key::Embed.name(), "1");
        }
        if self.present {
            put(Key::Present.name(), "1");
        }
        if let Some(id) = self.select.as_deref().filter(|id| !id.is_empty()) {
            put(Key::Select.name(), &encoded(id));
        }
        if let Some(stake) = self.stake.filter(|&stake| stake != REPORTED_STAKE) {
            put(Key::Stake.name(), &stake.to_string());
        }
        if let Some(step) = self.step.filter(|&step| step != 1) {
            put(Key::Step.name(), &step.to_string());
        }
        if !self.controls.is_empty() {
            let ids: Vec<String> = self.controls.iter().map(|id| encoded(id)).collect();
            put(Key::Controls.name(), &ids.join(","));
        }
        if let Some(id) = self.link.as_deref().filter(|id| !id.is_empty()) {
            put(Key::Link.name(), &encoded(id));
        }
        if let Some(id) = self.req.as_deref().filter(|id| !id.is_empty()) {
            put(Key::Req.name(), &encoded(id));
        }
        if let Some(slide) = self.slide.filter(|&slide| slide != 1) {
            put(Key::Slide.name(), &slide.to_string());
        }
        for (key, value) in &self.passthrough {
            put(key, &encoded(value));
        }
        out
    }

    /// This state as [`UrlState::parse`] would read it back from
    /// [`UrlState::to_query`]: ids checked against the story, numbers against
    /// their bounds, defaults stored as defaults. Use it on states built by hand
    /// before comparing them with parsed ones.
    pub fn normalized(&self, story: &Story, limits: &Limits) -> UrlState {
        UrlState::parse(&self.to_query(), story, limits)
    }

    /// The state a link to `view` leads to: the same language, theme and embedding, and
    /// nothing of what was selected here (a selection, a step or a slide belongs to the
    /// view it was made in).
    pub fn in_view(&self, view: View) -> UrlState {
        UrlState {
            view,
            lang: self.lang,
            theme: self.theme,
            embed: self.embed,
            ..UrlState::default()
        }
    }

    /// SoftBank's percent of A Holdings to show: the URL's, or the reported one.
    pub fn stake_percent(&self) -> u8 {
        self.stake.unwrap_or(REPORTED_STAKE)
    }

    /// The 1-based breach step to show.
    pub fn step_number(&self) -> u16 {
        self.step.unwrap_or(1)
    }

    /// The 1-based presenter slide to show.
    pub fn slide_number(&self) -> u16 {
        self.slide.unwrap_or(1)
    }

    /// The value of a pym.js key, if the URL carried one.
    pub fn passthrough_value(&self, key: &str) -> Option<&str> {
        self.passthrough
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value.as_str())
    }
}

/// Parses plain ASCII digits (leading zeros allowed) into `0..=max`.
fn parse_uint(text: &str, max: u32) -> Option<u32> {
    if text.is_empty() {
        return None;
    }
    let mut number: u32 = 0;
    for byte in text.bytes() {
        if !byte.is_ascii_digit() {
            return None;
        }
        number = number * 10 + u32::from(byte - b'0');
        if number > max {
            return None;
        }
    }
    Some(number)
}

/// Parses a 1-based index in `1..=count`; the first (1) is stored as `None`.
fn parse_index(text: &str, count: u16) -> Option<u16> {
    parse_uint(text, u32::from(count))
        .filter(|&n| n >= 2)
        .map(|n| n as u16)
}

/// Decodes one form-urlencoded key or value: `+` is a space, `%XX` a byte, any
/// other `%` itself. `None` when the result would exceed `max` bytes or is not
/// UTF-8. Allocates at most `max` bytes.
fn decode(raw: &str, max: usize) -> Option<String> {
    // Each decoded byte consumes one to three raw bytes, so a raw text longer
    // than `3 * max` decodes to more than `max` bytes.
    if raw.len() > max.saturating_mul(3) {
        return None;
    }
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(raw.len().min(max));
    let mut i = 0;
    while i < bytes.len() {
        let (byte, used) = match bytes[i] {
            b'+' => (b' ', 1),
            b'%' => match (hex_digit(bytes.get(i + 1)), hex_digit(bytes.get(i + 2))) {
                (Some(high), Some(low)) => ((high << 4) | low, 3),
                _ => (b'%', 1),
            },
            other => (other, 1),
        };
        if out.len() >= max {
            return None;
        }
        out.push(byte);
        i += used;
    }
    String::from_utf8(out).ok()
}

fn hex_digit(byte: Option<&u8>) -> Option<u8> {
    match *byte? {
        digit @ b'0'..=b'9' => Some(digit - b'0'),
        letter @ b'a'..=b'f' => Some(letter - b'a' + 10),
        letter @ b'A'..=b'F' => Some(letter - b'A' + 10),
        _ => None,
    }
}

/// Percent-encodes every byte but the unreserved `A-Z a-z 0-9 - . _ ~`.
fn encode_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
    }
}
