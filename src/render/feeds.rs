//! `sitemap.xml` (https://www.sitemaps.org/protocol.html) and `atom.xml`
//! (RFC 4287), both of which need absolute URLs: written only when the
//! site has a base URL.

use crate::compare::Comparison;
use crate::config::Config;
use std::fmt::Write;

/// XML text and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            '\u{FFFE}' | '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Every page of the site, given as output paths in a fixed order.
pub fn sitemap(base: &str, pages: &[String]) -> Vec<u8> {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in pages {
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let _ = writeln!(out, "  <url><loc>{}</loc></url>", escape(&format!("{base}{}", url_path(path))));
    }
    out.push_str("</urlset>\n");
    out.into_bytes()
}

/// Percent-encodes what a URL path may not hold as is (slugs are ASCII,
/// but theme pages may be named otherwise).
fn url_path(path: &str) -> String {
    const PATH: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
        .add(b' ')
        .add(b'"')
        .add(b'<')
        .add(b'>')
        .add(b'`')
        .add(b'#')
        .add(b'?')
        .add(b'{')
        .add(b'}');
    percent_encoding::utf8_percent_encode(path, PATH).to_string()
}

/// The sources with a publication date, newest first. An entry's date is
/// the source's own, never the clock's, so the feed is the same at every
/// build of the same briefing.
pub fn atom(base: &str, cmp: &Comparison, config: &Config) -> Vec<u8> {
    let mut dated: Vec<_> = cmp.sources.iter().filter_map(|s| s.date.as_deref().map(|d| (d, s))).collect();
    dated.sort_by(|a, b| b.0.cmp(a.0).then_with(|| a.1.slug.cmp(&b.1.slug)));
    let stamp = |date: &str| format!("{date}T00:00:00Z");
    let updated = dated.first().map_or_else(|| stamp("1970-01-01"), |(d, _)| stamp(d));
    let site = &config.site;
    let mut out = String::new();
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n  <title>{}</title>\n",
        escape(site.language()),
        escape(&site.title)
    );
    if !site.description.is_empty() {
        let _ = writeln!(out, "  <subtitle>{}</subtitle>", escape(&site.description));
    }
    let _ = write!(
        out,
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{b}atom.xml\"/>\n  <link rel=\"alternate\" type=\"text/html\" href=\"{b}\"/>\n  <id>{b}</id>\n  <updated>{updated}</updated>\n  <generator>parallax</generator>\n",
        b = escape(base)
    );
    for (date, s) in dated {
        let link = escape(&format!("{base}sources/{}/", url_path(&s.slug)));
        let _ = write!(
            out,
            "  <entry xml:lang=\"{lang}\">\n    <title>{title}</title>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{link}\"/>\n    <id>{link}</id>\n    <published>{when}</published>\n    <updated>{when}</updated>\n    <author><name>{outlet}</name></author>\n    <category term=\"{id}\" label=\"{outlet}\"/>\n",
            lang = escape(&s.language),
            title = escape(&s.title),
            when = stamp(date),
            outlet = escape(&s.outlet_name),
            id = escape(&s.outlet),
        );
        if let Some(url) = s.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
            let _ = writeln!(out, "    <link rel=\"related\" type=\"text/html\" href=\"{}\"/>", escape(url));
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sitemap_lists_folders_and_files() {
        let xml = String::from_utf8(sitemap(
            "https://example.org/b/",
            &["index.html".into(), "sources/a-b/index.html".into(), "sources/by-date.html".into()],
        ))
        .unwrap();
        assert!(xml.contains("<loc>https://example.org/b/</loc>"));
        assert!(xml.contains("<loc>https://example.org/b/sources/a-b/</loc>"));
        assert!(xml.contains("<loc>https://example.org/b/sources/by-date.html</loc>"));
    }

    #[test]
    fn escapes_markup_and_drops_what_xml_forbids() {
        assert_eq!(escape("a<b>&\"'\u{1}c"), "a&lt;b&gt;&amp;&quot;&apos;c");
    }
}
