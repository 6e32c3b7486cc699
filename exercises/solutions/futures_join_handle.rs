//! # Exercise: a `JoinHandle` for the event loop (solution)
//!
//! The chapter's event loop runs futures of output `()`, and their results
//! are lost. Extend it: `spawn` accepts a future with any output and returns a
//! `JoinHandle`, itself a future, that resolves to the task's output, like
//! `tokio::spawn` and `asyncio.create_task`. Another task can `.await` the
//! handle; so can the caller, after `run`.
//!
//! Everything but `spawn` and the handle's `poll` is written for you.
//!
//! Test your attempt with `cargo test -p exercises --test futures_join_handle`.

use std::future::Future;
use std::pin::Pin;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::time::Duration;

type BoxFuture = Pin<Box<dyn Future<Output = ()> + Send>>;

/// A spawned future, and the queue its waker sends it back to.
struct Task {
    future: Mutex<Option<BoxFuture>>,
    queue: Sender<Arc<Task>>,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        let queue = self.queue.clone();
        let _ = queue.send(self);
    }
}

/// The chapter's single-threaded event loop.
pub struct EventLoop {
    queue: Sender<Arc<Task>>,
    ready: Receiver<Arc<Task>>,
    unfinished: usize,
}

/// What a task and its handle share: the output, once there is one, and the
/// waker of whoever is waiting for it.
struct Shared<T> {
    output: Option<T>,
    waker: Option<Waker>,
}

/// Resolves to the output of a spawned task. Dropping it does not stop the task.
pub struct JoinHandle<T> {
    shared: Arc<Mutex<Shared<T>>>,
}

impl Default for EventLoop {
    fn default() -> Self {
        Self::new()
    }
}

impl EventLoop {
    pub fn new() -> Self {
        let (queue, ready) = channel();
        EventLoop {
            queue,
            ready,
            unfinished: 0,
        }
    }

    /// Queues a future whose output nobody needs (the chapter's `spawn`).
    fn spawn_unit(&mut self, future: BoxFuture) {
        let future = Mutex::new(Some(future));
        let task = Arc::new(Task {
            future,
            queue: self.queue.clone(),
        });
        self.queue.send(task).unwrap();
        self.unfinished += 1;
    }

    /// Queues `future` as a task and returns a handle to its output.
    ///
    /// Hint: wrap `future` in an `async move` block (an `async` block that
    /// takes ownership of what it uses, as a `move` closure does) that awaits
    /// it, stores the output in the shared state and wakes the handle's
    /// waker, if any; give that block to `spawn_unit`.
    pub fn spawn<T: Send + 'static>(
        &mut self,
        future: impl Future<Output = T> + Send + 'static,
    ) -> JoinHandle<T> {
        let shared = Arc::new(Mutex::new(Shared {
            output: None,
            waker: None,
        }));
        let for_task = Arc::clone(&shared);
        self.spawn_unit(Box::pin(async move {
            let output = future.await;
            let mut state = for_task.lock().unwrap();
            state.output = Some(output);
            if let Some(waker) = state.waker.take() {
                waker.wake(); // the awaiting task can go on now
            }
        }));
        JoinHandle { shared }
    }

    /// Polls ready tasks until every task has finished; returns the number of polls.
    /// Panics if no task is woken for a second while some are unfinished.
    pub fn run(&mut self) -> usize {
        let mut polls = 0;
        while self.unfinished > 0 {
            let next = self.ready.recv_timeout(Duration::from_secs(1));
            let task = next.expect("no task woken: a future returned Pending and never woke");
            let mut slot = task.future.lock().unwrap();
            let Some(future) = slot.as_mut() else {
                continue;
            };
            let waker = Waker::from(Arc::clone(&task));
            polls += 1;
            if future
                .as_mut()
                .poll(&mut Context::from_waker(&waker))
                .is_ready()
            {
                *slot = None;
                self.unfinished -= 1;
            }
        }
        polls
    }
}

impl<T> Future for JoinHandle<T> {
    type Output = T;

    /// `Ready(output)` once the task has finished (the output is taken out of
    /// the shared state); otherwise remember `cx.waker()` and return `Pending`.
    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<T> {
        let mut state = self.shared.lock().unwrap();
        match state.output.take() {
            Some(output) => Poll::Ready(output),
            None => {
                // Checked and registered under one lock: the task cannot
                // finish in between and miss this waker.
                state.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}
