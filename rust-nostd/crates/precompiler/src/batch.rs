//! Compiling many inputs for many engine settings, one engine per settings.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use nsw_contract::EngineSettings;
use wasmtime::error::Context as _;
use wasmtime::{Error, Result, bail, format_err};

use crate::{CompileOptions, Precompiler, SigningKey, write_atomically};

/// One artifact to produce.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Job {
    pub input: PathBuf,
    pub settings: EngineSettings,
    pub output: PathBuf,
}

/// Reported once per job, in the order the jobs are processed.
/// `index` counts from 1 up to `total`.
#[derive(Debug)]
pub enum Progress<'a> {
    Compiled { index: usize, total: usize, job: &'a Job, size: usize, elapsed: Duration },
    Failed { index: usize, total: usize, job: &'a Job, error: &'a Error },
}

#[derive(Debug)]
pub struct BatchFailure {
    pub job: Job,
    pub error: Error,
}

#[derive(Debug)]
pub struct BatchReport {
    pub total: usize,
    pub compiled: usize,
    pub failures: Vec<BatchFailure>,
    pub elapsed: Duration,
}

impl BatchReport {
    pub fn is_success(&self) -> bool {
        self.failures.is_empty()
    }
}

/// `DIR/<input stem>.<profile>.<target>.cwasm`.
pub fn output_path(out_dir: &Path, input: &Path, settings: &EngineSettings) -> PathBuf {
    let stem = input.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "module".into());
    out_dir.join(format!("{stem}.{}.{}.cwasm", settings.profile.name(), settings.target.name()))
}

/// Every (settings, input) pair writing into `out_dir`, grouped by settings.
/// Fails when two inputs would write the same output file.
pub fn plan_jobs(inputs: &[PathBuf], combos: &[EngineSettings], out_dir: &Path) -> Result<Vec<Job>> {
    let mut jobs = Vec::with_capacity(inputs.len() * combos.len());
    let mut seen: HashMap<PathBuf, &Path> = HashMap::new();
    for settings in combos {
        for input in inputs {
            let output = output_path(out_dir, input, settings);
            if let Some(other) = seen.get(&output) {
                if *other == input.as_path() {
                    continue; // the same input given twice
                }
                bail!(
                    "{} and {} would both be written to {}: rename one of them or compile them separately",
                    other.display(),
                    input.display(),
                    output.display()
                );
            }
            seen.insert(output.clone(), input);
            jobs.push(Job { input: input.clone(), settings: *settings, output });
        }
    }
    Ok(jobs)
}

/// Compiles every job, creating one [`Precompiler`] per distinct settings and
/// reading each input once. A failing job does not stop the others.
pub fn compile_batch(jobs: &[Job], options: &CompileOptions, progress: impl FnMut(Progress<'_>)) -> BatchReport {
    compile_batch_signed(jobs, options, None, progress)
}

/// Like [`compile_batch`]; every artifact is signed with `signing_key` when given.
pub fn compile_batch_signed(
    jobs: &[Job],
    options: &CompileOptions,
    signing_key: Option<&SigningKey>,
    mut progress: impl FnMut(Progress<'_>),
) -> BatchReport {
    let start = Instant::now();
    let total = jobs.len();
    let mut order: Vec<EngineSettings> = Vec::new();
    for job in jobs {
        if !order.contains(&job.settings) {
            order.push(job.settings);
        }
    }
    let mut inputs: HashMap<&Path, std::result::Result<Vec<u8>, String>> = HashMap::new();
    let mut compiled = 0;
    let mut failures = Vec::new();
    let mut index = 0;
    for settings in order {
        let precompiler = Precompiler::with_options(settings, options)
            .map(|p| match signing_key {
                Some(key) => p.with_signing_key(key.clone()),
                None => p,
            })
            .map_err(|e| format!("{e:#}"));
        for job in jobs.iter().filter(|j| j.settings == settings) {
            index += 1;
            let job_start = Instant::now();
            let bytes = inputs.entry(job.input.as_path()).or_insert_with(|| {
                std::fs::read(&job.input).map_err(|e| format!("cannot read {}: {e}", job.input.display()))
            });
            let result = match (&precompiler, bytes) {
                (Err(msg), _) => Err(format_err!("{msg}")),
                (_, Err(msg)) => Err(format_err!("{msg}")),
                (Ok(p), Ok(bytes)) => p
                    .compile_named(bytes, Some(&job.input))
                    .and_then(|artifact| write_atomically(&job.output, &artifact).map(|()| artifact.len())),
            };
            match result {
                Ok(size) => {
                    compiled += 1;
                    progress(Progress::Compiled { index, total, job, size, elapsed: job_start.elapsed() });
                }
                Err(error) => {
                    progress(Progress::Failed { index, total, job, error: &error });
                    failures.push(BatchFailure { job: job.clone(), error });
                }
            }
        }
    }
    BatchReport { total, compiled, failures, elapsed: start.elapsed() }
}

/// Convenience for a single job: compile `input` for `settings` into `output`.
pub fn compile_one(input: &Path, settings: EngineSettings, output: &Path) -> Result<usize> {
    Precompiler::new(settings)?
        .compile_file(input, output)
        .with_context(|| format!("cannot precompile {}", input.display()))
}
