//! Run buttons that run: every code block that shows the Rust Playground's
//! Run button must run there, with the crates the Playground offers, within
//! its time limit, and without the operating system's facilities that its
//! sandbox withholds. Blocks that need any of those are fenced
//! `rust,noplayground`.
//!
//! # Which blocks show a Run button (mdBook 0.5.3, the pinned version)
//!
//! - `crates/mdbook-html/src/html/tree.rs`: the info string is split at
//!   spaces, tabs and commas; the first word becomes `language-WORD`, the
//!   others classes. `update_code_blocks` makes a block a playground when it
//!   has `language-rust` and either (`[output.html.playground] runnable` is
//!   true, the default, and none of `ignore`, `noplayground`, `noplaypen`) or
//!   `mdbook-runnable`.
//! - `crates/mdbook-html/front-end/js/book.js`, `update_play_button`: the
//!   button stays hidden for `no_run`, and when an `extern crate NAME;` line
//!   of the block names a crate missing from the Playground's list (which
//!   `theme/head.hbs` answers for this book). `compile_fail` and
//!   `should_panic` do not hide it (the guide, `format/mdbook.md`, "Rust code
//!   block attributes", says the same); a `compile_fail` block with a button
//!   is reported here, since its Run could only show a compiler error.
//! - What Run sends (`run_rust_code`) is the block's `textContent`: hidden
//!   lines included, so for `{{#rustdoc_include FILE:ANCHOR}}` the whole file
//!   (`links/take_lines.rs`, `take_rustdoc_include_anchored_lines`), for
//!   `{{#include FILE:ANCHOR}}` only the anchored lines.
//!
//! # What a runnable block may not do
//!
//! The Playground (rust-lang/rust-playground, as of commit d098ad7d) runs
//! the code in a Docker container started with `--net none`, `--memory 512m`
//! and `--pids-limit 512` (`compiler/base/orchestrator/src/coordinator.rs`,
//! `basic_secure_docker_command`), builds it in debug mode (`optimize: '0'`
//! in book.js), and gives the whole request, building included, 10 seconds
//! (`ui/src/server_axum.rs`, `DOCKER_PROCESS_TIMEOUT_SOFT`). So the check
//! reports a runnable block whose program (comments, and code under a cfg
//! that is false there such as `cfg(loom)` or `cfg(test)`, left out):
//!
//! - uses a crate that is neither std/core/alloc nor one of `theme/head.hbs`'s
//!   list: the first segment of a path (`NAME::…`, `use NAME::…`) that is not
//!   a primitive type, nor a module or item the program declares or imports,
//!   is an extern crate in edition 2018 and later; the book's measurement
//!   library `harness` is one;
//! - uses the OS beyond the sandbox ([`OS_RULES`]): child processes,
//!   `fork`, `libc` and other foreign functions, pinning threads or asking
//!   which CPU runs them, the environment, command-line arguments, stdin,
//!   `/proc` and `/sys`, absolute paths outside `/tmp`, the file system
//!   without `std::env::temp_dir()`, other files of the repository
//!   (`include_str!`, `mod NAME;`), or a host other than this one. Sockets
//!   on the loopback interface are fine: `--net none` leaves `lo`;
//! - is a measurement (`// output: release`), undefined behaviour on purpose
//!   (`// output: miri`), or declares a test run of 10 s or more
//!   (`// output: timeout`); see `examples.rs` for the directives;
//! - is not an example (`examples/NAME.rs`): only examples are run as
//!   programs by the suite, so nothing else is known to run, or how long it
//!   takes. Code typed into the chapter is fine: rustdoc runs it as a doctest
//!   (`tests/build.rs`);
//! - does not finish within the Playground's 10 s in the suite's debug
//!   build, run here without arguments as the Playground runs it. (An
//!   example over [`RUN_BUDGET`], which leaves the Playground most of its
//!   10 s for building, is reported but does not fail the check: a test
//!   never fails on timing. The slowest runnable example took 0.6 s on a
//!   2-CPU machine.)
//!
//! Memory and threads are not checked: the runnable examples use a few MiB
//! and at most a dozen threads, far from 512 MiB and 512 tasks.
use crate::util::{files, read, rel, root};
use regex::Regex;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use std::sync::LazyLock;
use std::time::{Duration, Instant};

/// The longest a runnable example should take in a debug build here.
const RUN_BUDGET: Duration = Duration::from_secs(3);
/// The Playground's limit for building and running one request.
const PLAYGROUND_LIMIT_SECS: u64 = 10;

static INCLUDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{\{#(include|rustdoc_include|playground)\s+([^}\s]+)([^}]*)\}\}").unwrap()
});
/// book.js's test for the crates a block needs.
static EXTERN_CRATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"extern\s+crate\s+([a-zA-Z_0-9]+)\s*;").unwrap());
/// mdBook's hidden lines in Rust blocks (`hide_lines_rust`).
static BORING: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(\s*)#(.?)(.*)$").unwrap());
static HEAD_CRATES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"var\s+crates\s*=\s*\[([^\]]*)\]").unwrap());
static QUOTED: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#""([A-Za-z0-9_-]+)""#).unwrap());
static ANCHOR_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ANCHOR:\s*([\w_-]+)").unwrap());
static ANCHOR_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ANCHOR_END:\s*([\w_-]+)").unwrap());
/// The first segment of a path: not after `::`, `.` or `$`, and followed by
/// a name, `{` or `*` (so not a turbofish `f::<T>`).
static PATH_ROOT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[^\w:$.])(?:::)?([a-z_][a-z0-9_]*)::[A-Za-z_{*]").unwrap());
static USE_DECL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\buse\s+([^;]+);").unwrap());
static IDENT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[A-Za-z_]\w*").unwrap());
static DECLARED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:mod|struct|enum|union|trait|type|crate\s+\w+\s+as)\s+([a-z_]\w*)").unwrap()
});
static CFG_ATTR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"#\s*\[\s*cfg\s*\(").unwrap());
static CFG_TOKEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\s*([A-Za-z_]\w*|"[^"]*"|[(),=])"#).unwrap());
static TEMP_DIR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\btemp_dir\s*\(").unwrap());
static FILE_SYSTEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:std::fs|tokio::fs|fs::\w+|File::\w+|OpenOptions)\b").unwrap()
});
static PROC_SYS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^/(?:proc|sys)(?:/|$)").unwrap());
static ABSOLUTE_PATH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:/[\w.-]+)+/?$").unwrap());
/// `HOST:PORT`, HOST an IPv4 address, `[IPv6]`, `localhost` or a domain name.
static HOST_PORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^(\d+\.\d+\.\d+\.\d+|\[[0-9a-fA-F:.]+\]|localhost",
        r"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}):\d{1,5}$",
    ))
    .unwrap()
});
static URL_HOST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z]+://(\[[^\]]*\]|[^/:]+)").unwrap());
/// `("HOST", PORT)`, an address as a tuple.
static HOST_TUPLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"\(\s*"([^"]+)"\s*,\s*\d+\s*\)"#).unwrap());

/// The OS facilities a runnable block may not use: (pattern on the code
/// without comments and string contents, what the program does).
pub const OS_RULES: &[(&str, &str)] = &[
    (
        r"\bCommand::new\b|\bprocess::Command\b|\bprocess::\{[^}]*\bCommand\b|\btokio::process\b",
        "starts a child process",
    ),
    (r"\bfork\s*\(", "forks the process"),
    (
        r"\blibc::|\buse\s+libc\b|\bextern\s+crate\s+libc\b",
        "calls the C library directly (`libc`)",
    ),
    (
        r#"\bextern\s+"|\bextern\s*\{"#,
        "declares foreign functions",
    ),
    (
        r"\b(?:sched_setaffinity|sched_getaffinity|sched_getcpu|pthread_setaffinity_np|CPU_SET|core_affinity)\b",
        "pins threads or asks which CPU runs them",
    ),
    (
        concat!(
            r"\benv::(?:\{[^}]*\b)?(?:var|var_os|vars|vars_os|set_var|remove_var",
            r"|current_exe|current_dir|set_current_dir|home_dir)\b",
            r"|\b(?:env|option_env)!\s*\(",
        ),
        "reads or changes the environment",
    ),
    (
        r"\benv::(?:\{[^}]*\b)?args(?:_os)?\b",
        "reads its command-line arguments",
    ),
    (r"\bstdin\s*\(\s*\)", "reads standard input"),
    (
        r"\b(?:include_str|include_bytes|include)!\s*\(|(?m)^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+\w+\s*;|#\s*\[\s*path\s*=",
        "needs another file of the repository",
    ),
];

static OS_PATTERNS: LazyLock<Vec<(Regex, &str)>> = LazyLock::new(|| {
    OS_RULES
        .iter()
        .map(|(pattern, what)| (Regex::new(pattern).unwrap(), *what))
        .collect()
});

/// `cargo xtask test`: no block with a Run button runs something that cannot
/// run on the Playground (see the module's documentation).
pub fn check() -> Result<(), String> {
    let root = root();
    let crates = playground_crates(&read(&root.join("theme/head.hbs"))?)?;
    let runnable = runnable(&read(&root.join("book.toml"))?)?;
    let mut problems = Vec::new();
    // Example name → the blocks that run it.
    let mut timed: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut buttons = 0;
    for md in files(&root.join("src"), ".md") {
        let text = read(&md)?;
        let dir = md.parent().unwrap();
        for fence in fences(&text) {
            if !button_classes(&fence.info, runnable) {
                continue;
            }
            let at = format!("{}:{}", rel(&md), fence.line);
            let program = match assemble(&fence, dir) {
                Ok(p) => p,
                Err(e) => {
                    problems.push(format!("{at}: {e}"));
                    continue;
                }
            };
            if !shows_run_button(&fence.info, runnable, &program.text, &crates) {
                continue;
            }
            buttons += 1;
            let found = problems_of(&fence.info, &program, &crates);
            if found.is_empty() {
                for name in program.examples() {
                    timed.entry(name).or_default().push(at.clone());
                }
            }
            problems.extend(found.into_iter().map(|why| format!("{at}: {why}")));
        }
    }
    if problems.is_empty() {
        problems.extend(run_times(&timed)?);
    }
    if problems.is_empty() {
        eprintln!(
            "    {buttons} Run buttons, {} examples, each within the Playground's {PLAYGROUND_LIMIT_SECS}s",
            timed.len()
        );
        Ok(())
    } else {
        Err(format!(
            "{} problem(s) with blocks that show the Playground's Run button:\n{}\n\n\
             Fence such a block `rust,noplayground` (see xtask/src/playground.rs).",
            problems.len(),
            problems.join("\n")
        ))
    }
}

/// Runs every example a Run button runs (debug build, no arguments) and
/// notes those over [`RUN_BUDGET`].
fn run_times(timed: &BTreeMap<String, Vec<String>>) -> Result<Vec<String>, String> {
    let names: Vec<&str> = timed.keys().map(String::as_str).collect();
    crate::examples::build(false, &names)?;
    let limit = Duration::from_secs(PLAYGROUND_LIMIT_SECS);
    let entries: Vec<(&String, &Vec<String>)> = timed.iter().collect();
    // Side by side, like the examples step: the times are a report, and only
    // the Playground's own limit (a hang, or work far too big) fails.
    let runs = crate::util::parallel_map(&entries, |(name, _)| {
        let started = Instant::now();
        let run = std::process::Command::new(crate::examples::binary(name, false));
        crate::process::captured(run, name, limit).map(|_| started.elapsed())
    });
    let mut problems = Vec::new();
    let mut slow = Vec::new();
    for ((name, blocks), run) in entries.into_iter().zip(runs) {
        match run {
            Err(e) => problems.push(format!("{}: {e}", blocks.join(", "))),
            Ok(took) if took > RUN_BUDGET => slow.push(format!(
                "examples/{name}.rs ({:.1}s, {})",
                took.as_secs_f64(),
                blocks.join(", ")
            )),
            Ok(_) => {}
        }
    }
    if !slow.is_empty() {
        // Timing on a shared machine is no ground to fail a test; it is
        // ground to look.
        eprintln!(
            "    note: over {}s in a debug build here (the Playground has {PLAYGROUND_LIMIT_SECS}s \
             to build and run): {}",
            RUN_BUDGET.as_secs(),
            slow.join("; ")
        );
    }
    Ok(problems)
}

/// The crates `theme/head.hbs` tells mdBook the Playground offers.
fn playground_crates(head: &str) -> Result<BTreeSet<String>, String> {
    let list = HEAD_CRATES.captures(head).ok_or(
        "theme/head.hbs declares no `var crates = [...]`: which crates the Playground \
         offers would be asked of play.rust-lang.org",
    )?;
    Ok(QUOTED
        .captures_iter(&list[1])
        .map(|c| c[1].to_owned())
        .collect())
}

/// `[output.html.playground] runnable` of book.toml (mdBook's default: true).
fn runnable(book_toml: &str) -> Result<bool, String> {
    let table: toml::Table = book_toml.parse().map_err(|e| format!("book.toml: {e}"))?;
    let value = ["output", "html", "playground", "runnable"]
        .iter()
        .try_fold(&toml::Value::Table(table.clone()), |v, key| v.get(key))
        .map(|v| v.as_bool());
    match value {
        None => Ok(true),
        Some(Some(b)) => Ok(b),
        Some(None) => Err("book.toml: [output.html.playground] runnable is not a boolean".into()),
    }
}

/// A fenced code block of a chapter.
#[derive(Debug)]
struct Fence {
    /// The line of the opening fence, from 1.
    line: usize,
    info: String,
    body: Vec<String>,
}

/// The fenced code blocks of a chapter (read by [`crate::fence`]), and the
/// blocks `{{#playground FILE ATTRS}}` writes (a `rust,ATTRS` block holding
/// FILE), in order.
fn fences(text: &str) -> Vec<Fence> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found: Vec<Fence> = crate::fence::blocks(text)
        .iter()
        .map(|b| Fence {
            line: b.open + 1,
            info: b.info.to_owned(),
            body: lines[b.body(lines.len())]
                .iter()
                .map(|l| l.to_string())
                .collect(),
        })
        .collect();
    let of = crate::fence::block_of_line(text);
    for (n, line) in lines.iter().enumerate() {
        if of[n].is_some() {
            continue;
        }
        if let Some(c) = INCLUDE.captures(line).filter(|c| &c[1] == "playground") {
            let attrs: Vec<&str> = c[3].split_whitespace().collect();
            found.push(Fence {
                line: n + 1,
                info: ["rust"]
                    .into_iter()
                    .chain(attrs)
                    .collect::<Vec<_>>()
                    .join(","),
                body: vec![format!("{{{{#include {}}}}}", &c[2])],
            });
        }
    }
    found.sort_by_key(|f| f.line);
    found
}

