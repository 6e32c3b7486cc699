//! Tests for the exercise `multitasking_pinned` (Linux).

// They pin threads with Linux's own calls: elsewhere there are none.
#![cfg(target_os = "linux")]

// miri: skip its tests pin threads to CPUs through libc, which Miri does not emulate

use std::io::ErrorKind;

use exercises::multitasking_pinned::{allowed_cpus, run_on_cpu};

/// The CPU the calling thread is on right now.
fn current_cpu() -> usize {
    // SAFETY: sched_getcpu takes no arguments; it returns -1 on failure.
    usize::try_from(unsafe { libc::sched_getcpu() }).expect("sched_getcpu works")
}

#[test]
fn allowed_cpus_are_sorted_and_include_the_current_one() {
    let cpus = allowed_cpus().unwrap();
    assert!(!cpus.is_empty());
    assert!(
        cpus.windows(2).all(|w| w[0] < w[1]),
        "{cpus:?} is not sorted"
    );
    let count = std::thread::available_parallelism().unwrap().get();
    assert!(cpus.len() >= count, "{cpus:?}: fewer than {count} CPUs");
    // This thread runs on an allowed CPU, whichever it is right now.
    assert!(cpus.contains(&current_cpu()));
}

#[test]
fn runs_on_every_allowed_cpu_it_is_asked_for() {
    for cpu in allowed_cpus().unwrap() {
        let (inside, reported) = run_on_cpu(cpu, current_cpu).unwrap();
        assert_eq!(inside, cpu, "the closure ran on CPU {inside}, not {cpu}");
        assert_eq!(reported, cpu, "reported CPU {reported}, not {cpu}");
    }
}

#[test]
fn stays_on_its_cpu_while_it_works() {
    let cpu = *allowed_cpus().unwrap().last().unwrap();
    let (seen, reported) = run_on_cpu(cpu, || {
        (0..1_000)
            .map(|_| {
                std::thread::yield_now(); // a chance to be moved elsewhere
                current_cpu()
            })
            .collect::<Vec<_>>()
    })
    .unwrap();
    assert!(seen.iter().all(|&c| c == cpu), "left CPU {cpu}: {seen:?}");
    assert_eq!(reported, cpu);
}

#[test]
fn the_callers_affinity_is_unchanged() {
    let before = allowed_cpus().unwrap();
    let cpu = before[0];
    run_on_cpu(cpu, || ()).unwrap();
    assert_eq!(allowed_cpus().unwrap(), before);
}

#[test]
fn borrows_and_returns_values() {
    let words = [String::from("time"), String::from("slice")];
    let cpu = allowed_cpus().unwrap()[0];
    let (total, _) = run_on_cpu(cpu, || words.iter().map(|w| w.len()).sum::<usize>()).unwrap();
    assert_eq!(total, 9);
}

#[test]
fn a_cpu_beyond_the_set_is_invalid_input() {
    let mut called = false;
    let err = run_on_cpu(libc::CPU_SETSIZE as usize, || called = true).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(!called, "f ran although the CPU does not exist");
}

#[test]
fn a_cpu_not_allowed_is_an_error() {
    let allowed = allowed_cpus().unwrap();
    let Some(missing) = (0..libc::CPU_SETSIZE as usize).find(|c| !allowed.contains(c)) else {
        return; // every possible CPU is allowed: nothing to test
    };
    let mut called = false;
    assert!(run_on_cpu(missing, || called = true).is_err());
    assert!(!called, "f ran although CPU {missing} is not allowed");
}

#[test]
#[should_panic(expected = "inside the pinned thread")]
fn a_panic_reaches_the_caller() {
    let cpu = allowed_cpus().unwrap()[0];
    let _ = run_on_cpu(cpu, || panic!("inside the pinned thread"));
}
