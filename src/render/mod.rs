//! Comparison + theme -> every output file, in memory. Pure: the caller reads
//! the theme and writes the files.
//!
//! Templates are tera with autoescaping on; the only HTML that bypasses it
//! is what this module builds itself (page bodies, charts), from escaped text.

pub mod body;
mod chart;
mod excerpts;
mod feeds;
pub mod linkcheck;
mod links;
pub mod schema;
mod search;
mod sections;
/// How many items a page of a report section in full lists.
pub use sections::ITEMS_PER_PAGE as SECTION_ITEMS_PER_PAGE;
pub mod webanno;

use crate::annotate::{Annotated, Origin};
use crate::compare::Comparison;
use crate::config::{Config, Publish};
use crate::diag::Diagnostic;
use crate::page::{Intro, Status};
use body::Highlight;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;
use tera::{Context, Tera};

/// Past this many sources, pages list them by outlet or count them instead
/// of listing each one.
pub const LIST_LIMIT: usize = 200;
/// Sources listed on the front page; the rest are on `sources/`.
pub const FRONT_PAGE_SOURCES: usize = 50;

/// A theme's files as read from disk: templates by name, static files by path.
#[derive(Debug, Clone, Default)]
pub struct ThemeFiles {
    pub templates: Vec<(String, String)>,
    pub statics: Vec<(String, Vec<u8>)>,
    /// Interface strings by language code: TOML mapping English text to the
    /// language's text. English needs none.
    pub i18n: Vec<(String, String)>,
    /// Templates the briefing's theme folder provides (the rest are built in).
    pub overridden: std::collections::BTreeSet<String>,
}

/// The default theme, built into the binary so a briefing needs no copy of it.
pub fn default_theme() -> ThemeFiles {
    macro_rules! template {
        ($name:literal) => {
            ($name.to_owned(), include_str!(concat!("../../themes/default/templates/", $name)).to_owned())
        };
    }
    ThemeFiles {
        templates: vec![
            template!("base.html"),
            template!("index.html"),
            template!("source.html"),
            template!("claim.html"),
            template!("outlet.html"),
            template!("report.html"),
            template!("list.html"),
            template!("report_section.html"),
            template!("search.html"),
            template!("404.html"),
            template!("macros.html"),
        ],
        statics: vec![
            ("style.css".into(), include_bytes!("../../themes/default/static/style.css").to_vec()),
            ("search.js".into(), include_bytes!("../../themes/default/static/search.js").to_vec()),
            ("favicon.svg".into(), include_bytes!("../../themes/default/static/favicon.svg").to_vec()),
            ("robots.txt".into(), include_bytes!("../../themes/default/static/robots.txt").to_vec()),
        ],
        i18n: vec![("fr".into(), include_str!("../../themes/default/i18n/fr.toml").to_owned())],
        overridden: Default::default(),
    }
}

#[derive(Serialize)]
struct SiteContext<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
}

pub struct Inputs<'a> {
    pub config: &'a Config,
    /// In slug order.
    pub pages: &'a [&'a Annotated],
    /// Needed for the aggregate pages; source pages do not depend on it.
    pub comparison: Option<&'a Comparison>,
    /// `content/_index.md`: the briefing's own introduction, if written.
    pub intro: Option<&'a Intro>,
    pub theme: &'a ThemeFiles,
    pub theme_name: &'a str,
    /// Rendered page bodies kept between builds (watch and serve), so that a
    /// template change does not parse the markdown again.
    pub bodies: Option<&'a BodyCache>,
    /// The site's address, ending in `/` (config `base_url`, or the build's
    /// `--base-url`): absolute URLs where they must be absolute.
    pub base_url: Option<String>,
    /// Links between pages end in `index.html` (for `file://` browsing).
    pub index_links: bool,
}

/// Page bodies as HTML by page path, with the hash of the page file they
/// were rendered from (one entry a page). Bodies also depend on the config
/// (claim labels, actor names, raw HTML), so the owner empties the cache
/// when the config changes.
pub type BodyCache = std::sync::Mutex<std::collections::HashMap<std::path::PathBuf, (blake3::Hash, Arc<str>)>>;

/// Receives each output file as it is rendered: a path relative to the
/// output folder and the bytes. Called from several threads.
pub type Sink<'a> = dyn Fn(&str, &[u8]) -> Result<(), Diagnostic> + Sync + 'a;

/// Which output files to render.
#[derive(Clone, Copy)]
pub struct Scope<'a> {
    /// Source pages to render: `None` for all of them.
    pub sources: Option<&'a std::collections::BTreeSet<String>>,
    /// Whether to render the pages that aggregate sources (index, report,
    /// claims, outlets), the exports and the theme's static files.
    pub aggregates: bool,
}

impl Scope<'_> {
    pub const ALL: Scope<'static> = Scope { sources: None, aggregates: true };
}

/// Renders every output file into `sink`; returns how many were produced.
pub fn render_site(input: &Inputs, sink: &Sink) -> Result<usize, Vec<Diagnostic>> {
    render_scope(input, Scope::ALL, sink)
}

/// Whether `path` (relative to the output folder) is a source page; every
/// other output file depends on all sources.
pub fn is_source_page(path: &str) -> bool {
    // `sources/<slug>/index.html`; the lists of sources are files in `sources/`.
    path.starts_with("sources/") && path.ends_with("/index.html") && path.matches('/').count() == 2
}

