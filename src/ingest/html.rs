//! Saved web pages -> `Article`: the article extracted (trafilatura, a port
//! of the trafilatura extractor, chosen by measurement: see ARCHITECTURE.md),
//! turned into markdown blocks (`markup`), cleaned by the same rules as
//! scraped text, and the page's metadata (title, canonical address, site
//! name, author, publication date, language: meta tags, JSON-LD, `<time>`)
//! read by the extractors. Pure.

use super::clean::{self, Article, Block};
use super::markup;
use std::sync::OnceLock;
use trafilatura::{ExtractionFocus, Options};

/// How deep the markdown walk follows the page's elements.
const MAX_DEPTH: usize = 96;

fn nonempty(s: &str) -> Option<String> {
    let t = clean_space(s);
    (!t.is_empty()).then_some(t)
}

fn clean_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The article's headline: the page's first `<h1>` when it agrees with the
/// title its metadata gives (sharing half its words), else that title
/// without the site's name ("… | The Japan Times").
fn headline(html: &str, meta: Option<String>, site: Option<&str>) -> Option<String> {
    static H1: OnceLock<regex::Regex> = OnceLock::new();
    static TAG: OnceLock<regex::Regex> = OnceLock::new();
    let h1 = H1.get_or_init(|| regex::Regex::new(r"(?is)<h1\b[^>]*>(.*?)</h1>").expect("valid pattern"));
    let tag = TAG.get_or_init(|| regex::Regex::new(r"(?s)<[^>]*>").expect("valid pattern"));
    let words = |s: &str| -> std::collections::BTreeSet<String> {
        crate::fold::fold(s).split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 1).map(str::to_owned).collect()
    };
    let heading = h1.captures_iter(html).find_map(|c| {
        let text = tag.replace_all(&c[1], " ");
        nonempty(&unescape(&text))
    });
    let meta = meta.map(|t| without_site(&t, site));
    match (heading, meta) {
        (Some(h), Some(m)) => {
            let (hw, mw) = (words(&h), words(&m));
            let shared = hw.intersection(&mw).count();
            if shared * 2 >= hw.len().min(mw.len()) && crate::text::word_count(&h) <= 40 {
                Some(h)
            } else {
                Some(m)
            }
        }
        (h, m) => m.or(h.filter(|h| crate::text::word_count(h) <= 40)),
    }
}

/// The site's name as the page's `<title>` ends with it: "Headline |
/// Section | The Guardian" gives "The Guardian". Only a name the outlet
/// registry knows is believed (`outlet::by_name`).
fn title_site(html: &str) -> Option<String> {
    static TITLE: OnceLock<regex::Regex> = OnceLock::new();
    let re = TITLE.get_or_init(|| regex::Regex::new(r"(?is)<title\b[^>]*>(.*?)</title>").expect("valid pattern"));
    let title = unescape(re.captures(html)?.get(1)?.as_str());
    let (_, tail) =
        [" | ", " - ", " — ", " – "].iter().filter_map(|sep| title.rsplit_once(sep)).min_by_key(|(_, t)| t.len())?;
    let tail = clean_space(tail);
    (crate::text::word_count(&tail) <= 4 && !tail.is_empty()).then_some(tail)
}

/// "Title | Site", "Title - Site": the title alone, when what follows the
/// last separator is the site's name or a few words.
fn without_site(title: &str, site: Option<&str>) -> String {
    // "Headline - AOC media" where the site calls itself "AOC media -
    // Analyse Opinion Critique": the tail opens the site's name.
    if let Some(site) = site.map(crate::config::name_key).filter(|s| !s.is_empty()) {
        for sep in [" | ", " - ", " — ", " – ", " :: "] {
            for (at, _) in title.match_indices(sep) {
                let (head, tail) = (&title[..at], &title[at + sep.len()..]);
                let tail = crate::config::name_key(tail);
                if tail.len() >= 3 && site.starts_with(&tail) && crate::text::word_count(head) >= 3 {
                    return head.trim().to_owned();
                }
            }
        }
    }
    for sep in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let named = site.is_some_and(|s| crate::config::name_key(s) == crate::config::name_key(tail));
            if named || (crate::text::word_count(tail) <= 4 && crate::text::word_count(head) >= 3) {
                return head.trim().to_owned();
            }
        }
    }
    title.to_owned()
}

