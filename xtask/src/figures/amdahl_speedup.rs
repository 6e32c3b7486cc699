//! Figure 14.1: measured speedups against Amdahl's prediction and the ideal
//! line, drawn from `listings/output/amdahl_speedup.txt`.
//!
//! The example prints a line `available_parallelism: 2; threads: 1 to 2,
//! then 4` and then, for job A and job B, harness lines such as
//! `  job B: serial fraction s       median 0.249 (p10–p90 0.247–0.251, n=10)`
//! and `  job B, 2 threads: speedup      median 1.57× (p10–p90 1.55–1.60, n=10)`
//! (and efficiency and Amdahl lines, which the figure does not need). Each
//! measured point is the median speedup, with a bar from p10 to p90.
use super::svg::frame;
use plotters::prelude::*;
use regex::Regex;

const WIDTH: u32 = 640;
const HEIGHT: u32 = 400;

/// A measured speedup: threads, median, p10, p90.
#[derive(Clone, Copy)]
struct Point {
    threads: f64,
    median: f64,
    p10: f64,
    p90: f64,
}

struct Job {
    s: f64,
    points: Vec<Point>,
}

fn parse(recorded: &str) -> Result<(u32, Vec<Job>), String> {
    let cores = recorded
        .lines()
        .find_map(|l| l.split_once("threads: 1 to ")?.1.split(',').next())
        .and_then(|n| n.trim().parse::<u32>().ok())
        .ok_or("no line `... threads: 1 to N, then 2N`")?;
    let figure = r"\s+median ([\d.]+)×? \(p10–p90 ([\d.]+)–([\d.]+), n=\d+\)";
    let mut jobs = Vec::new();
    for job in ["A", "B"] {
        let serial = Regex::new(&format!(r"(?m)^\s*job {job}: serial fraction s{figure}")).unwrap();
        let s = serial
            .captures(recorded)
            .and_then(|c| c[1].parse::<f64>().ok())
            .ok_or_else(|| format!("no line `job {job}: serial fraction s  median ...`"))?;
        let speedup = Regex::new(&format!(
            r"(?m)^\s*job {job}, (\d+) threads?: speedup{figure}"
        ))
        .unwrap();
        // One thread is the baseline: a speedup of 1 by definition.
        let mut points = vec![Point {
            threads: 1.0,
            median: 1.0,
            p10: 1.0,
            p90: 1.0,
        }];
        for c in speedup.captures_iter(recorded) {
            let num = |i: usize| {
                c[i].parse::<f64>()
                    .map_err(|_| format!("bad line {:?}", &c[0]))
            };
            points.push(Point {
                threads: num(1)?,
                median: num(2)?,
                p10: num(3)?,
                p90: num(4)?,
            });
        }
        if points.len() == 1 {
            return Err(format!("no speedup lines of job {job}"));
        }
        jobs.push(Job { s, points });
    }
    Ok((cores, jobs))
}

fn amdahl(s: f64, n: f64) -> f64 {
    1.0 / (s + (1.0 - s) / n)
}

pub fn draw(recorded: &str) -> Result<String, String> {
    let (cores, jobs) = parse(recorded)?;
    let c = f64::from(cores);
    let x_max = jobs
        .iter()
        .flat_map(|j| j.points.iter().map(|p| p.threads))
        .fold(c, f64::max);
    let y_max = (jobs
        .iter()
        .flat_map(|j| j.points.iter().map(|p| p.p90.max(p.median)))
        .fold(c, f64::max)
        * 1.15)
        .ceil();
    let s = jobs[1].s;
    let mut plot = String::new();
    plot_with_plotters(&mut plot, &jobs, c, x_max, y_max, s).map_err(|e| e.to_string())?;
    // Keep what plotters drew inside its <svg> element, and give its sentinel
    // colours the theme's colours, so the figure reads in every theme.
    let inner = plot
        .split_once('>')
        .and_then(|(_, rest)| rest.rsplit_once("</svg>"))
        .map(|(inner, _)| inner)
        .ok_or("plotters wrote no <svg> element")?;
    let theme = "<style>\n\
        #amdahl-speedup [stroke=\"#010101\"] { stroke: var(--fg); }\n\
        #amdahl-speedup [fill=\"#010101\"] { fill: var(--fg); }\n\
        #amdahl-speedup [stroke=\"#020202\"] { stroke: var(--links); }\n\
        #amdahl-speedup [fill=\"#020202\"] { fill: var(--links); }\n\
        </style>\n";
    Ok(frame(
        "amdahl-speedup",
        WIDTH,
        HEIGHT,
        "Measured speedup against Amdahl's law",
        &format!(
            "Speedup over one thread, measured on 1 to {x_max} threads on a machine with {cores} \
             cores: the median of paired samples, with a bar from the 10th to the 90th \
             percentile. Job A, with no serial part, follows the ideal line up to the number of cores. \
             Job B, whose measured serial fraction is {s:.3}, follows Amdahl's curve, which \
             flattens well below the ideal line. Past the number of cores, extra threads add no \
             speedup to either job."
        ),
        &format!("{theme}{inner}"),
    ))
}

