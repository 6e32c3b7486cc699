//! Tests for the exercise `multitasking_round_robin`.

use std::cell::RefCell;

use exercises::multitasking_round_robin::{Step, Task, run_round_robin};

/// A task that needs `calls` calls: it yields `calls - 1` times, then is
/// done, and panics if it is called again after that.
fn task<'a>(calls: usize) -> Task<'a> {
    let mut made = 0;
    Box::new(move || {
        made += 1;
        assert!(made <= calls, "a finished task was called again");
        if made == calls {
            Step::Done
        } else {
            Step::Yield
        }
    })
}

#[test]
fn no_tasks_no_trace() {
    assert!(run_round_robin(Vec::new()).is_empty());
}

#[test]
fn one_task_runs_to_the_end() {
    assert_eq!(run_round_robin(vec![task(4)]), vec![0, 0, 0, 0]);
}

#[test]
fn the_example_of_the_documentation() {
    let tasks = vec![task(3), task(1), task(2)];
    assert_eq!(run_round_robin(tasks), vec![0, 1, 2, 0, 2, 0]);
}

#[test]
fn tasks_take_turns_instead_of_running_to_completion() {
    let tasks = vec![task(3), task(3)];
    assert_eq!(run_round_robin(tasks), vec![0, 1, 0, 1, 0, 1]);
}

#[test]
fn finished_tasks_leave_the_queue() {
    let tasks = vec![task(1), task(4), task(1), task(2)];
    assert_eq!(run_round_robin(tasks), vec![0, 1, 2, 3, 1, 3, 1, 1]);
}

#[test]
fn tasks_may_borrow_and_see_each_other_run() {
    // Both tasks write to one log they borrow; the log shows the interleaving.
    let log = RefCell::new(Vec::new());
    let worker = |name: char, steps: usize| -> Task<'_> {
        let log = &log;
        let mut done = 0;
        Box::new(move || {
            log.borrow_mut().push(format!("{name}{done}"));
            done += 1;
            if done == steps {
                Step::Done
            } else {
                Step::Yield
            }
        })
    };
    let trace = run_round_robin(vec![worker('a', 2), worker('b', 3)]);
    assert_eq!(trace, vec![0, 1, 0, 1, 1]);
    assert_eq!(log.into_inner(), ["a0", "b0", "a1", "b1", "b2"]);
}
