//! `report.json`'s top level and its JSON Schema, `report.schema.json`,
//! written next to it in every site.
//!
//! The schema is generated from the structs that serialise the report
//! (`schemars` reads their serde attributes and doc comments), so the two
//! cannot disagree: the doc comments of every field reachable from
//! [`Report`] are the data's documentation, written for the analysts who
//! read the file.

use super::SiteContext;
use crate::compare::Comparison;
use schemars::generate::SchemaSettings;
use schemars::JsonSchema;
use serde::Serialize;

/// The version of `report.json`'s layout, in its `version` field.
///
/// Any change that removes or renames a field, changes a field's type or
/// changes what a field means bumps it; adding a field does not, so a
/// reader should ignore fields it does not know.
///
/// 2: `claims[].cells[].passages[].sentence` removed (it repeated
/// `before` + `text` + `after`).
pub const REPORT_VERSION: u32 = 2;

/// The name of the schema file, beside `report.json`, and its `$id`.
pub const SCHEMA_FILE: &str = "report.schema.json";

/// The comparison of how outlets cover one event, as data: every source,
/// outlet and claim of the briefing and every finding the report shows,
/// each finding naming its source (a slug, see `comparison.sources[].slug`)
/// and the anchor of its passage in the source's page
/// (`sources/<slug>/#<anchor>` on the site). Lists are in a fixed order;
/// the same briefing always gives the same file.
#[derive(Serialize, JsonSchema)]
pub(super) struct Report<'a> {
    /// The JSON Schema this file follows: always `report.schema.json`, the
    /// file next to `report.json` in the site.
    #[serde(rename = "$schema")]
    #[schemars(extend("const" = SCHEMA_FILE))]
    schema: &'static str,
    /// The version of this file's layout (currently 1). It changes when a
    /// field is removed or renamed, or its type or meaning changes; new
    /// fields can appear without a change of version.
    #[schemars(extend("const" = REPORT_VERSION))]
    version: u32,
    /// The program that wrote the file: always `parallax`.
    #[schemars(extend("const" = "parallax"))]
    generator: &'static str,
    /// The briefing's own settings, from the `[site]` table of its
    /// `config.toml`.
    site: Site<'a>,
    /// Everything the comparison found, section by section.
    comparison: &'a Comparison,
}

/// The briefing's title, description and interface language.
#[derive(Serialize, JsonSchema)]
struct Site<'a> {
    /// The briefing's title (`[site] title`).
    title: &'a str,
    /// The briefing's description (`[site] description`); empty when the
    /// config gives none.
    description: &'a str,
    /// The language of the site's interface (`[site] language`), a language
    /// code such as `en` or `fr`; `en` unless set.
    language: &'a str,
}

impl<'a> Report<'a> {
    pub(super) fn new(site: &'a SiteContext<'a>, comparison: &'a Comparison) -> Self {
        Report {
            schema: SCHEMA_FILE,
            version: REPORT_VERSION,
            generator: "parallax",
            // The report's own copy: what the templates' SiteContext gains
            // stays out of report.json until it is added here, documented.
            site: Site { title: site.title, description: site.description, language: site.language },
            comparison,
        }
    }
}

/// `report.schema.json`: the JSON Schema (draft 2020-12) of `report.json`,
/// pretty-printed, every field and value described. The same for every
/// build: it depends on this version of parallax only.
pub fn report_schema() -> Vec<u8> {
    let generator = SchemaSettings::draft2020_12().for_serialize().into_generator();
    let mut schema = serde_json::to_value(generator.into_root_schema_for::<Report>()).expect("a schema is JSON");
    let root = schema.as_object_mut().expect("the root schema is an object");
    root.insert("$id".into(), SCHEMA_FILE.into());
    root.insert("title".into(), format!("parallax report.json, version {REPORT_VERSION}").into());
    unwrap_descriptions(&mut schema);
    let mut out = serde_json::to_vec_pretty(&schema).expect("a schema serialises");
    out.push(b'\n');
    out
}

/// Joins the lines of every description, which come from doc comments
/// wrapped for the source code, keeping paragraph breaks.
fn unwrap_descriptions(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match v {
                    serde_json::Value::String(text) if key == "description" => *text = unwrap(text),
                    _ => unwrap_descriptions(v),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(unwrap_descriptions),
        _ => {}
    }
}

fn unwrap(text: &str) -> String {
    text.split("\n\n")
        .map(|paragraph| paragraph.lines().map(str::trim).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_is_the_same_every_time_and_says_what_it_is() {
        let schema = report_schema();
        assert_eq!(schema, report_schema());
        let json: serde_json::Value = serde_json::from_slice(&schema).unwrap();
        assert_eq!(json["$id"], SCHEMA_FILE);
        assert_eq!(json["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert!(json["description"].as_str().is_some_and(|d| !d.is_empty()));
        assert_eq!(json["properties"]["version"]["const"], REPORT_VERSION);
    }

    #[test]
    fn wrapped_lines_are_joined_and_paragraphs_kept() {
        assert_eq!(
            unwrap("One line\nwrapped here.\n\nA second\nparagraph."),
            "One line wrapped here.\n\nA second paragraph."
        );
    }
}
