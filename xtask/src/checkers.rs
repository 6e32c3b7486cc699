//! The checks beyond the tests, for code whose bugs hide in rare interleavings:
//!
//! - `cargo xtask miri`: every example (and exercise solution) under Miri,
//!   which detects data races and other undefined behaviour as they happen;
//! - `cargo xtask loom`: the loom models of every primitive the book builds;
//! - `cargo xtask tsan`: every threaded example built with ThreadSanitizer;
//! - `cargo xtask flake-hunt`: the example suite many times in a row, every
//!   other run with all cores kept busy.
//!
//! Miri and ThreadSanitizer need the nightly toolchain pinned in
//! `[workspace.metadata.pins]`; it is installed with rustup on first use.
use crate::examples::{self, Example, header, normalise};
use crate::process::captured;
use crate::util::{cargo_command, read, rel, root, target_dir};
use std::collections::BTreeSet;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, mpsc};
use std::thread;
use std::time::{Duration, Instant};

/// Miri interprets; an example that takes 50 ms natively can take a minute.
const MIRI_TIMEOUT: Duration = Duration::from_secs(300);
const TSAN_TIMEOUT: Duration = Duration::from_secs(120);
const TSAN_TARGET: &str = "x86_64-unknown-linux-gnu";

/// The pinned nightly, installed (with Miri and the std sources that Miri
/// and `-Zbuild-std` need) if it is not there yet.
fn nightly() -> Result<String, String> {
    let channel = crate::pins::load()?.nightly;
    let have = Command::new("rustup")
        .args(["component", "list", "--installed", "--toolchain", &channel])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    if !(have.contains("miri") && have.contains("rust-src")) {
        eprintln!("    installing {channel} with miri and rust-src (rustup)");
        crate::process::run(&mut install_nightly(&channel))?;
    }
    Ok(channel)
}

fn install_nightly(channel: &str) -> Command {
    let mut cmd = Command::new("rustup");
    cmd.args([
        "toolchain",
        "install",
        channel,
        "--profile",
        "minimal",
        "--component",
        "miri,rust-src",
    ]);
    cmd
}

/// The label of Miri's build in the background (`background`).
const MIRI_BUILD: &str = "Miri's standard library and the examples for Miri";
/// The label of ThreadSanitizer's build in the background.
const TSAN_BUILD: &str = "the examples for ThreadSanitizer";

/// For `background`: the nightly toolchain, Miri's sysroot, the first
/// example run under Miri (which builds what every example depends on:
/// `cargo miri` has no `build`), and the exercises built for Miri; the same
/// commands the Miri step runs, which then find everything built.
pub fn miri_job() -> Option<crate::background::Job> {
    let channel = crate::pins::load().ok()?.nightly;
    let mut setup = cargo_of(&channel);
    setup.args(["miri", "setup", "--quiet"]);
    let all = examples::all().ok()?;
    let first = all
        .iter()
        .find(|e| e.directives.miri_skip.is_none() && !e.directives.miri_only)?;
    let examples = miri_command(&channel, first, &first.directives.test_args);
    let mut exercises = cargo_of(&channel);
    exercises.args([
        "miri",
        "test",
        "--no-run",
        "--quiet",
        "--package",
        "exercises",
        "--features",
        "solutions",
    ]);
    Some(crate::background::Job {
        label: MIRI_BUILD,
        commands: vec![install_nightly(&channel), setup, examples, exercises],
    })
}

/// For `background`: every example ThreadSanitizer runs, built as its step
/// builds them.
pub fn tsan_job() -> Option<crate::background::Job> {
    let channel = crate::pins::load().ok()?.nightly;
    let all = examples::all().ok()?;
    let run: Vec<&Example> = all.iter().filter(|e| tsan_runs(e)).collect();
    Some(crate::background::Job {
        label: TSAN_BUILD,
        commands: vec![install_nightly(&channel), tsan_build(&channel, &run)],
    })
}

fn tsan_runs(ex: &Example) -> bool {
    ex.directives.tsan_skip.is_none() && !ex.directives.miri_only
}

fn tsan_build(toolchain: &str, run: &[&Example]) -> Command {
    let mut build = cargo_of(toolchain);
    build
        .args([
            "build",
            "--quiet",
            "-Zbuild-std",
            "--target",
            TSAN_TARGET,
            "--package",
            "concurrency-in-rust",
            "--target-dir",
        ])
        .arg(target_dir().join("tsan"))
        .env("RUSTFLAGS", "-Zsanitizer=thread");
    for ex in run {
        build.args(["--example", &ex.name]);
    }
    build
}

