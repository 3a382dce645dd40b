//! `report.json` and its JSON Schema, `report.schema.json`: the file
//! carries its version and names its schema, it follows the schema, and the
//! schema describes every field for the analysts who read the data.

use crate::support::{page, Site};
use parallax::render::schema::{page_definitions, report_schema, REPORT_VERSION};
use serde_json::Value;

/// Three sources of two outlets (one unidentified) sharing a sentence and a
/// quotation, with claim tags of each stance, dates, figures, citations and
/// descriptions, some of them marked by the editor.
fn briefing() -> Site {
    let site = Site::new();
    let shared = "The space agency confirmed on Tuesday that the lunar surface is made of cheese.";
    site.write(
        "content/sources/planet-first.md",
        format!(
            "+++\ntitle = \"Cheese found\"\noutlet = \"daily-planet\"\ndate = 2019-06-04\nurl = \"https://example.com/a\"\n+++\n\n\
             {} «We found cheese on every rock we touched», said Neil Armstrong.\n\n\
             [About 100 soldiers](figure:moon-cheese) landed [on Tuesday](date:2019-06-04), \
             [according to NASA](source:nasa). [The astronaut Neil Armstrong](describes:armstrong \"astronaut\") walked.\n",
            shared.replace("made of cheese", "[made of cheese](claim:moon-cheese \"asserts\")")
        ),
    );
    site.write(
        "content/sources/planet-second.md",
        format!(
            "+++\ntitle = \"More cheese\"\noutlet = \"daily-planet\"\ndate = 2019-09-20T08:00:00+02:00\n+++\n\n\
             {shared} NASA denies the cheese report, according to a source close to the agency. \
             About 3,000 people watched on 4 June.\n"
        ),
    );
    site.write(
        "content/sources/unknown-paper.md",
        page(
            "unknown",
            &format!(
                "{shared} «We found cheese on every rock we touched», Armstrong told reporters. \
                 [The moon is not made of cheese](claim:moon-cheese \"denies\"), the paper wrote."
            ),
        ),
    );
    site
}

/// The schema with every object closed (`additionalProperties: false`), so
/// that a field the schema does not describe fails validation.
fn closed(schema: &Value) -> Value {
    let mut schema = schema.clone();
    fn close(v: &mut Value) {
        match v {
            Value::Object(map) => {
                if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                    map.insert("additionalProperties".into(), Value::Bool(false));
                }
                map.values_mut().for_each(close);
            }
            Value::Array(items) => items.iter_mut().for_each(close),
            _ => {}
        }
    }
    close(&mut schema);
    schema
}

/// Where `report` breaks `schema` (draft 2020-12), one line an error.
fn errors(schema: &Value, report: &Value) -> Vec<String> {
    let validator = jsonschema::draft202012::new(schema).expect("the schema compiles");
    validator
        .iter_errors(report)
        .take(20)
        .map(|e| format!("{} ({}): {e}", e.instance_path(), e.schema_path()))
        .collect()
}

/// The schema of one section file: the definition `name` of `schema`, with
/// the definitions it refers to.
fn page_schema(schema: &Value, name: &str) -> Value {
    serde_json::json!({
        "$schema": schema["$schema"],
        "$ref": format!("#/$defs/{name}"),
        "$defs": schema["$defs"],
    })
}

/// Validates the built site's report.json against the report.schema.json
/// next to it, and every section file against the schema's definition of
/// its page, each against the schema as shipped and the same schema closed;
/// panics naming each error.
fn assert_follows_its_schema(site: &Site, what: &str) {
    let schema: Value = serde_json::from_str(&site.read("public/report.schema.json")).unwrap();
    let report: Value = serde_json::from_str(&site.read("public/report.json")).unwrap();
    if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
        panic!("report.schema.json is not a valid draft 2020-12 schema: {e}");
    }
    for (schema, how) in [(schema.clone(), "the schema"), (closed(&schema), "the schema, objects closed")] {
        let found = errors(&schema, &report);
        assert!(found.is_empty(), "{what}: report.json does not follow {how}:\n  {}", found.join("\n  "));
        for (section, definition) in page_definitions() {
            let page_schema = page_schema(&schema, &definition);
            let pages = report["sections"][section]["pages"].as_array().unwrap();
            assert!(!pages.is_empty(), "{what}: section {section} has no file");
            for path in pages {
                let path = path.as_str().unwrap();
                let page: Value = serde_json::from_str(&site.read(&format!("public/{path}"))).unwrap();
                let found = errors(&page_schema, &page);
                assert!(
                    found.is_empty(),
                    "{what}: {path} does not follow {how} ({definition}):\n  {}",
                    found.join("\n  ")
                );
            }
        }
    }
}

