//! Tests for the exercise `measure_extract`, on lines in the form the book's
//! harness prints. None of them runs or times anything.

use exercises::measure_extract::{Figure, Verdict, compare, figure};

fn fig(median: f64, p10: f64, p90: f64, n: usize, unit: &str) -> Option<Figure> {
    Some(Figure {
        median,
        p10,
        p90,
        n,
        unit: unit.to_string(),
    })
}

/// An interval with no median to speak of, for `compare`.
fn interval(p10: f64, p90: f64, unit: &str) -> Figure {
    fig((p10 + p90) / 2.0, p10, p90, 10, unit).unwrap()
}

const OUTPUT: &str = "\
round trips of one message; two threads, mpsc channels: see below
  two threads, mpsc channels    median 64.5 µs (p10–p90 44.1–77.3, n=10)
  two processes, pipes          median 71.0 µs (p10–p90 60.2–90.8, n=10)
one process / one thread  median 26.7× (p10–p90 23.0–32.1, n=10)
  lost updates, N threads       median 970944 (p10–p90 798799–1000000, n=100)
  job A, 2 threads: efficiency   median 98.9 % (p10–p90 95.8–101.8, n=10)
  sum, 1 thread, pinned  median 1.02× (p10–p90 0.99–1.04, n=12)
  sum, 1 thread         median 1.00× (p10–p90 0.96–1.05, n=16)
  sum, 2 threads        median 1.77× (p10–p90 1.39–1.93, n=19)
  sync_channel(16), memory growth     median 0 KiB (p10–p90 0–0, n=10)
";

#[test]
fn a_unit_after_a_space() {
    assert_eq!(
        figure(OUTPUT, "two threads, mpsc channels"),
        fig(64.5, 44.1, 77.3, 10, "µs")
    );
    assert_eq!(
        figure(OUTPUT, "sync_channel(16), memory growth"),
        fig(0.0, 0.0, 0.0, 10, "KiB")
    );
}

#[test]
fn a_ratio_glued_to_its_number() {
    assert_eq!(
        figure(OUTPUT, "one process / one thread"),
        fig(26.7, 23.0, 32.1, 10, "×")
    );
}

#[test]
fn a_share_after_a_space() {
    assert_eq!(
        figure(OUTPUT, "job A, 2 threads: efficiency"),
        fig(98.9, 95.8, 101.8, 10, "%")
    );
}

#[test]
fn a_count_without_a_unit() {
    assert_eq!(
        figure(OUTPUT, "lost updates, N threads"),
        fig(970944.0, 798799.0, 1000000.0, 100, "")
    );
}

#[test]
fn padding_and_leading_and_trailing_spaces_do_not_matter() {
    let out = "x  median 1.5 ms (p10–p90 1.0–2.0, n=3)\n";
    assert_eq!(figure(out, "x"), fig(1.5, 1.0, 2.0, 3, "ms"));
    let out = "      x                      median 1.5 ms (p10–p90 1.0–2.0, n=3)   \r\n";
    assert_eq!(figure(out, "x"), fig(1.5, 1.0, 2.0, 3, "ms"));
}

#[test]
fn negative_numbers() {
    let out = "  overhead  median -1.25 µs (p10–p90 -2.50–0.75, n=10)\n";
    assert_eq!(figure(out, "overhead"), fig(-1.25, -2.5, 0.75, 10, "µs"));
}

#[test]
fn a_label_that_begins_another_label_finds_its_own_line() {
    // "sum, 1 thread" begins the line above its own; "sum" begins three.
    assert_eq!(
        figure(OUTPUT, "sum, 1 thread"),
        fig(1.0, 0.96, 1.05, 16, "×")
    );
    assert_eq!(figure(OUTPUT, "sum"), None);
    assert_eq!(figure(OUTPUT, "two threads"), None);
}

#[test]
fn a_line_that_is_not_a_harness_line_is_passed_over() {
    // The first line of OUTPUT starts with "round trips of one message",
    // but goes on in prose; a table row has the label and two spaces, but
    // no `median`.
    assert_eq!(figure(OUTPUT, "round trips of one message"), None);
    let out = concat!(
        "  Mutex<u64>          10.1       31.0\n",
        "  Mutex<u64>  median 10.1 ns (p10–p90 9.8–12.0, n=10)\n",
    );
    assert_eq!(figure(out, "Mutex<u64>"), fig(10.1, 9.8, 12.0, 10, "ns"));
    // One space between the label and `median` is not the harness's form.
    assert_eq!(figure("x median 1 (p10–p90 1–1, n=1)\n", "x"), None);
}

