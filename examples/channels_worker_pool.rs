//! A worker pool: jobs go into one channel, and the workers share its `Receiver`.

use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::thread;

// ANCHOR: job
type Job = Box<dyn FnOnce() + Send + 'static>;
// ANCHOR_END: job

// ANCHOR: worker
fn worker(jobs: Arc<Mutex<Receiver<Job>>>) -> usize {
    let mut done = 0;
    loop {
        // The guard is a temporary: the lock is released at the end of this
        // statement, before the job runs, so other workers can take jobs.
        let next = jobs.lock().unwrap().recv();
        match next {
            Ok(job) => {
                job();
                done += 1;
            }
            Err(_) => return done, // every Sender is gone and the queue is empty
        }
    }
}
// ANCHOR_END: worker

// ANCHOR: main
fn main() {
    let (job_tx, job_rx) = mpsc::channel::<Job>();
    let job_rx = Arc::new(Mutex::new(job_rx));
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let job_rx = Arc::clone(&job_rx);
            thread::spawn(move || worker(job_rx))
        })
        .collect();

    let (result_tx, result_rx) = mpsc::channel::<u64>();
    for n in 1..=100_u64 {
        let result_tx = result_tx.clone();
        job_tx
            .send(Box::new(move || result_tx.send(n * n).unwrap()))
            .unwrap();
    }
    drop(job_tx); // shutdown: workers finish the queue, then `recv` fails
    drop(result_tx); // so that `result_rx` ends once the last job is done

    let done: Vec<usize> = workers.into_iter().map(|w| w.join().unwrap()).collect();
    let sum: u64 = result_rx.iter().sum();
    println!("workers joined: {}", done.len());
    println!("jobs run: {}", done.iter().sum::<usize>());
    println!("sum of squares 1..=100: {sum}");
    assert_eq!(sum, (1..=100_u64).map(|n| n * n).sum());
}
// ANCHOR_END: main
