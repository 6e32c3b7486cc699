//! `cargo xtask measure`: every cost the book quotes, measured on this
//! machine, beside the figure the book recorded.
//!
//! Each figure comes from the very example the chapter that quotes it
//! shows, run in release mode, so the ratio compares like with like: the
//! same code, the same method, another machine. The book's figure is read
//! from that example's recording in `listings/output/`, so the table can
//! never disagree with the book.
use crate::examples::{self, Example};
use crate::util::{read, rel, root};
use regex::Regex;
use std::time::{Duration, Instant};

/// One number the book quotes, and where it comes from.
struct Figure {
    label: &'static str,
    unit: &'static str,
    example: &'static str,
    /// A regex whose first group is the number; an optional second group
    /// is a time unit the example chose (`ns`, `µs`, `ms`, `s`), converted
    /// to `unit`.
    pattern: &'static str,
}

/// A group of figures, under a heading.
struct Group {
    title: &'static str,
    figures: &'static [Figure],
}

const fn fig(
    label: &'static str,
    unit: &'static str,
    example: &'static str,
    pattern: &'static str,
) -> Figure {
    Figure {
        label,
        unit,
        example,
        pattern,
    }
}

/// Every measurement example (`// output: release`) appears here, except
/// the ones listed in [`NOT_COSTS`]. One line per figure reads as a table.
#[rustfmt::skip]
const GROUPS: &[Group] = &[
    Group {
        title: "Creating processes, threads and tasks (start, then wait for the end)",
        figures: &[
            fig("process: this program, re-run", "µs", "compare_create", r"process \(this program, --exit\)\s+([\d.]+)"),
            fig("process: /bin/true", "µs", "compare_create", r"process \(/bin/true\)\s+([\d.]+)"),
            fig("thread: spawn + join", "µs", "compare_create", r"thread \(spawn \+ join\)\s+([\d.]+)"),
            fig("thread: spawn + join, one at a time", "µs", "threads_spawn_cost", r"spawn \+ join, one at a time\s+([\d.]+)\s*(ns|µs|ms)"),
            fig("tokio task: spawn + await", "µs", "compare_create", r"tokio task \(spawn \+ await\)\s+([\d.]+)"),
            fig("tokio task, 100 000 waiting at once", "µs", "tokio_tasks_vs_threads", r"per task:.*?([\d.]+) (ns|µs|ms) to start"),
            fig("thread, 10 000 waiting at once", "µs", "tokio_tasks_vs_threads", r"per thread:.*?([\d.]+) (ns|µs|ms) to start"),
        ],
    },
    Group {
        title: "Switching (one hand-over between two threads or tasks)",
        figures: &[
            fig("plain function call, no switch", "ns", "multitasking_switch_cost", r"plain function call \(no switch\)\s+([\d.]+) (ns|µs|ms)"),
            fig("async tasks on one thread", "ns", "multitasking_switch_cost", r"async tasks, one thread\s+([\d.]+) (ns|µs|ms)"),
            fig("OS threads pinned to one CPU", "ns", "multitasking_switch_cost", r"OS threads pinned to one CPU\s+([\d.]+) (ns|µs|ms)"),
            fig("OS threads free to use every CPU", "ns", "multitasking_switch_cost", r"OS threads free to use every CPU\s+([\d.]+) (ns|µs|ms)"),
            fig("3 busy threads on one CPU: running at once", "", "multitasking_timeslice", r"(?s)pinned to CPU \d+:.*?running at once, on average: ([\d.]+)"),
        ],
    },
    Group {
        title: "Locks and atomics (time per increment)",
        figures: &[
            fig("fetch_add, 1 thread", "ns", "races_cost", r"fetch_add\s+([\d.]+)"),
            fig("fetch_add, 2 threads", "ns", "races_cost", r"fetch_add\s+[\d.]+\s+([\d.]+)"),
            fig("Mutex, 1 thread (uncontended)", "ns", "races_cost", r"Mutex<u64>\s+([\d.]+)"),
            fig("Mutex, 2 threads (contended)", "ns", "races_cost", r"Mutex<u64>\s+[\d.]+\s+([\d.]+)"),
            fig("one lock vs 16 shards, 2 threads", "x", "mutex_contention", r"2 threads:.*ratio ([\d.]+)x"),
            fig("spin lock / Mutex wall time, 2 threads", "x", "atomics_spin_vs_mutex", r"(?m)^2\s+.*\s([\d.]+)x$"),
            fig("false sharing: one cache line / own lines", "x", "atomics_false_sharing", r"one cache line\s+8 bytes apart\s+[\d.]+\s*ms\s+([\d.]+)x"),
            fig("tokio Mutex / std Mutex, 8 tasks", "x", "coordination_mutex_cost", r"tokio / std: ([\d.]+)x"),
        ],
    },
    Group {
        title: "Channels, pipes and wake-ups (one round trip)",
        figures: &[
            fig("two threads, mpsc channels", "µs", "compare_round_trip", r"two threads, mpsc channels\s+([\d.]+)"),
            fig("two threads, pipes", "µs", "compare_round_trip", r"two threads, pipes\s+([\d.]+)"),
            fig("two processes, pipes", "µs", "compare_round_trip", r"two processes, pipes\s+([\d.]+)"),
            fig("Condvar", "µs", "waiting_wakeup", r"Condvar\s+([\d.]+)"),
            fig("park/unpark", "µs", "waiting_wakeup", r"park/unpark\s+([\d.]+)"),
            fig("to a child process over pipes", "µs", "processes_roundtrip", r"pipes to a child process and back\s+([\d.]+)"),
            fig("unbounded / bounded channel: memory", "x", "channels_backpressure", r"memory growth, unbounded / bounded: ([\d.]+)x"),
        ],
    },
    Group {
        title: "Memory (resident, per waiting thread, task or process)",
        figures: &[
            fig("per thread, 100 threads", "KiB", "compare_memory", r"\d+ waiting threads added ([\d.]+) KiB"),
            fig("per thread, 1000 threads", "KiB", "coroutines_task_cost", r"\d+ waiting threads: ([\d.]+) KiB"),
            fig("per task, 100 000 tasks", "KiB", "coroutines_task_cost", r"\d+ waiting tasks:\s+([\d.]+) KiB"),
            fig("per idle child process (Pss)", "KiB", "compare_memory", r"Pss (\d+) KiB"),
        ],
    },
    Group {
        title: "CPU-bound work in parallel (speedup over one thread)",
        figures: &[
            fig("primes on 2 threads: wall time 1 / 2", "x", "bound_cpu_threads", r"wall time, 1 thread / 2 threads: ([\d.]+)"),
            fig("thread::scope, all threads", "x", "rayon_vs_threads", r"thread::scope\s+[\d.]+ ms\s+([\d.]+)x"),
            fig("rayon, all threads", "x", "rayon_vs_threads", r"(?m)^rayon\s+[\d.]+ ms\s+([\d.]+)x"),
            fig("rayon on tiny work, vs iter", "x", "rayon_tiny_work", r"(?m)^\s+par_iter\s+[\d.]+\s*(?:ns|µs|ms)\s+([\d.]+)x"),
            fig("Mutex per item / fold + reduce", "x", "rayon_mutex_vs_fold", r"Mutex / fold\s+([\d.]+)x"),
            fig("rayon on 1 thread / sequential", "x", "amdahl_baseline", r"speedup against the best sequential version:\s+([\d.]+)x"),
            fig("all parallel, 2 threads (Amdahl: 2)", "x", "amdahl_speedup", r"(?m)^\s+2\s+[\d.]+ ms\s+([\d.]+)x"),
            fig("a quarter serial, 2 threads (Amdahl: 1.6)", "x", "amdahl_speedup", r"(?s)job B.*?\n\s+2\s+[\d.]+ ms\s+([\d.]+)x"),
            fig("summing memory, 2 threads", "x", "amdahl_bandwidth", r"(?m)^\s+2\s+([\d.]+)x"),
            fig("threads / processes, jobs of 100", "x", "multiprocessing_vs_threads", r"(?m)^\s+100\s+\d+\s+\d+\s+\d+\s+([\d.]+)"),
        ],
    },
    Group {
        title: "Python vs Rust threads (CPU-bound, speedup of 2 threads over 1)",
        figures: &[
            fig("Rust", "x", "gil_speedup", r"Rust\s+2\s+[\d.]+ ms\s+([\d.]+)x"),
            fig("Python (when python3 is present)", "x", "gil_speedup", r"Python\s+2\s+[\d.]+ ms\s+([\d.]+)x"),
        ],
    },
    Group {
        title: "Waiting on IO and async",
        figures: &[
            fig("10 slow calls: sequential / 10 threads", "x", "bound_db_calls", r"wall time, sequential / threads:\s+([\d.]+)"),
            fig("CPU in a task: tick gap, inline / rayon", "x", "choosing_cpu_in_async", r"worst gap, inline / rayon \+ oneshot: ([\d.]+)x"),
            fig("spinning / parking executor, CPU time", "x", "futures_spin_vs_park", r"spinning used ([\d.]+)x"),
            fig("join_all, per future", "ns", "joining_cost", r"join_all \(one task\):.*?([\d.]+)(ns|µs|ms) each"),
            fig("JoinSet, per future", "ns", "joining_cost", r"JoinSet \(a task each\):.*?([\d.]+)(ns|µs|ms) each"),
            fig("2000 connections: threads / async, time", "x", "network_threads_vs_async", r"threads took ([\d.]+) times"),
            fig("2000 connections: threads / async, memory", "x", "network_threads_vs_async", r"threads used ([\d.]+) times"),
        ],
    },
];

