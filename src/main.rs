//! `triage`: the engine on the command line, for policy leads and CI (SPEC 4.4).

use clap::{Parser, Subcommand};
use front_door_triage::guidance::Guidance;
use front_door_triage::{evaluate, schema, vignette, Case};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "triage",
    version,
    about = "Front Door Triage: decide cases and check guidance files"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the decision for a case (JSON file, or - for standard input).
    Decide {
        /// Guidance file; the embedded demonstration guidance when left out.
        #[arg(long)]
        guidance: Option<PathBuf>,
        case: PathBuf,
    },
    /// Check a guidance file and list every problem in it.
    Check { file: PathBuf },
    /// Run a vignette suite; ends with "N passed, M failed".
    Test {
        #[arg(long)]
        guidance: Option<PathBuf>,
        vignettes: PathBuf,
    },
    /// Print the guidance file JSON Schema.
    Schema,
}

/// Exit codes: 1 the guidance is wrong or a vignette failed; 2 the input could not be used.
const GUIDANCE_PROBLEM: u8 = 1;
const INPUT_PROBLEM: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => ExitCode::from(code),
    }
}

fn run(command: Command) -> Result<(), u8> {
    match command {
        Command::Decide { guidance, case } => {
            let g = load_guidance(guidance.as_deref())?;
            let text = read(&case)?;
            let decision = Case::from_json(&text, &g)
                .and_then(|c| evaluate(&g, &c))
                .map_err(|e| {
                    for p in &e.problems {
                        eprintln!("{}: {p}", case.display());
                    }
                    INPUT_PROBLEM
                })?;
            println!("{}", decision.to_json_pretty());
            Ok(())
        }
        Command::Check { file } => {
            let g = load_guidance(Some(&file))?;
            println!(
                "{}: ok ({} {}, {} concerns, {} rules)",
                file.display(),
                g.id(),
                g.version(),
                g.file().concerns.len(),
                g.file().rules.pathway.len()
                    + g.file().rules.escalation.len()
                    + g.file().rules.actions.len()
            );
            Ok(())
        }
        Command::Test {
            guidance,
            vignettes,
        } => {
            let g = load_guidance(guidance.as_deref())?;
            let suite = vignette::Suite::from_json(&read(&vignettes)?).map_err(|p| {
                eprintln!("{}: {p}", vignettes.display());
                INPUT_PROBLEM
            })?;
            let report = vignette::run(&g, &suite);
            for f in &report.failures {
                println!("FAIL {} {}", f.id, f.title);
                for p in &f.problems {
                    println!("  {p}");
                }
            }
            println!("{} passed, {} failed", report.passed, report.failures.len());
            if report.failures.is_empty() {
                Ok(())
            } else {
                Err(GUIDANCE_PROBLEM)
            }
        }
        Command::Schema => {
            print!("{}", schema::guidance_schema_json());
            Ok(())
        }
    }
}

fn load_guidance(path: Option<&Path>) -> Result<Guidance, u8> {
    let (name, loaded) = match path {
        None => (
            "embedded default guidance".to_string(),
            Guidance::embedded_default(),
        ),
        Some(p) => (p.display().to_string(), Guidance::from_json(&read(p)?)),
    };
    loaded.map_err(|e| {
        eprintln!("{name}: {} problem(s):", e.problems.len());
        for p in &e.problems {
            eprintln!("  {p}");
        }
        GUIDANCE_PROBLEM
    })
}

fn read(path: &Path) -> Result<String, u8> {
    let mut text = String::new();
    let result = if path == Path::new("-") {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    result.map(|()| text).map_err(|e| {
        eprintln!("{}: cannot read: {e}", path.display());
        INPUT_PROBLEM
    })
}