/// Renders the files in `scope` into `sink`; returns how many were produced.
/// Renders all it can before reporting template errors, so a theme author
/// sees every broken template at once.
pub fn render_scope(input: &Inputs, scope: Scope, sink: &Sink) -> Result<usize, Vec<Diagnostic>> {
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html"]);
    // Tera's default also escapes `/`, which mangles every URL; these five
    // are what HTML text and quoted attributes need.
    tera.set_escape_fn(escape_html);
    tera.register_filter("shorten", shorten);
    tera.register_filter("text_fragment", text_fragment);
    let strings = interface_strings(input)?;
    let code_strings = strings.clone();
    let tr = move |text: &str| code_strings.get(text).cloned().unwrap_or_else(|| text.to_owned());
    // `n | count(one="source", other="sources")`: the number and the form
    // its language's plural rule asks for (French reads 0 and 1 as one),
    // translated.
    let plural_strings = strings.clone();
    let french = input.config.site.language() == "fr";
    tera.register_filter("count", move |value: &tera::Value, args: &std::collections::HashMap<String, tera::Value>| {
        let n = value.as_u64().ok_or_else(|| tera::Error::msg("count expects a number"))?;
        let form = |name: &str| {
            args.get(name).and_then(|v| v.as_str()).ok_or_else(|| tera::Error::msg(format!("count needs `{name}`")))
        };
        let singular = n == 1 || (french && n == 0);
        let word = if singular { form("one")? } else { form("other")? };
        let word = plural_strings.get(word).cloned().unwrap_or_else(|| word.to_owned());
        Ok(tera::Value::String(format!("{n} {word}")))
    });
    tera.register_filter("tr", move |value: &tera::Value, _: &std::collections::HashMap<String, tera::Value>| {
        let text = value.as_str().ok_or_else(|| tera::Error::msg("tr expects a string"))?;
        Ok(tera::Value::String(strings.get(text).cloned().unwrap_or_else(|| text.to_owned())))
    });
    let theme_path = |name: &str| match input.theme.overridden.contains(name) {
        true => format!("themes/{}/templates/{name}", input.theme_name),
        false => format!("{name} (built-in theme)"),
    };
    if let Err(e) = tera.add_raw_templates(input.theme.templates.iter().map(|(n, t)| (n.as_str(), t.as_str()))) {
        // Tera names the template that failed to parse in its message.
        let named = input.theme.overridden.iter().find(|n| e.to_string().contains(n.as_str()));
        let file = named.map_or_else(|| format!("themes/{}/templates/", input.theme_name), |n| theme_path(n));
        return Err(vec![template_error(&file, &e)]);
    }
    let config = input.config;
    let site = SiteContext {
        title: &config.site.title,
        description: &config.site.description,
        language: config.site.language(),
    };
    let claim_labels: BTreeMap<&str, &str> =
        config.claims.iter().map(|(id, c)| (id.as_str(), c.label.as_str())).collect();
    let actor_names: BTreeMap<&str, &str> =
        config.actors.iter().map(|(id, a)| (id.as_str(), a.name.as_str())).collect();

    // Each page gets only what it shows: a context holding every source on
    // every page makes the build quadratic in the number of sources.
    let base_url = input.base_url.as_deref();
    let base = |root: &str, kind: &str| {
        let mut ctx = Context::new();
        ctx.insert("site", &site);
        ctx.insert("root", root);
        ctx.insert("kind", kind);
        ctx.insert("feed", &base_url.is_some());
        ctx
    };
    // Every page written, for the sitemap.
    let written = std::sync::Mutex::new(Vec::<String>::new());
    let render = |template: &str, path: String, mut ctx: Context| -> Result<(), Diagnostic> {
        if let Some(base) = base_url {
            ctx.insert("canonical", &format!("{base}{}", path.strip_suffix("index.html").unwrap_or(&path)));
        }
        let html = tera.render(template, &ctx).map_err(|e| template_error(&theme_path(template), &e))?;
        let html = if input.index_links { links::to_index(&html) } else { html };
        sink(&path, html.as_bytes())?;
        written.lock().expect("no panics while held").push(path);
        Ok(())
    };
    let mut pages: Vec<Result<(), Diagnostic>> = Vec::new();

    pages.par_extend(
        input.pages.par_iter().filter(|a| scope.sources.is_none_or(|only| only.contains(&a.page.slug))).map(|a| {
            let root = "../../";
            // From the page and the config only, so that rendering an edited
            // page does not wait for the cross-source comparison.
            let source = crate::compare::source(a, config);
            let hash = input.bodies.map(|_| blake3::hash(a.page.text.as_bytes()));
            let cached = input.bodies.and_then(|c| {
                let cache = c.lock().expect("no panics while held");
                cache.get(&a.page.path).filter(|(h, _)| Some(*h) == hash).map(|(_, html)| html.clone())
            });
            let body_html = cached.unwrap_or_else(|| {
                let highlights = highlights(a, config, root, &actor_names, &tr);
                let html: Arc<str> = match config.site.publish {
                    Publish::Full => body::render(a.page.body(), highlights, config.site.raw_html),
                    Publish::Excerpts => excerpts::render(&a.plain, &highlights),
                }
                .into();
                if let (Some(cache), Some(hash)) = (input.bodies, hash) {
                    cache.lock().expect("no panics while held").insert(a.page.path.clone(), (hash, html.clone()));
                }
                html
            });
            let mut ctx = base(root, "source");
            ctx.insert("source", &source);
            ctx.insert("outlet", &OutletProfile::of_config(config, &source.outlet));
            ctx.insert("body_html", &*body_html);
            ctx.insert("excerpts", &(config.site.publish == Publish::Excerpts));
            ctx.insert("accessed", &a.page.front.accessed.as_ref().map(ToString::to_string));
            // Only a web address is a link; anything else is not shown.
            let web = |u: &&str| u.starts_with("https://") || u.starts_with("http://");
            ctx.insert("archive", &a.page.front.archive.as_deref().filter(web));
            ctx.insert("original", &a.page.front.url.as_deref().filter(web));
            ctx.insert("tags", &a.tags);
            ctx.insert("notes", &a.notes);
            let labels: BTreeMap<&str, &str> =
                a.tags.iter().map(|t| (t.claim.as_str(), claim_labels[t.claim.as_str()])).collect();
            ctx.insert("claim_labels", &labels);
            let quotes: Vec<_> = a
                .quotes
                .iter()
                .map(|q| (q, q.speaker.as_deref().and_then(|s| actor_names.get(s).copied())))
                .map(|(q, name)| (q, name.or_else(|| q.speaker.as_deref().and_then(|s| a.actor_name(s, config)))))
                .map(|(q, name)| QuoteView { id: &q.id, text: &q.text, speaker: name, reported: q.reported })
                .collect();
            ctx.insert("quotes", &quotes);
            render("source.html", format!("sources/{}/index.html", a.page.slug), ctx)
        }),
    );
    if !scope.aggregates {
        let errors = errors_of(&pages);
        return if errors.is_empty() { Ok(pages.len()) } else { Err(errors) };
    }
    let cmp = input.comparison.expect("the aggregate pages need the comparison");
    // What the site may show of each source: everything, or its excerpts.
    let excerpt_ranges: Option<BTreeMap<&str, Vec<std::ops::Range<usize>>>> =
        (config.site.publish == Publish::Excerpts).then(|| {
            input
                .pages
                .par_iter()
                .map(|a| {
                    (a.page.slug.as_str(), excerpts::ranges(&a.plain, &highlights(a, config, "", &actor_names, &tr)))
                })
                .collect()
        });
    let published = |o: &crate::compare::reuse::Occurrence| {
        excerpt_ranges.as_ref().is_none_or(|r| r.get(o.source.as_str()).is_some_and(|r| excerpts::published(o, r)))
    };
    let outlets: BTreeMap<&str, &crate::compare::Outlet> = cmp.outlets.iter().map(|o| (o.id.as_str(), o)).collect();
    let sources: BTreeMap<&str, &crate::compare::Source> = cmp.sources.iter().map(|s| (s.slug.as_str(), s)).collect();

    // The exports (search index, report data, CSV, annotations) are
    // written while the pages render: the two share no state.
    let exports = || -> Result<(usize, usize), Diagnostic> {
        let index = search::files(cmp, input.pages, config);
        for (path, bytes) in &index {
            sink(path, bytes)?;
        }
        // report.json is an index; each section is in files of bounded size
        // under report/data/, serialised straight from the structs.
        let report_files = schema::write_report(&site, cmp, input.pages, &published, &|path, bytes| sink(path, bytes))?;
        sink(schema::SCHEMA_FILE, &schema::report_schema())?;
        sink("report/matrix.csv", &matrix_csv(cmp))?;
        sink("report/quotes.csv", &quotes_csv(input.pages, config))?;
        sink("report/figures.csv", &figures_csv(cmp))?;
        // Each file written as soon as it is made: at ten thousand sources the
        // collection is over a hundred MB.
        let annotation_files =
            webanno::export(input.pages, config, base_url.unwrap_or(""), &mut |path, bytes| sink(path, bytes))?;
        Ok((index.len(), annotation_files + report_files))
    };
    let aggregate_pages = |pages: &mut Vec<Result<(), Diagnostic>>| {
        let mut ctx = base("./", "index");
        let claims: Vec<ClaimSummary> = cmp.claims.iter().map(ClaimSummary::of).collect();
        // The front page lists the first sources; `sources/` lists them all.
        ctx.insert("sources", &cmp.sources[..cmp.sources.len().min(FRONT_PAGE_SOURCES)]);
        ctx.insert("source_count", &cmp.sources.len());
        ctx.insert("unknown_count", &cmp.sources.iter().filter(|s| s.outlet == crate::config::UNKNOWN_OUTLET).count());
        ctx.insert("claims", &claims);
        ctx.insert("blindspots", &cmp.blindspots);
        ctx.insert("profiled_outlets", &cmp.outlets.iter().filter(|o| o.known).count());
        ctx.insert("intro_title", &input.intro.map(|p| p.title.as_str()));
        ctx.insert("intro_html", &input.intro.map(|p| body::render(&p.body, Vec::new(), config.site.raw_html)));
        ctx.insert("mix_svg", &chart::outlet_mix(cmp, &tr));
        ctx.insert(
            "glance",
            &serde_json::json!({
                "shared_quotes": cmp.shared_quotes.len(),
                "figure_groups": cmp.figures.len(),
                "figures_differ": cmp.figures.iter().filter(|g| g.disagree).count(),
                "cited": cmp.sourcing.iter().filter(|c| c.named).count(),
                "shared_passages": cmp.shared_passages.len(),
                "dates": cmp.timeline.len(),
            }),
        );
        pages.push(render("index.html", "index.html".into(), ctx));

        // A claim page lists its carriers in pages of CARRIERS_PER_PAGE, like
        // any long list in a site generator: claims/<id>/, claims/<id>/page/2/, …
        pages.par_extend(cmp.claims.par_iter().flat_map_iter(|claim| {
            let carriers: Vec<_> = claim.cells.iter().map(|c| (sources[c.source.as_str()], c)).collect();
            let carriers = wordings(&carriers);
            let carrying: std::collections::BTreeSet<&str> = claim.cells.iter().map(|c| c.source.as_str()).collect();
            let absent: Vec<_> = cmp.sources.iter().filter(|s| !carrying.contains(s.slug.as_str())).collect();
            let chunks: Vec<_> = carriers.chunks(CARRIERS_PER_PAGE).collect();
            let total = chunks.len().max(1);
            let header = ClaimHeader::of(claim);
            (0..total)
                .map(|i| {
                    let root = if i == 0 { "../../" } else { "../../../../" };
                    let page_url = |n: usize| match n {
                        0 => format!("{root}claims/{}/", claim.id),
                        n => format!("{root}claims/{}/page/{}/", claim.id, n + 1),
                    };
                    let mut ctx = base(root, "claim");
                    ctx.insert("claim", &header);
                    ctx.insert("carriers", chunks.get(i).copied().unwrap_or(&[]));
                    ctx.insert(
                        "paginator",
                        &Paginator {
                            current: i + 1,
                            total,
                            previous: (i > 0).then(|| page_url(i - 1)),
                            next: (i + 1 < total).then(|| page_url(i + 1)),
                        },
                    );
                    ctx.insert("absent_count", &absent.len());
                    let listed = if i == 0 && absent.len() <= LIST_LIMIT { &absent[..] } else { &[] };
                    ctx.insert("absent", listed);
                    ctx.insert("source_count", &cmp.sources.len());
                    let path = match i {
                        0 => format!("claims/{}/index.html", claim.id),
                        n => format!("claims/{}/page/{}/index.html", claim.id, n + 1),
                    };
                    render("claim.html", path, ctx)
                })
                .collect::<Vec<_>>()
        }));
        // Section pages, so that every folder of the site has a page.
        let section = |name: &str, heading: &str| {
            let mut ctx = base("../", name);
            ctx.insert("section", name);
            ctx.insert("heading", heading);
            ctx
        };
        let mut ctx = section("claims", "Claims");
        ctx.insert("claims", &cmp.claims.iter().map(ClaimHeader::of).collect::<Vec<_>>());
        ctx.insert("source_count", &cmp.sources.len());
        pages.push(render("list.html", "claims/index.html".into(), ctx));
        let mut ctx = section("outlets", "Outlets");
        ctx.insert("outlets", &cmp.outlets);
        pages.push(render("list.html", "outlets/index.html".into(), ctx));
        pages.par_extend(sections::source_orders(&cmp.sources).into_par_iter().map(|(order, path, sources)| {
            let mut ctx = section("sources", "Sources");
            ctx.insert("order", order);
            ctx.insert("sources", &sources);
            render("list.html", path.into(), ctx)
        }));

        pages.par_extend(cmp.outlets.par_iter().map(|outlet| {
            let mut ctx = base("../../", "outlet");
            ctx.insert("outlet", outlet);
            let own: Vec<_> = outlet.sources.iter().map(|slug| sources[slug.as_str()]).collect();
            ctx.insert("own_sources", &own);
            render("outlet.html", format!("outlets/{}/index.html", outlet.id), ctx)
        }));
        let mut ctx = base("../", "report");
        // Each long list cut to its first items; the section pages and
        // report.json have them all.
        let lists = sections::lists(cmp, Some(&sections::TOP), &published);
        for key in ["shared_quotes", "figures", "descriptions", "sourcing", "timeline", "shared_passages", "chronology"]
        {
            ctx.insert(key, &lists[key]);
        }
        ctx.insert("totals", &lists["totals"]);
        ctx.insert("vocabulary", &cmp.vocabulary);
        ctx.insert("timeline_svg", &chart::timeline(cmp, &tr));
        // Everything but the passages' text, which the report does not show.
        let claims: Vec<ReportClaim> = cmp
            .claims
            .iter()
            .map(|c| ReportClaim {
                id: &c.id,
                label: &c.label,
                carried_by: c.carried_by,
                denied_by: c.denied_by,
                by_outlet: &c.by_outlet,
                cells: c
                    .cells
                    .iter()
                    .map(|cell| ReportCell { source: &cell.source, by_stance: &cell.by_stance })
                    .collect(),
            })
            .collect();
        ctx.insert(
            "comparison",
            &ReportView {
                sources: &cmp.sources,
                claims,
                blindspots: &cmp.blindspots,
                speakers: lists["speakers"].clone(),
                outlets: &cmp.outlets,
            },
        );
        ctx.insert("source_by_slug", &sources);
        ctx.insert(
            "outlet_by_id",
            &outlets.iter().map(|(id, o)| (*id, OutletProfile::of(o))).collect::<BTreeMap<_, _>>(),
        );
        // A column per source reads well for a briefing; past a few dozen
        // sources the report groups them by outlet and the column per source
        // moves to a page of its own, up to a few hundred.
        let matrix: Option<Vec<Vec<Option<ReportCell>>>> = (cmp.sources.len() <= LIST_LIMIT).then(|| {
            cmp.claims
                .iter()
                .map(|c| {
                    let by_source: BTreeMap<&str, ReportCell> = c
                        .cells
                        .iter()
                        .map(|cell| {
                            (cell.source.as_str(), ReportCell { source: &cell.source, by_stance: &cell.by_stance })
                        })
                        .collect();
                    cmp.sources.iter().map(|s| by_source.get(s.slug.as_str()).copied()).collect()
                })
                .collect()
        });
        let on_report = cmp.sources.len() <= sections::MATRIX_COLUMNS;
        ctx.insert("matrix", if on_report { &matrix } else { &None });
        ctx.insert("matrix_page", &(!on_report && matrix.is_some()));
        if let (false, Some(matrix)) = (on_report, &matrix) {
            let mut page = base("../../", "report");
            page.insert("section", "matrix");
            page.insert("heading", "Claims × sources");
            page.insert("sections", &sections::links());
            page.insert("matrix", matrix);
            page.insert("paginator", &Paginator { current: 1, total: 1, previous: None, next: None });
            page.insert("sources", &cmp.sources);
            page.insert("claims", &cmp.claims.iter().map(|c| (&c.id, &c.label)).collect::<Vec<_>>());
            pages.push(render("report_section.html", "report/matrix/index.html".into(), page));
        }
        ctx.insert("mix_svg", &chart::outlet_mix(cmp, &tr));
        ctx.insert("coverage_svg", &chart::coverage(cmp, &tr));
        pages.push(render("report.html", "report/index.html".into(), ctx));
        pages.extend(sections::full_pages(cmp, base("../../", "report"), &sources, &published, &|path, ctx| {
            render("report_section.html", path, ctx)
        }));

        pages.push(render("search.html", "search/index.html".into(), base("../", "search")));
        // Served for any missing address, at any depth: its links start from
        // the site's root path.
        let site_path = base_url.and_then(|b| url::Url::parse(b).ok()).map_or("/".to_owned(), |u| u.path().to_owned());
        let ctx = base(&site_path, "not-found");
        pages.push(
            tera.render("404.html", &ctx)
                .map_err(|e| template_error(&theme_path("404.html"), &e))
                .and_then(|html| sink("404.html", html.as_bytes())),
        );
    };
    let ((), exported) = rayon::join(|| aggregate_pages(&mut pages), exports);
    let errors = errors_of(&pages);
    if !errors.is_empty() {
        return Err(errors);
    }
    let (index_len, exported_files) = exported.map_err(|d| vec![d])?;
    let mut extra = exported_files - 2;
    if let Some(base) = base_url {
        let mut written = written.into_inner().expect("no panics while held");
        written.sort_unstable();
        sink("sitemap.xml", &feeds::sitemap(base, &written)).map_err(|d| vec![d])?;
        sink("atom.xml", &feeds::atom(base, cmp, config)).map_err(|d| vec![d])?;
        extra += 2;
    }
    for (path, bytes) in &input.theme.statics {
        match (path.as_str(), base_url) {
            // Crawlers find the sitemap from robots.txt.
            ("robots.txt", Some(base)) => {
                let mut robots = bytes.clone();
                robots.extend_from_slice(format!("Sitemap: {base}sitemap.xml\n").as_bytes());
                sink(path, &robots)
            }
            _ => sink(path, bytes),
        }
        .map_err(|d| vec![d])?;
    }
    Ok(pages.len() + 6 + extra + index_len + input.theme.statics.len())
}

