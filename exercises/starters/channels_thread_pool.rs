//! # Exercise: a thread pool with graceful shutdown
//!
//! Write a [`ThreadPool`] of `n` worker threads that run the jobs handed to
//! [`ThreadPool::execute`]. Send the jobs to the workers over a channel.
//!
//! The pool must:
//!
//! - run every submitted job exactly once, on one of its workers;
//! - let the workers run jobs at the same time (a worker must not hold a lock
//!   while it runs a job);
//! - survive a job that panics: the panic ends that job only, and the pool
//!   goes on running every other job with all `n` workers;
//! - shut down gracefully when it is dropped: `drop` returns only after every
//!   job submitted before the drop has run and every worker has been joined.
//!
//! Test your attempt with `cargo test -p exercises --test channels_thread_pool`.

/// A job: a closure to run once on some worker thread.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// A fixed set of worker threads that run submitted jobs.
pub struct ThreadPool {
    // Add the fields you need: for example the sending half of the job
    // channel and the workers' `JoinHandle`s.
}

impl ThreadPool {
    /// Starts a pool of `workers` threads.
    ///
    /// # Panics
    ///
    /// Panics if `workers` is 0.
    pub fn new(workers: usize) -> ThreadPool {
        todo!("write this, then run: cargo test -p exercises --test channels_thread_pool")
    }

    /// Hands `job` to the pool; one of the workers will run it. Returns at once,
    /// without waiting for the job to run.
    pub fn execute<F>(&self, job: F)
    where
        F: FnOnce() + Send + 'static,
    {
        todo!("write this, then run: cargo test -p exercises --test channels_thread_pool")
    }
}

impl Drop for ThreadPool {
    /// Shuts the pool down: lets the workers finish every job already
    /// submitted, then joins every worker.
    fn drop(&mut self) {
        todo!("write this, then run: cargo test -p exercises --test channels_thread_pool")
    }
}
