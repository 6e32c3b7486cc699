//! `cargo xtask`: the book's one entry point for maintenance.
//!
//! Every command works on a fresh machine that has only the Rust toolchain:
//! the book's tools are built from crates.io, at the versions pinned in
//! `[workspace.metadata.pins]` of the root `Cargo.toml`, the first time they
//! are needed.

mod apilinks;
mod book;
mod browser;
mod checkers;
mod claims;
mod examples;
mod figures;
mod measure;
mod pins;
mod python;
mod quotes;
mod record;
mod tools;
mod util;
mod values;

use std::process::ExitCode;
use std::time::Instant;

const HELP: &str = "\
cargo xtask <command>

  serve              serve the book at http://localhost:3000 with live reload
  build              build the book into target/book
  test [--fast]      run every check (what CI runs); --fast leaves out the
                     slow ones: the browser, Miri and ThreadSanitizer
  record [NAME...]   re-record outputs into listings/output/: every example,
                     every Python listing (with the pinned CPython) and the
                     machine description, or just the examples and Python
                     listings named
  record --python    re-record only the Python listings' outputs
  record --listings  re-record the compiler errors of listings/*.rs
  record --figures   redraw the figures drawn from recorded outputs
  record --measure   re-record the report of `measure` shown in chapter 22
  measure [--quick]  take every measurement the book quotes again on this
                     machine (release mode): each figure's median and
                     p10-p90 beside the book's, and whether each statement
                     the book makes about them holds here
  prose              check the measurements' recordings and the prose bound
                     to them (a step of `test`, on its own: a second)
  preprocess         mdBook's preprocessor for {{#value}}, {{#range}},
                     {{#claim}} and {{#reason}} (book.toml runs it)
  miri [NAME...]     run the examples and exercise solutions under Miri
                     (NAME: an example, or an exercise in exercises/tests)
  loom               model-check the book's hand-built primitives with loom
  tsan [NAME...]     run the threaded examples under ThreadSanitizer
  flake-hunt [--runs N]
                     run every example and Python listing N times in a
                     row (default 20), every other run with all cores
                     kept busy
  links              check the book's links into Rust's and Python's
                     documentation against local copies of the docs
  tools              install the pinned book tools into target/tools
  help               this text
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, rest) = match args.split_first() {
        Some((c, rest)) => (c.as_str(), rest),
        None => ("help", &[][..]),
    };
    let result = match command {
        "serve" => book::serve(),
        "build" => book::build().map(|_| ()),
        "test" => test(rest),
        "record" => record::record(rest),
        "tools" => tools::ensure().map(|_| ()),
        "measure" => measure::measure(rest),
        "preprocess" => values::preprocess(rest),
        "prose" => values::check(),
        "links" => apilinks::check(),
        "miri" => checkers::miri(rest),
        "loom" => checkers::loom(),
        "tsan" => checkers::tsan(rest),
        "flake-hunt" => checkers::flake_hunt(rest),
        "help" | "--help" | "-h" => {
            print!("{HELP}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Every check, in the order that fails fastest on the commonest mistakes.
fn test(args: &[String]) -> Result<(), String> {
    let fast = match args {
        [] => false,
        [flag] if flag == "--fast" => true,
        [extra, ..] => {
            return Err(format!(
                "`cargo xtask test` takes only `--fast`, got `{extra}`"
            ));
        }
    };
    let started = Instant::now();
    let passed = std::cell::Cell::new(0);
    let step = |name: &str, f: &dyn Fn() -> Result<(), String>| -> Result<(), String> {
        let t = Instant::now();
        eprintln!("==> {name}");
        if let Err(e) = f() {
            // The closing line CI reads, then the reason.
            println!("checks: {} passed, 1 failed", passed.get());
            return Err(format!("{name}: {e}"));
        }
        passed.set(passed.get() + 1);
        eprintln!("    ok ({:.1}s)", t.elapsed().as_secs_f64());
        Ok(())
    };
    step("pinned versions agree", &pins::check)?;
    step(
        "chapters: includes, anchors and outputs",
        &book::check_sources,
    )?;
    step(
        "quotes of the notes are exact (claims index, every page)",
        &claims::check,
    )?;
    step("formatting (cargo fmt --check)", &|| {
        util::cargo(&["fmt", "--all", "--check"])
    })?;
    step("lints (cargo clippy -D warnings)", &|| {
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
    })?;
    step(
        "examples and Python listings run and match their recorded output",
        &|| {
            // Side by side: many of them mostly wait (timers, sockets, child
            // processes), and each is designed to pass on a busy machine.
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
        },
    )?;
    step("figures drawn from recordings are current", &figures::check)?;
    step(
        "measurements: every figure parses; the prose agrees with the recordings",
        &|| values::check().and_then(|()| measure::check()),
    )?;
    step(
        "doctests, compile-fail listings, exercise solutions",
        &|| util::cargo_test(&["--workspace", "--features", "exercises/solutions"]),
    )?;
    step("exercise starters compile against their tests", &|| {
        util::cargo(&["test", "--package", "exercises", "--no-run", "--quiet"])
    })?;
    step("loom models of the hand-built primitives", &checkers::loom)?;
    step(
        "book builds cleanly; links, fragments and math check out",
        &|| {
            let site = book::build()?;
            book::check_site(&site)
        },
    )?;
    step(
        "links into the docs resolve; quotes of the docs are word for word",
        &apilinks::check,
    )?;
    if fast {
        eprintln!("\n--fast: the browser, Miri and ThreadSanitizer checks were not run");
    } else {
        step(
            "the book in a browser (Chromium, axe-core, Lighthouse)",
            &browser::check,
        )?;
        step("examples and exercise solutions under Miri", &|| {
            checkers::miri(&[])
        })?;
        step("threaded examples under ThreadSanitizer", &|| {
            checkers::tsan(&[])
        })?;
    }
    eprintln!(
        "\nall checks passed in {:.0}s",
        started.elapsed().as_secs_f64()
    );
    println!("checks: {} passed, 0 failed", passed.get());
    Ok(())
}
