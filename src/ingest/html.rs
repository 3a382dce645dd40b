//! Saved web pages -> `Article`. (Being written.)

use super::clean::Article;

pub fn read(_html: &str, _chrome: &[String]) -> Article {
    Article::default()
}

pub fn url(_html: &str) -> Option<String> {
    None
}