#[test]
fn report_json_follows_its_shipped_schema() {
    let example = Site::example();
    example.build_ok();
    assert_follows_its_schema(&example, "the example briefing");
    assert_eq!(example.read("public/report.schema.json").into_bytes(), report_schema(), "the schema as shipped");
    // The validator rejects what the schema does not allow: another version,
    // a figure's bound that is not a number, a field it does not describe.
    let schema: Value = serde_json::from_slice(&report_schema()).unwrap();
    let mut wrong: Value = serde_json::from_str(&example.read("public/report.json")).unwrap();
    wrong["version"] = (parallax::render::schema::REPORT_VERSION + 1).into();
    wrong["sections"]["sources"]["colour"] = "red".into();
    let open: Vec<String> = errors(&schema, &wrong);
    assert!(open.iter().any(|e| e.starts_with("/version ")), "{open:?}");
    let strict = errors(&closed(&schema), &wrong);
    assert!(strict.iter().any(|e| e.starts_with("/sections/sources ") && e.contains("colour")), "{strict:?}");
    let mut figures: Value = serde_json::from_str(&example.read("public/report/data/figures-1.json")).unwrap();
    figures["items"][0]["entries"][0]["low"] = "about 100".into();
    figures["items"][0]["colour"] = "red".into();
    let page = page_schema(&schema, "FigureGroupPage");
    let open = errors(&page, &figures);
    assert!(open.iter().any(|e| e.starts_with("/items/0/entries/0/low ")), "{open:?}");
    let strict = errors(&closed(&page), &figures);
    assert!(strict.iter().any(|e| e.starts_with("/items/0 ") && e.contains("colour")), "{strict:?}");

    let site = briefing();
    site.build_ok();
    assert_follows_its_schema(&site, "the fixture briefing");
    // The fixture reaches what the example does not: the editor's findings,
    // a date with a time, a blindspot, a shared passage.
    let cmp = site.comparison();
    let json = cmp.to_string();
    assert!(json.contains("\"origin\":\"editor\""), "{json}");
    assert!(!cmp["shared_passages"].as_array().unwrap().is_empty(), "{json}");
    assert!(!cmp["blindspots"].as_array().unwrap().is_empty(), "{json}");
    assert!(cmp["sources"].as_array().unwrap().iter().any(|s| s["date"] == "2019-09-20T08:00:00+02:00"), "{json}");

    // Excerpts: the shared passages are cut to the published excerpts.
    let config = site.read("config.toml").replace("language = \"en\"", "language = \"en\"\npublish = \"excerpts\"");
    site.write("config.toml", config);
    site.build_ok();
    assert_follows_its_schema(&site, "the fixture briefing published as excerpts");
}

#[test]
fn report_json_carries_its_version_and_schema() {
    let site = briefing();
    site.build_ok();
    let text = site.read("public/report.json");
    assert!(text.starts_with(&format!("{{\"$schema\":\"report.schema.json\",\"version\":{REPORT_VERSION},")), "{text}");
    let report: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(report["version"], REPORT_VERSION);
    assert_eq!(report["$schema"], "report.schema.json");
    assert!(site.exists("public/report.schema.json"), "the schema is shipped next to report.json");
    let schema: Value = serde_json::from_str(&site.read("public/report.schema.json")).unwrap();
    assert_eq!(schema["$id"], "report.schema.json");
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["properties"]["version"]["const"], REPORT_VERSION);
    assert!(schema["title"].as_str().is_some_and(|t| !t.is_empty()));
}

/// Everything in the schema that should say what it is and does not: each
/// property of each object, each definition, each value of an enumeration
/// (described on its own, or named in backquotes in the description of its
/// list of values).
fn undocumented(schema: &Value, at: &str, out: &mut Vec<String>) {
    let described = |v: &Value| v["description"].as_str().is_some_and(|d| !d.trim().is_empty());
    match schema {
        Value::Object(map) => {
            let description = map.get("description").and_then(Value::as_str).unwrap_or("");
            for value in map.get("enum").and_then(Value::as_array).into_iter().flatten() {
                let named = value.as_str().is_some_and(|v| description.contains(&format!("`{v}`")));
                if !named {
                    out.push(format!("{at}: the value {value}"));
                }
            }
            if let Some(Value::Object(properties)) = map.get("properties") {
                for (name, property) in properties {
                    if !described(property) {
                        out.push(format!("{at}/properties/{name}"));
                    }
                }
            }
            if let Some(Value::Object(defs)) = map.get("$defs") {
                for (name, def) in defs {
                    if !described(def) {
                        out.push(format!("{at}/$defs/{name}"));
                    }
                }
            }
            for key in ["oneOf", "anyOf"] {
                for variant in map.get(key).and_then(Value::as_array).into_iter().flatten() {
                    if let Some(value) = variant.get("const").filter(|_| !described(variant)) {
                        out.push(format!("{at}/{key}: the value {value}"));
                    }
                }
            }
            for (key, value) in map {
                undocumented(value, &format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                undocumented(item, &format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn every_field_of_the_schema_is_documented() {
    let schema: Value = serde_json::from_slice(&report_schema()).unwrap();
    let mut missing = Vec::new();
    undocumented(&schema, "#", &mut missing);
    assert!(missing.is_empty(), "described nowhere in report.schema.json:\n  {}", missing.join("\n  "));
    // The walk does find what is missing.
    let mut stripped = schema.clone();
    stripped["$defs"]["Source"]["properties"]["far"].as_object_mut().unwrap().remove("description");
    stripped["$defs"]["Stance"]["oneOf"][0].as_object_mut().unwrap().remove("description");
    let mut found = Vec::new();
    undocumented(&stripped, "#", &mut found);
    assert_eq!(found, ["#/$defs/Source/properties/far", "#/$defs/Stance/oneOf: the value \"asserts\""]);
    // Every definition is reached from report.json or a section's page:
    // none is left over, and every section has its page's definition.
    let text = schema.to_string();
    let pages: Vec<String> = page_definitions().into_iter().map(|(_, d)| d).collect();
    for name in schema["$defs"].as_object().unwrap().keys() {
        let used = pages.contains(name) || text.contains(&format!("\"#/$defs/{name}\""));
        assert!(used, "{name} is defined but never used");
    }
    for (section, definition) in page_definitions() {
        assert!(schema["$defs"][&definition].is_object(), "{section}: no definition {definition}");
        assert!(schema["$defs"]["Sections"]["properties"][section].is_object(), "{section} is not in the index");
    }
}