/// Sentinel colours, replaced by the theme's in [`draw`]; orange is fixed.
const FG: RGBColor = RGBColor(1, 1, 1);
const ACCENT: RGBColor = RGBColor(2, 2, 2);
const ORANGE: RGBColor = RGBColor(0xe8, 0x89, 0x0c);

fn plot_with_plotters<'a>(
    out: &'a mut String,
    jobs: &[Job],
    cores: f64,
    x_max: f64,
    y_max: f64,
    s: f64,
) -> Result<(), Box<dyn std::error::Error + 'a>> {
    // The two jobs' points at one thread count sit a little apart, so that
    // their bars do not hide each other; the baseline at 1 thread does not.
    let dodge = 0.015 * (x_max - 1.0);
    let root = SVGBackend::with_string(out, (WIDTH, HEIGHT)).into_drawing_area();
    let font = |size| ("sans-serif", size).into_font().color(&FG);
    let mut chart = ChartBuilder::on(&root)
        .margin(16)
        .x_label_area_size(44)
        .y_label_area_size(56)
        .build_cartesian_2d(1f64..x_max + 2.0 * dodge, 0f64..y_max)?;
    chart
        .configure_mesh()
        .x_desc("threads")
        .y_desc("speedup over 1 thread")
        .x_labels(x_max as usize)
        .y_labels(y_max as usize + 1)
        .x_label_formatter(&|v| format!("{v:.0}"))
        .y_label_formatter(&|v| format!("{v:.0}×"))
        .axis_style(FG)
        .bold_line_style(FG.mix(0.2))
        .light_line_style(TRANSPARENT)
        .label_style(font(13))
        .axis_desc_style(font(13))
        .draw()?;
    chart
        .draw_series(LineSeries::new(
            [(1.0, 1.0), (cores, cores), (x_max, cores)],
            FG.mix(0.6).stroke_width(1),
        ))?
        .label("ideal: one × per core")
        .legend(|(x, y)| PathElement::new([(x, y), (x + 20, y)], FG.mix(0.6)));
    let amdahl_curve = (0..=60).map(|i| {
        let t = 1.0 + (x_max - 1.0) * f64::from(i) / 60.0;
        (t, amdahl(s, t.min(cores)))
    });
    chart
        .draw_series(LineSeries::new(amdahl_curve, ORANGE.stroke_width(2)))?
        .label(format!("Amdahl, s = {s:.3}"))
        .legend(|(x, y)| PathElement::new([(x, y), (x + 20, y)], ORANGE.stroke_width(2)));
    let placed = |job: &Job, side: f64| -> Vec<Point> {
        job.points
            .iter()
            .map(|p| Point {
                threads: if p.threads > 1.0 {
                    p.threads + side * dodge
                } else {
                    p.threads
                },
                ..*p
            })
            .collect()
    };
    let bars = |points: &[Point], colour: RGBColor| -> Vec<PathElement<(f64, f64)>> {
        points
            .iter()
            .filter(|p| p.p90 > p.p10)
            .flat_map(|p| {
                let (x, cap) = (p.threads, dodge * 0.6);
                [
                    vec![(x, p.p10), (x, p.p90)],
                    vec![(x - cap, p.p10), (x + cap, p.p10)],
                    vec![(x - cap, p.p90), (x + cap, p.p90)],
                ]
            })
            .map(|line| PathElement::new(line, colour.mix(0.7).stroke_width(1)))
            .collect()
    };
    let centre = |p: &Point| (p.threads, p.median);
    let a = placed(&jobs[0], -1.0);
    chart.draw_series(LineSeries::new(a.iter().map(centre), ACCENT.mix(0.5)))?;
    chart.draw_series(bars(&a, ACCENT))?;
    chart
        .draw_series(a.iter().map(|p| Circle::new(centre(p), 5, ACCENT.filled())))?
        .label("job A: all parallel")
        .legend(|(x, y)| Circle::new((x + 10, y), 5, ACCENT.filled()));
    let b = placed(&jobs[1], 1.0);
    chart.draw_series(LineSeries::new(b.iter().map(centre), FG.mix(0.5)))?;
    chart.draw_series(bars(&b, FG))?;
    chart
        .draw_series(
            b.iter()
                .map(|p| TriangleMarker::new(centre(p), 6, FG.filled())),
        )?
        .label(format!("job B: s = {s:.3}"))
        .legend(|(x, y)| TriangleMarker::new((x + 10, y), 6, FG.filled()));
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .label_font(font(13))
        .border_style(FG.mix(0.4))
        .background_style(TRANSPARENT)
        .draw()?;
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RECORDED: &str = "\
available_parallelism: 2; threads: 1 to 2, then 4
job A: 2000 equal units, all of them parallel
  job A: serial fraction s       median 0.0000 (p10–p90 0.0000–0.0000, n=10)
  job A, 2 threads: speedup      median 1.97× (p10–p90 1.92–1.99, n=10)
  job A, 2 threads: efficiency   median 98.5 % (p10–p90 96.0–99.5, n=10)
  job A, 2 threads: Amdahl       median 2.00× (p10–p90 2.00–2.00, n=10)
  job A, 4 threads: speedup      median 1.85× (p10–p90 1.70–1.93, n=10)
  job A, 4 threads: efficiency   median 46.3 % (p10–p90 42.5–48.3, n=10)
