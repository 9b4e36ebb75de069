//! `triage`: the engine on the command line, for policy leads and CI (`docs/contracts.md` 4.4).

use clap::{Parser, Subcommand};
use front_door_triage::guidance::Guidance;
use front_door_triage::{authoring, evaluate, schema, vignette, Case};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "triage",
    version,
    about = "Front Door Triage: decide cases, and check, lint, compare and explain guidance files"
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
    /// Print the request for support drafted for a case (JSON file, or - for standard
    /// input), in the guidance's form order, for a family help or child protection route.
    /// Exit 4 when the route needs no request form (universal help, or 999 first).
    Draft {
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
        /// Also compare each vignette's full decision JSON with DIR/<vignette id>.json;
        /// a difference is a failure, shown as a diff.
        #[arg(long, value_name = "DIR")]
        golden: Option<PathBuf>,
        /// (Re)write the golden files in DIR instead of failing on differences.
        #[arg(long, requires = "golden")]
        update_golden: bool,
    },
    /// Print a guidance file (checked first) as the guidance studio exports it: keys in the
    /// format's order, two-space indents, `$schema`.
    Format { file: PathBuf },
    /// Print the guidance file JSON Schema (or, with --record, the decision record's).
    Schema {
        /// The decision record's JSON Schema instead (docs/decision-record.schema.json).
        #[arg(long)]
        record: bool,
    },
    /// Find weak points in a guidance file: rules that never fire or take each other's
    /// cases, unused codes, and invariant breaks, each with the smallest case showing it.
    /// Exit 0 clean, 1 errors, 3 warnings only.
    Lint {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Show what a revision changes: codes, rules, and every vignette and generated case
    /// whose pathway, level or actions change. Exit 0 whatever it finds.
    Diff {
        old: PathBuf,
        new: PathBuf,
        /// A vignette suite to decide with both files.
        #[arg(long)]
        vignettes: Option<PathBuf>,
        /// How many generated cases to decide with both files.
        #[arg(long, default_value_t = authoring::diff::DEFAULT_SAMPLE)]
        sample: usize,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Search the concerns as the app does, for what a practitioner typed: the codes best
    /// first, one a line, with a tab and the concern's text.
    Search {
        /// Guidance file; the embedded demonstration guidance when left out.
        #[arg(long)]
        guidance: Option<PathBuf>,
        /// How many concerns to print at most.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// What the practitioner typed.
        #[arg(required = true, num_args = 1..)]
        words: Vec<String>,
    },
    /// Draw the rules of a guidance file as a self-contained SVG, or an HTML page with the
    /// SVG inline (by the output's extension); SVG on standard output without -o.
    Explain {
        file: PathBuf,
        #[arg(short, long, value_name = "OUT.svg|OUT.html")]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

/// `print!` and `println!` that stop quietly when standard output is closed (as in
/// `triage diff OLD NEW | head`) instead of panicking.
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write;
        let _ = write!(std::io::stdout().lock(), $($t)*);
    }};
}
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write;
        let _ = writeln!(std::io::stdout().lock(), $($t)*);
    }};
}

