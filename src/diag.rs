//! Diagnostics: problems in user input, reported as data.
//!
//! Pure stages return diagnostics instead of failing early, so one run reports
//! every problem. This module formats them like a compiler does; it never
//! decides what is an error (the stages do).

use serde::Serialize;
use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl Position {
    /// The position of byte `offset` in `text`; offsets past the end clamp to it.
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let offset = floor_boundary(text, offset);
        let before = &text[..offset];
        // A byte count, not a char search: pages can be megabytes long and
        // carry many diagnostics.
        let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = text[line_start..offset].chars().count() + 1;
        Position { line, col }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, relative to the site root where possible.
    pub file: PathBuf,
    pub position: Option<Position>,
    pub message: String,
    /// The offending source line, shown under the message with a caret; a
    /// long line is cut to a window around the column, marked with `…`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_line: Option<String>,
    /// The caret's column in `source_line` (1-based, in characters), which
    /// differs from the position's column when the line was cut.
    #[serde(skip)]
    pub caret: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            position: None,
            message: message.into(),
            source_line: None,
            caret: 0,
            hint: None,
        }
    }

    pub fn warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(file, message) }
    }

    /// Points the diagnostic at byte `offset` of `text` (the file's contents).
    pub fn at(mut self, text: &str, offset: usize) -> Self {
        let offset = floor_boundary(text, offset);
        let pos = Position::of_offset(text, offset);
        let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let (line, caret) = excerpt(text[start..end].trim_end_matches('\r'), pos.col);
        self.source_line = Some(line);
        self.caret = caret;
        self.position = Some(pos);
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{label}: {}", self.message)?;
        match self.position {
            Some(p) => writeln!(f, "  --> {}:{}:{}", self.file.display(), p.line, p.col)?,
            None => writeln!(f, "  --> {}", self.file.display())?,
        }
        if let (Some(line), Some(p)) = (&self.source_line, self.position) {
            let gutter = p.line.to_string();
            let pad = " ".repeat(gutter.len());
            writeln!(f, "{pad} |")?;
            writeln!(f, "{gutter} | {line}")?;
            let caret = if self.caret == 0 { p.col } else { self.caret };
            writeln!(f, "{pad} | {}^", " ".repeat(caret - 1))?;
        }
        if let Some(hint) = &self.hint {
            writeln!(f, "  = hint: {hint}")?;
        }
        Ok(())
    }
}

impl Diagnostic {
    /// The diagnostic as `Display` writes it, with colours (ANSI): the
    /// severity in red or yellow, the location and gutter in blue, the hint
    /// in cyan. Print it through `anstream`, which drops the colours when
    /// the output is not a terminal, `NO_COLOR` is set or `--color never`.
    pub fn styled(&self) -> String {
        use anstyle::{AnsiColor, Style};
        let paint = |style: Style, text: &str| format!("{}{text}{}", style.render(), style.render_reset());
        let (label, colour) = match self.severity {
            Severity::Error => ("error", AnsiColor::Red),
            Severity::Warning => ("warning", AnsiColor::Yellow),
        };
        let strong = Style::new().fg_color(Some(colour.into())).bold();
        let blue = Style::new().fg_color(Some(AnsiColor::Blue.into())).bold();
        let bold = Style::new().bold();
        let mut out = format!("{}{}\n", paint(strong, label), paint(bold, &format!(": {}", self.message)));
        let place = match self.position {
            Some(p) => format!("{}:{}:{}", self.file.display(), p.line, p.col),
            None => self.file.display().to_string(),
        };
        out.push_str(&format!("  {} {place}\n", paint(blue, "-->")));
        if let (Some(line), Some(p)) = (&self.source_line, self.position) {
            let gutter = p.line.to_string();
            let pad = " ".repeat(gutter.len());
            let caret = if self.caret == 0 { p.col } else { self.caret };
            out.push_str(&format!("{}\n", paint(blue, &format!("{pad} |"))));
            out.push_str(&format!("{} {line}\n", paint(blue, &format!("{gutter} |"))));
            out.push_str(&format!(
                "{} {}{}\n",
                paint(blue, &format!("{pad} |")),
                " ".repeat(caret - 1),
                paint(strong, "^")
            ));
        }
        if let Some(hint) = &self.hint {
            let cyan = Style::new().fg_color(Some(AnsiColor::Cyan.into())).bold();
            out.push_str(&format!("  {} {hint}\n", paint(cyan, "= hint:")));
        }
        out
    }
}

