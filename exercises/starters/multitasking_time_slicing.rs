//! # Exercise: simulate time slicing on one CPU
//!
//! A preemptive round-robin scheduler gives each ready task at most one
//! *quantum* of CPU time, then takes the CPU away and gives it to the next
//! task in the queue. Each switch from one task to another costs time of
//! its own. Write [`time_slice`], which computes the timeline such a
//! scheduler produces, in whole ticks, as the chapter's figure of three
//! pinned threads shows it for a real kernel.
//!
//! Test your attempt with `cargo test -p exercises --test multitasking_time_slicing`.

/// Task `task` ran on the CPU from tick `start` up to tick `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slice {
    pub task: usize,
    pub start: u64,
    pub end: u64,
}

/// Simulates a preemptive round-robin scheduler on one CPU and returns the
/// slices in the order they ran.
///
/// - Task `i` needs `work[i]` ticks of CPU. All tasks are ready at tick 0,
///   queued in the order of `work`. A task that needs 0 ticks never runs.
/// - The task at the front of the queue runs for `quantum` ticks, or less if
///   it finishes sooner. If it is unfinished, it goes to the back of the
///   queue.
/// - Handing the CPU from one task to a *different* task costs `switch`
///   ticks, during which no task runs. The first task starts at tick 0
///   without a switch.
/// - When the task that runs next is the one that just ran (it is the only
///   one left), no switch is paid, and its time extends the same slice: two
///   consecutive slices never belong to the same task.
///
/// # Panics
///
/// If `quantum` is 0.
pub fn time_slice(work: &[u64], quantum: u64, switch: u64) -> Vec<Slice> {
    todo!("write this, then run: cargo test -p exercises --test multitasking_time_slicing")
}
