//! `cargo xtask`: the book's one entry point for maintenance.
//!
//! Every command works on a fresh machine that has only the Rust toolchain:
//! the book's tools are built from crates.io, at the versions pinned in
//! `[workspace.metadata.pins]` of the root `Cargo.toml`, the first time they
//! are needed.

/// A regular expression compiled once, on first use: `regex!(r"…")` is a
/// `&'static Regex`. Every fixed pattern in xtask goes through it.
macro_rules! regex {
    ($pattern:expr) => {{
        static RE: std::sync::LazyLock<regex::Regex> =
            std::sync::LazyLock::new(|| regex::Regex::new($pattern).unwrap());
        &*RE
    }};
}

mod apilinks;
mod background;
mod book;
mod browser;
mod checkers;
mod claims;
mod contract;
mod docs;
mod editions;
mod examples;
mod fence;
mod figures;
mod measure;
mod pins;
mod playground;
mod process;
mod published;
mod python;
mod quotes;
mod record;
mod spell;
mod theme;
mod tools;
mod util;
mod values;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::process::ExitCode;
use std::time::Instant;

/// The book's one entry point for maintenance. Every command works on a
/// fresh machine with only the Rust toolchain.
#[derive(Parser)]
#[command(
    name = "cargo xtask",
    bin_name = "cargo xtask",
    disable_help_subcommand = true,
    arg_required_else_help = true
)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Serve the book at http://localhost:3000 with live reload
    Serve,
    /// Build the book into target/book
    Build,
    /// Print the book to target/book/concurrency-in-rust.pdf (Chromium), and check it
    Pdf,
    /// Build target/book/concurrency-in-rust.epub, and check it (epubcheck)
    Epub,
    /// Write theme/index.hbs and theme/book.js: the pinned mdBook's, with the edits in xtask/src/theme.rs
    Theme,
    /// Run every check below (what CI runs)
    Test {
        /// Leave out the slow checks (marked "slow" below)
        #[arg(long, conflicts_with = "only")]
        fast: bool,
        /// Run only these checks (their ids below, comma-separated)
        #[arg(long, value_delimiter = ',', value_parser = clap::builder::PossibleValuesParser::new(STEPS.iter().map(|s| s.id)))]
        only: Vec<String>,
    },
    /// Re-record outputs into listings/output/: every example, every Python
    /// listing (with the pinned CPython) and the machine description, or
    /// just the ones named
    Record(RecordArgs),
    /// Take every measurement the book quotes again on this machine (release
    /// mode): each figure's median and p10-p90 beside the book's, and whether
    /// each statement the book makes about them holds here
    Measure {
        /// Tiny samples in a debug build: checks that it runs, measures nothing
        #[arg(long)]
        quick: bool,
    },
    /// Check the measurements' recordings and the prose bound to them (a step
    /// of `test`, on its own)
    Prose,
    /// mdBook's preprocessor for {{#value}}, {{#range}}, {{#claim}} and
    /// {{#reason}} (book.toml runs it)
    Preprocess {
        #[command(subcommand)]
        supports: Option<Supports>,
    },
    /// Run the examples and exercise solutions under Miri
    Miri {
        /// An example, or an exercise in exercises/tests (default: all)
        names: Vec<String>,
    },
    /// Model-check the book's hand-built primitives with loom
    Loom,
    /// Run the threaded examples under ThreadSanitizer
    Tsan {
        /// An example (default: all)
        names: Vec<String>,
    },
    /// Run every example and Python listing N times in a row, every other
    /// run with all cores kept busy
    FlakeHunt {
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..))]
        runs: u32,
    },
    /// Check the book's links into Rust's and Python's documentation against
    /// local copies of the docs
    Links,
    /// Install the pinned book tools into target/tools
    Tools,
    /// This text
    Help,
}

#[derive(Subcommand)]
enum Supports {
    /// mdBook asks whether the preprocessor supports a renderer (it does)
    Supports { renderer: String },
}