/// Exit codes: 1 the guidance is wrong, a vignette failed or lint found errors; 2 the input
/// could not be used; 3 lint found warnings only; 4 the case's route has no request form.
const GUIDANCE_PROBLEM: u8 = 1;
const INPUT_PROBLEM: u8 = 2;
const NO_REQUEST_FORM: u8 = 4;

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
            outln!("{}", decision.to_json_pretty());
            Ok(())
        }
        Command::Draft { guidance, case } => {
            use front_door_triage::record::request_form::{draft_for, NoDraft};
            use front_door_triage::record::Notes;
            let g = load_guidance(guidance.as_deref())?;
            let text = read(&case)?;
            let (c, decision) = Case::from_json(&text, &g)
                .and_then(|c| evaluate(&g, &c).map(|d| (c, d)))
                .map_err(|e| {
                    for p in &e.problems {
                        eprintln!("{}: {p}", case.display());
                    }
                    INPUT_PROBLEM
                })?;
            match draft_for(&g, &c, &decision, None, &Notes::default()) {
                Ok(draft) => {
                    out!("{draft}");
                    Ok(())
                }
                Err(why) => {
                    eprintln!("{}: {why}", case.display());
                    // A file without a form is the guidance's problem; a route that needs
                    // no form is an answer, with its own code.
                    Err(match why {
                        NoDraft::NoForm => GUIDANCE_PROBLEM,
                        NoDraft::NotNeeded | NoDraft::PhoneFirst => NO_REQUEST_FORM,
                    })
                }
            }
        }
        Command::Check { file } => {
            let g = load_guidance(Some(&file))?;
            outln!(
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
            golden,
            update_golden,
        } => {
            let g = load_guidance(guidance.as_deref())?;
            let suite = load_suite(&vignettes)?;
            run_tests(&g, &suite, golden.as_deref(), update_golden)
        }
        Command::Format { file } => {
            let g = load_guidance(Some(&file))?;
            out!("{}", authoring::format::to_json(g.file()));
            Ok(())
        }
        Command::Schema { record } => {
            if record {
                out!("{}", front_door_triage::record::record_schema_json());
            } else {
                out!("{}", schema::guidance_schema_json());
            }
            Ok(())
        }
        Command::Lint { file, format } => {
            let report = authoring::lint::lint_text(&read(&file)?);
            let label = file.display().to_string();
            match format {
                Format::Text => out!("{}", report.to_text(&label)),
                Format::Json => outln!("{}", report.to_json(&label)),
            }
            match report.exit_code() {
                0 => Ok(()),
                code => Err(code),
            }
        }
        Command::Diff {
            old,
            new,
            vignettes,
            sample,
            format,
        } => {
            // Diff reports and never judges: a file it cannot use is an input problem.
            let before = load_guidance(Some(&old)).map_err(|_| INPUT_PROBLEM)?;
            let after = load_guidance(Some(&new)).map_err(|_| INPUT_PROBLEM)?;
            let suite = vignettes.as_deref().map(load_suite).transpose()?;
            let d = authoring::diff::diff(&before, &after, suite.as_ref(), sample);
            match format {
                Format::Text => out!(
                    "{}",
                    d.to_text(
                        &old.display().to_string(),
                        &new.display().to_string(),
                        vignettes.map(|v| v.display().to_string()).as_deref()
                    )
                ),
                Format::Json => outln!("{}", d.to_json()),
            }
            Ok(())
        }
        Command::Search {
            guidance,
            limit,
            words,
        } => {
            let g = load_guidance(guidance.as_deref())?;
            let index = front_door_triage::flow::search::SearchIndex::new(&g);
            let results = index.search(&words.join(" "));
            for m in results.matches.iter().take(limit) {
                let c = &g.file().concerns[m.concern as usize];
                outln!("{}\t{}", c.code, c.text);
            }
            Ok(())
        }
        Command::Explain { file, output } => {
            let g = load_guidance(Some(&file))?;
            let Some(out) = output else {
                out!("{}", authoring::explain::svg(&g));
                return Ok(());
            };
            let picture = match out.extension().and_then(|e| e.to_str()) {
                Some("svg") => authoring::explain::svg(&g),
                Some("html" | "htm") => authoring::explain::html(&g),
                _ => {
                    eprintln!("{}: the output must end in .svg or .html", out.display());
                    return Err(INPUT_PROBLEM);
                }
            };
            std::fs::write(&out, picture).map_err(|e| {
                eprintln!("{}: cannot write: {e}", out.display());
                INPUT_PROBLEM
            })?;
            outln!("wrote {}", out.display());
            Ok(())
        }
    }
}

fn load_suite(path: &Path) -> Result<vignette::Suite, u8> {
    vignette::Suite::from_json(&read(path)?).map_err(|p| {
        eprintln!("{}: {p}", path.display());
        INPUT_PROBLEM
    })
}

/// `triage test`: each vignette's expectations, and with `golden` its full decision
/// against its golden file. A vignette fails once however many ways it falls short.
fn run_tests(
    g: &Guidance,
    suite: &vignette::Suite,
    golden: Option<&Path>,
    update: bool,
) -> Result<(), u8> {
    let goldens = match golden {
        Some(dir) => authoring::golden::run(g, suite, dir, update).map_err(|e| {
            eprintln!("{e}");
            INPUT_PROBLEM
        })?,
        None => Vec::new(),
    };
    let mut failed = 0;
    let mut written = Vec::new();
    // After any edit to the guidance every golden file differs in its version and sha256;
    // those whose decision is otherwise the same are listed together, not one by one.
    let mut reference_only: Vec<&str> = Vec::new();
    for (i, v) in suite.vignettes.iter().enumerate() {
        let one = vignette::Suite {
            about: String::new(),
            vignettes: vec![v.clone()],
        };
        let mut problems: Vec<String> = vignette::run(g, &one)
            .failures
            .into_iter()
            .flat_map(|f| f.problems)
            .collect();
        if let Some(entry) = goldens.get(i) {
            if problems.is_empty() && entry.only_guidance_differs() {
                failed += 1;
                reference_only.push(&v.id);
                continue;
            }
            problems.extend(entry.problem_lines());
            if let authoring::golden::Status::Written { created } = entry.status {
                written.push((created, entry.path.clone()));
            }
        }
        if !problems.is_empty() {
            failed += 1;
            outln!("FAIL {} {}", v.id, v.title);
            for p in problems {
                outln!("  {p}");
            }
        }
    }
    if !reference_only.is_empty() {
        outln!(
            "FAIL {} {} whose golden files differ only in the guidance id, version or sha256 (the guidance file changed, these decisions did not): {}",
            reference_only.len(),
            if reference_only.len() == 1 { "vignette" } else { "vignettes" },
            reference_only.join(", ")
        );
    }
    for (created, path) in written {
        let how = if created { "created" } else { "updated" };
        outln!("{how} golden file {}", path.display());
    }
    if let Some(dir) = golden {
        for stray in authoring::golden::strays(suite, dir) {
            outln!(
                "note: golden file {} belongs to no vignette in the suite",
                stray.display()
            );
        }
    }
    outln!(
        "{} passed, {} failed",
        suite.vignettes.len() - failed,
        failed
    );
    if failed == 0 {
        Ok(())
    } else {
        Err(GUIDANCE_PROBLEM)
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
