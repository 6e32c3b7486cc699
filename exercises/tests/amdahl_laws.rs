//! Tests for the exercise `amdahl_laws`.

use exercises::amdahl_laws::{amdahl, gustafson};

fn close(got: Option<f64>, want: f64) -> bool {
    got.is_some_and(|g| (g - want).abs() < 1e-9)
}

#[test]
fn amdahl_known_values() {
    assert!(close(amdahl(0.75, 2), 1.6));
    assert!(close(amdahl(0.5, 4), 1.6));
    assert!(close(amdahl(0.9, 10), 1.0 / 0.19));
    assert!(close(amdahl(0.95, 1_000_000), 1.0 / (0.05 + 0.95e-6)));
}

#[test]
fn amdahl_edge_cases() {
    assert!(close(amdahl(0.8, 1), 1.0), "one processor: no speedup");
    assert!(close(amdahl(0.0, 64), 1.0), "nothing parallel: no speedup");
    assert!(close(amdahl(1.0, 64), 64.0), "all parallel: n times");
}

#[test]
fn amdahl_rejects_invalid_input() {
    assert_eq!(amdahl(0.5, 0), None);
    assert_eq!(amdahl(-0.1, 2), None);
    assert_eq!(amdahl(1.1, 2), None);
    assert_eq!(amdahl(f64::NAN, 2), None);
}

#[test]
fn gustafson_known_values() {
    assert!(close(gustafson(0.25, 4), 3.25));
    assert!(close(gustafson(0.1, 10), 9.1));
    assert!(close(gustafson(0.5, 2), 1.5));
}

#[test]
fn gustafson_edge_cases() {
    assert!(close(gustafson(0.3, 1), 1.0));
    assert!(close(gustafson(0.0, 16), 16.0));
    assert!(close(gustafson(1.0, 16), 1.0));
}

#[test]
fn gustafson_rejects_invalid_input() {
    assert_eq!(gustafson(0.5, 0), None);
    assert_eq!(gustafson(-0.01, 4), None);
    assert_eq!(gustafson(2.0, 4), None);
    assert_eq!(gustafson(f64::NAN, 4), None);
}

#[test]
fn the_laws_differ() {
    // The same fraction means different things in the two laws.
    assert!(amdahl(0.75, 4).unwrap() < gustafson(0.25, 4).unwrap());
}