job B: the same units, the first quarter of them serial
  job B: serial fraction s       median 0.249 (p10–p90 0.247–0.251, n=10)
  job B, 2 threads: speedup      median 1.57× (p10–p90 1.55–1.60, n=10)
  job B, 2 threads: efficiency   median 78.5 % (p10–p90 77.5–80.0, n=10)
  job B, 2 threads: Amdahl       median 1.60× (p10–p90 1.60–1.60, n=10)
  job B, 4 threads: speedup      median 1.61× (p10–p90 1.50–1.62, n=10)
  job B, 4 threads: efficiency   median 40.3 % (p10–p90 37.5–40.5, n=10)
";

    #[test]
    fn draws_one_mark_per_row() {
        let svg = draw(RECORDED).unwrap();
        // Three measured points of job A, and one more in the legend.
        assert_eq!(svg.matches("<circle ").count(), 3 + 1);
        assert!(svg.contains("s = 0.249"));
        assert!(svg.contains("var(--fg)") && svg.contains("var(--links)"));
        assert!(!svg.contains("\n\n"));
    }

    #[test]
    fn reads_medians_and_percentiles() {
        let (cores, jobs) = parse(RECORDED).unwrap();
        assert_eq!(cores, 2);
        assert_eq!(jobs[0].s, 0.0);
        let p = jobs[1].points[2];
        assert_eq!((p.threads, p.median, p.p10, p.p90), (4.0, 1.61, 1.50, 1.62));
        // The baseline, then 2 and 4 threads; the efficiency lines are not speedups.
        assert_eq!(jobs[1].points.len(), 3);
    }

    #[test]
    fn rejects_missing_data() {
        assert!(draw("available_parallelism: 2; threads: 1 to 2, then 4\n").is_err());
    }
}
