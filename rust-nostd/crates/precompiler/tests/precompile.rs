//! Library-level tests: compiling real modules for every profile and target.

use std::path::{Path, PathBuf};

use nsw_precompiler::{
    CompileOptions, EngineSettings, Envelope, Precompiler, Profile, Progress, Target, compile_batch, envelope, plan_jobs,
};

const ADD_WAT: &str = r#"(module
  (memory (export "memory") 1)
  (func (export "add") (param i32 i32) (result i32)
    local.get 0
    local.get 1
    i32.add)
  (func (export "load") (param i32) (result i32)
    local.get 0
    i32.load))
"#;

const SYNTAX_ERROR_WAT: &str = "(module\n  (func (export \"f\") (result i32)\n    i32.const 1\n    i32.bogus))\n";

const INVALID_WAT: &str = "(module\n  (func (export \"f\") (result i32)\n    i64.const 1))\n";

fn all_combos() -> Vec<EngineSettings> {
    let mut out = Vec::new();
    for profile in Profile::ALL {
        for target in Target::ALL {
            if profile.supports(target) {
                out.push(EngineSettings { profile, target, fuel: false, epoch: false });
            }
        }
    }
    out
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nsw-precompiler-lib-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn every_profile_and_target_produces_a_loadable_envelope() {
    let combos = all_combos();
    assert_eq!(combos.len(), 5, "native and native-signals for x86_64 and aarch64, pulley for pulley64");
    for settings in combos {
        let precompiler = Precompiler::new(settings).unwrap();
        let artifact = precompiler.compile(ADD_WAT.as_bytes()).unwrap();
        let env = Envelope::parse(&artifact).unwrap();
        assert_eq!(env.settings, settings);
        assert_eq!(env.isa_flags, settings.target.isa_flags().join(","));
        assert_eq!(env.isa_flags, precompiler.isa_flags());
        assert!(env.payload.starts_with(b"\x7fELF"), "{settings}: payload is not an ELF object");
        env.check_engine(&settings).unwrap();
    }
}

#[test]
fn x86_64_records_its_explicit_baseline() {
    let settings = EngineSettings { profile: Profile::Native, target: Target::X86_64, fuel: false, epoch: false };
    let artifact = Precompiler::new(settings).unwrap().compile(ADD_WAT.as_bytes()).unwrap();
    let env = Envelope::parse(&artifact).unwrap();
    assert_eq!(env.isa_flags, "has_sse3,has_ssse3,has_sse41,has_sse42,has_popcnt,has_cmpxchg16b");
}

#[test]
fn fuel_and_epoch_are_recorded() {
    for (fuel, epoch) in [(true, false), (false, true), (true, true)] {
        let settings = EngineSettings { profile: Profile::Pulley, target: Target::Pulley64, fuel, epoch };
        let artifact = Precompiler::new(settings).unwrap().compile(ADD_WAT.as_bytes()).unwrap();
        let env = Envelope::parse(&artifact).unwrap();
        assert_eq!(env.settings, settings);
        let other = EngineSettings { fuel: !fuel, ..settings };
        assert!(env.check_engine(&other).unwrap_err().is_mismatch());
    }
}

#[test]
fn binary_input_gives_the_same_artifact_as_text() {
    let settings = EngineSettings { profile: Profile::Native, target: Target::Aarch64, fuel: false, epoch: false };
    let precompiler = Precompiler::new(settings).unwrap();
    let binary = wat::parse_str(ADD_WAT).unwrap();
    let from_binary = precompiler.compile(&binary).unwrap();
    let from_text = precompiler.compile(ADD_WAT.as_bytes()).unwrap();
    assert_eq!(from_binary, from_text, "compilation is deterministic and input-format independent");
    let sequential = Precompiler::with_options(settings, &CompileOptions { parallel: false }).unwrap();
    assert_eq!(sequential.compile(&binary).unwrap(), from_text, "parallelism does not change the artifact");
}

#[test]
fn wat_syntax_error_names_file_line_and_cause() {
    let settings = EngineSettings::for_host(Profile::Pulley, false, false).unwrap();
    let precompiler = Precompiler::new(settings).unwrap();
    let err = precompiler.compile_named(SYNTAX_ERROR_WAT.as_bytes(), Some(Path::new("broken.wat"))).unwrap_err();
    let message = format!("{err:#}");
    assert!(message.contains("does not parse"), "{message}");
    assert!(message.contains("broken.wat:4:"), "{message}");
    assert!(message.contains("i32.bogus"), "{message}");

    let err = precompiler.compile(b"(module (func)").unwrap_err();
    assert!(format!("{err:#}").contains("does not parse"), "{err:#}");
}

#[test]
fn invalid_module_names_the_validation_error() {
    for settings in all_combos() {
        let err = Precompiler::new(settings).unwrap().compile(INVALID_WAT.as_bytes()).unwrap_err();
        let message = format!("{err:#}");
        assert!(message.contains("does not validate"), "{message}");
        assert!(message.contains("type mismatch"), "{message}");
    }
}

#[test]
fn inputs_that_are_not_modules_are_explained() {
    let settings = EngineSettings { profile: Profile::Pulley, target: Target::Pulley64, fuel: false, epoch: false };
    let precompiler = Precompiler::new(settings).unwrap();
    let artifact = precompiler.compile(ADD_WAT.as_bytes()).unwrap();
    let cases: [(&[u8], &str); 7] = [
        (b"", "empty"),
        (&artifact, "already a precompiled"),
        (b"\x7fELF\x02\x01\x01\0", "ELF"),
        (b"\0asm\x0d\0\x01\0", "component"),
        (b"(component)", "component"),
        (b"\0asm\x02\0\0\0", "unsupported WebAssembly binary version"),
        (&[0xff, 0xfe, 0xfd, 0x80], "neither a WebAssembly binary"),
    ];
    for (input, expected) in cases {
        let message = format!("{:#}", precompiler.compile(input).unwrap_err());
        assert!(message.contains(expected), "expected {expected:?} in {message:?}");
    }
    // A truncated binary is a Wasmtime parse error, not a panic.
    let binary = wat::parse_str(ADD_WAT).unwrap();
    assert!(precompiler.compile(&binary[..binary.len() - 3]).is_err());
}

#[test]
fn pulley_profile_with_a_native_target_is_rejected() {
    for (profile, target) in [
        (Profile::Pulley, Target::X86_64),
        (Profile::Pulley, Target::Aarch64),
        (Profile::Native, Target::Pulley64),
        (Profile::NativeSignals, Target::Pulley64),
    ] {
        let err = Precompiler::new(EngineSettings { profile, target, fuel: false, epoch: false }).unwrap_err();
        let message = format!("{err:#}");
        assert!(message.contains("cannot hold code for target"), "{message}");
        assert!(message.contains(profile.name()) && message.contains(target.name()), "{message}");
    }
}

#[test]
fn compile_file_writes_the_artifact() {
    let dir = temp_dir("file");
    let input = dir.join("add.wat");
    std::fs::write(&input, ADD_WAT).unwrap();
    let output = dir.join("add.cwasm");
    let settings = EngineSettings { profile: Profile::NativeSignals, target: Target::X86_64, fuel: true, epoch: true };
    let size = Precompiler::new(settings).unwrap().compile_file(&input, &output).unwrap();
    let bytes = std::fs::read(&output).unwrap();
    assert_eq!(bytes.len(), size);
    assert_eq!(Envelope::parse(&bytes).unwrap().settings, settings);
    // Only the artifact is left behind (no temporary files).
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2);

    let missing = dir.join("missing.wat");
    let err = Precompiler::new(settings).unwrap().compile_file(&missing, &output).unwrap_err();
    assert!(format!("{err:#}").contains("missing.wat"), "{err:#}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn batch_reuses_engines_reports_progress_and_continues_after_failures() {
    let dir = temp_dir("batch");
    let inputs: Vec<PathBuf> = [("a.wat", ADD_WAT), ("b.wat", INVALID_WAT), ("c.wasm", "")]
        .into_iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            if name.ends_with(".wasm") {
                std::fs::write(&path, wat::parse_str(ADD_WAT).unwrap()).unwrap();
            } else {
                std::fs::write(&path, text).unwrap();
            }
            path
        })
        .chain([dir.join("missing.wat")])
        .collect();
    let combos = [
        EngineSettings { profile: Profile::Native, target: Target::X86_64, fuel: false, epoch: false },
        EngineSettings { profile: Profile::Pulley, target: Target::Pulley64, fuel: false, epoch: false },
    ];
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let jobs = plan_jobs(&inputs, &combos, &out).unwrap();
    assert_eq!(jobs.len(), 8);
    assert_eq!(jobs[0].output, out.join("a.native.x86_64.cwasm"));
    assert_eq!(jobs[7].output, out.join("missing.pulley.pulley64.cwasm"));

    let mut seen = Vec::new();
    let report = compile_batch(&jobs, &CompileOptions::default(), |p| match p {
        Progress::Compiled { index, total, job, .. } => seen.push((index, total, job.output.clone(), true)),
        Progress::Failed { index, total, job, .. } => seen.push((index, total, job.output.clone(), false)),
    });
    assert_eq!(seen.len(), 8);
    assert!(seen.iter().enumerate().all(|(i, s)| s.0 == i + 1 && s.1 == 8));
    assert_eq!(report.total, 8);
    assert_eq!(report.compiled, 4);
    assert_eq!(report.failures.len(), 4);
    assert!(!report.is_success());
    for failure in &report.failures {
        let message = format!("{:#}", failure.error);
        let name = failure.job.input.file_name().unwrap().to_str().unwrap();
        match name {
            "b.wat" => assert!(message.contains("type mismatch"), "{message}"),
            "missing.wat" => assert!(message.contains("cannot read") && message.contains(name), "{message}"),
            other => panic!("unexpected failure for {other}: {message}"),
        }
    }
    for name in ["a.native.x86_64", "c.native.x86_64", "a.pulley.pulley64", "c.pulley.pulley64"] {
        let bytes = std::fs::read(out.join(format!("{name}.cwasm"))).unwrap();
        Envelope::parse(&bytes).unwrap();
    }
    assert!(!out.join("b.native.x86_64.cwasm").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn batch_refuses_two_inputs_with_the_same_output() {
    let combos = [EngineSettings { profile: Profile::Pulley, target: Target::Pulley64, fuel: false, epoch: false }];
    let inputs = [PathBuf::from("x/mod.wat"), PathBuf::from("y/mod.wasm")];
    let err = plan_jobs(&inputs, &combos, Path::new("out")).unwrap_err();
    let message = format!("{err:#}");
    assert!(message.contains("x/mod.wat") && message.contains("y/mod.wasm"), "{message}");
    // The same input twice is compiled once.
    let same = [PathBuf::from("x/mod.wat"), PathBuf::from("x/mod.wat")];
    assert_eq!(plan_jobs(&same, &combos, Path::new("out")).unwrap().len(), 1);
}

#[test]
fn artifacts_start_with_the_envelope_magic() {
    let settings = EngineSettings { profile: Profile::Pulley, target: Target::Pulley64, fuel: false, epoch: false };
    let artifact = Precompiler::new(settings).unwrap().compile(ADD_WAT.as_bytes()).unwrap();
    assert!(artifact.starts_with(&envelope::MAGIC));
}
