//! `cargo xtask measure`: every measurement the book quotes, taken again on
//! this machine, beside the book's, and every statement the book makes about
//! them judged on this machine's figures.
//!
//! A measurement is an example marked `// output: release` or a Python
//! listing marked `# output: measurement`; each prints its figures through
//! the harness (`examples/measure_harness/lib.rs`, `listings/python/harness.py`)
//! as `LABEL  median M UNIT (p10–p90 A–B, n=N)`. The book's figures are the
//! same lines in the recordings, so the table can never disagree with them.
//! The statements are the chapters' `{{#claim …}}` forms (see `values.rs`).
use crate::examples;
use crate::util::{read, rel, root};
use crate::values::{self, Figure, Figures, Measurement};
use std::time::{Duration, Instant};

/// `cargo xtask measure [--quick]`
pub fn measure(quick: bool) -> Result<(), String> {
    let here = take(quick)?;
    print!("{}", report(&here, &values::recorded()?)?);
    if quick {
        eprintln!("--quick: tiny samples in a debug build; the figures and verdicts mean nothing");
    }
    Ok(())
}

/// `cargo xtask record --measure`: the report chapter 22 shows.
pub fn record() -> Result<(), String> {
    let here = take(false)?;
    let text = report(&here, &values::recorded()?)?;
    let file = root().join("listings/output/measure.txt");
    crate::util::write(&file, format!("$ cargo xtask measure\n{text}"))?;
    eprintln!("wrote {}", rel(&file));
    Ok(())
}

