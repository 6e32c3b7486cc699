//! # Exercise: dining philosophers who never deadlock
//!
//! Philosophers sit at a round table with one fork between each pair of
//! neighbours. To eat, a philosopher needs both forks next to them. If every
//! philosopher picks up the fork on their left and then waits for the one on
//! their right, all of them can hold one fork and wait forever: a deadlock.
//!
//! [`Table`] is written for you. Write [`dine`], so that every philosopher
//! eats as often as asked, and no timing can make them deadlock.
//!
//! Test your attempt with `cargo test -p exercises --test mutex_philosophers`.

use std::sync::{Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::Duration;

/// One fork: `id` is its place on the table, `uses` counts the meals it served.
#[derive(Debug)]
pub struct Fork {
    pub id: usize,
    pub uses: usize,
}

/// A round table of `seats` philosophers and `seats` forks. Philosopher `p`
/// eats with fork `p` on their left and fork `(p + 1) % seats` on their right.
pub struct Table {
    forks: Vec<Mutex<Fork>>,
    grab: Duration,
}

impl Table {
    /// A table for `seats` philosophers; picking up a fork takes `grab`.
    ///
    /// Panics if `seats < 2`: one philosopher would need the same fork twice.
    pub fn new(seats: usize, grab: Duration) -> Table {
        assert!(seats >= 2, "a table needs at least two seats");
        let forks = (0..seats).map(|id| Mutex::new(Fork { id, uses: 0 }));
        Table {
            forks: forks.collect(),
            grab,
        }
    }

    /// The number of seats, which is also the number of forks.
    pub fn seats(&self) -> usize {
        self.forks.len()
    }

    /// Picks up fork `i`: waits until no one holds it, then takes `grab` to
    /// get a grip on it. The fork is put down when the guard is dropped.
    pub fn pick_up(&self, i: usize) -> MutexGuard<'_, Fork> {
        let fork = self.forks[i].lock().unwrap_or_else(PoisonError::into_inner);
        thread::sleep(self.grab);
        fork
    }

    /// The forks, after dinner.
    pub fn into_forks(self) -> Vec<Fork> {
        let forks = self.forks.into_iter();
        forks
            .map(|f| f.into_inner().unwrap_or_else(PoisonError::into_inner))
            .collect()
    }
}

/// Runs one thread per philosopher, all at the same time, and returns when
/// every philosopher has eaten `meals` times.
///
/// For each meal, philosopher `p` picks up both of their forks with
/// [`Table::pick_up`], calls `eat(p, left, right)` with fork `p` as `left`
/// and fork `(p + 1) % seats` as `right`, then puts both forks down.
/// It must never deadlock, whatever the timing.
pub fn dine<F>(table: &Table, meals: usize, eat: F)
where
    F: Fn(usize, &mut Fork, &mut Fork) + Sync,
{
    let seats = table.seats();
    thread::scope(|s| {
        for p in 0..seats {
            let eat = &eat;
            s.spawn(move || {
                let (left, right) = (p, (p + 1) % seats);
                // Every philosopher picks up the lower-numbered fork first.
                // Philosopher `seats - 1` is the one who starts on the right.
                let (first, second) = (left.min(right), left.max(right));
                for _ in 0..meals {
                    let mut a = table.pick_up(first);
                    let mut b = table.pick_up(second);
                    if first == left {
                        eat(p, &mut a, &mut b);
                    } else {
                        eat(p, &mut b, &mut a);
                    }
                } // `b`, then `a`, are dropped at the end of each meal
            });
        }
    });
}
