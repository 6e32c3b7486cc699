//! Tests for the exercise `amdahl_karp_flatt`.

use exercises::amdahl_karp_flatt::serial_fraction_from_speedup as karp_flatt;

fn close(got: Option<f64>, want: f64) -> bool {
    got.is_some_and(|g| (g - want).abs() < 1e-9)
}

#[test]
fn known_values() {
    assert!(close(karp_flatt(1.6, 2), 0.25));
    assert!(close(karp_flatt(1.0 / 0.19, 10), 0.1));
    assert!(close(karp_flatt(4.0, 8), (0.25 - 0.125) / 0.875));
}

#[test]
fn inverts_amdahls_law() {
    for (s, n) in [(0.05, 4), (0.3, 16), (0.5, 2), (0.01, 128)] {
        let speedup = 1.0 / (s + (1.0 - s) / f64::from(n));
        assert!(close(karp_flatt(speedup, n), s), "s = {s}, n = {n}");
    }
}

#[test]
fn edge_cases() {
    assert!(
        close(karp_flatt(8.0, 8), 0.0),
        "ideal speedup: nothing serial"
    );
    assert!(close(karp_flatt(1.0, 8), 1.0), "no speedup: all serial");
    let superlinear = karp_flatt(3.0, 2).unwrap();
    assert!(
        superlinear < 0.0,
        "a superlinear speedup gives a negative fraction"
    );
}

#[test]
fn rejects_invalid_input() {
    assert_eq!(karp_flatt(1.0, 1), None, "one processor tells nothing");
    assert_eq!(karp_flatt(1.0, 0), None);
    assert_eq!(karp_flatt(0.0, 4), None);
    assert_eq!(karp_flatt(-2.0, 4), None);
    assert_eq!(karp_flatt(f64::NAN, 4), None);
    assert_eq!(karp_flatt(f64::INFINITY, 4), None);
}
