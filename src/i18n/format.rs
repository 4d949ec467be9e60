//! Native number and date forms: 510,000 items / 51万件 / 51만 건; 9 October 2023 /
//! 2023年10月9日 / 2023년 10월 9일.

use crate::content::{Date, Lang, Unit};

/// Groups digits in threes with commas (all three languages use this form for plain numbers).
pub fn format_number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let whole = rounded.trunc() as u64;
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let fraction = ((rounded - rounded.trunc()) * 10.0).round() as u64;
    if fraction > 0 {
        grouped.push('.');
        grouped.push_str(&fraction.to_string());
    }
    grouped
}

/// Trims a decimal to at most one fractional digit, without trailing ".0".
fn short(value: f64) -> String {
    let text = format!("{:.1}", value);
    text.strip_suffix(".0").unwrap_or(&text).to_string()
}

/// Counts in East Asian myriads: 510,000 → "51万" (ja) or "51만" (ko); 93,000,000 → "9,300万".
fn myriads(value: f64, lang: Lang) -> String {
    let (man, oku, cho) = match lang {
        Lang::Ja => ("万", "億", "兆"),
        _ => ("만", "억", "조"),
    };
    if value >= 1e12 && (value / 1e12).fract() == 0.0 {
        format!("{}{cho}", format_number(value / 1e12))
    } else if value >= 1e8 && (value / 1e8).fract() == 0.0 {
        format!("{}{oku}", format_number(value / 1e8))
    } else if value >= 1e4 {
        format!("{}{man}", format_number(value / 1e4))
    } else {
        format_number(value)
    }
}

/// English large counts: 93,000,000 → "93 million"; 510,000 stays "510,000".
fn english_count(value: f64) -> String {
    if value >= 1e12 {
        format!("{} trillion", short(value / 1e12))
    } else if value >= 1e9 {
        format!("{} billion", short(value / 1e9))
    } else if value >= 1e6 {
        format!("{} million", short(value / 1e6))
    } else {
        format_number(value)
    }
}

/// A value split into what goes before the number, the number, and the unit after it.
fn parts(value: f64, unit: Unit, lang: Lang) -> (&'static str, String, String) {
    let count = |value: f64| match lang {
        Lang::En => english_count(value),
        _ => myriads(value, lang),
    };
    match (lang, unit) {
        (_, Unit::Percent) => ("", short(value), "%".into()),
        (Lang::En, Unit::Items) => ("", count(value), " items".into()),
        (Lang::En, Unit::Users | Unit::People) => ("", count(value), String::new()),
        (Lang::En, Unit::Yen) => ("¥", count(value), String::new()),
        (Lang::En, Unit::Months) => ("", short(value), plural_suffix(value, "month")),
        (Lang::En, Unit::Years) => ("", short(value), plural_suffix(value, "year")),
        (Lang::Ja, Unit::Items) => ("", count(value), "件".into()),
        (Lang::Ja, Unit::Users | Unit::People) => ("", count(value), "人".into()),
        (Lang::Ja, Unit::Yen) => ("", count(value), "円".into()),
        (Lang::Ja, Unit::Months) => ("", short(value), "か月".into()),
        (Lang::Ja, Unit::Years) => ("", short(value), "年".into()),
        (Lang::Ko, Unit::Items) => ("", count(value), " 건".into()),
        (Lang::Ko, Unit::Users | Unit::People) => ("", count(value), " 명".into()),
        (Lang::Ko, Unit::Yen) => ("", count(value), " 엔".into()),
        (Lang::Ko, Unit::Months) => ("", short(value), "개월".into()),
        (Lang::Ko, Unit::Years) => ("", short(value), "년".into()),
    }
}

fn plural_suffix(value: f64, noun: &str) -> String {
    if value == 1.0 {
        format!(" {noun}")
    } else {
        format!(" {noun}s")
    }
}

/// A value with its unit, in the language's own form.
pub fn format_value(value: f64, unit: Unit, lang: Lang) -> String {
    let (prefix, number, suffix) = parts(value, unit, lang);
    format!("{prefix}{number}{suffix}")
}