/// The test: the recorded report has the shape of today's report (the same
/// measurements, figures and statements), numbers and verdicts aside.
pub fn check() -> Result<(), String> {
    let book = values::recorded()?;
    let now = report(&book, &book)?;
    let file = root().join("listings/output/measure.txt");
    let recorded = read(&file)?;
    let recorded = recorded.split_once('\n').map_or("", |(_, body)| body);
    // Which statements fail differs from run to run, and with it the lines
    // that show the intervals of a failure; so does the unit a time suits.
    let verdicts = |text: &str| {
        text.lines()
            .filter(|l| !l.trim_start().starts_with("here: ["))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let (recorded, now) = (verdicts(recorded), verdicts(&now));
    let d = examples::parse_directives(
        "// output: mask-numbers\n// output: mask ^this machine: .*\n// output: mask \\b(yes|no)\\b\n// output: mask (?:ns|µs|ms|s)\\b",
    )?;
    let (want, got) = (
        examples::normalise(&recorded, &d),
        examples::normalise(&now, &d),
    );
    if want != got {
        return Err(format!(
            "{} does not list today's measurements, figures and statements; re-record it with `cargo xtask record --measure`\n{}",
            rel(&file),
            examples::diff(&want, &got)
        ));
    }
    Ok(())
}

/// Every measurement run once on this machine: its figures.
fn take(quick: bool) -> Result<Figures, String> {
    let all = values::measurements()?;
    let rust: Vec<&str> = all
        .iter()
        .filter(|m| !m.python)
        .map(|m| m.name.as_str())
        .collect();
    let release = !quick;
    eprintln!(
        "building {} examples ({})",
        rust.len(),
        if release { "release" } else { "debug" }
    );
    examples::build(release, &rust)?;
    let python = crate::python::interpreter();
    let listings = crate::python::all()?;
    let started = Instant::now();
    let mut figures = Figures::new();
    for (i, m) in all.iter().enumerate() {
        eprint!("[{:>2}/{}] {:<30}", i + 1, all.len(), m.name);
        let t = Instant::now();
        let limit = Duration::from_secs(if quick { 60 } else { 600 });
        let (ok, out) = if m.python {
            let Ok(python) = &python else {
                eprintln!(" skipped: no python3");
                continue;
            };
            let listing = listings.iter().find(|l| l.name == m.name).unwrap();
            crate::python::run_listing(python, listing, limit, quick)?
        } else {
            let args: Vec<String> = if quick {
                vec!["--quick".into()]
            } else {
                vec![]
            };
            {
                let mut cmd = std::process::Command::new(examples::binary(&m.name, release));
                cmd.args(&args);
                crate::process::captured(cmd, &m.name, limit)?
            }
        };
        if !ok {
            eprintln!();
            return Err(format!("{} failed:\n{out}", m.name));
        }
        eprintln!(" {:>6.1} s", t.elapsed().as_secs_f64());
        let parsed = values::parse(&out).map_err(|e| format!("{}: {e}", m.name))?;
        figures.insert(m.name.clone(), parsed);
    }
    eprintln!("measured in {:.0} s", started.elapsed().as_secs_f64());
    Ok(figures)
}

/// Three significant digits, as the harness prints them.
fn num(v: f64) -> String {
    let d = if v == 0.0 {
        0
    } else {
        (2 - v.abs().log10().floor() as i32).clamp(0, 4) as usize
    };
    format!("{v:.d$}")
}

/// `median (p10–p90)` in the figure's printed unit.
fn cell(f: &Figure) -> String {
    let (scale, unit) = match f.dim {
        values::Dim::Time => match f.median {
            m if m < 1e3 => (1.0, "ns"),
            m if m < 1e6 => (1e3, "µs"),
            m if m < 1e9 => (1e6, "ms"),
            _ => (1e9, "s"),
        },
        _ => (values::unit(&f.unit).map_or(1.0, |u| u.1), f.unit.as_str()),
    };
    format!(
        "{}{}{unit} ({}–{})",
        num(f.median / scale),
        if unit.is_empty() || unit == "×" {
            ""
        } else {
            " "
        },
        num(f.p10 / scale),
        num(f.p90 / scale)
    )
}

fn report(here: &Figures, book: &Figures) -> Result<String, String> {
    let mut out = format!(
        "this machine: {}\nthe book's:   {} (listings/output/machine.txt)\n",
        machine_here(),
        machine_book()?
    );
    out += "each figure: median (p10–p90), here and in the book's recording; here / book\n";
    let all = values::measurements()?;
    for m in &all {
        let Some(book_figs) = book.get(&m.name) else {
            continue;
        };
        out += &format!("\n{}\n", title(m));
        for b in book_figs {
            let h = here
                .get(&m.name)
                .and_then(|l| l.iter().find(|f| f.key == b.key));
            let (h_cell, ratio) = match h {
                Some(h) if b.median != 0.0 => (cell(h), format!("{:.2}", h.median / b.median)),
                Some(h) => (cell(h), "-".to_owned()),
                None => ("-".to_owned(), "-".to_owned()),
            };
            out += &format!(
                "  {:<40} {:>24} {:>24} {:>6}\n",
                clip(&b.label, 40),
                h_cell,
                cell(b),
                ratio
            );
        }
    }
    out += "\nthe book's statements about these figures, judged on each machine\n";
    out += "  here book  statement (where)\n";
    let statements = values::statements()?;
    let (mut held, mut judged) = (0, 0);
    for (at, text, s) in &statements {
        let verdict = |figs: &Figures| match s.holds(figs) {
            Ok((true, _)) => "yes",
            Ok((false, _)) => "no",
            Err(_) => "-",
        };
        let (h, b) = (verdict(here), verdict(book));
        if h != "-" {
            judged += 1;
            held += usize::from(h == "yes");
        }
        out += &format!("  {h:<4} {b:<4}  {text} ({}:{})\n", rel(&at.file), at.line);
        // Where a statement fails here, its intervals show by how much.
        if let Ok((false, spans)) = s.holds(here) {
            out += &format!("             here: {}\n", values::describe(s, &spans));
        }
    }
    out += &format!(
        "{held} of {judged} statements hold on this machine; a statement holds when its figures' p10–p90 intervals are apart (`<`, `>`) or overlap (`~`)\n"
    );
    Ok(out)
}

fn title(m: &Measurement) -> String {
    if m.python {
        format!("{} (listings/python/{}.py)", m.name, m.name)
    } else {
        m.name.clone()
    }
}

fn clip(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(width - 1).collect::<String>())
    }
}

fn machine_here() -> String {
    let model = crate::record::cpu_model().unwrap_or_else(|| "unknown CPU".into());
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{model}, {cpus} logical CPUs")
}

fn machine_book() -> Result<String, String> {
    let text = read(&root().join("listings/output/machine.txt"))?;
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key))
            .map(|v| v.trim().to_owned())
    };
    let cpus = field("logical CPUs:")
        .or_else(|| field("cores:"))
        .unwrap_or_default();
    let cpus = cpus.split_whitespace().next().unwrap_or("?");
    Ok(format!(
        "{}, {cpus} logical CPUs",
        field("CPU:").unwrap_or_default()
    ))
}
