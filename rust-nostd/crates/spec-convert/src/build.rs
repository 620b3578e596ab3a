//! The whole conversion: scripts, deduplicated compilation for every
//! combination, the output tree (FORMAT.md).
//!
//! Many modules repeat (across wasm-v1/v2/v3 and within files), so each
//! distinct binary is compiled once per combination into `<out>/.objects/`
//! and hard-linked to every place that needs it; `.objects` is removed at
//! the end, the links keep the data.

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use nsw_precompiler::{CompileOptions, EngineSettings, Precompiler, WASMTIME_VERSION, write_atomically};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::list::SuiteFile;
use crate::script::{self, ModuleBinary, Script};

/// The version of the testsuite crate this converter is built against.
pub const TESTSUITE_VERSION: &str = "0.7.5";

/// Marks a directory this converter made, so it may replace it.
const MARKER: &str = ".nsw-wast-convert";

#[derive(Debug, Default)]
pub struct Summary {
    pub files: usize,
    pub modules: usize,
    pub unique_modules: usize,
    pub compiled: usize,
    pub compile_failures: usize,
    pub artifact_bytes: u64,
    pub commands: BTreeMap<String, usize>,
    pub elapsed: Duration,
}

/// Converts `files` into `out` (replaced if it is an earlier output) for
/// every combination in `combos`, with `jobs` compile threads.
pub fn convert_all(files: &[SuiteFile], out: &Path, combos: &[EngineSettings], jobs: usize) -> Result<Summary, String> {
    let started = Instant::now();
    let jobs = jobs.max(1);
    prepare_out_dir(out)?;
    let options = CompileOptions { parallel: false };
    let compilers: Vec<Precompiler> = combos
        .iter()
        .map(|s| Precompiler::with_options(*s, &options).map_err(|e| format!("{e:#}")))
        .collect::<Result<_, _>>()?;
    let checker = compilers.first().ok_or("no target/profile combination to compile for")?;
    // Compiling is validating plus what Wasmtime itself refuses (e.g.
    // implementation limits): both count as a rejection. Invalid modules
    // are tiny and fail early, so this costs little.
    let validate =
        |binary: &[u8]| -> Result<(), String> { checker.compile(binary).map(drop).map_err(|e| format!("{e:#}")) };

    // 1. Scripts, on every thread (parsing and the rejection checks).
    eprintln!("nsw-wast-convert: {} file(s), {} combination(s), {jobs} thread(s)", files.len(), combos.len());
    let parsed = AtomicUsize::new(0);
    let scripts = parallel_map(files, jobs, |file| {
        let script = script::convert(&file.path, file.contents, &validate).map_err(|e| format!("{}: {e}", file.path));
        let n = parsed.fetch_add(1, Ordering::Relaxed) + 1;
        if n % 100 == 0 {
            eprintln!("nsw-wast-convert: converted {n}/{} script(s), {:.0} s", files.len(), started.elapsed().as_secs_f64());
        }
        script
    })
    .into_iter()
    .collect::<Result<Vec<Script>, String>>()?;
    eprintln!("nsw-wast-convert: scripts converted ({:.1} s)", started.elapsed().as_secs_f64());

    // 2. Distinct binaries.
    let mut unique: Vec<&[u8]> = Vec::new();
    let mut unique_by_hash: HashMap<[u8; 32], usize> = HashMap::new();
    let mut module_ids: Vec<Vec<Option<usize>>> = Vec::with_capacity(scripts.len());
    let mut summary = Summary { files: files.len(), ..Summary::default() };
    for script in &scripts {
        let ids = script
            .modules
            .iter()
            .map(|m| match m {
                ModuleBinary::Wasm(bytes) => {
                    summary.modules += 1;
                    let hash: [u8; 32] = Sha256::digest(bytes).into();
                    Some(*unique_by_hash.entry(hash).or_insert_with(|| {
                        unique.push(bytes);
                        unique.len() - 1
                    }))
                }
                ModuleBinary::Unencodable(_) => None,
            })
            .collect();
        module_ids.push(ids);
    }
    summary.unique_modules = unique.len();

    // 3. Compile each distinct binary once per combination.
    let objects = out.join(".objects");
    fs::create_dir_all(&objects).map_err(|e| format!("cannot create {}: {e}", objects.display()))?;
    let object_path = |module: usize, settings: &EngineSettings| {
        objects.join(format!("{module}.{}.{}.cwasm", settings.profile.name(), settings.target.name()))
    };
    let total = unique.len() * compilers.len();
    let done = AtomicUsize::new(0);
    let last_report = Mutex::new(Instant::now());
    let job_list: Vec<(usize, usize)> =
        (0..unique.len()).flat_map(|m| (0..compilers.len()).map(move |c| (m, c))).collect();
    let results = parallel_map(&job_list, jobs, |&(module, combo)| {
        let compiler = &compilers[combo];
        let result = compiler
            .compile(unique[module])
            .map_err(|e| format!("{}/{}: {e:#}", compiler.settings().profile.name(), compiler.settings().target.name()))
            .and_then(|artifact| {
                write_sparse(&object_path(module, compiler.settings()), &artifact)?;
                Ok(artifact.len() as u64)
            });
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        let mut last = last_report.lock().unwrap();
        if last.elapsed() >= Duration::from_secs(5) || n == total {
            *last = Instant::now();
            eprintln!(
                "nsw-wast-convert: compiled {n}/{total} (distinct modules x combinations), {:.0} s",
                started.elapsed().as_secs_f64()
            );
        }
        result
    });
    for result in &results {
        match result {
            Ok(size) => {
                summary.compiled += 1;
                summary.artifact_bytes += size;
            }
            Err(_) => summary.compile_failures += 1,
        }
    }
    let result_of = |module: usize, combo: usize| &results[module * compilers.len() + combo];

    // 4. The tree: links to the objects, commands.json per file, index.json.
    let mut index_files = Vec::with_capacity(files.len());
    for (n, ((file, script), ids)) in files.iter().zip(scripts).zip(&module_ids).enumerate() {
        let dir = out.join(file.suite()).join(file.stem());
        fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let mut errors: Vec<Option<String>> = Vec::with_capacity(ids.len());
        for (index, (binary, id)) in script.modules.iter().zip(ids).enumerate() {
            errors.push(match (binary, id) {
                (ModuleBinary::Unencodable(message), _) => Some(message.clone()),
                (ModuleBinary::Wasm(_), Some(id)) => {
                    let mut failures = Vec::new();
                    for (c, compiler) in compilers.iter().enumerate() {
                        match result_of(*id, c) {
                            Ok(_) => {
                                let settings = compiler.settings();
                                let name = format!("{index}.{}.{}.cwasm", settings.profile.name(), settings.target.name());
                                link(&object_path(*id, settings), &dir.join(name))?;
                            }
                            Err(message) => failures.push(message.clone()),
                        }
                    }
                    (!failures.is_empty()).then(|| failures.join("; "))
                }
                (ModuleBinary::Wasm(_), None) => unreachable!("every binary has an id"),
            });
        }
        let mut commands = script.commands;
        for command in &mut commands {
            let ty = command["type"].as_str().unwrap_or_default().to_string();
            *summary.commands.entry(ty).or_default() += 1;
            if let Some(index) = command.get("module").and_then(Value::as_u64) {
                if let Some(error) = &errors[index as usize] {
                    command["compile_error"] = error.clone().into();
                }
            }
        }
        let count = commands.len();
        let doc = json!({"source": file.path, "commands": commands});
        write_json(&dir.join("commands.json"), &doc)?;
        index_files.push(json!({"suite": file.suite(), "stem": file.stem(), "path": file.path, "commands": count}));
        if (n + 1) % 100 == 0 || n + 1 == files.len() {
            eprintln!("nsw-wast-convert: wrote {}/{} file(s)", n + 1, files.len());
        }
    }
    fs::remove_dir_all(&objects).map_err(|e| format!("cannot remove {}: {e}", objects.display()))?;
    summary.elapsed = started.elapsed();
    let index = json!({
        "wasmtime": WASMTIME_VERSION,
        "testsuite": TESTSUITE_VERSION,
        "combinations": compilers.iter().map(|c| format!("{}.{}", c.settings().profile.name(), c.settings().target.name())).collect::<Vec<_>>(),
        "files": index_files,
        "stats": {
            "modules": summary.modules,
            "unique_modules": summary.unique_modules,
            "artifacts_compiled": summary.compiled,
            "compile_failures": summary.compile_failures,
            "artifact_bytes": summary.artifact_bytes,
            "commands": summary.commands,
        },
    });
    write_json(&out.join("index.json"), &index)?;
    Ok(summary)
}

