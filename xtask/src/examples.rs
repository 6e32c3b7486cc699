//! Running examples, recording their output, and checking it stays current.
//!
//! An example declares what in its output may differ between runs with
//! directive comments (the table in STYLE.md, *Directives*):
//!
//! ```text
//! // output: unordered            lines may come in any order
//! // output: mask-durations       12.3µs, 4 ms, 1.002s, …
//! // output: mask-numbers         every number
//! // output: mask-hex             0x7ffd5a3c…
//! // output: mask REGEX           anything else
//! // output: release              recorded with `cargo run --release`
//! // output: test-args ARGS       arguments for the test run (the recording uses none)
//! // output: timeout SECONDS      the test run's limit (default 10)
//! // output: miri                 undefined behaviour on purpose: never run
//!                                 natively; recorded and checked under Miri,
//!                                 which must report it
//! // miri: skip REASON            `cargo xtask miri` does not run it, because…
//! // miri: flags FLAGS             MIRIFLAGS for it (say why in a comment above)
//! // tsan: skip REASON            `cargo xtask tsan` does not run it, because…
//! ```
//!
//! Python listings use the same `output:` directives as `#` comments, and
//! three of their own (see `python.rs`): `args`, `invariant` and
//! `measurement`.
use crate::process::captured;
use crate::util::{cargo, files, read, rel, root};
use regex::Regex;
use std::path::PathBuf;
use std::process::Command;
use std::sync::LazyLock;
use std::time::Duration;

const DEFAULT_TIMEOUT: u64 = 10;

static DURATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d+(\.\d+)?\s?(ns|µs|us|ms|s)\b").unwrap());
static NUMBER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\d+(\.\d+)?").unwrap());
static SPACES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r" {2,}").unwrap());
/// A figure of the measurement harness: `median M unit (p10–p90 A–B, n=N)`.
static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"median -?[\d.]+ ?[^\s(]* \(p10–p90 -?[\d.]+–-?[\d.]+, n=\d+\)").unwrap()
});
static HEX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"0x[0-9a-fA-F]+").unwrap());

#[derive(Debug, Default)]
pub struct Directives {
    pub unordered: bool,
    pub release: bool,
    pub masks: Vec<Regex>,
    pub test_args: Vec<String>,
    pub timeout: Option<u64>,
    /// `// output: miri`: the example is undefined behaviour on purpose.
    pub miri_only: bool,
    /// `// miri: skip REASON`
    pub miri_skip: Option<String>,
    /// `// miri: flags FLAGS`
    pub miri_flags: Option<String>,
    /// `// tsan: skip REASON`
    pub tsan_skip: Option<String>,
    /// Python only, `# output: args ARGS`: the arguments of both the
    /// recording and the test.
    pub args: Vec<String>,
    /// Python only, `# output: invariant REGEX`: a line that the output holds
    /// on every interpreter, not only the pinned one.
    pub invariants: Vec<Regex>,
    /// Python only, `# output: measurement`: the listing times something
    /// with the harness (`listings/python/harness.py`); the tests run it
    /// with `--quick`.
    pub measurement: bool,
}

/// The directives of a Rust example (`// output: …`, `// miri: …`, `// tsan: …`).
pub fn parse_directives(source: &str) -> Result<Directives, String> {
    parse_directives_in(source, Language::Rust)
}

#[derive(Clone, Copy, PartialEq)]
pub enum Language {
    Rust,
    Python,
}