/// A writer that only counts the bytes written to it.
pub(crate) struct ByteCount(pub usize);

impl std::io::Write for ByteCount {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// An outlet without its list of sources, for pages about one source: the
/// list grows with the briefing and would make the build quadratic.
#[derive(Serialize)]
struct OutletProfile<'a> {
    id: &'a str,
    name: &'a str,
    known: bool,
    country: &'a str,
    owner: &'a str,
    funding: &'a str,
    affiliation: crate::config::Affiliation,
    url: Option<&'a str>,
    notes: &'a [crate::config::OutletNote],
}

impl<'a> OutletProfile<'a> {
    /// The profile of outlet `id` as the config gives it; "unknown" when
    /// the config has none.
    fn of_config(config: &'a Config, id: &'a str) -> Self {
        match config.outlets.get(id) {
            Some(o) => OutletProfile {
                id,
                name: &o.name,
                known: true,
                country: &o.country,
                owner: &o.owner,
                funding: &o.funding,
                affiliation: o.affiliation,
                url: o.url.as_deref(),
                notes: &o.notes,
            },
            None => OutletProfile {
                id,
                name: crate::compare::UNKNOWN_OUTLET_NAME,
                known: false,
                country: "unknown",
                owner: "unknown",
                funding: "unknown",
                affiliation: crate::config::Affiliation::Unknown,
                url: None,
                notes: &[],
            },
        }
    }