/// Characters of a source line shown on each side of the column.
const EXCERPT_SIDE: usize = 60;

/// The part of `line` shown under a diagnostic: all of it when short, else
/// a window around column `col`, each cut marked with `…`. Returns the
/// excerpt and the column's place in it.
fn excerpt(line: &str, col: usize) -> (String, usize) {
    let chars = line.chars().count();
    if chars <= 2 * EXCERPT_SIDE + 20 {
        return (line.to_owned(), col);
    }
    let from = col.saturating_sub(EXCERPT_SIDE + 1);
    let to = (col + EXCERPT_SIDE).min(chars);
    let mut out: String = line.chars().skip(from).take(to - from).collect();
    let mut caret = col - from;
    if from > 0 {
        out.insert(0, '…');
        caret += 1;
    }
    if to < chars {
        out.push('…');
    }
    (out, caret)
}

fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Sorts diagnostics by file and position so output is stable across runs.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (&a.file, a.position, a.severity, &a.message).cmp(&(&b.file, b.position, b.severity, &b.message))
    });
}

/// Diagnostics as one JSON document: counts, then each with its position.
pub fn to_json(diags: &[Diagnostic]) -> String {
    let items: Vec<serde_json::Value> = diags
        .iter()
        .map(|d| {
            serde_json::json!({
                "severity": d.severity,
                "file": d.file.to_string_lossy().replace('\\', "/"),
                "line": d.position.map(|p| p.line),
                "column": d.position.map(|p| p.col),
                "message": d.message,
                "hint": d.hint,
                "source_line": d.source_line,
            })
        })
        .collect();
    let errors = diags.iter().filter(|d| d.is_error()).count();
    serde_json::json!({ "errors": errors, "warnings": diags.len() - errors, "diagnostics": items }).to_string()
}

pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(Diagnostic::is_error)
}

/// `path` relative to `root` when it lies inside it, for shorter messages.
pub fn rel(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// The closest candidate to `word`, for "did you mean" hints.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(word, c), *c))
        .filter(|(d, c)| *d <= (c.chars().count().max(3) / 3).max(2))
        .min()
        .map(|(_, c)| c)
        .or_else(|| {
            // Another form of the same word: "deny" for "denies", "assert"
            // for "asserts".
            let shared = |c: &str| word.chars().zip(c.chars()).take_while(|(a, b)| a == b).count();
            let need = word.chars().count().saturating_sub(1).max(3);
            candidates.iter().filter(|c| shared(c) >= need).max_by_key(|c| shared(c)).copied()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let text = "ab\néé x\n";
        assert_eq!(Position::of_offset(text, 0), Position { line: 1, col: 1 });
        let x = text.find('x').unwrap();
        assert_eq!(Position::of_offset(text, x), Position { line: 2, col: 4 });
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let d = Diagnostic::error("f", "m").at(&line, 500);
        let shown = d.source_line.as_deref().unwrap();
        assert!(shown.chars().count() < 130, "{shown}");
        assert_eq!(shown.chars().nth(d.caret - 1), Some('X'));
        assert_eq!(d.position.unwrap().col, 501);
    }

    #[test]
    fn suggests_close_ids() {
        let ids = ["kremlin-denial", "march-deployment"];
        assert_eq!(did_you_mean("kremlin-denail", ids), Some("kremlin-denial"));
        assert_eq!(did_you_mean("zzz", ids), None);
        let stances = ["asserts", "attributes", "denies"];
        assert_eq!(did_you_mean("deny", stances), Some("denies"));
        assert_eq!(did_you_mean("assert", stances), Some("asserts"));
        assert_eq!(did_you_mean("attribute", stances), Some("attributes"));
        assert_eq!(did_you_mean("maybe", stances), None);
    }
}