/// The directives of a source file whose comments start as `language`'s do.
pub fn parse_directives_in(source: &str, language: Language) -> Result<Directives, String> {
    let mut d = Directives::default();
    let output_prefix = match language {
        Language::Rust => "// output:",
        Language::Python => "# output:",
    };
    for (n, line) in source.lines().enumerate() {
        let line = line.trim();
        if language == Language::Rust {
            // Miri and ThreadSanitizer run Rust only.
            if let Some(flags) = line.strip_prefix("// miri: flags ") {
                d.miri_flags = Some(flags.trim().to_owned());
                continue;
            }
            for (tool, slot) in [("miri", &mut d.miri_skip), ("tsan", &mut d.tsan_skip)] {
                if let Some(rest) = line.strip_prefix(&format!("// {tool}:")) {
                    match rest.trim().strip_prefix("skip ") {
                        Some(reason) if !reason.trim().is_empty() => {
                            *slot = Some(reason.trim().into())
                        }
                        _ => {
                            return Err(format!(
                                "line {}: `{line}`: expected `// {tool}: skip REASON`",
                                n + 1
                            ));
                        }
                    }
                }
            }
        }
        let Some(rest) = line.strip_prefix(output_prefix) else {
            continue;
        };
        let rest = rest.trim();
        let (key, arg) = rest.split_once(' ').unwrap_or((rest, ""));
        let arg = arg.trim();
        let bad = |why: &str| format!("line {}: `{line}`: {why}", n + 1);
        let rust_only = ["release", "miri", "test-args"];
        let python_only = ["args", "invariant", "measurement"];
        match language {
            Language::Python if rust_only.contains(&key) => {
                return Err(bad("Rust examples only (a Python listing takes `args`)"));
            }
            Language::Rust if python_only.contains(&key) => {
                return Err(bad("Python listings only"));
            }
            _ => {}
        }
        match key {
            "unordered" => d.unordered = true,
            "release" => d.release = true,
            "miri" => d.miri_only = true,
            "mask-durations" => d.masks.push(DURATION.clone()),
            "mask-numbers" => d.masks.push(NUMBER.clone()),
            "mask-hex" => d.masks.push(HEX.clone()),
            "mask" => d
                .masks
                .push(Regex::new(arg).map_err(|e| bad(&format!("bad regex: {e}")))?),
            "test-args" => d.test_args = arg.split_whitespace().map(str::to_owned).collect(),
            "args" => d.args = arg.split_whitespace().map(str::to_owned).collect(),
            "timeout" => d.timeout = Some(arg.parse().map_err(|_| bad("expected whole seconds"))?),
            "invariant" if arg.is_empty() => return Err(bad("expected a regular expression")),
            "invariant" => d.invariants.push(
                Regex::new(&format!("^(?:{arg})$")).map_err(|e| bad(&format!("bad regex: {e}")))?,
            ),
            "measurement" => d.measurement = true,
            _ => return Err(bad("unknown directive")),
        }
    }
    if d.release || d.measurement {
        // A measurement's figures differ from run to run, and a test run
        // (`--quick`) takes fewer samples.
        d.masks.insert(0, FIGURE.clone());
    }
    Ok(d)
}

/// The command a reader types to get this output; the first line of every
/// recorded file.
pub fn header(name: &str, d: &Directives) -> String {
    if d.miri_only {
        return format!("$ cargo +nightly miri run --example {name}");
    }
    let release = if d.release { " --release" } else { "" };
    format!("$ cargo run{release} --example {name}")
}

/// The output with everything the example declared nondeterministic masked.
pub fn normalise(output: &str, d: &Directives) -> String {
    let mut lines: Vec<String> = output
        .lines()
        .map(|line| {
            let mut line = line.trim_end().to_owned();
            for mask in &d.masks {
                line = mask.replace_all(&line, "<masked>").into_owned();
            }
            if !d.masks.is_empty() {
                // Column padding follows the width of the masked values.
                line = SPACES.replace_all(&line, " ").into_owned();
            }
            line
        })
        .collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    if d.unordered {
        lines.sort();
    }
    lines.join("\n")
}

pub struct Example {
    pub name: String,
    pub source: PathBuf,
    pub directives: Directives,
}

impl Example {
    pub fn output_file(&self) -> PathBuf {
        root()
            .join("listings/output")
            .join(format!("{}.txt", self.name))
    }
}

pub fn all() -> Result<Vec<Example>, String> {
    files(&root().join("examples"), ".rs")
        .into_iter()
        .filter(|p| p.parent() == Some(&root().join("examples")))
        .map(|source| {
            let name = source.file_stem().unwrap().to_string_lossy().into_owned();
            let directives =
                parse_directives(&read(&source)?).map_err(|e| format!("{}: {e}", rel(&source)))?;
            Ok(Example {
                name,
                source,
                directives,
            })
        })
        .collect()
}

