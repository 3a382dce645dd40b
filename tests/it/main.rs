//! Integration tests: build fixture sites in temporary folders and check the
//! output and the diagnostics, as a user would see them.

mod analysis;
mod annotations;
mod bad_input;
mod browser;
mod example;
mod fuzz_regressions;
mod robustness;
mod serve;
mod support;