    fn of(o: &'a crate::compare::Outlet) -> Self {
        OutletProfile {
            id: &o.id,
            name: &o.name,
            known: o.known,
            country: &o.country,
            owner: &o.owner,
            funding: &o.funding,
            affiliation: o.affiliation,
            url: o.url.as_deref(),
            notes: &o.notes,
        }
    }
}

#[derive(Serialize)]
struct ReportView<'a> {
    sources: &'a [crate::compare::Source],
    claims: Vec<ReportClaim<'a>>,
    blindspots: &'a [crate::compare::Blindspot],
    speakers: serde_json::Value,
    outlets: &'a [crate::compare::Outlet],
}

/// How many carrying sources one claim page lists.
pub const CARRIERS_PER_PAGE: usize = 100;

/// One way a source words a claim (the sentence, the tagged words, the
/// stance and the review), and every source that words it so, by outlet:
/// a dispatch carried word for word by many sources is one row of the
/// claim page, not one row (and one copy of the sentence) per source.
#[derive(Serialize)]
struct Wording<'a> {
    before: &'a str,
    text: &'a str,
    after: &'a str,
    stance: crate::config::Stance,
    status: Status,
    language: &'a str,
    outlets: Vec<WordingOutlet<'a>>,
    count: usize,
}

#[derive(Serialize)]
struct WordingOutlet<'a> {
    outlet: &'a str,
    outlet_name: &'a str,
    affiliation: &'a crate::config::Affiliation,
    sources: Vec<WordingSource<'a>>,
}

