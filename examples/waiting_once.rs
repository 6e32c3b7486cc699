//! `Once`, `OnceLock` and `LazyLock`: one-time initialisation, however many threads race for it.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, Once, OnceLock};
use std::thread;

static RUNS: AtomicUsize = AtomicUsize::new(0); // how often an initialiser ran

// ANCHOR: main
// Once: runs a closure once; it holds no value.
static LOGGING: Once = Once::new();

// OnceLock: a value set once, by whoever gets there first, with any input.
static SETTINGS: OnceLock<String> = OnceLock::new();

// LazyLock: a value with its initialiser fixed where it is declared.
static PORTS: LazyLock<HashMap<&str, u16>> = LazyLock::new(|| {
    RUNS.fetch_add(1, Ordering::Relaxed);
    HashMap::from([("http", 80), ("https", 443)])
});

fn settings(profile: &str) -> &'static str {
    SETTINGS.get_or_init(|| {
        RUNS.fetch_add(1, Ordering::Relaxed);
        format!("profile={profile}")
    })
}

fn main() {
    println!("before: settings set = {}", SETTINGS.get().is_some());
    thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| {
                LOGGING.call_once(|| {
                    RUNS.fetch_add(1, Ordering::Relaxed);
                });
                assert_eq!(settings("release"), "profile=release");
                assert_eq!(PORTS["https"], 443);
            });
        }
    });
    // Later callers get the stored value; their own initialiser never runs.
    println!("settings(\"debug\") = {:?}", settings("debug"));
    println!(
        "8 threads, 3 cells, initialisers run: {}",
        RUNS.load(Ordering::Relaxed)
    );
    println!("logging set up: {}", LOGGING.is_completed());
}
// ANCHOR_END: main