/// Whether mdBook makes the block a playground (`update_code_blocks`).
fn button_classes(info: &str, runnable: bool) -> bool {
    let mut words = info.split([' ', '\t', ',']).filter(|w| !w.is_empty());
    if words.next() != Some("rust") {
        return false;
    }
    let classes: HashSet<&str> = words.collect();
    let hidden = ["ignore", "noplayground", "noplaypen"]
        .iter()
        .any(|c| classes.contains(c));
    ((runnable && !hidden) || classes.contains("mdbook-runnable")) && !classes.contains("no_run")
}

/// Whether the reader sees a Run button: a playground block, and every
/// `extern crate` on the Playground's list (book.js, `update_play_button`).
fn shows_run_button(info: &str, runnable: bool, text: &str, crates: &BTreeSet<String>) -> bool {
    button_classes(info, runnable)
        && EXTERN_CRATE
            .captures_iter(text)
            .all(|c| crates.contains(&c[1]))
}

/// What Run sends: the block's text with its includes resolved and mdBook's
/// hidden-line markers removed.
#[derive(Debug, Default)]
struct Program {
    text: String,
    parts: Vec<Part>,
}

#[derive(Debug)]
struct Part {
    /// Where the part starts in [`Program::text`].
    start: usize,
    /// The chapter's block (`None`) or the included file, and its whole text.
    file: Option<(PathBuf, String)>,
    /// The line the part starts on, in its file or in the block.
    first_line: usize,
}

impl Program {
    fn push(&mut self, text: &str, file: Option<(PathBuf, String)>, first_line: usize) {
        let start = self.text.len();
        for line in text.lines() {
            self.text.push_str(&unhide(line));
            self.text.push('\n');
        }
        self.parts.push(Part {
            start,
            file,
            first_line,
        });
    }

    /// "examples/x.rs:12" or "line 3 of the block" for a position in the text.
    fn place(&self, offset: usize) -> String {
        let Some(part) = self.parts.iter().rev().find(|p| p.start <= offset) else {
            return "the block".into();
        };
        let line = part.first_line + self.text[part.start..offset].matches('\n').count();
        match &part.file {
            Some((path, _)) => format!("{}:{line}", rel(path)),
            None => format!("line {line} of the block"),
        }
    }

    /// The examples (`examples/NAME.rs`) the program includes.
    fn examples(&self) -> Vec<String> {
        self.parts
            .iter()
            .filter_map(|p| p.file.as_ref())
            .filter_map(|(path, _)| example_name(path))
            .collect()
    }
}

/// NAME, for `examples/NAME.rs`.
fn example_name(path: &Path) -> Option<String> {
    let examples = root().join("examples");
    (path.parent() == Some(examples.as_path()) && path.extension().is_some_and(|e| e == "rs"))
        .then(|| path.file_stem().unwrap().to_string_lossy().into_owned())
}