#[test]
fn a_malformed_harness_line_gives_none() {
    for line in [
        "x  median 64.5 µs (p10 44.1, n=10)",
        "x  median 64.5 µs (p10–p90 44.1–77.3)",
        "x  median 64.5 µs (p10–p90 44.1-77.3, n=10)",
        "x  median 64.5 µs (p10–p90 44.1–77.3, n=ten)",
        "x  median 64.5 µs (p10–p90 44.1–77.3, n=+10)",
        "x  median 64.5 µs (p10–p90 44.1–77.3, n=10) and more",
        "x  median 64.5 µs (p10–p90 44.1–77.3–80.0, n=10)",
        "x  median 64.5 µs (p10–p90 .5–77.3, n=10)",
        "x  median 64.5  µs (p10–p90 44.1–77.3, n=10)",
        "x  median 64.5 µs per call (p10–p90 44.1–77.3, n=10)",
        "x  median 1.2.3 ms (p10–p90 1–2, n=3)",
        "x  median fast (p10–p90 1–2, n=3)",
        "x  median  64.5 µs (p10–p90 44.1–77.3, n=10)",
        "x  median",
    ] {
        assert_eq!(figure(line, "x"), None, "{line}");
    }
    // The first line with the label decides, even if a later one parses.
    let out = "x  median ? (p10–p90 1–2, n=3)\nx  median 1.5 (p10–p90 1–2, n=3)\n";
    assert_eq!(figure(out, "x"), None);
}

#[test]
fn a_missing_label_gives_none() {
    assert_eq!(figure(OUTPUT, "rayon"), None);
    assert_eq!(figure(OUTPUT, "mpsc channels"), None);
    assert_eq!(figure("", "x"), None);
}

#[test]
fn intervals_apart_are_less_or_greater() {
    let (a, b) = (interval(1.0, 2.0, "µs"), interval(3.0, 4.0, "µs"));
    assert_eq!(compare(&a, &b), Some(Verdict::Less));
    assert_eq!(compare(&b, &a), Some(Verdict::Greater));
}

#[test]
fn overlapping_intervals_are_the_same() {
    let (a, b) = (interval(1.0, 3.0, "×"), interval(2.0, 4.0, "×"));
    assert_eq!(compare(&a, &b), Some(Verdict::Same));
    assert_eq!(compare(&b, &a), Some(Verdict::Same));
    // One inside the other, and a figure against itself.
    let inner = interval(1.5, 2.5, "×");
    assert_eq!(compare(&a, &inner), Some(Verdict::Same));
    assert_eq!(compare(&inner, &a), Some(Verdict::Same));
    assert_eq!(compare(&a, &a), Some(Verdict::Same));
}

#[test]
fn the_median_does_not_decide() {
    // The medians are apart, the intervals are not.
    let a = fig(1.0, 0.5, 3.0, 10, "ms").unwrap();
    let b = fig(2.9, 2.0, 3.5, 10, "ms").unwrap();
    assert_eq!(compare(&a, &b), Some(Verdict::Same));
}

#[test]
fn touching_intervals_are_the_same() {
    let (a, b) = (interval(1.0, 2.0, ""), interval(2.0, 3.0, ""));
    assert_eq!(compare(&a, &b), Some(Verdict::Same));
    assert_eq!(compare(&b, &a), Some(Verdict::Same));
}

#[test]
fn different_units_are_not_compared() {
    let a = interval(1.0, 2.0, "µs");
    assert_eq!(compare(&a, &interval(3.0, 4.0, "ms")), None);
    assert_eq!(compare(&a, &interval(1.0, 2.0, "ms")), None);
    assert_eq!(
        compare(&interval(1.0, 2.0, ""), &interval(1.0, 2.0, "×")),
        None
    );
}

#[test]
fn figures_read_from_an_output_compare() {
    let read = |label| figure(OUTPUT, label).unwrap();
    let threads = read("two threads, mpsc channels");
    let processes = read("two processes, pipes");
    assert_eq!(compare(&threads, &processes), Some(Verdict::Same));
    let one = read("sum, 1 thread");
    let two = read("sum, 2 threads");
    assert_eq!(compare(&one, &two), Some(Verdict::Less));
    assert_eq!(compare(&two, &one), Some(Verdict::Greater));
    assert_eq!(compare(&threads, &one), None);
}
