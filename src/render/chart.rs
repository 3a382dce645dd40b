//! Inline SVG charts, drawn at build time so the site needs no JavaScript.
//! Labels are escaped here; the SVG is inserted into pages unescaped.
//!
//! Each chart is drawn at its natural size (text at 12 px, never scaled
//! down) in a box that scrolls sideways on a narrow screen, and comes with
//! its numbers as a table under "The numbers", for screen readers, for
//! touch and keyboard users (the SVG's tooltips need a mouse), and for
//! copying.

/// Interface strings: the English text to the site's language.
pub type Tr<'a> = &'a dyn Fn(&str) -> String;

/// The chart in its scrolling box, then its data table.
fn figure(label: &str, svg: String, head: &[String], rows: Vec<Vec<String>>, tr: Tr) -> String {
    let mut out = format!(
        "<figure class=\"chart-figure\"><div class=\"chart-box\" tabindex=\"0\" role=\"region\" aria-label=\"{}\">{svg}</div>\
         <details class=\"chart-data\"><summary>{}</summary><table><thead><tr>",
        escape(label),
        escape(&tr("The numbers"))
    );
    // A column of numbers is right-aligned, its head too.
    let numeric = |i: usize| i > 0 && rows.iter().all(|r| r.get(i).is_some_and(|c| c.parse::<u64>().is_ok()));
    for (i, h) in head.iter().enumerate() {
        let class = if numeric(i) { " class=\"num\"" } else { "" };
        let _ = write!(out, "<th scope=\"col\"{class}>{}</th>", escape(h));
    }
    out.push_str("</tr></thead><tbody>");
    for row in &rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            match i {
                0 => {
                    let _ = write!(out, "<th scope=\"row\">{}</th>", escape(cell));
                }
                i => {
                    let class = if numeric(i) { " class=\"num\"" } else { "" };
                    let _ = write!(out, "<td{class}>{}</td>", escape(cell));
                }
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></details></figure>");
    out
}

use crate::compare::Comparison;
use crate::config::Stance;
use std::fmt::Write;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Horizontal bars: sources per outlet, coloured by affiliation.
pub fn outlet_mix(cmp: &Comparison, tr: Tr) -> String {
    let rows: Vec<_> = cmp.outlets.iter().filter(|o| !o.sources.is_empty()).collect();
    let max = rows.iter().map(|o| o.sources.len()).max().unwrap_or(1).max(1);
    let (label_w, bar_w, row_h) = (230, 260, 26);
    let height = rows.len() * row_h + 8;
    let label = tr("Sources per outlet");
    let width = label_w + bar_w + 40;
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">",
        escape(&label)
    );
    for (i, o) in rows.iter().enumerate() {
        let y = i * row_h + 4;
        let w = o.sources.len() * bar_w / max;
        let affiliation = format!("{:?}", o.affiliation).to_lowercase();
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{} ({})</text><rect class=\"bar {affiliation}\" x=\"{}\" y=\"{y}\" width=\"{w}\" height=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>",
            label_w - 8,
            y + 15,
            escape(&crate::render::shorten_str(&o.name, 26)),
            escape(&tr(&o.country)),
            label_w,
            row_h - 8,
            label_w + w + 6,
            y + 15,
            o.sources.len()
        );
    }
    svg.push_str("</svg>");
    let head = [tr("Outlet"), tr("Country"), tr("Affiliation"), tr("Sources")];
    let rows = rows
        .iter()
        .map(|o| {
            use crate::config::Affiliation;
            let affiliation = tr(match o.affiliation {
                Affiliation::State => "state-affiliated",
                Affiliation::Public => "public, independent by statute",
                Affiliation::Private => "private",
                Affiliation::Unknown => "affiliation unknown",
            });
            vec![o.name.clone(), tr(&o.country), affiliation, o.sources.len().to_string()]
        })
        .collect();
    figure(&label, svg, &head, rows, tr)
}

/// Dates mentioned and publication dates, left to right in date order: bar
/// height is how many sources mention the date, and a ▲ under a date with
/// the number of sources published that day.
pub fn timeline(cmp: &Comparison, tr: Tr) -> String {
    let mut published: std::collections::BTreeMap<&str, Vec<&str>> = std::collections::BTreeMap::new();
    for d in &cmp.chronology.sources {
        published.entry(d.date.as_str()).or_default().push(d.source.as_str());
    }
    let mut columns: std::collections::BTreeSet<&str> = cmp.timeline.iter().map(|d| d.date.as_str()).collect();
    columns.extend(published.keys().copied());
    if columns.is_empty() {
        return String::new();
    }
    let mentioned: std::collections::BTreeMap<&str, usize> =
        cmp.timeline.iter().map(|d| (d.date.as_str(), d.sources)).collect();
    let max = mentioned.values().copied().max().unwrap_or(1).max(1);
    let (step, height, top) = (46, 90, 8);
    let width = columns.len() * step + 20;
    let label = tr("Dates mentioned by the sources (bars) and publication dates (▲)");
    let mut svg = format!(
        "<svg class=\"chart timeline\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {width} {h}\" width=\"{width}\" height=\"{h}\" xmlns=\"http://www.w3.org/2000/svg\">",
        escape(&label),
        h = height + 58
    );
    for (i, date) in columns.iter().enumerate() {
        let x = 10 + i * step;
        if let Some(&n) = mentioned.get(date) {
            let h = (n * height / max).max(3);
            let _ = write!(
                svg,
                "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{h}\"/>",
                x + 8,
                top + height - h,
                step - 16,
            );
        }
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            x + step / 2,
            top + height + 14,
            escape(if date.starts_with("--") { &date[2..] } else { date.get(5..).unwrap_or(date) }),
            x + step / 2,
            top + height + 28,
            escape(if date.starts_with("--") { "--" } else { date.get(..4).unwrap_or("") }),
        );
        if let Some(slugs) = published.get(date) {
            let _ = write!(
                svg,
                "<text class=\"published\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">▲ {}</text>",
                x + step / 2,
                top + height + 44,
                slugs.len(),
            );
        }
    }
    svg.push_str("</svg>");
    let head = [tr("Date"), tr("Sources that mention it"), tr("Sources published that day")];
    let rows = columns
        .iter()
        .map(|date| {
            let count = |n: usize| n.to_string();
            vec![
                (*date).to_owned(),
                count(mentioned.get(date).copied().unwrap_or(0)),
                count(published.get(date).map_or(0, Vec::len)),
            ]
        })
        .collect();
    figure(&label, svg, &head, rows, tr)
}