#[derive(Serialize)]
struct WordingSource<'a> {
    slug: &'a str,
    title: &'a str,
    anchor: &'a str,
}

/// The claim's wordings in the order of their first source, each source's
/// passages in the order of its text.
fn wordings<'a>(carriers: &[(&'a crate::compare::Source, &'a crate::compare::Cell)]) -> Vec<Wording<'a>> {
    let mut out: Vec<Wording<'a>> = Vec::new();
    let mut seen: BTreeMap<(&str, &str, &str, crate::config::Stance, Status, &str), usize> = BTreeMap::new();
    for (s, cell) in carriers {
        for p in &cell.passages {
            let key = (p.before.as_str(), p.text.as_str(), p.after.as_str(), p.stance, p.status, s.language.as_str());
            let i = *seen.entry(key).or_insert_with(|| {
                out.push(Wording {
                    before: &p.before,
                    text: &p.text,
                    after: &p.after,
                    stance: p.stance,
                    status: p.status,
                    language: &s.language,
                    outlets: Vec::new(),
                    count: 0,
                });
                out.len() - 1
            });
            let w = &mut out[i];
            w.count += 1;
            let source = WordingSource { slug: &s.slug, title: &s.title, anchor: &p.anchor };
            match w.outlets.iter_mut().find(|o| o.outlet == s.outlet) {
                Some(o) => o.sources.push(source),
                None => w.outlets.push(WordingOutlet {
                    outlet: &s.outlet,
                    outlet_name: &s.outlet_name,
                    affiliation: &s.affiliation,
                    sources: vec![source],
                }),
            }
        }
    }
    out
}

