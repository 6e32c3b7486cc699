//! Python listings: every Python program a chapter shows is a file in
//! `listings/python/`, run by the suite and checked against its recording in
//! `listings/output/python/`.
//!
//! A listing declares what may differ between runs with the examples'
//! directives, as `#` comments near its top and outside any anchor
//! (`# output: unordered`, `mask-durations`, `mask-numbers`, `mask-hex`,
//! `mask REGEX`, `timeout SECONDS`), and three of its own:
//!
//! ```text
//! # output: args ARGS          arguments of both the recording and the test
//! # output: invariant REGEX    a whole line the output holds on any CPython
//! # output: measurement        it times something with the harness: the test
//!                              runs it with `--quick`, and its figures are masked
//! ```
//!
//! Recordings come from the CPython pinned as `python` in
//! `[workspace.metadata.pins]`, and name it in their first line. On that
//! version the suite compares the whole output (after masking); on any other
//! interpreter it checks what holds everywhere: the listing exits 0 (its own
//! `assert`s hold) and prints a line matching each declared invariant. Every
//! invariant must also hold of the recording, so none can be wrong unnoticed.
use crate::examples::{self, Directives, Language};
use crate::util::{files, read, rel, root};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const DEFAULT_TIMEOUT: u64 = 10;

pub struct Listing {
    pub name: String,
    pub source: PathBuf,
    pub directives: Directives,
}

impl Listing {
    pub fn output_file(&self) -> PathBuf {
        root()
            .join("listings/output/python")
            .join(format!("{}.txt", self.name))
    }

    /// The command a reader types, as the first line of the recording shows it.
    fn command(&self) -> String {
        let mut command = format!("$ python3 listings/python/{}.py", self.name);
        for arg in &self.directives.args {
            command += " ";
            command += arg;
        }
        command
    }

    /// The recording's first line: the command, and the interpreter it ran on.
    pub fn header(&self, version: &str) -> String {
        format!("{}  # CPython {version}", self.command())
    }
}

pub fn all() -> Result<Vec<Listing>, String> {
    let dir = root().join("listings/python");
    files(&dir, ".py")
        .into_iter()
        .filter(|p| p.parent() == Some(&dir))
        // The measurement harness is a module the listings import.
        .filter(|p| !p.ends_with("harness.py"))
        .map(|source| {
            let name = source.file_stem().unwrap().to_string_lossy().into_owned();
            let directives = examples::parse_directives_in(&read(&source)?, Language::Python)
                .map_err(|e| format!("{}: {e}", rel(&source)))?;
            Ok(Listing {
                name,
                source,
                directives,
            })
        })
        .collect()
}

/// The interpreter the suite runs: `$PYTHON`, or `python3` on the `PATH`.
pub struct Interpreter {
    pub command: String,
    /// `CPython 3.11.7`, `CPython 3.13.1 (free-threaded)`, `PyPy 3.10.14`.
    pub description: String,
    /// Whether this is the pinned CPython, whose output the recordings show.
    pub pinned: bool,
}

pub fn pinned_version() -> Result<String, String> {
    Ok(crate::pins::load()?.python)
}