/// A line as mdBook's `hide_lines_rust` leaves it in the page's text.
fn unhide(line: &str) -> String {
    match BORING.captures(line) {
        Some(c) if &c[2] == "#" => format!("{}#{}", &c[1], &c[3]),
        Some(c) if matches!(&c[2], "" | " ") => format!("{}{}", &c[1], &c[3]),
        _ => line.to_owned(),
    }
}

/// The program a block runs, its includes read relative to `dir`.
fn assemble(fence: &Fence, dir: &Path) -> Result<Program, String> {
    let mut program = Program::default();
    let mut inline = String::new();
    let mut inline_start = fence.line + 1;
    for (i, line) in fence.body.iter().enumerate() {
        let mut rest = line.as_str();
        while let Some(c) = INCLUDE.captures(rest) {
            let m = c.get(0).unwrap();
            inline.push_str(&rest[..m.start()]);
            if !inline.trim().is_empty() {
                program.push(&inline, None, inline_start);
            }
            inline.clear();
            let (text, path, whole, first_line) = include(dir, &c[1], &c[2])?;
            program.push(&text, Some((path, whole)), first_line);
            rest = &rest[m.end()..];
            inline_start = fence.line + 1 + i;
        }
        if inline.is_empty() {
            inline_start = fence.line + 1 + i;
        }
        inline.push_str(rest);
        inline.push('\n');
    }
    if !inline.trim().is_empty() {
        program.push(&inline, None, inline_start);
    }
    Ok(program)
}

/// What `{{#KIND ARG}}` puts in the block: (text, file, file's text, the
/// line of the file the text starts on).
fn include(dir: &Path, kind: &str, arg: &str) -> Result<(String, PathBuf, String, usize), String> {
    let (path, selector) = arg.split_once(':').unwrap_or((arg, ""));
    let file = normalise(&dir.join(path));
    let whole = std::fs::read_to_string(&file)
        .map_err(|e| format!("cannot read {path}, which the block includes: {e}"))?;
    // rustdoc_include and playground keep every line (those outside the
    // selection are hidden, and still sent).
    if kind != "include" || selector.is_empty() {
        return Ok((whole.clone(), file, whole, 1));
    }
    let lines: Vec<&str> = whole.lines().collect();
    let mut bounds = selector.splitn(2, ':');
    let first = bounds.next().unwrap_or("");
    let range = match (first.parse::<usize>(), bounds.next()) {
        (Ok(a), None) => Some((a.saturating_sub(1), a)),
        (Ok(a), Some(b)) => Some((a.saturating_sub(1), b.parse().unwrap_or(lines.len()))),
        (Err(_), Some(b)) if first.is_empty() => Some((0, b.parse().unwrap_or(lines.len()))),
        _ if first.is_empty() => Some((0, lines.len())),
        _ => None,
    };
    if let Some((a, b)) = range {
        let (a, b) = (
            a.min(lines.len()),
            b.min(lines.len()).max(a.min(lines.len())),
        );
        return Ok((lines[a..b].join("\n"), file, whole.clone(), a + 1));
    }
    let (mut kept, mut start, mut inside) = (Vec::new(), None, false);
    for (n, l) in lines.iter().enumerate() {
        if inside {
            if ANCHOR_END.captures(l).is_some_and(|c| &c[1] == first) {
                break;
            }
            if !ANCHOR_START.is_match(l) && !ANCHOR_END.is_match(l) {
                start.get_or_insert(n + 1);
                kept.push(*l);
            }
        } else if ANCHOR_START.captures(l).is_some_and(|c| &c[1] == first) {
            inside = true;
        }
    }
    if !inside {
        return Err(format!("{path} has no anchor `{first}`"));
    }
    Ok((kept.join("\n"), file, whole.clone(), start.unwrap_or(1)))
}

/// Removes `.` and `..` without touching the file system.
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Why the program of a block with a Run button cannot run on the
/// Playground; empty if it can (run time aside, see [`run_times`]).
fn problems_of(info: &str, program: &Program, crates: &BTreeSet<String>) -> Vec<String> {
    let mut problems = Vec::new();
    if info.split([' ', '\t', ',']).any(|w| w == "compile_fail") {
        problems.push(
            "`compile_fail`, yet mdBook shows the Run button (only ignore, noplayground, \
             noplaypen and no_run hide it): Run could only show the compiler's error"
                .to_owned(),
        );
    }
    // Directives of the included files, and whether each is an example.
    let mut seen = HashSet::new();
    for part in &program.parts {
        let Some((path, whole)) = &part.file else {
            continue;
        };
        if !seen.insert(path) {
            continue;
        }
        let file = rel(path);
        if example_name(path).is_none() {
            problems.push(format!(
                "{file} is not an example (examples/NAME.rs): the suite does not run it \
                 as a program, so nothing shows it runs on the Playground, or how long it takes"
            ));
        }
        if !file.ends_with(".rs") {
            continue;
        }
        match crate::examples::parse_directives(whole) {
            Err(e) => problems.push(format!("{file}: {e}")),
            Ok(d) => {
                if d.release {
                    problems.push(format!(
                        "{file} is a measurement (`// output: release`): it is timed in a \
                         release build on an idle machine, and the Playground runs debug \
                         builds on shared ones"
                    ));
                }
                if d.miri_only {
                    problems.push(format!(
                        "{file} is undefined behaviour on purpose (`// output: miri`): only \
                         Miri runs it"
                    ));
                }
                if let Some(t) = d.timeout.filter(|t| *t >= PLAYGROUND_LIMIT_SECS) {
                    problems.push(format!(
                        "{file} declares a run of up to {t}s (`// output: timeout {t}`); the \
                         Playground has {PLAYGROUND_LIMIT_SECS}s to build and run it"
                    ));
                }
            }
        }
    }
    let lexed = Lexed::new(&program.text);
    for (krate, offset) in foreign_crates(&lexed.bare, crates) {
        let what = if krate == "harness" {
            " (the book's measurement library)"
        } else {
            ""
        };
        problems.push(format!(
            "{}: uses crate `{krate}`{what}, which the Playground does not offer \
             (theme/head.hbs lists {})",
            program.place(offset),
            crates.iter().cloned().collect::<Vec<_>>().join(", ")
        ));
    }
    for (pattern, what) in OS_PATTERNS.iter() {
        if let Some(m) = pattern.find(&lexed.bare) {
            problems.push(format!(
                "{}: {what} (`{}`)",
                program.place(m.start()),
                m.as_str().trim()
            ));
        }
    }
    if let Some(m) = FILE_SYSTEM.find(&lexed.bare)
        && !TEMP_DIR.is_match(&lexed.bare)
    {
        problems.push(format!(
            "{}: uses the file system without `std::env::temp_dir()` (`{}`): the \
             Playground's sandbox has only its own files",
            program.place(m.start()),
            m.as_str()
        ));
    }
    for (offset, why) in literal_problems(&lexed) {
        problems.push(format!("{}: {why}", program.place(offset)));
    }
    problems
}

