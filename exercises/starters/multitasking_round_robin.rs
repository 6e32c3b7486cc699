//! # Exercise: a cooperative round-robin scheduler
//!
//! A cooperative task runs until it decides to give the CPU back. Here a
//! task is a closure: each call runs the task up to its next yield point
//! and says whether it has more to do ([`Step::Yield`]) or has finished
//! ([`Step::Done`]). Write [`run_round_robin`], the scheduler that takes
//! turns between such tasks on one thread.
//!
//! Test your attempt with `cargo test -p exercises --test multitasking_round_robin`.

/// What a task says when it gives the CPU back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The task paused at a yield point and wants to be called again.
    Yield,
    /// The task has finished; it must never be called again.
    Done,
}

/// A cooperative task: each call runs it until its next yield point.
/// `FnMut` is a closure that may be called many times and may change what it
/// captured (`FnOnce` may be called only once); `Box<dyn …>` puts closures of
/// different types on the heap behind one type, so one `Vec` can hold them.
pub type Task<'a> = Box<dyn FnMut() -> Step + 'a>;

/// Runs `tasks` round robin on the calling thread until all have finished,
/// and returns the trace: the index (in `tasks`) of the task run by each
/// call, in the order of the calls.
///
/// - The first round calls task 0, then task 1, and so on, once each.
/// - A task that returns [`Step::Yield`] goes to the back of the queue and
///   is called again after every other unfinished task has had a turn.
/// - A task that returns [`Step::Done`] is dropped and never called again.
///   Its last call is part of the trace.
/// - No tasks: an empty trace.
///
/// For three tasks that need 3, 1 and 2 calls, the trace is
/// `[0, 1, 2, 0, 2, 0]`.
pub fn run_round_robin(tasks: Vec<Task<'_>>) -> Vec<usize> {
    todo!("write this, then run: cargo test -p exercises --test multitasking_round_robin")
}