pub fn interpreter() -> Result<Interpreter, String> {
    let command = std::env::var("PYTHON").unwrap_or_else(|_| "python3".into());
    let probe = "import platform, sysconfig; \
                 print(platform.python_implementation(), platform.python_version(), \
                 bool(sysconfig.get_config_var('Py_GIL_DISABLED')))";
    let out = Command::new(&command)
        .args(["-c", probe])
        .output()
        .map_err(|e| format!("cannot run `{command}` (set PYTHON=... to name a Python 3): {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let fields: Vec<&str> = text.split_whitespace().collect();
    let [implementation, version, free_threaded] = fields[..] else {
        return Err(format!("`{command}` did not say what it is: {text:?}"));
    };
    let free_threaded = free_threaded == "True";
    let pinned = implementation == "CPython" && version == pinned_version()? && !free_threaded;
    let description = format!(
        "{implementation} {version}{}",
        if free_threaded {
            " (free-threaded)"
        } else {
            ""
        }
    );
    Ok(Interpreter {
        command,
        description,
        pinned,
    })
}

/// Runs one listing as a reader would, from the repository's root, with
/// standard output unbuffered so that it interleaves with standard error in
/// the order the program wrote them, as in a terminal. `test`: a test run,
/// which passes `--quick` to a measurement.
pub fn run_listing(
    python: &Interpreter,
    listing: &Listing,
    timeout: Duration,
    test: bool,
) -> Result<(bool, String), String> {
    let mut cmd = Command::new(&python.command);
    cmd.arg(Path::new("listings/python").join(format!("{}.py", listing.name)))
        .args(&listing.directives.args);
    if test && listing.directives.measurement {
        cmd.arg("--quick");
    }
    cmd.env("PYTHONUNBUFFERED", "1")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env_remove("PYTHONWARNINGS")
        .env_remove("PYTHONPATH");
    crate::process::captured(cmd, &rel(&listing.source), timeout)
}

/// `cargo xtask test`: every listing runs and prints its recording (on the
/// pinned CPython), or at least its invariants (on any other).
pub fn check() -> Result<(), String> {
    let listings = all()?;
    let python = interpreter()?;
    let pinned = pinned_version()?;
    let mut failures = Vec::new();
    for ex in examples::all()? {
        // A chapter's side-by-side pair shares its name on purpose:
        // `cargo xtask record SLUG_side_by_side` records both halves.
        if listings.iter().any(|l| l.name == ex.name) && !ex.name.ends_with("_side_by_side") {
            failures.push(format!(
                "listings/python/{0}.py and examples/{0}.rs share a name: `cargo xtask record {0}` could not tell them apart",
                ex.name
            ));
        }
    }
    let mut invariants = 0;
    // The listings run side by side, one per logical CPU: they are small,
    // and none of them depends on having the machine to itself.
    let runs = crate::util::parallel_map(&listings, |listing| {
        let timeout = Duration::from_secs(listing.directives.timeout.unwrap_or(DEFAULT_TIMEOUT));
        run_listing(&python, listing, timeout, true)
    });
    for (listing, run_result) in listings.iter().zip(runs) {
        let d = &listing.directives;
        let file = listing.output_file();
        let Ok(recorded) = std::fs::read_to_string(&file) else {
            failures.push(format!(
                "{}: no recorded output {} (run `cargo xtask record {}` with CPython {pinned})",
                listing.name,
                rel(&file),
                listing.name
            ));
            continue;
        };
        let (first, recorded_body) = recorded.split_once('\n').unwrap_or((&recorded, ""));
        if first != listing.header(&pinned) {
            failures.push(format!(
                "{}: {} starts with `{first}`, expected `{}` (re-record it with CPython {pinned})",
                listing.name,
                rel(&file),
                listing.header(&pinned)
            ));
            continue;
        }
        if let Some(missing) = missing_invariant(d, recorded_body) {
            failures.push(format!(
                "{}: the invariant `{missing}` does not hold of its own recording",
                listing.name
            ));
            continue;
        }
        let out = match run_result {
            Err(e) => {
                failures.push(e);
                continue;
            }
            Ok((false, out)) => {
                failures.push(format!("{} exited with failure:\n{out}", listing.name));
                continue;
            }
            Ok((true, out)) => out,
        };
        if python.pinned {
            let (want, got) = (
                examples::normalise(recorded_body, d),
                examples::normalise(&out, d),
            );
            if want != got {
                failures.push(format!(
                    "{}: output differs from {} (after masking what it declares)\n{}",
                    listing.name,
                    rel(&file),
                    examples::diff(&want, &got)
                ));
            }
        } else if let Some(missing) = missing_invariant(d, &out) {
            failures.push(format!(
                "{}: no line of its output matches the invariant `{missing}`:\n{out}",
                listing.name
            ));
        }
        invariants += d.invariants.len();
    }
    let dir = root().join("listings/output/python");
    for file in files(&dir, ".txt") {
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        if !listings.iter().any(|l| l.name == stem) {
            failures.push(format!(
                "{} belongs to no Python listing: delete it",
                rel(&file)
            ));
        }
    }
    if !failures.is_empty() {
        return Err(format!(
            "{} problem(s):\n\n{}\n\nIf the change is intended, re-record with `cargo xtask record NAME` (CPython {pinned}).",
            failures.len(),
            failures.join("\n\n")
        ));
    }
    let timed = listings.iter().filter(|l| l.directives.measurement).count();
    if python.pinned {
        eprintln!(
            "    {} Python listings on {} (the pinned version): every output compared with its recording; {timed} of them time something",
            listings.len(),
            python.description
        );
    } else {
        eprintln!(
            "    {} Python listings on {}, not the pinned CPython {pinned}: outputs NOT compared; checked that each exits 0 and that its {invariants} declared invariants hold",
            listings.len(),
            python.description
        );
    }
    Ok(())
}

/// The first invariant that no line of `output` matches.
fn missing_invariant(d: &Directives, output: &str) -> Option<String> {
    d.invariants
        .iter()
        .find(|re| !output.lines().any(|l| re.is_match(l.trim_end())))
        .map(|re| re.as_str().to_owned())
}

/// `cargo xtask record NAME...` for Python listings: only the pinned CPython
/// may write a recording.
pub fn record(chosen: &[&Listing]) -> Result<(), String> {
    if chosen.is_empty() {
        return Ok(());
    }
    let python = interpreter()?;
    let pinned = pinned_version()?;
    if !python.pinned {
        return Err(format!(
            "the recordings come from CPython {pinned} (the `python` pin), but `{}` is {}: set PYTHON to a CPython {pinned}",
            python.command, python.description
        ));
    }
    crate::util::create_dir_all(&root().join("listings/output/python"))?;
    for listing in chosen {
        eprintln!("recording {}", listing.header(&pinned));
        let (ok, out) = run_listing(&python, listing, Duration::from_secs(300), false)?;
        if !ok {
            return Err(format!("{} failed; nothing recorded:\n{out}", listing.name));
        }
        let file = listing.output_file();
        if let Some(missing) = missing_invariant(&listing.directives, &out) {
            return Err(format!(
                "{}: no line of its output matches its invariant `{missing}`; nothing recorded:\n{out}",
                listing.name
            ));
        }
        let text = format!("{}\n{}\n", listing.header(&pinned), out.trim_end());
        crate::util::write(&file, text)?;
    }
    Ok(())
}

/// Blocks fenced `python,fragment` (an API's shape, not a program) must at
/// least compile: each is written to `target/python-fragments/` and compiled
/// with `py_compile`. `fragments` holds (where, code) pairs.
pub fn compile_fragments(fragments: &[(String, String)]) -> Result<(), String> {
    if fragments.is_empty() {
        return Ok(());
    }
    let python = interpreter()?;
    let dir = crate::util::target_dir().join("python-fragments");
    let _ = std::fs::remove_dir_all(&dir);
    crate::util::create_dir_all(&dir)?;
    let mut problems = Vec::new();
    for (i, (at, code)) in fragments.iter().enumerate() {
        let file = dir.join(format!("fragment_{i}.py"));
        crate::util::write(&file, code)?;
        let out = Command::new(&python.command)
            .args(["-m", "py_compile"])
            .arg(&file)
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .output()
            .map_err(|e| format!("cannot run {}: {e}", python.command))?;
        if !out.status.success() {
            problems.push(format!(
                "{at}: this `python,fragment` block does not compile:\n{}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(source: &str) -> Listing {
        Listing {
            name: "gil_counter".into(),
            source: PathBuf::from("listings/python/gil_counter.py"),
            directives: examples::parse_directives_in(source, Language::Python).unwrap(),
        }
    }

    #[test]
    fn the_header_names_the_command_and_the_interpreter() {
        let l = listing("# output: args --limit 20 --threads 2\n");
        assert_eq!(
            l.header("3.11.7"),
            "$ python3 listings/python/gil_counter.py --limit 20 --threads 2  # CPython 3.11.7"
        );
    }

    #[test]
    fn invariants_match_whole_lines() {
        let l = listing("# output: invariant counted \\d+ of 4000000\nprint()\n");
        let d = &l.directives;
        assert_eq!(missing_invariant(d, "counted 1849179 of 4000000\n"), None);
        assert!(missing_invariant(d, "we counted 12 of 4000000").is_some());
        assert!(missing_invariant(d, "counted 12 of 40000000").is_some());
        assert!(missing_invariant(d, "").is_some());
    }

    #[test]
    fn rust_and_python_directives_stay_apart() {
        assert!(examples::parse_directives_in("# output: release", Language::Python).is_err());
        assert!(examples::parse_directives_in("# output: test-args -q", Language::Python).is_err());
        assert!(examples::parse_directives("// output: invariant x").is_err());
        assert!(examples::parse_directives("// output: args x").is_err());
        // A Rust comment in a Python file is not a directive, nor the reverse.
        let d = examples::parse_directives_in("// output: sorted\n", Language::Python).unwrap();
        assert!(d.masks.is_empty());
        assert!(examples::parse_directives_in("# output: invariant", Language::Python).is_err());
        let d = examples::parse_directives_in(
            "# output: measurement\n# output: mask-durations\n# output: timeout 30\n",
            Language::Python,
        )
        .unwrap();
        assert!(d.measurement);
        assert_eq!(d.timeout, Some(30));
    }
}
