//! Solution: a cooperative round-robin scheduler.

use std::collections::VecDeque;

/// What a task says when it gives the CPU back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The task paused at a yield point and wants to be called again.
    Yield,
    /// The task has finished; it must never be called again.
    Done,
}

/// A cooperative task: each call runs it until its next yield point.
pub type Task<'a> = Box<dyn FnMut() -> Step + 'a>;

/// Runs `tasks` round robin until all have finished; returns the index of
/// the task run by each call, in order.
pub fn run_round_robin(tasks: Vec<Task<'_>>) -> Vec<usize> {
    // The run queue: unfinished tasks, each with its index, in turn order.
    let mut queue: VecDeque<(usize, Task<'_>)> = tasks.into_iter().enumerate().collect();
    let mut trace = Vec::new();
    while let Some((index, mut task)) = queue.pop_front() {
        trace.push(index);
        match task() {
            Step::Yield => queue.push_back((index, task)), // to the back of the queue
            Step::Done => drop(task),                      // finished: never called again
        }
    }
    trace
}