/// `cargo` of the given toolchain, without the variables the outer (stable)
/// cargo set, which would otherwise leak into the nightly build.
fn cargo_of(toolchain: &str) -> Command {
    let mut cmd = Command::new("rustup");
    cmd.args(["run", toolchain, "cargo"]).current_dir(root());
    for var in [
        "CARGO",
        "RUSTC",
        "RUSTUP_TOOLCHAIN",
        "RUSTC_WRAPPER",
        "RUSTFLAGS",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

fn miri_command(toolchain: &str, ex: &Example, args: &[String]) -> Command {
    let mut cmd = cargo_of(toolchain);
    cmd.args(["miri", "run", "--quiet", "--example", &ex.name])
        .arg("--")
        .args(args);
    if let Some(flags) = &ex.directives.miri_flags {
        cmd.env("MIRIFLAGS", flags);
    }
    cmd
}

/// Runs `jobs` side by side, one per logical CPU; returns the failures'
/// messages.
fn in_parallel<T: Sync>(jobs: &[T], work: impl Fn(&T) -> Result<(), String> + Sync) -> Vec<String> {
    crate::util::parallel_map(jobs, work)
        .into_iter()
        .filter_map(Result::err)
        .collect()
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// `cargo xtask miri [NAME...]`
pub fn miri(names: &[String]) -> Result<(), String> {
    let all = examples::all()?;
    let exercise = |name: &str| {
        root()
            .join("exercises/tests")
            .join(format!("{name}.rs"))
            .exists()
    };
    for name in names {
        if !all.iter().any(|e| &e.name == name) && !exercise(name) {
            return Err(format!(
                "no example in examples/ or exercise in exercises/tests/ named `{name}`"
            ));
        }
    }
    crate::background::wait(MIRI_BUILD);
    let toolchain = nightly()?;
    let chosen: Vec<&Example> = all
        .iter()
        .filter(|e| names.is_empty() || names.contains(&e.name))
        .collect();
    let (skipped, run): (Vec<&Example>, Vec<&Example>) = chosen
        .into_iter()
        .partition(|e| e.directives.miri_skip.is_some());
    let exercises: Vec<String> = names.iter().filter(|n| exercise(n)).cloned().collect();
    eprintln!("    preparing Miri's sysroot and building the examples");
    crate::process::run(cargo_of(&toolchain).args(["miri", "setup", "--quiet"]))?;
    // One build first, so that the parallel runs below do not wait on it.
    if let Some(first) = run.first() {
        let _ = captured(
            miri_command(&toolchain, first, &first.directives.test_args),
            &first.name,
            MIRI_TIMEOUT,
        );
    }
    let started = Instant::now();
    let mut failures = in_parallel(&run, |ex| {
        let t = Instant::now();
        let d = &ex.directives;
        let (ok, out) = captured(
            miri_command(&toolchain, ex, &d.test_args),
            &ex.name,
            MIRI_TIMEOUT,
        )?;
        if d.miri_only {
            // Undefined behaviour on purpose: Miri must stop it, with the
            // report that the chapter shows.
            let recorded = crate::util::read(&ex.output_file())?;
            let (first, body) = recorded.split_once('\n').unwrap_or((&recorded, ""));
            if ok {
                return Err(format!(
                    "{}: Miri found no undefined behaviour, but the example declares some",
                    ex.name
                ));
            }
            if first != header(&ex.name, d) || normalise(body, d) != normalise(&out, d) {
                return Err(format!(
                    "{}: Miri's report differs from {} (re-record with `cargo xtask record {}`):\n{}",
                    ex.name,
                    rel(&ex.output_file()),
                    ex.name,
                    tail(&out, 30)
                ));
            }
        } else if !ok {
            return Err(format!("{} fails under Miri:\n{}", ex.name, tail(&out, 40)));
        }
        eprintln!(
            "    {} ok under Miri ({:.1}s)",
            ex.name,
            t.elapsed().as_secs_f64()
        );
        Ok(())
    });
    eprintln!(
        "    {} example(s) run under Miri in {:.0}s; {} not run:",
        run.len(),
        started.elapsed().as_secs_f64(),
        skipped.len()
    );
    for ex in &skipped {
        eprintln!(
            "      {}: {}",
            ex.name,
            ex.directives.miri_skip.as_deref().unwrap_or_default()
        );
    }
    if names.is_empty() || !exercises.is_empty() {
        failures.extend(miri_exercises(&toolchain, &exercises)?);
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} problem(s):\n\n{}",
            failures.len(),
            failures.join("\n\n")
        ))
    }
}