/// Measurement examples that are not costs, and why they are left out. A
/// name ending in `_` stands for every example it begins.
const NOT_COSTS: &[(&str, &str)] = &[
    (
        "testing_flake_rate",
        "counts the failures of a badly written test in 2000 runs, taking 20 s: not a cost",
    ),
    (
        "measure_",
        "show how a measurement goes wrong (chapter 22): not costs the book quotes",
    ),
];

/// The figures that may be missing from a run: Python's row when the
/// machine has no `python3`.
const OPTIONAL: &[&str] = &["Python (when python3 is present)"];

/// `cargo xtask measure [--quick]`
pub fn measure(args: &[String]) -> Result<(), String> {
    let quick = match args {
        [] => false,
        [flag] if flag == "--quick" => true,
        [other, ..] => {
            return Err(format!(
                "`cargo xtask measure` takes only `--quick`, got `{other}`"
            ));
        }
    };
    let table = run(true, quick)?;
    print!("{table}");
    if quick {
        eprintln!("--quick: tiny jobs, so the numbers are not comparable with the book's");
    }
    Ok(())
}

/// `cargo xtask record --measure`: the table the chapter shows.
pub fn record() -> Result<(), String> {
    let table = run(true, false)?;
    let file = root().join("listings/output/measure.txt");
    std::fs::write(&file, format!("$ cargo xtask measure\n{table}")).map_err(|e| e.to_string())?;
    eprintln!("wrote {}", rel(&file));
    Ok(())
}