/// What `cargo xtask record` records: with no flag, every example and
/// Python listing (or the ones named), the machine description and the
/// figures; a flag records only its kind.
#[derive(Args)]
#[group(skip)]
pub struct RecordArgs {
    /// Only the Python listings (all, or the ones named)
    #[arg(long, group = "kind")]
    pub python: bool,
    /// Only the compiler errors of listings/*.rs (all, or the ones named)
    #[arg(long, group = "kind")]
    pub listings: bool,
    /// Only the figures drawn from recorded outputs
    #[arg(long, group = "kind", conflicts_with = "names")]
    pub figures: bool,
    /// Only the list of published pages and heading ids (adds new ones)
    #[arg(long, group = "kind", conflicts_with = "names")]
    pub ids: bool,
    /// Only the report of `measure` shown in chapter 22 (takes minutes; run it
    /// on an idle machine)
    #[arg(long, group = "kind", conflicts_with = "names")]
    pub measure: bool,
    /// Examples (examples/NAME.rs), Python listings (listings/python/NAME.py)
    /// or, with --listings, compile-fail listings (listings/NAME.rs)
    pub names: Vec<String>,
}

/// One step of `cargo xtask test`. The table below is the list of checks:
/// `cargo xtask help` prints it, and `test` runs it, in this order.
struct Step {
    /// What `test --only` calls it.
    id: &'static str,
    name: &'static str,
    /// Left out by `--fast`.
    slow: bool,
    run: fn() -> Result<(), String>,
}

/// Every check, in the order that fails fastest on the commonest mistakes.
const STEPS: &[Step] = &[
    Step {
        id: "pins",
        name: "pinned versions agree",
        slow: false,
        run: pins::check,
    },
    Step {
        id: "chapters",
        name: "chapters: includes, anchors and outputs",
        slow: false,
        run: book::check_sources,
    },
    Step {
        id: "docs",
        name: "contributor docs: CONTRIBUTING short, its recipes agree with the PR template",
        slow: false,
        run: docs::check,
    },
    Step {
        id: "spell",
        name: "spelling (typos) in the chapters, code and docs",
        slow: false,
        run: spell::check,
    },
    Step {
        id: "notes",
        name: "quotes of the notes are exact (claims index, every page)",
        slow: false,
        run: claims::check,
    },
    Step {
        id: "fmt",
        name: "formatting (cargo fmt --check)",
        slow: false,
        run: || util::cargo(&["fmt", "--all", "--check"]),
    },
    Step {
        id: "clippy",
        name: "lints (cargo clippy -D warnings)",
        slow: false,
        run: lints,
    },
    Step {
        id: "outputs",
        name: "examples and Python listings run and match their recorded output",
        slow: false,
        run: outputs,
    },
    Step {
        id: "platforms",
        name: "examples, exercises and xtask compile for macOS and Windows",
        slow: false,
        run: other_platforms,
    },
    Step {
        id: "playground",
        name: "Run buttons run: every runnable block fits the Rust Playground",
        slow: false,
        run: playground::check,
    },
    Step {
        id: "figures",
        name: "figures drawn from recordings are current",
        slow: false,
        run: figures::check,
    },
    Step {
        id: "prose",
        name: "measurements: every figure parses; the prose agrees with the recordings",
        slow: false,
        run: || values::check().and_then(|()| measure::check()),
    },
    Step {
        id: "doctests",
        name: "doctests, compile-fail listings, exercise solutions",
        slow: false,
        run: || util::cargo_test(&["--workspace", "--features", "exercises/solutions"]),
    },
    Step {
        id: "starters",
        name: "exercise starters compile against their tests",
        slow: false,
        run: || util::cargo(&["test", "--package", "exercises", "--no-run", "--quiet"]),
    },
    Step {
        id: "loom",
        name: "loom models of the hand-built primitives",
        slow: false,
        run: checkers::loom,
    },
    Step {
        id: "book",
        name: "book builds cleanly; links, fragments, math and published ids check out",
        slow: false,
        run: || {
            let site = book::build()?;
            book::check_site(&site)?;
            published::check(&site)
        },
    },
    Step {
        id: "links",
        name: "links into the docs resolve; quotes of the docs are word for word",
        slow: false,
        run: apilinks::check,
    },
    Step {
        id: "browser",
        name: "the book in a browser (Chromium, axe-core, Lighthouse)",
        slow: true,
        run: || book::build().and_then(|_| browser::check()),
    },
    Step {
        id: "miri",
        name: "examples and exercise solutions under Miri",
        slow: true,
        run: || checkers::miri(&[]),
    },
    Step {
        id: "tsan",
        name: "threaded examples under ThreadSanitizer",
        slow: true,
        run: || checkers::tsan(&[]),
    },
    Step {
        id: "editions",
        name: "the PDF and EPUB editions build and pass their checks (pdftotext, epubcheck)",
        slow: true,
        run: editions::check,
    },
];