/// Every exercise's tests, run against its solution under Miri, one test file
/// at a time, so that each file can declare `// miri: skip REASON` or
/// `// miri: flags FLAGS` as examples do; single tests opt out with
/// `#[cfg_attr(miri, ignore = "REASON")]`.
fn miri_exercises(toolchain: &str, only: &[String]) -> Result<Vec<String>, String> {
    let mut files = Vec::new();
    for path in crate::util::files(&root().join("exercises/tests"), ".rs") {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if !only.is_empty() && !only.contains(&name) {
            continue;
        }
        let d = examples::parse_directives(&crate::util::read(&path)?)
            .map_err(|e| format!("{}: {e}", rel(&path)))?;
        files.push((name, d));
    }
    let (skipped, run): (Vec<_>, Vec<_>) =
        files.into_iter().partition(|(_, d)| d.miri_skip.is_some());
    let test = |name: &str, flags: Option<&String>, no_run: bool| {
        let mut cmd = cargo_of(toolchain);
        cmd.args([
            "miri",
            "test",
            "--package",
            "exercises",
            "--features",
            "solutions",
        ]);
        if no_run {
            cmd.arg("--no-run");
        } else {
            cmd.args(["--test", name]);
        }
        if let Some(flags) = flags {
            cmd.env("MIRIFLAGS", flags);
        }
        cmd
    };
    eprintln!("    building the exercises for Miri");
    let (ok, out) = captured(
        test("", None, true),
        "cargo miri test --no-run",
        MIRI_TIMEOUT,
    )?;
    if !ok {
        return Ok(vec![format!(
            "the exercises do not build for Miri:\n{}",
            tail(&out, 40)
        )]);
    }
    let ignored = Mutex::new(Vec::new());
    let started = Instant::now();
    let failures = in_parallel(&run, |(name, d)| {
        let t = Instant::now();
        let (ok, out) = captured(test(name, d.miri_flags.as_ref(), false), name, MIRI_TIMEOUT)?;
        if !ok {
            return Err(format!(
                "exercise {name}: its tests fail under Miri:\n{}",
                tail(&out, 40)
            ));
        }
        for line in out.lines().filter(|l| l.contains("... ignored")) {
            ignored
                .lock()
                .unwrap()
                .push(format!("{name}: {}", line.trim()));
        }
        eprintln!(
            "    exercise {name} ok under Miri ({:.1}s)",
            t.elapsed().as_secs_f64()
        );
        Ok(())
    });
    eprintln!(
        "    {} exercise test file(s) run under Miri in {:.0}s; not run:",
        run.len(),
        started.elapsed().as_secs_f64()
    );
    for (name, d) in &skipped {
        eprintln!(
            "      {name} (all its tests): {}",
            d.miri_skip.as_deref().unwrap_or_default()
        );
    }
    for line in ignored.into_inner().unwrap() {
        eprintln!("      {line}");
    }
    Ok(failures)
}

/// `cargo xtask record NAME` for an example declared `// output: miri`.
pub fn record_under_miri(ex: &Example) -> Result<(), String> {
    let toolchain = nightly()?;
    eprintln!("recording {}", header(&ex.name, &ex.directives));
    let (ok, out) = captured(miri_command(&toolchain, ex, &[]), &ex.name, MIRI_TIMEOUT)?;
    if ok {
        return Err(format!(
            "{}: Miri found no undefined behaviour; nothing recorded",
            ex.name
        ));
    }
    let text = format!("{}\n{}\n", header(&ex.name, &ex.directives), out.trim_end());
    crate::util::write(&ex.output_file(), text)
}