/// The character references a title may hold, as text.
fn unescape(s: &str) -> String {
    let doc = scraper::Html::parse_fragment(s);
    doc.root_element().text().collect()
}

/// The name a page gives under an "Author" or "Auteur" label of its own:
/// "<strong>Author</strong> Ben Knight", "<dt>Auteur :</dt><dd>Jean Dupont</dd>".
fn labelled_author(html: &str) -> Option<String> {
    static R: OnceLock<regex::Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        regex::Regex::new(
            r"(?is)<(strong|b|span|dt|th|label)\b[^>]*>\s*(?:author|auteur|autor|written by|écrit par)\s*:?\s*</(?:strong|b|span|dt|th|label)>\s*(?:</?(?:dd|td|span|div|p)\b[^>]*>\s*)*([^<>]{3,80}?)\s*<",
        )
        .expect("valid pattern")
    });
    let name = clean_space(&unescape(r.captures(html)?.get(2)?.as_str()));
    let words: Vec<&str> = name.split_whitespace().collect();
    ((2..=6).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase) || w.len() <= 3))
        .then_some(name)
}

/// Elements that hold nothing but an agency's credit and its editor's
/// initials, "(ats/nxp)", as pages end their articles with: an extractor
/// may leave them out. ("(AFP)" alone may be a picture's credit.)
fn credit_elements(html: &str) -> Vec<String> {
    static R: OnceLock<regex::Regex> = OnceLock::new();
    let r = R.get_or_init(|| {
        regex::Regex::new(r">\s*(\(\s*[A-Za-z]{2,10}(?:\s*/\s*[a-z]{2,4}){1,3}\s*\))\s*<").expect("valid pattern")
    });
    let mut found: Vec<String> = r.captures_iter(html).map(|c| c[1].to_owned()).collect();
    found.dedup();
    found.truncate(3);
    found
}

/// "Cécile Ducourtieux (Bruxelles, bureau européen)" names one person.
/// "Amitai Winehouse For Mailonline": the writer, without the outlet the
/// byline says they write for.
fn without_outlet(s: &str) -> String {
    match s.rsplit_once(" For ").or_else(|| s.rsplit_once(" for ")) {
        Some((name, outlet)) if !name.is_empty() && crate::text::word_count(outlet) <= 3 => name.trim().to_owned(),
        _ => s.to_owned(),
    }
}

fn without_parentheses(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    clean_space(&out)
}

/// How deep elements may nest before the parser sees the page: HTML
/// parsing costs time in proportion to the depth for every tag, so a page of
/// a hundred thousand nested `<div>`s would take hours.
const MAX_ELEMENT_DEPTH: usize = 256;