/// Problems in string literals: `/proc`, `/sys`, absolute paths outside
/// `/tmp`, and hosts other than this one.
fn literal_problems(lexed: &Lexed) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for range in &lexed.literals {
        let s = &lexed.code[range.clone()];
        let why = if PROC_SYS.is_match(s) {
            Some(format!("reads `/proc` or `/sys` (\"{s}\")"))
        } else if ABSOLUTE_PATH.is_match(s)
            && !["/tmp", "/dev/null", "/dev/zero", "/dev/urandom"]
                .iter()
                .any(|ok| s == *ok || s.starts_with(&format!("{ok}/")))
        {
            Some(format!("names a path outside the temp dir (\"{s}\")"))
        } else {
            HOST_PORT
                .captures(s)
                .or_else(|| URL_HOST.captures(s))
                .map(|c| c[1].to_owned())
                .filter(|h| !is_local(h))
                .map(|host| {
                    format!(
                        "reaches host `{host}` (\"{s}\"); the Playground has no network, \
                         only loopback"
                    )
                })
        };
        found.extend(why.map(|w| (range.start, w)));
    }
    for c in HOST_TUPLE.captures_iter(&lexed.code) {
        let host = &c[1];
        let looks_like_host = host.contains('.') || host == "localhost";
        if looks_like_host && !is_local(host) && !lexed.in_literal(c.get(0).unwrap().start()) {
            found.push((
                c.get(0).unwrap().start(),
                format!("reaches host `{host}`; the Playground has no network, only loopback"),
            ));
        }
    }
    found
}

/// Loopback or unspecified: reachable, or bindable, in a sandbox with only `lo`.
fn is_local(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host == "localhost" || host.starts_with("127.") || ["0.0.0.0", "::1", "::"].contains(&host)
}

const STD_CRATES: &[&str] = &[
    "std",
    "core",
    "alloc",
    "proc_macro",
    "test",
    "crate",
    "self",
    "super",
];
/// Tool attributes' namespaces (`#[allow(clippy::…)]`), not crates.
const TOOLS: &[&str] = &["clippy", "rustfmt", "rustdoc", "diagnostic"];
const PRIMITIVES: &[&str] = &[
    "bool", "char", "str", "f32", "f64", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16",
    "u32", "u64", "u128", "usize",
];

/// The extern crates, outside std and `allowed`, that `bare` (code without
/// comments and string contents) names, with where it first names each. A
/// path's first segment that is no primitive type, and no module or item the
/// code declares or imports, is an extern crate (edition 2018 and later).
fn foreign_crates(bare: &str, allowed: &BTreeSet<String>) -> Vec<(String, usize)> {
    let mut local: HashSet<&str> = HashSet::new();
    for c in DECLARED.captures_iter(bare) {
        local.insert(c.get(1).unwrap().as_str());
    }
    for c in USE_DECL.captures_iter(bare) {
        let tree = c.get(1).unwrap().as_str();
        local.extend(IDENT.find_iter(tree).skip(1).map(|m| m.as_str()));
    }
    let mut found: Vec<(String, usize)> = Vec::new();
    for c in PATH_ROOT.captures_iter(bare) {
        let m = c.get(1).unwrap();
        let name = m.as_str();
        if STD_CRATES.contains(&name)
            || TOOLS.contains(&name)
            || PRIMITIVES.contains(&name)
            || local.contains(name)
            || allowed.contains(name)
            || found.iter().any(|(n, _)| n == name)
        {
            continue;
        }
        found.push((name.to_owned(), m.start()));
    }
    found
}

/// A program's text three ways, all of the same length, byte for byte.
struct Lexed {
    /// Comments blanked (newlines kept), as is code under a cfg that is
    /// false on the Playground.
    code: String,
    /// `code` with the contents of string and character literals blanked too.
    bare: String,
    /// The contents of the string literals that are compiled, in `code`.
    literals: Vec<Range<usize>>,
}

impl Lexed {
    fn new(source: &str) -> Lexed {
        let (comments, literals) = scan(source);
        let code = blank(source, &comments);
        let bare = blank(&code, &literals);
        let removed = cfg_removed(&code, &bare);
        let code = blank(&code, &removed);
        let bare = blank(&bare, &removed);
        let literals = literals
            .into_iter()
            .filter(|l| !removed.iter().any(|r| r.contains(&l.start)))
            .collect();
        Lexed {
            code,
            bare,
            literals,
        }
    }

    fn in_literal(&self, offset: usize) -> bool {
        self.literals.iter().any(|l| l.contains(&offset))
    }
}

