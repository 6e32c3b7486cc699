//! # Exercise: a thread pool with graceful shutdown
//!
//! The book's solution: one job channel whose `Receiver` the workers share
//! behind an `Arc<Mutex<_>>`; dropping the `Sender` shuts the pool down.

use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

/// A job: a closure to run once on some worker thread.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// A fixed set of worker threads that run submitted jobs.
pub struct ThreadPool {
    jobs: Option<Sender<Job>>,
    workers: Vec<JoinHandle<()>>,
}

fn work(jobs: &Mutex<Receiver<Job>>) {
    loop {
        // The guard is dropped at the end of this statement, so the lock is
        // free again before the job runs.
        let next = jobs.lock().unwrap_or_else(|e| e.into_inner()).recv();
        match next {
            // A panicking job ends that job, not the worker.
            Ok(job) => _ = panic::catch_unwind(AssertUnwindSafe(job)),
            Err(_) => return, // the pool was dropped and the queue is empty
        }
    }
}

impl ThreadPool {
    /// Starts a pool of `workers` threads.
    ///
    /// # Panics
    ///
    /// Panics if `workers` is 0.
    pub fn new(workers: usize) -> ThreadPool {
        assert!(workers > 0, "a thread pool needs at least one worker");
        let (tx, rx) = mpsc::channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        let workers = (0..workers)
            .map(|_| {
                let rx = Arc::clone(&rx);
                thread::spawn(move || work(&rx))
            })
            .collect();
        ThreadPool {
            jobs: Some(tx),
            workers,
        }
    }

    /// Hands `job` to the pool; one of the workers will run it. Returns at once,
    /// without waiting for the job to run.
    pub fn execute<F>(&self, job: F)
    where
        F: FnOnce() + Send + 'static,
    {
        let jobs = self.jobs.as_ref().expect("the pool is running");
        jobs.send(Box::new(job))
            .expect("the workers live as long as the pool");
    }
}

impl Drop for ThreadPool {
    /// Shuts the pool down: lets the workers finish every job already
    /// submitted, then joins every worker.
    fn drop(&mut self) {
        drop(self.jobs.take()); // hang up: each worker's `recv` fails once the queue is empty
        for worker in self.workers.drain(..) {
            worker.join().expect("workers catch the panics of jobs");
        }
    }
}