/// Reads a saved page. `chrome` lists folded lines the outlet's site adds.
pub fn read(html: &str, chrome: &[String]) -> Article {
    let html = &*bounded(html, MAX_ELEMENT_DEPTH);
    let canonical = url(html);
    let options = {
        let mut o = Options::default().with_fallback(true).with_focus(ExtractionFocus::FavorPrecision).with_links(true);
        if let Some(u) = canonical.as_deref().and_then(|u| url::Url::parse(u).ok()) {
            o = o.with_url(u);
        }
        o
    };
    // The extractors are third-party code on web input: a panic in one is a
    // page read as plain text, never a crash.
    let extracted = std::panic::catch_unwind(|| trafilatura::extract(html, &options).ok()).ok().flatten();
    let readable = std::panic::catch_unwind(|| libreadability::extract(html, canonical.as_deref()).ok()).ok().flatten();

    let mut article = Article::default();
    let meta = extracted.as_ref().map(|e| &e.metadata);
    let pick = |r: Option<&str>, t: Option<&str>| r.and_then(nonempty).or_else(|| t.and_then(nonempty));
    // Readability reads titles, bylines and dates more as people do; the
    // extractor fills what it leaves out.
    article.title = pick(readable.as_ref().map(|r| r.title.as_str()), meta.map(|m| m.title.as_str()));
    article.author = pick(readable.as_ref().map(|r| r.byline.as_str()), meta.map(|m| m.author.as_str()))
        .map(|a| a.trim_start_matches("By ").trim_start_matches("by ").trim_start_matches("Par ").to_owned());
    article.site_name = pick(readable.as_ref().map(|r| r.site_name.as_str()), meta.map(|m| m.sitename.as_str()));
    article.url = meta.and_then(|m| nonempty(&m.url)).filter(|u| u.starts_with("http")).or(canonical);
    article.language = pick(readable.as_ref().map(|r| r.language.as_str()), meta.map(|m| m.language.as_str()))
        .and_then(|l| l.split(['-', '_']).next().map(str::to_ascii_lowercase))
        .filter(|l| l.len() == 2);
    let published = readable.as_ref().and_then(|r| iso_date(&r.published_time));
    article.date = published.or_else(|| meta.and_then(|m| m.date).map(|d| d.format("%Y-%m-%d").to_string()));

    let (content, second) = match &extracted {
        Some(e) if !e.content_html.trim().is_empty() => {
            (e.content_html.clone(), readable.as_ref().map(|r| r.content.as_str()))
        }
        _ => (readable.as_ref().map(|r| r.content.clone()).unwrap_or_default(), None),
    };
    article.name_hints.extend(title_site(html));
    article.title = headline(html, article.title.take(), article.site_name.as_deref());
    // "Deutsche Welle (www.dw.com)": the site, not a writer; a labelled
    // field ("<strong>Author</strong> Ben Knight") may name the writer.
    let organisation = article.author.as_deref().is_some_and(|a| a.contains("www.") || a.contains("http"));
    if article.author.is_none() || organisation {
        if let Some(labelled) = labelled_author(html) {
            article.author = Some(labelled);
        }
    }
    article.author =
        article.author.map(|a| without_outlet(&without_parentheses(&a))).filter(|a| !a.is_empty() && a != "No Author");
    let title_key = article.title.as_deref().map(crate::config::name_key);
    let mut converted = markup::convert(&content, MAX_DEPTH);
    if let Some(second) = second {
        fill_gaps(&mut converted, markup::convert(second, MAX_DEPTH), html);
    }
    if let Some(first) = standfirst(html) {
        let grams = |t: &str| -> std::collections::BTreeSet<String> { word_grams(t, 3).into_iter().collect() };
        let own = grams(&first);
        let shares = |t: &str| own.intersection(&grams(t)).count() * 2 >= own.len();
        let present = converted.iter().any(|b| shares(&crate::markdown::plain_text(&b.markdown)));
        if !present && !article.title.as_deref().is_some_and(shares) {
            converted.insert(0, markup::MdBlock { markdown: crate::markdown::escape_text(&first), heading: false });
        }
    }
    let mut blocks = Vec::new();
    for b in converted {
        let plain = crate::markdown::plain_text(&b.markdown);
        // The headline repeated at the top of the content.
        if title_key.as_deref() == Some(crate::config::name_key(&plain).as_str()) {
            continue;
        }
        // A short block that is all link is a pointer to another page.
        if !b.heading && b.link_density() > 0.8 && crate::text::word_count(&plain) <= 25 {
            article.removed.push(crate::page::Removed { kind: "related-link".into(), text: plain });
            continue;
        }
        blocks.push(match b.heading {
            true => Block::Heading(plain),
            false => Block::Markdown { markdown: b.markdown, plain },
        });
    }
    // "Le Monde with AFP": a byline that credits a wire.
    if let Some(author) = &article.author {
        article.credits.push(author.clone());
    }
    article.credits.extend(credit_elements(html));
    let title = article.title.clone();
    clean::clean_blocks(&mut article, blocks, &[], chrome, title.is_none());
    if title.is_some() {
        article.title = title;
    }
    article
}

