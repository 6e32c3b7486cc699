//! Solution: simulate time slicing on one CPU.

use std::collections::VecDeque;

/// Task `task` ran on the CPU from tick `start` up to tick `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slice {
    pub task: usize,
    pub start: u64,
    pub end: u64,
}

/// Simulates a preemptive round-robin scheduler on one CPU and returns the
/// slices in the order they ran.
pub fn time_slice(work: &[u64], quantum: u64, switch: u64) -> Vec<Slice> {
    assert!(
        quantum > 0,
        "a quantum of 0 ticks would never finish anything"
    );
    // The run queue: (task, ticks it still needs), for tasks with work to do.
    let mut queue: VecDeque<(usize, u64)> = work
        .iter()
        .copied()
        .enumerate()
        .filter(|&(_, need)| need > 0)
        .collect();
    let mut slices: Vec<Slice> = Vec::new();
    let mut now = 0;
    while let Some((task, need)) = queue.pop_front() {
        let run = need.min(quantum); // preempted after one quantum
        match slices.last_mut() {
            Some(last) if last.task == task => last.end += run, // alone: no switch
            last => {
                if last.is_some() {
                    now += switch; // hand the CPU to a different task
                }
                slices.push(Slice {
                    task,
                    start: now,
                    end: now + run,
                });
            }
        }
        now += run;
        if need > run {
            queue.push_back((task, need - run));
        }
    }
    slices
}
