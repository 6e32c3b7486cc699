//! Tests for the exercise `measure_extract`, on lines shaped like the book's
//! recorded outputs.

use exercises::measure_extract::{Figure, figure, ratio};

fn fig(value: f64, unit: &str) -> Option<Figure> {
    Some(Figure {
        value,
        unit: unit.to_string(),
    })
}

const SPAWN: &str = "10000 runs of each; mean time per run:
  plain function call            0.3 ns
  spawn + join, one at a time    40.6 µs
  spawn 100, then join them      50.3 µs
one spawn + join costs as much as 131465 plain calls
";

#[test]
fn number_then_unit_word() {
    assert_eq!(
        figure(SPAWN, "spawn + join, one at a time"),
        fig(40.6, "µs")
    );
    assert_eq!(figure(SPAWN, "plain function call"), fig(0.3, "ns"));
}

#[test]
fn first_matching_line_wins_and_leading_spaces_are_ignored() {
    // "spawn" starts two lines; the first is the one-at-a-time row.
    assert_eq!(figure(SPAWN, "spawn"), fig(40.6, "µs"));
}

#[test]
fn number_without_unit_and_next_word_is_a_number() {
    let out =
        "  operation       1 thread  2 threads\n  Mutex<u64>          10.1       31.0          0\n";
    assert_eq!(figure(out, "Mutex<u64>"), fig(10.1, ""));
    assert_eq!(
        figure(SPAWN, "one spawn + join costs as much as"),
        fig(131465.0, "plain")
    );
}

#[test]
fn unit_glued_to_the_number() {
    let out = "parallel on 2 threads: 12.4ms\nspeedup: 1.73x\n";
    assert_eq!(figure(out, "parallel on 2 threads:"), fig(12.4, "ms"));
    assert_eq!(figure(out, "speedup:"), fig(1.73, "x"));
}

#[test]
fn a_trailing_dot_is_not_part_of_the_number() {
    assert_eq!(figure("total: 42.\n", "total:"), fig(42.0, "."));
    assert_eq!(figure("took 7 ms.\n", "took"), fig(7.0, "ms."));
}

#[test]
fn label_inside_a_line_does_not_count() {
    assert_eq!(
        figure("x plain function call 1.0 ns\n", "plain function call"),
        None
    );
}

#[test]
fn missing_label_or_number_gives_none() {
    assert_eq!(figure(SPAWN, "rayon"), None);
    assert_eq!(figure("speedup: none\n", "speedup:"), None);
    assert_eq!(figure("", "x"), None);
}

#[test]
fn ratio_needs_equal_units_and_a_nonzero_book_value() {
    let (a, b) = (fig(30.0, "µs").unwrap(), fig(40.0, "µs").unwrap());
    assert_eq!(ratio(&a, &b), Some(0.75));
    assert_eq!(ratio(&a, &fig(40.0, "ms").unwrap()), None);
    assert_eq!(ratio(&a, &fig(0.0, "µs").unwrap()), None);
}
