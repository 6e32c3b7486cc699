//! A panic in a spawned thread reaches `join` as an `Err` that carries the payload.

// A panic message names the thread's OS-level ID, which changes from run to run.
// output: mask \(\d+\)

use std::any::Any;
use std::thread;

// ANCHOR: message
/// Describes a panic payload: `panic!("text")` carries a `&'static str`,
/// `panic!("{x}")` with arguments carries a formatted `String`.
fn describe(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&'static str>() {
        format!("a &'static str: {text:?}")
    } else if let Some(text) = payload.downcast_ref::<String>() {
        format!("a String: {text:?}")
    } else {
        String::from("some other type")
    }
}
// ANCHOR_END: message

// ANCHOR: main
fn main() {
    // One thread at a time, so the panic messages come out in a fixed order.
    let fine = thread::spawn(|| 6 * 7).join();
    let literal = thread::spawn(|| -> i32 { panic!("disk full") }).join();
    let formatted = thread::spawn(|| -> i32 {
        let job = 7;
        panic!("job {job} failed")
    })
    .join();

    for (name, result) in [
        ("fine", fine),
        ("literal", literal),
        ("formatted", formatted),
    ] {
        match result {
            Ok(value) => println!("{name}: returned {value}"),
            Err(payload) => {
                // `&*payload` borrows the value inside the box.
                println!("{name}: Err, payload is {}", describe(&*payload));
            }
        }
    }
    println!("main thread: still running");
}
// ANCHOR_END: main