/// `text` with every byte in `ranges` but newlines replaced by a space
/// (ranges cover whole characters, so the text stays UTF-8).
fn blank(text: &str, ranges: &[Range<usize>]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for r in ranges {
        for b in &mut bytes[r.clone()] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    String::from_utf8(bytes).expect("blanked whole characters")
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The comments of Rust source, and the contents of its string and
/// character literals. Every delimiter is ASCII, and no byte of a multi-byte
/// UTF-8 character is, so the scan goes byte by byte.
fn scan(src: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let b = src.as_bytes();
    let (mut comments, mut literals) = (Vec::new(), Vec::new());
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < b.len() {
        let token_start = i == 0 || !is_ident_byte(b[i - 1]);
        match b[i] {
            b'/' if at(i + 1) == b'/' => {
                let end = src[i..].find('\n').map_or(b.len(), |n| i + n);
                comments.push(i..end);
                i = end;
            }
            b'/' if at(i + 1) == b'*' => {
                let (mut depth, mut j) = (1, i + 2);
                while j < b.len() && depth > 0 {
                    if b[j] == b'/' && at(j + 1) == b'*' {
                        depth += 1;
                        j += 2;
                    } else if b[j] == b'*' && at(j + 1) == b'/' {
                        depth -= 1;
                        j += 2;
                    } else {
                        j += 1;
                    }
                }
                comments.push(i..j);
                i = j;
            }
            b'"' => {
                let end = string_end(b, i + 1);
                literals.push(i + 1..end.saturating_sub(1).max(i + 1));
                i = end;
            }
            b'r' | b'b' | b'c' if token_start => {
                let mut j = i;
                if b[j] != b'r' && at(j + 1) == b'r' {
                    j += 1;
                }
                if b[j] == b'r' {
                    let hashes = b[j + 1..].iter().take_while(|c| **c == b'#').count();
                    if at(j + 1 + hashes) == b'"' {
                        let open = j + 2 + hashes;
                        let close = format!("\"{}", "#".repeat(hashes));
                        let end = src[open..].find(&close).map_or(b.len(), |n| open + n);
                        literals.push(open..end);
                        i = (end + close.len()).min(b.len());
                        continue;
                    }
                } else if at(i + 1) == b'"' {
                    i += 1; // b"…" or c"…": the string follows
                    continue;
                } else if b[i] == b'b' && at(i + 1) == b'\'' {
                    i += 1; // b'…'
                    continue;
                }
                i += 1;
                while i < b.len() && is_ident_byte(b[i]) {
                    i += 1;
                }
            }
            b'\'' => {
                if at(i + 1) == b'\\' {
                    let mut j = i + 3;
                    while j < b.len() && b[j] != b'\'' {
                        j += 1;
                    }
                    literals.push(i + 1..j.min(b.len()));
                    i = j + 1;
                } else {
                    let len = src[i + 1..].chars().next().map_or(0, char::len_utf8);
                    if len > 0 && at(i + 1) != b'\'' && at(i + 1 + len) == b'\'' {
                        literals.push(i + 1..i + 1 + len);
                        i += 2 + len;
                    } else {
                        i += 1; // a lifetime or a label
                    }
                }
            }
            c if is_ident_byte(c) => {
                i += 1;
                while i < b.len() && is_ident_byte(b[i]) {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    (comments, literals)
}

/// The index just after the `"` that ends the string whose contents start
/// at `i`.
fn string_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        match b[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// The items under a `#[cfg(…)]` that is false on the Playground, from the
/// attribute to the item's `;` or closing `}`. `bare` finds the brackets,
/// `code` gives the predicate's strings.
fn cfg_removed(code: &str, bare: &str) -> Vec<Range<usize>> {
    let b = bare.as_bytes();
    let mut removed: Vec<Range<usize>> = Vec::new();
    for m in CFG_ATTR.find_iter(bare) {
        if removed.iter().any(|r| r.contains(&m.start())) {
            continue;
        }
        let Some(close) = matching(b, m.end() - 1) else {
            continue;
        };
        if cfg_value(&code[m.end()..close]) != Some(false) {
            continue;
        }
        // Past the attribute's `]`, any further attributes, then the item.
        let mut i = close + 1;
        while i < b.len() && b[i] != b']' {
            i += 1;
        }
        i += 1;
        let mut depth = 0usize;
        let end = loop {
            match b.get(i) {
                None => break b.len(),
                Some(b'#') if depth == 0 && b.get(i + 1) == Some(&b'[') => {
                    i = matching(b, i + 1).map_or(b.len(), |c| c + 1);
                    continue;
                }
                Some(b'(' | b'[') => depth += 1,
                Some(b')' | b']') => depth = depth.saturating_sub(1),
                Some(b';') if depth == 0 => break i + 1,
                Some(b'{') if depth == 0 => break matching(b, i).map_or(b.len(), |c| c + 1),
                _ => {}
            }
            i += 1;
        };
        removed.push(m.start()..end);
    }
    removed
}

/// The index of the bracket that closes the one at `open`.
fn matching(b: &[u8], open: usize) -> Option<usize> {
    let (o, c) = match b[open] {
        b'(' => (b'(', b')'),
        b'[' => (b'[', b']'),
        b'{' => (b'{', b'}'),
        _ => return None,
    };
    let mut depth = 0usize;
    for (i, &x) in b.iter().enumerate().skip(open) {
        if x == o {
            depth += 1;
        } else if x == c {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

/// A cfg predicate's value on the Playground (x86_64 or aarch64 Linux, GNU,
/// a debug build of a binary, not a test, not Miri, no features): `None` when
/// unknown.
fn cfg_value(predicate: &str) -> Option<bool> {
    let tokens: Vec<&str> = CFG_TOKEN
        .captures_iter(predicate)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    let mut pos = 0;
    let value = cfg_expr(&tokens, &mut pos);
    (pos == tokens.len()).then_some(value).flatten()
}

fn cfg_expr(t: &[&str], pos: &mut usize) -> Option<bool> {
    let name = *t.get(*pos)?;
    *pos += 1;
    if t.get(*pos) == Some(&"(") {
        *pos += 1;
        let mut values = Vec::new();
        while t.get(*pos).is_some_and(|x| *x != ")") {
            values.push(cfg_expr(t, pos));
            if t.get(*pos) == Some(&",") {
                *pos += 1;
            }
        }
        *pos += 1;
        return match name {
            "all" if values.contains(&Some(false)) => Some(false),
            "all" => values.iter().all(Option::is_some).then_some(true),
            "any" if values.contains(&Some(true)) => Some(true),
            "any" => values.iter().all(Option::is_some).then_some(false),
            "not" if values.len() == 1 => values[0].map(|v| !v),
            _ => None,
        };
    }
    if t.get(*pos) == Some(&"=") {
        let value = t.get(*pos + 1)?.trim_matches('"');
        *pos += 2;
        let known: HashMap<&str, &[&str]> = HashMap::from([
            ("target_os", &["linux"][..]),
            ("target_family", &["unix"][..]),
            ("target_env", &["gnu"][..]),
            ("target_pointer_width", &["64"][..]),
            ("panic", &["unwind"][..]),
            ("feature", &[][..]),
        ]);
        return known.get(name).map(|values| values.contains(&value));
    }
    match name {
        "unix" | "debug_assertions" => Some(true),
        "loom" | "test" | "miri" | "doc" | "doctest" | "windows" => Some(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crates() -> BTreeSet<String> {
        ["futures", "libc", "rayon", "tokio", "tokio_util"]
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn inline(code: &str) -> Program {
        let mut p = Program::default();
        p.push(code, None, 1);
        p
    }

    fn problems(code: &str) -> Vec<String> {
        problems_of("rust", &inline(code), &crates())
    }

    const CLEAN: &str = r#"
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{mpsc, Arc};
use rayon::prelude::*;
use tokio_util::sync::CancellationToken;

mod helpers {
    pub fn twice(x: u64) -> u64 { x * 2 }
}

#[tokio::main]
async fn main() {
    // std::process::Command::new("ls") and harness::bench in a comment
    let s = "harness::bench, Command::new, /proc/self/status, example.com:80";
    let n = u64::MAX.min(helpers::twice(3));
    let v: Vec<u64> = (0..10u64).into_par_iter().map(|x| x * n).collect::<Vec<_>>();
    let c = AtomicU64::new(0);
    c.fetch_add(1, Ordering::Relaxed);
    let (tx, rx) = mpsc::channel::<u8>();
    drop((tx, rx, v, s, '"', 'a'));
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let _ = std::net::TcpStream::connect(l.local_addr().unwrap());
    let dir = std::env::temp_dir().join("x");
    std::fs::create_dir_all(&dir).unwrap();
    let token = CancellationToken::new();
    futures::join!(async { token.cancel() }, tokio::task::yield_now());
    let _ = Arc::new(std::thread::available_parallelism());
}
"#;

    #[test]
    fn a_clean_program_passes() {
        assert_eq!(problems(CLEAN), Vec::<String>::new());
    }

    #[test]
    fn crates_off_the_list_are_reported() {
        let p = problems("use harness::Bench;\nfn main() { Bench::new(); }\n");
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].contains("line 1 of the block: uses crate `harness`"));
        let p = problems("fn main() { let _ = serde_json::json!({}); }\n");
        assert!(p[0].contains("crate `serde_json`"), "{p:?}");
        let p = problems("fn main() { ::crossbeam::scope(|_| {}); }\n");
        assert!(p[0].contains("crate `crossbeam`"), "{p:?}");
        // Imported modules, local modules, primitives and turbofish are not crates.
        let ok = "#[allow(clippy::all)]\nuse std::sync::atomic;\nmod m { pub fn f() {} }\nfn g<T>() {}\n\
                  fn main() { atomic::fence(atomic::Ordering::SeqCst); m::f(); g::<u8>(); \
                  let _ = i32::MAX; let _ = \"5\".parse::<u8>(); }\n";
        assert_eq!(problems(ok), Vec::<String>::new());
    }

    #[test]
    fn os_facilities_are_reported() {
        for (code, what) in [
            (
                "use std::process::Command;\nfn main() { Command::new(\"ls\"); }",
                "child process",
            ),
            ("fn main() { unsafe { libc::fork() }; }", "forks"),
            ("fn main() { unsafe { libc::getpid() }; }", "libc"),
            ("fn main() { sched_setaffinity(0); }", "pins threads"),
            ("fn main() { std::env::var(\"HOME\").ok(); }", "environment"),
            ("fn main() { std::env::args().count(); }", "command-line"),
            (
                "fn main() { std::io::stdin().read_line(&mut String::new()).ok(); }",
                "standard input",
            ),
            ("mod other;\nfn main() {}", "another file"),
            ("fn main() { include_str!(\"data.txt\"); }", "another file"),
            (
                "extern \"C\" { fn abs(x: i32) -> i32; }\nfn main() {}",
                "foreign",
            ),
        ] {
            let p = problems(code);
            assert!(p.iter().any(|w| w.contains(what)), "{what}: {p:?}");
        }
    }

    #[test]
    fn files_and_hosts_are_reported() {
        let p = problems("fn main() { std::fs::read_to_string(\"/proc/self/status\").ok(); }");
        assert!(p.iter().any(|w| w.contains("/proc")), "{p:?}");
        assert!(p.iter().any(|w| w.contains("temp_dir")), "{p:?}");
        let p = problems(
            "fn main() { let d = std::env::temp_dir(); std::fs::write(\"/etc/x\", \"\").ok(); }",
        );
        assert!(
            p.iter().any(|w| w.contains("outside the temp dir")),
            "{p:?}"
        );
        let p = problems("fn main() { std::net::TcpStream::connect(\"example.com:80\").ok(); }");
        assert!(p.iter().any(|w| w.contains("host `example.com`")), "{p:?}");
        let p = problems("fn main() { std::net::TcpStream::connect((\"10.0.0.1\", 80)).ok(); }");
        assert!(p.iter().any(|w| w.contains("host `10.0.0.1`")), "{p:?}");
    }

    #[test]
    fn directives_and_sources_are_reported() {
        let dir = std::env::temp_dir().join(format!("playground_test_{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("m.rs");
        for (header, what) in [
            ("// output: release\n", "is a measurement"),
            ("// output: miri\n", "undefined behaviour"),
            ("// output: timeout 30\n", "up to 30s"),
        ] {
            let text = format!("{header}fn main() {{}}\n");
            let mut p = Program::default();
            p.push(&text, Some((file.clone(), text.clone())), 1);
            let found = problems_of("rust", &p, &crates());
            assert!(found.iter().any(|w| w.contains(what)), "{what}: {found:?}");
            assert!(
                found.iter().any(|w| w.contains("not an example")),
                "{found:?}"
            );
        }
        let p = problems_of("rust,compile_fail", &inline("fn main() {}"), &crates());
        assert!(p[0].contains("compile_fail"), "{p:?}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn code_under_a_false_cfg_is_left_out() {
        let code = "#[cfg(loom)]\nuse loom::sync::Arc;\n#[cfg(not(loom))]\nuse std::sync::Arc;\n\
                    #[cfg(all(loom, test))]\nmod model {\n    fn f() { loom::model(|| {}); }\n}\n\
                    #[cfg(test)]\nmod tests { use harness::x; }\nfn main() { let _ = Arc::new(1); }\n";
        assert_eq!(problems(code), Vec::<String>::new());
        // Kept when true or unknown.
        let p = problems("#[cfg(not(loom))]\nuse loom::sync::Arc;\nfn main() {}\n");
        assert!(p[0].contains("crate `loom`"), "{p:?}");
        assert_eq!(cfg_value("target_os = \"linux\""), Some(true));
        assert_eq!(cfg_value("any(windows, target_arch = \"x86_64\")"), None);
        assert_eq!(
            cfg_value("all(loom, target_arch = \"x86_64\")"),
            Some(false)
        );
    }

    #[test]
    fn which_blocks_show_a_run_button() {
        let c = crates();
        assert!(shows_run_button("rust", true, "", &c));
        assert!(shows_run_button("rust,should_panic", true, "", &c));
        assert!(shows_run_button("rust,compile_fail", true, "", &c));
        assert!(shows_run_button("rust edition2021", true, "", &c));
        for info in [
            "rust,noplayground",
            "rust,ignore",
            "rust noplaypen",
            "rust,no_run",
            "rust,compile_fail,noplayground",
            "rs",
            "rustc",
            "console",
            "",
        ] {
            assert!(!shows_run_button(info, true, "", &c), "{info}");
        }
        assert!(!shows_run_button("rust", false, "", &c));
        assert!(shows_run_button(
            "rust,ignore,mdbook-runnable",
            false,
            "",
            &c
        ));
        assert!(!shows_run_button("rust", true, "extern crate harness;", &c));
        assert!(shows_run_button("rust", true, "extern crate rayon;", &c));
    }

    #[test]
    fn fences_and_includes_are_read() {
        let md = "Text\n\n```rust\n{{#rustdoc_include ../examples/a.rs:main}}\n```\n\n\
                  ````rust,noplayground\nlet x = 1;\n```\n````\n\n   ~~~\nplain\n~~~\n\
                  {{#playground x.rs editable}}\n";
        let f = fences(md);
        let infos: Vec<&str> = f.iter().map(|f| f.info.as_str()).collect();
        assert_eq!(infos, ["rust", "rust,noplayground", "", "rust,editable"]);
        assert_eq!(f[0].line, 3);
        assert_eq!(f[1].body, ["let x = 1;", "```"]);
        assert_eq!(f[3].body, ["{{#include x.rs}}"]);
        let dir = std::env::temp_dir().join(format!("playground_inc_{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("a.rs"),
            "use std::x;\n// ANCHOR: main\nfn main() {}\n// ANCHOR_END: main\n",
        )
        .unwrap();
        let (text, _, _, line) = include(&dir, "include", "a.rs:main").unwrap();
        assert_eq!((text.as_str(), line), ("fn main() {}", 3));
        let (text, _, _, _) = include(&dir, "rustdoc_include", "a.rs:main").unwrap();
        assert!(text.starts_with("use std::x;"));
        let (text, _, _, line) = include(&dir, "include", "a.rs:2:3").unwrap();
        assert_eq!((text.as_str(), line), ("// ANCHOR: main\nfn main() {}", 2));
        assert!(include(&dir, "include", "a.rs:nope").is_err());
        let fence = Fence {
            line: 10,
            info: "rust".into(),
            body: vec!["# use harness;".into(), "{{#include a.rs:main}}".into()],
        };
        let p = assemble(&fence, &dir).unwrap();
        assert_eq!(p.text, "use harness;\nfn main() {}\n");
        assert_eq!(p.place(1), "line 11 of the block");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn comments_and_literals_are_told_apart() {
        let src = "let a = r#\"x \" // y\"#; // c\nlet b = '\\''; let c = 'µ'; /* a /* b */ c */ \
                   fn f<'a>(x: &'a str) {} let d = b\"z\";";
        let l = Lexed::new(src);
        assert_eq!(l.code.len(), src.len());
        assert!(!l.code.contains("// c") && !l.code.contains("/* a"));
        assert!(l.code.contains("r#\"x \" // y\"#"));
        assert!(!l.bare.contains("// y") && !l.bare.contains('µ'));
        assert!(l.bare.contains("fn f<'a>(x: &'a str)"));
        let contents: Vec<&str> = l.literals.iter().map(|r| &l.code[r.clone()]).collect();
        assert_eq!(contents, ["x \" // y", "\\'", "µ", "z"]);
    }

    #[test]
    fn the_head_and_book_toml_are_read() {
        let head = r#"var crates = ["futures", "libc"].map(function (id) { return id; });"#;
        assert_eq!(
            playground_crates(head)
                .unwrap()
                .into_iter()
                .collect::<Vec<_>>(),
            ["futures", "libc"]
        );
        assert!(playground_crates("<script></script>").is_err());
        assert!(runnable("[book]\n").unwrap());
        assert!(!runnable("[output.html.playground]\nrunnable = false\n").unwrap());
    }

    /// The check on the book itself, examples built and timed:
    /// `cargo test -p xtask playground -- --ignored`.
    #[test]
    #[ignore]
    fn the_book_passes() {
        if let Err(e) = check() {
            panic!("{e}");
        }
    }
}
