//! Solution: run jobs on threads and collect their results, panics included.

use std::any::Any;
use std::thread;

/// Returns the message carried by a panic payload, or `"Box<dyn Any>"`
/// when the payload is neither a `&'static str` nor a `String`.
pub fn panic_message(payload: Box<dyn Any + Send>) -> String {
    match payload.downcast::<String>() {
        Ok(text) => *text,
        Err(payload) => match payload.downcast_ref::<&'static str>() {
            Some(text) => (*text).to_owned(),
            None => String::from("Box<dyn Any>"),
        },
    }
}

/// Runs each job on its own thread, all at once, and returns their results
/// in the order of `jobs`.
pub fn run_all<T, F>(jobs: Vec<F>) -> Vec<Result<T, String>>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    // Spawn every job first, so that they all run at the same time...
    let handles: Vec<_> = jobs.into_iter().map(thread::spawn).collect();
    // ...then join them in order: the results line up with the jobs.
    handles
        .into_iter()
        .map(|handle| handle.join().map_err(panic_message))
        .collect()
}
