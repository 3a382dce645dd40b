//! Integration tests: build fixture sites in temporary folders and check the
//! output and the diagnostics, as a user would see them.

mod analysis;
mod annotations;
mod bad_input;
mod browser;
mod cli;
mod coverage;
mod crash;
mod example;
mod extraction;
mod findings;
mod fuzz_regressions;
mod hostile;
mod keys;
mod own_material;
mod pages;
mod publishing;
mod robustness;
mod schema;
mod serve;
mod support;
mod validators;
mod wording;