/// The files that `loom/tests/models.rs` includes (`#[path = "../../F"]`),
/// as paths from the repository's root.
fn registered_models(models_rs: &str) -> BTreeSet<String> {
    regex!(r#"#\[path\s*=\s*"\.\./\.\./([^"]+)"\]"#)
        .captures_iter(models_rs)
        .map(|c| c[1].to_owned())
        .collect()
}

/// Every file in `examples/` and `exercises/` that holds a loom model
/// (`loom::model(`) but that `loom/tests/models.rs` does not include: its
/// model would never run.
fn unregistered_models() -> Result<Vec<String>, String> {
    let registered = registered_models(&read(&root().join("loom/tests/models.rs"))?);
    let mut missing = Vec::new();
    for dir in ["examples", "exercises"] {
        for file in crate::util::files(&root().join(dir), ".rs") {
            let at = crate::util::rel(&file);
            if read(&file)?.contains("loom::model(") && !registered.contains(&at) {
                missing.push(at);
            }
        }
    }
    Ok(missing)
}

/// `cargo xtask loom`: the models in `loom/`, which include the book's files.
pub fn loom() -> Result<(), String> {
    let missing = unregistered_models()?;
    if !missing.is_empty() {
        return Err(format!(
            "these files hold a loom model that loom/tests/models.rs does not include, so it \
             never runs; add a `#[path = \"../../FILE\"] mod NAME;` for each:\n  {}",
            missing.join("\n  ")
        ));
    }
    let target = target_dir().join("loom");
    crate::process::run(
        cargo_command()
            .args([
                "test",
                "--quiet",
                "--release",
                "--package",
                "loom-models",
                "--target-dir",
            ])
            .arg(&target)
            .env("RUSTFLAGS", "--cfg loom")
            .env("LOOM_MAX_PREEMPTIONS", "3")
            .current_dir(root()),
    )
}

/// `cargo xtask tsan [NAME...]`: the examples built with ThreadSanitizer
/// (std rebuilt with it too, so that its own synchronisation is seen), each
/// run with its test arguments; any report fails the check.
pub fn tsan(names: &[String]) -> Result<(), String> {
    let all = examples::all()?;
    for name in names {
        if !all.iter().any(|e| &e.name == name) {
            return Err(format!("no example named `{name}` in examples/"));
        }
    }
    crate::background::wait(TSAN_BUILD);
    let toolchain = nightly()?;
    let chosen: Vec<&Example> = all
        .iter()
        .filter(|e| names.is_empty() || names.contains(&e.name))
        .collect();
    let (run, skipped): (Vec<&Example>, Vec<&Example>) =
        chosen.into_iter().partition(|e| tsan_runs(e));
    let target = target_dir().join("tsan");
    eprintln!("    building the examples with -Zsanitizer=thread and -Zbuild-std");
    crate::process::run(&mut tsan_build(&toolchain, &run))?;
    // Reports from dependencies that the book cannot fix, each with its reason.
    let suppressions = root().join("xtask/tsan-suppressions.txt");
    let started = Instant::now();
    let failures = in_parallel(&run, |ex| {
        let bin = target
            .join(TSAN_TARGET)
            .join("debug/examples")
            .join(&ex.name);
        let mut cmd = Command::new(&bin);
        cmd.args(&ex.directives.test_args).env(
            "TSAN_OPTIONS",
            format!(
                "halt_on_error=1 exitcode=66 second_deadlock_stack=1 suppressions={}",
                suppressions.display()
            ),
        );
        let (ok, out) = captured(cmd, &ex.name, TSAN_TIMEOUT)?;
        if !ok || out.contains("WARNING: ThreadSanitizer") {
            return Err(format!(
                "{} under ThreadSanitizer:\n{}",
                ex.name,
                tail(&out, 40)
            ));
        }
        Ok(())
    });
    eprintln!(
        "    {} example(s) run under ThreadSanitizer in {:.0}s; {} not run:",
        run.len(),
        started.elapsed().as_secs_f64(),
        skipped.len()
    );
    for ex in &skipped {
        let why = ex
            .directives
            .tsan_skip
            .as_deref()
            .unwrap_or("undefined behaviour on purpose (Miri checks it)");
        eprintln!("      {}: {why}", ex.name);
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{} problem(s):\n\n{}",
            failures.len(),
            failures.join("\n\n")
        ))
    }
}