/// An empty or missing directory is used as is; one with our marker is
/// replaced; anything else is refused (it is not ours to delete).
fn prepare_out_dir(out: &Path) -> Result<(), String> {
    if out.exists() {
        let mut entries = fs::read_dir(out).map_err(|e| format!("cannot read {}: {e}", out.display()))?;
        if entries.next().is_some() {
            if !out.join(MARKER).exists() {
                return Err(format!(
                    "{} exists and was not made by nsw-wast-convert (no {MARKER} in it): pass an empty or new directory",
                    out.display()
                ));
            }
            fs::remove_dir_all(out).map_err(|e| format!("cannot remove the earlier output {}: {e}", out.display()))?;
        }
    }
    fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    fs::write(out.join(MARKER), "output of nsw-wast-convert; the next run replaces this directory\n")
        .map_err(|e| format!("cannot write into {}: {e}", out.display()))
}

/// Writes `bytes` leaving holes for zero-filled 4 KiB blocks: aarch64
/// artifacts are mostly padding (64 KiB section alignment), about 90% of
/// the output. Readers see the same bytes.
fn write_sparse(path: &Path, bytes: &[u8]) -> Result<(), String> {
    use std::io::{Seek, SeekFrom};
    const BLOCK: usize = 4096;
    let tmp = path.with_extension("tmp");
    let result = (|| {
        let mut file = fs::File::create(&tmp)?;
        for (i, block) in bytes.chunks(BLOCK).enumerate() {
            if block.iter().all(|&b| b == 0) {
                continue;
            }
            file.seek(SeekFrom::Start((i * BLOCK) as u64))?;
            file.write_all(block)?;
        }
        file.set_len(bytes.len() as u64)?;
        fs::rename(&tmp, path)
    })();
    result.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        format!("cannot write {}: {e}", path.display())
    })
}

/// A hard link (the data is stored once); a copy where links are impossible.
fn link(from: &Path, to: &Path) -> Result<(), String> {
    fs::hard_link(from, to)
        .or_else(|_| fs::copy(from, to).map(drop))
        .map_err(|e| format!("cannot place {} at {}: {e}", from.display(), to.display()))
}

fn write_json(path: &PathBuf, value: &Value) -> Result<(), String> {
    let mut text = serde_json::to_vec(value).map_err(|e| format!("cannot encode {}: {e}", path.display()))?;
    text.write_all(b"\n").expect("writing to a Vec");
    write_atomically(path, &text).map_err(|e| format!("{e:#}"))
}

/// `f` over `items` on `threads` threads, results in item order. Items are
/// taken one at a time, so slow ones do not hold up a whole chunk.
pub fn parallel_map<T: Sync, R: Send>(items: &[T], threads: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..threads.min(items.len()).max(1) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let result = f(item);
                    *slots[i].lock().unwrap() = Some(result);
                }
            });
        }
    });
    slots.into_iter().map(|s| s.into_inner().unwrap().expect("every item was processed")).collect()
}