/// How the heat map draws each stance: colour (the theme's), symbol and
/// name. The symbol is written in every non-empty mark, so the stance never
/// rests on colour alone.
pub const STANCE_MARKS: [(Stance, &str, &str); 3] =
    [(Stance::Asserts, "#2f7d32", "+"), (Stance::Attributes, "#8a6d00", "»"), (Stance::Denies, "#b3261e", "✕")];

/// The coverage matrix as a heat map: a row per claim, a column per outlet
/// (unidentified sources together). Each cell is split in three marks, one
/// per stance (asserts, attributes, denies), each shaded by the share of the
/// outlet's sources with a passage of that stance and labelled with the
/// stance's symbol: a denial is drawn apart, never as support.
pub fn coverage(cmp: &Comparison, tr: Tr) -> String {
    let outlets: Vec<_> = cmp.outlets.iter().filter(|o| !o.sources.is_empty()).collect();
    if outlets.is_empty() || cmp.claims.is_empty() {
        return String::new();
    }
    let (label_w, mark, row, head) = (300, 18, 30, 150);
    let cell = mark * 3 + 6;
    // Room on the right for the last rotated outlet name.
    let width = label_w + outlets.len() * cell + 130;
    let height = head + cmp.claims.len() * row + 10;
    let label = tr("Share of each outlet's sources that assert (+), attribute (») or deny (✕) each claim");
    let mut svg = format!(
        "<svg class=\"chart coverage\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">",
        escape(&label)
    );
    for (j, o) in outlets.iter().enumerate() {
        let x = label_w + j * cell + cell / 2;
        let name = crate::render::shorten_str(&o.name, 26);
        let _ = write!(svg, "<text transform=\"translate({x},{}) rotate(-45)\">{}</text>", head - 6, escape(&name));
    }
    for (i, claim) in cmp.claims.iter().enumerate() {
        let y = head + i * row;
        let label = crate::render::shorten_str(&claim.label, 46);
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            label_w - 8,
            y + row / 2 + 3,
            escape(&label)
        );
        for (j, o) in outlets.iter().enumerate() {
            let data = claim.by_outlet.iter().find(|c| c.outlet == o.id);
            let total = data.map_or(0, |c| c.sources);
            for (k, (stance, colour, symbol)) in STANCE_MARKS.iter().enumerate() {
                let n = data.map_or(0, |c| match stance {
                    Stance::Asserts => c.asserted_by,
                    Stance::Attributes => c.attributed_by,
                    Stance::Denies => c.denied_by,
                });
                let share = if total == 0 { 0.0 } else { n as f64 / total as f64 };
                let x = label_w + j * cell + k * mark;
                let name = stance.as_str();
                let _ = write!(
                    svg,
                    "<g class=\"mark {name}\"><rect x=\"{x}\" y=\"{y}\" width=\"{}\" height=\"{}\" fill=\"{colour}\" fill-opacity=\"{:.2}\" stroke=\"#d9dee4\"/>",
                    mark - 1,
                    row - 4,
                    if n == 0 { 0.0 } else { 0.25 + 0.75 * share },
                );
                if n > 0 {
                    let _ = write!(
                        svg,
                        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{}\">{symbol}</text>",
                        x + mark / 2,
                        y + row / 2 + 2,
                        if share > 0.5 { "#fff" } else { "#000" },
                    );
                }
                // For a mouse; the table under the chart has the same numbers.
                let _ = write!(
                    svg,
                    "<title>{} — {}: {} {n}/{total}</title></g>",
                    escape(&claim.label),
                    escape(&o.name),
                    escape(&tr(name)),
                );
            }
        }
    }
    svg.push_str("</svg>");
    // A row per claim and outlet: how many of the outlet's sources take
    // each stance.
    let head = [
        tr("Claim"),
        tr("Outlet"),
        format!("+ {}", tr("asserts")),
        format!("» {}", tr("attributes")),
        format!("✕ {}", tr("denies")),
        tr("Outlet's sources"),
    ];
    let mut rows = Vec::new();
    for claim in &cmp.claims {
        for o in &outlets {
            let Some(c) = claim.by_outlet.iter().find(|c| c.outlet == o.id) else { continue };
            if c.asserted_by + c.attributed_by + c.denied_by == 0 {
                continue;
            }
            rows.push(vec![
                format!("{} — {}", claim.label, o.name),
                o.name.clone(),
                c.asserted_by.to_string(),
                c.attributed_by.to_string(),
                c.denied_by.to_string(),
                c.sources.to_string(),
            ]);
        }
    }
    // The first column names the row; the outlet is in it already.
    let head: Vec<String> = head.iter().enumerate().filter(|(i, _)| *i != 1).map(|(_, h)| h.clone()).collect();
    let rows = rows.into_iter().map(|mut r| {
        r.remove(1);
        r
    });
    figure(&label, svg, &head, rows.collect(), tr)
}