/// `cargo xtask flake-hunt [--runs N]`: the whole example check N times in a
/// row (20 by default); every other run keeps every core busy with spinning
/// threads, so that the examples run late, preempted and out of their usual
/// order. Any failure ends the hunt with the run that failed.
pub fn flake_hunt(runs: u32) -> Result<(), String> {
    let started = Instant::now();
    let cores = thread::available_parallelism().map_or(2, |n| n.get());
    for i in 1..=runs {
        let busy = i % 2 == 0;
        let t = Instant::now();
        let stop = AtomicBool::new(false);
        let (done_tx, done_rx) = mpsc::channel::<Result<(), String>>();
        thread::scope(|s| {
            if busy {
                for _ in 0..cores {
                    s.spawn(|| {
                        let mut x = 0u64;
                        while !stop.load(Ordering::Relaxed) {
                            x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(7));
                        }
                    });
                }
            }
            let result = examples::check_quietly().and_then(|()| crate::python::check());
            stop.store(true, Ordering::Relaxed);
            done_tx.send(result).unwrap();
        });
        let load = if busy {
            format!("{cores} cores kept busy")
        } else {
            "idle".into()
        };
        match done_rx.recv().unwrap() {
            Ok(()) => eprintln!(
                "    run {i}/{runs} ({load}): every example and Python listing passed ({:.0}s)",
                t.elapsed().as_secs_f64()
            ),
            Err(e) => return Err(format!("run {i}/{runs} ({load}) failed:\n{e}")),
        }
    }
    eprintln!(
        "    {runs} run(s) in a row, 0 failures, in {:.0}s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_loom_model_outside_models_rs_is_found() {
        let models = "#[path = \"../../examples/atomics_spin_lock.rs\"]\nmod atomics_spin_lock;\n\
                      #[path=\"../../exercises/solutions/waiting_latch.rs\"]\nmod waiting_latch;\n";
        let registered = registered_models(models);
        assert_eq!(
            registered.into_iter().collect::<Vec<_>>(),
            [
                "examples/atomics_spin_lock.rs",
                "exercises/solutions/waiting_latch.rs"
            ]
        );
    }

    #[test]
    fn every_loom_model_in_the_book_is_registered() {
        assert_eq!(unregistered_models().unwrap(), Vec::<String>::new());
    }

    #[test]
    fn a_miri_run_takes_its_flags_and_arguments_and_not_the_outer_cargo() {
        let mut ex = examples::all()
            .unwrap()
            .into_iter()
            .next()
            .expect("an example");
        ex.directives.miri_flags = Some("-Zmiri-ignore-leaks".into());
        let cmd = miri_command("nightly-x", &ex, &["--quick".to_string()]);
        let args: Vec<String> = cmd
            .get_args()
            .map(|a| a.to_string_lossy().into_owned())
            .collect();
        assert_eq!(args[..3], ["run", "nightly-x", "cargo"]);
        assert!(args.ends_with(&["--".into(), "--quick".into()]), "{args:?}");
        assert!(args.contains(&ex.name));
        let envs: Vec<(String, Option<String>)> = cmd
            .get_envs()
            .map(|(k, v)| {
                (
                    k.to_string_lossy().into_owned(),
                    v.map(|v| v.to_string_lossy().into_owned()),
                )
            })
            .collect();
        assert!(envs.contains(&("MIRIFLAGS".into(), Some("-Zmiri-ignore-leaks".into()))));
        for var in ["CARGO", "RUSTC", "RUSTUP_TOOLCHAIN", "RUSTFLAGS"] {
            assert!(envs.contains(&(var.into(), None)), "{var} not removed");
        }
    }

    #[test]
    fn unknown_names_are_refused_before_any_toolchain_is_touched() {
        let nope = ["no_such_example".to_string()];
        assert!(miri(&nope).unwrap_err().contains("no_such_example"));
        assert!(tsan(&nope).unwrap_err().contains("no_such_example"));
    }

    #[test]
    fn in_parallel_returns_every_failure() {
        let jobs: Vec<u32> = (0..20).collect();
        let mut failures = in_parallel(&jobs, |n| {
            if n % 7 == 0 {
                Err(format!("job {n}"))
            } else {
                Ok(())
            }
        });
        failures.sort();
        assert_eq!(failures, ["job 0", "job 14", "job 7"]);
    }

    #[test]
    fn tail_keeps_the_last_lines() {
        assert_eq!(tail("a\nb\nc\n", 2), "b\nc");
        assert_eq!(tail("a", 5), "a");
    }
}
