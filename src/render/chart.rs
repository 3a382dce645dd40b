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
