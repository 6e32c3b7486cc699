//! # Exercise: async dining philosophers who never deadlock
//!
//! Philosophers sit at a round table with one fork between each pair of
//! neighbours, as in the chapter "Mutex, RwLock and Arc", but now each
//! philosopher is a future and each fork a `tokio::sync::Mutex`. Picking up a
//! fork takes time (an `.await`), so a philosopher holds one fork across an
//! `.await` while reaching for the other: if every philosopher takes the fork
//! on their left first, all of them can hold one fork and wait forever.
//!
//! [`Table`] is written for you. Write [`dine`], so that every philosopher
//! eats as often as asked, they eat concurrently, and no timing can make them
//! deadlock.
//!
//! Test your attempt with `cargo test -p exercises --test coordination_philosophers`.

use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::{Mutex, MutexGuard};

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
    // Both `Relaxed`: they publish no other data, a read-modify-write never
    // loses a count, and the tests read the peak after `dine` has returned.
    held: AtomicUsize,
    peak: AtomicUsize,
}

/// A fork in someone's hand; it is put down when this guard is dropped.
pub struct Held<'a> {
    fork: MutexGuard<'a, Fork>,
    table: &'a Table,
}

impl Table {
    /// A table for `seats` philosophers; picking up a fork takes `grab`.
    ///
    /// Panics if `seats < 2`: one philosopher would need the same fork twice.
    pub fn new(seats: usize, grab: Duration) -> Table {
        assert!(seats >= 2, "a table needs at least two seats");
        Table {
            forks: (0..seats)
                .map(|id| Mutex::new(Fork { id, uses: 0 }))
                .collect(),
            grab,
            held: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
        }
    }

    /// The number of seats, which is also the number of forks.
    pub fn seats(&self) -> usize {
        self.forks.len()
    }

    /// Picks up fork `i`: waits until no one holds it, then takes `grab` to
    /// get a grip on it.
    pub async fn pick_up(&self, i: usize) -> Held<'_> {
        let fork = self.forks[i].lock().await;
        let held = self.held.fetch_add(1, Ordering::Relaxed) + 1;
        self.peak.fetch_max(held, Ordering::Relaxed);
        tokio::time::sleep(self.grab).await;
        Held { fork, table: self }
    }

    /// The most forks that were in hands at the same moment.
    pub fn peak_held(&self) -> usize {
        self.peak.load(Ordering::Relaxed)
    }

    /// The forks, after dinner.
    pub fn into_forks(self) -> Vec<Fork> {
        self.forks.into_iter().map(Mutex::into_inner).collect()
    }
}

impl Deref for Held<'_> {
    type Target = Fork;
    fn deref(&self) -> &Fork {
        &self.fork
    }
}

impl DerefMut for Held<'_> {
    fn deref_mut(&mut self) -> &mut Fork {
        &mut self.fork
    }
}

impl Drop for Held<'_> {
    fn drop(&mut self) {
        self.table.held.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Runs every philosopher as a future, all at the same time, and returns when
/// every philosopher has eaten `meals` times.
///
/// For each meal, philosopher `p` picks up both of their forks with
/// [`Table::pick_up`], calls `eat(p, left, right)` with fork `p` as `left`
/// and fork `(p + 1) % seats` as `right`, then puts both forks down.
/// It must never deadlock, whatever the timing.
pub async fn dine<F>(table: &Table, meals: usize, eat: F)
where
    F: Fn(usize, &mut Fork, &mut Fork),
{
    todo!("write this, then run: cargo test -p exercises --test coordination_philosophers")
}
