//! A tiny .wast end to end: commands.json, artifacts, deduplication,
//! rejection checks, compile errors, index.json.

use std::fs;
use std::os::unix::fs::MetadataExt as _;
use std::path::{Path, PathBuf};

use nsw_precompiler::{EngineSettings, Profile, Target};
use nsw_spec_convert::convert_all;
use nsw_spec_convert::list::SuiteFile;
use serde_json::{Value, json};

const TINY: &str = r#"
(module $M (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
(register "m" $M)
(assert_return (invoke "add" (i32.const 1) (i32.const 2)) (i32.const 3))
(assert_trap (invoke "add" (i32.const 1) (i32.const 2)) "unreachable")
(assert_invalid (module (func (result i32))) "type mismatch")
(assert_malformed (module quote "(func (i32.const))") "unexpected token")
(assert_invalid (module (memory 1) (memory 1)) "multiple memories")
(module quote "(func (i32.const)")
(assert_unlinkable (module (import "m" "nope" (func))) "unknown import")
(assert_trap (module (func $s unreachable) (start $s)) "unreachable")
(module $M (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
(module definition $D (func))
(module instance $I $D)
(component)
"#;

fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nsw-spec-convert-test-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

fn combos() -> Vec<EngineSettings> {
    let host = Target::host().expect("tests run on x86_64 or aarch64");
    vec![
        EngineSettings { profile: Profile::Native, target: host, fuel: false, epoch: false },
        EngineSettings { profile: Profile::Pulley, target: Target::Pulley64, fuel: false, epoch: false },
    ]
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

#[test]
fn tiny_wast_end_to_end() {
    let out = out_dir("tiny");
    let files = [SuiteFile { path: "wasm-v1/tiny.wast".into(), contents: TINY }];
    let summary = convert_all(&files, &out, &combos(), 2).expect("conversion succeeds");

    let dir = out.join("wasm-v1/tiny");
    let doc = read_json(&dir.join("commands.json"));
    assert_eq!(doc["source"], "wasm-v1/tiny.wast");
    let commands = doc["commands"].as_array().unwrap();
    let types: Vec<&str> = commands.iter().map(|c| c["type"].as_str().unwrap()).collect();
    assert_eq!(
        types,
        [
            "module", "register", "assert_return", "assert_trap", "assert_invalid", "assert_malformed", "skip",
            "module", "assert_unlinkable", "assert_trap", "module", "module", "module_instance", "skip"
        ]
    );
    assert_eq!(commands[0], json!({"type": "module", "line": 2, "module": 0, "name": "$M", "definition": false}));
    assert_eq!(commands[1], json!({"type": "register", "line": 3, "as": "m", "name": "$M"}));
    assert_eq!(commands[4]["outcome"], "rejected");
    assert!(commands[4]["error"].as_str().unwrap().contains("type mismatch"), "{}", commands[4]);
    assert_eq!(commands[5]["outcome"], "rejected");
    assert!(commands[5]["error"].as_str().unwrap().starts_with("text: "), "{}", commands[5]);
    // Multi-memory, which the build enables, makes the wasm-v1 assertion obsolete.
    assert!(commands[6]["reason"].as_str().unwrap().contains("multi-memory"), "{}", commands[6]);
    assert_eq!(commands[6]["command"], "assert_invalid");
    // A module the spec expects to be valid but whose text is broken.
    assert!(commands[7]["compile_error"].as_str().unwrap().contains("does not encode"), "{}", commands[7]);
    assert_eq!(commands[8]["module"], 2);
    assert_eq!(commands[9]["module"], 3);
    assert_eq!(commands[11]["definition"], true);
    assert_eq!(commands[12], json!({"type": "module_instance", "line": 14, "instance": "$I", "module": "$D"}));
    assert_eq!(commands[13]["command"], "module");

    for module in ["0", "2", "3", "4", "5"] {
        for suffix in ["pulley.pulley64", &format!("native.{}", Target::host().unwrap().name())] {
            let artifact = dir.join(format!("{module}.{suffix}.cwasm"));
            assert!(artifact.is_file(), "{} exists", artifact.display());
        }
    }
    assert!(!dir.join("1.pulley.pulley64.cwasm").exists(), "no artifact for the broken module");
    // Both $M modules are the same binary: compiled once, linked twice.
    let ino = |m: &str| fs::metadata(dir.join(format!("{m}.pulley.pulley64.cwasm"))).unwrap().ino();
    assert_eq!(ino("0"), ino("4"));
    assert_ne!(ino("0"), ino("2"));
    let artifact = fs::read(dir.join("0.pulley.pulley64.cwasm")).unwrap();
    let info = nsw_precompiler::describe(&artifact).expect("a valid envelope");
    assert!(info.contains("pulley"), "{info}");

    assert_eq!(summary.modules, 5);
    assert_eq!(summary.unique_modules, 4);
    assert_eq!(summary.compiled, 8);
    assert_eq!(summary.commands["skip"], 2);
    let index = read_json(&out.join("index.json"));
    assert_eq!(index["files"], json!([{"suite": "wasm-v1", "stem": "tiny", "path": "wasm-v1/tiny.wast", "commands": 14}]));
    assert_eq!(index["testsuite"], "0.7.5");
    assert!(!out.join(".objects").exists());

    // A second run replaces its own output.
    convert_all(&files, &out, &combos(), 1).expect("rerun succeeds");
    fs::remove_dir_all(&out).unwrap();
}

#[test]
fn refuses_a_directory_it_did_not_make() {
    let out = out_dir("foreign");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("precious.txt"), "keep").unwrap();
    let files = [SuiteFile { path: "wasm-v1/t.wast".into(), contents: "(module)" }];
    let error = convert_all(&files, &out, &combos(), 1).unwrap_err();
    assert!(error.contains("not made by nsw-wast-convert"), "{error}");
    assert!(out.join("precious.txt").exists());
    fs::remove_dir_all(&out).unwrap();
}

#[test]
fn a_file_that_does_not_parse_names_itself() {
    let out = out_dir("broken");
    let files = [SuiteFile { path: "wasm-v1/broken.wast".into(), contents: "(module" }];
    let error = convert_all(&files, &out, &combos(), 1).unwrap_err();
    assert!(error.contains("wasm-v1/broken.wast"), "{error}");
    let _ = fs::remove_dir_all(&out);
}

/// Every entry of the reversed-assertion table still names an assertion
/// the engine accepts, and becomes a skip.
#[test]
fn reversed_assertions_still_apply() {
    let host = combos().remove(0);
    let compiler = nsw_precompiler::Precompiler::new(host).unwrap();
    let validate = |b: &[u8]| compiler.compile(b).map(drop).map_err(|e| format!("{e:#}"));
    let files = nsw_spec_convert::list::crate_files();
    for (path, line, _) in nsw_spec_convert::superseded::REVERSED {
        let file = files.iter().find(|f| f.path == *path).expect("the file exists");
        let script = nsw_spec_convert::script::convert(path, file.contents, &validate).unwrap();
        let command = script.commands.iter().find(|c| c["line"] == *line).expect("a command on that line");
        assert_eq!(command["type"], "skip", "{path}:{line}: {command}");
        assert!(command["reason"].as_str().unwrap().starts_with("superseded: reversed"), "{command}");
    }
}

/// Artifacts are written sparsely but read back byte for byte as the
/// precompiler makes them.
#[test]
fn artifacts_equal_the_precompilers_output() {
    let out = out_dir("bytes");
    let wat = "(module (memory 1) (data (i32.const 0) \"hi\") (func (export \"f\") (result i32) (i32.const 7)))";
    let files = [SuiteFile { path: "wasm-v2/bytes.wast".into(), contents: wat }];
    let aarch64 = EngineSettings { profile: Profile::Native, target: Target::Aarch64, fuel: false, epoch: false };
    let mut all = combos();
    all.push(aarch64);
    convert_all(&files, &out, &all, 2).unwrap();
    for settings in all {
        let expected = nsw_precompiler::Precompiler::new(settings).unwrap().compile(wat.as_bytes()).unwrap();
        let name = format!("0.{}.{}.cwasm", settings.profile.name(), settings.target.name());
        let actual = fs::read(out.join("wasm-v2/bytes").join(&name)).unwrap();
        assert!(actual == expected, "{name} differs from Precompiler::compile");
    }
    fs::remove_dir_all(&out).unwrap();
}