#[derive(Serialize)]
struct ClaimHeader<'a> {
    id: &'a str,
    label: &'a str,
    description: &'a str,
    carried_by: usize,
    denied_by: usize,
}

impl<'a> ClaimHeader<'a> {
    fn of(claim: &'a crate::compare::Claim) -> Self {
        ClaimHeader {
            id: &claim.id,
            label: &claim.label,
            description: &claim.description,
            carried_by: claim.carried_by,
            denied_by: claim.denied_by,
        }
    }
}

#[derive(Serialize)]
pub(crate) struct Paginator {
    pub(crate) current: usize,
    pub(crate) total: usize,
    pub(crate) previous: Option<String>,
    pub(crate) next: Option<String>,
}

#[derive(Serialize)]
struct ReportClaim<'a> {
    id: &'a str,
    label: &'a str,
    carried_by: usize,
    denied_by: usize,
    by_outlet: &'a [crate::compare::OutletCell],
    cells: Vec<ReportCell<'a>>,
}

#[derive(Serialize, Clone, Copy)]
struct ReportCell<'a> {
    source: &'a str,
    by_stance: &'a [crate::compare::StanceCount],
}

#[derive(Serialize)]
struct ClaimSummary<'a> {
    id: &'a str,
    label: &'a str,
    /// Sources asserting or attributing the claim; denials are apart.
    carried_by: usize,
    asserted_by: usize,
    attributed_by: usize,
    denied_by: usize,
    mentioned_by: usize,
}

impl<'a> ClaimSummary<'a> {
    fn of(c: &'a crate::compare::Claim) -> Self {
        ClaimSummary {
            id: &c.id,
            label: &c.label,
            carried_by: c.carried_by,
            asserted_by: c.asserted_by,
            attributed_by: c.attributed_by,
            denied_by: c.denied_by,
            mentioned_by: c.mentioned_by,
        }
    }
}

/// The template errors among rendered pages, each said once: one broken
/// template fails every page that uses it.
fn errors_of(pages: &[Result<(), Diagnostic>]) -> Vec<Diagnostic> {
    let mut errors: Vec<Diagnostic> = pages.iter().filter_map(|p| p.as_ref().err().cloned()).collect();
    errors.sort_by(|a, b| (&a.file, &a.message).cmp(&(&b.file, &b.message)));
    errors.dedup_by(|a, b| a.file == b.file && a.message == b.message);
    errors
}

#[derive(Serialize)]
struct QuoteView<'a> {
    id: &'a str,
    text: &'a str,
    speaker: Option<&'a str>,
    reported: bool,
}

fn highlights(
    a: &Annotated,
    config: &Config,
    root: &str,
    actors: &BTreeMap<&str, &str>,
    tr: chart::Tr,
) -> Vec<Highlight> {
    let mut out: Vec<Highlight> = a
        .tags
        .iter()
        .map(|t| {
            let label = config.claims.get(&t.claim).map_or(t.claim.as_str(), |c| c.label.as_str());
            // The chip names the claim and shows the stance by its symbol,
            // so neither rests on colour or on hovering.
            let symbol = chart::STANCE_MARKS.iter().find(|(s, _, _)| *s == t.stance).map_or("", |m| m.2);
            Highlight {
                start: t.start,
                end: t.end,
                element: "mark",
                class: format!("tag {} {}", t.stance.as_str(), status_class(t.status)),
                id: t.id.clone(),
                // No tooltip: the chip names the claim and its stance, the
                // class its status, and the claims table below says both
                // in words; a tooltip on every tag was a tenth of the page.
                title: String::new(),
                title_once: true,
                chip: Some((format!("{root}claims/{}/", t.claim), format!("{symbol}\u{a0}{}", shorten_str(label, 32)))),
            }
        })
        .collect();
    // Findings: light markup, styled discreetly, solid with a ✎ when the
    // editor set them; `section` is where the report lists them.
    let finding =
        |(start, end): (usize, usize), class: String, id: String, title: String, origin: Origin, section: &str| {
            Highlight {
                start,
                end,
                element: "span",
                class: format!("{class} {}", origin_class(origin)),
                id,
                title: title + &tr(by(origin)),
                title_once: true,
                chip: editor_chip(origin, root, section),
            }
        };
    out.extend(a.quotes.iter().map(|q| {
        let title = match (q.speaker.as_deref().and_then(|s| actors.get(s)), q.reported) {
            (Some(name), false) => format!("{} — {name}", tr("Quote")),
            (Some(name), true) => format!("{} — {name}", tr("Reported speech")),
            (None, _) => tr("Quote — speaker not identified"),
        };
        let class = if q.reported { "quote reported" } else { "quote" };
        finding((q.start, q.end), class.into(), q.id.clone(), title, q.origin, "quotes")
    }));
    out.extend(a.figures.iter().enumerate().map(|(i, f)| {
        let title = format!("{} {}", tr("Figure:"), f.value());
        finding((f.start, f.end), "figure".into(), format!("f{}", i + 1), title, f.origin, "figures")
    }));
    out.extend(a.dates.iter().enumerate().map(|(i, d)| {
        let title = d
            .date
            .as_ref()
            .map_or_else(|| tr("Date (cannot be told: no publication date)"), |x| format!("{} {x}", tr("Date:")));
        finding((d.start, d.end), "date".into(), format!("dt{}", i + 1), title, d.origin, "timeline")
    }));
    out.extend(a.descriptors.iter().enumerate().map(|(i, d)| {
        let name = actors.get(d.actor.as_str()).copied().unwrap_or(&d.actor);
        let title = format!("{} {name}", tr("How this source names"));
        finding((d.start, d.end), "descriptor".into(), format!("d{}", i + 1), title, d.origin, "names")
    }));
    out.extend(a.citations.iter().filter_map(|c| Some((c.span?, c))).enumerate().map(|(i, (span, c))| {
        let title = format!("{} {}", tr("Cited source:"), c.cited);
        finding(span, "cited".into(), format!("c{}", i + 1), title, c.origin, "sourcing")
    }));
    out.extend(a.notes.iter().filter_map(|n| {
        let (start, end) = n.span?;
        Some(Highlight {
            start,
            end,
            element: "mark",
            class: "note".into(),
            id: format!("note-{}", n.id),
            title: format!("{} {}", tr("Editor's note:"), n.text),
            title_once: true,
            chip: Some((format!("#about-{}", n.id), tr("note"))),
        })
    }));
    // Every highlight covers whole words, so that no cut of one inside
    // another splits a word (`said au</mark><mark>thority`).
    for h in &mut out {
        (h.start, h.end) = crate::text::whole_words(&a.plain, h.start, h.end);
    }
    out.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    out
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::Suggested => "suggested",
        Status::Confirmed => "confirmed",
        Status::Rejected => "rejected",
    }
}

