//! Links for browsing a site from disk. A web server answers `claims/x/`
//! with `claims/x/index.html`; a browser opening `file://` shows a folder
//! listing instead. With `index_links`, every relative link to a folder
//! names its `index.html`.

/// Rewrites the relative `href`s of `html` that end in `/` (before any
/// `#fragment`) to end in `/index.html`. Absolute URLs, same-page anchors
/// and links to files are left as they are.
pub fn to_index(html: &str) -> String {
    const ATTR: &str = "href=\"";
    let mut out = String::with_capacity(html.len() + html.len() / 50);
    let mut rest = html;
    while let Some(at) = rest.find(ATTR) {
        let (head, tail) = rest.split_at(at + ATTR.len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(tail.len());
        let value = &tail[..end];
        let (path, fragment) = value.split_at(value.find('#').unwrap_or(value.len()));
        let relative = !path.is_empty()
            && !path.starts_with('/')
            && !path.contains(':')
            && !path.contains('?')
            && path.ends_with('/');
        out.push_str(path);
        if relative {
            out.push_str("index.html");
        }
        out.push_str(fragment);
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::to_index;

    #[test]
    fn folder_links_name_their_index() {
        let html = r##"<a href="../../">a</a><a href="./">b</a><a href="claims/x/#t1">c</a><a href="report.json">d</a><a href="https://e.org/">e</a><a href="#t2">f</a><a href="/abs/">g</a>"##;
        assert_eq!(
            to_index(html),
            r##"<a href="../../index.html">a</a><a href="./index.html">b</a><a href="claims/x/index.html#t1">c</a><a href="report.json">d</a><a href="https://e.org/">e</a><a href="#t2">f</a><a href="/abs/">g</a>"##
        );
    }

    #[test]
    fn text_that_mentions_href_is_left_alone_when_unterminated() {
        assert_eq!(to_index("x href=\"a/"), "x href=\"a/index.html");
    }
}
