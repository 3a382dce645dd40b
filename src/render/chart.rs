//! Inline SVG charts, drawn at build time so the site needs no JavaScript.
//! Labels are escaped here; the SVG is inserted into pages unescaped.

use crate::compare::Comparison;
use crate::config::Stance;
use std::fmt::Write;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Horizontal bars: sources per outlet, coloured by affiliation.
pub fn outlet_mix(cmp: &Comparison) -> String {
    let rows: Vec<_> = cmp.outlets.iter().filter(|o| !o.sources.is_empty()).collect();
    let max = rows.iter().map(|o| o.sources.len()).max().unwrap_or(1).max(1);
    let (label_w, bar_w, row_h) = (230, 260, 26);
    let height = rows.len() * row_h + 8;
    let mut svg = format!(
        "<svg class=\"chart\" role=\"img\" aria-label=\"Sources per outlet\" viewBox=\"0 0 {} {height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">",
        label_w + bar_w + 40
    );
    for (i, o) in rows.iter().enumerate() {
        let y = i * row_h + 4;
        let w = o.sources.len() * bar_w / max;
        let affiliation = format!("{:?}", o.affiliation).to_lowercase();
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{} ({})</text><rect class=\"bar {affiliation}\" x=\"{}\" y=\"{y}\" width=\"{w}\" height=\"{}\"><title>{}: {} source(s), {affiliation}</title></rect><text x=\"{}\" y=\"{}\">{}</text>",
            label_w - 8,
            y + 15,
            escape(&o.name),
            escape(&o.country),
            label_w,
            row_h - 8,
            escape(&o.name),
            o.sources.len(),
            label_w + w + 6,
            y + 15,
            o.sources.len()
        );
    }
    svg.push_str("</svg>");
    svg
}

/// Dates mentioned and publication dates, left to right in date order: bar
/// height is how many sources mention the date, and a ▲ under a date with
/// the number of sources published that day.
pub fn timeline(cmp: &Comparison) -> String {
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
    let mut svg = format!(
        "<svg class=\"chart timeline\" role=\"img\" aria-label=\"Dates mentioned by the sources (bars) and publication dates (▲)\" viewBox=\"0 0 {width} {}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">",
        height + 58
    );
    for (i, date) in columns.iter().enumerate() {
        let x = 10 + i * step;
        if let Some(&n) = mentioned.get(date) {
            let h = (n * height / max).max(3);
            let _ = write!(
                svg,
                "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{h}\"><title>{}: mentioned by {n} source(s)</title></rect>",
                x + 8,
                top + height - h,
                step - 16,
                escape(date),
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
                "<text class=\"published\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">▲ {}<title>{}: {} source(s) published</title></text>",
                x + step / 2,
                top + height + 44,
                slugs.len(),
                escape(date),
                slugs.len(),
            );
        }
    }
    svg.push_str("</svg>");
    svg
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
pub fn coverage(cmp: &Comparison) -> String {
    let outlets: Vec<_> = cmp.outlets.iter().filter(|o| !o.sources.is_empty()).collect();
    if outlets.is_empty() || cmp.claims.is_empty() {
        return String::new();
    }
    let (label_w, mark, row, head) = (300, 18, 30, 110);
    let cell = mark * 3 + 6;
    // Room on the right for the last rotated outlet name.
    let width = label_w + outlets.len() * cell + 130;
    let height = head + cmp.claims.len() * row + 10;
    let mut svg = format!(
        "<svg class=\"chart coverage\" role=\"img\" aria-label=\"Share of each outlet's sources that assert (+), attribute (») or deny (✕) each claim\" viewBox=\"0 0 {width} {height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    for (j, o) in outlets.iter().enumerate() {
        let x = label_w + j * cell + cell / 2;
        let name = crate::render::shorten_str(&o.name, 22);
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
                let _ = write!(
                    svg,
                    "<title>{}: {name} in {n} of {total} source(s) of {}</title></g>",
                    escape(&claim.label),
                    escape(&o.name),
                );
            }
        }
    }
    svg.push_str("</svg>");
    svg
}