/// The claims × sources matrix: one row per claim, one column per source
/// (headed "outlet: slug"), each cell the passages per stance and whose
/// finding it is, such as `attributes=2:editor;denies=1:machine`, empty
/// when the source does not carry the claim.
/// A CSV file whose cells a spreadsheet will not run: a cell that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return (a formula, to
/// Excel, LibreOffice and Google Sheets) gets a leading `'`, as OWASP
/// advises against formula injection. Seeds are text from the web.
struct SafeCsv(csv::Writer<Vec<u8>>);

impl SafeCsv {
    fn new() -> Self {
        SafeCsv(csv::Writer::from_writer(Vec::new()))
    }

    fn record<I, T>(&mut self, fields: I)
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        let cells: Vec<String> = fields.into_iter().map(|f| neutralise(f.as_ref())).collect();
        // Writing into memory cannot fail.
        let _ = self.0.write_record(&cells);
    }

    fn finish(self) -> Vec<u8> {
        self.0.into_inner().unwrap_or_default()
    }
}

/// One cell, made inert (see `SafeCsv`).
pub fn neutralise(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

fn matrix_csv(cmp: &Comparison) -> Vec<u8> {
    let mut w = SafeCsv::new();
    let mut header = vec!["claim".to_owned(), "label".to_owned()];
    header.extend(cmp.sources.iter().map(|s| format!("{}: {}", s.outlet_name, s.slug)));
    w.record(&header);
    for claim in &cmp.claims {
        let mut row = vec![claim.id.clone(), claim.label.clone()];
        let by_source: BTreeMap<&str, &crate::compare::Cell> =
            claim.cells.iter().map(|c| (c.source.as_str(), c)).collect();
        row.extend(cmp.sources.iter().map(|s| {
            by_source.get(s.slug.as_str()).map_or_else(String::new, |c| {
                c.by_stance
                    .iter()
                    .map(|b| {
                        // Who stands behind the cell: the machine's suggestion,
                        // or the editor who confirmed a passage of it.
                        let origin = if b.status == Status::Confirmed { "editor" } else { "machine" };
                        format!("{}={}:{origin}", b.stance.as_str(), b.count)
                    })
                    .collect::<Vec<_>>()
                    .join(";")
            })
        }));
        w.record(&row);
    }
    w.finish()
}

/// The interface strings for the site's language, from the theme's
/// `i18n/<language>.toml`; English is the identity.
fn interface_strings(input: &Inputs) -> Result<Arc<std::collections::HashMap<String, String>>, Vec<Diagnostic>> {
    let language = input.config.site.language();
    if language == "en" {
        return Ok(Arc::default());
    }
    let file = format!("themes/{}/i18n/{language}.toml", input.theme_name);
    let Some((_, text)) = input.theme.i18n.iter().find(|(l, _)| l == language) else {
        let mut available: Vec<&str> = input.theme.i18n.iter().map(|(l, _)| l.as_str()).collect();
        available.insert(0, "en");
        return Err(vec![Diagnostic::error(
            crate::config::FILE_NAME,
            format!("no interface strings for language `{language}` in the theme"),
        )
        .with_hint(format!("set site.language to one of {}, or add {file}", available.join(", ")))]);
    };
    toml::from_str(text)
        .map(Arc::new)
        .map_err(|e| vec![crate::config::toml_error(text, std::path::Path::new(&file), &e)])
}

/// `english` in `language`, from the built-in theme's strings: for the
/// words code writes into data (an unknown outlet's name, "unnamed
/// sources"), which no template translates.
pub fn builtin_word(language: &str, english: &str) -> String {
    static FR: std::sync::OnceLock<std::collections::HashMap<String, String>> = std::sync::OnceLock::new();
    let table = match language {
        "fr" => {
            FR.get_or_init(|| toml::from_str(include_str!("../../themes/default/i18n/fr.toml")).unwrap_or_default())
        }
        _ => return english.to_owned(),
    };
    table.get(english).cloned().unwrap_or_else(|| english.to_owned())
}

/// `shorten(length=N)`: at most N characters, cut at a word boundary, with an
/// ellipsis. Tera's `truncate` walks grapheme clusters, which showed up as a
/// tenth of the build time at ten thousand sources.
fn shorten(value: &tera::Value, args: &std::collections::HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    let text = value.as_str().ok_or_else(|| tera::Error::msg("shorten expects a string"))?;
    let length = args.get("length").and_then(tera::Value::as_u64).unwrap_or(80) as usize;
    Ok(tera::Value::String(shorten_str(text, length)))
}

pub fn shorten_str(text: &str, length: usize) -> String {
    match text.char_indices().nth(length) {
        None => text.to_owned(),
        Some((cut, _)) => {
            let head = &text[..cut];
            // At a word boundary: the last space, else the head whole when
            // the cut falls between words, else before the cut word.
            let inside = text[cut..].chars().next().is_some_and(crate::text::is_word_char)
                && head.chars().next_back().is_some_and(crate::text::is_word_char);
            let head = match head.rfind(char::is_whitespace) {
                Some(i) if inside => &head[..i],
                _ => head,
            };
            format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
        }
    }
}

fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// Escapes text for HTML content and quoted attributes, appending to `out`.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// Every quote: source, anchor, speaker, text.
fn quotes_csv(pages: &[&Annotated], config: &Config) -> Vec<u8> {
    let mut w = SafeCsv::new();
    w.record(["source", "outlet", "anchor", "speaker", "speaker_name", "origin", "text"]);
    for a in pages {
        for q in &a.quotes {
            let name = q.speaker.as_deref().and_then(|s| a.actor_name(s, config)).unwrap_or("");
            let origin = match q.origin {
                crate::annotate::Origin::Machine => "machine",
                crate::annotate::Origin::Editor => "editor",
            };
            w.record([
                a.page.slug.as_str(),
                a.page.front.outlet.get_ref(),
                &q.id,
                q.speaker.as_deref().unwrap_or(""),
                name,
                origin,
                &q.text,
            ]);
        }
    }
    w.finish()
}

/// Every figure: what kind of count it is, the claim it is about, source,
/// anchor, wording, the bounds it states (empty where it states none).
fn figures_csv(cmp: &Comparison) -> Vec<u8> {
    let mut w = SafeCsv::new();
    w.record(["kind", "claim", "source", "anchor", "text", "low", "high", "approximate", "vague", "counts", "origin"]);
    let bound = |b: Option<f64>| b.map(|v| v.to_string()).unwrap_or_default();
    for g in &cmp.figures {
        for e in &g.entries {
            w.record([
                g.label.as_str(),
                e.claim.as_deref().unwrap_or(""),
                &e.source,
                &e.anchor,
                &e.text,
                &bound(e.low),
                &bound(e.high),
                if e.approximate { "yes" } else { "no" },
                if e.vague { "yes" } else { "no" },
                &e.counts,
                match e.origin {
                    crate::annotate::Origin::Machine => "machine",
                    crate::annotate::Origin::Editor => "editor",
                },
            ]);
        }
    }
    w.finish()
}

fn template_error(file: &str, e: &tera::Error) -> Diagnostic {
    let mut chain = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        chain.push(s.to_string());
        source = s.source();
    }
    let hint = if file.ends_with("(built-in theme)") {
        "the built-in theme failed: if themes/ overrides a template it includes or extends (base.html, \
         macros.html), check that one; otherwise this is a fault in parallax, please report it"
    } else {
        "fix the template, or remove it from the theme folder to use the built-in one"
    };
    Diagnostic::error(file, format!("template error: {}", chain.join(": "))).with_hint(hint)
}