/// The steps, as `cargo xtask help` lists them.
fn steps_help() -> String {
    let mut text = String::from(
        "The checks `cargo xtask test` runs, in order (`test --only ID,...` runs some):\n",
    );
    for (i, step) in STEPS.iter().enumerate() {
        let slow = if step.slow {
            "  (slow: not with --fast)"
        } else {
            ""
        };
        text += &format!("  {:>2}. {:<12}{}{slow}\n", i + 1, step.id, step.name);
    }
    text
}

fn cli() -> clap::Command {
    Cli::command().after_help(steps_help())
}

fn main() -> ExitCode {
    let matches = cli().get_matches();
    let command = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli.command,
        Err(e) => e.exit(),
    };
    let result = match command {
        Cmd::Serve => book::serve(),
        Cmd::Build => book::build().map(|_| ()),
        Cmd::Pdf => editions::pdf(),
        Cmd::Epub => editions::epub(),
        Cmd::Theme => theme::write(),
        Cmd::Test { fast, only } => test(fast, &only),
        Cmd::Record(args) => record::record(&args),
        Cmd::Tools => tools::ensure(tools::Need::Build).map(|_| ()),
        Cmd::Measure { quick } => measure::measure(quick),
        Cmd::Preprocess { supports: Some(_) } => Ok(()),
        Cmd::Preprocess { supports: None } => values::preprocess(),
        Cmd::Prose => values::check(),
        Cmd::Links => apilinks::check(),
        Cmd::Miri { names } => checkers::miri(&names),
        Cmd::Loom => checkers::loom(),
        Cmd::Tsan { names } => checkers::tsan(&names),
        Cmd::FlakeHunt { runs } => checkers::flake_hunt(runs),
        Cmd::Help => {
            print!("{}", cli().render_long_help());
            Ok(())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `cargo xtask test`: every step of [`STEPS`] (the fast ones with
/// `--fast`, the ones named with `--only`).
fn test(fast: bool, only: &[String]) -> Result<(), String> {
    let started = Instant::now();
    let mut passed = 0;
    let chosen = |s: &&Step| {
        if only.is_empty() {
            !(fast && s.slow)
        } else {
            only.iter().any(|id| id == s.id)
        }
    };
    let steps: Vec<&Step> = STEPS.iter().filter(chosen).collect();
    // Builds that late steps need start now, at the lowest priority, unless
    // their step comes first (see background.rs).
    let later = |ids: &[&str]| steps.iter().skip(1).any(|s| ids.contains(&s.id));
    let mut jobs = Vec::new();
    if later(&["book", "browser"]) {
        jobs.extend(tools::background_job());
    }
    if later(&["miri"]) {
        jobs.extend(checkers::miri_job());
    }
    if later(&["tsan"]) {
        jobs.extend(checkers::tsan_job());
    }
    if later(&["editions"]) {
        jobs.extend(tools::background_epub_job());
    }
    background::start(jobs);
    for step in steps {
        let t = Instant::now();
        eprintln!("==> {}", step.name);
        if let Err(e) = (step.run)() {
            // The closing line CI reads, then the reason.
            println!("checks: {passed} passed, 1 failed");
            return Err(format!("{}: {e}", step.name));
        }
        passed += 1;
        eprintln!("    ok ({:.1}s)", t.elapsed().as_secs_f64());
    }
    if fast {
        let left: Vec<&str> = STEPS.iter().filter(|s| s.slow).map(|s| s.name).collect();
        eprintln!("\n--fast: not run: {}", left.join("; "));
    }
    eprintln!(
        "\nall checks passed in {:.0}s",
        started.elapsed().as_secs_f64()
    );
    println!("checks: {passed} passed, 0 failed");
    Ok(())
}

fn lints() -> Result<(), String> {
    util::cargo(&[
        "clippy",
        "--workspace",
        "--all-targets",
        "--quiet",
        "--",
        "-D",
        "warnings",
    ])?;
    util::cargo(&[
        "clippy",
        "--package",
        "exercises",
        "--all-targets",
        "--features",
        "solutions",
        "--quiet",
        "--",
        "-D",
        "warnings",
    ])
}

/// The examples, exercises and xtask checked (not built: that needs no linker) for
/// the other platforms readers have, the targets rust-toolchain.toml lists.
/// An example that cannot run there still compiles, and says what it needs.
fn other_platforms() -> Result<(), String> {
    let targets = pins::targets()?;
    if targets.is_empty() {
        return Err("rust-toolchain.toml lists no targets to check the examples against".into());
    }
    // One cargo for every target and package, so that it checks them side
    // by side. xtask is checked too: serve, build and the rest work there
    // (only the checks assume Linux).
    let mut args = vec![
        "check",
        "--quiet",
        "--package",
        "concurrency-in-rust",
        "--package",
        "exercises",
        "--package",
        "xtask",
        "--all-targets",
        "--features",
        "exercises/solutions",
    ];
    for target in &targets {
        args.extend(["--target", target.as_str()]);
    }
    let mut cmd = util::cargo_command();
    cmd.args(&args)
        .current_dir(util::root())
        .env("RUSTFLAGS", "-D warnings");
    process::run(&mut cmd).map_err(|e| format!("{}: {e}", targets.join(", ")))?;
    Ok(())
}

/// Examples and Python listings side by side: many of them mostly wait
/// (timers, sockets, child processes), and each is designed to pass on a
/// busy machine.
fn outputs() -> Result<(), String> {
    std::thread::scope(|s| {
        let python = s.spawn(python::check);
        let rust = examples::check();
        let python = python
            .join()
            .unwrap_or_else(|_| Err("the Python check panicked".into()));
        match (rust, python) {
            (Ok(()), Ok(())) => Ok(()),
            (Err(e), Ok(())) | (Ok(()), Err(e)) => Err(e),
            (Err(rust), Err(python)) => Err(format!("{rust}\n\n{python}")),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_table_is_consistent() {
        cli().debug_assert();
    }

    fn parse(args: &[&str]) -> Result<Cmd, clap::Error> {
        let argv = std::iter::once("cargo xtask").chain(args.iter().copied());
        let matches = cli().try_get_matches_from(argv)?;
        Cli::from_arg_matches(&matches).map(|c| c.command)
    }

    #[test]
    fn commands_reject_arguments_they_do_not_take() {
        for args in [
            &["loom", "extra"][..],
            &["links", "x"],
            &["build", "x"],
            &["serve", "x"],
            &["tools", "x"],
            &["prose", "x"],
            &["test", "--fats"],
            &["test", "--only", "nothing"],
            &["test", "--fast", "--only", "miri"],
            &["measure", "now"],
            &["flake-hunt", "--runs", "0"],
            &["record", "--figures", "threads_spawn"],
            &["record", "--measure", "x"],
            &["record", "--python", "--listings"],
            &["preprocess", "x"],
        ] {
            assert!(parse(args).is_err(), "accepted {args:?}");
        }
    }

    #[test]
    fn record_keeps_the_names_beside_a_flag() {
        let Ok(Cmd::Record(r)) = parse(&["record", "--listings", "threads_spawn"]) else {
            panic!("record --listings NAME did not parse");
        };
        assert!(r.listings && r.names == ["threads_spawn"]);
        let Ok(Cmd::Record(r)) = parse(&["record", "a", "b"]) else {
            panic!("record NAMES did not parse");
        };
        assert!(!r.python && r.names == ["a", "b"]);
        assert!(matches!(
            parse(&["preprocess", "supports", "html"]),
            Ok(Cmd::Preprocess { supports: Some(_) })
        ));
        assert!(matches!(
            parse(&["flake-hunt"]),
            Ok(Cmd::FlakeHunt { runs: 20 })
        ));
    }

    #[test]
    fn step_ids_are_unique() {
        let ids: std::collections::BTreeSet<&str> = STEPS.iter().map(|s| s.id).collect();
        assert_eq!(ids.len(), STEPS.len());
    }

    #[test]
    fn help_lists_every_step() {
        // Help wraps long lines to the terminal's width.
        let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let help = flat(&cli().render_long_help().to_string());
        for step in STEPS {
            assert!(
                help.contains(&flat(step.name)),
                "help leaves out {}",
                step.name
            );
        }
    }
}
