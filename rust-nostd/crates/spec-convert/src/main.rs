//! `nsw-wast-convert --list files.tsv --out DIR [--jobs N] [--only PREFIX]`
//!
//! Converts every included `.wast` of the list for native and native-signals
//! on x86_64 and aarch64 and pulley on pulley64.

use std::path::PathBuf;
use std::process::ExitCode;

use nsw_precompiler::{EngineSettings, Profile, Target};
use nsw_spec_convert::{build, list};

const USAGE: &str = "usage: nsw-wast-convert --list FILES_TSV --out OUT_DIR [--jobs N] [--only PATH_PREFIX]";

struct Args {
    list: PathBuf,
    out: PathBuf,
    jobs: usize,
    only: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut list = None;
    let mut out = None;
    let mut jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut only = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or_else(|| format!("{name} needs a value\n{USAGE}"));
        match arg.as_str() {
            "--list" => list = Some(PathBuf::from(value("--list")?)),
            "--out" => out = Some(PathBuf::from(value("--out")?)),
            "--jobs" => {
                let v = value("--jobs")?;
                jobs = v.parse().ok().filter(|n| *n > 0).ok_or_else(|| format!("--jobs {v}: expected a positive number"))?;
            }
            "--only" => only = Some(value("--only")?),
            "-h" | "--help" => return Err(USAGE.to_string()),
            other => return Err(format!("unexpected argument {other:?}\n{USAGE}")),
        }
    }
    Ok(Args {
        list: list.ok_or_else(|| format!("--list is required\n{USAGE}"))?,
        out: out.ok_or_else(|| format!("--out is required\n{USAGE}"))?,
        jobs,
        only,
    })
}

fn combinations() -> Vec<EngineSettings> {
    let mut combos = Vec::new();
    for target in Target::ALL {
        for profile in Profile::ALL {
            if profile.supports(target) {
                combos.push(EngineSettings { profile, target, fuel: false, epoch: false });
            }
        }
    }
    combos
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let text = std::fs::read_to_string(&args.list).map_err(|e| format!("cannot read the list {}: {e}", args.list.display()))?;
    let crate_files = list::crate_files();
    let problems = |errors: Vec<list::ListError>| {
        let lines: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
        format!("{} has {} problem(s):\n{}", args.list.display(), errors.len(), lines.join("\n"))
    };
    let entries = list::parse(&text).map_err(problems)?;
    let mut files = list::select(&entries, &crate_files).map_err(problems)?;
    if let Some(prefix) = &args.only {
        files.retain(|f| f.path.starts_with(prefix.as_str()));
        if files.is_empty() {
            return Err(format!("--only {prefix}: no included file starts with it"));
        }
    }
    let s = build::convert_all(&files, &args.out, &combinations(), args.jobs)?;
    let commands: Vec<String> = s.commands.iter().map(|(k, v)| format!("{k} {v}")).collect();
    eprintln!(
        "nsw-wast-convert: {} file(s) ({} excluded), {} module(s), {} distinct, {} artifact(s) compiled ({} failed), \
         {:.1} MB of artifacts, {:.1} s\n  commands: {}",
        s.files,
        entries.len() - list::select(&entries, &crate_files).map_or(0, |f| f.len()),
        s.modules,
        s.unique_modules,
        s.compiled,
        s.compile_failures,
        s.artifact_bytes as f64 / 1e6,
        s.elapsed.as_secs_f64(),
        commands.join(", ")
    );
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("nsw-wast-convert: {message}");
            ExitCode::FAILURE
        }
    }
}
