//! Text in SVG: an estimate of its width (SVG cannot wrap text, so the layout must),
//! line wrapping that breaks CJK between characters and Latin text between words,
//! and escaping for SVG written as a string.

/// Width of one character, in ems, for a typical sans-serif system font.
fn char_em(c: char) -> f64 {
    match c {
        // CJK ideographs, kana, hangul and full-width forms are square.
        '\u{1100}'..='\u{11FF}'
        | '\u{2E80}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7AF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FF00}'..='\u{FF60}' => 1.0,
        'i' | 'l' | 'j' | '.' | ',' | '\'' | '’' | ':' | ';' | '|' | '!' | ' ' => 0.3,
        'f' | 't' | 'r' | '(' | ')' | '-' | '–' => 0.38,
        'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.85,
        c if c.is_ascii_uppercase() || c.is_ascii_digit() => 0.64,
        _ => 0.55,
    }
}

/// Estimated rendered width of `text` at `font_px`, generous so labels never collide.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_px
}

fn is_cjk(c: char) -> bool {
    char_em(c) == 1.0
}

/// Splits `text` into lines no wider than `max_width` (a single word wider than that
/// gets a line of its own). CJK text may break between any two characters.
pub fn wrap_text(text: &str, max_width: f64, font_px: f64) -> Vec<String> {
    // Break into units: Latin words (with their trailing space) or single CJK characters.
    let mut units: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if is_cjk(c) {
            if !word.is_empty() {
                units.push(std::mem::take(&mut word));
            }
            units.push(c.to_string());
        } else if c == ' ' {
            word.push(c);
            units.push(std::mem::take(&mut word));
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        units.push(word);
    }
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for unit in units {
        let candidate = format!("{line}{unit}");
        if !line.is_empty() && text_width(candidate.trim_end(), font_px) > max_width {
            lines.push(line.trim_end().to_string());
            line = unit.trim_start().to_string();
        } else {
            line = candidate;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Escapes text for SVG/XML content and attribute values.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_text_wraps_between_words() {
        let lines = wrap_text(
            "Ministry of Internal Affairs and Communications",
            120.0,
            14.0,
        );
        assert!(lines.len() > 1);
        assert!(lines
            .iter()
            .all(|l| text_width(l, 14.0) <= 120.0 || !l.contains(' ')));
        assert_eq!(
            lines.join(" "),
            "Ministry of Internal Affairs and Communications"
        );
    }

    #[test]
    fn cjk_text_wraps_between_characters() {
        let lines = wrap_text("総務省が行政指導を行った", 56.0, 14.0);
        assert!(lines.iter().all(|l| l.chars().count() <= 4), "{lines:?}");
        assert_eq!(lines.concat(), "総務省が行政指導を行った");
    }

    #[test]
    fn a_long_word_gets_its_own_line() {
        let lines = wrap_text("a supercalifragilistic b", 30.0, 14.0);
        assert_eq!(lines, vec!["a", "supercalifragilistic", "b"]);
    }

    #[test]
    fn empty_text_has_no_lines() {
        assert!(wrap_text("", 100.0, 14.0).is_empty());
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape_xml("<a href=\"x\">&'</a>\u{1}"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"
        );
    }
}