/// The test: a small run (debug build, every example with its test
/// arguments) yields every figure, the recordings yield every figure, and
/// the table has the shape recorded in `listings/output/measure.txt`.
pub fn check() -> Result<(), String> {
    let all = examples::all()?;
    let read_here = |name: &str| {
        GROUPS
            .iter()
            .any(|g| g.figures.iter().any(|f| f.example == name))
    };
    for ex in all.iter().filter(|e| e.directives.release) {
        let listed = read_here(&ex.name);
        let excused = NOT_COSTS
            .iter()
            .any(|(n, _)| *n == ex.name || (n.ends_with('_') && ex.name.starts_with(n)));
        if !listed && !excused {
            return Err(format!(
                "{} is a measurement (`// output: release`) but no figure of `cargo xtask measure` reads it: add it to xtask/src/measure.rs",
                ex.name
            ));
        }
    }
    let table = run(false, true)?;
    let file = root().join("listings/output/measure.txt");
    let recorded = read(&file)?;
    let recorded = recorded.split_once('\n').map_or("", |(_, body)| body);
    // The numbers and the reader's CPU differ from machine to machine.
    let d =
        examples::parse_directives("// output: mask-numbers\n// output: mask ^this machine: .*")?;
    let (want, got) = (
        examples::normalise(recorded, &d),
        examples::normalise(&table, &d),
    );
    if want != got {
        return Err(format!(
            "the table's shape differs from {} (numbers aside); re-record with `cargo xtask record --measure`\n--- recorded\n{want}\n--- now\n{got}",
            rel(&file)
        ));
    }
    Ok(())
}

/// Every example run once; the table as text.
fn run(release: bool, quick: bool) -> Result<String, String> {
    let all = examples::all()?;
    let mut order: Vec<&Example> = Vec::new();
    for g in GROUPS {
        for f in g.figures {
            let ex = all
                .iter()
                .find(|e| e.name == f.example)
                .ok_or_else(|| format!("figure `{}`: no example `{}`", f.label, f.example))?;
            if !order.iter().any(|e| e.name == ex.name) {
                order.push(ex);
            }
        }
    }
    let names: Vec<&str> = order.iter().map(|e| e.name.as_str()).collect();
    let profile = if release { "release" } else { "debug" };
    eprintln!("building {} examples ({profile})", names.len());
    examples::build(release, &names)?;
    let started = Instant::now();
    let mut outputs = Vec::new();
    for (i, ex) in order.iter().enumerate() {
        eprint!("[{:>2}/{}] {:<28}", i + 1, order.len(), ex.name);
        let t = Instant::now();
        let args: &[String] = if quick { &ex.directives.test_args } else { &[] };
        let limit = if quick {
            Duration::from_secs(ex.directives.timeout.unwrap_or(10) * 3)
        } else {
            Duration::from_secs(300)
        };
        let (ok, out) = examples::run(&examples::binary(&ex.name, release), args, limit)?;
        if !ok {
            eprintln!();
            return Err(format!("{} failed:\n{out}", ex.name));
        }
        eprintln!(" {:>6.1} s", t.elapsed().as_secs_f64());
        outputs.push((ex.name.clone(), out));
    }
    eprintln!("measured in {:.0} s", started.elapsed().as_secs_f64());
    table(&outputs)
}

