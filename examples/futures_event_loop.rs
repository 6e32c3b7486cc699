//! A minimal single-threaded event loop: a queue of ready tasks, each polled
//! in turn; a task's waker puts it back in the queue.

use std::future::Future;
use std::pin::Pin;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread;
use std::time::Duration;

/// Pending on the first poll (after waking itself), Ready on the second.
#[derive(Default)]
struct YieldNow(bool);

impl Future for YieldNow {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.0 {
            return Poll::Ready(());
        }
        self.0 = true;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

/// What the timer thread and the future share: done yet, and whom to wake.
#[derive(Default)]
struct Shared {
    done: bool,
    waker: Option<Waker>,
}

enum Timer {
    NotStarted(Duration),
    Waiting(Arc<Mutex<Shared>>),
    Done,
}

impl Future for Timer {
    type Output = ();
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if let Timer::NotStarted(duration) = *self {
            let shared = Arc::new(Mutex::new(Shared::default()));
            let for_thread = Arc::clone(&shared);
            thread::spawn(move || {
                thread::sleep(duration);
                let mut state = for_thread.lock().unwrap();
                state.done = true;
                if let Some(waker) = state.waker.take() {
                    waker.wake(); // "poll me again": the timer has fired
                }
            });
            *self = Timer::Waiting(shared);
        }
        let Timer::Waiting(shared) = &*self else {
            panic!("Timer polled after it returned Ready");
        };
        let mut state = shared.lock().unwrap();
        if !state.done {
            state.waker = Some(cx.waker().clone()); // the latest waker wins
            return Poll::Pending;
        }
        drop(state);
        *self = Timer::Done;
        Poll::Ready(())
    }
}

// ANCHOR: event_loop
type BoxFuture = Pin<Box<dyn Future<Output = ()> + Send>>;

/// A spawned future, and the queue its waker sends it back to.
struct Task {
    future: Mutex<Option<BoxFuture>>, // None once it has finished
    queue: Sender<Arc<Task>>,
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        let queue = self.queue.clone();
        let _ = queue.send(self); // re-queue the task; ignore a loop that has stopped
    }
}

struct EventLoop {
    queue: Sender<Arc<Task>>,
    ready: Receiver<Arc<Task>>,
    unfinished: usize,
}

impl EventLoop {
    fn new() -> Self {
        let (queue, ready) = channel();
        EventLoop {
            queue,
            ready,
            unfinished: 0,
        }
    }

    fn spawn(&mut self, future: impl Future<Output = ()> + Send + 'static) {
        let future = Mutex::new(Some(Box::pin(future) as BoxFuture));
        let task = Arc::new(Task {
            future,
            queue: self.queue.clone(),
        });
        self.queue.send(task).unwrap(); // a new task is ready to run
        self.unfinished += 1;
    }

    /// Polls ready tasks until every task has finished; returns the number of polls.
    fn run(&mut self) -> usize {
        let mut polls = 0;
        while self.unfinished > 0 {
            let next = self.ready.recv_timeout(Duration::from_secs(5)); // bounded wait
            let task = next.expect("no task woken: a future returned Pending and never woke");
            let mut slot = task.future.lock().unwrap();
            let Some(future) = slot.as_mut() else {
                continue;
            }; // woken after finishing
            let waker = Waker::from(Arc::clone(&task));
            polls += 1;
            if future
                .as_mut()
                .poll(&mut Context::from_waker(&waker))
                .is_ready()
            {
                *slot = None; // drop the finished future
                self.unfinished -= 1;
            }
        }
        polls
    }
}
// ANCHOR_END: event_loop

// ANCHOR: main
async fn worker(name: &'static str, steps: u32) {
    for step in 0..steps {
        println!("{name}: step {step}");
        YieldNow::default().await; // let the other tasks run
    }
    println!("{name}: done");
}

fn main() {
    let mut event_loop = EventLoop::new();
    event_loop.spawn(worker("a", 3));
    event_loop.spawn(worker("b", 3));
    event_loop.spawn(async {
        println!("c: waiting for a 50 ms timer");
        Timer::NotStarted(Duration::from_millis(50)).await;
        println!("c: the timer woke me");
    });
    let polls = event_loop.run();
    println!("all tasks finished after {polls} polls");
    assert_eq!(polls, 4 + 4 + 2);
}
// ANCHOR_END: main
