//! Figure 5.2: the time slices of three CPU-bound threads, pinned to one CPU
//! and then free, drawn from `listings/output/multitasking_timeslice.txt`.
//!
//! Its first line names the CPU of the pinned run (`… pinned to CPU 1, …`).
//! After the line `slices of one more run of each, in ms from its first
//! start:` it prints one line per run and thread, such as
//! `  pinned A: 0.0-3.8 7.8-11.8`: the intervals in which that thread ran.
use super::svg::{escape, frame};

const WIDTH: f64 = 720.0;
const LEFT: f64 = 150.0; // room for the row labels
const RIGHT: f64 = 20.0;
const ROW: f64 = 18.0;
const ROW_GAP: f64 = 6.0;
const THREADS: [&str; 3] = ["A", "B", "C"];
const COLOURS: [&str; 3] = ["accent", "accent2", "muted"];

struct Run {
    title: String,
    slices: Vec<Vec<(f64, f64)>>, // per thread, in ms
}

fn parse_slices(list: &str) -> Result<Vec<(f64, f64)>, String> {
    list.split_whitespace()
        .map(|pair| {
            let (b, e) = pair
                .split_once('-')
                .ok_or_else(|| format!("not a slice: {pair:?}"))?;
            let num = |s: &str| s.parse::<f64>().map_err(|_| format!("not a number: {s:?}"));
            Ok((num(b)?, num(e)?))
        })
        .collect()
}

fn parse(recorded: &str) -> Result<Vec<Run>, String> {
    let cpu = recorded
        .lines()
        .find_map(|l| l.split_once("pinned to CPU ").map(|(_, rest)| rest))
        .map(|rest| {
            rest.split(|c: char| !c.is_ascii_digit())
                .next()
                .unwrap_or("")
        })
        .filter(|cpu| !cpu.is_empty())
        .ok_or("no line with `pinned to CPU N`")?;
    let mut runs = vec![
        Run {
            title: format!("pinned to CPU {cpu}"),
            slices: Vec::new(),
        },
        Run {
            title: "free to use every CPU".to_owned(),
            slices: Vec::new(),
        },
    ];
    let data = recorded
        .split_once("slices of one more run of each, in ms from its first start:")
        .ok_or("no slice data")?
        .1;
    for (run, label) in runs.iter_mut().zip(["pinned", "free"]) {
        for thread in THREADS {
            let prefix = format!("{label} {thread}: ");
            let list = data
                .lines()
                .find_map(|l| l.trim().strip_prefix(prefix.as_str()))
                .ok_or_else(|| format!("no line `{prefix}…`"))?;
            run.slices.push(parse_slices(list)?);
        }
    }
    Ok(runs)
}

/// A round step for the time axis, giving at most about ten ticks.
fn tick_step(max: f64) -> f64 {
    [1.0, 2.0, 5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 500.0]
        .into_iter()
        .find(|step| max / step <= 10.0)
        .unwrap_or(1000.0)
}

pub fn draw(recorded: &str) -> Result<String, String> {
    let runs = parse(recorded)?;
    let max = runs
        .iter()
        .flat_map(|r| r.slices.iter().flatten())
        .map(|&(_, e)| e)
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let step = tick_step(max);
    let axis_max = (max / step).ceil() * step;
    let x = |ms: f64| LEFT + ms / axis_max * (WIDTH - LEFT - RIGHT);
    let mut body = String::new();
    let mut y = 10.0;
    for run in &runs {
        body += &format!(
            "<text x=\"10\" y=\"{:.1}\" font-weight=\"bold\">{}</text>\n",
            y + 14.0,
            escape(&run.title)
        );
        y += 24.0;
        for ((thread, slices), colour) in THREADS.iter().zip(&run.slices).zip(COLOURS) {
            body += &format!(
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">thread {thread}</text>\n",
                LEFT - 10.0,
                y + 13.0
            );
            body += &format!(
                "<line class=\"grid\" x1=\"{LEFT}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\"/>\n",
                y + ROW / 2.0,
                WIDTH - RIGHT,
                y + ROW / 2.0
            );
            for &(begin, end) in slices {
                let width = (x(end) - x(begin)).max(1.0);
                body += &format!(
                    "<rect class=\"{colour}\" x=\"{:.1}\" y=\"{y:.1}\" width=\"{width:.1}\" height=\"{ROW}\"><title>thread {thread}: {begin:.1} to {end:.1} ms</title></rect>\n",
                    x(begin)
                );
            }
            y += ROW + ROW_GAP;
        }
        y += 10.0;
    }
    // The time axis, shared by both runs.
    body += &format!(
        "<line class=\"axis\" x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/>\n",
        WIDTH - RIGHT
    );
    let mut tick = 0.0;
    while tick <= axis_max + 1e-9 {
        body += &format!(
            "<line class=\"axis\" x1=\"{0:.1}\" y1=\"{y:.1}\" x2=\"{0:.1}\" y2=\"{1:.1}\"/>\n<text class=\"muted\" x=\"{0:.1}\" y=\"{2:.1}\" text-anchor=\"middle\">{tick}</text>\n",
            x(tick),
            y + 5.0,
            y + 19.0
        );
        tick += step;
    }
    body += &format!(
        "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">time since the first thread started (ms)</text>\n",
        x(axis_max / 2.0),
        y + 38.0
    );
    let height = (y + 48.0).ceil() as u32;
    Ok(frame(
        "mt-timeslice",
        WIDTH as u32,
        height,
        "Time slices of three CPU-bound threads, on one CPU and on two",
        "Two timelines from a recorded run. In the first, three threads pinned to one CPU \
         take turns: at every moment exactly one of them runs, each for a few milliseconds \
         at a time, and all three finish near the end. In the second, the same threads may \
         use both CPUs: two of them run at once, so the work ends sooner, and the two threads \
         that share a CPU still take turns.",
        &body,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECORDED: &str = "three busy threads, pinned to CPU 1, then free to use every CPU:\n  pinned: wall time  median 16.0 ms (p10–p90 15.0–17.0, n=10)\nslices of one more run of each, in ms from its first start:\n  pinned A: 0.0-4.0 8.0-12.0\n  pinned B: 4.0-8.0\n  pinned C: 12.0-16.0\n  free A: 0.0-8.0\n  free B: 0.0-4.0 4.5-8.0\n  free C: 0.0-9.0\n";

    #[test]
    fn draws_one_bar_per_slice() {
        let svg = draw(RECORDED).unwrap();
        assert_eq!(svg.matches("<rect ").count(), 8);
        assert!(svg.contains("pinned to CPU 1"));
        assert!(!svg.contains("\n\n"));
    }

    #[test]
    fn rejects_missing_data() {
        assert!(draw("three busy threads, pinned to CPU 0, then free:\n").is_err());
        assert!(draw("slices of one more run of each, in ms from its first start:\n").is_err());
    }
}
