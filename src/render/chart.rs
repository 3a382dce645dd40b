//! Inline SVG charts, drawn at build time so the site needs no JavaScript.
//! Labels are escaped here; the SVG is inserted into pages unescaped.

use crate::compare::Comparison;
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

/// Dates mentioned, left to right in date order; bar height is how many
/// sources mention the date.
pub fn timeline(cmp: &Comparison) -> String {
    let dates = &cmp.timeline;
    if dates.is_empty() {
        return String::new();
    }
    let max = dates.iter().map(|d| d.sources).max().unwrap_or(1).max(1);
    let (step, height, top) = (46, 90, 8);
    let width = dates.len() * step + 20;
    let mut svg = format!(
        "<svg class=\"chart timeline\" role=\"img\" aria-label=\"Dates mentioned by the sources\" viewBox=\"0 0 {width} {}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">",
        height + 40
    );
    for (i, d) in dates.iter().enumerate() {
        let x = 10 + i * step;
        let h = (d.sources * height / max).max(3);
        let _ = write!(
            svg,
            "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{h}\"><title>{}: {} source(s)</title></rect><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            x + 8,
            top + height - h,
            step - 16,
            escape(&d.date),
            d.sources,
            x + step / 2,
            top + height + 14,
            escape(if d.date.starts_with("--") { &d.date[2..] } else { d.date.get(5..).unwrap_or(&d.date) }),
            x + step / 2,
            top + height + 28,
            escape(if d.date.starts_with("--") { "--" } else { d.date.get(..4).unwrap_or("") }),
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The coverage matrix as a heat map: a row per claim, a column per outlet
/// (unidentified sources together), each cell shaded by the share of the
/// outlet's sources that carry the claim.
pub fn coverage(cmp: &Comparison) -> String {
    let outlets: Vec<_> = cmp.outlets.iter().filter(|o| !o.sources.is_empty()).collect();
    if outlets.is_empty() || cmp.claims.is_empty() {
        return String::new();
    }
    let (label_w, cell, head) = (300, 34, 110);
    // Room on the right for the last rotated outlet name.
    let width = label_w + outlets.len() * cell + 130;
    let height = head + cmp.claims.len() * cell + 10;
    let mut svg = format!(
        "<svg class=\"chart coverage\" role=\"img\" aria-label=\"Share of each outlet's sources carrying each claim\" viewBox=\"0 0 {width} {height}\" width=\"100%\" xmlns=\"http://www.w3.org/2000/svg\">"
    );
    for (j, o) in outlets.iter().enumerate() {
        let x = label_w + j * cell + cell / 2;
        let name = crate::render::shorten_str(&o.name, 22);
        let _ = write!(svg, "<text transform=\"translate({x},{}) rotate(-45)\">{}</text>", head - 6, escape(&name));
    }
    for (i, claim) in cmp.claims.iter().enumerate() {
        let y = head + i * cell;
        let label = crate::render::shorten_str(&claim.label, 46);
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            label_w - 8,
            y + cell / 2 + 4,
            escape(&label)
        );
        for (j, o) in outlets.iter().enumerate() {
            let cell_data = claim.by_outlet.iter().find(|c| c.outlet == o.id);
            let (carried, total) = cell_data.map_or((0, 0), |c| (c.carried_by, c.sources));
            let share = if total == 0 { 0.0 } else { carried as f64 / total as f64 };
            let _ = write!(
                svg,
                "<rect x=\"{}\" y=\"{y}\" width=\"{}\" height=\"{}\" fill=\"#1f5fa8\" fill-opacity=\"{:.2}\" stroke=\"#d9dee4\"><title>{}: {carried} of {total} source(s) of {}</title></rect>",
                label_w + j * cell,
                cell - 2,
                cell - 2,
                0.06 + 0.94 * share,
                escape(&claim.label),
                escape(&o.name),
            );
        }
    }
    svg.push_str("</svg>");
    svg
}
