//! `!Send` tasks on a current-thread runtime: a `LocalSet` and `spawn_local`.

use std::cell::RefCell;
use std::rc::Rc;
use std::thread;
use tokio::task::LocalSet;

// ANCHOR: main
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let main_thread = thread::current().id();
    // Rc<RefCell<_>> is not Send: tokio::spawn would reject these tasks.
    let steps = Rc::new(RefCell::new(Vec::new()));
    let local = LocalSet::new();
    for task in 0..3 {
        let steps = Rc::clone(&steps);
        local.spawn_local(async move {
            for _ in 0..2 {
                tokio::task::yield_now().await; // `steps` lives across this .await
                steps.borrow_mut().push((task, thread::current().id()));
            }
        });
    }
    local.await; // runs the set's tasks until every one has finished

    let steps = steps.take();
    let on_main = steps.iter().all(|&(_, id)| id == main_thread);
    println!("3 local tasks took {} steps", steps.len());
    println!("every step ran on main's thread: {on_main}");
    assert_eq!(steps.len(), 6);
    assert!(on_main);
}
// ANCHOR_END: main