fn table(outputs: &[(String, String)]) -> Result<String, String> {
    let mut out = String::new();
    out += &format!(
        "this machine: {}\nthe book's:   {} (listings/output/machine.txt)\n",
        machine_here(),
        machine_book()?
    );
    out += "ratio = this machine / book; both columns come from the same example\n";
    let mut problems = Vec::new();
    for g in GROUPS {
        out += &format!("\n{}\n", g.title);
        out += &format!(
            "  {:<44} {:>4} {:>10} {:>10} {:>7}  {}\n",
            "figure", "unit", "here", "book", "ratio", "example"
        );
        for f in g.figures {
            let here_text = &outputs.iter().find(|(n, _)| n == f.example).unwrap().1;
            let book_file = root().join(format!("listings/output/{}.txt", f.example));
            let book = extract(f, &read(&book_file)?);
            let here = extract(f, here_text);
            let optional = OPTIONAL.contains(&f.label);
            let book = match book {
                Some(v) => v,
                None => {
                    problems.push(format!(
                        "{}: no `{}` in {}",
                        f.label,
                        f.pattern,
                        rel(&book_file)
                    ));
                    continue;
                }
            };
            let (here_s, ratio_s) = match here {
                Some(v) => (num(v), format!("{:.2}", v / book)),
                None if optional => ("-".to_owned(), "-".to_owned()),
                None => {
                    problems.push(format!(
                        "{}: no `{}` in the output of {}:\n{here_text}",
                        f.label, f.pattern, f.example
                    ));
                    continue;
                }
            };
            out += &format!(
                "  {:<44} {:>4} {:>10} {:>10} {:>7}  {}\n",
                f.label,
                f.unit,
                here_s,
                num(book),
                ratio_s,
                f.example
            );
        }
    }
    out += &format!(
        "\nleft out: {}\n",
        NOT_COSTS
            .iter()
            .map(|(n, why)| match n.strip_suffix('_') {
                Some(prefix) => format!("the {prefix}_* examples, which {why}"),
                None => format!("{n}, which {why}"),
            })
            .collect::<Vec<_>>()
            .join("; ")
    );
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(format!(
            "figures not found (did an example's output change?):\n{}",
            problems.join("\n")
        ))
    }
}

/// The figure's value in `unit`, if the text has it.
fn extract(f: &Figure, text: &str) -> Option<f64> {
    let re = Regex::new(f.pattern).expect("figure patterns are valid");
    let caps = re.captures(text)?;
    let value: f64 = caps.get(1)?.as_str().parse().ok()?;
    let Some(unit) = caps.get(2) else {
        return Some(value);
    };
    let ns = |u: &str| match u {
        "ns" => Some(1.0),
        "µs" | "us" => Some(1e3),
        "ms" => Some(1e6),
        "s" => Some(1e9),
        _ => None,
    };
    Some(value * ns(unit.as_str())? / ns(f.unit)?)
}

fn num(v: f64) -> String {
    match v.abs() {
        x if x >= 100.0 => format!("{v:.0}"),
        x if x >= 10.0 => format!("{v:.1}"),
        _ => format!("{v:.2}"),
    }
}

fn machine_here() -> String {
    let model = examples::cpu_model().unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{model}, {cores} cores")
}

fn machine_book() -> Result<String, String> {
    let text = read(&root().join("listings/output/machine.txt"))?;
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key))
            .map(|v| v.trim().to_owned())
            .unwrap_or_default()
    };
    let cores = field("cores:");
    let cores = cores.split_whitespace().next().unwrap_or("?");
    Ok(format!("{}, {cores} cores", field("CPU:")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_convert_and_missing_figures_are_none() {
        let f = fig("x", "µs", "e", r"took ([\d.]+) ?(ns|µs|ms)");
        assert_eq!(extract(&f, "took 2.5 ms"), Some(2500.0));
        assert_eq!(extract(&f, "took 250ns"), Some(0.25));
        assert_eq!(extract(&f, "nothing here"), None);
        let plain = fig("x", "x", "e", r"ratio ([\d.]+)x");
        assert_eq!(extract(&plain, "ratio 1.5x"), Some(1.5));
    }

    #[test]
    fn every_pattern_compiles_and_finds_its_figure_in_the_recordings() {
        for g in GROUPS {
            for f in g.figures {
                let text =
                    read(&root().join(format!("listings/output/{}.txt", f.example))).unwrap();
                assert!(
                    extract(f, &text).is_some(),
                    "{}: not in {}.txt",
                    f.label,
                    f.example
                );
            }
        }
    }
}