/// The runs of `n` folded words of `text`, joined by spaces.
fn word_grams(text: &str, n: usize) -> Vec<String> {
    let words: Vec<String> = crate::fold::fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    words.windows(n).map(|w| w.join(" ")).collect()
}

/// Paragraphs the second extractor (Readability) finds next to ones the
/// first found, that the first left out (a paragraph holding a script, one
/// in a "teaser" box): put back where they stand among their neighbours.
/// Only running text is taken, from the page's own paragraphs (never a
/// caption's or an aside's), and only beside the article's paragraphs, so
/// the second extractor's wider cut brings in no site text.
fn fill_gaps(blocks: &mut Vec<markup::MdBlock>, other: Vec<markup::MdBlock>, html: &str) {
    let grams = |text: &str| word_grams(text, 4);
    let ours: Vec<Vec<String>> = blocks.iter().map(|b| grams(&crate::markdown::plain_text(&b.markdown))).collect();
    let known: std::collections::HashSet<&String> = ours.iter().flatten().collect();
    // Where each of the other's blocks is among ours, if it is.
    let place = |g: &[String]| -> Option<usize> {
        if g.is_empty() {
            return None;
        }
        let (best, hits) = ours
            .iter()
            .enumerate()
            .map(|(i, o)| (i, g.iter().filter(|x| o.contains(x)).count()))
            .max_by_key(|(_, hits)| *hits)?;
        (hits * 2 >= g.len()).then_some(best)
    };
    let theirs: Vec<(Vec<String>, String)> = other
        .iter()
        .map(|b| {
            let plain = crate::markdown::plain_text(&b.markdown);
            (grams(&plain), plain)
        })
        .collect();
    let placed: Vec<Option<usize>> = theirs.iter().map(|(g, _)| place(g)).collect();
    let running = |j: usize| {
        let plain = &theirs[j].1;
        !other[j].heading
            && crate::text::word_count(plain) >= 12
            && plain.trim_end().ends_with(['.', '!', '?', '»', '"', '”', ')'])
            && other[j].link_density() < 0.2
    };
    let missing = |j: usize| {
        placed[j].is_none() && theirs[j].0.iter().filter(|x| known.contains(x)).count() * 5 < theirs[j].0.len()
    };
    // Holes of one or two paragraphs between two the first extractor has,
    // or before its first one (a lede it left out).
    let mut inserts: Vec<(usize, markup::MdBlock)> = Vec::new();
    let mut j = 0;
    while j < theirs.len() {
        if placed[j].is_some() {
            j += 1;
            continue;
        }
        let end = (j..theirs.len()).find(|&k| placed[k].is_some()).unwrap_or(theirs.len());
        let after = placed.get(end).copied().flatten();
        let before = j.checked_sub(1).and_then(|k| placed[k]);
        let lede = before.is_none() && (0..j).all(|k| !running(k));
        let hole: Vec<usize> = (j..end).filter(|&k| running(k)).collect();
        if let (Some(at), true) = (before.map(|b| b + 1).or(after.filter(|_| lede)), hole.len() <= 2 && after.is_some())
        {
            for k in hole.into_iter().filter(|&k| missing(k)) {
                inserts.push((at, other[k].clone()));
            }
        }
        j = end;
    }
    // The article going on past the first extractor's last paragraph (a
    // second box of its text after an advertisement): the other's
    // paragraphs and crossheads that follow, up to the first block that is
    // neither, when two paragraphs or more do.
    // (Its sentences may link more: the filter on the page's own
    // paragraphs keeps out link lists.)
    let prose = |j: usize| {
        let plain = &theirs[j].1;
        !other[j].heading
            && crate::text::word_count(plain) >= 12
            && plain.trim_end().ends_with(['.', '!', '?', '»', '"', '”', ')'])
            && other[j].link_density() < 0.5
    };
    if let Some(last) = placed.iter().rposition(Option::is_some) {
        let last_ours = placed[last];
        let tail: Vec<usize> = (last + 1..theirs.len())
            .take_while(|&k| prose(k) || other[k].heading && crate::text::word_count(&theirs[k].1) <= 12)
            .collect();
        let paragraphs = tail.iter().filter(|&&k| prose(k) && missing(k)).count();
        if last_ours == Some(blocks.len() - 1) && paragraphs >= 2 {
            let end = tail.iter().rposition(|&k| prose(k)).map_or(0, |p| p + 1);
            for &k in &tail[..end] {
                // (A crosshead's two words make no four-word gram.)
                if missing(k) || other[k].heading && placed[k].is_none() {
                    inserts.push((blocks.len(), other[k].clone()));
                }
            }
        }
    }
    if inserts.is_empty() {
        return;
    }
    let own = body_paragraphs(html);
    let key = |plain: &str| crate::fold::fold(&clean_space(plain)).chars().take(60).collect::<String>();
    inserts.retain(|(_, b)| b.heading || own.contains(&key(&crate::markdown::plain_text(&b.markdown))));
    // From the last, so earlier positions stay right.
    inserts.sort_by_key(|(at, _)| *at);
    for (at, block) in inserts.into_iter().rev() {
        blocks.insert(at.min(blocks.len()), block);
    }
}