pub fn binary(name: &str, release: bool) -> PathBuf {
    let profile = if release { "release" } else { "debug" };
    crate::util::target_dir()
        .join(profile)
        .join("examples")
        .join(name)
}

pub fn build(release: bool, names: &[&str]) -> Result<(), String> {
    if names.is_empty() {
        return Ok(());
    }
    let mut args = vec!["build", "--quiet", "--package", "concurrency-in-rust"];
    if release {
        args.push("--release");
    }
    for name in names {
        args.extend(["--example", name]);
    }
    cargo(&args)
}

/// `cargo xtask test`: every example runs (with its test arguments, in debug
/// mode), exits 0 within its timeout, and prints what was recorded.
pub fn check() -> Result<(), String> {
    check_with(true)
}

/// [`check`] without a line for every example that passes.
pub fn check_quietly() -> Result<(), String> {
    check_with(false)
}

fn check_with(verbose: bool) -> Result<(), String> {
    let examples = all()?;
    let names: Vec<&str> = examples.iter().map(|e| e.name.as_str()).collect();
    build(false, &names)?;
    let mut failures = Vec::new();
    // Undefined behaviour on purpose: `cargo xtask miri` checks those.
    let native: Vec<&Example> = examples
        .iter()
        .filter(|e| !e.directives.miri_only)
        .collect();
    // The examples run side by side, one per logical CPU: each is designed to
    // give its output on a busy machine (the flake hunt checks that).
    let runs = crate::util::parallel_map(&native, |ex| {
        let d = &ex.directives;
        let timeout = Duration::from_secs(d.timeout.unwrap_or(DEFAULT_TIMEOUT));
        let mut cmd = Command::new(binary(&ex.name, false));
        cmd.args(&d.test_args);
        captured(cmd, &ex.name, timeout)
    });
    for (ex, run_result) in native.into_iter().zip(runs) {
        let d = &ex.directives;
        let recorded_file = ex.output_file();
        let Ok(recorded) = std::fs::read_to_string(&recorded_file) else {
            failures.push(format!(
                "{}: no recorded output {} (run `cargo xtask record {}`)",
                ex.name,
                rel(&recorded_file),
                ex.name
            ));
            continue;
        };
        let (first, recorded_body) = recorded.split_once('\n').unwrap_or((&recorded, ""));
        if first != header(&ex.name, d) {
            failures.push(format!(
                "{}: recorded file starts with `{first}`, expected `{}` (re-record it)",
                ex.name,
                header(&ex.name, d)
            ));
            continue;
        }
        match run_result {
            Err(e) => failures.push(e),
            Ok((false, out)) => failures.push(format!("{} exited with failure:\n{out}", ex.name)),
            Ok((true, out)) => {
                let (want, got) = (normalise(recorded_body, d), normalise(&out, d));
                if want != got {
                    failures.push(format!(
                        "{}: output differs from {} (after masking what it declares)\n{}",
                        ex.name,
                        rel(&recorded_file),
                        diff(&want, &got)
                    ));
                } else if verbose {
                    eprintln!("    {} ok", ex.name);
                }
            }
        }
    }
    let outputs = root().join("listings/output");
    // Python listings' recordings live in a folder of their own (python.rs).
    for file in files(&outputs, ".txt")
        .into_iter()
        .filter(|f| f.parent() == Some(&outputs))
    {
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        if stem != "machine" && stem != "measure" && !names.contains(&stem.as_str()) {
            failures.push(format!("{} belongs to no example: delete it", rel(&file)));
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} problem(s):\n\n{}\n\nIf the change is intended, re-record with `cargo xtask record NAME`.",
            failures.len(),
            failures.join("\n\n")
        ))
    }
}

