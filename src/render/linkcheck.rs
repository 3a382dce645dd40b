//! Internal links and anchors of a built site, checked without a browser:
//! every relative `href` and `src` must name a file the build writes (a
//! folder stands for its `index.html`) and every `#fragment` an `id` of
//! that page. `parallax check` runs it over the site it renders in memory;
//! only each page's links and ids are kept, not its bytes.

use crate::diag::Diagnostic;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Mutex;

#[derive(Default)]
pub struct Links {
    inner: Mutex<Seen>,
}

#[derive(Default)]
struct Seen {
    files: HashSet<String>,
    ids: HashMap<String, HashSet<String>>,
    /// Per page, its links in page order.
    links: BTreeMap<String, Vec<String>>,
}

/// The values of `attr="…"` in `html`, with `&amp;` decoded.
fn values<'a>(html: &'a str, attr: &'a str) -> impl Iterator<Item = String> + 'a {
    html.match_indices(attr).filter_map(move |(at, _)| {
        // An attribute: preceded by white space, followed by `="`.
        let before = html[..at].chars().next_back()?;
        let rest = html[at + attr.len()..].strip_prefix("=\"")?;
        (before.is_ascii_whitespace()).then(|| rest[..rest.find('"').unwrap_or(rest.len())].replace("&amp;", "&"))
    })
}

impl Links {
    /// Notes one output file (`path` relative to the site's root).
    pub fn record(&self, path: &str, bytes: &[u8]) {
        let mut page_links = Vec::new();
        let mut ids = HashSet::new();
        if path.ends_with(".html") {
            let html = String::from_utf8_lossy(bytes);
            page_links.extend(values(&html, "href").chain(values(&html, "src")));
            ids.extend(values(&html, "id"));
        }
        let mut seen = self.inner.lock().expect("no panics while held");
        seen.files.insert(path.to_owned());
        if path.ends_with(".html") {
            seen.ids.insert(path.to_owned(), ids);
            seen.links.insert(path.to_owned(), page_links);
        }
    }

    /// Every link that leads nowhere, one diagnostic each, named by the
    /// page that holds it (`output` names the site's folder).
    pub fn problems(self, output: &str) -> Vec<Diagnostic> {
        let seen = self.inner.into_inner().expect("no panics while held");
        // A broken link in the theme is on every page: said once, with the
        // number of pages that have it.
        let mut by_problem: BTreeMap<String, (String, &str, usize)> = BTreeMap::new();
        for (page, links) in &seen.links {
            let mut here = BTreeSet::new();
            for link in links {
                let Some(problem) = seen.problem(page, link) else { continue };
                if here.insert(problem.clone()) {
                    by_problem.entry(problem).or_insert_with(|| (page.clone(), link, 0)).2 += 1;
                }
            }
        }
        let mut out: Vec<Diagnostic> = by_problem
            .into_iter()
            .map(|(problem, (page, link, pages))| {
                let also = match pages {
                    1 => String::new(),
                    n => format!(" (and on {} other pages)", n - 1),
                };
                Diagnostic::error(format!("{output}/{page}"), format!("broken link `{link}`: {problem}{also}"))
                    .with_hint("fix the link in the content page or the theme's template that writes it")
            })
            .collect();
        out.sort_by(|a, b| a.file.cmp(&b.file).then_with(|| a.message.cmp(&b.message)));
        out
    }
}

impl Seen {
    fn problem(&self, page: &str, link: &str) -> Option<String> {
        let (path, fragment) = match link.split_once('#') {
            Some((p, f)) => (p, Some(f)),
            None => (link, None),
        };
        let path = path.split('?').next().unwrap_or("");
        if link.is_empty() || path.contains(':') || path.starts_with("//") || link.starts_with("data:") {
            return None; // another site, or a scheme: not ours to check
        }
        if path.starts_with('/') {
            return None; // absolute paths depend on where the site is served
        }
        let target = match path.is_empty() {
            true => page.to_owned(),
            false => match resolve(page, path) {
                Some(t) => t,
                None => return Some("it leads outside the site".into()),
            },
        };
        let target = if target.is_empty() || target.ends_with('/') { format!("{target}index.html") } else { target };
        let target = if self.files.contains(&target) {
            target
        } else if self.files.contains(&format!("{target}/index.html")) {
            format!("{target}/index.html")
        } else {
            return Some(format!("no file `{target}` in the site"));
        };
        match fragment {
            Some(f) if !f.is_empty() && !f.starts_with(":~:") && target.ends_with(".html") => {
                let f = percent_encoding::percent_decode_str(f).decode_utf8_lossy();
                (!self.ids.get(&target).is_some_and(|ids| ids.contains(f.as_ref())))
                    .then(|| format!("no element with id `{f}` in `{target}`"))
            }
            _ => None,
        }
    }
}

/// `path` relative to the folder of `page`, normalised; `None` past the root.
fn resolve(page: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    let trailing = path.ends_with('/');
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let mut out = parts.join("/");
    if trailing && !out.is_empty() {
        out.push('/');
    }
    Some(percent_encoding::percent_decode_str(&out).decode_utf8_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: &[(&str, &str)]) -> Vec<String> {
        let links = Links::default();
        for (path, html) in files {
            links.record(path, html.as_bytes());
        }
        links.problems("public").iter().map(|d| d.message.clone()).collect()
    }

    #[test]
    fn folders_files_and_anchors_resolve() {
        let problems = site(&[
            (
                "index.html",
                r##"<a href="claims/x/">x</a> <a href="claims/x/#t1">t</a> <a href="style.css">s</a> <a href="https://e.org/">e</a> <a href="#top" id="top">top</a>"##,
            ),
            ("claims/x/index.html", r##"<p id="t1"><a href="../../">home</a> <a href="../../claims/x">again</a></p>"##),
            ("style.css", ""),
        ]);
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn missing_files_anchors_and_escapes_are_reported() {
        let problems = site(&[(
            "sources/a/index.html",
            r##"<a href="../b/">b</a> <a href="./#nope">n</a> <a href="../../../up/">u</a> <a href="../b/">again</a>"##,
        )]);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("`../b/`") && p.contains("sources/b/index.html")));
        assert!(problems.iter().any(|p| p.contains("no element with id `nope`")));
        assert!(problems.iter().any(|p| p.contains("`../../../up/`") && p.contains("outside the site")));
    }

    #[test]
    fn a_link_broken_on_every_page_is_said_once() {
        let problems = site(&[
            ("a/index.html", r#"<a href="../gone.css">g</a>"#),
            ("b/index.html", r#"<a href="../gone.css">g</a>"#),
        ]);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].contains("and on 1 other pages"), "{problems:?}");
    }
}