/// The standfirst under the headline, which extractors leave out: the first
/// element after the page's `<h1>` that the page marks as one ("subheadline",
/// "standfirst", "chapo", "dek", "lead"…), of eight words to eighty.
fn standfirst(html: &str) -> Option<String> {
    const MARKS: &[&str] = &[
        "subheadline",
        "sub-headline",
        "subhead",
        "standfirst",
        "chapo",
        "chapeau",
        "article-lead",
        "article__lead",
        "lead-text",
        "leadtext",
        "dek",
        "deck",
        "kicker-text",
        "sous-titre",
        "subtitle",
        "excerpt",
        "incipit",
        "lede",
        "intro",
        "summary",
    ];
    let doc = scraper::Html::parse_document(html);
    let all = scraper::Selector::parse("h1, h2, h3, p, div, span").expect("valid selector");
    let mut after_h1 = None;
    for (i, el) in doc.select(&all).enumerate() {
        let v = el.value();
        if after_h1.is_none() {
            if v.name() == "h1" {
                after_h1 = Some(i);
            }
            continue;
        }
        if after_h1.is_some_and(|h| i > h + 60) {
            break;
        }
        let marks = ["class", "id", "data-qa", "data-testid", "itemprop"]
            .iter()
            .filter_map(|a| v.attr(a))
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        let marked = marks.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_')).any(|m| {
            MARKS.contains(&m)
                || MARKS.iter().any(|k| k.contains('-') && m.contains(k))
                || m.rsplit_once("__").is_some_and(|(_, own)| MARKS.contains(&own))
        });
        if marked {
            let text = clean_space(&el.text().collect::<String>());
            let words = crate::text::word_count(&text);
            if (8..=80).contains(&words) {
                return Some(text);
            }
        }
    }
    None
}

