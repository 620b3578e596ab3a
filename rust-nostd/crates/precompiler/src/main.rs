//! `nsw-precompile`: the command-line front end of the precompiler.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser as _};
use clap::{Args, Parser, Subcommand};
use nsw_precompiler::{
    CompileOptions, EngineSettings, Job, Profile, Progress, Target, Verification, WASMTIME_VERSION,
    compile_batch_signed, describe, describe_verified, plan_jobs, resolve_combos, signing,
};

/// Exit code for a usage error (the same as clap's).
const USAGE: u8 = 2;

#[derive(Parser, Debug)]
#[command(
    name = "nsw-precompile",
    about = "Compiles WebAssembly modules (.wasm or .wat) ahead of time into nostd-wasm-java artifacts.",
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    after_help = "Defaults: --target is this machine's architecture, --profile is native. \
                  The pulley profile goes with --target pulley64 only. With --out-dir, every \
                  output is DIR/<input stem>.<profile>.<target>.cwasm.\n\n\
                  Examples:\n  \
                  nsw-precompile -o app.cwasm app.wat\n  \
                  nsw-precompile --target x86_64 --target aarch64 --profile native --profile native-signals --out-dir out/ *.wasm\n  \
                  nsw-precompile --profile pulley --fuel --out-dir out/ app.wasm\n  \
                  nsw-precompile --sign-key key.pem --out-dir out/ app.wasm\n  \
                  nsw-precompile inspect out/app.native.x86_64.cwasm\n  \
                  nsw-precompile inspect --public-key public.pem out/app.native.x86_64.cwasm"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    compile: CompileArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Prints the envelope fields of an artifact, or why it is not a valid one.
    Inspect {
        /// Verify the artifact's signature with this Ed25519 public key (X.509 PEM);
        /// exit status 1 when it is not signed by that key.
        #[arg(long = "public-key", value_name = "FILE")]
        public_key: Option<PathBuf>,
        /// The artifact (.cwasm) to describe.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

#[derive(Args, Debug)]
struct CompileArgs {
    /// Instruction set to compile for (repeatable).
    #[arg(long = "target", value_name = "TARGET", value_parser = target_parser())]
    targets: Vec<Target>,

    /// How compiled code runs (repeatable).
    #[arg(long = "profile", value_name = "PROFILE", value_parser = profile_parser())]
    profiles: Vec<Profile>,

    /// Compiled code counts fuel; the engine loading it must enable fuel too.
    #[arg(long)]
    fuel: bool,

    /// Compiled code checks epoch deadlines; the engine loading it must enable epochs too.
    #[arg(long)]
    epoch: bool,

    /// Compile on this thread only (no worker threads); the artifacts are the same.
    #[arg(long = "no-parallel")]
    no_parallel: bool,

    /// Sign every artifact with this Ed25519 private key (PKCS#8 PEM, e.g. from
    /// `openssl genpkey -algorithm ed25519 -out key.pem`).
    #[arg(long = "sign-key", value_name = "FILE")]
    sign_key: Option<PathBuf>,

    /// Output file (exactly one input and one target/profile).
    #[arg(short = 'o', long = "output", value_name = "FILE", conflicts_with = "out_dir")]
    output: Option<PathBuf>,

    /// Output directory (created if missing).
    #[arg(long = "out-dir", value_name = "DIR")]
    out_dir: Option<PathBuf>,

    /// WebAssembly modules to compile (.wasm or .wat).
    #[arg(value_name = "INPUT", required = true)]
    inputs: Vec<PathBuf>,
}

fn target_parser() -> impl clap::builder::TypedValueParser<Value = Target> {
    PossibleValuesParser::new(Target::ALL.map(Target::name))
        .map(|s| Target::from_name(&s).expect("a possible value"))
}

fn profile_parser() -> impl clap::builder::TypedValueParser<Value = Profile> {
    PossibleValuesParser::new(Profile::ALL.map(Profile::name))
        .map(|s| Profile::from_name(&s).expect("a possible value"))
}

fn main() -> ExitCode {
    use clap::{CommandFactory as _, FromArgMatches as _};
    // `--version` names the Wasmtime the artifacts are for: the runtime loads only those.
    let version: &'static str =
        Box::leak(format!("{} (Wasmtime {WASMTIME_VERSION})", env!("CARGO_PKG_VERSION")).into_boxed_str());
    let matches = Cli::command().version(version).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    match cli.command {
        Some(Command::Inspect { file, public_key }) => inspect(file, public_key),
        None => compile(cli.compile),
    }
}

fn inspect(file: PathBuf, public_key: Option<PathBuf>) -> ExitCode {
    let key = match &public_key {
        Some(path) => match signing::read_verifying_key(path) {
            Ok(key) => Some(key),
            Err(e) => {
                eprintln!("nsw-precompile: error: {e:#}");
                return ExitCode::FAILURE;
            }
        },
        None => None,
    };
    let bytes = match std::fs::read(&file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("nsw-precompile: cannot read {}: {e}", file.display());
            return ExitCode::FAILURE;
        }
    };
    let described = match (&key, &public_key) {
        (Some(key), Some(path)) => describe_verified(&bytes, key, path).map(|(text, v)| (text, Some(v))),
        _ => describe(&bytes).map(|text| (text, None)),
    };
    match described {
        Ok((text, verification)) => {
            println!("file:             {} ({} bytes)", file.display(), bytes.len());
            print!("{text}");
            match verification {
                None | Some(Verification::Valid) => ExitCode::SUCCESS,
                Some(_) => {
                    eprintln!(
                        "nsw-precompile: {}: the signature does not verify with {}",
                        file.display(),
                        public_key.as_deref().unwrap_or(std::path::Path::new("?")).display()
                    );
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => {
            eprintln!("nsw-precompile: {}: {e}", file.display());
            ExitCode::FAILURE
        }
    }
}

fn label(s: &EngineSettings) -> String {
    let mut out = format!("{}/{}", s.profile.name(), s.target.name());
    if s.fuel {
        out.push_str("+fuel");
    }
    if s.epoch {
        out.push_str("+epoch");
    }
    out
}

fn usage_error(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("nsw-precompile: error: {message}");
    ExitCode::from(USAGE)
}

fn compile(args: CompileArgs) -> ExitCode {
    let signing_key = match &args.sign_key {
        Some(path) => match signing::read_signing_key(path) {
            Ok(key) => Some(key),
            Err(e) => {
                eprintln!("nsw-precompile: error: {e:#}");
                return ExitCode::FAILURE;
            }
        },
        None => None,
    };
    let combos = match resolve_combos(&args.targets, &args.profiles, args.fuel, args.epoch, Target::host()) {
        Ok(combos) => combos,
        Err(e) => return usage_error(format!("{e:#}")),
    };
    for (target, profile) in &combos.skipped {
        eprintln!(
            "nsw-precompile: skipping --target {} --profile {}: {}",
            target.name(),
            profile.name(),
            if *profile == Profile::Pulley {
                "the pulley profile holds code only for pulley64"
            } else {
                "native profiles hold code only for x86_64 or aarch64"
            }
        );
    }

    let jobs = match (&args.output, &args.out_dir) {
        (Some(output), None) => {
            if args.inputs.len() != 1 || combos.settings.len() != 1 {
                return usage_error(format!(
                    "-o takes exactly one input and one target/profile (got {} input(s), {} combination(s)); use --out-dir DIR",
                    args.inputs.len(),
                    combos.settings.len()
                ));
            }
            vec![Job { input: args.inputs[0].clone(), settings: combos.settings[0], output: output.clone() }]
        }
        (None, Some(dir)) => {
            if let Err(e) = std::fs::create_dir_all(dir) {
                eprintln!("nsw-precompile: error: cannot create output directory {}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
            match plan_jobs(&args.inputs, &combos.settings, dir) {
                Ok(jobs) => jobs,
                Err(e) => return usage_error(format!("{e:#}")),
            }
        }
        _ => return usage_error("say where the artifacts go: -o FILE (one input) or --out-dir DIR"),
    };

    let options = CompileOptions { parallel: !args.no_parallel };
    let report = compile_batch_signed(&jobs, &options, signing_key.as_ref(), |progress| match progress {
        Progress::Compiled { index, total, job, size, elapsed } => eprintln!(
            "[{index}/{total}] compiled {} -> {} ({}, {size} bytes, {:.2}s)",
            job.input.display(),
            job.output.display(),
            label(&job.settings),
            elapsed.as_secs_f64()
        ),
        Progress::Failed { index, total, job, error } => eprintln!(
            "[{index}/{total}] FAILED {} ({}): {error:#}",
            job.input.display(),
            label(&job.settings)
        ),
    });

    let secs = report.elapsed.as_secs_f64();
    if report.is_success() {
        eprintln!(
            "nsw-precompile: {} artifact(s) compiled from {} input(s) for {} target/profile combination(s) in {secs:.2}s",
            report.compiled,
            args.inputs.len(),
            combos.settings.len()
        );
        ExitCode::SUCCESS
    } else {
        let failed: Vec<String> = report
            .failures
            .iter()
            .map(|f| format!("{} ({})", f.job.input.display(), label(&f.job.settings)))
            .collect();
        eprintln!(
            "nsw-precompile: error: {} of {} failed: {}; {} compiled in {secs:.2}s",
            report.failures.len(),
            report.total,
            failed.join(", "),
            report.compiled
        );
        ExitCode::FAILURE
    }
}