fn origin_class(origin: Origin) -> &'static str {
    match origin {
        Origin::Machine => "machine",
        Origin::Editor => "editor",
    }
}

/// How a finding's tooltip says who made it.
fn by(origin: Origin) -> &'static str {
    match origin {
        // The dotted style says it, as the page's legend explains; the
        // suffix on every finding was repetition.
        Origin::Machine => "",
        Origin::Editor => " (set by the editor)",
    }
}

/// The ✎ after a finding the editor set, linking to its report section.
fn editor_chip(origin: Origin, root: &str, section: &str) -> Option<(String, String)> {
    (origin == Origin::Editor).then(|| (format!("{root}report/#{section}"), "✎".to_owned()))
}

/// A URL fragment that makes the browser scroll to and highlight `text` in
/// the page (`#:~:text=`, the WICG text fragments that Chromium, Safari and
/// Firefox follow); for passages with no anchor of their own. A long passage
/// is given by its first and last words.
fn text_fragment(value: &tera::Value, _: &std::collections::HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
    let text = value.as_str().ok_or_else(|| tera::Error::msg("text_fragment expects a string"))?;
    Ok(tera::Value::String(text_fragment_of(text)))
}

pub fn text_fragment_of(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    // Everything but letters and digits: `-`, `,` and `&` are syntax there.
    let encode = |words: &[&str]| {
        percent_encoding::utf8_percent_encode(&words.join(" "), percent_encoding::NON_ALPHANUMERIC).to_string()
    };
    if words.len() <= 8 {
        format!(":~:text={}", encode(&words))
    } else {
        format!(":~:text={},{}", encode(&words[..4]), encode(&words[words.len() - 4..]))
    }
}

#[cfg(test)]
mod tests {
    use super::text_fragment_of;

    #[test]
    fn text_fragments_encode_and_shorten() {
        assert_eq!(text_fragment_of("état-major, Nord"), ":~:text=%C3%A9tat%2Dmajor%2C%20Nord");
        assert_eq!(
            text_fragment_of("one two three four five six seven eight nine ten"),
            ":~:text=one%20two%20three%20four,seven%20eight%20nine%20ten"
        );
        assert_eq!(text_fragment_of("  spaced\n out  "), ":~:text=spaced%20out");
    }
}
