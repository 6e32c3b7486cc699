//! Tests for the exercise `multitasking_time_slicing`.

use exercises::multitasking_time_slicing::{Slice, time_slice};

/// Slices from `(task, start, end)` triples.
fn slices(list: &[(usize, u64, u64)]) -> Vec<Slice> {
    list.iter()
        .map(|&(task, start, end)| Slice { task, start, end })
        .collect()
}

#[test]
fn no_work_no_slices() {
    assert!(time_slice(&[], 4, 1).is_empty());
    assert!(time_slice(&[0, 0], 4, 1).is_empty());
}

#[test]
fn one_task_runs_in_one_slice() {
    assert_eq!(time_slice(&[10], 4, 1), slices(&[(0, 0, 10)]));
}

#[test]
fn three_equal_tasks_take_turns() {
    let expected = slices(&[
        (0, 0, 4),
        (1, 4, 8),
        (2, 8, 12),
        (0, 12, 16),
        (1, 16, 20),
        (2, 20, 24),
    ]);
    assert_eq!(time_slice(&[8, 8, 8], 4, 0), expected);
}

#[test]
fn a_task_that_finishes_early_gives_the_cpu_back() {
    let expected = slices(&[(0, 0, 3), (1, 3, 6), (2, 6, 7), (1, 7, 9)]);
    assert_eq!(time_slice(&[3, 5, 1], 3, 0), expected);
}

#[test]
fn switches_cost_time_between_different_tasks() {
    let expected = slices(&[(0, 0, 2), (1, 3, 5), (0, 6, 8), (1, 9, 10)]);
    assert_eq!(time_slice(&[4, 3], 2, 1), expected);
}

#[test]
fn the_last_task_left_runs_on_without_a_switch() {
    // Task 0 needs 2 quanta more after task 1 has finished: one slice, no switch.
    let expected = slices(&[(0, 0, 2), (1, 7, 9), (0, 14, 18)]);
    assert_eq!(time_slice(&[6, 2], 2, 5), expected);
}

#[test]
fn tasks_without_work_are_skipped() {
    let expected = slices(&[(1, 0, 2), (3, 3, 5), (1, 6, 7)]);
    assert_eq!(time_slice(&[0, 3, 0, 2], 2, 1), expected);
}

#[test]
fn total_time_is_work_plus_switches() {
    let work = [7, 1, 12, 5, 9];
    let result = time_slice(&work, 3, 2);
    let switches = result.len() as u64 - 1;
    let end = result.last().unwrap().end;
    assert_eq!(end, work.iter().sum::<u64>() + 2 * switches);
    for (task, &needed) in work.iter().enumerate() {
        let ran: u64 = result
            .iter()
            .filter(|s| s.task == task)
            .map(|s| s.end - s.start)
            .sum();
        assert_eq!(ran, needed, "task {task} ran for {ran} ticks");
    }
    assert!(result.windows(2).all(|w| w[0].task != w[1].task));
}

#[test]
#[should_panic]
fn a_zero_quantum_panics() {
    time_slice(&[1], 0, 0);
}