/// The start (60 folded characters) of each `<p>` of the page that sits in
/// no figure, caption, aside, navigation, footer, gallery, list of related
/// links or comment.
fn body_paragraphs(html: &str) -> std::collections::HashSet<String> {
    const OUTSIDE: &[&str] = &["figure", "figcaption", "aside", "nav", "footer"];
    const MARKS: &[&str] = &["caption", "credit", "gallery", "related", "comment", "promo", "newsletter", "sidebar"];
    let doc = scraper::Html::parse_document(html);
    let p = scraper::Selector::parse("p").expect("valid selector");
    doc.select(&p)
        .filter(|el| {
            !el.ancestors().filter_map(scraper::ElementRef::wrap).any(|a| {
                let v = a.value();
                let marks = format!("{} {}", v.attr("class").unwrap_or(""), v.attr("id").unwrap_or("")).to_lowercase();
                // A class names what its element is by its last part:
                // "sidebar-grid__content" is content, "sidebar-grid__sidebar"
                // a sidebar.
                let marked = marks.split_whitespace().any(|token| {
                    // ("sidebar-grid" lays out the page around its article.)
                    const LAYOUT: &[&str] = &["grid", "layout", "container", "wrapper", "wrap", "row", "main"];
                    let own = token.rsplit("__").next().unwrap_or(token);
                    let words: Vec<&str> = own.split(['-', '_']).collect();
                    !words.iter().any(|w| LAYOUT.contains(w))
                        && words.iter().any(|w| MARKS.iter().any(|m| w.starts_with(m)))
                });
                OUTSIDE.contains(&v.name()) || marked
            })
        })
        .map(|el| {
            // The paragraph's text, not the script it may hold.
            let text: String = el
                .descendants()
                .filter_map(|n| n.value().as_text().map(|t| (n, t)))
                .filter(|(n, _)| {
                    n.parent()
                        .and_then(scraper::ElementRef::wrap)
                        .is_none_or(|e| !matches!(e.value().name(), "script" | "style" | "noscript"))
                })
                .map(|(_, t)| &**t)
                .collect();
            crate::fold::fold(&clean_space(&text)).chars().take(60).collect()
        })
        .collect()
}

/// The page with tags that would nest elements deeper than `max` left out
/// (their text stays), found with a scan of its tags, not a parse. Most
/// pages come back unchanged.
fn bounded(html: &str, max: usize) -> std::borrow::Cow<'_, str> {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ];
    static TAG: OnceLock<regex::Regex> = OnceLock::new();
    let tag =
        TAG.get_or_init(|| regex::Regex::new(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*?(/?)>").expect("valid pattern"));
    let opens =
        |c: &regex::Captures| c[1].is_empty() && c[3].is_empty() && !VOID.contains(&c[2].to_ascii_lowercase().as_str());
    let mut depth = 0usize;
    let mut deepest = 0usize;
    for c in tag.captures_iter(html) {
        if opens(&c) {
            depth += 1;
            deepest = deepest.max(depth);
        } else if !c[1].is_empty() {
            depth = depth.saturating_sub(1);
        }
    }
    if deepest <= max {
        return std::borrow::Cow::Borrowed(html);
    }
    let (mut out, mut last, mut depth, mut excess) = (String::with_capacity(html.len()), 0, 0usize, 0usize);
    for c in tag.captures_iter(html) {
        let m = c.get(0).expect("whole match");
        let keep = if opens(&c) {
            if depth >= max {
                excess += 1;
                false
            } else {
                depth += 1;
                true
            }
        } else if !c[1].is_empty() {
            if excess > 0 {
                excess -= 1;
                false
            } else {
                depth = depth.saturating_sub(1);
                true
            }
        } else {
            true
        };
        out.push_str(&html[last..m.start()]);
        out.push_str(if keep { m.as_str() } else { " " });
        last = m.end();
    }
    out.push_str(&html[last..]);
    std::borrow::Cow::Owned(out)
}

/// `YYYY-MM-DD` from an ISO 8601 date or date-time, if it is a real date.
fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let date = s.get(..10)?;
    let ok = date.len() == 10
        && date.as_bytes()[4] == b'-'
        && date.as_bytes()[7] == b'-'
        && date.chars().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    let month: u32 = date.get(5..7)?.parse().ok()?;
    let day: u32 = date.get(8..10)?.parse().ok()?;
    (ok && (1..=12).contains(&month) && (1..=31).contains(&day)).then(|| date.to_owned())
}