/// A figure as one value, or as the span of values when reports differ
/// ("440,000–520,000 items"), with the unit written once. Never averaged.
pub fn format_figure_value(values: &[f64], unit: Unit, lang: Lang) -> String {
    if values.is_empty() {
        return String::new();
    }
    let min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if min == max {
        return format_value(min, unit, lang);
    }
    let (prefix, low, _) = parts(min, unit, lang);
    let (_, high, suffix) = parts(max, unit, lang);
    format!("{prefix}{low}–{high}{suffix}")
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date at its own precision, in the language's form.
pub fn format_date(date: Date, lang: Lang) -> String {
    let Date { year, month, day } = date;
    match lang {
        Lang::En => match (month, day) {
            (0, _) => year.to_string(),
            (m, 0) => format!("{} {year}", MONTHS_EN[m as usize - 1]),
            (m, d) => format!("{d} {} {year}", MONTHS_EN[m as usize - 1]),
        },
        Lang::Ja => match (month, day) {
            (0, _) => format!("{year}年"),
            (m, 0) => format!("{year}年{m}月"),
            (m, d) => format!("{year}年{m}月{d}日"),
        },
        Lang::Ko => match (month, day) {
            (0, _) => format!("{year}년"),
            (m, 0) => format!("{year}년 {m}월"),
            (m, d) => format!("{year}년 {m}월 {d}일"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_leaked_read_natively_in_each_language() {
        assert_eq!(
            format_value(510_000.0, Unit::Items, Lang::En),
            "510,000 items"
        );
        assert_eq!(format_value(510_000.0, Unit::Items, Lang::Ja), "51万件");
        assert_eq!(format_value(510_000.0, Unit::Items, Lang::Ko), "51만 건");
    }

    #[test]
    fn millions_of_users_read_as_words_or_myriads() {
        assert_eq!(format_value(93e6, Unit::Users, Lang::En), "93 million");
        assert_eq!(format_value(93e6, Unit::Users, Lang::Ja), "9,300万人");
        assert_eq!(format_value(194e6, Unit::Users, Lang::Ko), "19,400만 명");
    }

    #[test]
    fn trillions_of_yen() {
        assert_eq!(format_value(3e12, Unit::Yen, Lang::En), "¥3 trillion");
        assert_eq!(format_value(3e12, Unit::Yen, Lang::Ja), "3兆円");
        assert_eq!(format_value(3e12, Unit::Yen, Lang::Ko), "3조 엔");
    }

    #[test]
    fn percentages_keep_one_decimal_only_when_needed() {
        assert_eq!(format_value(64.5, Unit::Percent, Lang::En), "64.5%");
        assert_eq!(format_value(50.0, Unit::Percent, Lang::Ja), "50%");
    }

    #[test]
    fn disputed_figures_show_the_span_with_one_unit() {
        let leaked = [440_000.0, 510_000.0, 520_000.0];
        assert_eq!(
            format_figure_value(&leaked, Unit::Items, Lang::En),
            "440,000–520,000 items"
        );
        assert_eq!(
            format_figure_value(&leaked, Unit::Items, Lang::Ja),
            "44万–52万件"
        );
        assert_eq!(
            format_figure_value(&[64.5, 64.4], Unit::Percent, Lang::En),
            "64.4–64.5%"
        );
        assert_eq!(
            format_figure_value(&[93e6, 96e6], Unit::Users, Lang::En),
            "93 million–96 million"
        );
        assert_eq!(
            format_figure_value(&[2.0, 3.0], Unit::Years, Lang::En),
            "2–3 years"
        );
    }

    #[test]
    fn agreeing_reports_show_one_value() {
        assert_eq!(
            format_figure_value(&[50.0, 50.0], Unit::Percent, Lang::En),
            "50%"
        );
    }

    #[test]
    fn dates_follow_their_precision_and_language() {
        let day = Date {
            year: 2023,
            month: 10,
            day: 9,
        };
        assert_eq!(format_date(day, Lang::En), "9 October 2023");
        assert_eq!(format_date(day, Lang::Ja), "2023年10月9日");
        assert_eq!(format_date(day, Lang::Ko), "2023년 10월 9일");
        assert_eq!(
            format_date(
                Date {
                    year: 2022,
                    month: 9,
                    day: 0
                },
                Lang::En
            ),
            "September 2022"
        );
        assert_eq!(
            format_date(
                Date {
                    year: 2021,
                    month: 0,
                    day: 0
                },
                Lang::Ja
            ),
            "2021年"
        );
    }

    #[test]
    fn plain_numbers_group_in_threes() {
        assert_eq!(format_number(0.0), "0");
        assert_eq!(format_number(1234567.0), "1,234,567");
        assert_eq!(format_number(64.5), "64.5");
    }
}
