//! Dates mentioned in a text: "le 2 juin", "lundi 3 juin", "le 23 janvier",
//! "en mars", "June 4, 2019", "mardi". A weekday alone is resolved against
//! the publication date when the page has one (the last such day on or
//! before it); a day and month without a year take the publication year.
//! Nothing is guessed beyond that. Pure.

use crate::fold::Folded;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// ISO 8601: YYYY-MM-DD, YYYY-MM for a month, or --MM-DD / --MM when no
    /// year is given or known; `None` for a weekday with no publication date.
    pub date: Option<String>,
    pub origin: super::Origin,
}

const MONTHS: [(&str, u32); 24] = [
    ("janvier", 1),
    ("fevrier", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("aout", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("decembre", 12),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
];
const WEEKDAYS: [(&str, u32); 14] = [
    ("lundi", 0),
    ("mardi", 1),
    ("mercredi", 2),
    ("jeudi", 3),
    ("vendredi", 4),
    ("samedi", 5),
    ("dimanche", 6),
    ("monday", 0),
    ("tuesday", 1),
    ("wednesday", 2),
    ("thursday", 3),
    ("friday", 4),
    ("saturday", 5),
    ("sunday", 6),
];

fn re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let months = MONTHS.map(|m| m.0).join("|");
        let days = WEEKDAYS.map(|d| d.0).join("|");
        Regex::new(&format!(
            r"\b(?:(?P<wd>{days})\s+)?(?P<d>\d{{1,2}})(?:er)?\s+(?P<m>{months})(?:,?\s+(?P<y>\d{{4}}))?\b|\b(?P<m2>{months})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})\b|\ben\s+(?P<m3>{months})(?:\s+(?P<y3>\d{{4}}))?\b|\b(?P<wd2>{days})\b"
        ))
        .expect("valid")
    })
}

fn month(name: &str) -> u32 {
    MONTHS.iter().find(|m| m.0 == name).map_or(0, |m| m.1)
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

/// YYYY-MM-DD of a day counted from 1970-01-01.
pub fn iso_from_days(days: i64) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Monday = 0.
fn weekday(days: i64) -> u32 {
    (days + 3).rem_euclid(7) as u32
}

/// Every date mention; `published` is the page's date (YYYY-MM-DD), if any.
/// Whether `s` is a date as this module writes them: YYYY-MM-DD, YYYY-MM,
/// --MM-DD or --MM, with a real month and day.
pub fn is_iso(s: &str) -> bool {
    let (year, rest) = match s.strip_prefix("--") {
        Some(rest) => (None, rest),
        None => match s.split_once('-') {
            Some((y, rest)) if y.len() == 4 => (y.parse::<i64>().ok(), rest),
            _ => return false,
        },
    };
    if !s.starts_with("--") && year.is_none() {
        return false;
    }
    let two = |x: &str| (x.len() == 2).then(|| x.parse::<u32>().ok()).flatten();
    let (month, day) = match rest.split_once('-') {
        Some((m, d)) => (two(m), Some(two(d))),
        None => (two(rest), None),
    };
    let Some(month @ 1..=12) = month else { return false };
    match day {
        None => true,
        Some(None) => false,
        Some(Some(day)) => {
            let leap = year.is_none_or(|y| y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
            let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
            (1..=days[month as usize - 1]).contains(&day)
        }
    }
}

pub fn find(plain: &str, folded: &Folded, published: Option<&str>) -> Vec<DateMention> {
    let published = published.and_then(|p| {
        let mut parts = p.split('-').map(|x| x.parse::<i64>().ok());
        Some((parts.next()??, parts.next()?? as u32, parts.next()?? as u32))
    });
    let mut out = Vec::new();
    for c in re().captures_iter(&folded.text) {
        let whole = c.get(0).expect("match");
        let date = if let (Some(d), Some(m)) = (c.name("d").or(c.name("d2")), c.name("m").or(c.name("m2"))) {
            let year =
                c.name("y").or(c.name("y2")).and_then(|y| y.as_str().parse::<i64>().ok()).or(published.map(|p| p.0));
            let day: u32 = d.as_str().parse().unwrap_or(0);
            // ISO 8601's "--MM-DD" when no year is given or known.
            (1..=31).contains(&day).then(|| match year {
                Some(y) => format!("{y:04}-{:02}-{day:02}", month(m.as_str())),
                None => format!("--{:02}-{day:02}", month(m.as_str())),
            })
        } else if let Some(m) = c.name("m3") {
            let year = c.name("y3").and_then(|y| y.as_str().parse::<i64>().ok()).or(published.map(|p| p.0));
            Some(match year {
                Some(y) => format!("{y:04}-{:02}", month(m.as_str())),
                None => format!("--{:02}", month(m.as_str())),
            })
        } else if let Some(wd) = c.name("wd2") {
            // The last such weekday on or before publication.
            published.map(|(y, m, d)| {
                let day = days_from_civil(y, m, d);
                let target = WEEKDAYS.iter().find(|w| w.0 == wd.as_str()).map_or(0, |w| w.1);
                let back = (i64::from(weekday(day)) - i64::from(target)).rem_euclid(7);
                let (y, m, d) = civil_from_days(day - back);
                format!("{y:04}-{m:02}-{d:02}")
            })
        } else {
            None
        };
        let (s, e) = folded.original_range(whole.start(), whole.end());
        out.push(DateMention { start: s, end: e, text: plain[s..e].to_owned(), date, origin: super::Origin::Machine });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_are_checked() {
        for good in ["2019-06-04", "2019-06", "--06-04", "--06", "2020-02-29", "--02-29"] {
            assert!(is_iso(good), "{good}");
        }
        for bad in ["2019-13-01", "2019-06-31", "2019-02-29", "19-06-04", "2019-6-4", "mardi", "", "--", "2019"] {
            assert!(!is_iso(bad), "{bad}");
        }
    }

    fn dates(text: &str, published: Option<&str>) -> Vec<(String, Option<String>)> {
        find(text, &Folded::new(text), published).into_iter().map(|d| (d.text, d.date)).collect()
    }

    #[test]
    fn dates_and_weekdays() {
        let found = dates("Le 4 juin, le Kremlin a démenti. Rostec a réagi lundi 3 juin. La Russie a envoyé en mars des soldats; mardi, il a parlé.", Some("2019-06-05"));
        assert_eq!(
            found,
            [
                ("4 juin".to_owned(), Some("2019-06-04".to_owned())),
                ("lundi 3 juin".to_owned(), Some("2019-06-03".to_owned())),
                ("en mars".to_owned(), Some("2019-03".to_owned())),
                ("mardi".to_owned(), Some("2019-06-04".to_owned())),
            ]
        );
        // No publication date: no year is guessed.
        assert_eq!(
            dates("mardi et le 2 juin", None),
            [("mardi".to_owned(), None), ("2 juin".to_owned(), Some("--06-02".to_owned()))]
        );
        assert_eq!(dates("on June 4, 2019", None), [("June 4, 2019".to_owned(), Some("2019-06-04".to_owned()))]);
    }
}
