//! Tests for the exercise `coordination_philosophers`. Every dinner runs on
//! tokio's paused clock under a timeout: a deadlocked dinner leaves every task
//! waiting, the clock jumps to the timeout, and the test fails at once.

use std::cell::Cell;
use std::time::Duration;
use tokio::time::timeout;

use exercises::coordination_philosophers::{Fork, Table, dine};

/// Dinner for `seats` with `meals` each; returns meals per philosopher, the
/// forks, and the most forks in hands at once.
async fn dinner(seats: usize, meals: usize, grab_ms: u64) -> (Vec<usize>, Vec<Fork>, usize) {
    let table = Table::new(seats, Duration::from_millis(grab_ms));
    let eaten: Vec<Cell<usize>> = (0..seats).map(|_| Cell::new(0)).collect();
    let eat = |p: usize, left: &mut Fork, right: &mut Fork| {
        assert_eq!(left.id, p, "philosopher {p} got the wrong left fork");
        assert_eq!(
            right.id,
            (p + 1) % seats,
            "philosopher {p} got the wrong right fork"
        );
        left.uses += 1;
        right.uses += 1;
        eaten[p].set(eaten[p].get() + 1);
    };
    let limit = Duration::from_secs(3600);
    if timeout(limit, dine(&table, meals, eat)).await.is_err() {
        panic!("dinner did not end: deadlock");
    }
    let peak = table.peak_held();
    (
        eaten.into_iter().map(Cell::into_inner).collect(),
        table.into_forks(),
        peak,
    )
}

#[tokio::test(start_paused = true)]
async fn five_philosophers_each_eat_every_meal() {
    // Miri interprets every poll: fewer meals check the same code.
    let meals = if cfg!(miri) { 2 } else { 20 };
    let (eaten, forks, _) = dinner(5, meals, 1).await;
    assert_eq!(eaten, vec![meals; 5]);
    assert!(
        forks.iter().all(|f| f.uses == 2 * meals),
        "each fork serves 2 x {meals} meals: {forks:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn everyone_grabs_a_fork_at_the_same_moment() {
    // Slow hands: if all pick up their left fork first, all hold one and wait.
    // Miri interprets every poll: fewer meals (the first can deadlock) check the same code.
    let meals = if cfg!(miri) { 2 } else { 3 };
    let (eaten, _, _) = dinner(5, meals, 30).await;
    assert_eq!(eaten, vec![meals; 5]);
}

#[tokio::test(start_paused = true)]
async fn philosophers_eat_concurrently() {
    // One philosopher at a time holds at most 2 forks; concurrent ones hold more.
    // Miri interprets every poll: fewer meals check the same code.
    let meals = if cfg!(miri) { 2 } else { 3 };
    let (_, _, peak) = dinner(5, meals, 10).await;
    assert!(
        peak > 2,
        "at most {peak} forks were ever held at once: nobody ate concurrently"
    );
}

#[tokio::test(start_paused = true)]
async fn two_philosophers_share_two_forks() {
    // Miri interprets every poll: fewer meals check the same code.
    let meals = if cfg!(miri) { 2 } else { 10 };
    let (eaten, forks, _) = dinner(2, meals, 5).await;
    assert_eq!(eaten, vec![meals, meals]);
    assert!(forks.iter().all(|f| f.uses == 2 * meals));
}

#[tokio::test(start_paused = true)]
async fn no_meals_no_eating() {
    let (eaten, forks, _) = dinner(3, 0, 1).await;
    assert_eq!(eaten, vec![0; 3]);
    assert!(forks.iter().all(|f| f.uses == 0));
}
