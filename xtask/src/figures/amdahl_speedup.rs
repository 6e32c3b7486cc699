//! Figure 14.1: measured speedups against Amdahl's prediction and the ideal
//! line, drawn from `listings/output/amdahl_speedup.txt`.
//!
//! The example prints two tables, after `job A:` and `job B:`, each with a
//! line `serial fraction s, measured: 0.249` and rows such as
//! `      2  74.0 ms    1.57x         78%   1.60x` (threads, time, speedup,
//! efficiency, Amdahl's prediction).
use super::svg::frame;
use plotters::prelude::*;

const WIDTH: u32 = 640;
const HEIGHT: u32 = 400;

struct Job {
    s: f64,
    points: Vec<(f64, f64)>, // (threads, measured speedup)
}

fn parse(recorded: &str) -> Result<(u32, Vec<Job>), String> {
    let cores = recorded
        .lines()
        .find_map(|l| l.split_once("threads: 1 to ")?.1.split(',').next())
        .and_then(|n| n.trim().parse::<u32>().ok())
        .ok_or("no line `... threads: 1 to N, then 2N`")?;
    let mut jobs = Vec::new();
    for label in ["job A:", "job B:"] {
        let section = recorded
            .split_once(label)
            .ok_or_else(|| format!("no `{label}`"))?
            .1;
        let section = section.split("\njob ").next().unwrap_or(section);
        let s = section
            .lines()
            .find_map(|l| l.strip_prefix("serial fraction s, measured: "))
            .and_then(|v| v.trim().parse::<f64>().ok())
            .ok_or_else(|| format!("no serial fraction after `{label}`"))?;
        let mut points = Vec::new();
        for line in section.lines() {
            let cols: Vec<&str> = line.split_whitespace().collect();
            if let [threads, _, "ms", speedup, ..] = cols[..] {
                let threads = threads
                    .parse::<f64>()
                    .map_err(|_| format!("bad row {line:?}"))?;
                let speedup = speedup
                    .trim_end_matches('x')
                    .parse::<f64>()
                    .map_err(|_| format!("bad row {line:?}"))?;
                points.push((threads, speedup));
            }
        }
        if points.is_empty() {
            return Err(format!("no rows after `{label}`"));
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
        .flat_map(|j| j.points.iter().map(|p| p.0))
        .fold(c, f64::max);
    let y_max = (jobs
        .iter()
        .flat_map(|j| j.points.iter().map(|p| p.1))
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
             cores. Job A, with no serial part, follows the ideal line up to the number of cores. \
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
    let root = SVGBackend::with_string(out, (WIDTH, HEIGHT)).into_drawing_area();
    let font = |size| ("sans-serif", size).into_font().color(&FG);
    let mut chart = ChartBuilder::on(&root)
        .margin(16)
        .x_label_area_size(44)
        .y_label_area_size(56)
        .build_cartesian_2d(1f64..x_max, 0f64..y_max)?;
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
    let a = jobs[0].points.clone();
    chart.draw_series(LineSeries::new(a.clone(), ACCENT.mix(0.5)))?;
    chart
        .draw_series(a.into_iter().map(|p| Circle::new(p, 5, ACCENT.filled())))?
        .label("job A: all parallel")
        .legend(|(x, y)| Circle::new((x + 10, y), 5, ACCENT.filled()));
    let b = jobs[1].points.clone();
    chart.draw_series(LineSeries::new(b.clone(), FG.mix(0.5)))?;
    chart
        .draw_series(
            b.into_iter()
                .map(|p| TriangleMarker::new(p, 6, FG.filled())),
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

    const RECORDED: &str = "available_parallelism: 2; threads: 1 to 2, then 4\n\njob A: 4000 equal units, all of them parallel\nserial fraction s, measured: 0.000\nthreads    time  speedup  efficiency  Amdahl\n      1 116.9 ms    1.00x        100%   1.00x\n      2  94.6 ms    1.26x         63%   2.00x\n      4  61.8 ms    1.92x         48%   2.00x\n\njob B: the same units, the first quarter of them serial\nserial fraction s, measured: 0.249\nthreads    time  speedup  efficiency  Amdahl\n      1 117.1 ms    1.00x         99%   1.00x\n      2  74.0 ms    1.57x         78%   1.60x\n      4  72.1 ms    1.61x         40%   1.60x\n";

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
    fn rejects_missing_data() {
        assert!(draw("available_parallelism: 2; threads: 1 to 2, then 4\n").is_err());
    }
}