/// The page's own address, from its canonical link or `og:url`, found
/// without parsing the page (ingest asks this of every seed).
pub fn url(html: &str) -> Option<String> {
    static LINK: OnceLock<regex::Regex> = OnceLock::new();
    let re = LINK.get_or_init(|| {
        regex::Regex::new(
            r#"(?is)<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*\bhref\s*=\s*["']([^"'\s>]+)|<link\b[^>]*\bhref\s*=\s*["']([^"'\s>]+)["'][^>]*\brel\s*=\s*["']?canonical|<meta\b[^>]*\b(?:property|name)\s*=\s*["']og:url["'][^>]*\b(?:content|value)\s*=\s*["']([^"'\s>]+)|<meta\b[^>]*\b(?:content|value)\s*=\s*["']([^"'\s>]+)["'][^>]*\b(?:property|name)\s*=\s*["']og:url"#,
        )
        .expect("valid pattern")
    });
    let c = re.captures(html)?;
    let found = c.get(1).or(c.get(2)).or(c.get(3)).or(c.get(4))?.as_str();
    let found = found.replace("&amp;", "&");
    found.starts_with("http").then_some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byline_names_the_writer_not_the_outlet_they_write_for() {
        assert_eq!(without_outlet("Amitai Winehouse For Mailonline"), "Amitai Winehouse");
        assert_eq!(without_outlet("Anna Voss"), "Anna Voss");
    }

    #[test]
    fn metadata_and_article_from_a_page() {
        let html = r#"<!doctype html><html lang="fr"><head><title>Grève au port - Le Quotidien</title>
            <link rel="canonical" href="https://www.lemonde.fr/economie/article/2024/03/12/greve_1.html">
            <meta property="og:site_name" content="Le Monde.fr">
            <meta name="author" content="Anna Voss">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Grève au port","datePublished":"2024-03-12T08:00:00+01:00","author":{"@type":"Person","name":"Anna Voss"}}</script>
            </head><body><nav><a href="/">Accueil</a> <a href="/eco">Économie</a></nav>
            <article><h1>Grève au port</h1><p>Par Anna Voss</p>
            <p>Environ 2 400 dockers ont cessé le travail mardi matin, à l'appel de leur syndicat, pour réclamer une hausse des salaires.</p>
            <p>« Nous ne céderons pas », a déclaré la secrétaire du syndicat, qui réclame l'ouverture de négociations rapides.</p>
            <p>Publicité</p>
            <p>La direction du port estime le coût de la grève à plusieurs millions d'euros par jour pour les entreprises.</p></article>
            <footer>© Le Monde 2024</footer><script>alert(1)</script></body></html>"#;
        let a = read(html, &[]);
        assert_eq!(a.url.as_deref(), Some("https://www.lemonde.fr/economie/article/2024/03/12/greve_1.html"));
        assert_eq!(a.date.as_deref(), Some("2024-03-12"));
        assert_eq!(a.language.as_deref(), Some("fr"));
        assert_eq!(a.author.as_deref(), Some("Anna Voss"));
        let text: Vec<&str> = a.blocks.iter().map(Block::text).collect();
        assert!(text.iter().any(|t| t.starts_with("Environ 2 400 dockers")), "{text:?}");
        assert!(
            !text.iter().any(|t| t.contains("Publicité") || t.contains("alert") || t.contains("Accueil")),
            "{text:?}"
        );
        assert!(!text.iter().any(|t| *t == "Grève au port"), "the headline is not repeated: {text:?}");
    }

    #[test]
    fn deeply_nested_pages_are_flattened_before_parsing() {
        let html =
            format!("<html><body>{}<p>Deep words.</p>{}</body></html>", "<div>".repeat(5_000), "</div>".repeat(5_000));
        let flat = bounded(&html, 256);
        assert_eq!(flat.matches("<div>").count(), 256 - 2);
        assert_eq!(flat.matches("</div>").count(), 256 - 2);
        assert!(flat.contains("Deep words."), "the text stays");
        let a = read(&html, &[]);
        assert!(a.blocks.iter().any(|b| b.text() == "Deep words."), "{:?}", a.blocks);
    }

    #[test]
    fn old_style_meta_and_the_site_name_in_the_title() {
        let html = r#"<html><head><title>Bridge closed | Town | Harbour Gazette</title>
            <meta value="https://harbour.example/bridge" name="og:url"></head><body>
            <h1>Bridge closed</h1>
            <article><p>The council voted on Monday to close the old harbour bridge to all traffic while engineers repair its deck and cables.</p>
            <p>Work should take three months, the mayor said at a meeting with residents, who asked for a ferry in the meantime.</p></article></body></html>"#;
        let a = read(html, &[]);
        assert_eq!(a.url.as_deref(), Some("https://harbour.example/bridge"));
        assert_eq!(a.name_hints, ["Harbour Gazette"]);
        assert_eq!(a.title.as_deref(), Some("Bridge closed"));
    }

    #[test]
    fn canonical_addresses_without_parsing() {
        assert_eq!(url(r#"<link href="https://a.example/x" rel="canonical">"#).as_deref(), Some("https://a.example/x"));
        assert_eq!(
            url(r#"<meta property="og:url" content="https://b.example/y?a=1&amp;b=2">"#).as_deref(),
            Some("https://b.example/y?a=1&b=2")
        );
        assert_eq!(url("<p>none</p>"), None);
    }

    #[test]
    fn the_standfirst_and_paragraphs_an_extractor_leaves_out() {
        let body = |extra: &str| {
            format!(
                r#"<html><head><title>Bridge reopens | Harbour Gazette</title></head><body>
            <nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <article><h1>Bridge reopens</h1>
            <h2 class="article-subheadline">The old harbour bridge carries traffic again after two years of repairs</h2>
            <p>The council reopened the old harbour bridge on Tuesday after two years of repairs that cost more than planned.</p>
            {extra}
            <p>Engineers replaced the deck and most of the cables, the mayor said at a ceremony attended by residents.</p>
            <figure><img src="a.jpg"><figcaption>The bridge at dawn on Monday, before the ceremony, seen from the quay.</figcaption></figure>
            <p>The ferry that replaced the bridge during the works will stop running at the end of the week, the operator said.</p>
            </article></body></html>"#
            )
        };
        let a = read(&body(""), &[]);
        let text: Vec<&str> = a.blocks.iter().map(Block::text).collect();
        assert!(text[0].starts_with("The old harbour bridge carries traffic again"), "the standfirst: {text:?}");
        assert!(!text.iter().any(|t| t.contains("seen from the quay")), "no caption: {text:?}");
        let other = vec![
            markup::MdBlock { markdown: "The council reopened the old harbour bridge on Tuesday after two years of repairs that cost more than planned.".into(), heading: false },
            markup::MdBlock { markdown: "Traffic was light on the first morning, the police said, and no accident was reported on the bridge.".into(), heading: false },
            markup::MdBlock { markdown: "Engineers replaced the deck and most of the cables, the mayor said at a ceremony attended by residents.".into(), heading: false },
        ];
        let html = body("<p>Traffic was light on the first morning, the police said, and no accident was reported on the bridge.</p>");
        let mut ours = vec![other[0].clone(), other[2].clone()];
        fill_gaps(&mut ours, other.clone(), &html);
        assert_eq!(ours.len(), 3);
        assert!(ours[1].markdown.starts_with("Traffic was light"), "{ours:?}");
        // Not a paragraph of the page (a caption, say): left out.
        let mut ours = vec![other[0].clone(), other[2].clone()];
        fill_gaps(&mut ours, other, &body(""));
        assert_eq!(ours.len(), 2);
    }
}