/// A line-by-line account of two texts that differ: recorded (-) and now (+).
pub fn diff(want: &str, got: &str) -> String {
    let (w, g): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let mut out = String::new();
    for i in 0..w.len().max(g.len()) {
        match (w.get(i), g.get(i)) {
            (Some(a), Some(b)) if a == b => out += &format!("    {a}\n"),
            (a, b) => {
                if let Some(a) = a {
                    out += &format!("  - {a}\n");
                }
                if let Some(b) = b {
                    out += &format!("  + {b}\n");
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn miri_and_tsan_directives_need_a_reason() {
        let d = parse_directives("// miri: skip opens sockets\n// tsan: skip why not\n// miri: flags -Zmiri-ignore-leaks").unwrap();
        assert_eq!(d.miri_skip.as_deref(), Some("opens sockets"));
        assert_eq!(d.tsan_skip.as_deref(), Some("why not"));
        assert_eq!(d.miri_flags.as_deref(), Some("-Zmiri-ignore-leaks"));
        assert!(parse_directives("// miri: skip").is_err());
        assert!(parse_directives("// tsan: sometimes").is_err());
        assert!(parse_directives("// output: miri").unwrap().miri_only);
    }

    #[test]
    fn directives_are_parsed_and_unknown_ones_rejected() {
        let d = parse_directives(
            "// output: unordered\n  // output: release\n// output: test-args --quick -n 3\n\
             // output: timeout 20\n// output: mask pid \\d+\nfn main() {}",
        )
        .unwrap();
        assert!(d.unordered && d.release);
        assert_eq!(d.test_args, ["--quick", "-n", "3"]);
        assert_eq!(d.timeout, Some(20));
        // The declared mask, after the harness's figures that every
        // measurement masks.
        assert_eq!(d.masks.len(), 2);
        assert_eq!(
            normalise("a  median 36.6 µs (p10–p90 35.1–38.0, n=10)", &d),
            normalise("a  median 5.14 µs (p10–p90 4.93–7.78, n=5)", &d)
        );
        assert!(parse_directives("// output: sorted").is_err());
        assert!(parse_directives("// output: mask (").is_err());
        assert!(parse_directives("// output: timeout soon").is_err());
    }

    #[test]
    fn masks_hide_only_what_is_declared() {
        let d = parse_directives("// output: mask-durations").unwrap();
        assert_eq!(
            normalise("spawn: 12.5µs, join 3 ms, total 1.002s; 3 spawns", &d),
            "spawn: <masked>, join <masked>, total <masked>; 3 spawns"
        );
        let d = parse_directives("// output: mask-hex").unwrap();
        assert_eq!(normalise("stack at 0x7ffd5a3c", &d), "stack at <masked>");
        let d = parse_directives("// output: mask-numbers").unwrap();
        assert_eq!(
            normalise("2 cores, 1.5 GiB", &d),
            "<masked> cores, <masked> GiB"
        );
    }

    #[test]
    fn padding_around_masked_values_does_not_count() {
        let d = parse_directives("// output: mask-numbers").unwrap();
        assert_eq!(
            normalise("threads    9.5   12", &d),
            normalise("threads   10.25  1", &d)
        );
        assert_ne!(normalise("a b", &d), normalise("ab", &d));
        let exact = Directives::default();
        assert_ne!(normalise("a  b", &exact), normalise("a b", &exact));
    }

    #[test]
    fn unordered_compares_lines_as_a_multiset() {
        let d = parse_directives("// output: unordered").unwrap();
        assert_eq!(normalise("b\na\nb\n", &d), normalise("b\nb\na", &d));
        assert_ne!(normalise("a\nb", &d), normalise("a\na\nb", &d));
        let ordered = Directives::default();
        assert_ne!(normalise("b\na", &ordered), normalise("a\nb", &ordered));
    }

    #[test]
    fn trailing_space_and_final_blank_lines_do_not_count() {
        let d = Directives::default();
        assert_eq!(normalise("a  \nb\n\n", &d), "a\nb");
        assert_ne!(normalise("a\n\nb", &d), normalise("a\nb", &d));
    }

    #[test]
    fn header_names_the_command_a_reader_types() {
        let d = parse_directives("// output: release").unwrap();
        assert_eq!(
            header("threads_spawn_cost", &d),
            "$ cargo run --release --example threads_spawn_cost"
        );
    }
}
