//! The outlet registry shipped with parallax: `data/outlets.toml`, compiled
//! into the binary, with wires and major outlets of many countries, each
//! fact with its public source.
//!
//! `config.toml` extends it: an `[outlets.<id>]` of the config with an id
//! the registry has is merged over the registry's entry key by key (tables
//! merge, other values replace), and new ids add outlets. This module only
//! parses and merges; matching pages to outlets is `ingest`'s.

use std::collections::BTreeMap;
use std::sync::OnceLock;
use toml::Table;

const REGISTRY: &str = include_str!("../data/outlets.toml");

/// The registry's outlets as TOML tables, by id, parsed once.
pub fn tables() -> &'static BTreeMap<String, Table> {
    static TABLES: OnceLock<BTreeMap<String, Table>> = OnceLock::new();
    TABLES.get_or_init(|| {
        // A malformed registry is a build-time mistake of parallax itself;
        // the test below keeps it from ever shipping.
        let mut doc: Table = toml::from_str(REGISTRY).unwrap_or_default();
        let outlets = match doc.remove("outlets") {
            Some(toml::Value::Table(t)) => t,
            _ => Table::new(),
        };
        outlets
            .into_iter()
            .filter_map(|(id, v)| match v {
                toml::Value::Table(t) => Some((id, t)),
                _ => None,
            })
            .collect()
    })
}

/// `over` merged onto `base`: tables merge recursively, anything else in
/// `over` replaces what `base` has.
pub fn merge(mut base: Table, over: &Table) -> Table {
    for (key, value) in over {
        match (base.get_mut(key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => {
                let merged = merge(std::mem::take(b), o);
                *b = merged;
            }
            _ => {
                base.insert(key.clone(), value.clone());
            }
        }
    }
    base
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Outlet;

    #[test]
    fn every_registry_entry_is_a_valid_sourced_outlet() {
        let doc: Table = toml::from_str(REGISTRY).expect("data/outlets.toml parses");
        let n = doc["outlets"].as_table().unwrap().len();
        assert_eq!(tables().len(), n);
        assert!(n >= 100, "{n} outlets");
        let mut hosts = BTreeMap::new();
        let mut countries = std::collections::BTreeSet::new();
        for (id, table) in tables() {
            assert!(crate::config::is_id(id), "{id}");
            let outlet: Outlet = table.clone().try_into().unwrap_or_else(|e| panic!("{id}: {e}"));
            assert!(!outlet.signatures.hosts.is_empty(), "{id} has no host");
            for fact in ["owner", "funding", "country"] {
                let value = table.get(fact).and_then(|v| v.as_str()).unwrap_or("unknown");
                let cited = outlet.cite.contains_key(fact);
                assert!(value == "unknown" || cited, "{id}: {fact} has no source");
            }
            for note in &outlet.notes {
                assert!(!note.sources.is_empty(), "{id}: a note without sources");
            }
            for host in &outlet.signatures.hosts {
                assert!(hosts.insert(host.clone(), id.clone()).is_none(), "host {host} listed twice");
            }
            countries.insert(outlet.country.clone());
        }
        assert!(countries.len() >= 15, "{} countries", countries.len());
    }

    #[test]
    fn config_entries_merge_over_the_registry() {
        let base: Table =
            toml::from_str("name = \"A\"\ncountry = \"X\"\n[signatures]\nhosts = [\"a.example\"]\n").unwrap();
        let over: Table = toml::from_str("country = \"Y\"\n[signatures]\ntext = [\"A staff\"]\n").unwrap();
        let merged = merge(base, &over);
        assert_eq!(merged["country"].as_str(), Some("Y"));
        assert_eq!(merged["name"].as_str(), Some("A"));
        assert_eq!(merged["signatures"]["hosts"].as_array().unwrap().len(), 1);
        assert_eq!(merged["signatures"]["text"].as_array().unwrap().len(), 1);
    }
}
